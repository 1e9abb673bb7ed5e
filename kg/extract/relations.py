"""Relations between the mentions of one sentence: trigger words with direction rules, title patterns
(腾讯 AI Lab 副主任俞栋), possessives (腾讯的混元), names (腾讯 AI Lab → 腾讯), passives (被/由/获),
list coordination, and rivalry set out across a paragraph (除了腾讯，其他巨头… 例如 OpenAI…).

Nothing is inferred from co-occurrence alone: every rule needs a trigger, a title or a structure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import combinations
from typing import Iterator

from ..resources_data import Trigger, titles, triggers
from ..schema import COMPANY, CORE_TYPES, MODEL, ORG, PERSON, RELATIONS
from ..types import Analysis, Evidence, Mention, RelationMention, Sentence
from .gazetteer import Gazetteer, load_gazetteer

_CLAUSE = re.compile(r"[，,；;：:]|(?<=[^\d])、(?=[^\d])(?!.)")  # clause breaks (、 only joins lists)
_COORD = re.compile(r"^\s*(、|和|与|及|以及|跟|同|还有|,|，|/|&|and)\s*$", re.I)
_MODIFIER_USE = re.compile(r"(榜单|榜|社区|生态|领域|方面|项目|协议|许可|阵营|路线|策略|战略|趋势|浪潮|界|圈|会|者|方|商|版本|计划|能力|经验|成本|团队|部门|人员|工作)")
_PAREN = re.compile(r"[（(][^）)]{0,40}[）)]")
_NEG = re.compile(r"(不|未|没有|没|否认|并非|并未|无意|拒绝|难以|不会|尚未|停止)\s*(将|会|再|打算|计划|考虑)?\s*$")
_NEG_SPAN = re.compile(r"并未|未曾|没有|否认|并非|尚未|不会|不再|拒绝|从未|未(?![来知])")
_PASSIVE = ("被", "由", "遭", "获得", "获")
_PREP = ("从", "在", "与", "和", "同", "跟", "对", "向", "于", "自", "为")
_TITLE_GAP = re.compile(r"^\s*(的)?\s*(前|原|现任|时任|新任|首任|前任)?\s*$")
_ELLIPSIS_LINK = re.compile(r"[，,][^，,。]{0,4}?(是|为|出任|担任|任|兼任|身兼)[^，,。]{0,8}$")
_PERSON_LINK = re.compile(r"^\s*[,，（(]?\s*(现任|曾任|此前担任|曾担任|担任|出任|作为|身为|是|为|任|系|曾是|此前是|前|原)?\s*$")
_RIVAL_CUE = re.compile(r"竞争|竞相|争夺|角逐|混战|大战|比拼|抢占|争相|对手|竞品|赛跑|较量|PK|对决|厮杀|群雄|争霸")
_DISCOURSE = re.compile(r"除了?\s*$")
_OTHERS = re.compile(r"^[，,]?\s*(其他|其它|别的|众多|不少|多家)\s*(科技)?(巨头|大厂|公司|厂商|企业|玩家|对手|科技公司|科技巨头|互联网公司)")
_EXAMPLE = re.compile(r"^\s*(例如|比如|譬如|其中|像)")
_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})\s*日?)?")

SYMMETRIC = {r for r, t in RELATIONS.items() if t.symmetric}


@dataclass(frozen=True)
class _Ctx:
    analysis: Analysis
    sent: Sentence
    mentions: tuple[Mention, ...]

    def gap(self, a: int, b: int) -> str:
        return self.analysis.doc.text[a:b]


def extract_relations(analysis: Analysis, *, gazetteer: Gazetteer | None = None) -> list[RelationMention]:
    """All relations in ``analysis`` (its mentions must already be refined), deduplicated."""
    gaz = gazetteer or load_gazetteer()
    core = [m for m in analysis.mentions if m.type in CORE_TYPES]
    out: list[RelationMention] = []
    by_sent = []
    for sent in analysis.sentences:
        ms = tuple(m for m in core if sent.start <= m.start and m.end <= sent.end)
        by_sent.append(ms)
        ctx = _Ctx(analysis, sent, ms)
        out += _title_relations(ctx)
        out += _trigger_relations(ctx)
        out += _possessive_relations(ctx)
        out += _coordination_rivals(ctx)
    out += list(_join_details(analysis, out))
    out += _name_relations(analysis, core, gaz)
    out += _discourse_rivals(analysis, by_sent)
    return _dedupe(out)


# --- helpers -----------------------------------------------------------------------------------
def _ok(rel: str, head: Mention, tail: Mention) -> bool:
    t = RELATIONS[rel]
    if (head.start, head.end) == (tail.start, tail.end) or _same(head, tail):
        return False
    return head.type in t.head and tail.type in t.tail


def _same(a: Mention, b: Mention) -> bool:
    return (a.key or a.text) == (b.key or b.text)


def _evidence(ctx: _Ctx) -> Evidence:
    return Evidence(ctx.analysis.doc.id, ctx.sent.text, ctx.sent.start, ctx.sent.end)


def _date(ctx: _Ctx) -> str | None:
    m = _DATE.search(ctx.sent.text)
    if not m:
        return None
    y, mo, d = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= mo <= 12:
        return None
    return f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d and 1 <= int(d) <= 31 else "")


def _rel(ctx, rel, head, tail, conf, *, role=None, trigger=None) -> RelationMention:
    return RelationMention(head, rel, tail, _evidence(ctx), round(conf, 2), role, _date(ctx), trigger)


def _clause_bounds(ctx: _Ctx, pos: int) -> tuple[int, int]:
    """The clause of the sentence around doc offset ``pos``: between separators not inside a mention."""
    s, text = ctx.sent, ctx.analysis.doc.text
    inside = lambda i: any(m.start <= i < m.end for m in ctx.mentions)  # noqa: E731
    a = pos
    while a > s.start and not (text[a - 1] in "，,；;：:" and not inside(a - 1)):
        a -= 1
    b = pos
    while b < s.end and not (text[b] in "，,；;：:。！？!?" and not inside(b)):
        b += 1
    return a, b


def _group(ctx: _Ctx, ms: list[Mention], first: int, step: int, types) -> list[Mention]:
    """``ms[first]`` plus the mentions coordinated with it (、 和 与 及), walking in direction ``step``."""
    group = [ms[first]]
    i = first
    while 0 <= i + step < len(ms):
        a, b = (ms[i], ms[i + step]) if step > 0 else (ms[i + step], ms[i])
        if b.type not in types and a.type not in types:
            break
        gap = _PAREN.sub("", ctx.gap(a.end, b.start))
        if not _COORD.match(gap) and not (a.type not in types and b.type in types and gap.strip() == "的"):
            break
        nxt = ms[i + step]
        if nxt.type in types:
            group.append(nxt)
        i += step
    return group


# --- title patterns ---------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _title_regex() -> re.Pattern:
    words = sorted(titles(), key=len, reverse=True)
    return re.compile(r"(?:(?![的和与及、，,。])[A-Za-z0-9\u4e00-\u9fff ]){0,8}?(?:" + "|".join(re.escape(w) for w in words) + ")", re.I)


def _title_kind(role: str) -> str:
    """The kind of the title a role ends with (研究副总裁 → member, 技术负责人 → lead)."""
    kinds = titles()
    for n in range(len(role)):
        k = kinds.get(role[n:]) or kinds.get(role[n:].upper())
        if k:
            return k
    return "member"


def _title_relations(ctx: _Ctx) -> Iterator[RelationMention]:
    """ORG [的] TITLE PERSON, and PERSON，[是/任] ORG [的] TITLE."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    kinds = titles()
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY, MODEL):
            continue
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        limit = nxt.start if nxt else ctx.sent.end
        window = text[org.end:min(limit, org.end + 16)]
        m = re.match(r"\s*(的)?\s*(前|原|现任|时任|新任|首任|前任)?\s*(联合创始人兼|创始人兼|兼)?", window)
        pos = m.end()
        t = _title_regex().match(window, pos)
        if not t:
            continue
        roles = [t.group(0).strip()]
        end_in_window = t.end()
        while True:  # 联合创始人、CTO · 创始人兼 CEO
            c = re.match(r"\s*(、|兼|和|及|/)\s*", window[end_in_window:])
            t2 = _title_regex().match(window, end_in_window + c.end()) if c else None
            if not t2:
                break
            roles.append(t2.group(0).strip())
            end_in_window = t2.end()
        pre = text[max(ctx.sent.start, org.start - 3):org.start].strip()[-1:]
        former_before = pre in ("前", "原")
        role = (pre if former_before else "") + (m.group(2) or "") + (m.group(3) or "") + roles[-1]
        title_end = org.end + end_in_window
        person = None
        if nxt is not None and nxt.type == PERSON and re.fullmatch(r"\s*(兼\S{1,8}|是|为|由|系)?\s*", text[title_end:nxt.start]):
            person, conf = nxt, 0.9
        else:
            # PERSON，ORG TITLE  /  PERSON 是 ORG 的 TITLE
            prev = ms[i - 1] if i > 0 else None
            link = text[prev.end:org.start - (1 if former_before else 0)] if prev is not None else ""
            if prev is not None and prev.type == PERSON and _PERSON_LINK.match(link):
                person, conf = prev, 0.85
            elif _ELLIPSIS_LINK.search(text[max(ctx.sent.start, org.start - 8):org.start]):
                # 周嘉树已加盟腾讯，出任腾讯自研「混元」的技术负责人 · …，是 OpenAI 的联合创始人之一
                people = [p for p in ms[:i] if p.type == PERSON]
                possessor = ms[i - 1] if i > 0 and ms[i - 1].type in (ORG, COMPANY) and \
                    re.fullmatch(r"\s*(的|自研的?|旗下的?)?\s*", text[ms[i - 1].end:org.start]) else None
                if people:
                    person, conf = people[-1], 0.75
                    if possessor is not None and org.type == MODEL:
                        yield from _title_facts(ctx, person, possessor, "member", role, conf, False)
        if person is None:
            continue
        former = former_before or bool(m.group(2) and m.group(2) in ("前", "原", "前任"))
        for r in roles:
            prefix = role[: len(role) - len(roles[-1])]
            yield from _title_facts(ctx, person, org, _title_kind(r), prefix + r, conf, former)


