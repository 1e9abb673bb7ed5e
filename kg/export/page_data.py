"""What the HTML page shows, as plain JSON-ready values: the entities and relations it keeps, and the documents
they come from. Only reads the graph (a graph.json-shaped ``networkx.MultiDiGraph``).

Documents are numbered: entities and relations name their documents by index into ``documents``, which is sorted
by date, then id, and holds each document's title, date and publication from ``graph.doc_meta`` (where the
graph has it). An entity lists every document it is mentioned in, up to ``PAGE_ENTITY_DOCS``; a relation the
documents of all its evidence (graph.json keeps up to 20 sentences). The page filters by these lists.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph(doc_meta={"d1": {"title": "腾讯发布混元", "date": "2024-05-01", "author": "小编",
...                                      "publication": "某科技媒体"}})
>>> g.add_node("e1", label="腾讯", type="COMPANY", mentions=3, docs=["d1"])
>>> g.add_node("e2", label="混元", type="MODEL", mentions=2, docs=["d1"])
>>> g.add_node("e3", label="张三", type="PERSON", mentions=1, docs=["d1"])
>>> _ = g.add_edge("e1", "e2", relation="develops", confidence=0.9,
...                evidence=[{"doc": "d1", "sentence": "腾讯发布混元。", "start": 0, "end": 7}])
>>> data = page_data(g)
>>> data["documents"]
[{'id': 'd1', 'title': '腾讯发布混元', 'date': '2024-05-01', 'publication': '某科技媒体', 'author': '小编'}]
>>> data["entities"]["e1"]["docs"], data["relations"][0]["docs"], data["relations"][0]["evidence"][0]["doc"]
([0], [0], 0)
>>> data["stats"]["connected_entities"], data["stats"]["unconnected_entities"]
(2, 1)
"""
from __future__ import annotations

import heapq
import json
import math
from collections import Counter
from typing import Any, Iterable

from ..schema import ENTITY_LABELS, ENTITY_TYPES, RELATIONS
from .style import type_style

DEFAULT_TITLE = "知识图谱"
PAGE_ENTITY_DOCS = 1000  # documents listed per entity in the page, for the document filter (graph.json lists all)
PAGE_EVIDENCE = 5  # sentences per relation in the page (graph.json keeps up to 20)
LARGE_GRAPH_NODES = 300  # from here on: no curved edges, fewer layout iterations, no improved layout

# shape, colour per entity type (vis-network shapes whose size follows the node's value)
_META_FIELDS = ("title", "date", "publication", "author")


def select_nodes(graph, max_nodes: int | None) -> list:
    """The node ids the page shows: all of them, or the ``max_nodes`` most connected ones.

    Ranked by degree (all edges, both directions), then mentions, then id; returned in graph order. Entities
    without relations therefore come last, the most mentioned first.
    """
    nodes = list(graph.nodes)
    if max_nodes is None or max_nodes >= len(nodes):
        return nodes
    ranked = sorted(nodes, key=lambda n: (-graph.degree(n), -_int(graph.nodes[n].get("mentions")), str(n)))
    keep = set(ranked[:max_nodes])
    return [n for n in nodes if n in keep]


def select_edges(graph, shown: Iterable, max_edges: int | None) -> list:
    """``(u, v, attributes)`` of the relations the page shows, in graph order: those between ``shown`` entities,
    all of them or the ``max_edges`` most confident (then most evidence, then graph order). Only the kept ones
    are held, whatever the number of relations."""
    shown_set = set(shown)
    edges = ((u, v, d) for u in graph if u in shown_set
             for v, kd in graph.adj[u].items() if v in shown_set for d in kd.values())
    if max_edges is None:
        return list(edges)
    best = heapq.nsmallest(max_edges, enumerate(edges), key=lambda x: (
        -_float(x[1][2].get("confidence")), -len(x[1][2].get("evidence") or ()), x[0]))
    return [e for _, e in sorted(best, key=lambda x: x[0])]


