"""build(): ingest → engine → extract → resolve → graph, one document at a time.

Per-document analysis is the map (:mod:`kg.mapper`), run here, in worker processes (:mod:`kg.parallel`) or on a
Dask cluster (:mod:`kg.cluster`); each document's outcome goes through :class:`~kg.reduce.Reduce` (and its
:class:`~kg.checkpoint.ResultLog`) to the resolver in input order, so the graph is the same whatever ran the map,
whether some documents failed, and whether the build was interrupted and resumed.
"""
from __future__ import annotations

import logging
import os
import time
from collections import deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .checkpoint import StoredDocument, piece_result
from .docstore import StoreWriter
from .extract.gazetteer import user_entities
from .graph import KnowledgeGraph
from .mapper import DocumentFailure, Outcome, analyze_document, map_document, piece_spans
from .nlp import DEFAULT_ENGINE, get_engine
from .reduce import BuildResult, Reduce
from .steering import Steering
from .types import Document, ExtractionResult

__all__ = ["build", "run", "analyze", "analyze_document", "BuildResult", "PIECE_CHARS", "pieces"]

log = logging.getLogger(__name__)

# Extractors look at every sentence against every mention of its document: a long document is analysed in
# pieces of at most this many characters, so the work per document grows linearly with its length.
PIECE_CHARS = 15_000
_pieces = pieces = piece_spans  # the names tests, training and older code use


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
        strict: bool = False, checkpoint: str | os.PathLike | None = None, resume: bool = False,
        entities: Iterable[str | os.PathLike] | str | os.PathLike = (), decisions: Iterable = (),
        remove: Iterable[str] = (), store: str | os.PathLike | None = None, dask=None) -> BuildResult:
    """Build a graph and report what happened (failures, timings). ``kg.build`` returns its graph.

    A document whose analysis raises is left out and listed in ``analysis_failures`` (with ``strict``, the
    first such document raises :class:`~kg.errors.AnalysisError` instead). A long document is analysed in
    pieces; if one piece fails, the whole document counts as failed and contributes nothing, so that what
    is in the graph never depends on where the pieces were cut. ``checkpoint``: a file (``kg build`` uses
    ``DIR/.kg-checkpoint.sqlite``) that keeps each finished document's results, so that running the same
    build again after an interruption analyses only the rest and gives the same graph (``kg.checkpoint``);
    ``resume`` makes a missing or unusable checkpoint an error.

    ``entities``: the user's entity lists (TSV files, :func:`kg.extract.gazetteer.read_entity_list`), which add
    to and override the gazetteer; ``decisions``: merge/split decisions (files, or :class:`kg.decisions.Decision`
    values). Both are kept in graph.json and applied again by a later ``update``. ``remove``: ids of documents of
    the ``update`` graph to take out. ``store``: where to write the documents' results for later updates
    (``kg.docstore``); ``result.store`` must then be committed (``kg build`` does, once graph.json is written).
    ``dask``: analyse on a Dask cluster (``kg.cluster``): a ``distributed.Client``, a scheduler's address, or
    ``True`` for a local cluster of ``workers`` processes; the graph is the same.
    """
    steer = Steering.prepare(update=update, entities=entities, decisions=decisions, remove=remove)
    options = dict(engine=engine, model=model, piece_chars=PIECE_CHARS, steer=steer, update=update, strict=strict,
                   checkpoint=checkpoint, resume=resume, progress=progress)
    with user_entities(steer.entities):
        if dask is not None and dask is not False:
            from .cluster import connect, run_on_cluster

            with connect(dask, workers=workers) as client:  # fails early: no extra, no scheduler
                return _reduced(store, options, lambda reduce: run_on_cluster(
                    client, reduce, inputs=inputs, texts=texts, engine=engine, model=model, piece_chars=PIECE_CHARS,
                    entities=steer.entities))
        get_engine(engine, model)  # load once, fail early with a clear message
        return _reduced(store, options, lambda reduce: _run_local(
            reduce, inputs=inputs, texts=texts, engine=engine, model=model, workers=workers))


