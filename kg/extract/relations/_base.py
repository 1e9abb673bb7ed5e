"""Shared pieces of the relation rules: the sentence context, clauses, coordination, subjects, titles."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ...resources_data import titles
from ...schema import COMPANY, MODEL, ORG, PERSON, RELATIONS
from ...types import Analysis, Evidence, Mention, RelationMention, Sentence

_CLAUSE_START = re.compile(r"^\s*((自|从)?\s*((19|20)\d{2}\s*年|今年|去年|明年|上月|本月|下月)?(\s*\d{1,2}\s*月)?(\s*\d{1,2}\s*日)?(初|底|中|末|起|以来)?"
                           r"|近日|随后|后来|此后|之后|之前|此前|早年|然后|接着|[半一两三四五六七八九十数几]\S{0,2}后|后|本科|硕士|博士|研究生|)\s*(又|再|便|就|分别)?\s*(从|在|于|向|对|参与|负责|主导|带领|继续|开始|正式|成功|率先|首次|已|已经|并|并且|将|将于|还|也|随后|同时|正在|正|计划|宣布|再|又|先后|此前|曾|于|则|均|都|目前|随即|进而|继而|另外|此外)")


_CLAUSE = re.compile(r"[，,；;：:]|(?<=[^\d])、(?=[^\d])(?!.)")  # clause breaks (、 only joins lists)


_COORD = re.compile(r"^\s*(、|和|与|及|以及|跟|同|还有|联合|,|，|/|&|and)\s*$", re.I)  # (A 联合 B 投了 C: both)


_PAREN = re.compile(r"[（(][^）)]{0,40}[）)]")


_PASSIVE = ("被", "由", "遭", "获得", "获")


_PREP = ("从", "在", "与", "和", "同", "跟", "对", "向", "于", "自", "为")


_TITLE_GAP = re.compile(r"^\s*(的)?\s*(前|原|现任|时任|新任|首任|前任)?\s*$")


_ELLIPSIS_LINK = re.compile(r"[，,][^，,。]{0,10}?(是|为|出任|担任|任|兼任|身兼)[^，,。]{0,8}$")


_PERSON_LINK = re.compile(r"^\s*(?:博士|教授|院士|先生|女士|老师)?\s*[,，（(]?\s*(?:博士|教授|院士|先生|女士|老师)?\s*(?:现在|目前|如今|当前)?\s*(现任|历任|兼任|曾任|此前担任|曾担任|(?:重新|再次|再度|将|即将|正式)?(?:担任|出任|接任|继任)|作为|身为|(?:随后|后来|之后|最终|不久后?)?(?:便|又|也)?(?:成为了?|升任|晋升为|被任命为|获任)|现为|目前为|现在是|目前是|是|为|任|系|曾是|此前是|前|原|同为|均为|都是|均是|同是|皆为|也是|(?:当时|那时|彼时)(?:还是|的|是|为)?|时任|"
                          r"(?:之前|此前|以前|曾经|早年|过去)\s*(?:也|都|均|还)?\s*(?:是|为|担任|曾是))?\s*(?:一名|一位)?\s*$")


_DATE = re.compile(r"(20\d{2}|19\d{2})\s*[年\-/.]\s*(\d{1,2})\s*(?:[月\-/.]\s*(\d{1,2})\s*日?)?")


SYMMETRIC = {r for r, t in RELATIONS.items() if t.symmetric}


@dataclass(frozen=True)
class _Ctx:
    analysis: Analysis
    sent: Sentence
    mentions: tuple[Mention, ...]

    def gap(self, a: int, b: int) -> str:
        return self.analysis.doc.text[a:b]


# --- helpers -----------------------------------------------------------------------------------
def _ok(rel: str, head: Mention, tail: Mention) -> bool:
    t = RELATIONS[rel]
    if (head.start, head.end) == (tail.start, tail.end) or _same(head, tail):
        return False
    return head.type in t.head and tail.type in t.tail


def sentence_holding(analysis: Analysis, m: Mention) -> Sentence | None:
    """The sentence that holds all of ``m``; None where a long run without punctuation was cut inside the name (the
    splitter cuts at 500 characters), so that no relation's evidence leaves part of one of its ends out."""
    return next((s for s in analysis.sentences if s.start <= m.start and m.end <= s.end), None)


def _ident(m: Mention) -> str:
    """Who or what a mention names: its key, else its text; a pronoun resolved to a mention without a key carries
    ``"=" + its text`` (他 of 李建国 is ``=李建国``), the same entity."""
    k = m.key or m.text
    return k[1:] if k.startswith("=") and m.key else k


def _same(a: Mention, b: Mention) -> bool:
    return _ident(a) == _ident(b)


def _evidence(ctx: _Ctx) -> Evidence:
    return Evidence(ctx.analysis.doc.id, ctx.sent.text, ctx.sent.start, ctx.sent.end)


