"""Entity mentions: the engine's mentions, plus gazetteer matches, patterns for names no list has,
and type rules that read the context. The same for every engine.

``refine(analysis)`` returns a new Analysis whose mentions are typed, non-overlapping and sorted."""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from typing import Iterator

from ...resources_data import stopnames, surnames, titles
from ...schema import COMPANY, LOCATION, MODEL, ORG, PERSON
from ...text import Forms, is_han, latin_base, name_key, source_tags, unlinkable_spans, without_unlinkable
from ...types import VIA_SHORT_FORM, Analysis, Mention
from ..cards import card_mentions
from ..gazetteer import Gazetteer, load_gazetteer
from .aliases import acronyms, company_short_forms, declared_short_names, link_brackets, misspellings, self_references, short_forms, unify_aliases
from .evidence import TRADE_SUFFIXES, judge
from .patterns import CONTEXT_PERSON_CONFIDENCE, NAME_DOTS, _common_words, _name_shaped, complete_people, goes_on, listed_with_people, listed_with_models, models_by_context, _HEAD_NOUNS, _MODEL_TAIL, _dictionary_word, _org_suffix, _org_type, _pattern_mentions

__all__ = ["refine"]


# priority of a source when spans overlap (higher wins; then longer wins)
PRIORITY = {"card": 5, "gazetteer": 4, "pattern": 3, "ner": 2, "engine": 1, "rule": 1}




def refine(analysis: Analysis, *, gazetteer: Gazetteer | None = None) -> Analysis:
    """Add gazetteer and pattern mentions to the engine's, decide types from context, drop overlaps."""
    gaz = gazetteer or load_gazetteer()
    plain = analysis.doc.text
    # the rules read Latin letters without their marks (Erdős as Erdos, Kovač as Kovac), one for one, so that
    # European names are whole; every name is taken back from the document's own text at the end
    text = latin_base(plain)
    tokens = sorted(analysis.tokens, key=lambda t: t.start)
    starts = [t.start for t in tokens]
    # 注意力 read as 注|意力 → 意力: a tagger's span whose edge cuts a frequent word of the dictionary is no name
    cands = _whole_words(list(_engine_mentions(analysis, gaz)), tokens, starts, min_freq=ENGINE_CUT_FREQ, right=False)
    cands += _whole_words(_not_units(text, _gazetteer_mentions(plain, gaz)), tokens, starts)
    cands += _card_mentions(text, cands)
    speakers = _speaker_labels(text, gaz)
    cands += speakers
    for sent in analysis.sentences:  # each sentence's tokens by bisection: linear in the document's length
        toks = tokens[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]
        if plain is not text:
            sent = replace(sent, text=text[sent.start:sent.end])
        cands += _pattern_mentions(text, sent, toks, gaz)
    cands = [m for m in cands if not (m.source in ("ner", "engine") and _CLAUSE_PUNCT.search(m.text))]
    cands = _without_prepositions(cands, tokens, starts)  # 青禾科技从红杉资本: two names and the 从 between them
    cands = _without_given_name_places(cands)  # 李长春: the place 长春 is the person's given name
    cands = _without_person_teams(cands)  # 清华刘知远团队: 清华 and 刘知远, not one organisation
    chosen = _select([_without_kin_tail(_without_former_head(_without_honorific(_without_function_tail(
        _without_reduplicated_verb(text, m))))) for m in _split_ampersands(cands)])
    chosen = _without_extra_char(text, chosen)
    chosen = _conjunction_tails(text, [_retype(m, text, gaz) for m in _departments(text, chosen)])
    evidenced: dict[str, bool] = {}
    chosen = [m for m in _extend_legal_suffix(text, _extend_variants(text, chosen))
              if _plausible(m) and not _modifier(text, m) and not _award(text, m) and not _word_goes_on(text, m)
              and not _evaluation_set(text, m) and not _product_name(text, m) and not _network_kind(text, m)
              and not _eponym(text, m)]
    chosen = [j for j in (judge(text, m, evidenced=evidenced) for m in chosen) if j is not None]
    chosen = _hyphenated_people(text, complete_people(text, chosen, tokens), tokens)
    chosen += [j for j in (judge(text, m, evidenced=evidenced) for m in listed_with_people(text, chosen, tokens))
               if j is not None]
    chosen += listed_with_models(text, chosen, gaz)
    chosen = models_by_context(text, chosen)  # 开源模型包括 A、B · 一个名叫 X 的模型
    chosen = _nicknames(text, chosen)
    chosen = unify_aliases(misspellings(acronyms(text, company_short_forms(text, short_forms(text, declared_short_names(text, link_brackets(text, _select(_extend_variants(text, _propagate(text, chosen, gaz, speakers={m.text for m in speakers}))))))))))
    chosen = _not_units(text, chosen)  # (whatever found the name, and wherever it was spread to)
    chosen = [m for m in chosen if not (m.type == PERSON and m.via == VIA_SHORT_FORM and _EPONYM_TERM.match(text, m.end))]
    #         (图灵 of 图灵机, 马尔可夫 of 马尔可夫链 after 安德烈·马尔可夫: a term named after the person, whatever typed it)
    chosen = without_unlinkable(unlinkable_spans(text), chosen)  # URLs, e-mails, paths, ids, code
    chosen = without_unlinkable(self_references(analysis.doc), chosen)  # 量子位获悉, 星标AI寒武纪: the outlet itself
    chosen = without_unlinkable(source_tags(text), chosen)  # …的发展。36氪: a digest's credit line
    chosen = _platforms_as_companies(text, chosen)  # YouTube, 推特: an app unless the text treats it as a company
    chosen = _only_a_place_online(text, chosen)  # 在 GitHub 上开源, 在推特上表示: a site where it happened
    chosen = _startup_teams(chosen)  # NEXA AI团队 = NEXA AI: a start-up's team is the start-up
    if plain is not text:
        chosen = _own_letters(plain, text, chosen)
    return replace(analysis, mentions=tuple(sorted(chosen, key=lambda m: (m.start, m.end))))


def _own_letters(plain: str, text: str, mentions: list[Mention]) -> list[Mention]:
    """Each name as the document writes it (Erdős), and a short form's link (=Paul Erdos) to the written full name."""
    written = {m.text: plain[m.start:m.end] for m in mentions if m.text == text[m.start:m.end]}
    out = []
    for m in mentions:
        key = m.key
        if key and key.startswith("=") and key[1:] in written:
            key = "=" + written[key[1:]]
        out.append(replace(m, text=plain[m.start:m.end] if m.text == text[m.start:m.end] else m.text, key=key))
    return out


# ---------------------------------------------------------------------------------------------
def _card_mentions(text: str, cands: list[Mention]) -> list[Mention]:
    """The names a company card states (公司：X, 主要投资人：A、B): they win over a shorter or longer guess
    of the model or a pattern (软银 in 软银中国), but a gazetteer name of exactly that span keeps its key."""
    if "：" not in text and ":" not in text and "---" not in text:
        return []  # (no card and no table)
    gaz_spans = {(m.start, m.end) for m in cands if m.source == "gazetteer"}
    return [replace(m, type=_org_type(m.text, default=m.type)) for m in card_mentions(text)
            if (m.start, m.end) not in gaz_spans]


