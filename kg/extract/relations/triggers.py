"""Trigger words with direction rules: SVO, both-before, reversed, passives (被/由/获得), funding rounds,
symmetric relations, and semantic-role frames from engines that give them."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from itertools import combinations
from typing import Iterator

from ...resources_data import Trigger, triggers
from ...schema import COMPANY, MODEL, ORG, PERSON, RELATIONS
from ...text import to_simplified
from ...types import Evidence, Mention, RelationMention
from ._base import SYMMETRIC, _CLAN, _COORD, _Ctx, _PAREN, _carried_subject, _clause_bounds, _group, _heads_only, _kin, _ok, _rel, _same, _title_org, _title_regex


_MODIFIER_USE = re.compile(r"(地位|创始|创办|国|体|会|人(?![才员群类力手工])|榜单|榜|社区|生态|领域|方面|项目|协议|许可|阵营|路线|策略|战略|趋势|浪潮|界|圈|会|者|方|商|版本|计划|能力|经验|成本|团队|部门|人员|工作|机构|基金|银行|经理|总监|组合|回报|逻辑|案|标的|金额|额度|公司|集团|合伙人|负载|流(?!程)|量|室)")


_OPEN_ADJ_BEFORE = re.compile(r"(?:国产|一款|一个|这款|该|首个|首款|最强的?|知名的?|主流的?|其他|其它|各种|多个|多款)\s*$")
_HEARSAY = re.compile(r"^\s*(【[^】]*】)?\s*(传(?![统感播输递承奇说真])|据传|网传|传闻|传言|坊间传)|[？?]\s*[」”\"]?\s*$")


_INTENT = re.compile(r"(洽谈|谈判|商谈|磋商|考虑|有意|寻求|拟|计划|打算|准备|试图|意图|可能|或将|或)\s*$")


_TRANSACTIONS = frozenset({"acquires", "invests_in"})
# 远山可能会在明年以高价收购 X: a deal the clause only speculates about
_HEDGED = re.compile(r"(?:可能会|可能要|可能将|或将|或许会|也许会|有望|有意|打算|计划|拟)(?!是|性)")


def speculative(text: str, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` says a deal may happen (可能会, 计划, 拟), and not that it happens again (计划再次投资: a stake
    the investor already holds)."""
    found = list(_HEDGED.finditer(text, lo, hi))
    return bool(found) and not _AGAIN.search(text, found[-1].end(), hi)


_RECEIVED = re.compile(r"(?:拿了|拿到了?|获得了?|得到了?|收到了?|接受了?|拿下了?)\s*$")
_YEARS_AFTER = re.compile(r"\s*(?:整整|足足|将近|近|快|超过)?\s*(?:\d+|[一两三四五六七八九十几多半]+)\s*(?:多)?\s*(?:年|个月)")
_AGAIN = re.compile(r"再次|再度|追加|继续|又一次")


def _clause_start(text: str, lo: int, a: int) -> int:
    cut = max(text.rfind(c, lo, a) for c in "，,；;：:")
    return lo if cut < 0 else cut + 1


_NEG = re.compile(r"(不|未|没有|没|否认|并非|并未|无意|拒绝|难以|不会|尚未|停止)\s*(将|会|再|打算|计划|考虑)?\s*$")


_NEG_SPAN = re.compile(r"并未|未曾|没有|否认|并非|尚未|不会|不再|拒绝|从未|未(?![来知])")


# release words: a company releases a model; a person who announces one (CEO X 在会上发布了 Y) does not make it
_ANNOUNCING = frozenset("推出 发布 开源 上线 升级 迭代 优化 更新 亮相 面世 问世 released launched unveiled open-sourced".split())
_INVESTOR_FIRM = re.compile(r"(?:资本|创投|基金|投资|Ventures|Capital|Partners|VC)$", re.I)
_SHARES = re.compile(r"[^，,。；;！？!?]{0,12}?(?:股份|股权|股票|的股|%\s*股)")  # within the clause
_LED_ROUND = re.compile(r"[^。；;！？!?]{0,80}?(?:的\s*(?=[^。；;！？!?]{0,20}?(?:投资|融资))|(?=[^。；;！？!?，,]{0,12}?(?:天使轮|种子轮|[A-E]\+?\s*轮|首轮|新一轮)))\s*(?:[\d.]+\s*(?:万|亿)?\s*(?:美元|美金|元|人民币)\s*)?(?:早期|天使轮|种子轮|[A-E]\+?\s*轮|首轮|新一轮)?\s*(?:投资|融资)")
_UNIT_OF = re.compile(r"\s*(?:的|(?:的)?(?:首个|第一个|首家|旗下的?|内部的?))\s*[^，,。；;、]{0,10}?(?:小组|组|部门|部|团队|实验室|中心|项目|业务|分部)(?![\u4e00-\u9fff])")
_TOOL = re.compile(r"(用|使用|借助|利用|基于|通过)\s*(了)?\s*(?:[\u4e00-\u9fff]{0,6}?(?:模型|架构|框架))?\s*$")  # (基于自回归模型 X)


# characters that make a trigger the tail of another word (在 X 待了三年 works there; 期待了, 对待过 do not)
_WAIT = "期等招对接看款优善亏虐交担虚相"
_NOT_AFTER = {"待了": _WAIT, "待过": _WAIT}
_RELEASES = frozenset({"发布", "推出", "上线", "问世", "亮相", "面世", "开源"})
_SINCE_RELEASE = re.compile(r"\s*(?:了)?\s*(?:[\d一二三四五六七八九十几两半]+\s*(?:个)?\s*(?:多)?\s*(?:月|年|周|天|小时))?\s*(?:之后|以后|后|以来|之前|前|时|之际)")
_DOER_BEFORE_DUI = re.compile(r"\s*(?:此前|之前|早期|最早|当年|在[^，,。]{0,10})?\s*对\s*")
_OBJECT_OF_NOUN = re.compile(r"\s*(?:的)\s*(?:早期|首轮|天使|种子|战略|巨额|大额|长期|最新|新一轮|这笔|这次)?\s*")  # 对 X 的(早期)投资
_GOES_ON = {"跟投": "资", "领投": "资", "参投": "资"}
_CO_INVEST = re.compile(r"\s*(?:领投|跟投|参投|投资|注资|出资)")
_WITH_INVESTING = re.compile(r"\s*[^，,。；;\s]{1,20}?\s*(?:共同|一起)?\s*(?:领投|跟投|参投|投资了|投了|注资|出资)")  # 联合 B 投了


# --- trigger words ----------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _trigger_index() -> tuple[re.Pattern, dict[str, list[Trigger]]]:
    by_word: dict[str, list[Trigger]] = {}
    for t in triggers():
        by_word.setdefault(t.word.lower(), []).append(t)
    words = sorted(by_word, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in words), re.I), by_word


def _frame_relations(ctx: _Ctx) -> tuple[list[RelationMention], set[tuple[int, int]]]:
    """Semantic roles (engines with SRL): a predicate that is a trigger word, ARG0 → head, ARG1 → tail.
    Returns the relations and the predicate spans it settled, which the surface rules then leave alone."""
    rx, by_word = _trigger_index()
    out: list[RelationMention] = []
    settled: set[tuple[int, int]] = set()
    for f in ctx.analysis.frames:
        if not (ctx.sent.start <= f.start < ctx.sent.end):
            continue
        hit = rx.search(f.predicate)
        if hit is None:
            continue
        def inside(role):
            spans = [(x.start, x.end) for x in f.arguments if x.role == role]
            return [m for m in ctx.mentions if any(a <= m.start and m.end <= b for a, b in spans)]
        arg0, arg1 = inside("ARG0"), inside("ARG1")
        if not arg0 or not arg1:
            continue
        for trig in by_word[hit.group(0).lower()]:
            rel = RELATIONS[trig.relation]
            heads = _heads_only(ctx, [m for m in arg0 if m.type in rel.head])
            tails = _heads_only(ctx, [m for m in arg1 if m.type in rel.tail])
            for h in heads:
                for t in tails:
                    if _ok(trig.relation, h, t) and (not rel.symmetric or _kin(h) == _kin(t)):
                        out.append(_rel(ctx, trig.relation, h, t, 0.8, trigger=trig.word))
                        settled.add((f.start, f.end))
    return out, settled


