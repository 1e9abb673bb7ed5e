"""Values that cross stage boundaries: frozen dataclasses with half-open character offsets.

``doc.text[m.start:m.end] == m.text`` holds for every :class:`Mention`; evidence offsets are
offsets of the supporting sentence in its document.
"""
from __future__ import annotations

import bisect
import hashlib
from dataclasses import dataclass, field
from typing import Optional

from .schema import RELATIONS


def source_line(source_map: tuple[tuple[int, int], ...], offset: int) -> Optional[int]:
    """The source line of text offset ``offset`` in a map ``((text_start, source_line), ...)``; None if it is empty.

    >>> source_line(((0, 1), (4, 7), (9, 8)), 8)
    7
    """
    if not source_map:
        return None
    i = bisect.bisect_right(source_map, (offset, float("inf"))) - 1
    return source_map[max(i, 0)][1]


@dataclass(frozen=True)
class Document:
    """One input text. ``id`` is stable (file name or JSONL id); ``text`` is what a reader sees, and what every
    offset points into: a plain text as it is, a Markdown article's title and body without markup or boilerplate,
    an HTML page's main text (see the README).

    ``source_map`` maps text offsets back to 1-based lines of the source: None when the text is the source itself,
    ``((text_start, source_line), ...)`` for Markdown, ``()`` when unknown (HTML). See :meth:`source_line`.
    """

    id: str
    text: str
    title: Optional[str] = None
    date: Optional[str] = None  # ISO date of publication
    url: Optional[str] = None
    source: Optional[str] = None  # path it came from, if any
    author: Optional[str] = None
    publication: Optional[str] = None  # the publication or account that published it
    source_map: Optional[tuple[tuple[int, int], ...]] = field(default=None, compare=False, repr=False)

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def source_line(self, offset: int) -> Optional[int]:
        """The 1-based line of the source file (for JSONL: of the record's text) that text offset ``offset`` is on.

        >>> Document("d", "腾讯\\n混元").source_line(3)
        2
        >>> Document("d", "标题\\n\\n正文", source_map=((0, 1), (4, 7))).source_line(5)
        7
        """
        if self.source_map is None:
            return self.text.count("\n", 0, max(0, offset)) + 1
        return source_line(self.source_map, offset)

    def metadata(self) -> dict:
        """title, date, url, author, publication and source, those that are set: what graph.json keeps of a
        document. ``source`` is the file's name only (no folder: graph.json holds no paths of the machine)."""
        out = {k: v for k in ("title", "date", "url", "author", "publication") if (v := getattr(self, k)) is not None}
        if self.source:
            out["source"] = self.source.replace("\\", "/").rsplit("/", 1)[-1]
        return out


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
    """A typed name in a document. ``key`` is the gazetteer's canonical name when a gazetteer matched, or
    ``=name`` where the document makes it another name's alias; ``via`` says how it did (:data:`VIA_BRACKETS`,
    :data:`VIA_SHORT_FORM`), which ``kg merges`` reports."""

    text: str
    type: str
    start: int
    end: int
    source: str = "rule"  # gazetteer | card | pattern | ner | engine | rule | alias | coref
    key: Optional[str] = None
    confidence: float = 1.0
    via: Optional[str] = None


VIA_BRACKETS = "parenthesised alias"  # 亚马逊（Amazon）
VIA_SHORT_FORM = "short form"  # Altman after Sam Altman
VIA_ACRONYM = "acronym"  # YC where the document names Y Combinator
VIA_MISSPELLING = "misspelling"  # Sam Alman where the document names Sam Altman more often


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


@dataclass(frozen=True, repr=False)
class ExtractionResult:
    """Mentions and relations for one text, as returned by :func:`kg.analyze`. Its repr is one line;
    :meth:`describe` lists the mentions and relations, ``.analysis`` holds everything (tokens included)."""

    analysis: Analysis
    relation_mentions: tuple[RelationMention, ...] = field(default=())

    def __repr__(self) -> str:
        text = self.analysis.doc.text
        short = text if len(text) <= 24 else text[:23] + "…"
        return (f"<ExtractionResult of {short!r}: {len(self.mentions)} mentions, {len(self.relations)} relations; "
                ".describe() lists them>")

    def describe(self) -> str:
        """The mentions (text, type, offsets) and relations (head, relation, tail, confidence, role), one a line."""
        lines = [f"{len(self.mentions)} mentions:"]
        lines += [f"  {m.text}  {m.type}  {m.start}–{m.end}" for m in self.mentions]
        lines.append(f"{len(self.relations)} relations:")
        for r in self.relations:
            role = f"  [role: {r.role}]" if r.role else ""
            lines.append(f"  {r.head.text} —{RELATIONS[r.relation].label}({r.relation})→ {r.tail.text}  "
                         f"conf {r.confidence:.2f}{role}")
        return "\n".join(lines)

    @property
    def mentions(self) -> tuple[Mention, ...]:
        return self.analysis.mentions

    @property
    def relations(self) -> tuple[RelationMention, ...]:
        return self.relation_mentions

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self.analysis.sentences
