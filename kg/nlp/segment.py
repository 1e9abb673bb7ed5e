"""jieba words with POS tags, in one fast pass: the builtin engine's tokens and the NER model's word features.

``jieba.posseg`` cuts a sentence with jieba's dictionary DAG and sends every run of characters the
dictionary does not know through a joint segmentation-and-POS HMM with ≈250 states, written in Python:
on news text that HMM is ≈85 % of posseg's time (profiled: 21 of 25 s). :class:`Segmenter` follows
posseg step for step — the same regular expressions for Han, Latin, digits and spaces, the same DAG and
route, the same tags for dictionary words — but cuts unknown runs with jieba's 4-state ``finalseg`` HMM
(the one ``jieba.cut`` uses) and tags the words it makes by rule (:func:`guess_tag`). 7–8× faster than
posseg on kg's benchmark corpus (≈130,000 chars/s); unknown words are mostly names, which kg's NER model and rules type anyway.

The tokenizer is private (``jieba.Tokenizer()`` with kg's lexicon added): a user's ``jieba.add_word``
never changes what kg sees, and kg never changes the user's jieba.

Examples
--------
>>> seg = get_segmenter()                                   # doctest: +SKIP
>>> seg.words("周嘉树加入腾讯。")                             # doctest: +SKIP
[('周嘉树', 0, 3, 'nr', True), ('加入', 3, 5, 'v', False), ('腾讯', 5, 7, 'nt', False), ('。', 7, 8, 'x', False)]
"""
from __future__ import annotations

import logging
import re
import threading

from ..resources_data import lexicon_words, surnames

_LOCK = threading.Lock()
_segmenter: "Segmenter | None" = None

# posseg's own expressions (jieba/posseg/__init__.py), so blocks split exactly where posseg splits them
_RE_HAN_INTERNAL = re.compile("([\u4E00-\u9FD5a-zA-Z0-9+#&\\._]+)")
_RE_SKIP_INTERNAL = re.compile("(\r\n|\\s)")
_RE_HAN_DETAIL = re.compile("([\u4E00-\u9FD5]+)")
_RE_SKIP_DETAIL = re.compile("([\\.0-9]+|[a-zA-Z0-9]+)")
_RE_ENG = re.compile("[a-zA-Z0-9]+")
_RE_NUM = re.compile("[\\.0-9]+")

SHORT_MAX = 32  # Segmenter.short_words remembers texts up to this length …
SHORT_CACHE = 50_000  # … and this many of them (about 0.8 KB each: at most some 40 MB)
Word = tuple[str, int, int, str, bool]  # (word, start, end, tag, tag guessed: not in jieba's dictionary)


def guess_tag(word: str, family_names: frozenset[str]) -> str:
    """A tag for a Han word jieba's dictionary does not know: a person's name when it starts with a family
    name and is 2–3 characters long (周嘉树, 许晨阳: posseg's HMM says ``nr`` for these too), else a noun."""
    if 2 <= len(word) <= 3 and (word[0] in family_names or word[:2] in family_names):
        return "nr"
    return "n"


