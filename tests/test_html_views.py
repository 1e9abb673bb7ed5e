"""The page's views in headless Chromium, offline: connected entities first, the others listed and drawn on request,
one document or publication, a date range, an entity's neighbourhood, and the hubs' labels at the first zoom.

The graphs are made up (tests/browser/graphs.py): story_graph tells who worked where in 2023 and in 2025 in four
articles of two publications. Needs Playwright and Chromium (scripts/install_browser_deps.sh); skipped without them.
"""
from __future__ import annotations

import pytest

from browser.chromium import browser_session, chromium_path, drawn, launch, node_point, open_offline, screenshot, wait_stabilised
from browser.graphs import STORY_DOCS, XSS, news_like_graph, story_graph
from kg.export.html import write_html

pytestmark = pytest.mark.browser
try:
    from playwright import sync_api  # noqa: F401 (skips the module where Playwright cannot load)
except ImportError:  # not installed, or its driver cannot load
    pytest.skip("Playwright is not installed: scripts/install_browser_deps.sh", allow_module_level=True)

LINKED = {"openai", "tencent", "xinghe", "yuanan", "zhang", "wang", "model", "gpt", "lab"}
LOOSE = {"l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8"}


@pytest.fixture(scope="module")
def browser():
    yield from browser_session()


@pytest.fixture(scope="module")
def story_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("views") / "story.html"
    write_html(story_graph(), path, title="人事变动")
    return path


@pytest.fixture
def story(browser, story_path):
    page, log = open_offline(browser, story_path)
    wait_stabilised(page)
    yield page
    assert log.problems() == []
    page.context.close()


def drawn_ids(page) -> set[str]:
    return set(page.evaluate("kg.network.body.nodeIndices"))


def drawn_relations(page) -> set[tuple[str, str, str]]:
    return {tuple(e) for e in page.evaluate(
        "kg.network.body.edgeIndices.map(id => { const e = kg.edges.get(id); return [e.from, e.relation, e.to]; })")}


def doc_value(page, doc_id: str) -> str:
    """The document filter's option value for a document id."""
    index = page.evaluate("(id) => JSON.parse(document.getElementById('kg-data').textContent).documents"
                          ".findIndex(d => d.id === id)", doc_id)
    assert index >= 0
    return f"doc:{index}"


# ---------------------------------------------------------------------------------------------- default view


def test_default_view_draws_the_connected_entities_and_lists_the_others(story):
    assert drawn_ids(story) == LINKED
    assert drawn(story) == (9, 11)
    assert story.text_content("#kg-loose-count") == "8"
    names = story.eval_on_selector_all("#kg-loose-list .kg-loose-name", "els => els.map(e => e.textContent)")
    assert set(names) == {"北辰数据", "青松资本", "赵一鸣", "钱多多", "清源大学", "东湖实验室", "晨光模型", "微澜科技"}
    assert names[:2] == ["北辰数据", "赵一鸣"]  # most mentioned first
    counts = story.eval_on_selector_all("#kg-loose-types .kg-type-count", "els => els.map(e => e.textContent)")
    assert [c[1:] for c in counts] == ["人物 2", "机构 2", "公司 3", "模型 1"]
    assert story.is_checked("#kg-loose-toggle") is False
    screenshot(story, "views_default.png")


def test_the_list_of_unconnected_entities_is_searchable(story):
    story.fill("#kg-loose-search", "资本")
    assert story.eval_on_selector_all("#kg-loose-list .kg-loose-name", "els => els.map(e => e.textContent)") == ["青松资本"]
    story.fill("#kg-loose-search", "百度")
    assert story.query_selector_all("#kg-loose-list li") == []
    assert story.text_content("#kg-loose-more") == "没有匹配的名称"


def test_the_toggle_draws_unconnected_entities_in_rows_below_the_graph(story):
    story.check("#kg-loose-toggle")
    assert drawn_ids(story) == LINKED | LOOSE
    assert drawn(story)[1] == 11
    positions = story.evaluate("kg.network.getPositions()")
    assert min(positions[n]["y"] for n in LOOSE) > max(positions[n]["y"] for n in LINKED)
    assert story.evaluate("kg.network.physics.options.enabled") is False
    screenshot(story, "views_unconnected.png")
    story.uncheck("#kg-loose-toggle")
    assert drawn_ids(story) == LINKED