def _reduced(store, options: dict, execute: Callable[[Reduce], None]) -> BuildResult:
    """A Reduce (its document store at ``store``) fed by ``execute``, and the graph; the store is thrown away if
    anything fails. What a build does on the driver before and after the map is here, whatever runs the map."""
    writer = StoreWriter(store) if store is not None else None
    try:
        reduce = Reduce(writer=writer, **options)
        try:
            execute(reduce)
        finally:
            reduce.close()
        return reduce.finish()
    except BaseException:
        if writer is not None:
            writer.discard()
        raise


def _run_local(reduce: Reduce, *, inputs, texts, engine: str, model: str | None, workers: int) -> None:
    """Documents read here, analysed here or in worker processes, fed to ``reduce`` in input order."""
    from .ingest import IngestFailure, documents_from_texts, iter_documents

    result, timings, piece_chars = reduce.result, reduce.timings, PIECE_CHARS

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
            admitted = reduce.admit(item.id, h)
            if admitted is None:  # the same text again (--update, or a copy): nothing new to add
                continue
            doc_id, stored = admitted
            if doc_id != item.id:
                item = replace(item, id=doc_id)
            if stored is not None:
                pending.append(_Stored(item.id, h, stored, item.metadata()))
                continue
            spans = list(piece_spans(item.text, piece_chars))
            for i, (start, end) in enumerate(spans):  # a long document goes through in pieces
                pending.append(_Piece(item.id, h, len(item.text), start, end, i, len(spans), item.metadata()))
                yield item if len(spans) == 1 else replace(item, text=item.text[start:end])

    pending: deque = deque()  # _Piece or _Stored for everything docs() has passed on, in input order
    for entry, outcome in _in_order(_process(docs(), engine=engine, model=model, workers=workers,
                                             timings=timings), pending):
        if isinstance(entry, _Stored):
            reduce.feed_stored(entry.doc, entry.content_hash, entry.stored, entry.meta)
            continue
        if entry.index == 0:
            reduce.begin(entry.doc, entry.content_hash, entry.chars)
        if isinstance(outcome, DocumentFailure):
            reduce.add_piece(entry.index, outcome.in_piece(entry.start, entry.end, entry.count))
        else:
            reduce.add_piece(entry.index, piece_result(outcome, entry.start))
        if entry.index == entry.count - 1:
            reduce.end(entry.doc, entry.content_hash, entry.chars, entry.meta)


def _in_order(analysed: Iterator[tuple[Document, Outcome]], pending: deque) -> Iterator[tuple[object, Outcome | None]]:
    """``(entry, outcome)`` for every entry of ``pending`` in order: stored documents (outcome None) between
    the analysed pieces, whose outcomes come from ``analysed`` in the same order."""
    for _doc, outcome in analysed:
        while isinstance(pending[0], _Stored):
            yield pending.popleft(), None
        yield pending.popleft(), outcome
    while pending:  # stored documents after the last analysed one
        yield pending.popleft(), None


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
          strict: bool = False, entities: Iterable[str | os.PathLike] | str | os.PathLike = (),
          decisions: Iterable = (), dask=None) -> KnowledgeGraph:
    """Build a KnowledgeGraph from files and folders, or from ``texts``.

    Inputs that cannot be read and documents whose analysis fails are logged as warnings and left out;
    with ``strict``, the first document that fails raises :class:`~kg.errors.AnalysisError`. ``entities``:
    your own entity lists (TSV files: name, TYPE, aliases), which add to and override kg's gazetteer;
    ``decisions``: files of ``merge A = B`` / ``split A | B`` lines (or :class:`kg.decisions.Decision` values).
    ``dask``: a ``distributed.Client``, a scheduler address (``tcp://host:8786``) or ``True`` (a local cluster
    of ``workers`` processes) analyses the documents there; the graph is the same (``pip install "kg[dask]"``)."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    res = run(inputs, texts=texts, engine=engine, model=model, workers=workers, strict=strict, entities=entities,
              decisions=decisions, dask=dask)
    for f in res.retried:
        log.warning("document %s was analysed again after a Dask worker was lost", f)
    for f in res.failures:
        log.warning("skipped %s%s: %s", f.path, f":{f.line}" if f.line else "", f.reason)
    for f in res.analysis_failures:
        log.warning("skipped %s", f)
    return res.graph
