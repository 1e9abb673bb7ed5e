"""Names of one document that are one entity: a name in the other script in brackets (黄钟明（Zhongming Huang）),
a short form after the full name (Altman after Sam Altman, 纳德拉 after 萨提亚·纳德拉), and the document's own
outlet, which is no entity at all. Each marks the alias with its name's key (``=name`` where no gazetteer knows it)
and with how it became one (``Mention.via``: what ``kg merges`` shows)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...resources_data import given_names, stopnames, surnames
from ...schema import COMPANY, MODEL, ORG, PERSON
from ...text import Forms, is_han, name_key
from ...types import VIA_ACRONYM, VIA_BRACKETS, VIA_MISSPELLING, VIA_SHORT_FORM, Document, Mention


def link_brackets(text: str, mentions: list[Mention]) -> list[Mention]:
    """凯文·斯科特（Kevin Scott）, 亚马逊（Amazon）: the name in brackets is an alias of the one before it.
    It keeps its offsets, takes the first name's key, and is marked ``source="alias"`` so that relation
    rules do not treat it as a second participant."""
    from .patterns import _common_words

    ms = sorted(mentions, key=lambda m: m.start)
    out = list(ms)
    for i in range(len(ms) - 1):
        x, y = ms[i], ms[i + 1]
        gap = text[x.end:y.start]
        if gap.strip() in ("（", "(") and (re.match(r"\s*[）)]", text[y.end:y.end + 2]) or _BIO_AFTER.match(text, y.end)
                                           and x.type == y.type == PERSON and is_han(x.text[-1]) != is_han(y.text[0])) and \
                (x.type == y.type or y.type in (ORG, COMPANY) and x.type in (ORG, COMPANY)):
            key = x.key or ("=" + x.text)
            out[i + 1] = replace(y, key=key, type=x.type, source="alias", via=VIA_BRACKETS)
    # 黄钟明（Zhongming Huang）, Lumora（鹿鸣科技）: a name in the other script in brackets right after a name is
    # that name's alias even where nothing else found it (the brackets are the evidence)
    taken = {m.start for m in out}
    for x in ms:
        b = _CROSS_SCRIPT.match(text, x.end)
        if b is None or b.start(1) in taken:
            continue
        inner = b.group(1)
        if is_han(x.text[-1]) == is_han(inner[0]) or inner.lower() in stopnames() or _is_title(inner):
            continue  # (Kevin Weil (首席产品官): a title in brackets is no name)
        if re.match(r"以下简称|简称|下称|以下称|又称|俗称|即", inner):
            continue  # Lumora Robotics（以下简称鹿鸣）: a declared short name, which declared_short_names reads
        if is_han(inner[0]) and len(inner) >= 4 and _common_words(inner):
            continue  # DuetFace（删除低频信息）: a gloss of what it does, not its Chinese name
        out.append(Mention(inner, x.type, b.start(1), b.end(1), "alias", x.key or "=" + x.text, x.confidence,
                           VIA_BRACKETS))
    taken = {m.start for m in out}
    for x in ms:  # 创始人叶生晅Jerry: an English given name glued to a Chinese person's name is that person's
        g = _GIVEN_AFTER.match(text, x.end)
        if x.type != PERSON or x.source == "alias" or not is_han(x.text[-1]) or g is None \
                or g.group(1) not in given_names() or g.start(1) in taken:
            continue
        out = [y for y in out if not (y.start == g.start(1) and y.end == g.end(1))]
        out.append(Mention(g.group(1), PERSON, g.start(1), g.end(1), "alias", x.key or "=" + x.text, x.confidence,
                           VIA_BRACKETS))
    # Musical.ly（现为 TikTok）, Facebook（现更名为 Meta）: the name now, in brackets after a former name, is an alias
    # of the former name the text uses (data/README.md), which is found by the brackets where nothing else found it
    by_end = {m.end: i for i, m in enumerate(out)}
    idx = {id(m): i for i, m in enumerate(out)}
    for y in ms:
        now = _RENAMED_BEFORE.search(text, max(0, y.start - 12), y.start)
        if now is None or y.type not in (ORG, COMPANY, MODEL) or not re.match(r"\s?[）)]", text[y.end:y.end + 2]) \
                or id(y) not in idx:
            continue
        i = by_end.get(now.start())
        if i is None or out[i].type not in (ORG, COMPANY, MODEL):
            name = _LATIN_BEFORE_BRACKET.search(text, max(0, now.start() - 40), now.start() + 1)
            if name is None or name.end(1) != now.start() - (1 if text[now.start() - 1:now.start()] == " " else 0):
                continue
            out.append(Mention(name.group(1), y.type, name.start(1), name.end(1), "pattern", None, y.confidence))
            i = len(out) - 1
        if y.key and not y.key.startswith("="):  # the name now is a listed entity: the former name is one of its names
            out[i] = replace(out[i], key=y.key, type=y.type, via=VIA_BRACKETS)
            out[idx[id(y)]] = replace(y, source="alias", via=VIA_BRACKETS)
        else:
            out[idx[id(y)]] = replace(y, key=out[i].key or "=" + out[i].text, type=out[i].type, source="alias",
                                      via=VIA_BRACKETS)
    ends = {m.end for m in out}
    for y in ms:  # and the reverse: Lumora（鹿鸣科技）, where only the bracketed name was found
        before = _LATIN_BEFORE_BRACKET.search(text, max(0, y.start - 60), y.start)
        if before is None or before.end(1) in ends or not is_han(y.text[0]) or not re.match(r"\s?[）)]", text[y.end:y.end + 2]):
            continue
        out.append(Mention(before.group(1), y.type, before.start(1), before.end(1), "alias", y.key or "=" + y.text,
                           y.confidence, VIA_BRACKETS))
    return out


_RENAMED_BEFORE = re.compile(r"\s?[（(]\s*(?:现已|现|后|已|后来)?\s*(?:更名为|改名为|更名|改名|名为|为|叫)\s*$")
_GIVEN_AFTER = re.compile(r" ?([A-Z][a-z]{2,})(?![A-Za-z])")
_DECLARED = re.compile(r"\s*[（(][^（()）]{0,50}?(?:以下简称|简称|下称|以下称)\s*[为：:]?\s*[“「\"『]?([^，,。；;（()）“”「」『』\"]{2,12}?)[”」\"』]?\s*[）)]")


def declared_short_names(text: str, mentions: list[Mention]) -> list[Mention]:
    """远山研究院（…，简称研究院）: a short name the text declares for an organisation is that organisation where the
    text uses it afterwards (研究院创始人…), and its declaration in the brackets is an alias."""
    full: dict[str, Mention | None] = {}
    out = list(mentions)
    for m in mentions:
        if m.type not in (ORG, COMPANY, MODEL, PERSON) or m.source == "alias":
            continue
        d = _DECLARED.match(text, m.end)
        if d is None or d.group(1).strip() == m.text:
            continue
        short = d.group(1).strip()
        for k, y in enumerate(out):  # 远山研究院（Yuanshan Institute，简称研究院）: the name before 简称 is one too
            if m.end < y.start and y.end <= d.start(1) and text[m.end:y.start].strip() in ("（", "(") and \
                    re.fullmatch(r"\s*[，,、]\s*(?:以下简称|简称|下称|以下称)\s*[为：:]?\s*[“「\"『]?", text[y.end:d.start(1)]):
                out[k] = replace(y, key=m.key or "=" + m.text, type=m.type, source="alias", via=VIA_BRACKETS)
        _claim(full, short, m)
    full, rx = _unique_forms(full)
    if rx is None:
        return mentions
    return _mark_forms(text, out, full, rx, lambda a, b: False, VIA_BRACKETS)


def _is_title(words: str) -> bool:
    """首席产品官, 高级研究副总裁, 工程副总裁: a job title, however it starts."""
    from ...resources_data import titles

    kinds = titles()
    return any(words[n:] in kinds or words[n:].upper() in kinds for n in range(len(words) - 1))


_LATIN_BEFORE_BRACKET = re.compile(r"(?<![A-Za-z0-9])([A-Z][A-Za-z0-9.&'\-]*(?: [A-Z][A-Za-z0-9.&'\-]*){0,3})\s?[（(]\s?$")
# a bracketed name in Latin script (Zhongming Huang, OpenAI Inc.) or in Han (鹿鸣科技, 萨提亚·纳德拉)
_CROSS_SCRIPT = re.compile(r"\s?[（(]\s?([A-Z][A-Za-z0-9.&'\-]*(?: [A-Za-z0-9.&'\-]+){0,4}|[\u4e00-\u9fff·]{2,10})\s?[）)]")
# 约翰·伍登（John Wooden，1910年10月14日—…）: a person's other-script name, then birth dates or sex, in one bracket
_BIO_AFTER = re.compile(r"\s?[，,；;]\s?(?:\d{3,4}|生于|出生|男|女|[约约]?\d)")


def unify_aliases(mentions: list[Mention]) -> list[Mention]:
    """One name, one entity per document: where a bracket or a short form made a surface form an alias of
    another name, its other mentions in the document (without a gazetteer key) point there too."""
    keys = {(m.text, m.type): (m.key, m.via) for m in mentions if m.key and m.key.startswith("=")}
    if not keys:
        return mentions
    return [replace(m, key=keys[(m.text, m.type)][0], via=keys[(m.text, m.type)][1])
            if m.key is None and (m.text, m.type) in keys else m for m in mentions]


_ADDRESS_FORMS = ("博士", "教授", "老师", "总", "先生", "女士", "同学")


def short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Altman or Sam after Sam Altman, 纳德拉 or 萨提亚 after 萨提亚·纳德拉: part of a person's name alone, where the document
    named the person in full and no other person of the document shares that part, is that person
    (same key). A mention the model typed otherwise at that span is retyped."""
    full: dict[str, Mention | None] = {}
    for m in mentions:
        if m.type != PERSON or m.source == "alias" and m.via != VIA_BRACKETS:
            continue  # (约翰·伍登（John Wooden）… Wooden: the bracketed form's parts are the person's too)
        parts = re.split(r"[ ·•・]", m.text)
        shorts = []
        if len(parts) >= 2 and m.text.isascii() and (len(parts[-1]) >= 3 and parts[-1][:1].isupper()
                                                     or len(parts[0]) >= 3 and parts[0] in given_names()):
            shorts = [parts[-1]] if len(parts[-1]) >= 3 and parts[-1][:1].isupper() else []  # Altman
            if len(parts[0]) >= 3 and parts[0][:1].isupper() and parts[0][1:].islower():
                shorts.append(parts[0])  # Sam, Joshua of Joshua Xu (news and interviews use the given name too)
        elif len(parts) >= 2 and all(is_han(ch) or ch == "-" for ch in parts[0] + parts[-1]):
            shorts = [p for p in (parts[-1], parts[0]) if len(p) >= 2]  # 纳德拉; 萨提亚 (interviews use the given name)
        elif len(parts) == 1 and 2 <= len(m.text) <= 4 and all(is_han(ch) for ch in m.text):
            # 李博士, 王教授, 张总 after 李飞飞, 王小明, 张伟: the surname and a form of address
            sur = m.text[:2] if m.text[:2] in surnames() and len(m.text) >= 3 else m.text[:1]
            if sur in surnames() and len(m.text) > len(sur):
                shorts = [sur + t for t in _ADDRESS_FORMS]
        for short in shorts:
            _claim(full, short, m)
    full, rx = _unique_forms(full)
    if rx is None:
        return mentions

    def part_of_a_word(a: int, b: int) -> bool:  # of a longer word, or of the full name itself
        return (a > 0 and (text[a - 1].isascii() and text[a - 1].isalnum() or text[a - 1] in "-·•・")) or \
            (b < len(text) and text[b].isascii() and text[b].isalnum())

    return _mark_forms(text, mentions, full, rx, part_of_a_word, VIA_SHORT_FORM, retype=PERSON)