def _title_facts(ctx, person, org, kind, role, conf, former) -> Iterator[RelationMention]:
    if org.type == MODEL:  # 混元的技术负责人: leads the model
        if (kind == "lead" or "负责" in role) and not former and _ok("leads", person, org):
            yield _rel(ctx, "leads", person, org, conf - 0.05, role=role)
        return
    if "创始人" in role or kind == "found":
        if _ok("founded", person, org):
            yield _rel(ctx, "founded", person, org, conf)
        if kind == "found":
            return
    if kind == "edu":
        if _ok("educated_at", person, org):
            yield _rel(ctx, "educated_at", person, org, conf)
        return
    if _ok("works_for", person, org):
        yield _rel(ctx, "works_for", person, org, conf, role=role)
    if kind == "lead" and not former and _ok("leads", person, org):
        yield _rel(ctx, "leads", person, org, conf - 0.05, role=role)


# --- trigger words ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _trigger_index() -> tuple[re.Pattern, dict[str, list[Trigger]]]:
    by_word: dict[str, list[Trigger]] = {}
    for t in triggers():
        by_word.setdefault(t.word.lower(), []).append(t)
    words = sorted(by_word, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.I), by_word


def _trigger_relations(ctx: _Ctx) -> Iterator[RelationMention]:
    rx, by_word = _trigger_index()
    text = ctx.analysis.doc.text
    s = ctx.sent
    for m in rx.finditer(text, s.start, s.end):
        a, b = m.start(), m.end()
        word = m.group(0)
        if word.isascii() and ((a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum())):
            continue
        if any(x.start < b and a < x.end for x in ctx.mentions):
            continue  # a trigger inside a name (创新工场 ≠ 创)
        if _NEG.search(text[max(s.start, a - 6):a]):
            continue
        if _MODIFIER_USE.match(text, b):
            continue  # 开源社区, 发布会: the word names a thing here, it is not the verb
        for trig in by_word[word.lower()]:
            yield from _apply_trigger(ctx, trig, a, b)


