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
    meta = {k: _str_field(record, k) for k in ("title", "url", "author", "publication")}
    meta["date"] = _date_value(record.get("date"))
    fmt = record.get("format")
    if fmt == "markdown" or (fmt is None and looks_like_markdown(text)):
        return markdown_document(text, doc_id, str(path), **meta)
    meta["date"] = meta["date"] or find_date(_head(text))
    return Document(id=doc_id, text=text, source=str(path), **meta)


def _str_field(record: dict, key: str) -> Optional[str]:
    value = record.get(key)
    return normalize_text(value).strip() or None if isinstance(value, str) else None
