"""JSONL: one Document per line; a bad line is an IngestFailure with its line number, the rest go on."""
from __future__ import annotations

import codecs
import json
from pathlib import Path
from typing import BinaryIO, Iterator, Optional

from ..types import Document
from .base import IngestFailure, _os_reason
from .decode import _LEGACY, _best_legacy, _strict
from .ids import _clean_id, _unique
from .markdown import looks_like_markdown, markdown_document
from .normalize import _date_value, _head, find_date, normalize_text

def _read_jsonl(path: Path, file_id: str, max_bytes: int, seen: set) -> Iterator[Document | IngestFailure]:
    """One Document per JSONL line ``{"text": ..., "id"?, "title"?, "date"?, "url"?, "author"?, "publication"?,
    "format"?}``; bad lines as failures. A ``text`` with ``"format": "markdown"``, or without a format that looks
    like Markdown, goes through the Markdown reader (``"format": "text"`` keeps it as it is)."""
    try:
        fh = open(path, "rb")
    except OSError as err:
        yield IngestFailure(str(path), _os_reason(err))
        return
    with fh:
        wrong = to_first_line(fh)
        if wrong:
            yield IngestFailure(str(path), wrong)
            return
        for lineno, raw in enumerate(_lines(fh, max_bytes), 1):
            if raw is None:
                yield IngestFailure(str(path), too_long(max_bytes), lineno)
                continue
            if not raw.strip():
                continue
            yield _jsonl_record(path, file_id, lineno, raw, seen)


def to_first_line(fh: BinaryIO) -> str | None:
    """Move past a UTF-8 byte order mark; a reason the whole file cannot be read (UTF-16), else None."""
    head = fh.read(4)
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "JSONL must be UTF-8 and this file is UTF-16: save it as UTF-8"
    fh.seek(3 if head.startswith(codecs.BOM_UTF8) else 0)
    return None


def too_long(max_bytes: int) -> str:
    return f"line is longer than {max_bytes} bytes: split it"


def _lines(fh: BinaryIO, limit: int) -> Iterator[Optional[bytes]]:
    """Lines of at most ``limit`` bytes; ``None`` for a longer line, which is skipped without being held."""
    while True:
        line = next_line(fh, limit)
        if line == b"":
            return
        yield line


def next_line(fh: BinaryIO, limit: int) -> Optional[bytes]:
    """The next line of at most ``limit`` bytes, ``b""`` at the end, ``None`` for a longer line (skipped)."""
    line = fh.readline(limit + 1)
    if len(line) > limit and not line.endswith(b"\n"):
        skip_line(fh)
        return None
    return line


def skip_line(fh: BinaryIO) -> None:
    """Move past the rest of the current line without holding it."""
    while True:
        rest = fh.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return


def _jsonl_record(path: Path, file_id: str, lineno: int, raw: bytes, seen: set) -> Document | IngestFailure:
    record = parse_record(str(path), lineno, raw)
    if isinstance(record, IngestFailure):
        return record
    own_id, make = record
    return make(_unique(own_id or f"{file_id}:{lineno}", seen))


def parse_record(path: str, lineno: int, raw: bytes):
    """One JSONL line: an IngestFailure, or the record's own id (cleaned; ``""`` if it has none) and a function
    that makes its Document given the id the document gets (ids are unique across a build: the caller's job)."""
    def fail(reason: str) -> IngestFailure:
        return IngestFailure(path, reason, lineno)

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
    own_id = _clean_id(str(raw_id)) if isinstance(raw_id, (str, int)) and not isinstance(raw_id, bool) else ""
    meta = {k: _str_field(record, k) for k in ("title", "url", "author", "publication")}
    meta["date"] = _date_value(record.get("date"))
    fmt = record.get("format")
    if fmt == "markdown" or (fmt is None and looks_like_markdown(text)):
        return own_id, lambda doc_id: markdown_document(text, doc_id, path, **meta)
    meta["date"] = meta["date"] or find_date(_head(text))
    return own_id, lambda doc_id: Document(id=doc_id, text=text, source=path, **meta)


def _str_field(record: dict, key: str) -> Optional[str]:
    value = record.get(key)
    return normalize_text(value).strip() or None if isinstance(value, str) else None
