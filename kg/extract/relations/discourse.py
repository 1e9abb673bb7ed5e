"""Pronouns that name someone the text named before: 他/她 for a person, 该公司/这家公司 for a company.

Real news names a person once and then says 他: 张三毕业于清华大学。他曾在微软工作五年。 A pronoun at the start of
a clause becomes a mention of its antecedent (same key, ``source="coref"``) for the relation rules, so that the
second sentence gives 张三 works_for 微软. Conservative, since a wrong antecedent is worse than none:

- the antecedent is looked for in the pronoun's own sentence before it, then in the sentences before it in its
  paragraph, then in the paragraph before (or a heading) when that is short; the nearest sentence that holds any
  mention of the pronoun's type decides, and only if it holds exactly one entity of that type;
- where none of those sentences names a person, or the one they name stands only as an object (…获得了某某的奖),
  他/她 is the person the article is plainly about: named at least three times before, twice as often as anyone;
- pronouns inside quotation marks (someone speaking of a third person) and pronouns that are not at the start of
  a clause (与他合作, 他的) are left alone;
- a relation that reaches its antecedent this way keeps as evidence the text from the antecedent's sentence to
  the pronoun's, so the page shows who 他 is, unless that sentence lies more than ``EVIDENCE_REACH`` characters
  back (the article's main person, last named pages before): then the evidence is the relation's own sentence.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import replace

from ...resources_data import titles
from ...schema import COMPANY, MODEL, ORG, PERSON
from ...types import Analysis, Mention, RelationMention

PRONOUNS = {
    "他": PERSON, "她": PERSON,
    "该公司": COMPANY, "这家公司": COMPANY, "该企业": COMPANY, "这家企业": COMPANY, "这家初创公司": COMPANY,
    "该初创公司": COMPANY, "该基金": COMPANY, "这只基金": COMPANY, "这家基金": COMPANY, "该集团": COMPANY,
    "这家集团": COMPANY, "这家机构": COMPANY, "该机构": ORG, "该实验室": ORG, "该团队": ORG, "这支团队": ORG,
}
# 它 (it) stands for a company only where the nearest sentence naming a company or a model names one company alone
_THING = "THING"
PRONOUNS["它"] = _THING
_PRONOUN = re.compile("|".join(sorted(map(re.escape, PRONOUNS), key=len, reverse=True)))
# what may stand between a clause break and the pronoun: time phrases, 而, 随后 …
_CLAUSE_LEAD = re.compile(r"(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?|(?:本科|硕士|博士)?毕业后|回国后|此后|同年|次年|此前|之后|随后|后来|然后|接着|不久|最终|最后|当时|目前|如今|同时|而|但|并且|并|此外|其中|去年|今年|据说|据悉|据报道|据了解|有消息称|消息称)?\s*[，,]?\s*$")
_BREAK = "。！？!?；;，,：:\n"
SHORT_PARAGRAPH = 120  # characters: a heading or a one-line paragraph still carries its subject into the next
MAX_SENTENCES_BACK = 3
EVIDENCE_REACH = 500  # characters: evidence runs back to the antecedent's sentence no further than this


def coref_mentions(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(start, end): (pronoun mention, start of the antecedent's sentence)}`` for the pronouns whose
    antecedent is clear. ``mentions``: the document's core mentions, sorted by start."""
    text = analysis.doc.text
    sents = analysis.sentences
    starts = [m.start for m in mentions]
    taken = [(m.start, m.end) for m in mentions]
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    for si, sent in enumerate(sents):
        for hit in _PRONOUN.finditer(text, sent.start, sent.end):
            a, b = hit.span()
            k = bisect.bisect_right(starts, a)
            if k and taken[k - 1][1] > a:
                continue  # inside a name
            if not _clause_initial(text, sent.start, a) or _quoted(text, a) or text[b:b + 1] == "们" or \
                    text[b:b + 1] == "的" and PRONOUNS[hit.group(0)] == PERSON:
                continue  # (他的: a possessive; 这只基金的合伙人 … names the fund's people)
            found = _antecedent(analysis, mentions, starts, si, a, PRONOUNS[hit.group(0)],
                                model_ok=hit.group(0) == "它" and bool(_MADE_BY.match(text, b, sent.end)))
            if found is None:
                continue
            ante, ante_start = found
            m = Mention(text[a:b], ante.type, a, b, "coref", ante.key or "=" + ante.text, round(ante.confidence * 0.8, 2))
            out[(a, b)] = (m, ante_start)
        for hit in _OBJECT_QI.finditer(text, sent.start, sent.end):
            found = _object_antecedent(text, mentions, starts, sent.start, hit.start(2))
            if found is not None:
                a, b = hit.span(2)
                out[(a, b)] = (Mention("其", COMPANY, a, b, "coref", found.key or "=" + found.text,
                                       round(found.confidence * 0.8, 2)), sent.start)
    return out


# 其 as the object of an investment or a deal: Benchmark 领投了其 A 轮, 给其种子轮投了, 与其合作
_OBJECT_QI = re.compile(r"(领投了?|跟投了?|参投了?|投资了?|注资|收购了?|给|向|对|与|和)\s*(其)(?=\s*(\d|[A-Z]\+?\s*轮|[天种战首第新]|[0-9.]+\s*[万亿]|合作|的投资|股份))")


def _object_antecedent(text: str, mentions: list[Mention], starts: list[int], sent_start: int, a: int):
    """The company 其 stands for: the last company of the nearest earlier clause of the sentence that names
    one (其中一家是鹿鸣科技，红杉资本领投了其 A 轮 → 鹿鸣科技), never the subject of 其's own clause."""
    clause = a
    while clause > sent_start and text[clause - 1] not in "，,；;：:":
        clause -= 1
    own = [m for m in mentions[bisect.bisect_left(starts, clause):bisect.bisect_left(starts, a)] if m.type == COMPANY]
    hi = clause
    while hi > sent_start:
        lo = hi - 1
        while lo > sent_start and text[lo - 1] not in "，,；;：:":
            lo -= 1
        cands = [m for m in mentions[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]
                 if m.type == COMPANY and m.source not in ("alias", "coref")]
        if cands:
            last = cands[-1]
            return None if any((x.key or x.text) == (last.key or last.text) for x in own) else last
        hi = lo
    return None


def _clause_initial(text: str, sent_start: int, a: int, *, lead: re.Pattern = _CLAUSE_LEAD) -> bool:
    lo = a
    while lo > sent_start and text[lo - 1] not in _BREAK:
        lo -= 1
    return bool(lead.fullmatch(text[lo:a]))


def _quoted(text: str, a: int) -> bool:
    """Inside “…” or 「…」 opened earlier in the same paragraph."""
    para = text.rfind("\n", 0, a) + 1
    span = text[para:a]
    return span.count("“") > span.count("”") or span.count("「") > span.count("」")