def test_picking_an_unconnected_entity_draws_it_and_opens_its_panel(story):
    story.click("#kg-loose-list button[data-id='l2']")
    assert drawn_ids(story) == LINKED | {"l2"}
    assert story.text_content("#kg-panel h2") == "青松资本"
    assert "本页中没有与它相连的关系" in story.text_content("#kg-panel")
    story.fill("#kg-search", "钱多多")
    story.press("#kg-search", "Enter")
    assert drawn_ids(story) == LINKED | {"l2", "l4"}
    assert story.evaluate("kg.network.getSelectedNodes()") == ["l4"]


def test_a_graph_without_relations_draws_its_entities(browser, tmp_path):
    g = story_graph()
    g.remove_edges_from(list(g.edges))
    write_html(g, tmp_path / "no-relations.html")
    page, log = open_offline(browser, tmp_path / "no-relations.html")
    wait_stabilised(page)
    assert drawn(page) == (17, 0)
    assert page.is_checked("#kg-loose-toggle")
    assert log.problems() == []
    page.context.close()


# ---------------------------------------------------------------------------------------------- documents


def test_document_filter_shows_one_article_with_its_title_and_date(story):
    story.select_option("#kg-doc", doc_value(story, "n3"))
    assert drawn_relations(story) == {("zhang", "departed_from", "xinghe"), ("zhang", "works_for", "yuanan"),
                                      ("lab", "part_of", "yuanan")}
    assert drawn_ids(story) == {"zhang", "xinghe", "yuanan", "lab"}
    info = story.text_content("#kg-doc-info")
    assert STORY_DOCS["n3"]["title"] in info and "2025-02-10 · 创投周刊样例" in info and "4 个实体 · 3 条关系" in info
    assert STORY_DOCS["n3"]["title"] in story.text_content("#kg-viewbar")
    story.check("#kg-loose-toggle")  # now also the entities the article mentions without a relation
    assert drawn_ids(story) == {"zhang", "xinghe", "yuanan", "lab", "l4", "l6", "l8"}
    screenshot(story, "views_document.png")
    story.click("#kg-viewbar button[title='显示全部文档']")
    assert drawn_ids(story) == LINKED | LOOSE
    assert story.is_hidden("#kg-doc-info") and story.input_value("#kg-doc") == ""


def test_a_document_in_an_entity_panel_filters_to_it(story):
    story.mouse.click(*node_point(story, "wang"))
    story.click(f"#kg-panel button[title='只看这篇文档 — n2']")
    assert story.input_value("#kg-doc") == doc_value(story, "n2")
    assert drawn_relations(story) == {("zhang", "works_for", "xinghe"), ("wang", "works_for", "tencent"),
                                      ("tencent", "competes_with", "openai")}


def test_publication_filter_shows_its_articles(story):
    story.select_option("#kg-doc", label="创投周刊样例（2 篇）")
    assert len(drawn_relations(story)) == 6  # three relations in each of n3 and n4
    assert drawn_ids(story) == {"zhang", "xinghe", "yuanan", "lab", "tencent", "gpt", "openai"}
    assert "2 篇 · 2025-02-10 — 2025-04-20" in story.text_content("#kg-doc-info")


# ---------------------------------------------------------------------------------------------- dates


def set_months(page, start: str, end: str) -> None:
    """Move the two sliders as a user would (Playwright fills range inputs and fires their input events): the
    first listed month at or after `start`, the last at or before `end`."""
    listed = page.evaluate("kg.months()")
    page.fill("#kg-date-from", str(next(i for i, m in enumerate(listed) if m >= start)))
    page.fill("#kg-date-to", str(max(i for i, m in enumerate(listed) if m <= end)))


