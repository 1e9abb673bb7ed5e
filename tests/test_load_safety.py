"""kg.load reads plain data only: a file that is not a kg graph is a GraphFormatError with a clear message,
never another exception, never evaluated; document ids never become paths outside --out."""
from __future__ import annotations

import json
import os

import networkx as nx
import pytest

import kg
from kg.cli import main
from kg.errors import GraphFormatError

NODE = {"id": "腾讯", "label": "腾讯", "type": "COMPANY", "aliases": [], "mentions": 1, "docs": ["d"]}
NODE_B = {"id": "混元", "label": "混元", "type": "MODEL", "aliases": [], "mentions": 1, "docs": ["d"]}
EDGE = {"source": "腾讯", "target": "混元", "relation": "develops", "confidence": 0.8, "evidence": []}


def graph(nodes=(NODE, NODE_B), edges=(EDGE,), **extra) -> str:
    return json.dumps({"directed": True, "multigraph": True, "graph": {"format": "kg-graph"},
                       "nodes": list(nodes), "edges": list(edges), **extra}, ensure_ascii=False)


NOT_KG_JSON = {
    "object_without_nodes": '{"hello": "world"}',
    "list": "[1, 2, 3]",
    "string": '"nodes"',
    "null": "null",
    "empty_file": "",
    "nodes_not_a_list": '{"nodes": {"a": 1}, "edges": []}',
    "node_without_id": graph(nodes=[{"label": "x"}], edges=[]),
    "node_id_not_str": graph(nodes=[{"id": 1}], edges=[]),
    "edge_to_missing_node": graph(edges=[dict(EDGE, target="nobody")]),
    "edge_with_list_end": graph(edges=[dict(EDGE, source=["腾讯"])]),
    "unknown_relation": graph(edges=[dict(EDGE, relation="eval")]),
    "evidence_not_a_list": graph(edges=[dict(EDGE, evidence={"doc": "d"})]),
    "evidence_item_not_object": graph(edges=[dict(EDGE, evidence=["x"])]),
    "confidence_not_a_number": graph(edges=[dict(EDGE, confidence="high")]),
    "aliases_not_a_list": graph(nodes=[dict(NODE, aliases="腾讯公司"), NODE_B]),
    "deeply_nested_array": "[" * 100_000 + "]" * 100_000,
    "deeply_nested_meta": graph(edges=[]).replace('"graph": {', '"graph": {"x": ' + '{"a": ' * 50_000 + "1" + "}" * 50_000 + ", ", 1),
    "huge_integer": graph(edges=[]).replace('"format"', '"n": ' + "9" * 5000 + ', "format"', 1),
}


@pytest.mark.parametrize("name", list(NOT_KG_JSON))
def test_load_rejects_json_that_is_not_a_kg_graph(tmp_path, name):
    p = tmp_path / f"{name}.json"
    p.write_text(NOT_KG_JSON[name], encoding="utf-8")
    with pytest.raises(GraphFormatError) as err:
        kg.load(p)
    assert str(p) in str(err.value)


def test_load_rejects_bytes_that_are_not_utf8_json(tmp_path):
    p = tmp_path / "g.json"
    p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    with pytest.raises(GraphFormatError, match="not a kg graph"):
        kg.load(p)


def test_load_rejects_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(GraphFormatError):
        kg.load(tmp_path)
    with pytest.raises(GraphFormatError, match="kg build"):
        kg.load(tmp_path / "missing.json")


