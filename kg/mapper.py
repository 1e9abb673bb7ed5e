"""The map of a build: one Document through the engine and the extractors, whatever executes it.

:func:`map_document` is the unit every executor runs — in-process (``kg.pipeline``), worker processes
(``kg.parallel``, ``--workers N``), a Dask cluster (``kg.cluster``, ``--dask``) — so that all of them isolate a
failing document the same way: an exception while analysing it becomes a :class:`DocumentFailure`, a
small picklable value, instead of ending the build. The reduce (``kg.reduce.Reduce``) decides what a
failure means: skipped and reported, or the end of a ``strict`` build.

This module imports neither the pipeline nor an executor; both import it.
"""
from __future__ import annotations

import logging
import os
import time
import traceback
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterator, Optional, Union

from .nlp import DEFAULT_ENGINE, get_engine
from .types import Document, ExtractionResult

log = logging.getLogger(__name__)

MAX_REASON = 300  # characters of an exception's message kept in a failure's one-line reason


@dataclass(frozen=True)
class DocumentFailure:
    """A document whose analysis raised: ``error`` is the exception's type, ``message`` its text on one
    line, ``where`` the innermost frame (``kg/extract/…/patterns.py:327 in _model_like``) to report, and
    ``span`` the piece (start, end) of a long document that raised, when it was analysed in pieces."""

    doc: str
    error: str
    message: str
    where: str = ""
    span: Optional[tuple[int, int]] = None

    @property
    def reason(self) -> str:
        """One line: ``AttributeError: 'NoneType' object has no attribute 'group' (at kg/…/patterns.py:327 in
        _model_like)``."""
        at = [f"at {self.where}"] if self.where else []
        if self.span is not None:
            at.append(f"in the piece at characters {self.span[0]}–{self.span[1]}")
        return f"{self.error}: {self.message}" + (f" ({'; '.join(at)})" if at else "")

    def __str__(self) -> str:
        return f"document {self.doc!r}: {self.reason}"

    def in_piece(self, start: int, end: int, count: int) -> "DocumentFailure":
        """The failure of the piece ``[start, end)`` of a document analysed in ``count`` pieces."""
        return self if count == 1 else replace(self, span=(start, end))

    @classmethod
    def from_exception(cls, doc_id: str, err: BaseException) -> "DocumentFailure":
        message = " ".join(str(err).split())
        if len(message) > MAX_REASON:
            message = message[:MAX_REASON - 1] + "…"
        frames = traceback.extract_tb(err.__traceback__)
        where = ""
        if frames:
            f = frames[-1]
            where = f"{_short_path(f.filename)}:{f.lineno} in {f.name}"
        return cls(doc_id, type(err).__name__, message, where)


Outcome = Union[ExtractionResult, DocumentFailure]


def analyze_document(doc: Document, *, engine: str = DEFAULT_ENGINE, model: str | None = None,
                     timings: dict | None = None) -> ExtractionResult:
    """One document through the engine and the extractors (no resolution). Raises what they raise."""
    from .extract.entities import refine
    from .extract.relations import extract_relations

    t0 = time.perf_counter()
    analysis = get_engine(engine, model).analyze(doc)
    t1 = time.perf_counter()
    analysis = refine(analysis)
    rels = extract_relations(analysis)
    t2 = time.perf_counter()
    if timings is not None:
        timings["engine"] += t1 - t0
        timings["extract"] += t2 - t1
    return ExtractionResult(analysis, tuple(rels))


def map_document(doc: Document, *, engine: str = DEFAULT_ENGINE, model: str | None = None,
                 timings: dict | None = None, keep_tokens: bool = True) -> Outcome:
    """:func:`analyze_document`, with any exception it raises turned into a :class:`DocumentFailure`.

    ``KeyboardInterrupt`` and ``SystemExit`` pass through: they stop the build, they are not about the
    document. Tokens are dropped unless ``keep_tokens``: the reduce reads only mentions and relations, and
    tokens are most of what would cross a process or network boundary.
    """
    try:
        res = analyze_document(doc, engine=engine, model=model, timings=timings)
    except Exception as err:  # noqa: BLE001 — isolating any failure of one document is the point
        log.debug("analysis of document %s failed", doc.id, exc_info=True)
        return DocumentFailure.from_exception(doc.id, err)
    if not keep_tokens:
        res = replace(res, analysis=replace(res.analysis, tokens=()))
    return res


def map_batch(batch: list[Document], *, engine: str, model: str | None,
              keep_tokens: bool = False) -> tuple[list[Outcome], dict]:
    """:func:`map_document` over a batch, with the seconds per stage it took: what an executor's task runs."""
    timings: dict = defaultdict(float)
    out = [map_document(doc, engine=engine, model=model, timings=timings, keep_tokens=keep_tokens)
           for doc in batch]
    return out, dict(timings)


def piece_spans(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) spans of at most ``limit`` chars covering ``text``, cut after a line break where there is
    one in the second half of the span, else after a sentence end, else at ``limit``. A long document is
    analysed in these pieces, so that the work per document grows linearly with its length."""
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n", lo, hi) + 1 or max(text.rfind(p, lo, hi) for p in "。！？!?；;") + 1 or hi
        yield start, cut
        start = cut
    yield start, n


def _short_path(filename: str) -> str:
    """``kg/extract/entities/patterns.py`` for a file inside kg, else the file's name."""
    parts = filename.replace(os.sep, "/").split("/")
    if "kg" in parts:
        i = len(parts) - 1 - parts[::-1].index("kg")
        return "/".join(parts[i:])
    return parts[-1]
