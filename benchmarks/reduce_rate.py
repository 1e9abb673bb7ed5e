"""How fast the driver's resolver absorbs analysed documents, and its memory, as a corpus grows (docs/SCALING.md).

    PYTHONPATH=. python benchmarks/reduce_rate.py --news ../shared/news --limit 150 --replicas 1,10,100

On a cluster the workers analyse and the driver only feeds each document's results to the resolver, in input
order (``kg.reduce.Reduce.feed``: the result log, then ``Resolver.add``), and builds the graph at the end. This
measures exactly that path without any analysis: the first ``--limit`` articles are analysed once (two worker
processes), then their results are fed again and again as new documents. So that the graph grows as a real
corpus's does (new people and start-ups in every article) rather than folding into the same entities, every
name no gazetteer knows gets a suffix per replica: a replica's unknown names are all new, its known ones (腾讯,
OpenAI) are shared. That is more new entities per document than real news has (pessimistic for memory).
Reported per replica count: documents, CPU seconds of feeding and of the final graph, documents/s, entities,
relation mentions, peak RSS of this process. Each replica count runs in a fresh child process.
"""
from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def analysed(news: Path, limit: int, cache: Path) -> list:
    """[(doc_id, content_hash, chars, meta, tuple[PieceResult])] for the first ``limit`` articles (cached)."""
    if cache.exists():
        return pickle.loads(cache.read_bytes())
    from kg.checkpoint import piece_result
    from kg.ingest import iter_documents
    from kg.ingest.files import list_sources
    from kg.mapper import DocumentFailure, map_document, piece_spans
    from kg.pipeline import PIECE_CHARS
    from kg.types import Document

    _, sources = list_sources([news])
    docs = [d for d in iter_documents([str(s.path) for s, _ in sources[:limit]]) if isinstance(d, Document)]
    out = []
    for doc in docs:
        pieces = []
        for start, end in piece_spans(doc.text, PIECE_CHARS):
            res = map_document(replace(doc, text=doc.text[start:end]) if end - start < len(doc.text) else doc,
                               keep_tokens=False)
            if isinstance(res, DocumentFailure):
                break
            pieces.append(piece_result(res, start))
        else:
            out.append((doc.id, doc.content_hash, len(doc.text), doc.metadata(), tuple(pieces)))
    cache.write_bytes(pickle.dumps(out))
    return out


def _renamed(piece, suffix: str):
    def name(m):
        return m if m.key or m.source == "gazetteer" else replace(m, text=m.text + suffix, end=m.end + len(suffix))

    return replace(piece, mentions=tuple(name(m) for m in piece.mentions),
                   relations=tuple(replace(r, head=name(r.head), tail=name(r.tail)) for r in piece.relations))


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def child(cache: Path, replicas: int) -> dict:
    from kg.reduce import Reduce  # not kg.pipeline: that imports the engine (spaCy), which a driver never loads
    from kg.steering import Steering

    base = pickle.loads(cache.read_bytes())
    t0, c0 = time.perf_counter(), _cpu()
    reduce = Reduce(engine="builtin", model=None, piece_chars=0, steer=Steering())  # piece_chars: for checkpoints
    setup_cpu = _cpu() - c0
    c1 = _cpu()
    n = 0
    for r in range(replicas):
        suffix = f"{r:x}" if r else ""
        for doc_id, h, chars, meta, pieces in base:
            pieces = tuple(_renamed(p, suffix) for p in pieces) if suffix else pieces
            got = reduce.admit(f"{doc_id}#{r}", f"{h}{r}")
            if got is None:  # a text that repeats another's
                continue
            reduce.feed(got[0], f"{h}{r}", chars, meta, pieces)
            n += 1
    feed_cpu = _cpu() - c1
    rss_fed = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    entities = len(reduce.resolver._entities)
    c2 = _cpu()
    reduce.close()
    res = reduce.finish()
    graph_cpu = _cpu() - c2
    return {"replicas": replicas, "documents": n, "setup_cpu_s": setup_cpu, "feed_cpu_s": feed_cpu,
            "graph_cpu_s": graph_cpu, "docs_per_s_feed": n / feed_cpu, "docs_per_s_total": n / (feed_cpu + graph_cpu),
            "entities": entities, "relations": res.graph.to_networkx().number_of_edges() if n <= 20_000 else None,
            "relation_mentions": sum(len(p.relations) for *_, ps in base for p in ps) * replicas,
            "rss_after_feed_mb": rss_fed, "rss_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "wall_s": time.perf_counter() - t0}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        print(json.dumps(child(Path(argv[1]), int(argv[2]))))
        return 0
    if argv[:1] == ["--analyse"]:
        analysed(Path(argv[1]), int(argv[2]), Path(argv[3]))
        return 0
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--news", type=Path, required=True)
    p.add_argument("--limit", type=int, default=150)
    p.add_argument("--replicas", default="1,10,100", help="comma-separated replica counts")
    p.add_argument("--workdir", type=Path, default=Path("/tmp/kg-reduce-rate"))
    p.add_argument("--json", type=Path)
    a = p.parse_args(argv)
    a.workdir.mkdir(parents=True, exist_ok=True)
    cache = a.workdir / f"analysed-{a.limit}.pickle"
    env = dict(os.environ, PYTHONPATH=str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    if not cache.exists():  # in a child: Linux keeps a process's peak RSS across exec, so this one stays small
        subprocess.run([sys.executable, str(Path(__file__).resolve()), "--analyse", str(a.news), str(a.limit),
                        str(cache)], env=env, cwd=ROOT, check=True)
    base = pickle.loads(cache.read_bytes())
    print(f"{len(base)} analysed articles from {a.news} (first {a.limit} files), "
          f"{sum(c for _, _, c, _, _ in base):,} chars", file=sys.stderr)
    rows = []
    print("| documents | feed CPU s | graph CPU s | docs/s (feed) | docs/s (feed + graph) | entities "
          "| relation mentions | peak RSS MB |\n|---|---|---|---|---|---|---|---|")
    for r in (int(x) for x in a.replicas.split(",")):
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(cache), str(r)],
                             env=env, cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
        if out.returncode != 0:
            sys.exit(out.stderr[-3000:])
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        print(f"| {row['documents']:,} | {row['feed_cpu_s']:.1f} | {row['graph_cpu_s']:.1f} | "
              f"{row['docs_per_s_feed']:,.0f} | {row['docs_per_s_total']:,.0f} | {row['entities']:,} | "
              f"{row['relation_mentions']:,} | {row['rss_peak_mb']:.0f} |", flush=True)
    if a.json:
        a.json.write_text(json.dumps(rows, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
