"""Inputs as chunks that cluster workers read themselves (``kg build --dask``), with the same documents, ids
and order as :func:`~kg.ingest.iter_documents`.

The driver only lists: :func:`plan_chunks` walks folders (local, or fsspec URLs such as ``s3://bucket/news/``),
groups files into chunks of about :data:`CHUNK_BYTES`, and cuts a JSONL file into byte ranges of that size. A
worker opens its chunk from shared storage (:func:`read_chunk`); no text passes through the driver. A JSONL
range owns the lines that start in it, so a line cut by a boundary is read whole by the range it starts in.

What a document is called depends on everything read before it (``_unique`` suffixes, JSONL line numbers),
so a worker gives each document a provisional id and the driver, taking the chunks' summaries in input order,
gives the final one (:class:`Numbering`): exactly what ``iter_documents`` would have given.
"""
from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Optional, Union

from ..errors import InputError
from ..types import Document
from .base import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, IngestFailure, _os_reason
from .files import _Source, _check_inputs, _read_bytes, _too_big, _walk, document_from_bytes, list_sources
from .ids import _unique
from .jsonl import next_line, parse_record, skip_line, to_first_line, too_long

log = logging.getLogger(__name__)

CHUNK_BYTES = 256 * 1024  # of source files per chunk: about 3 s of one worker's analysis of news text
CHUNK_FILES = 64  # files per chunk at most


@dataclass(frozen=True)
class FileRef:
    location: str  # what a worker opens: an absolute path, or an fsspec URL
    display: str  # the path as the user gave it: in messages and as the document's source
    file_id: str


@dataclass(frozen=True)
class FilesChunk:
    files: tuple[FileRef, ...]


@dataclass(frozen=True)
class JsonlChunk:
    file: FileRef
    start: int  # the chunk owns the lines that start at a byte offset in [start, end)
    end: Optional[int]  # None: to the end of the file


@dataclass(frozen=True)
class TextsChunk:
    docs: tuple[Document, ...]  # in-memory texts (``kg.build(texts=...)``): these do pass through the driver


Chunk = Union[FilesChunk, JsonlChunk, TextsChunk]


@dataclass(frozen=True)
class DocInfo:
    """What the driver needs of a document it does not hold: to admit it and to keep its metadata."""

    content_hash: str
    chars: int
    meta: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Item:
    """One document or failure of a chunk as a worker read it. ``key``: the file id (files), the record's own
    id or ``""`` (JSONL), the document id (texts); ``line``: 1-based within the chunk (JSONL)."""

    key: str
    line: int = 0
    doc: Optional[Document] = None  # with a provisional id; None in a summary
    info: Optional[DocInfo] = None
    failure: Optional[IngestFailure] = None


@dataclass(frozen=True)
class ChunkRead:
    items: tuple[Item, ...]
    lines: int = 0  # JSONL: the lines the chunk owns
    file_failed: bool = False  # JSONL: the file cannot be read at all (its first chunk says so)
    seconds: float = 0.0

    def summary(self) -> "ChunkRead":
        """The same without the documents' text: what goes back to the driver."""
        return replace(self, items=tuple(replace(i, doc=None) for i in self.items))

    def document(self, index: int, doc_id: str) -> Document:
        doc = self.items[index].doc
        return doc if doc.id == doc_id else replace(doc, id=doc_id)


@dataclass(frozen=True)
class Admitted:
    """A document of a chunk with its final id: ``index`` is its place among the chunk's items."""

    index: int
    doc_id: str
    info: DocInfo


def describe(chunk: Chunk) -> str:
    """What a chunk holds, for a message: its files, its byte range, or its documents."""
    if isinstance(chunk, FilesChunk):
        return ", ".join(ref.display for ref in chunk.files)
    if isinstance(chunk, JsonlChunk):
        return f"{chunk.file.display} (bytes {chunk.start}–{'end' if chunk.end is None else chunk.end})"
    return ", ".join(doc.id for doc in chunk.docs)


# -- on the driver: listing and numbering ---------------------------------------------------------
def is_url(location: str | os.PathLike) -> bool:
    return isinstance(location, str) and "://" in location