# 飞榴科技 … 飞榴: a company named in full, then by the name before its trade word
_COMPANY_SHORT = re.compile(r"([\u4e00-\u9fff]{2,4}?)(科技|智能|网络|生物|汽车|机器人|医疗|医药|信息|技术|半导体|集团|公司|股份|控股|数据|互动|传媒|文化|资本)")


def company_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """飞禾 after 飞禾科技, 远山 after 远山智能: the name of a company before its trade word, where the document named the
    company in full and the short name is no common word, no name the gazetteer gives to something else and no
    other company's short name, is that company (same key)."""
    from ..gazetteer import load_gazetteer
    from .evidence import common_word

    gaz = load_gazetteer()
    full: dict[str, Mention | None] = {}
    for m in mentions:
        if m.type != COMPANY or m.source == "alias" or (m.key and m.key.startswith("=")):
            continue
        hit = _COMPANY_SHORT.fullmatch(m.text)
        if not hit:
            continue
        short = hit.group(1)
        if common_word(short) or gaz.lookup(short) is not None:
            continue
        _claim(full, short, m)
    full, rx = _unique_forms(full)
    if rx is None:
        return mentions

    def inside_a_word(a: int, b: int) -> bool:  # the full name itself, or a longer word around the short one
        if text.startswith(full[text[a:b]].text[len(text[a:b]):], b):
            return True
        return _cut_inside(text, a, b)

    return _mark_forms(text, mentions, full, rx, inside_a_word, VIA_SHORT_FORM, retype=COMPANY)


