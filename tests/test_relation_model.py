"""The learned relation pair model: candidates and input words on hand-built analyses (no model), FinRE's label
mapping on hand-written rows, a tiny training run, and the engine's invariants with the packaged model."""
import json

import pytest

from kg.errors import KgError
from kg.extract.relations import extract_relations
from kg.extract.relations import learned
from kg.extract.relations.learned import (LABELS, candidate_pairs, candidates, decode, label_of, pair_words)
from kg.schema import RELATIONS
from kg.types import Mention

from helpers import make_analysis

P, O, C, M = "PERSON", "ORG", "COMPANY", "MODEL"


def _m(text, surface, typ, nth=0, source="gazetteer", key=None):
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return Mention(surface, typ, i, i + len(surface), source, key)


# --- candidates and input words (no model) ------------------------------------------------------------
def test_words_mark_the_pair_the_other_names_and_the_context():
    a = make_analysis("据悉，青禾电子副总裁林晓川本周加入澄言智能，负责芯片。",
                      [("青禾电子", C), ("林晓川", P), ("澄言智能", C)],
                      tokens=[("据悉", "v"), ("，", "x"), ("青禾电子", "nt"), ("副总裁", "n"), ("林晓川", "nr"),
                              ("本周", "t"), ("加入", "v"), ("澄言智能", "nt"), ("，", "x"), ("负责", "v"),
                              ("芯片", "n"), ("。", "x")])
    first, second, third = a.mentions
    words = pair_words(a.doc.text, a.tokens, a.mentions, second, third)
    assert words[:3] == ("#gap2", "#PERSON>COMPANY", "#ents0")  # 4 characters apart
    assert "#clause" not in words
    # a word of kg's lexicon is followed by its class: 副总裁 a member's title, 加入 a trigger of joined
    assert words[3:] == ("L|，", "L|<E:COMPANY>", "L|副总裁", "L|@member", "<H:PERSON>", "本周", "加入", "@joined",
                         "<T:COMPANY>", "R|，", "R|负责", "R|@leads", "R|芯片")


def test_words_normalise_digits_latin_case_and_ascii_punctuation():
    a = make_analysis("Alice Wu,2023年起任Norvale CTO。", [("Alice Wu", P), ("Norvale", C)],
                      tokens=[("Alice", "eng"), ("Wu", "eng"), (",", "x"), ("2023", "m"), ("年", "m"), ("起", "v"),
                              ("任", "v"), ("Norvale", "eng"), ("CTO", "eng"), ("。", "x")])
    words = pair_words(a.doc.text, a.tokens, a.mentions, *a.mentions)
    assert "#clause" in words
    assert words[words.index("<H:PERSON>"):] == ("<H:PERSON>", "，", "0", "年", "起", "任", "<T:COMPANY>", "R|cto",
                                                 "R|@member", "R|。")


def test_a_list_between_the_pair_is_marked():
    text = "红杉中国、高瓴和启明创投领投了澄言智能。"
    a = make_analysis(text, [("红杉中国", C), ("高瓴", C), ("启明创投", C), ("澄言智能", C)])
    first, _, _, last = a.mentions
    words = pair_words(text, a.tokens, a.mentions, first, last)
    assert {"#sameH", "#sameT", "#ents2"} <= set(words)
    assert words[-2:] == ("<H:COMPANY>", "<T:COMPANY>")  # no tokens: the pair still has its places


@pytest.mark.parametrize("text, mentions, expected", [
    # PERSON and PERSON: no relation takes them
    ("张三和李四都在现场。", [("张三", P), ("李四", P)], []),
    # a model and a company compete only with their own kind, but develops fits
    ("极序科技发布了星序。", [("极序科技", C), ("星序", M)], [("极序科技", "星序")]),
    # negation between the two: never a candidate
    ("极序科技否认将收购灵枢机器人。", [("极序科技", C), ("灵枢机器人", C)], []),
    ("极序科技并未收购灵枢机器人。", [("极序科技", C), ("灵枢机器人", C)], []),
])
def test_candidate_pairs(text, mentions, expected):
    a = make_analysis(text, mentions)
    assert [(x.text, y.text) for x, y in candidate_pairs(text, a.mentions)] == expected


