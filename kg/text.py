"""Text normalisation for matching. Originals and offsets are never changed: keys are derived values."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

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
    elif o in (0x2018, 0x2019):
        ch = "'"  # D’Angelo, O’Reilly: a typographic apostrophe matches the plain one
    elif o in (0x30FB, 0x2027, 0xFF65):
        ch = "\u00b7"  # 雷・库兹韦尔, 路德维希‧维特根斯坦: other name dots match the middle dot
    return ch.lower()


_LATIN_MARKED = re.compile(r"[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")
_LATIN_SPECIAL = {"ß": "s", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "æ": "a", "Æ": "A",
                  "œ": "o", "Œ": "O", "þ": "t", "Þ": "T", "ð": "d", "Ð": "D", "ı": "i"}


@lru_cache(maxsize=512)
def _latin_base_char(ch: str) -> str:
    base = unicodedata.normalize("NFD", ch)[0]
    if base.isascii() and base.isalpha():
        return base
    return _LATIN_SPECIAL.get(ch, "a" if ch.islower() else "A")


def latin_base(text: str) -> str:
    """Latin letters with marks as their plain letters, one for one (Erdős → Erdos, Kovač → Kovac): the
    segmenter, the NER model and the name patterns read European names whole. Same length as ``text``."""
    if not _LATIN_MARKED.search(text):
        return text
    return _LATIN_MARKED.sub(lambda m: _latin_base_char(m.group()), text)


def fold(text: str) -> str:
    """Same length as ``text``: offsets into the folded string are offsets into the original."""
    return "".join(fold_char(c) for c in text)


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """The key two surface forms of one name share: NFKC, case, quotes and spacing removed (remembered: the
    rules ask for the keys of the same names again and again)."""
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


# ------------------------------------------------------------------------------------ never entity text
_ID_CHARS = r"A-Za-z0-9+/=_\-"
_UNLINKABLE = re.compile(
    r"(?P<url>(?:https?|ftp)://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+"  # URLs (no CJK: text goes on after them)
    r"|(?<![A-Za-z0-9.])www\.[A-Za-z0-9\-]+\.[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+)"
    r"|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}"  # e-mail addresses
    r"|(?<![A-Za-z0-9_.@])@[A-Za-z0-9_][A-Za-z0-9_.]{0,38}[A-Za-z0-9_]?"  # @handles
    r"|`[^`\n]{1,200}`"  # inline code left in text
    r"|(?<![A-Za-z0-9_./\\])(?:[A-Za-z]:\\|\.{1,2}/|~/|/)(?:[A-Za-z0-9_.\-]+[/\\])+[A-Za-z0-9_.\-]*"  # paths
    r"|(?<![A-Za-z0-9_./])(?:[A-Za-z0-9_\-]+/)+[A-Za-z0-9_\-]+\.(?:py|js|ts|json|ya?ml|md|txt|html?|csv|sh|cpp|"
    r"go|rs|java|ipynb|pdf|png|jpe?g|gif|svg|zip|gz|tar)\b"
    r"|\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b"  # UUIDs
    r"|(?<![A-Za-z0-9])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{16,}(?![A-Za-z0-9])"  # hex hashes
    rf"|(?P<id>(?<![{_ID_CHARS}])[{_ID_CHARS}]{{12,}}(?![{_ID_CHARS}]))"  # base64-like ids: checked by _random_id
)
_CLASSES = re.compile(r"[A-Z]+|[a-z]+|[0-9]+")
_HEX = re.compile(r"(?<![A-Za-z0-9])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{16,}(?![A-Za-z0-9])")


def unlinkable_spans(text: str) -> list[tuple[int, int]]:
    """Half-open spans of ``text`` that are never entity text: bare URLs, e-mail addresses, @handles, inline code,
    file paths, hex hashes and UUIDs, base64-like ids (``YicUhk5aAGtCib2UdBX…``). Sorted, not overlapping.

    >>> t = "见 https://x.com/a 和 @sama，邮件 a@b.cn，文件 /usr/lib/x.py，id YicUhk5aAGtCib2UdBXSy。"
    >>> [t[s:e] for s, e in unlinkable_spans(t)]
    ['https://x.com/a', '@sama', 'a@b.cn', '/usr/lib/x.py', 'YicUhk5aAGtCib2UdBXSy']
    >>> unlinkable_spans("OpenAI 发布 GPT-4o-mini-2024-07-18 与 Qwen2.5-Coder-32B-Instruct")
    []
    """
    out: list[tuple[int, int]] = []
    for m in _UNLINKABLE.finditer(text):
        s, e = m.span()
        if m.lastgroup == "id" and not _random_id(m.group()):
            found = [(s + h.start(), s + h.end()) for h in _HEX.finditer(m.group())]  # sn=24741bdeff…
        elif m.lastgroup == "url":
            url = m.group().rstrip(".,;:!?'")
            if url.endswith(")") and url.count("(") < url.count(")"):
                url = url[:-1]
            found = [(s, s + len(url))]
        else:
            found = [(s, e)]
        for s, e in found:
            if out and s < out[-1][1]:
                out[-1] = (out[-1][0], max(e, out[-1][1]))
            else:
                out.append((s, e))
    return out


_SOURCE_TAG = re.compile(r"(?<=[。！？!?])[ \t]*([^\s。！？!?：:，（）()“”\"]{2,14}(?:[ \t]*[,，、/][ \t]*[^\s。！？!?：:，（）()“”\"]{2,14}){0,4})[ \t]*(?=\n|$)")


def source_tags(text: str) -> list[tuple[int, int]]:
    r"""Half-open spans of the outlets a news digest credits after an item's last sentence, on the same line
    (…的发展。36氪 · …的质量。爱范儿,量子位): a credit, not a fact of the story, so no entity of the graph.

    >>> t = "Lumo 发布了新模型，性能提升明显。IT之家\n另一条新闻说完了。爱范儿,量子位\n"
    >>> [t[s:e] for s, e in source_tags(t)]
    ['IT之家', '爱范儿,量子位']
    >>> source_tags("腾讯发布了混元。\n")
    []
    >>> source_tags("腾讯发布了混元。新华社\n")  # one line like it: no digest
    []
    """
    spans = [m.span(1) for m in _SOURCE_TAG.finditer(text)]
    return spans if len(spans) >= 2 else []  # a digest credits every item; one such line proves nothing


def _random_id(tok: str) -> bool:
    """Mixed case and digits that switch class often: YicUhk5aAGtC… is an id, Qwen2.5-Coder-32B a name."""
    core = tok.strip("=")
    if len(core) < 12 or not (any(c.isupper() for c in core) and any(c.islower() for c in core)):
        return False
    if "-" in core and all(len(p) <= 12 for p in core.split("-")):
        return False  # hyphenated words and version parts: model names, slugs
    runs = len(_CLASSES.findall(core))
    return runs >= 0.6 * len(core) and any(c.isdigit() for c in core) or runs >= 0.65 * len(core) and len(core) >= 16


def without_unlinkable(spans: list[tuple[int, int]], items: list) -> list:
    """``items`` (anything with ``start`` and ``end``) that overlap none of ``spans`` (sorted, as from
    :func:`unlinkable_spans`)."""
    if not spans:
        return list(items)
    import bisect

    ends = [e for _, e in spans]
    out = []
    for x in items:
        i = bisect.bisect_right(ends, x.start)
        if i < len(spans) and spans[i][0] < x.end:
            continue
        out.append(x)
    return out


class _Hit:
    __slots__ = ("_a", "_b", "_form")

    def __init__(self, a: int, b: int, form: str):
        self._a, self._b, self._form = a, b, form

    def span(self) -> tuple[int, int]:
        return self._a, self._b

    def group(self, n: int = 0) -> str:
        return self._form


class Forms:
    """What ``re.compile("|".join(map(re.escape, sorted(forms, key=len, reverse=True)))).finditer`` finds (the
    leftmost occurrence of any form, the longest there, then on after it), without compiling a pattern: a document's
    few dozen names are found by ``str.find`` far faster than a fresh alternation is compiled for each document."""

    def __init__(self, forms):
        self.forms = [f for f in dict.fromkeys(forms) if f]

    def finditer(self, text: str):
        hits = []
        for f in self.forms:
            i = text.find(f)
            while i != -1:
                hits.append((i, -len(f), f))
                i = text.find(f, i + 1)
        hits.sort()
        pos = 0
        for a, neg, f in hits:
            if a >= pos:
                yield _Hit(a, a - neg, f)
                pos = a - neg
