"""Files, folders and JSONL → :class:`~kg.types.Document`: encoding detection and meaning-keeping normalisation.

>>> documents_from_texts(["腾讯发布混元。", "字节跳动发布豆包。"])[1].id
'text-0002'
>>> normalize_text("腾讯\\r\\n\\x00混元\\u200b")
'腾讯\\n混元'

:func:`iter_documents` streams: one file is read at a time, and a JSONL file one line at a time. A file or
JSONL line that cannot be read becomes an :class:`IngestFailure` in the stream; the good ones still come
through. A path that does not exist is a user error and raises :class:`~kg.errors.InputError` at once.
"""
from __future__ import annotations

import codecs
import datetime as _dt
import hashlib
import json
import logging
import os
import re
import stat
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Iterable, Iterator, Optional, Union

from .errors import InputError
from .types import Document

log = logging.getLogger(__name__)

__all__ = [
    "IngestFailure", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES", "iter_documents", "read_document",
    "documents_from_texts", "decode_bytes", "normalize_text", "find_date",
]

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
TITLE_MAX_CHARS = 80
DATE_LINES = 5

PathInput = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class IngestFailure:
    """One file, or one JSONL line (``line`` is 1-based), that could not be read; ``reason`` says what to do."""

    path: str
    reason: str
    line: Optional[int] = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


# ----------------------------------------------------------------------------------------------- public API


def iter_documents(
    inputs: Iterable[PathInput] | PathInput, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | IngestFailure]:
    """Documents from files and folders (recursive, sorted, hidden and unsupported files skipped).

    Raises :class:`~kg.errors.InputError` at once for a missing path or an explicitly named file of an
    unsupported type; everything else that goes wrong is yielded as an :class:`IngestFailure`.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    roots = _check_inputs(inputs)
    return _iter_documents(roots, max_bytes)


def read_document(path: PathInput, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    """One .txt, .md or .html file as a Document whose id is the file stem. Raises InputError."""
    p = Path(os.fspath(path))
    (root,) = _check_inputs([p])
    if p.is_dir() or p.suffix.lower() == ".jsonl":
        raise InputError(f"{str(p)!r} is a folder or JSONL file: use kg.ingest.iter_documents for it")
    result = _read_file(p, _clean_id(p.stem) or "doc", max_bytes)
    if isinstance(result, IngestFailure):
        raise InputError(str(result))
    return result


def documents_from_texts(texts: Iterable[str], *, prefix: str = "text") -> list[Document]:
    """Documents ``{prefix}-0001``, ``{prefix}-0002``… for in-memory texts (the number is the 1-based position).

    Texts are normalised like file contents; empty ones are skipped with a warning (their number is not reused).
    """
    if isinstance(texts, str):
        texts = [texts]
    prefix = _clean_id(prefix) or "text"
    docs = []
    for i, text in enumerate(texts, 1):
        if not isinstance(text, str):
            raise InputError(f"text {i} is {type(text).__name__}, not str: pass texts as strings (decode bytes first)")
        clean = normalize_text(text)
        if not clean.strip():
            log.warning("text %d is empty; skipped", i)
            continue
        docs.append(Document(id=f"{prefix}-{i:04d}", text=clean, date=find_date(_head(clean))))
    return docs


# ---------------------------------------------------------------------------------------- normalisation

_NEWLINE = re.compile("[\x0b\x0c\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u200b-\u200d\u2060\ufeff]")


def normalize_text(text: str) -> str:
    """Line breaks → ``\\n``; NUL, C0/C1 controls (but tab and newline) and zero-width characters removed.

    Nothing else changes: full-width punctuation, traditional characters and spacing stay (no NFKC).
    """
    # str.replace and a search before each sub: no list of pieces, no copy when there is nothing to do
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _NEWLINE.search(text):
        text = _NEWLINE.sub("\n", text)
    if _INVISIBLE.search(text):
        text = _INVISIBLE.sub("", text)
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


# --------------------------------------------------------------------------------------------- decoding

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


# ------------------------------------------------------------------------------------------------- HTML

_SKIP = frozenset({"script", "style", "noscript", "template"})
_HEAD_OK = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template", "head"})
_BLOCK = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul".split()
)
_CELL = frozenset({"td", "th"})
_DATE_META = frozenset({
    "article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date", "publish-date",
    "date", "dc.date", "dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date",
})
_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*\n\s*(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")


class _HtmlText(HTMLParser):
    """Visible text of a page, with block elements on their own lines, plus title, date and canonical url."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.date: Optional[str] = None
        self.url: Optional[str] = None
        self._skip = 0
        self._in_head = False
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self._in_head = True
        elif self._in_head and tag not in _HEAD_OK:
            self._in_head = False  # any body element ends an unclosed <head>
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and self.date is None:
                self.date = find_date(a.get("content", ""))
            elif key == "og:url" and self.url is None:
                self.url = a.get("content") or None
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.url = a.get("href") or self.url
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        if tag in _SKIP:
            self._skip += 1
        elif tag == "pre":
            self._pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self._skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip or self._in_head:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        if not self._pre:
            data = _SPACES.sub(" ", _CJK_BREAK.sub("", data))
        self.parts.append(data)

    def text(self) -> str:
        lines = (line.strip(" ") for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line.strip())


