"""Human-readable output for the CLI, and writing the output files."""
from __future__ import annotations

import sys
import time
import unicodedata
from pathlib import Path

from .errors import InputError
from .schema import ENTITY_LABELS, RELATIONS

# format name -> what it writes in the output folder
FORMATS = {
    "json": "graph.json",
    "graphml": "graph.graphml",
    "html": "graph.html",
    "neo4j": "neo4j/",  # nodes.csv, relationships.csv, README.md
    "cypher": "graph.cypher",
    "gexf": "graph.gexf",
    "ttl": "graph.ttl",
}
BUILD_FORMATS = ("json", "graphml", "html")  # what kg build always writes


def parse_formats(values: list[str] | None) -> list[str]:
    """``["neo4j,gexf", "ttl"]`` → ``["neo4j", "gexf", "ttl"]`` (each once, in order), or InputError."""
    out: list[str] = []
    for value in values or ():
        for name in filter(None, (v.strip().lower() for v in value.split(","))):
            if name not in FORMATS:
                raise InputError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
            if name not in out:
                out.append(name)
    return out


def write_outputs(graph, out: Path, *, formats: list[str] | tuple[str, ...] = BUILD_FORMATS,
                  max_nodes: int | None = None, max_edges: int | None = None, cypher_schema: str | None = None,
                  timings: dict | None = None) -> list[Path]:
    """Each of ``formats`` (graph.json, graph.graphml, graph.html by default) in ``out``, each file written
    atomically; the paths written, in order."""
    out.mkdir(parents=True, exist_ok=True)
    writers = {"json": graph.write_json, "graphml": graph.write_graphml,
               "html": lambda p: graph.write_html(p, max_nodes=max_nodes, max_edges=max_edges),
               "neo4j": graph.write_neo4j, "cypher": lambda p: graph.write_cypher(p, schema=cypher_schema),
               "gexf": graph.write_gexf, "ttl": graph.write_ttl}
    written = []
    for name in formats:
        t = time.perf_counter()
        path = out / FORMATS[name].rstrip("/")
        writers[name](path)
        written.append(path)
        if timings is not None:
            timings[f"export_{name}"] += time.perf_counter() - t
    return written


def print_summary(res, out: Path, file=None, *, extra: list[str] | tuple[str, ...] = ()) -> None:
    file = file or sys.stdout
    s = res.graph.summary()
    n_ent, n_rel = sum(s["entities"].values()), sum(s["relations"].values())
    more = "".join(f", {FORMATS[f]}" for f in extra)
    print(f"{res.documents} documents → {n_ent} entities, {n_rel} relations → {out}/graph.{{html,graphml,json}}{more}",
          file=file)
    if res.kept or res.removed:
        removed = f"; removed {len(res.removed)}: {', '.join(res.removed)}" if res.removed else ""
        print(f"  kept {res.kept} documents of the --update graph{removed}", file=file)
    for typ, n in s["entities"].items():
        print(f"  {typ:<14}{ENTITY_LABELS.get(typ, ''):<6}{n:>6}", file=file)
    for rel, n in s["relations"].items():
        print(f"  {rel:<14}{RELATIONS[rel].label:<6}{n:>6}", file=file)


def _cut(s: str, n: int) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def print_relations(rels, file=None) -> None:
    file = file or sys.stdout
    if not rels:
        print("no matching relations", file=file)
        return
    for r in rels:
        extra = "".join(f"  [{k}: {v}]" for k, v in (("role", r.role), ("date", r.date)) if v)
        print(f"{r.subject} —{r.label}({r.relation})→ {r.object}   conf {r.confidence:.2f}{extra}", file=file)
        for e in r.evidence[:3]:
            print(f"    {e.doc}@{e.start}-{e.end}: {_cut(e.sentence, 90)}", file=file)
        if len(r.evidence) > 3:
            print(f"    … {len(r.evidence) - 3} more", file=file)
    print(f"{len(rels)} relations", file=file)


def print_entity(ent, rels, file=None, *, found=None, reasons=None) -> None:
    """An entity, how ``found`` (a :class:`kg.graph.Lookup`) matched it, its aliases with ``reasons``
    (``{alias: reason}``), the names the gazetteer knows for it, its documents and relations."""
    file = file or sys.stdout
    print(f"{ent.label}  [{ent.type} {ENTITY_LABELS.get(ent.type, '')}]  {ent.mentions} mentions in {len(ent.docs)} documents", file=file)
    if found is not None and found.query != ent.label:
        if found.how in ("gazetteer alias", "your entity list"):
            src = "kg's gazetteer" if found.how == "gazetteer alias" else "your entity list"
            print(f"  found by: {found.query!r}, a name {src} gives {ent.label}", file=file)
        else:
            print(f"  found by: {found.query!r}, matching its {found.how} {found.matched!r}", file=file)
    if ent.aliases:
        reasons = reasons or {}
        forms = [f"{a} ({reasons[a]})" if a in reasons else a for a in ent.aliases]
        print(f"  aliases in the text: {', '.join(forms)}", file=file)
    if found is not None and found.known_aliases:
        print(f"  other known names (gazetteer, entity lists): {', '.join(found.known_aliases)}", file=file)
    if ent.docs:
        print(f"  documents: {', '.join(ent.docs[:10])}{' …' if len(ent.docs) > 10 else ''}", file=file)
    print_relations(rels, file=file)


def print_merges(rows, file=None) -> None:
    """``kg merges``: per entity, each name merged into it and why (rows of entity, type, alias, reason)."""
    file = file or sys.stdout
    if not rows:
        print("no merged names", file=file)
        return
    width = max(_width(r["alias"]) for r in rows) + 2
    entity = None
    for r in rows:
        if r["entity"] != entity:
            entity = r["entity"]
            print(f"{entity}  [{r['type']}]", file=file)
        print(f"  {r['alias']}{' ' * (width - _width(r['alias']))}{r['reason']}", file=file)
    print(f"{len({r['entity'] for r in rows})} entities, {len(rows)} merged names. To keep a name apart, put "
          "'split NAME | ENTITY' in a decisions file (kg build --decisions FILE); to join two, 'merge A = B'.",
          file=file)


def _width(s: str) -> int:
    """Columns ``s`` takes in a terminal: two for wide (CJK) characters."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
