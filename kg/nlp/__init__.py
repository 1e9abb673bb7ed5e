"""NLP engines: each turns a :class:`~kg.types.Document` into an :class:`~kg.types.Analysis`.

Only modules in this package know engine tags and token indices. Engines are created once per
process by :func:`get_engine` and reused for every document.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from ..errors import EngineError
from ..types import Analysis, Document

ENGINE_NAMES = ("builtin", "hanlp", "spacy:NAME_OR_PATH")
DEFAULT_ENGINE = "builtin"


class Engine(Protocol):
    name: str

    def analyze(self, doc: Document) -> Analysis: ...


@lru_cache(maxsize=8)
def get_engine(spec: str = DEFAULT_ENGINE, model: str | None = None) -> Engine:
    """Return the engine named by ``spec`` (``builtin``, ``hanlp`` or ``spacy:NAME_OR_PATH``)."""
    spec = (spec or DEFAULT_ENGINE).strip()
    if spec == "builtin":
        from .builtin import BuiltinEngine

        return BuiltinEngine()
    if spec == "hanlp":
        from .hanlp import HanLPEngine  # noqa: F401  (optional engine, see kg[hanlp])

        return HanLPEngine(model=model)
    if spec.startswith("spacy:") and len(spec) > len("spacy:"):
        from .spacy_engine import SpacyEngine

        return SpacyEngine(spec[len("spacy:"):])
    raise EngineError(f"unknown engine {spec!r}: choose one of {', '.join(ENGINE_NAMES)}")
