"""Pure helpers shared by the optional engines: label mapping, token alignment, HanLP output conversion.

Nothing here imports HanLP or spaCy, so the conversion is tested on recorded outputs
(``tests/data/hanlp/*.json``) on machines without either library.
"""
from __future__ import annotations

import logging
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Optional

from ..schema import LOCATION, ORG, PERSON
from ..types import Argument, Frame, Mention, Sentence, Token

log = logging.getLogger(__name__)

# NER labels of MSRA, OntoNotes (both spellings), PKU (nr/ns/nt), CoNLL/WikiNER and spaCy → kg types.
# Everything else (DATE, MONEY, NORP, WWW, ...) is dropped; kg's gazetteers type MODEL and COMPANY later.
NER_LABELS: dict[str, str] = {
    "PERSON": PERSON, "PER": PERSON, "NR": PERSON,
    "ORG": ORG, "ORGANIZATION": ORG, "NT": ORG,
    "GPE": LOCATION, "LOC": LOCATION, "LOCATION": LOCATION, "FAC": LOCATION, "FACILITY": LOCATION,
    "NS": LOCATION,
}
ENGINE_CONFIDENCE = 0.8  # a statistical engine's NER, below gazetteer matches (1.0)


def map_ner_label(label: str) -> Optional[str]:
    """kg's entity type for an engine's NER label, or None when kg does not keep that kind of name.

    >>> map_ner_label("ORGANIZATION"), map_ner_label("nr"), map_ner_label("B-GPE"), map_ner_label("DATE")
    ('ORG', 'PERSON', 'LOCATION', None)
    """
    label = label.strip().upper()
    if label[:2] in ("B-", "I-", "E-", "S-", "M-"):
        label = label[2:]
    return NER_LABELS.get(label)