def test_candidate_pairs_skip_one_entity_far_pairs_and_keep_the_closest():
    text = "极序科技与极序合作。" + "，" * (learned.MAX_GAP + 1) + "灵枢机器人"
    ms = [_m(text, "极序科技", C, key="极序科技"), _m(text, "极序", C, key="极序科技"), _m(text, "灵枢机器人", C)]
    assert candidate_pairs(text, ms) == []  # one entity twice; the third is too far from both
    names = "、".join(f"公司{chr(0x4e00 + i)}{chr(0x4e00 + i)}" for i in range(12))
    ms = [_m(names, f"公司{chr(0x4e00 + i)}{chr(0x4e00 + i)}", C) for i in range(12)]
    pairs = candidate_pairs(names, ms)
    assert len(pairs) == learned.MAX_PAIRS
    gaps = [b.start - a.end for a, b in pairs]
    assert gaps == sorted(gaps) and gaps[0] == 1


def test_pronoun_pairs_are_candidates_marked_as_pronouns():
    text = "林晓川毕业于清华大学。他随后加入澄言智能。"
    a = make_analysis(text, [("林晓川", P), ("清华大学", O), ("澄言智能", C)],
                      tokens=[(w, "x") for w in ("林晓川", "毕业", "于", "清华大学", "。", "他", "随后", "加入",
                                                 "澄言智能", "。")])
    from kg.extract.relations import clauses_of

    cands = candidates(a, clauses_of(a))
    pron = [c for c in cands if c.first.source == "coref"]
    assert [(c.first.text, c.first.key, c.second.text) for c in pron] == [("他", "=林晓川", "澄言智能")]
    assert "#Hcoref" in pron[0].words


def test_an_analysis_without_tokens_has_no_candidates():
    a = make_analysis("极序科技收购了灵枢机器人。", [("极序科技", C), ("灵枢机器人", C)])
    from kg.extract.relations import clauses_of

    assert candidates(a, clauses_of(a)) == []


@pytest.mark.parametrize("rel", sorted(RELATIONS))
def test_label_and_decode_agree_both_ways(rel):
    t = RELATIONS[rel]
    head_type = sorted(t.head)[0]
    tail_type = next(x for x in sorted(t.tail) if not t.symmetric or (x == M) == (head_type == M))
    head, tail = Mention("甲方甲方", head_type, 0, 4), Mention("乙方乙方", tail_type, 5, 9)
    for first, second in ((head, tail), (tail, head)):
        if first.start > second.start:
            first, second = second, first
        label = label_of(rel, head, tail, first)
        assert label in LABELS
        got = decode(label, first, second)
        if t.symmetric:
            assert got[0] == rel and {got[1].text, got[2].text} == {head.text, tail.text}
        else:
            assert got == (rel, head, tail)


def test_decode_refuses_types_the_relation_does_not_take():
    person, model = Mention("张三", P, 0, 2), Mention("星序", M, 3, 5)
    assert decode("acquires>", person, model) is None
    assert decode("competes_with", Mention("极序科技", C, 0, 4), model) is None
    assert decode("partners_with", model, Mention("星图", M, 6, 8)) is None


def test_a_bad_mode_is_an_error(monkeypatch):
    a = make_analysis("极序科技收购了灵枢机器人。", [("极序科技", C), ("灵枢机器人", C)])
    monkeypatch.setenv("KG_RELATIONS", "all")
    with pytest.raises(KgError, match="rules, model, both"):
        extract_relations(a)
    with pytest.raises(KgError, match="rules, model, both"):
        extract_relations(a, mode="neither")


