"""graph.graphml for Gephi, yEd and Cytoscape: scalar attributes only (lists as JSON strings), no
characters XML 1.0 forbids, string node ids, named keys (node ``label``, edge ``relation_label``)."""
from __future__ import annotations

import json
import os
import re

import networkx as nx

from .._io import atomic_open
from ..errors import GraphFormatError
from ..schema import RELATIONS

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")
_LIST_NODE = ("aliases", "docs")


def clean(value: str) -> str:
    return _XML_BAD.sub("", value)


def to_graphml_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy with GraphML-safe attributes; the input is not changed."""
    g = nx.MultiDiGraph()
    for k, v in graph.graph.items():
        if isinstance(v, (str, int, float, bool)):
            g.graph[k] = clean(v) if isinstance(v, str) else v
    for n in sorted(graph.nodes):
        a = graph.nodes[n]
        attrs = {"label": clean(str(a.get("label", n))), "type": a.get("type", ""), "mentions": int(a.get("mentions", 0))}
        for f in _LIST_NODE:
            attrs[f] = clean(json.dumps(list(a.get(f, [])), ensure_ascii=False))
        g.add_node(clean(str(n)), **attrs)
    for u, v, k, a in sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2]))):
        attrs = {"relation": a["relation"], "relation_label": a.get("label") or RELATIONS[a["relation"]].label,
                 "confidence": float(a.get("confidence", 1.0)),
                 "evidence": clean(json.dumps(a.get("evidence", []), ensure_ascii=False))}
        for opt in ("role", "date"):
            if a.get(opt):
                attrs[opt] = clean(str(a[opt]))
        g.add_edge(clean(str(u)), clean(str(v)), key=clean(str(k)), **attrs)
    return g


def write_graphml(graph: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    safe = to_graphml_graph(graph)
    with atomic_open(path, "wb") as f:
        nx.write_graphml(safe, f, encoding="utf-8", named_key_ids=True)


def read_graphml(path: str | os.PathLike) -> nx.MultiDiGraph:
    """Read a graph written by :func:`write_graphml` back into kg's attribute shapes."""
    try:
        raw = nx.read_graphml(path, node_type=str, force_multigraph=True)
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such file") from None
    except Exception as err:  # networkx raises several types for one user error
        raise GraphFormatError(f"{path} is not a readable GraphML file: {err}") from None
    g = nx.MultiDiGraph()
    g.graph.update(raw.graph)
    for n, a in raw.nodes(data=True):
        attrs = dict(a)
        for f in _LIST_NODE:
            attrs[f] = _json_list(a.get(f, "[]"), path, f"node {n!r} {f}")
        g.add_node(n, **attrs)
    for u, v, k, a in raw.edges(keys=True, data=True):
        if a.get("relation") not in RELATIONS:
            raise GraphFormatError(f"{path}: edge {u!r} → {v!r} has no kg relation (one of {', '.join(RELATIONS)}): "
                                   "this GraphML was not written by kg; load kg's graph.json instead")
        attrs = dict(a)
        attrs["label"] = attrs.pop("relation_label", RELATIONS[a["relation"]].label)
        attrs["evidence"] = _json_list(a.get("evidence", "[]"), path, f"edge {u!r} → {v!r} evidence")
        g.add_edge(u, v, key=k, **attrs)
    return g


def _json_list(value, path, what: str) -> list:
    try:
        out = json.loads(value)
    except (TypeError, ValueError, RecursionError):
        out = None
    if not isinstance(out, list):
        raise GraphFormatError(f"{path}: {what} is not a JSON list: this GraphML was not written by kg; "
                               "load kg's graph.json instead")
    return out
