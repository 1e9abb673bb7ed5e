"""Relations from structure rather than verbs: possessives (腾讯的混元), names (腾讯 AI Lab → 腾讯), and
rivalry set out by lists or across a paragraph."""
from __future__ import annotations

import re
from dataclasses import replace
from itertools import combinations
from typing import Iterator

from ...schema import COMPANY, MODEL, ORG, PERSON, RELATIONS
from ...types import Analysis, Evidence, Mention, RelationMention
from ..gazetteer import Gazetteer
from ._base import _ADVISED_BY, _BEHIND_IS, _heads_only, _Ctx, _OWN, _POSSESSIVE, _clause_bounds, _clause_initial, _group, _ok, _rel, _same, _title_regex, sentence_holding


_RIVAL_CUE = re.compile(r"竞争|竞相|争夺|角逐|混战|大战|比拼|抢占|争相|对手|竞品|赛跑|较量|PK|对决|厮杀|群雄|争霸")


_DISCOURSE = re.compile(r"除了?\s*$")


_OTHERS = re.compile(r"^[，,]?\s*(其他|其它|别的|众多|不少|多家)\s*(科技)?(巨头|大厂|公司|厂商|企业|玩家|对手|科技公司|科技巨头|互联网公司)")


_EXAMPLE = re.compile(r"^\s*(例如|比如|譬如|其中|像)")


_BASED_ON = re.compile(r"(?:基于|采用|使用|借鉴|沿用|参考)\s*$")


# X 的另一个算法 Y, X 的新模型 Y, X 的首个大模型 Y: a kind of model between the possessor and the name
_POSSESSIVE_KIND = re.compile(r"^\s*的\s*(?:另一个|另一款|一个|一款|新|最新|首个|首款|第一个|新一代|最新一代|开源)?\s*(?:的)?\s*"
                              r"(?:多模态)?(?:大)?(?:语言)?(?:模型|算法|AI\s*模型|AI\s*系统|人工智能系统|聊天机器人)\s*"
                              r"(?:(?:产品|系列)?\s*(?:叫做?|名为|名叫|称为|是)\s*)?$")  # 远山的聊天机器人产品叫 Zephyra


# after PERSON 的 ORG: the organisation is a thing the person holds or a place of study, not an employer
_NOT_HIS = re.compile(r"\s*(?:的)?\s*(?:股份|股票|股权|持股|投资|母校|校友|学位|课程|offer|邀请|录取)", re.I)


# 投 X 的是 Y · 领投本轮的是 Y · 收购 X 的是 Y · 开发 X 的是 Y: a cleft sentence names the doer after 的是
_CLEFT_VERB = {"invests_in": r"(?:领投|跟投|参投|投资|投)(?:了)?", "acquires": r"(?:收购|买下)(?:了)?",
               "develops": r"(?:开发|研发|训练|打造|发布|推出)(?:了)?"}
_CLEFT_AFTER = re.compile(r"\s*的\s*(?:人|机构|公司|团队)?\s*(?:是|为|正是|就是|则是)\s*")


def _clefts(ctx: _Ctx) -> Iterator[RelationMention]:
    """此次投 HeyGen 的是 Benchmark 合伙人 Peter Fenton: the doer named after 的是 did the verb to the name before."""
    if "的是" not in ctx.sent.text and "的则是" not in ctx.sent.text and "的为" not in ctx.sent.text:
        return
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    for i, tail in enumerate(ms[:-1]):
        after = _CLEFT_AFTER.match(text, tail.end, ms[i + 1].start)
        if after is None or after.end() != ms[i + 1].start:
            continue
        for rel, verb in _CLEFT_VERB.items():
            if not re.search(verb + r"\s*$", text[max(ctx.sent.start, tail.start - 4):tail.start]):
                continue
            doers = _group(ctx, ms, i + 1, +1, (PERSON, COMPANY, ORG))
            # (Benchmark 合伙人 Peter Fenton: the person a title names after the organisation is the doer too)
            k = i + 1 + len(doers)
            if len(doers) == 1 and k < len(ms) and ms[k].type == PERSON and doers[0].type in (COMPANY, ORG) \
                    and _title_regex().fullmatch(text, doers[0].end, len(text[:ms[k].start].rstrip())):
                doers.append(ms[k])
            for d in doers:
                if _ok(rel, d, tail):
                    yield _rel(ctx, rel, d, tail, 0.7, trigger="的是")


_HIS_FIRM = re.compile(r"\s*的\s*(?:(?:AI|人工智能|新|创业|初创|新创)\s*)?(?:公司|初创公司|创业公司)?\s*")  # 王磊的 AI 公司 X
_HIS_START_UP = re.compile(r"\s*的\s*(?:AI|人工智能)?\s*(?:创业公司|初创公司|新创公司|创业项目)\s*[：:]?\s*")  # 王磊的创业公司：X


def _possessive_relations(ctx: _Ctx) -> Iterator[RelationMention]:
    """腾讯的混元 · OpenAI 旗下的 GPT-5 · 谷歌 Gemini · DeepMind 的另一个算法 AlphaGo → develops; 智谱提交了自家的
    GLM-4.5 → develops."""
    ms = ctx.mentions
    text = ctx.analysis.doc.text
    for a, b in zip(ms, ms[1:]):
        if b.type == MODEL and a.type in (COMPANY, ORG) and (_POSSESSIVE.match(ctx.gap(a.end, b.start))
                                                           or _POSSESSIVE_KIND.match(ctx.gap(a.end, b.start))) \
                and not _BASED_ON.search(text, max(ctx.sent.start, a.start - 4), a.start):
            yield _rel(ctx, "develops", a, b, 0.7)  # (基于 X 的 Y: Y is built on X, not made by it)
        his = a.type == PERSON and b.type in (COMPANY, ORG) and not _NOT_HIS.match(text, b.end) \
            and not _ADVISED_BY.search(text, max(ctx.sent.start, a.start - 4), a.start)  # (师从李飞飞的斯坦福博士 X)
        start_up = his and _HIS_START_UP.fullmatch(text, a.end, b.start)
        if his and (_HIS_FIRM.fullmatch(ctx.gap(a.end, b.start)) or start_up) and _ok("works_for", a, b):
            yield _rel(ctx, "works_for", a, b, 0.65)  # 李飞飞的 World Labs, Sarah Guo 的 Conviction: the person's firm
            if start_up and _ok("founded", a, b):
                yield _rel(ctx, "founded", a, b, 0.65)  # 王磊的创业公司 X: the start-up is his own
    for i, m in enumerate(ms):
        if m.type == MODEL and _OWN.search(text[max(ctx.sent.start, m.start - 5):m.start]):
            subj = [x for x in ms[:i] if x.type in (COMPANY, ORG) and _clause_initial(ctx, x)]
            if subj:
                for t in _group(ctx, list(ms), i, +1, (MODEL,)):
                    yield _rel(ctx, "develops", subj[-1], t, 0.7)


