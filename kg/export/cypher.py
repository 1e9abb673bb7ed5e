"""The graph as openCypher: batches of ``UNWIND $rows AS r … MERGE`` that load it into a running Neo4j,
FalkorDB, Memgraph or any other openCypher database, and a script file (``graph.cypher``) of the same batches.

Every node is ``MERGE``\\d on ``(:Entity {id})`` and then gets its type as a second label and its properties;
every relationship is ``MERGE``\\d on its two ends, its type (the relation id) and its ``key`` property. Running
the batches again changes nothing: no node or relationship is duplicated, properties are set to the same values.
Nodes and relationships hold what :mod:`kg.export.records` describes (the same as the Neo4j import files).

Two ways to run them:

* From Python, with parameters: :func:`batches` yields ``(query, rows)``; pass ``{"rows": rows}`` as the query's
  parameters (``session.run(query, rows=rows)`` with the neo4j driver, ``graph.query(query, {"rows": rows})``
  with falkordb).
* The script file: each batch with its rows written into the statement as a literal list
  (``UNWIND [{id: '腾讯', …}, …] AS r …;``), one statement per batch, ended by ``;``. Literal lists rather than
  cypher-shell's ``:param`` lines, because ``:param`` is a cypher-shell command that other databases' clients do
  not know; a literal list is plain openCypher that cypher-shell, Neo4j Browser, FalkorDB and Memgraph all run.
  Strings are single-quoted with ``\\\\``, ``\\'``, ``\\n``, ``\\r``, ``\\t`` escaped and every other character
  written as itself (FalkorDB does not read ``\\uXXXX``). No line break is ever inside a string, so a statement
  ends at the first line that ends with ``;`` (:func:`statements` splits a file so).

Index: MERGE looks nodes up by ``id``; without an index on ``:Entity(id)`` each lookup scans all entities. With
``schema="neo4j"`` (the default) the script starts with Neo4j's ``CREATE CONSTRAINT … IF NOT EXISTS`` (Neo4j 4.4
and 5), which is itself re-runnable; other databases spell the index differently, so ``schema="none"`` leaves it
out and the index is made once by hand (``CREATE INDEX ON :Entity(id)`` in FalkorDB and Memgraph).

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("腾讯", label="腾讯", type="COMPANY", aliases=["Tencent"], mentions=3, docs=["d1"])
>>> [(rows, q.split(" SET ")[0]) for q, rows in batches(g)]  # doctest: +NORMALIZE_WHITESPACE
[([{'id': '腾讯', 'name': '腾讯', 'type': 'COMPANY', 'aliases': ['Tencent'], 'mentions': 3, 'documents': ['d1']}],
  'UNWIND $rows AS r MERGE (n:Entity {id: r.id})')]
>>> literal({"name": "O'Neil\\n", "n": 2, "xs": ["a", "b"]})
"{name: 'O\\\\'Neil\\\\n', n: 2, xs: ['a', 'b']}"
"""
from __future__ import annotations

import os
import re
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from .._io import atomic_open
from ..errors import InputError
from .records import ENTITY_LABEL, node_records, relationship_records

BATCH_ROWS = 500  # rows per statement: a few hundred KB of text at most, one transaction each
SCHEMAS = {
    "neo4j": f"CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE",
    "none": None,
}
DEFAULT_SCHEMA = "neo4j"

_NODE_KEYS = ("id", "name", "type", "aliases", "mentions", "documents")
_REL_KEYS = ("source", "target", "key", "label", "confidence", "role", "date", "evidence")
_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")
_ESCAPES = str.maketrans({"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"})
_NEEDS_ESCAPE = re.compile("[\\\\'\n\r\t]")


@lru_cache(maxsize=1024)
def name(label: str) -> str:
    """A label or relationship type as Cypher writes it: as is if it is a plain identifier, else in backticks."""
    return label if _IDENT.match(label) else "`" + label.replace("`", "``") + "`"


def node_query(etype: str) -> str:
    """The statement that merges a batch of entities of type ``etype`` (``$rows``: records without labels)."""
    label = f"n:{name(etype)}, " if etype else ""
    return (f"UNWIND $rows AS r MERGE (n:{ENTITY_LABEL} {{id: r.id}}) SET {label}n.name = r.name, n.type = r.type, "
            "n.aliases = r.aliases, n.mentions = r.mentions, n.documents = r.documents")


