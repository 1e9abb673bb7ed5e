"""The Markdown reader (kg/ingest/markdown.py) and its boilerplate rules (kg/resources/boilerplate.tsv).

Every text here is written for these tests, imitating the structure of scraped WeChat articles (no article text).
"""
from __future__ import annotations

import json

import pytest

import kg
from kg.cli import main
from kg.ingest import iter_documents, read_document
from kg.ingest.boilerplate import boilerplate_rules
from kg.ingest.markdown import looks_like_markdown, read_markdown


def text_of(md: str) -> str:
    return read_markdown(md).text


# ------------------------------------------------------------------------------------- what a reader sees

@pytest.mark.parametrize("md, text", [
    ("腾讯发布混元。![图](https://x.cn/a.png)\n", "腾讯发布混元。"),  # images dropped
    ("![](https://x.cn/a.png)\n\n腾讯发布混元。\n", "腾讯发布混元。"),  # an image paragraph leaves nothing
    ("见[腾讯官网](https://tencent.com)公告。\n", "见腾讯官网公告。"),  # link text kept, target dropped
    ("腾讯**发布**了*混元*。\n", "腾讯发布了混元。"),  # emphasis markers dropped
    ("用 __Python__ 和 _Rust_ 写\n", "用 Python 和 Rust 写"),
    ("正文。\n\n## 第二部分\n\n更多正文。\n", "正文。\n\n第二部分\n\n更多正文。"),  # heading markers dropped
    ("第一行  \n第二行\\\n第三行\n", "第一行\n第二行\n第三行"),  # hard breaks (two spaces, backslash) kept
    ("腾讯今天发布了\n混元大模型。\n", "腾讯今天发布了混元大模型。"),  # soft wrap between CJK: no space
    ("The model was\ntrained on data.\n", "The model was trained on data."),  # between Latin words: a space
    ("腾讯发布了 AI\n助手。\n", "腾讯发布了 AI 助手。"),  # Latin and CJK: the space the wrap replaced
    ("模型名为Yi-\nVL，已开源。\n", "模型名为Yi-VL，已开源。"),  # a wrap after a hyphen inside a word
    ("第一段。\n\n第二段。\n", "第一段。\n\n第二段。"),  # paragraphs separated by a blank line
    ("名单：\n\n- 腾讯\n- 阿里巴巴\n\n1. 百度\n2. 华为\n", "名单：\n\n腾讯\n阿里巴巴\n\n百度\n华为"),  # list items
    ("  * 松散列表一\n\n  * 松散列表二\n", "松散列表一\n松散列表二"),  # loose list: still one per line
    ("> 引用的话。\n", "引用的话。"),  # quote markers dropped
    ("正文。\n\n```python\nimport os\n```\n", "正文。"),  # fenced code dropped
    ("正文。\n\n    x = compute(y)\n    print(x)\n", "正文。"),  # indented code dropped
    ("正文。\n\n     * **创始人：** 张三，负责公司的产品与研发。\n", "正文。\n\n创始人： 张三，负责公司的产品与研发。"),
    ("运行 `pip install kg` 即可。\n", "运行  即可。"),  # inline code dropped
    ("他说：`这是一段中文引语，用反引号标出`。\n", "他说：这是一段中文引语，用反引号标出。"),  # prose in backticks kept
    ("正文。\n\n<div class=\"ad\">广告内容</div>\n", "正文。"),  # HTML blocks dropped
    ("腾讯 &amp; 阿里\n", "腾讯 & 阿里"),  # entities decoded
    ("**Founder Park****：****你怎么看？**\n", "Founder Park：你怎么看？"),  # unpaired ** are not text
])
def test_rendering(md, text):
    assert text_of(md) == text


def test_title_and_header_become_metadata_and_the_title_starts_the_text():
    art = read_markdown("# 腾讯发布混元\n\n文章作者: 某某科技\n发布时间: 2025-03-08 10:30\n发布地: 北京\n"
                        "原文链接: https://example.com/a\n\n封面图链接: https://img.example.com/c.jpg\n\n正文。\n")
    assert (art.title, art.author, art.date, art.url) == ("腾讯发布混元", "某某科技", "2025-03-08", "https://example.com/a")
    assert art.text == "腾讯发布混元\n\n正文。"
    assert [d[0] for d in art.dropped] == ["header"] * 5