def _apply_trigger(ctx: _Ctx, trig: Trigger, a: int, b: int) -> Iterator[RelationMention]:
    rel = RELATIONS[trig.relation]
    lo, hi = _clause_bounds(ctx, a)
    left = [m for m in ctx.mentions if lo <= m.start and m.end <= a]
    right = [m for m in ctx.mentions if b <= m.start and m.end <= hi]
    if not left and not right:
        return
    if trig.relation in SYMMETRIC:
        yield from _symmetric(ctx, trig, left, right)
        return
    if left and _NEG_SPAN.search(ctx.gap(left[0].end, a)):
        return
    text = ctx.analysis.doc.text
    passive = list(_passive(ctx, trig, lo, a, left, b))
    if passive:
        yield from passive
        return
    if not any(m.type in rel.head for m in left):
        subj = _carried_subject(ctx, lo, rel.head, verb_first=not text[lo:a].strip(" 了"))
        if subj is not None:
            left = [subj] + left
    if trig.relation == "invests_in" and re.search(r"(方|者|机构|的有)(包括|为)?$", trig.word) and right:
        raised, ev = _raised_company(ctx, right[0].start)
        investors = [m for m in right if m.type in rel.head]
        if raised is not None and investors:
            for h in _group(ctx, right, right.index(investors[0]), +1, rel.head):
                if _ok("invests_in", h, raised):
                    r = _rel(ctx, "invests_in", h, raised, 0.75, trigger=trig.word)
                    yield r if ev is None else replace(r, evidence=ev)
        return
    if trig.frame in ("svo", "any") and any(m.type in rel.tail for m in right):
        hs = [i for i, m in enumerate(left) if m.type in rel.head]
        if hs:
            heads = _group(ctx, left, hs[-1], -1, rel.head)
            ti = next(i for i, m in enumerate(right) if m.type in rel.tail)
            if ti <= 1:  # the object follows the verb closely
                tails = _group(ctx, right, ti, +1, rel.tail)
                for h in heads:
                    for t in tails:
                        if _ok(trig.relation, h, t):
                            yield _rel(ctx, trig.relation, h, t, 0.8, trigger=trig.word)
                return
    if trig.frame in ("pre", "any"):
        found = list(_pre_frame(ctx, trig, left))
        yield from found
        if not found and trig.relation == "invests_in":
            yield from _round_investors(ctx, trig, left, a)


