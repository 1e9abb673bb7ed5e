"""Mentions → entities, within and across documents.

A mention's key is its gazetteer canonical name when the gazetteer knows it (through any alias);
otherwise its normalised form: NFKC, case, quotes and spacing removed, company suffixes (公司, 集团,
Inc.) stripped for organisations and 大模型/模型 for models, traditional characters folded to
simplified. Different names that merely share a prefix (华为 / 华为云) keep different keys.

:class:`Resolver` accumulates documents one at a time, so a corpus is never held in memory: entities (there
are few) in memory, relation mentions in a temporary SQLite database (:mod:`kg.store`).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .extract.gazetteer import Gazetteer, load_gazetteer
from .schema import COMPANY, MODEL, ORG, RELATIONS
from .text import name_key, strip_company_suffix, strip_model_suffix, to_simplified
from .store import GraphTable, MentionStore
from .types import Entity, Evidence, Mention, Relation, RelationMention, as_evidence

MAX_EVIDENCE = 20  # per relation; the strongest are kept
KEY_CACHE_SIZE = 200_000  # memoised mention keys per Resolver


def mention_key(text: str, type_: str, *, gazetteer: Gazetteer, key: str | None = None) -> str:
    """The resolution key of a surface form: equal keys are one entity."""
    if key and key.startswith("="):  # an alias written in brackets after a name the gazetteer does not know
        return mention_key(key[1:], type_, gazetteer=gazetteer)
    if key:
        return "g:" + key
    entry = gazetteer.resolve(text)
    if entry is None:
        simp = to_simplified(text)
        entry = gazetteer.resolve(simp) if simp != text else None
    k = name_key(to_simplified(text))
    if entry is None and type_ in (ORG, COMPANY):
        rest = _without_country(text)
        if rest is not None:  # 美国马里兰大学 = 马里兰大学 (美国西北大学 is a gazetteer name: resolved above, never cut)
            return mention_key(rest, type_, gazetteer=gazetteer)
        stripped = strip_company_suffix(k)
        entry = gazetteer.lookup(stripped) if stripped != k else None
        k = stripped
    elif entry is None and type_ == MODEL:
        stripped = strip_model_suffix(k)
        entry = gazetteer.lookup(stripped) if stripped != k else None
        k = stripped
    if entry is not None:
        return "g:" + entry.name
    return "n:" + k


# countries whose names Chinese news puts before a foreign institution's (英国曼彻斯特大学); not Chinese cities,
# which are part of the name (北京理工大学 ≠ 南京理工大学)
_COUNTRIES = ("美国", "英国", "德国", "法国", "日本", "韩国", "瑞典", "瑞士", "印度", "加拿大", "澳大利亚", "新加坡",
              "以色列", "荷兰", "意大利", "西班牙", "俄罗斯", "芬兰", "丹麦", "挪威", "比利时", "奥地利", "爱尔兰")
_INSTITUTION = re.compile(r".{2,}(大学|学院|研究院|研究所|研究中心|协会|基金会|实验室|委员会|科学院)")


def _without_country(text: str) -> str | None:
    """曼彻斯特大学 for 英国曼彻斯特大学: a foreign institution's name after its country (four characters or more)."""
    for country in _COUNTRIES:
        if text.startswith(country) and len(text) - len(country) >= 4 and _INSTITUTION.fullmatch(text[len(country):]):
            return text[len(country):]
    return None


def display_form(text: str) -> str:
    return text.strip().strip("「」『』“”\"'《》【】 ")


@dataclass(slots=True)
class _EntityAcc:
    surfaces: Counter = field(default_factory=Counter)
    types: Counter = field(default_factory=Counter)
    docs: dict = field(default_factory=dict)  # ordered set
    mentions: int = 0
    canonical: str | None = None  # gazetteer name
    canonical_type: str | None = None


