"""Documents analysed on a Dask cluster (``kg build --dask [ADDRESS]``): the map on the workers, the reduce here.

The driver lists the inputs and cuts them into chunks (:mod:`kg.ingest.chunks`); workers read their chunks from
shared storage. Per chunk three tasks: ``read`` (the documents stay in the worker's memory), ``summary`` (ids,
content hashes and metadata come back: no text), and, once the driver has numbered and admitted the chunk's
documents in input order, ``analyse`` (a batch: the chunk's documents through :func:`kg.mapper.map_document`,
each split into pieces as the pipeline splits them) on the worker that holds them. Results are taken with
``as_completed`` into a reorder buffer and fed to the :class:`~kg.reduce.Reduce` in input order, so graph.json
is byte-identical to ``--workers 1``. At most :func:`window` chunks are submitted and not yet fed, so the driver
holds a bounded number of finished results and the cluster a bounded number of read chunks.

Faults: Dask reschedules the tasks of a worker that dies, and recomputes a lost ``read`` from its chunk. A
future has one result however often its task ran, and each chunk is fed once when its turn comes, so no document
is lost or fed twice. Which documents were analysed again is known from a side channel: every attempt of an
``analyse`` task logs an event (``kg-attempt-<build>``, the chunk's number) to the scheduler, which forwards it
to this client before the task's result (both travel on the same ordered streams); a chunk with two attempts
was retried. A task whose workers die ``distributed.scheduler.allowed-failures`` times (default 3) is a
KgError naming its documents.

Workers load the engine once (a worker plugin, also on a worker that replaces a dead one). Each worker should
run one thread (``dask worker ADDRESS --nthreads 1 --nworkers N``): the analysis is Python code that holds the GIL.
"""
from __future__ import annotations

import contextlib
import importlib.util
import logging
import uuid
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .checkpoint import PieceResult, piece_result
from .errors import DependencyError, InputError, KgError
from .ingest.chunks import (Admitted, Chunk, ChunkRead, Numbering, describe, plan_chunks, read_chunk,
                            texts_chunks)
from .mapper import DocumentFailure, map_document, piece_spans

log = logging.getLogger(__name__)

INSTALL_HINT = 'kg build --dask needs Dask\'s distributed scheduler: pip install "kg[dask]"'
CONNECT_TIMEOUT = 10  # seconds to reach a scheduler before saying it cannot be reached
IN_FLIGHT_PER_THREAD = 3  # chunks submitted but not yet fed to the resolver, per worker thread


def available() -> bool:
    return importlib.util.find_spec("distributed") is not None


@contextlib.contextmanager
def connect(dask, *, workers: int = 2) -> Iterator:
    """A ``distributed.Client`` for ``dask``: a Client (used as it is), a scheduler address, or True (a local
    cluster of ``workers`` processes, closed afterwards)."""
    if not available():
        raise DependencyError(INSTALL_HINT)
    from distributed import Client

    if isinstance(dask, Client):
        yield dask
        return
    if dask is True or dask in ("", "local"):
        with _local_cluster(workers) as client:
            yield client
        return
    if not isinstance(dask, str):
        raise InputError(f"dask= takes a distributed.Client, a scheduler address or True, not {type(dask).__name__}")
    address = _address(dask)
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError) as err:
        raise KgError(f"cannot reach the Dask scheduler at {address} within {CONNECT_TIMEOUT} s ({_one_line(err)}); "
                      "check the address and that `dask scheduler` runs there, or build without --dask") from None
    try:
        yield client
    finally:
        client.close()


def _address(text: str) -> str:
    """``tcp://host:port`` from what the user gave (``host:port`` means tcp); InputError if it is not one."""
    from distributed.comm import get_address_host_port

    address = text if "://" in text else f"tcp://{text}"
    try:
        get_address_host_port(address)
    except (ValueError, TypeError) as err:
        raise InputError(f"--dask {text!r} is not a scheduler address ({err}); give tcp://HOST:PORT") from None
    return address