def _date(ctx: _Ctx) -> str | None:
    """The date the sentence gives, else the document's (its publication date)."""
    m = _DATE.search(ctx.sent.text)
    if not m:
        return ctx.analysis.doc.date
    y, mo, d = m.group(1), int(m.group(2)), m.group(3)
    if not 1 <= mo <= 12:
        return ctx.analysis.doc.date
    return f"{y}-{mo:02d}" + (f"-{int(d):02d}" if d and 1 <= int(d) <= 31 else "")


def _rel(ctx, rel, head, tail, conf, *, role=None, trigger=None) -> RelationMention:
    return RelationMention(head, rel, tail, _evidence(ctx), round(conf, 2), role, _date(ctx), trigger)


def _clause_bounds(ctx: _Ctx, pos: int) -> tuple[int, int]:
    """The clause of the sentence around doc offset ``pos``: between separators not inside a mention."""
    s, text = ctx.sent, ctx.analysis.doc.text
    inside = lambda i: any(m.start <= i < m.end for m in ctx.mentions) or _LATIN_LIST_COMMA.match(text, i)  # noqa: E731
    a = pos
    while a > s.start and not (text[a - 1] in "，,；;：:" and not inside(a - 1)):
        a -= 1
    b = pos
    while b < s.end and not (text[b] in "，,；;：:。！？!?" and not inside(b)):
        b += 1
    return a, b


# Kepler Ventures, Coatue 等跟投: an ASCII comma between Latin names parts a list's items, not two clauses
_LATIN_LIST_COMMA = re.compile(r"(?<=[A-Za-z0-9.)]),\s?(?=[A-Z])")


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
    # (开发和体验主管, 研究与工程副总裁: two short areas joined by 和/与/及 may stand before the title)
    return re.compile(r"(?:[\u4e00-\u9fff]{2,4}(?:和|与|及)(?=[\u4e00-\u9fff]{2,6}(?:" + "|".join(re.escape(w) for w in words if not w.isascii()) + ")))?"
                      r"(?:(?![的和与及、，,。将把被让给])[A-Za-z0-9\u4e00-\u9fff ]){0,8}?(?:" + "|".join(
                          ("(?<![A-Za-z])" if w[0].isascii() and w[0].isalpha() else "") + re.escape(w) for w in words) + ")"
                      r"(?!\s*(?:幕僚长|助理|特别助理|秘书|办公室))", re.I)
    # (a Latin title starts a word of its own: the VP of MVP, an honour, is none; CEO 幕僚长, 总裁助理: the title
    # names whom the post serves, not the post)


# what may stand before 负责人/主任 when the title heads a function of the organisation, not the organisation
# (the real-news golds give 合作负责人, 硬件负责人, 机器学习主任 works_for only; 联合负责人 and 执行主任 still lead)
_FUNCTION_HEAD = re.compile(r"(?:[A-Za-z]+\s*)?(?:合作|商务|市场|销售|行业|渠道|客户|运营|公关|法务|政策|用户|增长|用户增长|品牌|人力|产品|硬件|软件|"
                            r"研究|研发|工程|设计|数据|安全|机器学习|人工智能|算法|后训练|预训练|训练|项目|业务|战略|财务|"
                            r"内容|生态|开源|平台|基础设施|对齐|推理|模型|招聘|人才|AI)")


_FUNCTION_TAIL = re.compile(r"(?:招聘|销售|市场|运营|公关|法务|商务|合作|增长|人力|财务|业务|产品|研发|工程|技术|AI|人工智能)$")  # 平台销售负责人
#                                                                         (the last words name the function)


# what before 院长/所长/主任 names a unit of the organisation: a field (工程院长, 医学院长) or a unit word (计算机学院院长,
# 软件研究所所长, 计算机系主任); the titles that still lead (执行院长, 常务副…) are listed words of their own
_UNIT_HEAD = re.compile(r"(?:[A-Za-z]+\s*)?[\u4e00-\u9fff]{0,8}?(?:学院|研究院|研究所|实验室|中心|部门|[院系所部室])|"
                        r"(?:工程|医学|法学|商学|理学|文学|农学|工学|研究|计算机|数学|物理|化学|生物|经济|管理)")


_BUSINESS_UNIT = re.compile(r"事业部|事业群|事业线|业务线|业务部|中台|分公司|子公司|产品线|部门|BU(?![A-Za-z])")


