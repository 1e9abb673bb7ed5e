"""graph.ttl: the graph as RDF in Turtle, with a small vocabulary of its own (``kg:``), written a statement at
a time (no RDF library needed to write it); :func:`read_ttl` reads it back with rdflib (``pip install "kg[rdf]"``).

Vocabulary (``kg:`` = ``urn:kg:vocab:``; entities are ``<urn:kg:entity:ID>``, documents ``<urn:kg:doc:ID>``,
with ``%``, spaces and the characters IRIs cannot hold percent-encoded; the file declares each term itself):

* an entity: ``a kg:Person`` (``kg:Org``, ``kg:Company``, ``kg:Model``, ``kg:Location``; ``kg:Entity`` for a type
  kg does not know), ``kg:type "PERSON"``, ``rdfs:label`` its name, ``skos:altLabel`` each alias, ``kg:mentions``
  (xsd:integer), ``kg:mentionedIn`` each document. Names are tagged ``@zh`` when they contain a Chinese
  character, ``@en`` when they contain a Latin letter (and no Chinese), and are untagged otherwise;
* a relation: the triple itself (``<urn:kg:entity:俞栋> kg:works_for <urn:kg:entity:腾讯>``; the predicates are
  the relation ids, ``kg:competes_with`` and ``kg:partners_with`` declared ``owl:SymmetricProperty``) and a
  reified statement about it (``rdf:Statement`` with ``rdf:subject``, ``rdf:predicate``, ``rdf:object``) that holds
  ``kg:confidence`` (xsd:double), ``kg:role``, ``kg:date``, ``kg:key`` (only where the graph's edge key is not the
  relation id) and one ``kg:evidence`` node per sentence: ``a kg:Evidence``, ``kg:index`` (its place in
  graph.json's list), ``kg:document``, ``kg:sentence``, ``kg:start``, ``kg:end`` (character offsets of the
  sentence in the document).

RDF has no order within a property's values: aliases and documents come back sorted.
"""
from __future__ import annotations

import os
import re
from urllib.parse import unquote

import networkx as nx

from .._io import atomic_open
from ..errors import DependencyError, GraphFormatError
from ..schema import ENTITY_LABELS, RELATIONS
from ..store import sorted_edges
from ..types import evidence_dict

VOCAB = "urn:kg:vocab:"
ENTITY = "urn:kg:entity:"
DOCUMENT = "urn:kg:doc:"
CLASSES = {"PERSON": "Person", "ORG": "Org", "COMPANY": "Company", "MODEL": "Model", "LOCATION": "Location"}
_CLASS_NAMES = {"Person": "person", "Org": "organisation (lab, institute, university, team, government body)",
                "Company": "company", "Model": "AI model or model family", "Location": "location"}
_PROPERTIES = {
    "type": "the entity's type as kg names it (PERSON, ORG, COMPANY, MODEL, LOCATION)",
    "mentions": "how often the entity is mentioned in the documents",
    "mentionedIn": "a document that mentions the entity",
    "confidence": "how sure kg is of the relation, from 0 to 1",
    "role": "the title or position the relation states (works_for, leads)",
    "date": "the date the relation's sentence or document gives",
    "key": "the graph's key of the relation, where it is not the relation id",
    "evidence": "a sentence that states the relation",
    "index": "the place of a piece of evidence in the relation's list, from 0",
    "document": "the document the sentence is in",
    "sentence": "the sentence, as the document has it",
    "start": "character offset of the sentence in the document (half-open, from 0)",
    "end": "character offset just past the sentence in the document",
}
PREFIXES = (("kg", VOCAB), ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
            ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"), ("skos", "http://www.w3.org/2004/02/skos/core#"),
            ("owl", "http://www.w3.org/2002/07/owl#"), ("xsd", "http://www.w3.org/2001/XMLSchema#"))