def relationship_query(relation: str) -> str:
    """The statement that merges a batch of relations of one type (``$rows``: records without the type)."""
    return (f"UNWIND $rows AS r MATCH (a:{ENTITY_LABEL} {{id: r.source}}) MATCH (b:{ENTITY_LABEL} {{id: r.target}}) "
            f"MERGE (a)-[e:{name(relation)} {{key: r.key}}]->(b) SET e.label = r.label, e.confidence = r.confidence, "
            "e.role = r.role, e.date = r.date, e.evidence = r.evidence")


def batches(graph, *, rows: int = BATCH_ROWS) -> Iterator[tuple[str, list[dict]]]:
    """``(query, rows)`` pairs that load ``graph``: all entities first, then all relations, at most ``rows``
    rows a batch, grouped by type (a label or relationship type cannot be a parameter). Rows leave out the
    properties the entity or relation does not have. Memory: one batch per type at a time."""
    if rows < 1:
        raise InputError("a Cypher batch needs at least one row")
    yield from _grouped(((r["type"], _row(r, _NODE_KEYS)) for r in node_records(graph)), node_query, rows)
    yield from _grouped(((r["type"], _row(r, _REL_KEYS)) for r in relationship_records(graph)), relationship_query, rows)


def _row(record: dict, keys: tuple[str, ...]) -> dict:
    return {k: record[k] for k in keys if record[k] is not None}


def _grouped(items: Iterable[tuple[str, dict]], query, size: int):
    pending: dict[str, list[dict]] = {}
    for kind, row in items:
        batch = pending.setdefault(kind, [])
        batch.append(row)
        if len(batch) >= size:
            yield query(kind), batch
            pending[kind] = []
    for kind, batch in sorted(pending.items()):
        if batch:
            yield query(kind), batch


def literal(value) -> str:
    """``value`` (str, int, float, bool, None, list, dict with identifier keys) as a Cypher literal."""
    if isinstance(value, str):
        return "'" + (value.translate(_ESCAPES) if _NEEDS_ESCAPE.search(value) else value) + "'"
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{name(k)}: {literal(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def write_cypher(graph, path: str | os.PathLike, *, schema: str = DEFAULT_SCHEMA, rows: int = BATCH_ROWS) -> None:
    """A script of :func:`batches` with their rows as literal lists, written atomically, a batch at a time."""
    if schema not in SCHEMAS:
        raise InputError(f"unknown Cypher schema {schema!r}; choose one of {', '.join(SCHEMAS)}")
    with atomic_open(path, "w") as f:
        f.write(_header(graph, Path(path).name, schema))
        if SCHEMAS[schema]:
            f.write(SCHEMAS[schema] + ";\n\n")
        for query, batch in batches(graph, rows=rows):
            _, rest = query.split(" AS r ", 1)
            f.write("UNWIND [\n")
            f.write(",\n".join("  " + literal(row) for row in batch))
            f.write(f"\n] AS r\n{rest};\n\n")


def _header(graph, filename: str, schema: str) -> str:
    index = ("// It starts with Neo4j's index on :Entity(id). For another database write it with --cypher-schema none\n"
             f"// and make the index once in that database's syntax (FalkorDB: CREATE INDEX ON :{ENTITY_LABEL}(id)).\n"
             if schema == "neo4j" else
             f"// No index statement (--cypher-schema none): make an index on :{ENTITY_LABEL}(id) once before a large load.\n")
    return (f"// kg graph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations, as openCypher.\n"
            f"// Nodes (:{ENTITY_LABEL}:TYPE {{id, name, type, aliases, mentions, documents}}); relationships typed by the\n"
            "// relation id, {key, label, confidence, role, date, evidence (a JSON string)}.\n"
            "// MERGE on ids and keys: running the file again adds nothing.\n"
            f"//   Neo4j:    cypher-shell -a neo4j://localhost:7687 -u neo4j -p PASSWORD -f {filename}\n"
            f"//   FalkorDB: each statement of kg.export.cypher.statements('{filename}') through graph.query()\n"
            + index + "\n")


def statements(source: str | os.PathLike) -> Iterator[str]:
    """The statements of a script :func:`write_cypher` wrote, without their ``;``, read a line at a time
    (comment lines skipped): what to hand one by one to a client that has no script runner."""
    buf: list[str] = []
    with open(source, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not buf and (not line.strip() or line.lstrip().startswith("//")):
                continue
            if line.endswith(";"):
                buf.append(line[:-1])
                yield "\n".join(buf)
                buf = []
            else:
                buf.append(line)
    if any(s.strip() for s in buf):
        yield "\n".join(buf)
