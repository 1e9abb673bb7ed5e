"""Relations between the mentions of one sentence: trigger words with direction rules, title patterns
(腾讯 AI Lab 副主任俞栋), possessives (腾讯的混元), names (腾讯 AI Lab → 腾讯), passives (被/由/获),
list coordination, and rivalry set out across a paragraph (除了腾讯，其他巨头… 例如 OpenAI…).

Nothing is inferred from co-occurrence alone: every rule needs a trigger, a title or a structure, with one kind of
knowledge besides: who makes well-known models (:mod:`.known`, ``model_makers.tsv``: 腾讯 and 混元 in one sentence
give 腾讯 develops 混元 where no rule read a verb between them). After the rules, a
learned pair model (:mod:`.learned`, ``kg/models/relations``) may add relations the rules did not give for a pair
in a sentence (``KG_RELATIONS=rules|model|both``, default ``both``)."""
from __future__ import annotations

import bisect
import re
from dataclasses import replace
from typing import Iterator

from ...errors import KgError
from ...schema import COMPANY, CORE_TYPES, MODEL, ORG, PERSON
from ...text import to_simplified
from ...types import Analysis, Evidence, Mention, RelationMention
from ..cards import card_relations, investor_items
from ..gazetteer import Gazetteer, load_gazetteer
from ._base import SYMMETRIC, _Ctx, _ok, _rel, _same, _title_kind, sentence_holding
from .discourse import (addressee_mentions, coref_mentions, guest_bios, name_line_bios, omitted_makers, omitted_subjects, profile_lines, roster_lines, section_posts, speaker_mentions, unnamed_bios, we_released,
                        with_antecedent_evidence)
from .known import known_makers, known_positions, named_makers
from .learned import MODES, load_relation_model, model_relations, relations_mode
from .titles import (_affiliations, _post_is, _clause_titles, _appointed, _org_people, _as_title, _post_of, _bare_titles, _degrees, _founder_lists, _group_named_next, _team_introductions, _entourage, _from_org, _join_details, _listed_titles, _model_is_by,
                     _serving_at, _title_facts, _title_relations, _its_titles, _left_post, _bio_entries, _paper_authors, _group_members, _speaking_titles)
from .triggers import _HEARSAY, _frame_relations, _trigger_relations
from .structure import (_clefts, _coordination_rivals, _family, _left_after_working, _model_comparisons, _parent_companies, _discourse_rivals, _joint_research, _made_together, _poached, _makers_behind, _maker_behind_is, _backed_by, _customer_of, _stakes, _funding_phrases, _investor_rolls, _portfolio_and_customers, _model_teams, _name_relations,
                        _possessive_relations, _produced_by, _suppliers, _funding_from)

__all__ = ["clauses_of", "extract_relations", "sentence_mentions"]


def extract_relations(analysis: Analysis, *, gazetteer: Gazetteer | None = None,
                      mode: str | None = None) -> list[RelationMention]:
    """All relations in ``analysis`` (its mentions must already be refined), deduplicated.

    ``mode``: ``rules``, ``model`` (the learned pair model alone) or ``both`` (the rules, and the model's relations
    that the rules did not give); default: ``KG_RELATIONS``, else ``both`` (see :mod:`.learned`).

    Traditional text is read through its simplified form (騰訊與阿里巴巴競爭 as 腾讯与阿里巴巴竞争), character for
    character, so every rule sees the words it knows; mentions and evidence keep the text as written."""
    gaz = gazetteer or load_gazetteer()
    mode = mode or relations_mode()
    if mode not in MODES:
        raise KgError(f"relation mode {mode!r}: use one of {', '.join(MODES)}")
    text = analysis.doc.text
    simp = to_simplified(text)
    if simp != text and len(simp) == len(text):
        work = replace(analysis, doc=replace(analysis.doc, text=simp),
                       sentences=tuple(replace(s, text=simp[s.start:s.end]) for s in analysis.sentences))
        return [replace(r, evidence=replace(r.evidence, sentence=text[r.evidence.start:r.evidence.end]))
                for r in _extract(work, gaz, mode)]
    return _extract(analysis, gaz, mode)