def _name_relations(analysis: Analysis, mentions: list[Mention], gaz: Gazetteer) -> Iterator[RelationMention]:
    """A unit named after its parent: 腾讯 AI Lab → 腾讯 (part_of); 腾讯混元 → 腾讯 (develops)."""
    seen: set[tuple[str, str]] = set()
    named: dict[str, Mention] = {}  # each name the document uses → its first mention
    for m in mentions:
        named.setdefault(m.key or m.text, m)
        named.setdefault(m.text, m)
    for m in mentions:
        if m.type not in (ORG, COMPANY, MODEL):
            continue
        for form in dict.fromkeys((m.text, m.key or m.text)):
            parent = _parent(form, gaz)
            if parent is None or (parent.name == (m.key or m.text)):
                continue
            head = named.get(parent.name)
            if head is None:
                continue  # 微软亚洲研究院 alone says nothing of 微软 unless the text names 微软 too
            if m.type == MODEL and re.match(r"[\s]*[-\d.]", form[_prefix_len(form, parent):]):
                continue  # DeepSeek-V3: a version of a name, not a company's product line
            if m.type == COMPANY and _SAME_FIRM.fullmatch(form[_prefix_len(form, parent):]):
                continue  # 比亚迪实业公司, 美团龙珠资本: the company itself, spelt out, not a unit of it
            rel = "develops" if m.type == MODEL else "part_of"
            key = (m.key or m.text, parent.name)
            if key in seen:
                break
            seen.add(key)
            sent = sentence_holding(analysis, m)
            if sent is None:
                break
            ctx = _Ctx(analysis, sent, ())
            head = _parent_mention(analysis.doc.text, sent, m, parent, mentions)
            if head is None:
                break  # only the unit's canonical name spells the parent, and this sentence does not name it
            if rel == "part_of":
                if _ok(rel, m, head):
                    yield _rel(ctx, rel, m, head, 0.85)
            elif _ok(rel, head, m):
                yield _rel(ctx, rel, head, m, 0.75)
            break


_TEAM_OF = re.compile(r"\s*(?:研发|研究|开发|技术|核心)?\s*(?:团队|项目组|小组)$")


def _model_teams(analysis: Analysis, mentions: list[Mention]) -> Iterator[RelationMention]:
    """MobileMamba团队, Wonderland 研发团队: a team named after a model the document names develops it (the model's
    end is the part of the team's name that spells it)."""
    models = {m.key or m.text: m for m in mentions if m.type == MODEL}
    models.update({m.text: m for m in mentions if m.type == MODEL})
    seen: set[tuple[str, str]] = set()
    for m in mentions:
        if m.type != ORG:
            continue
        cut = _TEAM_OF.search(m.text)
        stem = m.text[:cut.start()].rstrip() if cut else ""
        model = models.get(stem)
        if model is None or (m.key or m.text, model.key or model.text) in seen:
            continue
        seen.add((m.key or m.text, model.key or model.text))
        sent = sentence_holding(analysis, m)
        if sent is None:
            continue
        tail = Mention(stem, MODEL, m.start, m.start + len(stem), model.source, model.key, model.confidence)
        if _ok("develops", m, tail):
            yield _rel(_Ctx(analysis, sent, ()), "develops", m, tail, 0.75)


_SAME_FIRM = re.compile(r"\s*(?:实业|科技|技术|网络|信息|集团|控股|股份|资本|投资)?\s*(?:股份有限公司|有限责任公司|有限公司|公司|集团|"
                        r"科技|资本|控股|Inc\.?|Corp\.?|Ltd\.?|LLC)?\s*", re.I)


def _parent_mention(text: str, sent, m: Mention, parent, mentions: list[Mention]) -> Mention | None:
    """The parent's end of a name relation, inside the unit's sentence (the evidence): a mention of the parent
    there (字节跳动旗下的 Seed 团队), else the part of the unit's own name that spells it (腾讯 AI Lab → 腾讯)."""
    for x in mentions:
        if x is not m and sent.start <= x.start and x.end <= sent.end and parent.name in (x.key, x.text):
            return x
    n = _prefix_len(m.text, parent)  # also when the parent came from the canonical name (腾讯音乐娱乐集团 → 腾讯音乐 → 腾讯)
    while n and text[m.start + n - 1].isspace():
        n -= 1
    if not n:
        return None
    return Mention(text[m.start:m.start + n], parent.type, m.start, m.start + n, "gazetteer", parent.name, m.confidence)


def _prefix_len(form: str, entry) -> int:
    """How many characters of ``form`` spell one of ``entry``'s names (case, width and spaces aside)."""
    from ...text import fold

    names = {fold(x).replace(" ", "") for x in (entry.name, *entry.aliases)}
    for end in range(len(form) - 1, 0, -1):
        if fold(form[:end]).replace(" ", "") in names:
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
_CONTEST = re.compile(r"参赛|赛题|赛道队伍|竞赛|大赛|挑战赛|比赛|报名")
_RIVALS_OF = re.compile(r"\s*(?:也|都|均|则)?\s*(?:是|为|成为|成了|被视为|被看作)\s*[^，,。；;的]{1,20}?的")


def _coordination_rivals(ctx: _Ctx) -> Iterator[RelationMention]:
    """OpenAI、Google 和 Meta 都在争夺… : companies listed side by side with a rivalry cue."""
    st = ctx.sent.text
    if not _RIVAL_CUE.search(st):
        return
    ms = _heads_only(ctx, list(ctx.mentions))
    i = 0
    while i < len(ms):
        if ms[i].type != COMPANY:
            i += 1
            continue
        group = _group(ctx, ms, i, +1, (COMPANY,))
        i += max(1, len(group))
        if len(group) < 2 or re.search(r"(与|同|跟|和|来自)\s*$", ctx.gap(ctx.sent.start, group[0].start)):
            continue  # A 与 B、C 争夺…: B and C are A's rivals, not each other's
        after = ctx.gap(group[-1].end, min(ctx.sent.end, group[-1].end + 14))
        if not (_RIVAL_CUE.search(after) or re.match(r"\s*(等|之间|三家|两家|几家)", after)):
            continue
        if _RIVALS_OF.match(after):
            continue  # 谷歌和微软都是 OpenAI 的竞争对手: rivals of the name after, not of each other
        if _CONTEST.search(st):
            continue  # 参赛队伍包括 A、B、C 等公司团队: entrants of a contest, not rivals in a market
        for a, b in combinations(group, 2):
            if not _same(a, b):
                yield _rel(ctx, "competes_with", a, b, 0.6)


