"""The visible text of an HTML page (no script or style), with its title, date and canonical url."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import Optional

from .normalize import find_date

_SKIP = frozenset({"script", "style", "noscript", "template"})
_HEAD_OK = frozenset({"title", "meta", "link", "base", "style", "script", "noscript", "template", "head"})
_BLOCK = frozenset(
    "address article aside blockquote br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot tr ul".split()
)
_CELL = frozenset({"td", "th"})
_DATE_META = frozenset({
    "article:published_time", "og:published_time", "pubdate", "publishdate", "publish_date", "publish-date",
    "date", "dc.date", "dc.date.issued", "datepublished", "sailthru.date", "parsely-pub-date",
})
_CJK_BREAK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\s*\n\s*(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")
_SPACES = re.compile(r"[ \t\n\r\f\v\xa0]+")


class _HtmlText(HTMLParser):
    """Visible text of a page, with block elements on their own lines, plus title, date and canonical url."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title_parts: list[str] = []
        self.h1_parts: list[str] = []
        self.date: Optional[str] = None
        self.url: Optional[str] = None
        self._skip = 0
        self._in_head = False
        self._in_title = False
        self._in_h1 = False
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "head":
            self._in_head = True
        elif self._in_head and tag not in _HEAD_OK:
            self._in_head = False  # any body element ends an unclosed <head>
        if tag == "meta":
            key = (a.get("property") or a.get("name") or a.get("itemprop") or "").lower()
            if key in _DATE_META and self.date is None:
                self.date = find_date(a.get("content", ""))
            elif key == "og:url" and self.url is None:
                self.url = a.get("content") or None
        elif tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.url = a.get("href") or self.url
        elif tag == "title":
            self._in_title = True
        elif tag == "h1":
            self._in_h1 = True
        if tag in _SKIP:
            self._skip += 1
        elif tag == "pre":
            self._pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        elif tag in _CELL:
            self.parts.append("\t")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        self.handle_starttag(tag, attrs)
        if tag in _SKIP:
            self._skip -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "head":
            self._in_head = False
        elif tag == "title":
            self._in_title = False
        elif tag == "h1":
            self._in_h1 = False
        if tag in _SKIP and self._skip:
            self._skip -= 1
        elif tag == "pre" and self._pre:
            self._pre -= 1
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title_parts.append(data)
            return
        if self._skip or self._in_head:
            return
        if self._in_h1:
            self.h1_parts.append(data)
        if not self._pre:
            data = _SPACES.sub(" ", _CJK_BREAK.sub("", data))
        self.parts.append(data)

    def text(self) -> str:
        lines = (line.strip(" ") for line in "".join(self.parts).split("\n"))
        return "\n".join(line for line in lines if line.strip())


def _html_document(raw: str) -> tuple[str, Optional[str], Optional[str], Optional[str]]:
    """(text, title, date, url) of an HTML page."""
    parser = _HtmlText()
    parser.feed(raw)
    parser.close()
    title = _SPACES.sub(" ", "".join(parser.title_parts or parser.h1_parts)).strip() or None
    return parser.text(), title, parser.date, parser.url
