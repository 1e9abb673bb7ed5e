"""Evaluate any NER engine on CLUENER JSONL or character-BIO files: per-type P/R/F1 and micro.

An example is ``(text, spans)`` where each span is ``(start, end, label)``: half-open char offsets,
``label`` as the file spells it (``name``, ``PER``, ``PER.NAM``, ...). A ``label_map`` turns file labels
into kg types; labels it does not name are not scored. Predictions come from any function
``predict_many(texts) -> [[(start, end, TYPE, score), ...], ...]``.

Examples
--------
>>> gold = [("李明在腾讯工作", ((0, 2, "name"), (3, 5, "company")))]
>>> def predict_many(texts):
...     return [[(0, 2, "PERSON", 1.0), (3, 5, "ORG", 1.0)] for _ in texts]
>>> report = evaluate(predict_many, gold, label_map=CLUENER_LABELS)
>>> report["types"]["PERSON"]["f1"], report["micro"]["tp"], report["micro"]["fp"]
(1.0, 1, 1)
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from .errors import InputError

Span = tuple[int, int, str]
Example = tuple[str, tuple[Span, ...]]
Prediction = tuple[int, int, str, float]
PredictMany = Callable[[list[str]], Sequence[Sequence[Prediction]]]

# CLUENER2020 labels → kg types; position → TITLE; address, book, game, movie, scene are not scored.
CLUENER_LABELS = {"name": "PERSON", "company": "COMPANY", "organization": "ORG", "government": "ORG"}
# The headline metric: ORG and COMPANY counted as one class (use with MERGE_ORG as pred_map).
CLUENER_MERGED = {"name": "PERSON", "company": "ORG", "organization": "ORG", "government": "ORG"}
MERGE_ORG = {"COMPANY": "ORG"}
PEOPLES_DAILY_LABELS = {"PER": "PERSON", "ORG": "ORG"}
RESUME_LABELS = {"NAME": "PERSON", "ORG": "ORG", "TITLE": "TITLE"}
WEIBO_LABELS = {"PER.NAM": "PERSON", "ORG.NAM": "ORG"}
# `kg eval-ner --format F`: the label map and prediction map each format is scored with by default.
# BIO corpora do not tell companies from other organisations, so predicted COMPANY is counted as ORG there.
FORMATS = {
    "cluener": (CLUENER_LABELS, None),
    "bio": ({"PER": "PERSON", "NAME": "PERSON", "PER.NAM": "PERSON", "ORG": "ORG", "ORG.NAM": "ORG"}, MERGE_ORG),
}


def read_examples(path: str | Path, fmt: str) -> list[Example]:
    """``read_cluener`` or ``read_bio`` by format name."""
    if fmt not in FORMATS:
        raise InputError(f"unknown format {fmt!r}; use one of: {', '.join(FORMATS)}")
    return read_cluener(path) if fmt == "cluener" else read_bio(path)


def read_cluener(path: str | Path) -> list[Example]:
    """CLUENER2020 JSON Lines: ``{"text": ..., "label": {type: {entity: [[start, end_inclusive], ...]}}}``."""
    examples: list[Example] = []
    for lineno, line in enumerate(_read_lines(path), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            text = obj["text"]
            spans = []
            for label, entities in (obj.get("label") or {}).items():
                for entity, offsets in entities.items():
                    for start, end in offsets:
                        if text[start:end + 1] != entity:
                            raise ValueError(f"offsets [{start}, {end}] do not slice {entity!r}")
                        spans.append((start, end + 1, label))
        except (ValueError, KeyError, TypeError) as err:
            raise InputError(f"{path}:{lineno}: not a CLUENER record ({err}); expected "
                             '{"text": ..., "label": {type: {entity: [[start, end], ...]}}}') from None
        examples.append((text, tuple(sorted(spans))))
    return examples


def read_bio(path: str | Path) -> list[Example]:
    """One character and its tag a line (space or tab between), a blank line between sentences.

    Reads BIO, BIOES and BMES tags (People's Daily, Resume NER) and Weibo NER's ``char+segment-index``
    column (``科0<TAB>B-PER.NAM``: the trailing digits are dropped).
    """
    examples: list[Example] = []
    chars: list[str] = []
    tags: list[str] = []
    for lineno, line in enumerate(_read_lines(path), 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            if chars:
                examples.append(_bio_example(chars, tags))
                chars, tags = [], []
            continue
        cut = max(line.rfind(" "), line.rfind("\t"))
        if cut < 0:
            raise InputError(f"{path}:{lineno}: expected 'CHAR TAG', got {line!r}; "
                             "use --format cluener for JSON Lines")
        token, tag = line[:cut], line[cut + 1:].strip()
        if not token:
            token = " "
        if len(token) > 1:  # Weibo: 科0 → 科 (keep a digit that is the character itself)
            token = token.rstrip("0123456789") or token[0]
        if not (tag == "O" or (len(tag) > 2 and tag[0] in "BIMES" and tag[1] in "-_")):
            raise InputError(f"{path}:{lineno}: tag {tag!r} is not O, B-X, I-X, M-X, E-X or S-X")
        chars.append(token)
        tags.append(tag)
    if chars:
        examples.append(_bio_example(chars, tags))
    return examples


def _bio_example(chars: list[str], tags: list[str]) -> Example:
    # a token is one character, except for rare mangled ones (Weibo has "\ufffd\ufffd"): offsets by length
    offsets = [0]
    for ch in chars:
        offsets.append(offsets[-1] + len(ch))
    spans: list[Span] = []
    start, label = None, None
    for i, tag in enumerate(tags):
        prefix, cur = (tag[0], tag[2:]) if tag != "O" else ("O", None)
        if start is not None and (prefix in "OBS" or cur != label):
            spans.append((offsets[start], offsets[i], label))
            start, label = None, None
        if prefix in "BS" or (prefix in "IME" and start is None):
            start, label = i, cur
        if prefix in "ES" and start is not None:
            spans.append((offsets[start], offsets[i + 1], label))
            start, label = None, None
    if start is not None:
        spans.append((offsets[start], offsets[-1], label))
    return "".join(chars), tuple(spans)


def _read_lines(path: str | Path) -> list[str]:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"{p}: no such file; pass a CLUENER .json(l) or a character-BIO file")
    try:
        return p.read_text(encoding="utf-8").splitlines()
    except UnicodeDecodeError:
        raise InputError(f"{p}: not UTF-8 text; convert it with iconv -t UTF-8 first") from None


def evaluate(predict_many: PredictMany, examples: Iterable[Example], *, label_map: Mapping[str, str],
             pred_map: Mapping[str, str] | None = None, batch_size: int = 256) -> dict:
    """Exact-match span scores. Gold labels go through ``label_map`` (unnamed ones are not scored);
    predicted types go through ``pred_map`` (default: unchanged); predicted types that no gold label maps
    to (say MODEL on CLUENER) are not scored either."""
    examples = list(examples)
    types = sorted(set(label_map.values()))
    counts = {t: [0, 0, 0] for t in types}  # tp, fp, fn
    pred_map = pred_map or {}
    for i in range(0, len(examples), batch_size):
        batch = examples[i:i + batch_size]
        predictions = predict_many([text for text, _ in batch])
        for (text, spans), pred in zip(batch, predictions):
            gold = {(s, e, label_map[lab]) for s, e, lab in spans if lab in label_map}
            guess = {(s, e, pred_map.get(t, t)) for s, e, t, *_ in pred}
            guess = {g for g in guess if g[2] in counts}
            for s in gold & guess:
                counts[s[2]][0] += 1
            for s in guess - gold:
                counts[s[2]][1] += 1
            for s in gold - guess:
                counts[s[2]][2] += 1
    report = {"n_sentences": len(examples), "types": {t: _prf(*c) for t, c in counts.items()}}
    report["micro"] = _prf(*(sum(c[k] for c in counts.values()) for k in range(3)))
    return report


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "fp": fp, "fn": fn, "support": tp + fn, "p": p, "r": r, "f1": f}


def format_report(report: dict) -> str:
    """A plain-text table: one row per type, then micro."""
    rows = [f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for name, s in [*report["types"].items(), ("micro", report["micro"])]:
        rows.append(f"{name:<8} {s['p']:6.3f} {s['r']:6.3f} {s['f1']:6.3f} {s['support']:6d} "
                    f"{s['tp'] + s['fp']:6d}")
    rows.append(f"({report['n_sentences']} sentences, exact span match)")
    return "\n".join(rows)
