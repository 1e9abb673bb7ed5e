"""The ``spacy:NAME_OR_PATH`` engine: any installed spaCy Chinese pipeline (zh_core_web_sm/trf, or one
saved with ``nlp.to_disk``) behind kg's Analysis.

Sentences come from kg's rule splitter; each sentence is one spaCy Doc, so no text comes near spaCy's
``max_length`` (1,000,000 chars) and parses never cross sentences.
"""
from __future__ import annotations

import logging

from ..errors import EngineError
from ..types import Analysis, Document, Mention, Token
from ._convert import ENGINE_CONFIDENCE, map_ner_label
from .sentences import split_sentences

log = logging.getLogger(__name__)

BATCH = 64  # sentences per nlp.pipe batch


class SpacyEngine:
    """Runs ``spacy.load(name_or_path)`` on each sentence and keeps its tokens, parse and entities."""

    def __init__(self, name_or_path: str, *, batch_size: int = BATCH) -> None:
        self.name = f"spacy:{name_or_path}"
        self.batch_size = batch_size
        self._nlp = load_pipeline(name_or_path)

    def analyze(self, doc: Document) -> Analysis:
        sentences = tuple(split_sentences(doc.text))
        tokens: list[Token] = []
        mentions: list[Mention] = []
        docs = self._nlp.pipe((s.text for s in sentences), batch_size=self.batch_size)
        for sent, sdoc in zip(sentences, docs):
            tokens.extend(_tokens(sdoc, sent.start))
            mentions.extend(_mentions(sdoc, sent.start, doc.text))
        return Analysis(doc, sentences, tuple(tokens), tuple(mentions), (), engine=self.name)


def load_pipeline(name_or_path: str):
    try:
        import spacy
    except ImportError:
        raise EngineError("the spacy engine needs spaCy: pip install spacy") from None
    try:
        return spacy.load(name_or_path)
    except OSError:
        raise EngineError(
            f"spaCy pipeline {name_or_path!r} is not installed: pip install it "
            f"(e.g. python -m spacy download zh_core_web_sm) or pass the path of a saved pipeline"
        ) from None
    except ImportError as err:
        missing = err.name or str(err)
        raise EngineError(f"spaCy pipeline {name_or_path!r} needs {missing}: pip install {missing}") from None
    except (ValueError, KeyError) as err:
        first = str(err).strip().splitlines()[0][:160] if str(err).strip() else type(err).__name__
        raise EngineError(f"spaCy pipeline {name_or_path!r} cannot be loaded ({first}): "
                          "check that it was saved by this spaCy version") from None


def _tokens(sdoc, offset: int) -> list[Token]:
    parsed = sdoc.has_annotation("DEP")
    out = []
    for tok in sdoc:
        if tok.is_space:
            continue
        head = None
        if parsed and tok.head.i != tok.i:
            head = tok.head.idx + offset
        start = tok.idx + offset
        out.append(Token(tok.text, start, start + len(tok.text), tok.pos_ or tok.tag_, head,
                         tok.dep_ if parsed else ""))
    return out


def _mentions(sdoc, offset: int, text: str) -> list[Mention]:
    out = []
    for ent in sdoc.ents:
        kind = map_ner_label(ent.label_)
        if kind is None:
            continue
        start, end = ent.start_char + offset, ent.end_char + offset
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Mention(text[start:end], kind, start, end, source="engine", confidence=ENGINE_CONFIDENCE))
    return out