_LITERAL = {ord("\\"): "\\\\", ord('"'): '\\"', ord("\n"): "\\n", ord("\r"): "\\r"}
_LITERAL.update({c: f"\\u{c:04X}" for c in (*range(0x20), 0x7F) if c not in (0x0A, 0x0D)})
_LITERAL.update(dict.fromkeys(range(0xD800, 0xE000)))  # lone surrogates cannot be written in UTF-8
_IRI = {c: f"%{c:02X}" for c in (*range(0x21), *map(ord, '<>"{}|^`\\%#?'), 0x7F)}
_IRI.update(dict.fromkeys(range(0xD800, 0xE000)))
_HAN = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]")
_LATIN = re.compile("[A-Za-z]")


def literal(text: str, *, tagged: bool = True) -> str:
    """A Turtle string literal, with a language tag (``@zh``, ``@en``) when ``tagged`` and one applies."""
    s = '"' + str(text).translate(_LITERAL) + '"'
    if tagged:
        if _HAN.search(text):
            return s + "@zh"
        if _LATIN.search(text):
            return s + "@en"
    return s


def iri(base: str, local: str) -> str:
    """``<base + local>`` with the characters an IRI cannot hold (and ``%``, ``#``, ``?``) percent-encoded."""
    return "<" + base + str(local).translate(_IRI) + ">"


def write_ttl(graph, path: str | os.PathLike) -> None:
    """graph.ttl, written atomically, an entity and a relation at a time."""
    with atomic_open(path, "w") as f:
        f.write(_header(graph))
        buf: list[str] = []
        for chunk in _entities(graph):
            buf.append(chunk)
            if len(buf) >= 1024:
                f.write("".join(buf))
                buf = []
        for chunk in _relations(graph):
            buf.append(chunk)
            if len(buf) >= 1024:
                f.write("".join(buf))
                buf = []
        f.write("".join(buf))


def _header(graph) -> str:
    lines = [f"# A kg knowledge graph: {graph.number_of_nodes():,} entities, {graph.number_of_edges():,} relations.",
             "# Vocabulary: the kg: terms declared below (kg/export/ttl.py, README \"Exports\").", ""]
    lines += [f"@prefix {p}: <{ns}> ." for p, ns in PREFIXES]
    lines += ["", 'kg:Entity a rdfs:Class ; rdfs:label "实体"@zh, "entity"@en .']
    for etype, cls in CLASSES.items():
        lines.append(f"kg:{cls} a rdfs:Class ; rdfs:subClassOf kg:Entity ; rdfs:label {literal(ENTITY_LABELS[etype])}, "
                     f"{literal(_CLASS_NAMES[cls])} .")
    lines.append('kg:Evidence a rdfs:Class ; rdfs:label "证据"@zh, "evidence"@en .')
    for rel in RELATIONS.values():
        kinds = "rdf:Property, owl:SymmetricProperty" if rel.symmetric else "rdf:Property"
        lines.append(f"kg:{rel.id} a {kinds} ; rdfs:label {literal(rel.label)}, {literal(rel.id.replace('_', ' '))} ; "
                     f"rdfs:comment {literal(rel.description)} .")
    for prop, comment in _PROPERTIES.items():
        lines.append(f"kg:{prop} a rdf:Property ; rdfs:comment {literal(comment)} .")
    return "\n".join(lines) + "\n\n"


def _entities(graph):
    for n in sorted(graph.nodes):
        a = graph.nodes[n]
        etype = str(a.get("type", ""))
        parts = [f"{iri(ENTITY, n)} a kg:{CLASSES.get(etype, 'Entity')} ;\n    rdfs:label {literal(a.get('label', n))} ;\n"
                 f"    kg:type {literal(etype, tagged=False)} ;\n"]
        aliases = list(a.get("aliases", []))
        if aliases:
            parts.append("    skos:altLabel " + ", ".join(literal(x) for x in aliases) + " ;\n")
        docs = list(a.get("docs", []))
        if docs:
            parts.append("    kg:mentionedIn " + ", ".join(iri(DOCUMENT, d) for d in docs) + " ;\n")
        parts.append(f"    kg:mentions {int(a.get('mentions', 0))} .\n\n")
        yield "".join(parts)