def _cut_inside(text: str, a: int, b: int) -> bool:
    """The segmenter, reading the clause around text[a:b], puts no word boundary at a or at b."""
    from ...nlp.segment import get_segmenter

    lo, hi = max(0, a - 6), min(len(text), b + 6)
    bounds = {lo + s for _, s, _, _, _ in get_segmenter().words(text[lo:hi])} | {lo + e for _, _, e, _, _ in get_segmenter().words(text[lo:hi])}
    return a not in bounds or b not in bounds


def _claim(full: dict[str, Mention | None], form: str, m: Mention) -> None:
    """``form`` stands for ``m``'s name, unless another name of the document claimed it too (then for none)."""
    prev = full.get(form, m)
    full[form] = m if prev is not None and name_key(prev.text) == name_key(m.text) else None


def _unique_forms(full: dict[str, Mention | None]) -> tuple[dict[str, Mention], Forms | None]:
    """The forms only one name claimed, and a pattern that finds any of them (longest first); None if there are none."""
    full = {k: v for k, v in full.items() if v is not None}
    if not full:
        return full, None
    return full, Forms(full)


def _mark_forms(text: str, mentions: list[Mention], full: dict[str, Mention], rx, skip, via: str, *,
                retype: str | None = None) -> list[Mention]:
    """Each hit of ``rx`` (a form of ``full``'s keys, not ``skip(a, b)``) becomes an alias of its full name: the
    mention found at that span takes the name's key (and ``retype`` or the name's type), or a new mention is added
    where nothing overlaps."""
    by_span = {(m.start, m.end): i for i, m in enumerate(mentions)}
    taken = sorted((m.start, m.end) for m in mentions)
    out = list(mentions)
    for hit in rx.finditer(text):
        a, b = hit.span()
        if skip(a, b):
            continue
        name = full[hit.group(0)]
        key = name.key or "=" + name.text
        typ = retype or name.type
        i = by_span.get((a, b))
        if i is not None:
            if out[i].source != "gazetteer":
                out[i] = replace(out[i], type=typ, key=key, via=via)
            continue
        k = bisect.bisect_left(taken, (a, b))
        if any(s < b and a < e for s, e in taken[max(0, k - 1):k + 1]):
            continue
        out.append(Mention(text[a:b], typ, a, b, "pattern", key, round(name.confidence * 0.9, 2), via))
        bisect.insort(taken, (a, b))
    return out


