"""The HTML export in headless Chromium, offline: it draws the whole graph, and search, filters and clicks work.

Needs Playwright for Python and Debian's `chromium` (scripts/install_browser_deps.sh); skipped without them.
Screenshots and timings go to tests/artifacts/.
"""
from __future__ import annotations

import json
import time

import pytest

from browser.chromium import (ARTIFACTS, browser_session, chromium_path, drawn, edge_point, launch, node_point, open_offline, screenshot,
                              wait_for, wait_stabilised)
from browser.graphs import XSS, large_graph, small_graph, xss_graph
from kg.export.html import write_html

pytestmark = pytest.mark.browser
try:
    from playwright import sync_api  # noqa: F401 (skips the module where Playwright cannot load)
except ImportError:  # not installed, or its driver cannot load
    pytest.skip("Playwright is not installed: scripts/install_browser_deps.sh", allow_module_level=True)


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    folder = tmp_path_factory.mktemp("html")
    paths = {"small": folder / "small.html", "xss": folder / "xss.html", "top2": folder / "top2.html",
             "edges3": folder / "edges3.html"}
    write_html(small_graph(), paths["small"], title="测试图谱")
    write_html(xss_graph(), paths["xss"], title=XSS[0])
    write_html(small_graph(), paths["top2"], max_nodes=2)
    write_html(small_graph(), paths["edges3"], max_edges=3)
    return paths


@pytest.fixture
def small(browser, pages):
    page, log = open_offline(browser, pages["small"])
    wait_stabilised(page)
    yield page, log
    page.context.close()


def test_page_loads_offline_and_draws_every_node_and_edge(small):
    page, log = small
    g = small_graph()
    assert drawn(page) == (g.number_of_nodes(), g.number_of_edges())
    assert page.evaluate("kg.network.physics.options.enabled") is False
    assert page.text_content("#kg-stats") == "3 篇文档 · 5 个实体 · 6 条关系"
    assert page.is_hidden("#kg-truncated")
    screenshot(page, "graph_small.png")
    assert log.problems() == []


@pytest.mark.parametrize("query, expected", [("Tencent", "c1"), ("腾讯公司", "c1"), ("hunyuan", "m1"), ("阿里", "c2"),
                                             ("俞栋", "p1")])
def test_search_by_any_alias_focuses_and_highlights(small, query, expected):
    page, log = small
    page.fill("#kg-search", query)
    page.press("#kg-search", "Enter")
    assert page.evaluate("kg.network.getSelectedNodes()") == [expected]
    assert page.evaluate("kg.state.highlighted") == expected
    assert page.evaluate(f"kg.nodes.get('{expected}').borderWidth") == 5
    assert page.is_visible("#kg-panel")
    label = small_graph().nodes[expected]["label"]
    assert page.text_content("#kg-panel h2") == label
    assert page.text_content("#kg-search-status") == f"已定位：{label}"
    assert log.problems() == []


def test_search_for_an_unknown_name_says_so(small):
    page, _log = small
    page.fill("#kg-search", "百度")
    page.click("#kg-search-go")
    assert page.text_content("#kg-search-status") == "未找到：百度"
    assert page.evaluate("kg.network.getSelectedNodes()") == []


def test_type_filter_hides_entities_and_their_relations(small):
    page, log = small
    page.uncheck('#kg-type-filters input[data-type="PERSON"]')
    assert drawn(page) == (4, 3)  # 俞栋 and his three relations
    page.check('#kg-type-filters input[data-type="PERSON"]')
    assert drawn(page) == (5, 6)
    assert log.problems() == []


def test_relation_filter_hides_relations(small):
    page, log = small
    page.uncheck('#kg-relation-filters input[data-relation="works_for"]')
    assert drawn(page) == (5, 4)
    assert page.text_content("#kg-visible") == "当前显示 5 个实体 · 4 条关系"
    page.check('#kg-relation-filters input[data-relation="works_for"]')
    assert drawn(page) == (5, 6)
    assert log.problems() == []


