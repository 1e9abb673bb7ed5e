"""A Markdown article → what a reader sees, its metadata, and a map from that text back to source lines.

Parsed with markdown-it-py (CommonMark). The title line (``# …``) and the header lines after it (``文章作者:``,
``发布时间:``, ``原文链接:`` …; keys in ``kg/resources/article_header.tsv``) become metadata; the text is the title, a
blank line, then the body: images dropped, link text kept and targets dropped, emphasis and heading markers dropped,
hard line breaks kept, soft-wrapped lines joined (no space between two CJK characters), paragraphs separated by a
blank line, list items one per line, code and HTML blocks dropped. Bylines, follow/share footers, related-reading and
reference lists and image captions are dropped too (:mod:`kg.ingest.boilerplate`).

>>> art = read_markdown("# 标题\\n\\n作者: 张三\\n\\n腾讯**发布**了\\n混元。![](x.png)\\n\\n- [豆包](https://x)\\n- 元宝\\n")
>>> art.text, art.title, art.author
('标题\\n\\n腾讯发布了混元。\\n\\n豆包\\n元宝', '标题', '张三')
>>> [source_line(art.source_map, art.text.index(w)) for w in ("标题", "混元", "元宝")]
[1, 6, 9]
"""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional, Sequence

from ..types import Document, source_line  # noqa: F401 - source_line: for users of source_map, and the doctest
from .base import IngestFailure
from .boilerplate import Line, find_boilerplate
from .normalize import _head, find_date

# A map from text offsets to 1-based source lines: ((text_start, source_line), ...) sorted by text_start.
SourceMap = tuple[tuple[int, int], ...]

TITLE_MAX_LEVEL = 3  # a first heading of level 1-3 is the title (a level-5 first line is a byline, in WeChat copies)
_HEADER_LINE = re.compile(r"^\s*([^:：\s][^:：]{0,15}?)\s*[:：]\s*(.*?)\s*$")
_STARS = re.compile(r"\*{2,}")  # emphasis markers CommonMark could not pair (**Founder Park****：**) stay text
_FRONT_MATTER = re.compile(r"^---[ \t]*$")
_MARKDOWN_SIGNS = re.compile(r"^#{1,6} \S|!\[[^\]\n]*\]\(|\]\((?:https?://|/|\.)|\*\*\S[^*\n]*\*\*|^\s*[-*+] \S|^> ",
                             re.M)


@dataclass(frozen=True)
class MarkdownArticle:
    """What :func:`read_markdown` makes of one article.

    ``dropped`` holds ``(rule, source line, text)`` for each line left out: header, image, code, html, byline,
    footer, end, related, references, caption (a caption phrase), caption-short (a short line after an image).
    """

    text: str
    title: Optional[str] = None
    author: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    publication: Optional[str] = None
    source_map: SourceMap = ()
    dropped: tuple[tuple[str, int, str], ...] = field(default=(), repr=False)


def looks_like_markdown(text: str) -> bool:
    """At least two Markdown signs (headings, images, links, bold, list items, quotes) in the first 20,000 chars."""
    signs = 0
    for _ in _MARKDOWN_SIGNS.finditer(text[:20_000]):
        signs += 1
        if signs >= 2:
            return True
    return False


def has_article_header(text: str) -> bool:
    """A scraped article saved as plain text: two or more known header lines (文章作者:, 发布时间:, 原文链接: …)
    among its first lines. Such a text is read like a Markdown article (header, bylines and footers dropped)."""
    lines = [ln for ln in text[:3000].split("\n") if ln.strip()][:12]
    return sum(1 for ln in lines if is_header_line(ln)) >= 2


def is_header_line(line: str) -> bool:
    """``文章作者: 量子位``: a known header key, a colon, a value."""
    m = _HEADER_LINE.match(line)
    return bool(m) and m[1].lower() in _header_keys()