def self_references(doc: Document) -> list[tuple[int, int]]:
    """Where the text names its own author or publication (bylines are metadata, not entities of the graph)."""
    spans = []
    for name in {doc.author, doc.publication} - {None}:
        name = name.strip()
        if len(name) < 2:
            continue
        i = doc.text.find(name)
        while i != -1:
            spans.append((i, i + len(name)))
            i = doc.text.find(name, i + len(name))
    return sorted(spans)


# a legal form is no word of the name an acronym spells (Alphabet Inc.), and some acronyms mean a kind of thing
_LEGAL_WORDS = frozenset("inc corp ltd co llc plc gmbh ag sa limited corporation incorporated".split())
_GENERIC_ACRONYMS = frozenset("AI IT API APP SDK AR VR XR VC PE GP LP ML DL CV NLP LLM AGI GPU CPU TPU OS PC UI UX".split())


def acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """YC where the document names Y Combinator: an all-capital word of two to five letters that spells the initials
    of a Latin organisation name of two or more capitalised words in the same document is that organisation
    (same key and type), wherever it stands as a word of its own."""
    full: dict[str, Mention | None] = {}
    for m in mentions:
        if m.type not in (ORG, COMPANY) or not m.text.isascii() or m.source == "alias":
            continue
        words = [w for w in re.split(r"[\s\-]+", m.text) if w and w.rstrip(".").lower() not in _LEGAL_WORDS]
        if 2 <= len(words) <= 5 and all(w[0].isupper() for w in words):
            ac = "".join(w[0] for w in words)
            if ac in _GENERIC_ACRONYMS:
                continue  # (Alphabet Inc. is no "AI", Information Technology Co. no "IT")
            prev = full.get(ac)
            full[ac] = m if prev is None or name_key(prev.text) == name_key(m.text) else None
    full = {k: v for k, v in full.items() if v is not None}
    if not full:
        return mentions
    rx = re.compile(r"(?<![A-Za-z0-9])(" + "|".join(sorted(full, key=len, reverse=True)) + r")(?![A-Za-z0-9])")
    return _mark_forms(text, mentions, full, rx, lambda a, b: False, VIA_ACRONYM)


