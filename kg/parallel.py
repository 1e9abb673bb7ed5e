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
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterator

from . import mapper
from .errors import KgError
from .extract.gazetteer import active_user_entities
from .mapper import Outcome
from .types import Document

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 8  # documents submitted but not yet handed back, per worker
BATCH = 2  # documents per task: fewer round trips, still a fine-grained order
START_METHOD_ENV = "KG_START_METHOD"
MAX_RESTARTS = 1  # times a batch is resubmitted to a fresh pool after a worker died; then it is an error

_WORKER: dict = {}  # engine spec and model of this worker process


def process_parallel(docs: Iterator[Document], *, engine: str, model: str | None, workers: int,
                     timings: dict, keep_tokens: bool = False) -> Iterator[tuple[Document, Outcome]]:
    """Yield ``(doc, outcome)`` for each document, in input order, analysed by ``workers`` processes.

    An outcome is what :func:`kg.mapper.map_document` returns: the document's ``ExtractionResult``, or a
    ``DocumentFailure`` if its analysis raised. Engine and extraction seconds measured in the workers are
    added to ``timings`` (they are summed over workers, so they can exceed the wall time). Tokens are
    dropped from the results unless ``keep_tokens``.

    A worker process that dies (killed, out of memory, a crash in native code) breaks the whole pool and
    every batch in flight with it, without saying which document did it. The pool is then started again
    and the unfinished batches resubmitted in order, so a passing accident (a killed worker, a moment short
    of memory) costs nothing; if the pool breaks again before the oldest of them is back, a
    :class:`~kg.errors.KgError` names the documents that were in flight.
    """
    if workers < 1:
        raise KgError(f"workers must be 1 or more, got {workers}")
    limit = max(1, workers * IN_FLIGHT_PER_WORKER // BATCH)
    context = _context()
    entities = active_user_entities()  # the build's own entity lists: a spawned worker does not inherit them
    pool = _pool(workers, context, engine, model, keep_tokens, entities)
    pending: deque[list] = deque()  # [batch, future, times it was submitted], in input order
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
                pending.append([batch, _submit(pool, batch), 1])
            if not pending:
                break
            batch, fut, tries = pending[0]
            try:
                results, worker_timings = fut.result()
            except BrokenProcessPool:
                if tries > MAX_RESTARTS:
                    raise _crashed([d for b, _, _ in pending for d in b]) from None
                log.warning("a worker process stopped unexpectedly; starting the workers again and "
                            "resubmitting %d documents", sum(len(b) for b, _, _ in pending))
                pool.shutdown(wait=False, cancel_futures=True)
                pool = _pool(workers, context, engine, model, keep_tokens, entities)
                pending[0][2] += 1
                for entry in pending:
                    entry[1] = _submit(pool, entry[0])
                continue
            pending.popleft()
            for k, v in worker_timings.items():
                timings[k] += v
            yield from zip(batch, results)
        finished = True
    finally:
        if not finished:
            for _, fut, _ in pending:
                fut.cancel()
        pool.shutdown(wait=finished, cancel_futures=not finished)


def _pool(workers: int, context, engine: str, model: str | None, keep_tokens: bool,
          entities: tuple = ()) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_init_worker, initargs=(engine, model, keep_tokens, entities))


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
    """The batch's future; one already failed with BrokenProcessPool if the pool broke before it was sent."""
    try:
        return pool.submit(_work, batch)
    except BrokenProcessPool as err:
        fut: Future = Future()
        fut.set_exception(err)
        return fut


def _crashed(docs: list[Document]) -> KgError:
    return KgError(f"a worker process stopped unexpectedly twice (killed, out of memory, or a crash in native "
                   f"code) while documents {', '.join(d.id for d in docs)} were being processed; retry with "
                   "fewer --workers, or with --workers 1 to see the error")


def _context():
    method = os.environ.get(START_METHOD_ENV) or ("fork" if sys.platform.startswith("linux") else "spawn")
    try:
        return multiprocessing.get_context(method)
    except ValueError:
        raise KgError(f"{START_METHOD_ENV}={method!r} is not a start method here; use one of "
                      f"{', '.join(multiprocessing.get_all_start_methods())}") from None


# -- in the worker ------------------------------------------------------------------------------
def _init_worker(engine: str, model: str | None, keep_tokens: bool, entities: tuple = ()) -> None:
    from .extract.gazetteer import set_user_entities
    from .nlp import get_engine

    set_user_entities(entities)
    # Ctrl-C is the parent's to handle: it stops the build and shuts the workers down; a worker that
    # died of it first would look like a crash.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    get_engine(engine, model)  # once per worker (already loaded when forked from the parent)
    _WORKER.update(engine=engine, model=model, keep_tokens=keep_tokens)


def _work(batch: list[Document]) -> tuple[list[Outcome], dict]:
    return mapper.map_batch(batch, engine=_WORKER["engine"], model=_WORKER["model"],
                            keep_tokens=_WORKER["keep_tokens"])
