"""The reduce of a build, on the driver: which documents to analyse, and their results into the resolver in
input order. Every executor (in-process, ``--workers N``, ``--dask``) feeds the same :class:`Reduce`, so that
what happens before the map (the ``--update`` graph's documents fed again, less those to ``--remove``; skipping
texts already in the graph; a checkpoint's finished documents) and after it (the graph, the document store) is
one piece of code whatever ran the map.

This module imports no executor; the pipeline and the executors are given a Reduce.
"""
from __future__ import annotations

import os
import time
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

from .checkpoint import PieceResult, ResultLog, StoredDocument, load_blob, settings_fingerprint
from .docstore import StoreWriter
from .errors import AnalysisError
from .extract.gazetteer import load_gazetteer
from .graph import KnowledgeGraph
from .mapper import DocumentFailure
from .resolve import Resolver
from .steering import Steering


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
    kept: int = 0  # documents of the --update graph fed again from its store (graph.docs.sqlite)
    removed: list = field(default_factory=list)  # ids of the documents taken out (--remove)
    store: object = None  # a kg.docstore.StoreWriter to commit once graph.json is written, or None
    retried: list = field(default_factory=list)  # ids of documents analysed again after a worker was lost (--dask)


class Reduce:
    """The driver's state through a build: the resolver, the result log (or checkpoint) and the BuildResult.

    An executor calls :meth:`admit` for each document in input order, then, still in input order, either
    :meth:`feed_stored` (a checkpoint had it) or :meth:`begin`, :meth:`add_piece` per piece and :meth:`end`.
    """

    def __init__(self, *, engine: str, model: str | None, piece_chars: int, steer: Steering,
                 update: str | os.PathLike | None = None, writer: StoreWriter | None = None, strict: bool = False,
                 checkpoint: str | os.PathLike | None = None, resume: bool = False,
                 progress: Callable[[int], None] | None = None):
        """``steer``: the build's entity lists, decisions, ``--update`` graph and documents to remove
        (:class:`kg.steering.Steering`, read while the user's entity lists are in force); ``writer``: the
        document store to fill for later updates, or None."""
        self.engine = engine
        self.strict = strict
        self.progress = progress
        self.steer = steer
        self.timings: dict = defaultdict(float)
        self.resolver = Resolver(gazetteer=load_gazetteer(), decisions=steer.decisions)
        self.result = BuildResult(KnowledgeGraph(), timings=self.timings)
        t = time.perf_counter()
        if not steer.start(self.resolver, self.result, writer, update=update) and writer is not None:
            writer.discard()  # the update graph had no store: a new one could not hold all of its documents
            writer = None
        self.writer = writer
        self.timings["resolve"] += time.perf_counter() - t
        settings = settings_fingerprint(engine=engine, model=model, update=update, piece_chars=piece_chars,
                                        entities=steer.entity_rows(), decisions=steer.decision_strings())
        self.log = ResultLog(checkpoint, settings=settings, resume=resume)
        self.result.notices += self.log.notices
        self.known = set(self.resolver.documents.values())
        self._number, self._failure = 0, None  # the document whose pieces are coming in

    def admit(self, doc_id: str, content_hash: str) -> tuple[str, StoredDocument | None] | None:
        """None if the text is already in the graph (``--update``, or a copy): nothing to add. Else the id the
        document gets (another document of the graph may have its id) and what a checkpoint holds of it."""
        if content_hash in self.known:
            self.result.unchanged += 1
            return None
        self.known.add(content_hash)
        if doc_id in self.resolver.documents:
            doc_id = f"{doc_id}@{content_hash[:8]}"
        return doc_id, self.log.stored(doc_id, content_hash)

    def feed_stored(self, doc_id: str, content_hash: str, stored: StoredDocument, meta: dict) -> None:
        """A document an earlier, interrupted build finished: fed from the checkpoint, not analysed."""
        self.result.resumed += 1
        self._take(doc_id, content_hash, stored.number, stored.chars, stored.failure, meta)

    def begin(self, doc_id: str, content_hash: str, chars: int) -> None:
        self._number, self._failure = self.log.begin(doc_id, content_hash, chars), None

    def add_piece(self, index: int, piece: PieceResult | DocumentFailure) -> None:
        """A piece's result; a failed piece makes the whole document fail (its other pieces are dropped)."""
        if isinstance(piece, DocumentFailure):
            self._failure = self._failure or piece
        elif self._failure is None:
            self.log.add_piece(self._number, index, piece)

    def end(self, doc_id: str, content_hash: str, chars: int, meta: dict) -> None:
        self.log.finish(self._number, self._failure)
        self._take(doc_id, content_hash, self._number, chars, self._failure, meta)

    def feed(self, doc_id: str, content_hash: str, chars: int, meta: dict,
             outcome: DocumentFailure | tuple[PieceResult, ...]) -> None:
        """A whole document's outcome at once: its failure, or its pieces' results."""
        self.begin(doc_id, content_hash, chars)
        if isinstance(outcome, DocumentFailure):
            self.add_piece(0, outcome)
        else:
            for i, piece in enumerate(outcome):
                self.add_piece(i, piece)
        self.end(doc_id, content_hash, chars, meta)

    def _take(self, doc_id: str, h: str, number: int, chars: int, failure: DocumentFailure | None, meta: dict) -> None:
        """A finished document into the result: its pieces to the resolver, or its failure to the list."""
        t = time.perf_counter()
        if failure is not None:
            self.result.analysis_failures.append(failure)
            if self.strict:
                raise AnalysisError(f"{failure}; stopped there (--strict): build without --strict to skip "
                                    "documents that fail and list them")
        else:
            blobs = list(self.log.piece_blobs(number))
            for blob in blobs:
                piece = load_blob(blob)
                self.resolver.add(doc_id, piece.mentions, piece.relations, content_hash=h, metadata=meta)
            if self.writer is not None:
                self.writer.add(doc_id, h, chars, meta, blobs)
            self.result.documents += 1
            self.result.chars += chars
        self.log.release(number)
        self.timings["resolve"] += time.perf_counter() - t
        if self.progress is not None:
            self.progress(self.result.documents + len(self.result.analysis_failures))

    def close(self) -> None:
        self.log.close()

    def discard(self) -> None:
        """The build failed: the new document store is thrown away."""
        if self.writer is not None:
            self.writer.discard()

    def finish(self) -> BuildResult:
        """The graph of everything fed; ``result.store`` is the document store to commit once it is written."""
        t = time.perf_counter()
        resolver = self.resolver
        meta = {"format": "kg-graph", "version": 1, "engine": self.engine, "documents": len(resolver.documents),
                "doc_hashes": dict(sorted(resolver.documents.items())),
                "doc_meta": dict(sorted(resolver.metadata.items())), **self.steer.meta()}
        # The graph keeps its relations on disk (kg.store.GraphTable): a large build's memory stays flat.
        self.result.graph = KnowledgeGraph(resolver.finish(meta=meta))
        self.result.store = self.writer
        self.timings["graph"] += time.perf_counter() - t
        return self.result

