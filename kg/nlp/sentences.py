"""Rule-based sentence splitting with char offsets (shared by all engines)."""
from __future__ import annotations

import re

from ..types import Sentence

# A sentence ends at 。！？!? ；; or a line break; closing quotes/brackets stay with it.
_END = re.compile(r"[。！？!?；;]+[”’」』）)\]】\"']*|\n+")
MAX_SENTENCE = 500  # long runs without punctuation are cut, to bound extractor work
TITLE_REACH = 60  # a title in 《》 that closes within this many characters on the line is not cut at its ？ or ！


def split_sentences(text: str, *, max_len: int = MAX_SENTENCE) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _END.finditer(text):
        if m.group(0)[0] != "\n" and _inside_title(text, pos, m.start(), m.end()):
            continue  # 他在《HeyGen 是如何找到 PMF 的？》一文中说: the title's question mark ends no sentence
        _emit(text, pos, m.end(), out, max_len)
        pos = m.end()
    _emit(text, pos, len(text), out, max_len)
    return out


def _inside_title(text: str, start: int, a: int, b: int) -> bool:
    """The end mark at a..b stands inside a 《…》 opened in this sentence and closed soon after, on the same line."""
    opened = text.rfind("《", start, a)
    if opened < 0 or text.rfind("》", opened, a) >= 0:
        return False
    closed = text.find("》", b, b + TITLE_REACH)
    return closed >= 0 and "\n" not in text[b:closed]


def _emit(text: str, start: int, end: int, out: list[Sentence], max_len: int) -> None:
    # trim whitespace at both ends, keep offsets exact
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return
    while end - start > max_len:
        cut = _soft_cut(text, start, start + max_len)
        out.append(Sentence(start, cut, text[start:cut]))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if start < end:
        out.append(Sentence(start, end, text[start:end]))


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Cut before ``limit`` at a comma or space if there is one in the last fifth of the window."""
    floor = start + (limit - start) * 4 // 5
    for i in range(limit - 1, floor, -1):
        if text[i] in "，,、 \t：:":
            return i + 1
    return limit
