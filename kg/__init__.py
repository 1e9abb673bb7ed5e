"""kg: knowledge graphs from Chinese tech and business news.

>>> import kg
>>> g = kg.build(texts=["腾讯 AI Lab 副主任俞栋离职。"])     # doctest: +SKIP
>>> g.relations(subject="俞栋")                                # doctest: +SKIP

Importing kg loads no NLP library: jieba, spaCy, HanLP and pyvis load when first used.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import AnalysisError, EngineError, GraphFormatError, InputError, KgError
from .schema import ENTITY_TYPES, RELATIONS
from .types import Document, Entity, Evidence, Mention, Relation, RelationMention

__version__ = "0.1.0"
__all__ = ["build", "load", "analyze", "KnowledgeGraph", "Document", "Entity", "Evidence", "Mention",
           "Relation", "RelationMention", "KgError", "InputError", "EngineError", "GraphFormatError", "AnalysisError",
           "RELATIONS", "ENTITY_TYPES"]

if TYPE_CHECKING:
    from .graph import KnowledgeGraph


def build(*args, **kwargs):
    """Build a :class:`KnowledgeGraph` from paths (files, folders) or ``texts=[...]``."""
    from .pipeline import build as _build

    return _build(*args, **kwargs)


def analyze(text: str, **kwargs):
    """Mentions and relations of one text."""
    from .pipeline import analyze as _analyze

    return _analyze(text, **kwargs)


def load(path):
    """Load a graph.json written by kg."""
    from .graph import load as _load

    return _load(path)


def __getattr__(name):
    if name == "KnowledgeGraph":
        from .graph import KnowledgeGraph

        return KnowledgeGraph
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