def test_front_matter_is_metadata():
    art = read_markdown("---\ntitle: 混元发布\nauthor: 张三\ndate: 2025-01-02\n---\n\n腾讯发布混元。\n")
    assert (art.title, art.author, art.date, art.text) == ("混元发布", "张三", "2025-01-02", "混元发布\n\n腾讯发布混元。")


def test_a_paragraph_of_unknown_keys_is_body_text():
    art = read_markdown("# 标题\n\n公司: 腾讯\n领域: 大模型\n")
    assert art.author is None and art.text == "标题\n\n公司: 腾讯领域: 大模型"  # one paragraph, soft-wrapped


def test_source_map_gives_the_source_line_of_any_offset():
    md = "# 标题\n\n作者: 张三\n\n腾讯今天发布了\n混元大模型。\n\n- 豆包\n- 元宝\n"
    doc = kg.ingest.markdown.markdown_document(md, "d", "d.md")
    lines = md.split("\n")
    for word in ("标题", "腾讯", "混元", "豆包", "元宝"):
        n = doc.source_line(doc.text.index(word))
        assert word in lines[n - 1], (word, n)
    assert len(doc.source_map) <= 6  # one entry per line, not per character


# ----------------------------------------------------------------------------------------- boilerplate

@pytest.mark.parametrize("md, text, rule", [
    ("##### 张三 发自 凹非寺  \n示例科技 | 公众号 ExampleTech\n\n腾讯发布混元。\n", "腾讯发布混元。", "byline"),
    ("腾讯发布混元。\n\n编辑：李四\n", "腾讯发布混元。", "byline"),
    ("腾讯发布混元。\n\n作者：王五\n", "腾讯发布混元。", "byline"),
    ("作者：王五\n\n腾讯发布混元。\n", "腾讯发布混元。", "header"),  # at the very top it is a header line
    ("腾讯发布混元。\n\n**点这里👇关注我，记得标星哦～**\n\n**一键三连「分享」、「点赞」和「在看」**\n", "腾讯发布混元。", "footer"),
    ("（关注公众号并设为🌟标，获取最新资讯）\n\n腾讯发布混元。\n", "腾讯发布混元。", "footer"),
    ("腾讯发布混元。\n\n— 完 —\n\n限时活动，欢迎报名参加大会！\n", "腾讯发布混元。", "end"),
    ("腾讯发布混元。\n\n## 推荐阅读\n\n  * [阿里发布通义](https://x/1)\n  * [百度发布文心](https://x/2)\n",
     "腾讯发布混元。", "related"),
    ("腾讯发布混元。\n\n#  往期回顾\n\n[1、[阿里发布通义]](https://x/1)\n\n[2、[百度发布文心]](https://x/2)\n",
     "腾讯发布混元。", "related"),
    # an item whose link text wraps over two lines (the first line is no whole link)
    ("腾讯发布混元。\n\n#  往期回顾\n\n[1、[阿里发布通义\n2024 的新模型](https://x/1)\n\n[2、[百度发布文心]](https://x/2)\n",
     "腾讯发布混元。", "related"),
    # a list whose links the scrape broke over a heading line ("# [" then the text and target)
    ("腾讯发布混元。\n\n![](https://x/a.png)\n**| 推荐阅读**\n\n# [\n青禾资本创始人：创业十年的五条经验](https://x/1)\n\n"
     "## [对话鹭羽科技创始人Tom\nBecker](https://x/2)\n\n[阿里发布通义](https://x/3)\n",
     "腾讯发布混元。", "related"),
    # … and in a copy that lost its links: short titles after the heading, in the article's last third
    ("腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。\n\n| 推荐阅读\n\n青禾资本创始人：创业十年的五条经验\n\n"
     "对话鹭羽科技创始人Tom Becker\n", "腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。", "related"),
    # a newsletter's subscription block ends the article; the post titles after it are no text
    ("腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。\n\nMemo: Signal, not noise!\n\n**订阅 Memo****Pro**\n"
     "青禾资本 CEO 林远：下一代助手的样子\n", "腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。", "end"),
    # a related-reading list run into one line
    ("腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。\n\n延伸阅读：1.[鹭羽科技完成融资](https://x/1)"
     "2.[北辰资本领投青禾](https://x/2)\n", "腾讯发布混元。\n\n混元在多项测试中领先。\n\n发布会上座无虚席。", "end"),
    ("腾讯发布混元。\n\n| 更多内容\n\n[和青禾创始人林远一起工作的一年](https://x/1)\n\n[鹭羽科技的十条经验](https://x/2)\n",
     "腾讯发布混元。", "related"),
    # a publication's course advert, a long paragraph naming universities it runs courses with
    ("腾讯发布混元。\n\n新时代来了，你准备好了吗？扫码参与青州名校AI人才培养计划，和青州大学、鹭岛理工学院的老师一起学习，"
     "课程名额有限，报名从速，错过就要再等一年，欢迎大家踊跃参加我们的课程，一起把握新的机会！\n\n发布会上座无虚席。\n",
     "腾讯发布混元。\n\n发布会上座无虚席。", "promo"),
    ("腾讯发布混元。\n\n参考链接：  \n[1]https://example.com/a  \n[2]https://example.com/b\n", "腾讯发布混元。", "references"),
    ("腾讯发布混元。\n\n## References\n\n1. Smith, A. A paper. 2024.\n2. Lee, B. Another paper. 2023.\n",
     "腾讯发布混元。", "references"),
    ("腾讯发布混元。\n\n![](https://x/a.png)\n\n图源：腾讯官网\n\n发布会上座无虚席。\n",
     "腾讯发布混元。\n\n发布会上座无虚席。", "caption"),
    ("腾讯发布混元。\n\n![](https://x/a.png)\n\n△ 发布会现场\n", "腾讯发布混元。", "caption"),
    ("腾讯发布混元。\n\n![](https://x/a.png)\n\n混元大模型的架构示意\n\n发布会上座无虚席。\n",
     "腾讯发布混元。\n\n发布会上座无虚席。", "caption-short"),
])
def test_boilerplate_rule(md, text, rule):
    art = read_markdown(md)
    assert art.text == text
    assert rule in {d[0] for d in art.dropped}


