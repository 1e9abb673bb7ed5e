"""kg's trained Chinese NER model: a spaCy pipeline over characters, shipped in ``kg/models/ner``.

The pipeline is ``spacy.blank("zh")`` (one token per character) → ``kg_word_features`` (jieba word
identity and position, written into each character's NORM and TAG) → ``ner`` (CNN tok2vec + transition
NER). It predicts PERSON, ORG, COMPANY, TITLE and MODEL spans with char offsets; the builtin engine's
rules and gazetteers still decide MODEL and override known names. spaCy and jieba are imported on first use.

Examples
--------
>>> model = load_ner_model()                                  # doctest: +SKIP
>>> model.predict("腾讯AI Lab副主任俞栋离职。")                 # doctest: +SKIP
[(0, 9, 'ORG', 1.0), (9, 12, 'TITLE', 1.0), (12, 14, 'PERSON', 1.0)]
"""
from __future__ import annotations

import logging
import re
import threading
from pathlib import Path
from typing import Iterable

from ..errors import EngineError

log = logging.getLogger(__name__)

MODEL_DIR = Path(__file__).resolve().parent.parent / "models" / "ner"
FEATURES = "kg_word_features"
Prediction = tuple[int, int, str, float]

_HAS_SPACE = re.compile(r"\s").search
_CHAR_OR_SPACES = re.compile(r"\S|\s+").finditer
_EDGE_DOTS = frozenset("·・•‧")  # join the parts of a foreign name (萨姆·奥尔特曼); never begin or end one
_cache: dict[str, "NerModel"] = {}
_lock = threading.Lock()


class NerModel:
    """Wraps a loaded spaCy pipeline; ``predict`` returns ``(start, end, TYPE, score)``, half-open.

    spaCy's transition NER gives no probabilities, so the score is 1.0.
    """

    def __init__(self, nlp, *, batch_size: int = 64):
        self.nlp = nlp
        self.batch_size = batch_size
        self.labels: tuple[str, ...] = tuple(nlp.get_pipe("ner").labels)

    def predict(self, text: str) -> list[Prediction]:
        return self.predict_many([text])[0]

    def predict_many(self, texts: list[str], words: list | None = None) -> list[list[Prediction]]:
        """Spans for each text. ``words``: the texts' ``Segmenter.words`` when the caller has them already
        (the builtin engine), so jieba does not cut the same sentence twice."""
        for text in texts:
            if not isinstance(text, str):
                raise EngineError(f"NER input must be str, got {type(text).__name__}; pass sentence texts")
        if FEATURES not in self.nlp.pipe_names:
            return [_spans(doc, text) for doc, text in zip(self.nlp.pipe(texts, batch_size=self.batch_size), texts)]
        if words is None:
            from .segment import get_segmenter

            seg = get_segmenter()
            words = [seg.words(text) for text in texts]
        elif len(words) != len(texts):
            raise EngineError(f"{len(words)} word lists for {len(texts)} texts")
        from spacy.tokens import Doc

        features = self.nlp.get_pipe(FEATURES)
        docs = []
        vocab, tokenizer = self.nlp.vocab, self.nlp.tokenizer
        char_tokens = getattr(tokenizer, "segmenter", None) == "char"
        for text, ws in zip(texts, words):
            if char_tokens and text and not _HAS_SPACE(text):
                doc = Doc(vocab, words=list(text), spaces=[False] * len(text))  # what make_doc builds, faster
            elif char_tokens and text:
                doc = Doc(vocab, *char_words_and_spaces(text))
            else:
                doc = self.nlp.make_doc(text)
            features.set_words(doc, ws, text)
            docs.append(doc)
        stream = iter(docs)
        for name, proc in self.nlp.pipeline:
            if name != FEATURES:
                stream = proc.pipe(stream, batch_size=self.batch_size)
        return [_spans(doc, text) for doc, text in zip(stream, texts)]


def char_words_and_spaces(text: str) -> tuple[list[str], list[bool]]:
    """The words and spaces spaCy's character tokenizer gives ``text`` (``list(text)`` through
    ``spacy.util.get_words_and_spaces``), in one pass: each other character a token, a space right after a
    token that token's trailing space, any other run of whitespace one token."""
    words: list[str] = []
    spaces: list[bool] = []
    for m in _CHAR_OR_SPACES(text):
        w = m.group()
        if not w[0].isspace():
            words.append(w)
            spaces.append(False)
            continue
        if words and w[0] == " ":
            spaces[-1] = True
            w = w[1:]
        if w:
            words.append(w)
            spaces.append(False)
    return words, spaces