def _relations(graph):
    for u, v, k, a in sorted_edges(graph):
        s, p, o = iri(ENTITY, u), f"kg:{a['relation']}", iri(ENTITY, v)
        parts = [f"{s} {p} {o} .\n[] a rdf:Statement ;\n    rdf:subject {s} ;\n    rdf:predicate {p} ;\n    rdf:object {o} ;\n"
                 f'    kg:confidence "{float(a.get("confidence", 1.0))!r}"^^xsd:double']
        for opt in ("role", "date"):
            if a.get(opt):
                parts.append(f" ;\n    kg:{opt} {literal(a[opt], tagged=opt == 'role')}")
        if str(k) != a["relation"]:
            parts.append(f" ;\n    kg:key {literal(k, tagged=False)}")
        for i, x in enumerate(a.get("evidence", ())):
            e = evidence_dict(x)
            parts.append(f" ;\n    kg:evidence [ a kg:Evidence ; kg:index {i} ; kg:document {iri(DOCUMENT, e['doc'])} ;\n"
                         f"        kg:sentence {literal(e['sentence'])} ; kg:start {int(e['start'])} ; kg:end {int(e['end'])} ]")
        parts.append(" .\n\n")
        yield "".join(parts)


def read_ttl(path: str | os.PathLike) -> nx.MultiDiGraph:
    """A graph written by :func:`write_ttl`, back in graph.json's attribute shapes (needs rdflib)."""
    try:
        import rdflib
    except ImportError:
        raise DependencyError('reading Turtle needs rdflib: pip install "kg[rdf]"') from None
    from rdflib.namespace import RDF, RDFS, SKOS

    kg = rdflib.Namespace(VOCAB)
    rdf = rdflib.Graph()
    try:
        rdf.parse(os.fspath(path), format="turtle")
    except FileNotFoundError:
        raise GraphFormatError(f"{path}: no such file") from None
    except Exception as err:  # rdflib raises several types for one user error
        raise GraphFormatError(f"{path} is not readable Turtle: {err}") from None
    g = nx.MultiDiGraph()
    for s in sorted(rdf.subjects(kg["type"], None)):
        n = _local(s, ENTITY, path)
        g.add_node(n, label=str(rdf.value(s, RDFS.label, default=n)), type=str(rdf.value(s, kg["type"])),
                   aliases=sorted(str(x) for x in rdf.objects(s, SKOS.altLabel)),
                   mentions=int(rdf.value(s, kg["mentions"], default=0)),
                   docs=sorted(_local(d, DOCUMENT, path) for d in rdf.objects(s, kg["mentionedIn"])))
    for st in rdf.subjects(RDF.type, RDF.Statement):
        u, v = _local(rdf.value(st, RDF.subject), ENTITY, path), _local(rdf.value(st, RDF.object), ENTITY, path)
        rel = str(rdf.value(st, RDF.predicate)).removeprefix(VOCAB)
        if rel not in RELATIONS or u not in g or v not in g:
            raise GraphFormatError(f"{path}: a statement about {u!r} and {v!r} is not a kg relation between two "
                                   "entities of the file: was it written by kg?")
        ev = sorted(rdf.objects(st, kg["evidence"]), key=lambda e: int(rdf.value(e, kg["index"])))
        attrs = {"relation": rel, "label": RELATIONS[rel].label, "confidence": float(rdf.value(st, kg["confidence"])),
                 "evidence": [{"doc": _local(rdf.value(e, kg["document"]), DOCUMENT, path),
                               "sentence": str(rdf.value(e, kg["sentence"])), "start": int(rdf.value(e, kg["start"])),
                               "end": int(rdf.value(e, kg["end"]))} for e in ev]}
        for opt in ("role", "date"):
            value = rdf.value(st, kg[opt])
            if value is not None:
                attrs[opt] = str(value)
        g.add_edge(u, v, key=str(rdf.value(st, kg["key"], default=rel)), **attrs)
    return g


def _local(term, base: str, path) -> str:
    text = str(term)
    if not text.startswith(base):
        raise GraphFormatError(f"{path}: {text!r} is not a kg IRI ({base}…): was this file written by kg?")
    return unquote(text[len(base):])