def _norm(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def align_tokens(words: Sequence[str], text: str) -> list[Optional[tuple[int, int]]]:
    """Char span of each word in ``text``, searched left to right; None for a word that is not found.

    Whitespace between words is skipped; a word that differs from the text only by width or case
    (NFKC) still aligns. A word that cannot be found is logged and left out; the next one is searched
    from where the last aligned word ended.

    >>> align_tokens(["腾讯", "ＡＩ", "Lab", "?"], "腾讯 AI Lab")
    [(0, 2), (3, 5), (6, 9), None]
    """
    spans: list[Optional[tuple[int, int]]] = []
    pos = 0
    n = len(text)
    for word in words:
        span = None
        start = pos
        while start < n and text[start].isspace():
            start += 1
        size = len(word)
        if word and text.startswith(word, start):
            span = (start, start + size)
        elif word and _norm(text[start:start + size]) == _norm(word):
            span = (start, start + size)
        elif word:
            found = text.find(word, pos)
            if found >= 0:
                span = (found, found + size)
        if span is None:
            log.debug("token %r not found in sentence %r after offset %d; skipped", word, text, pos)
        else:
            pos = span[1]
        spans.append(span)
    return spans


def align_sentences(text: str, pieces: Iterable[str], *, offset: int = 0) -> list[Sentence]:
    """Place sentence strings (from a splitter that strips or rewrites whitespace) back in ``text``.

    A piece that cannot be found verbatim is matched with its whitespace runs made flexible; one that
    still cannot be found is dropped and logged. Offsets are shifted by ``offset``.
    """
    import re

    out: list[Sentence] = []
    pos = 0
    for piece in pieces:
        piece = piece.strip()
        if not piece:
            continue
        found = text.find(piece, pos)
        if found >= 0:
            start, end = found, found + len(piece)
        else:
            pattern = r"\s+".join(re.escape(part) for part in piece.split())
            m = re.compile(pattern).search(text, pos)
            if m is None:
                log.warning("sentence %r not found in the text after offset %d; skipped", piece[:40], pos)
                continue
            start, end = m.span()
        out.append(Sentence(start + offset, end + offset, text[start:end]))
        pos = end
    return out


# --- HanLP ---------------------------------------------------------------------------------------


def _is_token(x: Any) -> bool:
    """A HanLP token: a word, or ``[word, begin, end]`` when the tokenizer outputs spans."""
    if isinstance(x, str):
        return True
    return (
        isinstance(x, (list, tuple)) and len(x) == 3 and isinstance(x[0], str)
        and isinstance(x[1], int) and isinstance(x[2], int)
    )


def _first_key(output: Mapping[str, Any], prefix: str, prefer: Sequence[str] = ()) -> Optional[str]:
    for key in prefer:
        if key in output:
            return key
    for key in output:
        if key == prefix or key.startswith(prefix + "/"):
            return key
    return None


def split_hanlp_output(output: Mapping[str, Any], n_sentences: int) -> list[dict[str, Any]]:
    """Turn HanLP's output into one dict per sentence, whether it is nested (a list of sentences was
    given) or not (a single str was given). Tokens are in the first ``tok*`` field, as in HanLP."""
    tok_key = _first_key(output, "tok")
    if tok_key is None:
        raise ValueError(f"HanLP output has no tok field (fields: {', '.join(output) or 'none'})")
    toks = output[tok_key]
    nested = not (toks and all(_is_token(t) for t in toks)) if toks else n_sentences != 1
    if not nested:
        return [{key: value for key, value in output.items()} | {"__tok__": tok_key}]
    if len(toks) != n_sentences:
        raise ValueError(f"HanLP returned {len(toks)} tokenised sentences for {n_sentences} inputs")
    per: list[dict[str, Any]] = [{"__tok__": tok_key} for _ in range(n_sentences)]
    for key, value in output.items():
        if not isinstance(value, (list, tuple)) or len(value) != n_sentences:
            continue
        for i, part in enumerate(value):
            per[i][key] = part
    return per


@dataclass(frozen=True)
class Converted:
    tokens: tuple[Token, ...]
    mentions: tuple[Mention, ...]
    frames: tuple[Frame, ...]


NER_PREFERENCE = ("ner/msra", "ner/ontonotes", "ner/pku", "ner")


def convert_hanlp(output: Mapping[str, Any], sentences: Sequence[Sentence], doc_text: str) -> Converted:
    """Convert one HanLP call's output for ``sentences`` into kg tokens, mentions and frames.

    ``output`` is HanLP's ``Document`` (a dict) or its JSON: ``tok*`` words (or ``[word, begin, end]``
    spans), ``pos*`` tags, ``ner*`` ``[text, label, begin, end]`` and ``srl`` lists of
    ``[text, label, begin, end]`` per predicate (label ``PRED`` for the predicate), all in token
    indices with exclusive ends, and ``dep`` ``[head, relation]`` per token with 1-based heads
    (0: root). Everything returned is in char offsets of ``doc_text``.
    """
    tokens: list[Token] = []
    mentions: dict[tuple[int, int], Mention] = {}
    frames: list[Frame] = []
    for sent, fields in zip(sentences, split_hanlp_output(output, len(sentences))):
        spans = _token_spans(fields[fields["__tok__"]], sent)
        tokens.extend(_tokens(fields, spans, doc_text))
        for ner_key in _ner_keys(fields):
            for m in _mentions(fields[ner_key], spans, doc_text):
                # the first NER field (MSRA before OntoNotes before PKU) wins a span both tagged
                if not any(_overlaps(m, other) for other in mentions.values()):
                    mentions[(m.start, m.end)] = m
        srl_key = _first_key(fields, "srl")
        if srl_key is not None:
            frames.extend(_frames(fields[srl_key], spans, doc_text))
    ordered = tuple(sorted(mentions.values(), key=lambda m: (m.start, m.end)))
    return Converted(tuple(tokens), ordered, tuple(frames))


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _ner_keys(fields: Mapping[str, Any]) -> list[str]:
    keys = [k for k in fields if k == "ner" or k.startswith("ner/")]
    rank = {k: i for i, k in enumerate(NER_PREFERENCE)}
    return sorted(keys, key=lambda k: rank.get(k, len(rank)))


def _token_spans(toks: Sequence[Any], sent: Sentence) -> list[Optional[tuple[int, int]]]:
    """Doc char spans of a sentence's tokens; HanLP's own spans are used when they match the text."""
    words = [t if isinstance(t, str) else t[0] for t in toks]
    spans = align_tokens(words, sent.text)
    for i, t in enumerate(toks):
        if not isinstance(t, str):
            word, begin, end = t
            if sent.text[begin:end] == word:
                spans[i] = (begin, end)
    return [None if s is None else (s[0] + sent.start, s[1] + sent.start) for s in spans]


def _span_chars(spans, begin: int, end: int) -> Optional[tuple[int, int]]:
    """Chars covered by tokens [begin, end); None if an end token is unaligned or out of range."""
    if not (0 <= begin < end <= len(spans)):
        return None
    first, last = spans[begin], spans[end - 1]
    if first is None or last is None:
        return None
    return first[0], last[1]


def _tokens(fields: Mapping[str, Any], spans, doc_text: str) -> list[Token]:
    pos_key = _first_key(fields, "pos", prefer=("pos/ctb",))
    tags = fields.get(pos_key, []) if pos_key else []
    dep_key = _first_key(fields, "dep")
    arcs = fields.get(dep_key, []) if dep_key else []
    out = []
    for i, span in enumerate(spans):
        if span is None:
            continue
        pos = tags[i] if i < len(tags) and isinstance(tags[i], str) else ""
        head, rel = None, ""
        if i < len(arcs):
            h, rel = arcs[i][0], str(arcs[i][1])
            if isinstance(h, int) and 0 < h <= len(spans) and spans[h - 1] is not None:
                head = spans[h - 1][0]
        out.append(Token(doc_text[span[0]:span[1]], span[0], span[1], pos, head, rel))
    return out


def _mentions(entities: Sequence[Any], spans, doc_text: str) -> list[Mention]:
    out = []
    for ent in entities or ():
        _text, label, begin, end = ent[:4]
        kind = map_ner_label(str(label))
        chars = _span_chars(spans, begin, end)
        if kind is None or chars is None:
            continue
        start, stop = chars
        out.append(Mention(doc_text[start:stop], kind, start, stop, source="engine",
                           confidence=ENGINE_CONFIDENCE))
    return out


def _frames(structures: Sequence[Any], spans, doc_text: str) -> list[Frame]:
    out = []
    for pas in structures or ():
        pred = next((a for a in pas if a[1] == "PRED"), None)
        chars = _span_chars(spans, pred[2], pred[3]) if pred is not None else None
        if chars is None:
            continue
        args = []
        for _text, role, begin, end in (a[:4] for a in pas if a[1] != "PRED"):
            arg = _span_chars(spans, begin, end)
            if arg is not None:
                args.append(Argument(str(role), arg[0], arg[1], doc_text[arg[0]:arg[1]]))
        out.append(Frame(doc_text[chars[0]:chars[1]], chars[0], chars[1], tuple(args)))
    return out
