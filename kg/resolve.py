"""Mentions → entities, within and across documents.

A mention's key is its gazetteer canonical name when the gazetteer knows it (through any alias);
otherwise its normalised form: NFKC, case, quotes and spacing removed, company suffixes (公司, 集团,
Inc.) stripped for organisations and 大模型/模型 for models, traditional characters folded to
simplified. Different names that merely share a prefix (华为 / 华为云) keep different keys. A user's
decisions (:mod:`kg.decisions`) then split names apart or merge them.

Every surface form merged into an entity under another name keeps the reason it was (:data:`REASONS`):
graph.json holds them in ``graph.merges`` (``{entity id: {alias: reason}}``), which ``kg merges`` prints.

:class:`Resolver` accumulates documents one at a time, so a corpus is never held in memory: entities (there
are few) in memory, relation mentions in a temporary SQLite database (:mod:`kg.store`).
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .decisions import Decision, Rules
from .extract.gazetteer import Gazetteer, load_gazetteer
from .schema import COMPANY, LOCATION, MODEL, ORG, RELATIONS
from .resources_data import product_names
from .text import name_key, strip_company_suffix, strip_model_suffix, to_simplified
from .store import GraphTable, MentionStore
from .types import VIA_ACRONYM, VIA_BRACKETS, VIA_MISSPELLING, VIA_SHORT_FORM, Entity, Evidence, Mention, Relation, RelationMention, as_evidence

MAX_EVIDENCE = 20  # per relation; the strongest are kept
KEY_CACHE_SIZE = 200_000  # memoised mention keys per Resolver

# why a surface form is one entity with another name (``kg merges``)
GAZETTEER_ALIAS = "gazetteer alias"  # Tencent for 腾讯: kg's gazetteer (or a KG_GAZETTEER file) lists it
USER_ALIAS = "your entity list"  # listed in a --entities file
TRADITIONAL = "traditional form"  # 騰訊 for 腾讯
SPELLING = "spelling variant"  # case, width, spacing, quotes, 公司/Inc./大模型 suffixes
COUNTRY = "country before the name"  # 英国曼彻斯特大学 for 曼彻斯特大学
DECIDED = "your merge decision"  # merge A=B
REASONS = (GAZETTEER_ALIAS, USER_ALIAS, TRADITIONAL, VIA_BRACKETS, VIA_SHORT_FORM, VIA_ACRONYM, SPELLING, VIA_MISSPELLING,
           COUNTRY, DECIDED)
_EMPTY = Gazetteer([])


_VERSION_HYPHEN = re.compile(r"(?<=[a-z])[-_](?=\d)")


def mention_key(text: str, type_: str, *, gazetteer: Gazetteer, key: str | None = None) -> str:
    """The resolution key of a surface form: equal keys are one entity."""
    return resolve_name(text, type_, gazetteer=gazetteer, key=key)[0]


def resolve_name(text: str, type_: str, *, gazetteer: Gazetteer, key: str | None = None) -> tuple[str, str | None]:
    """The resolution key of a surface form, and how it got there when that was more than its own spelling
    (one of :data:`REASONS`, else None). ``key`` is the mention's key from extraction."""
    if key and key.startswith("="):  # an alias written in brackets after a name the gazetteer does not know
        return resolve_name(key[1:], type_, gazetteer=gazetteer)[0], None
    if key:
        return "g:" + key, _gazetteer_reason(text, key, gazetteer)
    entry = gazetteer.resolve(text)
    if entry is None:
        simp = to_simplified(text)
        entry = gazetteer.resolve(simp) if simp != text else None
    k = name_key(to_simplified(text))
    how = TRADITIONAL if k != name_key(text) else None
    if entry is None and type_ in (ORG, COMPANY):
        rest = _without_country(text)
        if rest is not None:  # 美国马里兰大学 = 马里兰大学 (美国西北大学 is a gazetteer name: resolved above, never cut)
            return resolve_name(rest, type_, gazetteer=gazetteer)[0], COUNTRY
        rest = _registered_name(to_simplified(text), gazetteer)
        if rest is not None:  # 北京慧夜科技有限公司 = 慧夜科技: a registered name's place and legal form
            return resolve_name(rest, type_, gazetteer=gazetteer)[0], SPELLING
        stripped = strip_company_suffix(k)
        entry = gazetteer.lookup(stripped) if stripped != k else None
        how = SPELLING if stripped != k else how
        k = stripped
        trade = _TRADE_WORD.search(k) if entry is None else None
        if trade and trade.start() >= 2:  # 魅族科技 = 魅族, 小米科技 = 小米: a company the gazetteer knows, by its trade word
            known = gazetteer.lookup(k[:trade.start()])
            if known is not None and known.type == COMPANY:
                return "g:" + known.name, SPELLING
    elif entry is None and type_ == MODEL:
        stripped = strip_model_suffix(k)
        entry = gazetteer.lookup(stripped) if stripped != k else None
        how = SPELLING if stripped != k else how
        k = stripped
        if entry is None:  # SAM-2 = SAM 2 = SAM2: a hyphen between a model's name and its version number
            joined = _VERSION_HYPHEN.sub("", k)
            if joined != k:
                entry, how, k = gazetteer.lookup(joined), SPELLING, joined
    elif entry is not None:
        how = _gazetteer_reason(text, entry.name, gazetteer)
    if entry is not None:
        return "g:" + entry.name, how
    return "n:" + k, how