# --- FinRE label mapping (hand-written rows) -------------------------------------------------------------
def test_finre_rows_merge_both_ways_and_map_labels():
    from kg.train.relation_data import finre_pairs

    s1, s2, s3, s4 = "甲公司收购乙公司。", "甲公司与乙公司合作。", "甲公司（简称甲司）公告。", "甲公司与乙公司有纠纷。"
    rows = [("甲公司", "乙公司", "收购", s1), ("乙公司", "甲公司", "被收购", s1), ("甲公司", "乙公司", "unknown", s1),
            ("甲公司", "乙公司", "合作", s2), ("乙公司", "甲公司", "合作", s2),
            ("甲公司", "甲司", "自己", s3),
            ("甲公司", "乙公司", "纠纷", s4), ("乙公司", "甲公司", "被拥有", s4)]
    got = finre_pairs(rows)
    assert got[(s1, ("乙公司", "甲公司"))] == {("acquires", "甲公司", "乙公司")}
    assert got[(s2, ("乙公司", "甲公司"))] == {("partners_with", "甲公司", "乙公司"), ("partners_with", "乙公司", "甲公司")}
    assert got[(s3, ("甲公司", "甲司"))] is None
    assert got[(s4, ("乙公司", "甲公司"))] == {("part_of", "乙公司", "甲公司")}


def test_finre_unknown_alone_is_none_and_a_skipped_label_alone_skips():
    from kg.train.relation_data import finre_pairs

    rows = [("甲公司", "乙公司", "unknown", "a"), ("甲公司", "乙公司", "合并", "b"), ("乙公司", "甲公司", "unknown", "b"),
            ("甲公司", "乙公司", "拥有", "c"), ("甲公司", "乙公司", "被持股", "d")]
    got = finre_pairs(rows)
    assert got[("a", ("乙公司", "甲公司"))] == set()
    assert got[("b", ("乙公司", "甲公司"))] is None
    assert got[("c", ("乙公司", "甲公司"))] == {("part_of", "乙公司", "甲公司")}
    assert got[("d", ("乙公司", "甲公司"))] == {("invests_in", "乙公司", "甲公司")}


def test_every_finre_label_has_a_mapping(shared_datasets):
    from kg.train.relation_data import FINRE_LABELS

    labels = (shared_datasets / "finre" / "relation2id.txt").read_text(encoding="utf-8").split()
    assert {x for x in labels if not x.isdigit()} <= set(FINRE_LABELS)


# --- training: a tiny run round-trips ------------------------------------------------------------------
def test_a_tiny_training_run_saves_a_model_that_loads_and_holds_no_text(tmp_path):
    pytest.importorskip("spacy")
    from kg.train.relation_data import PairExample, cats_for
    from kg.train.relations import Settings, stored_strings, train_relations

    pos = ("#gap2", "#PERSON>COMPANY", "<H:PERSON>", "加盟了", "<T:COMPANY>")
    neg = ("#gap2", "#PERSON>COMPANY", "<H:PERSON>", "点评了", "<T:COMPANY>")
    examples = [PairExample(pos, cats_for({"joined"}), "distant"), PairExample(neg, cats_for(set()), "distant")] * 20
    summary = train_relations(examples, tmp_path / "m", settings=Settings(length=1024, max_epochs=2, heldout=0.2),
                              threshold=0.4, max_steps=6)
    assert summary["steps"] <= 6
    model = learned.load_relation_model(tmp_path / "m")
    assert model.labels == LABELS and model.threshold == 0.4
    scores = model.scores([pos, neg])
    assert scores.shape == (2, len(LABELS))
    assert ((scores >= 0) & (scores <= 1)).all()
    strings = set(stored_strings(tmp_path / "m"))
    assert not strings & {"加盟了", "点评了", "<H:PERSON>", "#gap2"}
    assert learned.model_hash(str(tmp_path / "m"))