# 王磊曾在青禾工作，但他于 2021 年离开: leaving without an object leaves the organisation just named
_WORKED_AT = re.compile(r"(?:在|于)\s*$")
_THEN_LEFT = re.compile(r"\s*(?:工作|任职|就职|待了|待过|效力)[^。；;！？!?]{0,20}?[，,]\s*(?:但|但是|后来|之后|随后|最终|最后|并于?)?\s*"
                        r"(?:他|她)?\s*(?:在|于)?\s*(?:\d{4}\s*年)?\s*(?:又|也|便|就)?\s*(?:离开|离职|辞职)(?:了)?\s*(?:创业|出来)?(?=[，,。；;！？!?]|$)")


def _left_after_working(ctx: _Ctx) -> Iterator[RelationMention]:
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for i, org in enumerate(ms):
        if org.type not in (COMPANY, ORG) or not _WORKED_AT.search(text, max(ctx.sent.start, org.start - 2), org.start):
            continue
        if not _THEN_LEFT.match(text, org.end, ctx.sent.end):
            continue
        people = [m for m in ms[:i] if m.type == "PERSON"]
        if people and _ok("departed_from", people[-1], org):
            yield _rel(ctx, "departed_from", people[-1], org, 0.7)


# 青禾的母公司远山 · 远山（青禾的母公司） · 远山是青禾的母公司 · 青禾集团的子公司云帆科技: parent and unit
_KIN_BETWEEN = re.compile(r"\s*的?\s*(母公司|子公司|控股公司)\s*[:：]?\s*")
_KIN_ASIDE = re.compile(r"\s*+的?\s*+(母公司|子公司|控股公司|[\u4e00-\u9fffA-Za-z ]{0,8}?(?:研究机构|实验室|研究院|部门|事业部|事业群|团队))\s*+[）)]")
_KIN_IS = re.compile(r"\s*的?\s*(母公司|控股公司)")


def _parent_companies(ctx: _Ctx) -> Iterator[RelationMention]:
    text = ctx.analysis.doc.text
    ms = [m for m in ctx.mentions if m.type in (COMPANY, ORG)]
    for a, b in zip(ms, ms[1:]):
        gap = text[a.end:b.start]
        k = _KIN_BETWEEN.fullmatch(gap)
        if k:  # a 的 KIN b: b is a's KIN
            unit, parent = (a, b) if k.group(1) != "子公司" else (b, a)
        elif re.fullmatch(r"\s*[（(]\s*", gap) and (aside := _KIN_ASIDE.match(text, b.end)):  # a（b 的 KIN）: a is b's KIN
            kin = aside.group(1)
            unit, parent = (b, a) if kin in ("母公司", "控股公司") else (a, b)  # 星桥实验室（远山科技的研究机构）: a is b's unit
        elif re.fullmatch(r"\s*(?:是|为|系|作为)\s*", gap) and _KIN_IS.match(text, b.end):  # a 是 b 的母公司
            unit, parent = b, a
        else:
            continue
        if _ok("part_of", unit, parent):
            yield _rel(ctx, "part_of", unit, parent, 0.75)


# A 比 B 快 7 倍 · 它比 B 更强 · 与 B 相比，A 更… · A 还能和 B、C 打得有来有回: two models compared are rivals
# (data/README.md: competes_with); not two versions of one family (GPT-4 比 GPT-3 强)
# (比表现最好的闭源模型 X 高出 2 分: a short description of the model may stand after 比)
_THAN_BEFORE = re.compile(r"(?:比|比起|相比于|相较于)\s*(?:[^，,。；;比\s]{0,10}?(?:模型|的)\s*)?(?:\d+B\s*模型\s*)?$")
_THAN_AFTER = re.compile(r"\s*+(?:模型)?\s*+(?:还|更|都|要|仍)?\s*+(?:快|慢|强|好|高|低|小|大|少|多|优|领先|准确|出色|便宜|轻|超出|提高|提升|胜出)")
_TIMES_OF = re.compile(r"\s*的\s*\d+(?:\.\d+)?\s*倍")  # 速度是 LocalVim 的 21 倍、EfficientVMamba 的 3.3 倍
_WITH_BEFORE = re.compile(r"(?:与|和|跟|同)\s*(?:(?:旧版|新版|最新版|原版|开源版|闭源版|最强的|最新的)的?)?\s*$")  # 和旧版的 GPT-4
# 将 A 与最近发布的开源模型（即 B 和 C）进行了比较: the models after 即 are what A is compared with
_WITH_BRACKET_BEFORE = re.compile(r"(?:与|和|跟|同)[^，,。；;（()）]{0,24}[（(]\s*(?:即|包括|如|例如|比如)\s*$")
_MATCHED = re.compile(r"[^，,。；;！？!?]{0,12}?(?:相比|对比|比较|打得有来有回|不相上下|旗鼓相当|一较高下|相媲美|媲美|持平|差不多|平分秋色|"
                      r"相当|相仿)")  # (not 接近: 与其微调模型更为接近 is likeness, not rivalry)
# 相比于 B 和 C，A 表现更好: the models after 相比于 are what the clause's subject after the comma is compared with
_COMPARED_TO = re.compile(r"(?:相比于|相较于|相比起|比起|对比)\s*$")
_BETTER_AFTER = re.compile(r"[^，,。；;！？!?]{0,16}?(?:更|优于|领先|超过|超越|胜过|强于|好于|落后|不如|逊于|优势)")
_LISTED = re.compile(r"\s*(?:、|和|与|以及|及)\s*$")


def _family(m: Mention) -> str:
    """The family a model's name starts with: GPT of GPT-4o, 混元 of 混元-A13B ("" for a name that starts otherwise)."""
    return family_of(m.key or m.text)


def family_of(name: str) -> str:
    found = re.match(r"[A-Za-z]+|[^A-Za-z0-9\s\-]+", name.lstrip("="))
    return found.group(0).lower() if found else ""