# between 投资人包括 and the list's first name: 了, a colon, 像/如, and a short descriptor of the first investor (图灵奖获得者,
# 法国亿万富翁, 知名天使投资人)
_INVESTOR_LIST_GAP = re.compile(r"\s*(?:——|—|：|:)?\s*(?:包括|为|是|有|系)?了?\s*(?:像|如)?\s*"
                                r"(?:[^，,。；;、]{0,8}?(?:获得者|得主|教授|科学家|富豪|富翁|企业家|投资人|创始人|合伙人))?\s*$")


_ROUND_ASIDE = re.compile(r"[（(][^（()）]{0,10}$")
_ASIDE_CLOSE = re.compile(r"[^（()）]{0,4}[）)]")


def _trigger_relations(ctx: _Ctx, *, skip: set[tuple[int, int]] = frozenset()) -> Iterator[RelationMention]:
    rx, by_word = _trigger_index()
    text = ctx.analysis.doc.text
    s = ctx.sent
    simp = to_simplified(s.text)
    scan = text if len(simp) != len(s.text) or simp == s.text else text[:s.start] + simp + text[s.end:]
    for m in rx.finditer(scan, s.start, s.end):
        a, b = m.start(), m.end()
        if any(x <= a and b <= y for x, y in skip):
            continue  # the semantic roles already said who did what
        word = m.group(0)
        if word.isascii() and ((a > 0 and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum())):
            continue
        if any(x.start < b and a < x.end for x in ctx.mentions):
            continue  # a trigger inside a name (创新工场 ≠ 创)
        if a > 0 and text[a - 1] in _NOT_AFTER.get(word, ""):
            continue  # 期待了, 接待过: the trigger is the tail of another word
        if text[b:b + 1] and text[b] in _GOES_ON.get(word, ""):
            continue  # 跟投资人解释: 跟 then 投资人, the trigger is cut out of two words
        if _NEG.search(text[max(s.start, a - 6):a]):
            continue
        if _MODIFIER_USE.match(text, b):
            continue  # 开源社区, 发布会: the word names a thing here, it is not the verb
        if word == "开源" and (_OPEN_ADJ_BEFORE.search(text, max(s.start, a - 4), a) or text[a - 1:a] == "的") and re.match(r"\s*(?:的)?\s*(?:大)?(?:语言)?模型", text[b:b + 8]):
            continue  # 集成国产开源大模型 X: an open-source model, no one open-sources it here
        if word == "联合" and re.match(r"航空|利华|健康|包裹|信贷|早报", text[b:b + 2]):
            continue  # 欧莱雅、联合航空和美国银行: a firm's name kg may not know (United Airlines), not the verb
        if word == "联合" and (_CO_INVEST.match(text, b) or _WITH_INVESTING.match(text, b, s.end)):
            continue  # A 和 B 联合领投, A 联合 B 投了 C: co-investors in a round, not partners
        intent = _INTENT.search(text[max(s.start, a - 6):a]) or speculative(text, _clause_start(text, s.start, a), a)
        if word in ("投资人", "投资者"):
            person = next((x for x in ctx.mentions if b <= x.start <= b + 2 and x.type == PERSON), None)
            if person is not None:  # 青禾首位天使投资人 Dana Whitlock: a title before a name, not a verb
                yield from _investor_title(ctx, a, person, word)
                continue
            if word == "投资者":
                continue  # (从软银和中东投资者那里筹集: investors named as a kind, no one's verb)
        aside = _ROUND_ASIDE.search(text, max(s.start, a - 12), a)
        if aside and _ASIDE_CLOSE.match(text, b) and not any(aside.start() < x.start and x.end <= a for x in ctx.mentions):
            continue  # 北辰资本（A 轮领投）、蓝海基金: the aside says which round the name before it led, no one's object
        if word == "持有" and not re.search(r"股份|股权|股票|的股|持股|\d\s*%\s*股", text[b:b + 14]):
            continue  # 持有 … 股份 is a stake; 持有 a view is not
        if word == "下台" and re.search(r"要求|呼吁|逼|迫使|希望|请求|敦促|让|促使", text[_clause_start(text, s.start, a):a]):
            continue  # 员工要求 X 下台: a demand, not a departure
        if word in _RELEASES and _SINCE_RELEASE.match(text, b) and any(
                x.type == MODEL and 0 <= a - x.end <= 3 for x in ctx.mentions):
            continue  # 在 GPT-4 发布四个月后, Meta 推出了…: a time clause dates the model's release, it names no maker
        if word in ("干了", "干过") and not _YEARS_AFTER.match(text, b):
            continue  # 在谷歌干了 8 年 is a post there; 干了一件大事 is not
        if word == "工作" and (_JOB_NOUN_BEFORE.search(text, max(s.start, a - 6), a) or _WORK_NOUN_AFTER.match(text, b)):
            continue  # 退学后找到了一份工作, 他的新工作, 谷歌的工作方式: work as a noun, no post held
        after_it = bool(_AFTER_IT.match(text, b))
        for trig in by_word[word.lower()]:
            if intent and trig.relation in _TRANSACTIONS:
                continue  # 正在洽谈收购 X: talks, not a deal
            if after_it and trig.frame == "svo":
                continue  # 离开后成立了 X: the verb has no object; the name after 后 is another verb's
            if trig.relation == "leads" and _LED_ROUND.match(text, b, s.end):
                trig = replace(trig, relation="invests_in", frame="svo")  # 主导了 A、B 的早期投资: led the investment
            for r in _apply_trigger(ctx, trig, a, b):
                if r.head.end <= a and r.tail.start >= b and text.startswith("的", b) and _own_verb_before(ctx, word, b, r):
                    continue  # A 提出的 P、B 提出的 X (P no name kg knows): the verb again before X is X's own, with B
                if r.relation == "develops" and r.head.type == PERSON and word.lower() in _ANNOUNCING:
                    continue  # CEO X 发布了 Y: the person announces the company's model; making it is 研发/训练/开发
                if r.relation == "develops" and _TOOL.search(_without_names(ctx, max(s.start, r.tail.start - 16), r.tail.start)):
                    continue  # 他用 Claude 帮助自己开发了小工具, 发布基于阿里通义大模型的战略: the model is the tool, not what was made
                if r.relation == "founded" and r.tail.start >= b and _UNIT_OF.match(text, r.tail.end):
                    continue  # 创立了微软亚洲研究院的语音组: what was founded is a unit of the organisation, not it
                if r.relation == "acquires" and _SHARES.match(text, min(r.tail.end, a)):
                    if _ok("invests_in", r.head, r.tail):  # 对 OpenAI 员工股份的收购, 收购 X 10% 的股份: a stake
                        yield replace(r, relation="invests_in")
                    continue
                yield r


def _without_names(ctx: _Ctx, lo: int, hi: int) -> str:
    """The text between ``lo`` and ``hi`` without the organisations named in it (基于阿里通义 → 基于)."""
    text = ctx.analysis.doc.text
    out, pos = [], lo
    for m in ctx.mentions:
        if lo <= m.start and m.end <= hi and m.type in (ORG, COMPANY):
            out.append(text[pos:m.start])
            pos = m.end
    return "".join(out) + text[pos:hi]


def _own_verb_before(ctx: _Ctx, word: str, b: int, r: RelationMention) -> bool:
    """Between a relative clause's verb (A 提出的) and ``r``'s tail, the same verb again after another name of the
    head's kind (、B 提出的 X): the tail is B's."""
    text = ctx.analysis.doc.text
    again = text.find(word, b, r.tail.start)
    return again != -1 and any(b < m.start and m.end <= again and m.type in RELATIONS[r.relation].head for m in ctx.mentions)


