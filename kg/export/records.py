"""Entities and relations as property-graph records: what the Neo4j import files and the Cypher script hold.

A node has two labels, ``Entity`` and its type (``COMPANY``, ``PERSON`` …), and the properties ``id``,
``name``, ``type``, ``aliases`` (a list of strings), ``mentions`` and ``documents`` (a list of document ids).
A relationship's type is the relation id (``works_for`` …); its properties are ``key`` (the graph's edge key,
the relation id for every graph kg builds), ``label`` (任职 …), ``confidence``, ``role``, ``date`` and
``evidence``: a JSON string of ``[{doc, sentence, start, end}]``, as in graph.json (a property cannot hold maps).

``None`` means "no property": an entity without aliases, a relation without a role or date. Text is kept on
one line: tabs and line breaks inside names, roles and dates become spaces, other control characters and lone
surrogates are dropped (the evidence JSON escapes its own).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("腾讯", label="腾讯", type="COMPANY", aliases=["Tencent"], mentions=3, docs=["d1"])
>>> g.add_node("混元", label="混元", type="MODEL", aliases=[], mentions=2, docs=["d1"])
>>> _ = g.add_edge("腾讯", "混元", key="develops", relation="develops", label="研发", confidence=0.9, evidence=[])
>>> [(r["id"], r["labels"], r["aliases"]) for r in node_records(g)]   # by id, in code-point order
[('混元', ('Entity', 'MODEL'), None), ('腾讯', ('Entity', 'COMPANY'), ['Tencent'])]
>>> next(relationship_records(g))["type"]
'develops'
"""
from __future__ import annotations

import json
import re
from typing import Iterator

from ..schema import RELATIONS
from ..store import sorted_edges
from ..types import evidence_dict

ENTITY_LABEL = "Entity"  # every node has it: one label to index ids on, whatever the type

_SPACE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_DROP = re.compile("[\x00-\x08\x0e-\x1f\x7f\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def one_line(value) -> str:
    """``value`` as text on one line, without control characters or lone surrogates."""
    s = str(value)
    if _SPACE.search(s):
        s = _SPACE.sub(" ", s)
    return _DROP.sub("", s) if _DROP.search(s) else s


def _nonempty(values) -> list[str] | None:
    out = [one_line(v) for v in values or ()]
    return out or None


def node_records(graph) -> Iterator[dict]:
    """One record per entity, by id: ``{id, labels, name, type, aliases, mentions, documents}``."""
    for n in sorted(graph.nodes):
        a = graph.nodes[n]
        etype = one_line(a.get("type", ""))
        yield {"id": one_line(n), "labels": (ENTITY_LABEL, etype) if etype else (ENTITY_LABEL,),
               "name": one_line(a.get("label", n)), "type": etype, "aliases": _nonempty(a.get("aliases")),
               "mentions": int(a.get("mentions", 0)), "documents": _nonempty(a.get("docs"))}


def relationship_records(graph, *, evidence: bool = True) -> Iterator[dict]:
    """One record per relation, by (source, target, key): ``{source, target, type, key, label, confidence, role,
    date, evidence}``; ``evidence=False`` leaves the evidence out (None) and does not read it."""
    for u, v, k, a in sorted_edges(graph, evidence=evidence):
        rel = a["relation"]
        ev = None
        if evidence:
            ev = json.dumps([evidence_dict(x) for x in a.get("evidence", ())], ensure_ascii=False)
            if _SURROGATE.search(ev):
                ev = _SURROGATE.sub("", ev)
        yield {"source": one_line(u), "target": one_line(v), "type": rel, "key": one_line(k),
               "label": one_line(a.get("label") or RELATIONS[rel].label), "confidence": float(a.get("confidence", 1.0)),
               "role": one_line(a["role"]) if a.get("role") else None,
               "date": one_line(a["date"]) if a.get("date") else None, "evidence": ev}


def evidence_list(value) -> list[dict]:
    """The evidence JSON string of a record back as graph.json's list of ``{doc, sentence, start, end}``."""
    return json.loads(value) if value else []