def plan_chunks(inputs: Iterable[str | os.PathLike], *, chunk_bytes: int | None = None,
                chunk_files: int | None = None) -> tuple[list[IngestFailure], Iterator[Chunk]]:
    """Folders that could not be listed, and the chunks of all the inputs' files in input order (of about
    ``chunk_bytes``, default :data:`CHUNK_BYTES`, and at most ``chunk_files``, default :data:`CHUNK_FILES`).

    Raises :class:`~kg.errors.InputError` for a path or URL that does not exist, as ``iter_documents`` does."""
    chunk_bytes, chunk_files = chunk_bytes or CHUNK_BYTES, chunk_files or CHUNK_FILES
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    roots: list = []
    for item in inputs:
        roots.append(_check_url(item) if is_url(item) else _check_inputs([item])[0])
    failures, sources = list_sources(roots, walk=_walk_any)
    return failures, _chunks(sources, chunk_bytes, chunk_files)


def texts_chunks(docs: Iterable[Document], *, size: int = 16) -> Iterator[TextsChunk]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield TextsChunk(tuple(batch))
            batch = []
    if batch:
        yield TextsChunk(tuple(batch))


def _chunks(sources: list[tuple[_Source, str]], chunk_bytes: int, chunk_files: int) -> Iterator[Chunk]:
    files: list[FileRef] = []
    size = 0
    for src, file_id in sources:
        ref = FileRef(src.url or os.path.abspath(src.path), src.url or str(src.path), file_id)
        n = src.size if src.size is not None else _size(src.path)
        if src.is_jsonl:
            if files:
                yield FilesChunk(tuple(files))
                files, size = [], 0
            starts = list(range(0, max(n, 1), chunk_bytes))
            for i, start in enumerate(starts):
                yield JsonlChunk(ref, start, starts[i + 1] if i + 1 < len(starts) else None)
            continue
        files.append(ref)
        size += n
        if size >= chunk_bytes or len(files) >= chunk_files:
            yield FilesChunk(tuple(files))
            files, size = [], 0
    if files:
        yield FilesChunk(tuple(files))