def _html_document(raw: str) -> tuple[str, Optional[str], Optional[str], Optional[str]]:
    """(text, title, date, url) of an HTML page."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title_parts or parser.h1_parts)).strip() or None
    return parser.text(), title, parser.date, parser.url


# ---------------------------------------------------------------------------------------------- reading


def _read_file(path: Path, doc_id: str, max_bytes: int) -> Document | IngestFailure:
    """One .txt/.md/.html file. Never raises for a bad file: returns an IngestFailure saying what to do."""
    data = _read_bytes(path, max_bytes)
    if isinstance(data, IngestFailure):
        return data
    suffix = path.suffix.lower()
    is_html = suffix in (".html", ".htm")
    declared = None
    if is_html:
        m = _CHARSET_DECL.search(data[:4096])
        declared = m.group(1).decode("ascii", "ignore") if m else None
    raw = decode_bytes(data, declared=declared)
    del data
    if raw is None:
        return IngestFailure(str(path), "binary or unknown encoding: if it is text, save it as UTF-8")
    title = date = url = None
    if is_html:
        raw, title, date, url = _html_document(raw)
    text = normalize_text(raw)
    del raw
    if not text or text.isspace():
        return IngestFailure(str(path), "empty document")
    if not is_html:
        title = _first_line_title(text, markdown=suffix == ".md")
    title = normalize_text(title).strip() or None if title else None
    return Document(
        id=doc_id, text=text, title=title, date=date or find_date(_head(text)), url=url, source=str(path)
    )


def _read_bytes(path: Path, max_bytes: int) -> bytes | IngestFailure:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return IngestFailure(str(path), "not a regular file: pass text files or folders")
        if st.st_size > max_bytes:
            return IngestFailure(str(path), _too_big(st.st_size, max_bytes))
        with open(path, "rb") as fh:
            # read(n) allocates n bytes up front: ask for the size stat gave, then for any growth since
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:
                data += fh.read(max_bytes + 1 - len(data))
    except OSError as err:
        return IngestFailure(str(path), _os_reason(err))
    if len(data) > max_bytes:
        return IngestFailure(str(path), _too_big(len(data), max_bytes))
    return data


def _too_big(size: int, limit: int) -> str:
    return (f"file is {size / 2**20:.1f} MB, over the {limit / 2**20:.1f} MB limit: "
            "split it into smaller files or raise max_bytes")


def _os_reason(err: OSError) -> str:
    what = err.strerror or str(err)
    if isinstance(err, PermissionError):
        return f"cannot read: {what}: check the file's permissions"
    return f"cannot read: {what}"


def _read_jsonl(path: Path, file_id: str, max_bytes: int, seen: set) -> Iterator[Document | IngestFailure]:
    """One Document per JSONL line ``{"text": ..., "id"?, "title"?, "date"?, "url"?}``; bad lines as failures."""
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield IngestFailure(str(path), _os_reason(err))
        return
    with fh:
        head = fh.read(4)
        if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            yield IngestFailure(str(path), "JSONL must be UTF-8 and this file is UTF-16: save it as UTF-8")
            return
        fh.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
        for lineno, raw in enumerate(_lines(fh, max_bytes), 1):
            if raw is None:
                yield IngestFailure(str(path), f"line is longer than {max_bytes} bytes: split it", lineno)
                continue
            if not raw.strip():
                continue
            yield _jsonl_record(path, file_id, lineno, raw, seen)


def _lines(fh: BinaryIO, limit: int) -> Iterator[Optional[bytes]]:
    """Lines of at most ``limit`` bytes; ``None`` for a longer line, which is skipped without being held."""
    while True:
        line = fh.readline(limit + 1)
        if not line:
            return
        if len(line) > limit and not line.endswith(b"\n"):
            while True:
                rest = fh.readline(1 << 20)
                if not rest or rest.endswith(b"\n"):
                    break
            yield None
        else:
            yield line


def _jsonl_record(path: Path, file_id: str, lineno: int, raw: bytes, seen: set) -> Document | IngestFailure:
    def fail(reason: str) -> IngestFailure:
        return IngestFailure(str(path), reason, lineno)

    line = _strict(raw, "utf-8")
    if line is None:
        line = _best_legacy(raw, list(_LEGACY))
        if line is None:
            return fail("line is not UTF-8 text: save the file as UTF-8")
    try:
        record = json.loads(line, strict=False)
    except json.JSONDecodeError as err:
        return fail(f"invalid JSON ({err.msg} at column {err.colno}): fix or remove the line")
    if not isinstance(record, dict):
        return fail(f'not a JSON object but {type(record).__name__}: write each line as {{"text": "..."}}')
    if "text" not in record:
        return fail('no "text" field: each line needs {"text": "..."}')
    text = record["text"]
    if not isinstance(text, str):
        return fail(f'"text" is {type(text).__name__}, not a string: put the article text in "text"')
    text = normalize_text(text)
    if not text or text.isspace():
        return fail('empty "text"')
    raw_id = record.get("id")
    doc_id = _clean_id(str(raw_id)) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
    doc_id = _unique(doc_id or f"{file_id}:{lineno}", seen)
    title = record.get("title")
    title = normalize_text(title).strip() or None if isinstance(title, str) else None
    url = record.get("url")
    url = normalize_text(url).strip() or None if isinstance(url, str) else None
    date = _date_value(record.get("date")) or find_date(_head(text))
    return Document(id=doc_id, text=text, title=title, date=date, url=url, source=str(path))


# -------------------------------------------------------------------------------------- inputs and ids


@dataclass(frozen=True)
class _Source:
    path: Path
    rel: PurePosixPath  # relative to the input folder; just the name for a file given directly

    @property
    def is_jsonl(self) -> bool:
        return self.path.suffix.lower() == ".jsonl"


def _check_inputs(inputs: Iterable[PathInput] | PathInput) -> list[Path]:
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    roots = []
    for item in inputs:
        try:
            p = Path(os.fspath(item))
        except TypeError:
            raise InputError(f"{item!r} is not a path: pass file or folder paths as strings") from None
        if not p.exists():
            raise InputError(f"{str(p)!r} does not exist: check the path (it is relative to {os.getcwd()!r})")
        if p.is_file() and p.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise InputError(
                f"{str(p)!r} is not a supported file type: kg reads {', '.join(SUPPORTED_SUFFIXES)}; "
                "convert it to .txt or UTF-8 .jsonl"
            )
        roots.append(p)
    return roots


def _iter_documents(roots: list[Path], max_bytes: int) -> Iterator[Document | IngestFailure]:
    sources: list[_Source] = []
    found: set[str] = set()
    for root in roots:
        before = len(sources)
        for item in _walk(root):
            if isinstance(item, IngestFailure):
                yield item
                continue
            real = os.path.realpath(item.path)
            if real in found:
                log.debug("skipping %s: already read", item.path)
                continue
            found.add(real)
            sources.append(item)
        if root.is_dir() and len(sources) == before:
            log.warning("no %s files in %s", "/".join(SUPPORTED_SUFFIXES), root)
    seen: set[str] = set()
    for src, file_id in zip(sources, _file_ids(sources)):
        if src.is_jsonl:
            yield from _read_jsonl(src.path, file_id, max_bytes, seen)
        else:
            yield _read_file(src.path, _unique(file_id, seen), max_bytes)


def _walk(root: Path) -> Iterator[_Source | IngestFailure]:
    if not root.is_dir():
        yield _Source(root, PurePosixPath(root.name))
        return
    found = []
    errors: list[OSError] = []
    for folder, dirs, files in os.walk(root, onerror=errors.append):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder, name)
            if name.startswith("."):
                log.debug("skipping hidden file %s", path)
            elif path.suffix.lower() not in SUPPORTED_SUFFIXES:
                log.debug("skipping %s: not one of %s", path, SUPPORTED_SUFFIXES)
            else:
                found.append(_Source(path, PurePosixPath(path.relative_to(root).as_posix())))
    for err in errors:
        yield IngestFailure(str(err.filename or root), _os_reason(err))
    yield from sorted(found, key=lambda s: s.rel.parts)


def _file_ids(sources: list[_Source]) -> list[str]:
    """File stems; a stem shared by two files becomes the relative path (``sub__01_tencent``), then the
    relative path with its suffix, then that plus a short hash of the full path."""
    def kinds(ids: list[str]) -> Counter:
        return Counter((s.is_jsonl, i) for s, i in zip(sources, ids))

    ids = [_clean_id(s.path.stem) or "doc" for s in sources]
    fallbacks = (
        lambda s: _clean_id(s.rel.with_suffix("").as_posix()),
        lambda s: _clean_id(s.rel.as_posix()),
        lambda s: _clean_id(s.rel.as_posix()) + "-" + hashlib.sha1(str(s.path).encode("utf-8")).hexdigest()[:6],
    )
    for fallback in fallbacks:
        counts = kinds(ids)
        if all(n == 1 for n in counts.values()):
            break
        ids = [fallback(s) or i if counts[(s.is_jsonl, i)] > 1 else i for s, i in zip(sources, ids)]
    return ids


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