_RAISED = re.compile(r"(完成|获得|宣布|获|拿到|启动)[^，,。；;]{0,16}(融资|投资)")


def _round_investors(ctx: _Ctx, trig: Trigger, left: list[Mention], a: int) -> Iterator[RelationMention]:
    """X 完成 5 亿元融资，由 A 领投、B 跟投: investors in this clause, X the company that raised."""
    investors = [m for m in left if m.type in RELATIONS["invests_in"].head]
    if not investors:
        return
    raised, ev = _raised_company(ctx, investors[0].start)
    if raised is None:
        return
    for h in _group(ctx, left, left.index(investors[0]), +1, RELATIONS["invests_in"].head):
        if _ok("invests_in", h, raised):
            r = _rel(ctx, "invests_in", h, raised, 0.75, trigger=trig.word)
            yield r if ev is None else replace(r, evidence=ev)


def _raised_company(ctx: _Ctx, before: int) -> tuple[Mention | None, Evidence | None]:
    """The company that 完成/获得 … 融资 earlier in this sentence, else in the sentence before (本轮由 A 领投)."""
    text = ctx.analysis.doc.text
    for m in reversed([m for m in ctx.mentions if m.end <= before]):
        if m.type == COMPANY and _RAISED.search(text[m.end:min(ctx.sent.end, m.end + 24)]):
            return m, None
    sents = ctx.analysis.sentences
    k = next((i for i, s in enumerate(sents) if s.start == ctx.sent.start), 0)
    if k == 0 or "\n\n" in text[sents[k - 1].end:ctx.sent.start] or not re.match(r"\s*(本轮|此轮|该轮|这轮|本次)", ctx.sent.text):
        return None, None
    prev = sents[k - 1]
    for m in ctx.analysis.mentions:
        if prev.start <= m.start < prev.end and m.type == COMPANY and _RAISED.search(text[m.end:min(prev.end, m.end + 24)]):
            return m, Evidence(ctx.analysis.doc.id, text[prev.start:ctx.sent.end], prev.start, ctx.sent.end)
    return None, None


