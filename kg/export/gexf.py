"""graph.gexf for Gephi (its native format, GEXF 1.2): the bytes networkx's ``write_gexf`` makes of
:func:`to_gexf_graph`, streamed a node and a relation at a time instead of built as one element tree.

Nodes: ``label`` (the name), a colour by type (``viz:color``, the HTML page's colours), and the attributes
``type``, ``aliases`` and ``docs`` (JSON lists as strings) and ``mentions``. Edges: ``label`` (任职 …), ``weight``
= confidence (Gephi draws heavier edges thicker), and the attributes ``relation`` (the id), ``role``, ``date``,
``evidence`` (a JSON string, as in graph.json) and ``networkx_key``. The ``meta`` block names kg and carries no
date, so the same graph gives the same bytes. Characters XML 1.0 forbids are left out.
"""
from __future__ import annotations

import json
import os

import networkx as nx

from .. import __version__
from .._io import atomic_open
from ..errors import GraphFormatError
from ..schema import RELATIONS
from ..store import sorted_edges
from ..types import evidence_dict
from .style import rgb, type_style
from .xmltext import clean, escape_attr

_VIZ = 'xmlns:viz="http://www.gexf.net/1.2draft/viz" '  # declared where a node has a colour, as ElementTree does
_NS = ('xmlns="http://www.gexf.net/1.2draft" '
       'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
       'xsi:schemaLocation="http://www.gexf.net/1.2draft http://www.gexf.net/1.2draft/gexf.xsd" version="1.2"')
_TYPES = {str: "string", int: "long", float: "double"}  # networkx's names for them
_LIST_NODE = ("aliases", "docs")


def _node_items(graph):
    """(id, label, colour, attributes) per node, by id: what :func:`to_gexf_graph` puts on each."""
    for n in sorted(graph.nodes):
        a = graph.nodes[n]
        etype = clean(str(a.get("type", "")))
        data = {"type": etype}
        for f in ("aliases", "mentions", "docs"):
            data[f] = int(a.get(f, 0)) if f == "mentions" else clean(json.dumps(list(a.get(f, [])), ensure_ascii=False))
        yield clean(str(n)), clean(str(a.get("label", n))), rgb(type_style(etype)[1]), data


def _edge_items(graph, *, evidence: bool = True):
    """(source, target, label, weight, attributes) per relation, by source, target, key (``evidence=False``:
    the evidence attribute is "" and is not read)."""
    for u, v, k, a in sorted_edges(graph, evidence=evidence):
        data = {"relation": a["relation"]}
        for opt in ("role", "date"):
            if a.get(opt):
                data[opt] = clean(str(a[opt]))
        data["evidence"] = clean(json.dumps([evidence_dict(x) for x in a.get("evidence", ())], ensure_ascii=False)) \
            if evidence else ""
        data["networkx_key"] = clean(str(k))
        yield (clean(str(u)), clean(str(v)), clean(a.get("label") or RELATIONS[a["relation"]].label),
               float(a.get("confidence", 1.0)), data)


def to_gexf_graph(graph) -> nx.MultiDiGraph:
    """A networkx copy with the attributes :func:`write_gexf` writes (``nx.write_gexf`` of it gives the same
    file but for the ``meta`` block); the input is not changed."""
    g = nx.MultiDiGraph()
    for n, label, (r, gr, b), data in _node_items(graph):
        g.add_node(n, label=label, viz={"color": {"r": r, "g": gr, "b": b, "a": 1.0}}, **data)
    for u, v, label, weight, data in _edge_items(graph):
        data = dict(data)
        key = data.pop("networkx_key")
        g.add_edge(u, v, key=key, label=label, weight=weight, **data)
    return g


def write_gexf(graph, path: str | os.PathLike) -> None:
    """graph.gexf, written atomically, a node and a relation at a time."""
    with atomic_open(path, "wb") as f:
        for chunk in _chunks(graph):
            f.write(chunk.encode("utf-8"))


