"""Interactive HTML view of a knowledge graph: one self-contained, offline page built with pyvis.

The page is rendered by pyvis's :meth:`Network.generate_html` through kg's own Jinja template
(``assets/graph.html.j2``), which inlines vis-network from the installed pyvis package and kg's own
JavaScript and CSS (``SCRIPTS``, joined into one inline script). Nothing is fetched from the network when
the page opens. What the page holds is decided in :mod:`kg.export.page_data`; which of it a view draws (entities
with relations first, one document or publication, a date range, a neighbourhood) in ``assets/views.js``.

Everything that comes from news text (entity names, aliases, sentences, document ids and titles) reaches the
page only as JSON inside ``<script type="application/json">`` with ``<``, ``>`` and ``&`` escaped,
and the page's script puts it into the DOM with ``textContent``. A Content-Security-Policy allows
only kg's own inline scripts (by hash), so injected markup cannot run even if it were parsed.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("e1", label="腾讯", type="COMPANY", aliases=["Tencent"], mentions=3, docs=["d1"])
>>> g.add_node("e2", label="混元", type="MODEL", aliases=[], mentions=2, docs=["d1"])
>>> _ = g.add_edge("e1", "e2", relation="develops", label="研发", confidence=0.9, evidence=[])
>>> page = generate_html(g, title="示例")
>>> page.startswith("<!DOCTYPE html>") and "示例" in page
True
"""
from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..errors import KgError
from ..schema import ENTITY_LABELS
from .page_data import page_data, select_edges, select_nodes
from .style import EDGE_COLOR, type_style

__all__ = ["generate_html", "write_html", "page_data", "select_nodes", "select_edges", "script_json"]

logger = logging.getLogger(__name__)

ASSETS = Path(__file__).with_name("assets")
TEMPLATE = "graph.html.j2"
SCRIPTS = ("dom.js", "views.js", "panel.js", "graph.js")  # kg's own code, in this order, as one inline script
VIS_VERSION = "vis-9.1.2"
FONT_FACE = '"Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "WenQuanYi Zen Hei", sans-serif'

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def generate_html(graph, *, title: str | None = None, max_nodes: int | None = None,
                  max_edges: int | None = None) -> str:
    """Return the interactive page for ``graph`` (a graph.json-shaped ``networkx.MultiDiGraph``) as a string.

    ``max_nodes`` keeps only the N most connected entities in the page (by degree, then mentions, then
    id); ``max_edges`` keeps only the N most confident of their relations (then those with the most evidence,
    then graph order). The page says how many entities and relations it leaves out. The graph itself is not
    changed.
    """
    for name, value in (("max_nodes", max_nodes), ("max_edges", max_edges)):
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
            what = "entities" if name == "max_nodes" else "relations"
            raise KgError(f"{name} must be a positive whole number of {what} to show, not {value!r}")
    data = page_data(graph, title=title, max_nodes=max_nodes, max_edges=max_edges)
    if data["stats"]["hidden_entities"] or data["stats"]["hidden_relations"]:
        logger.info("HTML page shows %(shown_entities)d of %(entities)d entities and %(shown_relations)d of "
                    "%(relations)d relations (graph.json keeps them all)", data["stats"])
    net = _network(data)
    return net.generate_html()


def write_html(graph, path, *, title: str | None = None, max_nodes: int | None = None,
               max_edges: int | None = None) -> None:
    """Write the page for ``graph`` to ``path`` as UTF-8, atomically (a temporary file, then ``os.replace``)."""
    page = generate_html(graph, title=title, max_nodes=max_nodes, max_edges=max_edges)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(page.encode("utf-8"))
        os.chmod(tmp, path.stat().st_mode & 0o777 if path.exists() else 0o644)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# ---------------------------------------------------------------------------------------------- pyvis


def _network(data: dict[str, Any]):
    from jinja2 import Environment, FileSystemLoader
    from markupsafe import Markup
    from pyvis.network import Network

    large = data["large"]
    net = Network(height="100%", width="100%", directed=True, heading=data["title"], cdn_resources="in_line")
    # Assign the lists once: pyvis's add_node/add_edge are quadratic, and from_nx mutates its input.
    net.nodes = _vis_nodes(data)
    net.edges = _vis_edges(data["relations"], large=large)
    net.node_ids = [n["id"] for n in net.nodes]
    net.node_map = {n["id"]: n for n in net.nodes}
    net.options = _vis_options(large=large, nodes=len(net.nodes))

    vis_js, vis_css = _vis_assets()
    kg_js = "\n".join(_read_asset(name) for name in SCRIPTS)
    scripts = [_inline(vis_js, "script"), _inline(kg_js, "script")]
    env = Environment(loader=FileSystemLoader(str(ASSETS)), autoescape=True, keep_trailing_newline=True)
    env.filters["script_json"] = lambda value: Markup(script_json(value))
    env.globals.update(
        vis_js=Markup(scripts[0]),
        kg_js=Markup(scripts[1]),
        vis_css=Markup(_inline(vis_css, "style")),
        kg_css=Markup(_inline(_read_asset("graph.css"), "style")),
        csp=_csp(scripts),
        kg_data=data,
        kg_options=net.options,
    )
    net.templateEnv = env
    net.path = TEMPLATE
    return net


