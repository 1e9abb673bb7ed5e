"""Files and folders → Documents: walking, reading with a size limit, ids from file names."""
from __future__ import annotations

import hashlib
import logging
import os
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator

from ..errors import InputError
from ..types import Document
from .base import DEFAULT_MAX_BYTES, SUPPORTED_SUFFIXES, IngestFailure, PathInput, _os_reason
from .decode import _CHARSET_DECL, decode_bytes
from .ids import _clean_id, _unique
from .jsonl import _read_jsonl
from .markdown import has_article_header, is_header_line, markdown_document
from .webpage import page_document
from .normalize import _first_line_title, _head, find_date, normalize_text

log = logging.getLogger(__name__)


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


def _read_file(path: Path, doc_id: str, max_bytes: int) -> Document | IngestFailure:
    """One .txt/.md/.html file. Never raises for a bad file: returns an IngestFailure saying what to do."""
    data = _read_bytes(path, max_bytes)
    if isinstance(data, IngestFailure):
        return data
    return document_from_bytes(data, str(path), doc_id)


def document_from_bytes(data: bytes, path: str, doc_id: str) -> Document | IngestFailure:
    """The Document of a .txt/.md/.html file's bytes; ``path`` (as the user gave it) is its source and says
    which reader applies. Never raises for bad content: returns an IngestFailure saying what to do."""
    suffix = PurePosixPath(path.replace("\\", "/")).suffix.lower()
    is_html = suffix in (".html", ".htm")
    declared = None
    if is_html:
        m = _CHARSET_DECL.search(data[:4096])
        declared = m.group(1).decode("ascii", "ignore") if m else None
    raw = decode_bytes(data, declared=declared)
    del data
    if raw is None:
        return IngestFailure(path, "binary or unknown encoding: if it is text, save it as UTF-8")
    if is_html:
        return page_document(raw, doc_id, path)
    if suffix == ".md":
        return markdown_document(normalize_text(raw), doc_id, path)
    text = normalize_text(raw)
    del raw
    if has_article_header(text):  # a scraped article saved as text: read like the Markdown it came from,
        lead = len(text) - len(text.lstrip())  # its first line being the title (unless it is a header line)
        titled = is_header_line(text[lead:].split("\n", 1)[0]) or text[lead:].startswith("#")
        return markdown_document(text if titled else text[:lead] + "# " + text[lead:], doc_id, path)
    if not text or text.isspace():
        return IngestFailure(path, "empty document")
    title = _first_line_title(text)
    title = normalize_text(title).strip() or None if title else None
    return Document(id=doc_id, text=text, title=title, date=find_date(_head(text)), source=path)


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


@dataclass(frozen=True)
class _Source:
    path: Path | PurePosixPath  # a local path, or the path part of ``url``
    rel: PurePosixPath  # relative to the input folder; just the name for a file given directly
    url: str | None = None  # an fsspec URL (s3://…) that kg.ingest.chunks lists and workers open
    size: int | None = None  # bytes, where the listing gave it

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
            if "://" in str(item):
                raise InputError(f"{item!r} is a URL: Dask workers read URLs (kg build ... --dask, with the "
                                 "fsspec backend for it); otherwise copy the files here first")
            raise InputError(f"{str(p)!r} does not exist: check the path (it is relative to {os.getcwd()!r})")
        if p.is_file() and p.suffix.lower() not in SUPPORTED_SUFFIXES:
            raise InputError(
                f"{str(p)!r} is not a supported file type: kg reads {', '.join(SUPPORTED_SUFFIXES)}; "
                "convert it to .txt or UTF-8 .jsonl"
            )
        roots.append(p)
    return roots


def _iter_documents(roots: list[Path], max_bytes: int) -> Iterator[Document | IngestFailure]:
    failures, sources = list_sources(roots)
    yield from failures
    seen: set[str] = set()
    for src, file_id in sources:
        if src.is_jsonl:
            yield from _read_jsonl(src.path, file_id, max_bytes, seen)
        else:
            yield _read_file(src.path, _unique(file_id, seen), max_bytes)


def list_sources(roots: list, walk=None) -> tuple[list[IngestFailure], list[tuple[_Source, str]]]:
    """The files a build reads, in order, each with its file id, and the folders that could not be listed.

    ``roots`` are checked inputs (:func:`_check_inputs`); ``walk`` lists one root (default: :func:`_walk`;
    ``kg.ingest.chunks`` passes one that also lists fsspec URLs). A file found twice is read once."""
    walk = walk or _walk
    failures: list[IngestFailure] = []
    sources: list[_Source] = []
    found: set[str] = set()
    for root in roots:
        before = len(sources)
        for item in walk(root):
            if isinstance(item, IngestFailure):
                failures.append(item)
                continue
            real = item.url or os.path.realpath(item.path)
            if real in found:
                log.debug("skipping %s: already read", item.path)
                continue
            found.add(real)
            sources.append(item)
        if isinstance(root, Path) and root.is_dir() and len(sources) == before:
            log.warning("no %s files in %s", "/".join(SUPPORTED_SUFFIXES), root)
    return failures, list(zip(sources, _file_ids(sources)))


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


def _where(s: _Source) -> str:
    return s.url or str(s.path)


def _file_ids(sources: list[_Source]) -> list[str]:
    """File stems; a stem shared by two files becomes the relative path (``sub__01_tencent``), then the
    relative path with its suffix, then that plus a short hash of the full path."""
    def kinds(ids: list[str]) -> Counter:
        return Counter((s.is_jsonl, i) for s, i in zip(sources, ids))

    ids = [_clean_id(s.path.stem) or "doc" for s in sources]
    fallbacks = (
        lambda s: _clean_id(s.rel.with_suffix("").as_posix()),
        lambda s: _clean_id(s.rel.as_posix()),
        lambda s: _clean_id(s.rel.as_posix()) + "-" + hashlib.sha1(_where(s).encode("utf-8")).hexdigest()[:6],
    )
    for fallback in fallbacks:
        counts = kinds(ids)
        if all(n == 1 for n in counts.values()):
            break
        ids = [fallback(s) or i if counts[(s.is_jsonl, i)] > 1 else i for s, i in zip(sources, ids)]
    return ids