def _gazetteer_reason(text: str, canonical: str, gazetteer: Gazetteer) -> str | None:
    """Why ``text`` is the gazetteer entry ``canonical``: None where it is that name, spelt otherwise."""
    k = name_key(text)
    if k == name_key(canonical):
        return None
    if k in gazetteer.user_keys:
        return USER_ALIAS
    entry = gazetteer.resolve(text)
    if entry is None and name_key(to_simplified(text)) != k:
        return TRADITIONAL
    return GAZETTEER_ALIAS


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


_LEGAL_FORM = re.compile(r"(?:[（(]([\u4e00-\u9fff]{2,3})[）)])?(?:集团)?(?:股份有限公司|有限责任公司|有限公司)$")


_TRADE_WORD = re.compile(r"(?:科技集团|科技|技术|集团)$")
_TRADE_TAIL = re.compile(r"[\u4e00-\u9fff]{2,}(?:科技|智能|网络|信息技术)$")  # 北京慧夜科技: the same without the legal form


def _registered_name(text: str, gazetteer: Gazetteer) -> str | None:
    """慧夜科技 for 北京慧夜科技有限公司 and for 慧夜科技（北京）有限公司: a registered company name is place + trade
    name + legal form (名称登记); the trade name is what news calls the company. Only where a place the gazetteer
    knows stands first or in brackets, and three characters or more are left."""
    legal = _LEGAL_FORM.search(text) or _TRADE_TAIL.search(text)
    if legal is None:
        return None
    body = text[:legal.start()] if legal.re is _LEGAL_FORM else text
    place = legal.group(1) if legal.re is _LEGAL_FORM else None
    if place is None:
        for n in (4, 3, 2):
            entry = gazetteer.lookup(body[:n])
            if entry is not None and entry.type == LOCATION:
                place = body[:n]
                break
        if place is None:
            return None
        body = body[len(place):]
    else:
        entry = gazetteer.lookup(place)
        if entry is None or entry.type != LOCATION:
            return None
    if legal.re is _TRADE_TAIL:
        from .extract.entities.evidence import common_word

        trade = re.match(r"(.+?)(?:科技|智能|网络|信息技术)$", body)
        if len(body) < 4 or trade is None or common_word(trade.group(1)):
            return None  # 上海人工智能: 人工 is a common word, no trade name
    return body if len(body) >= 3 else None


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
    reasons: dict = field(default_factory=dict)  # surface form -> set of REASONS it was merged for