def test_odd_counts_load_as_zero_without_crashing(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(graph(nodes=[dict(NODE, mentions=1e400), dict(NODE_B, mentions="many")]), encoding="utf-8")
    assert "Infinity" in p.read_text(encoding="utf-8")
    assert [e.mentions for e in kg.load(p).entities()] == [0, 0]


def test_a_valid_minimal_graph_loads(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(graph(), encoding="utf-8")
    g = kg.load(p)
    assert [r.object for r in g.relations(subject="腾讯")] == ["混元"]


def test_nothing_in_the_file_is_evaluated(tmp_path):
    marker = tmp_path / "pwned"
    payload = f"__import__('os').system('touch {marker}')"
    node = dict(NODE, label=payload, aliases=[payload], **{"py/object": "os.system", "__class__": payload})
    p = tmp_path / "g.json"
    p.write_text(graph(nodes=[node, NODE_B], edges=[dict(EDGE, role=payload, **{"!!python/object": payload})]),
                 encoding="utf-8")
    g = kg.load(p)
    assert not marker.exists()
    assert g.entity("腾讯").label == payload  # kept as a plain string
    g.write_json(tmp_path / "again.json")
    g.write_graphml(tmp_path / "again.graphml")
    assert not marker.exists()


def test_cli_query_on_a_non_graph_is_one_line_exit_2(tmp_path, capsys):
    p = tmp_path / "x.json"
    p.write_text('{"hello": 1}', encoding="utf-8")
    assert main(["query", str(p)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: ") and "not a kg graph" in err and err.count("\n") == 1


# --------------------------------------------------------------------------------------------- GraphML


def test_load_rejects_graphml_that_kg_did_not_write(tmp_path):
    g = nx.MultiDiGraph()
    g.add_edge("a", "b", weight=1.0)
    nx.write_graphml(g, tmp_path / "other.graphml")
    with pytest.raises(GraphFormatError, match="kg"):
        kg.load(tmp_path / "other.graphml")


def test_load_rejects_graphml_with_broken_list_attributes(tmp_path):
    g = nx.MultiDiGraph()
    g.add_node("a", label="a", type="COMPANY", aliases="not json", docs="[]", mentions=1)
    nx.write_graphml(g, tmp_path / "g.graphml")
    with pytest.raises(GraphFormatError):
        kg.load(tmp_path / "g.graphml")


@pytest.mark.parametrize("body", [
    "hello",
    "<graphml><graph><node id='a'></graph>",
    # billion laughs: entity expansion must be refused, not performed
    '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">'
    + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
    + ']><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
      '<node id="&i;"/></graph></graphml>',
])
def test_load_rejects_malformed_or_hostile_graphml(tmp_path, body):
    p = tmp_path / "g.graphml"
    p.write_text(body, encoding="utf-8")
    with pytest.raises(GraphFormatError):
        kg.load(p)


def test_graphml_external_entities_are_not_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    p = tmp_path / "g.graphml"
    p.write_text(f'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY x SYSTEM "{secret.as_uri()}">]>'
                 '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
                 '<node id="n"><data key="d0">&x;</data></node></graph></graphml>', encoding="utf-8")
    try:
        g = kg.load(p)
    except GraphFormatError as err:
        assert "TOPSECRET" not in str(err)
    else:
        assert "TOPSECRET" not in g.to_json()


def test_kg_graphml_round_trips(tmp_path):
    p = tmp_path / "g.json"
    p.write_text(graph(), encoding="utf-8")
    kg.load(p).write_graphml(tmp_path / "g.graphml")
    back = kg.load(tmp_path / "g.graphml")
    assert [(r.subject, r.relation, r.object) for r in back.relations()] == [("腾讯", "develops", "混元")]


# ------------------------------------------------------------------------------------- ids and paths


def test_document_ids_never_become_paths_outside_out(tmp_path, capsys):
    lines = [{"id": "../../../escape", "text": "腾讯发布混元大模型。"},
             {"id": "/etc/passwd", "text": "字节跳动发布豆包大模型。"},
             {"id": "..\\..\\win", "text": "百度发布文心一言。"},
             {"id": "a\x00b/../../c", "text": "阿里巴巴发布通义千问。"}]
    src = tmp_path / "deep" / "er" / "in.jsonl"
    src.parent.mkdir(parents=True)
    src.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    before = set(_tree(tmp_path))
    out = tmp_path / "deep" / "er" / "out"
    assert main(["build", str(src), "--out", str(out), "-q"]) == 0
    created = set(_tree(tmp_path)) - before
    assert created == {os.path.join("deep", "er", "out", f"graph.{x}") for x in ("json", "graphml", "html", "docs.sqlite")} | {
        os.path.join("deep", "er", "out")}
    ids = json.loads((out / "graph.json").read_text(encoding="utf-8"))["graph"]["doc_hashes"]
    assert len(ids) == 4
    assert all("/" not in i and "\\" not in i and ".." not in i and "\x00" not in i for i in ids)


def _tree(root):
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            yield os.path.relpath(os.path.join(folder, name), root)
