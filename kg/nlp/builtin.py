"""The default engine: jieba segmentation and dictionary POS tags in one pass (:mod:`kg.nlp.segment`, a
private tokenizer, never jieba's global one), rule-based sentences, person names from jieba's ``nr`` tag,
and kg's trained NER model when it is packaged, fed the same words. Gazetteers, patterns and type rules
run afterwards in :mod:`kg.extract.entities`, the same for every engine.
"""
from __future__ import annotations

import logging
import re

from ..resources_data import surnames
from ..types import Analysis, Document, Mention, Token
from ..text import latin_base
from .segment import get_segmenter
from .sentences import split_sentences

log = logging.getLogger(__name__)

_PERSON_TAGS = {"nr", "nrfg", "nrt"}
# what the NER model contributes: names; rules and gazetteers decide MODEL, and TITLE is not an entity
NER_TYPES = frozenset({"PERSON", "ORG", "COMPANY"})
_PERSON_NEXT = re.compile(r"\s*(表示|称|说|指出|透露|认为|坦言|强调|介绍|回应|此前|曾|已|将|于|毕业|加入|加盟|离职|离开|出任|担任|创立|创办|是|也|则|在)")
# a person written in Latin letters: two to four capitalised parts (Sam Altman, Yann LeCun, J. R. Smith)
_NAME_PART = r"[A-Z](?:'[A-Z])?[a-z]+(?:[A-Z][a-z]+)?(?:-[A-Z]?[a-z]+)*"
_LATIN_NAME = re.compile(rf"(?:(?:{_NAME_PART}|[A-Z]\.)\s+){{1,3}}{_NAME_PART}")
COMMON_WORD_FREQ = 200  # jieba dictionary frequency above which a word is taken as an ordinary word


class BuiltinEngine:
    """jieba + rules (+ kg's NER model when present). Works offline; loads once per process."""

    name = "builtin"

    def __init__(self, *, use_model: bool = True):
        self._seg = get_segmenter()
        self._ner = _load_model() if use_model else None

    def analyze(self, doc: Document) -> Analysis:
        text = doc.text
        sentences = tuple(split_sentences(text))
        tokens: list[Token] = []
        mentions: list[Mention] = []
        seen = [_read_dots(sent.text) for sent in sentences]
        words = [self._seg.words(t) for t in seen]
        for sent, sent_words in zip(sentences, words):
            sent_tokens = [Token(text[sent.start + s:sent.start + e], sent.start + s, sent.start + e, tag)
                           for w, s, e, tag, _ in sent_words if not w.isspace()]
            tokens.extend(sent_tokens)
            people = [m for m in _person_tokens(sent_tokens, text) if not self._common_word(m.text)]
            if self._ner is not None:
                # jieba's nr tags alone were wrong 88 % of the time on CLUENER dev: with the model loaded,
                # keep only those a person's verb follows (张三表示, 李四加入)
                people = [m for m in people if _PERSON_NEXT.match(text, m.end)]
            mentions.extend(people)
        if self._ner is not None and sentences:
            predictions = self._ner.predict_many(seen, words)
            for sent, spans in zip(sentences, predictions):
                for start, end, typ, score in spans:
                    if typ not in NER_TYPES or self._doubtful(text[sent.start + start:sent.start + end], typ):
                        continue
                    s, e = sent.start + start, sent.start + end
                    mentions.append(Mention(text[s:e], typ, s, e, "ner", None, float(score)))
        return Analysis(doc, sentences, tuple(tokens), tuple(mentions), engine=self.name)

    def _common_word(self, word: str) -> bool:
        """A frequent dictionary word (安全, 祝福, 师兄) is not a person's name, whatever its tag says."""
        return self._seg.freq(word) >= COMMON_WORD_FREQ

    def _doubtful(self, span: str, typ: str) -> bool:
        """Model output that is rarely a name here: a lone Latin word as a person (Bench), Latin words that
        are not capitalised name parts as a person (AI Assistant, a generated article's byline).

        A place the model calls an organisation is not doubted here: a city is a club's name in sports news
        (罗马, 利物浦), and the countries that act as governments in tech news (荷兰) are in the gazetteer's
        places, which win over the model's span in :mod:`kg.extract.entities`."""
        return typ == "PERSON" and span.isascii() and (" " not in span.strip() or not _LATIN_NAME.fullmatch(span))


# other dots that join a transliterated name's parts (雷・库兹韦尔, 路德维希‧维特根斯坦): the segmenter and the model see
# the middle dot they learned from, one character for one, so offsets and the text's own characters stay
_OTHER_DOTS = re.compile(r"(?<=[\u4e00-\u9fff])[\u30fb\u2027\u2022\u2219\u22c5\uff65](?=[\u4e00-\u9fff])")


def _read_dots(sentence: str) -> str:
    """What the segmenter and the model read: the middle dot for other name dots, and Latin letters without their
    marks (Erdős as Erdos, which jieba would cut at ő), one character for one."""
    sentence = latin_base(sentence)
    return _OTHER_DOTS.sub("\u00b7", sentence) if _OTHER_DOTS.search(sentence) else sentence


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
