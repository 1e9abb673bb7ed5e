"""Who makes well-known models (``kg/resources/model_makers.tsv``): 腾讯 and 混元 named in one sentence give
腾讯 develops 混元 where no rule read a verb between them (腾讯在发布会上展示了混元的新能力). The reader of tech news
knows who makes ChatGPT; kg gives the relation only where the sentence names both, so the evidence shows it.

Who holds well-known positions (``kg/resources/known_roles.tsv``) works the same way for people: 黄仁勋 and 英伟达
in one sentence give 黄仁勋 works_for 英伟达, with the table's role, where the rules gave him no position there (the
table's ``founded`` and ``leads`` are kept as data, not given from co-occurrence)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Iterator

from ...resources_data import RESOURCES, read_rows
from ...schema import COMPANY, MODEL, ORG, PERSON
from ...types import Analysis, Mention, RelationMention, Sentence
from ._base import _Ctx, _ok, _rel
from .structure import family_of


@lru_cache(maxsize=1)
def model_makers() -> tuple[tuple[str, str], ...]:
    """(prefix, maker) pairs, longest prefix first."""
    rows = [(cols[0], cols[1]) for _, cols in read_rows(RESOURCES / "model_makers.tsv", 2)]
    return tuple(sorted(rows, key=lambda r: len(r[0]), reverse=True))


# a model named as a figure of speech (视频生成的 ChatGPT 时刻, GPT-3 式的爆发): the sentence says nothing of who made it
_FIGURE_AFTER = re.compile(r"\s*(?:时刻|式的?|般的?|一样|那样)")


def maker_of(model: Mention) -> str | None:
    """The maker the table gives for ``model`` (by its canonical name, else its text), or None."""
    for name in dict.fromkeys(n for n in (model.key.lstrip("=") if model.key else None, model.text) if n):
        for prefix, maker in model_makers():
            if name.lower().startswith(prefix.lower()):
                rest = name[len(prefix):]
                if not rest or not (prefix[-1].isascii() and prefix[-1].isalpha() and rest[0].isascii() and rest[0].isalpha()):
                    return maker  # GPT-4o, Gemini 2.5 (not Grokking, Sorano)
    return None


def known_makers(analysis: Analysis, clauses: Iterable[tuple], have: set) -> Iterator[RelationMention]:
    """``develops`` from the table for a model and its maker named in one sentence, where the rules gave none; then
    for one named in one paragraph (their sentences are the evidence). In the real-news dev golds a table maker and
    its model named in one sentence are annotated ``develops`` 54 times of 66, in one paragraph but not one sentence
    11 of 14, further apart 7 of 52 (sixteenth session): the paragraph, not the document, is how far the reader
    carries it."""
    clauses = list(clauses)
    stated = set(have)  # what the rules gave: a model whose maker the text states gets none from a paragraph
    yield from _sentence_makers(analysis, clauses, have)
    yield from _paragraph_makers(analysis, clauses, have, stated)


def named_makers(analysis: Analysis, clauses: Iterable[tuple], have: set, gaz) -> Iterator[RelationMention]:
    """OpenAI o1, Google Gemini 2.0, Meta Llama 3: a model whose name, as written, opens with a listed company's name
    and a space is that company's (data/README.md: the company name stays in the model's name and the company
    ``develops`` it), where the document names the company on its own too; the model's sentence is the evidence."""
    mentions = [m for m in analysis.mentions if m.type in (COMPANY, ORG) and m.source != "coref"]
    for sent, ms in clauses:
        for model in (m for m in ms if m.type == MODEL and " " in m.text.strip()):
            first = model.text.strip().split()[0]
            entry = gaz.lookup(first) if gaz is not None else None
            if entry is None or entry.type not in (COMPANY, ORG):
                continue
            org = next((m for m in mentions if (m.key or "").lstrip("=") == entry.name or m.text == entry.name), None)
            if org is None:
                continue
            key = (org.key or org.text, model.key or model.text)
            if key in have or not _ok("develops", org, model):
                continue
            have.add(key)
            yield _rel(_Ctx(analysis, sent, ms), "develops", org, model, 0.6, trigger="maker in the name")


