"""Memory and time of each export on a large graph, beside the JSON export measured in the same run.

The graph is synthetic, deterministic and shaped like the 10,000-document benchmark's (44,000 entities, 556,000
relations by default; names and sentences of random CJK characters, evidence per relation drawn like the
benchmark's: mostly one sentence, up to 20). Each (source, format) runs in a fresh interpreter:

* ``table``: the graph as ``kg build`` holds it when it writes its outputs (a ``kg.store.GraphTable``: entities in
  memory, relations in SQLite), then the export — what ``kg build --format F`` costs;
* ``json``: ``kg.load(graph.json)`` (networkx in memory), then the export — what ``kg export graph.json --format F``
  costs.

``--formats json,gexf,gexf-networkx`` adds, as a reference, networkx's own ``write_gexf`` of the same graph (an
element tree of the whole file), the writer kg's GEXF export reproduces byte for byte while streaming.

Before the export the peak-RSS counter is reset (``/proc/self/clear_refs``, Linux), so ``export peak − before`` is
the memory the export itself took on top of the graph; the ratio compares the export's peak with the JSON
export's, same source, same run.

    PYTHONPATH=. python benchmarks/export_memory.py                               # the 10k-sized graph
    PYTHONPATH=. python benchmarks/export_memory.py --entities 4400 --relations 55600 --sources table
"""
from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
FORMATS = ("json", "graphml", "neo4j", "cypher", "gexf", "ttl")
TYPES = ("PERSON", "ORG", "COMPANY", "MODEL")
CJK = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]


# -- the synthetic graph ---------------------------------------------------------------------------------


def entities(n: int, seed: int):
    from kg.types import Entity

    rng = random.Random(seed)
    seen: set[str] = set()
    out = []
    for i in range(n):
        name = "".join(rng.choices(CJK, k=rng.randint(2, 4)))
        if rng.random() < 0.2:
            name += " " + rng.choice(("AI", "Lab", "Labs", "Tech", "Model"))
        while name in seen:
            name += rng.choice(CJK)
        seen.add(name)
        aliases = tuple("".join(rng.choices(CJK, k=3)) for _ in range(rng.choice((0, 0, 0, 1, 2))))
        docs = tuple(sorted({f"bench{rng.randrange(10_000):05d}" for _ in range(rng.randint(1, 10))}))
        out.append(Entity(name, name, rng.choice(TYPES), aliases, rng.randint(1, 50), docs))
    return sorted(out, key=lambda e: e.id)


def relations(ents, m: int, seed: int):
    """About ``m`` relations, sorted by (subject, object, relation) as GraphTable wants them, made one at a time."""
    from kg.schema import RELATIONS
    from kg.types import Evidence, Relation

    rng = random.Random(seed + 1)
    rels = list(RELATIONS)
    per = m / len(ents)
    for s in ents:
        k = min(len(ents) - 1, int(rng.expovariate(1 / per) + 0.5))
        pairs = sorted({(ents[rng.randrange(len(ents))].id, rng.choice(rels)) for _ in range(k)})
        for o, rel in pairs:
            if o == s.id:
                continue
            n_ev = min(20, 1 + int(rng.paretovariate(1.5))) if rng.random() < 0.1 else 1  # mean ≈ 1.2
            ev = []
            for _ in range(n_ev):
                sentence = "".join(rng.choices(CJK, k=rng.randint(30, 120))) + "。"
                start = rng.randrange(3000)
                ev.append(Evidence(f"bench{rng.randrange(10_000):05d}", sentence, start, start + len(sentence)))
            yield Relation(s.id, rel, o, tuple(ev), round(rng.uniform(0.5, 1.0), 2),
                           "主任" if rel == "works_for" and rng.random() < 0.3 else None,
                           f"2025-{rng.randint(1, 12):02d}" if rng.random() < 0.5 else None)


def table(n: int, m: int, seed: int):
    from kg.graph import KnowledgeGraph
    from kg.store import GraphTable

    ents = entities(n, seed)
    return KnowledgeGraph(GraphTable(ents, relations(ents, m, seed), meta={"documents": 10_000}))


# -- one measurement, in a child ---------------------------------------------------------------------------


