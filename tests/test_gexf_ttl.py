"""GEXF (Gephi) and Turtle (RDF) exports: what networkx and rdflib read back is the graph that was written."""
import io
import re

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_graphs import small_graph, tricky_graph
from kg.errors import GraphFormatError
from kg.export.gexf import read_gexf, to_gexf_graph
from kg.export.ttl import ENTITY, VOCAB, iri, literal, read_ttl
from kg.export.xmltext import clean
from kg.graph import KnowledgeGraph, load


@pytest.fixture
def rdflib():
    return pytest.importorskip("rdflib", reason='rdflib is not installed: pip install "kg[rdf]"')


def _sorted_lists(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """The graph with aliases and documents as sorted lists (RDF keeps no order among a property's values)."""
    g = g.copy()
    for _, a in g.nodes(data=True):
        a["aliases"], a["docs"] = sorted(a["aliases"]), sorted(a["docs"])
    return g


def _same(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> None:
    assert dict(sorted(a.nodes(data=True))) == dict(sorted(b.nodes(data=True)))
    assert sorted(a.edges(keys=True, data=True)) == sorted(b.edges(keys=True, data=True))


# -- GEXF ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [small_graph, tricky_graph, KnowledgeGraph])
def test_streamed_gexf_is_what_networkx_writes(tmp_path, make):
    g = make()
    g.write_gexf(tmp_path / "g.gexf")
    buf = io.BytesIO()
    nx.write_gexf(to_gexf_graph(g._g), buf)
    no_meta = re.compile(rb"  <meta.*?</meta>\n", re.S)  # networkx dates its file and names itself; kg does neither
    assert no_meta.sub(b"", (tmp_path / "g.gexf").read_bytes()) == no_meta.sub(b"", buf.getvalue())


def test_gexf_has_types_colours_and_evidence_for_gephi(tmp_path):
    g = small_graph()
    g.write_gexf(tmp_path / "g.gexf")
    raw = nx.read_gexf(tmp_path / "g.gexf", node_type=str)
    node = raw.nodes["青禾电子"]
    assert node["label"] == "青禾电子" and node["type"] == "COMPANY"
    assert node["viz"]["color"] == {"r": 242, "g": 142, "b": 43, "a": 1.0}   # the page's COMPANY orange
    assert raw.nodes["林知远"]["viz"]["color"]["b"] == 167                    # PERSON blue
    [(_, _, e)] = [x for x in raw.edges(data=True) if x[2]["relation"] == "works_for"]
    assert e["label"] == "任职" and e["weight"] == 0.9 and e["role"] == "主任"
    assert '"sentence": "青禾 AI 实验室主任林知远表示' in e["evidence"]


def test_gexf_is_deterministic(tmp_path):
    small_graph().write_gexf(tmp_path / "a.gexf")
    small_graph().write_gexf(tmp_path / "b.gexf")
    assert (tmp_path / "a.gexf").read_bytes() == (tmp_path / "b.gexf").read_bytes()


@pytest.mark.parametrize("make", [small_graph, tricky_graph])
def test_gexf_round_trip(tmp_path, make):
    g = make()
    g.write_gexf(tmp_path / "g.gexf")
    orig = g.to_networkx()
    xml_safe = nx.relabel_nodes(orig, clean)  # characters XML cannot hold are left out of names
    for _, a in xml_safe.nodes(data=True):
        a["label"], a["aliases"] = clean(a["label"]), [clean(x) for x in a["aliases"]]
    _same(read_gexf(tmp_path / "g.gexf"), xml_safe)
    _same(load(tmp_path / "g.gexf").to_networkx(), xml_safe)


def test_gexf_reader_rejects_what_kg_did_not_write(tmp_path):
    p = tmp_path / "other.gexf"
    g = nx.DiGraph()
    g.add_edge("a", "b", weight=2.0)
    nx.write_gexf(g, p)
    with pytest.raises(GraphFormatError, match="not written by kg"):
        read_gexf(p)
    (tmp_path / "bad.gexf").write_text("<gexf", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="not a readable GEXF"):
        read_gexf(tmp_path / "bad.gexf")


# -- Turtle ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("make", [small_graph, tricky_graph])
def test_turtle_round_trip(tmp_path, make, rdflib):
    g = make()
    g.write_ttl(tmp_path / "g.ttl")
    _same(read_ttl(tmp_path / "g.ttl"), _sorted_lists(g.to_networkx()))
    _same(load(tmp_path / "g.ttl").to_networkx(), _sorted_lists(g.to_networkx()))


def test_turtle_vocabulary_labels_and_reified_evidence(tmp_path, rdflib):
    small_graph().write_ttl(tmp_path / "g.ttl")
    rdf = rdflib.Graph().parse(tmp_path / "g.ttl", format="turtle")
    kg = rdflib.Namespace(VOCAB)
    RDF, RDFS, SKOS, OWL = rdflib.RDF, rdflib.RDFS, rdflib.namespace.SKOS, rdflib.OWL
    lin, lab = rdflib.URIRef(ENTITY + "林知远"), rdflib.URIRef(ENTITY + "青禾%20AI%20实验室")
    assert (lin, kg["works_for"], lab) in rdf                                    # the fact itself
    assert (lin, RDF.type, kg["Person"]) in rdf and (kg["Person"], RDFS.subClassOf, kg["Entity"]) in rdf
    assert set(rdf.objects(lin, RDFS.label)) == {rdflib.Literal("林知远", lang="zh")}
    assert rdflib.Literal("Lin Zhiyuan", lang="en") in set(rdf.objects(lin, SKOS.altLabel))
    assert (kg["competes_with"], RDF.type, OWL.SymmetricProperty) in rdf
    assert rdflib.Literal("任职", lang="zh") in set(rdf.objects(kg["works_for"], RDFS.label))
    [st] = [s for s in rdf.subjects(RDF.predicate, kg["works_for"])]             # the statement about it
    assert (st, RDF.type, RDF.Statement) in rdf and rdf.value(st, RDF.subject) == lin
    assert rdf.value(st, kg["confidence"]).toPython() == 0.9 and str(rdf.value(st, kg["role"])) == "主任"
    sentences = sorted(str(rdf.value(e, kg["sentence"])) for e in rdf.objects(st, kg["evidence"]))
    assert sentences == ["林知远仍在青禾 AI 实验室任职。", "青禾 AI 实验室主任林知远表示，团队正在训练新模型。"]
    q = rdf.query("PREFIX kg: <urn:kg:vocab:> SELECT ?p ?m WHERE { ?p kg:works_for ?o . ?o kg:part_of ?c . "
                  "?c kg:develops ?m }")
    assert [(str(p), str(m)) for p, m in q] == [(ENTITY + "林知远", ENTITY + "澄言-2")]


@pytest.mark.parametrize("text,tag", [("腾讯", "zh"), ("腾讯 AI Lab", "zh"), ("OpenAI", "en"), ("GPT-5", "en"),
                                      ("360", None), ("騰訊", "zh")])
def test_turtle_language_tags(text, tag):
    assert literal(text).endswith(f'"@{tag}' if tag else '"')


def test_turtle_iris_escape_what_iris_cannot_hold():
    assert iri("urn:x:", "腾讯 AI Lab") == "<urn:x:腾讯%20AI%20Lab>"
    assert iri("urn:x:", 'a<b>"c"{d}|e^f`g\\h%i#j?k') == "<urn:x:a%3Cb%3E%22c%22%7Bd%7D%7Ce%5Ef%60g%5Ch%25i%23j%3Fk>"


_TEXT = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)


@settings(max_examples=40, deadline=None)
@given(name=_TEXT, sentence=st.text(st.characters(exclude_categories=("Cs",)), max_size=60), role=_TEXT)
def test_any_text_survives_turtle(tmp_path_factory, name, sentence, role):
    pytest.importorskip("rdflib", reason='rdflib is not installed: pip install "kg[rdf]"')
    from export_graphs import _load

    nodes = [{"id": name, "label": name, "type": "PERSON", "aliases": [role], "mentions": 1, "docs": [name]},
             {"id": name + "x", "label": "x", "type": "ORG", "aliases": [], "mentions": 1, "docs": []}]
    edges = [{"source": name, "target": name + "x", "relation": "works_for", "confidence": 0.5, "role": role,
              "evidence": [{"doc": name, "sentence": sentence, "start": 0, "end": len(sentence)}]}]
    g = _load(nodes, edges)
    p = tmp_path_factory.mktemp("ttl") / "g.ttl"
    g.write_ttl(p)
    _same(read_ttl(p), _sorted_lists(g.to_networkx()))


def test_turtle_reader_rejects_what_kg_did_not_write(tmp_path, rdflib):
    p = tmp_path / "other.ttl"
    p.write_text("@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n[] a <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> ;"
                 " <http://www.w3.org/1999/02/22-rdf-syntax-ns#subject> ex:a .\n", encoding="utf-8")
    with pytest.raises(GraphFormatError):
        read_ttl(p)
    (tmp_path / "bad.ttl").write_text("this is not turtle", encoding="utf-8")
    with pytest.raises(GraphFormatError, match="not readable Turtle"):
        read_ttl(tmp_path / "bad.ttl")


def test_reading_turtle_without_rdflib_is_one_clear_error(tmp_path, monkeypatch):
    import builtins

    from kg.errors import DependencyError

    small_graph().write_ttl(tmp_path / "g.ttl")
    real_import = builtins.__import__

    def no_rdflib(name, *args, **kwargs):
        if name == "rdflib" or name.startswith("rdflib."):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rdflib)
    with pytest.raises(DependencyError, match=r'pip install "kg\[rdf\]"') as err:
        read_ttl(tmp_path / "g.ttl")
    assert err.value.exit_code == 3


@pytest.mark.parametrize("write", ["write_gexf", "write_ttl", "write_neo4j", "write_cypher"])
def test_exports_do_not_change_the_graph(tmp_path, write):
    g = tricky_graph()
    before = g.to_networkx()
    getattr(g, write)(tmp_path / "out")
    after = g.to_networkx()
    assert nx.utils.graphs_equal(before, after) and list(before.edges(data=True)) == list(after.edges(data=True))