@pytest.mark.parametrize("md", [
    "腾讯发布混元。\n\n![](https://x/a.png)\n\n混元在多项测试中领先。\n",  # a sentence after an image stays
    "腾讯发布混元。\n\n![](https://x/a.png)\n\n**产品介绍**\n\n混元是一个模型。\n",  # a bold subheading stays
    "腾讯发布混元。\n\n![](https://x/a.png)\n\n主持人：\n",  # a speaker label stays
    "用户扫码即可在微信中体验腾讯的混元助手，无需下载任何应用，这是腾讯首次把大模型放进微信的小程序里面让大家都能够使用。\n",
])
def test_body_lines_are_kept(md):
    art = read_markdown(md)
    kept = md.replace("![](https://x/a.png)\n\n", "").replace("**", "").strip()
    assert art.text == kept


def test_byline_names_are_the_author_and_the_header_author_the_publication():
    art = read_markdown("# 标题\n\n文章作者: 示例科技\n\n##### 张三 李四 发自 凹非寺\n\n正文。\n")
    assert (art.author, art.publication, art.text) == ("张三、李四", "示例科技", "标题\n\n正文。")


@pytest.fixture
def user_boilerplate(tmp_path, monkeypatch):
    """Write a user's boilerplate file (name, rows) and point KG_BOILERPLATE at it; the rule cache is cleared around."""
    def write(name: str, rows: str):
        path = tmp_path / name
        path.write_text(rows, encoding="utf-8")
        monkeypatch.setenv("KG_BOILERPLATE", str(path))
        boilerplate_rules.cache_clear()
    yield write
    monkeypatch.delenv("KG_BOILERPLATE", raising=False)
    boilerplate_rules.cache_clear()


