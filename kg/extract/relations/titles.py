"""Title patterns: 腾讯 AI Lab 副主任俞栋, 王小川，百川智能 CEO, and what follows 加入 X (出任 …, 从 Y)."""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from ...resources_data import titles
from ...schema import COMPANY, MODEL, ORG, PERSON
from ...types import Analysis, Evidence, Mention, RelationMention, Sentence
from .known import maker_of
from ._base import _ADVISED_BY, _BEHIND_IS, _PAREN, _clause_initial, _group, _Ctx, _ELLIPSIS_LINK, _PERSON_LINK, _ident, _ok, _rel, _same, _title_kind, _title_regex


# how far after an organisation its title chain may run (a regional head's title, 及, then a qualified second title)
TITLE_WINDOW = 30
_BRACKETS = re.compile(r"[（(][^（()）]{0,40}[）)]")
# 是硅谷风险投资公司 X 的合伙人: what kind of organisation X is stands between the link and X
_DESCRIBED = re.compile(r"(?<=是|为)\s*(?:一家|一所|这家)?[\u4e00-\u9fffA-Za-z ]{0,10}?(?:公司|机构|基金|平台|实验室|研究院|大学|媒体|银行)\s*$")
_NEXT_TITLED = re.compile(r"\s*(?:[（(][^（()）]{0,30}[）)])?\s*(?:和|、|及|以及|与)\s*(?:其|该公司)?\s*(?:的)?\s*")
_ASIDE = re.compile(r"\s*[（(][^（()）]{1,30}[）)]")  # a bracketed aside between a title and its person
_MODEL_OWNER_GAP = re.compile(r"\s*(?:的|旗下的?|自研的?)?\s*(?:[\u4e00-\u9fff]{0,4}?(?:大模型|模型))?\s*")
_WELCOMED = re.compile(r"\s*(迎来了?|请来了?)\s*(?:一位|一名)?\s*(?:新的|新任|新一任|新)")  # (X 迎来了新的 CEO Y: Y joined X)
_INNER_TITLE = re.compile(r"\s*(?:的)?\s*(?:前任|前|原|现任)?\s*")
# titles a group holds (红杉的合伙人 A、B 和 C; 董事会成员 A 和 B): a closed list after one is of people who all hold it
# the part of an organisation a post is over, before the title: 负责 AI 安全的 · 生态合作、市场与投资的 · AI 平台的
_AREA = r"(?:业务|发展|战略|风投|投资|伦理|安全|研究|研发|产品|工程|技术|平台|运营|市场|销售|营销|政策|事务|合作|商务|生态|数据|基础设施|云|硬件|软件|设计)"
_AREA_OF = re.compile(r"\s*(?:负责\s*[A-Za-z\u4e00-\u9fff ]{1,12}?|(?:[A-Za-z\u4e00-\u9fff ]{0,6}?" + _AREA + r"\s*(?:[、和与及/&]\s*)?){1,4})"
                      r"\s*的\s*")
_GROUP_TITLE = re.compile(r"(?<!首席)(?:合伙人|成员|研究员|研究人员|工程师|科学家|高管|员工|董事)$")
# Dana Reyes，欧洲最大的物流公司之一 Norvale 的 CEO: what kind of organisation it is, before its name
_KIND_BEFORE_ORG = re.compile(r"^\s*[，,]\s*[^，,。；;！？!?的]{0,12}(?:的[^，,。；;！？!?的]{1,12})?"
                              r"(?:公司|企业|机构|巨头|平台|银行|集团|超市|媒体|基金|大学|实验室)(?:之一)?\s*$")
_AT_PLACE = re.compile(r"(?:^|[，,。；;：:\s])在[^，,。；;！？!?在]{0,20}$")
_SEX = re.compile(r"[，,]\s*[男女]\s*(?=[，,])")  # 迈克尔·波特（…），男，哈佛商学院教授