def _size(path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0  # the worker will say why it cannot read it


class Numbering:
    """Final document ids and JSONL line numbers, given to chunk summaries taken in input order."""

    def __init__(self):
        self.seen: set[str] = set()
        self.lines: dict[str, int] = {}  # JSONL location -> lines in its chunks so far
        self.failed: set[str] = set()  # JSONL files that cannot be read at all

    def number(self, chunk: Chunk, summary: ChunkRead) -> list[Admitted | IngestFailure]:
        if isinstance(chunk, TextsChunk):
            return [Admitted(i, it.key, it.info) for i, it in enumerate(summary.items)]
        if isinstance(chunk, FilesChunk):
            out: list[Admitted | IngestFailure] = []
            for i, it in enumerate(summary.items):
                doc_id = _unique(it.key, self.seen)  # taken whether or not the file can be read
                out.append(it.failure if it.failure is not None else Admitted(i, doc_id, it.info))
            return out
        loc = chunk.file.location
        if loc in self.failed:
            return []
        if summary.file_failed:
            self.failed.add(loc)
            return [summary.items[0].failure]
        offset = self.lines.get(loc, 0)
        self.lines[loc] = offset + summary.lines
        out = []
        for i, it in enumerate(summary.items):
            if it.failure is not None:
                out.append(replace(it.failure, line=offset + it.line))
            else:
                out.append(Admitted(i, _unique(it.key or f"{chunk.file.file_id}:{offset + it.line}", self.seen),
                                    it.info))
        return out


# -- on a worker: reading a chunk -----------------------------------------------------------------
def read_chunk(chunk: Chunk, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ChunkRead:
    """A chunk's documents (provisional ids) and failures, in order. Never raises for a bad file."""
    t = time.perf_counter()
    if isinstance(chunk, TextsChunk):
        out = ChunkRead(tuple(_item(d.id, d) for d in chunk.docs))
    elif isinstance(chunk, FilesChunk):
        out = ChunkRead(tuple(_item(ref.file_id, _read_ref(ref, max_bytes)) for ref in chunk.files))
    else:
        out = _read_range(chunk, max_bytes)
    return replace(out, seconds=time.perf_counter() - t)


def _item(key: str, got: Document | IngestFailure, line: int = 0) -> Item:
    if isinstance(got, IngestFailure):
        return Item(key, line, failure=got)
    return Item(key, line, doc=got, info=DocInfo(got.content_hash, len(got.text), got.metadata()))


def _read_ref(ref: FileRef, max_bytes: int) -> Document | IngestFailure:
    if is_url(ref.location):
        data = _fetch(ref.location, max_bytes)
    else:
        data = _read_bytes(Path(ref.location), max_bytes)
    if isinstance(data, IngestFailure):
        return replace(data, path=ref.display)
    return document_from_bytes(data, ref.display, ref.file_id)


def _fetch(url: str, max_bytes: int) -> bytes | IngestFailure:
    import fsspec

    try:
        with fsspec.open(url, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as err:
        return IngestFailure(url, _os_reason(err))
    if len(data) > max_bytes:
        return IngestFailure(url, _too_big(len(data), max_bytes))
    return data


def _open(location: str):
    if is_url(location):
        import fsspec

        return fsspec.open(location, "rb").open()
    return open(location, "rb")


def _read_range(chunk: JsonlChunk, max_bytes: int) -> ChunkRead:
    ref = chunk.file
    try:
        fh = _open(ref.location)
    except OSError as err:
        return ChunkRead((Item("", failure=IngestFailure(ref.display, _os_reason(err))),), file_failed=True)
    items: list[Item] = []
    lines = 0
    with fh:
        if chunk.start == 0:
            wrong = to_first_line(fh)
            if wrong:
                return ChunkRead((Item("", failure=IngestFailure(ref.display, wrong)),), file_failed=True)
        else:
            fh.seek(chunk.start - 1)
            if fh.read(1) != b"\n":  # the line that starts before the chunk belongs to the chunk before
                skip_line(fh)
        while chunk.end is None or fh.tell() < chunk.end:
            raw = next_line(fh, max_bytes)
            if raw == b"":
                break
            lines += 1
            if raw is None:
                items.append(Item("", lines, failure=IngestFailure(ref.display, too_long(max_bytes))))
                continue
            if not raw.strip():
                continue
            record = parse_record(ref.display, lines, raw)
            if isinstance(record, IngestFailure):
                items.append(Item("", lines, failure=record))
                continue
            own_id, make = record
            items.append(_item(own_id, make(own_id or f"{ref.file_id}:+{lines}"), lines))
    return ChunkRead(tuple(items), lines=lines)


# -- listing fsspec URLs, as _walk lists folders ----------------------------------------------------
def _check_url(url: str) -> str:
    fs, path = _fs(url)
    if not fs.exists(path):
        raise InputError(f"{url!r} does not exist: check the URL (and that this machine can reach it)")
    if fs.isfile(path) and PurePosixPath(path).suffix.lower() not in SUPPORTED_SUFFIXES:
        raise InputError(f"{url!r} is not a supported file type: kg reads {', '.join(SUPPORTED_SUFFIXES)}")
    return url


def _fs(url: str):
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise InputError(f"{url!r} is a URL: reading URLs needs fsspec (pip install \"kg[dask]\")") from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as err:
        raise InputError(f"cannot open {url!r}: {err}") from None


def _walk_any(root) -> Iterator[_Source | IngestFailure]:
    if isinstance(root, Path):
        yield from _sized(_walk(root))
        return
    fs, path = _fs(root)
    if fs.isfile(path):
        name = PurePosixPath(path).name
        yield _Source(PurePosixPath(path), PurePosixPath(name), url=root, size=fs.size(path))
        return
    base = path.rstrip("/")
    found = []
    for p, info in fs.find(base, detail=True).items():
        rel = PurePosixPath(p[len(base):].lstrip("/"))
        if any(part.startswith(".") for part in rel.parts) or rel.suffix.lower() not in SUPPORTED_SUFFIXES:
            continue
        found.append(_Source(PurePosixPath(p), rel, url=fs.unstrip_protocol(p), size=info.get("size")))
    if not found:
        log.warning("no %s files in %s", "/".join(SUPPORTED_SUFFIXES), root)
    yield from sorted(found, key=lambda s: s.rel.parts)


def _sized(items: Iterator[_Source | IngestFailure]) -> Iterator[_Source | IngestFailure]:
    for item in items:
        yield item if isinstance(item, IngestFailure) else replace(item, size=_size(item.path))