_RELATIVE_OF = re.compile(r"\s*的\s*(?:(?:AI|人工智能|科技)?\s*(?:公司|初创公司|团队|机构|实验室|创始人|联合创始人|CEO|负责人))?\s*")
# 领导青禾安全团队的北大校友林远: the relative clause's doer after a description (a school's alumnus, a scientist)
_DESCRIBED_DOER = re.compile(r"\s*(?:的)?\s*(?:安全|研究|研发|产品|工程|技术|算法|AI)?\s*(?:团队|部门|小组|实验室)?\s*的\s*"
                             r"[^，,。；;的]{0,10}?(?:校友|毕业生|华人|学者|科学家|研究员|工程师|大牛|博士|教授|女士|先生)\s*")
_CAUSING = re.compile(r"(?:促进|推动|促使|帮助|协助|让|使|带领|邀请|号召)\s*$")
_AFTER_IT = re.compile(r"\s*(?:了)?\s*(?:之后|以后|后|的时候)")
_INVESTOR_OF = re.compile(r"\s*+(?:的)?\s*+(?:首位|第一位|第一个|最早的?|早期|天使|种子轮|A\s*+轮)?\s*+(?:风险|天使)?\s*+$")


def _investor_title(ctx: _Ctx, a: int, person: Mention, word: str) -> Iterator[RelationMention]:
    """X（的）首位风险投资人 Name: the person invested in X."""
    text = ctx.analysis.doc.text
    org = next((x for x in reversed(ctx.mentions) if x.end <= a and x.type in (ORG, COMPANY)), None)
    if org is not None and _INVESTOR_OF.fullmatch(text, org.end, a) and _ok("invests_in", person, org):
        yield _rel(ctx, "invests_in", person, org, 0.75, trigger=word)


# a time phrase that may open a clause before its verb: 2020年, 自2020年9月起, 去年底, 后来
_TIME_LEAD = re.compile(r"^\s*(后来|随后|之后|此后|此前|目前|如今|同年|次年|当年|最终|最近|近日)?\s*(自|从|于)?\s*((19|20)\d{2}\s*年|今年|去年|明年)?(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*[日号])?\s*(初|底|中|末|起|以来|开始)?\s*(就|便|又|再|曾|已|也|还|将)?\s*")


def _inside_quoted_title(ctx: _Ctx, a: int, b: int, lo: int, hi: int) -> tuple[int, int]:
    """A trigger inside 《…》 (the title of another article, cited: 做到了 300 万美金 ARR《a16z 投了一个兽医 AI 笔记》)
    relates only the names inside that title, never a name of the sentence around it."""
    text = ctx.analysis.doc.text
    opened = text.rfind("《", ctx.sent.start, a)
    if opened < 0 or text.rfind("》", ctx.sent.start, a) > opened:
        return lo, hi
    closed = text.find("》", b, ctx.sent.end)
    if closed < 0:
        return lo, hi
    return max(lo, opened + 1), min(hi, closed)