# the workers' statistical profiler samples the analysis thread every 10 ms (for the dashboard), and Dask starts
# worker processes with MALLOC_TRIM_THRESHOLD_=65536, so glibc hands freed memory back to the system and maps it
# again all the time: on kg's allocation-heavy Python both cost the analysis its time (the trim alone made one
# worker 19 % slower, 150 articles, benchmarks/scaling.py). A local cluster runs without either; None unsets a
# pre-spawn variable.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None}


@contextlib.contextmanager
def _local_cluster(workers: int):
    import dask
    from distributed import Client, LocalCluster

    if workers < 1:
        raise InputError(f"workers must be 1 or more, got {workers}")
    # its own warnings (tasks cancelled on Ctrl-C, a worker restarted) are not the user's: kg reports what matters;
    # WORKER_CONFIG: see there
    with dask.config.set(WORKER_CONFIG), _without_dask_trim(), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0",
                         silence_logs=logging.ERROR) as cluster:
        with Client(cluster, set_as_default=False) as client:
            yield client


@contextlib.contextmanager
def _without_dask_trim():
    """Dask's nanny writes its pre-spawn variables into this process's environment, which later workers inherit:
    a cluster started earlier in this process (with Dask's defaults) leaves MALLOC_TRIM_THRESHOLD_=65536 behind.
    Hide that value (Dask's own, not a user's choice) while the workers start."""
    import os

    left = os.environ.get(TRIM) == "65536" and os.environ.pop(TRIM)
    try:
        yield
    finally:
        if left:
            os.environ[TRIM] = left


TRIM = "MALLOC_TRIM_THRESHOLD_"


def window(client) -> int:
    """Chunks submitted but not yet fed: enough to keep every worker thread busy while the oldest finishes."""
    threads = sum(client.nthreads().values()) or 1
    return IN_FLIGHT_PER_THREAD * threads + 1


# -- on the driver ----------------------------------------------------------------------------------
@dataclass
class _Chunk:
    number: int
    chunk: Chunk
    read: object  # the future of the chunk's documents, on a worker
    summary: object
    summary_value: ChunkRead | None = None  # once back
    planned: list | None = None  # Admitted entries (and stored ones) in order, once numbered
    analyse: object = None
    outcomes: list | None = None  # per analysed document, once back
    docs: list = field(default_factory=list)  # ids of the documents sent to be analysed


def run_on_cluster(client, reduce, *, inputs: Iterable = (), texts: Iterable[str] | None = None, engine: str,
                   model: str | None, piece_chars: int, entities: tuple = ()) -> None:
    """Analyse ``inputs`` (or ``texts``) on ``client``'s cluster and feed ``reduce`` in input order.
    ``entities``: the build's own entity lists, in force on the workers while they analyse its documents."""
    if texts is None:
        failures, chunks = plan_chunks(inputs)
        reduce.result.failures += failures
    else:
        from .ingest import documents_from_texts

        chunks = texts_chunks(documents_from_texts(texts))
    _warm_up(client, engine, model)
    _ClusterBuild(client, reduce, engine=engine, model=model, piece_chars=piece_chars,
                  entities=tuple(entities)).run(chunks)