def _extract(analysis: Analysis, gaz: Gazetteer, mode: str) -> list[RelationMention]:
    core, corefs = sentence_mentions(analysis)
    by_sent, clauses = _sentences(analysis, core)
    out: list[RelationMention] = []
    if mode != "model":
        out = _rule_relations(analysis, gaz, core, by_sent, clauses)
    if mode != "rules" and analysis.tokens:
        model = load_relation_model()
        if model is not None:
            out += model_relations(analysis, clauses, out, model=model)
    if corefs:
        out = with_antecedent_evidence(out, corefs, analysis.doc.text)
    # an organisation as founder (Y Combinator founded OpenAI, 谷歌 founded Runway) is what the rules read from
    # lists and backgrounds, not what the text says: none of the 127 founded relations of the real-news golds nor
    # the 34 of data/eval/gold.jsonl has one; the schema allows it for data a user brings
    out = [r for r in out if not (r.relation == "founded" and r.head.type != PERSON)]
    # two versions of one model family (GPT-4 and GPT-4o, Qihoo-T2I and Qihoo-T2V) are no rivals (data/README.md)
    out = [r for r in out if not (r.relation == "competes_with" and r.head.type == MODEL == r.tail.type
                                  and _family(r.head) and _family(r.head) == _family(r.tail))]
    # 远超其前身 GPT-4o: a model's predecessor is an earlier version of it, not a rival (data/README.md)
    text = analysis.doc.text
    out = [r for r in out if not (r.relation == "competes_with" and r.head.type == MODEL == r.tail.type and any(
        _PREDECESSOR.search(text, max(0, m.start - 6), m.start) for m in (r.head, r.tail)))]
    # 投了一家音频版 Netflix, 中国版 OpenAI: a name after X版 stands for something likened to it, not for it
    out = [r for r in out if not any(_LIKENED.search(text, max(0, m.start - 8), m.start) for m in (r.head, r.tail))]
    return _dedupe(out)


_LIKENED = re.compile(r"(?:音频|视频|语音|中国|国产|国内|美国|欧洲|日本|韩国|印度|现实|真人|线下|硬件|AI|医疗|法律|教育|金融|"
                      r"B\s*端|C\s*端)\s*版\s*(?:的)?\s*$")  # (not 企业版, 中文版: an edition of the product itself)
_PREDECESSOR = re.compile(r"(?:前身|前代|上一代|上代|前作|前一代|老版本|旧版本?)(?:模型)?\s*(?:版本)?\s*$")


def sentence_mentions(analysis: Analysis) -> tuple[list[Mention], dict]:
    """The core mentions the relation rules and the model read, sorted, with the pronouns the discourse module
    resolved (他, 该公司: the entity named before; an omitted subject; 我 in an interview answer), and those
    pronouns (see :func:`coref_mentions`)."""
    core = sorted((m for m in analysis.mentions if m.type in CORE_TYPES), key=lambda m: m.start)
    corefs = coref_mentions(analysis, core)
    corefs.update(omitted_subjects(analysis, core))  # 。2015 年加入腾讯: the person of the sentence before
    for span, found in omitted_makers(analysis, core).items():  # …也出手了——⏎最新发布 X: the one firm of the line before
        corefs.setdefault(span, found)
    corefs.update(speaker_mentions(analysis, core))  # 阿莫迪：我在 OpenAI 工作过五年: the interview's speaker
    for span, found in addressee_mentions(analysis, core).items():  # 主持人：你曾在 Meta 多年…？: the next speaker
        corefs.setdefault(span, found)
    corefs.update(unnamed_bios(analysis, core))  # 青禾电子创始人 & CEO，南京大学博士: the guest named with that title
    corefs.update(profile_lines(analysis, core))  # 王晓明，论文通讯作者。⏎清华大学副教授: the person of the line before
    for span, found in roster_lines(analysis, core).items():  # 2.李娜 ：…之前在百度工作: the roster entry's person
        corefs.setdefault(span, found)
    for span, found in guest_bios(analysis, core).items():  # 顾承远：…⏎青禾大学博士、前远山科技研究员: the one guest
        corefs.setdefault(span, found)
    for span, found in name_line_bios(analysis, core).items():  # 国振 ⏎ MIT博士在读…: the person named alone above
        corefs.setdefault(span, found)
    if corefs:
        core = sorted(core + [m for m, _ in corefs.values()], key=lambda m: (m.start, m.end))  # zero-width first
    return core, corefs


