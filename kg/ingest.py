"""Placeholder ingest until the ingest branch lands (same API)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .errors import InputError
from .types import Document

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class IngestFailure:
    path: str
    reason: str
    line: int | None = None


def iter_documents(inputs: Iterable[str | os.PathLike], **_) -> Iterator[Document | IngestFailure]:
    paths = [Path(p) for p in inputs]
    for p in paths:
        if not p.exists():
            raise InputError(f"{p}: no such file or folder")
    for p in paths:
        files = sorted(f for f in p.rglob("*") if f.suffix in SUPPORTED_SUFFIXES) if p.is_dir() else [p]
        for f in files:
            text = f.read_text(encoding="utf-8")
            if not text.strip():
                yield IngestFailure(str(f), "empty document")
                continue
            yield Document(f.stem, text, source=str(f))


def documents_from_texts(texts: Iterable[str], *, prefix: str = "text") -> list[Document]:
    return [Document(f"{prefix}-{i:04d}", t) for i, t in enumerate(texts, 1)]