# --- the packaged model in the engine ---------------------------------------------------------------------
TEXTS = [
    "极序科技创始人周嘉树此前在青禾电子担任研究员。他于2024年加入澄言智能，出任首席科学家。",
    "灵枢机器人与澄言智能签署战略合作协议，双方将共同研发具身智能模型「星序」。",
    "澄言智能宣布完成新一轮融资，红杉中国领投，启明创投跟投。澄言智能的对手包括极序科技。",
    "程亦凡毕业于清华大学，曾在微软亚洲研究院工作，后创办了极序科技并担任CEO。",
]


@pytest.fixture
def packaged():
    """The packaged model with a low threshold, so that it adds relations for the invariants to hold on."""
    model = learned.load_relation_model()
    if model is None:
        pytest.skip("no packaged relation model (kg/models/relations)")
    shipped = model.threshold
    model.threshold = 0.05
    yield model
    model.threshold = shipped


def _analysis(text):
    from kg.extract.entities import refine
    from kg.nlp import get_engine
    from kg.types import Document

    return refine(get_engine("builtin").analyze(Document("t", text)))


@pytest.mark.parametrize("text", TEXTS)
def test_model_relations_join_mentions_inside_their_evidence(packaged, text):
    a = _analysis(text)
    rels = extract_relations(a, mode="model")
    assert rels
    for r in rels:
        for m in (r.head, r.tail):
            assert r.evidence.start <= m.start and m.end <= r.evidence.end
            assert a.doc.text[m.start:m.end] == m.text
        assert r.trigger == "model" and 0 < r.confidence <= learned.CONFIDENCE_SCALE
        assert r.evidence.sentence == a.doc.text[r.evidence.start:r.evidence.end]


@pytest.mark.parametrize("text", TEXTS)
def test_the_model_never_removes_a_rule_relation(packaged, text):
    a = _analysis(text)
    key = lambda r: (r.head.start, r.relation, r.tail.start, r.evidence.start, r.confidence, r.role)  # noqa: E731
    rules = {key(r) for r in extract_relations(a, mode="rules")}
    both = extract_relations(a, mode="both")
    assert rules <= {key(r) for r in both} and len(both) > len(rules)
    assert all(r.trigger == "model" for r in both if key(r) not in rules)


def test_kg_relations_rules_gives_the_rules_output(packaged, monkeypatch):
    import kg

    text = " ".join(TEXTS)
    monkeypatch.setenv("KG_RELATIONS", "rules")
    res = kg.analyze(text)
    assert list(res.relations) == extract_relations(res.analysis, mode="rules")
    assert not any(r.trigger == "model" for r in res.relations)
    monkeypatch.setenv("KG_RELATIONS", "model")
    assert all(r.trigger == "model" for r in kg.analyze(text).relations)


def test_the_packaged_model_stores_no_text():
    import spacy

    from kg.train.relations import stored_strings

    if learned.load_relation_model() is None:
        pytest.skip("no packaged relation model (kg/models/relations)")
    blank = set(spacy.blank("xx").vocab.strings)
    assert set(stored_strings(learned.MODEL_DIR)) <= blank | set(LABELS)
    meta = json.loads((learned.MODEL_DIR / "meta.json").read_text(encoding="utf-8"))
    assert 0 < meta["kg"]["inference"]["threshold"] < 1


def test_the_checkpoint_settings_name_the_mode_and_the_model(monkeypatch):
    from kg.checkpoint import settings_fingerprint

    monkeypatch.setenv("KG_RELATIONS", "rules")
    a = settings_fingerprint(engine="builtin", model=None, update=None, piece_chars=100)
    monkeypatch.setenv("KG_RELATIONS", "both")
    b = settings_fingerprint(engine="builtin", model=None, update=None, piece_chars=100)
    assert a["relations"] == "rules" and b["relations"] == "both" and a != b
    assert b["relation_model"] == learned.model_hash()