def test_date_range_shows_who_worked_where_then(story):
    assert story.is_visible("#kg-date-box")
    assert story.text_content("#kg-date-label") == "全部时间（2023-03 — 2025-04）"
    set_months(story, "2023-01", "2023-12")
    assert story.text_content("#kg-date-label") == "2023-03 — 2023-06"
    in_2023 = drawn_relations(story)
    assert ("zhang", "works_for", "xinghe") in in_2023 and ("wang", "works_for", "tencent") in in_2023
    assert all(r[0] != "zhang" or r == ("zhang", "works_for", "xinghe") for r in in_2023)
    assert len(in_2023) == 5
    screenshot(story, "views_2023.png")
    set_months(story, "2025-01", "2025-12")
    in_2025 = drawn_relations(story)
    assert {("zhang", "departed_from", "xinghe"), ("zhang", "works_for", "yuanan")} <= in_2025
    assert ("zhang", "works_for", "xinghe") not in in_2025 and "wang" not in drawn_ids(story)
    assert len(in_2025) == 6
    assert "时间：2025-02 — 2025-04" in story.text_content("#kg-viewbar")
    story.click("#kg-date-reset")
    assert drawn(story) == (9, 11)


def test_sliders_step_through_the_months_that_dates_name(browser, tmp_path):
    g = story_graph()
    g.edges["zhang", "xinghe", "works_for"]["date"] = "1950"  # one sentence far back in time
    write_html(g, tmp_path / "far.html")
    page, log = open_offline(browser, tmp_path / "far.html")
    wait_stabilised(page)
    assert page.evaluate("kg.months()") == ["1950-01", "1950-12", "2023-03", "2023-06", "2025-02", "2025-04"]
    assert page.get_attribute("#kg-date-to", "max") == "5"
    page.fill("#kg-date-to", "1")
    assert drawn_relations(page) == {("zhang", "works_for", "xinghe")}
    assert page.text_content("#kg-date-label") == "1950-01 — 1950-12"
    assert log.problems() == []
    page.context.close()


def test_date_range_keeps_positions_and_sliders_never_cross(story):
    before = story.evaluate("kg.network.getPositions(['zhang', 'xinghe'])")
    story.evaluate("kg.setRange('2024-06', '2024-06')")
    assert drawn(story) == (0, 0)  # no relation dated in June 2024
    story.click("#kg-date-reset")
    story.fill("#kg-date-to", "1")
    story.fill("#kg-date-from", "3")  # past the end: the end moves with it
    assert story.input_value("#kg-date-to") == "3"
    assert story.text_content("#kg-date-label") == "2025-04 — 2025-04"
    story.click("#kg-date-reset")
    assert story.evaluate("kg.network.getPositions(['zhang', 'xinghe'])") == before


# ---------------------------------------------------------------------------------------------- neighbourhoods


def test_double_click_shows_a_neighbourhood_and_back_returns(story):
    before = story.evaluate("kg.network.getPositions()")
    story.mouse.dblclick(*node_point(story, "zhang"))
    assert drawn_ids(story) == {"zhang", "xinghe", "yuanan"}
    assert drawn(story) == (3, 3)
    assert "邻域：张晓明" in story.text_content("#kg-viewbar")
    screenshot(story, "views_neighbourhood.png")
    story.select_option("#kg-depth", "2")
    assert drawn_ids(story) == {"zhang", "xinghe", "yuanan", "model", "openai", "lab", "tencent"}
    assert drawn(story) == (7, 9)
    story.click("#kg-back")
    assert drawn(story) == (9, 11)
    assert story.is_hidden("#kg-viewbar")
    assert story.evaluate("kg.network.getPositions()") == before


def test_neighbourhood_buttons_and_escape(story):
    story.mouse.click(*node_point(story, "wang"))
    story.click("#kg-panel button[data-depth='1']")
    assert drawn_ids(story) == {"wang", "tencent"}
    story.mouse.dblclick(*node_point(story, "tencent"))  # a neighbourhood inside a neighbourhood
    assert drawn_ids(story) == {"wang", "tencent", "openai", "yuanan"}
    story.keyboard.press("Escape")
    assert drawn_ids(story) == {"wang", "tencent"}
    story.keyboard.press("Escape")
    assert drawn_ids(story) == LINKED


