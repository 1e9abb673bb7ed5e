"""Text normalisation for matching. Originals and offsets are never changed: keys are derived values."""
from __future__ import annotations

import re
import unicodedata

_QUOTES = "「」『』“”‘’\"'《》〈〉【】"
_QUOTE_TABLE = str.maketrans("", "", _QUOTES)
_SPACE = re.compile(r"[\s\u00b7\u30fb·・]+")
# Legal/corporate suffixes stripped when comparing company names (longest first).
COMPANY_SUFFIXES = (
    "股份有限公司", "有限责任公司", "有限公司", "控股集团", "集团公司", "控股", "集团", "公司",
    "incorporated", "corporation", "limited", "holdings", "company", "group", "corp.", "corp", "inc.",
    "inc", "ltd.", "ltd", "llc", "co.", "plc", "gmbh",
)
_MODEL_SUFFIXES = ("大语言模型", "大模型", "模型", "系列")


def fold_char(ch: str) -> str:
    """One char → its matching form: full-width to half-width, lower case. Keeps length 1."""
    o = ord(ch)
    if 0xFF01 <= o <= 0xFF5E:
        ch = chr(o - 0xFEE0)
    elif o == 0x3000:
        ch = " "
    return ch.lower()


def fold(text: str) -> str:
    """Same length as ``text``: offsets into the folded string are offsets into the original."""
    return "".join(fold_char(c) for c in text)


def name_key(name: str) -> str:
    """The key two surface forms of one name share: NFKC, case, quotes and spacing removed."""
    s = unicodedata.normalize("NFKC", name).lower().translate(_QUOTE_TABLE)
    return _SPACE.sub("", s).strip(" -_.,，。")


def strip_company_suffix(key: str) -> str:
    """腾讯公司 → 腾讯, openai inc. → openai (on a :func:`name_key`); never strips to nothing."""
    changed = True
    while changed:
        changed = False
        for suf in COMPANY_SUFFIXES:
            if key.endswith(suf) and len(key) > len(suf) + 1:
                key = key[: -len(suf)].rstrip(",.")
                changed = True
                break
    return key


def strip_model_suffix(key: str) -> str:
    """混元大模型 → 混元."""
    for suf in _MODEL_SUFFIXES:
        if key.endswith(suf) and len(key) > len(suf) + 1:
            return key[: -len(suf)]
    return key


def is_latin(ch: str) -> bool:
    return ch.isascii() and (ch.isalnum() or ch in "-_.+")


def is_han(ch: str) -> bool:
    o = ord(ch)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF


def to_simplified(text: str) -> str:
    """Traditional → simplified characters for matching (騰訊 → 腾讯), when OpenCC is installed;
    otherwise the text unchanged."""
    conv = _opencc()
    return conv(text) if conv is not None and not text.isascii() else text


_OPENCC: list = []


def _opencc():
    if not _OPENCC:
        try:
            import opencc  # opencc-python-reimplemented or opencc: both expose OpenCC('t2s')

            cc = opencc.OpenCC("t2s")
            _OPENCC.append(cc.convert)
        except Exception:  # not installed or no config: matching still works for simplified text
            _OPENCC.append(None)
    return _OPENCC[0]