_PASSIVE_RX = re.compile(r"被|由(?!于|此|来|衷)|遭")
_PASSIVE_INVEST = re.compile(r"被|由(?!于|此|来|衷)|获得|获")
_CLAUSE_START = re.compile(r"^\s*((19|20)\d{2}\s*年(\s*\d{1,2}\s*月)?|今年|去年|上月|本月|近日|随后|后来|)\s*(从|在|于|向|对|参与|负责|主导|带领|继续|开始|正式|成功|率先|首次|已|已经|并|并且|将|将于|还|也|随后|同时|正在|正|计划|宣布|再|又|先后|此前|曾|于|则|均|都|目前|随即|进而|继而|另外|此外)")


def _passive(ctx: _Ctx, trig: Trigger, lo: int, a: int, left: list[Mention], b: int) -> Iterator[RelationMention]:
    """TAIL 被/由 HEAD [、HEAD2] TRIGGER: 极序科技由程亦凡创立 · 光年之外被美团收购 · 由红杉领投、真格跟投."""
    rel = RELATIONS[trig.relation]
    text = ctx.analysis.doc.text
    rx_p = _PASSIVE_INVEST if trig.relation == "invests_in" else _PASSIVE_RX
    markers = [m for m in rx_p.finditer(text, lo, a) if not any(x.start <= m.start() < x.end for x in ctx.mentions)]
    if not markers:
        return
    p = markers[-1].start()
    # heads after the marker, but after any earlier trigger of the same relation (由 A 领投、B 跟投)
    rx, by_word = _trigger_index()
    since = p
    for t in rx.finditer(text, p, a):
        if any(x.relation == trig.relation for x in by_word[t.group(0).lower()]):
            since = t.end()
    heads = [m for m in left if m.start >= since and m.type in rel.head and not _title_org(ctx, m)]
    if not heads:
        return
    before = [m for m in left if m.end <= p and m.type in rel.tail]
    ev = None
    rel_clause = re.match(r"\s*(的|之)\s*", text[b:b + 4])  # 由 X 创立的 Y: Y follows
    after = [m for m in ctx.mentions if m.start >= b and m.type in rel.tail]
    if rel_clause and after and after[0].start - b <= rel_clause.end() + 6:
        tail = after[0]
    elif before:
        tail = before[-1]
    elif trig.relation == "invests_in":
        tail, ev = _raised_company(ctx, heads[0].start)
    else:
        tail = _carried_subject(ctx, lo, rel.tail, allow_same_clause=True)
    if tail is None:
        return
    for h in heads:
        if _ok(trig.relation, h, tail):
            r = _rel(ctx, trig.relation, h, tail, 0.8, trigger=trig.word)
            yield r if ev is None else replace(r, evidence=ev)


def _title_org(ctx: _Ctx, m: Mention) -> bool:
    """An organisation that only qualifies the person after it (前华为研究员方启航)."""
    if m.type not in (ORG, COMPANY):
        return False
    nxt = [x for x in ctx.mentions if x.start >= m.end]
    if not nxt or nxt[0].type != PERSON:
        return False
    gap = ctx.gap(m.end, nxt[0].start)
    return bool(_title_regex().fullmatch(gap.strip()) or gap.strip() in ("的",)) if gap.strip() else False