class _EveryPairBuys:
    """A stand-in for the pair model (no weights needed): every candidate pair scores 0.9 for ``acquires>``."""

    labels = LABELS
    threshold = 0.5

    def scores(self, words):
        import numpy

        out = numpy.zeros((len(words), len(LABELS)), dtype="f")
        out[:, LABELS.index("acquires>")] = 0.9
        return out

    def threshold_for(self, label):
        return self.threshold


def test_the_model_adds_no_second_buyer_where_the_rules_named_one():
    from kg.extract.relations import clauses_of, extract_relations
    from kg.extract.relations.learned import model_relations

    a = _analysis("腾讯收购了青禾科技，阿里巴巴收购了远山科技。")
    rules = extract_relations(a, mode="rules")
    assert {(r.head.text, r.tail.text) for r in rules if r.relation == "acquires"} == {("腾讯", "青禾科技"), ("阿里巴巴", "远山科技")}
    added = model_relations(a, clauses_of(a), rules, model=_EveryPairBuys())
    assert not any(r.relation == "acquires" and r.tail.text in ("青禾科技", "远山科技") for r in added)


def test_relation_training_never_learns_from_news_test_and_keeps_out_what_it_is_told(tmp_path):
    from kg.errors import InputError
    from kg.train.relation_data import annotated_docs, load_relation_data

    with pytest.raises(InputError):
        load_relation_data(tmp_path, None, gold_splits=("dev", "test"), distant=0)
    with pytest.raises(InputError):
        load_relation_data(tmp_path, None, gold_splits=("dev2",), keep_out=("dev2",), distant=0)
    base = annotated_docs(())
    more = annotated_docs(("dev5",))
    assert set(base) <= set(more) and set(base.values()) <= {"dev", "test"}
    assert len(more) - len(base) == 20 and set(more.values()) - set(base.values()) == {"dev5"}


class _EveryPairDevelops(_EveryPairBuys):
    """A stand-in that scores every pair 0.9 for ``develops`` (the types say which end is the head)."""

    def scores(self, words):
        import numpy

        out = numpy.zeros((len(words), len(LABELS)), dtype="f")
        out[:, LABELS.index("develops")] = 0.9
        return out


def test_the_model_gives_no_person_a_model_the_rules_did_not():
    from kg.extract.relations import clauses_of, extract_relations
    from kg.extract.relations.learned import model_relations

    a = _analysis("张青禾对记者说，上线企业版 ChatGPT 以来，付费客户越来越多。")
    added = model_relations(a, clauses_of(a), extract_relations(a, mode="rules"), model=_EveryPairDevelops())
    assert not any(r.relation == "develops" and r.head.type == "PERSON" for r in added)
    b = _analysis("青禾科技的新模型 Lynx-3 很受欢迎。")
    added = model_relations(b, clauses_of(b), [], model=_EveryPairDevelops())
    assert any(r.relation == "develops" and r.head.text == "青禾科技" for r in added)  # a company still may


class _EveryPairInvests(_EveryPairBuys):
    """A stand-in that scores every pair 0.9 for ``invests_in>`` (the first of the pair invests in the second)."""

    def scores(self, words):
        import numpy

        out = numpy.zeros((len(words), len(LABELS)), dtype="f")
        out[:, LABELS.index("invests_in>")] = 0.9
        out[:, LABELS.index("invests_in<")] = 0.9
        return out


def test_the_model_invests_in_no_firm_the_rules_read_as_an_investor_here():
    from kg.extract.relations import clauses_of, extract_relations
    from kg.extract.relations.learned import model_relations

    a = _analysis("由红杉资本支持的青禾科技宣布完成了 B 轮融资，由高瓴资本领投。")
    rules = extract_relations(a, mode="rules")
    assert {(r.head.text, r.tail.text) for r in rules if r.relation == "invests_in"} >= {("红杉资本", "青禾科技")}
    added = model_relations(a, clauses_of(a), rules, model=_EveryPairInvests())
    assert not any(r.relation == "invests_in" and r.tail.text == "红杉资本" for r in added)


