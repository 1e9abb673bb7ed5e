"""graph.html at the 10k-document benchmark's size: page bytes, time to write it, and, with Playwright and Chromium,
time to open it and to use each view.

The graph is synthetic (no NLP), shaped like the 10,000-document benchmark's graph.json: 43,988 entities,
556,495 relations, 10,000 documents with doc_meta (title, date, publication). Each document mentions 30 entities
drawn with Zipf weights (a few names in most documents), and relations join Zipf-drawn pairs, dated by their
document. The page is capped as `kg build` caps it (2,000 entities, 10,000 relations).

    PYTHONPATH=.:tests python benchmarks/html_page.py --json /tmp/kg-bench/html-10k.json
    PYTHONPATH=.:tests python benchmarks/html_page.py --scale 0.1 --no-browser     # a quick look
"""
from __future__ import annotations

import argparse
import itertools
import json
import random
import re
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx

from kg.cli import DEFAULT_PAGE_EDGES, DEFAULT_PAGE_NODES
from kg.export.html import write_html
from kg.schema import ENTITY_TYPES, RELATIONS

PUBLICATIONS = ("量子位样例", "投资研究所样例", "深度研究员样例", "Founder 样例", "访谈样例", "寒武纪样例", "新知样例")


def synthetic_graph(*, docs: int = 10_000, entities: int = 43_988, relations: int = 556_495,
                    per_doc: int = 30, seed: int = 1) -> nx.MultiDiGraph:
    rng = random.Random(seed)
    doc_ids = [f"2024-{i:05d}-某公司发布新一代大模型并宣布新一轮融资" for i in range(docs)]
    meta = {}
    for i, d in enumerate(doc_ids):
        month = 2023 * 12 + (i * 30) // docs  # 30 months, in order
        meta[d] = {"title": f"第{i}篇：某公司发布新一代大模型，并宣布完成新一轮融资", "date": f"{month // 12}-{month % 12 + 1:02d}-15",
                   "publication": PUBLICATIONS[i % len(PUBLICATIONS)], "author": "编辑", "source": f"{d}.md"}
    g = nx.MultiDiGraph(documents=docs, doc_meta=meta)
    cum = list(itertools.accumulate(1.0 / (r + 1) for r in range(entities)))
    ids = [f"实体{r}" for r in range(entities)]
    mentions = [0] * entities
    docs_of: list[list[str]] = [[] for _ in range(entities)]
    for d in doc_ids:
        for r in set(rng.choices(range(entities), cum_weights=cum, k=per_doc)):
            mentions[r] += 1
            docs_of[r].append(d)
    for r, n in enumerate(ids):
        g.add_node(n, label=n, type=ENTITY_TYPES[r % 4], aliases=[f"E{r}"], mentions=mentions[r] or 1,
                   docs=docs_of[r] or [rng.choice(doc_ids)])
    rel_ids = list(RELATIONS)
    made = 0
    for j in itertools.count():  # until `relations` distinct ones: a pair drawn again adds evidence
        if made >= relations:
            break
        u, v = rng.choices(range(entities), cum_weights=cum, k=2)
        if u == v:
            v = (v + 1) % entities
        rel, d = rel_ids[j % len(rel_ids)], rng.choice(doc_ids)
        ev = {"doc": d, "sentence": f"{ids[u]}与{ids[v]}在这篇报道中有关，这是第{j}个句子。", "start": 0, "end": 30}
        if g.has_edge(ids[u], ids[v], key=rel):
            g.edges[ids[u], ids[v], rel]["evidence"].append(ev)
            continue
        made += 1
        g.add_edge(ids[u], ids[v], key=rel, relation=rel, label=RELATIONS[rel].label,
                   confidence=round(0.5 + 0.49 * rng.random(), 3), date=meta[d]["date"][:7], evidence=[ev])
    return g


def block_sizes(page: str) -> dict[str, int]:
    return {m.group(1): len(m.group(2).encode("utf-8")) for m in
            re.finditer(r'<script type="application/json" id="([^"]+)">(.*?)</script>', page, re.S)}


