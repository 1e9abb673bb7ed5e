"""Read a generated page without a browser: its tags, attributes and embedded JSON blocks."""
from __future__ import annotations

import json
from html.parser import HTMLParser


class PageParser(HTMLParser):
    """Collects every start tag with its attributes, and the text of each <script> by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self._script: dict[str, str | None] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._text = dict(attrs), []

    def handle_data(self, data):
        if self._script is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._text)))
            self._script = None


def parse(page: str) -> PageParser:
    parser = PageParser()
    parser.feed(page)
    parser.close()
    return parser


def json_block(page: str, block_id: str):
    """The parsed JSON of ``<script type="application/json" id=block_id>``."""
    for attrs, text in parse(page).scripts:
        if attrs.get("id") == block_id:
            assert attrs.get("type") == "application/json"
            return json.loads(text)
    raise KeyError(block_id)
