"""HTML pages: trafilatura's main text through the Markdown reader; small pages keep the visible-text parser."""
from __future__ import annotations

from kg.ingest import read_document

BODY = "".join(f"<p>{s}</p>" for s in [
    "字节跳动今天在北京发布了豆包大模型的新版本，新版本在推理速度和长文本理解上都有明显提升。",
    "百度创始人李彦宏宣布文心一言向全社会开放，企业和开发者可以通过云服务调用模型的全部能力。",
    "腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家，负责基础模型研发。",
    "分析人士认为，国内大模型厂商之间的竞争正在从参数规模转向应用落地和推理成本，价格战仍将持续。",
])
PAGE = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>豆包大模型发布 - 示例新闻网</title>
<meta property="og:title" content="豆包大模型发布">
<meta property="article:published_time" content="2025-03-08T10:30:00+08:00">
<link rel="canonical" href="https://news.example.com/a/42"></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/ai">人工智能频道</a></li><li><a href="/login">登录注册</a></li></ul></nav>
<aside><h3>热门文章</h3><ul><li><a href="/1">某手机厂商发布折叠屏新品</a></li><li><a href="/2">某车企季度销量创新高</a></li></ul></aside>
<article><h1>豆包大模型发布</h1><h5>张三 发自 凹非寺</h5>{BODY}</article>
<footer><p>版权所有 © 2025 示例新闻网 京ICP备00000000号</p><p>联系我们 | 关于我们</p></footer></body></html>"""


def test_page_main_text_without_navigation_sidebar_footer_or_byline(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert doc.text.startswith("豆包大模型发布\n\n字节跳动今天在北京发布了")
    assert "李彦宏宣布文心一言向全社会开放" in doc.text and doc.text.endswith("价格战仍将持续。")
    for junk in ("首页", "登录注册", "热门文章", "折叠屏", "版权所有", "联系我们", "发自"):
        assert junk not in doc.text, junk
    assert (doc.title, doc.date, doc.url, doc.author) == ("豆包大模型发布", "2025-03-08", "https://news.example.com/a/42", "张三")
    assert doc.source_map == () and doc.source_line(5) is None  # no map back to lines of a page


def test_small_page_keeps_the_visible_text_parser(tmp_path):
    path = tmp_path / "small.html"
    path.write_text("<html><head><title>短讯</title></head><body><nav>首页</nav><p>腾讯发布<b>混元</b>。</p></body></html>",
                    encoding="utf-8")
    doc = read_document(path)
    assert doc.text == "首页\n腾讯发布混元。" and doc.title == "短讯"
