"""Interactive HTML view of a knowledge graph: one self-contained, offline page built with pyvis.

The page is rendered by pyvis's :meth:`Network.generate_html` through kg's own Jinja template
(``assets/graph.html.j2``), which inlines vis-network from the installed pyvis package and kg's own
JavaScript and CSS. Nothing is fetched from the network when the page opens.

Everything that comes from news text (entity names, aliases, sentences, document ids) reaches the
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
import heapq
import json
import logging
import math
import os
import tempfile
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any, Iterable

from ..errors import KgError
from ..schema import ENTITY_LABELS, ENTITY_TYPES, RELATIONS
from .style import EDGE_COLOR, type_style

logger = logging.getLogger(__name__)

ASSETS = Path(__file__).with_name("assets")
TEMPLATE = "graph.html.j2"
VIS_VERSION = "vis-9.1.2"
DEFAULT_TITLE = "知识图谱"
PAGE_DOCS = 20  # document ids listed per entity in the page (graph.json lists them all)
PAGE_EVIDENCE = 5  # sentences per relation in the page (graph.json keeps up to 20)
LARGE_GRAPH_NODES = 300  # from here on: no curved edges, fewer layout iterations, no improved layout

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


# ---------------------------------------------------------------------------------------------- data


def select_nodes(graph, max_nodes: int | None) -> list:
    """The node ids the page shows: all of them, or the ``max_nodes`` most connected ones.

    Ranked by degree (all edges, both directions), then mentions, then id; returned in graph order.
    """
    nodes = list(graph.nodes)
    if max_nodes is None or max_nodes >= len(nodes):
        return nodes
    ranked = sorted(nodes, key=lambda n: (-graph.degree(n), -_int(graph.nodes[n].get("mentions")), str(n)))
    keep = set(ranked[:max_nodes])
    return [n for n in nodes if n in keep]


def select_edges(graph, shown: Iterable, max_edges: int | None) -> list:
    """``(u, v, attributes)`` of the relations the page shows, in graph order: those between ``shown`` entities,
    all of them or the ``max_edges`` most confident (then most evidence, then graph order). Only the kept ones
    are held, whatever the number of relations."""
    shown_set = set(shown)
    edges = ((u, v, d) for u in graph if u in shown_set
             for v, kd in graph.adj[u].items() if v in shown_set for d in kd.values())
    if max_edges is None:
        return list(edges)
    best = heapq.nsmallest(max_edges, enumerate(edges), key=lambda x: (
        -_float(x[1][2].get("confidence")), -len(x[1][2].get("evidence") or ()), x[0]))
    return [e for _, e in sorted(best, key=lambda x: x[0])]


def page_data(graph, *, title: str | None = None, max_nodes: int | None = None,
              max_edges: int | None = None) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-ready values; ``graph`` is only read."""
    shown = select_nodes(graph, max_nodes)
    n_edges = graph.number_of_edges()
    edges_in = select_edges(graph, shown, max_edges)
    degree = Counter(n for u, v, _d in edges_in for n in (u, v))
    entities = {
        str(n): {
            "id": str(n),
            "label": _text(a.get("label")) or str(n),
            "type": str(a.get("type") or "UNKNOWN"),
            "aliases": _str_list(a.get("aliases")),
            "mentions": _int(a.get("mentions")),
            **_capped("docs", _str_list(a.get("docs")), PAGE_DOCS),
            "degree": degree[n],
        }
        for n, a in ((n, graph.nodes[n]) for n in shown)
    }
    relations = []
    for i, (u, v, d) in enumerate(edges_in):
        rel = str(d.get("relation") or "")
        spec = RELATIONS.get(rel)
        relations.append({
            "id": f"e{i}", "source": str(u), "target": str(v), "relation": rel,
            "label": _text(d.get("label")) or (spec.label if spec else rel),
            "symmetric": bool(spec and spec.symmetric),
            "confidence": _float(d.get("confidence")),
            "role": _text(d.get("role")),
            "date": _text(d.get("date")),
            **_capped("evidence", _evidence(d.get("evidence")), PAGE_EVIDENCE),
        })
    total = graph.number_of_nodes()
    return {
        "title": _text(title) or _text(graph.graph.get("name")) or DEFAULT_TITLE,
        "stats": {
            "documents": _document_count(graph), "entities": total, "relations": n_edges,
            "shown_entities": len(shown), "shown_relations": len(relations),
            "hidden_entities": total - len(shown), "hidden_relations": n_edges - len(relations),
            "max_nodes": max_nodes, "max_edges": max_edges,
        },
        **_legend(entities, relations),
        "entities": entities,
        "relations": relations,
        "large": len(shown) >= LARGE_GRAPH_NODES,
    }