def _apply_trigger(ctx: _Ctx, trig: Trigger, a: int, b: int) -> Iterator[RelationMention]:
    rel = RELATIONS[trig.relation]
    lo, hi = _clause_bounds(ctx, a)
    colon = _LIST_COLON.match(ctx.analysis.doc.text, b, ctx.sent.end) if _LIST_INTRO.search(trig.word) else None
    if colon is not None and colon.end() < ctx.sent.end:
        hi = _clause_bounds(ctx, colon.end())[1]  # 投资方包括：A、B 和 C · 典型客户包括：X 平台 A、B: the list after the colon
    lo, hi = _inside_quoted_title(ctx, a, b, lo, hi)
    left = [m for m in ctx.mentions if lo <= m.start and m.end <= a]
    right = [m for m in ctx.mentions if b <= m.start and m.end <= hi]
    if not left and not right:
        return
    if trig.relation in SYMMETRIC:
        yield from _symmetric(ctx, trig, left, right, a, b)
        return
    if left and _NEG_SPAN.search(ctx.gap(left[0].end, a)):
        return
    text = ctx.analysis.doc.text
    if trig.relation in ("joined", "departed_from", "works_for", "founded") and _PIVOT_PRONOUN.search(text, lo, a):
        return  # 马斯克要求我加入 SpaceX: the one asked (a pronoun here) joins, not the one asking
    if trig.frame == "rev":
        marker = _passive_marker(ctx, trig, lo, a)
        if marker is not None and marker.group(0) in ("被", "遭") and trig.relation == "departed_from":
            # Sam Altman 被 OpenAI 董事会开除: the one before 被 undergoes it, the one after does it
            heads = [m for m in left if m.end <= marker.start() and m.type in rel.head]
            tails = [m for m in left if m.start >= marker.end() and m.type in rel.tail]
            if heads and tails and _ok(trig.relation, heads[-1], tails[0]):
                yield _rel(ctx, trig.relation, heads[-1], tails[0], 0.75, trigger=trig.word)
            return
        yield from _reverse_frame(ctx, trig, left, right)
        return
    passive = list(_passive(ctx, trig, lo, a, left, b))
    if passive:
        yield from passive
        return
    if _passive_marker(ctx, trig, lo, a):
        return  # a passive whose object the clause does not name: reading it actively would reverse it
    if left and left[-1].type not in rel.head and left[-1].type in (ORG, COMPANY) and trig.frame == "svo" \
            and re.fullmatch(r"\s*(?:也|还|又|将|已|已经|正式|宣布)?\s*", text[left[-1].end:a]) \
            and _CAUSING.search(text, max(lo, left[-1].start - 3), left[-1].start):
        return  # 并促进腾讯加入 X 基金会: the organisation right before the verb is its subject, not the person before
    if not any(m.type in rel.head for m in left):
        lead = _TIME_LEAD.sub("", text[lo:a]).strip(" 了")
        # 之后辍学创办了 X: one short verb before the trigger still leaves the clause without a subject of its own;
        # so does a partner no name gives (与朋友一起创办了 X)
        subj = _carried_subject(ctx, lo, rel.head, verb_first=not lead or bool(re.fullmatch(r"[\u4e00-\u9fff]{1,2}", lead)) and lead not in _CONJUNCTIONS
                                and not any(lo <= m.start < a for m in ctx.mentions) or bool(_UNNAMED_PARTNERS.fullmatch(lead)))
        if subj is not None:
            left = [subj] + left
    if trig.relation == "invests_in" and trig.word in ("跟投", "领投", "参投", "投资") and right \
            and re.match(r"\s*的\s*(?:机构|投资人|投资方)?\s*(?:还|则|也)?\s*(?:有|包括|是|为)了?\s*", text[b:right[0].start]) \
            and re.match(r"\s*的\s*(?:机构|投资人|投资方)?\s*(?:还|则|也)?\s*(?:有|包括|是|为)了?\s*", text[b:right[0].start]).end() == right[0].start - b:
        # 另外跟投的还有 A、B 以及 C · 领投的是 A: the names after are the investors, the firm that raised is before
        raised, ev = _raised_company(ctx, a)
        if raised is not None:
            for h in _list_items(ctx, right, hi, rel.head):
                if not _same(h, raised) and _ok("invests_in", h, raised):
                    r = _rel(ctx, "invests_in", h, raised, 0.75, trigger=trig.word)
                    yield r if ev is None else replace(r, evidence=ev)
        return
    investors_noun = trig.relation == "invests_in" and re.search(r"(方|者|人|机构|的有|股东)(?:里|中)?(?:还|也)?(包括|包含|为|有)?$", trig.word)
    listed = investors_noun and right and _INVESTOR_LIST_GAP.match(text[b:right[0].start])  # (包括了法国亿万富翁 X)
    if investors_noun and trig.frame == "svo" and not listed:
        return  # X 的投资人包括 …: whatever the list holds, X never invests in it (no subject-verb-object reading)
    if listed:
        owner = left[-1] if left and left[-1].type == COMPANY and re.fullmatch(r"\s*(?:的|其)?\s*", text[left[-1].end:a]) \
            else None  # 远山科技的投资人里还包括 …: whose investors the list names, whatever another clause raised
        raised, ev = (owner, None) if owner is not None and owner.source != "coref" else _raised_company(ctx, right[0].start)
        if raised is None:  # DeepSeek 由梁文锋创立，背后的投资方是幻方量化
            raised = _carried_subject(ctx, _clause_bounds(ctx, a)[0], (COMPANY,), allow_same_clause=True) or owner
            if raised is not None and _CO_INVEST.match(text, raised.end):
                raised = None  # 本轮由 X 领投，跟投方包括 …: X is an investor beside the list, not what it invested in
        if raised is not None and any(raised.start == m.start for m in right):
            raised = None  # 投资方包括 A、B 和 C: the list names the investors only, never whom they invested in
        investors = [m for m in right if m.type in rel.head]
        if raised is not None and investors:
            for h in _list_items(ctx, right, hi, rel.head):
                if _ok("invests_in", h, raised):
                    r = _rel(ctx, "invests_in", h, raised, 0.75, trigger=trig.word)
                    yield r if ev is None else replace(r, evidence=ev)
        return
    if trig.relation in ("invests_in", "acquires") and left and left[-1].type in rel.tail \
            and re.search(r"对\s*$", text[max(lo, left[-1].start - 2):left[-1].start]) \
            and _OBJECT_OF_NOUN.fullmatch(text, left[-1].end, a):
        # 红杉对青禾的投资 · 它对青禾的投资让红杉赚了很多: the name after 对 is what was invested in, its doer is before 对
        doers = [m for m in left[:-1] if m.type in rel.head and m.end <= left[-1].start]
        doer = doers[-1] if doers and _DOER_BEFORE_DUI.fullmatch(text, doers[-1].end, left[-1].start) else None
        if doer is not None and not _same(doer, left[-1]) and _ok(trig.relation, doer, left[-1]):
            yield _rel(ctx, trig.relation, doer, left[-1], 0.75, trigger=trig.word)
        if doer is not None or not doers:
            return  # (美团宣布完成对 X 的收购: the frame rules below read a verb between the doer and 对)
    if trig.relation == "invests_in" and left and right and re.search(r"(?:给|向|对)\s*$", text[max(lo, left[-1].start - 2):left[-1].start]) \
            and re.match(r"\s*(?:了)?\s*的\s*$", text[b:right[0].start]) and right[0].type in rel.head:
        # 曾给 X 10 亿美金投资的 Y: Y invested in X (a relative clause; X only received)
        if left[-1].type in rel.tail and _ok("invests_in", right[0], left[-1]):
            yield _rel(ctx, "invests_in", right[0], left[-1], 0.75, trigger=trig.word)
        return
    if trig.frame in ("svo", "any") and right and not any(m.type in rel.head for m in left) \
            and right[0].type in rel.tail and re.fullmatch(r"\s*(?:了|过)?\s*", text[b:right[0].start]):
        # the clause names no doer before the verb: a relative clause's doer after the object (一手打造了 ChatGPT 的
        # Sam Altman · 投资了 Harvey 的 GV), or the next clause's subject after a time clause (收购 Cron 后，Notion …)
        objs = _group(ctx, right, 0, +1, rel.tail)
        rest = [m for m in right if m.start >= objs[-1].end]
        doer = _RELATIVE_OF.match(text, objs[-1].end, rest[0].start) if rest and rest[0].type in rel.head else None
        described = next((m for m in rest[:3] if m.type == PERSON), None) if PERSON in rel.head else None
        described_doer = _DESCRIBED_DOER.fullmatch(text, objs[-1].end, described.start) \
            if described is not None and (doer is None or doer.end() != rest[0].start) else None
        if described_doer is not None:
            doer, rest = described_doer, rest[rest.index(described):]
        if doer is not None and doer.end() == rest[0].start and not any(m is rest[0] for m in objs):
            heads = _group(ctx, right, right.index(rest[0]), +1, rel.head)
        else:
            subj = _subject_after(ctx, hi, rel.head)
            heads = [] if subj is None or re.search("过", text[b:right[0].start]) else [subj]
        if heads:
            relation = trig.relation
            if relation == "leads" and _UNIT_BEFORE_DE.match(text, objs[-1].end):
                relation = "works_for"  # 领导青禾安全团队的林远: the head of a unit works for the organisation
            for h in heads:
                for t in objs:
                    if _ok(relation, h, t) and not _same(h, t):
                        yield _rel(ctx, relation, h, t, 0.75, trigger=trig.word)
            return
    if trig.frame in ("svo", "any") and any(m.type in rel.tail for m in right):
        hs = [i for i, m in enumerate(left) if m.type in rel.head]
        if trig.relation == "develops":
            # A 和 B 使用 NVIDIA GPU 训练 X: what the subject uses is a tool, not who made X
            hs = [i for i in hs if not _INSTRUMENT.search(text, max(lo, left[i].start - 3), left[i].start)
                  and not _INSTRUMENT_LIST.search(text, max(lo, left[i].start - 80), left[i].start)] or hs[:0]
        if hs and _served_there(ctx, left[hs[-1]], lo, a):
            # 张三曾担任青禾资本总裁并投资了 X: where the subject served is not who invested; the subject before it is
            hs = [i for i in hs if left[i].type == PERSON and left[i].end <= left[hs[-1]].start]
            if not hs:
                return
        if hs:
            heads = _group(ctx, left, hs[-1], -1, rel.head)
            k = min(left.index(h) for h in heads)
            if k and left[k - 1].type in rel.head and _WITH_JOINT.fullmatch(text, left[k - 1].end, left[k].start) \
                    and _JOINTLY.match(text, left[hs[-1]].end, a):
                heads.append(left[k - 1])  # A 又与 B 一起投资了 X: both did it
            elif k == 0 and _WITH_JOINT.fullmatch(text, lo, left[0].start) and _JOINTLY.match(text, left[hs[-1]].end, a):
                # A 离开 X 后，和 B 一起创办了 Y: the subject carried over the comma did it with B
                carried = _carried_subject(ctx, lo, rel.head, verb_first=True)
                if carried is not None and not any(_same(carried, h) for h in heads):
                    heads.append(carried)
            heads_right = _heads_only(ctx, right)
            ti = next((right.index(m) for m in heads_right if m.type in rel.tail), 99)
            obj_noun = ti < len(right) and re.match(r"\s*的\s*[^\s，,。]", ctx.gap(right[ti].end, right[ti].end + 3)) and \
                not any(x.start - right[ti].end <= 3 for x in right[ti + 1:ti + 2])
            if trig.relation == "leads" and ti <= 1 and ti < len(right) and right[ti].type in (ORG, COMPANY) \
                    and _UNIT_AFTER.match(text, right[ti].end):
                # 领导普林斯顿 NLP 小组, 负责谷歌的 VR 部门: the head of a unit works for the organisation, not heads it
                for h in heads:
                    if _ok("works_for", h, right[ti]):
                        yield _rel(ctx, "works_for", h, right[ti], 0.75, trigger=trig.word)
                return
            if trig.relation == "leads" and obj_noun:
                return  # 负责 Gemini 的多语言评测: responsible for a part, not the head of it
            if ti <= 1:  # the object follows the verb closely
                # 加入百度竞争对手阿里巴巴: the name after the apposition is the object
                while ti + 1 < len(right) and right[ti + 1].type in rel.tail and \
                        _APPOSITION.fullmatch(ctx.gap(right[ti].end, right[ti + 1].start)):
                    ti += 1
                tails = _group(ctx, right, ti, +1, rel.tail)
                if trig.relation == "invests_in":
                    # A 领投、B 跟投: B invests beside A, it is not what A invested in
                    tails = [t for t in tails if not re.match(r"\s*(?:等)?\s*(?:跟投|参投|领投|联合领投|共同领投)", text[t.end:t.end + 8])]
                if trig.relation in ("founded", "acquires", "invests_in"):
                    # 创立微软人工智能情感计算框架, 协助创建了腾讯首个实验室: the name qualifies what was made, a unit
                    # or a product of it, and is not what was founded
                    tails = [t for t in tails if not _QUALIFIES_UNIT.match(text, t.end)]
                for h in heads:
                    for t in tails:
                        if _ok(trig.relation, h, t):
                            yield _rel(ctx, trig.relation, h, t, 0.8, trigger=trig.word)
                return
    if trig.frame in ("pre", "any"):
        found = list(_pre_frame(ctx, trig, left, a))
        yield from found
        if not found and trig.relation == "invests_in" and not _in_roll(ctx, a):
            yield from _round_investors(ctx, trig, left, a)


