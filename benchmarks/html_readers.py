"""Speed of kg's two HTML readers on pages made from real articles: trafilatura's main text + the Markdown reader
(what ``kg build`` uses for pages of 250+ visible characters) against the plain visible-text parser (its fallback).

    python benchmarks/html_readers.py --news ../shared/news [--pages 30] [--repeats 3]

Each page is an article of --news rendered to HTML by markdown-it-py, with a navigation bar, a sidebar of links and a
page footer around it (the boilerplate trafilatura is there to drop). Pages are made in memory; nothing is written.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

from markdown_it import MarkdownIt

from kg.ingest.html import _html_document
from kg.ingest.webpage import page_document

_NAV = ('<nav><ul><li><a href="/">首页</a></li><li><a href="/ai">人工智能</a></li><li><a href="/login">登录</a></li>'
        '</ul></nav><div class="sidebar"><h3>热门文章</h3><ul><li><a href="/1">某公司发布新品</a></li>'
        '<li><a href="/2">另一条新闻</a></li></ul></div>')
_FOOTER = "<footer><p>版权所有 © 2024 示例网站</p><p>联系我们 | 关于我们</p></footer>"


def pages(news: Path, n: int, seed: int) -> list[str]:
    files = sorted(f for f in news.rglob("*.md") if f.name.lower() != "readme.md")
    md = MarkdownIt("commonmark")
    out = []
    for f in random.Random(seed).sample(files, min(n, len(files))):
        src = f.read_text(encoding="utf-8")
        title = src.split("\n", 1)[0].lstrip("# ").strip()
        out.append(f"<html><head><meta charset='utf-8'><title>{title}</title></head><body>{_NAV}"
                   f"<article>{md.render(src)}</article>{_FOOTER}</body></html>")
    return out


def best(fn, items, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        for x in items:
            fn(x)
        times.append(time.perf_counter() - t)
    return min(times)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", type=Path, default=Path("../shared/news"))
    ap.add_argument("--pages", type=int, default=30)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args(argv)
    items = pages(args.news, args.pages, args.seed)
    size = sum(len(p.encode("utf-8")) for p in items)
    page_document(items[0], "warm", "warm.html")  # imports and configuration, not timed
    rows = [("trafilatura + Markdown reader", lambda p: page_document(p, "p", "p.html")),
            ("visible-text parser (fallback)", _html_document)]
    print(f"{len(items)} pages, {size / 2**20:.2f} MB of HTML, best of {args.repeats}")
    for name, fn in rows:
        secs = best(fn, items, args.repeats)
        print(f"  {name:<32} {secs * 1000 / len(items):7.1f} ms/page  {size / 2**20 / secs:6.2f} MB/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
