"""Bytes → text: BOMs, UTF-8, a declared charset, GB18030 or Big5 by plausibility, charset-normalizer."""
from __future__ import annotations

import codecs
import logging
import re
import unicodedata
from functools import lru_cache
from typing import Optional

log = logging.getLogger(__name__)

_SAMPLE_BYTES = 64 * 1024
_CHUNK = 1 << 20
_ALLOWED_C0 = frozenset("\t\n\r\x0b\x0c")
_LEGACY = ("gb18030", "cp950")  # order matters: GB first, Big5 (with Microsoft's extensions) second
_CHARSET_DECL = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_CODEC_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "cp950", "big5-tw": "cp950"}


def decode_bytes(data: bytes, *, declared: Optional[str] = None) -> Optional[str]:
    """Text from bytes: BOMs, then UTF-8, then a declared charset, then GB18030 or Big5, then
    charset-normalizer (if installed). ``None`` when the bytes are binary or no decoding looks like text.

    GB18030 and Big5 both decode most CJK byte strings, so both are tried and the one whose characters
    are more common wins; a tie goes to GB18030 (a short GBK string is often also valid Big5).
    """
    for bom, codec in ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                       (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _strict(data, codec)
            return text if text is not None and _plausible(text) else None
    if data[:1024].count(b"\x00") > 2:
        return None  # binary: a few stray NULs in a text file are tolerated (and removed later)
    text = _utf8(data)
    if text is not None and not _looks_like_mojibake(text):
        return text if _plausible(text) else None
    utf8 = text
    candidates = list(_LEGACY)
    codec = _codec_name(declared)
    if codec and codec not in candidates:
        text = _strict(data, codec)
        if text is not None and _plausible(text):
            return text
    elif codec:
        candidates.remove(codec)
        candidates.insert(0, codec)
    text = _best_legacy(data, candidates, max_ratio=0.0 if utf8 is not None else 0.5)
    if text is not None:
        return text
    if utf8 is not None:
        return utf8 if _plausible(utf8) else None
    return _charset_normalizer(data)


def _strict(data: bytes, codec: str) -> Optional[str]:
    """``data`` decoded, or None. Decoded in 1 MB steps (a whole-buffer decode can peak at 3× the bytes);
    an incomplete character cut off at the very end is dropped."""
    try:
        if len(data) <= _CHUNK:
            decoder = codecs.getincrementaldecoder(codec)()
            text = decoder.decode(data)
            parts = [text]
        else:
            decoder = codecs.getincrementaldecoder(codec)()
            view = memoryview(data)
            parts = [decoder.decode(view[i:i + _CHUNK]) for i in range(0, len(data), _CHUNK)]
    except (UnicodeDecodeError, LookupError):
        return None
    if decoder.getstate()[0]:
        log.debug("dropping an incomplete %s character at the end of the data", codec)
    return parts[0] if len(parts) == 1 else "".join(parts)


def _utf8(data: bytes) -> Optional[str]:
    """UTF-8, tolerating a few stray bytes (≤ 1 per 1,000 characters, each read as U+FFFD)."""
    text = _strict(data, "utf-8")
    if text is not None:
        return text
    for chunk in (data[:_SAMPLE_BYTES], data):  # a cheap look at the start before decoding it all
        text = chunk.decode("utf-8", errors="replace")
        if text.count("\ufffd") * 1000 > len(text):
            return None
    return text


def _codec_name(declared: Optional[str]) -> Optional[str]:
    if not declared:
        return None
    try:
        name = codecs.lookup(declared).name
    except LookupError:
        return None
    if name in ("utf-8", "utf-16", "utf-32", "ascii"):
        return None  # already tried, or would need a BOM
    return _CODEC_ALIASES.get(name, name)


def _best_legacy(data: bytes, candidates: list[str], *, max_ratio: float = 0.5) -> Optional[str]:
    scored = []
    for rank, codec in enumerate(candidates):
        sample = _decode_prefix(data[:_SAMPLE_BYTES], codec, whole=len(data) <= _SAMPLE_BYTES)
        if sample is None or not _plausible(sample):
            continue
        cost, n = _legacy_cost(sample)
        if n and cost / n <= max_ratio:
            scored.append((cost / n, rank, codec))
    for _, _, codec in sorted(scored):
        text = _strict(data, codec)
        if text is not None:
            return text
    return None


def _decode_prefix(data: bytes, codec: str, *, whole: bool) -> Optional[str]:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as err:
        if whole or err.start < len(data) - 4:
            return None
        return data[: err.start].decode(codec, errors="ignore")


@lru_cache(maxsize=1)
def _han_sets() -> tuple[frozenset, frozenset, frozenset, frozenset]:
    """Han characters of GB2312 (level 1, all) and Big5 (level 1, all): level 1 holds the frequent ones."""
    gb1, gb, b51, b5 = set(), set(), set(), set()
    for lead in range(0xB0, 0xF8):
        for trail in range(0xA1, 0xFF):
            ch = _strict(bytes((lead, trail)), "gb2312")
            if ch:
                gb.add(ch)
                if lead <= 0xD7:
                    gb1.add(ch)
    for lead in range(0xA4, 0xFA):
        for trail in (*range(0x40, 0x7F), *range(0xA1, 0xFF)):
            ch = _strict(bytes((lead, trail)), "big5")
            code = lead << 8 | trail
            if ch and (0xA440 <= code <= 0xC67E or 0xC940 <= code <= 0xF9D5):
                b5.add(ch)
                if code <= 0xC67E:
                    b51.add(ch)
    return frozenset(gb1), frozenset(gb), frozenset(b51), frozenset(b5)


def _legacy_cost(text: str) -> tuple[float, int]:
    """How unlike real Chinese text a legacy decoding is: (total cost, non-ASCII characters).

    Rare characters cost, and so does mixing simplified-only with traditional-only characters: a wrong
    guess between GB and Big5 produces both.
    """
    gb1, gb, b51, b5 = _han_sets()
    cost, n, simplified, traditional = 0.0, 0, 0, 0
    for ch in text:
        if ch < "\x80":
            continue
        n += 1
        in_gb, in_b5 = ch in gb, ch in b5
        if in_gb or in_b5:
            simplified += in_gb and not in_b5
            traditional += in_b5 and not in_gb
            if ch not in gb1 and ch not in b51:
                cost += 0.5
            continue
        cat = unicodedata.category(ch)
        if "\ufe10" <= ch <= "\ufe6f":
            cost += 0.5  # vertical and small forms: rare in real text, common in wrong guesses
        elif cat[0] in "PZ":
            continue
        elif cat in ("Co", "Cn", "Cs", "Cc") or ch == "\ufffd":
            cost += 3
        elif cat[0] == "S" or cat == "No":
            cost += 0.25
        else:
            cost += 1  # rare Han, kana, Hangul, Greek, Cyrillic: typical of a wrong guess
    return cost + min(simplified, traditional), n


def _looks_like_mojibake(text: str) -> bool:
    """Valid UTF-8 that is really a short GB/Big5 string: only 2-byte characters, from mixed scripts,
    outnumbering ASCII letters (e.g. GBK 卢伟 read as UTF-8 gives '¬ΰ')."""
    sample = text[:2000]
    wide = [ch for ch in sample if ch >= "\x80"]
    if not wide or any(ch >= "\u0800" for ch in wide):
        return False
    if len(wide) < sum(ch.isascii() and ch.isalpha() for ch in sample):
        return False
    return len({unicodedata.name(ch, "?").split()[0] for ch in wide}) > 1


def _plausible(text: str) -> bool:
    """Mostly letters, digits, punctuation and spaces; few controls, private-use or replacement characters."""
    sample = text[:20000]
    if not sample:
        return True
    bad = 0
    for ch in sample:
        if ch < " ":
            bad += ch not in _ALLOWED_C0
        elif ch >= "\x7f":
            cat = unicodedata.category(ch)
            bad += cat in ("Cc", "Co", "Cs", "Cn") or ch == "\ufffd"
    return bad <= max(8, len(sample) // 20)


def _charset_normalizer(data: bytes) -> Optional[str]:
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        return None
    best = from_bytes(data[: 4 * _SAMPLE_BYTES]).best()
    if best is None:
        return None
    text = _strict(data, best.encoding)
    if text is not None and _plausible(text):
        log.debug("charset-normalizer chose %s", best.encoding)
        return text
    return None
