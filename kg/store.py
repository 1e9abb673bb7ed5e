"""Relations on disk while a graph is built and written, so that memory stays flat as a corpus grows.

A corpus of N documents yields about N × 75 relation mentions, each with its sentence. Held as Python
objects they were most of a large build's memory (2.3 GB at 10,000 benchmark documents). Here they live in
private temporary SQLite databases instead (``sqlite3.connect("")``: SQLite keeps one in memory up to its
page cache, :data:`CACHE_KIB`, then in a file it deletes when the connection closes):

* :class:`MentionStore` holds every relation mention the resolver is given, one row each, and hands them back
  grouped by relation in output order, for :class:`~kg.resolve.Resolver` to aggregate;
* :class:`GraphTable` holds a built graph: entities in memory (there are few), relations as rows in export
  order (by source, target, relation). It offers the part of networkx's ``MultiDiGraph`` read API that kg's
  exporters and :class:`~kg.graph.KnowledgeGraph` use, and :meth:`GraphTable.to_networkx` for the rest.

SQLite compares text as UTF-8 bytes, which orders strings as Python does (by code point), so its ORDER BY
and Python's ``sorted`` agree.
"""
from __future__ import annotations

import json
import sqlite3
from itertools import groupby
from typing import Iterable, Iterator

from .schema import RELATIONS
from .types import Entity, Evidence, Relation

BATCH = 20_000  # rows handed to SQLite at a time
CACHE_KIB = 16 * 1024  # page cache per database: what SQLite may hold in memory before it writes to its file


def _connect() -> sqlite3.Connection:
    db = sqlite3.connect("", check_same_thread=False)  # "": private, temporary, deleted on close
    db.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    return db


class MentionStore:
    """Relation mentions in arrival order: (head key, relation, tail key, confidence, evidence, role, date)."""

    def __init__(self):
        self._db: sqlite3.Connection | None = None
        self.docs: list[str] = []  # document ids by number: each is stored once, not once per row
        self._doc_numbers: dict[str, int] = {}
        self._rows: list[tuple] = []

    @property
    def db(self) -> sqlite3.Connection:
        """Opened at the first write, not before: ``kg build --workers N`` forks its workers before that, so
        they never inherit an open SQLite connection (which SQLite says a child must not touch)."""
        if self._db is None:
            self._db = _connect()
            self._db.execute("CREATE TABLE m (h TEXT, rel TEXT, t TEXT, conf REAL, doc INTEGER, sentence TEXT, "
                             "start INTEGER, stop INTEGER, role TEXT, date TEXT)")
        return self._db

    def add(self, h: str, rel: str, t: str, conf: float, ev: Evidence | None, role: str | None,
            date: str | None) -> None:
        if ev is None:  # a relation without evidence (only from a hand-made graph being updated)
            self._rows.append((h, rel, t, conf, None, None, None, None, role or None, date or None))
        else:
            d = self._doc_numbers.get(ev.doc)
            if d is None:
                d = self._doc_numbers[ev.doc] = len(self.docs)
                self.docs.append(ev.doc)
            self._rows.append((h, rel, t, conf, d, ev.sentence, ev.start, ev.end, role or None, date or None))
        if len(self._rows) >= BATCH:
            self.flush()

    def flush(self) -> None:
        if self._rows:
            self.db.executemany("INSERT INTO m VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", self._rows)
            self.db.commit()
            self._rows = []

    def grouped(self, ends: dict[str, tuple[str, str]]) -> Iterator[tuple[tuple, list[tuple]]]:
        """Mentions whose two keys are in ``ends`` (key → (entity id, type)), grouped by relation:
        ``((subject id, object id, relation, head id, head type, tail type), rows)`` sorted by subject, object
        and relation, each row ``(confidence, doc number, sentence, start, end, role, date)`` in arrival order.
        A symmetric relation's subject is the smaller id; the head is the end its key put first."""
        self.flush()
        db = self.db
        db.execute("DROP TABLE IF EXISTS ids")
        db.execute("CREATE TABLE ids (key TEXT PRIMARY KEY, id TEXT, type TEXT) WITHOUT ROWID")
        db.executemany("INSERT INTO ids VALUES (?, ?, ?)", ((k, i, t) for k, (i, t) in ends.items()))
        db.commit()
        sym = [r for r, spec in RELATIONS.items() if spec.symmetric]
        swap = f"m.rel IN ({', '.join('?' * len(sym))}) AND hi.id > ti.id"
        rows = db.execute(
            f"SELECT CASE WHEN {swap} THEN ti.id ELSE hi.id END AS s, CASE WHEN {swap} THEN hi.id ELSE ti.id END AS o,"
            " m.rel, hi.id, hi.type, ti.type, m.conf, m.doc, m.sentence, m.start, m.stop, m.role, m.date"
            " FROM m JOIN ids hi ON hi.key = m.h JOIN ids ti ON ti.key = m.t ORDER BY s, o, m.rel, m.rowid",
            sym + sym)
        for head, group in groupby(rows, key=lambda r: r[:6]):
            yield head, [r[6:] for r in group]

    def close(self) -> None:
        self._rows = []
        if self._db is not None:
            self._db.close()