# an interview's speaker label at the start of a paragraph: 顾承远 ：我觉得…
_LABEL = re.compile(r"(?m)^[ \t\u3000]*([\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,5})[ \t\u3000]*[：:]")
_NOT_SPEAKERS = re.compile(r"主持|记者|提问|问题|回答|学生|观众|嘉宾|编辑|作者|来源|评选|标准|总结|注意|备注|链接|原文|摘要|观点|背景|"
                           r"结论|时间|地点|领域|公司|融资|投资|官网|地址|简介|介绍|说明|提示|语音|用户|网友|老师|同学|团队|官方|答|问")
SPEAKER_TURNS = 3  # a label that opens this many paragraphs is a speaker, not a heading


def _speaker_labels(text: str, gaz: Gazetteer) -> list[Mention]:
    """顾承远 ：…, 黄仁勋：…: a Han name that opens several paragraphs of an interview as its speaker label is a
    person, where no list knows it as something else and it is no common word or role (主持人, 记者, 提问者)."""
    if "：" not in text and ":" not in text:
        return []
    from .evidence import common_word

    hits: dict[str, list[int]] = {}
    for m in _LABEL.finditer(text):
        hits.setdefault(m.group(1), []).append(m.start(1))
    out = []
    for name, starts in hits.items():
        if len(starts) < SPEAKER_TURNS or _NOT_SPEAKERS.search(name) or name in titles() or common_word(name) \
                or len(name) >= 4 and _common_words(name):  # (主要功能：…, 使用场景：…: a section's label)
            continue
        entry = gaz.lookup(name)
        if entry is not None and entry.type != PERSON or name.lower() in stopnames():
            continue
        out += [Mention(name, PERSON, a, a + len(name), "pattern", entry.name if entry else None, 0.8) for a in starts]
    for m in _ROLE_NAME_LABEL.finditer(text):  # 嘉宾Karanveer Anand：, 记者 Dana Whitlock：
        name, entry = m.group(1), gaz.lookup(m.group(1))
        if is_han(name[0]) and (_NOT_SPEAKERS.search(name) or name in titles() or common_word(name)
                                or name[0] not in surnames() and "·" not in name):
            continue  # 嘉宾介绍：, 记者手记：
        if entry is None or entry.type == PERSON:
            out.append(Mention(m.group(1), PERSON, m.start(1), m.end(1), "pattern", entry.name if entry else None, 0.8))
    return out


_ROLE_NAME_LABEL = re.compile(r"(?m)^[ \t\u3000*]*(?:嘉宾|记者|主持人|受访者|采访者)\s*"
                              r"([A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2}|[\u4e00-\u9fff]{2,3}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,5})"
                              r"[ \t\u3000*]*[：:]")


def _engine_mentions(analysis: Analysis, gaz: Gazetteer) -> Iterator[Mention]:
    text = analysis.doc.text
    for m in analysis.mentions:
        s, e = _trim(text, m.start, m.end)
        if e - s < 2 and not text[s:e].isascii():
            continue
        typ = m.type
        if typ in (ORG, COMPANY):
            typ = _org_type(text[s:e], default=typ)
        yield replace(m, text=text[s:e], start=s, end=e, type=typ)


def _gazetteer_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    out = []
    for s, e, entry in gaz.find(text):
        if e < len(text) and text[e] in "了过" and _ends_with_verb(text[s:e]):
            # 腾讯投资了 X: the company 腾讯 and the verb 投资, not the fund 腾讯投资
            shorter = next(((s, k, gaz.lookup(text[s:k])) for k in range(e - 1, s + 1, -1) if gaz.lookup(text[s:k])), None)
            if shorter is None:
                continue
            s, e, entry = shorter
        if entry.type in (ORG, COMPANY) and s >= 4 and text[s - 4:s] == "The " and text[s:s + 1].isupper() \
                and (s == 4 or not text[s - 5].isalnum()) and not re.match(r"\s[A-Za-z]", text[e:e + 2]):
            s -= 4  # The Washington Post, The Information: the article is part of the name as written
        surface = text[s:e]
        if surface.isascii() and surface.isalpha() and surface.islower() \
                and all(f.lower() != surface for f in (entry.name, *entry.aliases)):
            continue  # checkpoint is a word of English, not Check Point: lower case matches a name only as it is written
        out.append(Mention(surface, entry.type, s, e, "gazetteer", entry.name, 1.0))
    return out


# short names that are also units of measure, and what comes before them when they are the unit (一个字节, 每秒 3 字节)
# (字节流, 字节码: the word goes on; 一个苹果, 苹果树: the fruit)
_UNITS = {"字节": re.compile(r"(?:\d|[个几百千万兆亿每半两多少吉太拍艾]|(?i:kilo|mega|giga|tera|peta|exa|beta))\s*$"),  # (太字节: TB)
          "苹果": re.compile(r"(?:[一两三几半每][个颗只筐箱斤袋])\s*$"),
          "寒武纪": re.compile(r"(?!)"), "亚马逊": re.compile(r"(?!)"), "三星": re.compile(r"箭\s*$")}
_UNITS_AFTER = {"字节": re.compile(r"流|码|数组|序|数(?!据)|级别|大小|长度"), "苹果": re.compile(r"树|汁|派|皮|核"),
                "寒武纪": re.compile(r"\s*(?:生命|生物|物种)?\s*(?:大爆发|大爆炸|爆发|时期|时代|地层|化石)"),
                "亚马逊": re.compile(r"\s*(?:热带)?(?:雨林|森林|丛林|河|流域|盆地|部落)"), "三星": re.compile(r"(?!)")}
# (亚马逊森林: the Amazon forest; 一箭三星: three satellites on one rocket)
# (寒武纪大爆发: the Cambrian explosion, which essays on AI like to cite, not the chip maker)


def _not_units(text: str, mentions: list[Mention]) -> list[Mention]:
    """Without a list name used as a unit or a common word: 传输一个字节 is a byte, not 字节跳动; 一个苹果 is a fruit."""
    return [m for m in mentions if m.text not in _UNITS or not (
        _UNITS[m.text].search(text, max(0, m.start - 6), m.start) and not _UNIT_OWNER.match(text, m.end)
        or _UNITS_AFTER[m.text].match(text, m.end))]


_UNIT_OWNER = re.compile(r"\s*(?:用户|手机|设备|产品|员工|股|公司|生态|商店|系统|的(?:用户|产品|员工|股))")  # 每个苹果用户: Apple's


ENGINE_CUT_FREQ = 300  # a tagger's span may cut a rarer word: the segmenter may have joined a name to its neighbour


_INNER_PREPOSITIONS = frozenset("从 向 对 被 由 给 在 跟 把 将".split())  # (与, 和 join the words of names: 安全与安保委员会)


