"""Build a whole folder of real news, as `kg build NEWS --out DIR --workers N` does, and report what happened.

    PYTHONPATH=. python benchmarks/news_corpus.py --news ../shared/news --workers 2 --json /tmp/kg-news.json

Reports documents, characters, every input that could not be read and every document whose analysis failed
(expected: none), wall time, chars/s, and the peak RSS of the main process and of its worker processes, as a
short table and as JSON. The build runs in this process, through ``kg.pipeline.run`` and
``kg.output.write_outputs`` with the page capped as ``kg build`` caps it, and keeps a checkpoint in the output
folder as ``kg build`` does (``--no-checkpoint``: none); a checkpoint left there by an earlier run is deleted first,
so every document is analysed. Nothing here is a timed test assertion.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import time
from pathlib import Path


def _peak_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def measure(news: Path, *, workers: int, out: Path, checkpoint: bool = True) -> dict:
    t0 = time.perf_counter()
    from kg import checkpoint as ckpt_mod
    from kg.cli import DEFAULT_PAGE_EDGES, DEFAULT_PAGE_NODES
    from kg.nlp import get_engine
    from kg.output import write_outputs
    from kg.pipeline import run

    get_engine("builtin")  # what run() does first; timed apart as setup
    setup = time.perf_counter() - t0
    ckpt = out / ckpt_mod.FILENAME if checkpoint else None
    if ckpt is not None:
        ckpt_mod.remove(ckpt)
    t = time.perf_counter()
    res = run([news], workers=workers, checkpoint=ckpt)
    build = time.perf_counter() - t
    ckpt_mb = ckpt.stat().st_size / 2**20 if ckpt is not None and ckpt.exists() else None
    write_outputs(res.graph, out, max_nodes=DEFAULT_PAGE_NODES, max_edges=DEFAULT_PAGE_EDGES, timings=res.timings)
    if ckpt is not None:
        ckpt_mod.remove(ckpt)
    wall = time.perf_counter() - t
    s = res.graph.summary()
    return {
        "news": str(news), "workers": workers, "cpus": os.cpu_count(), "python": platform.python_version(),
        "checkpoint_mb": round(ckpt_mb, 1) if ckpt_mb is not None else None,
        "documents": res.documents, "chars": res.chars, "unchanged": res.unchanged,
        "unreadable": [str(f) for f in res.failures],
        "analysis_failures": [{"doc": f.doc, "reason": f.reason} for f in res.analysis_failures],
        "setup_s": round(setup, 2), "build_s": round(build, 2), "wall_s": round(wall, 2),
        "chars_per_s": round(res.chars / build) if build else None,
        "rss_main_mb": round(_peak_mb(resource.RUSAGE_SELF)), "rss_children_mb": round(_peak_mb(resource.RUSAGE_CHILDREN)),
        "entities": sum(s["entities"].values()), "relations": sum(s["relations"].values()),
        "timings": {k: round(v, 2) for k, v in sorted(res.timings.items())},
    }


def table(rec: dict) -> str:
    failures = len(rec["unreadable"]) + len(rec["analysis_failures"])
    ckpt = f"checkpoint {rec['checkpoint_mb']} MB at its largest" if rec["checkpoint_mb"] is not None else "no checkpoint"
    lines = [f"{rec['news']}: --workers {rec['workers']}, {rec['cpus']} CPUs, Python {rec['python']}, {ckpt}", "",
             "| documents | chars | failures | wall s | build s | chars/s | peak RSS main MB | peak RSS worker MB "
             "| entities | relations |",
             "|---|---|---|---|---|---|---|---|---|---|",
             f"| {rec['documents']:,} | {rec['chars']:,} | {failures} | {rec['wall_s']:.1f} | {rec['build_s']:.1f} | "
             f"{rec['chars_per_s']:,} | {rec['rss_main_mb']:,} | {rec['rss_children_mb']:,} | {rec['entities']:,} | "
             f"{rec['relations']:,} |"]
    for f in rec["unreadable"]:
        lines.append(f"unreadable: {f}")
    for f in rec["analysis_failures"]:
        lines.append(f"analysis failed: {f['doc']}: {f['reason']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--news", type=Path, help="a folder of news articles (e.g. ../shared/news)")
    p.add_argument("--workers", type=int, default=2, metavar="N")
    p.add_argument("--out", type=Path, default=Path("/tmp/kg-news"), help="where graph.{json,graphml,html} go")
    p.add_argument("--json", type=Path, help="also write the measurements here")
    p.add_argument("--no-checkpoint", action="store_true", help="keep no checkpoint while building")
    a = p.parse_args(argv)
    if a.news is None:
        p.error("give the folder to build with --news (e.g. --news ../shared/news)")
    if not a.news.is_dir():
        p.error(f"--news {a.news} is not a folder")
    rec = measure(a.news, workers=a.workers, out=a.out, checkpoint=not a.no_checkpoint)
    if a.json:
        a.json.write_text(json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(rec, ensure_ascii=False))
    print(table(rec), file=sys.stderr)
    return 1 if rec["unreadable"] or rec["analysis_failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