def read_markdown(source: str) -> MarkdownArticle:
    """Text, metadata and source map of a Markdown article (``source`` already decoded and normalised)."""
    src_lines = source.split("\n")
    meta: dict[str, str] = {}
    dropped: list[tuple[str, int, str]] = []
    body_start = _front_matter(src_lines, meta, dropped)
    if body_start:  # blank the front matter out, so that markdown-it's line numbers stay the source's
        source = "\n" * body_start + "\n".join(src_lines[body_start:])
    reader = _Reader()
    reader.walk(_parser().parse(source), 0)
    lines = reader.lines
    title, title_line, i = None, None, 0
    if lines and 1 <= lines[0].heading <= TITLE_MAX_LEVEL and lines[0].text:
        title, title_line, i = lines[0].text, lines[0].line, 1
    while i < len(lines):  # header blocks right after the title: every line "key: value" with a known key
        first, end = reader.blocks[lines[i].block]
        fields = _header_fields(src_lines[first:end])
        if fields is None:
            break
        for (key, value), n in zip(fields, range(first + 1, end + 1)):
            if value:
                meta.setdefault(key, value)
            dropped.append(("header", n, src_lines[n - 1].strip()))
        block = lines[i].block
        while i < len(lines) and lines[i].block == block:
            i += 1
    body = lines[i:]
    bp = find_boilerplate(body)
    for ln, why in zip(body, bp.drops):
        if why is not None:
            rule = "caption-short" if why.rule == "caption" and not why.pattern else why.rule
            dropped.append((rule, ln.line, ln.text or "[image]"))
        elif ln.image:
            dropped.append(("image", ln.line, ""))
    dropped += reader.dropped
    title = title or meta.get("title")
    text, smap = _assemble(title, title_line, [ln for ln, why in zip(body, bp.drops) if why is None and ln.text])
    author = meta.get("author")
    publication = meta.get("publication")
    if bp.authors:  # a byline names the writers: the header's author is then the publication (a WeChat account)
        if author and author not in bp.authors and not publication:
            publication = author
        author = "、".join(bp.authors)
    date = find_date(meta["date"]) if meta.get("date") else None
    return MarkdownArticle(text, title or None, author or None, date, meta.get("url") or None, publication or None,
                           smap, tuple(sorted(dropped, key=lambda d: d[1])))


def markdown_document(source: str, doc_id: str, path: str, **meta) -> Document | IngestFailure:
    """A Markdown article (already normalised) as a Document. ``meta`` (title, date, url, author, publication: a
    JSONL record's own fields) wins over what the article's header says."""
    art = read_markdown(source)
    if not art.text or art.text.isspace():
        return IngestFailure(path, "empty document (no text outside markup and boilerplate)")
    fields = {k: meta.get(k) or getattr(art, k) for k in ("title", "author", "date", "url", "publication")}
    fields["date"] = fields["date"] or find_date(_head(art.text))
    return Document(id=doc_id, text=art.text, source=path, source_map=art.source_map, **fields)


@lru_cache(maxsize=1)
def _parser():
    try:
        from markdown_it import MarkdownIt
    except ImportError:  # pragma: no cover - a dependency of kg
        from ..errors import KgError

        raise KgError("reading .md files needs markdown-it-py: pip install markdown-it-py") from None
    return MarkdownIt("commonmark")


@lru_cache(maxsize=1)
def _header_keys() -> dict[str, str]:
    import os
    from pathlib import Path

    from ..errors import ResourceError
    from ..resources_data import RESOURCES, read_rows

    fields = ("title", "author", "date", "url", "publication", "ignore")
    out: dict[str, str] = {}
    paths = [RESOURCES / "article_header.tsv"]
    paths += [Path(p) for p in os.environ.get("KG_ARTICLE_HEADER", "").split(os.pathsep) if p]
    for path in paths:
        for n, (key, fld, *_) in read_rows(path, 2):
            if fld not in fields:
                raise ResourceError(f"{path}:{n}: unknown field {fld!r}; use one of {', '.join(fields)}")
            out[key.lower()] = fld
    return out


