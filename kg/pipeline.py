"""build(): ingest → engine → extract → resolve → graph, one document at a time."""
from __future__ import annotations

import logging
import os
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Iterator

from .extract.entities import refine
from .extract.gazetteer import load_gazetteer
from .extract.relations import extract_relations
from .graph import KnowledgeGraph
from .nlp import DEFAULT_ENGINE, get_engine
from .resolve import Resolver
from .schema import CORE_TYPES
from .types import Document, ExtractionResult, Mention, RelationMention

log = logging.getLogger(__name__)

# Extractors look at every sentence against every mention of its document: a long document is analysed in
# pieces of at most this many characters, so the work per document grows linearly with its length.
PIECE_CHARS = 5_000


@dataclass
class BuildResult:
    graph: KnowledgeGraph
    documents: int = 0
    failures: list = field(default_factory=list)  # IngestFailure
    timings: dict = field(default_factory=lambda: defaultdict(float))  # seconds per stage
    chars: int = 0
    unchanged: int = 0  # documents skipped because their text was already in the graph


def analyze_document(doc: Document, *, engine: str = DEFAULT_ENGINE, model: str | None = None,
                     timings: dict | None = None) -> ExtractionResult:
    """One document through the engine and the extractors (no resolution)."""
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


def analyze(text: str, *, engine: str = DEFAULT_ENGINE, doc_id: str = "text") -> ExtractionResult:
    """Mentions and relations of one text: ``a.mentions`` (text, type, start, end), ``a.relations``."""
    from .errors import InputError
    from .ingest import documents_from_texts

    docs = documents_from_texts([text], prefix=doc_id)
    if not docs:
        raise InputError("the text is empty (or only spaces and control characters): pass some text to analyze")
    return analyze_document(docs[0], engine=engine)


def run(inputs: Iterable[str | os.PathLike] = (), *, texts: Iterable[str] | None = None,
        engine: str = DEFAULT_ENGINE, model: str | None = None, workers: int = 1,
        progress: Callable[[int], None] | None = None, update: str | os.PathLike | None = None) -> BuildResult:
    """Build a graph and report what happened (failures, timings). ``kg.build`` returns its graph."""
    from .ingest import IngestFailure, documents_from_texts, iter_documents

    timings: dict = defaultdict(float)
    get_engine(engine, model)  # load once, fail early with a clear message
    resolver = Resolver(gazetteer=load_gazetteer())
    result = BuildResult(KnowledgeGraph(), timings=timings)
    if update is not None:
        from .export.json import read_json

        resolver.seed(read_json(update))
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
            spans = list(_pieces(item.text, PIECE_CHARS))
            for i, (start, end) in enumerate(spans):  # a long document goes through in pieces
                pending.append((start, h, i == len(spans) - 1))
                yield item if len(spans) == 1 else replace(item, text=item.text[start:end])

    pending: deque = deque()  # (offset, content hash, last piece?) of each piece, in _process's order
    for doc, res in _process(docs(), engine=engine, model=model, workers=workers, timings=timings):
        t = time.perf_counter()
        offset, h, last = pending.popleft()
        mentions = [_shift(m, offset) for m in res.mentions if m.type in CORE_TYPES]
        relations = [_shift_relation(r, offset) for r in res.relations] if offset else res.relations
        resolver.add(doc.id, mentions, relations, content_hash=h, metadata=doc.metadata())
        timings["resolve"] += time.perf_counter() - t
        result.chars += len(doc.text)
        if last:
            result.documents += 1
            if progress is not None:
                progress(result.documents)
    t = time.perf_counter()
    meta = {"format": "kg-graph", "version": 1, "engine": engine, "documents": len(resolver.documents),
            "doc_hashes": dict(sorted(resolver.documents.items())), "doc_meta": dict(sorted(resolver.metadata.items()))}
    # The graph keeps its relations on disk (kg.store.GraphTable): a large build's memory stays flat.
    result.graph = KnowledgeGraph(resolver.finish(meta=meta))
    timings["graph"] += time.perf_counter() - t
    return result


def _pieces(text: str, limit: int) -> Iterator[tuple[int, int]]:
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


def _process(docs: Iterator[Document], *, engine, model, workers, timings):
    if workers <= 1:
        for doc in docs:
            yield doc, analyze_document(doc, engine=engine, model=model, timings=timings)
        return
    from .parallel import process_parallel

    yield from process_parallel(docs, engine=engine, model=model, workers=workers, timings=timings)


def build(inputs: Iterable[str | os.PathLike] | str | os.PathLike = (), *, texts: Iterable[str] | None = None,
          engine: str = DEFAULT_ENGINE, model: str | None = None, workers: int = 1) -> KnowledgeGraph:
    """Build a KnowledgeGraph from files and folders, or from ``texts``."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]
    res = run(inputs, texts=texts, engine=engine, model=model, workers=workers)
    for f in res.failures:
        log.warning("skipped %s%s: %s", f.path, f":{f.line}" if f.line else "", f.reason)
    return res.graph