def misspellings(mentions: list[Mention]) -> list[Mention]:
    """Sam Alman, Greg Brockton where the document names Sam Altman, Greg Brockman more often: a Latin person name
    one or two letters off another person's name of the same document (same words, same initials, one word
    differing) is a misspelling of the name written more often, so it takes that name's key."""
    counts: dict[str, int] = {}
    for m in mentions:
        if m.type == PERSON and m.text.isascii() and " " in m.text:
            counts[m.text] = counts.get(m.text, 0) + 1
    names = sorted(counts, key=lambda n: (-counts[n], n))
    target: dict[str, str] = {}
    for i, a in enumerate(names):
        if a in target:
            continue
        for b in names[i + 1:]:
            if b not in target and counts[b] <= counts[a] and _one_word_off(a, b):
                target[b] = a
    if not target:
        return mentions
    keys = {m.text: m.key or "=" + m.text for m in mentions if m.text in target.values() and m.type == PERSON}
    return [replace(m, key=keys[target[m.text]], via=VIA_MISSPELLING)
            if m.type == PERSON and m.text in target and m.source != "gazetteer" and not m.key else m for m in mentions]


def _one_word_off(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or any(x[0] != y[0] for x, y in zip(wa, wb)):
        return False
    diff = [(x, y) for x, y in zip(wa, wb) if x != y]
    if len(diff) != 1:
        return False
    x, y = diff[0]
    return min(len(x), len(y)) >= 4 and _edit_distance(x.lower(), y.lower()) <= (1 if min(len(x), len(y)) < 6 else 2)


def _edit_distance(x: str, y: str) -> int:
    prev = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        cur = [i]
        for j, cy in enumerate(y, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (cx != cy)))
        prev = cur
    return prev[-1]