def _title_kind(role: str) -> str:
    """The kind of the title a role ends with (研究副总裁 → member, 技术负责人 → lead)."""
    kinds = titles()
    for n in range(len(role)):
        k = kinds.get(role[n:]) or kinds.get(role[n:].upper())
        if k:
            if k == "lead" and role[n - 1:n] == "副":
                return "member"  # 副理事长: the deputy of a lead title that has no entry of its own
            if k == "lead" and role[:n] in ("系", "院", "所", "室"):
                return k  # (香港大学计算机系)系主任: the unit's own head, the unit named just before
            if k == "lead" and "区" in role[:n]:
                return "member"  # 北亚区主席, 中国区总裁: heads a region of the organisation, not the organisation
            unit = _BUSINESS_UNIT.search(role[:n])
            if k == "lead" and unit and unit.start() > 0:
                return "member"  # 研发中台事业部总经理, 大装置事业群总裁: heads a unit it names, not the organisation
                #                  (百度智能云事业群总裁: the organisation before the title is the unit it heads)
            if k == "lead" and role[n:] in ("负责人", "主任", "总经理", "总裁") and _FUNCTION_HEAD.fullmatch(role[:n].strip().split()[-1] if role[:n].strip() else "") \
                    or k == "lead" and role[n:] == "负责人" and _FUNCTION_TAIL.search(role[:n].strip()):
                return "member"  # 合作负责人, 机器学习主任, 用户增长负责人, 产品总裁, 行业总经理: heads a function, not the organisation
            if k == "lead" and role[n:] in ("院长", "所长", "主任", "负责人") and _UNIT_HEAD.fullmatch(role[:n].strip()):
                return "member"  # (谷歌)工程院长, (清华大学)医学院院长, 计算机系主任: heads a unit the text does not name
            return k
    return "member"


def _title_org(ctx: _Ctx, m: Mention) -> bool:
    """An organisation that only qualifies the person after it (前华为研究员方启航)."""
    if m.type not in (ORG, COMPANY):
        return False
    nxt = [x for x in ctx.mentions if x.start >= m.end]
    if not nxt or nxt[0].type != PERSON:
        return False
    gap = ctx.gap(m.end, nxt[0].start).strip()
    if not gap or len(gap) > 30 or re.search(r"[，,。；;：:、]", gap):
        return False
    return bool(_TITLE_END.search(gap) or gap == "的")


_TITLE_END = re.compile(r"(官|长|总|总裁|经理|主任|负责人|科学家|研究员|工程师|架构师|专家|教授|总监|合伙人|创始人|董事|CEO|CTO|COO|CFO|VP)$", re.I)


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
                and not _title_org(ctx, m) and _clause_initial(ctx, m)
                and not (m.type in (ORG, COMPANY) and _KIN_OF.match(text, m.end))  # (Meta，Facebook 的母公司，推出了)
                and not _listed_after_object(ctx, m, types)]
    if not subjects:
        return None
    return subjects[0] if allow_same_clause else subjects[-1]


def _listed_after_object(ctx: _Ctx, m: Mention, types) -> bool:
    """曾任腾讯、百度副总裁: ``m`` follows 、 in a list whose first item is no subject (an object of 曾任)."""
    text = ctx.analysis.doc.text
    if not text[ctx.sent.start:m.start].rstrip().endswith("、"):
        return False
    ms = list(ctx.mentions)
    first = _group(ctx, ms, ms.index(m), -1, types)[-1] if m in ms else m
    return first is not m and not _clause_initial(ctx, first)


# the teacher named after these is not the one a degree, a post or a firm that follows belongs to (师从李飞飞的斯坦福博士,
# 博士生，导师为 Y，本科就读于 Z)
_ADVISED_BY = re.compile(r"(?:师从|师承|跟随|拜师|受教于|(?:导师|指导老师|指导教师)(?:为|是)?)\s*$")
_OBJECT_MARK = re.compile(r"(是|为|任|在|于|向|对|与|和|从|加入了?|离开了?|担任|出任|创办了|创立了|收购了|投资了)\s*$")
_OBJECT_START = re.compile(r"^\s*(向|对|与|和|从|跟|同|给|让|被|由|把|根据|据|按照|依照|依据)")


@lru_cache(maxsize=1)
def _verb_before_rx() -> re.Pattern:
    """A trigger verb whose object follows it (超越了, 收购), at the end of the text before a name."""
    from ...resources_data import triggers

    words = sorted({t.word for t in triggers() if t.frame in ("svo", "any") and len(t.word) >= 2
                    and not t.word.isascii()}, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, words)) + r")(?:了|过)?\s*$")


_SUBJECT_MARK = re.compile(r"\s*(在|已|已经|将|于|正|也|则|还|凭借|以|此前|目前|近日|今年|宣布|表示)")


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
    if _OBJECT_MARK.search(prefix) or _OBJECT_START.match(prefix):
        return False  # 向美团 CEO 王兴汇报 · 曾是 OpenAI 研究员: an object, not who acts next
    prefix = _title_regex().sub("", prefix)
    if _OBJECT_MARK.search(prefix):
        return False  # 曾是 OpenAI 研究员: OpenAI is not who acts next
    if _verb_before_rx().search(prefix[-16:]):
        return False  # A 超越了 B，逼近 C: B is what A beat, not who acts next
    if len(prefix.strip()) <= 6:
        return True
    return bool(_SUBJECT_MARK.match(text, m.end))  # …新发布的推理模型 DeepSeek-R2 在榜单上…


