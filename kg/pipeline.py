"""build(): ingest → engine → extract → resolve → graph, one document at a time.

Per-document analysis is the map (:mod:`kg.mapper`), run here or in worker processes (:mod:`kg.parallel`); each
document's outcome goes through a :class:`~kg.checkpoint.ResultLog` to the resolver in input order, so the graph
is the same whatever ran the map, whether some documents failed, and whether the build was interrupted and resumed.
"""
from __future__ import annotations

import logging
import os
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .checkpoint import PieceResult, ResultLog, StoredDocument, settings_fingerprint
from .errors import AnalysisError
from .extract.gazetteer import load_gazetteer
from .graph import KnowledgeGraph
from .mapper import DocumentFailure, Outcome, analyze_document, map_document
from .nlp import DEFAULT_ENGINE, get_engine
from .resolve import Resolver
from .schema import CORE_TYPES
from .types import Document, ExtractionResult, Mention, RelationMention

__all__ = ["build", "run", "analyze", "analyze_document", "BuildResult", "PIECE_CHARS", "pieces"]

log = logging.getLogger(__name__)

# Extractors look at every sentence against every mention of its document: a long document is analysed in
# pieces of at most this many characters, so the work per document grows linearly with its length.
PIECE_CHARS = 15_000


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    documents: int = 0  # documents in the graph
    failures: list = field(default_factory=list)  # IngestFailure: inputs that could not be read
    analysis_failures: list = field(default_factory=list)  # DocumentFailure: documents whose analysis raised
    timings: dict = field(default_factory=lambda: defaultdict(float))  # seconds per stage
    chars: int = 0
    unchanged: int = 0  # documents skipped because their text was already in the graph
    resumed: int = 0  # documents taken from a checkpoint instead of being analysed again
    notices: list = field(default_factory=list)  # one-line messages for the user (a checkpoint used or set aside)


def analyze(text: str, *, engine: str = DEFAULT_ENGINE, doc_id: str = "text") -> ExtractionResult:
    """Mentions and relations of one text: ``a.mentions`` (text, type, start, end), ``a.relations``."""
    from .errors import InputError
    from .ingest import documents_from_texts

    docs = documents_from_texts([text], prefix=doc_id)
    if not docs:
        raise InputError("the text is empty (or only spaces and control characters): pass some text to analyze")
    return analyze_document(docs[0], engine=engine)


@dataclass(frozen=True)
class _Piece:
    """A piece of a document sent to the map: where it starts, and whether it is the document's last."""

    doc: str
    content_hash: str
    chars: int  # of the whole document
    start: int
    end: int
    index: int
    count: int
    meta: dict = field(default_factory=dict, compare=False)  # the document's metadata (title, date, url …)


@dataclass(frozen=True)
class _Stored:
    """A document an earlier, interrupted build finished: fed from the checkpoint, not analysed."""

    doc: str
    content_hash: str
    stored: StoredDocument
    meta: dict = field(default_factory=dict, compare=False)


def run(inputs: Iterable[str | os.PathLike] = (), *, texts: Iterable[str] | None = None,
        engine: str = DEFAULT_ENGINE, model: str | None = None, workers: int = 1,
        progress: Callable[[int], None] | None = None, update: str | os.PathLike | None = None,
        strict: bool = False, checkpoint: str | os.PathLike | None = None, resume: bool = False) -> BuildResult:
    """Build a graph and report what happened (failures, timings). ``kg.build`` returns its graph.

    A document whose analysis raises is left out and listed in ``analysis_failures`` (with ``strict``, the
    first such document raises :class:`~kg.errors.AnalysisError` instead). A long document is analysed in
    pieces; if one piece fails, the whole document counts as failed and contributes nothing, so that what
    is in the graph never depends on where the pieces were cut. ``checkpoint``: a file (``kg build`` uses
    ``DIR/.kg-checkpoint.sqlite``) that keeps each finished document's results, so that running the same
    build again after an interruption analyses only the rest and gives the same graph (``kg.checkpoint``);
    ``resume`` makes a missing or unusable checkpoint an error.
    """
    from .ingest import IngestFailure, documents_from_texts, iter_documents

    timings: dict = defaultdict(float)
    get_engine(engine, model)  # load once, fail early with a clear message
    resolver = Resolver(gazetteer=load_gazetteer())
    result = BuildResult(KnowledgeGraph(), timings=timings)
    if update is not None:
        from .export.json import read_json

        resolver.seed(read_json(update))
    settings = settings_fingerprint(engine=engine, model=model, update=update, piece_chars=PIECE_CHARS)
    results = ResultLog(checkpoint, settings=settings, resume=resume)
    result.notices += results.notices
    known = set(resolver.documents.values())

    def docs() -> Iterator[Document]:
        items = iter_documents(inputs) if texts is None else iter(documents_from_texts(texts))
        while True:
            t = time.perf_counter()
            item = next(items, None)
            timings["ingest"] += time.perf_counter() - t
            if item is None:
                return
            if isinstance(item, IngestFailure):
                result.failures.append(item)
                continue
            h = item.content_hash
            if h in known:  # the same text again (--update, or a copy): nothing new to add
                result.unchanged += 1
                continue
            known.add(h)
            if item.id in resolver.documents:
                item = replace(item, id=f"{item.id}@{h[:8]}")
            stored = results.stored(item.id, h)
            if stored is not None:
                pending.append(_Stored(item.id, h, stored, item.metadata()))
                continue
            spans = list(pieces(item.text, PIECE_CHARS))
            for i, (start, end) in enumerate(spans):  # a long document goes through in pieces
                pending.append(_Piece(item.id, h, len(item.text), start, end, i, len(spans), item.metadata()))
                yield item if len(spans) == 1 else replace(item, text=item.text[start:end])

    def take(doc_id: str, h: str, number: int, chars: int, failure: DocumentFailure | None, meta: dict) -> None:
        """A finished document into the result: its pieces to the resolver, or its failure to the list."""
        t = time.perf_counter()
        if failure is not None:
            result.analysis_failures.append(failure)
            if strict:
                raise AnalysisError(f"{failure}; stopped there (--strict): build without --strict to skip "
                                    "documents that fail and list them")
        else:
            for piece in results.pieces(number):
                resolver.add(doc_id, piece.mentions, piece.relations, content_hash=h, metadata=meta)
            result.documents += 1
            result.chars += chars
        results.release(number)
        timings["resolve"] += time.perf_counter() - t
        if progress is not None:
            progress(result.documents + len(result.analysis_failures))

    pending: deque = deque()  # _Piece or _Stored for everything docs() has passed on, in input order
    number, failure = 0, None  # of the document whose pieces are coming in
    try:
        for entry, outcome in _in_order(_process(docs(), engine=engine, model=model, workers=workers,
                                                 timings=timings), pending):
            if isinstance(entry, _Stored):
                result.resumed += 1
                take(entry.doc, entry.content_hash, entry.stored.number, entry.stored.chars, entry.stored.failure,
                     entry.meta)
                continue
            if entry.index == 0:
                number, failure = results.begin(entry.doc, entry.content_hash, entry.chars), None
            if isinstance(outcome, DocumentFailure):
                if failure is None:
                    failure = outcome if entry.count == 1 else replace(outcome, span=(entry.start, entry.end))
            elif failure is None:
                results.add_piece(number, entry.index, _piece_result(outcome, entry.start))
            if entry.index == entry.count - 1:
                results.finish(number, failure)
                take(entry.doc, entry.content_hash, number, entry.chars, failure, entry.meta)
    finally:
        results.close()
    t = time.perf_counter()
    meta = {"format": "kg-graph", "version": 1, "engine": engine, "documents": len(resolver.documents),
            "doc_hashes": dict(sorted(resolver.documents.items())), "doc_meta": dict(sorted(resolver.metadata.items()))}
    # The graph keeps its relations on disk (kg.store.GraphTable): a large build's memory stays flat.
    result.graph = KnowledgeGraph(resolver.finish(meta=meta))
    timings["graph"] += time.perf_counter() - t
    return result