def _paragraph_makers(analysis: Analysis, clauses: list[tuple], have: set, stated: set) -> Iterator[RelationMention]:
    # Google DeepMind 发布 Gemini 2.5 Flash-Lite … Gemini 2.0 Flash: the text named the family's maker itself
    by_family: dict[str, set[str]] = {}
    for org, model in stated:
        by_family.setdefault(family_of(model.lstrip("=")), set()).add(org.lstrip("="))
    made = {model for _, model in stated}
    text = analysis.doc.text
    paras: dict[int, list[tuple]] = {}
    for sent, ms in clauses:
        paras.setdefault(text.rfind("\n", 0, sent.start) + 1, []).append((sent, ms))
    for group in paras.values():
        if len(group) < 2:
            continue
        orgs = [(sent, m) for sent, ms in group for m in ms if m.type in (COMPANY, ORG) and m.source not in ("coref",)]
        for sent, ms in group:
            for model in (m for m in ms if m.type == MODEL and not _FIGURE_AFTER.match(text, m.end)):
                maker = maker_of(model)
                if maker is None or (model.key or model.text) in made \
                        or by_family.get(family_of((model.key or model.text).lstrip("=")), {maker}) - {maker}:
                    continue
                found = [(s2, o) for s2, o in orgs if (o.key or "").lstrip("=") == maker or o.text == maker]
                if not found:
                    continue
                s2, org = min(found, key=lambda so: abs(so[1].start - model.start))
                key = (org.key or org.text, model.key or model.text)
                if key in have or not _ok("develops", org, model):
                    continue
                have.add(key)
                lo, hi = min(sent.start, s2.start), max(sent.end, s2.end)
                span = Sentence(lo, hi, text[lo:hi])
                yield _rel(_Ctx(analysis, span, ()), "develops", org, model, 0.5, trigger="known maker")


def _sentence_makers(analysis: Analysis, clauses: list[tuple], have: set) -> Iterator[RelationMention]:
    for sent, ms in clauses:
        models = [m for m in ms if m.type == MODEL]
        if not models:
            continue
        orgs = [m for m in ms if m.type in (COMPANY, ORG)]
        ctx = _Ctx(analysis, sent, ms)
        for model in models:
            maker = maker_of(model)
            if maker is None or _FIGURE_AFTER.match(analysis.doc.text, model.end):
                continue
            for org in orgs:
                if (org.key or "").lstrip("=") == maker or org.text == maker:
                    key = (org.key or org.text, model.key or model.text)
                    if key not in have and _ok("develops", org, model):
                        have.add(key)
                        yield _rel(ctx, "develops", org, model, 0.55, trigger="known maker")
                    break


@lru_cache(maxsize=4)
def known_roles(gaz=None) -> dict[str, tuple[tuple[str, tuple[str, ...], str | None], ...]]:
    """person (canonical) → ((organisation, relations, role), …); names the gazetteer knows are made canonical."""
    out: dict[str, list] = {}
    for _, cols in read_rows(RESOURCES / "known_roles.tsv", 3):
        person, org, rels = cols[0], cols[1], tuple(r.strip() for r in cols[2].split(","))
        role = cols[3] if len(cols) > 3 and cols[3] else None
        if gaz is not None:
            person, org = _canonical(gaz, person), _canonical(gaz, org)
        out.setdefault(person, []).append((org, rels, role))
    return {k: tuple(v) for k, v in out.items()}


# the table's relations that naming a person and an organisation in one sentence implies: works_for. Founding is
# history the sentence seldom means, and heading is a claim the real-news golds seldom make from a name alone
# (扎克伯格认为这将对 Meta 的商业模式造成冲击: works_for). Measured on the three real-news dev splits: founded as well
# cost precision on all three; leads as well gave the same summed F1 (1.943) at lower precision.
_STATED_BY_NAMING = ("works_for",)


def _canonical(gaz, name: str) -> str:
    entry = gaz.lookup(name)
    return entry.name if entry is not None else name


def _name(m: Mention) -> str:
    return (m.key or "").lstrip("=") or m.text


def known_positions(analysis: Analysis, clauses: Iterable[tuple], have: set, gaz=None) -> Iterator[RelationMention]:
    """The table's relations for a person and an organisation named in one sentence, where the rules gave no
    position there anywhere in the document. ``have``: the (person, organisation) pairs the rules gave works_for,
    leads or founded (Midjourney 创始人 David Holz: the title says what he is; 董事会开除了 Sam Altman: it does not)."""
    table = known_roles(gaz)
    for sent, ms in clauses:
        people = [m for m in ms if m.type == PERSON and _name(m) in table]
        if not people:
            continue
        orgs = {_name(m): m for m in ms if m.type in (COMPANY, ORG)}
        ctx = None
        for person in people:
            for org_name, rels, role in table[_name(person)]:
                org = orgs.get(org_name)
                if org is None:
                    continue
                if (person.key or person.text, org.key or org.text) in have:
                    continue  # the sentence's words said what the person is there (Midjourney 创始人 David Holz)
                for rel in (r for r in rels if r in _STATED_BY_NAMING):
                    if _ok(rel, person, org):
                        ctx = ctx or _Ctx(analysis, sent, ms)
                        yield _rel(ctx, rel, person, org, 0.55, role=role if rel in ("works_for", "leads") else None,
                                   trigger="known position")
                have.add((person.key or person.text, org.key or org.text))