def _carried_subject(ctx: _Ctx, lo: int, types, *, allow_same_clause: bool = False,
                     verb_first: bool = False) -> Mention | None:
    """The subject of an earlier clause carried over a comma: 腾讯近日宣布，已完成对 X 的收购.
    A subject is a mention of one of ``types`` within a few characters of its clause's start."""
    text = ctx.analysis.doc.text
    if not allow_same_clause and (lo <= ctx.sent.start or not (verb_first or _CLAUSE_START.match(text[lo:lo + 12]))):
        return None
    if text[max(ctx.sent.start, lo - 1):lo] in ("：", ":"):
        return None
    subjects = [m for m in ctx.mentions if m.type in types and (m.start < lo or allow_same_clause)
                and not _title_org(ctx, m) and _clause_initial(ctx, m)]
    if not subjects:
        return None
    return subjects[0] if allow_same_clause else subjects[-1]


_SECTION = re.compile(r"【[^】]{0,20}】|\[[^\]]{0,20}\]")


def _clause_initial(ctx: _Ctx, m: Mention) -> bool:
    """Is ``m`` the subject at the start of its clause? A section tag (【快手】) or a title phrase before it
    (原微软亚洲研究院首席研究员聂思远) does not count against it."""
    text = ctx.analysis.doc.text
    c0 = _clause_bounds(ctx, m.start)[0]
    prefix = _SECTION.sub("", text[c0:m.start])
    for x in ctx.mentions:
        if c0 <= x.start and x.end <= m.start:
            prefix = prefix.replace(x.text, "")
    prefix = _title_regex().sub("", prefix)
    return len(prefix.strip()) <= 6


def _pre_frame(ctx: _Ctx, trig: Trigger, left: list[Mention]) -> Iterator[RelationMention]:
    """Head and tail both before the trigger: 俞栋从腾讯离职 · OpenAI 加快 GPT-5 的研发 · 腾讯 AI Lab 副主任俞栋离职."""
    rel = RELATIONS[trig.relation]
    text = ctx.analysis.doc.text
    heads = [i for i, m in enumerate(left) if m.type in rel.head]
    if not heads:
        return
    hi = heads[0] if rel.head != frozenset({PERSON}) else heads[-1]
    head = left[hi]
    co = {id(x) for x in _group(ctx, left, hi, +1, rel.head)}
    tails = [m for m in left[hi + 1:] if m.type in rel.tail and id(m) not in co]
    if tails:
        for t in _group(ctx, left, left.index(tails[0]), +1, rel.tail):
            if _ok(trig.relation, head, t):
                yield _rel(ctx, trig.relation, head, t, 0.75, trigger=trig.word)
        return
    # ORG [的] TITLE PERSON … 离职: the organisation named with the person's title
    if hi > 0:
        org = left[hi - 1]
        between = text[org.end:head.start]
        if org.type in rel.tail and (_title_regex().search(between) or between.strip() in ("的", "")) and len(between) <= 12:
            if _ok(trig.relation, head, org):
                yield _rel(ctx, trig.relation, head, org, 0.8, trigger=trig.word)


def _kin(m: Mention) -> tuple[str, ...]:
    """Rivals and partners are of one kind: models with models, organisations with organisations."""
    return (MODEL,) if m.type == MODEL else (ORG, COMPANY)


def _heads_only(ctx: _Ctx, ms: list[Mention]) -> list[Mention]:
    """Drop possessors (字节跳动 in 字节跳动的豆包) and title organisations (华为 in 华为研究员张三)."""
    out = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        if nxt is not None and _POSSESSIVE.match(ctx.gap(m.end, nxt.start)) and ctx.gap(m.end, nxt.start).strip():
            continue
        if _title_org(ctx, m):
            continue
        out.append(m)
    return out