class Segmenter:
    """One jieba pass per text: ``words(text)`` → ``[(word, start, end, tag, guessed), ...]``, offsets into text."""

    def __init__(self, *, gazetteer_words: bool = True):
        import jieba
        import jieba.finalseg

        jieba.setLogLevel(logging.WARNING)
        tok = jieba.Tokenizer()
        tok.initialize()  # jieba's marshal cache of the default dictionary
        tags = _word_tags(tok.get_dict_file())  # the table jieba.posseg reads, without a second global copy
        for word, freq, tag in lexicon_words(gazetteer=gazetteer_words):
            tok.add_word(word, freq)
            tags[word] = tag
        self.tokenizer = tok
        self.word_tag_tab = tags
        self._finalseg = jieba.finalseg.cut
        self._family = surnames()
        self._short: dict[str, tuple[Word, ...]] = {}

    def short_words(self, text: str) -> tuple[Word, ...]:
        """:meth:`words` of a short text (a name the entity rules check), remembered: one article names the same
        few hundred names again and again. Bounded: forgotten once it holds :data:`SHORT_CACHE` texts."""
        got = self._short.get(text)
        if got is None:
            got = tuple(self.words(text))
            if len(text) <= SHORT_MAX:
                if len(self._short) >= SHORT_CACHE:
                    self._short.clear()
                self._short[text] = got
        return got

    def freq(self, word: str) -> int:
        return self.tokenizer.FREQ.get(word, 0)

    def words(self, text: str) -> list[Word]:
        out: list[Word] = []
        pos = 0
        for blk in _RE_HAN_INTERNAL.split(text):
            if not blk:
                continue
            if _RE_HAN_INTERNAL.match(blk):
                for word, tag, guessed in self._cut_block(blk):
                    out.append((word, pos, pos + len(word), tag, guessed))
                    pos += len(word)
                continue
            for x in _RE_SKIP_INTERNAL.split(blk):
                if not x:
                    continue
                if _RE_SKIP_INTERNAL.match(x):
                    out.append((x, pos, pos + len(x), "x", False))
                    pos += len(x)
                    continue
                for ch in x:
                    tag = "m" if _RE_NUM.match(ch) else "eng" if _RE_ENG.match(ch) else "x"
                    out.append((ch, pos, pos + 1, tag, False))
                    pos += 1
        return out

    def _cut_block(self, sentence: str):
        """posseg's ``__cut_DAG`` with HMM, its POS HMM swapped for finalseg + :func:`guess_tag`."""
        tok, tab = self.tokenizer, self.word_tag_tab
        dag = tok.get_DAG(sentence)
        route: dict = {}
        tok.calc(sentence, dag, route)
        x, n, buf = 0, len(sentence), ""
        while x < n:
            y = route[x][1] + 1
            word = sentence[x:y]
            if y - x == 1:
                buf += word
            else:
                if buf:
                    yield from self._flush(buf)
                    buf = ""
                yield word, tab.get(word, "x"), False
            x = y
        if buf:
            yield from self._flush(buf)

    def _flush(self, buf: str):
        tab = self.word_tag_tab
        if len(buf) == 1:
            yield buf, tab.get(buf, "x"), False
        elif not self.tokenizer.FREQ.get(buf):
            yield from self._detail(buf)
        else:
            for ch in buf:
                yield ch, tab.get(ch, "x"), False

    def _detail(self, sentence: str):
        tab = self.word_tag_tab
        for blk in _RE_HAN_DETAIL.split(sentence):
            if not blk:
                continue
            if _RE_HAN_DETAIL.match(blk):
                for word in self._finalseg(blk):
                    tag = tab.get(word)
                    if tag is not None:
                        yield word, tag, False
                    elif len(word) == 1:
                        yield word, "x", True
                    else:
                        yield word, guess_tag(word, self._family), True
                continue
            for x in _RE_SKIP_DETAIL.split(blk):
                if x:
                    yield x, "m" if _RE_NUM.match(x) else "eng" if _RE_ENG.match(x) else "x", False


def _word_tags(f) -> dict[str, str]:
    """word → POS tag from a jieba dictionary file (``word freq tag`` lines), as ``POSTokenizer.load_word_tag``."""
    tags: dict[str, str] = {}
    with f:
        for line in f.read().decode("utf-8").splitlines():
            parts = line.split(" ")
            if len(parts) == 3:
                tags[parts[0]] = parts[2]
    return tags


def get_segmenter() -> Segmenter:
    """The process's segmenter (built once, ≈2 s: jieba's dictionary and tag table)."""
    global _segmenter
    with _LOCK:
        if _segmenter is None:
            _segmenter = Segmenter()
        return _segmenter


def use_segmenter(segmenter: Segmenter) -> None:
    """Make ``segmenter`` the process's segmenter (``python -m kg.train ... --no-gazetteer-words``)."""
    global _segmenter
    with _LOCK:
        _segmenter = segmenter
