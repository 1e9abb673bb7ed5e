"""kg build on real news: one worker, two worker processes, and a local Dask cluster of two workers, beside
jieba.posseg over the same texts, in one run; and what the driver costs per document (for docs/SCALING.md).

    PYTHONPATH=. python benchmarks/scaling.py --news ../shared/news --json /tmp/kg-scaling.json
    PYTHONPATH=. python benchmarks/scaling.py --news ../shared/news --limit 150      # a quick check

Every configuration runs in a fresh child process, as ``benchmarks/run.py`` does. Start-up is timed apart and
not counted in chars/s: the engine load (kg1, kg2) and, for dask2, starting the LocalCluster and loading the
engine in its workers. The driver's share is measured in the dask2 child: ``resolve`` (feeding the resolver,
per document) and ``graph`` (building the graph at the end) from ``BuildResult.timings``, and the CPU seconds of
the driver process (which there also runs the LocalCluster's scheduler and the client). Nothing here is a timed
test assertion.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from run import _loadavg, _peak_mb, parallel_capacity  # noqa: E402

CONFIGS = ("baseline", "kg1", "kg2", "dask2")


def _inputs(news: Path, limit: int | None) -> list[str]:
    """The folder itself, or its first ``limit`` files in the order kg reads them."""
    if not limit:
        return [str(news)]
    from kg.ingest.files import list_sources

    _, sources = list_sources([news])
    return [str(src.path) for src, _ in sources[:limit]]


def _cpu_s() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


# -- children -----------------------------------------------------------------------------------
def child_baseline(inputs: list[str]) -> dict:
    from kg.ingest import iter_documents
    from kg.types import Document

    texts = [d.text for d in iter_documents(inputs) if isinstance(d, Document)]  # what kg analyses
    t0 = time.perf_counter()
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)
    jieba.dt.initialize()
    setup = time.perf_counter() - t0
    t = time.perf_counter()
    for text in texts:
        for _ in jieba.posseg.cut(text):
            pass
    return {"setup": setup, "seconds": time.perf_counter() - t, "chars": sum(map(len, texts)), "docs": len(texts),
            "rss_main_mb": _peak_mb(resource.RUSAGE_SELF)}


def child_kg(inputs: list[str], config: str, out: Path) -> dict:
    t0 = time.perf_counter()
    from kg.cli import DEFAULT_PAGE_EDGES, DEFAULT_PAGE_NODES
    from kg.nlp import get_engine
    from kg.output import write_outputs
    from kg.pipeline import run

    client = cluster = None
    if config == "dask2":
        from kg.cluster import _local_cluster, _warm_up

        cluster = _local_cluster(2)  # the local cluster `kg build --dask` starts, with its worker settings
        client = cluster.__enter__()
        _warm_up(client, "builtin", None)  # what run_on_cluster does first: the engine in every worker
    else:
        get_engine("builtin")  # what run() does first
    setup = time.perf_counter() - t0
    cpu0, t = _cpu_s(), time.perf_counter()
    res = run(inputs, workers=1 if config == "kg1" else 2, dask=client)
    seconds = time.perf_counter() - t
    driver_cpu = _cpu_s() - cpu0
    write_outputs(res.graph, out, max_nodes=DEFAULT_PAGE_NODES, max_edges=DEFAULT_PAGE_EDGES, timings=res.timings)
    if cluster is not None:
        cluster.__exit__(None, None, None)
    s = res.graph.summary()
    return {"setup": setup, "seconds": seconds, "chars": res.chars, "docs": res.documents,
            "failures": len(res.failures) + len(res.analysis_failures), "retried": len(res.retried),
            "driver_cpu_s": driver_cpu, "entities": sum(s["entities"].values()),
            "relations": sum(s["relations"].values()), "timings": {k: round(v, 3) for k, v in res.timings.items()},
            "rss_main_mb": _peak_mb(resource.RUSAGE_SELF), "rss_worker_mb": _peak_mb(resource.RUSAGE_CHILDREN)}


# -- parent -------------------------------------------------------------------------------------
def _spawn(args: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT, env=env,
                       capture_output=True, text=True, encoding="utf-8")
    if p.returncode != 0:
        sys.exit(f"benchmark child {args[:2]} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def measure(inputs: list[str], configs: list[str], outdir: Path, listing: Path) -> dict:
    listing.write_text(json.dumps(inputs), encoding="utf-8")
    rows = {}
    for name in configs:
        load = _loadavg()
        rec = _spawn([name, str(listing), str(outdir / name)])
        rec.update(load_before=load, load_after=_loadavg(), chars_per_s=rec["chars"] / rec["seconds"])
        print(f"  {name:<8} {rec['seconds']:8.1f} s  {rec['chars_per_s']:9.0f} chars/s  load {load:.1f}→"
              f"{rec['load_after']:.1f}", file=sys.stderr, flush=True)
        rows[name] = rec
    return rows


def report(rows: dict, *, what: str) -> str:
    first = next(iter(rows.values()))
    base = rows.get("baseline")
    lines = [f"{what}: {first['docs']} documents, {first['chars']:,} chars; {os.cpu_count()} CPUs; Python "
             f"{platform.python_version()}; load average at start {first['load_before']:.1f}", "",
             "| config | s | chars/s | × baseline | × kg1 | setup s | peak RSS main MB | peak RSS worker MB |",
             "|---|---|---|---|---|---|---|---|"]
    for name, r in rows.items():
        vs_base = f"{r['chars_per_s'] / base['chars_per_s']:.2f}" if base else "–"
        vs_one = f"{rows['kg1']['seconds'] / r['seconds']:.2f}" if "kg1" in rows and name != "baseline" else "–"
        worker = f"{r['rss_worker_mb']:.0f}" if name in ("kg2", "dask2") else "–"
        lines.append(f"| {name} | {r['seconds']:.1f} | {r['chars_per_s']:,.0f} | {vs_base} | {vs_one} | "
                     f"{r['setup']:.1f} | {r['rss_main_mb']:.0f} | {worker} |")
    d = rows.get("dask2")
    if d:
        t = d["timings"]
        reduce_s = t.get("resolve", 0) + t.get("graph", 0)
        per_worker = (t.get("engine", 0) + t.get("extract", 0)) / d["docs"] if d["docs"] else 0
        lines += ["", f"dask2 driver: resolve {t.get('resolve', 0):.2f} s + graph {t.get('graph', 0):.2f} s for "
                  f"{d['docs']} documents = {d['docs'] / reduce_s:,.0f} documents/s absorbed by the resolver; "
                  f"driver process CPU {d['driver_cpu_s']:.1f} s (with the LocalCluster's scheduler) = "
                  f"{d['docs'] / d['driver_cpu_s']:,.0f} documents/s; peak RSS {d['rss_main_mb']:.0f} MB",
                  f"a worker's analysis: {per_worker:.3f} s per document ({1 / per_worker:.1f} documents/s, "
                  f"{d['chars'] / (t.get('engine', 0) + t.get('extract', 0)):,.0f} chars/s of its own CPU time); "
                  f"retried documents: {d['retried']}"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        kind, listing, out = argv[1:]
        inputs = json.loads(Path(listing).read_text(encoding="utf-8"))
        rec = child_baseline(inputs) if kind == "baseline" else child_kg(inputs, kind, Path(out))
        print(json.dumps(rec))
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--news", type=Path, required=True, help="a folder of news articles (e.g. ../shared/news)")
    p.add_argument("--limit", type=int, help="only the first N files (default: all)")
    p.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated: {', '.join(CONFIGS)}")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/kg-scaling"))
    p.add_argument("--json", type=Path, help="also write every measurement here")
    a = p.parse_args(argv)
    configs = [c.strip() for c in a.configs.split(",") if c.strip()]
    if not set(configs) <= set(CONFIGS):
        p.error(f"unknown config in {configs}; choose from {', '.join(CONFIGS)}")
    if not a.news.is_dir():
        p.error(f"--news {a.news} is not a folder")
    a.workdir.mkdir(parents=True, exist_ok=True)
    inputs = _inputs(a.news, a.limit)
    cap_before = parallel_capacity()
    rows = measure(inputs, configs, a.workdir, a.workdir / "inputs.json")
    cap_after = parallel_capacity()
    text = report(rows, what=f"{a.news}" + (f" (first {a.limit} files)" if a.limit else ""))
    text += (f"\nparallel capacity (2 spinning processes vs 1): {cap_before:.2f}× before, {cap_after:.2f}× after "
             "(2.00 on two idle cores)")
    graphs = [a.workdir / c / "graph.json" for c in configs if c != "baseline"]
    if len(graphs) > 1:
        same = all(g.read_bytes() == graphs[0].read_bytes() for g in graphs[1:])
        text += f"\ngraph.json identical across {', '.join(c for c in configs if c != 'baseline')}: " \
                f"{'yes' if same else 'NO'}"
    print(text)
    if a.json:
        a.json.write_text(json.dumps({"news": str(a.news), "limit": a.limit, "cpus": os.cpu_count(),
                                      "parallel_capacity": [cap_before, cap_after], "rows": rows}, indent=1),
                          encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