def test_the_model_gives_no_second_employer_to_a_person_the_rules_read_a_title_of(packaged):
    # (threshold 0.05: the model would pair every name of the list with the titled person)
    a = _analysis("智谱这周宣布拿下种子轮融资，投资人包括 Kindred Ventures、YC CEO Dana Whitlock 和 Datadog 总裁等人。")
    rels = extract_relations(a, mode="both")
    assert ("Dana Whitlock", "works_for", "YC") in {(r.head.text, r.relation, r.tail.text) for r in rels}
    assert not any(r.head.text == "Dana Whitlock" and r.relation in ("works_for", "leads") and r.trigger == "model"
                   for r in rels)


def test_the_model_gives_no_investment_to_an_organisation_that_names_a_person_s_post(packaged):
    a = _analysis("智谱这一轮融资由 IVP 领投，投资人还有亚马逊创始人 Jeff Bezos、Elad Gil 以及 NEA。")
    rels = extract_relations(a, mode="both")
    assert ("Jeff Bezos", "founded", "亚马逊") in {(r.head.text, r.relation, r.tail.text) for r in rels}
    assert not any(r.trigger == "model" and r.relation == "invests_in" and "亚马逊" in (r.head.text, r.tail.text)
                   for r in rels)


def test_the_model_leaves_a_bare_title_and_an_organisation_list_to_the_rules():
    from kg.extract.relations.learned import _bare_title_before, _in_org_list

    text = "远山科技和青禾科技合作，CEO 王磊表示满意。"
    wang = Mention("王磊", "PERSON", text.index("王磊"), text.index("王磊") + 2)
    assert _bare_title_before(text, 0, wang)
    named = "远山科技CEO王磊表示满意。"
    assert not _bare_title_before(named, 0, Mention("王磊", "PERSON", named.index("王磊"), named.index("王磊") + 2))
    a = Mention("远山科技", "COMPANY", 0, 4)
    b = Mention("青禾科技", "COMPANY", 5, 9)
    assert _in_org_list(text, a, (a, b, wang)) and _in_org_list(text, b, (a, b, wang))
    alone = "远山科技的王磊和青禾科技合作。"
    c = Mention("远山科技", "COMPANY", 0, 4)
    d = Mention("青禾科技", "COMPANY", alone.index("青禾"), alone.index("青禾") + 4)
    assert not _in_org_list(alone, c, (c, d))


def test_the_model_gives_a_student_s_bio_to_the_student_not_the_advisor(packaged):
    # X，博士生，导师为 Y，本科就读于 Z: at a threshold of 0.05 the model would hand Z to Y, the name nearest before it
    a = _analysis("论文二作张明远，青禾大学数据实验室博士生，导师为李国栋，本科就读于南开大学，硕士就读于浙江大学。")
    rels = {(r.head.text, r.relation, r.tail.text, r.trigger) for r in extract_relations(a, mode="both")}
    assert ("张明远", "educated_at", "南开大学", "就读于") in rels
    assert not any(h == "李国栋" and rel in ("educated_at", "works_for") and t in ("南开大学", "浙江大学")
                   for h, rel, t, _ in rels)
    # the advisor's own post, named before him, is still read
    b = _analysis("张明远是青禾大学博士生，导师为远山研究院院长李国栋。")
    assert ("李国栋", "leads", "远山研究院") in {(r.head.text, r.relation, r.tail.text) for r in extract_relations(b, mode="both")}


class _EveryPairWorks(_EveryPairDevelops):
    """A stand-in that scores every pair 0.9 for ``works_for`` (the person works for the organisation)."""

    def scores(self, words):
        out = super().scores(words)
        out[:, [LABELS.index("develops"), LABELS.index("works_for")]] = [0.0, 0.9]
        return out