def _header_fields(lines: Sequence[str]) -> Optional[list[tuple[str, str]]]:
    """(field, value) of each line when every line is a known ``key: value`` header line; else None."""
    keys = _header_keys()
    out = []
    for line in lines:
        m = _HEADER_LINE.match(line)
        if not m or m[1].lower() not in keys:
            return None
        out.append((keys[m[1].lower()], m[2]))
    return out or None


def _front_matter(src_lines: list[str], meta: dict, dropped: list) -> int:
    """A ``---`` … ``---`` block at the very top: its known keys go into ``meta``; returns the first body line."""
    if not src_lines or not _FRONT_MATTER.match(src_lines[0]):
        return 0
    for end in range(1, min(len(src_lines), 100)):
        if _FRONT_MATTER.match(src_lines[end]):
            break
    else:
        return 0
    keys = _header_keys()
    for n in range(1, end):
        m = _HEADER_LINE.match(src_lines[n])
        if m and m[1].lower() in keys and m[2]:
            meta.setdefault(keys[m[1].lower()], m[2].strip("'\""))
    dropped.extend(("header", n + 1, src_lines[n].strip()) for n in range(end + 1))
    return end + 1


def _assemble(title: Optional[str], title_line: Optional[int], kept: list[Line]) -> tuple[str, SourceMap]:
    parts: list[str] = []
    smap: list[tuple[int, int]] = []
    pos = 0
    if title:
        parts.append(title)
        smap.append((0, title_line or 1))
        pos = len(title)
    prev: Optional[Line] = None
    for ln in kept:
        if parts:
            sep = "\n" if prev is not None and ln.block == prev.block else "\n\n"
            parts.append(sep)
            pos += len(sep)
        smap.append((pos, ln.line))
        smap.extend((pos + off, n) for off, n in ln.marks)
        parts.append(ln.text)
        pos += len(ln.text)
        prev = ln
    return "".join(parts), tuple(smap)


# ------------------------------------------------------------------------------------------------ rendering

def _wide(ch: str) -> bool:
    """CJK characters and full-width punctuation: no space where a soft break joins two of them."""
    o = ord(ch)
    return (0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or 0x3000 <= o <= 0x303F
            or 0x20000 <= o <= 0x2FFFF or ch in "“”‘’…—·")


def _prose(code: str) -> bool:
    """Code spans and indented blocks that are Chinese prose (a quote set in backticks, an indented list)."""
    chars = [c for c in code if not c.isspace()]
    return bool(chars) and sum(_wide(c) for c in chars) >= 0.3 * len(chars)


class _LineAcc:
    """One line being built from inline tokens."""

    __slots__ = ("parts", "length", "tail", "marks", "line", "image", "image_first", "link_chars", "other_chars",
                 "plain_chars", "pending")

    def __init__(self, line: int):
        self.parts: list[str] = []
        self.length = 0
        self.tail = ""  # the last two visible characters so far
        self.marks: list[tuple[int, int]] = []  # (offset in the line, source line) after each soft break
        self.line = line
        self.image = self.image_first = False
        self.link_chars = self.other_chars = self.plain_chars = 0  # visible chars: in links, not, not emphasised
        self.pending: Optional[int] = None  # the source line after a soft break not yet joined

    def add(self, s: str, in_link: bool, emphasis: bool = False) -> None:
        if not s:
            return
        if self.pending is not None and self.tail:
            a, b = self.tail[-1], s.lstrip()[:1] or " "
            hyphen = a == "-" and len(self.tail) == 2 and self.tail[0].isalnum() and b.isalnum()
            joiner = "" if (_wide(a) and _wide(b)) or hyphen or self.parts[-1][-1:].isspace() else " "
            self.parts.append(joiner)
            self.length += len(joiner)
            self.marks.append((self.length, self.pending))
        elif not self.tail and self.image and s.strip():
            self.image_first = True
        self.pending = None
        self.parts.append(s)
        self.length += len(s)
        visible = s.rstrip()
        if visible:
            self.tail = (self.tail + visible)[-2:]
        n = len(s) - s.count(" ")
        if not emphasis:
            self.plain_chars += n
        if in_link:
            self.link_chars += n
        else:
            self.other_chars += n

    def text(self) -> tuple[str, tuple[tuple[int, int], ...]]:
        raw = "".join(self.parts)
        lead = len(raw) - len(raw.lstrip())
        text = raw.strip()
        marks = tuple((off - lead, n) for off, n in self.marks if 0 < off - lead < len(text))
        return text, marks


