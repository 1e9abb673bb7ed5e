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

import logging
from typing import Iterable

from ..errors import InputError
from ..types import Document
from .base import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, IngestFailure
from .decode import decode_bytes
from .files import iter_documents, read_document
from .ids import _clean_id
from .normalize import _head, find_date, normalize_text

log = logging.getLogger(__name__)

__all__ = [
    "IngestFailure", "SUPPORTED_SUFFIXES", "DEFAULT_MAX_BYTES", "iter_documents", "read_document",
    "documents_from_texts", "decode_bytes", "normalize_text", "find_date",
]


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
