"""Training data for the relation pair model (``kg/extract/relations/learned.py``; trained by
:mod:`kg.train.relations`): three sources, each pair's input built with the same code as at run time
(:func:`learned.candidates`, :func:`learned.pair_words`, on kg's own tokens and mentions).

=================  ===========================================================================================
source             pairs and labels
=================  ===========================================================================================
FinRE train        ``finre/train.txt`` (MIT): its company pairs, labels mapped by :data:`FINRE_LABELS` (both-way
                   duplicates merged, ``自己`` and the labels near ours that do not say which, skipped); head and
                   tail found by string search in the sentence, typed as kg's engine types them (else COMPANY)
news-dev gold      ``data/eval/news-dev.jsonl`` (``--with-dev``): the candidate pairs of each article whose two
                   mentions are gold entities (name, alias or key); the gold relations between them, else none
distant            articles of ``--news`` in neither split of ``data/eval/news-split.tsv`` (``--distant N`` of
                   them, a seeded draw): the rules' relations of confidence ≥ :data:`DISTANT_MIN_CONFIDENCE`
                   are positives (a rule relation below it leaves its label unknown); pairs of two
                   gazetteer-known names the rules relate in no way are negatives, a seeded share of them
=================  ===========================================================================================

news-test articles are never read here. FinRE's dev and test files are not read either.
"""
from __future__ import annotations

import json
import logging
import random
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, KgError
from ..extract.relations.learned import (LABELS, MAX_GAP, NEGATION, candidates, decode, label_of,
                                         pair_words)