class Resolver:
    """Feed it documents' mentions and relations; :meth:`result` gives entities and relations.

    ``decisions``: a user's merge and split decisions (:mod:`kg.decisions`), applied to every name."""

    def __init__(self, *, gazetteer: Gazetteer | None = None, decisions: Iterable[Decision] = ()):
        self.gazetteer = gazetteer or load_gazetteer()
        self._entities: dict[str, _EntityAcc] = {}
        self._mentions = MentionStore()  # relation mentions, on disk once there are many
        self.documents: dict[str, str] = {}  # doc id -> content hash
        self.metadata: dict[str, dict] = {}  # doc id -> its title, date, url, author, publication, source
        self._keys: dict[tuple, tuple[str, str | None]] = {}  # (text, type, key, via) -> (key, reason)
        decisions = tuple(decisions)
        self._rules = Rules(decisions, key=lambda t, ty: mention_key(t, ty, gazetteer=self.gazetteer),
                            plain=lambda t, ty: mention_key(t, ty, gazetteer=_EMPTY),
                            display=display_form) if decisions else None

    def key(self, m: Mention) -> str:
        return self._key_reason(m)[0]

    def _key_reason(self, m: Mention) -> tuple[str, str | None]:
        # Memoised: the same surface forms recur in every document, and each key costs NFKC,
        # OpenCC and up to three gazetteer look-ups. Cleared when full, so memory stays bounded.
        ck = (m.text, m.type, m.key, m.via)
        kr = self._keys.get(ck)
        if kr is None:
            if len(self._keys) >= KEY_CACHE_SIZE:
                self._keys.clear()
            k, how = resolve_name(m.text, m.type, gazetteer=self.gazetteer, key=m.key)
            if m.via and m.key:  # the document made it another name's alias: in brackets, or a short form
                how = m.via
            kr = self._keys[ck] = self._decide(m.text, m.type, (k, how))
        return kr

    def _decide(self, text: str, type_: str, kr: tuple[str, str | None]) -> tuple[str, str | None]:
        """A key and reason after the user's decisions: split off, or merged elsewhere."""
        if self._rules is None:
            return kr
        k, how = kr
        split = self._rules.split(text, type_, k)
        if split is not None:
            k, how = split, None
        merged = self._rules.merged(text, type_, k)
        return (merged, DECIDED) if merged != k else (k, how)

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
        k, how = self._key_reason(m)
        acc = self._acc(k)
        surface = display_form(m.text)
        # a form that points at another name (亚马逊（Amazon）, Altman after Sam Altman) is an alias, never the label
        acc.surfaces[surface] += 0 if m.key and m.key.startswith("=") else count
        if how is not None:
            acc.reasons.setdefault(surface, set()).add(how)
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
        merges = graph.graph.get("merges")
        merges = merges if isinstance(merges, dict) else {}
        for n, a in graph.nodes(data=True):
            label, typ = a.get("label", n), a.get("type", "")
            k, _ = self._decide(label, typ, resolve_name(label, typ, gazetteer=self.gazetteer))
            keys[n] = k
            acc = self._acc(k)
            n_mentions = int(a.get("mentions", 0))
            acc.surfaces[display_form(label)] += max(1, n_mentions)  # the label stays the best surface
            acc.mentions += n_mentions
            for d in a.get("docs", []):
                acc.docs.setdefault(d, None)
            why = merges.get(n) if isinstance(merges.get(n), dict) else {}
            for alias in a.get("aliases", []):
                acc.surfaces[alias] += 0  # known as an alias, outweighed by any surface seen in text
                if isinstance(why.get(alias), str):
                    acc.reasons.setdefault(alias, set()).update(r for r in why[alias].split(", ") if r)
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
            label = acc.canonical or (self._rules and self._rules.labels.get(k)) or _best_surface(acc.surfaces)
            typ = acc.canonical_type or _best_type(acc.types)
            if acc.canonical in product_names() and acc.types:
                # Midjourney 这样的工具 / Midjourney 的创始人: a product-named company takes its mentions' majority type
                top = max(acc.types.values())
                typ = typ if acc.types.get(typ, 0) == top else _best_type(acc.types)
            eid, n = label, 1
            while eid in used:  # two entities with one label: "name (TYPE)", then "name (TYPE 2)", ...
                eid = f"{label} ({typ})" if n == 1 else f"{label} ({typ} {n})"
                n += 1
            used[eid] = k
            aliases = tuple(sorted(s for s in acc.surfaces if s and s != label))
            out[k] = Entity(eid, label, typ, aliases, acc.mentions, tuple(sorted(acc.docs)))
        return out

    def merges(self, entities: dict[str, Entity] | None = None) -> dict[str, dict[str, str]]:
        """``{entity id: {alias: reason}}`` for every entity with aliases: why each alias is that entity
        (reasons from :data:`REASONS`, several joined by ", ")."""
        ents = entities if entities is not None else self.entities()
        out = {}
        for k, e in sorted(ents.items(), key=lambda x: x[1].id):
            if e.aliases:
                reasons = self._entities[k].reasons
                out[e.id] = {a: ", ".join(sorted(reasons.get(a) or (SPELLING,), key=_reason_rank)) for a in e.aliases}
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
        meta = dict(meta or {})
        merges = self.merges(ents)
        if merges:
            meta["merges"] = merges
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


def _reason_rank(reason: str) -> tuple:
    return (REASONS.index(reason) if reason in REASONS else len(REASONS), reason)


def _evidence_rank(item: tuple) -> tuple:
    """Best first: the most confident, then by document and position (a total order)."""
    ev, conf = item
    return (-conf, ev.doc, ev.start, ev.end)


def _best_surface(surfaces: Counter) -> str:
    return sorted(surfaces.items(), key=lambda x: (-x[1], len(x[0]), x[0]))[0][0]


def _best_type(types: Counter) -> str:
    return sorted(types.items(), key=lambda x: (-x[1], x[0]))[0][0]