_THEN = re.compile(r"(?:之后|以后|后)(?:不久)?\s*[，,]\s*")
_UNIT_AFTER = re.compile(r"\s*(?:的)?\s*[A-Za-z0-9\u4e00-\u9fff ]{0,8}?(?:部门|事业部|事业群|小组|团队|实验室|研究组|课题组|"
                         r"工作室|研究中心)(?![\u4e00-\u9fff])")
_UNIT_BEFORE_DE = re.compile(_UNIT_AFTER.pattern.replace(r"(?![\u4e00-\u9fff])", r"\s*的"))
_QUALIFIES_UNIT = re.compile(r"(?:首个|第一个|内部的?)?[\u4e00-\u9fffA-Za-z]{0,14}?(?:框架|项目|部门|团队|实验室|平台|系统|业务|计划|"
                             r"事业部|事业群|研究院|研究所|工作室|小组|中心)(?=[，,。；;！？!?、\s]|$)")
_WORK_NOUN_AFTER = re.compile(r"方式|模式|风格|环境|文化|氛围|节奏|效率|时长|强度|习惯|流程")
_JOB_NOUN_BEFORE = re.compile(r"(?:一份|这份|那份|份|找到了?|找了|换了|丢了|失去了?|新的?)\s*$")
_UNNAMED_PARTNERS = re.compile(r"(?:和|与|跟|同)\s*(?:几位|两位|三位|一位|一群|一些)?\s*(?:朋友|好友|同事|伙伴|合伙人|同学|校友|老同事|前同事)(?:们)?"
                               r"\s*(?:一起|共同|联合|一道|一同)?")
_WITH_JOINT = re.compile(r"\s*(?:也|又|还|则|曾|已|已经|再次)?\s*(?:与|和|同|跟|携手|联合)\s*")
_JOINTLY = re.compile(r"\s*(?:等(?:机构|公司)?)?\s*(?:一起|共同|联合|一道|一同)")


def _subject_after(ctx: _Ctx, hi: int, types) -> Mention | None:
    """The subject of the clause after a time clause (… 后，X …) that ends at ``hi``: a mention of ``types`` at the
    next clause's start (a time phrase before it allowed)."""
    text = ctx.analysis.doc.text
    then = None
    for k in (1, 2, 3):  # 后， · 之后， · 后不久，
        then = _THEN.match(text, max(ctx.sent.start, hi - k), ctx.sent.end)
        if then is not None and then.start() + len(then.group(0).rstrip(" ，,")) == hi:
            break
        then = None
    if then is None:
        return None
    start = then.end() + len(_TIME_LEAD.match(text[then.end():ctx.sent.end]).group(0))
    m = next((x for x in ctx.mentions if x.start >= then.end()), None)
    return m if m is not None and m.start == start and m.type in types else None


_LIST_INTRO = re.compile(r"(?:包括|包含|有|为|是)$")
_LIST_COLON = re.compile(r"\s*了?\s*[：:]\s*")
_AGAINST = re.compile(r"(?:对|向|起诉|状告|控告|告)\s*$")
_SERVED_BEFORE = re.compile(r"(?:担任|出任|曾任|现任|任职于|任)\s*$")


def _served_there(ctx: _Ctx, m: Mention, lo: int, a: int) -> bool:
    """``m`` is the organisation a post was held at (担任 X 总裁并…), not the subject of the verb at ``a``."""
    text = ctx.analysis.doc.text
    if m.type not in (ORG, COMPANY):
        return False
    ms = list(ctx.mentions)
    first = _group(ctx, ms, ms.index(m), -1, (ORG, COMPANY))[-1] if m in ms else m  # (曾任腾讯、百度副总裁: the list's first)
    if not _SERVED_BEFORE.search(text, max(lo, first.start - 4), first.start):
        return False
    t = _title_regex().match(text, m.end + len(re.match(r"\s*(?:的)?\s*", text[m.end:a]).group(0)), a)
    gap = text[t.end():a] if t is not None else ""
    return t is not None and (re.fullmatch(r"\s*(?:曾|也|还|又)?\s*", gap) is not None
                              or re.match(r"\s*(?:并且|并|和|后|且|期间|时|之后)", gap) is not None
                              or re.fullmatch(r"\s*[，,]\s*(?:后来|之后|随后|此后|后|最终)\s*(?:又|便|就|则)?\s*", gap) is not None)


_APPOSITION = re.compile(r"\s*的?\s*(?:竞争对手|老对手|对手|劲敌|子公司|母公司|合作伙伴|股东)\s*")
_CONJUNCTIONS = frozenset("尽管 虽然 虽 但是 但 而且 而 因为 因 所以 如果 若 即使 不过 然而 只是 并且 以及 或者 还是 甚至".split())
_ITEM_SEP = re.compile(r"、|以及|及|和|与|跟|/")


def _list_items(ctx: _Ctx, right: list[Mention], hi: int, types) -> list[Mention]:
    """The names a list after 投资人包括 gives, one per item: an item is the text between list marks, and names
    the mention it ends with (亚马逊创始人 Jeff Bezos → Jeff Bezos, not 亚马逊). Items that end in no name of
    ``types`` (Shopify CEO, Vercel 的创始人) give none; the list ends at the clause's end or at 等."""
    text = ctx.analysis.doc.text
    start = right[0].start
    stop = hi
    etc = re.search(r"等", text[start:hi])
    if etc and not any(m.start <= start + etc.start() < m.end for m in right):
        stop = start + etc.start()
    out, pos = [], start
    for sep in list(_ITEM_SEP.finditer(text, start, stop)) + [None]:
        end = sep.start() if sep is not None else stop
        if sep is not None and any(m.start <= sep.start() < m.end for m in right):
            continue  # a mark inside a name (AT&T)
        inside = [m for m in right if pos <= m.start and m.end <= end]
        tail = text[inside[-1].end:end].strip() if inside else ""
        # what may follow the name in its item: nothing, or the clause's verb (老股东高瓴创投继续加注), not a
        # title or a possessive (Shopify CEO, Vercel 的创始人: the person is not named)
        if inside and inside[-1].type in types and (not tail or ("的" not in tail and not _title_regex().match(tail))
                                                    or re.match(r"(?:这样|这类|这些|之类|一类|一样)的", tail)):
            out.append(inside[-1])
            firm = inside[0] if len(inside) >= 2 and inside[-1].type == PERSON else None
            if firm is not None and firm.type in types and _INVESTOR_FIRM.search(firm.text):
                out.append(firm)  # 星海资本的合伙人王磊: an investment firm's partner; the firm invests
        pos = sep.end() if sep is not None else stop
    return out


def _reverse_frame(ctx: _Ctx, trig: Trigger, left: list[Mention], right: list[Mention]) -> Iterator[RelationMention]:
    """TAIL 旗下(的) HEAD: 微软旗下的 GitHub → GitHub part_of 微软."""
    rel = RELATIONS[trig.relation]
    tails = [m for m in left if m.type in rel.tail]
    heads = [m for m in right if m.type in rel.head]
    text = ctx.analysis.doc.text
    if tails and not (heads and right.index(heads[0]) <= 1):
        # 火山引擎是字节跳动旗下的云服务平台: the unit is the subject before 是
        k = left.index(tails[-1])
        if k > 0 and left[k - 1].type in rel.head and re.fullmatch(r"\s*(是|为|系|作为|属于)\s*", text[left[k - 1].end:tails[-1].start]):
            if _ok(trig.relation, left[k - 1], tails[-1]):
                yield _rel(ctx, trig.relation, left[k - 1], tails[-1], 0.75, trigger=trig.word)
        return
    if not tails or not heads:
        return
    for h in _group(ctx, right, right.index(heads[0]), +1, rel.head):
        if _ok(trig.relation, h, tails[-1]):
            yield _rel(ctx, trig.relation, h, tails[-1], 0.8, trigger=trig.word)