def _without_prepositions(cands: list[Mention], tokens, starts: list[int]) -> list[Mention]:
    """A tagger's organisation span with a preposition word inside (青禾科技从红杉资本, 远山向北辰资本) is two names
    and the word between them: it is dropped, and the names the patterns and lists found stand."""
    out = []
    for m in cands:
        if m.source in ("ner", "engine") and m.type in (ORG, COMPANY) and len(m.text) >= 5:
            k = bisect.bisect_right(starts, m.start)
            inner = []
            while k < len(tokens) and tokens[k].end < m.end:
                inner.append(tokens[k])
                k += 1
            if any(t.pos == "p" and t.text in _INNER_PREPOSITIONS for t in inner):
                continue
        out.append(m)
    return out


def _whole_words(mentions: list[Mention], tokens, starts: list[int], *, min_freq: int = 0,
                 right: bool = True) -> list[Mention]:
    """Without the list names that a common word cuts through: 高通 in 高通量, 作业帮 in 作业帮助. A name's edge
    inside a dictionary word (not a name word, at least ``min_freq`` frequent) that goes on with Chinese characters
    is no name's edge. ``right=False``: only the start counts (建行为 64 元 segments as 建|行为: a name may end
    inside a word the segmenter made with the character after it)."""
    if not tokens:
        return mentions
    from .evidence import _NAME_TAGS, _dictionary

    seg = _dictionary()

    def cut(pos: int) -> bool:  # does a common word run across the boundary at ``pos``?
        k = bisect.bisect_right(starts, pos - 1) - 1
        if k < 0:
            return False
        t = tokens[k]
        if not (t.start < pos < t.end) or not (is_han(t.text[pos - t.start - 1]) and is_han(t.text[pos - t.start])):
            return False
        tag = seg.word_tag_tab.get(t.text)
        return tag is not None and tag not in _NAME_TAGS and (not min_freq or seg.freq(t.text) >= min_freq)

    def doctrine(m: Mention) -> bool:  # 马克思主义, 毛泽东思想: a doctrine named after a person names the person
        k = bisect.bisect_right(starts, m.start) - 1
        return m.type == PERSON and k >= 0 and tokens[k].start == m.start and \
            re.fullmatch(re.escape(m.text) + r"(?:主义|思想|理论|学说)", tokens[k].text) is not None

    return [m for m in mentions if not m.text or doctrine(m) or not (is_han(m.text[0]) and cut(m.start)
                                                                     or right and is_han(m.text[-1]) and cut(m.end))]


def _ends_with_verb(name: str) -> bool:
    from ...resources_data import triggers

    return any(name.endswith(t.word) and len(t.word) >= 2 for t in triggers() if not t.word.isascii())


_VARIANT = re.compile(r"(?:[ \-]?(?:\d+(?:\.\d+)*[A-Za-z]*|[A-Z][A-Za-z]*\d*[A-Za-z]*|[a-z]{1,2}\d+))+")


def _extend_variants(text: str, mentions: list[Mention]) -> list[Mention]:
    """混元 Turbo, 混元 T1, 混元-Large, Gemini 2.5 Flash-Lite: a model name and its version words."""
    out = []
    for m in mentions:
        if m.type == MODEL:
            v = _VARIANT.match(text, m.end)
            if v and v.end() > m.end and not (text[m.end - 1].isalnum() and text[m.end].isalnum() and text[m.end - 1].isascii()):
                ext = text[m.start:v.end()].rstrip(" -")
                kind = re.search(r"[ \-](AI|LLM|API|Agent|Model|App)$", ext)
                if kind and not m.text.endswith(kind.group(1)):
                    ext = ext[:kind.start()].rstrip(" -")  # Gemini 2 AI 模型, Granite 3.0 LLM: says what it is, not which
                if len(ext) > len(m.text):
                    m = replace(m, text=ext, end=m.start + len(ext), key=None, source="pattern")
        out.append(m)
    return out


_COMPANY_TAIL = re.compile(r"(股份有限公司|有限责任公司|有限公司)")
_LEGAL_SUFFIX = re.compile(r"(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|有限公司|(?:控股)?集团|公司)")


def _extend_legal_suffix(text: str, mentions: list[Mention]) -> list[Mention]:
    """中国航天科技集团有限公司: a company name goes on through its legal suffix (resolution strips it again)."""
    out = []
    for m in mentions:
        if m.type in (COMPANY, ORG) and not m.text.endswith("公司"):
            suf = (_COMPANY_TAIL if m.text.endswith("集团") else _LEGAL_SUFFIX).match(text, m.end)
            if suf and not (suf.end() < len(text) and text[suf.end()] in "的之"):
                m = replace(m, text=text[m.start:suf.end()], end=suf.end(), type=COMPANY,
                            source="pattern" if m.source == "gazetteer" else m.source)
        out.append(m)
    return out


# 副总裁在 Reddit 发帖, OpenAI 的总裁在推特上表示: a site where someone else's title stands nearby (not 在 X 工作)
_AS_SITE = re.compile(r"(?:在|于)\s*$")
_WORK_AT = re.compile(r"\s*(?:工作|任职|就职|担任|实习|供职|上班)")
_COMPANY_USE = re.compile(r"公司|集团|CEO|CTO|COO|CFO|首席|创始人|合伙人|副总裁|创办人|总裁|董事|高管|员工|收购|投资|融资|估值|上市|母公司|旗下|股价|市值|"
                          r"财报|营收|裁员|起诉|被告|原告|合作|竞争|对手|加入|离职|任职|报道|撰文|记者|编辑")  # (根据 Forbes 的报道: an outlet quoted)


def _platforms_as_companies(text: str, mentions: list[Mention]) -> list[Mention]:
    """YouTube, 推特, 微信: consumer platforms and apps (``platforms.txt``) are products, not entities
    (data/README.md), unless some sentence of the document treats the name as a company: a company word, a title or
    a business verb within a few characters of it (推特 CEO, 收购推特, TikTok 的母公司)."""
    from ...resources_data import platforms

    names = platforms()
    found = {m.text for m in mentions if m.text in names and m.source in ("gazetteer", "pattern", "ner", "engine")}
    if not found:
        return mentions
    # OpenAI、Stability AI 和 Hugging Face: listed beside companies that are no platform, it is one of them
    firms = [m for m in mentions if m.type == COMPANY and m.text not in names]
    ends = {m.end for m in firms}
    starts = {m.start for m in firms}
    used: dict[str, bool] = {}
    for name in found:
        used[name] = any(_WORK_AT.match(text, i + len(name)) or not _AS_SITE.search(text, max(0, i - 3), i) and (
                         _COMPANY_USE.search(text, max(0, i - 8), i) or _COMPANY_USE.search(text[i + len(name):i + len(name) + 10])
                         or _listed_beside(text, i, i + len(name), ends, starts))
                         for i in _find_all(text, name))
    return [m for m in mentions if m.text not in used or used[m.text]]


_LIST_MARK = r"\s*(?:、|和|与|及|以及)\s*"
_LIST_MARK_AFTER = re.compile(_LIST_MARK)
_LIST_MARK_BEFORE = re.compile(_LIST_MARK + "$")