def _capped(name: str, items: list, limit: int) -> dict[str, Any]:
    """``{name: the first `limit` items, name_total: how many there are}``: a 10,000-document graph's page
    was 42 MB, a quarter of it the document lists of its most mentioned entities."""
    return {name: items[:limit], f"{name}_total": len(items)}


def _legend(entities: dict[str, dict[str, Any]], relations: list[dict[str, Any]]) -> dict[str, list]:
    """Entity types and relation types present, in schema order (unknown ones last), with counts."""
    type_counts = Counter(e["type"] for e in entities.values())
    rel_counts = Counter(r["relation"] for r in relations)
    rel_labels = {r["relation"]: r["label"] for r in relations}
    types = [t for t in ENTITY_TYPES if t in type_counts] + sorted(set(type_counts) - set(ENTITY_TYPES))
    rels = [r for r in RELATIONS if r in rel_counts] + sorted(set(rel_counts) - set(RELATIONS))
    return {
        "types": [{"id": t, "label": ENTITY_LABELS.get(t, t), "shape": type_style(t)[0], "color": type_style(t)[1],
                   "count": type_counts[t]} for t in types],
        "relation_types": [{"id": r, "label": RELATIONS[r].label if r in RELATIONS else rel_labels[r],
                            "symmetric": bool(r in RELATIONS and RELATIONS[r].symmetric), "count": rel_counts[r]}
                           for r in rels],
    }


def _document_count(graph) -> int:
    declared = graph.graph.get("documents")
    if isinstance(declared, bool):
        declared = None
    if isinstance(declared, int):
        return declared
    if isinstance(declared, (list, tuple, set, frozenset, dict)):
        return len(declared)
    docs: set[str] = set()
    for _n, attrs in graph.nodes(data=True):
        docs.update(_str_list(attrs.get("docs")))
    for _u, _v, attrs in graph.edges(data=True):
        docs.update(ev["doc"] for ev in _evidence(attrs.get("evidence")) if ev["doc"])
    return len(docs)


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
    kg_js = _read_asset("graph.js")
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
            "value": e["mentions"] or e["degree"] or 1,  # size by mentions, else by degree
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
                        "label": {"enabled": True, "min": 12, "max": 22, "drawThreshold": 6}},
            "font": {"face": FONT_FACE, "size": 14, "color": "#1F2933", "strokeWidth": 3, "strokeColor": "#FFFFFF"},
            "borderWidth": 1,
            "borderWidthSelected": 3,
        },
        "edges": {
            "color": {"color": EDGE_COLOR, "highlight": "#D1495B", "hover": "#5B6770", "inherit": False},
            "font": {"face": FONT_FACE, "size": 12, "color": "#52606D", "strokeWidth": 3,
                     "strokeColor": "#FFFFFF", "align": "horizontal"},
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
            "width": 1.2,
            "selectionWidth": 2,
        },
        "physics": {
            "enabled": True,
            "solver": "barnesHut",
            # theta 1.0 halves the Barnes-Hut cost at 2,000 nodes; small batches keep the page responsive
            "barnesHut": {"gravitationalConstant": -6000 if large else -9000, "centralGravity": 0.25,
                          "springLength": 110 if large else 150, "springConstant": 0.04,
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


# ---------------------------------------------------------------------------------------------- values


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and math.isnan(value):
        return ""
    return str(value)


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def _float(value: Any) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return 0.0
    return number if math.isfinite(number) else 0.0


def _str_list(value: Any) -> list[str]:
    """A list attribute; GraphML round trips may hand it over as a JSON string."""
    if value is None:
        return []
    if isinstance(value, str):
        try:
            parsed = json.loads(value)
        except ValueError:
            return [value] if value else []
        value = parsed if isinstance(parsed, list) else [value]
    if isinstance(value, (list, tuple, set, frozenset)):
        return [str(v) for v in value if v is not None and str(v)]
    return [str(value)]


def _evidence(value: Any) -> list[dict[str, Any]]:
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [{"doc": "", "sentence": value, "start": None, "end": None}]
    out = []
    for ev in value or ():
        if isinstance(ev, dict):
            out.append({"doc": _text(ev.get("doc")), "sentence": _text(ev.get("sentence")),
                        "start": ev.get("start") if isinstance(ev.get("start"), int) else None,
                        "end": ev.get("end") if isinstance(ev.get("end"), int) else None})
        else:  # a frozen Evidence dataclass or similar
            out.append({"doc": _text(getattr(ev, "doc", "")), "sentence": _text(getattr(ev, "sentence", "")),
                        "start": getattr(ev, "start", None), "end": getattr(ev, "end", None)})
    return out
