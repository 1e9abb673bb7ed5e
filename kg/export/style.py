"""How entity types look in every view that colours them (the HTML page, GEXF for Gephi)."""
from __future__ import annotations

# shape, colour per entity type (vis-network shapes whose size follows the node's value)
TYPE_STYLES: dict[str, tuple[str, str]] = {
    "PERSON": ("dot", "#4E79A7"),
    "ORG": ("diamond", "#59A14F"),
    "COMPANY": ("square", "#F28E2B"),
    "MODEL": ("triangle", "#B07AA1"),
    "LOCATION": ("star", "#9C755F"),
}
UNKNOWN_STYLE = ("dot", "#9D9D9D")
EDGE_COLOR = "#A0AAB4"


def type_style(etype: str) -> tuple[str, str]:
    """(shape, colour as ``#RRGGBB``) of an entity type; a type kg does not know is grey."""
    return TYPE_STYLES.get(etype, UNKNOWN_STYLE)


def rgb(color: str) -> tuple[int, int, int]:
    """``"#F28E2B"`` → ``(242, 142, 43)``."""
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)