class _ClusterBuild:
    """One build's chunks through the cluster: submitted in order up to :func:`window`, numbered and admitted in
    order as their summaries come back, fed to the reduce in order as their analyses come back."""

    def __init__(self, client, reduce, *, engine: str, model: str | None, piece_chars: int, entities: tuple):
        from distributed import as_completed

        self.client, self.reduce = client, reduce
        self.options = {"engine": engine, "model": model, "piece_chars": piece_chars, "entities": entities}
        self.build = uuid.uuid4().hex[:12]  # task keys and the attempts topic are this build's own
        self.topic = f"kg-attempt-{self.build}"
        self.attempts: dict[int, int] = defaultdict(int)  # chunk number -> analyse attempts started
        self.numbering = Numbering()
        self.queue: deque[_Chunk] = deque()  # submitted, not yet fed, in input order
        self.by_key: dict[str, _Chunk] = {}
        self.ready = as_completed(loop=client.loop)
        self.limit = window(client)
        self.retried: list[str] = []

    def run(self, chunks: Iterable[Chunk]) -> None:
        todo = enumerate(chunks)
        self.client.subscribe_topic(self.topic, self._attempt)
        try:
            self._submit(todo)
            for fut in self.ready:
                st = self.by_key.pop(fut.key)
                if fut is st.analyse:
                    st.outcomes, worker_timings = _result(fut, st)
                    st.analyse = None
                    for k, v in worker_timings.items():
                        self.reduce.timings[k] += v
                else:
                    st.summary_value = _result(fut, st)
                self._plan()
                self._feed()
                self._submit(todo)
                self._plan()
            if self.queue:  # as_completed ran dry with chunks unfed: only if the cluster went away
                raise KgError("the Dask cluster stopped before the build finished; run the same command again to "
                              "continue from the checkpoint")
        finally:
            for st in self.queue:
                for f in (st.analyse, st.summary, st.read):
                    if f is not None:
                        f.cancel()
            with contextlib.suppress(Exception):
                self.client.unsubscribe_topic(self.topic)
        if self.retried:
            self.reduce.result.retried += self.retried
            self.reduce.result.notices.append(
                f"{len(self.retried)} documents were analysed again after a Dask worker was lost (each is in the "
                f"graph once): {', '.join(self.retried)}")

    def _attempt(self, event: tuple) -> None:
        """An ``analyse`` task started (on the client's event loop, before that task's result arrives)."""
        self.attempts[event[1]] += 1

    def _submit(self, todo: Iterator[tuple[int, Chunk]]) -> None:
        """Read tasks for the next chunks, up to the window; reading goes before analysing (priority)."""
        while len(self.queue) < self.limit:
            nxt = next(todo, None)
            if nxt is None:
                return
            number, chunk = nxt
            read = self.client.submit(read_chunk, chunk, key=f"kg-read-{self.build}-{number}", priority=10)
            summary = self.client.submit(_summary, read, key=f"kg-summary-{self.build}-{number}", priority=10)
            st = _Chunk(number, chunk, read, summary)
            self.queue.append(st)
            self.by_key[summary.key] = st
            self.ready.add(summary)

    def _plan(self) -> None:
        """Number and admit the chunks whose summaries are back, in order, and send their documents to analysis."""
        for st in self.queue:
            if st.planned is not None:
                continue
            if st.summary_value is None:
                return
            self.reduce.timings["ingest"] += st.summary_value.seconds
            st.planned = _admit(self.reduce, self.numbering.number(st.chunk, st.summary_value))
            st.summary = st.summary_value = None
            work = [(e.index, e.doc_id) for e in st.planned if isinstance(e, Admitted)]
            if work:
                st.docs = [doc_id for _, doc_id in work]
                st.analyse = self.client.submit(_analyse, st.read, work, topic=self.topic, number=st.number,
                                                key=f"kg-analyse-{self.build}-{st.number}", **self.options)
                self.by_key[st.analyse.key] = st
                self.ready.add(st.analyse)
            else:
                st.outcomes = []
            st.read = None  # the scheduler keeps it while the analysis needs it (and reads it again if lost)

    def _feed(self) -> None:
        """The oldest chunks whose analyses are back into the reduce, in order."""
        while self.queue and self.queue[0].outcomes is not None:
            st = self.queue.popleft()
            outcomes = iter(st.outcomes)
            for e in st.planned:
                if isinstance(e, _StoredEntry):
                    self.reduce.feed_stored(e.doc_id, e.info.content_hash, e.stored, e.info.meta)
                else:
                    self.reduce.feed(e.doc_id, e.info.content_hash, e.info.chars, e.info.meta, next(outcomes))
            if self.attempts.get(st.number, 0) > 1:
                self.retried.extend(st.docs)


@dataclass(frozen=True)
class _StoredEntry:
    """A document of a chunk that a checkpoint holds: fed from it, not analysed."""

    doc_id: str
    info: object
    stored: object