def _listed_beside(text: str, a: int, b: int, ends: set[int], starts: set[int]) -> bool:
    """Does a company mention end just before ``a`` or start just after ``b``, joined by a list mark?"""
    before = _LIST_MARK_BEFORE.search(text, max(0, a - 6), a)
    after = _LIST_MARK_AFTER.match(text, b)
    return bool(before and before.start() in ends or after and after.end() in starts)


# 在 GitHub 上开源, 在 ModelScope 和 Huggingface 上, 在推特上表示: the name is where something happened online
_ON_SITE = re.compile(r"\s*(?:[和、及与]\s*[^\s，,。；;在上]{2,20}?\s*)*上(?!市|班|线|岗|任|涨|升|调|架|映|演|海|半|下|万|千|百|亿|述|面|层|游)")
_AT = re.compile(r"(?:在|于|到|去)\s*(?:[^\s，,。；;在]{2,20}?\s*[和、及与]\s*)*$")


def _only_a_place_online(text: str, mentions: list[Mention]) -> list[Mention]:
    """A company every occurrence of whose name stands in 在 X 上 (在 ModelScope 上开源了模型) is named as a site where
    something happened, not as an actor: no entity (data/README.md: apps and sites are not annotated). Names the
    gazetteer lists (GitHub, Hugging Face) are known companies and stay: the team's own gold annotates them there."""
    cands = {m.text for m in mentions if m.type == COMPANY} - {m.text for m in mentions if m.source == "gazetteer"}
    if not cands or "上" not in text:
        return mentions
    site = {}
    for name in cands:
        hits = list(_find_all(text, name))
        site[name] = bool(hits) and all(_AT.search(text, max(0, i - 30), i) and _ON_SITE.match(text, i + len(name))
                                        for i in hits)
    return [m for m in mentions if not (m.type == COMPANY and site.get(m.text))]


def _startup_teams(mentions: list[Mention]) -> list[Mention]:
    """X团队 where the text also names X as a company no list knows (a start-up: NEXA AI团队 推出了 …, NEXA AI 的
    创始人 …) is that company, written with its team: an alias of X. A known company's team (Seed 团队, 腾讯混元团队)
    stays a unit of its own."""
    companies = {m.text: m for m in mentions if m.type == COMPANY and m.source != "gazetteer" and m.key is None}
    out = []
    for m in mentions:
        base = m.text[:-2].rstrip() if m.type == ORG and m.text.endswith("团队") else None
        if base and base in companies and m.key is None:
            m = replace(m, type=COMPANY, key="=" + base)
        out.append(m)
    return out


def _find_all(text: str, name: str):
    i = text.find(name)
    while i >= 0:
        yield i
        i = text.find(name, i + 1)


def _modifier(text: str, m: Mention) -> bool:
    """中国科技企业, 人工智能行业: a found organisation name that only qualifies the noun after it."""
    return m.source in ("ner", "engine") and m.type in (ORG, COMPANY) and \
        text[m.end:m.end + 2] in _HEAD_NOUNS


_NICK_BEFORE = re.compile(r"(?<![A-Za-z0-9.\-])([A-Z][a-z]{2,})\s?[（(]\s*$")


def _nicknames(text: str, mentions: list[Mention]) -> list[Mention]:
    """Tobi（Tobias Lütke）: a Latin word right before a bracketed full name that starts with it is that person's
    short name, whatever else took it (the model may have typed it a company); the name is then spread as one."""
    out = list(mentions)
    for y in mentions:
        if y.type != PERSON or not y.text.isascii() and not y.text[:1].isascii() or " " not in y.text:
            continue
        if not re.match(r"\s*[）)]", text[y.end:y.end + 2]):
            continue
        nick = _NICK_BEFORE.search(text, max(0, y.start - 20), y.start)
        if nick is None or not y.text.split()[0].startswith(nick.group(1)):
            continue
        a, b = nick.span(1)
        out = [m for m in out if not (m.start < b and a < m.end)]
        out.append(Mention(nick.group(1), PERSON, a, b, "pattern", y.key, 0.8))
    return out


def _propagate(text: str, mentions: list[Mention], gaz: Gazetteer, *, speakers: frozenset[str] | set[str] = frozenset()) -> list[Mention]:
    """One name, one meaning per document: a name found once by a pattern or the model is also
    marked where it recurs without the context that found it (Lilian Weng 从 OpenAI 离职). ``speakers``: names an
    interview's speaker labels made people (their surname may be one the list lacks)."""
    taken = sorted((m.start, m.end) for m in mentions)
    names = {}
    for m in mentions:
        if m.source in ("pattern", "ner", "card") and m.confidence >= 0.7 and len(m.text) >= 2 and m.text not in names:
            if m.type == PERSON and not (m.text.isascii() or m.text[0] in surnames() or m.text[:2] in surnames()
                                         or m.text in speakers):
                continue
            names[m.text] = m
    if not names:
        return mentions
    out = list(mentions)
    at_span: dict[tuple[int, int], list[int]] = {}  # (start, end) → indices in out (only the engine's spans are read)
    for i, m in enumerate(out):
        at_span.setdefault((m.start, m.end), []).append(i)
    for hit in Forms(names).finditer(text):
        a, b = hit.span()
        if a > 0 and b < len(text) and text[a - 1].isascii() and text[a - 1].isalnum():
            continue
        if b < len(text) and text[b].isascii() and text[b].isalnum() and text[b - 1].isascii():
            continue
        k = bisect.bisect_left(taken, (a, b))
        if any(s < b and a < e for s, e in taken[max(0, k - 2):k + 2]):
            src = names[hit.group(0)]
            same = [i for i in at_span.get((a, b), ()) if out[i].source in ("ner", "engine") and out[i].type != src.type]
            for i in same:  # the model typed the same name differently here: one name, one type
                out[i] = replace(out[i], type=src.type)
            continue
        src = names[hit.group(0)]
        if src.type == PERSON and _EPONYM_TERM.match(text, b):
            continue  # 图灵 of 图灵机: the term named after the person, not the person again
        out.append(replace(src, start=a, end=b, confidence=src.confidence * 0.95))
        bisect.insort(taken, (a, b))
    return out


# ---------------------------------------------------------------------------------------------
_FUNCTION_SURNAMES = frozenset("于向和从在与将曾同把被对给为以及而但也都就才又再还")  # 于长春召开: a preposition there


def _without_person_teams(cands: list[Mention]) -> list[Mention]:
    """清华刘知远团队, 斯坦福李飞飞团队: a researcher's group named after its head is no organisation (the judge
    refuses it), and it must not hide, by its longer span, the person and the institution named in it."""
    from .evidence import _person_team

    return [m for m in cands if not (m.type == ORG and m.source != "gazetteer" and m.text.endswith("团队")
                                     and _person_team(m.text[:-2].strip()))]


def _without_given_name_places(cands: list[Mention]) -> list[Mention]:
    """A place the gazetteer finds as the given name of a three-character Han name the model reads as a person
    (李长春, 王海南: a surname and a city's name) is no place there: the person wins, though a gazetteer name
    otherwise wins over the model's."""
    people = {(m.start, m.end) for m in cands if m.source in ("ner", "engine") and m.type == PERSON
              and len(m.text) == 3 and all(is_han(c) for c in m.text) and m.text[0] in surnames()
              and m.text[0] not in _FUNCTION_SURNAMES}
    if not people:
        return cands
    return [m for m in cands if not (m.source == "gazetteer" and m.type == LOCATION and (m.start - 1, m.end) in people)]