def page_data(graph, *, title: str | None = None, max_nodes: int | None = None,
              max_edges: int | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready values; ``graph`` is only read."""
    shown = select_nodes(graph, max_nodes)
    n_edges = graph.number_of_edges()
    edges_in = [(u, v, d, _evidence(d.get("evidence"))) for u, v, d in select_edges(graph, shown, max_edges)]
    degree = Counter(n for u, v, _d, _ev in edges_in for n in (u, v))
    node_docs = {n: _str_list(graph.nodes[n].get("docs")) for n in shown}
    documents, doc_index = _documents(graph, node_docs.values(), (ev for *_, evs in edges_in for ev in evs))
    entities = {
        str(n): {
            "id": str(n),
            "label": _text(a.get("label")) or str(n),
            "type": str(a.get("type") or "UNKNOWN"),
            "aliases": _str_list(a.get("aliases")),
            "mentions": _int(a.get("mentions")),
            **_capped("docs", [doc_index[d] for d in node_docs[n]], PAGE_ENTITY_DOCS),
            "degree": degree[n],
        }
        for n, a in ((n, graph.nodes[n]) for n in shown)
    }
    relations = []
    for i, (u, v, d, evs) in enumerate(edges_in):
        rel = str(d.get("relation") or "")
        spec = RELATIONS.get(rel)
        relations.append({
            "id": f"e{i}", "source": str(u), "target": str(v), "relation": rel,
            "label": _text(d.get("label")) or (spec.label if spec else rel),
            "symmetric": bool(spec and spec.symmetric),
            "confidence": _float(d.get("confidence")),
            "role": _text(d.get("role")),
            "date": _text(d.get("date")),
            "docs": sorted({doc_index[ev["doc"]] for ev in evs if ev["doc"]}),
            **_capped("evidence", [{**ev, "doc": doc_index[ev["doc"]] if ev["doc"] else None} for ev in evs],
                      PAGE_EVIDENCE),
        })
    total = graph.number_of_nodes()
    connected = sum(1 for n in shown if degree[n])
    return {
        "title": _text(title) or _text(graph.graph.get("name")) or DEFAULT_TITLE,
        "stats": {
            "documents": _document_count(graph), "entities": total, "relations": n_edges,
            "shown_entities": len(shown), "shown_relations": len(relations),
            "hidden_entities": total - len(shown), "hidden_relations": n_edges - len(relations),
            "connected_entities": connected, "unconnected_entities": len(shown) - connected,
            "max_nodes": max_nodes, "max_edges": max_edges,
        },
        **_legend(entities, relations),
        "entities": entities,
        "relations": relations,
        "documents": documents,
        "large": connected >= LARGE_GRAPH_NODES,
    }


def _documents(graph, node_docs: Iterable[list[str]], evidence: Iterable[dict]) -> tuple[list[dict], dict[str, int]]:
    """The documents the page refers to, sorted by date then id, with what ``doc_meta`` says of each; and the
    index of each document id."""
    meta = _doc_meta(graph)
    ids: set[str] = set()
    for docs in node_docs:
        ids.update(docs)
    ids.update(ev["doc"] for ev in evidence if ev["doc"])
    table = [{"id": d, **{f: _text(meta.get(d, {}).get(f)) for f in _META_FIELDS}} for d in ids]
    table.sort(key=lambda doc: (doc["date"], doc["id"]))
    return table, {doc["id"]: i for i, doc in enumerate(table)}


def _doc_meta(graph) -> dict[str, dict]:
    """``graph.doc_meta`` as a dict of dicts (a GraphML round trip may hand it over as a JSON string)."""
    meta = graph.graph.get("doc_meta")
    if isinstance(meta, str):
        try:
            meta = json.loads(meta)
        except ValueError:
            return {}
    if not isinstance(meta, dict):
        return {}
    return {str(k): v for k, v in meta.items() if isinstance(v, dict)}


def _capped(name: str, items: list, limit: int) -> dict[str, Any]:
    """``{name: the first `limit` items, name_total: how many there are}``: a 10,000-document graph's page
    was 42 MB, a quarter of it the document lists of its most mentioned entities."""
    return {name: items[:limit], f"{name}_total": len(items)}


def _legend(entities: dict[str, dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, list]:
    """Entity types and relation types present, in schema order (unknown ones last), with counts."""
    type_counts = Counter(e["type"] for e in entities.values())
    rel_counts = Counter(r["relation"] for r in relations)
    rel_labels = {r["relation"]: r["label"] for r in relations}
    types = [t for t in ENTITY_TYPES if t in type_counts] + sorted(set(type_counts) - set(ENTITY_TYPES))
    rels = [r for r in RELATIONS if r in rel_counts] + sorted(set(rel_counts) - set(RELATIONS))
    return {
        "types": [{"id": t, "label": ENTITY_LABELS.get(t, t), "shape": style(t)[0], "color": style(t)[1],
                   "count": type_counts[t]} for t in types],
        "relation_types": [{"id": r, "label": RELATIONS[r].label if r in RELATIONS else rel_labels[r],
                            "symmetric": bool(r in RELATIONS and RELATIONS[r].symmetric), "count": rel_counts[r]}
                           for r in rels],
    }


def _document_count(graph) -> int:
    declared = graph.graph.get("documents")
    if isinstance(declared, bool):
        declared = None
    if isinstance(declared, int):
        return declared
    if isinstance(declared, (list, tuple, set, frozenset, dict)):
        return len(declared)
    docs: set[str] = set()
    for _n, attrs in graph.nodes(data=True):
        docs.update(_str_list(attrs.get("docs")))
    for _u, _v, attrs in graph.edges(data=True):
        docs.update(ev["doc"] for ev in _evidence(attrs.get("evidence")) if ev["doc"])
    return len(docs)


# ---------------------------------------------------------------------------------------------- values


def style(etype: str) -> tuple[str, str]:
    """(vis-network shape, colour) of an entity type (kg/export/style.py: the page and GEXF colour alike)."""
    return type_style(etype)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _float(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _str_list(value: Any) -> list[str]:
    """A list attribute; GraphML round trips may hand it over as a JSON string."""
    if value is None:
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value] if value else []
        value = parsed if isinstance(parsed, list) else [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v) for v in value if v is not None and str(v)]
    return [str(value)]


def _evidence(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [{"doc": "", "sentence": value, "start": None, "end": None}]
    out = []
    for ev in value or ():
        if isinstance(ev, dict):
            out.append({"doc": _text(ev.get("doc")), "sentence": _text(ev.get("sentence")),
                        "start": ev.get("start") if isinstance(ev.get("start"), int) else None,
                        "end": ev.get("end") if isinstance(ev.get("end"), int) else None})
        else:  # a frozen Evidence dataclass or similar
            out.append({"doc": _text(getattr(ev, "doc", "")), "sentence": _text(getattr(ev, "sentence", "")),
                        "start": getattr(ev, "start", None), "end": getattr(ev, "end", None)})
    return out