def _model_comparisons(ctx: _Ctx) -> Iterator[RelationMention]:
    ms = [m for m in ctx.mentions if m.type == MODEL]
    text = ctx.analysis.doc.text
    compared = set()
    for k, b in enumerate(ms):
        before = text[max(ctx.sent.start, b.start - 16):b.start]
        if _TIMES_OF.match(text, b.end) and re.search(r"(?:是|为|、)\s*$", before):
            compared.add(k)
            subjects = [m for j, m in enumerate(ms[:k]) if j not in compared]
            if subjects and not re.search(r"[。；;！？!?]", text[subjects[0].end:b.start]):
                yield from _rivals(ctx, subjects[0], [b])  # A 的速度是 B 的 21 倍
        elif _THAN_BEFORE.search(before) and _THAN_AFTER.match(text, b.end):
            compared.add(k)
            # (在 RetinaNet 上比 X 提升: a model used as a setting is not the subject)
            subjects = [m for j, m in enumerate(ms[:k]) if j not in compared and not (
                re.search(r"在\s*$", text[max(ctx.sent.start, m.start - 2):m.start]) and re.match(r"\s*上", text[m.end:m.end + 2]))]
            if subjects and not re.search(r"[。；;！？!?]", text[subjects[-1].end:b.start]):
                yield from _rivals(ctx, subjects[-1], [b])  # A 比 B 快, A 采用新架构，它比 B 快
        elif k not in compared and _COMPARED_TO.search(before):
            group = [b]
            while k + len(group) < len(ms) and _LISTED.fullmatch(text[group[-1].end:ms[k + len(group)].start] + " "):
                group.append(ms[k + len(group)])
            later = ms[k + len(group):]
            if later and re.fullmatch(r"\s*(?:模型)?\s*[，,]\s*", text[group[-1].end:later[0].start]) \
                    and _BETTER_AFTER.match(text, later[0].end):
                compared.update(range(k, k + len(group) + 1))
                yield from _rivals(ctx, later[0], group)
        elif k not in compared and (_WITH_BEFORE.search(before)
                                    or _WITH_BRACKET_BEFORE.search(text, max(ctx.sent.start, b.start - 32), b.start)):
            group = [b]
            while k + len(group) < len(ms) and _LISTED.fullmatch(text[group[-1].end:ms[k + len(group)].start] + " "):
                group.append(ms[k + len(group)])
            if not _MATCHED.match(text, group[-1].end):
                continue
            compared.update(range(k, k + len(group)))
            earlier = [m for j, m in enumerate(ms[:k]) if j not in compared]
            later = ms[k + len(group):]
            subject = earlier[-1] if earlier else (later[0] if later else None)  # A 与 B 相比 · 与 B 相比，A 更…
            if subject is not None:
                yield from _rivals(ctx, subject, group)


def _rivals(ctx: _Ctx, a: Mention, others: list[Mention]) -> Iterator[RelationMention]:
    for b in others:
        if not _same(a, b) and _family(a) != _family(b):
            yield _rel(ctx, "competes_with", a, b, 0.65)


# 来自 A 和 B 的最新研究成果: one piece of research by both
_FROM_JOINT = re.compile(r"\s*+(?:等(?:多所|多家)?(?:单位|机构|高校|团队|院校))?\s*+的\s*+(?:(?:最新|一项|一篇|这项|新|联合|合作)\s*+){0,2}"
                         r"(?:研究成果|研究|论文|成果)(?!团队|人员|者|员|小组)")  # (…的研究团队，提出: the verb rule's)
_RESEARCHERS = re.compile(r"\s*+(?P<etc>等(?:多所|多家|研究)?(?:单位|机构|高校|团队|院校))?\s*+的?\s*+(?P<who>研究人员|研究团队|研究者|研究员|科学家|学者|团队)?"
                          r"\s*+(?:们)?\s*+(?P<together>联合|共同|合作)?\s*+(?:提出|开发|完成|发布|推出|研发|发现|打造|构建|训练|开源|发表)")


def _org_lists(ctx: _Ctx, ms: list[Mention]) -> Iterator[list[Mention]]:
    """Each run of two or more organisations joined by list marks (A、B 和 C), left to right."""
    i = 0
    while i < len(ms):
        if ms[i].type not in (COMPANY, ORG):
            i += 1
            continue
        group = _group(ctx, ms, i, +1, (COMPANY, ORG))
        i += max(1, len(group))
        if len(group) >= 2:
            yield group


def _joint_research(ctx: _Ctx) -> Iterator[RelationMention]:
    """北京大学、浙江大学和美团的研究人员开发了… · 由来自 A、B 的研究团队完成: organisations that did one piece
    of research together partner with each other (data/README.md: joint research is partners_with). A list
    without such a verb says nothing (…的学者圆桌讨论)."""
    text = ctx.analysis.doc.text
    for group in _org_lists(ctx, _heads_only(ctx, list(ctx.mentions))):
        r = _RESEARCHERS.match(ctx.gap(group[-1].end, ctx.sent.end))
        work = _FROM_JOINT.match(text, group[-1].end, ctx.sent.end)
        if work and not (re.search(r"来自\s*$", text[max(ctx.sent.start, group[0].start - 4):group[0].start])
                         or re.search(r"联合|合作", work.group(0))):
            work = None  # (A 和 B 的研究: whose research each is, unless 来自 or 联合 says it is one)
        if not work and (not r or not (r.group("etc") or r.group("who") or r.group("together"))):
            continue  # 中共中央、国务院发布…: publishing a document together is no research
        for a, b in combinations(group, 2):
            if not _same(a, b) and _ok("partners_with", a, b):
                yield _rel(ctx, "partners_with", a, b, 0.65)


_POACH = re.compile(r"挖(?:走|来|过来|到|角)?(?:了)?")


def _poached(ctx: _Ctx) -> Iterator[RelationMention]:
    """青禾科技从远山科技挖走了王磊 · 他是青禾科技在 2018 年从远山科技挖过来的: the person left the second
    organisation and joined the first (works_for both: the real-news golds give all four)."""
    text = ctx.analysis.doc.text
    ms = _heads_only(ctx, list(ctx.mentions))
    for hit in _POACH.finditer(text, ctx.sent.start, ctx.sent.end):
        a, b = hit.span()
        if any(m.start <= a < m.end for m in ms):
            continue
        lo, hi = _clause_bounds(ctx, a)
        before = [m for m in ms if lo <= m.start and m.end <= a]
        src = next((m for m in reversed(before) if m.type in (ORG, COMPANY)
                    and re.search(r"从\s*$", text[max(lo, m.start - 2):m.start])), None)
        if src is None or ctx.gap(src.end, a).strip(" 的"):
            continue  # 从 X 挖: the organisation the person came from stands right before the verb
        dest = next((m for m in reversed(before) if m.type in (ORG, COMPANY) and m.end <= src.start and not _same(m, src)), None)
        if dest is None:
            continue
        people = [m for m in ms if b <= m.start and m.end <= hi and m.type == PERSON]
        if people and people[0].start - b <= 6:
            people = _group(ctx, [m for m in ms if m.start >= people[0].start], 0, +1, (PERSON,))
        else:  # 他是苹果从 Google 挖过来的: the person is the subject before
            people = [m for m in before if m.type == PERSON and m.end <= dest.start][-1:] \
                if re.match(r"\s*(?:过来|来)?\s*的", text[b:b + 4]) else []
        for p in people:
            for rel, org in (("departed_from", src), ("works_for", src), ("joined", dest), ("works_for", dest)):
                if _ok(rel, p, org):
                    yield _rel(ctx, rel, p, org, 0.7, trigger=hit.group(0))