def _select(cands: list[Mention]) -> list[Mention]:
    """Greedy: by priority, then length; a pattern span that strictly contains a gazetteer span and
    extends it with an organisation suffix wins (腾讯 + 云研究院)."""

    gaz_spans = sorted((m.start, m.end) for m in cands if m.source == "gazetteer")
    places = {(m.start, m.end) for m in cands if m.source == "gazetteer" and m.type == LOCATION}
    # the model's name that completes a shorter rule name wins: 陆沉舟 over 陆沉
    ner_text = {(m.start, m.end): m.text for m in cands if m.source == "ner" and m.type == PERSON}
    ner_people = sorted(ner_text)
    if ner_people:
        def completed(m: Mention) -> bool:  # the model's spans do not overlap: only the last one that
            k = bisect.bisect_right(ner_people, (m.start, float("inf")))  # starts at or before m can hold it
            if not k:
                return False
            s, e = ner_people[k - 1]
            if m.confidence == CONTEXT_PERSON_CONFIDENCE and not _name_shaped(ner_text[s, e]):
                return False  # 郝彦南同志 over the model's 科郝彦南: a title marks the name, the model's span is no name
            return s <= m.start and m.end <= e and 0 < (e - s) - (m.end - m.start) <= 2
        cands = [m for m in cands if not (m.type == PERSON and m.source in ("pattern", "engine") and completed(m))]
        # and where the model's transliterated name starts with a dotted pattern name but ends first, the model's
        # right edge wins: 斯蒂夫·尼尔斯 over 斯蒂夫·尼尔斯同名绘本 (the pattern stops only at a verb or function word)
        cands = [m for m in cands if not (m.type == PERSON and m.source == "pattern" and _cut_short(m, ner_people))]

    def gazetteer_spans_inside(m: Mention) -> list[tuple[int, int]]:
        k = bisect.bisect_left(gaz_spans, (m.start, m.start))
        inside = []
        while k < len(gaz_spans) and gaz_spans[k][0] < m.end:
            if gaz_spans[k][1] <= m.end and gaz_spans[k] != (m.start, m.end):
                inside.append(gaz_spans[k])
            k += 1
        return inside

    def place_headed(m: Mention) -> bool:
        """印度空军, 上海银监局, 北京软星: an organisation the model found whose name starts with a place the
        gazetteer knows, and holds no other known name (北京字节跳动 stays 字节跳动)."""
        inside = gazetteer_spans_inside(m)
        if not inside or not all(sp in places for sp in inside):
            return False
        head = max((e for s, e in inside if s == m.start), default=None)
        if head is None or m.end - head < 2:
            return False
        rest = m.text[head - m.start:]  # a Chinese name, not 杭州 AI, 中国科技企业中 or 美国市场上
        return all(is_han(ch) for ch in rest) and rest[-1] not in "中里上下内外间的之等" and \
            not any(noun in rest for noun in _HEAD_NOUNS)

    gaz_types = {(m.start, m.end): m.type for m in cands if m.source == "gazetteer"}

    def _completes_company(m: Mention, inside: list[tuple[int, int]]) -> bool:
        """腾讯 + 云研究院, 字节跳动 + 科技; not 香港大学 + 生物 (a university plus a trade word)."""
        if not inside:
            return False
        return _org_suffix(m.text) not in TRADE_SUFFIXES or any(gaz_types.get(sp) == COMPANY for sp in inside)

    def rank(m: Mention):
        pri = PRIORITY.get(m.source, 0)
        if m.source in ("pattern", "ner") and m.type in (ORG, COMPANY) and (
                _org_suffix(m.text) and _completes_company(m, gazetteer_spans_inside(m)) or m.source == "ner" and place_headed(m)):
            pri = PRIORITY["gazetteer"] + 0.5
        elif m.source == "pattern" and m.type == PERSON and m.text.isascii() and " " in m.text and \
                any(gaz_types.get(sp) == PERSON for sp in gazetteer_spans_inside(m)):
            pri = PRIORITY["gazetteer"] + 0.5  # Maria Sandberg, not the list's Sandberg (Sheryl Sandberg) in it
        return (-pri, -(m.end - m.start), m.start)

    taken: list[Mention] = []
    occupied: list[tuple[int, int]] = []  # sorted, non-overlapping
    for m in sorted(cands, key=rank):
        k = bisect.bisect_left(occupied, (m.start, m.end))
        if any(m.start < e and s < m.end for s, e in occupied[max(0, k - 1):k + 1]):
            continue
        taken.append(m)
        occupied.insert(k, (m.start, m.end))
    return taken


_NOT_NAME_CHARS = frozenset("上下中里内外前后的说曾在等和与及将是也称") | {""}


def _cut_short(m: Mention, ner_people: list[tuple[int, int]]) -> bool:
    """A model PERSON span that starts where ``m`` starts, ends before it, and holds one of its name-joining dots."""
    k = bisect.bisect_left(ner_people, (m.start, m.start))
    if k == len(ner_people) or ner_people[k][0] != m.start:
        return False
    end = ner_people[k][1]
    if not (end < m.end and any(ch in NAME_DOTS for ch in m.text[:end - m.start - 1])):
        return False
    held = m.text[:end - m.start]
    if len(held) - 1 - max(held.rfind(d) for d in NAME_DOTS) <= 1:
        return False  # 乔·格|比亚: one character after the dot is no surname; the model stopped short
    from .evidence import _dictionary

    tail, tags = m.text[end - m.start:], _dictionary().word_tag_tab
    # …尼尔斯同名绘本: the pattern ran on into a common word; …威尔肯斯 (肯斯, no word of its own): the model stopped short
    seg = _dictionary()
    if len(tail.strip()) <= 1:
        return tail.strip() in _NOT_NAME_CHARS  # …·韦伯上: a place word; …·斯特劳森: the model stopped a character short
    return any(tags.get(tail[:n]) not in (None, "nr", "nrt", "nrfg") and seg.freq(tail[:n]) >= 20
                                         for n in range(2, min(4, len(tail)) + 1))


_FOUNDED_AFTER = re.compile(r"\s*(由[^，,。；;]{1,24}?(联合)?(创立|创办|创建|成立)|是一家|的创始人|的联合创始人|创始人|完成了?\S{0,6}融资)")


# what the text says right next to a name that is both a company and its product
_AS_PRODUCT_AFTER = re.compile(r"\s*+(?:这样的|这类|之类的|等)?\s*+(?:新|新的|热门|知名)?\s*+(?:AI)?\s*+(?:工具|模型|大模型|应用|产品|软件|平台上|生成|画出|绘制|出图|作图|"
                               r"生成的|版本|[Vv]\d|机器人|聊天|对话)")
