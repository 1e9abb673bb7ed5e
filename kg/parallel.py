"""Documents through the engine and the extractors in worker processes (``kg build --workers N``).

Each worker loads the engine, its model and the gazetteers once (an initializer calls
:func:`kg.nlp.get_engine`), never per document. Documents are submitted in small batches with at
most ``IN_FLIGHT_PER_WORKER`` documents per worker waiting or running, so memory stays flat however
large the corpus; results come back in input order, so the graph is the same whatever N is.

On Linux workers are forked from the parent, which has already loaded the engine (``run()`` does
that to fail early), so they start without loading anything; elsewhere (or with
``KG_START_METHOD=spawn|forkserver``) each worker loads it in the initializer.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
import sys
from collections import defaultdict, deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from typing import Iterator

from .errors import KgError
from .types import Document, ExtractionResult

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 8  # documents submitted but not yet handed back, per worker
BATCH = 2  # documents per task: fewer round trips, still a fine-grained order
START_METHOD_ENV = "KG_START_METHOD"

_WORKER: dict = {}  # engine spec and model of this worker process


def process_parallel(docs: Iterator[Document], *, engine: str, model: str | None, workers: int,
                     timings: dict, keep_tokens: bool = False) -> Iterator[tuple[Document, ExtractionResult]]:
    """Yield ``(doc, ExtractionResult)`` for each document, in input order, analysed by ``workers`` processes.

    Engine and extraction seconds measured in the workers are added to ``timings`` (they are summed
    over workers, so they can exceed the wall time). Tokens are dropped from the results unless
    ``keep_tokens``: the pipeline reads only mentions and relations, and tokens are most of what
    would cross the process boundary.
    """
    if workers < 1:
        raise KgError(f"workers must be 1 or more, got {workers}")
    limit = max(1, workers * IN_FLIGHT_PER_WORKER // BATCH)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context(),
                               initializer=_init_worker, initargs=(engine, model, keep_tokens))
    pending: deque[tuple[list[Document], Future]] = deque()
    finished = False
    try:
        batches = _batches(docs, BATCH)
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                    break
                pending.append((batch, _submit(pool, batch)))
            if not pending:
                break
            batch, fut = pending.popleft()
            results, worker_timings = _result(batch, fut)
            for k, v in worker_timings.items():
                timings[k] += v
            yield from zip(batch, results)
        finished = True
    finally:
        if not finished:
            for _, fut in pending:
                fut.cancel()
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _batches(docs: Iterator[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for doc in docs:
        batch.append(doc)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _submit(pool: ProcessPoolExecutor, batch: list[Document]) -> Future:
    try:
        return pool.submit(_work, batch)
    except BrokenProcessPool:
        raise _crashed(batch) from None


def _result(batch: list[Document], fut: Future) -> tuple[list[ExtractionResult], dict]:
    try:
        return fut.result()
    except BrokenProcessPool:
        raise _crashed(batch) from None


def _crashed(batch: list[Document]) -> KgError:
    return KgError(f"a worker process stopped unexpectedly (killed, or out of memory) while documents "
                   f"{', '.join(d.id for d in batch)} were being processed; retry with fewer --workers, "
                   "or with --workers 1 to see the error")


def _context():
    method = os.environ.get(START_METHOD_ENV) or ("fork" if sys.platform.startswith("linux") else "spawn")
    try:
        return multiprocessing.get_context(method)
    except ValueError:
        raise KgError(f"{START_METHOD_ENV}={method!r} is not a start method here; use one of "
                      f"{', '.join(multiprocessing.get_all_start_methods())}") from None


# -- in the worker ------------------------------------------------------------------------------
def _init_worker(engine: str, model: str | None, keep_tokens: bool) -> None:
    from .nlp import get_engine

    get_engine(engine, model)  # once per worker (already loaded when forked from the parent)
    _WORKER.update(engine=engine, model=model, keep_tokens=keep_tokens)


def _work(batch: list[Document]) -> tuple[list[ExtractionResult], dict]:
    from .pipeline import analyze_document

    timings: dict = defaultdict(float)
    out = []
    for doc in batch:
        try:
            res = analyze_document(doc, engine=_WORKER["engine"], model=_WORKER["model"], timings=timings)
        except KgError:
            raise
        except Exception as err:
            log.debug("document %s failed in a worker", doc.id, exc_info=True)
            raise KgError(f"document {doc.id!r} failed in a worker process ({type(err).__name__}: {err}); "
                          "run with --workers 1 to see the full traceback, and report it") from None
        if not _WORKER["keep_tokens"]:
            res = replace(res, analysis=replace(res.analysis, tokens=()))
        out.append(res)
    return out, dict(timings)