def _title_relations(ctx: _Ctx) -> Iterator[RelationMention]:
    """ORG [的] TITLE PERSON, and PERSON，[是/任] ORG [的] TITLE."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY, MODEL):
            continue
        k0 = i + 1
        lead = _ASIDE.match(text, org.end, ctx.sent.end)
        if lead:  # 远山（青禾的母公司）的首席执行官: the organisations in the aside are not the title's
            while k0 < len(ms) and ms[k0].end <= lead.end():
                k0 += 1
        nxt = ms[k0] if k0 < len(ms) else None
        limit = nxt.start if nxt else ctx.sent.end
        window = text[org.end:min(limit, org.end + TITLE_WINDOW + (lead.end() - org.end if lead else 0))]
        if re.match(r"\s*[，,]", window) and _AT_PLACE.search(text[max(ctx.sent.start, org.start - 24):org.start]) \
                and not any(x.end <= org.start and x.start >= org.start - 24 for x in ms[:i]):
            window = window.replace("，", " ", 1).replace(",", " ", 1)  # 在 Kroger，首席执行官 X: the post is there
        m = re.match(r"\s*(?:[（(][^）)]{1,20}[）)]\s*)?(?:大?模型\s*)?(?:迎来了?|请来了?)?\s*(的|新的)?\s*(?:另一位|另外一位|其中一位|一位)?\s*"
                     r"(?:著名|知名|现在的|目前的)?\s*(前|原|现任|时任|新任|首任|前任)?\s*(联合创始人兼|创始人兼|兼)?", window)
        pos = m.end()
        area = None if m.group(1) else _AREA_OF.match(window, pos)
        if area:  # 远山负责 AI 安全的首席产品官 X, 远山生态合作、市场与投资的执行副总裁 X: a post over a part of it
            pos = area.end()
        t = _title_regex().match(window, pos)
        joint = m.group(3) or ""
        if not t and len(joint) > 1:  # 北辰科技创始人兼青禾科技董事: the founder's title is this one's, 兼 joins the next
            t, joint = _title_regex().match(window, m.start(3)), ""
            t = t if t and window[t.end():].strip() == "兼" else None
        if not t:
            continue
        roles = [t.group(0).strip()]
        end_in_window = t.end()
        while True:  # 联合创始人、CTO · 创始人兼 CEO
            c = re.match(r"\s*(、|兼|和|及|/|&|＆)\s*", window[end_in_window:])
            t2 = _title_regex().match(window, end_in_window + c.end()) if c else None
            if not t2:
                break
            roles.append(t2.group(0).strip())
            end_in_window = t2.end()
        pre = text[max(ctx.sent.start, org.start - 3):org.start].strip()[-1:]
        former_before = pre in ("前", "原")
        roles = [_VERB_BEFORE_TITLE.sub("", r) or r for r in roles]  # 最早源自于创始人: the title is 创始人
        roles = [re.sub(r"^等\s*(?:公司|企业|机构|单位)?\s*", "", r) or r for r in roles]  # (A、B 等公司副总裁: 副总裁)
        if re.match(r"\s*(?:的)?\s*(?:母公司|子公司|投资方|股东|客户)", window):
            continue  # 《青禾周刊》母公司董事会的一员: a post at the parent (or an investor), not at the organisation
        role = (pre if former_before else "") + (m.group(2) or "") + joint + roles[-1]
        title_end = org.end + end_in_window
        person = None
        # 快手副总裁、可灵事业部负责人盖文轩: a chain of ORG TITLE pairs before one person
        k = k0
        while nxt is not None and nxt.type in (ORG, COMPANY, MODEL) and \
                re.fullmatch(r"\s*[、,，兼及和]\s*(?:现任|现为|曾任)?\s*", text[title_end:nxt.start]):  # (A 前总裁、现任 B 创始人 X)
            t_next = _title_regex().match(text, nxt.end) or _INVESTOR_WORD.match(text, nxt.end) or _HONOUR.match(text, nxt.end)
            # (谷歌联合创始人兼特斯拉投资者 X: an investor is no post, the trigger rules read it; the chain goes on;
            #  so does it past an honour: 北辰科技 CTO、某国科学院外籍院士王磊)
            if not t_next or k + 1 >= len(ms):
                break
            title_end, k = t_next.end(), k + 1
            nxt = ms[k]
        while nxt is not None:  # 华盛顿大学兼职教授、博士生导师何晓冬: titles of no organisation may end the chain
            c = re.match(r"\s*[、兼]\s*", text[title_end:nxt.start])
            t_more = _title_regex().match(text, title_end + c.end()) if c else None
            if not t_more or t_more.end() > nxt.start or t_more.group(0).strip() not in titles():
                break
            title_end = t_more.end()
        aside = _ASIDE.match(text, title_end)
        inner = []
        if aside:  # 青禾 CEO（远山前掌门人）Rob Kent: the brackets' organisations are not the person
            while nxt is not None and nxt.end <= aside.end() and k + 1 < len(ms):
                inner.append(nxt)
                k += 1
                nxt = ms[k]
        if nxt is not None and nxt.type == PERSON and (_TITLE_TO_PERSON.fullmatch(_BRACKETS.sub("", text[title_end:nxt.start]))
                                                       or _COMMA_TO_PERSON.fullmatch(text, title_end, nxt.start)
                                                       and _OPENS_CLAUSE.search(text, max(0, org.start - 4), org.start)):
            # (谷歌前 CEO，Eric Schmidt 说: a title phrase that opens the clause, then its person after a comma)
            person, conf = nxt, 0.9
            if len(inner) == 1 and inner[0].type in (ORG, COMPANY):  # （YC 前掌门人）: a title there too
                t_in = _INNER_TITLE.match(text, inner[0].end)
                t_in = t_in and _title_regex().fullmatch(text, t_in.end(), aside.end() - 1)
                if t_in:
                    former_in = bool(re.match(r"\s*(?:的)?\s*(?:前|原)", text[inner[0].end:]))
                    r_in = t_in.group(0).strip()
                    yield from _title_facts(ctx, person, inner[0], _title_kind(r_in), r_in, 0.8, former_in)
            # 青禾电子和 Norvale 的创始人顾承远: the title is of every organisation of the list before it
            listed = _group(ctx, list(ms), i, -1, (ORG, COMPANY))[1:]
            gaps = [text[a.end:b.start] for a, b in zip(listed, [org] + listed[:-1])]
            if not m.group(1) and (m.group(2) or any("、" in g for g in gaps)) or any("，" in g or "," in g for g in gaps) \
                    or listed and not m.group(1) and re.search(r"(?:在|于|从|到|去|来)\s*$", text[max(ctx.sent.start, listed[-1].start - 2):listed[-1].start]):
                listed = []  # 投资人包括了 YC、Paypal 联合创始人 Max Levchin: without 的 a 、 list is of other items;
                #              由 a16z 和 GitHub 前 CEO X: a former post is the last organisation's; 产品 Glimmer AI，YC
                #              CEO X 说: a comma ends what came before, it joins no list of employers;
                #              在斯坦福和快手创始人 X 散步: a place the sentence is at heads no list of employers
            for other in listed:
                for r in roles:
                    yield from _title_facts(ctx, person, other, _title_kind(r), r, 0.85, former_before)
            # Lumora 的两位创始人 Dana Whitlock 和 Rob Kent: every person of a list the title
            # announces as plural (腾讯副总裁张三和李四: only 张三 is said to be one)
            plural = re.search(r"(?:[两二三四五六七八九十几多诸各数]|\d+)\s*位|们", window[:end_in_window]) \
                or re.search(r"(?:[两二三四五六七八九十几多诸各数]|\d+)\s*位\s*$", text[max(ctx.sent.start, org.start - 4):org.start]) \
                or (_title_kind(roles[-1]) == "found" or _GROUP_TITLE.search(roles[-1])) and _closed_people(ctx, k) \
                or _roster(ctx, k)
            # 青禾的CEO A和首席科学家B: the next person with a title of their own, at the same organisation
            if k + 1 < len(ms) and ms[k + 1].type == PERSON:
                link = _NEXT_TITLED.match(text, nxt.end, ms[k + 1].start)
                t_next = _title_regex().fullmatch(text, link.end(), len(text[:ms[k + 1].start].rstrip())) if link else None
                if t_next and not _DESCRIBED_TITLE.match(t_next.group(0).strip()):  # (与著名数学家 X: a description)
                    r2 = t_next.group(0).strip()
                    plain = r2 in titles() or r2.upper() in titles()  # (项目负责人 heads a project, not the company)
                    yield from _title_facts(ctx, ms[k + 1], org, _title_kind(r2) if plain else "member", r2, 0.8, False)
            for other in _people_after(ctx, k)[1:] if plural else ():
                for r in roles:
                    yield from _title_facts(ctx, other, org, _title_kind(r), role[: len(role) - len(roles[-1])] + r,
                                            0.85, former_before or bool(m.group(2) and m.group(2) in ("前", "原", "前任")))
        else:
            # PERSON，ORG TITLE  /  PERSON 是 ORG 的 TITLE
            # (王磊是 A 和 B 的研究科学家: the title is of each organisation of the list before 的)
            co = [x for x in _group(ctx, list(ms[:i + 1]), i, -1, (ORG, COMPANY))[1:] if x.type in (ORG, COMPANY)] \
                if m.group(1) and not former_before else []
            if not co and not m.group(1) and not former_before and re.match(r"\s*($|[，,。；;\n])", text[title_end:ctx.sent.end]):
                # 王强曾任腾讯、百度等公司副总裁: without 的 too, where a post verb follows the person and the title ends
                # the clause, the list is of the person's employers
                listed = [x for x in _group(ctx, list(ms[:i + 1]), i, -1, (ORG, COMPANY))[1:] if x.type in (ORG, COMPANY)]
                k_l = ms.index(listed[-1]) if listed else 0
                if k_l > 0 and ms[k_l - 1].type == PERSON and _POSTS_LISTED.fullmatch(text, ms[k_l - 1].end, listed[-1].start):
                    co = listed
            first = co[-1] if co else org
            k_first = ms.index(first)
            prev = ms[k_first - 1] if k_first > 0 else None
            link = text[prev.end:first.start - (1 if former_before else 0)] if prev is not None else ""
            if co and not (prev is not None and prev.type == PERSON and _PERSON_LINK.match(link)):
                co, prev = [], (ms[i - 1] if i > 0 else None)
                link = text[prev.end:org.start] if prev is not None else ""
            for other in co:
                yield from _title_facts(ctx, prev, other, _title_kind(roles[-1]), role, 0.8, False)
            chained = _chain_person(ctx, i, former_before,
                                    closed=bool(re.match(r"\s*($|[，,。；;\n])", text[title_end:ctx.sent.end])))
            if prev is not None and prev.type == PERSON and _PERSON_LINK.match(
                    _DESCRIBED.sub("", _KIND_BEFORE_ORG.sub("，", _SEX.sub("", _BRACKETS.sub("", link))))):
                person, conf = prev, 0.85
                # 周嘉树与林晓川同为清华大学校友: every person of the list
                for other in _group(ctx, list(ms[:i]), i - 1, -1, (PERSON,))[1:]:
                    yield from _title_facts(ctx, other, org, _title_kind(roles[-1]), role, conf, False)
            elif prev is not None and prev.type == PERSON and re.fullmatch(r"\s*[：:]\s*(?:目前|现在|现)?\s*(?:也|还)?\s*(?:是|为|任|担任)?\s*", link) \
                    and re.match(r"\s*($|[，,。；;\n])", text[title_end:ctx.sent.end]):
                person, conf = prev, 0.8  # Ravi Baloney: 斯坦福大学讲师 (a bio line): the title ends the clause
            elif chained is not None:
                person, conf = chained, 0.8  # 王磊，腾讯首席科学家、前百度副总裁: the second title of a chain
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
        owner = ms[i - 1] if i > 0 and org.type == MODEL and ms[i - 1].type in (ORG, COMPANY) else None
        if owner is not None and _MODEL_OWNER_GAP.fullmatch(text, owner.end, org.start):
            # X 代码大模型 Y 负责人 Z: Z heads the model and works at the firm that makes it
            yield from _title_facts(ctx, person, owner, "member", role, conf - 0.1, former)
            if _ok("develops", owner, org):
                yield _rel(ctx, "develops", owner, org, 0.7)
        welcomed = _WELCOMED.match(window)
        if conf >= 0.9 and not former and welcomed and _ok("joined", person, org):
            yield _rel(ctx, "joined", person, org, 0.75, trigger=welcomed.group(1))  # 迎来了新的 CEO X
        for r in roles:
            prefix = role[: len(role) - len(roles[-1])]
            kind = _title_kind(r)
            if area and kind == "lead":
                kind = "member"  # (the head of a part of the organisation, not of the organisation)
            yield from _title_facts(ctx, person, org, kind, (area.group(0).strip() if area else "") + prefix + r,
                                    conf, former)


# what makes a title after 与/和 a description of the next person, not a post at the same organisation
_DESCRIBED_TITLE = re.compile(r"(?:著名|知名|传奇|顶尖|顶级|世界级|杰出|资深的|青年|美国|英国|法国|德国|日本|中国|华人|独立)")
_POSTS_LISTED = re.compile(r"\s*(?:曾|还|此前|之前|先后|也)?\s*(?:历任|曾任|担任|出任|任|是|为)\s*")
_HONOUR = re.compile(r"\s*(?:外籍|通讯|荣誉|名誉)?\s*(?:院士|会士|Fellow)(?![A-Za-z])")


def _chain_person(ctx: _Ctx, i: int, former_before: bool, *, closed: bool = False) -> Mention | None:
    """王磊，腾讯首席科学家、前百度副总裁 · 王磊是 A 的 CTO、B 的顾问 · A 研究员及 B 教授: the organisation
    ``ctx.mentions[i]`` continues a chain of ORG TITLE items joined by 、 (or 及) that follows a person (PERSON，… or PERSON 是 …); that person. Where the
    title of ``ctx.mentions[i]`` ends its clause (``closed``), items joined by a comma chain too (王磊，腾讯副教授，百度
    研究员。)."""
    sep = r"(?:[、，,兼]|以及|及)" if closed else r"(?:、|以及|及|兼)"
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    start = ms[i].start - (1 if former_before else 0)
    j = i - 1
    while j >= 0 and ms[j].type in (ORG, COMPANY):
        link = _BRACKETS.sub("", text[ms[j].end:start])
        m = re.match(r"\s*(?:的)?\s*(?:前|原|现任)?\s*", link)
        t = _title_regex().match(link, m.end())
        if not t:
            return None
        _, end = _title_chain(link, _title_regex(), m.end(), len(link))  # 研究员、博士生导师及 B …: titles at one place
        if not re.fullmatch(r"\s*" + sep + r"\s*(?:前|原|现任|曾任)?\s*", link[end:]):
            return None
        start = ms[j].start
        if text[max(ctx.sent.start, start - 1):start] in ("前", "原"):
            start -= 1
        j -= 1
        if j >= 0 and ms[j].type == PERSON:
            link = text[ms[j].end:start]
            return ms[j] if _PERSON_LINK.match(_DESCRIBED.sub("", _SEX.sub("", _BRACKETS.sub("", link)))) else None
    return None


_INVESTOR_WORD = re.compile(r"\s*(?:的)?\s*(?:早期|天使|重要|主要)?\s*投资(?:者|人)")
_VERB_BEFORE_TITLE = re.compile(r"^.*?(?:源自于|来自于|来自|源自|成为|作为|担任|出任|是|由)\s*")


def _unbracketed(ctx: _Ctx) -> list[Mention]:
    """The sentence's mentions without those in brackets (布莱恩·切斯基（Brian Chesky）: the other script's form)."""
    text = ctx.analysis.doc.text
    return [m for m in ctx.mentions
            if not (text[max(0, m.start - 1):m.start] in ("（", "(") and text[m.end:m.end + 1] in ("）", ")"))]


def _people_after(ctx: _Ctx, k: int) -> list[Mention]:
    """The person ``ctx.mentions[k]`` and the people listed with it, bracketed forms skipped."""
    ms = _unbracketed(ctx)
    first = ctx.mentions[k]
    group = _group(ctx, ms, ms.index(first), +1, (PERSON,)) if first in ms else [first]
    for n, p in enumerate(group[1:], 1):  # A 创始人 X 以及 Anthropic 的 Y: Y is named with an organisation of its own
        before = ms[ms.index(p) - 1]
        if before.type in (ORG, COMPANY) and ctx.gap(before.end, p.start).strip() == "的":
            return group[:n]
    return group


def _closed_people(ctx: _Ctx, k: int) -> bool:
    """谷歌创始人 Larry Page 和 Sergey Brin: the people after the title form a list of their own, not the start of a
    longer list that goes on with other names (投资人包括亚马逊创始人 Jeff Bezos、Elad Gil、NEA…: only Bezos)."""
    ms = _unbracketed(ctx)
    group = _people_after(ctx, k)
    last = ms.index(group[-1])
    if last + 1 < len(ms):
        gap = ctx.gap(group[-1].end, ms[last + 1].start)
        if re.fullmatch(r"\s*(、|，|,|和|与|及|以及)\s*", _PAREN.sub("", gap)):
            return False
    return len(group) <= 3


def _roster(ctx: _Ctx, k: int) -> bool:
    """技术专家 Anna Berg（安全主管）、Tom Ries（研究主管）和 Bob Tate（首席科学家）: people listed after a title,
    each with a role in brackets, all hold the title's affiliation (without the brackets, 腾讯副总裁张三和李四
    says it of 张三 alone; 谷歌创始人 A 和 B — founders come in lists — and 红杉合伙人 A 和 B, a title a group
    holds, of both: see the caller)."""
    group = _group(ctx, list(ctx.mentions), k, +1, (PERSON,))
    if len(group) < 2:
        return False
    text = ctx.analysis.doc.text
    return all(re.match(r"\s*[（(][^（()）]{1,40}[）)]", text[p.end:ctx.sent.end]) for p in group)


# academic titles Chinese puts after a name (王磊教授); 博士 is left out: after a name it is a degree, not a post
_TITLE_AFTER_NAME = re.compile(r"\s*(教授|副教授|助理教授|研究员|副研究员|院士|讲师|院长|副院长|校长|副校长|所长|主任|董事长|理事长|"
                               r"总裁|总经理|首席科学家|CEO|CTO)(?![\u4e00-\u9fffA-Za-z]{0,1}(?:生|级|助理|秘书|办公室|幕僚))")
# a person's group or the way students name a teacher, right after the name (清华刘知远团队, 斯坦福李飞飞老师)
_GROUP_AFTER_NAME = re.compile(r"\s*(?:团队|课题组|研究组|老师)(?![\u4e00-\u9fff]{0,1}(?:们|成员))")
_BEFORE_AFFILIATION = re.compile(r"(^|[，,、；;：:（(]|如|比如|例如|包括|像|和|与|及|以及|有|由|前几天|近日|日前|昨天|今天|此前|最近|随后|当时|如今|目前|"
                                 r"根据|据|按照)\s*$")
_AFTER_AFFILIATION = re.compile(r"\s*($|[、，,。；;）)！？!?]|等|与|和|以及|及|跟|同|表示|说|认为|称|指出|透露|坦言|介绍|强调|告诉|回应|在|将|曾|也|则|还|就|对|"
                                r"因|凭借|凭|获得|获|都|已|正|身上|刚刚|刚|近日|最近|分享|提到|写道|撰文|发文|评论)")


def _affiliations(ctx: _Ctx) -> Iterator[RelationMention]:
    """零一万物李开复、商汤徐立等; 小米的雷军在发布会上表示: an organisation right before a person, with nothing
    between but 的, names where the person works (works_for, no role). Only where the pair stands as a unit:
    at a clause or list start, and followed by a list mark, a clause end or the person's verb."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for org, person in zip(ms, ms[1:]):
        if org.type not in (ORG, COMPANY) or person.type != PERSON or person.source == "coref":
            continue
        if text[org.end:person.start].strip() not in ("", "的"):
            continue
        after_title = _TITLE_AFTER_NAME.match(text, person.end, ctx.sent.end)
        if after_title:  # 北京大学王磊教授, 麻省理工学院 Daniela Rus 教授, 智源研究院王磊院长: the title after the name
            role = after_title.group(1)
            yield from _title_facts(ctx, person, org, _title_kind(role), role, 0.75, False)
            continue
        if _GROUP_AFTER_NAME.match(text, person.end, ctx.sent.end):
            # 清华刘知远团队提出…, 斯坦福李飞飞老师: the institution before the head of the group is the person's
            if _ok("works_for", person, org):
                yield _rel(ctx, "works_for", person, org, 0.7)
            continue
        before = text[max(ctx.sent.start, org.start - 4):org.start]
        if not (_BEFORE_AFFILIATION.search(before) or re.search(r"(?<!毕业|就读|求学|学习|留学)(?:于|自|从)\s*$", before)):
            continue  # (来源于远山资本的 Rob Kent, 学到自 X 的 Y; not 毕业于清华大学的王磊)
        agent = re.search(r"由\s*$", before)  # 这个概念由 Platformer 的 Casey Newton 提出: the agent of the clause
        if not agent and not _AFTER_AFFILIATION.match(text, person.end, ctx.sent.end) and person.end != ctx.sent.end:
            continue
        if _ok("works_for", person, org):
            yield _rel(ctx, "works_for", person, org, 0.7)