# -- a built graph ---------------------------------------------------------------------------------


def _edge_attrs(rel: str, conf: float, role: str | None, date: str | None, ev: str | None) -> dict:
    """An edge's attributes as ``KnowledgeGraph.from_parts`` sets them (without evidence if ``ev`` is None)."""
    attrs = {"relation": rel, "label": RELATIONS[rel].label, "confidence": conf}
    if ev is not None:
        attrs["evidence"] = tuple(Evidence(*x) for x in json.loads(ev))
    if role:
        attrs["role"] = role
    if date:
        attrs["date"] = date
    return attrs


def _node_attrs(e: Entity) -> dict:
    return {"label": e.label, "type": e.type, "aliases": list(e.aliases), "mentions": e.mentions, "docs": list(e.docs)}


class _Nodes:
    """``graph.nodes`` as networkx offers it: iterate ids, ``nodes[id]`` attributes (a new dict each time: the
    entities are kept as frozen :class:`~kg.types.Entity` values), ``nodes(data=True)``."""

    def __init__(self, nodes: dict[str, Entity]):
        self._nodes = nodes

    def __iter__(self):
        return iter(self._nodes)

    def __len__(self) -> int:
        return len(self._nodes)

    def __contains__(self, n) -> bool:
        return n in self._nodes

    def __getitem__(self, n) -> dict:
        return _node_attrs(self._nodes[n])

    def __call__(self, data=False):
        if data is True:
            return ((n, _node_attrs(e)) for n, e in self._nodes.items())
        if data:
            return ((n, _node_attrs(e).get(data)) for n, e in self._nodes.items())
        return iter(self._nodes)


class _Adjacency:
    def __init__(self, table: GraphTable):
        self._table = table

    def __getitem__(self, u) -> dict:
        """``{target: {relation: attributes}}`` for ``u``'s outgoing relations, in the order a networkx graph
        built from relations sorted by (subject, relation, object) has them."""
        out: dict[str, dict] = {}
        for v, rel, conf, role, date, ev in self._table._db.execute(
                "SELECT o, rel, conf, role, date, ev FROM e WHERE s = ? ORDER BY rel, o", (u,)):
            out.setdefault(v, {})[rel] = _edge_attrs(rel, conf, role, date, ev)
        return out


