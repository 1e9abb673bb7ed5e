"""graph.json: networkx node-link JSON, UTF-8, not ASCII-escaped (the contract in DESIGN.md)."""
from __future__ import annotations

import json
import math
import os

import networkx as nx

from .._io import atomic_open
from ..errors import GraphFormatError
from ..schema import RELATIONS
from ..store import sorted_edges
from ..types import Evidence, evidence_dict

FORMAT = "kg-graph"
VERSION = 1
_NODE_FIELDS = ("id", "label", "type", "aliases", "mentions", "docs")
_EDGE_FIELDS = ("source", "target", "relation", "label", "confidence", "evidence")


def to_node_link(graph: nx.MultiDiGraph) -> dict:
    """The JSON-ready dict: nodes and edges in a stable order, no timestamps."""
    return {"directed": True, "multigraph": True, "graph": _meta(graph), "nodes": list(_nodes(graph)),
            "edges": list(_edges(graph))}


def _meta(graph: nx.MultiDiGraph) -> dict:
    meta = {k: v for k, v in sorted(graph.graph.items()) if isinstance(v, (str, int, float, bool, list, dict))}
    meta.setdefault("format", FORMAT)
    meta.setdefault("version", VERSION)
    return meta


def _nodes(graph: nx.MultiDiGraph):
    for n in sorted(graph.nodes):
        a = graph.nodes[n]
        yield {"id": n, "label": a.get("label", n), "type": a.get("type", ""), "aliases": list(a.get("aliases", [])),
               "mentions": int(a.get("mentions", 0)), "docs": list(a.get("docs", []))}


def _edges(graph: nx.MultiDiGraph):
    for u, v, k, a in sorted_edges(graph):
        e = {"source": u, "target": v, "key": k, "relation": a["relation"],
             "label": a.get("label") or RELATIONS[a["relation"]].label,
             "confidence": a.get("confidence", 1.0), "evidence": [evidence_dict(x) for x in a.get("evidence", ())]}
        for opt in ("role", "date"):
            if a.get(opt):
                e[opt] = a[opt]
        yield e


_ENCODE = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder (``indent`` would force the pure-Python one)


def _chunks(graph: nx.MultiDiGraph):
    """graph.json in pieces, one node or edge per line: readable, diff-friendly, written by json's C
    encoder (``json.dumps(..., indent=1)`` was 2× slower) without holding the whole text."""
    yield '{"directed": true, "multigraph": true, "graph": ' + _ENCODE(_meta(graph)) + ", "
    for name, items in (("nodes", _nodes(graph)), ("edges", _edges(graph))):
        sep = f'"{name}": [\n'
        for item in items:
            yield sep + _ENCODE(item)
            sep = ",\n"
        yield f'"{name}": []' if sep != ",\n" else "\n]"
        if name == "nodes":
            yield ",\n"
    yield "}\n"


def dumps(graph: nx.MultiDiGraph) -> str:
    return "".join(_chunks(graph))


def write_json(graph: nx.MultiDiGraph, path: str | os.PathLike) -> None:
    with atomic_open(path, "w") as f:
        buf: list[str] = []
        for chunk in _chunks(graph):
            buf.append(chunk)
            if len(buf) >= 1024:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))


def from_node_link(data: object, *, source: str = "graph") -> nx.MultiDiGraph:
    """Validate and load a node-link dict. Only plain data is read; nothing is evaluated."""
    if not isinstance(data, dict) or not isinstance(data.get("nodes"), list) or not isinstance(data.get("edges"), list):
        raise GraphFormatError(f"{source} is not a kg graph: expected a JSON object with 'nodes' and 'edges' lists "
                               "(make one with `kg build`)")
    g = nx.MultiDiGraph()
    meta = data.get("graph")
    if isinstance(meta, dict):
        g.graph.update(meta)
    for i, n in enumerate(data["nodes"]):
        if not isinstance(n, dict) or not isinstance(n.get("id"), str) or not isinstance(n.get("type", ""), str):
            raise GraphFormatError(f"{source}: node {i} is not a kg node (needs a string 'id' and 'type')")
        attrs = {"label": str(n.get("label", n["id"])), "type": n.get("type", ""),
                 "aliases": [str(a) for a in _list(n.get("aliases"), source, i)],
                 "mentions": _int(n.get("mentions", 0)),
                 "docs": [str(d) for d in _list(n.get("docs"), source, i)]}
        g.add_node(n["id"], **attrs)
    for i, e in enumerate(data["edges"]):
        if not isinstance(e, dict) or e.get("source") not in g or e.get("target") not in g:
            raise GraphFormatError(f"{source}: edge {i} does not join two nodes of the graph")
        rel = e.get("relation")
        if rel not in RELATIONS:
            raise GraphFormatError(f"{source}: edge {i} has unknown relation {rel!r}; known: {', '.join(RELATIONS)}")
        ev = []
        for x in _list(e.get("evidence"), source, i):
            if not isinstance(x, dict):
                raise GraphFormatError(f"{source}: edge {i} has evidence that is not an object")
            ev.append(Evidence(str(x.get("doc", "")), str(x.get("sentence", "")), _int(x.get("start", 0)),
                               _int(x.get("end", 0))))
        attrs = {"relation": rel, "label": RELATIONS[rel].label, "confidence": _confidence(e.get("confidence", 1.0), source, i),
                 "evidence": tuple(ev)}
        for opt in ("role", "date"):
            if e.get(opt):
                attrs[opt] = str(e[opt])
        g.add_edge(e["source"], e["target"], key=str(e.get("key", rel)), **attrs)
    return g


def read_json(path: str | os.PathLike) -> nx.MultiDiGraph:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such file; build one with `kg build INPUT --out DIR`") from None
    except (UnicodeDecodeError, ValueError) as err:  # ValueError: bad JSON, or an integer of 4,300+ digits
        raise GraphFormatError(f"{path} is not a kg graph (not UTF-8 JSON: {err}); build one with `kg build`") from None
    except RecursionError:
        raise GraphFormatError(f"{path} is not a kg graph (JSON nested too deeply); build one with `kg build`") from None
    except OSError as err:
        raise GraphFormatError(f"cannot read {path}: {err.strerror}") from None
    return from_node_link(data, source=str(path))


def _list(v, source, i) -> list:
    if v is None:
        return []
    if not isinstance(v, list):
        raise GraphFormatError(f"{source}: item {i} has a field that should be a list")
    return v


def _int(v) -> int:
    try:
        return int(v)
    except (TypeError, ValueError, OverflowError):
        return 0


def _confidence(v, source, i) -> float:
    try:
        c = float(v)
    except (TypeError, ValueError):
        c = math.nan
    if not 0.0 <= c <= 1.0:
        raise GraphFormatError(f"{source}: edge {i} has confidence {v!r}; kg graphs hold numbers from 0 to 1")
    return c