_AT_ORG = re.compile(r"(在|于)\s*$")
_SERVED = re.compile(r"(担任|出任|曾任|现任|任职于|接任|继任|任|来做|来当)(?:了|过)?\s*$")
_SERVE_AS = re.compile(r"\s*(?:等(?:多家|几家)?(?:公司|企业|机构|大厂|科技公司|科技巨头)?\s*)?"
                       r"(?:的\s*(?:多个|几个|不同|各个|[\u4e00-\u9fffA-Za-z]{1,6}?)\s*(?:部门|团队|业务线|事业部|项目组)\s*)?"
                       r"(担任|出任|任职|任|当|做|是)(?:过|了)?\s*(?:(?:\d+|[一二两三四五六七八九十几多]+)\s*年(?:的)?\s*)?")
# (在 X 的几个部门做过工程师: a post in a part of the organisation is a post there)


def _serving_at(ctx: _Ctx) -> Iterator[RelationMention]:
    """刘珂长期在 IBM 担任产品经理 · 曾担任斯坦福华人创业协会的主席 · 在微软和皮克斯做过实习工程师: 在 ORG 担任 TITLE
    or 担任 ORG 的 TITLE, said of the one person named before it in the sentence, or of the person the phrase
    describes (在微软做过工程师的 Evan Wallace)."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY):
            continue
        orgs = [org]
        subject = None
        if _AT_ORG.search(text[max(ctx.sent.start, org.start - 3):org.start]):
            serve = _SERVE_AS.match(text, org.end, ctx.sent.end)
            after = ms[i + 1] if i + 1 < len(ms) else None
            if serve is None and after is not None and after.type == PERSON and \
                    re.fullmatch(r"\s*(?:时|期间|工作时|工作期间)?\s*[，,]\s*", text[org.end:after.start]):
                serve = re.compile(r"\s*(?:曾|则|也|一直|主要)?\s*(?:担任|出任|任|是)(?:过|了)?\s*").match(text, after.end, ctx.sent.end)
                subject = after if serve else None  # 在青禾科技，他担任首席科学家: the clause's subject holds the post
            if serve is None:  # 在微软和皮克斯做过实习工程师: the title is of every organisation of the list
                orgs = _group(ctx, list(ms), i, +1, (ORG, COMPANY))
                serve = _SERVE_AS.match(text, orgs[-1].end, ctx.sent.end) if len(orgs) > 1 else None
        elif _SERVED.search(text[max(ctx.sent.start, org.start - 4):org.start]):
            serve = re.compile(r"\s*(?:[（(][^（()）]{0,24}[）)])?\s*的\s*").match(text, org.end, ctx.sent.end)
            # 曾担任斯坦福华人创业协会的主席 · 担任过云帆科技（2019 年并入百度）的联合创始人
            # (without 的, 出任小米 MiMo 大模型负责人 is a title phrase the title rules read)
        else:
            continue
        title = _title_regex().match(text, serve.end(), ctx.sent.end) if serve else None
        if title is None:
            continue
        roles, end = [title.group(0).strip()], title.end()
        while True:  # 担任 X 的联合创始人兼首席执行官: every title of the chain
            c = re.match(r"\s*(?:兼|、|和|及|/|&)\s*", text[end:ctx.sent.end])
            t2 = _title_regex().match(text, end + c.end(), ctx.sent.end) if c else None
            if not t2:
                break
            roles.append(t2.group(0).strip())
            end = t2.end()
        described = next((p for p in ms if p.start >= end and p.type == PERSON), None)
        if subject is not None:
            person = subject
        elif described is not None and re.fullmatch(r"\s*的\s*", text[end:described.start]):
            person = described  # 在微软做过实习工程师的 Evan Wallace: the phrase describes the person after it
        else:
            people = {_ident(p): p for p in ms[:i] if p.type == PERSON}
            if len(people) != 1:
                continue
            (person,) = people.values()
        for o in orgs:
            for role in roles:
                yield from _title_facts(ctx, person, o, _title_kind(role), role, 0.8, False)


_POST_IS = re.compile(r"\s*的?\s*(?:第一任|首任|第一位|现任|新任|新一任|下一任|前任|上一任)?\s*")
_POST_IS_LINK = re.compile(r"\s*(?:是|为|由)\s*([^，,。；;：:]{0,20}?)$")


def _post_is(ctx: _Ctx) -> Iterator[RelationMention]:
    """远山科技的第一任 CEO 是来自青禾大学的物理学家王磊 · 青禾科技现任 CTO 为李娜: the post of the organisation is the
    person's, whatever short description stands between 是 and the name."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY):
            continue
        lead = _POST_IS.match(text, org.end)
        title = _title_regex().match(text, lead.end()) if lead else None
        if title is None or not title.group(0).strip():
            continue
        person = next((m for m in ms[i + 1:] if m.type == PERSON), None)
        if person is None:
            continue
        link = _POST_IS_LINK.match(text[title.end():person.start])
        if link is None or re.search(r"(?:表示|说|认为|宣布|加入|离开|创立|创办|投资)", link.group(1)):
            continue
        role = title.group(0).strip()
        former = bool(re.search(r"前任|上一任", text[lead.start():lead.end()]))
        yield from _title_facts(ctx, person, org, _title_kind(role), role, 0.75, former)


