"""What a ``kg build --dask`` driver spends per document when the analysis costs nothing (docs/SCALING.md).

    PYTHONPATH=. python benchmarks/driver_overhead.py --news ../shared/news [--limit 300]

Starts a real deployment on this machine: ``dask scheduler`` and ``dask worker --nworkers 2 --nthreads 1`` as
processes of their own, the workers preloaded with ``--preload`` this file, which replaces kg's analysis by one
that returns nothing at once. The driver (this process) then runs ``kg.pipeline.run(..., dask=ADDRESS)`` over the
folder: it lists, chunks, submits, numbers, admits and feeds, as in a real build, while the workers only read.
Reported: the driver's CPU seconds (user + system) per document and per chunk, so documents/s the driver can
take from any number of workers apart from the resolver's own share (benchmarks/reduce_rate.py measures that).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def dask_setup(worker):  # noqa: ARG001 — the hook `dask worker --preload FILE` calls in every worker
    """Analysis that finds nothing and costs nothing, so that only orchestration is measured."""
    import kg.mapper
    from kg.types import Analysis, ExtractionResult

    kg.mapper.analyze_document = lambda doc, **kw: ExtractionResult(Analysis(doc, (), (), ()))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--news", type=Path, required=True)
    p.add_argument("--limit", type=int, help="only the first N files (default: all)")
    a = p.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from scaling import _inputs

    from kg.ingest import chunks as chunking
    from kg.pipeline import run

    inputs = _inputs(a.news, a.limit)
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    dask = str(Path(sys.executable).with_name("dask"))
    with tempfile.TemporaryDirectory() as tmp:
        sched_file = Path(tmp) / "scheduler.json"
        procs = [subprocess.Popen([dask, "scheduler", "--scheduler-file", str(sched_file), "--port", "0",
                                   "--dashboard-address", ":0"], env=env, stderr=subprocess.DEVNULL)]
        try:
            for _ in range(100):
                if sched_file.exists():
                    break
                time.sleep(0.2)
            procs.append(subprocess.Popen([dask, "worker", "--scheduler-file", str(sched_file), "--nworkers", "2",
                                           "--nthreads", "1", "--preload", str(Path(__file__).resolve())],
                                          env=env, stderr=subprocess.DEVNULL))
            address = json.loads(sched_file.read_text())["address"]
            from distributed import Client

            with Client(address, set_as_default=False) as client:
                client.wait_for_workers(2, timeout=120)
                _, chunks = chunking.plan_chunks(inputs)
                n_chunks = sum(1 for _ in chunks)
                c0, t0 = _cpu(), time.perf_counter()
                res = run(inputs, dask=client)
                cpu, wall = _cpu() - c0, time.perf_counter() - t0
        finally:
            for proc in reversed(procs):
                proc.terminate()
                proc.wait(timeout=30)
    t = res.timings
    rec = {"documents": res.documents, "chunks": n_chunks, "driver_cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
           "resolve_s": round(t.get("resolve", 0), 3), "graph_s": round(t.get("graph", 0), 3),
           "cpu_ms_per_doc": round(1000 * cpu / res.documents, 2), "cpu_ms_per_chunk": round(1000 * cpu / n_chunks, 1),
           "docs_per_driver_cpu_s": round(res.documents / cpu)}
    print(json.dumps(rec))
    print(f"{res.documents} documents in {n_chunks} chunks; driver CPU {cpu:.2f} s ({rec['cpu_ms_per_doc']} ms a "
          f"document, {rec['cpu_ms_per_chunk']} ms a chunk: {rec['docs_per_driver_cpu_s']:,} documents per driver "
          f"CPU second), wall {wall:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
