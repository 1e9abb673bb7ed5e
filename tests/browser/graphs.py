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


STORY_DOCS = {
    "n1": {"title": "星河科技发布星河大模型", "date": "2023-03-15", "publication": "科技日报样例", "author": "李编辑"},
    "n2": {"title": "张晓明出任星河科技首席科学家", "date": "2023-06-02", "publication": "科技日报样例", "author": "王编辑"},
    "n3": {"title": "张晓明离开星河科技，加盟远岸智能", "date": "2025-02-10", "publication": "创投周刊样例", "author": "创投周刊样例"},
    "n4": {"title": "远岸智能获腾讯投资", "date": "2025-04-20", "publication": "创投周刊样例", "author": "赵记者"},
}


def story_graph() -> nx.MultiDiGraph:
    """Who worked where in 2023 and in 2025, told by four made-up articles of two publications; two hubs
    (OpenAI, 腾讯) and eight entities that are mentioned but have no relation. All sentences are the team's own."""
    g = nx.MultiDiGraph(documents=4, doc_meta={k: dict(v, source=f"{k}.md") for k, v in STORY_DOCS.items()})
    nodes = [  # id, label, type, mentions, docs
        ("openai", "OpenAI", "COMPANY", 40, ["n1", "n2", "n4"]),
        ("tencent", "腾讯", "COMPANY", 30, ["n2", "n4"]),
        ("xinghe", "星河科技", "COMPANY", 12, ["n1", "n2", "n3"]),
        ("yuanan", "远岸智能", "COMPANY", 8, ["n3", "n4"]),
        ("zhang", "张晓明", "PERSON", 9, ["n2", "n3"]),
        ("wang", "王丽", "PERSON", 3, ["n2"]),
        ("model", "星河大模型", "MODEL", 5, ["n1"]),
        ("gpt", "GPT-5", "MODEL", 4, ["n4"]),
        ("lab", "远岸研究院", "ORG", 2, ["n3"]),
    ]
    loose = [  # mentioned, never related
        ("l1", "北辰数据", "COMPANY", 3, ["n1"]), ("l2", "青松资本", "COMPANY", 1, ["n4"]),
        ("l3", "赵一鸣", "PERSON", 2, ["n2"]), ("l4", "钱多多", "PERSON", 1, ["n3"]),
        ("l5", "清源大学", "ORG", 1, ["n2"]), ("l6", "东湖实验室", "ORG", 1, ["n3"]),
        ("l7", "晨光模型", "MODEL", 1, ["n1"]), ("l8", "微澜科技", "COMPANY", 1, ["n3"]),
    ]
    for n, label, etype, mentions, docs in nodes + loose:
        g.add_node(n, label=label, type=etype, aliases=[], mentions=mentions, docs=docs)
    rels = [  # source, target, relation, date, role, doc, sentence
        ("xinghe", "model", "develops", "2023-03", None, "n1", "星河科技发布星河大模型。"),
        ("xinghe", "openai", "competes_with", "2023-03", None, "n1", "星河科技把 OpenAI 视为主要对手。"),
        ("zhang", "xinghe", "works_for", "2023-06", "首席科学家", "n2", "张晓明出任星河科技首席科学家。"),
        ("wang", "tencent", "works_for", "2023-06", "副总裁", "n2", "腾讯副总裁王丽出席了发布会。"),
        ("tencent", "openai", "competes_with", "2023-06", None, "n2", "腾讯与 OpenAI 在大模型上竞争。"),
        ("zhang", "xinghe", "departed_from", "2025-02", None, "n3", "张晓明已从星河科技离职。"),
        ("zhang", "yuanan", "works_for", "2025-02", "首席技术官", "n3", "张晓明加盟远岸智能任首席技术官。"),
        ("lab", "yuanan", "part_of", "2025-02", None, "n3", "远岸研究院是远岸智能的研究部门。"),
        ("tencent", "yuanan", "invests_in", "2025-04", None, "n4", "腾讯领投远岸智能新一轮融资。"),
        ("openai", "gpt", "develops", "2025-04", None, "n4", "OpenAI 发布 GPT-5。"),
        ("yuanan", "openai", "partners_with", "2025-04", None, "n4", "远岸智能与 OpenAI 达成合作。"),
    ]
    for u, v, rel, date, role, doc, sentence in rels:
        attrs = {"relation": rel, "label": RELATIONS[rel].label, "confidence": 0.9, "date": date,
                 "evidence": [_ev(doc, sentence)]}
        if role:
            attrs["role"] = role
        g.add_edge(u, v, key=rel, **attrs)
    return g


def news_like_graph(*, seed: int = 7, pairs: int = 30, spokes: int = 12, loose: int = 300) -> nx.MultiDiGraph:
    """The shape of a graph of 40 real articles: two hubs (OpenAI, 腾讯) with spokes, many small pairs, and
    many entities mentioned once and linked to nothing. Names are made up: 公司N, 人物N, 模型N."""
    rng = random.Random(seed)
    g = nx.MultiDiGraph(documents=40)
    docs = [f"doc{i:02d}" for i in range(40)]
    g.add_node("openai", label="OpenAI", type="COMPANY", aliases=[], mentions=60, docs=docs[:20])
    g.add_node("tencent", label="腾讯", type="COMPANY", aliases=["Tencent"], mentions=45, docs=docs[10:30])
    types = ["PERSON", "COMPANY", "MODEL", "ORG"]

    def node(prefix: str, etype: str, mentions: int) -> str:
        n = f"{prefix}{g.number_of_nodes()}"
        g.add_node(n, label=n, type=etype, aliases=[], mentions=mentions, docs=[rng.choice(docs)])
        return n

    def edge(u: str, v: str, rel: str) -> None:
        doc = rng.choice(docs)
        g.add_edge(u, v, key=rel, relation=rel, label=RELATIONS[rel].label, confidence=0.8,
                   date=f"2024-{1 + rng.randrange(12):02d}",
                   evidence=[_ev(doc, f"{g.nodes[u]['label']}与{g.nodes[v]['label']}有关。")])

    for hub in ("openai", "tencent"):
        for _ in range(spokes):
            edge(node("人物", "PERSON", 1 + rng.randrange(6)), hub, "works_for")
    edge("tencent", "openai", "competes_with")
    for _ in range(pairs):
        a, b = node("人物", "PERSON", 1 + rng.randrange(4)), node("公司", "COMPANY", 1 + rng.randrange(8))
        edge(a, b, rng.choice(["works_for", "founded", "leads"]))
    for _ in range(loose):
        etype = rng.choice(types)
        node({"PERSON": "人物", "COMPANY": "公司", "MODEL": "模型", "ORG": "机构"}[etype], etype, 1 + int(rng.random() < 0.2))
    return g