from ..schema import COMPANY, CORE_TYPES, ORG
from ..types import Document, Mention

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
SPLIT = ROOT / "data" / "eval" / "news-split.tsv"
DEV_GOLD = ROOT / "data" / "eval" / "news-dev.jsonl"
# the later development splits (annotated in later sessions; none of them is news-test): name → (gold, split list)
MORE_DEV = {k: (ROOT / "data" / "eval" / f"news-{k}.jsonl", ROOT / "data" / "eval" / f"news-{k}-split.tsv")
            for k in ("dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                      "dev13", "dev14", "dev15", "dev16")}
DISTANT_MIN_CONFIDENCE = 0.8
SKIP, NONE = "skip", "none"
# FinRE label → (relation, reversed) ; NONE: a pair in no relation of ours ; SKIP: left out (same entity, or near
# one of ours without saying which: 合并 is listed both ways, 重组/交易/订单/商讨/减持/转让 are ambiguous)
FINRE_LABELS: dict[str, object] = {
    "竞争": ("competes_with", False),
    "合作": ("partners_with", False), "签约": ("partners_with", False), "合资": ("partners_with", False),
    "收购": ("acquires", False), "拟收购": ("acquires", False),
    "被收购": ("acquires", True), "被拟收购": ("acquires", True),
    "注资": ("invests_in", False), "入股": ("invests_in", False), "持股": ("invests_in", False),
    "增持": ("invests_in", False), "买资": ("invests_in", False),
    "被注资": ("invests_in", True), "被入股": ("invests_in", True), "被持股": ("invests_in", True),
    "被增持": ("invests_in", True), "被买资": ("invests_in", True),
    "拥有": ("part_of", True), "被拥有": ("part_of", False),
    "成立": ("founded", False), "被成立": ("founded", True),
    "自己": SKIP, "合并": SKIP, "重组": SKIP, "交易": SKIP, "订单": SKIP, "商讨": SKIP, "减持": SKIP, "被减持": SKIP,
    "转让": SKIP, "被转让": SKIP,
    "unknown": NONE, "纠纷": NONE, "分析": NONE, "被分析": NONE, "帮助": NONE, "被帮助": NONE, "发行": NONE,
    "被发行": NONE, "借壳": NONE, "被借壳": NONE, "欠款": NONE, "被欠款": NONE,
}


@dataclass
class PairExample:
    """One pair's input words and its labels: label → 1.0 or 0.0; a label left out is unknown."""

    words: tuple[str, ...]
    cats: dict[str, float]
    source: str


@dataclass
class RelationData:
    examples: list[PairExample] = field(default_factory=list)
    counts: dict = field(default_factory=dict)


def cats_for(labels: set[str], unknown: set[str] = frozenset()) -> dict[str, float]:
    return {lab: float(lab in labels) for lab in LABELS if lab not in unknown or lab in labels}


# --- FinRE ---------------------------------------------------------------------------------------------
def read_finre(path: str | Path) -> list[tuple[str, str, str, str]]:
    """``(head, tail, label, sentence)`` rows of a FinRE file (tab-separated, blank lines between)."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and all(p.strip() for p in parts):
            rows.append(tuple(p.strip() for p in parts))
    return rows


def finre_pairs(rows) -> dict[tuple[str, tuple[str, str]], set[tuple[str, str, str]] | None]:
    """Per (sentence, unordered name pair): the set of ``(relation, head, tail)`` its rows give (empty: none), or
    None where the pair is skipped. Both-way duplicates (A,B,收购 / B,A,被收购) give one relation."""
    out: dict = {}
    skipped = set()
    for head, tail, label, sentence in rows:
        key = (sentence, tuple(sorted((head, tail))))
        mapped = FINRE_LABELS.get(label, NONE)
        out.setdefault(key, set())
        if mapped == SKIP:
            skipped.add(key)
        elif mapped != NONE:
            rel, reverse = mapped
            out[key].add((rel, tail, head) if reverse else (rel, head, tail))
    for key in skipped:
        if not out[key]:
            out[key] = None
    return out


def finre_examples(path: str | Path, *, engine=None, limit: int | None = None, seed: int = 0) -> list[PairExample]:
    """FinRE pairs as examples (see the module docstring)."""
    pairs = finre_pairs(read_finre(path))
    by_sentence: dict[str, list] = defaultdict(list)
    for (sentence, names), rels in pairs.items():
        if rels is not None and names[0] != names[1]:
            by_sentence[sentence].append((names, rels))
    sentences = sorted(by_sentence)
    if limit is not None:
        sentences = random.Random(seed).sample(sentences, min(limit, len(sentences)))
    out = []
    for i, sentence in enumerate(sentences):
        analysis = _analyze(Document(f"finre-{i}", sentence.replace("<N>", "0")), engine)
        text = analysis.doc.text
        others = [m for m in analysis.mentions if m.type in CORE_TYPES and m.source != "alias"]
        for names, rels in by_sentence[sentence]:
            spans = _closest(text, names[0], names[1])
            if spans is None:
                continue
            ends = [_typed(text, s, e, others) for s, e in spans]
            first, second = sorted(ends, key=lambda m: m.start)
            if second.start - first.end > MAX_GAP or NEGATION.search(text, first.end, second.start):
                continue
            by_name = {names[0]: ends[0], names[1]: ends[1]}
            labels = set()
            for rel, h, t in rels:
                label = label_of(rel, by_name[h], by_name[t], first)
                if decode(label, first, second) is not None:
                    labels.add(label)
            if rels and not labels:
                continue  # a relation the types kg gives cannot hold: no example rather than a wrong "none"
            ms = sorted([m for m in others if m.end <= first.start or m.start >= second.end
                         or (first.end <= m.start and m.end <= second.start)] + [first, second],
                        key=lambda m: m.start)
            out.append(PairExample(pair_words(text, analysis.tokens, ms, first, second), cats_for(labels), "finre"))
    return out


def _closest(text: str, a: str, b: str) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The spans of ``a`` and ``b`` in ``text`` closest to each other without overlapping."""
    def spans(name):
        out, i = [], text.find(name)
        while i >= 0:
            out.append((i, i + len(name)))
            i = text.find(name, i + 1)
        return out

    best = None
    for sa in spans(a):
        for sb in spans(b):
            if sa[0] < sb[1] and sb[0] < sa[1]:
                continue
            d = max(sa[0], sb[0]) - min(sa[1], sb[1])
            if best is None or d < best[0]:
                best = (d, sa, sb)
    return None if best is None else (best[1], best[2])


def _typed(text: str, s: int, e: int, mentions: list[Mention]) -> Mention:
    same = next((m for m in mentions if (m.start, m.end) == (s, e)), None)
    typ = same.type if same is not None and same.type in (ORG, COMPANY) else COMPANY
    return Mention(text[s:e], typ, s, e, "gazetteer", same.key if same is not None else None)


# --- real news: gold and distant ----------------------------------------------------------------------
def split_docs(path: str | Path = SPLIT) -> dict[str, str]:
    """``{article path: "dev" | "test"}`` from news-split.tsv."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            split, doc = line.split("\t", 1)
            out[doc.strip()] = split.strip()
    return out


def read_articles(news: Path, docs: list[str]) -> list[Document]:
    from ..ingest import read_document

    out = []
    for d in docs:
        doc = read_document(news / d)
        if doc is not None:
            out.append(doc)
    return out


def analyze_pieces(doc: Document, engine=None) -> list:
    """The analyses of ``doc`` the pipeline makes (long documents in pieces), with the rules' relations."""
    from ..extract.relations import extract_relations
    from ..pipeline import PIECE_CHARS, pieces

    out = []
    for k, (s, e) in enumerate(pieces(doc.text, PIECE_CHARS)):
        piece = Document(f"{doc.id}#{k}", doc.text[s:e], date=doc.date)
        analysis = _analyze(piece, engine)
        out.append((analysis, extract_relations(analysis, mode="rules")))
    return out


def gold_examples(analysis, gold: dict) -> list[PairExample]:
    """The candidate pairs of ``analysis`` between two gold entities, labelled by the gold relations."""
    from ..evaluate import entity_keys
    from ..extract.relations import clauses_of
    from ..text import name_key

    ents = [e for e in gold["entities"] if e.get("type") in CORE_TYPES]
    keys = [set().union(*(entity_keys(f, e["type"]) for f in (e["name"], *e.get("aliases", [])))) for e in ents]
    index = {e["name"]: i for i, e in enumerate(ents)}
    rels: dict[tuple[int, int], set[str]] = defaultdict(set)
    for r in gold["relations"]:
        if r["subject"] in index and r["object"] in index:
            rels[(index[r["subject"]], index[r["object"]])].add(r["relation"])

    def match(m: Mention):
        if m.source == "coref":
            mk = {name_key((m.key or "").lstrip("="))}
        else:
            mk = entity_keys(m.text, m.type) | ({name_key(m.key)} if m.key else set())
        hits = [i for i, ks in enumerate(keys) if ks & mk]
        return hits[0] if len(hits) == 1 else None

    out = []
    for c in candidates(analysis, clauses_of(analysis)):
        i, j = match(c.first), match(c.second)
        if i is None or j is None or i == j:
            continue
        labels, wanted = set(), 0
        for (h, t), head, tail in (((i, j), c.first, c.second), ((j, i), c.second, c.first)):
            for rel in rels.get((h, t), ()):
                wanted += 1
                label = label_of(rel, head, tail, c.first)
                if decode(label, c.first, c.second) is not None:
                    labels.add(label)
        if wanted and not labels:
            continue
        out.append(PairExample(c.words, cats_for(labels), "news-dev"))
    return out


def distant_examples(analysis, rules, *, negatives: float, rng: random.Random) -> list[PairExample]:
    """The candidate pairs of ``analysis`` labelled by the rules (see the module docstring)."""
    from ..extract.relations import clauses_of

    by_pair: dict[tuple, list] = defaultdict(list)
    for r in rules:
        by_pair[frozenset({(r.head.start, r.head.end), (r.tail.start, r.tail.end)})].append(r)
    out = []
    for c in candidates(analysis, clauses_of(analysis)):
        found = by_pair.get(frozenset({(c.first.start, c.first.end), (c.second.start, c.second.end)}), [])
        sure, unsure = set(), set()
        for r in found:
            label = label_of(r.relation, r.head, r.tail, c.first)
            (sure if r.confidence >= DISTANT_MIN_CONFIDENCE else unsure).add(label)
        if sure:
            out.append(PairExample(c.words, cats_for(sure, unsure), "distant"))
        elif not found and c.first.source == "gazetteer" and c.second.source == "gazetteer" and rng.random() < negatives:
            out.append(PairExample(c.words, cats_for(set()), "distant"))
    return out


def _analyze(doc: Document, engine=None):
    from ..extract.entities import refine
    from ..nlp import get_engine

    return refine((engine or get_engine("builtin")).analyze(doc))


def annotated_docs(splits=tuple(MORE_DEV)) -> dict[str, str]:
    """The articles of news-split.tsv (news-dev, news-test) and of the later dev lists named, with their split."""
    out = split_docs()
    for name in splits:
        listing = MORE_DEV[name][1]
        if listing.is_file():
            for doc in split_docs(listing):
                out.setdefault(doc, name)
    return out


def load_relation_data(news: str | Path, data: str | Path | None, *, with_dev: bool = True, distant: int = 400,
                       negatives: float = 0.5, finre_limit: int | None = None, seed: int = 0,
                       gold_splits: tuple[str, ...] = ("dev",), keep_out: tuple[str, ...] = ()) -> RelationData:
    """All training examples (see the module docstring), with counts per source and label. ``gold_splits``: the
    development splits whose gold is learnt from (with ``with_dev``); ``keep_out``: splits whose articles are read
    in no way (a split kept for measuring the model). Distant supervision never draws an annotated article."""
    from ..nlp import get_engine

    news = Path(news)
    if not news.is_dir():
        raise InputError(f"--news {news} is not a folder: give the folder of real articles (../shared/news)")
    engine = get_engine("builtin")
    # never drawn for distant supervision: news-dev, news-test, and the later splits learnt from or kept out (the
    # shipped model's command names neither, so its draw is the one the model card reports)
    split = annotated_docs(tuple(k for k in MORE_DEV if k in set(gold_splits) | set(keep_out)))
    if "test" in gold_splits or set(gold_splits) & set(keep_out):
        raise InputError("news-test gold is never learnt from, and a kept-out split cannot be learnt from")
    examples: list[PairExample] = []
    t0 = time.time()
    if data is not None:
        finre = Path(data) / "finre" / "train.txt"
        if not finre.is_file():
            raise InputError(f"{finre} is missing: --data must be the datasets folder holding finre/train.txt")
        examples += finre_examples(finre, engine=engine, limit=finre_limit, seed=seed)
        log.info("FinRE: %d pairs (%.0fs)", len(examples), time.time() - t0)
    if with_dev:
        for name in gold_splits:
            path = DEV_GOLD if name == "dev" else MORE_DEV[name][0]
            gold = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for g in gold:
                if split.get(g["doc"]) != name:
                    raise KgError(f"{g['doc']} is in {path.name} but not a {name} article of its split list")
                for doc in read_articles(news, [g["doc"]]):
                    for analysis, _ in analyze_pieces(doc, engine):
                        examples += gold_examples(analysis, g)
            log.info("news-%s gold: %d pairs so far (%.0fs)", name, len(examples), time.time() - t0)
    if distant:
        pool = sorted(str(p.relative_to(news)) for p in news.glob("*/*.md"))
        pool = [p for p in pool if p not in split]
        rng = random.Random(seed)
        chosen = sorted(rng.sample(pool, min(distant, len(pool))))
        for doc in read_articles(news, chosen):
            for analysis, rules in analyze_pieces(doc, engine):
                examples += distant_examples(analysis, rules, negatives=negatives, rng=rng)
        log.info("distant: %d articles, %d pairs so far (%.0fs)", len(chosen), len(examples), time.time() - t0)
    return RelationData(examples, count_examples(examples))


def count_examples(examples: list[PairExample]) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for ex in examples:
        labels = [k for k, v in ex.cats.items() if v] or ["none"]
        counts[ex.source]["pairs"] += 1
        for lab in labels:
            counts[ex.source][lab] += 1
    return {src: dict(sorted(c.items())) for src, c in sorted(counts.items())}