_RAISED = re.compile(r"(完成|获得|宣布|获|拿到|拿了|拿下|筹集|募集|筹得|启动)[^，,。；;]{0,16}(融资|投资)"
                     r"|^\s*的\s*(上一?轮|本轮|新一轮|最新一轮|[A-E]\+?\s*轮|天使轮|种子轮|首轮)?\s*融资")  # X 的上一轮融资由 A 领投
# X 是其中最年轻的，其天使轮便拿到了 … 融资 · X 的 A 轮拿到了 … 融资
_RAISED_ROUND = re.compile(r"\s*(?:的|是[^，,。；;]{0,10}?[，,]\s*其)\s*(?:[A-E]\+?\s*|天使|种子|首|新一|最新一)轮[^，,。；;]{0,8}?"
                           r"(?:拿了|拿到了?|获得了?|完成了?)[^，,。；;]{0,16}?融资")


def _in_roll(ctx: _Ctx, a: int) -> bool:
    """The trigger at ``a`` ends a roll of investors (C、D 都是其投资人), which :func:`structure._investor_rolls` reads."""
    from .structure import _ROLL_END

    text = ctx.analysis.doc.text
    return any(m.start() <= a < m.end() for m in _ROLL_END.finditer(text, max(ctx.sent.start, a - 16), min(ctx.sent.end, a + 8)))


def _round_investors(ctx: _Ctx, trig: Trigger, left: list[Mention], a: int) -> Iterator[RelationMention]:
    """X 完成 5 亿元融资，由 A 领投、B 跟投: investors in this clause, X the company that raised."""
    investors = [m for m in left if m.type in RELATIONS["invests_in"].head]
    if not investors:
        return
    raised, ev = _raised_company(ctx, investors[0].start)
    if raised is None:
        return
    text = ctx.analysis.doc.text
    for h in _group(ctx, left, left.index(investors[0]), +1, RELATIONS["invests_in"].head):
        if h.type != PERSON and _title_regex().match(text, h.end + len(re.match(r"\s*(?:的)?\s*(?:前|原)?\s*", text[h.end:a]).group(0)), a):
            continue  # 包括了 3 位 SV Angel 的前 GP、Intercom 联合创始人: people of those firms invested, not the firms
        if _ok("invests_in", h, raised):
            r = _rel(ctx, "invests_in", h, raised, 0.75, trigger=trig.word)
            yield r if ev is None else replace(r, evidence=ev)


# what may stand between a company and 完成/获得 … 融资: a time, 宣布 (in 昨晚宣布完成了), no relative clause (X 支持的 Y 完成)
_RAISED_LEAD = re.compile(r"[^，,。；;！!？?的]{0,12}?(?:宣布)?(?:成功)?(?=完成|获得|获|拿到|拿了|拿下|筹集|募集|筹得)")


_JOINT_WORK = re.compile(r"\s*+(?:等)?\s*+(?:多所|多家|几所|几家|两所|三所|研究)?(?:单位|机构|高校|团队|院校|公司|企业)?\s*+(?:共同|一起|联合)?\s*+"
                         r"(?:推出|提出|发布|开发|研发|完成|打造|构建|训练|开源|发表)")
_INSTRUMENT = re.compile(r"(?:使用|利用|借助|采用|基于|用)\s*$")
# 借助 Reddit、Instagram 与 Facebook 上的短片训练 X: a later item of the list the instrument word opens is a tool too
_INSTRUMENT_LIST = re.compile(r"(?:使用|利用|借助|采用|基于|(?<![应作费信实通运试享适专常功])用)\s*"
                              r"(?:[^\s，,。；;：:、和与及]{1,20}\s*(?:、|和|与|及|以及)\s*){1,4}$")
# A、B 和 C 的员工签署了公开信: the people of the organisations act, not the organisations with each other
_PEOPLE_OF = re.compile(r"\s*(?:等)?\s*(?:公司|企业)?\s*的\s*(?:前|现任|前任|部分|一些|多名|数名|众多)?\s*"
                        r"(?:员工|职员|雇员|工程师|研究员|研究人员|科学家|高管|用户|人士)")


def _raised_after(text: str, end: int, limit: int) -> bool:
    """The company ending at ``end`` is the one that 完成/获得 … 融资 (before ``limit``)."""
    if _RAISED.search(text[end:min(limit, end + 24)]) or _RAISED_ROUND.match(text, end, limit):
        return True
    lead = _RAISED_LEAD.match(text, end, limit)
    return bool(lead and _RAISED.match(text, lead.end(), limit))


# a sentence about the round the sentence before announced: 本轮融资由 A 领投 · 此次 B 轮由 A 领投 · 这一轮 …
_ROUND_OPENING = re.compile(r"\s*(?:本轮|此轮|该轮|这轮|这一轮|本次|此次|这次)|\s*(?:[A-E]\+{0,2}|Pre-[A-E]|天使|种子)\s*轮(?:融资)?\s*(?:由|的)|"
                            r"\s*(?:其他|其它|另外)?\s*(?:参与的)?\s*(?:跟投方|领投方|参投方|投资方|投资者|投资人|投资机构)")  # (跟投方包括了 A、B)


def _raised_company(ctx: _Ctx, before: int) -> tuple[Mention | None, Evidence | None]:
    """The company that 完成/获得 … 融资 earlier in this sentence, else in the sentence before (本轮由 A 领投)."""
    text = ctx.analysis.doc.text
    for m in reversed([m for m in ctx.mentions if m.end <= before]):
        if m.type == COMPANY and _raised_after(text, m.end, ctx.sent.end):
            if re.search(r"[，,；;]", text[m.end:before]) and re.search(r"(?:和|与|跟|同|对|向|给)\s*$", text[ctx.sent.start:m.start]):
                continue  # 我们和英伟达达成了合作，也拿到了红杉的投资: an object of the clause before did not raise
            return m, None
    sents = ctx.analysis.sentences
    k = next((i for i, s in enumerate(sents) if s.start == ctx.sent.start), 0)
    if k == 0:
        return None, None
    back = [k - 1] if "\n\n" not in text[sents[k - 1].end:ctx.sent.start] and _ROUND_OPENING.match(ctx.sent.text) else []
    # 其投资人阵容包括了：⏎A 和 B 领投了种子轮；⏎C 领投 A 轮；⏎其它投资人包括：…: lines of a list the round's sentence
    # opens with a colon (each line between ends with ；), up to LIST_LINES_BACK lines back
    j = k - 1
    while j >= 0 and k - j <= LIST_LINES_BACK:
        line = text[sents[j].start:sents[j].end].rstrip()
        if line.endswith(("：", ":")):
            back.append(j)
            break
        if not line.endswith(("；", ";")):
            break
        j -= 1
    for b in back:
        prev = sents[b]
        for m in ctx.analysis.mentions:
            if prev.start <= m.start < prev.end and m.type == COMPANY and _raised_after(text, m.end, prev.end):
                return m, Evidence(ctx.analysis.doc.id, text[prev.start:ctx.sent.end], prev.start, ctx.sent.end)
    return None, None


LIST_LINES_BACK = 5  # lines of an investor list after the colon that opens it


# 被 of 被誉为, 被称为, 被视为 … (is called, is seen as) describes the subject: no passive of the trigger
_NOT_PASSIVE = r"(?!誉为|称为|称作|视为|看作|认为|评为|列为|公认|称赞|誉|尊为|奉为|冠以)"
_PASSIVE_RX = re.compile(r"被" + _NOT_PASSIVE + r"|由(?!于|此|来|衷)|遭")


_PASSIVE_INVEST = re.compile(r"被" + _NOT_PASSIVE + r"|由(?!于|此|来|衷)|获得|获|拿到|拿下|得到|收到")




def _passive_marker(ctx: _Ctx, trig: Trigger, lo: int, a: int):
    """The last 被/由 (获得 for investments) before the trigger in its clause, outside names, or None."""
    text = ctx.analysis.doc.text
    rx_p = _PASSIVE_INVEST if trig.relation == "invests_in" else _PASSIVE_RX
    markers = [m for m in rx_p.finditer(text, lo, a) if not any(x.start <= m.start() < x.end for x in ctx.mentions)]
    return markers[-1] if markers else None