def _spans(doc, text: str) -> list[Prediction]:
    """Entity spans read from the doc's IOB arrays (``doc.ents`` builds a Python object per token, which
    cost as much as the model itself on news text; so does ``doc.text``: ``text`` is the doc's text).
    Whitespace and name-joining dots at a span's edges are trimmed (作者: AI Assistant · → AI Assistant)."""
    from spacy.attrs import ENT_IOB, ENT_TYPE, IDX

    out: list[Prediction] = []
    if not len(doc):
        return out
    arr = doc.to_array([ENT_IOB, ENT_TYPE, IDX])
    strings = doc.vocab.strings
    n = len(arr)
    i = 0
    while i < n:
        if arr[i, 0] != 3:  # 3 = B(egin); 1 = I(nside), 2 = O(utside), 0 = unset
            i += 1
            continue
        j = i + 1
        while j < n and arr[j, 0] == 1:
            j += 1
        start = int(arr[i, 2])
        end = int(arr[j, 2]) if j < n else len(text)
        while start < end and (text[start].isspace() or text[start] in _EDGE_DOTS):
            start += 1
        while end > start and (text[end - 1].isspace() or text[end - 1] in _EDGE_DOTS):
            end -= 1
        if start < end:
            out.append((start, end, strings[int(arr[i, 1])], 1.0))
        i = j
    return out


def load_ner_model(path: str | Path | None = None) -> NerModel:
    """The packaged model (default) or one saved by ``python -m kg.train ner``; loaded once per process."""
    model_dir = Path(path) if path is not None else MODEL_DIR
    key = str(model_dir.resolve())
    with _lock:
        if key not in _cache:
            _cache[key] = NerModel(_load_pipeline(model_dir))
        return _cache[key]


def _load_pipeline(model_dir: Path):
    if not (model_dir / "config.cfg").is_file():
        raise EngineError(
            f"no NER model at {model_dir}: reinstall kg (the builtin engine ships kg/models/ner), "
            "or train one with `python -m kg.train ner --data DATASETS --out DIR` and pass that DIR")
    try:
        import spacy
    except ImportError:
        raise EngineError("the builtin NER model needs spaCy: pip install 'spacy>=3.7,<4'") from None
    register_components()
    try:
        return spacy.load(model_dir)
    except (OSError, ValueError, KeyError) as err:
        raise EngineError(f"cannot load the NER model at {model_dir} ({err}); retrain it with "
                          "`python -m kg.train ner` or reinstall kg") from None


_registered = False


def register_components() -> None:
    """Register ``kg_word_features`` with spaCy (idempotent); needed before loading or building the pipeline."""
    global _registered
    if _registered:
        return
    from spacy.language import Language

    if not Language.has_factory(FEATURES):
        Language.factory(FEATURES, default_config={"hmm": True, "tags": False, "classes": False,
                                                   "class_only": False})(
            _make_word_features)
    from spacy.util import registry

    if BIGRAM_EMBED not in registry.architectures:
        registry.architectures.register(BIGRAM_EMBED, func=bigram_hash_embed)
    _registered = True


BIGRAM_EMBED = "kg.BigramHashEmbed.v1"
_END = 0x9E3779B97F4A7C15  # stands for "no next character" in the last bigram of a doc
_MIX = 0x100000001B3


