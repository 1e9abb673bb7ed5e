"""Hand-built graphs in the graph.json shape, for the HTML tests."""
from __future__ import annotations

import random

import networkx as nx

from kg.schema import ENTITY_TYPES, RELATIONS

XSS = (
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "</script><script>alert(1)</script>",
)


def _ev(doc, sentence, start=0):
    return {"doc": doc, "sentence": sentence, "start": start, "end": start + len(sentence)}


def small_graph() -> nx.MultiDiGraph:
    """Five entities of four types, six relations: a parallel pair, a symmetric one, role and date."""
    g = nx.MultiDiGraph(documents=3)
    g.add_node("p1", label="俞栋", type="PERSON", aliases=["Dong Yu", "俞博士"], mentions=5, docs=["d1", "d2"])
    g.add_node("c1", label="腾讯", type="COMPANY", aliases=["Tencent", "腾讯公司"], mentions=9, docs=["d1", "d2", "d3"])
    g.add_node("o1", label="腾讯AI Lab", type="ORG", aliases=["AI Lab"], mentions=3, docs=["d1"])
    g.add_node("m1", label="混元", type="MODEL", aliases=["Hunyuan"], mentions=4, docs=["d3"])
    g.add_node("c2", label="阿里巴巴", type="COMPANY", aliases=["阿里", "Alibaba"], mentions=6, docs=["d3"])
    s1 = "腾讯AI Lab副主任俞栋已于近日离职。"
    g.add_edge("p1", "o1", relation="departed_from", label="离职", confidence=0.92,
               evidence=[_ev("d1", s1)], role="副主任", date="2023-06")
    g.add_edge("p1", "o1", relation="works_for", label="任职", confidence=0.85, evidence=[_ev("d1", s1)], role="副主任")
    g.add_edge("o1", "c1", relation="part_of", label="隶属", confidence=0.8,
               evidence=[_ev("d2", "AI Lab是腾讯的人工智能实验室。", 30)])
    g.add_edge("c1", "m1", relation="develops", label="研发", confidence=0.95,
               evidence=[_ev("d3", "腾讯发布混元大模型。"), _ev("d3", "Tencent 表示 Hunyuan 将开源。", 12)])
    g.add_edge("c1", "c2", relation="competes_with", label="竞争", confidence=0.7,
               evidence=[_ev("d3", "腾讯与阿里在云市场展开竞争。", 40)])
    g.add_edge("p1", "c1", relation="works_for", label="任职", confidence=0.6, evidence=[_ev("d2", "俞栋曾在腾讯工作。")])
    return g


def xss_graph() -> nx.MultiDiGraph:
    """Every injection string as an entity name, an alias, a sentence and a document id."""
    g = nx.MultiDiGraph()
    a, b, c = XSS
    g.add_node("x1", label=a, type="PERSON", aliases=[b], mentions=2, docs=[c])
    g.add_node("x2", label=b, type="COMPANY", aliases=[c], mentions=2, docs=[a])
    g.add_node("x3", label=c, type="MODEL", aliases=[a], mentions=1, docs=[b])
    g.add_node("ok", label="百度", type="COMPANY", aliases=["Baidu"], mentions=3, docs=[a, "d-ok"])
    g.add_edge("x1", "x2", relation="works_for", label="任职", confidence=0.9, role=b, date=c,
               evidence=[_ev(c, f"{a}加入{b}。"), _ev(a, f"据报道{c}")])
    g.add_edge("x2", "x3", relation="develops", label="研发", confidence=0.9, evidence=[_ev(b, f"{b}发布{c}")])
    g.add_edge("x2", "ok", relation="competes_with", label="竞争", confidence=0.5, evidence=[_ev("d-ok", f"百度与{b}竞争")])
    return g


def large_graph(n_nodes: int = 2000, n_edges: int = 5000, *, seed: int = 42) -> nx.MultiDiGraph:
    """A random graph with skewed degrees (a few hubs), every node and edge in the graph.json shape."""
    rng = random.Random(seed)
    types = [t for t in ENTITY_TYPES]
    rel_ids = list(RELATIONS)
    g = nx.MultiDiGraph(documents=n_nodes // 4)
    for i in range(n_nodes):
        g.add_node(f"n{i}", label=f"实体{i}", type=types[i % len(types)], aliases=[f"E{i}"],
                   mentions=1 + rng.randrange(20), docs=[f"doc{i % (n_nodes // 4)}"])
    weights = [1.0 / (i + 1) ** 0.6 for i in range(n_nodes)]  # hubs at low ids
    ids = list(g.nodes)
    for j in range(n_edges):
        u, v = rng.choices(ids, weights, k=2)
        if u == v:
            v = ids[(ids.index(u) + 1) % n_nodes]
        rel = rel_ids[j % len(rel_ids)]
        sentence = f"{g.nodes[u]['label']}与{g.nodes[v]['label']}相关。"
        g.add_edge(u, v, relation=rel, label=RELATIONS[rel].label, confidence=0.5,
                   evidence=[_ev(f"doc{j % (n_nodes // 4)}", sentence)])
    return g