# 它由 A 和 B 联合提出 · 它是由 A 开发的: 它 is made by someone, so it may stand for a model
_MADE_BY = re.compile(r"\s*(?:是|则|也)?\s*由[^。！？!?；;]{1,80}?(?:提出|开发|研发|推出|发布|训练|打造|构建)")


def _antecedent(analysis: Analysis, mentions: list[Mention], starts: list[int], si: int, a: int, typ: str, *,
                model_ok: bool = False):
    """The one entity of type ``typ`` in the nearest sentence (of this paragraph, or of a short paragraph just
    before it) that names any, with the start of that sentence; None when that sentence names two or more.
    ``model_ok``: 它 may stand for a model (the sentence says who made it)."""
    window = _window_start(analysis.doc.text, a)
    sents = analysis.sentences
    for j in range(si, max(-1, si - MAX_SENTENCES_BACK - 1), -1):
        s = sents[j]
        if s.end <= window:
            break
        hi_pos = a if j == si else s.end
        lo, hi = bisect.bisect_left(starts, max(s.start, window)), bisect.bisect_left(starts, hi_pos)
        if typ == _THING:  # 它: the one company or model of the nearest sentence naming either; a company only
            things = [m for m in mentions[lo:hi] if m.type in (COMPANY, MODEL) and m.source not in ("alias", "coref")]
            if not things:
                continue
            if len({m.key or m.text for m in things}) != 1 or things[0].type != COMPANY and not (
                    model_ok and things[0].type == MODEL):
                return None
            return things[0], max(s.start, window)
        cands = [m for m in mentions[lo:hi] if m.type in _TYPES.get(typ, (typ,)) and m.source not in ("alias", "coref")]
        if cands:
            keys = {m.key or m.text for m in cands}
            if len(keys) != 1:
                return None
            if typ == PERSON and not _clause_initial(analysis.doc.text, s.start, cands[0].start, lead=_SUBJECT_LEAD):
                # …获得了某某奖。他在 IBM…: a person named only as an object, where the article is about another
                main = _main_person(mentions, starts, a)
                if main is not None and (main.key or main.text) not in keys:
                    return main, main_sentence_start(analysis, main)
            return cands[0], max(s.start, window)
    if typ == PERSON:  # nobody named nearby: the person the article is about, if it is plainly about one
        main = _main_person(mentions, starts, a)
        if main is not None:
            return main, main_sentence_start(analysis, main)
    return None


# what may precede a subject at the start of its clause (a time phrase, a title): 2020 年，CEO 张三 …
_SUBJECT_LEAD = re.compile(r"[^，,。；;！？!?了的获给向对与和被把将]{0,12}$")

MAIN_PERSON_MIN = 3  # mentions before the pronoun, and at least twice as many as anyone else's


def _main_person(mentions: list[Mention], starts: list[int], a: int) -> Mention | None:
    """The person named most often before ``a``, where named at least :data:`MAIN_PERSON_MIN` times and twice as
    often as anyone else (a profile of 维格森: 他在 IBM 担任访问科学家, paragraphs after his name); their last
    mention before ``a``."""
    counts: dict[str, int] = {}
    last: dict[str, Mention] = {}
    for m in mentions[:bisect.bisect_left(starts, a)]:
        if m.type == PERSON and m.source not in ("coref",):
            k = m.key or "=" + m.text
            counts[k] = counts.get(k, 0) + 1
            last[k] = m
    if not counts:
        return None
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    return last[top] if n >= MAIN_PERSON_MIN and n >= 2 * second else None


def main_sentence_start(analysis: Analysis, m: Mention) -> int:
    """The start of the sentence that holds ``m``."""
    sents = analysis.sentences
    k = bisect.bisect_right([x.start for x in sents], m.start) - 1
    return sents[max(k, 0)].start


def _window_start(text: str, a: int) -> int:
    """The start of the pronoun's paragraph, or of the paragraph before it where that one is short."""
    para = text.rfind("\n", 0, a) + 1
    prev_end = para - 1
    while prev_end > 0 and text[prev_end - 1] == "\n":
        prev_end -= 1  # blank lines between paragraphs
    if prev_end <= 0:
        return para
    prev = text.rfind("\n", 0, prev_end) + 1
    return prev if prev_end - prev <= SHORT_PARAGRAPH else para


def with_antecedent_evidence(rels: list[RelationMention], corefs: dict[tuple[int, int], tuple[Mention, int]],
                             text: str) -> list[RelationMention]:
    """A relation one of whose ends is a pronoun: its evidence starts at the antecedent's sentence, where that is
    at most ``EVIDENCE_REACH`` characters before the relation's own (a page of text is no evidence a reader can use)."""
    out = []
    for r in rels:
        starts = [corefs[(m.start, m.end)][1] for m in (r.head, r.tail) if m.source == "coref" and (m.start, m.end) in corefs]
        if starts and r.evidence.start - EVIDENCE_REACH <= min(starts) < r.evidence.start:
            s = min(starts)
            r = replace(r, evidence=replace(r.evidence, start=s, sentence=text[s:r.evidence.end]))
        out.append(r)
    return out


# a sentence that starts, after a time phrase, with what a person does, and names no one: 王建华毕业于清华大学。
# 2015 年加入腾讯，担任研究员。 — its subject is the person of the sentence before
_OMITTED = re.compile(r"(?:(?:(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?(?:\s*\d{1,2}\s*日)?(?:初|底|中|末)?|此前|之后|随后|后来|"
                      r"毕业后|当时|同年|次年|此后)\s*[，,]?\s*)?(?:又|还|也|曾|曾经|先后|随即|便|就|则|已|已经|于)?\s*"
                      r"(?=(?:(?:本科|硕士|博士|研究生)(?:[和、及与]|以及)?)*(?:均|都)?(?:毕业于|就读于|求学于)|加入|加盟|入职|离开|离职|辞职|创立|创办|联合创立|联合创办|共同创立|"
                      r"担任|出任|曾任|历任|现任|兼任|任职于|就职于|在\S{2,24}?(?:担任|任|工作|任职)|从\S{2,24}?(?:离职|加入|跳槽))")


_DOER_AFTER = re.compile(r"[^，,。；;！？!?]{1,30}?的\s*(?:前|原|现任)?\s*")  # (创立 X 的 | Y)