def bigram_hash_embed(width: int, attrs: list[str], rows: list[int], bigram_rows: int):
    """spaCy's ``MultiHashEmbed`` (no static vectors) plus one more hashed column: the character bigram
    starting at each token (this character and the next), built from the ORTH column, which must come first.
    Character bigrams are the classic extra input of Chinese character NER taggers (Zhang & Yang 2018 and the
    baselines before them); the CNN above sees the bigrams of the neighbouring characters."""
    from spacy.attrs import intify_attr
    from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

    if len(rows) != len(attrs):
        raise ValueError(f"{len(rows)} row counts for {len(attrs)} attributes")
    columns = [intify_attr(a) for a in attrs]
    if columns[0] != intify_attr("ORTH"):
        raise ValueError(f"{BIGRAM_EMBED} needs ORTH as its first attribute, got {attrs[0]!r}")
    sizes = list(rows) + [bigram_rows]
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(sizes)]
    extract = Model("extract_features_bigrams", _extract_bigrams, attrs={"columns": columns})
    return chain(
        extract,
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def _extract_bigrams(model, docs, is_train: bool):
    import numpy

    columns = model.attrs["columns"]
    features = []
    for doc in docs:
        values = doc.to_array(columns).astype("uint64").reshape((len(doc), len(columns)))
        orth = values[:, 0]
        following = numpy.empty_like(orth)
        following[:-1] = orth[1:]
        following[-1:] = _END
        with numpy.errstate(over="ignore"):
            bigrams = orth * numpy.uint64(_MIX) ^ following
        features.append(model.ops.asarray2i(numpy.hstack([values, bigrams[:, None]]), dtype="uint64"))
    return features, lambda d_features: []


def _make_word_features(nlp, name: str, hmm: bool, tags: bool, classes: bool, class_only: bool):
    return WordFeatures(hmm=hmm, tags=tags, classes=classes, class_only=class_only)


class WordFeatures:
    """Writes jieba word features onto character tokens, for the NER's embedding layer.

    NORM gets the hash of the jieba word the character belongs to; TAG the hash of its position in that
    word (B/M/E/S) and the word's length (capped at 4); with ``tags``, LEMMA the hash of the word's POS tag
    from jieba's dictionary (``nr``, ``ns``, ``v``…), or of the guessed tag with a ``?`` for a word the
    dictionary does not know (``nr?`` for 周嘉树); with ``classes`` as well, the class LAC gives the word
    alone (``nr|PER`` for 克林顿, ``t|PER`` for 周恩来, ``v`` for 明白: ``kg/resources/word_classes.tsv``);
    with ``class_only``, the class instead of the tag where LAC gives one (``PER`` for both).
    Words come from :class:`kg.nlp.segment.Segmenter`, the
    same pass the builtin engine makes, so the engine hands its words over instead of cutting twice
    (:meth:`set_words`). Hashes are written without adding strings to the vocab, so a long-running
    process does not grow. ``hmm`` is kept for configs saved by earlier versions; jieba's HMM is always on.
    """

    def __init__(self, *, hmm: bool = True, tags: bool = False, classes: bool = False, class_only: bool = False):
        self.hmm = hmm
        self.tags = tags
        self.class_only = class_only
        if classes:
            from ..resources_data import word_classes

            self._classes = word_classes()
        else:
            self._classes = {}
        self._position_ids: dict[int, list[int]] = {}
        self._tag_ids: dict[tuple[str, bool, str], int] = {}

    def __call__(self, doc):
        if len(doc):
            from .segment import get_segmenter

            text = doc.text
            self.set_words(doc, get_segmenter().words(text), text)
        return doc

    def set_words(self, doc, words, text: str) -> None:
        """Write the features of ``words`` (``Segmenter.words(text)``) onto ``doc`` (whose text is ``text``:
        spaCy's ``doc.text`` builds a Python object per character)."""
        import numpy
        from spacy.attrs import LEMMA, NORM, TAG
        from spacy.strings import get_string_id

        if len(doc) == 0:
            return
        attrs = [NORM, TAG, LEMMA] if self.tags else [NORM, TAG]
        one_per_char = len(doc) == len(text)  # one token per character (no whitespace folded into a token)
        if one_per_char or sum(end - start for _, start, end, _, _ in words) == len(text):
            norms: list[int] = []
            positions: list[int] = []
            tag_ids: list[int] = []
            for word, start, end, tag, guessed in words:  # lists, then one array: numpy per word is slower
                n = end - start
                norms += [get_string_id(word.lower())] * n
                positions += self._positions(n)
                if self.tags:
                    tag_ids += [self._tag_id(tag, guessed, word)] * n
            columns = [norms, positions, tag_ids] if self.tags else [norms, positions]
            values = numpy.array(columns, dtype="uint64").T  # one row per character
            if not one_per_char:
                # a token of whitespace spans several characters, and a space after a character is no token
                # of its own: each token takes the row of its last character
                from spacy.attrs import IDX, LENGTH

                bounds = doc.to_array([IDX, LENGTH]).astype("int64")
                values = values[bounds[:, 0] + bounds[:, 1] - 1]
        else:
            values = numpy.zeros((len(doc), len(attrs)), dtype="uint64")
            token_at = [-1] * len(text)  # char offset → token index; -1 for trailing whitespace
            for tok in doc:
                for k in range(tok.idx, tok.idx + len(tok.text)):
                    token_at[k] = tok.i
            for word, start, end, tag, guessed in words:
                word_id, positions = get_string_id(word.lower()), self._positions(end - start)
                tag_id = self._tag_id(tag, guessed, word) if self.tags else 0
                for k in range(start, end):
                    if token_at[k] >= 0:
                        values[token_at[k], 0] = word_id
                        values[token_at[k], 1] = positions[k - start]
                        if self.tags:
                            values[token_at[k], 2] = tag_id
        doc.from_array(attrs, values)

    def pipe(self, docs: Iterable, *, batch_size: int = 128):
        for doc in docs:
            yield self(doc)

    def _tag_id(self, tag: str, guessed: bool, word: str) -> int:
        cls = self._classes.get(word, "") if self._classes else ""
        key = (tag, guessed, cls)
        tid = self._tag_ids.get(key)
        if tid is None:
            from spacy.strings import get_string_id

            if cls and self.class_only:
                name = cls
            else:
                name = tag + ("?" if guessed else "") + (f"|{cls}" if cls else "")
            tid = self._tag_ids[key] = get_string_id(name)
        return tid

    def _positions(self, n: int) -> list[int]:
        """Position ids for the characters of an n-character word: S, or B M… E; length capped at 4."""
        ids = self._position_ids.get(n)
        if ids is None:
            from spacy.strings import get_string_id

            m = min(n, 4)
            tags = ["S"] if n == 1 else ["B"] + ["M"] * (n - 2) + ["E"]
            ids = self._position_ids[n] = [get_string_id(f"{t}{m}") for t in tags]
        return ids