# A 和 B 共同开发了 M · 由 A、B 联合推出的 M: what the organisations made together, each of them made
_MADE_TOGETHER = re.compile(r"\s*+(?:等(?:单位|机构|公司|高校|团队)?)?\s*+(?:共同|联合|一起|合作)\s*+"
                            r"(?:开发|研发|推出|发布|打造|训练|提出|开源|研制)\s*+(?:了|出|的)?\s*+")


def _made_together(ctx: _Ctx) -> Iterator[RelationMention]:
    """远山科技和青禾科技共同开发了 Orion 模型: each organisation of the list develops the models named right after
    the verb (the partnership itself is the trigger 共同开发's)."""
    ms = _heads_only(ctx, list(ctx.mentions))
    for group in _org_lists(ctx, ms):
        verb = _MADE_TOGETHER.match(ctx.analysis.doc.text, group[-1].end, ctx.sent.end)
        if verb is None:
            continue
        after = [m for m in ms if m.start >= verb.end()]
        if not after or after[0].type != MODEL or after[0].start - verb.end() > 12 \
                or re.search(r"[，,。；;]", ctx.gap(verb.end(), after[0].start)):
            continue
        for model in _group(ctx, after, 0, +1, (MODEL,)):
            for org in group:
                if _ok("develops", org, model):
                    yield _rel(ctx, "develops", org, model, 0.75, trigger=verb.group(0).strip())


_PRODUCED = re.compile(r"\s*+(?:等(?:单位|机构|高校|团队)?)?\s*+(?:联合|共同)?\s*+出品")


def _produced_by(ctx: _Ctx) -> Iterator[RelationMention]:
    """新的 Zephyr 视觉模型发布｜青禾大学/远山实验室联合出品: the organisations that 出品 (produced) the work
    develop the one model the sentence names."""
    ms = _heads_only(ctx, list(ctx.mentions))
    models = {m.key or m.text: m for m in ms if m.type == MODEL}
    if len(models) != 1:
        return
    model = next(iter(models.values()))
    for i, m in enumerate(ms):
        if m.type not in (ORG, COMPANY) or not _PRODUCED.match(ctx.gap(m.end, ctx.sent.end)):
            continue
        for org in _group(ctx, ms, i, -1, (ORG, COMPANY)):
            if _ok("develops", org, model):
                yield _rel(ctx, "develops", org, model, 0.7, trigger="出品")


_FROM_INVESTORS = re.compile(r"\s*+(?:等[^，,。；;！？!?]{0,8}?)?\s*+(?:那里|处|手中)?\s*+(?:又|再次|还|已经?|共)?\s*+(?:拿到|获得|拿了|筹集|募集|融|得到|获)了?"
                             r"(?:(?![^，,。；;！？!?]{0,24}?(?:贷款|订单|补贴|奖金))[^，,。；;！？!?]{0,24}?(?:投资|融资|资金|风投)|\s*+(?:另外|又|额外|新的)?\s*+(?:约|近|超过)?\s*+[\d.,]+\s*+(?:多|余)?\s*+"
                             r"[万亿千百]*\s*+(?:美金|美元|元|人民币|欧元|英镑)(?!\s*+(?:的)?\s*+(?:贷款|订单|收入|营收|补贴|奖金|罚款|赔偿|合同)))")
# (青禾从北辰资本又获得 5 亿美元, 从红杉筹集了一大笔资金: money from an investor; 从银行获得 20 亿元贷款 is a loan)


def _funding_from(ctx: _Ctx) -> Iterator[RelationMention]:
    """X 刚从 A、B、C 等机构那里拿到一笔天使轮投资: each of the list invested in X, the company before 从."""
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    i = 0
    while i < len(ms):
        m = ms[i]
        if m.type not in (COMPANY, ORG, PERSON) or not re.search(r"从\s*$", text[max(ctx.sent.start, m.start - 2):m.start]):
            i += 1
            continue
        group = _group(ctx, ms, i, +1, (COMPANY, ORG, PERSON))
        i += max(1, len(group))
        if not _FROM_INVESTORS.match(text, max(g.end for g in group)):
            continue
        raised = [x for x in ms if x.type == COMPANY and x.end <= m.start and not re.search(r"[。；;！？!?]", text[x.end:m.start])]
        if not raised:
            continue
        for h in group:
            if _ok("invests_in", h, raised[-1]):
                yield _rel(ctx, "invests_in", h, raised[-1], 0.7, trigger="从…拿到投资")


_SUPPLIER = re.compile(r"^\s*(?:正式|已经|已|也|还)?\s*(?:成为|是|作为)\s*$")
_SUPPLIER_TAIL = re.compile(r"^\s*的?\s*[^，,。；;]{0,12}?(?:供应商|供货商|合作伙伴|代工厂)")