def _symmetric(ctx: _Ctx, trig: Trigger, left: list[Mention], right: list[Mention]) -> Iterator[RelationMention]:
    rel = RELATIONS[trig.relation]
    lh = _heads_only(ctx, [m for m in left if m.type in rel.head])
    rh = _heads_only(ctx, [m for m in right if m.type in rel.head])
    text = ctx.analysis.doc.text
    pairs: list[tuple[Mention, Mention]] = []
    if rh and trig.frame in ("svo", "any") and right.index(rh[0]) <= 2:
        subj = lh[-1] if lh else _carried_subject(ctx, _clause_bounds(ctx, right[0].start)[0], _kin(rh[0]),
                                                  verb_first=True)
        if subj is not None:
            kin = _kin(subj)
            first = next((m for m in rh if m.type in kin), None)
            if first is not None:
                pairs += [(subj, t) for t in _group(ctx, right, right.index(first), +1, kin)]
    elif len(lh) >= 2:
        # A 与/和/同/跟 B(、C) … 竞争: A against each of the others; a bare list competes pairwise
        split = None
        for i in range(len(lh) - 1):
            gap = _PAREN.sub("", text[lh[i].end:lh[i + 1].start])
            if re.search(r"(与|同|跟|被)", gap) or (re.search(r"和", gap) and not _COORD.match(gap)):
                split = i
                break
        if split is not None:
            a = lh[split]
            for b in _group(ctx, left, left.index(lh[split + 1]), +1, _kin(a)):
                pairs.append((a, b))
        else:
            group = _group(ctx, left, left.index(lh[-1]), -1, _kin(lh[-1]))
            if len(group) >= 2:
                pairs += list(combinations(group, 2))
    for h, t in pairs:
        if _kin(h) == _kin(t) and _ok(trig.relation, h, t):
            yield _rel(ctx, trig.relation, h, t, 0.75, trigger=trig.word)


_FROM_ORG = re.compile(r"从\s*$")
_THEN_TITLE = re.compile(r"[^。；;]{0,8}?[，,]\s*(并|将|随后|同时|并将|后)?\s*(出任|担任|任)\s*")


