"""Document ids that can never act as paths, and unique within one run."""
from __future__ import annotations

import hashlib
import logging
import re

log = logging.getLogger(__name__)

_ID_DROP = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
_ID_SEP = re.compile(r"[/\\]+")
_ID_DOTS = re.compile(r"\.{2,}")
ID_MAX_CHARS = 120


def _clean_id(raw: str) -> str:
    """A document id that can never act as a path: no separators, no ``..``, no control characters.

    >>> _clean_id("../../etc/passwd"), _clean_id("sub/01_tencent"), _clean_id("a..b")
    ('etc__passwd', 'sub__01_tencent', 'a.b')
    """
    parts = [p.strip() for p in _ID_SEP.split(_ID_DROP.sub("", raw))]
    s = "__".join(p for p in parts if p.strip(".").strip())
    s = _ID_DOTS.sub(".", s).strip(" .")
    if len(s) > ID_MAX_CHARS:
        s = s[: ID_MAX_CHARS - 9] + "-" + hashlib.sha1(s.encode("utf-8")).hexdigest()[:8]
    return s


def _unique(doc_id: str, seen: set) -> str:
    out, n = doc_id, 1
    while out in seen:
        n += 1
        out = f"{doc_id}~{n}"
    if n > 1:
        log.debug("document id %r is used twice; this one is %r", doc_id, out)
    seen.add(out)
    return out