def _sentences(analysis: Analysis, core: list[Mention]):
    """Per sentence its mentions (no aliases); and the clauses the sentence rules read: ``(sentence, mentions)``
    without rumours and questions (a question's statement before it kept)."""
    starts = [m.start for m in core]
    by_sent, clauses = [], []
    for sent in analysis.sentences:
        lo_i, hi_i = bisect.bisect_left(starts, sent.start), bisect.bisect_left(starts, sent.end)
        ms = tuple(m for m in core[lo_i:hi_i] if m.end <= sent.end and not m.source == "alias")
        by_sent.append(ms)
        if _HEARSAY.search(sent.text):
            sent = _before_question(sent, ms)
            if sent is None:
                continue  # 传字节跳动将收购…？ · 网传 … : a rumour or a question states no fact
            ms = tuple(m for m in ms if m.end <= sent.end)
        clauses.append((sent, ms))
    return by_sent, clauses


def clauses_of(analysis: Analysis) -> list[tuple]:
    """The ``(sentence, mentions)`` pairs the model reads in ``analysis`` (for training: the same as at run time)."""
    core, _ = sentence_mentions(analysis)
    return _sentences(analysis, core)[1]


def _rule_relations(analysis, gaz, core, by_sent, clauses) -> list[RelationMention]:
    out: list[RelationMention] = []
    for sent, ms in clauses:
        ctx = _Ctx(analysis, sent, ms)
        out += _title_relations(ctx)
        out += _as_title(ctx)
        out += _post_of(ctx)
        out += _left_post(ctx)
        out += _appointed(ctx)
        out += _org_people(ctx)
        out += _its_titles(ctx)
        out += _founder_lists(ctx)
        out += _clause_titles(ctx)
        out += _affiliations(ctx)
        out += _serving_at(ctx)
        out += _listed_titles(ctx)
        out += _from_org(ctx)
        out += _entourage(ctx)
        out += _model_is_by(ctx)
        framed, spans = _frame_relations(ctx)
        out += framed
        out += _trigger_relations(ctx, skip=spans)
        out += _possessive_relations(ctx)
        out += _coordination_rivals(ctx)
        out += _model_comparisons(ctx)
        out += _parent_companies(ctx)
        out += _left_after_working(ctx)
        out += _joint_research(ctx)
        out += _made_together(ctx)
        out += _poached(ctx)
        out += _suppliers(ctx)
        out += _produced_by(ctx)
        out += _funding_from(ctx)
        out += _makers_behind(ctx)
        out += _maker_behind_is(ctx)
        out += _backed_by(ctx)
        out += _funding_phrases(ctx)
        out += _clefts(ctx)
        out += _post_is(ctx)
        out += _speaking_titles(ctx)
        out += _investor_rolls(ctx)
        out += _portfolio_and_customers(ctx)
        out += _customer_of(ctx)
        out += _stakes(ctx)
    out += list(_join_details(analysis, out))
    out += list(_titled_leave(analysis, out))
    out += list(_other_cofounders(analysis, out))
    out += list(_release_members(analysis, out))
    out += list(_they_founded(analysis, by_sent))
    out += list(_returned_to_post(analysis, out))
    out += list(_work_done_by(analysis, by_sent))
    out += _name_relations(analysis, core, gaz)
    out += _model_teams(analysis, core)
    out += _discourse_rivals(analysis, by_sent)
    out += _bare_titles(analysis, by_sent)
    out += list(_degrees(analysis, by_sent))
    out += list(_bio_entries(analysis, by_sent))
    out += list(_paper_authors(analysis, by_sent))
    out += list(_group_members(analysis, by_sent))
    out += _team_introductions(analysis, by_sent)
    out += _group_named_next(analysis, by_sent)
    out += list(_we_released(analysis, core, out))
    out += list(_section_posts(analysis, core))
    made = {(r.head.key or r.head.text, r.tail.key or r.tail.text) for r in out if r.relation == "develops"}
    out += named_makers(analysis, clauses, made, gaz)
    out += known_makers(analysis, clauses, made)
    out += known_positions(analysis, clauses, {(r.head.key or r.head.text, r.tail.key or r.tail.text) for r in out
                                               if r.relation in ("works_for", "leads", "founded")}, gaz)
    return _across_items(analysis.doc.text, out) + card_relations(analysis, core)