_AS_PRODUCT_BEFORE = re.compile(r"(?:用|使用|借助|通过|利用|像|调用|打开|试用|体验|在)\s*$")
_AS_COMPANY_AFTER = re.compile(r"\s*(?:的)?\s*(?:公司|团队|创始人|联合创始人|CEO|首席|融资|估值|宣布|官宣|收购|员工|营收|收入|"
                               r"投资|被收购|成立|创立|总部|董事会|获得)")
_AS_COMPANY_BEFORE = re.compile(r"(?:投资|收购|加入|创立|创办|投资了|领投)\s*$")


def _product_or_company(m: Mention, text: str) -> Mention:
    """Midjourney 这样的工具 (MODEL) vs Midjourney 的创始人 (COMPANY): one mention of a name of ``product_names.txt``."""
    from ...resources_data import product_names

    if m.type not in (COMPANY, MODEL) or m.text not in product_names() and (m.key or "") not in product_names():
        return m
    before = text[max(0, m.start - 4):m.start]
    company = _AS_COMPANY_AFTER.match(text, m.end) or _AS_COMPANY_BEFORE.search(before)
    product = _AS_PRODUCT_AFTER.match(text, m.end) or _AS_PRODUCT_BEFORE.search(before)
    if product and not company:
        return replace(m, type=MODEL)
    if company and not product:
        return replace(m, type=COMPANY)
    return m


def _retype(m: Mention, text: str, gaz: Gazetteer) -> Mention:
    m = _product_or_company(m, text)
    entry = gaz.lookup(m.text) if m.source != "gazetteer" else None
    if entry is not None:
        return replace(m, type=entry.type, key=entry.name)
    if m.source in ("ner", "engine") and m.type in (ORG, COMPANY, PERSON):
        after = text[m.end:m.end + 6]
        before = text[max(0, m.start - 4):m.start]
        if _MODEL_TAIL.match(after) or re.search(r"(推出|发布|开源)(了)?\s*$", before) and m.type != PERSON:
            return replace(m, type=MODEL)
    if m.source in ("ner", "engine", "pattern") and m.type in (ORG, COMPANY) and any(c.isdigit() for c in m.text) \
            and re.search(r"(模型|大模型|Agent|智能体)\s*$", text[max(0, m.start - 6):m.start]):
        return replace(m, type=MODEL)  # 多模态 AI Agent 模型 Lynx V3: a versioned name the text calls a model
    if m.source in ("ner", "engine", "pattern") and m.type == MODEL and _FOUNDED_AFTER.match(text, m.end):
        return replace(m, type=COMPANY)  # Lumora-2 由 … 联合创立: a company, not a model
    return m


_PEOPLE_NOUN_END = re.compile(r"(?:学者|专家|科学家|教授|工程师|研究员|研究者|作家|记者|分析师|律师|官员|议员|艺术家|"
                              r"设计师|学生|网友|用户|粉丝|投资人|创业者|开发者|从业者|选手|球员|能力|得主|获得者|"
                              r"贡献者|参与者|爱好者|使用者|玩家|居民|公民|民众|人士)$")  # (理解能力, 菲尔兹奖得主, 斯洛伐克贡献者)


def _plausible(m: Mention) -> bool:
    t = m.text.strip()
    if not t or t.lower() in stopnames() or name_key(t) in stopnames():
        return False
    if len(t) == 1 or t.isdigit() or not any(c.isalnum() for c in t):
        return False
    if m.source in ("ner", "engine") and t.endswith(("定律", "定理", "效应", "悖论", "法则", "原理")):
        return False  # 摩尔定律: a law, not an organisation
    if m.type == PERSON and m.source in ("engine", "ner") and (m.text in titles() or t[-1] in "化性型率度者们式色"):
        return False
    if m.type in (ORG, COMPANY) and m.source in ("engine", "ner") and _PEOPLE_NOUN_END.search(t):
        return False  # 西班牙学者, 美国科学家: people described by where they are from, not an organisation
    if t[0] == "某" and m.source != "gazetteer":
        return False  # 某银行, 某公司: "a certain bank"
    if m.type == PERSON and m.source != "gazetteer" and _anonymous(t):
        return False
    if m.type == PERSON and m.source != "gazetteer" and _SOFTWARE_WORD.search(t):
        return False  # Planner Agent, Builder Bot: a component of a system, not a person
    if m.source in ("ner", "engine") and len(t) == 4 and _idiom(t):
        return False  # 何方神圣, 一马当先: a four-character idiom is no name
    return True


def _idiom(word: str) -> bool:
    from .evidence import _dictionary

    return _dictionary().word_tag_tab.get(word) in ("i", "l")


_SOFTWARE_WORD = re.compile(r"\b(?:Agents?|Bots?|Model|Network|Net|Transformer|Engine|Module|Server|Client)$")


_ADDRESSED = re.compile(r"(.{1,2}?)(先生|女士|小姐|太太|总|博士|教授|老师|阿姨|叔叔|师傅|大爷|大妈|大姐|大哥|同学)")


# 在 A, B 和 C 等 benchmark 上: the items of a list that ends in a word for evaluation sets
# (items are Latin names: with \w, which holds Han characters and so 和, a run of 和-joined text could be split into
# items in exponentially many ways before the match failed — a fuzz-found hang)
_EVAL_LIST_END = re.compile(r"(?:\s*(?:[,，、]|和|以及|及|与)\s*[A-Za-z0-9][A-Za-z0-9_\-.]*(?:\s[A-Za-z0-9][A-Za-z0-9_\-.]*){0,2})*\s*"
                            r"(?:等等|等)?\s*(?:benchmarks?|Benchmarks?|基准测试|基准|数据集|测试集|评测集|榜单)")


def _evaluation_set(text: str, m: Mention) -> bool:
    """MS-COCO, UCF-101 和 MSR-VTT 等 benchmark: a name the model read as a model is an evaluation set."""
    return m.type == MODEL and m.source in ("pattern", "ner", "engine") and bool(_EVAL_LIST_END.match(text, m.end))


def _word_goes_on(text: str, m: Mention) -> bool:
    """浙大某某智能体框架: a name that ends in 智能 or 科技 where the word goes on (智能体, 科技感, 智能化) was cut out
    of a phrase."""
    return m.type in (ORG, COMPANY) and m.source != "gazetteer" and m.text.endswith(("智能", "科技")) \
        and goes_on(text, m.end, m.text)


# an app or service named after its maker: Google Docs, Microsoft Word, 谷歌学术, 百度百科 (data/README.md: apps are not
# annotated, and the golds leave the maker out where the product is the only place it is named)
_PRODUCT_AFTER = re.compile(r"\s?(?:Docs|Sheets|Slides|Forms|Drive|Play|Maps|Search|Scholar|Photos|Translate|Chrome|"
                            r"Lens|Meet|Calendar|Classroom|Teams|Office|Word|Excel|PowerPoint|Outlook|Edge|Store|Music|"
                            r"Pay|Workspace|Prime)(?![A-Za-z0-9])|(?:学术|地图|翻译|输入法|文档|网盘|云盘|百科|贴吧|文库|邮箱|"
                            r"相册|应用商店|浏览器)")