def test_clicking_a_node_opens_its_panel(small):
    page, log = small
    page.mouse.click(*node_point(page, "p1"))
    assert page.is_visible("#kg-panel")
    panel = page.text_content("#kg-panel")
    assert page.text_content("#kg-panel h2") == "俞栋"
    for text in ("人物", "Dong Yu", "俞博士", "d1", "d2", "关系（3）", "离职", "任职", "腾讯AI Lab"):
        assert text in panel
    assert log.problems() == []


def test_clicking_an_edge_shows_its_evidence(small):
    page, log = small
    edge = page.evaluate("kg.edges.get({filter: e => e.relation === 'develops'})[0].id")
    page.mouse.click(*edge_point(page, edge))
    assert page.evaluate("document.getElementById('kg-panel').dataset.kind") == "relation"
    assert page.text_content("#kg-panel h2") == "研发"
    sentences = page.eval_on_selector_all("#kg-panel .kg-sentence", "els => els.map(e => e.textContent)")
    assert sentences == ["腾讯发布混元大模型。", "Tencent 表示 Hunyuan 将开源。"]
    marks = page.eval_on_selector_all("#kg-panel mark", "els => els.map(e => e.textContent)")
    assert marks == ["腾讯", "混元", "Tencent", "Hunyuan"]
    docs = page.eval_on_selector_all("#kg-panel .kg-doc", "els => els.map(e => e.textContent)")
    assert all(d.startswith("文档 d3") for d in docs)
    screenshot(page, "graph_evidence.png")
    assert log.problems() == []


def test_panels_say_how_many_documents_and_sentences_the_page_leaves_out(browser, tmp_path, monkeypatch):
    import kg.export.page_data as page_data

    monkeypatch.setattr(page_data, "PAGE_ENTITY_DOCS", 1)
    monkeypatch.setattr(page_data, "PAGE_EVIDENCE", 1)
    write_html(small_graph(), tmp_path / "capped.html")
    page, log = open_offline(browser, tmp_path / "capped.html")
    wait_stabilised(page)
    page.mouse.click(*node_point(page, "p1"))  # documents d1 and d2
    panel = page.text_content("#kg-panel")
    assert "文档（2）" in panel and "1 more in graph.json" in panel
    edge = page.evaluate("kg.edges.get({filter: e => e.relation === 'develops'})[0].id")
    page.mouse.click(*edge_point(page, edge))  # two sentences
    assert page.text_content("#kg-panel h2") == "研发"
    assert len(page.query_selector_all("#kg-panel .kg-sentence")) == 1
    panel = page.text_content("#kg-panel")
    assert "证据（2）" in panel and "1 more in graph.json" in panel
    assert log.problems() == []
    page.context.close()


def test_relayout_runs_physics_again_then_stops(small):
    page, log = small
    page.click("#kg-relayout")
    wait_for(page, "kg.state.layoutRuns === 2 && kg.state.stabilised")
    assert page.evaluate("kg.network.physics.options.enabled") is False
    assert log.problems() == []


def truncation_note(browser, path) -> tuple[tuple[int, int], str, str]:
    """What a capped page draws, the note it shows about what it left out (which must be visible), and the line
    under the list of entities without relations."""
    page, log = open_offline(browser, path)
    wait_stabilised(page)
    counts = drawn(page)
    note = page.text_content("#kg-truncated")
    assert page.is_visible("#kg-truncated")
    hidden = page.text_content("#kg-loose-hidden")
    assert log.problems() == []
    page.context.close()
    return counts, note, hidden


def test_max_nodes_page_says_what_is_left_out(browser, pages):
    counts, note, hidden = truncation_note(browser, pages["top2"])
    assert counts == (2, 1)
    assert hidden == "另有 3 个实体未放入本页，见 graph.json（--max-nodes）"
    assert "2 / 5 个实体" in note and "隐藏 5 条关系" in note and "showing 2 of 5 entities, 5 relations hidden" in note