_LEAVE = re.compile(r"(?:离开|离职|辞职|出走)(?:了)?")

# 本文由 A、B 和 C 研究者共同完成。论文提出了名为 X 的模型: the institutions that did the work make its model
_DONE_BY = re.compile(r"(?:本文|该研究|这项研究|此项研究|该论文|这篇论文|论文|该工作|这项工作|这项成果|该成果)\s*(?:是)?由\s*(?:来自)?\s*$")
_DONE_AFTER = re.compile(r"\s*(?:等)?\s*(?:的)?\s*(?:研究者|研究人员|研究团队|团队|学者|科研人员)?\s*(?:共同|联合|合作)?\s*完成")
_PROPOSED_BEFORE = re.compile(r"(?:提出|推出|发布|开源|名为|叫做|称为)(?:了)?\s*(?:一种|一个|一款)?\s*(?:名为|叫做)?\s*$")


def _work_done_by(analysis: Analysis, by_sent) -> Iterator[RelationMention]:
    """本文由 A、B 研究者共同完成。…提出了 X: each institution of the list develops the model the work proposes (in
    the same sentence or the next; data/README.md: joint research teams develop the model they present)."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k, ms in enumerate(by_sent):
        orgs: list[Mention] = []
        for i, m in enumerate(ms):
            if m.type in (ORG, COMPANY) and _DONE_BY.search(text, max(sents[k].start, m.start - 12), m.start):
                orgs = [m]
                for x in ms[i + 1:]:
                    if x.type in (ORG, COMPANY) and re.fullmatch(r"\s*(?:、|和|与|及|以及|,|，)\s*", text[orgs[-1].end:x.start]):
                        orgs.append(x)
                    else:
                        break
                break
        if not orgs or not _DONE_AFTER.match(text, orgs[-1].end):
            continue
        model, end = None, sents[k].end
        for j in (k, k + 1):
            if j >= len(sents):
                break
            model = next((x for x in by_sent[j] if x.type == MODEL and x.start > orgs[-1].end
                          and _PROPOSED_BEFORE.search(text, max(sents[j].start, x.start - 10), x.start)), None)
            if model is not None:
                end = sents[j].end
                break
        if model is None:
            continue
        ev = Evidence(analysis.doc.id, text[sents[k].start:end], sents[k].start, end)
        for o in orgs:
            if _ok("develops", o, model):
                yield RelationMention(o, "develops", model, ev, 0.65, None, None, "共同完成")


_RETURNED = re.compile(r"(?:重新|再次|再度)(?:担任|出任)|回归\S{0,8}?(?:担任|出任)")


def _returned_to_post(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """X 重新担任 Y 的 CEO: taking the post again is joining it again (data/README.md: 重新担任 CEO is joined)."""
    text = analysis.doc.text
    done = _pairs(rels, "joined")
    for r in rels:
        if r.relation != "works_for" or r.head.type != PERSON or r.head.end > r.tail.start:
            continue
        key = (r.head.key or r.head.text, r.tail.key or r.tail.text)
        again = _RETURNED.search(text, r.head.end, r.tail.start)
        if key in done or again is None:
            continue
        done.add(key)
        yield replace(r, relation="joined", role=None, confidence=0.7, trigger=again.group(0))


# 王强和李娜是同学。他们共同创立了青禾科技: 他们 is the people of the sentence before (two to four, all of them)
_THEY_FOUNDED = re.compile(r"(?<![^\s，,。；;！？!?])(?:后来|随后|之后|此后|(?:19|20)\d{2}\s*年)?\s*[，,]?\s*他们\s*(?:在\s*(?:19|20)\d{2}\s*年)?\s*"
                           r"(?:共同|一起|联合|合伙)\s*(?:创立|创办|创建|成立)了?\s*")


def _they_founded(analysis: Analysis, by_sent) -> Iterator[RelationMention]:
    """他们共同创立了 X: each person the sentence before names (two to four of them) founded X."""
    text = analysis.doc.text
    sents = analysis.sentences
    for k in range(1, len(sents)):
        for hit in _THEY_FOUNDED.finditer(text, sents[k].start, sents[k].end):
            firm = next((m for m in by_sent[k] if m.start == hit.end() and m.type in (ORG, COMPANY)), None)
            people = list({(m.key or m.text): m for m in by_sent[k - 1] if m.type == PERSON and m.source != "coref"}.values())
            if firm is None or not 2 <= len(people) <= 4 or any(m.type == PERSON for m in by_sent[k] if m.end <= hit.start()):
                continue
            ev = Evidence(analysis.doc.id, text[sents[k - 1].start:sents[k].end], sents[k - 1].start, sents[k].end)
            for p in people:
                yield RelationMention(p, "founded", firm, ev, 0.7, None, None, "他们共同创立")


# after a release: …，一次包含两个模型：A 和 B · 其中包括 A、B 和 C (not 超过了包括 X 在内的模型: models compared with it)
_HOLDS = re.compile(r"[，,]?\s*(?:而且|并且|其中|共|一共|一次|同时)*\s*(?:包含|包括|涵盖|分为|分别是|分别为)了?\s*"
                    r"(?:[一两二三四五六七八九十\d]+\s*(?:个|款|种)\s*)?(?:[\u4e00-\u9fff]{0,4}模型|版本)?\s*[：:]?\s*")
_HOLDS_NOT = re.compile(r"超过|超越|优于|击败|打败|胜过|领先|媲美|比|相比|对比|对标|不如|落后|基于|在内")
_ITEM_GAP = re.compile(r"\s*(?:、|，|,|和|与|及|以及|还有)\s*")


def _of_type(analysis: Analysis, typ: str) -> tuple[list[Mention], list[int]]:
    """The document's mentions of ``typ`` (no aliases) in order, and their starts."""
    ms = sorted((m for m in analysis.mentions if m.type == typ and m.source != "alias"), key=lambda m: m.start)
    return ms, [m.start for m in ms]