class _Reader:
    """Walks markdown-it's block tokens and renders each paragraph, heading and list item into :class:`Line`."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.blocks: dict[int, tuple[int, int]] = {}  # block -> its 0-based source lines [first, end)
        self.dropped: list[tuple[str, int, str]] = []

    def walk(self, tokens, offset: int) -> None:
        heading = items = lists = 0
        group = 0  # the first source line of the outermost list: its items are one block, one item a line
        for t in tokens:
            typ = t.type
            if typ in ("bullet_list_open", "ordered_list_open"):
                if not lists:
                    group = t.map[0] + offset + 1
                lists += 1
            elif typ in ("bullet_list_close", "ordered_list_close"):
                lists -= 1
            elif typ == "heading_open":
                heading = int(t.tag[1])
            elif typ == "heading_close":
                heading = 0
            elif typ == "list_item_open":
                items += 1
            elif typ == "list_item_close":
                items -= 1
            elif typ == "inline":
                self._inline(t, t.map[0] + offset, t.map[1] + offset, heading, items > 0, group if lists else 0)
            elif typ == "code_block" and _prose(t.content):
                # an indented block of Chinese prose (often an indented list), not code: read it as Markdown
                self.walk(_parser().parse(textwrap.dedent(t.content)), t.map[0] + offset)
            elif typ in ("code_block", "fence", "html_block"):
                first = t.map[0] + offset if t.map else 0
                kind = "html" if typ == "html_block" else "code"
                self.dropped.append((kind, first + 1, t.content.strip().split("\n")[0][:80]))

    def _inline(self, tok, first: int, end: int, heading: int, item: bool, group: int) -> None:
        self.blocks.setdefault(first + 1, (first, end))
        block = group or first + 1
        src = first + 1
        acc = _LineAcc(src)
        in_link = emphasis = 0
        for ch in tok.children or ():
            typ = ch.type
            if typ == "text":
                acc.add(_STARS.sub("", ch.content), in_link > 0, emphasis > 0)
            elif typ in ("strong_open", "em_open"):
                emphasis += 1
            elif typ in ("strong_close", "em_close"):
                emphasis -= 1
            elif typ == "softbreak":
                src += 1
                acc.pending = src
            elif typ == "hardbreak":
                src += 1
                self._line(acc, heading, item, block)
                acc = _LineAcc(src)
            elif typ == "image":
                acc.image = True
            elif typ == "link_open":
                in_link += 1
            elif typ == "link_close":
                in_link -= 1
            elif typ == "code_inline":
                if _prose(ch.content):
                    acc.add(ch.content, in_link > 0, emphasis > 0)
                else:
                    self.dropped.append(("code", src, ch.content[:80]))
            elif typ == "html_inline":
                self.dropped.append(("html", src, ch.content[:80]))
        self._line(acc, heading, item, block)

    def _line(self, acc: _LineAcc, heading: int, item: bool, block: int) -> None:
        text, marks = acc.text()
        if not text and not acc.image:
            return
        links = bool(text) and acc.link_chars > 0 and acc.other_chars <= 2
        emphasis = bool(text) and acc.plain_chars == 0
        self.lines.append(Line(text, acc.line, heading, item, acc.image and not text, acc.image_first and bool(text),
                               links, emphasis, block, marks))