def _in_order(analysed: Iterator[tuple[Document, Outcome]], pending: deque) -> Iterator[tuple[object, Outcome | None]]:
    """``(entry, outcome)`` for every entry of ``pending`` in order: stored documents (outcome None) between
    the analysed pieces, whose outcomes come from ``analysed`` in the same order."""
    for _doc, outcome in analysed:
        while isinstance(pending[0], _Stored):
            yield pending.popleft(), None
        yield pending.popleft(), outcome
    while pending:  # stored documents after the last analysed one
        yield pending.popleft(), None


def _piece_result(res: ExtractionResult, offset: int) -> PieceResult:
    """What the resolver reads of a piece: core-type mentions and relations, in document offsets."""
    mentions = tuple(_shift(m, offset) for m in res.mentions if m.type in CORE_TYPES)
    relations = tuple(_shift_relation(r, offset) for r in res.relations) if offset else tuple(res.relations)
    return PieceResult(mentions, relations)


def pieces(text: str, limit: int) -> Iterator[tuple[int, int]]:
    """(start, end) spans of at most ``limit`` chars covering ``text``, cut after a line break where there is
    one in the second half of the span, else after a sentence end, else at ``limit``."""
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = text.rfind("\n", lo, hi) + 1 or max(text.rfind(p, lo, hi) for p in "。！？!?；;") + 1 or hi
        yield start, cut
        start = cut
    yield start, n


def _shift(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start + offset, end=m.end + offset) if offset else m


def _shift_relation(r: RelationMention, offset: int) -> RelationMention:
    ev = replace(r.evidence, start=r.evidence.start + offset, end=r.evidence.end + offset)
    return replace(r, head=_shift(r.head, offset), tail=_shift(r.tail, offset), evidence=ev)


def _process(docs: Iterator[Document], *, engine, model, workers, timings) -> Iterator[tuple[Document, Outcome]]:
    """``(doc, outcome)`` per document in input order: in this process, or in worker processes."""
    if workers <= 1:
        for doc in docs:
            yield doc, map_document(doc, engine=engine, model=model, timings=timings, keep_tokens=False)
        return
    from .parallel import process_parallel

    yield from process_parallel(docs, engine=engine, model=model, workers=workers, timings=timings)


def build(inputs: Iterable[str | os.PathLike] | str | os.PathLike = (), *, texts: Iterable[str] | None = None,
          engine: str = DEFAULT_ENGINE, model: str | None = None, workers: int = 1,
          strict: bool = False) -> KnowledgeGraph:
    """Build a KnowledgeGraph from files and folders, or from ``texts``.

    Inputs that cannot be read and documents whose analysis fails are logged as warnings and left out;
    with ``strict``, the first document that fails raises :class:`~kg.errors.AnalysisError`."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    res = run(inputs, texts=texts, engine=engine, model=model, workers=workers, strict=strict)
    for f in res.failures:
        log.warning("skipped %s%s: %s", f.path, f":{f.line}" if f.line else "", f.reason)
    for f in res.analysis_failures:
        log.warning("skipped %s", f)
    return res.graph