def _pairs(rels: list[RelationMention], relation: str) -> set[tuple[str, str]]:
    """``(head, tail)`` keys of the relations of one kind found so far."""
    return {(r.head.key or r.head.text, r.tail.key or r.tail.text) for r in rels if r.relation == relation}


def _release_members(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """X 发布了 P，一次包含两个模型：A 和 B: the models the release holds are X's too (the list right after P)."""
    text = analysis.doc.text
    models, starts = _of_type(analysis, MODEL)
    done = _pairs(rels, "develops")
    for r in list(rels):
        if r.relation != "develops" or r.head.type == PERSON or r.tail.end <= r.head.end:
            continue
        ev = r.evidence
        k = bisect.bisect_right(starts, r.tail.start)
        gap_end = models[k].start if k < len(models) and models[k].end <= ev.end else None
        if gap_end is None:
            continue
        gap = text[r.tail.end:gap_end]
        hold = _HOLDS.search(gap)
        if hold is None or hold.end() != len(gap) or _HOLDS_NOT.search(gap) or re.search(r"[。；;！？!?]", gap):
            continue
        pos = gap_end
        while k < len(models) and models[k].start == pos and models[k].end <= ev.end:
            m = models[k]
            if (r.head.key or r.head.text, m.key or m.text) not in done:
                done.add((r.head.key or r.head.text, m.key or m.text))
                yield replace(r, tail=m, confidence=round(r.confidence * 0.9, 2), role=None)
            sep = _ITEM_GAP.match(text, m.end)
            if sep is None:
                break
            pos, k = sep.end(), k + 1


_OTHER_FOUNDER = re.compile(r"另(?:一|外一|外)?(?:位|名)?\s*(联合创始人|创始人|共同创始人|联创)\s*(?:兼\s*(CEO|CTO|COO|首席[\u4e00-\u9fff]{2,4}))?\s*")


def _other_cofounders(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """X 创办了 C，另一位联合创始人 Y …: the other co-founder the sentence names founded what its first founder did."""
    text = analysis.doc.text
    people, starts = _of_type(analysis, PERSON)
    done = _pairs(rels, "founded")
    for r in rels:
        if r.relation != "founded" or r.head.type != PERSON:
            continue
        ev = r.evidence
        for o in _OTHER_FOUNDER.finditer(text, max(ev.start, r.head.end), ev.end):
            k = bisect.bisect_left(starts, o.end())
            if k == len(starts) or people[k].start != o.end() or people[k].end > ev.end:
                continue
            other = people[k]
            if (other.key or other.text, r.tail.key or r.tail.text) in done or _same(other, r.head):
                continue
            done.add((other.key or other.text, r.tail.key or r.tail.text))
            yield replace(r, head=other, confidence=0.7, trigger=o.group(1), role=None)
            yield replace(r, head=other, relation="works_for", confidence=0.7, trigger=None,
                          role=o.group(1) + ("兼" + o.group(2) if o.group(2) else ""))


def _titled_leave(analysis: Analysis, rels: list[RelationMention]) -> Iterator[RelationMention]:
    """X 的两位创始人 A 和 B 后来离开去创业了: people whose title at an organisation the sentence gives, and who then
    leave with no object named, leave that organisation."""
    text = analysis.doc.text
    by_sent: dict[int, list[RelationMention]] = {}
    for r in rels:
        if r.relation in ("works_for", "founded", "leads") and r.head.type == "PERSON":
            by_sent.setdefault(r.evidence.start, []).append(r)
    seen = set()
    for start, rs in by_sent.items():
        end = rs[0].evidence.end
        for v in _LEAVE.finditer(text, start, end):
            after = text[v.end():v.end() + 6]
            if any(start <= m.start < end and v.end() <= m.start < v.end() + 6 for m in analysis.mentions
                   if m.type in ("ORG", "COMPANY")) or re.match(r"\s*[^\s，,。]{0,2}(?:公司|团队)", after):
                continue  # 离开了腾讯: the object is named; the rules read it
            if re.search(r"(?:可能|将|会|要|计划|打算|拟|或)\s*$", text[max(start, v.start() - 4):v.start()]):
                continue  # 可能会离开: not (yet) left
            for r in rs:
                gap = text[r.head.end:v.start()]
                key = (r.head.key or r.head.text, r.tail.key or r.tail.text)
                if r.head.end <= v.start() and r.tail.end <= v.start() and len(gap) <= 30 \
                        and not re.search(r"[，,。；;：:]", gap) and key not in seen:
                    # (离开学术界，创办了 X: the organisation named after the leaving is not what was left)
                    seen.add(key)
                    yield replace(r, relation="departed_from", confidence=0.7, role=None, trigger=v.group(0))


def _we_released(analysis: Analysis, core: list[Mention], rels: list[RelationMention]) -> Iterator[RelationMention]:
    """我们推出了 X, 我们和 X 合作, 我们收购了 X, 我们的竞争对手是 X, 我们拿到了 X 的投资 in an interview answer: the
    speaker's organisation develops X, partners with X, acquires X, rivals X, is invested in by X (see
    :func:`we_released`)."""
    text = analysis.doc.text
    for org, model, ev_start, relation in we_released(analysis, core, rels):
        sent = sentence_holding(analysis, model)
        head, tail = (model, org) if relation.endswith("<") else (org, model)  # (X 的投资: X invests in the speaker's)
        relation = relation.rstrip("<")
        if sent is not None and (org.key or org.text) != (model.key or model.text) and _ok(relation, head, tail):
            r = _rel(_Ctx(analysis, sent, (head, tail)), relation, head, tail, 0.6, trigger="我们")
            yield replace(r, evidence=Evidence(analysis.doc.id, text[ev_start:sent.end], ev_start, sent.end))


def _section_posts(analysis: Analysis, core: list[Mention]) -> Iterator[RelationMention]:
    """谁是Ideogram？ … CEO 王强，…: the post a title-led paragraph gives at its section's organisation (see
    :func:`section_posts`), with the heading and the paragraph's sentence as evidence."""
    text = analysis.doc.text
    for org, person, role, head in section_posts(analysis, core):
        sent = sentence_holding(analysis, person)
        if sent is None:
            continue
        for r in _title_facts(_Ctx(analysis, sent, (org, person)), person, org, _title_kind(role), role, 0.7, False):
            yield replace(r, evidence=Evidence(analysis.doc.id, text[head:sent.end], head, sent.end))


def _across_items(text: str, rels: list[RelationMention]) -> list[RelationMention]:
    """Without the relations the sentence rules read between two items of a card's investor list
    (主要投资人：A 资本，B 公司创始人 C: not C founded A; the card says what the list means)."""
    if "：" not in text and ":" not in text:
        return rels
    lines = [items for items in investor_items(text) if items]
    if not lines:
        return rels

    def item(m, items):
        return next((i for i, (s, e) in enumerate(items) if s <= m.start and m.end <= e), None)

    out = []
    for r in rels:
        bad = False
        for items in lines:
            if items[0][0] <= r.head.start <= items[-1][1] and items[0][0] <= r.tail.start <= items[-1][1]:
                bad = item(r.head, items) != item(r.tail, items)
                break
        if not bad:
            out.append(r)
    return out


_QUESTION_WORD = re.compile(r"什么|哪|怎么|怎样|如何|为何|为什么|吗|呢|多少|多大|几|是否|能否|可否|有没有|是不是")


def _before_question(sent, ms):
    """The statement before the question a sentence ends with, or None: 我们邀请到了 X 的创始人 Y，聊了聊：…吗？
    (a colon introduces it) · X 收购了 Y，这意味着什么？ (its last clause asks, naming no one)."""
    text = sent.text
    if not text.rstrip().rstrip("」”\"").endswith(("？", "?")):
        return None
    last = max((m.end for m in ms), default=sent.start) - sent.start
    colon = max(text.rfind("："), text.rfind(":"))
    if colon >= 4 and colon >= last:
        cut = colon
    else:
        cut = max(text.rfind(c, last) for c in "，,；;：:")
        if cut < 4 or not _QUESTION_WORD.search(text[cut:]):
            return None
    if _HEARSAY.search(text[:cut]):
        return None
    return replace(sent, text=text[:cut], end=sent.start + cut)


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
