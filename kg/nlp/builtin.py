"""The default engine: jieba segmentation and POS (a private tokenizer, never jieba's global one),
rule-based sentences, person names from jieba's ``nr`` tag, and kg's trained NER model when it is
packaged. Gazetteers, patterns and type rules run afterwards in :mod:`kg.extract.entities`, the
same for every engine.
"""
from __future__ import annotations

import logging
import re
import threading

from ..resources_data import lexicon_words, surnames
from ..types import Analysis, Document, Mention, Sentence, Token
from .sentences import split_sentences

log = logging.getLogger(__name__)

_JIEBA_LOCK = threading.Lock()
_PERSON_TAGS = {"nr", "nrfg", "nrt"}
# what the NER model contributes: names; rules and gazetteers decide MODEL, and TITLE is not an entity
NER_TYPES = frozenset({"PERSON", "ORG", "COMPANY"})
_PERSON_NEXT = re.compile(r"\s*(表示|称|说|指出|透露|认为|坦言|强调|介绍|回应|此前|曾|已|将|于|毕业|加入|加盟|离职|离开|出任|担任|创立|创办|是|也|则|在)")
COMMON_WORD_FREQ = 200  # jieba dictionary frequency above which a word is taken as an ordinary word


class BuiltinEngine:
    """jieba + rules (+ kg's NER model when present). Works offline; loads once per process."""

    name = "builtin"

    def __init__(self, *, use_model: bool = True):
        self._pos = _make_tokenizer()
        self._ner = _load_model() if use_model else None

    def analyze(self, doc: Document) -> Analysis:
        text = doc.text
        sentences = tuple(split_sentences(text))
        tokens: list[Token] = []
        mentions: list[Mention] = []
        for sent in sentences:
            sent_tokens = self._tokens(sent)
            tokens.extend(sent_tokens)
            people = [m for m in _person_tokens(sent_tokens, text) if not self._common_word(m.text)]
            if self._ner is not None:
                # jieba's nr tags alone were wrong 88 % of the time on CLUENER dev: with the model loaded,
                # keep only those a person's verb follows (张三表示, 李四加入)
                people = [m for m in people if _PERSON_NEXT.match(text, m.end)]
            mentions.extend(people)
        if self._ner is not None and sentences:
            for sent, spans in zip(sentences, self._ner.predict_many([s.text for s in sentences])):
                for start, end, typ, score in spans:
                    if typ not in NER_TYPES or self._doubtful(text[sent.start + start:sent.start + end], typ):
                        continue
                    s, e = sent.start + start, sent.start + end
                    mentions.append(Mention(text[s:e], typ, s, e, "ner", None, float(score)))
        return Analysis(doc, sentences, tuple(tokens), tuple(mentions), engine=self.name)

    def _common_word(self, word: str) -> bool:
        """A frequent dictionary word (安全, 祝福, 师兄) is not a person's name, whatever its tag says."""
        return self._pos.tokenizer.FREQ.get(word, 0) >= COMMON_WORD_FREQ

    def _doubtful(self, span: str, typ: str) -> bool:
        """Model output that is rarely a name here: a lone Latin word as a person (Bench), a place as an
        organisation (荷兰)."""
        if typ == "PERSON" and span.isascii() and " " not in span.strip():
            return True
        if typ in ("ORG", "COMPANY") and self._pos.word_tag_tab.get(span) == "ns" and \
                self._pos.tokenizer.FREQ.get(span, 0) >= 100:
            return True
        return False

    def _tokens(self, sent: Sentence) -> list[Token]:
        out = []
        pos = sent.start
        for word, flag in self._pos.lcut(sent.text, HMM=True):
            end = pos + len(word)
            if not word.isspace():
                out.append(Token(word, pos, end, flag))
            pos = end
        return out


def _make_tokenizer():
    import sys

    import jieba

    fresh = "jieba.posseg" not in sys.modules
    import jieba.posseg  # builds jieba's global POS table from its dictionary (≈1.5 s)

    jieba.setLogLevel(logging.WARNING)
    with _JIEBA_LOCK:
        tok = jieba.Tokenizer()
        tok.initialize()  # jieba's marshal cache of the default dictionary
        for word, freq, tag in lexicon_words():
            tok.add_word(word, freq, tag)
        if fresh and jieba.dt.dictionary is None and tok.dictionary is None:
            # The global table was just read from the same default dictionary and nobody has added
            # words to it yet: copy it instead of parsing the 350k-line file a second time.
            pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
            pos.tokenizer = tok
            pos.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
            return pos
        return jieba.posseg.POSTokenizer(tok)


def _load_model():
    try:
        from .ner_model import load_ner_model
    except ImportError:
        return None
    try:
        return load_ner_model()
    except Exception as err:  # a missing or broken model must not stop the rule-based engine
        log.warning("kg's NER model is not available (%s); using rules and gazetteers only", err)
        return None


def _person_tokens(tokens: list[Token], text: str) -> list[Mention]:
    """Person names from jieba's nr tags, joining a lone surname with the given name after it (王/小川)."""
    out = []
    names = surnames()
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.pos in _PERSON_TAGS:
            start, end = t.start, t.end
            if (len(t.text) == 1 and t.text in names and i + 1 < len(tokens)
                    and tokens[i + 1].start == end and tokens[i + 1].pos in _PERSON_TAGS | {"n", "ns"}
                    and 1 <= len(tokens[i + 1].text) <= 2):
                end = tokens[i + 1].end
                i += 1
            name = text[start:end]
            if 2 <= len(name) <= 4 and name[0] in names and all("\u4e00" <= c <= "\u9fff" for c in name):
                out.append(Mention(name, "PERSON", start, end, "engine", None, 0.6))
        i += 1
    return out
