"""Neo4j bulk-import files: ``nodes.csv`` and ``relationships.csv`` in ``neo4j-admin database import`` format,
and a README.md beside them with the command that loads them.

nodes.csv: ``id:ID``, ``:LABEL`` (``Entity`` and the entity type), ``name``, ``type``, ``aliases:string[]``,
``mentions:int``, ``documents:string[]``. relationships.csv: ``:START_ID``, ``:END_ID``, ``:TYPE`` (the relation
id), ``key``, ``label``, ``confidence:double``, ``role``, ``date``, ``evidence`` (a JSON string). Arrays and the
two labels are separated by U+001F (``--array-delimiter=U+001F``): a character no name contains, unlike Neo4j's
default ``;``. An empty field is no property (an entity without aliases, a relation without a role). The records
are those of :mod:`kg.export.records`, which the Cypher script loads too, so both ways give the same graph.
"""
from __future__ import annotations

import csv
import os
import shlex
from pathlib import Path

import networkx as nx

from .._io import atomic_open, atomic_write_text
from ..errors import GraphFormatError
from ..schema import RELATIONS
from .records import ENTITY_LABEL, evidence_list, node_records, relationship_records

NODES = "nodes.csv"
RELATIONSHIPS = "relationships.csv"
README = "README.md"
ARRAY_DELIMITER = "\x1f"
NODE_HEADER = ("id:ID", ":LABEL", "name", "type", "aliases:string[]", "mentions:int", "documents:string[]")
RELATIONSHIP_HEADER = (":START_ID", ":END_ID", ":TYPE", "key", "label", "confidence:double", "role", "date", "evidence")
DATABASE = "neo4j"


def import_command(folder: str | os.PathLike, *, database: str = DATABASE) -> str:
    """The ``neo4j-admin`` (Neo4j 5) command that imports the files in ``folder`` into ``database``,
    replacing it."""
    folder = Path(folder).resolve()
    return (f"neo4j-admin database import full {shlex.quote(database)} --overwrite-destination "
            f"--array-delimiter=U+001F --legacy-style-quoting=false "
            f"--nodes={shlex.quote(str(folder / NODES))} --relationships={shlex.quote(str(folder / RELATIONSHIPS))}")


def write_neo4j(graph, folder: str | os.PathLike) -> None:
    """nodes.csv, relationships.csv and README.md in ``folder`` (created if missing), each written atomically,
    one row at a time."""
    folder = Path(folder)
    with atomic_open(folder / NODES, "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(NODE_HEADER)
        for r in node_records(graph):
            w.writerow((r["id"], ARRAY_DELIMITER.join(r["labels"]), r["name"], r["type"], _array(r["aliases"]),
                        r["mentions"], _array(r["documents"])))
    with atomic_open(folder / RELATIONSHIPS, "w") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(RELATIONSHIP_HEADER)
        for r in relationship_records(graph):
            w.writerow((r["source"], r["target"], r["type"], r["key"], r["label"], repr(r["confidence"]), r["role"],
                        r["date"], r["evidence"]))
    atomic_write_text(folder / README, readme(folder, nodes=graph.number_of_nodes(), relations=graph.number_of_edges()))


def _array(values: list[str] | None) -> str | None:
    return ARRAY_DELIMITER.join(values) if values else None


def readme(folder: str | os.PathLike, *, nodes: int, relations: int) -> str:
    """The README.md written beside the CSV files: what they hold and how to load them."""
    return f"""# A kg graph for Neo4j

`{NODES}` ({nodes:,} entities) and `{RELATIONSHIPS}` ({relations:,} relations) are `neo4j-admin` import files,
written by `kg export … --format neo4j` (or `kg build … --format neo4j`).

## Load them (Neo4j 5)

Stop Neo4j (`neo4j stop`), then run, as the user Neo4j runs as (this **replaces** the database `{DATABASE}`):

```sh
{import_command(folder)}
```

Start Neo4j again (`neo4j start`) and index the entity ids, once (cypher-shell or Neo4j Browser):

```cypher
CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:{ENTITY_LABEL}) REQUIRE n.id IS UNIQUE;
MATCH (p:PERSON)-[r:works_for]->(o) RETURN p.name, r.role, o.name, r.evidence LIMIT 10;
```

Neo4j 4.4: `neo4j-admin import --database={DATABASE} --force` with the same `--nodes`, `--relationships` and
`--array-delimiter` options. To load the graph into a running database instead, use
`kg export … --format cypher` and `cypher-shell -f graph.cypher`.

## Columns

- `{NODES}`: `id:ID` (kg's entity id), `:LABEL` (`{ENTITY_LABEL}` and the type: PERSON, ORG, COMPANY, MODEL,
  LOCATION), `name`, `type`, `aliases:string[]`, `mentions:int`, `documents:string[]` (document ids).
- `{RELATIONSHIPS}`: `:START_ID`, `:END_ID`, `:TYPE` (the relation id: works_for, leads, departed_from, joined,
  founded, educated_at, develops, part_of, competes_with, partners_with, invests_in, acquires), `key`, `label`
  (任职 …), `confidence:double` (0–1), `role`, `date`, `evidence` (a JSON string: a list of
  `{{doc, sentence, start, end}}`, character offsets of the sentence in its document). `competes_with` and
  `partners_with` are symmetric: each pair is stored once.
- Arrays and the two labels are separated by U+001F; an empty field is no property.
"""


def read_neo4j(folder: str | os.PathLike) -> nx.MultiDiGraph:
    """The graph in files written by :func:`write_neo4j`, with graph.json's attribute shapes."""
    folder = Path(folder)
    g = nx.MultiDiGraph()
    for row in _rows(folder / NODES, NODE_HEADER):
        node_id, _labels, name, etype, aliases, mentions, docs = row
        g.add_node(node_id, label=name, type=etype, aliases=_split(aliases), mentions=int(mentions or 0),
                   docs=_split(docs))
    for i, row in enumerate(_rows(folder / RELATIONSHIPS, RELATIONSHIP_HEADER)):
        start, end, rel, key, label, confidence, role, date, evidence = row
        if rel not in RELATIONS or start not in g or end not in g:
            raise GraphFormatError(f"{folder / RELATIONSHIPS}: row {i + 2} is not a kg relation between two entities "
                                   f"of {NODES}")
        attrs = {"relation": rel, "label": label, "confidence": float(confidence), "evidence": evidence_list(evidence)}
        if role:
            attrs["role"] = role
        if date:
            attrs["date"] = date
        g.add_edge(start, end, key=key, **attrs)
    return g


def _rows(path: Path, header: tuple[str, ...]):
    try:
        f = open(path, encoding="utf-8", newline="")
    except OSError as err:
        raise GraphFormatError(f"cannot read {path}: {err.strerror}; write it with `kg export … --format neo4j`") from None
    with f:
        reader = csv.reader(f)
        if tuple(next(reader, ())) != header:
            raise GraphFormatError(f"{path} is not a kg Neo4j import file (its header is not {','.join(header)})")
        for row in reader:
            if len(row) != len(header):
                raise GraphFormatError(f"{path}: line {reader.line_num} has {len(row)} fields, not {len(header)}")
            yield row


def _split(value: str) -> list[str]:
    return value.split(ARRAY_DELIMITER) if value else []
