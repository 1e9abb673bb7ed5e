"""Hand-built analyses for rule tests: no tokenizer or model involved."""
from __future__ import annotations

from kg.nlp.sentences import split_sentences
from kg.types import Analysis, Document, Mention, Token


def make_analysis(text: str, mentions: list[tuple[str, str]] = (), *, tokens: list[tuple[str, str]] = (),
                  doc_id: str = "t") -> Analysis:
    """``mentions``: (surface, TYPE) found left to right in ``text``; ``tokens``: (word, pos) covering it."""
    ms, pos = [], 0
    for surface, typ in mentions:
        i = text.index(surface, pos)
        ms.append(Mention(surface, typ, i, i + len(surface), "gazetteer", None, 1.0))
        pos = i + len(surface)
    toks, pos = [], 0
    for word, tag in tokens:
        i = text.index(word, pos)
        toks.append(Token(word, i, i + len(word), tag))
        pos = i + len(word)
    doc = Document(doc_id, text)
    return Analysis(doc, tuple(split_sentences(text)), tuple(toks), tuple(ms))


def deny_reading(monkeypatch, path) -> None:
    """Make ``open(path)`` fail with EACCES (the test may run as root, where chmod 000 does not stop reads)."""
    import builtins

    real_open = builtins.open

    def deny(p, *a, **kw):
        if str(p) == str(path):
            raise PermissionError(13, "Permission denied", str(p))
        return real_open(p, *a, **kw)

    monkeypatch.setattr("builtins.open", deny)