def _suppliers(ctx: _Ctx) -> Iterator[RelationMention]:
    """比亚迪成为摩托罗拉的锂电池供应商 → partners_with (a supplier deal, data/README.md)."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:]):
        if a.type not in (COMPANY, ORG) or b.type not in (COMPANY, ORG) or _same(a, b):
            continue
        if _SUPPLIER.match(ctx.gap(a.end, b.start)) and _SUPPLIER_TAIL.match(ctx.gap(b.end, ctx.sent.end)):
            if _ok("partners_with", a, b):
                yield _rel(ctx, "partners_with", a, b, 0.7)
        # 作为远山科技的核心供应商，青禾电子…: the supplier is the subject of the clause after the comma
        fronted = _SUPPLIER_TAIL.match(ctx.gap(a.end, b.start))
        if fronted and re.search(r"作为\s*$", ctx.gap(max(ctx.sent.start, a.start - 4), a.start)) \
                and re.fullmatch(r"[，,]\s*", ctx.gap(a.end + fronted.end(), b.start)) and _ok("partners_with", a, b):
            yield _rel(ctx, "partners_with", b, a, 0.7)


_BACKED = re.compile(r"^\s*(?:(?:共同|联合|早期|最早)?(?:所)?(?:支持|投资|孵化|押注|注资|背书|资助|支持和投资))\s*的\s*"
                     r"(?:[^，,。；;、]{0,12}?(?:初创公司|创业公司|初创企业|公司|企业|独角兽|团队|平台))?\s*$")


def _backed_by(ctx: _Ctx) -> Iterator[RelationMention]:
    """由 OpenAI 支持的 1X, 红杉孵化的青禾科技, 微软投资的 AI 初创公司 Inflection → invests_in (an investor-backed firm)."""
    ms = ctx.mentions
    for a, b in zip(ms, ms[1:]):
        if b.type != COMPANY or a.type not in (COMPANY, ORG, PERSON) or _same(a, b):
            continue
        if _BACKED.match(ctx.gap(a.end, b.start)) and _ok("invests_in", a, b):
            for h in _group(ctx, list(ms), ms.index(a), -1, (a.type,)):
                yield _rel(ctx, "invests_in", h, b, 0.7, trigger="支持")


# A 从 X 融资 / 获得融资; A 刚拿完 X 40 亿美金; A 的投资机构 X、Y; X 给其种子轮投了 (其: the firm named before)
_FROM = re.compile(r"^\s*(?:已经?|刚刚?|又|再次|近日|日前|此前)?\s*从\s*$")
_RAISED_AFTER = re.compile(r"\s*+(?:处|那里)?\s*+(?:获得|拿到|筹集|募集)?了?\s*+(?:[\d.,]+\s*+(?:多|余)?\s*+[万亿千百]*\s*+(?:美金|美元|元|人民币)?|"
                           r"新一轮|[^，,。；;]{0,6}?轮)?\s*+(?:的)?\s*+(?:融资|投资)")
_TOOK = re.compile(r"^\s*(?:已经?|刚刚?|又|再次)?\s*拿(?:完|了|到|下)了?\s*$")
_SUM_AFTER = re.compile(r"\s*(?:的)?\s*[\d.,]+\s*(?:多|余)?\s*[万亿千百]+\s*(?:美金|美元|元|人民币|欧元|英镑)")  # (拿下 X 10 万用户: no money)
_ITS_INVESTORS = re.compile(r"(?:其(?![他它])\s*(?:在[^，,。；;]{1,6}的)?|^\s*的)\s*(?:投资(?:机构|方|人)|股东)\s*(?:包括了?|有|为|是|：|:)?\s*$")
_FUNDING_WORDS = re.compile(r"从|拿|获得|得到|收到|投资|股东|给其|融资|注资")  # (a quick test: the sentence may say one of the phrases below)
_AND = re.compile(r"\s*(?:和|与|及|、)\s*")
# A 在早期拿了 X 和 Y 的钱 · A 此前获得过 X 的投资: the firm before took money from the firms (or people) after
_TOOK_FROM = re.compile(r"^\s*(?:(?:在|于)?\s*(?:之前|此前|早期|早些时候|去年|前期|过去)\s*)?(?:已经?|曾|刚刚?|又|先后|也)?\s*"
                        r"(?:拿|获得|得到|收到)(?:了|过|到)?了?\s*$")
_AMOUNT = r"(?:[\d.,]+\s*(?:多|余)?\s*[万亿千百]*|数[十百千]*[万亿]+|[一二两三四五六七八九十几]+[十百千]*[万亿]+)\s*(?:美金|美元|元|人民币|欧元)*"
# (获得 X、Y 的数千万元投资 · 获得 X、Y 等数千万元人民币投资: an amount or a round between the backers and the money)
_MONEY_OF = re.compile(r"\s*(?:的|等(?:机构)?的?)\s*(?:" + _AMOUNT + r"|[^，,。；;]{0,6}?轮)?\s*(?:的)?\s*"
                       r"(?:钱|投资|融资|资金|注资|天使投资|种子投资)|\s*等\s*" + _AMOUNT + r"\s*(?:的)?\s*(?:投资|融资)")
_LED_ITS = re.compile(r"\s*(?:在[^，,。；;]{1,10}?)?\s*给其[^，,。；;]{0,8}?投了")  # (领投了其: the discourse module's 其)


_ROUND_BRACKET = re.compile(r"(?:融资|投资|注资)\s*[（(]([^（()）]{2,80})[）)]")
_INVESTED_AFTER = re.compile(r"\s*(?:等)?\s*(?:联合|共同)?\s*(?:领投|跟投|参投|投资|独家投资)")


def _funding_phrases(ctx: _Ctx) -> Iterator[RelationMention]:
    """Funding said from the raising firm's side: A 从 X 融资 7500 万美金; A 刚拿完 X 40 亿美金; A 的投资机构 X、Y 以及
    Z (其投资机构 after A); and X 和 Y 给其种子轮投了, where 其 is the last firm named before them → X invests_in A."""
    if not _FUNDING_WORDS.search(ctx.sent.text):
        return
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    firms = (COMPANY, ORG)
    for i, a in enumerate(ms):
        if a.type not in firms:
            continue
        for j in range(i + 1, min(i + 2, len(ms))):
            x = ms[j]
            if x.type not in firms + (PERSON,) or _same(a, x):
                continue
            gap = ctx.gap(a.end, x.start)
            if _FROM.match(gap) and _RAISED_AFTER.match(text, x.end) or _TOOK.match(gap) and _SUM_AFTER.match(text, x.end):
                if _ok("invests_in", x, a):
                    yield _rel(ctx, "invests_in", x, a, 0.7, trigger="融资" if _FROM.match(gap) else "拿")
        if i + 1 < len(ms) and ms[i + 1].type in firms + (PERSON,) and _TOOK_FROM.match(ctx.gap(a.end, ms[i + 1].start)):
            backers = _group(ctx, ms, i + 1, +1, firms + (PERSON,))
            if _MONEY_OF.match(text, backers[-1].end):  # A 在早期拿了 X 和 Y 的钱: X and Y invested in A
                for t in backers:
                    if not _same(a, t) and _ok("invests_in", t, a):
                        yield _rel(ctx, "invests_in", t, a, 0.7, trigger="拿")
        if i + 1 < len(ms) and ms[i + 1].type in firms:
            lead = _ITS_INVESTORS.search(ctx.gap(a.end, ms[i + 1].start))
            if lead:  # (其它投资人: the others, not its)
                for t in _group(ctx, ms, i + 1, +1, firms):
                    if not _same(a, t) and _ok("invests_in", t, a):
                        yield _rel(ctx, "invests_in", t, a, 0.7, trigger="投资机构")
    for br in _ROUND_BRACKET.finditer(text, ctx.sent.start, ctx.sent.end):
        # A 完成 1 亿元 A 轮融资（X 领投，Y、Z 跟投）: the bracket's investors put money into the firm that raised
        raiser = next((m for m in reversed(ms) if m.end <= br.start() and m.type in firms
                       and not re.search(r"[，,。；;]", text[m.end:br.start()])), None)
        if raiser is None:
            continue
        inside = [m for m in ms if br.start(1) <= m.start and m.end <= br.end(1) and m.type in firms + (PERSON,)]
        for m in inside:
            listed = _group(ctx, ms, ms.index(m), +1, firms + (PERSON,))  # (Y、Z 跟投: the verb after the list)
            if _INVESTED_AFTER.match(text, m.end) or _INVESTED_AFTER.match(text, listed[-1].end):
                if not _same(m, raiser) and _ok("invests_in", m, raiser):
                    yield _rel(ctx, "invests_in", m, raiser, 0.7, trigger="领投")
    for k, x in enumerate(ms):
        # A 成立不久就收到了来自 X 和 Y 的种子轮投资: the backers after 来自, the firm that got the money before it
        if x.type not in firms + (PERSON,) or not _RECEIVED_FROM.search(text, max(ctx.sent.start, x.start - 8), x.start):
            continue
        backers = _group(ctx, ms, k, +1, firms + (PERSON,))
        if not _MONEY_FROM_AFTER.match(text, backers[-1].end):
            continue
        raiser = next((m for m in reversed(ms[:k]) if m.type in firms), None)
        if raiser is None or re.search(r"[。；;！？!?]", text[raiser.end:x.start]):
            continue
        for t in backers:
            if not _same(raiser, t) and _ok("invests_in", t, raiser):
                yield _rel(ctx, "invests_in", t, raiser, 0.7, trigger="来自")
    for k, x in enumerate(ms):
        if x.type not in firms + (PERSON,) or not _LED_ITS.match(text, x.end, ctx.sent.end):
            continue
        heads = [x]
        while k - len(heads) >= 0 and ms[k - len(heads)].type == x.type and \
                _AND.fullmatch(ctx.gap(ms[k - len(heads)].end, heads[-1].start)):
            heads.append(ms[k - len(heads)])  # Benchmark 和英伟达 … 给其投了
        before = ms[:k - len(heads) + 1]
        target = next((m for m in reversed(before) if m.type == COMPANY and not _same(m, x)), None)
        if target is not None:
            for h in heads:
                if _ok("invests_in", h, target):
                    yield _rel(ctx, "invests_in", h, target, 0.65, trigger="其")


_RECEIVED_FROM = re.compile(r"(?:收到|获得|拿到|得到|接受|迎来)了?\s*来自\s*$")
_MONEY_FROM_AFTER = re.compile(r"\s*(?:等(?:机构|投资人)?)?\s*的\s*[^，,。；;的]{0,16}?(?:投资|融资|注资|资金)")
# 除了 A 和 B 外，C、D 都是其投资人: a roll of investors before the phrase; 其 is the firm that raised before it
_ROLL_END = re.compile(r"\s*(?:等(?:人|机构)?)?\s*(?:都|也|均|皆)\s*(?:是|为|成为了?|参与了)\s*(?:其|它的|该公司的)\s*"
                       r"(?:早期|种子轮|天使轮|本轮|新一轮)?\s*(?:投资(?:人|方|者|机构)|股东)")
_BESIDES = re.compile(r"(?:除了|除)\s*")
_GOT_FUNDS = re.compile(r"(?:获得|拿到|完成)了?[^，,。；;！？!?]{0,20}?(?:投资|融资)")


def _investor_rolls(ctx: _Ctx) -> Iterator[RelationMention]:
    """X 获得了种子轮投资，…，除了 A、B 外，C、D 都是其投资人 → A, B, C, D invests_in X: the items of the clause
    before the phrase, and of a 除了 … 外 clause right before it, one name per item (亚马逊创始人 Jeff Bezos → the
    person; an item with a title and no name → none)."""
    from .triggers import _list_items, _raised_company

    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    heads = RELATIONS["invests_in"].head
    for end in _ROLL_END.finditer(text, ctx.sent.start, ctx.sent.end):
        clause = max(text.rfind(c, ctx.sent.start, end.start()) for c in "，,；;：:") + 1
        clause = max(clause, ctx.sent.start)
        regions = [(clause, end.start())]
        if text[max(ctx.sent.start, clause - 2):clause - 1] == "外" or text[clause - 2:clause] == "外，":
            prev = max(text.rfind(c, ctx.sent.start, clause - 1) for c in "，,；;：:") + 1
            prev = max(prev, ctx.sent.start)
            lead = _BESIDES.match(text, prev + len(text[prev:clause]) - len(text[prev:clause].lstrip()))
            if lead:
                regions.insert(0, (lead.end(), clause - 2))
        raised, ev = _raised_company(ctx, regions[0][0])
        if raised is None:  # X 结束公测上线，随后获得了种子轮投资: the company before the sentence's 获得 … 投资
            got = [g for g in _GOT_FUNDS.finditer(text, ctx.sent.start, regions[0][0])]
            firms = [m for m in ms if got and m.end <= got[-1].start() and m.type == COMPANY]
            raised = firms[-1] if firms else None
            if raised is None:
                continue
        for lo, hi in regions:
            right = [m for m in ms if lo <= m.start and m.end <= hi]
            if not right:
                continue
            for h in _list_items(ctx, right, hi, heads):
                if not _same(h, raised) and _ok("invests_in", h, raised):
                    r = _rel(ctx, "invests_in", h, raised, 0.7, trigger="投资人")
                    yield r if ev is None else replace(r, evidence=ev)


# X 投资组合里的公司，比如 A、B; X 公布的客户名单包括 A、B / 其中有 A、B: a list of what X invests in or serves
_LIST_OF = re.compile(r"\s*(?:的|(?:就|已经?|共|目前|现在)?\s*(?:拥有|有)\s*(?:超过|近|上|数)?[\d\s.,万千百多几]*家)?\s*(投资组合(?:公司)?|被投(?:企业|公司)|客户(?:名单)?)[^。；;！？!?]{0,24}?(?:包括了?|如|比如|比方说|例如|有|：|:)\s*"
                      r"(?:[^。；;！？!?]{0,40}?(?:企业|公司|机构)\s*[，,]?\s*(?:比如|比方说|例如|如)\s*)?$")
_LIST_KIND = {"投资组合": "invests_in", "投资组合公司": "invests_in", "被投企业": "invests_in", "被投公司": "invests_in",
              "客户": "partners_with", "客户名单": "partners_with"}


def _portfolio_and_customers(ctx: _Ctx) -> Iterator[RelationMention]:
    """X 投资组合里的公司，比如 A、B 和 C → invests_in; X 披露了客户名单，其中有 A、B → partners_with (a
    customer is a partner, data/README.md)."""
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    for i, x in enumerate(ms):
        if x.type not in (COMPANY, ORG) or i + 1 >= len(ms):
            continue
        first = ms[i + 1]
        m = _LIST_OF.match(text, x.end, first.start)
        if not m or m.end() != first.start:
            m = _LIST_OF.fullmatch(re.sub(r"^\s*(?:公布了?|披露了?|透露了?|宣布了?)\s*(?:一些|部分|其)?", "的", text[x.end:first.start]))
            if not m:
                continue
        rel = _LIST_KIND[m.group(1)]
        for t in _group(ctx, ms, i + 1, +1, (COMPANY, ORG)):
            if not _same(x, t) and _ok(rel, x, t):
                yield _rel(ctx, rel, x, t, 0.7, trigger=m.group(1))


# A 成为 B 的第二个企业客户 · A 是 B 最大的客户: a customer is a partner (data/README.md)
_CUSTOMER_OF = re.compile(r"\s*(?:也|已|已经|正式|则|都)?\s*(?:是|成为|成了|变成)了?\s*$")
_OF_CUSTOMER = re.compile(r"\s*(?:的\s*|(?=最大|最重要))(?:第[一二三四五六七八九十\d]+\s*个|首个|首批|第一批|最大的?|重要的?|主要|早期|长期|一个|一家)?\s*"
                          r"(?:企业|付费|大|种子|早期|核心)?\s*客户(?![端经])")


def _customer_of(ctx: _Ctx) -> Iterator[RelationMention]:
    """普华永道成为青禾的第二个企业客户: the customer partners with the firm it buys from."""
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    for a, b in zip(ms, ms[1:]):
        if a.type in (COMPANY, ORG) and b.type in (COMPANY, ORG) and not _same(a, b) \
                and _CUSTOMER_OF.fullmatch(text, a.end, b.start) and _OF_CUSTOMER.match(text, b.end) \
                and _ok("partners_with", a, b):
            yield _rel(ctx, "partners_with", a, b, 0.7, trigger="客户")
    # 亚马逊的芯片已被包括 A、B 和 C 在内的客户采用: each of the list uses what the firm before sells
    for i, m in enumerate(ms):
        if m.type not in (COMPANY, ORG) or not _BY_CUSTOMERS_BEFORE.search(text, max(ctx.sent.start, m.start - 8), m.start):
            continue
        group = _group(ctx, ms, i, +1, (COMPANY, ORG))
        if not _CUSTOMERS_ADOPT.match(text, group[-1].end, ctx.sent.end):
            continue
        sellers = [x for x in ms[:i] if x.type in (COMPANY, ORG)]
        if sellers and _ok("partners_with", sellers[-1], m):
            for t in group:
                if not _same(sellers[-1], t):
                    yield _rel(ctx, "partners_with", sellers[-1], t, 0.7, trigger="客户")


# 北辰将取得青禾少量股份 · 腾讯购入了青禾 5% 的股权: taking a stake is investing (data/README.md: invests_in)
_TAKES_STAKE = re.compile(r"\s*(?:将|已|已经|也|还|最终)?\s*(?:取得|获得|购入|买入|收购)了?\s*$")
_STAKE_AFTER = re.compile(r"\s*(?:的)?\s*(?:小额|少数|部分|少量|一部分|[\d.]+\s*%\s*(?:的)?)?\s*(?:的)?\s*(?:股份|股权)")


def _stakes(ctx: _Ctx) -> Iterator[RelationMention]:
    ms = list(ctx.mentions)
    text = ctx.analysis.doc.text
    for a, b in zip(ms, ms[1:]):
        if a.type in (COMPANY, ORG, PERSON) and b.type == COMPANY and not _same(a, b) \
                and _TAKES_STAKE.fullmatch(text, a.end, b.start) and _STAKE_AFTER.match(text, b.end) \
                and _ok("invests_in", a, b):
            yield _rel(ctx, "invests_in", a, b, 0.7, trigger="股份")


_BY_CUSTOMERS_BEFORE = re.compile(r"被\s*(?:包括|诸如|如)\s*$")
_CUSTOMERS_ADOPT = re.compile(r"\s*(?:等)?\s*(?:在内的?)?\s*[^，,。；;]{0,8}?(?:客户|用户|企业|公司|机构|厂商)\s*(?:所|广泛)?\s*"
                              r"(?:采用|使用|部署|选用|接入|购买|订阅)")


_BEHIND = re.compile(r"^\s*(?:等(?:产品|模型)?)?\s*背后的\s*[^，,。；;]{0,12}?(?:公司|团队|机构|厂商|开发者|实验室|企业|创业公司|初创公司)")
_IS = re.compile(r"(?:是|为)\s*$")


def _maker_behind_is(ctx: _Ctx) -> Iterator[RelationMention]:
    """X 背后团队是 Y · X 背后的公司为 Y: Y makes the model X."""
    ms = list(ctx.mentions)
    for a, b in zip(ms, ms[1:]):
        if a.type == MODEL and b.type in (COMPANY, ORG) and _BEHIND_IS.fullmatch(ctx.gap(a.end, b.start)) \
                and _ok("develops", b, a):
            yield _rel(ctx, "develops", b, a, 0.75, trigger="背后")


def _makers_behind(ctx: _Ctx) -> Iterator[RelationMention]:
    """OpenAI 是 ChatGPT、DALL-E 和 Codex 背后的公司 (or …，他们是 … 背后的公司): the maker of each model."""
    ms = list(ctx.mentions)
    for i, m in enumerate(ms):
        if m.type != MODEL or not _IS.search(ctx.gap(max(ctx.sent.start, m.start - 6), m.start)):
            continue  # the list's first model, right after 是
        models = _group(ctx, ms, i, +1, (MODEL,))
        if not _BEHIND.match(ctx.gap(models[-1].end, ctx.sent.end)):
            continue
        makers = [x for x in ms[:i] if x.type in (COMPANY, ORG)]
        if len(makers) != 1:
            continue  # who 他们 are must be clear: one organisation before it in the sentence
        for model in models:
            if _ok("develops", makers[0], model):
                yield _rel(ctx, "develops", makers[0], model, 0.7)


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