def _title_facts(ctx, person, org, kind, role, conf, former) -> Iterator[RelationMention]:
    if org.type == MODEL:  # 混元的技术负责人: leads the model
        if (kind == "lead" or "负责" in role) and not former and _ok("leads", person, org):
            yield _rel(ctx, "leads", person, org, conf - 0.05, role=role)
        elif re.search(r"研发|开发|训练|作者|一作", role) and _ok("develops", person, org):
            yield _rel(ctx, "develops", person, org, conf - 0.05)  # o1 的核心研发人员: took part in making it
        return
    if "创始人" in role or kind == "found":
        if _ok("founded", person, org):
            yield _rel(ctx, "founded", person, org, conf)
        if kind == "found":
            # 谷歌创始人 Larry Page: a founder named by the title holds that position there (data/README.md:
            # the title is the role); 创立了 X (a verb, not a title) gives founded alone
            if _ok("works_for", person, org):
                yield _rel(ctx, "works_for", person, org, conf - 0.05, role=role)
            return
    if kind == "edu":
        if _ok("educated_at", person, org):
            yield _rel(ctx, "educated_at", person, org, conf)
        return
    if _ok("works_for", person, org):
        yield _rel(ctx, "works_for", person, org, conf, role=role)
    if kind == "lead" and _ok("leads", person, org):  # 原云帆科技 CEO, 星海资本前掌门人: headed it (the real-news golds say so)
        yield _rel(ctx, "leads", person, org, conf - 0.05, role=role)


_LEFT_POST = re.compile(r"[^，,。；;！？!?]{0,12}?(?:卸任|辞去|辞任|离任|卸下)了?\s*$")


def _left_post(ctx: _Ctx) -> Iterator[RelationMention]:
    """王磊宣布卸任远山科技 CEO · 张伟辞去青禾科技 CEO 一职: the post the person leaves was theirs (a former
    post: works_for, and leads for a head's title; the trigger gives departed_from)."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY) or i == 0:
            continue
        people = [p for p in ms[:i] if p.type == PERSON]
        if not people or not _LEFT_POST.fullmatch(_PAREN.sub("", text[people[-1].end:org.start])):
            continue
        lead = re.match(r"\s*(?:的)?\s*", text[org.end:])
        t = _title_regex().match(text, org.end + lead.end(), ctx.sent.end)
        if t is None:
            continue
        role = t.group(0).strip()
        yield from _title_facts(ctx, people[-1], org, _title_kind(role), role, 0.75, True)


_POST = re.compile(r"\s*的\s*(\S{1,14}?)\s*(?:一职|职务|职位|的职务|的职位)")


def _post_of(ctx: _Ctx) -> Iterator[RelationMention]:
    """OpenAI 董事会解除 Sam Altman 的 CEO 职务: the person held that post at the organisation the clause names
    before (the rules read the verb: removal, appointment)."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, person in enumerate(ms):
        if person.type != PERSON:
            continue
        m = _POST.match(text, person.end, ctx.sent.end)
        t = m and _title_regex().fullmatch(m.group(1))
        if not t:
            continue
        orgs = [x for x in ms[:i] if x.type in (ORG, COMPANY) and not re.search(r"[，,。；;]", text[x.end:person.start])]
        if len(orgs) == 1:  # which organisation must be clear
            role = t.group(0).strip()
            yield from _title_facts(ctx, person, orgs[0], _title_kind(role), role, 0.75, False)


_APPOINT = re.compile(r"\s*(?:正式|已|近日|日前|今天|宣布|官宣|又|还)*\s*(?:任命|聘任|聘请|委任|提拔|提名|选举|推选|邀请|请来|招来|挖来)(?:了)?\s*$")
_AS_POST = re.compile(r"\s*(?:来)?\s*(?:为|担任|出任|任|作为|做|当)(?:公司|该公司|其|新任|新一任|首任)?\s*(?:的)?\s*")  # (请来 X 来做 CTO)


def _appointed(ctx: _Ctx) -> Iterator[RelationMention]:
    """青禾科技任命王青禾为首席科学家, 聘请 X 担任 CTO: the organisation that appoints gives the person the post."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, person in enumerate(ms):
        if person.type != PERSON or i == 0:
            continue
        org = ms[i - 1]
        if org.type not in (ORG, COMPANY):
            continue
        if not _APPOINT.fullmatch(text, org.end, person.start) and not re.fullmatch(
                r"\s*(?:董事会|股东大会)\s*" + _APPOINT.pattern.lstrip(r"\s*"), text[org.end:person.start]):
            continue
        link = _AS_POST.match(text, person.end)
        t = link and _title_regex().match(text, link.end())
        if t:
            role = t.group(0).strip()
            yield from _title_facts(ctx, person, org, _title_kind(role), role, 0.8, False)


_WORKED_AT = re.compile(r"\s*(?:工作|任职|就职|供职)(?:过|了\d+年)?的\s*")


def _org_people(ctx: _Ctx) -> Iterator[RelationMention]:
    """曾在 Benchmark Capital 工作的 Andy Rachleff (and B): the organisation's person (works_for)."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for i, org in enumerate(ms[:-1]):
        person = ms[i + 1]
        if org.type not in (ORG, COMPANY) or person.type != PERSON:
            continue
        gap = text[org.end:person.start]
        worked = re.search(r"(?:曾|曾经|之前|此前)?\s*在\s*$", text[max(ctx.sent.start, org.start - 6):org.start]) \
            and _WORKED_AT.fullmatch(gap)
        if not worked:
            continue  # (ORG 的 PERSON alone is read by _affiliations, with its own care)
        people = [person]
        for nxt in ms[i + 2:]:  # 在 X 工作的 A 和 B; not 在 X 工作的 A 与 B 聊了聊
            if nxt.type != PERSON or not re.fullmatch(r"\s*(?:、|和|及|以及)\s*", text[people[-1].end:nxt.start]):
                break
            people.append(nxt)
        for p in people:
            if _ok("works_for", p, org):
                yield _rel(ctx, "works_for", p, org, 0.7)


_AS_TITLE = re.compile(r"\s*(?:在\s*\d{4}\s*年)?\s*(?:以|作为)\s*(?:联合创始人兼|创始人兼)?\s*(\S{1,12}?)\s*(?:的身份)?\s*"
                       r"(?:联合)?(?:创立|创办|创建|加入|加盟|回到|重返|执掌)了?\s*[^，,。；;]{0,10}?$")


def _as_title(ctx: _Ctx) -> Iterator[RelationMention]:
    """张三在 2010 年作为 CEO 创立了本地化平台 X, 以 CTO 身份加入 X: the title is held at X."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, person in enumerate(ms):
        if person.type != PERSON:
            continue
        org = next((m for m in ms[i + 1:] if m.type in (ORG, COMPANY)), None)
        if org is None:
            continue
        m = _AS_TITLE.fullmatch(text, person.end, org.start)
        if not m:
            continue
        t = _title_regex().fullmatch(m.group(1))
        if t:
            role = t.group(0).strip()
            yield from _title_facts(ctx, person, org, _title_kind(role), role, 0.75, False)


_FROM_ORG = re.compile(r"从\s*$")
_LEFT_FROM = re.compile(r"\s*(离开|出来|走出来|出走|退出)(?:了|之后|以后|后)?")


_THEN_TITLE = re.compile(r"(?:[^。；;]{0,8}?[，,]\s*|\s*)(并|将|随后|同时|并将|后)?\s*(出任|担任|任|成为了?|作为)\s*(?:现任|新任|首任|新一任)?\s*")
# (加入 X 担任 Y: no comma; 加入 X，成为现任 CEO)


def _join_details(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """从 Google 加入苹果 → departed_from Google; 加盟 Meta，出任首席 AI 官 → works_for Meta (role)."""
    text = analysis.doc.text
    for r in rels:
        if r.relation not in ("joined", "founded") or r.head.type != PERSON:
            continue  # (创立了 X，并担任 CEO: the founder's post there too)
        ev = r.evidence
        ctx = _Ctx(analysis, Sentence(ev.start, ev.end, ev.sentence), ())
        for m in analysis.mentions if r.relation == "joined" else ():
            if r.head.end <= m.start and m.end <= r.tail.start and m.type in (ORG, COMPANY) \
                    and _FROM_ORG.search(text[max(ev.start, m.start - 2):m.start]) and not _same(m, r.tail):
                yield _rel(ctx, "departed_from", r.head, m, 0.75, trigger="从")
        hired = r.trigger in ("聘请", "聘用") and r.head.start > r.tail.end  # (X 聘请了 Y 担任 CTO: after the person)
        then = _THEN_TITLE.match(text, r.head.end if hired else r.tail.end, ev.end)
        if then:
            at, model = then.end(), None
            named = re.match(re.escape(r.tail.text) + r"\s*", text[at:ev.end])
            if named:  # 加盟小米，出任小米 MiMo 大模型负责人
                at += named.end()
                model = next((m for m in analysis.mentions if m.start == at and m.type == MODEL), None)
                if model is not None:
                    at = model.end
            t = _title_regex().match(text, at, ev.end)
            if t:
                role = t.group(0).strip()
                if model is not None:  # the title is the model's: lead it, work for its maker
                    yield from _title_facts(ctx, r.head, model, _title_kind(role), role, 0.8, False)
                    yield from _title_facts(ctx, r.head, r.tail, "member", role, 0.8, False)
                else:
                    yield from _title_facts(ctx, r.head, r.tail, _title_kind(role), role, 0.8, False)


_BARE_TITLE = re.compile(r"\s*(现|目前|则|将|已)?\s*(担任|出任|任|为)\s*")


_OUTSIDE_ROLE = re.compile(r"分析师|记者|评论员|专家|学者|教授|律师|顾问|投资人|主持人|研究员|议员|官员")
_SPEAKS = re.compile(r"\s*(?:也|还|则|曾|近日|此前|随后)?\s*(?:说|表示|称|透露|指出|认为|坦言|强调|介绍|回应|解释)")


def _speaking_titles(ctx: _Ctx) -> Iterator[RelationMention]:
    """最近 Harvey 开始向欧洲扩张，CEO Winston Weinberg 说，Harvey 已有 40 多家客户: a bare title that opens a clause
    before a person who speaks holds at the one organisation the sentence is about (named at its start)."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    orgs = {_ident(m): m for m in ms if m.type in (ORG, COMPANY)}
    if len(orgs) != 1:
        return
    org = next(m for m in ms if m.type in (ORG, COMPANY))
    if not _clause_initial(ctx, org) or org.source == "coref":
        return
    rx = _title_regex()
    for p in ms:
        if p.type != PERSON or p.start <= org.end or not _SPEAKS.match(text, p.end):
            continue
        c0 = max(text.rfind(ch, ctx.sent.start, p.start) for ch in "，,；;：:")
        if c0 < org.end:
            continue
        t = rx.fullmatch(text[c0 + 1:p.start].strip())
        if t is None:
            continue
        role = t.group(0)
        if _OUTSIDE_ROLE.search(role):
            continue  # 分析师 X 表示: an outsider commenting, not the organisation's own
        yield from _title_facts(ctx, p, org, _title_kind(role), role, 0.6, False)