def _passive(ctx: _Ctx, trig: Trigger, lo: int, a: int, left: list[Mention], b: int) -> Iterator[RelationMention]:
    """TAIL 被/由 HEAD [、HEAD2] TRIGGER: 极序科技由程亦凡创立 · 光年之外被美团收购 · 由红杉领投、真格跟投."""
    rel = RELATIONS[trig.relation]
    text = ctx.analysis.doc.text
    marker = _passive_marker(ctx, trig, lo, a)
    if marker is None:
        return
    p = marker.start()
    # heads after the marker, but after any earlier trigger of the same relation (由 A 领投、B 跟投)
    rx, by_word = _trigger_index()
    since = p
    for t in rx.finditer(text, p, a):
        if any(x.relation == trig.relation for x in by_word[t.group(0).lower()]):
            since = t.end()
    heads = [m for m in left if m.start >= since and m.type in rel.head and not _title_org(ctx, m)]
    if len(heads) > 1:
        heads = [m for m in heads if not (m.type in (ORG, COMPANY) and _CLAN.match(text, m.end))] or heads  # 由清华系初创智谱AI推出
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
        if tail is None and lo > ctx.sent.start:  # 鹿鸣生物是一家…公司，由红杉资本领投: the sentence's subject
            tail = _carried_subject(ctx, lo, (COMPANY,), allow_same_clause=True)
            if tail is not None and (tail.start >= p or any(_same(tail, h) for h in heads)):
                tail = None
    else:
        tail = _carried_subject(ctx, lo, rel.tail, allow_same_clause=True)
        if tail is not None and tail.start >= p:
            tail = None  # the thing acted on stands before 被/由, never after it
        if tail is None and trig.relation == "acquires" and not [m for m in left if m.end <= p]:
            # 他是 Hoptrail 的创办者之一，后来被雅虎收购: the company the clause before named
            earlier = [m for m in ctx.mentions if ctx.sent.start <= m.start and m.end <= lo and m.type in rel.tail
                       and not any(_same(m, h) for h in heads)]
            tail = earlier[-1] if earlier and re.search(r"[，,]\s*(?:后来|后|之后|随后|最终|最后|并|又|也)?\s*(?:于[^，,]{0,12})?$",
                                                        text[earlier[-1].end:p]) else None
    if tail is None:
        return
    for h in heads:
        if _ok(trig.relation, h, tail):
            r = _rel(ctx, trig.relation, h, tail, 0.8, trigger=trig.word)
            yield r if ev is None else replace(r, evidence=ev)


def _pre_frame(ctx: _Ctx, trig: Trigger, left: list[Mention], a: int) -> Iterator[RelationMention]:
    """Head and tail both before the trigger: 俞栋从腾讯离职 · OpenAI 加快 GPT-5 的研发 · 腾讯 AI Lab 副主任俞栋离职."""
    rel = RELATIONS[trig.relation]
    text = ctx.analysis.doc.text
    heads = [i for i, m in enumerate(left) if m.type in rel.head]
    if not heads:
        return
    hi = heads[0] if rel.head != frozenset({PERSON}) else heads[-1]
    while hi + 1 < len(left) and left[hi + 1].type in rel.head and left[hi + 1].type in (ORG, COMPANY) and \
            re.fullmatch(r"\s*的\s*", text[left[hi].end:left[hi + 1].start]):
        hi += 1  # Sarah Guo 的 Conviction 给 HeyGen 投资: the fund she runs invests, not she
    head = left[hi]
    co = {id(x) for x in _group(ctx, left, hi, +1, rel.head)}
    tails = [m for m in left[hi + 1:] if m.type in rel.tail and id(m) not in co]
    if tails and trig.relation == "invests_in" and _RECEIVED.search(text, head.end, tails[0].start) \
            and head.type == COMPANY:
        # 青禾在 2022 年就拿了北辰资本领投的 2500 万美金: the firm received, the names after the verb invested
        for t in _group(ctx, left, left.index(tails[0]), +1, rel.head):
            if _ok("invests_in", t, head):
                yield _rel(ctx, "invests_in", t, head, 0.75, trigger=trig.word)
        return
    if tails and trig.relation == "invests_in" and not re.search(r"(对|向|给|为|于|在|是)", text[head.end:tails[0].start]):
        return  # 启明创投领投，青禾资本、GGV 纪源资本跟投: a list of investors, not one investing in the next
    if tails and trig.relation == "acquires" and re.fullmatch(r"\s*(?:也|还|又|则|已|已经|将|正式|宣布)?\s*", text[tails[-1].end:a]) \
            and not re.search(r"(对|将|把|被|由)\s*$", text[head.end:tails[-1].start]):
        return  # Cron 的功能（见《Notion 收购了一个产品》）: the name right before 收购 buys; it is not bought
    if tails:
        # 红杉和高瓴给 X 投了: every name of the subject's list (an investor list, never people: hi is the last)
        heads_all = [head] + ([x for x in left if id(x) in co and x is not head]
                              if trig.relation == "invests_in" else [])
        for t in _group(ctx, left, left.index(tails[0]), +1, rel.tail):
            for h in heads_all:
                if _ok(trig.relation, h, t):
                    yield _rel(ctx, trig.relation, h, t, 0.75, trigger=trig.word)
        return
    # ORG [的] TITLE PERSON … 离职: the organisation named with the person's title (that post is what is left; a
    # founding, an investment or a release after it is of something else: 斯坦福大学教授 X 创建的框架)
    if hi > 0 and trig.relation in ("departed_from", "works_for", "leads"):
        org = left[hi - 1]
        between = text[org.end:head.start]
        if org.type in rel.tail and (_title_regex().search(between) or between.strip() in ("的", "")) and len(between) <= 12:
            if _ok(trig.relation, head, org):
                yield _rel(ctx, trig.relation, head, org, 0.8, trigger=trig.word)


_PIVOT_PRONOUN = re.compile(r"(?:要求|邀请|邀|请|让|叫|劝|说服|鼓励|推荐|力邀|希望|建议|怂恿|支持)\s*(?:我|你|您|他|她|我们|你们|他们|她们)\s*"
                            r"(?:也|一起|去|来|尽快|早日)?\s*$")
_COUNTED = re.compile(r"\s*(?:这)?(?:两|三|四|几)(?:个|款|家|种)")
_WHO_ELSE = re.compile(r"(?:竞争|合作)\S{0,3}?的\s*(?:对手|公司|企业|厂商|伙伴|机构)?\s*(?:主要)?(?:有|包括|是|还有)\s*[：:]?\s*$")


_IS_LINK = re.compile(r"\s*(?:也|都|一直|则)?\s*(?:是|为|成为|成了|被视为|被看作|被称为|被认为是)\s*")
_RELATIONAL_NOUNS = frozenset({"合作伙伴", "竞争对手", "对手", "竞品"})
_NOUN_OF = re.compile(r"\s*(?:等)?\s*(?:公司|企业)?\s*的\s*[\u4e00-\u9fff]{0,4}")  # A 和 B 的(官方)合作伙伴
# (的直接, 最大的, 在搜索市场最大的: what may stand between the rival and 对手)
_OF_RIVAL = re.compile(r"\s*(?:在[^，,。；;的]{1,10}?)?\s*(?:的)?\s*(?:最|头号)?\s*(?:直接|主要|大|强|强劲|有力|潜在|老|重要)?\s*(?:的)?\s*")
_AS_RIVAL = re.compile(r"作为\s*$")
_AND_WITH_OPENING = re.compile(r"\s*(?:还|也|又|并|并且|同时|此外|另外|随后|之后|后来)?\s*(?:已经?|曾|将)?\s*(?:和|与|同|跟)\s*"
                               r"(?:[^，,。；;]{0,8}?(?:巨头|公司|企业|厂商|机构|银行))?\s*")
