"""JSON and GraphML round trips; the graph is unchanged by exporting."""
import copy
import json
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from kg.errors import GraphFormatError
from kg.export.graphml import read_graphml, write_graphml
from kg.export.json import dumps, read_json
from kg.graph import KnowledgeGraph, load
from kg.types import Entity, Evidence, Relation


def _graph():
    ents = [Entity("腾讯", "腾讯", "COMPANY", ("腾讯公司", "Tencent"), 3, ("d1",)),
            Entity("俞栋", "俞栋", "PERSON", (), 2, ("d1",)),
            Entity("腾讯 AI Lab", "腾讯 AI Lab", "ORG", ("腾讯AI Lab",), 2, ("d1", "d2")),
            Entity("OpenAI", "OpenAI", "COMPANY", (), 1, ("d2",))]
    ev = Evidence("d1", "腾讯 AI Lab 副主任俞栋离职。\x00\x1f", 0, 17)
    rels = [Relation("俞栋", "works_for", "腾讯 AI Lab", (ev,), 0.9, "副主任", "2026-01"),
            Relation("俞栋", "departed_from", "腾讯 AI Lab", (ev,), 0.8),
            Relation("腾讯 AI Lab", "part_of", "腾讯", (ev,), 0.85),
            Relation("OpenAI", "competes_with", "腾讯", (ev,), 0.6)]
    return KnowledgeGraph.from_parts(ents, rels, meta={"documents": 2})


def test_json_is_the_documented_node_link_shape(tmp_path):
    g = _graph()
    p = tmp_path / "graph.json"
    g.write_json(p)
    raw = p.read_text(encoding="utf-8")
    assert "腾讯" in raw and "\\u817e" not in raw      # UTF-8, not ASCII-escaped
    data = json.loads(raw)
    node = next(n for n in data["nodes"] if n["id"] == "腾讯")
    assert set(node) == {"id", "label", "type", "aliases", "mentions", "docs"}
    assert node["aliases"] == ["腾讯公司", "Tencent"]
    edge = next(e for e in data["edges"] if e["relation"] == "works_for")
    assert {"source", "target", "relation", "label", "confidence", "evidence", "role", "date"} <= set(edge)
    assert edge["label"] == "任职" and edge["role"] == "副主任"
    assert set(edge["evidence"][0]) == {"doc", "sentence", "start", "end"}


def test_json_round_trip_is_exact(tmp_path):
    g = _graph()
    p = tmp_path / "graph.json"
    g.write_json(p)
    g2 = load(p)
    assert g2.to_json() == g.to_json()


def test_graphml_round_trip_keeps_nodes_edges_labels_types(tmp_path):
    g = _graph()
    p = tmp_path / "graph.graphml"
    g.write_graphml(p)
    back = read_graphml(p)
    orig = g.to_networkx()
    assert set(back.nodes) == set(orig.nodes)
    for n in orig.nodes:
        assert back.nodes[n]["label"] == orig.nodes[n]["label"]
        assert back.nodes[n]["type"] == orig.nodes[n]["type"]
        assert back.nodes[n]["aliases"] == orig.nodes[n]["aliases"]
    assert sorted((u, v, a["relation"]) for u, v, a in back.edges(data=True)) == \
        sorted((u, v, a["relation"]) for u, v, a in orig.edges(data=True))


def test_graphml_is_valid_xml_with_scalar_attributes_and_a_label(tmp_path):
    p = tmp_path / "graph.graphml"
    _graph().write_graphml(p)
    root = ET.parse(p).getroot()                     # control characters were stripped
    keys = {(k.get("for"), k.get("attr.name")) for k in root.iter("{http://graphml.graphdrawing.org/xmlns}key")}
    assert ("node", "label") in keys and ("edge", "relation") in keys
    plain = nx.read_graphml(p)                      # networkx itself reads it back
    assert plain.number_of_nodes() == 4


def test_exports_do_not_change_the_graph(tmp_path):
    g = _graph()
    before = copy.deepcopy(g.to_networkx())
    g.write_json(tmp_path / "g.json")
    g.write_graphml(tmp_path / "g.graphml")
    g.write_html(tmp_path / "g.html")
    after = g.to_networkx()
    assert nx.utils.graphs_equal(before, after)
    assert list(before.edges(data=True)) == list(after.edges(data=True))


@pytest.mark.parametrize("content", ['{"a": 1}', "[]", '{"nodes": [], "edges": [{"source": "x", "target": "y", "relation": "works_for"}]}',
                                     '{"nodes": [{"id": "a", "type": "ORG"}], "edges": [{"source": "a", "target": "a", "relation": "eats"}]}',
                                     "not json", '{"nodes": "x", "edges": []}'])
def test_load_rejects_what_is_not_a_kg_graph(tmp_path, content):
    p = tmp_path / "bad.json"
    p.write_text(content, encoding="utf-8")
    with pytest.raises(GraphFormatError):
        read_json(p)


def test_dumps_is_deterministic():
    assert dumps(_graph().to_networkx()) == dumps(_graph().to_networkx())


@pytest.mark.parametrize("make", [_graph, lambda: KnowledgeGraph()])
def test_streamed_graphml_is_what_networkx_writes(tmp_path, make):
    import io

    from kg.export.graphml import to_graphml_graph
    g = make().to_networkx()
    ours = tmp_path / "g.graphml"
    write_graphml(g, ours)
    buf = io.BytesIO()
    nx.write_graphml_xml(to_graphml_graph(g), buf, encoding="utf-8", named_key_ids=True)
    assert ours.read_bytes() == buf.getvalue()
