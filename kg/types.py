"""Values that cross stage boundaries: frozen dataclasses with half-open character offsets.

``doc.text[m.start:m.end] == m.text`` holds for every :class:`Mention`; evidence offsets are
offsets of the supporting sentence in its document.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Optional

from .schema import RELATIONS


@dataclass(frozen=True)
class Document:
    """One input text. ``id`` is stable (file name or JSONL id); ``text`` is the original text."""

    id: str
    text: str
    title: Optional[str] = None
    date: Optional[str] = None
    url: Optional[str] = None
    source: Optional[str] = None  # path it came from, if any

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word with its char span. ``head`` is the char start of its syntactic head (None: root or no parse)."""

    text: str
    start: int
    end: int
    pos: str = ""
    head: Optional[int] = None
    dep: str = ""


@dataclass(frozen=True, slots=True)
class Mention:
    """A typed name in a document. ``key`` is the gazetteer's canonical name when a gazetteer matched."""

    text: str
    type: str
    start: int
    end: int
    source: str = "rule"  # gazetteer | pattern | ner | engine | rule
    key: Optional[str] = None
    confidence: float = 1.0


@dataclass(frozen=True)
class Argument:
    role: str  # ARG0, ARG1, ARGM-TMP, ...
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Frame:
    """A predicate with its semantic-role arguments (from engines that do SRL), all in char offsets."""

    predicate: str
    start: int
    end: int
    arguments: tuple[Argument, ...] = ()


@dataclass(frozen=True)
class Analysis:
    """What an engine makes of one document. Extractors see only this."""

    doc: Document
    sentences: tuple[Sentence, ...]
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    frames: tuple[Frame, ...] = ()
    engine: str = "builtin"


@dataclass(frozen=True, slots=True)
class Evidence:
    doc: str
    sentence: str
    start: int
    end: int

    def to_dict(self) -> dict:
        return {"doc": self.doc, "sentence": self.sentence, "start": self.start, "end": self.end}


def as_evidence(x) -> Evidence:
    """An :class:`Evidence` from itself or from a graph.json-shaped ``{doc, sentence, start, end}`` dict."""
    return x if isinstance(x, Evidence) else Evidence(x["doc"], x["sentence"], x["start"], x["end"])


def evidence_dict(x) -> dict:
    """The graph.json shape of a piece of evidence, whichever of the two forms it is in."""
    return x.to_dict() if isinstance(x, Evidence) else dict(x)


@dataclass(frozen=True, slots=True)
class RelationMention:
    """A relation between two mentions in one sentence, before names are resolved to entities."""

    head: Mention
    relation: str
    tail: Mention
    evidence: Evidence
    confidence: float
    role: Optional[str] = None
    date: Optional[str] = None
    trigger: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: int = 0
    docs: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """A resolved relation: ``subject`` and ``object`` are canonical entity labels."""

    subject: str
    relation: str
    object: str
    evidence: tuple[Evidence, ...] = ()
    confidence: float = 1.0
    role: Optional[str] = None
    date: Optional[str] = None
    subject_type: str = ""
    object_type: str = ""

    @property
    def label(self) -> str:
        return RELATIONS[self.relation].label


@dataclass(frozen=True)
class ExtractionResult:
    """Mentions and relations for one text, as returned by :func:`kg.analyze`."""

    analysis: Analysis
    relation_mentions: tuple[RelationMention, ...] = field(default=())

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.analysis.mentions

    @property
    def relations(self) -> tuple[RelationMention, ...]:
        return self.relation_mentions

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.analysis.sentences