def _join_details(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """从 Google 加入苹果 → departed_from Google; 加盟 Meta，出任首席 AI 官 → works_for Meta (role)."""
    text = analysis.doc.text
    for r in rels:
        if r.relation != "joined":
            continue
        ev = r.evidence
        ctx = _Ctx(analysis, Sentence(ev.start, ev.end, ev.sentence), ())
        for m in analysis.mentions:
            if r.head.end <= m.start and m.end <= r.tail.start and m.type in (ORG, COMPANY) \
                    and _FROM_ORG.search(text[max(ev.start, m.start - 2):m.start]) and not _same(m, r.tail):
                yield _rel(ctx, "departed_from", r.head, m, 0.75, trigger="从")
        then = _THEN_TITLE.match(text, r.tail.end, ev.end)
        if then:
            t = _title_regex().match(text, then.end(), ev.end)
            if t:
                yield from _title_facts(ctx, r.head, r.tail, _title_kind(t.group(0).strip()), t.group(0).strip(), 0.8, False)


# --- possessives and names ---------------------------------------------------------------------
_POSSESSIVE = re.compile(r"^\s*(的|旗下的?|自研的?|自家的?|推出的|发布的|开发的|研发的|开源的|最新的?|新一代的?)?\s*$")


def _possessive_relations(ctx: _Ctx) -> Iterator[RelationMention]:
    """腾讯的混元 · OpenAI 旗下的 GPT-5 · 谷歌 Gemini → develops."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:]):
        if b.type == MODEL and a.type in (COMPANY, ORG) and _POSSESSIVE.match(ctx.gap(a.end, b.start)):
            yield _rel(ctx, "develops", a, b, 0.7)


def _name_relations(analysis: Analysis, mentions: list[Mention], gaz: Gazetteer) -> Iterator[RelationMention]:
    """A unit named after its parent: 腾讯 AI Lab → 腾讯 (part_of); 腾讯混元 → 腾讯 (develops)."""
    seen: set[tuple[str, str]] = set()
    present = {m.key or m.text for m in mentions} | {m.text for m in mentions}
    for m in mentions:
        if m.type not in (ORG, COMPANY, MODEL):
            continue
        for form in dict.fromkeys((m.text, m.key or m.text)):
            parent = _parent(form, gaz)
            if parent is None or (parent.name == (m.key or m.text)):
                continue
            if parent.name not in present:
                continue  # 微软亚洲研究院 alone says nothing of 微软 unless the text names 微软 too
            rest = form[len(form) - len(form.lstrip()):]
            if m.type == MODEL and re.match(r"[\s]*[-\d.]", form[_prefix_len(form, parent):]):
                continue  # DeepSeek-V3: a version of a name, not a company's product line
            rel = "develops" if m.type == MODEL else "part_of"
            key = (m.key or m.text, parent.name)
            if key in seen:
                break
            seen.add(key)
            sent = next(s for s in analysis.sentences if s.start <= m.start < s.end)
            head = Mention(parent.name, parent.type, m.start, m.start, "rule", parent.name, 1.0)
            ctx = _Ctx(analysis, sent, ())
            if rel == "part_of":
                if _ok(rel, m, head):
                    yield _rel(ctx, rel, m, head, 0.85)
            elif _ok(rel, head, m):
                yield _rel(ctx, rel, head, m, 0.75)
            break


def _prefix_len(form: str, entry) -> int:
    from ..text import name_key

    for end in range(len(form) - 1, 0, -1):
        if name_key(form[:end]) in {name_key(x) for x in (entry.name, *entry.aliases)}:
            return end
    return 0


def _parent(form: str, gaz: Gazetteer):
    """The longest company/org alias that ``form`` starts with, if the rest is a name of its own."""
    best = None
    for end in range(len(form) - 1, 1, -1):
        prefix = form[:end]
        entry = gaz.lookup(prefix)
        if entry is not None and entry.type in (COMPANY, ORG):
            rest = form[end:].strip()
            if rest and not (prefix[-1].isascii() and prefix[-1].isalnum() and rest[0].isascii() and rest[0].isalnum()
                             and form[end] != " "):
                best = entry
                break
    return best


# --- rivalry ----------------------------------------------------------------------------------
def _coordination_rivals(ctx: _Ctx) -> Iterator[RelationMention]:
    """OpenAI、Google 和 Meta 都在争夺… : companies listed side by side with a rivalry cue."""
    st = ctx.sent.text
    if not _RIVAL_CUE.search(st):
        return
    ms = list(ctx.mentions)
    i = 0
    while i < len(ms):
        if ms[i].type != COMPANY:
            i += 1
            continue
        group = _group(ctx, ms, i, +1, (COMPANY,))
        i += max(1, len(group))
        if len(group) < 2:
            continue
        after = ctx.gap(group[-1].end, min(ctx.sent.end, group[-1].end + 14))
        if not (_RIVAL_CUE.search(after) or re.match(r"\s*(等|之间|三家|两家|几家)", after)):
            continue
        for a, b in combinations(group, 2):
            if not _same(a, b):
                yield _rel(ctx, "competes_with", a, b, 0.6)


def _discourse_rivals(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """除了腾讯，其他科技巨头也在积极布局。例如，OpenAI… Google… Meta… → 腾讯 competes_with each."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k, sent in enumerate(sents):
        for m in by_sent[k]:
            if m.type not in (COMPANY, ORG) or not _DISCOURSE.search(text[max(sent.start, m.start - 3):m.start]):
                continue
            if not _OTHERS.match(text[m.end:sent.end]):
                continue
            # the following sentences of the same paragraph: their subjects are the rivals
            for j in range(k + 1, min(k + 5, len(sents))):
                nxt = sents[j]
                if "\n" in text[sents[j - 1].end:nxt.start]:
                    break
                if j > k + 1 and not by_sent[j]:
                    continue
                subj = [x for x in by_sent[j] if x.type in (COMPANY, ORG)]
                first = subj[0] if subj else None
                lead = text[nxt.start:first.start] if first else ""
                if first is None or len(lead) > 8 or not (j == k + 1 and _EXAMPLE.match(lead) or len(lead.strip("，, ")) <= 3 or _EXAMPLE.match(lead)):
                    continue
                if _same(first, m):
                    continue
                ev = Evidence(analysis.doc.id, text[sent.start:nxt.end], sent.start, nxt.end)
                yield RelationMention(m, "competes_with", first, ev, 0.6, None, None, None)


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