def _product_name(text: str, m: Mention) -> bool:
    """Google Docs, 谷歌学术: a company's name as the first word of its app's is no mention of the company (where
    the text names the company on its own too, that mention stands)."""
    return m.type == COMPANY and _PRODUCT_AFTER.match(text, m.end) is not None


# CNN the broadcaster, not CNN the convolutional network (data/README.md: architectures are not entities): in AI news
# the letters are the network unless the words around them are a newsroom's
_BROADCAST = re.compile(r"报道|消息|采访|记者|主播|主持|新闻|电视|节目|频道|撰文|专访|援引|披露|发文|报导")
_BROADCASTERS = frozenset({"CNN"})


def _network_kind(text: str, m: Mention) -> bool:
    """卷积神经网络（CNN）, 采用了同样的 CNN 架构: the architecture; 据 CNN 报道: the broadcaster."""
    return m.text in _BROADCASTERS and not _BROADCAST.search(text, max(0, m.start - 15), m.end + 15)


# a name that only names a term after it (黎曼猜想, 贝叶斯优化, 图灵测试, 薛定谔的猫, 斯普特尼克时刻, 马尔可夫决策过程,
# James Webb 望远镜拍到, 阿波罗登月, 维布伦几何奖) or a disease
_EPONYM_TERM = re.compile(r"\s*(?:猜想|定理|定律|级数|多项式|函数|分布|方程|公式|常数|假设|引理|变换|积分|不等式|测试|之猫|的猫|时刻|"
                          r"主动|优化|推断|泼溅|悖论|效应|原理|症(?!状)|病(?![了倒逝重危故休中愈情床房])|决策过程|过程|链(?!接)|"
                          r"望远镜|登月|几何奖|数学奖|物理学?奖|化学奖|医学奖|文学奖|和平奖|经济学奖|纪念奖|奖章|"
                          r"机(?![构会场器制遇智关票位型]))")  # (图灵机, 冯·诺依曼机: a machine named after someone)


def _eponym(text: str, m: Mention) -> bool:
    """黎曼猜想, 图灵测试, 阿尔茨海默症: a person's name that is part of a term names the term, not the person (a
    mention of the person elsewhere in the text stands)."""
    return m.type == PERSON and (_EPONYM_TERM.match(text, m.end) is not None or m.text.endswith(("症", "病")))


def _hyphenated_people(text: str, mentions: list[Mention], tokens) -> list[Mention]:
    """富兰克林-罗斯福, 亨利-乔治: a transliterated person's name whose parts a hyphen joins (where a name dot would
    stand) is one name: the engine's name words (nr, nz) right across the hyphen are taken in where all their
    characters, and the found part's, are of transliterated names (马斯克-特斯拉: 特斯拉 is an organisation word)."""
    from .evidence import _transliteration_chars

    if "-" not in text:
        return mentions
    chars = _transliteration_chars()
    by_start = {t.start: i for i, t in enumerate(tokens)}
    by_end = {t.end: i for i, t in enumerate(tokens)}

    def name_word(t) -> bool:
        return (t.pos.startswith("nr") or t.pos == "nz") and all(ch in chars for ch in t.text)

    out = list(mentions)
    for i, m in enumerate(mentions):
        if m.type != PERSON or not all(ch in chars for ch in m.text):
            continue
        a, b = m.start, m.end
        j = by_start.get(b + 1) if text[b:b + 1] == "-" else None
        while j is not None and j < len(tokens) and name_word(tokens[j]) and tokens[j].start <= b + 1:
            b = tokens[j].end  # (the word right after the hyphen, then the name words that go on from it)
            j += 1
        j = by_end.get(a - 1) if text[a - 1:a] == "-" and a > 1 else None
        if j is not None and name_word(tokens[j]):
            a = tokens[j].start
        if (a, b) != (m.start, m.end):
            out[i] = replace(m, text=text[a:b], start=a, end=b)
    grown = [x for x, y in zip(out, mentions) if x is not y]
    return [x for x in out if any(x is g for g in grown) or not any(g.start <= x.start and x.end <= g.end for g in grown)]


def _award(text: str, m: Mention) -> bool:
    """阿贝尔奖, 图灵奖得主, 诺贝尔化学奖: a name right before 奖 names an award, not the person or a firm."""
    if m.type in (ORG, COMPANY) and m.source in ("ner", "engine") and m.text.endswith("奖") and len(m.text) >= 3:
        return True  # 上海市科技进步奖: an award the model took for an organisation
    return m.type in (PERSON, ORG, COMPANY) and m.source != "gazetteer" and text[m.end:m.end + 1] == "奖" \
        and text[m.end:m.end + 2] not in ("奖励", "奖金")


def _anonymous(name: str) -> bool:
    """张女士, 孙先生, 方总, 李博士: a surname and a form of address name nobody in particular (where the document
    named one person of that surname in full, :func:`~.aliases.short_forms` makes the form that person's)."""
    m = _ADDRESSED.fullmatch(name)
    return bool(m) and m.group(1) in surnames()


# characters that end no Chinese given name but often follow one: 王强于2018年, 刘洋称, 陈静将, 李雷曾 (of 1,590
# three-character PERSON names in People's Daily, Resume NER and CLUENER, none ends in one of these; 为 and 和 do)
_FUNCTION_TAIL = frozenset("于称说在与将是也曾则都还就已会要等对向从被把的")


def _without_function_tail(m: Mention) -> Mention:
    """A Han PERSON name of three or four characters that took the function word after it (王强于, 刘洋称) loses it;
    so does a dotted foreign name (…·斯特劳森说, …·阿莫代曾), where three characters stay after its last dot."""
    if m.type == PERSON and m.source != "gazetteer" and m.text[-1:] in _FUNCTION_TAIL and is_han(m.text[-1]) and \
            any(d in m.text for d in NAME_DOTS) and len(m.text) - 1 - max(m.text.rfind(d) for d in NAME_DOTS) > 3:
        return replace(m, text=m.text[:-1], end=m.end - 1)
    if m.type != PERSON or m.source == "gazetteer" or not 3 <= len(m.text) <= 4 or m.text[-1] not in _FUNCTION_TAIL:
        return m
    head = m.text[:-1]
    if not all(is_han(ch) for ch in head) or not (head[0] in surnames() or head[:2] in surnames()):
        return m
    return replace(m, text=head, end=m.end - 1)


def _without_reduplicated_verb(text: str, m: Mention) -> Mention:
    """和刘志聊了聊, 让王强看一看: the verb said twice after a name is no part of it."""
    if m.type != PERSON or m.source == "gazetteer" or not 3 <= len(m.text) <= 4 or not is_han(m.text[-1]):
        return m
    if text[m.end:m.end + 2] in ("了" + m.text[-1], "一" + m.text[-1]):
        return replace(m, text=m.text[:-1], end=m.end - 1)
    return m


def _without_extra_char(text: str, mentions: list[Mention]) -> list[Mention]:
    """陶哲轩新论文: the model's person that is a name the text gives elsewhere plus one character is that name; the
    character starts the next word."""
    counts = Counter(m.text for m in mentions if m.type == PERSON)
    out = []
    for m in mentions:
        short = m.text[:-1]
        if m.type == PERSON and m.source in ("ner", "engine") and len(m.text) >= 3 and is_han(m.text[-1]) \
                and counts[short] and counts[m.text] == 1 and text.count(short) > text.count(m.text):
            m = replace(m, text=short, end=m.end - 1)
        out.append(m)
    return out


