"""The HTML export without a browser: self-contained, escaped, faithful to the graph, and read-only."""
from __future__ import annotations

import copy
import doctest
import json
import re

import networkx as nx
import pytest

import kg.export.html as html_export
import kg.export.page_data as page_data_module
from browser.graphs import STORY_DOCS, XSS, large_graph, small_graph, story_graph, xss_graph
from browser.pages import json_block, parse
from kg.errors import KgError
from kg.export.html import generate_html, select_nodes, write_html

URL_ATTR = re.compile(r"""\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?//""", re.I)


def snapshot(g: nx.MultiDiGraph):
    return (copy.deepcopy(dict(g.graph)), copy.deepcopy(list(g.nodes(data=True))),
            copy.deepcopy(list(g.edges(keys=True, data=True))))


@pytest.fixture(scope="module")
def small_page():
    return generate_html(small_graph(), title="测试图谱")


def test_no_remote_url_in_any_src_or_href(small_page):
    for tag, attrs in parse(small_page).tags:
        for name in ("src", "href"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith(("http:", "https:", "//")), (tag, attrs)
    assert not URL_ATTR.search(small_page)


def test_no_cdn_named_anywhere_in_the_page(small_page):
    for host in ("jsdelivr", "cdnjs", "unpkg", "bootstrap"):
        assert host not in small_page


def test_all_code_is_inline(small_page):
    parsed = parse(small_page)
    assert [t for t, _a in parsed.tags if t == "link"] == []
    assert all("src" not in attrs for attrs, _text in parsed.scripts)
    assert "vis.Network" in small_page  # kg's script, with vis-network inlined before it
    assert "vis-network" in small_page


def test_content_security_policy_blocks_network_and_foreign_scripts(small_page):
    csp = next(a["content"] for t, a in parse(small_page).tags if a.get("http-equiv") == "Content-Security-Policy")
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert csp.count("'sha256-") == 2


def test_page_is_rendered_by_pyvis_generate_html(monkeypatch):
    from pyvis.network import Network

    calls = []
    original = Network.generate_html

    def spy(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(Network, "generate_html", spy)
    generate_html(small_graph())
    assert len(calls) == 1 and len(calls[0].nodes) == 5


def test_every_node_and_edge_is_embedded(small_page):
    g = small_graph()
    nodes, edges = json_block(small_page, "kg-nodes"), json_block(small_page, "kg-edges")
    assert sorted(n["id"] for n in nodes) == sorted(g.nodes)
    assert len(edges) == g.number_of_edges() == 6
    assert len({e["id"] for e in edges}) == len(edges)


def test_title_and_stats(small_page):
    data = json_block(small_page, "kg-data")
    assert data["title"] == "测试图谱"
    assert data["stats"].items() >= {"documents": 3, "entities": 5, "relations": 6, "hidden_entities": 0}.items()
    assert "<title>测试图谱</title>" in small_page


def test_documents_fall_back_to_the_union_of_node_docs():
    g = small_graph()
    del g.graph["documents"]
    assert json_block(generate_html(g), "kg-data")["stats"]["documents"] == 3


def test_chinese_is_not_ascii_escaped(small_page):
    assert "俞栋" in small_page and "离职" in small_page


def test_colour_and_shape_per_type_with_legend(small_page):
    data = json_block(small_page, "kg-data")
    legend = {t["id"]: t for t in data["types"]}
    assert {t: legend[t]["label"] for t in legend} == {"PERSON": "人物", "ORG": "机构", "COMPANY": "公司", "MODEL": "模型"}
    nodes = {n["id"]: n for n in json_block(small_page, "kg-nodes")}
    assert nodes["c1"]["shape"] == nodes["c2"]["shape"] == legend["COMPANY"]["shape"]
    assert len({legend[t]["color"] for t in legend}) == len(legend)
    assert nodes["c1"]["value"] == 9  # sized by mentions


def test_arrows_only_on_directed_relations(small_page):
    edges = json_block(small_page, "kg-edges")
    arrows = {e["relation"]: e["arrows"]["to"]["enabled"] for e in edges}
    assert arrows["competes_with"] is False
    assert arrows["develops"] is True and arrows["departed_from"] is True


def test_edge_labels_carry_chinese_label_role_and_date(small_page):
    labels = {e["label"] for e in json_block(small_page, "kg-edges")}
    assert "离职 · 副主任 · 2023-06" in labels
    assert "研发" in labels


def test_parallel_edges_are_drawn_apart(small_page):
    pair = [e for e in json_block(small_page, "kg-edges") if {e["from"], e["to"]} == {"p1", "o1"}]
    assert len(pair) == 2
    assert pair[0]["smooth"] != pair[1]["smooth"]


def test_evidence_reaches_the_page(small_page):
    data = json_block(small_page, "kg-data")
    rel = next(r for r in data["relations"] if r["relation"] == "develops")
    assert [data["documents"][e["doc"]]["id"] for e in rel["evidence"]] == ["d3", "d3"]
    assert rel["evidence"][0]["sentence"] == "腾讯发布混元大模型。"


@pytest.mark.parametrize("payload", XSS)
def test_injected_markup_only_appears_escaped(payload):
    page = generate_html(xss_graph(), title=XSS[0])
    assert payload not in page
    assert payload.replace("<", "\\u003c").replace(">", "\\u003e") in page


def test_injected_markup_adds_no_elements():
    page = generate_html(xss_graph(), title=XSS[2])
    tags = [t for t, _a in parse(page).tags]
    assert "img" not in tags and "svg" not in tags
    assert tags.count("script") == len(parse(generate_html(small_graph())).scripts) == 6
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page  # the title, as text


def test_injected_markup_round_trips_as_data():
    page = generate_html(xss_graph())
    data = json_block(page, "kg-data")
    entities = data["entities"]
    assert entities["x1"]["label"] == XSS[0]
    assert [data["documents"][i]["id"] for i in entities["x1"]["docs"]] == [XSS[2]]
    assert {n["label"] for n in json_block(page, "kg-nodes")} >= set(XSS)


def test_generate_html_does_not_mutate_the_graph():
    g = small_graph()
    before = snapshot(g)
    generate_html(g, max_nodes=2)
    generate_html(g)
    assert snapshot(g) == before


def test_max_nodes_keeps_the_most_connected():
    g = small_graph()  # degrees: c1 4, p1 3, o1 3, m1 1, c2 1; ties by mentions: p1 (5) before o1 (3)
    assert set(select_nodes(g, 2)) == {"c1", "p1"}
    assert set(select_nodes(g, 4)) == {"c1", "p1", "o1", "c2"}  # c2 (6 mentions) before m1 (4)


def test_max_nodes_ties_fall_back_to_id():
    g = nx.MultiDiGraph()
    for n in ("b", "a", "c"):
        g.add_node(n, label=n, type="ORG", mentions=1)
    assert select_nodes(g, 2) == ["b", "a"]  # graph order, chosen by id


def test_max_nodes_page_says_what_was_left_out():
    g = small_graph()
    page = generate_html(g, max_nodes=2)
    stats = json_block(page, "kg-data")["stats"]
    assert stats.items() >= {"shown_entities": 2, "entities": 5, "hidden_entities": 3, "relations": 6}.items()
    kept = [e for e in json_block(page, "kg-edges")]
    assert stats["hidden_relations"] == 6 - len(kept) == 5
    assert {e["from"] for e in kept} | {e["to"] for e in kept} <= {"c1", "p1"}
    assert g.number_of_nodes() == 5


def test_max_edges_keeps_the_most_confident_in_graph_order():
    g = small_graph()  # confidences: departed_from .92, works_for .85, part_of .8, develops .95, competes .7, works_for .6
    page = generate_html(g, max_edges=3)
    data = json_block(page, "kg-data")
    # graph order is p1's edges (to o1, then c1), then c1's, then o1's
    assert [(r["source"], r["relation"]) for r in data["relations"]] == [
        ("p1", "departed_from"), ("p1", "works_for"), ("c1", "develops")]
    assert sorted(r["confidence"] for r in data["relations"]) == [0.85, 0.92, 0.95]
    assert [e["id"] for e in json_block(page, "kg-edges")] == ["e0", "e1", "e2"]
    assert data["stats"].items() >= {"relations": 6, "shown_relations": 3, "hidden_relations": 3,
                                     "hidden_entities": 0, "max_edges": 3}.items()
    assert g.number_of_edges() == 6


def test_max_edges_ties_go_to_more_evidence_then_graph_order():
    g = nx.MultiDiGraph()
    for n in "abcd":
        g.add_node(n, label=n, type="COMPANY", mentions=1)
    one, two = [{"doc": "d", "sentence": "s", "start": 0, "end": 1}], [{"doc": "d", "sentence": "s", "start": 0, "end": 1}] * 2
    g.add_edge("a", "b", key="partners_with", relation="partners_with", confidence=0.5, evidence=one)
    g.add_edge("b", "c", key="partners_with", relation="partners_with", confidence=0.5, evidence=two)
    g.add_edge("c", "d", key="partners_with", relation="partners_with", confidence=0.5, evidence=one)
    kept = json_block(generate_html(g, max_edges=2), "kg-data")["relations"]
    assert [(r["source"], r["target"]) for r in kept] == [("a", "b"), ("b", "c")]


@pytest.mark.parametrize("bad", [0, -1, 2.5, "10", True])
def test_max_edges_must_be_a_positive_integer(bad):
    with pytest.raises(KgError, match="max_edges"):
        generate_html(small_graph(), max_edges=bad)


def test_page_lists_the_first_docs_and_evidence_and_says_how_many_there_are():
    from kg.export.page_data import PAGE_ENTITY_DOCS as PAGE_DOCS, PAGE_EVIDENCE

    g = nx.MultiDiGraph()
    docs = [f"d{i:03d}" for i in range(PAGE_DOCS + 5)]
    g.add_node("a", label="腾讯", type="COMPANY", mentions=30, docs=docs)
    g.add_node("b", label="混元", type="MODEL", mentions=2, docs=docs[:1])
    ev = [{"doc": d, "sentence": f"腾讯发布混元{i}。", "start": 0, "end": 7} for i, d in enumerate(docs[:PAGE_EVIDENCE + 2])]
    g.add_edge("a", "b", key="develops", relation="develops", confidence=0.9, evidence=ev)
    page = generate_html(g)
    data = json_block(page, "kg-data")
    ids = [d["id"] for d in data["documents"]]
    assert [ids[i] for i in data["entities"]["a"]["docs"]] == docs[:PAGE_DOCS]
    assert data["entities"]["a"]["docs_total"] == len(docs)
    assert [ids[i] for i in data["entities"]["b"]["docs"]] == docs[:1] and data["entities"]["b"]["docs_total"] == 1
    (rel,) = data["relations"]
    assert [e["sentence"] for e in rel["evidence"]] == [e["sentence"] for e in ev[:PAGE_EVIDENCE]]
    assert rel["evidence_total"] == PAGE_EVIDENCE + 2
    assert f"证据 {PAGE_EVIDENCE + 2} 句" in json_block(page, "kg-edges")[0]["title"]


def test_max_nodes_larger_than_graph_hides_nothing():
    stats = json_block(generate_html(small_graph(), max_nodes=100), "kg-data")["stats"]
    assert stats["hidden_entities"] == stats["hidden_relations"] == 0


@pytest.mark.parametrize("bad", [0, -1, 2.5, "10", True])
def test_max_nodes_must_be_a_positive_integer(bad):
    with pytest.raises(KgError, match="max_nodes"):
        generate_html(small_graph(), max_nodes=bad)


def test_write_html_writes_utf8_atomically(tmp_path):
    g = small_graph()
    out = tmp_path / "out" / "graph.html"
    write_html(g, out, title="图")
    assert out.read_bytes().decode("utf-8") == generate_html(g, title="图")
    assert [p.name for p in out.parent.iterdir()] == ["graph.html"]


def test_write_html_leaves_the_old_file_when_generation_fails(tmp_path, monkeypatch):
    out = tmp_path / "graph.html"
    out.write_text("old", encoding="utf-8")
    monkeypatch.setattr(html_export, "_vis_edges", lambda *a, **k: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        write_html(small_graph(), out)
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.html"]


def test_list_attributes_may_arrive_as_json_strings():
    g = small_graph()
    g.nodes["c1"]["aliases"] = '["Tencent", "腾讯公司"]'
    g.edges["c1", "m1", 0]["evidence"] = '[{"doc": "d3", "sentence": "腾讯发布混元。", "start": 0, "end": 7}]'
    data = json_block(generate_html(g), "kg-data")
    assert data["entities"]["c1"]["aliases"] == ["Tencent", "腾讯公司"]
    doc = next(r for r in data["relations"] if r["relation"] == "develops")["evidence"][0]["doc"]
    assert data["documents"][doc]["id"] == "d3"


def test_empty_graph_renders():
    data = json_block(generate_html(nx.MultiDiGraph()), "kg-data")
    assert data["stats"]["entities"] == 0 and data["title"] == "知识图谱"


def test_documents_are_listed_by_date_with_title_date_and_publication():
    data = json_block(generate_html(story_graph()), "kg-data")
    assert [d["id"] for d in data["documents"]] == ["n1", "n2", "n3", "n4"]
    for d in data["documents"]:
        assert d == {"id": d["id"], **{k: STORY_DOCS[d["id"]][k] for k in ("title", "date", "publication", "author")}}


def test_documents_without_metadata_have_empty_fields(small_page):
    documents = json_block(small_page, "kg-data")["documents"]
    assert [d["id"] for d in documents] == ["d1", "d2", "d3"]
    assert all(d["title"] == d["date"] == d["publication"] == "" for d in documents)


def test_doc_meta_may_arrive_as_a_json_string():
    g = story_graph()
    g.graph["doc_meta"] = json.dumps(g.graph["doc_meta"], ensure_ascii=False)
    documents = json_block(generate_html(g), "kg-data")["documents"]
    assert documents[0]["title"] == STORY_DOCS["n1"]["title"]


def test_a_relation_names_the_documents_of_all_its_evidence():
    from kg.export.page_data import PAGE_EVIDENCE

    g = nx.MultiDiGraph()
    g.add_node("a", label="腾讯", type="COMPANY", mentions=9)
    g.add_node("b", label="混元", type="MODEL", mentions=9)
    docs = [f"d{i}" for i in range(PAGE_EVIDENCE + 3)]
    g.add_edge("a", "b", relation="develops", confidence=0.9,
               evidence=[{"doc": d, "sentence": "腾讯发布混元。", "start": 0, "end": 7} for d in docs])
    data = json_block(generate_html(g), "kg-data")
    (rel,) = data["relations"]
    assert len(rel["evidence"]) == PAGE_EVIDENCE
    assert sorted(data["documents"][i]["id"] for i in rel["docs"]) == sorted(docs)


def test_stats_count_entities_with_and_without_relations():
    stats = json_block(generate_html(story_graph()), "kg-data")["stats"]
    assert stats["connected_entities"] == 9 and stats["unconnected_entities"] == 8
    capped = json_block(generate_html(story_graph(), max_nodes=12), "kg-data")["stats"]
    assert capped["connected_entities"] == 9 and capped["unconnected_entities"] == 3  # the most mentioned ones


def test_hostile_document_metadata_only_appears_escaped():
    g = story_graph()
    g.graph["doc_meta"]["n1"].update(title=XSS[0], publication=XSS[1], author=XSS[2], date=XSS[2])
    page = generate_html(g)
    for payload in XSS:
        assert payload not in page
    tags = [t for t, _a in parse(page).tags]
    assert "img" not in tags and "svg" not in tags and tags.count("script") == 6
    (doc,) = [d for d in json_block(page, "kg-data")["documents"] if d["id"] == "n1"]
    assert (doc["title"], doc["publication"], doc["author"], doc["date"]) == (XSS[0], XSS[1], XSS[2], XSS[2])


def test_large_graph_uses_the_fast_layout():
    page = generate_html(large_graph(400, 800))
    options = json_block(page, "kg-options")
    assert options["layout"]["improvedLayout"] is False and options["edges"]["smooth"] is False


@pytest.mark.parametrize("module", [html_export, page_data_module], ids=["html", "page_data"])
def test_module_examples(module):
    assert doctest.testmod(module).failed == 0