def in_browser(path: Path) -> dict:
    from playwright.sync_api import sync_playwright

    from browser.chromium import launch, open_offline, wait_stabilised

    def timed(page, action: str) -> float:
        """ms from an action to the next frame vis-network draws"""
        return page.evaluate("() => new Promise(done => { const t = performance.now(); setTimeout(() => done(-1), 60000);"
                             " kg.network.once('afterDrawing', () => done(performance.now() - t)); " + action + "; })")

    with sync_playwright() as p:
        browser = launch(p)
        page, log = open_offline(browser, path)
        wait_stabilised(page, timeout=600)
        out = page.evaluate("""() => ({ navigation_to_stabilised_ms: kg.state.stabilisedAt,
            script_to_stabilised_ms: kg.state.stabilisedMs,
            dom_content_loaded_ms: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
            drawn: kg.drawn(), heap_mb: performance.memory ? performance.memory.usedJSHeapSize / 1e6 : null })""")
        out["toggle_unconnected_on_ms"] = timed(page, "kg.setUnconnected(true)")
        out["drawn_with_unconnected"] = page.evaluate("kg.drawn()")
        out["toggle_unconnected_off_ms"] = timed(page, "kg.setUnconnected(false)")
        out["publication_filter_ms"] = timed(page, "kg.setDoc('pub:0')")
        out["drawn_publication"] = page.evaluate("kg.drawn()")
        out["document_filter_ms"] = timed(page, "kg.setDoc('doc:' + (JSON.parse(document.getElementById('kg-data')"
                                                ".textContent).documents.length - 1))")
        out["clear_document_filter_ms"] = timed(page, "kg.setDoc(null)")
        out["date_range_ms"] = timed(page, "kg.setRange('2024-01', '2024-12')")
        out["drawn_2024"] = page.evaluate("kg.drawn()")
        out["clear_date_range_ms"] = timed(page, "kg.setRange(null, null)")
        hub = page.evaluate("kg.nodesView.getIds().sort((a, b) => kg.nodes.get(b).value - kg.nodes.get(a).value)[0]")
        out["neighbourhood_2_ms"] = timed(page, f"kg.enterNeighbourhood({json.dumps(hub)}, 2)")
        out["drawn_neighbourhood_2"] = page.evaluate("kg.drawn()")
        out["back_ms"] = timed(page, "kg.back()")
        out["page_problems"] = log.problems()
        page.context.close()
        browser.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0, help="fraction of the 10k benchmark's size (default 1)")
    ap.add_argument("--no-browser", action="store_true", help="only write the page")
    ap.add_argument("--keep", metavar="PATH", help="also keep the page here")
    ap.add_argument("--json", metavar="PATH", help="write the results here too")
    args = ap.parse_args(argv)
    started = time.perf_counter()
    g = synthetic_graph(docs=max(10, int(10_000 * args.scale)), entities=max(50, int(43_988 * args.scale)),
                        relations=max(100, int(556_495 * args.scale)))
    res = {"documents": g.graph["documents"], "entities": g.number_of_nodes(), "relations": g.number_of_edges(),
           "unconnected_in_graph": sum(1 for n in g if g.degree(n) == 0),
           "make_graph_s": round(time.perf_counter() - started, 1)}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(args.keep) if args.keep else Path(tmp) / "graph.html"
        started = time.perf_counter()
        write_html(g, path, max_nodes=DEFAULT_PAGE_NODES, max_edges=DEFAULT_PAGE_EDGES)
        res["write_html_s"] = round(time.perf_counter() - started, 2)
        page = path.read_text(encoding="utf-8")
        res["page_bytes"] = len(page.encode("utf-8"))
        res["json_block_bytes"] = block_sizes(page)
        stats = json.loads(re.search(r'id="kg-data">(.*?)</script>', page, re.S).group(1))["stats"]
        res["page_stats"] = stats
        if not args.no_browser:
            res["browser"] = in_browser(path)
    text = json.dumps(res, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