# a school's department named after it: 清华大学电子系, 某大学经济与统计系, UCSD电气工程系 (not 系统, 系列, 系数)
_DEPARTMENT = re.compile(r"([\u4e00-\u9fff]{2,12}?)系(?![统列数谱])")
_SCHOOL_NAME = re.compile(r"(?:大学|学院|University)$|^(?:MIT|CMU|UCLA|UCSD|UCSB|NYU|USC|ETH|EPFL|KAUST|UIUC|CUHK|HKUST)$")
# …系助理教授, …系学士, …系的 Viterbi 教授: the department is where someone holds a post or took a degree (毕业于清华大学
# 计算机系 is read as the school: the team's own articles annotate the school there)
_POST_AFTER = re.compile(r"\s*+(?:的)?\s*+[\u4e00-\u9fffA-Za-z&\s]{0,24}?(?:教授|讲师|研究员|博士后|学士|硕士|博士|主任|"
                         r"院长|教师|本科生|研究生|学生|成员|Professor)")
_STUDIED_BEFORE = re.compile(r"(?:毕业于|就读于|求学于|任职于|就职于)\s*$")  # (毕业于青州大学物理系: the department)
_NOT_A_FIELD = re.compile(r"[的及是在为了等从到让把被对向]|大学|学院|学生|毕业|教授|博士|硕士|学士|老师|主任")  # (经济与统计系)


def _departments(text: str, mentions: list[Mention]) -> list[Mention]:
    """A school named with a department after it (清华大学电子系) is the department: an ORG of its own, which the
    relation rules make part of the school where the text names the school."""
    out = []
    for m in mentions:
        d = _DEPARTMENT.match(text, m.end) if m.type == ORG and (_SCHOOL_NAME.search(m.text) or m.key and _SCHOOL_NAME.search(m.key)) else None  # (清华 of 清华计算机系: a school by its list name)
        if d is None or _NOT_A_FIELD.search(d.group(1)) or not (_POST_AFTER.match(text, d.end())
                                                               or _STUDIED_BEFORE.search(text, max(0, m.start - 6), m.start)) \
                or any(x.start < d.end() and m.end < x.end for x in mentions if x is not m):
            out.append(m)
            continue
        out.append(Mention(text[m.start:d.end()], ORG, m.start, d.end(), "pattern", None, m.confidence))
    return out


# a clause's punctuation inside a span the model proposed (青禾 时，这家公司): no name runs across it
_CLAUSE_PUNCT = re.compile(r"[，。；！？]")
_AMPERSAND = re.compile(r"\s*[&＆]\s*")


def _split_ampersands(cands: list[Mention]) -> list[Mention]:
    """中山大学&360 AI Research: two organisations the model read as one, split where a Chinese name stands before
    the ampersand (AT&T, Johnson & Johnson stay whole)."""
    out = []
    for m in cands:
        amp = _AMPERSAND.search(m.text) if m.type in (ORG, COMPANY) and m.source in ("ner", "engine") else None
        left, right = (m.text[:amp.start()], m.text[amp.end():]) if amp else ("", "")
        if amp is None or len(left) < 2 or not all(is_han(ch) for ch in left) or len(right.strip()) < 2:
            out.append(m)
            continue
        out.append(replace(m, text=left, end=m.start + amp.start(), key=None))
        out.append(replace(m, text=right, start=m.start + amp.end(), key=None,
                           type=_org_type(right, default=m.type)))
    return out


# words for a post held, now or before, that a guessed organisation or company name can take at its front
# (前渡鸦科技创始人, 现任杭州某某大学计算机学院教授): the name starts after them
_FORMER_HEAD = re.compile(r"^[由从自在是为与和被]?(现任|前任|曾任|时任|原任|前|原)")


def _without_former_head(m: Mention) -> Mention:
    """前渡鸦科技 (创始人) → 渡鸦科技: a guessed organisation name that starts with 前/原/现任 loses it where what
    remains has an organisation suffix and the first characters make no word (前沿科技, 原子能研究院 keep theirs)."""
    if m.type not in (ORG, COMPANY) or m.source == "gazetteer":
        return m
    head = _FORMER_HEAD.match(m.text)
    if not head:
        return m
    rest = m.text[head.end():]
    word = m.text[head.start(1):head.start(1) + 2]
    if len(rest) < 3 or not _org_suffix(rest) or len(head.group(1)) == 1 and _dictionary_word(word):
        return m
    return replace(m, text=rest, start=m.start + head.end(), key=None)


# a firm's kin named by the firm (英伟达母公司, 腾讯子公司): the kin word is no part of the firm's name
_KIN_TAIL = re.compile(r"的?(?:母公司|子公司|控股公司|旗下公司)$")


def _without_kin_tail(m: Mention) -> Mention:
    """A guessed organisation name that ends with a word for the firm's parent or subsidiary (谷歌母公司, 腾讯子公司)
    is the firm before that word; the parent or the subsidiary is another entity, named elsewhere or not at all."""
    if m.type not in (ORG, COMPANY) or m.source == "gazetteer":
        return m
    kin = _KIN_TAIL.search(m.text)
    if not kin or kin.start() < 2:
        return m
    return replace(m, text=m.text[:kin.start()], end=m.start + kin.start(), key=None)


# honorifics Chinese puts after a foreign name (托马斯·哈德森爵士): not part of the name
_HONORIFIC = re.compile(r"(?:爵士|先生|女士|博士|教授|结构|体系|架构|定律|效应|理论|主义|思想|首次|式|机|等人|等)$")


def _without_honorific(m: Mention) -> Mention:
    """A dotted foreign name with an honorific or a word after it (…·哈德森爵士, 冯·诺依曼结构, …·萨默斯式) loses it."""
    if m.type != PERSON or m.source == "gazetteer" or not any(d in m.text for d in NAME_DOTS):
        return m
    h = _HONORIFIC.search(m.text)
    last = max(m.text.rfind(d) for d in NAME_DOTS)
    if not h or h.start() - last < 3:  # (the part after the last dot keeps two characters: 诺依曼, 萨默斯)
        return m
    return replace(m, text=m.text[:h.start()], end=m.start + h.start())


def _conjunction_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """张三、李四和王五: a Han name that took the 和/与/及 before the next name (李四和) loses it. Names can end in 和
    (张永和), so only where another name follows at once."""
    starts = {m.start for m in mentions if m.type == PERSON}
    out = []
    for m in mentions:
        if m.type == PERSON and m.source != "gazetteer" and len(m.text) >= 3 and m.text[-1] in "和与及" \
                and (m.end in starts or text[m.end:m.end + 1] in surnames()):
            m = replace(m, text=m.text[:-1], end=m.end - 1)
        out.append(m)
    return out


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and (text[s].isspace() or text[s] in "「『“《\"'（("):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in "」』”》\"'）),，。（(「『“《"):
        e -= 1
    return s, e