class GraphTable:
    """A built graph with its relations in SQLite. Entities are nodes (id → attributes, in id order);
    relations are edges keyed by relation id, stored in export order (source, target, relation)."""

    def __init__(self, entities: Iterable[Entity], relations: Iterable[Relation], *, meta: dict | None = None):
        self.graph = dict(meta or {})
        self._nodes = {e.id: e for e in sorted(entities, key=lambda e: e.id)}
        self.nodes = _Nodes(self._nodes)
        self.adj = _Adjacency(self)
        self._degree: dict[str, int] | None = None
        self._db = _connect()
        self._db.execute("CREATE TABLE e (s TEXT, o TEXT, rel TEXT, conf REAL, role TEXT, date TEXT, ev TEXT)")
        self._edges = 0
        last = None
        batch = []
        for r in relations:
            key = (r.subject, r.object, r.relation)
            if last is not None and key <= last:
                raise ValueError(f"relations must come sorted by subject, object, relation, once each: {key} after {last}")
            if r.subject not in self._nodes or r.object not in self._nodes:
                raise ValueError(f"relation {key} joins an entity that is not in the graph")
            last = key
            ev = json.dumps([[e.doc, e.sentence, e.start, e.end] for e in r.evidence], ensure_ascii=False)
            batch.append((*key, r.confidence, r.role, r.date, ev))
            if len(batch) >= BATCH:
                self._insert(batch)
                batch = []
        self._insert(batch)
        self._db.execute("CREATE INDEX e_s ON e (s)")
        self._db.commit()

    def _insert(self, rows: list[tuple]) -> None:
        self._db.executemany("INSERT INTO e VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
        self._edges += len(rows)

    # -- the networkx read API kg uses -------------------------------------------------------------
    def __iter__(self):
        return iter(self._nodes)

    def __contains__(self, n) -> bool:
        return n in self._nodes

    def __len__(self) -> int:
        return len(self._nodes)

    def number_of_nodes(self) -> int:
        return len(self._nodes)

    def number_of_edges(self) -> int:
        return self._edges

    def degree(self, n) -> int:
        """Relations in and out of ``n``."""
        if self._degree is None:
            deg = dict.fromkeys(self._nodes, 0)
            for col in ("s", "o"):
                for node, count in self._db.execute(f"SELECT {col}, COUNT(*) FROM e GROUP BY {col}"):
                    deg[node] += count
            self._degree = deg
        return self._degree[n]

    def edges(self, keys: bool = False, data: bool | str = False) -> Iterator[tuple]:
        """Edges by source, target, relation: ``(u, v)``, plus the key with ``keys=True``, plus the attributes
        with ``data=True`` (or one attribute's value with ``data="name"``)."""
        full = data is True or data == "evidence"  # only then is the evidence read
        for row in self._db.execute(f"SELECT s, o, rel, conf, role, date{', ev' if full else ''} FROM e ORDER BY rowid"):
            u, v, rel = row[0], row[1], row[2]
            if not data:
                yield (u, v, rel) if keys else (u, v)
                continue
            a = _edge_attrs(*row[2:]) if full else _edge_attrs(*row[2:], None)
            value = a if data is True else a.get(data)
            yield (u, v, rel, value) if keys else (u, v, value)

    def sorted_edges(self, evidence: bool = True) -> Iterator[tuple]:
        """``(u, v, key, attributes)`` in export order (source, target, key): how they are stored. With
        ``evidence=False`` the attributes leave out the evidence, which is then not read."""
        if evidence:
            return self.edges(keys=True, data=True)
        return ((u, v, rel, _edge_attrs(rel, conf, role, date, None)) for u, v, rel, conf, role, date
                in self._db.execute("SELECT s, o, rel, conf, role, date FROM e ORDER BY rowid"))

    def to_networkx(self):
        """The same graph as a ``networkx.MultiDiGraph`` (what ``KnowledgeGraph.from_parts`` makes)."""
        import networkx as nx

        g = nx.MultiDiGraph()
        g.graph.update(self.graph)
        for n, e in self._nodes.items():
            g.add_node(n, **_node_attrs(e))
        for u, v, rel, conf, role, date, ev in self._db.execute(
                "SELECT s, o, rel, conf, role, date, ev FROM e ORDER BY s, rel, o"):
            g.add_edge(u, v, key=rel, **_edge_attrs(rel, conf, role, date, ev))
        return g

    def close(self) -> None:
        self._db.close()


def sorted_edges(graph, *, evidence: bool = True) -> Iterable[tuple]:
    """``(u, v, key, attributes)`` of a networkx graph or a :class:`GraphTable`, by source, target, key
    (``evidence=False``: the caller does not need the evidence attribute)."""
    own = getattr(graph, "sorted_edges", None)
    if own is not None:
        return own(evidence)
    return sorted(graph.edges(keys=True, data=True), key=lambda e: (e[0], e[1], str(e[2])))