def _admit(reduce, numbered: list) -> list:
    """A chunk's numbered items through the reduce's admission, in order: what to analyse (Admitted), what a
    checkpoint holds (_StoredEntry); failures to read go to the result, repeated texts are dropped."""
    out = []
    for item in numbered:
        if not isinstance(item, Admitted):
            reduce.result.failures.append(item)
            continue
        admitted = reduce.admit(item.doc_id, item.info.content_hash)
        if admitted is None:
            continue
        doc_id, stored = admitted
        if stored is not None:
            out.append(_StoredEntry(doc_id, item.info, stored))
        else:
            out.append(Admitted(item.index, doc_id, item.info))
    return out


def _result(fut, st: _Chunk):
    from distributed import KilledWorker

    try:
        return fut.result()
    except KilledWorker:
        what = f"analysed documents {', '.join(st.docs)}" if st.docs else f"read {describe(st.chunk)}"
        raise KgError(f"Dask workers died (killed, out of memory, or a crash in native code) each time they {what}; "
                      "build them with --workers 1 to see the error") from None
    except KgError:
        raise
    except Exception as err:  # noqa: BLE001 — a task that raised outside the map's isolation, or a lost scheduler
        if type(err).__name__ in ("CancelledError", "FutureCancelledError"):
            raise KgError("lost the Dask scheduler during the build; run the same command again to continue from "
                          "the checkpoint") from None
        raise KgError(f"a Dask task of this build failed: {_one_line(err)}") from err


def _warm_up(client, engine: str, model: str | None) -> None:
    """The engine loaded once in every worker, now and on any worker that joins later (e.g. a replacement)."""
    try:
        client.register_plugin(_EnginePlugin(engine, model), name=f"kg-engine-{engine}-{model}")
    except KgError:
        raise
    except Exception as err:  # noqa: BLE001 — whatever a worker raised while loading: one line
        raise KgError(f"a Dask worker could not load the {engine} engine: {_one_line(err)}; install kg (and the "
                      "engine's extra) on every worker") from None


def _one_line(err: BaseException) -> str:
    return f"{type(err).__name__}: {' '.join(str(err).split())}"[:300]


# -- on a worker --------------------------------------------------------------------------------------
def _engine_plugin_base():
    from distributed import WorkerPlugin

    return WorkerPlugin


class _EnginePlugin(_engine_plugin_base() if available() else object):
    """Loads the engine when a worker starts (or when the plugin is registered), once per worker process."""

    idempotent = True

    def __init__(self, engine: str, model: str | None):
        self.engine, self.model = engine, model

    def setup(self, worker) -> None:
        from .nlp import get_engine

        get_engine(self.engine, self.model)


def _summary(read: ChunkRead) -> ChunkRead:
    return read.summary()


def _analyse(read: ChunkRead, work: list[tuple[int, str]], *, engine: str, model: str | None, piece_chars: int,
             entities: tuple, topic: str, number: int) -> tuple[list, dict]:
    """The chunk's admitted documents, each split into pieces, through the map (with the build's entity lists in
    force): per document its failure (the first failing piece's) or its pieces' results; and the seconds per
    stage."""
    from distributed import get_worker

    from .extract.gazetteer import user_entities

    get_worker().log_event(topic, number)  # one per attempt: the driver counts them
    with user_entities(entities):
        return _map_chunk(read, work, engine=engine, model=model, piece_chars=piece_chars)


def _map_chunk(read: ChunkRead, work: list[tuple[int, str]], *, engine: str, model: str | None,
               piece_chars: int) -> tuple[list, dict]:
    timings: dict = defaultdict(float)
    out: list[DocumentFailure | tuple[PieceResult, ...]] = []
    for index, doc_id in work:
        doc = read.document(index, doc_id)
        spans = list(piece_spans(doc.text, piece_chars))
        pieces: list[PieceResult] = []
        failure = None
        for start, end in spans:
            piece = doc if len(spans) == 1 else _piece(doc, start, end)
            outcome = map_document(piece, engine=engine, model=model, timings=timings, keep_tokens=False)
            if isinstance(outcome, DocumentFailure):
                failure = outcome.in_piece(start, end, len(spans))
                break
            pieces.append(piece_result(outcome, start))
        out.append(failure if failure is not None else tuple(pieces))
    return out, dict(timings)


def _piece(doc, start: int, end: int):
    from dataclasses import replace

    return replace(doc, text=doc.text[start:end])
