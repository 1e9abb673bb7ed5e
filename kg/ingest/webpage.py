"""An HTML page → its main text and metadata: trafilatura finds the article, the Markdown reader does the rest.

trafilatura (main-text extraction) drops navigation, sidebars, comments and page footers and gives the article as
Markdown with its title, date, url and author; that Markdown goes through :func:`kg.ingest.markdown.read_markdown`,
so a page's text follows the same rules as a ``.md`` article (title first, then paragraphs; bylines, footers,
related-reading and reference lists dropped). Pages whose visible text is shorter than trafilatura's own
``MIN_EXTRACTED_SIZE`` (it cannot tell an article from the rest there), and pages where it finds nothing, are read by
the plain visible-text parser of :mod:`kg.ingest.html`. The text does not map back to lines of the page
(``Document.source_map`` is ``()``).
"""
from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Optional

from ..types import Document
from .base import IngestFailure
from .html import _html_document
from .markdown import read_markdown
from .normalize import _head, find_date, normalize_text

log = logging.getLogger(__name__)

MIN_MAIN_CHARS = 250  # trafilatura's MIN_EXTRACTED_SIZE: below it, its "main text" is a fallback of its own
_HIDDEN = re.compile(r"(?is)<(noscript|template)\b.*?</\1\s*>")


def page_document(raw: str, doc_id: str, path: str) -> Document | IngestFailure:
    """An HTML page (decoded) as a Document."""
    visible, title, date, url = _html_document(raw)
    visible = normalize_text(visible)
    title = normalize_text(title).strip() or None if title else None
    main = _main_text(raw) if len(visible) >= MIN_MAIN_CHARS else None
    if main is not None:
        text, meta = main
        title = meta.get("title") or title
        fields = dict(title=title, date=meta.get("date") or date, url=meta.get("url") or url,
                      author=meta.get("author"), publication=meta.get("publication"))
    else:
        text, fields = visible, dict(title=title, date=date, url=url)
    if not text or text.isspace():
        return IngestFailure(path, "empty document")
    fields["date"] = fields["date"] or find_date(_head(text))
    return Document(id=doc_id, text=text, source=path, source_map=(), **fields)


def _main_text(raw: str) -> Optional[tuple[str, dict]]:
    """(text, metadata) of the page's main text, or None when trafilatura finds none."""
    trafilatura = _trafilatura()
    if trafilatura is None:
        return None
    try:
        doc = trafilatura.bare_extraction(
            _HIDDEN.sub("", raw), output_format="python", with_metadata=True, include_comments=False,
            include_tables=True, include_formatting=True, include_links=True, include_images=True,
            config=_config())
    except Exception as err:  # a page trafilatura cannot parse: the visible text is still there
        log.debug("trafilatura failed (%s); using the page's visible text", err)
        return None
    if doc is None:
        return None
    from trafilatura.xml import xmltotxt

    markdown = normalize_text(xmltotxt(doc.body, include_formatting=True) or "")
    if not markdown.strip():
        return None
    title = normalize_text(doc.title or "").strip()
    if title and not markdown.lstrip().startswith("# "):
        markdown = f"# {title}\n\n{markdown}"  # the title starts the text, as for a Markdown article
    art = read_markdown(markdown)
    meta = {"title": art.title or title or None, "date": find_date(doc.date or "") or art.date,
            "url": doc.url or art.url, "author": art.author or doc.author, "publication": art.publication}
    return art.text, meta


@lru_cache(maxsize=1)
def _trafilatura():
    try:
        import trafilatura
    except ImportError:
        log.warning("trafilatura is not installed: HTML pages are read whole (pip install trafilatura lxml_html_clean)")
        return None
    return trafilatura


@lru_cache(maxsize=1)
def _config():
    from copy import deepcopy

    from trafilatura.settings import DEFAULT_CONFIG

    config = deepcopy(DEFAULT_CONFIG)
    config["DEFAULT"]["EXTRACTION_TIMEOUT"] = "0"
    return config