class Resolver:
    """Feed it documents' mentions and relations; :meth:`result` gives entities and relations."""

    def __init__(self, *, gazetteer: Gazetteer | None = None):
        self.gazetteer = gazetteer or load_gazetteer()
        self._entities: dict[str, _EntityAcc] = {}
        self._mentions = MentionStore()  # relation mentions, on disk once there are many
        self.documents: dict[str, str] = {}  # doc id -> content hash
        self.metadata: dict[str, dict] = {}  # doc id -> its title, date, url, author, publication, source
        self._keys: dict[tuple, str] = {}  # (text, type, gazetteer key) -> resolution key

    def key(self, m: Mention) -> str:
        # Memoised: the same surface forms recur in every document, and each key costs NFKC,
        # OpenCC and up to three gazetteer look-ups. Cleared when full, so memory stays bounded.
        ck = (m.text, m.type, m.key)
        k = self._keys.get(ck)
        if k is None:
            if len(self._keys) >= KEY_CACHE_SIZE:
                self._keys.clear()
            k = self._keys[ck] = mention_key(m.text, m.type, gazetteer=self.gazetteer, key=m.key)
        return k

    def add(self, doc_id: str, mentions: Iterable[Mention], relations: Iterable[RelationMention],
            *, content_hash: str = "", metadata: dict | None = None) -> None:
        self.documents[doc_id] = content_hash
        if metadata:
            self.metadata[doc_id] = dict(metadata)
        for m in mentions:
            self._add_mention(doc_id, m)
        for r in relations:
            self._add_relation(r)

    def _acc(self, k: str) -> _EntityAcc:
        acc = self._entities.get(k)
        if acc is None:
            acc = self._entities[k] = _EntityAcc()
            if k.startswith("g:"):
                entry = self.gazetteer.entries.get(k[2:])
                if entry is not None:
                    acc.canonical, acc.canonical_type = entry.name, entry.type
        return acc

    def _add_mention(self, doc_id: str, m: Mention, count: int = 1) -> str:
        k = self.key(m)
        acc = self._acc(k)
        # a form that points at another name (亚马逊（Amazon）, Altman after Sam Altman) is an alias, never the label
        acc.surfaces[display_form(m.text)] += 0 if m.key and m.key.startswith("=") else count
        acc.types[m.type] += count
        if doc_id:
            acc.docs.setdefault(doc_id, None)
        acc.mentions += count
        return k

    def _add_relation(self, r: RelationMention) -> None:
        h, t = self.key(r.head), self.key(r.tail)
        for k, m in ((h, r.head), (t, r.tail)):
            if k not in self._entities:  # an end that was not passed among the mentions
                self._add_mention("", m, count=0)
        if h == t:
            return
        if RELATIONS[r.relation].symmetric and h > t:
            h, t = t, h
        self._mentions.add(h, r.relation, t, r.confidence, r.evidence, r.role, r.date)

    def seed(self, graph) -> None:
        """Start from an existing graph (``kg build --update``): its entities, relations and documents."""
        meta = graph.graph.get("doc_hashes") or {}
        self.documents.update({str(k): str(v) for k, v in meta.items()})
        docs = graph.graph.get("doc_meta")
        if isinstance(docs, dict):  # the old documents' metadata stays
            self.metadata.update({str(k): {str(f): v for f, v in d.items() if isinstance(v, str)}
                                  for k, d in docs.items() if isinstance(d, dict)})
        keys = {}
        for n, a in graph.nodes(data=True):
            label, typ = a.get("label", n), a.get("type", "")
            k = mention_key(label, typ, gazetteer=self.gazetteer)
            keys[n] = k
            acc = self._acc(k)
            n_mentions = int(a.get("mentions", 0))
            acc.surfaces[display_form(label)] += max(1, n_mentions)  # the label stays the best surface
            acc.mentions += n_mentions
            for d in a.get("docs", []):
                acc.docs.setdefault(d, None)
            for alias in a.get("aliases", []):
                acc.surfaces[alias] += 0  # known as an alias, outweighed by any surface seen in text
            acc.types[typ] += 1000  # the settled type stays unless new evidence outweighs it a thousandfold
        for u, v, a in graph.edges(data=True):
            h, t = keys[u], keys[v]
            if RELATIONS[a["relation"]].symmetric and h > t:
                h, t = t, h
            ev = [as_evidence(e) for e in a.get("evidence", ())]
            c = 1.0 - (1.0 - min(float(a.get("confidence", 0.5)), 0.99)) ** (1.0 / max(1, len(ev)))
            for i, e in enumerate(ev or [None]):  # role and date counted once per relation, as in text
                self._mentions.add(h, a["relation"], t, c, e, a.get("role") if i == 0 else None,
                                   a.get("date") if i == 0 else None)

    # -- results ---------------------------------------------------------------------------------
    def entities(self) -> dict[str, Entity]:
        """Entities by key, with unique labels as ids."""
        out: dict[str, Entity] = {}
        used: dict[str, str] = {}
        for k in sorted(self._entities):
            acc = self._entities[k]
            if acc.mentions == 0 and not acc.canonical:
                continue
            label = acc.canonical or _best_surface(acc.surfaces)
            typ = acc.canonical_type or _best_type(acc.types)
            eid, n = label, 1
            while eid in used:  # two entities with one label: "name (TYPE)", then "name (TYPE 2)", ...
                eid = f"{label} ({typ})" if n == 1 else f"{label} ({typ} {n})"
                n += 1
            used[eid] = k
            aliases = tuple(sorted(s for s in acc.surfaces if s and s != label))
            out[k] = Entity(eid, label, typ, aliases, acc.mentions, tuple(sorted(acc.docs)))
        return out

    def relations(self, entities: dict[str, Entity] | None = None) -> list[Relation]:
        """Resolved relations, sorted by subject, relation and object."""
        out = list(self._iter_relations(entities if entities is not None else self.entities()))
        out.sort(key=lambda r: (r.subject, r.relation, r.object))
        return out

    def graph_table(self, entities: dict[str, Entity] | None = None, *, meta: dict | None = None) -> GraphTable:
        """The resolved graph as a :class:`~kg.store.GraphTable`: its relations stay on disk."""
        ents = entities if entities is not None else self.entities()
        return GraphTable(ents.values(), self._iter_relations(ents), meta=meta)

    def finish(self, *, meta: dict | None = None) -> GraphTable:
        """:meth:`graph_table`, letting go of everything else as it goes: the resolver is empty afterwards."""
        ents = self.entities()
        self._entities.clear()  # their Entity values are all the graph needs
        self._keys.clear()
        try:
            return self.graph_table(ents, meta=meta)
        finally:
            self.close()

    def _iter_relations(self, ents: dict[str, Entity]) -> Iterator[Relation]:
        """Relations by subject, object and relation, aggregated from their mentions one at a time."""
        docs = self._mentions.docs
        for (s_id, o_id, rel, h_id, h_type, t_type), rows in self._mentions.grouped(
                {k: (e.id, e.type) for k, e in ents.items()}):
            spec = RELATIONS[rel]
            if h_type not in spec.head or t_type not in spec.tail:
                continue  # resolution settled a type that the relation does not take
            best: dict[tuple, tuple[Evidence, float]] = {}  # (doc, start, end) -> the most confident mention
            roles: Counter = Counter()
            dates: Counter = Counter()
            for conf, d, sentence, start, end, role, date in rows:
                if d is not None:
                    old = best.get((d, start, end))
                    if old is None or conf > old[1]:
                        best[(d, start, end)] = (Evidence(docs[d], sentence, start, end), conf)
                if role:
                    roles[role] += 1
                if date:
                    dates[date] += 1
            ev = sorted(best.values(), key=_evidence_rank)[:MAX_EVIDENCE]
            conf = 1.0 - math.prod(1.0 - c for _, c in ev)
            evidence = tuple(sorted((e for e, _ in ev), key=lambda e: (e.doc, e.start)))
            role = roles.most_common(1)[0][0] if roles else None
            date = sorted(dates.items(), key=lambda x: (-x[1], x[0]))[0][0] if dates else None
            s_type, o_type = (h_type, t_type) if s_id == h_id else (t_type, h_type)
            yield Relation(s_id, rel, o_id, evidence, round(min(conf, 0.99), 3), role, date, s_type, o_type)

    def close(self) -> None:
        """Delete the relation mentions (the resolver is done)."""
        self._mentions.close()


def _evidence_rank(item: tuple) -> tuple:
    """Best first: the most confident, then by document and position (a total order)."""
    ev, conf = item
    return (-conf, ev.doc, ev.start, ev.end)


def _best_surface(surfaces: Counter) -> str:
    return sorted(surfaces.items(), key=lambda x: (-x[1], len(x[0]), x[0]))[0][0]


def _best_type(types: Counter) -> str:
    return sorted(types.items(), key=lambda x: (-x[1], x[0]))[0][0]