def _bare_titles(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """灵枢机器人成立于 2023 年，由方启航和苏婉清共同创立。方启航担任 CEO，苏婉清担任首席科学家。
    A sentence that gives people titles but names no organisation: the titles are at the organisation the
    previous sentence of the paragraph is about (its subject)."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k in range(1, len(sents)):
        ms = by_sent[k]
        if not ms or any(m.type in (ORG, COMPANY, MODEL) for m in ms):
            continue
        prev, sent = sents[k - 1], sents[k]
        if "\n" in text[prev.end:sent.start]:
            continue  # a new paragraph may be about something else
        pctx = _Ctx(analysis, prev, by_sent[k - 1])
        subject = next((m for m in by_sent[k - 1] if m.type in (ORG, COMPANY) and _clause_initial(pctx, m)), None)
        if subject is None:
            continue
        ev = Evidence(analysis.doc.id, text[prev.start:sent.end], prev.start, sent.end)
        ctx = _Ctx(analysis, Sentence(prev.start, sent.end, text[prev.start:sent.end]), ms)
        for p in ms:
            if p.type != PERSON:
                continue
            link = _BARE_TITLE.match(text, p.end)
            t = _title_regex().match(text, link.end()) if link else None
            if t is None:
                continue
            role = t.group(0).strip()
            for r in _title_facts(ctx, p, subject, _title_kind(role), role, 0.6, False):
                yield replace(r, evidence=ev)


# a sentence that opens with a title and then names the person: CEO 顾承远，…; 另一位联合创始人是 X
_TITLE_OPENING = re.compile(r"\s*(?:另外|另|还有|其中)?\s*(?:其(?!中)|该公司的?)?\s*(?:[一两三四几]位)?\s*")  # (其 CEO X: the role is CEO)
_SCHOOL = re.compile(r"(大学|学院|University|College)$", re.I)
_DEGREE = re.compile(r"学士|硕士|博士|毕业")
_BIO_LOOKBACK = 10  # sentences back to the organisation a team introduction is about


def _title_chain(text: str, rx: re.Pattern, start: int, stop: int) -> tuple[list[str], int]:
    """The titles that start at ``start`` (创始人兼首席科学家: a chain joined by 兼 、 &), and where they end; ([], 0)
    where no title starts there."""
    t = rx.match(text, start, stop)
    if t is None:
        return [], 0
    roles, end = [t.group(0).strip()], t.end()
    while True:
        c = re.match(r"\s*(?:兼|、|&|＆)\s*", text[end:stop])
        t2 = rx.match(text, end + c.end(), stop) if c else None
        if t2 is None:
            return roles, end
        roles.append(t2.group(0).strip())
        end = t2.end()


def _team_introductions(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """团队介绍。青禾电子是一家做芯片的公司，有三位联合创始人。CEO 顾承远，…。CTO 林知远，…。
    A sentence that opens with a bare title and then the person (no organisation before the person) introduces a
    member of the organisation the text is about: the nearest sentence before it, within a few, that opens with an
    organisation as its subject. Nothing where another person's title already named an organisation there."""
    text = analysis.doc.text
    sents = analysis.sentences
    rx = _title_regex()
    for k, sent in enumerate(sents):
        ms = by_sent[k]
        person = next((m for m in ms if m.type == PERSON and m.source != "coref"), None)
        if person is None or any(m.start < person.start and m.type in (ORG, COMPANY, MODEL) for m in ms):
            continue
        lead = _TITLE_OPENING.match(text, sent.start, person.start)
        roles, end = _title_chain(text, rx, lead.end(), person.start)
        if not roles or not re.fullmatch(r"\s*(?:是|为)?\s*", text[end:person.start]):
            continue
        role = roles[0]
        if _title_kind(role) == "edu" or not any(role[n:] in titles() for n in range(min(3, len(role)))):
            continue  # a bare title (CEO, 首席科学官), not a phrase that ends in one (天衡评测实验室负责人: an unknown unit)
        subject = None
        for j in range(k - 1, max(-1, k - 1 - _BIO_LOOKBACK), -1):
            first = by_sent[j][0] if by_sent[j] else None
            if first is not None and first.type == MODEL and len(by_sent[j]) > 1 and by_sent[j][1].type in (ORG, COMPANY) \
                    and _BEHIND_IS.fullmatch(text, first.end, by_sent[j][1].start):
                first = by_sent[j][1]  # X 背后的团队是 Y: the team the text is about is Y
            elif first is not None and first.type in (ORG, COMPANY) and not text[sents[j].start:first.start].strip():
                pass
            else:
                first = None
            if first is not None:
                if _SCHOOL.search(first.text) or _DEGREE.search(sents[j].text):
                    continue  # 北京大学计算机科学学士、硕士: a bio's education line, not what the team is
                subject = first
                break
        if subject is None:
            continue
        if "其" in text[sent.start:lead.end()] and any(
                m.type in (ORG, COMPANY) and (m.key or m.text) != (subject.key or subject.text)
                for i in range(j + 1, k) for m in by_sent[i]):
            continue  # 其联合创始人 X: its = the organisations named since, not the one that opened a sentence before them
        ev = Evidence(analysis.doc.id, text[sents[j].start:sent.end], sents[j].start, sent.end)
        ctx = _Ctx(analysis, Sentence(sents[j].start, sent.end, ev.sentence), ms)
        # 联合创始人 A、B 和 C: the title opens a list of people, each of whom holds it
        listed = _group(_Ctx(analysis, sent, ms), list(ms), list(ms).index(person), +1, (PERSON,))
        for who in listed:
            for role in roles:
                for r in _title_facts(ctx, who, subject, _title_kind(role), role, 0.6, False):
                    yield replace(r, evidence=ev)
        if len(listed) == 1 and len(ms) == 1 and _LEAVES.match(text, person.end, sent.end) and _ok("departed_from", person, subject):
            # OpenAI 又迎来一波人事震荡。首席技术官 X 今天宣布离职: the post left is at the organisation of the text
            yield replace(_rel(ctx, "departed_from", person, subject, 0.6, trigger="离职"), evidence=ev)


# the person who holds a bare title leaves (no organisation named in the sentence)
_LEAVES = re.compile(r"\s*(?:(?:今天|今日|昨天|昨日|近日|日前|刚刚|突然|正式|也|已|已经|于[^，,。]{1,10}?)\s*)*(?:宣布|确认|证实)?\s*"
                     r"(?:离职|辞职|离开公司|卸任|退休|下台)")


def _clause_titles(ctx: _Ctx) -> Iterator[RelationMention]:
    """星图科技的创始人团队很强，联合创始人兼 CEO 是 Dana Whitlock: a clause that gives a bare title and then the
    person (TITLE 是 X), naming no organisation, holds the title at the organisation that opens the sentence."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    if len(ms) < 2 or ms[0].type not in (ORG, COMPANY) or text[ctx.sent.start:ms[0].start].strip():
        return
    rx = _title_regex()
    for p in ms[1:]:
        if p.type != PERSON or p.source == "coref":
            continue
        lo = max(text.rfind(c, ctx.sent.start, p.start) for c in "，,；;") + 1
        if lo <= ms[0].end or any(lo <= m.start < p.start for m in ms):
            continue  # the title's clause is the first, or it names an organisation of its own
        lead = re.match(r"\s*(?:其|该公司的?|公司的?)?\s*", text[lo:p.start])
        roles, end = _title_chain(text, rx, lo + lead.end(), p.start)
        if not roles or not re.fullmatch(r"\s*(?:是|为|则是|则为)\s*", text[end:p.start]) \
                or not re.match(r"\s*(?:[，,。；;（(！!？?]|$)", text[p.end:ctx.sent.end]):
            continue  # (CEO 是 X 的朋友: the clause goes on about someone else)
        if not any(roles[0][n:] in titles() for n in range(min(3, len(roles[0])))):
            continue  # a bare title, not a phrase that ends in one
        for role in roles:
            yield from _title_facts(ctx, p, ms[0], _title_kind(role), role, 0.6, False)


# 腾讯有三位联合创始人在今年离职。他们分别是张三、李四和王五。 — a counted group in one sentence, its names in the next
_COUNTED_GROUP = re.compile(r"(?:[两二三四五六七八九十几多数]+|\d+)\s*(?:位|名|个)\s*(?P<title>[\u4e00-\u9fffA-Za-z]{0,6}?"
                            r"(?:联合创始人|创始人|创始成员|高层|高管|研究员|研究人员|科学家|合伙人|核心成员|成员|员工|工程师|董事|负责人))")
_NAMES_NEXT = re.compile(r"\s*(?:他们|她们|这些人|这几位|这[两三四五几]位|其中)?\s*(?:分别是|分别为|包括了?|是|为|有)\s*[：:]?\s*$")
_GROUP_VERB = re.compile(r"(离职|离开|出走|辞职|退休|加入|加盟|入职)")
_LAID_OFF = re.compile(r"(裁掉|裁撤|辞退|解雇|开除)")


def _group_named_next(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """腾讯有三位联合创始人在今年离职。他们分别是张三、李四和王五。 A sentence that speaks of a counted group of an
    organisation's people without names, followed in its paragraph by a sentence that names them (分别是 A、B 和 C):
    each named person holds the group's title there, and left or joined it where the first sentence says so."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k in range(1, len(sents)):
        ms, prev_ms = by_sent[k], by_sent[k - 1]
        if "\n" in text[sents[k - 1].end:sents[k].start] or any(m.type == PERSON for m in prev_ms):
            continue
        people = [m for m in ms if m.type == PERSON]
        if len(people) < 2 or not _NAMES_NEXT.match(text[sents[k].start:people[0].start]):
            continue
        ctx = _Ctx(analysis, sents[k], ms)
        named = _group(ctx, list(ms), list(ms).index(people[0]), +1, (PERSON,))
        if len(named) < 2:
            continue
        group = _COUNTED_GROUP.search(text, sents[k - 1].start, sents[k - 1].end)
        if group is None:
            continue
        orgs = [m for m in prev_ms if m.type in (ORG, COMPANY) and m.end <= group.start()]
        if not orgs:
            continue
        org, title = orgs[-1], group.group("title")
        verb = _GROUP_VERB.search(text, group.end(), sents[k - 1].end)
        ev = Evidence(analysis.doc.id, text[sents[k - 1].start:sents[k].end], sents[k - 1].start, sents[k].end)
        wide = _Ctx(analysis, Sentence(sents[k - 1].start, sents[k].end, ev.sentence), prev_ms + ms)
        for p in named:
            rels = list(_title_facts(wide, p, org, _title_kind(title), title, 0.6, False)) if _title_kind(title) else []
            if verb is not None:
                rel = "joined" if verb.group(1) in ("加入", "加盟", "入职") else "departed_from"
                if _ok(rel, p, org):
                    rels.append(_rel(wide, rel, p, org, 0.6))
            for r in rels:
                yield replace(r, evidence=ev)


# X 内部的核心主力还有合伙人 A、B 以及 C: the title right before a list of people, the organisation earlier in the clause
_MEMBERS_NAMED = re.compile(r"\s*+(?:的)?\s*+(?:内部|团队)?[^，,。；;！？!?]{0,14}?(?:还有|包括了?|有|是)\s*+"
                            r"(?P<title>合伙人|联合创始人|创始人|核心成员|成员|高管|研究员|科学家|工程师|董事)\s*+[：:]?\s*+")
_LIST_INTRO = re.compile(r"\s*+(的)?\s*+(?:[一二两三四五六七八九十几多]+位)?\s*+(?P<title>合伙人|联合创始人|创始人|创办人|核心成员|成员|高管|"
                         r"研究员|科学家|工程师|董事|负责人|掌门人)(们)?\s*+(?:将)?(?:只有[^，,。]{0,6}?[，,]\s*+)?"
                         r"(?:分别是|分别为|包括了?|有|是|为)\s*+[：:]?\s*+$")


def _listed_titles(ctx: _Ctx) -> Iterator[RelationMention]:
    """ORG 的 TITLE 分别是/包括 A、B 和 C: every person of the list holds the title there
    (青禾电子的三位联合创始人分别是陆沉舟、林知远和周嘉树; Brightwell 的合伙人包括 A、B 以及 C)."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for i, org in enumerate(ms[:-1]):
        if org.type not in (ORG, COMPANY):
            continue
        first = ms[i + 1]
        if first.type != PERSON or first.start - org.end > 24:
            continue
        m = _LIST_INTRO.match(text[org.end:first.start]) or _MEMBERS_NAMED.fullmatch(text[org.end:first.start])
        if not m:
            continue
        title = m.group("title")
        people = _group(ctx, ms, i + 1, +1, (PERSON,))
        if m.re is _MEMBERS_NAMED and len(people) < 2:
            continue  # (X 内部还有合伙人 A 这样的人: a list of two or more only)
        if len(people) < 2 and not (len(people) == 1 and title in ("合伙人", "联合创始人", "创始人", "创办人")):
            continue  # 腾讯的高管有张三: one person said to be one of several is fine for founders and partners only
        for p in people:
            yield from _title_facts(ctx, p, org, _title_kind(title), title, 0.8, False)


# between a title and the person it names: nothing, 是/为/由/系/的, another post after 兼, or an honour the person won
# (首席执行官兼诺贝尔物理学奖得主 X, CEO、图灵奖得主 X)
_COMMA_TO_PERSON = re.compile(r"\s*[，,]\s*")
_OPENS_CLAUSE = re.compile(r"(?:^|[。；;！？!?\n]|作为|身为)\s*$")
_TITLE_TO_PERSON = re.compile(r"\s*(兼\S{1,8}|[兼、][^\s，,。；;：:]{1,14}?(?:奖得主|奖获得者|奖获奖者)|"
                              r"、[^\s，,。；;：:的是在和与]{0,8}?(?:教父|之父|之母|教母|大神|大佬|传奇|老兵|先驱|布道者|网红)|"
                              r"、(?:该|这篇|本)?(?:论文|研究|文章|报告)的?(?:通讯|第一|共同)?作者(?:之一)?|"
                              r"是|为|由|系|的|——|—|－－)?\s*")  # (青禾创始人、业界教父王强: a byname between)
_MODEL_FROM = re.compile(r"\s*+[，,（(]?\s*+(?:模型)?\s*+(?:则|均|也)?\s*+来自\s*+")
_FROM_BEFORE = re.compile(r"(?:^|[，,。；;：:\s]|为|是|由|和|与|及)来自\s*$")


def _from_org(ctx: _Ctx) -> Iterator[RelationMention]:
    """来自 ORG 的 PERSON: the person works there (报告作者为来自远山海洋研究所的 X). Only one organisation:
    来自 A、B 的研究人员 says nothing of which person is where."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, org in enumerate(ms[:-1]):
        person = ms[i + 1]
        if org.type not in (ORG, COMPANY) or person.type != PERSON:
            continue
        if not _FROM_BEFORE.search(text[max(ctx.sent.start, org.start - 6):org.start]):
            continue
        if not re.fullmatch(r"\s*的\s*", text[org.end:person.start]):
            continue
        if i > 0 and re.fullmatch(r"\s*[、和与及]\s*", text[ms[i - 1].end:org.start]):
            continue
        if _ok("works_for", person, org):
            yield _rel(ctx, "works_for", person, org, 0.8)
    # 我是 PERSON，来自 ORG。 · PERSON（来自 ORG）: a self-introduction or a guest line; one organisation, ending its clause
    for i, person in enumerate(ms[:-1]):
        org = ms[i + 1]
        if person.type != PERSON or org.type not in (ORG, COMPANY):
            continue
        if re.fullmatch(r"\s*[，,（(]\s*(?:目前|现在|现)?\s*来自\s*", text[person.end:org.start]) \
                and re.match(r"\s*(?:$|[，,。；;！？!?）)\n])", text[org.end:ctx.sent.end]) \
                and not (i + 2 < len(ms) and re.fullmatch(r"\s*[、和与及]\s*", text[org.end:ms[i + 2].start])) \
                and _ok("works_for", person, org):
            yield _rel(ctx, "works_for", person, org, 0.75)
    # PERSON 从 ORG 离开/出来 (之后): the person left it (离开 X reads X after the verb; 从 X 离开 before it)
    for i, org in enumerate(ms):
        if org.type not in (ORG, COMPANY) or not re.search(r"从\s*$", text[max(ctx.sent.start, org.start - 2):org.start]):
            continue
        if not _LEFT_FROM.match(text, org.end):
            continue
        person = next((x for x in reversed(ms[:i]) if x.type == PERSON), None)
        if person is not None and re.fullmatch(r"[^，,。；;]{0,8}(?:[，,]\s*)?从\s*", text[person.end:org.start]) \
                and _ok("departed_from", person, org):  # (X 来说，从 Y 出来之后: the clause's subject is X)
            yield _rel(ctx, "departed_from", person, org, 0.75, trigger=_LEFT_FROM.match(text, org.end).group(1))
    # MODEL，来自 ORG (团队)：Qinghe-V3，来自复旦大学的 Lumora AI 团队 → the last organisation named develops it
    # (also in brackets: 沿用 Lumenix-2（来自远山科技）的做法)
    for i, model in enumerate(ms[:-1]):
        if model.type != MODEL:
            continue
        m = _MODEL_FROM.match(text, model.end)
        if m is None:
            continue
        orgs = [x for x in ms[i + 1:] if x.start >= m.end() and x.start < m.end() + 40 and x.type in (ORG, COMPANY)]
        chain = []
        for x in orgs:  # 斯坦福大学的 NEXA AI 团队: the maker is the last of a 的-chain
            if chain and not re.fullmatch(r"\s*的?\s*", text[chain[-1].end:x.start]):
                break
            chain.append(x)
        if chain and _ok("develops", chain[-1], model):
            yield _rel(ctx, "develops", chain[-1], model, 0.75)


_BRACKET_TITLE = re.compile(r"\s*[（(]\s*([^（()）]{2,16}?)\s*[）)]")


def _entourage(ctx: _Ctx) -> Iterator[RelationMention]:
    """ORG TITLE A 携 B (TITLE)、C (TITLE): the people A brings along hold those titles at A's organisation
    (OpenAI CEO Sam Altman 携 Kevin Weil (首席产品官)、Mark Chen (研究副总裁) …)."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for i, a in enumerate(ms[1:-1], 1):
        org, nxt = ms[i - 1], ms[i + 1]
        if a.type != PERSON or org.type not in (ORG, COMPANY) or nxt.type != PERSON:
            continue
        title = _title_regex().fullmatch(text[org.end:a.start].strip()) if text[org.end:a.start].strip() else None
        if not title or not re.fullmatch(r"\s*携\s*", text[a.end:nxt.start]):
            continue
        for p in _group(ctx, ms, i + 1, +1, (PERSON,)):
            b = _BRACKET_TITLE.match(text, p.end)
            if b is None or not _title_regex().fullmatch(b.group(1)):
                continue
            yield from _title_facts(ctx, p, org, _title_kind(b.group(1)), b.group(1), 0.75, False)


_BY_VERB = re.compile(r"\s*(?:自主|最新|新|联合|共同)?(?:推出|发布|开发|研发|训练|开源|打造|上线)的?")


def _model_is_by(ctx: _Ctx) -> Iterator[RelationMention]:
    """混元是腾讯推出的大模型 · X 是由 Y 开发的: MODEL 是 ORG 推出的 … → the organisation develops the model."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, model in enumerate(ms[:-1]):
        org = ms[i + 1]
        if model.type != MODEL or org.type not in (ORG, COMPANY):
            continue
        if not re.fullmatch(r"\s*(?:是|为|则是|也是|就是)\s*(?:一款|一个|一种)?\s*(?:由)?\s*", text[model.end:org.start]):
            continue
        if _BY_VERB.match(text, org.end) and _ok("develops", org, model):
            yield _rel(ctx, "develops", org, model, 0.8)


_ITS_WORD = re.compile(r"(?:其|该公司|该机构)\s*(?:的)?\s*(?:另一位|另外一位|其中一位|一位|两位|几位)?\s*")


def _its_titles(ctx: _Ctx) -> Iterator[RelationMention]:
    """远山科技宣布完成融资，其CEO王磊表示…: a title after 其 (its) is of the nearest
    organisation named before it in the sentence."""
    text = ctx.analysis.doc.text
    ms = ctx.mentions
    for i, person in enumerate(ms):
        if person.type != PERSON:
            continue
        lo = ms[i - 1].end if i > 0 else ctx.sent.start
        window = text[lo:person.start]
        its = next((m for m in _ITS_WORD.finditer(window)), None)
        t = _title_regex().fullmatch(window, its.end(), len(window.rstrip())) if its else None
        if not t:
            # 远山科技完成了 10 亿美元融资，创始人王磊说…: a founder's or head's bare title after a comma, in a sentence
            # whose subject is the one organisation it names before
            bare = re.search(r"[，,]\s*(?=[^，,]*$)", window)
            t = _title_regex().fullmatch(window, bare.end(), len(window.rstrip())) if bare else None
            orgs = [m for m in ms[:i] if m.type in (ORG, COMPANY)]
            if not (t and orgs and _title_kind(t.group(0).strip()) in ("lead", "found")
                    and (t.group(0).strip() in titles() or t.group(0).strip().upper() in titles())  # (Seed 负责人: a unit's)
                    and len({m.key or m.text for m in orgs}) == 1 and orgs[0] is ms[0]
                    and _SUBJECT_START.fullmatch(text, ctx.sent.start, orgs[0].start)
                    and not any(m.type == PERSON for m in ms[:i])):
                continue
            role = t.group(0).strip()
            yield from _title_facts(ctx, person, orgs[0], _title_kind(role), role, 0.65, False)
            continue
        orgs = [m for m in ms[:i] if m.type in (ORG, COMPANY) and m.end <= lo + its.start()]
        if not orgs:
            continue
        owner = orgs[-1]
        if len({m.key or m.text for m in orgs}) > 1 and _SUBJECT_START.fullmatch(text, ctx.sent.start, orgs[0].start) \
                and _OBJECT_BEFORE.search(text, max(ctx.sent.start, owner.start - 6), owner.start):
            owner = orgs[0]  # 鹿鸣科技把自己比作青禾的对手，其 CEO …: 其 is the subject, not a name in its object
        role = t.group(0).strip()
        yield from _title_facts(ctx, person, owner, _title_kind(role), role, 0.7, False)


_SUBJECT_START = re.compile(r"\s*(?:(?:19|20)\d{2}\s*年\S{0,6}?[，,]?|此外|同时|不过|而|但|目前|如今|随后)?\s*")
_OBJECT_BEFORE = re.compile(r"(?:的|于|对|向|与|和|比|像|如|给|把|被)\s*$")


# 拥有青州大学的物理学学士学位, 青州大学物理系学士, 北京大学博士学位: a degree from a university (not 博士后, a
# post, nor 博士生导师 or 博士联合导师, who teaches there)
_DEGREE_AFTER = re.compile(r"\s*+(?:的)?\s*+[\u4e00-\u9fffA-Za-z&（）() ]{0,14}?(?:学士|硕士|博士|MBA|EMBA)(?:学位|研究生)?"
                           r"(?!后|生?(?:联合|合作)?导师)")
# 本科读的是青州大学, 硕士和博士都在 X, 博士就读于 X: the degree before the school (a clause of its own)
_DEGREE_BEFORE = re.compile(r"(?:本科|硕士|博士|研究生)(?:[和、及](?:硕士|博士))?(?:阶段|学位)?\s*(?:都|也|则|均)?\s*"
                            r"(?:是在|在|就读于|读于|读的是|念的是|上的是|是)\s*$")
_SCHOOL = re.compile(r"(?:大学|学院|研究所|研究院|科学院|学校|University|College|Institute|School)\S{0,8}$|大$|"
                     r"^(?:MIT|CMU|UCLA|UCSD|UCSB|NYU|USC|ETH|EPFL|KAUST|UIUC|CUHK|HKUST|Stanford|Harvard)\b")


# X 有三位高层离职，包括首席技术官 A、首席研究官 B 和研究副总裁 C — a counted group of an organisation's people, then
# the list of them (in the same sentence, or in the next one when that opens with 包括)
_GROUP_LIST = re.compile(r"(?:其中)?(?:包括|分别是|分别为)了?\s*[：:]?\s*")
_GROUP_NEXT = re.compile(r"\s*(?:、|，|,|和|与|及|以及)\s*[^，,。；;、：:]{0,12}?")


def _group_members(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """The people a 包括 list names after an organisation's counted group (X 有三位高层离职，包括 A、B 和 C) work for
    that organisation (with the title the list gives each), and left or joined it where the group did; the list may
    give each a title, which :func:`_group_named_next` (他们分别是 A、B 和 C) does not read."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k, ms in enumerate(by_sent):
        sent = sents[k]
        for hit in _GROUP_LIST.finditer(text, sent.start, sent.end):
            if text[sent.start:hit.start()].strip():
                group_sent, gms = sent, ms
                area = (sent.start, hit.start())
            elif k > 0:  # 包括 opens the sentence: the group is the sentence before's
                group_sent, gms = sents[k - 1], by_sent[k - 1]
                area = (group_sent.start, group_sent.end)
            else:
                continue
            count = None
            for count in _COUNTED_GROUP.finditer(text, *area):
                pass
            if count is None:
                continue
            orgs = [m for m in gms if m.type in (ORG, COMPANY) and m.end <= count.start()]
            if not orgs or any(m.type in (ORG, COMPANY, PERSON) for m in gms if orgs[-1].end <= m.start < count.start()):
                continue
            org = orgs[-1]
            verb = _GROUP_VERB.search(text, count.end(), area[1]) or _LAID_OFF.search(text, org.end, count.start())
            # (as in _group_named_next; 青禾裁掉了 3 名高管: the firm let them go)
            moved = None if verb is None else "joined" if verb.group(1) in ("加入", "加盟", "入职") else "departed_from"
            people, pos = [], hit.end()
            for m in (x for x in ms if x.start >= hit.end()):
                if m.type != PERSON:
                    break
                gap = text[pos:m.start]
                if people and not _GROUP_NEXT.fullmatch(gap) or not people and (len(gap) > 12 or re.search(r"[，,。；;]", gap)):
                    break
                title = re.sub(r"^\s*(?:、|，|,|和|与|及|以及)\s*", "", gap).strip()
                people.append((m, title if title and _title_regex().fullmatch(title) else None))
                pos = m.end
            if not people:
                continue
            start = min(group_sent.start, sent.start)
            ctx = _Ctx(analysis, Sentence(start, sent.end, text[start:sent.end]), ms)
            for p, role in people:
                if _ok("works_for", p, org):
                    yield _rel(ctx, "works_for", p, org, 0.7, role=role)
                if moved and _ok(moved, p, org):
                    yield _rel(ctx, moved, p, org, 0.7, trigger=verb.group(1))


# 作者包括 A、B 和 C · 论文作者为 A 和 B: a paper's authors, after the sentence (or the short line) that names its model
_AUTHORS = re.compile(r"(?:论文|文章|该文|本文|这篇论文)?的?(?:共同)?(?:作者|合著者)(?:们)?\s*(?:包括|有|为|是|分别是|分别为)了?\s*[：:]?\s*")
AUTHOR_LINE = 80  # characters: a line this short before the authors' sentence may name the paper's model


def _paper_authors(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """The authors a 作者包括/为 list names ``develops`` the one model the sentence names before the list, or else
    the sentence before it in its paragraph (or a short line before: 第二篇——Seq2Seq。⏎作者包括 A、B 和 C), where
    that sentence names exactly one model (data/README.md: a paper's authors develop its model)."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k, ms in enumerate(by_sent):
        sent = sents[k]
        for hit in _AUTHORS.finditer(text, sent.start, sent.end):
            first = next((i for i, m in enumerate(ms) if m.start >= hit.end()), None)
            if first is None or ms[first].type != PERSON or ms[first].start - hit.end() > 12 \
                    or not re.fullmatch(r"[^，,。；;：:]*?(?:、|和|与|及)?\s*", text[hit.end():ms[first].start]):
                continue  # (作者包括 Ilya、Oriol Vinyals: a first name the text gives alone may be no mention)
            ctx = _Ctx(analysis, sent, ms)
            people = [p for p in _group(ctx, list(ms), first, +1, (PERSON,)) if p.type == PERSON]
            models = {_ident(m): m for m in ms if m.type == MODEL and m.end <= hit.start()}
            start = sent.start
            if not models and k > 0:
                prev = sents[k - 1]
                gap = text[prev.end:sent.start]
                para_start = text.rfind("\n", 0, prev.start) + 1
                if "\n\n" not in gap or len(text[para_start:prev.end].strip()) <= AUTHOR_LINE:
                    models = {_ident(m): m for m in by_sent[k - 1] if m.type == MODEL}
                    start = prev.start
            if len(models) != 1:
                continue
            model = next(iter(models.values()))
            if maker_of(model) is not None:
                continue  # GPT-4 很强。这篇综述的作者包括…: a well-known maker's model is not the paper's own
            ev = _Ctx(analysis, Sentence(start, sent.end, text[start:sent.end]), ms)
            for p in people:
                if _ok("develops", p, model):
                    yield _rel(ev, "develops", p, model, 0.7, trigger="作者")


def _degrees(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """A university named with a degree earns that degree's holder ``educated_at``: the one person the sentence
    names before it (他, an omitted subject, 我 in an answer count), or, in a sentence that names no one and opens
    with the degrees (a bio's line: 青州大学计算机科学学士，北京大学博士学位。), the one person of the sentence before."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k, ms in enumerate(by_sent):
        unis = [m for m in ms if m.type == ORG and m.source != "alias" and _SCHOOL.search(m.key or m.text)
                and (_DEGREE_AFTER.match(text, m.end) or _DEGREE_BEFORE.search(text, max(sents[k].start, m.start - 16), m.start))]
        if not unis:
            continue
        sent = sents[k]
        for uni in unis:
            people = {_ident(p): p for p in ms if p.type == PERSON and p.end <= uni.start
                      and not _ADVISED_BY.search(text, max(sent.start, p.start - 4), p.start)}  # (师从 X 的斯坦福博士 Y)
            holder = None
            if len(people) == 1:
                holder = next(iter(people.values()))
            elif not people and not any(p.type == PERSON for p in ms) and k > 0 and \
                    not re.search(r"[，,。；;：:]", text[sent.start:ms[0].start]) and ms[0].type == ORG:
                prev = {_ident(p): p for p in by_sent[k - 1] if p.type == PERSON}
                if len(prev) == 1 and "\n\n" not in text[sents[k - 1].end:sent.start]:
                    holder = next(iter(prev.values()))
            if holder is None or not _ok("educated_at", holder, uni):
                continue
            ctx = _Ctx(analysis, Sentence(min(holder.start, sent.start), sent.end,
                                          text[min(holder.start, sent.start):sent.end]), ms)
            yield _rel(ctx, "educated_at", holder, uni, 0.75, trigger="学位")


# a bio entry: a paragraph that opens with a person's name and a colon (1.Hongyu Ren：…), told in the third person
_BIO_HEAD = re.compile(r"\s*(?:\d{1,2}\s*[.、．)）]\s*)?")
_BIO_WORKED = re.compile(r"(?:之前|此前|曾经?|先后|还|也|都)?\s*在\s*$")
_BIO_WORKED_AFTER = re.compile(r"\s*(?:(?:和|、|以及|及)\s*[^，,。；;]{1,20}?)?(?:都|也)?\s*(?:工作|任职|实习|待|呆|做)")
_BIO_DEGREE = re.compile(r"(?:本科|硕士|博士|学士|研究生|PhD|PHD|Ph\.D\.?|高中|大学)(?:生)?(?:和(?:硕士|博士)|、(?:硕士|博士))?\s*"
                         r"(?:都|也|则)?\s*(?:在|于|就读于|毕业于|读于|是)?\s*$")
_BIO_JOINED = re.compile(r"(?:(?:\d{4}\s*年|去年|今年|前年)\s*(?:\d{1,2}\s*月份?)?|\d{1,2}\s*月份?)\s*(?:才|刚|正式)?加入(?:了)?(?=\s*[，,。；;]|$)")
_BIO_STUDIED = re.compile(r"\s*(?:读|学|拿|攻读|获得|念|读了|学了|拿了)")


def _bio_entries(analysis: Analysis, by_sent: list[tuple[Mention, ...]]) -> Iterator[RelationMention]:
    """1.Hongyu Ren：Research Scientist，之前在微软、英伟达和 Google 工作过，本科北京大学，博士在斯坦福大学读的计算机。
    In a paragraph that opens with a person's name and a colon, told in the third person (no 我: not an interview
    answer), the clauses without a subject of their own are about that person: 在 X、Y 工作/待过 (works_for each),
    本科/博士 (在) X and 在 X 读/学/拿 … (educated_at X, a school)."""
    text = analysis.doc.text
    sents = analysis.sentences
    k = 0
    while k < len(sents):
        start = sents[k].start
        if start > 0 and text[start - 1] != "\n":
            k += 1
            continue
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        idx = []
        for j in range(k, len(sents)):  # (the sentences of this line only: not a scan of all the rest)
            if sents[j].start >= end:
                break
            idx.append(j)
        ms = [m for j in idx for m in by_sent[j]]
        k = (idx[-1] + 1) if idx else k + 1
        if not re.match(r"\s*(?:\d{1,2}\s*[.、．)）]\s*)?[A-Za-z\u4e00-\u9fff·•.\- ]{2,40}?\s*[：:]", text[start:start + 50]):
            continue
        head = _BIO_HEAD.match(text, start)
        person = next((m for m in ms if m.start == head.end()), None)
        if person is None or person.type != PERSON or not re.match(r"\s*[：:]", text[person.end:person.end + 3]):
            continue
        if re.search(r"[我你您]", text[person.end:end]) or any(m.type == PERSON and _ident(m) != _ident(person) for m in ms):
            continue  # (an interview's speaker label, or a paragraph about someone else too)
        ev_sent = Sentence(start, end, text[start:end])
        ctx = _Ctx(analysis, ev_sent, tuple(ms))
        # 在 OpenAI 是 Research Scientist，2022 年 6 月份加入: a bare 加入 is of the employer the entry names with a title
        employer = next((m for m in ms if m.type in (ORG, COMPANY) and _title_regex().match(
            text, m.end + len(re.match(r"\s*(?:是|担任|任)?\s*", text[m.end:]).group(0)), end)), None)
        if employer is not None and _BIO_JOINED.search(text, start, end) and _ok("joined", person, employer):
            yield _rel(ctx, "joined", person, employer, 0.6)
        for i, m in enumerate(ms):
            if m.type not in (ORG, COMPANY):
                continue
            if _BIO_WORKED.search(text, max(start, m.start - 6), m.start):
                group = _group(ctx, ms, i, +1, (ORG, COMPANY))
                last = max(g.end for g in group)
                if _BIO_WORKED_AFTER.match(text, last) and (m.type == COMPANY or not _SCHOOL.search(m.key or m.text)):
                    for org in group:
                        if _ok("works_for", person, org):
                            yield _rel(ctx, "works_for", person, org, 0.65)
                elif _SCHOOL.search(m.key or m.text) and _BIO_STUDIED.match(text, m.end) and _ok("educated_at", person, m):
                    yield _rel(ctx, "educated_at", person, m, 0.65)
            if m.type == ORG and _SCHOOL.search(m.key or m.text) and \
                    _BIO_DEGREE.search(text[max(start, m.start - 10):m.start]) and _ok("educated_at", person, m):
                yield _rel(ctx, "educated_at", person, m, 0.65)


# X 成立于 2022 年，创始人包括了 A、B 和 C · X 的联合创始人有 A 和 B: a list of founders after the word
_FOUNDER_LIST = re.compile(r"(?:联合)?创始(?:人|团队)(?:们)?\s*(?:包括了?|有|为|是|分别是|分别为)\s*[：:]?\s*")


def _founder_lists(ctx: _Ctx) -> Iterator[RelationMention]:
    """The people a 创始人包括/为/有 list names founded the company the sentence is about: the one named before the
    word (X 的创始人包括 …), or the sentence's subject when a clause about it comes first (X 成立于 2022 年，创始人包括 …)."""
    text = ctx.analysis.doc.text
    ms = list(ctx.mentions)
    for hit in _FOUNDER_LIST.finditer(text, ctx.sent.start, ctx.sent.end):
        people = [m for m in ms if m.start >= hit.end()]
        if not people or people[0].type != PERSON or people[0].start - hit.end() > 1:
            continue
        group = _group(ctx, ms, ms.index(people[0]), +1, (PERSON,))
        before = [m for m in ms if m.end <= hit.start() and m.type in (ORG, COMPANY)]
        if not before:
            continue
        org = before[-1]
        gap = text[org.end:hit.start()]
        if not (re.fullmatch(r"\s*(?:的)?\s*(?:两位|三位|四位|几位)?\s*", gap)
                or org is next((m for m in ms if m.type in (ORG, COMPANY, PERSON, MODEL)), None)
                and re.fullmatch(r"[^，,。；;]*[，,]\s*(?:其|它的|公司的?)?\s*", gap)):
            continue
        for p in group:
            yield from _title_facts(ctx, p, org, "found", "联合创始人" if "联合" in hit.group(0) else "创始人", 0.8, False)