def _declared(graph) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Attribute ids and types as networkx numbers them: in order of first use, nodes before edges."""
    node: dict[str, tuple[str, str]] = {}
    edge: dict[str, tuple[str, str]] = {}
    for scope, items in ((node, (d for *_, d in _node_items(graph))), (edge, (d for *_, d in _edge_items(graph, evidence=False)))):
        for data in items:
            for k, v in data.items():
                if k not in scope:
                    scope[k] = (str(len(node) + len(edge)), _TYPES[type(v)])
            if scope is node or len(scope) == 5:
                break  # every node has the same four attributes; an edge has at most five
    return node, edge


def _chunks(graph):
    node_attrs, edge_attrs = _declared(graph)
    yield ("<?xml version='1.0' encoding='utf-8'?>\n<gexf " + (_VIZ if node_attrs else "") + _NS + ">\n  <meta>\n"
           f"    <creator>kg {__version__}</creator>\n  </meta>\n"
           '  <graph defaultedgetype="directed" mode="static" name="">\n')
    for cls, attrs in (("edge", edge_attrs), ("node", node_attrs)):
        if attrs:
            yield (f'    <attributes mode="static" class="{cls}">\n'
                   + "".join(f'      <attribute id="{i}" title="{escape_attr(k)}" type="{t}" />\n' for k, (i, t) in attrs.items())
                   + "    </attributes>\n")
    buf: list[str] = []
    any_node = False
    for n, label, (r, g, b), data in _node_items(graph):
        if not any_node:
            buf.append("    <nodes>\n")
            any_node = True
        buf.append(f'      <node id="{escape_attr(n)}" label="{escape_attr(label)}">\n'
                   f'        <viz:color r="{r}" g="{g}" b="{b}" a="1.0" />\n' + _attvalues(data, node_attrs, "node"))
        if len(buf) > 2048:
            yield "".join(buf)
            buf = []
    buf.append("    </nodes>\n" if any_node else "    <nodes />\n")
    any_edge = False
    for i, (u, v, label, weight, data) in enumerate(_edge_items(graph)):
        if not any_edge:
            buf.append("    <edges>\n")
            any_edge = True
        buf.append(f'      <edge source="{escape_attr(u)}" target="{escape_attr(v)}" id="{i}" label="{escape_attr(label)}" '
                   f'weight="{weight!r}">\n' + _attvalues(data, edge_attrs, "edge"))
        if len(buf) > 2048:
            yield "".join(buf)
            buf = []
    buf.append("    </edges>\n" if any_edge else "    <edges />\n")
    yield "".join(buf) + "  </graph>\n</gexf>\n"


def _attvalues(data: dict, ids: dict[str, tuple[str, str]], element: str) -> str:
    return ("        <attvalues>\n"
            + "".join(f'          <attvalue for="{ids[k][0]}" value="{escape_attr(str(v))}" />\n' for k, v in data.items())
            + f"        </attvalues>\n      </{element}>\n")


def read_gexf(path: str | os.PathLike) -> nx.MultiDiGraph:
    """A graph written by :func:`write_gexf`, back in graph.json's attribute shapes."""
    try:
        raw = nx.read_gexf(path, node_type=str)
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such file") from None
    except Exception as err:  # networkx and ElementTree raise several types for one user error
        raise GraphFormatError(f"{path} is not a readable GEXF file: {err}") from None
    g = nx.MultiDiGraph()
    for n, a in raw.nodes(data=True):
        g.add_node(n, label=a.get("label", n), type=a.get("type", ""), aliases=_json(a.get("aliases"), path),
                   mentions=int(a.get("mentions", 0)), docs=_json(a.get("docs"), path))
    edges = raw.edges(keys=True, data=True) if raw.is_multigraph() else ((u, v, None, a) for u, v, a in raw.edges(data=True))
    for u, v, k, a in edges:
        rel = a.get("relation")
        if rel not in RELATIONS:
            raise GraphFormatError(f"{path}: edge {u!r} → {v!r} has no kg relation: this GEXF was not written by kg")
        attrs = {"relation": rel, "label": a.get("label") or RELATIONS[rel].label,
                 "confidence": float(a.get("weight", 1.0)), "evidence": _json(a.get("evidence"), path)}
        for opt in ("role", "date"):
            if a.get(opt):
                attrs[opt] = a[opt]
        g.add_edge(u, v, key=str(a.get("networkx_key", k if k is not None else rel)), **attrs)
    return g


def _json(value, path) -> list:
    try:
        out = json.loads(value) if value else []
    except (TypeError, ValueError):
        out = None
    if not isinstance(out, list):
        raise GraphFormatError(f"{path}: an attribute that kg writes as a JSON list is not one: "
                               "this GEXF was not written by kg")
    return out