def _vis_nodes(data: dict[str, Any]) -> list[dict[str, Any]]:
    nodes = []
    for e in data["entities"].values():
        shape, color = type_style(e["type"])
        tooltip = f"{e['label']}（{ENTITY_LABELS.get(e['type'], e['type'])}）"
        if e["aliases"]:
            tooltip += "\n别名：" + "、".join(e["aliases"][:8])
        tooltip += f"\n提及 {e['mentions']} 次 · {e['degree']} 条关系"
        nodes.append({
            "id": e["id"],
            "label": e["label"],
            "type": e["type"],
            "shape": shape,
            "color": {"background": color, "border": color,
                      "highlight": {"background": color, "border": "#222222"},
                      "hover": {"background": color, "border": "#222222"}},
            "value": e["mentions"] or e["degree"] or 1,  # size by mentions (the page can switch to degree)
            "title": tooltip,  # vis-network 9 shows string titles with innerText
        })
    return nodes


def _vis_edges(relations: list[dict[str, Any]], *, large: bool) -> list[dict[str, Any]]:
    by_pair: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for r in relations:
        by_pair[tuple(sorted((r["source"], r["target"])))].append(r)
    curve: dict[str, dict[str, Any]] = {}
    for (a, _b), group in by_pair.items():
        if len(group) < 2:
            continue
        for k, r in enumerate(group):
            side = 1 if k % 2 == 0 else -1
            if r["source"] != a:
                side = -side
            curve[r["id"]] = {"enabled": True, "type": "curvedCW" if side > 0 else "curvedCCW",
                              "roundness": round(0.2 * (k // 2 + 1), 2)}
    edges = []
    for r in relations:
        parts = [r["label"]] + [p for p in (r["role"], r["date"]) if p]
        tip = f"{r['label']}（{r['relation']}）"
        if r["role"]:
            tip += f"\n职务：{r['role']}"
        if r["date"]:
            tip += f"\n时间：{r['date']}"
        tip += f"\n证据 {r['evidence_total']} 句 · 置信度 {r['confidence']:.2f}"
        edge = {
            "id": r["id"],
            "from": r["source"],
            "to": r["target"],
            "relation": r["relation"],
            "label": " · ".join(parts),
            "title": tip,
            "arrows": {"to": {"enabled": not r["symmetric"], "scaleFactor": 0.6}},
            "dashes": r["symmetric"],
        }
        if r["id"] in curve:
            edge["smooth"] = curve[r["id"]]
        edges.append(edge)
    return edges


def _vis_options(*, large: bool, nodes: int) -> dict[str, Any]:
    return {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": not large},
        "nodes": {
            "scaling": {"min": 8 if large else 12, "max": 32 if large else 40,
                        # labels under 7 px on screen are not drawn; the page raises "max" so that the
                        # largest nodes' labels are readable at the first zoom (graph.js, readableHubs)
                        "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 8}},
            "font": {"face": FONT_FACE, "size": 14, "color": "#1F2933", "strokeWidth": 3, "strokeColor": "#FFFFFF"},
            "borderWidth": 1,
            "borderWidthSelected": 3,
        },
        "edges": {
            "color": {"color": EDGE_COLOR, "highlight": "#D1495B", "hover": "#5B6770", "inherit": False},
            "font": {"face": FONT_FACE, "size": 12, "color": "#52606D", "strokeWidth": 3,
                     "strokeColor": "#FFFFFF", "align": "horizontal"},
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "scaling": {"label": {"drawThreshold": 8}},  # edge labels appear once zoomed in (12 px at scale 0.6)
            "width": 1.2,
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            # theta 1.0 halves the Barnes-Hut cost at 2,000 nodes; small batches keep the page responsive
            # small graphs: components held close enough that the first zoom shows the hubs' labels
            "barnesHut": {"gravitationalConstant": -6000 if large else -3000, "centralGravity": 0.25 if large else 0.8,
                          "springLength": 110 if large else 100, "springConstant": 0.04,
                          "damping": 0.2, "avoidOverlap": 0 if large else 0.1, "theta": 1.0 if large else 0.5},
            "stabilization": {"enabled": True, "iterations": 200 if large else 800,
                              "updateInterval": 5 if large else 25, "fit": True},
            "minVelocity": 1.0,
        },
        "interaction": {"hover": not large, "tooltipDelay": 150, "hideEdgesOnDrag": large, "hideEdgesOnZoom": large,
                        "navigationButtons": False, "keyboard": False, "multiselect": False},
    }


# ---------------------------------------------------------------------------------------------- assets


def _vis_assets() -> tuple[str, str]:
    import pyvis

    lib = Path(pyvis.__file__).parent / "templates" / "lib" / VIS_VERSION
    try:
        return (lib / "vis-network.min.js").read_text(encoding="utf-8"), (lib / "vis-network.css").read_text(encoding="utf-8")
    except OSError as err:
        raise KgError(
            f"vis-network is missing from the installed pyvis ({lib}): reinstall it with "
            f"`pip install --force-reinstall 'pyvis==0.3.2'` ({err})"
        ) from err


def _read_asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _inline(code: str, tag: str) -> str:
    """Code safe to put between <tag> and </tag>: a closing tag inside it would end the element early."""
    return code.replace(f"</{tag}", f"<\\/{tag}").replace(f"</{tag.upper()}", f"<\\/{tag.upper()}")


def _csp(scripts: Iterable[str]) -> str:
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode("ascii") + "'" for s in scripts
    )
    return (f"default-src 'none'; script-src {hashes}; style-src 'unsafe-inline'; img-src data:; font-src data:; "
            "connect-src 'none'; base-uri 'none'; form-action 'none'")


def script_json(value: Any) -> str:
    """JSON for a ``<script type="application/json">`` element: ``<``, ``>``, ``&`` escaped as ``\\u003c`` etc.

    >>> script_json({"name": "</script><b>"})
    '{"name":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escaped in _JSON_ESCAPES.items():
        text = text.replace(char, escaped)
    return text