_REGARDS = re.compile(r"\s*(?:也|一直|始终|早已|已经?)?\s*(?:视|将|把)\s*")
_REGARDED_AS = re.compile(r"\s*(?:视为|视作|看作|看成|当作|当成|为)\s*(?:其|自己的|他们的)?\s*(?:唯一|最大|主要|头号|直接|潜在|真正)?\s*(?:的)?\s*(?:竞争)?\s*")


def _rival_beside(ctx: _Ctx, y: Mention, a: int, b: int) -> Mention | None:
    """The rival an 作为 Y 的竞争对手 clause describes: the name just before its comma, or right after it."""
    text = ctx.analysis.doc.text
    lo, hi = _clause_bounds(ctx, a)
    before = [m for m in ctx.mentions if m.end <= lo and m.type in RELATIONS["competes_with"].head]
    if before and re.fullmatch(r"\s*[，,]\s*", text[before[-1].end:lo]) and _kin(before[-1]) == _kin(y):
        return before[-1]
    after = [m for m in ctx.mentions if m.start >= hi and m.type in RELATIONS["competes_with"].head]
    if after and re.fullmatch(r"\s*[，,]\s*", text[hi:after[0].start]) and _kin(after[0]) == _kin(y):
        return after[0]
    return None


def _symmetric(ctx: _Ctx, trig: Trigger, left: list[Mention], right: list[Mention], a0: int = -1,
               b0: int = -1) -> Iterator[RelationMention]:
    rel = RELATIONS[trig.relation]
    lh = _heads_only(ctx, [m for m in left if m.type in rel.head])
    rh = _heads_only(ctx, [m for m in right if m.type in rel.head])
    text = ctx.analysis.doc.text
    pairs: list[tuple[Mention, Mention]] = []
    if rh and trig.frame in ("svo", "any") and right.index(rh[0]) <= 2:
        subj = lh[-1] if lh else _carried_subject(ctx, _clause_bounds(ctx, right[0].start)[0], _kin(rh[0]),
                                                  verb_first=True)
        if trig.relation == "competes_with" and rh[0].type == MODEL and (subj is None or subj.type != MODEL) \
                and not any(m.type in (ORG, COMPANY, PERSON) for m in left):
            # A 推出了 M 模型，声称已经超越了 X: the model the clause before released is what rivals X
            mine = [m for m in ctx.mentions if m.type == MODEL and m.end <= right[0].start and not _same(m, rh[0])]
            if mine:
                subj = mine[-1]
        if subj is not None:
            kin = _kin(subj)
            first = next((m for m in rh if m.type in kin), None)
            if first is not None:
                subjects = [subj]
                if subj in ctx.mentions and _COUNTED.match(text, subj.end):
                    # Nova-1、Nova-2 两个模型都超过了 Orion: the counted list is the subject
                    subjects = _group(ctx, list(ctx.mentions), ctx.mentions.index(subj), -1, kin)
                partners = _group(ctx, right, right.index(first), +1, kin)
                if trig.word.startswith("客户") and subj.type != MODEL:
                    # 典型客户包括：音乐平台 Spotify、搜索平台 Glean: each item, whatever describes its name
                    rest = right[right.index(first):]
                    items = _list_items(ctx, rest, _clause_bounds(ctx, first.start)[1], kin)
                    partners = items if len(items) > len(partners) else partners
                pairs += [(h, t) for h in subjects for t in partners]
                if trig.word in ("联合", "携手") and len(partners) >= 2 and _JOINT_WORK.match(text, max(p.end for p in partners)):
                    pairs += list(combinations(partners, 2))  # 由远山研究院联合青禾大学、北辰大学等高校推出: one joint work
    elif len(lh) == 1 and rh and _WHO_ELSE.search(text[lh[0].end:right[0].start]) and _kin(rh[0]) == _kin(lh[0]):
        # 与 OpenAI 竞争的有 Anthropic、谷歌和 Meta: the one before against each of the list after
        pairs += [(lh[0], t) for t in _group(ctx, right, right.index(rh[0]), +1, _kin(lh[0]))]
    elif len(lh) >= 2 and _IS_LINK.fullmatch(text, lh[-2].end, lh[-1].start) and _OF_RIVAL.fullmatch(text, lh[-1].end, a0) \
            and _kin(lh[-2]) == _kin(lh[-1]):
        # 腾讯是阿里巴巴的（直接）竞争对手 · 谷歌和微软都是 OpenAI 的竞争对手: each of a coordinated subject
        pairs += [(h, lh[-1]) for h in _group(ctx, left, left.index(lh[-2]), -1, _kin(lh[-2]))]
    elif len(lh) == 1 and not rh and _AS_RIVAL.search(text, max(0, lh[0].start - 4), lh[0].start) \
            and _OF_RIVAL.fullmatch(text, lh[0].end, a0):
        other = _rival_beside(ctx, lh[0], a0, b0)  # X，作为 Y 的直接竞争对手 · 作为 Y 的竞争对手，X …
        if other is not None:
            pairs.append((other, lh[0]))
    elif len(lh) == 1 and not rh and trig.relation == "partners_with" and _AND_WITH_OPENING.fullmatch(
            text, _clause_bounds(ctx, lh[0].start)[0], lh[0].start):
        # OpenAI 已与 A 合作，还和 B 达成合作: the clause's subject is the one carried over the comma
        subj = _carried_subject(ctx, _clause_bounds(ctx, lh[0].start)[0], _kin(lh[0]))
        if subj is not None and not _same(subj, lh[0]):
            pairs.append((subj, lh[0]))
    elif len(lh) >= 2 and trig.word in _RELATIONAL_NOUNS and a0 >= 0 and _REGARDS.fullmatch(text, lh[-2].end, lh[-1].start) \
            and _REGARDED_AS.fullmatch(text, lh[-1].end, a0) and _kin(lh[-2]) == _kin(lh[-1]):
        pairs.append((lh[-2], lh[-1]))  # A 视 B 为唯一竞争对手 · A 将 B 视为最大的对手
    elif len(lh) >= 2:
        # A 与/和/同/跟 B(、C) … 竞争: A against each of the others; a bare list competes pairwise
        split = None
        for i in range(len(lh) - 1):
            gap = _PAREN.sub("", text[lh[i].end:lh[i + 1].start])
            if re.search(r"(与|同|跟|被|来自)", gap) or (re.search(r"和", gap) and not _COORD.match(gap)):
                split = i
                break
        if split is not None:
            a = lh[split]
            for b in _group(ctx, left, left.index(lh[split + 1]), +1, _kin(a)):
                pairs.append((a, b))
        elif trig.frame != "svo":  # (A、B、C 的表现优于…: an object-less comparison's subjects are no rivals)
            group = _group(ctx, left, left.index(lh[-1]), -1, _kin(lh[-1]))
            if len(group) >= 2 and not re.search(r"(?:与|同|跟|和)\s*(?:如|像)?\s*$", text[max(ctx.sent.start, min(g.start for g in group) - 3):min(g.start for g in group)]) \
                    and not _PEOPLE_OF.match(text, max(g.end for g in group)) \
                    and not (a0 >= 0 and re.search(r"(?:与|同|跟)", text[max(g.end for g in group):a0])) \
                    and not (trig.word in _RELATIONAL_NOUNS and a0 >= 0
                             and _NOUN_OF.fullmatch(text, max(g.end for g in group), a0)):
                # (S 是 A 和 B 的官方合作伙伴: the list is whose partner S is, not partners of each other)
                # (我们与 A、B 和 C 签署了合作备忘录: the list is whom the subject partners with, not each other;
                #  通过 A 和 B 与在座的各位合作: the list works with someone no name gives, not with each other)
                pairs += list(combinations(group, 2))
    for h, t in pairs:
        if trig.relation == "partners_with" and any(_AGAINST.search(text, max(0, x.start - 3), x.start) for x in (h, t)):
            continue  # A 和 B 联合对 C 提起诉讼: C is whom they act against, not a partner
        if _kin(h) == _kin(t) and _ok(trig.relation, h, t):
            yield _rel(ctx, trig.relation, h, t, 0.75, trigger=trig.word)
