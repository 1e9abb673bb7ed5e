"""Relations between the mentions of one sentence: trigger words with direction rules, title patterns
(腾讯 AI Lab 副主任俞栋), possessives (腾讯的混元), names (腾讯 AI Lab → 腾讯), passives (被/由/获),
list coordination, and rivalry set out across a paragraph (除了腾讯，其他巨头… 例如 OpenAI…).

Nothing is inferred from co-occurrence alone: every rule needs a trigger, a title or a structure."""
from __future__ import annotations

import bisect
from dataclasses import replace

from ...schema import CORE_TYPES
from ...text import to_simplified
from ...types import Analysis, RelationMention
from ..gazetteer import Gazetteer, load_gazetteer
from ._base import SYMMETRIC, _Ctx
from .discourse import coref_mentions, with_antecedent_evidence
from .titles import _affiliations, _bare_titles, _serving_at, _join_details, _title_relations
from .triggers import _HEARSAY, _frame_relations, _trigger_relations
from .structure import _coordination_rivals, _discourse_rivals, _name_relations, _possessive_relations

__all__ = ["extract_relations"]


def extract_relations(analysis: Analysis, *, gazetteer: Gazetteer | None = None) -> list[RelationMention]:
    """All relations in ``analysis`` (its mentions must already be refined), deduplicated.

    Traditional text is read through its simplified form (騰訊與阿里巴巴競爭 as 腾讯与阿里巴巴竞争), character for
    character, so every rule sees the words it knows; mentions and evidence keep the text as written."""
    gaz = gazetteer or load_gazetteer()
    text = analysis.doc.text
    simp = to_simplified(text)
    if simp != text and len(simp) == len(text):
        work = replace(analysis, doc=replace(analysis.doc, text=simp),
                       sentences=tuple(replace(s, text=simp[s.start:s.end]) for s in analysis.sentences))
        return [replace(r, evidence=replace(r.evidence, sentence=text[r.evidence.start:r.evidence.end]))
                for r in _extract(work, gaz)]
    return _extract(analysis, gaz)


def _extract(analysis: Analysis, gaz: Gazetteer) -> list[RelationMention]:
    core = [m for m in analysis.mentions if m.type in CORE_TYPES]
    out: list[RelationMention] = []
    by_sent = []
    core.sort(key=lambda m: m.start)
    corefs = coref_mentions(analysis, core)  # 他, 该公司: the entity named before (discourse.py)
    if corefs:
        core = sorted(core + [m for m, _ in corefs.values()], key=lambda m: m.start)
    starts = [m.start for m in core]
    for sent in analysis.sentences:
        lo_i, hi_i = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        ms = tuple(m for m in core[lo_i:hi_i] if m.end <= sent.end and not m.source == "alias")
        by_sent.append(ms)
        if _HEARSAY.search(sent.text):
            continue  # 传字节跳动将收购…？ · 网传 … : a rumour or a question states no fact
        ctx = _Ctx(analysis, sent, ms)
        out += _title_relations(ctx)
        out += _affiliations(ctx)
        out += _serving_at(ctx)
        framed, spans = _frame_relations(ctx)
        out += framed
        out += _trigger_relations(ctx, skip=spans)
        out += _possessive_relations(ctx)
        out += _coordination_rivals(ctx)
    out += list(_join_details(analysis, out))
    out += _name_relations(analysis, core, gaz)
    out += _discourse_rivals(analysis, by_sent)
    out += _bare_titles(analysis, by_sent)
    if corefs:
        out = with_antecedent_evidence(out, corefs, analysis.doc.text)
    return _dedupe(out)


# --- dedupe -----------------------------------------------------------------------------------
def _dedupe(rels: list[RelationMention]) -> list[RelationMention]:
    """One relation per (head, relation, tail, sentence): keep the most confident; symmetric pairs once."""
    best: dict[tuple, RelationMention] = {}
    for r in rels:
        h, t = r.head.key or r.head.text, r.tail.key or r.tail.text
        if r.relation in SYMMETRIC and h > t:
            h, t = t, h
        k = (h, r.relation, t, r.evidence.start)
        old = best.get(k)
        if old is None or r.confidence > old.confidence or (r.role and not old.role):
            best[k] = r
    return sorted(best.values(), key=lambda r: (r.evidence.start, r.head.start, r.relation, r.tail.start))
