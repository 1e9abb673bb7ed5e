"""KnowledgeGraph: a small facade over a networkx MultiDiGraph. Queries return copies and frozen
values, never the live graph. Names are looked up through labels, aliases and the gazetteer.

A graph that ``kg build`` has just made is backed by a :class:`kg.store.GraphTable` (its relations on disk)
until something needs networkx itself (:meth:`KnowledgeGraph.neighbors`, :meth:`KnowledgeGraph.to_networkx`,
pickling); then it becomes an in-memory networkx graph once."""
from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

import networkx as nx

from .errors import KgError
from .schema import RELATIONS
from .text import name_key, strip_company_suffix, strip_model_suffix, to_simplified
from .types import Entity, Relation, as_evidence, evidence_dict


@dataclass(frozen=True)
class Lookup:
    """How a name was found (:meth:`KnowledgeGraph.lookup`): the ``entity``; the form of it that ``query``
    matched (``matched``) and how (``how``: ``name``, ``alias`` for a form seen in the text, ``gazetteer alias``,
    or ``your entity list``); and ``known_aliases``, the names kg's gazetteer and the user's entity lists give
    it that the text did not use (``entity.aliases`` holds those it did)."""

    entity: Entity
    query: str
    matched: str
    how: str
    known_aliases: tuple[str, ...] = ()


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
    def _lookup_index(self) -> dict[str, tuple[str, str]]:
        if self._index is None:
            idx: dict[str, tuple[str, str]] = {}  # key -> (node, the form of it with that key)
            for n, a in self._g.nodes(data=True):
                for form in (n, a.get("label", n), *a.get("aliases", [])):
                    for k in _keys(form):
                        idx.setdefault(k, (n, form))
            self._index = idx
        return self._index

    def _gazetteer(self):
        """kg's gazetteer with the entity lists this graph was built with (graph.user_entities) on top."""
        from .extract.gazetteer import entries_from_rows, load_gazetteer

        return load_gazetteer(user=entries_from_rows(self._g.graph.get("user_entities")))

    def _match(self, name: str) -> tuple[str, str, str] | None:
        """(node, the form of it that ``name`` matched, how) or None."""
        if name in self._g:
            return name, name, "name"
        idx = self._lookup_index()
        for k in _keys(name):
            if k in idx:
                n, form = idx[k]
                return n, form, "name" if form in (n, self._g.nodes[n].get("label", n)) else "alias"
        gaz = self._gazetteer()  # Tencent → 腾讯 even if "Tencent" never appeared
        entry = gaz.resolve(name) or gaz.resolve(to_simplified(name))
        if entry is not None:
            for form in (entry.name, *entry.aliases):
                for k in _keys(form):
                    if k in idx:
                        how = "your entity list" if name_key(name) in gaz.user_keys else "gazetteer alias"
                        return idx[k][0], name, how
        return None

    def _find(self, name: str) -> str | None:
        hit = self._match(name)
        return hit[0] if hit is not None else None

    def entity(self, name: str) -> Entity | None:
        """The entity called ``name`` (its label, any alias, or a gazetteer alias), or None."""
        n = self._find(name)
        return self._entity(n) if n is not None else None

    def lookup(self, name: str) -> Lookup | None:
        """Like :meth:`entity`, saying which of its names matched and how, with the names the gazetteer and
        the user's entity lists know for it beyond those the text used."""
        hit = self._match(name)
        if hit is None:
            return None
        ent = self._entity(hit[0])
        gaz = self._gazetteer()
        entry = gaz.lookup(ent.label) or gaz.resolve(ent.label)
        seen = {ent.label, *ent.aliases}
        known = tuple(f for f in ((entry.name, *entry.aliases) if entry else ()) if f not in seen)
        return Lookup(ent, name, hit[1], hit[2], known)

    def merges(self, name: str | None = None) -> dict[str, dict[str, str]]:
        """``{entity id: {alias: reason}}``: the surface forms resolved into each entity under another name, and
        why (a gazetteer alias, a traditional form, a name in brackets, a short form, an acronym, a spelling variant, your
        entity list, your merge decision). ``name``: only that entity (any of its names); ``{}`` if unknown."""
        recorded = self._g.graph.get("merges")
        recorded = recorded if isinstance(recorded, dict) else {}
        nodes = sorted(self._g.nodes) if name is None else [n for n in [self._find(name)] if n is not None]
        out = {}
        for n in nodes:
            aliases = self._g.nodes[n].get("aliases", [])
            why = recorded.get(n) if isinstance(recorded.get(n), dict) else {}
            if aliases:
                out[n] = {a: str(why.get(a, "not recorded (an older graph)")) for a in aliases}
        return out

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

    def to_svg(self, *, max_nodes: int = 40) -> str:
        """A still picture of the ``max_nodes`` most connected entities and their relations, as SVG text
        (``IPython.display.SVG(g.to_svg())`` in a notebook); :meth:`write_html` is the interactive view."""
        from .export.svg import to_svg

        return to_svg(self._networkx(), max_nodes=max_nodes)


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