def test_the_model_gives_no_post_at_a_site_someone_writes_on():
    from kg.extract.relations import clauses_of
    from kg.extract.relations.learned import model_relations

    a = _analysis("张青禾经常在 Quora 上回答问题。")
    assert not any(r.relation == "works_for" for r in model_relations(a, clauses_of(a), [], model=_EveryPairWorks()))
    b = _analysis("张青禾每天在青禾科技上班。")  # 上班 is working there
    assert any(r.relation == "works_for" for r in model_relations(b, clauses_of(b), [], model=_EveryPairWorks()))


class _EveryPairPosts(_EveryPairDevelops):
    """A stand-in that scores every pair 0.9 for a post: ``founded`` (both ways), ``works_for`` and ``leads``."""

    def scores(self, words):
        out = super().scores(words)
        out[:, LABELS.index("develops")] = 0.0
        for label in ("founded>", "founded<", "works_for", "leads"):
            out[:, LABELS.index(label)] = 0.9
        return out


def _posts(text):
    from kg.extract.relations import clauses_of, extract_relations
    from kg.extract.relations.learned import model_relations

    a = _analysis(text)
    rules = extract_relations(a, mode="rules")
    added = model_relations(a, clauses_of(a), rules, model=_EveryPairPosts())
    return {(r.head.text, r.relation, r.tail.text) for r in rules}, {(r.head.text, r.relation, r.tail.text) for r in added}


def test_the_model_gives_a_title_the_rules_read_to_no_second_person():
    rules, added = _posts("青禾科技创始人林远对张伟赞不绝口。")
    assert ("林远", "founded", "青禾科技") in rules
    assert not any(h == "张伟" for h, _, _ in added)


def test_the_model_gives_no_post_across_two_titled_people():
    rules, added = _posts("青禾科技创始人林远和鹭羽科技创始人张伟都是物理系出身。")
    assert {("林远", "founded", "青禾科技"), ("张伟", "founded", "鹭羽科技")} <= rules
    assert not any(h == "张伟" and t == "青禾科技" or h == "林远" and t == "鹭羽科技" for h, _, t in added)


def test_the_model_gives_an_investor_the_rules_read_no_post():
    rules, added = _posts("鹭羽科技天使投资人 Peter Thiel 说了一句话。")
    assert ("Peter Thiel", "invests_in", "鹭羽科技") in rules
    assert not any(rel in ("works_for", "leads") for _, rel, _ in added)


def test_the_model_gives_a_bare_join_no_post():
    rules, added = _posts("这次加入鹭羽科技的林远是物理竞赛金牌得主。")
    assert ("林远", "joined", "鹭羽科技") in rules
    assert ("林远", "works_for", "鹭羽科技") not in added


def test_people_joined_to_a_titled_person_share_the_title():
    from kg.extract.relations.learned import _joined_to

    text = "创始人林远（Lin Yuan）和张伟（Zhang Wei）付不起房租。"
    def m(name):
        return Mention(name, "PERSON", text.index(name), text.index(name) + len(name))
    assert _joined_to(text, m("林远"), m("张伟"))
    assert _joined_to(text, m("Lin Yuan"), m("Zhang Wei"))
    other = "创始人林远对张伟赞不绝口。"
    assert not _joined_to(other, Mention("林远", "PERSON", 3, 5), Mention("张伟", "PERSON", 6, 8))
    two = "青禾创始人林远和鹭羽创始人张伟"
    assert not _joined_to(two, Mention("林远", "PERSON", 5, 7), Mention("张伟", "PERSON", 13, 15))


def test_the_model_gives_no_post_at_what_a_person_uses_or_talks_to(packaged):
    # an interview: the speaker uses a search engine, or is interviewed by a fund; the shipped model read both as posts
    a = _analysis("主持人：你怎么看？\n\n周立：如果我使用谷歌，我会很快找到答案。\n\n主持人：好的。\n\n"
                  "王宏：在接受红杉资本独家采访时，我谈到了这个问题。\n")
    assert not [r for r in extract_relations(a, mode="both") if r.relation == "works_for"]