def test_users_add_boilerplate_rules(user_boilerplate):
    user_boilerplate("mine.tsv", "footer\tany\tcontains\t本文由示例赞助\n")
    assert text_of("腾讯发布混元。\n\n本文由示例赞助播出\n") == "腾讯发布混元。"


def test_a_bad_boilerplate_rule_says_where(user_boilerplate):
    user_boilerplate("bad.tsv", "footer\tsomewhere\tcontains\tx\n")
    with pytest.raises(kg.KgError, match=r"bad\.tsv:1:"):
        boilerplate_rules()


# ------------------------------------------------------------------------------------- a whole article

ARTICLE = """\
# 字节跳动发布豆包大模型

文章作者: 示例科技
发布时间: 2025-03-08 10:30
发布地: 北京
原文链接: https://example.com/news/42

封面图链接: https://img.example.com/cover/YicUhk5aAGtCib2UdBXSyG5Oh7w7/300

##### 张三 李四 发自 凹非寺  
示例科技 | 公众号 ExampleTech

**字节跳动**今天发布了[豆包大模型](https://example.com/doubao)，
该模型面向企业开放。

![](https://img.example.com/a/YicUhk5aAGtCib2UdBXSyG5Oh7w7faTicRJ/640?wx_fmt=png)

△ 发布会现场，图源：示例科技

百度创始人李彦宏宣布文心一言向全社会开放。  
腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。

The model was trained
on public data.

## 推荐阅读

  * [阿里巴巴发布通义千问](https://example.com/1)
  * [华为发布盘古大模型](https://example.com/2)

参考链接：  
[1]https://example.com/ref1  
[2]https://example.com/ref2

— 完 —

**点这里👇关注我，记得标星哦～**

**一键三连「分享」、「点赞」和「在看」**
"""

ARTICLE_TEXT = """\
字节跳动发布豆包大模型

字节跳动今天发布了豆包大模型，该模型面向企业开放。

百度创始人李彦宏宣布文心一言向全社会开放。
腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。

The model was trained on public data."""


@pytest.fixture(scope="module")
def article(tmp_path_factory):
    path = tmp_path_factory.mktemp("md") / "article.md"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_whole_article_text_and_metadata(article):
    doc = read_document(article)
    assert doc.text == ARTICLE_TEXT
    assert (doc.title, doc.author, doc.publication, doc.date, doc.url) == (
        "字节跳动发布豆包大模型", "张三、李四", "示例科技", "2025-03-08", "https://example.com/news/42")
    lines = ARTICLE.split("\n")
    for word in ("字节跳动发布", "该模型", "百度创始人", "腾讯 AI Lab", "on public"):
        assert word in lines[doc.source_line(doc.text.index(word)) - 1]


def test_whole_article_graph(article, tmp_path):
    assert main(["build", str(article), "--out", str(tmp_path), "-q"]) == 0
    data = json.loads((tmp_path / "graph.json").read_text(encoding="utf-8"))
    labels = {n["label"] for n in data["nodes"]} | {a for n in data["nodes"] for a in n["aliases"]}
    assert labels, "the article's entities were found"
    for junk in ("张三", "李四", "示例科技", "凹非寺", "ExampleTech", "阿里巴巴", "华为", "盘古"):
        assert not any(junk in x for x in labels), junk  # bylines, the related list and footers give nothing
    text = read_document(article).text
    evidence = [ev for e in data["edges"] for ev in e["evidence"]]
    assert evidence
    for ev in evidence:
        assert text[ev["start"]:ev["end"]] == ev["sentence"]
    founded = [e for e in data["edges"] if e["relation"] == "founded"]
    assert founded and all(e.get("date") == "2025-03-08" for e in founded)  # the article's date, as no sentence gives one
    assert data["graph"]["doc_meta"] == {"article": {
        "title": "字节跳动发布豆包大模型", "date": "2025-03-08", "url": "https://example.com/news/42",
        "author": "张三、李四", "publication": "示例科技", "source": "article.md"}}


# ----------------------------------------------------------------------------------------------- JSONL

