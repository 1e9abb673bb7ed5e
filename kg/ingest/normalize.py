"""Meaning-keeping text normalisation, publication dates, titles."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Optional

TITLE_MAX_CHARS = 80
DATE_LINES = 5

_NEWLINE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff\ud800-\udfff]")


def _radical_table() -> dict[int, str]:
    """Kangxi and supplementary radicals and CJK compatibility ideographs → the ideograph they stand for (⼤ → 大):
    PDF and slide exports put them in text, where they look the same and match nothing. One character each."""
    import unicodedata

    out = {}
    for lo, hi in ((0x2E80, 0x2FDF), (0xF900, 0xFAFF)):
        for cp in range(lo, hi + 1):
            n = unicodedata.normalize("NFKC", chr(cp))
            if len(n) == 1 and n != chr(cp):
                out[cp] = n
    return out


_RADICALS = _radical_table()
_RADICAL = re.compile("[\u2e80-\u2fdf\uf900-\ufaff]")


def normalize_text(text: str) -> str:
    """Line breaks → ``\\n``; NUL, C0/C1 controls (but tab and newline), zero-width characters and lone
    surrogates (which cannot be written as UTF-8) removed; radicals and compatibility ideographs that stand for
    an ideograph (⼤模型 from a PDF) become that ideograph, one character for one.

    Nothing else changes: full-width punctuation, traditional characters and spacing stay (no NFKC).
    """
    # str.replace and a search before each sub: no list of pieces, no copy when there is nothing to do
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEWLINE.search(text):
        text = _NEWLINE.sub("\n", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
    if _RADICAL.search(text):
        text = text.translate(_RADICALS)
    return text


# ------------------------------------------------------------------------------------------------ dates

_DATE = re.compile(
    r"(?<!\d)(?P<y>\d{4})(?:(?P<sep>[-/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"|\s*年\s*(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?)(?!\d)"
)


def find_date(text: str) -> Optional[str]:
    """The first valid calendar date in ``text`` as ISO ``YYYY-MM-DD``.

    >>> find_date("发布时间：2026年1月3日 05:20"), find_date("2026/1/3"), find_date("v2026.13.40")
    ('2026-01-03', '2026-01-03', None)
    """
    for m in _DATE.finditer(text):
        try:
            y, mo, d = int(m["y"]), int(m["m"] or m["m2"]), int(m["d"] or m["d2"])
            if 1900 <= y <= 2100:
                return _dt.date(y, mo, d).isoformat()
        except ValueError:
            continue
    return None


def _date_value(value: object) -> Optional[str]:
    """A JSONL ``date``: a date string, or epoch seconds/milliseconds."""
    if isinstance(value, str):
        return find_date(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value >= 1e11 else value
        if 0 < seconds < 4.2e9:
            return _dt.datetime.fromtimestamp(seconds, _dt.timezone.utc).date().isoformat()
    return None


def _head(text: str, lines: int = DATE_LINES) -> str:
    out = []
    for line in text[:4000].split("\n"):
        if line.strip():
            out.append(line)
            if len(out) == lines:
                break
    return "\n".join(out)


def _first_line_title(text: str, *, markdown: bool = False) -> Optional[str]:
    for line in text[:4000].split("\n"):
        line = line.strip()
        if markdown:
            line = line.strip("#").strip()
        if line:
            return line if len(line) <= TITLE_MAX_CHARS else None
    return None