def _status(field: str) -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024  # kB → MB
    raise RuntimeError(f"no {field} in /proc/self/status")


def child(source: str, fmt: str, graph_json: Path, n: int, m: int, seed: int, out: Path) -> dict:
    t = time.perf_counter()
    if source == "table":
        g = table(n, m, seed)
    else:
        from kg.graph import load

        g = load(graph_json)
        g._networkx()  # as kg export holds it
    load_s = time.perf_counter() - t
    load_peak = _status("VmHWM")
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the peak to the current RSS
    before = _status("VmRSS")
    t = time.perf_counter()
    if fmt == "gexf-networkx":  # not a kg format: networkx's own writer, for the same file, as a reference
        import networkx as nx

        from kg.export.gexf import to_gexf_graph

        out.mkdir(parents=True, exist_ok=True)
        path = out / "graph.gexf"
        nx.write_gexf(to_gexf_graph(g._g), path)
    else:
        from kg.output import write_outputs

        [path] = write_outputs(g, out, formats=[fmt])
    seconds = time.perf_counter() - t
    size = sum(p.stat().st_size for p in ([path] if path.is_file() else path.iterdir()))
    shutil.rmtree(out)  # hundreds of MB each at the default size; only the size is kept
    return {"source": source, "format": fmt, "load_s": round(load_s, 2), "load_peak_mb": round(load_peak),
            "before_mb": round(before), "export_peak_mb": round(_status("VmHWM")), "export_s": round(seconds, 2),
            "bytes": size, "entities": len(g), "relations": g.number_of_relations}


def _spawn(args: list[str]) -> dict:
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    p = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", *args], cwd=ROOT, env=env,
                       capture_output=True, text=True, encoding="utf-8")
    if p.returncode != 0:
        sys.exit(f"benchmark child {args} failed:\n{p.stderr[-3000:]}")
    return json.loads(p.stdout.strip().splitlines()[-1])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--entities", type=int, default=44_000)
    ap.add_argument("--relations", type=int, default=556_000)
    ap.add_argument("--seed", type=int, default=19)
    ap.add_argument("--sources", default="table,json")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--work", type=Path, help="folder for graph.json, kept for the next run (default: a temporary "
                                              "one, removed at the end); each output is removed once measured")
    ap.add_argument("--json", type=Path, help="also write the results here")
    ap.add_argument("--child", nargs=2, metavar=("SOURCE", "FORMAT"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-export-bench-"))
    graph_json = work / "graph.json"
    if args.child:
        source, fmt = args.child
        print(json.dumps(child(source, fmt, graph_json, args.entities, args.relations, args.seed, work / f"{source}-{fmt}")))
        return 0
    common = ["--entities", str(args.entities), "--relations", str(args.relations), "--seed", str(args.seed),
              "--work", str(work)]
    sources, formats = args.sources.split(","), args.formats.split(",")
    if "json" in sources and not graph_json.exists():
        from kg.output import write_outputs

        write_outputs(table(args.entities, args.relations, args.seed), work, formats=["json"])
    rows = []
    for source in sources:
        for fmt in formats:
            rows.append(_spawn([source, fmt, *common]))
            print(json.dumps(rows[-1]), file=sys.stderr)
    print(_table(rows))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    if args.work is None:
        shutil.rmtree(work)
    return 0


def _table(rows: list[dict]) -> str:
    base = {r["source"]: r for r in rows if r["format"] == "json"}
    lines = ["| source | format | graph in memory MB | export peak MB | × JSON export's peak | export's own MB | s | file MB |",
             "|---|---|---|---|---|---|---|---|"]
    for r in rows:
        b = base.get(r["source"])
        ratio = f"{r['export_peak_mb'] / b['export_peak_mb']:.2f}" if b else "–"
        lines.append(f"| {r['source']} | {r['format']} | {r['before_mb']:,} | {r['export_peak_mb']:,} | {ratio} | "
                     f"{r['export_peak_mb'] - r['before_mb']:,} | {r['export_s']} | {r['bytes'] / 1e6:,.0f} |")
    r = rows[0]
    return f"{r['entities']:,} entities, {r['relations']:,} relations\n" + "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