def test_jsonl_markdown_text_goes_through_the_reader(tmp_path):
    path = tmp_path / "a.jsonl"
    records = [{"id": "m", "text": "# 标题\n\n**腾讯**发布了[混元](https://x)。\n", "author": "张三"},
               {"id": "f", "text": "腾讯*发布*混元", "format": "markdown"},
               {"id": "t", "text": "# 标题\n\n**腾讯**发布了[混元](https://x)。", "format": "text"}]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), encoding="utf-8")
    docs = {d.id: d for d in iter_documents([path])}
    assert (docs["m"].text, docs["m"].title, docs["m"].author) == ("标题\n\n腾讯发布了混元。", "标题", "张三")
    assert docs["f"].text == "腾讯发布混元"
    assert docs["t"].text == records[2]["text"] and docs["t"].source_map is None


@pytest.mark.parametrize("text, md", [
    ("# 标题\n\n正文里有[链接](https://x)。", True),
    ("![](https://x/a.png)\n\n**加粗**的正文。", True),
    ("腾讯发布混元。价格是 5*3 元。", False),
    ("C# 是一种语言。# 不是标题", False),
])
def test_looks_like_markdown(text, md):
    assert looks_like_markdown(text) is md


# ------------------------------------------------------------------------------- graph.json across runs

SECOND = "# 百度开放文心一言\n\n文章作者: 另一家媒体\n发布时间: 2025-04-01 09:00\n\n百度创始人李彦宏宣布文心一言向全社会开放。\n"


def test_update_keeps_the_old_documents_metadata(article, tmp_path):
    assert main(["build", str(article), "--out", str(tmp_path / "a"), "-q"]) == 0
    second = tmp_path / "in" / "second.md"
    second.parent.mkdir()
    second.write_text(SECOND, encoding="utf-8")
    assert main(["build", "--update", str(tmp_path / "a" / "graph.json"), str(second), "--out", str(tmp_path / "b"),
                 "-q"]) == 0
    meta = json.loads((tmp_path / "b" / "graph.json").read_text(encoding="utf-8"))["graph"]["doc_meta"]
    assert set(meta) == {"article", "second"}
    assert meta["article"]["author"] == "张三、李四"
    assert meta["second"] == {"title": "百度开放文心一言", "date": "2025-04-01", "author": "另一家媒体",
                              "source": "second.md"}


def test_two_workers_write_the_same_graph_json(article, tmp_path):
    from kg.pipeline import run

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.md").write_text(SECOND, encoding="utf-8")
    one, two = (run([folder], workers=n).graph.to_json() for n in (1, 2))
    assert one == two and '"doc_meta"' in one


def test_scraped_article_saved_as_text_is_read_like_markdown(tmp_path):
    from kg.ingest import read_document

    p = tmp_path / "a.txt"
    p.write_text("鹿鸣科技发布新模型\n\n文章作者: 科技观察\n发布时间: 2024-05-06 10:00\n原文链接: http://example.com/a\n\n"
                 "钟岳明 发自 凹非寺\n\n鹿鸣科技今天发布了新模型。\n\n点这里👇关注我，记得标星哦～\n", encoding="utf-8")
    d = read_document(p)
    assert d.title == "鹿鸣科技发布新模型" and d.date == "2024-05-06" and d.url == "http://example.com/a"
    assert "文章作者" not in d.text and "发自" not in d.text and "鹿鸣科技今天发布了新模型。" in d.text


def test_plain_text_without_an_article_header_stays_as_it_is(tmp_path):
    from kg.ingest import read_document

    text = "鹿鸣科技发布新模型\n2024-05-06 · 来源：科技观察\n\n鹿鸣科技今天发布了新模型。\n"
    p = tmp_path / "b.txt"
    p.write_text(text, encoding="utf-8")
    assert read_document(p).text == text


def test_text_article_that_starts_with_its_header_has_no_header_title(tmp_path):
    from kg.ingest import read_document

    p = tmp_path / "c.txt"
    p.write_text("文章作者: 科技观察\n发布时间: 2024-05-06 10:00\n\n鹿鸣科技今天发布了新模型。\n", encoding="utf-8")
    d = read_document(p)
    assert "文章作者" not in d.text and d.date == "2024-05-06" and "鹿鸣科技今天发布了新模型。" in d.text
