"""Text for XML files (GraphML, GEXF): characters XML 1.0 forbids removed, markup escaped as
ElementTree escapes it, so that streamed files are the bytes networkx's writers make."""
from __future__ import annotations

import re

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def clean(value: str) -> str:
    """``value`` without the characters XML 1.0 cannot hold (C0 controls but tab, CR, LF; DEL; surrogates)."""
    return _XML_BAD.sub("", value)


def escape_text(s: str) -> str:
    """Element text: ``&``, ``<``, ``>`` escaped."""
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") if ("&" in s or "<" in s or ">" in s) else s


def escape_attr(s: str) -> str:
    """An attribute value between double quotes: markup, quotes and line breaks escaped."""
    s = escape_text(s)
    if '"' in s or "\r" in s or "\n" in s or "\t" in s:
        s = s.replace('"', "&quot;").replace("\r", "&#13;").replace("\n", "&#10;").replace("\t", "&#09;")
    return s
