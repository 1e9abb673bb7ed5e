"""Placeholder until the html branch lands: a minimal page."""
from __future__ import annotations

import html

from .._io import atomic_write_text


def generate_html(graph, *, title=None, max_nodes=None) -> str:
    items = "".join(f"<li>{html.escape(str(a.get('label', n)))}</li>" for n, a in graph.nodes(data=True))
    return f"<!doctype html><meta charset=utf-8><title>{html.escape(title or 'kg')}</title><ul>{items}</ul>"


def write_html(graph, path, *, title=None, max_nodes=None) -> None:
    atomic_write_text(path, generate_html(graph, title=title, max_nodes=max_nodes))
