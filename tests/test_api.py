"""The Python API of DESIGN.md: build, load, analyze and the KnowledgeGraph queries."""
import networkx as nx
import pytest

import kg
from kg.errors import KgError

TEXTS = ["腾讯 AI Lab 副主任俞栋近日因个人发展原因离职。腾讯推出了「混元」大模型。",
         "在大模型领域，除了腾讯，其他科技巨头也在积极布局。例如，OpenAI 正在加快 GPT-5 的研发。Google 也在优化其 Gemini 模型。"]


@pytest.fixture(scope="module")
def g():
    return kg.build(texts=TEXTS)


def test_relations_by_subject_relation_object(g):
    rels = g.relations(subject="俞栋")
    assert {(r.relation, r.object) for r in rels} == {("works_for", "腾讯 AI Lab"), ("departed_from", "腾讯 AI Lab")}
    role = next(r.role for r in rels if r.relation == "works_for")
    assert role == "副主任"
    assert all(r.evidence and r.evidence[0].doc == "text-0001" for r in rels)


def test_symmetric_relations_match_either_way_and_aliases_work(g):
    assert {r.object for r in g.relations(subject="Tencent", relation="competes_with")} == {"OpenAI", "谷歌"}
    assert [r.subject for r in g.relations(subject="OpenAI", relation="competes_with")] == ["OpenAI"]


def test_entity_by_alias_and_entities_by_type(g):
    assert g.entity("Tencent").label == "腾讯"
    assert g.entity("腾讯AI Lab").label == "腾讯 AI Lab"
    assert g.entity("nobody") is None
    assert {e.label for e in g.entities(type="MODEL")} == {"混元", "GPT-5", "Gemini"}


def test_neighbors_is_a_smaller_graph(g):
    n1 = g.neighbors("腾讯", depth=1)
    assert "腾讯 AI Lab" in {e.label for e in n1.entities()} and "俞栋" not in {e.label for e in n1.entities()}
    assert "俞栋" in {e.label for e in g.neighbors("腾讯", depth=2).entities()}
    with pytest.raises(KgError):
        g.neighbors("nobody")


def test_to_networkx_is_a_copy(g):
    x = g.to_networkx()
    x.add_node("intruder")
    x.nodes["腾讯"]["label"] = "changed"
    assert g.entity("intruder") is None and g.entity("腾讯").label == "腾讯"
    assert isinstance(x, nx.MultiDiGraph)


def test_unknown_relation_id_lists_the_known_ones(g):
    with pytest.raises(KgError, match="works_for"):
        g.relations(relation="eats")


def test_analyze_one_text_offsets_match():
    text = "腾讯 AI Lab 副主任俞栋离职。"
    a = kg.analyze(text)
    assert {(m.text, m.type) for m in a.mentions} >= {("腾讯 AI Lab", "ORG"), ("俞栋", "PERSON")}
    for m in a.mentions:
        assert text[m.start:m.end] == m.text
    assert {r.relation for r in a.relations} == {"works_for", "departed_from"}


def test_write_and_load_round_trip(g, tmp_path):
    g.write_json(tmp_path / "g.json")
    g2 = kg.load(tmp_path / "g.json")
    assert g2.to_json() == g.to_json()
    assert g2.relations(subject="俞栋", relation="works_for")[0].role == "副主任"


def test_import_kg_loads_nothing_heavy():
    import subprocess
    import sys
    code = "import kg, sys; print(sorted(m for m in ('jieba','spacy','pyvis','networkx','hanlp','torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_analyze_repr_is_one_line_and_describe_gives_the_details():
    a = kg.analyze("腾讯 AI Lab 副主任俞栋离职。")
    assert repr(a) == ("<ExtractionResult of '腾讯 AI Lab 副主任俞栋离职。': 2 mentions, 2 relations; "
                       ".describe() lists them>")
    details = a.describe()
    assert "俞栋  PERSON  13–15" in details and "俞栋 —任职(works_for)→ 腾讯 AI Lab" in details and "副主任" in details


def test_lookup_says_which_name_matched_and_what_else_the_gazetteer_knows(g):
    found = g.lookup("Tencent")
    assert (found.entity.label, found.matched, found.how) == ("腾讯", "Tencent", "gazetteer alias")
    assert "Tencent" in found.known_aliases and found.entity.aliases == ()  # the text never wrote Tencent
    assert g.lookup("腾讯").how == "name" and g.lookup("nobody") is None


def test_a_picture_of_the_graph_as_svg(g):
    svg = g.to_svg()
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "腾讯" in svg and "<line" in svg
    assert svg == g.to_svg()  # the same graph, the same picture
    assert "OpenAI" not in g.neighbors("俞栋", depth=1).to_svg()