def _kin(m: Mention) -> tuple[str, ...]:
    """Rivals and partners are of one kind: models with models, organisations with organisations."""
    return (MODEL,) if m.type == MODEL else (ORG, COMPANY)


def _heads_only(ctx: _Ctx, ms: list[Mention]) -> list[Mention]:
    """Drop possessors (字节跳动 in 字节跳动的豆包) and title organisations (华为 in 华为研究员张三)."""
    out = []
    for i, m in enumerate(ms):
        nxt = ms[i + 1] if i + 1 < len(ms) else None
        gap = ctx.gap(m.end, nxt.start) if nxt is not None else ""
        if nxt is not None and _POSSESSIVE.match(gap) and (gap.strip() or (
                m.type == COMPANY and nxt.type in (ORG, MODEL) and len(gap) <= 1)):
            continue  # 字节跳动的豆包 · 美团 LongCat 团队: the first names whose the second is
        if _title_org(ctx, m):
            continue
        if _BACKER.match(ctx.analysis.doc.text, m.end) and \
                re.search(r"由\s*$", ctx.analysis.doc.text[max(ctx.sent.start, m.start - 3):m.start]):
            continue  # 创办了由红杉支持的 X: the backer describes X, it is no head of the clause
        if _LIKE_AFTER.match(ctx.analysis.doc.text, m.end) and \
                _LIKE_BEFORE.search(ctx.analysis.doc.text, max(ctx.sent.start, m.start - 4), m.start):
            continue  # 上线一款类似 ChatGPT 的应用 X: the name is a comparison, X is what was launched
        if m.type == MODEL and (_RIVAL_OF_AFTER.match(ctx.analysis.doc.text, m.end) or _MATCHED_WITH_AFTER.match(
                ctx.analysis.doc.text, m.end) and re.search(r"(?:与|和|跟|同)\s*$", ctx.analysis.doc.text[max(ctx.sent.start, m.start - 2):m.start])):
            continue  # 发布了 ChatGPT 竞品 X, 发布了一个能与 GPT-4 媲美的模型: the rival describes what was released
        if m.type in (ORG, COMPANY) and _KIN_OF.match(ctx.analysis.doc.text, m.end):
            continue  # Meta，Facebook 的母公司，推出了 X: the firm names whose parent the subject is
        if m.type in (ORG, COMPANY) and _CLAN.match(ctx.analysis.doc.text, m.end):
            continue  # 清华系初创智谱AI, 阿里系公司: where the firm comes from describes the firm after it
        out.append(m)
    return out


_CLAN = re.compile(r"系\s*(?:的)?\s*(?:初创|创业|公司|企业|团队|人马|背景|出身|大模型|AI|独角兽|[\u4e00-\u9fff]{0,4}?(?:公司|企业|创企))")
_KIN_OF = re.compile(r"\s*的\s*(?:母公司|子公司|控股股东|大股东|股东|投资方|前身)")
_RIVAL_OF_AFTER = re.compile(r"\s*(?:竞品|替代品|平替)")  # (ChatGPT 竞品 Le Chat; 作为 X 的竞争对手 names the rival)
_MATCHED_WITH_AFTER = re.compile(r"\s*(?:等[^，,。；;]{0,6}?)?\s*(?:媲美|相当|比肩|匹敌|抗衡|竞争|不相上下|相比|对标|相近|接近)[^，,。；;]{0,8}?的")
_LIKE_BEFORE = re.compile(r"(?:类似于?|好比|像是?|对标|仿照|仿)\s*$")
_LIKE_AFTER = re.compile(r"\s*(?:一样|那样|这样)?\s*的")


# X 背后团队是 Y · X 背后的公司为 Y: Y makes the model X (the team a roster that follows belongs to)
_BEHIND_IS = re.compile(r"\s*(?:模型|项目)?\s*背后的?\s*(?:研发|开发)?(?:团队|公司|开发者|开发商|机构|厂商)\s*(?:是|为|则是)\s*")
_BACKER = re.compile(r"\s*(?:共同|联合|早期)?(?:支持|投资|孵化|领投|资助|注资)的")


# --- possessives and names ---------------------------------------------------------------------
_OWN = re.compile(r"(自家|自研|自主研发|(?<=在)其)的?\s*$")  # 京东在其 X 模型中: its own


_POSSESSIVE = re.compile(r"^\s*(的|旗下的?|自研的?|自家的?|推出的|发布的|开发的|研发的|开源的|最新的?|新一代的?)?\s*$")