# ---------------------------------------------------------------------------------------------- hubs and safety


def test_hub_labels_are_readable_at_the_first_zoom(browser, tmp_path):
    """A graph shaped like 40 real articles: the layout is seeded, so two loads agree; at the first zoom the hubs'
    labels are drawn at 12 px or more on screen. The screenshot is kept for a person to look at."""
    path = tmp_path / "news.html"
    write_html(news_like_graph(), path)
    loads = []
    for _ in range(2):
        page, log = open_offline(browser, path)
        wait_stabilised(page)
        loads.append(page.evaluate("kg.network.getPositions(['openai', 'tencent'])"))
        hubs = {n: page.evaluate(f"kg.labelPx('{n}')") for n in ("openai", "tencent")}
        small = page.evaluate("kg.labelPx('人物2')")
        assert all(h["drawn"] and h["px"] >= 12 for h in hubs.values()), hubs
        assert small["px"] < hubs["tencent"]["px"]
        assert drawn(page)[0] == 2 + 2 * 12 + 2 * 30  # the hubs, their spokes and the pairs; not the 300 others
        screenshot(page, "views_hubs.png")
        assert log.problems() == []
        page.context.close()
    assert loads[0] == loads[1]


def test_node_size_follows_mentions_or_relations(story):
    sizes = "['openai', 'zhang'].map(id => kg.network.body.nodes[id].options.size)"
    assert story.evaluate("['openai', 'zhang'].map(id => kg.nodes.get(id).value)") == [40, 9]
    openai, zhang = story.evaluate(sizes)
    assert openai > zhang
    story.select_option("#kg-size-by", "degree")
    assert story.evaluate("['openai', 'zhang', 'wang'].map(id => kg.nodes.get(id).value)") == [4, 3, 1]
    assert story.evaluate("kg.nodes.get('l1').value") == 1  # no relations: the smallest
    openai_by_degree, zhang_by_degree = story.evaluate(sizes)
    assert openai_by_degree == openai  # the largest either way
    assert zhang_by_degree > zhang  # 3 of at most 4 relations weighs more than 9 of up to 40 mentions


def test_hostile_titles_and_publications_stay_text(browser, tmp_path):
    g = story_graph()
    g.graph["doc_meta"]["n3"].update(title=XSS[0], publication=XSS[1], author=XSS[2])
    g.graph["doc_meta"]["n1"].update(title=XSS[2], date=XSS[1])
    write_html(g, tmp_path / "hostile.html")
    page, log = open_offline(browser, tmp_path / "hostile.html")
    wait_stabilised(page)
    options = page.eval_on_selector_all("#kg-doc option", "els => els.map(e => e.textContent)")
    assert any(XSS[0] in o for o in options) and any(XSS[1] in o for o in options)
    page.select_option("#kg-doc", doc_value(page, "n3"))
    assert XSS[0] in page.text_content("#kg-doc-info") and XSS[1] in page.text_content("#kg-doc-info")
    assert XSS[0] in page.text_content("#kg-viewbar")
    page.select_option("#kg-doc", label=f"{XSS[1]}（1 篇）")
    assert XSS[1] in page.text_content("#kg-viewbar")
    page.mouse.click(*node_point(page, "zhang"))
    assert XSS[0] in page.text_content("#kg-panel")
    assert page.evaluate("document.querySelectorAll('img, svg, iframe, object, embed').length") == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter(e => [...e.attributes]"
                         ".some(a => a.name.startsWith('on'))).length") == 0
    assert log.problems() == []
    page.context.close()


@pytest.mark.parametrize("date, span", [("2024-05-13", ["2024-05", "2024-05"]), ("2024-05", ["2024-05", "2024-05"]),
                                        ("2024", ["2024-01", "2024-12"]), ("2024年5月", ["2024-05", "2024-05"]),
                                        ("2024-13", ["2024-01", "2024-12"]), ("", None), ("近日", None)])
def test_dates_read_as_spans_of_months(story, date, span):
    got = story.evaluate("(d) => { const s = kgViews.monthSpan(d); return s && s.map(kgViews.monthLabel); }", date)
    assert got == span