def _subjectless(analysis: Analysis, starts: list[int], opening: re.Pattern):
    """``(sentence index, position, index of the sentence's first mention)`` for each sentence after the first that
    opens (after spaces) with ``opening`` outside quotes and names no one before where the match ends."""
    text = analysis.doc.text
    for si, sent in enumerate(analysis.sentences):
        if si == 0:
            continue
        lead = sent.start
        while lead < sent.end and text[lead] in " \u3000\n":
            lead += 1
        m = opening.match(text, lead, sent.end)
        if m is None or _quoted(text, lead):
            continue
        k = bisect.bisect_left(starts, sent.start)
        if k < len(starts) and starts[k] < m.end():
            continue  # someone is named before the verb
        yield si, m.end(), k


def omitted_subjects(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (subject mention, start of the antecedent's sentence)}``: for each sentence that starts with a
    person's verb and no subject, a zero-width mention of the one person of the nearest sentence before it (in the
    paragraph, or a short paragraph before: see :func:`_antecedent`), placed where the verb starts."""
    text = analysis.doc.text
    starts = [m.start for m in mentions]
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    for si, pos, k in _subjectless(analysis, starts, _OMITTED):
        sent = analysis.sentences[si]
        rel_clause = _DOER_AFTER.match(text, pos, sent.end)
        if rel_clause and any(x.start == rel_clause.end() and x.type == PERSON for x in mentions[k:k + 6]):
            continue  # 创立 X 的 Alexis Conneau …: a relative clause on the person after 的, who is the subject
        found = _antecedent(analysis, mentions, starts, si - 1, analysis.sentences[si - 1].end, PERSON)
        if found is None:
            continue
        ante, ante_start = found
        out[(pos, pos)] = (_person_at(ante, pos), ante_start)
    return out


_MAKER = "MAKER"  # a company or an organisation: who releases a model
_TYPES = {_MAKER: (COMPANY, ORG)}
# a sentence that starts, after a time word, with a release and names no one: 青禾科技也出手了——⏎最新发布开源模型 X
_OMITTED_MAKER = re.compile(r"(?:(?:刚刚|近日|日前|最近|今天|今日|昨天|昨日|本周|随后|同时|此外|(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月"
                            r"(?:\s*\d{1,2}\s*日)?)\s*[，,]?\s*)?(?:又|还|也|则|已|已经|正式|首次|再次|重磅|最新|全新|再度)*\s*"
                            r"(?=(?:发布|推出|开源|上线)(?:了)?)")


def omitted_makers(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (maker mention, start of the antecedent's sentence)}``: a sentence that starts with a release
    (发布, 推出, 开源) and names no one before it takes as subject the one company or organisation of the nearest
    sentence before (in the paragraph, or a short paragraph before: see :func:`_antecedent`)."""
    starts = [m.start for m in mentions]
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    for si, pos, _ in _subjectless(analysis, starts, _OMITTED_MAKER):
        found = _antecedent(analysis, mentions, starts, si - 1, analysis.sentences[si - 1].end, _MAKER)
        if found is None:
            continue
        ante, ante_start = found
        out[(pos, pos)] = (Mention("", ante.type, pos, pos, "coref", ante.key or "=" + ante.text,
                                   round(ante.confidence * 0.75, 2)), ante_start)
    return out


# --- a section about one organisation ----------------------------------------------------------------------------
SECTION_HEADING = 20  # characters: a heading line this short at most
SECTION_PARAGRAPHS = 12  # paragraphs a heading's section runs at most


def section_posts(analysis: Analysis, mentions: list[Mention]) -> list[tuple[Mention, Mention, str, int]]:
    """``(organisation, person, title, heading start)``: under a short heading that names one organisation
    (谁是Ideogram？), a paragraph that opens with a bare title and a person (CEO 王强，…; 联合创始人 林远，…) holds that
    post at the heading's organisation."""
    from ._base import _title_regex

    text = analysis.doc.text
    out = []
    section: tuple[Mention, int] | None = None
    left = 0
    starts = [m.start for m in mentions]
    for lead, end, body, named in _named_lines(text, mentions):
        orgs = [m for m in named if m.type in (ORG, COMPANY)]
        if len(body) <= SECTION_HEADING and not re.search(r"[。，,；;]", body):
            section = (orgs[0], lead) if len({m.key or m.text for m in orgs}) == 1 else None
            left = SECTION_PARAGRAPHS
            continue
        left -= 1
        if section is None or left < 0:
            section = None
            continue
        if orgs and _clause_initial(text, lead, orgs[0].start, lead=_SUBJECT_OPENING):
            section = (orgs[0], section[1])  # (…背后团队来自 MIT CSAIL ⏎ Liquid AI 是一家…的公司: the subject since)
            continue
        t = _title_regex().match(text, lead)
        k = bisect.bisect_left(starts, lead)
        first = mentions[k] if k < len(mentions) else None
        bare = _TITLE_LEAD.sub("", t.group(0).strip()) if t is not None else ""
        if t is None or first is None or first.type != PERSON or not 0 <= first.start - t.end() <= 1 \
                or bare not in titles() and bare.upper() not in titles() \
                or any(m.type in (ORG, COMPANY) and m.start < first.start for m in named):
            continue
        out.append((section[0], first, t.group(0).strip(), section[1]))
    return out


_TITLE_LEAD = re.compile(r"^(?:首任|前任|现任|新任|临时|代理|第[一二三四五六七八九十\d]+任)")  # (首任校长由 X 担任)
_SUBJECT_OPENING = re.compile(r"(?:事实上|此外|其中|目前|如今|(?:19|20)\d{2}\s*年(?:\s*\d{1,2}\s*月)?)?\s*[，,]?\s*")


# an interview's speaker label at the start of a paragraph: 阿莫迪：…, 林乔 ：…
_SPEAKER = re.compile(r"[ \t\u3000]*([^\n：:]{1,20}?)\s*+[：:]")
_FIRST_PERSON = re.compile(r"(?<![自本])我(?![们的国司方])(?!\s*(?:个人)?(?:认为|觉得|相信|想|希望|知道|记得|猜|看来|同意|说|表示|理解|发现|注意到|听说|预计|估计|担心|期待|喜欢|看到))")
_ROLE_LABEL = re.compile(r"\s*(?:嘉宾|记者|主持人|受访者|采访者|提问者|Q|A)(?![A-Za-z])")  # a label however long
SPEAKER_PARAGRAPHS = 4  # an answer runs on over a few paragraphs without its label
MAX_EVIDENCE_REACH = 400  # characters: further back, the evidence starts at 我's own paragraph


def _person_at(person: Mention, at: int, share: float = 0.75) -> Mention:
    """A zero-width mention at ``at`` that stands for ``person`` (a clause whose subject the text leaves out), at a
    share of the person's own confidence."""
    return Mention("", PERSON, at, at, "coref", person.key or "=" + person.text, round(person.confidence * share, 2))


def _lines(text: str):
    """``(start, line)`` for each line of ``text`` that holds more than spaces."""
    pos = 0
    for line in text.split("\n"):
        a0, pos = pos, pos + len(line) + 1
        if line.strip():
            yield a0, line


def _named_lines(text: str, mentions: list[Mention]):
    """``(start, end, stripped line, its own mentions)`` for each line that holds more than spaces: the mentions
    the text names there (no pronoun resolved, no alias), in order."""
    starts = [m.start for m in mentions]
    for a0, para in _lines(text):
        body = para.strip()
        lead = a0 + len(para) - len(para.lstrip())
        end = lead + len(body)
        lo, hi = bisect.bisect_left(starts, lead), bisect.bisect_left(starts, end)
        yield lead, end, body, [m for m in mentions[lo:hi] if m.source not in ("coref", "alias")]


# a title that announces one person's speech: 微软 CEO 纳德拉演讲：…, 黄仁勋：我们不想当…, 奥特曼最新发言
_SPEECH_AFTER = re.compile(r"\s*(?:在[^，,。：:\n]{1,20}?)?(?:的)?\s*(?:最新|首次|公开|主旨|主题|年度|重磅)?\s*(?:演讲|讲话|发言|开讲|致辞|讲座|分享)")
_QUOTE_TITLE = re.compile(r"\s*[：:]")


def _speech_speaker(analysis: Analysis, mentions: list[Mention]) -> tuple[Mention, int] | None:
    """The person a speech transcript is by, and where the speech starts: where the title names one person and
    announces the speech (or opens with the person and a colon), the body after the title; where an opening paragraph
    announces one person's speech (X 在 Y 上的演讲), the body from the first greeting after it (大家好，…). The body
    carries no speaker labels: its 我 and 我们 are that person's."""
    text = analysis.doc.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    people = [m for m in mentions if m.type == PERSON and m.end <= end and m.source not in ("alias", "coref")]
    p, start = None, end
    if len({m.key or m.text for m in people}) == 1:
        p = people[-1]
        if not (_SPEECH_AFTER.match(text, p.end, end) or p.start <= 2 and _QUOTE_TITLE.match(text, p.end, end)) \
                or _ROLE_LABEL.match(text, 0, p.start) or text[:end].rstrip().endswith(("？", "?")):
            p = None  # (记者X：你之前做什么？ opens an interview, not a speech)
    if p is None:
        found = _announced_speech(text, mentions, end)
        if found is None:
            return None
        p, start = found
    others = {m.start: m for m in mentions if m.type == PERSON and m.start > end and (m.key or m.text) != (p.key or p.text)}
    for a0, para in _lines(text[end:]):
        label = _SPEAKER.match(para)
        if label and (_ROLE_LABEL.match(label.group(1)) or len(label.group(1)) <= 12 and any(
                end + a0 + label.start(1) <= k < end + a0 + label.end(1) for k in others)):
            return None  # an interview with labels (主持人：, another person's name): :func:`_answers` reads those
    return p, start


_GREETING = re.compile(r"\s*(?:大家好|各位(?:好|朋友|来宾|同学)|谢谢|感谢|非常感谢|很高兴|早上好|下午好|晚上好)")
SPEECH_INTRO_LINES = 4  # the opening paragraphs that may announce the speech


def _announced_speech(text: str, mentions: list[Mention], title_end: int) -> tuple[Mention, int] | None:
    """(speaker, start of the speech) where one of the first paragraphs after the title announces one person's
    speech (X 在伯克利黑客马拉松上的演讲) and a paragraph after it opens with a greeting (大家好，感谢邀请我来)."""
    lines = [(a0, para) for a0, para in _lines(text) if a0 > title_end]
    for k, (a0, para) in enumerate(lines[:SPEECH_INTRO_LINES]):
        people = [m for m in mentions if m.type == PERSON and a0 <= m.start and m.end <= a0 + len(para)
                  and m.source not in ("coref",)]
        if len({m.key or m.text for m in people}) != 1 or not _SPEECH_AFTER.match(text, people[-1].end, a0 + len(para)):
            continue
        greeting = next((b0 for b0, line in lines[k + 1:] if _GREETING.match(line)), None)
        return (people[-1], greeting - 1) if greeting is not None else None
    return None


def _labelled_lines(text: str, mentions: list[Mention], *, aliases: bool = True):
    """``(start, line, speaker label match or None, the person it names or None)`` for each line: the person is the
    mention the label holds (阿莫迪：…; an alias there only with ``aliases``), or where the label is no mention of its
    own, the person named so elsewhere (Jerry：, an alias of 林远)."""
    starts = [m.start for m in mentions]
    people = {m.start: m for m in mentions if m.type == PERSON and m.source != "coref" and (aliases or m.source != "alias")}
    by_name: dict[str, Mention] = {}
    for m in mentions:
        if m.type == PERSON and m.source != "coref":
            by_name.setdefault(m.text, m)
    for a0, para in _lines(text):
        label = _SPEAKER.match(para)
        who = None
        if label:
            k = bisect.bisect_left(starts, a0 + label.start(1))
            cand = people.get(starts[k]) if k < len(starts) else None
            if cand is not None and cand.start >= a0 and cand.end <= a0 + label.end(1) + 1:
                who = cand
            else:
                who = by_name.get(label.group(1).strip())
        yield a0, para, label, who


def _answers(analysis: Analysis, mentions: list[Mention]):
    """``(paragraph start, paragraph, speaker)`` for each paragraph of an interview answer: the person whose speaker
    label (阿莫迪：…) opens it, or one of the few paragraphs before it with no other label between; in a speech
    transcript (see :func:`_speech_speaker`), every paragraph after the title."""
    text = analysis.doc.text
    speech = _speech_speaker(analysis, mentions)
    if speech is not None:
        orator, since = speech
        for a0, para in _lines(text):
            if a0 > since:
                yield a0, para, orator
        return
    speaker, seen = None, 0  # the current answer's speaker, and the paragraphs since its label
    for a0, para, label, who in _labelled_lines(text, mentions, aliases=False):
        if label:
            short = len(label.group(1)) <= 12 or _ROLE_LABEL.match(label.group(1))  # (嘉宾Karanveer Anand：)
            speaker, seen = (who, 0) if who is not None or short else (speaker, seen + 1)
        else:
            seen += 1
        if speaker is not None and seen <= SPEAKER_PARAGRAPHS:
            yield a0, para, speaker


def speaker_mentions(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(start, end): (mention, evidence start)}`` for 我 at the start of a clause in an interview answer (see
    :func:`_answers`). 我在 OpenAI 工作过五年 then gives 阿莫迪 works_for OpenAI, with the label's line as evidence."""
    text = analysis.doc.text
    if "我" not in text:
        return {}
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    for a0, para, speaker in _answers(analysis, mentions):
        # 我在 OpenAI 工作过: the speaker; 我们一起创办了 X: the speaker is a founder
        for rx, share in ((_FIRST_PERSON, 0.8), (_WE_FOUNDED, 0.7)):
            for hit in rx.finditer(text, a0, a0 + len(para)):
                a, b = hit.start(), hit.start() + (1 if rx is _FIRST_PERSON else 2)
                if _quoted(text, a) or not _clause_initial(text, a0, a, lead=_SPEAKER_LEAD):
                    continue
                out[(a, b)] = (Mention(text[a:b], PERSON, a, b, "coref", speaker.key or "=" + speaker.text,
                                       round(speaker.confidence * share, 2)),
                               speaker.start if a - speaker.start <= MAX_EVIDENCE_REACH else a0)
    return out


# 你 as the subject of a past post or step (你曾在…, 你之前是…, 你毕业于…), not of an opinion (你怎么看——X 员工离职)
_YOU = re.compile(r"(?<![迷])你(?=\s*(?:曾经?|之前|此前|以前|早年|当年|当时|最早|最初|也曾|还曾|都曾|在|和|与|跟|毕业|加入|"
                  r"创办|创立|联合创办|共同创办|离开|是|作为|担任|出任|从))")


def addressee_mentions(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(start, end): (mention, evidence start)}`` for 你 at the start of a clause in an interview question (a
    labelled paragraph that ends with a question mark): the person who speaks the next labelled paragraph.
    Gang：你曾经在 Meta 多年，…？ ⏎ Jerry：… then gives Jerry works_for Meta."""
    text = analysis.doc.text
    if "你" not in text:
        return {}
    turns = []  # (paragraph start, paragraph, its speaker or None for a role label)
    for a0, para, label, who in _labelled_lines(text, mentions):
        if not label:
            continue
        if who is None and not (_ROLE_LABEL.match(label.group(1)) or len(label.group(1)) <= 12):
            continue
        turns.append((a0, para, who))
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    for (a0, para, who), (_, _, guest) in zip(turns, turns[1:]):
        if guest is None or "你" not in para or not re.search(r"[？?]\s*$", para.rstrip()) \
                or who is not None and (who.key or who.text) == (guest.key or guest.text):
            continue
        for hit in _YOU.finditer(text, a0, a0 + len(para)):
            a = hit.start()
            if _quoted(text, a) or not _clause_initial(text, a0, a, lead=_SPEAKER_LEAD):
                continue
            out[(a, a + 1)] = (Mention("你", PERSON, a, a + 1, "coref", guest.key or "=" + guest.text,
                                       round(guest.confidence * 0.7, 2)), a0)
    return out


_WE_FOUNDED = re.compile(r"我们(?=\s*(?:(?:在\s*)?(?:19|20)\d{2}\s*年|当时|当年|最初|最早)?\s*[，,]?\s*(?:几个人?|两个人?|三个人?)?\s*"
                         r"(?:一起|共同|联合)?\s*(?:创办|创立)(?:了)?)")


_SPEAKER_LEAD = re.compile(_CLAUSE_LEAD.pattern.replace(r"[，,]?\s*$", r"[，,]?\s*+(?:当|在)?\s*+$"))


# --- unnamed bios ------------------------------------------------------------------------------------------------
# 青禾电子创始人 & CEO，南京大学物理学博士，前华为工程师。 — an interview's guest card that gives the organisation and
# title but not the name, after the text named the guest with them (青禾电子创始人 & CEO 顾承远)
_BIO_TITLE_GAP = 24  # characters between the organisation and the person where the text named them together


def unnamed_bios(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (person mention, start of the line)}``: a zero-width mention of the person at the start of each
    clause after the first of a line that opens with an organisation and a title and names no one, where the text
    named exactly one person with that organisation and a title before the name."""
    from ._base import _title_regex

    text = analysis.doc.text
    rx = _title_regex()
    core = [m for m in mentions if m.source not in ("coref", "alias")]
    by_org: dict[str, set] = {}
    people: dict[str, Mention] = {}
    for q, p in zip(core, core[1:]):
        if q.type in (ORG, COMPANY) and p.type == PERSON and 0 <= p.start - q.end <= _BIO_TITLE_GAP:
            gap = text[q.end:p.start]
            if "\n" not in gap and not re.search(r"[。！？；]", gap) and rx.search(gap):
                k = p.key or "=" + p.text
                by_org.setdefault(q.key or q.text, set()).add(k)
                people.setdefault(k, p)
    if not by_org:
        return {}
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    starts = [m.start for m in mentions]
    for a0, para in _lines(text):
        lead = a0 + len(para) - len(para.lstrip())
        k = bisect.bisect_left(starts, lead)
        if k >= len(mentions) or mentions[k].start != lead or mentions[k].type not in (ORG, COMPANY):
            continue
        org = mentions[k]
        inside = [m for m in mentions[k:] if m.start < a0 + len(para)]
        if any(m.type == PERSON for m in inside):
            continue
        who = by_org.get(org.key or org.text, set())
        title = re.match(r"\s*[，,]?\s*", text[org.end:a0 + len(para)])
        t = rx.match(text, org.end + title.end(), a0 + len(para))
        if len(who) != 1 or t is None:
            continue
        person = people[next(iter(who))]
        for c in re.finditer(r"[，,；;]\s*", text[t.end():a0 + len(para)]):
            at = t.end() + c.end()
            if at < a0 + len(para):
                out[(at, at)] = (_person_at(person, at), lead)
    return out


# --- a single guest's bio -----------------------------------------------------------------------------------------
# an interview with one guest ends with the guest's card without the name (the photo caption had it):
#   顾承远：我们做的是图数据库。… *以上嘉宾观点不代表本刊立场。⏎ 加拿大青禾大学计算机博士、前远山科技研究员、曾创办 X。
_BIO_SEP = re.compile(r"[，,；;、]\s*")
# a clause of a bio that goes on with the guest's positions (not 并促进腾讯加入 X: a clause about someone else)
_BIO_CLAUSE = re.compile(r"前|曾|原|现任|现为|历任|兼任|担任|毕业于|本科|硕士|博士|创办|创立|联合创始人|创始人")
_LEGAL_TAIL = re.compile(r"(?:(?:科技|技术|智能|网络|信息)(?=（|有限|股份))?(?:（[^）\n]{1,6}）)?(?:股份有限公司|有限责任公司|有限公司)?")


def guest_bios(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (guest mention, start of the guest's first answer)}``: zero-width mentions of an interview's one
    guest (the only person whose speaker label opens answers) at the start of each clause of a line after the first
    answer that names no one and opens with an organisation (a place before it allowed) and a title or a degree (a
    comma between them allowed: 远山科技，创始人、CEO，…)."""
    from ._base import _title_regex

    text = analysis.doc.text
    if "\n" not in text or "：" not in text and ":" not in text:
        return {}
    answers = list(_answers(analysis, mentions))
    if not answers:
        return {}
    first = answers[0][0]
    rx = _title_regex()
    starts = [m.start for m in mentions]
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    guests: dict[str, Mention] = {}  # the speakers of the answers before the line (a later section's are not)
    seen = 0
    for a0, para in _lines(text):
        while seen < len(answers) and answers[seen][0] < a0:
            sp = answers[seen][2]
            guests.setdefault(sp.key or "=" + sp.text, sp)
            seen += 1
        body = para.strip()
        if a0 <= first or _SPEAKER.match(para) and len(_SPEAKER.match(para).group(1)) <= 12 or len(guests) != 1:
            continue
        guest = next(iter(guests.values()))
        lead = a0 + len(para) - len(para.lstrip())
        end = lead + len(body)
        lo, hi = bisect.bisect_left(starts, lead), bisect.bisect_left(starts, end)
        inside = [m for m in mentions[lo:hi] if m.source not in ("coref", "alias")]
        if not inside or any(m.type == PERSON for m in inside) or _quoted(text, lead):
            continue
        org = inside[0]  # (a country before it: 加拿大滑铁卢大学 — the relation rules' mentions hold no places)
        if org.type not in (ORG, COMPANY) or not re.fullmatch(r"[\u4e00-\u9fff]{0,4}", text[lead:org.start]):
            continue
        after = org.end + len(_LEGAL_TAIL.match(text, org.end).group(0))  # 远山科技（杭州）有限公司，创始人
        clause_end = re.search(r"[，,；;。、]", text[after:end])
        clause = text[after:after + clause_end.start() if clause_end else end]
        titled = rx.match(clause) or (clause == "" and clause_end is not None and clause_end.group(0) in "，,"
                                      and rx.match(text, after + 1, end))
        if not (titled or _DEGREE_END.search(clause[:24] + ("，" if clause_end else ""))):
            continue
        ev = guest.start
        out[(org.start, org.start)] = (_person_at(guest, org.start, 0.7), ev)
        for c in _BIO_SEP.finditer(text, org.end, end):
            at = c.end()
            j = bisect.bisect_left(starts, at)
            if at < end and (_BIO_CLAUSE.match(text, at) or j < len(mentions) and mentions[j].start == at
                             and mentions[j].type in (ORG, COMPANY)):
                out[(at, at)] = (_person_at(guest, at, 0.7), ev)
    return out


# --- roster entries -----------------------------------------------------------------------------------------------
# a roster names each person as a label and gives the positions after it, without 我 (not an interview answer):
#   2.李娜 ：Member of Technical Staff，2023 年加入，之前在百度和英伟达工作，本科中科大。
#   本科在北辰大学读物理，后来在青禾大学读博。   (one line more that names no one)
_ROSTER_LABEL = re.compile(r"[ \t\u3000]*(\d{1,2}\s*[.、．)）]\s*)?([^\n：:]{1,24}?)\s*[：:]\s*")
_ROSTER_BIO = re.compile(r"(?:在\S{1,24}?(?:是|任|担任)|目前|现任|现为|曾任|曾在|之前在|此前在|前\S{1,12}?(?:研究员|科学家|工程师|"
                         r"员工|总监|负责人)|本科|硕士|博士|毕业于|[A-Z][A-Za-z]+(?:\s+[A-Za-z]+){0,4}\s*[，,])")
_ROSTER_MORE = re.compile(r"(?:本科|硕士|博士|毕业于|之前|此前|曾)")


def roster_lines(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (person mention, start of the entry)}``: zero-width mentions of a roster entry's person at the
    start of each clause after its label (2.李娜 ：…), where the entry is numbered or opens with a position, a degree
    or a Latin title, and holds no 我; and in the one line after it that names no one and opens with a degree or
    an earlier post (本科在…, 之前在…)."""
    text = analysis.doc.text
    if "：" not in text and ":" not in text:
        return {}
    people = {m.start: m for m in mentions if m.type == PERSON and m.source not in ("alias", "coref")}
    starts = [m.start for m in mentions]
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    entry: tuple[Mention, int] | None = None  # the entry of the line before, for one line more
    for a0, para in _lines(text):
        body = para.strip()
        label = _ROSTER_LABEL.match(para)
        person, at = None, None
        if label:
            cand = people.get(a0 + label.start(2))
            rest = text[a0 + label.end():a0 + len(para)]
            if cand is not None and cand.end == a0 + label.end(2) and "我" not in rest \
                    and (label.group(1) or _ROSTER_BIO.match(rest)):
                person, at = cand, a0 + label.end()
        elif entry is not None:
            lead = a0 + len(para) - len(para.lstrip())
            lo, hi = bisect.bisect_left(starts, lead), bisect.bisect_left(starts, lead + len(body))
            if _ROSTER_MORE.match(text, lead) and "我" not in body and \
                    not any(m.type == PERSON for m in mentions[lo:hi]) and not _SPEAKER.match(para):
                person, at = entry[0], lead
        if person is None:
            entry = None
            continue
        ev = person.start if label else entry[1]
        # (not right after the label: the name itself stands there, two characters before)
        marks = ([] if label else [at]) + [at + c.end() for c in re.finditer(r"[，,；;。]\s*", text[at:a0 + len(para)])]
        for p in marks:
            if p < a0 + len(para):
                out[(p, p)] = (_person_at(person, p), ev)
        entry = (person, ev) if label else None
    return out


# --- 我们 in an interview answer ---------------------------------------------------------------------------------
_WE_RELEASED = re.compile(r"(?<![你他她它])我们\s*(?:在\S{0,6}?)?(?:(?:19|20)\d{2}\s*年)?\s*(?:也|还|又|就|曾|已经|刚刚|最近|正式)?\s*"
                          r"(?:推出|发布|开源|训练|开发|研发|打造|上线)了?\s*")


_WE_PARTNERED = re.compile(r"(?<![你他她它])我们\s*(?:在\S{0,6}?)?(?:(?:19|20)\d{2}\s*年\S{0,4}?)?\s*(?:也|还|又|就|曾|已经|一直|正在)?\s*(?:对|通过)?\s*(?:和|与|跟|同)\s*")
_WE_ACQUIRED = re.compile(r"(?<![你他她它])我们\s*(?:在\S{0,6}?)?(?:(?:19|20)\d{2}\s*年)?\s*(?:也|还|又|就|曾|已经|之前|此前)?\s*(?:斥巨资|花重金|高价|以[^，,。]{1,12}?)?\s*(?:收购|并购|买下)了?\s*")
# 我们的 AlphaFold 程序, 我们的系统“Gemini”: the speaker's organisation's own model
_WE_OWN = re.compile(r"(?<![你他她它])我们(?:自己)?的\s*(?:(?:新|最新|第一个|首个|旗舰)?\s*(?:系统|模型|大模型|程序|产品|聊天机器人)\s*)?[“\"「『]?\s*")
# 我们最大的竞争对手是 X; 我们也拿到了 X 的投资 (X invests in the speaker's organisation: relation "invests_in<")
_WE_RIVAL = re.compile(r"(?<![你他她它])我们(?:目前|现在)?\s*(?:最大|主要|唯一|真正|最直接)?的?\s*(?:竞争对手|对手|竞品)\s*"
                       r"(?:其实|实际上|主要|可能|应该|目前|一直)?\s*(?:是|就是|包括|有)\s*")
# 我们发布了 X，也和 Y 达成了合作: a later clause of the sentence that carries 我们 on
_WE_ALSO_PARTNERED = re.compile(r"(?<![你他她它])我们[^。！？!?\n“”\"]{0,40}?[，,]\s*(?:我们)?\s*(?:也|还|并|同时|并且)\s*(?:和|与|跟|同)\s*")
_WE_FUNDED = re.compile(r"(?<![你他她它])我们\s*(?:在\S{0,6}?)?(?:(?:19|20)\d{2}\s*年)?\s*(?:也|还|又|就|曾|已经|刚刚|最近|先后)?\s*"
                        r"(?:拿到|获得|得到|收到)了?\s*(?:来自)?\s*")
_WE_CUSTOMERS = re.compile(r"(?<![你他她它])我们(?:的|最大的|主要的|现在的)\s*(?:主要|核心|重要|大|头部|标杆)?\s*(?:客户|合作伙伴|伙伴)"
                           r"(?:们)?\s*(?:包括|有|是|就是|里有)了?\s*[：:]?\s*")
# A 和 B 都投资了我们: the names before the verb invested in the speaker's organisation
_INVESTED_US = re.compile(r"\s*(?:等(?:机构|基金)?)?\s*(?:都|也|还|先后|一起|共同|早期)?\s*(?:投资|领投|跟投|投)了?\s*我们")
_FUNDS_AFTER = re.compile(r"\s*(?:等)?\s*(?:的|领投的)?\s*[^，,。；;！？!?]{0,12}?(?:投资|融资|注资)")
_WE_DID = ((_WE_RELEASED, "develops", (MODEL,)), (_WE_OWN, "develops", (MODEL,)), (_WE_PARTNERED, "partners_with", (ORG, COMPANY)),
           (_WE_ACQUIRED, "acquires", (ORG, COMPANY)), (_WE_RIVAL, "competes_with", (ORG, COMPANY)),
           (_WE_ALSO_PARTNERED, "partners_with", (ORG, COMPANY)), (_WE_CUSTOMERS, "customers", (ORG, COMPANY)),
           (_WE_FUNDED, "invests_in<", (COMPANY,)))


def we_released(analysis: Analysis, mentions: list[Mention], rels: list[RelationMention]) -> list[tuple[Mention, Mention, int, str]]:
    """``(organisation, other, evidence start, relation)`` for 我们推出了 X (develops), 我们和 X 合作 (partners_with),
    我们收购了 X (acquires), 我们的竞争对手是 X (competes_with), 我们的客户包括 X (partners_with) and 我们拿到了 X 的
    投资 or X 投资了我们 (``invests_in<``: X invests in the organisation) in an interview answer whose speaker holds a
    position at exactly one organisation by the relations found, not counting those the speaker left (or, holding
    several, heads or founded exactly one; or, holding none, the one the table of known roles gives where the text
    names it): Altman：…当我们推出 GPT-3.5 时 → OpenAI develops GPT-3.5."""
    text = analysis.doc.text
    if "我们" not in text:
        return []
    orgs: dict[str, dict[str, Mention]] = {}
    heads: dict[str, dict[str, Mention]] = {}  # those the speaker leads or founded: 我们 where other posts are past ones
    left = {(r.head.key or "=" + r.head.text, r.tail.key or r.tail.text) for r in rels if r.relation == "departed_from"}
    for r in rels:
        if r.relation in ("works_for", "leads", "founded") and r.head.type == PERSON and r.tail.type in (ORG, COMPANY) \
                and (r.head.key or "=" + r.head.text, r.tail.key or r.tail.text) not in left:  # (a post left is not 我们)
            orgs.setdefault(r.head.key or "=" + r.head.text, {})[r.tail.key or r.tail.text] = r.tail
            if r.relation != "works_for":
                heads.setdefault(r.head.key or "=" + r.head.text, {})[r.tail.key or r.tail.text] = r.tail
    starts = [m.start for m in mentions]
    out = []
    for a0, para, speaker in _answers(analysis, mentions):
        held = orgs.get(speaker.key or "=" + speaker.text, {}) or _known_held(speaker, mentions)
        if len(held) > 1:  # 之前在谷歌工作了十年…现在是远山科技的 CEO: the one organisation the speaker heads
            held = heads.get(speaker.key or "=" + speaker.text, {})
        if len(held) != 1:
            continue
        org = next(iter(held.values()))
        for rx, relation, kinds in _WE_DID:
            for hit in rx.finditer(text, a0, a0 + len(para)):
                if _quoted(text, hit.start()):
                    continue
                k = bisect.bisect_left(starts, hit.end())
                first = mentions[k] if k < len(mentions) else None
                if first is None or first.type not in kinds or first.start - hit.end() > 2:
                    continue
                if relation in ("partners_with", "competes_with", "invests_in<", "customers"):
                    # 我们和 A、B 合作, 我们的对手是 A 和 B, 我们拿到了 A 和 B 的投资: each of the list
                    group = [first]
                    while k + len(group) < len(mentions) and mentions[k + len(group)].type in kinds and \
                            _LIST_GAP.fullmatch(text, group[-1].end, mentions[k + len(group)].start):
                        group.append(mentions[k + len(group)])
                    if relation == "partners_with" and not _WITH_WORKED.match(text, group[-1].end) or \
                            relation == "invests_in<" and not _FUNDS_AFTER.match(text, group[-1].end):
                        continue
                else:
                    group = [first]
                ev = speaker.start if hit.start() - speaker.start <= MAX_EVIDENCE_REACH else a0
                out += [(org, m, ev, "partners_with" if relation == "customers" else relation) for m in group]
        for hit in _INVESTED_US.finditer(text, a0, a0 + len(para)):
            k = bisect.bisect_left(starts, hit.start() + 1) - 1  # the last mention that starts before the verb
            while k >= 0 and mentions[k].end > hit.start():
                k -= 1
            if k < 0 or mentions[k].type not in (COMPANY, ORG, PERSON) or mentions[k].end != hit.start() or mentions[k].start < a0 \
                    or _quoted(text, hit.start()):
                continue
            group = [mentions[k]]
            while k - len(group) >= 0 and mentions[k - len(group)].type in (COMPANY, ORG, PERSON) and \
                    mentions[k - len(group)].start >= a0 and \
                    _LIST_GAP.fullmatch(text, mentions[k - len(group)].end, group[-1].start):
                group.append(mentions[k - len(group)])
            ev = speaker.start if hit.start() - speaker.start <= MAX_EVIDENCE_REACH else a0
            out += [(org, m, ev, "invests_in<") for m in group if m.key != speaker.key or m.text != speaker.text]
    return out


def _known_held(speaker: Mention, mentions: list[Mention]) -> dict[str, Mention]:
    """The organisations the table of known roles gives a speaker the text gives no post (Demis Hassabis → Google
    DeepMind), where the document names them: ``{key: first mention}``."""
    from ..gazetteer import load_gazetteer
    from .known import known_roles

    roles = known_roles(load_gazetteer()).get((speaker.key or "").lstrip("=") or speaker.text, ())
    wanted = {org for org, rels, _ in roles if "works_for" in rels or "leads" in rels}
    out: dict[str, Mention] = {}
    for m in mentions:
        name = (m.key or "").lstrip("=") or m.text
        if m.type in (ORG, COMPANY) and name in wanted and name not in out:
            out[name] = m
    return out


_LIST_GAP = re.compile(r"\s*(?:、|和|与|及|以及|，)\s*")
_WITH_WORKED = re.compile(r"\s*(?:在[^，。；;]{0,12}?)?(?:都|也|一直|已经|共同|深度|展开|开展|达成)?\s*(?:了)?\s*(?:的\s*(?:紧密|深度|长期)?\s*)?(?:战略)?合作")


# --- profile lines ------------------------------------------------------------------------------------------------
# a paper's or a start-up's people, one short paragraph each, the name first and the positions in the next line:
#   王晓明（Xiaoming Wang），论文通讯作者。
#   清华大学计算机系副教授，微软亚洲研究院访问学者。
# — the second line's positions are the person's of the line before
PROFILE_LINE = 120  # characters: the name line and the position line are both this short at most
_PROFILE_CLAUSE_END = re.compile(r"\s*(?:[，,；;。.]|$)")
_DEGREE_END = re.compile(r"(?:学士|硕士|博士)(?:\s*学位)?(?:\s*[，,；;。.]|\s*$)|(?:本科|博士后)\s*(?:[，,；;。.]|$)")


def profile_lines(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (person mention, start of the name line)}``: zero-width mentions of a person at the start of
    each clause of a short line that names no one and opens with an organisation and a title that ends its clause
    (清华大学计算机系副教授，…) or a degree (鹿鸣理工学院物理学的学士、硕士学位), where the short line before it
    names exactly one person, in its first clause (a line of positions carries the same person on to the next)."""
    from ._base import _title_regex

    text = analysis.doc.text
    if "\n" not in text:
        return {}
    rx = _title_regex()
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    person: Mention | None = None  # the person the line before is about, and where that line starts
    person_line = 0
    for lead, end, body, inside in _named_lines(text, mentions):
        people = {m.key or "=" + m.text for m in inside if m.type == PERSON}
        carried = None
        if person is not None and not people and len(body) <= PROFILE_LINE and inside \
                and inside[0].start == lead and inside[0].type in (ORG, COMPANY) and not _quoted(text, lead):
            org = inside[0]
            clause_end = re.search(r"[，,；;。]", text[org.end:end])
            clause = text[org.end:org.end + clause_end.start() if clause_end else end]
            titled = rx.match(clause)
            if (titled and _PROFILE_CLAUSE_END.match(clause, titled.end())) or _DEGREE_END.search(clause[:24]):
                carried = person
                out[(lead, lead)] = (_person_at(person, lead), person_line)
                for c in re.finditer(r"[，,；;]\s*", text[lead:end]):
                    at = lead + c.end()
                    if at < end:
                        out[(at, at)] = (_person_at(person, at), person_line)
        if carried is None:
            person = None
            if len(body) <= PROFILE_LINE and len(people) == 1:
                first = next(m for m in inside if m.type == PERSON)
                cut = re.search(r"[，,；;。：:]", text[lead:end])
                if first.start < (lead + cut.start() if cut else end) + 1 or text[lead:first.start].strip() == "":
                    person, person_line = first, lead
    return out


# --- a name alone on its line, then its bio -------------------------------------------------------------------
NAME_LINE_BIO_LINES = 3  # lines after a name line that read as that person's bio, at most
_NAME_LINE_TAIL = re.compile(r"\s*(?:[（(][^（()）\n]{1,30}[）)])?\s*")


def name_line_bios(analysis: Analysis, mentions: list[Mention]) -> dict[tuple[int, int], tuple[Mention, int]]:
    """``{(pos, pos): (person mention, start of the name line)}``: zero-width mentions of a person at the start of
    each clause of the few short lines after a line that holds the person's name and nothing else (an author list:
    国振 (Gavin Guo) ⏎ MIT博士在读 … ⏎ UC伯克利本科毕业，去年夏天加入…), up to the next line that names a person
    first, a heading (…：) or a line with 我; in a line that names someone else, only the clauses before that name."""
    text = analysis.doc.text
    if "\n" not in text:
        return {}
    out: dict[tuple[int, int], tuple[Mention, int]] = {}
    person: Mention | None = None
    name_line, left = 0, 0
    for lead, end, body, inside in _named_lines(text, mentions):
        first = inside[0] if inside else None
        if first is not None and first.type == PERSON and first.start == lead \
                and _NAME_LINE_TAIL.fullmatch(text, first.end, end):
            person, name_line, left = first, lead, NAME_LINE_BIO_LINES  # 国振 (Gavin Guo): a name line
            continue
        if person is None or left <= 0 or len(body) > PROFILE_LINE or "我" in body or re.search(r"[：:]\s*$", body):
            person = None
            continue
        others = [m for m in inside if m.type == PERSON]
        cut = re.search(r"[，,；;。]", text[lead:end])
        if others and others[0].start < (lead + cut.start() if cut else end):
            person = None  # the line is about someone it names first
            continue
        stop = others[0].start if others else end
        for at in [lead] + [lead + c.end() for c in re.finditer(r"[，,；;。]\s*", text[lead:stop])]:
            if at < stop:
                out[(at, at)] = (_person_at(person, at), name_line)
        left -= 1
    return out