def test_max_edges_page_says_what_is_left_out(browser, pages):
    counts, note, hidden = truncation_note(browser, pages["edges3"])
    assert hidden == ""
    assert counts == (4, 3)  # 阿里巴巴 lost its one relation: listed with the entities without relations, not drawn
    assert "3 / 6 条关系" in note and "showing the 3 most confident of 6 relations" in note


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "without-csp"])
def test_injected_markup_stays_inert(browser, pages, bypass_csp):
    page, log = open_offline(browser, pages["xss"], bypass_csp=bypass_csp)
    wait_stabilised(page)
    assert drawn(page) == (4, 3)
    assert page.title() == XSS[0]
    assert page.text_content("#kg-title") == XSS[0]
    page.fill("#kg-search", "onerror")
    page.press("#kg-search", "Enter")
    assert page.evaluate("kg.state.highlighted") == "x1"
    panel = page.text_content("#kg-panel")
    assert XSS[0] in panel and XSS[1] in panel and XSS[2] in panel  # label, alias, document id: as text
    page.mouse.click(*node_point(page, "x2"))
    page.evaluate("kg.showRelation(kg.edges.get({filter: e => e.relation === 'works_for'})[0].id)")
    assert page.eval_on_selector_all("#kg-panel mark", "els => els.map(e => e.textContent)")[:2] == [XSS[0], XSS[1]]
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("document.scripts.length") == 6
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.startsWith('on'))).length") == 0
    if not bypass_csp:
        screenshot(page, "graph_xss.png")
    assert log.problems() == []
    page.context.close()


def test_large_graph_is_responsive(browser, tmp_path):
    g = large_graph(2000, 5000)
    path = tmp_path / "large.html"
    started = time.perf_counter()
    write_html(g, path)
    generate_s = time.perf_counter() - started
    page, log = open_offline(browser, path)
    wait_stabilised(page, timeout=300)
    timing = page.evaluate("""() => ({
        script_to_stabilised_ms: kg.state.stabilisedMs,
        navigation_to_stabilised_ms: kg.state.stabilisedAt,
        dom_content_loaded_ms: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd })""")
    linked = {n for u, v in g.edges() for n in (u, v)}
    assert drawn(page) == (len(linked), 5000)
    assert page.evaluate("kg.network.physics.options.enabled") is False
    timing["redraw_ms"] = page.evaluate("""() => new Promise(done => { const t = performance.now();
        kg.network.once('afterDrawing', () => done(performance.now() - t)); kg.network.redraw(); })""")
    # in-page times, from the action to the next frame drawn
    timing["search_ms"] = page.evaluate("""() => new Promise(done => { const t = performance.now();
        kg.network.once('afterDrawing', () => done(performance.now() - t));
        document.getElementById('kg-search').value = 'E1999'; document.getElementById('kg-search-go').click(); })""")
    assert page.evaluate("kg.state.highlighted") == "n1999"
    timing["filter_ms"] = page.evaluate("""() => new Promise(done => { const t = performance.now();
        kg.network.once('afterDrawing', () => done(performance.now() - t));
        document.querySelector('#kg-type-filters input[data-type="PERSON"]').click(); })""")
    no_person = {n for u, v in g.edges() if "PERSON" not in (g.nodes[u]["type"], g.nodes[v]["type"]) for n in (u, v)}
    assert drawn(page)[0] == len(no_person)
    timing["generate_html_s"] = generate_s
    timing["page_bytes"] = path.stat().st_size
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "timing_2000x5000.json").write_text(json.dumps(timing, indent=2), encoding="utf-8")
    page.check('#kg-type-filters input[data-type="PERSON"]')
    screenshot(page, "graph_large.png")
    assert timing["navigation_to_stabilised_ms"] < 180_000  # a sanity bound, not a benchmark
    assert timing["search_ms"] < 20_000 and timing["filter_ms"] < 20_000
    assert log.problems() == []
    page.context.close()
