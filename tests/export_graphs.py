"""Hand-made graphs for the export tests: made-up names and sentences, in graph.json's shape."""
from __future__ import annotations

from kg.export.json import from_node_link
from kg.graph import KnowledgeGraph


def _ev(doc, sentence, start):
    return {"doc": doc, "sentence": sentence, "start": start, "end": start + len(sentence)}


def small_graph() -> KnowledgeGraph:
    """Four entities of the four core types' kind, five relations: a two-hop path, a symmetric relation,
    a role and a date, two pieces of evidence on one relation."""
    nodes = [
        {"id": "青禾电子", "label": "青禾电子", "type": "COMPANY", "aliases": ["青禾", "Qinghe Electronics"], "mentions": 4,
         "docs": ["n1", "n2"]},
        {"id": "青禾 AI 实验室", "label": "青禾 AI 实验室", "type": "ORG", "aliases": [], "mentions": 2, "docs": ["n1"]},
        {"id": "林知远", "label": "林知远", "type": "PERSON", "aliases": ["Lin Zhiyuan"], "mentions": 3, "docs": ["n1", "n2"]},
        {"id": "Norvale", "label": "Norvale", "type": "COMPANY", "aliases": [], "mentions": 1, "docs": ["n2"]},
        {"id": "澄言-2", "label": "澄言-2", "type": "MODEL", "aliases": [], "mentions": 2, "docs": ["n2"]},
    ]
    s1 = "青禾 AI 实验室主任林知远表示，团队正在训练新模型。"
    s2 = "青禾电子发布澄言-2，与 Norvale 正面竞争。"
    edges = [
        {"source": "林知远", "target": "青禾 AI 实验室", "relation": "works_for", "confidence": 0.9, "role": "主任",
         "date": "2026-03-02", "evidence": [_ev("n1", s1, 0), _ev("n2", "林知远仍在青禾 AI 实验室任职。", 40)]},
        {"source": "林知远", "target": "青禾 AI 实验室", "relation": "leads", "confidence": 0.8, "role": "主任",
         "evidence": [_ev("n1", s1, 0)]},
        {"source": "青禾 AI 实验室", "target": "青禾电子", "relation": "part_of", "confidence": 0.85,
         "evidence": [_ev("n1", s1, 0)]},
        {"source": "青禾电子", "target": "澄言-2", "relation": "develops", "confidence": 0.95, "evidence": [_ev("n2", s2, 0)]},
        {"source": "Norvale", "target": "青禾电子", "relation": "competes_with", "confidence": 0.6,
         "evidence": [_ev("n2", s2, 0)]},
    ]
    return _load(nodes, edges, meta={"documents": 2})


def tricky_graph() -> KnowledgeGraph:
    """Text every format must escape: quotes, backslashes, backticks, line breaks, control characters, markup,
    percent signs, emoji; a type kg does not know; two edges of one relation between one pair (two keys)."""
    nodes = [
        {"id": "O'Brien \"Bob\" \\ Ltd", "label": "O'Brien \"Bob\" \\ Ltd", "type": "COMPANY",
         "aliases": ["OB;Ltd", "a|b", "多行\n别名"], "mentions": 2, "docs": ["d 1", "d%2"]},
        {"id": "`反引号`$rows // 不是注释;", "label": "`反引号`$rows // 不是注释;", "type": "PERSON", "aliases": [],
         "mentions": 1, "docs": ["d 1"]},
        {"id": "<a href='x'>&amp;</a> #1?", "label": "<a href='x'>&amp;</a> #1?", "type": "WEIRD TYPE", "aliases": ["😀模型"],
         "mentions": 1, "docs": []},
        {"id": "騰訊", "label": "騰訊", "type": "ORG", "aliases": [], "mentions": 1, "docs": ["d%2"]},
    ]
    weird = "他说：“It's \"fine\" \\ ok”\n第二行\t制表\x00\x1f；<b>&</b> 😀"
    edges = [
        {"source": "`反引号`$rows // 不是注释;", "target": "O'Brien \"Bob\" \\ Ltd", "relation": "works_for",
         "key": "works_for", "confidence": 0.5, "role": "CEO's \"chief\"", "date": "2026",
         "evidence": [_ev("d 1", weird, 3), _ev("d%2", "第二句。", 0)]},
        {"source": "`反引号`$rows // 不是注释;", "target": "O'Brien \"Bob\" \\ Ltd", "relation": "works_for",
         "key": "works_for#2", "confidence": 1.0, "evidence": []},
        {"source": "<a href='x'>&amp;</a> #1?", "target": "騰訊", "relation": "partners_with", "confidence": 1e-05,
         "evidence": [_ev("d%2", "A;\nB", 7)]},
    ]
    return _load(nodes, edges)


def _load(nodes, edges, *, meta=None) -> KnowledgeGraph:
    data = {"directed": True, "multigraph": True, "graph": meta or {}, "nodes": nodes, "edges": edges}
    return KnowledgeGraph(from_node_link(data, source="test graph"))
