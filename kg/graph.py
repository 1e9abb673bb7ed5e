"""KnowledgeGraph: a small facade over a networkx MultiDiGraph. Queries return copies and frozen
values, never the live graph. Names are looked up through labels, aliases and the gazetteer.

A graph that ``kg build`` has just made is backed by a :class:`kg.store.GraphTable` (its relations on disk)
until something needs networkx itself (:meth:`KnowledgeGraph.neighbors`, :meth:`KnowledgeGraph.to_networkx`,
pickling); then it becomes an in-memory networkx graph once."""
from __future__ import annotations

import os
from collections import Counter
from typing import Iterable

import networkx as nx

from .errors import KgError
from .schema import RELATIONS
from .text import name_key, strip_company_suffix, strip_model_suffix, to_simplified
from .types import Entity, Relation, as_evidence, evidence_dict


class KnowledgeGraph:
    """Entities are nodes (id = canonical label); each relation is one edge keyed by its id."""

    def __init__(self, graph: nx.MultiDiGraph | None = None):
        self._g = graph if graph is not None else nx.MultiDiGraph()  # or a kg.store.GraphTable
        self._index: dict[str, str] | None = None

    def _networkx(self) -> nx.MultiDiGraph:
        """The graph as networkx, made from the table the first time it is needed."""
        if not isinstance(self._g, nx.MultiDiGraph):
            table, self._g = self._g, self._g.to_networkx()
            table.close()
        return self._g

    def __getstate__(self) -> dict:
        return {"_g": self._networkx(), "_index": None}

    # -- construction ----------------------------------------------------------------------------
    @classmethod
    def from_parts(cls, entities: Iterable[Entity], relations: Iterable[Relation], *, meta: dict | None = None):
        g = nx.MultiDiGraph()
        g.graph.update(meta or {})
        for e in sorted(entities, key=lambda e: e.id):
            g.add_node(e.id, label=e.label, type=e.type, aliases=list(e.aliases), mentions=e.mentions,
                       docs=list(e.docs))
        for r in relations:
            attrs = {"relation": r.relation, "label": RELATIONS[r.relation].label, "confidence": r.confidence,
                     "evidence": r.evidence}  # frozen Evidence values, shared, not one dict per piece
            if r.role:
                attrs["role"] = r.role
            if r.date:
                attrs["date"] = r.date
            g.add_edge(r.subject, r.object, key=r.relation, **attrs)
        return cls(g)

    # -- lookups ---------------------------------------------------------------------------------
    def _lookup_index(self) -> dict[str, str]:
        if self._index is None:
            idx: dict[str, str] = {}
            for n, a in self._g.nodes(data=True):
                for form in (n, a.get("label", n), *a.get("aliases", [])):
                    for k in _keys(form):
                        idx.setdefault(k, n)
            self._index = idx
        return self._index

    def _find(self, name: str) -> str | None:
        if name in self._g:
            return name
        idx = self._lookup_index()
        for k in _keys(name):
            if k in idx:
                return idx[k]
        from .extract.gazetteer import load_gazetteer  # Tencent → 腾讯 even if "Tencent" never appeared

        gaz = load_gazetteer()
        entry = gaz.resolve(name) or gaz.resolve(to_simplified(name))
        if entry is not None:
            for form in (entry.name, *entry.aliases):
                for k in _keys(form):
                    if k in idx:
                        return idx[k]
        return None

    def entity(self, name: str) -> Entity | None:
        """The entity called ``name`` (its label, any alias, or a gazetteer alias), or None."""
        n = self._find(name)
        return self._entity(n) if n is not None else None

    def _entity(self, n: str) -> Entity:
        a = self._g.nodes[n]
        return Entity(n, a.get("label", n), a.get("type", ""), tuple(a.get("aliases", [])),
                      int(a.get("mentions", 0)), tuple(a.get("docs", [])))

    def entities(self, type: str | None = None) -> list[Entity]:  # noqa: A002 (the contract's keyword)
        return [self._entity(n) for n in sorted(self._g.nodes)
                if type is None or self._g.nodes[n].get("type") == type.upper()]

    def relations(self, subject: str | None = None, relation: str | None = None, object: str | None = None,  # noqa: A002
                  *, min_confidence: float = 0.0) -> list[Relation]:
        """Relations matching every filter given; names may be any alias. Symmetric relations match
        either way round. An unknown relation id raises KgError listing the known ones."""
        if relation is not None and relation not in RELATIONS:
            raise KgError(f"unknown relation {relation!r}; choose one of {', '.join(RELATIONS)}")
        s = self._find(subject) if subject is not None else None
        o = self._find(object) if object is not None else None
        if (subject is not None and s is None) or (object is not None and o is None):
            return []
        out = []
        for u, v, k, a in self._g.edges(keys=True, data=True):
            rel = a["relation"]
            if relation is not None and rel != relation:
                continue
            if a.get("confidence", 1.0) < min_confidence:
                continue
            ends = [(u, v)] + ([(v, u)] if RELATIONS[rel].symmetric else [])
            for x, y in ends:
                if (s is None or x == s) and (o is None or y == o):
                    out.append(self._relation(x, y, a))
                    break
        out.sort(key=lambda r: (-r.confidence, r.subject, r.relation, r.object))
        return out

    def _relation(self, u: str, v: str, a: dict) -> Relation:
        ev = tuple(as_evidence(e) for e in a.get("evidence", ()))
        return Relation(u, a["relation"], v, ev, a.get("confidence", 1.0), a.get("role"), a.get("date"),
                        self._g.nodes[u].get("type", ""), self._g.nodes[v].get("type", ""))

    def neighbors(self, name: str, depth: int = 1) -> "KnowledgeGraph":
        """The entities within ``depth`` relations of ``name`` (either direction), as a new graph."""
        n = self._find(name)
        if n is None:
            raise KgError(f"no entity called {name!r} in this graph; try `kg query` or g.entities() to list them")
        if depth < 0:
            raise KgError("depth must be 0 or more")
        g = self._networkx()
        seen = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), n, cutoff=depth)
        return KnowledgeGraph(g.subgraph(seen).copy())

    def to_networkx(self) -> nx.MultiDiGraph:
        """A deep copy: changing it never changes this graph. Attributes are shaped as in graph.json
        (evidence as a list of ``{doc, sentence, start, end}`` dicts)."""
        import copy

        g = copy.deepcopy(self._networkx())
        for *_, a in g.edges(data=True):
            if "evidence" in a:
                a["evidence"] = [evidence_dict(e) for e in a["evidence"]]
        return g

    # -- summaries -------------------------------------------------------------------------------
    def __len__(self) -> int:
        return self._g.number_of_nodes()

    @property
    def number_of_relations(self) -> int:
        return self._g.number_of_edges()

    def summary(self) -> dict:
        return {"entities": dict(sorted(Counter(a.get("type", "") for _, a in self._g.nodes(data=True)).items())),
                "relations": dict(sorted(Counter(r for *_, r in self._g.edges(data="relation")).items())),
                "documents": self._g.graph.get("documents", len({d for _, a in self._g.nodes(data=True) for d in a.get("docs", [])}))}

    def __repr__(self) -> str:
        return f"<KnowledgeGraph {self._g.number_of_nodes()} entities, {self._g.number_of_edges()} relations>"

    # -- I/O ---------------------------------------------------------------------------------------
    def write_json(self, path: str | os.PathLike) -> None:
        from .export.json import write_json

        write_json(self._g, path)

    def write_graphml(self, path: str | os.PathLike) -> None:
        from .export.graphml import write_graphml

        write_graphml(self._g, path)

    def write_html(self, path: str | os.PathLike, *, max_nodes: int | None = None, max_edges: int | None = None,
                   title: str | None = None) -> None:
        from .export.html import write_html

        write_html(self._g, path, max_nodes=max_nodes, max_edges=max_edges, title=title)

    def write_neo4j(self, folder: str | os.PathLike) -> None:
        """nodes.csv, relationships.csv and a README.md with the ``neo4j-admin`` command, in ``folder``."""
        from .export.neo4j import write_neo4j

        write_neo4j(self._g, folder)

    def write_cypher(self, path: str | os.PathLike, *, schema: str | None = None) -> None:
        """A re-runnable openCypher script (``UNWIND [...] AS r MERGE …`` batches); ``schema``: see kg.export.cypher."""
        from .export.cypher import DEFAULT_SCHEMA, write_cypher

        write_cypher(self._g, path, schema=schema or DEFAULT_SCHEMA)

    def write_gexf(self, path: str | os.PathLike) -> None:
        from .export.gexf import write_gexf

        write_gexf(self._g, path)

    def write_ttl(self, path: str | os.PathLike) -> None:
        from .export.ttl import write_ttl

        write_ttl(self._g, path)

    def to_json(self) -> str:
        from .export.json import dumps

        return dumps(self._g)


def _keys(form: str) -> list[str]:
    k = name_key(to_simplified(form))
    return list(dict.fromkeys((name_key(form), k, strip_company_suffix(k), strip_model_suffix(k))))


def load(path: str | os.PathLike) -> KnowledgeGraph:
    """A graph written by :meth:`KnowledgeGraph.write_json` (or a .graphml, .gexf or .ttl written by kg)."""
    suffix = os.path.splitext(str(path))[1].lower()
    if suffix == ".graphml":
        from .export.graphml import read_graphml as read
    elif suffix == ".gexf":
        from .export.gexf import read_gexf as read
    elif suffix == ".ttl":
        from .export.ttl import read_ttl as read
    else:
        from .export.json import read_json as read
    return KnowledgeGraph(read(path))
