"""A still picture of a graph as SVG: its most connected entities, placed by networkx's spring layout,
coloured by type as in graph.html. For notebooks and documents, where a page with scripts does not show
(a notebook on a code host); graph.html is the interactive view.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("腾讯", label="腾讯", type="COMPANY"); g.add_node("混元", label="混元", type="MODEL")
>>> _ = g.add_edge("腾讯", "混元", key="develops", relation="develops")
>>> svg = to_svg(g)
>>> svg.startswith("<svg") and "混元" in svg and svg.count("<circle") == 4  # two entities, two types in the legend
True
"""
from __future__ import annotations

import math
from html import escape

from ..schema import ENTITY_LABELS, RELATIONS
from .html import FONT_FACE
from .style import EDGE_COLOR, TYPE_STYLES, UNKNOWN_STYLE

MAX_NODES = 40  # more than this is unreadable in a still picture
MARGIN = 60  # room for labels at the edges


def to_svg(graph, *, max_nodes: int = MAX_NODES, width: int = 760, height: int = 520, seed: int = 7) -> str:
    """The SVG text of the ``max_nodes`` most connected entities of ``graph`` (a graph.json-shaped networkx
    graph), those of them that their relations join into the largest connected part, and those relations. The
    same graph gives the same picture."""
    import networkx as nx

    ranked = sorted(graph.nodes, key=lambda n: (-graph.degree(n), n))[:max_nodes]
    keep = set(ranked)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(keep))
    labels: dict[tuple[str, str], list[str]] = {}
    for u, v, a in graph.edges(data=True):
        if u in keep and v in keep and u != v:
            simple.add_edge(u, v)
            labels.setdefault(tuple(sorted((u, v))), []).append(RELATIONS[a["relation"]].label)
    if simple.number_of_edges():  # the largest connected part: the rest would be squeezed into a corner
        part = max(nx.connected_components(simple), key=lambda c: (len(c), sorted(c)))
        simple.remove_nodes_from([n for n in list(simple) if n not in part])
        keep = set(simple)
    pos = nx.spring_layout(simple, seed=seed, k=4.0 / math.sqrt(max(len(simple), 1)), iterations=300) \
        if len(simple) > 1 else {n: (0.0, 0.0) for n in simple}
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]

    def at(n) -> tuple[float, float]:
        x, y = pos[n]
        fx = (x - min(xs)) / ((max(xs) - min(xs)) or 1)
        fy = (y - min(ys)) / ((max(ys) - min(ys)) or 1)
        return round(MARGIN + fx * (width - 2 * MARGIN), 1), round(MARGIN + 20 + fy * (height - 2 * MARGIN - 20), 1)

    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
           f'font-family={_attr(FONT_FACE)} font-size="12">', f'<rect width="{width}" height="{height}" fill="white"/>']
    for (u, v), rels in sorted(labels.items()):
        if u not in keep or v not in keep:
            continue
        (x1, y1), (x2, y2) = at(u), at(v)
        out.append(f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{EDGE_COLOR}" stroke-width="1">'
                   f'<title>{escape(u)} — {escape("、".join(sorted(set(rels))))} — {escape(v)}</title></line>')
    for n in sorted(keep):
        a = graph.nodes[n]
        x, y = at(n)
        colour = TYPE_STYLES.get(a.get("type", ""), UNKNOWN_STYLE)[1]
        r = round(5 + 2 * math.sqrt(graph.degree(n)), 1)
        label = escape(str(a.get("label", n)))
        out.append(f'<circle cx="{x}" cy="{y}" r="{r}" fill="{colour}" stroke="white"><title>{label} '
                   f'({escape(a.get("type", ""))})</title></circle>')
        out.append(f'<text x="{x}" y="{round(y - r - 3, 1)}" text-anchor="middle" fill="#333">{label}</text>')
    types = sorted({graph.nodes[n].get("type", "") for n in keep})
    for i, t in enumerate(types):  # a legend, top left
        colour = TYPE_STYLES.get(t, UNKNOWN_STYLE)[1]
        out.append(f'<circle cx="{14 + i * 110}" cy="14" r="6" fill="{colour}"/><text x="{24 + i * 110}" y="18">'
                   f'{escape(t)} {escape(ENTITY_LABELS.get(t, ""))}</text>')
    out.append("</svg>")
    return "\n".join(out)


def _attr(value: str) -> str:
    return '"' + escape(value, quote=True) + '"'
