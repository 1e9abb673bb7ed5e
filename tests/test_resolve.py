"""Resolution: which surface forms are one entity, and which are not."""
import math

import pytest

from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.resolve import Resolver, mention_key
from kg.types import Entity, Evidence, Mention, Relation, RelationMention

GAZ = Gazetteer([
    GazetteerEntry("小米", "COMPANY", ()),
    GazetteerEntry("Xiaomi MiMo", "MODEL", ("小米 MiMo",)),
    GazetteerEntry("腾讯", "COMPANY", ("腾讯公司", "Tencent", "腾讯控股")),
    GazetteerEntry("阿里巴巴", "COMPANY", ("阿里", "Alibaba")),
    GazetteerEntry("华为", "COMPANY", ("Huawei",)),
    GazetteerEntry("华为云", "COMPANY", ("Huawei Cloud",)),
    GazetteerEntry("腾讯 AI Lab", "ORG", ()),
])


def key(text, typ="COMPANY"):
    return mention_key(text, typ, gazetteer=GAZ)


@pytest.mark.parametrize("a,b,typ", [
    ("腾讯", "腾讯公司", "COMPANY"),
    ("腾讯", "Tencent", "COMPANY"),
    ("腾讯", "ＴＥＮＣＥＮＴ", "COMPANY"),           # full width and case
    ("阿里", "阿里巴巴", "COMPANY"),                  # short form through the gazetteer
    ("腾讯AI Lab", "腾讯 AI Lab", "ORG"),             # spacing
    ("混元", "「混元」", "MODEL"),                    # quotes
    ("混元", "混元大模型", "MODEL"),                  # model suffix
    ("极序科技", "极序科技有限公司", "COMPANY"),       # company suffix, unknown name
    ("Acme", "Acme Inc.", "COMPANY"),
    ("騰訊", "腾讯", "COMPANY"),                      # traditional characters
    ("Zephyr-3", "Zephyr 3", "MODEL"),                # a hyphen or a space before a model's version number
    ("Zephyr-3", "Zephyr3", "MODEL"),
])
def test_same_entity(a, b, typ):
    assert key(a, typ) == key(b, typ)


def test_a_hyphenated_version_finds_the_gazetteer_model():
    gaz = Gazetteer([GazetteerEntry("Zephyr 2", "MODEL", ())])
    assert mention_key("Zephyr-2", "MODEL", gazetteer=gaz) == mention_key("Zephyr 2", "MODEL", gazetteer=gaz) == "g:Zephyr 2"
    assert key("Vexa-2", "COMPANY") != key("Vexa2", "COMPANY")  # only a model's name is read so


@pytest.mark.parametrize("a,b", [("华为", "华为云"), ("腾讯", "腾讯 AI Lab"), ("OpenAI", "Open")])
def test_different_entities_sharing_a_prefix(a, b):
    assert key(a) != key(b)


def _m(text, typ, start=0):
    return Mention(text, typ, start, start + len(text), "gazetteer", None)


def test_resolver_merges_across_documents_and_keeps_surfaces_as_aliases():
    r = Resolver(gazetteer=GAZ)
    r.add("d1", [_m("腾讯公司", "COMPANY"), _m("Tencent", "COMPANY", 10)], [])
    r.add("d2", [_m("腾讯", "COMPANY")], [])
    (ent,) = r.entities().values()
    assert ent.label == "腾讯" and ent.type == "COMPANY"
    assert set(ent.aliases) == {"腾讯公司", "Tencent"}
    assert ent.docs == ("d1", "d2") and ent.mentions == 3


def test_relation_evidence_accumulates_and_symmetric_pairs_merge():
    r = Resolver(gazetteer=GAZ)
    a, b = _m("腾讯", "COMPANY"), _m("阿里", "COMPANY", 3)
    ev1, ev2 = Evidence("d1", "腾讯与阿里竞争。", 0, 8), Evidence("d2", "阿里和腾讯竞争。", 0, 8)
    r.add("d1", [a, b], [RelationMention(a, "competes_with", b, ev1, 0.6)])
    r.add("d2", [a, b], [RelationMention(b, "competes_with", a, ev2, 0.6)])
    (rel,) = r.relations()
    assert {rel.subject, rel.object} == {"腾讯", "阿里巴巴"}
    assert len(rel.evidence) == 2
    assert 0.6 < rel.confidence < 1.0   # two independent sentences raise confidence


def test_type_settled_by_votes_then_relation_types_checked():
    r = Resolver(gazetteer=GAZ)
    x_org, x_model = _m("星序", "ORG"), _m("星序", "MODEL", 5)
    r.add("d1", [x_model, _m("星序", "MODEL", 9), x_org], [])
    (ent,) = r.entities().values()
    assert ent.type == "MODEL"


def test_a_model_named_after_its_maker_resolves_without_the_maker():
    assert key("MiMo", "MODEL") == key("小米 MiMo", "MODEL") == key("Xiaomi MiMo", "MODEL")
    assert GAZ.lookup("MiMo") is None          # but bare MiMo is never matched in text by the gazetteer


def test_evidence_is_capped_keeping_the_most_confident():
    from kg.resolve import MAX_EVIDENCE
    r = Resolver(gazetteer=GAZ)
    a, b = _m("腾讯", "COMPANY"), _m("阿里", "COMPANY", 3)
    confs = [0.3 + (i * 37 % 50) / 100 for i in range(MAX_EVIDENCE + 15)]
    for i, c in enumerate(confs):
        ev = Evidence(f"d{i:02d}", "腾讯与阿里竞争。", 0, 8)
        r.add(f"d{i:02d}", [a, b], [RelationMention(a, "competes_with", b, ev, c)])
    (rel,) = r.relations()
    best = sorted(range(len(confs)), key=lambda i: (-confs[i], i))[:MAX_EVIDENCE]
    assert [e.doc for e in rel.evidence] == sorted(f"d{i:02d}" for i in best)


def test_entities_sharing_a_label_and_type_keep_distinct_ids():
    # Three people written 王芳, each told apart by a bracketed name: three keys, one label, one type.
    r = Resolver(gazetteer=GAZ)
    people = [Mention("王芳", "PERSON", 0, 2, "rule", f"={other}") for other in ("甲乙", "丙丁", "戊己")]
    tencent = _m("腾讯", "COMPANY", 5)
    ev = Evidence("d1", "王芳加入腾讯。", 0, 7)
    r.add("d1", [*people, tencent], [RelationMention(p, "works_for", tencent, ev, 0.8) for p in people])
    ids = sorted(e.id for e in r.entities().values() if e.label == "王芳")
    assert ids == ["王芳", "王芳 (PERSON 2)", "王芳 (PERSON)"]
    assert sorted(x.subject for x in r.relations()) == ids   # one relation each, none merged by a shared id


def test_relations_come_from_disk_aggregated_as_before():
    # 25 mentions of one relation: the 20 most confident kept (ties by document), a repeated sentence counted
    # once at its best confidence, the most frequent role (first seen on a tie), evidence in document order.
    r = Resolver(gazetteer=GAZ)
    p, t = _m("张三", "PERSON"), _m("腾讯", "COMPANY", 3)
    rms = [RelationMention(p, "works_for", t, Evidence(f"d{i:02d}", f"张三在腾讯{i}", 0, 6), 0.5 + i / 100,
                           role="总监" if i % 2 else "经理") for i in range(25)]
    rms.append(RelationMention(p, "works_for", t, Evidence("d00", "张三在腾讯0", 0, 6), 0.9,
                               role="总监"))  # d00 again, surer
    for rm in rms:
        r.add(rm.evidence.doc, [p, t], [rm])
    (rel,) = r.relations()
    assert [e.doc for e in rel.evidence] == ["d00"] + [f"d{i:02d}" for i in range(6, 25)]
    assert rel.role == "经理"  # 13 of the 26 mentions each; 经理 came first
    assert rel.confidence == round(min(1 - 0.1 * math.prod(1 - (0.5 + i / 100) for i in range(6, 25)), 0.99), 3)
    assert (rel.subject_type, rel.object_type) == ("PERSON", "COMPANY")


def test_graph_table_is_the_same_graph_as_networkx(tmp_path):
    from kg.graph import KnowledgeGraph

    r = Resolver(gazetteer=GAZ)
    a, b, c, p = _m("腾讯", "COMPANY"), _m("阿里", "COMPANY", 3), _m("华为", "COMPANY", 6), _m("张三", "PERSON", 9)
    r.add("d1", [a, b, c, p], [RelationMention(a, "competes_with", b, Evidence("d1", "腾讯对阿里", 0, 5), 0.6),
                               RelationMention(c, "competes_with", a, Evidence("d1", "华为与腾讯", 5, 10), 0.7),
                               RelationMention(p, "works_for", c, Evidence("d1", "张三在华为", 10, 15), 0.8,
                                               role="工程师")])
    ents = r.entities()
    table = KnowledgeGraph(r.graph_table(ents, meta={"documents": 1}))
    plain = KnowledgeGraph.from_parts(ents.values(), r.relations(ents), meta={"documents": 1})
    assert table.to_json() == plain.to_json()
    for g, name in ((table, "t"), (plain, "p")):
        g.write_graphml(tmp_path / f"{name}.graphml")
        g.write_html(tmp_path / f"{name}.html", max_nodes=3)
    assert (tmp_path / "t.graphml").read_bytes() == (tmp_path / "p.graphml").read_bytes()
    assert (tmp_path / "t.html").read_bytes() == (tmp_path / "p.html").read_bytes()
    assert table.summary() == plain.summary() and repr(table) == repr(plain)
    assert table.relations(subject="腾讯") == plain.relations(subject="腾讯")
    assert nx_equal(table.to_networkx(), plain.to_networkx())


def nx_equal(g, h) -> bool:
    return (list(g.nodes(data=True)) == list(h.nodes(data=True))
            and list(g.edges(keys=True, data=True)) == list(h.edges(keys=True, data=True)) and g.graph == h.graph)


def test_graph_table_takes_relations_in_export_order_only():
    from kg.store import GraphTable

    ents = [Entity(x, x, "COMPANY", (), 1, ("d",)) for x in ("甲", "乙")]
    rels = [Relation("甲", "partners_with", "乙"), Relation("乙", "competes_with", "甲")]  # 乙 < 甲
    with pytest.raises(ValueError, match="sorted"):
        GraphTable(ents, rels)
    with pytest.raises(ValueError, match="not in the graph"):
        GraphTable(ents[:1], rels[:1])


# -- why names were merged (kg merges) -------------------------------------------------------------
def _via(text, typ, key, via, start=0):
    return Mention(text, typ, start, start + len(text), "alias", key, 1.0, via)


@pytest.mark.parametrize("mention,entity,reason", [
    (_m("Tencent", "COMPANY"), "腾讯", "gazetteer alias"),
    (Mention("Tencent", "COMPANY", 0, 7, "gazetteer", "腾讯"), "腾讯", "gazetteer alias"),  # matched in text
    (_m("騰訊", "COMPANY"), "腾讯", "traditional form"),
    (Mention("騰訊", "COMPANY", 0, 2, "gazetteer", "腾讯"), "腾讯", "traditional form"),
    (_m("ＴＥＮＣＥＮＴ", "COMPANY"), "腾讯", "gazetteer alias"),
    (_m("腾讯集团", "COMPANY"), "腾讯", "spelling variant"),                # a company suffix
    (_m("英国曼彻斯特大学", "ORG"), "曼彻斯特大学", "country before the name"),
    (_via("Amazon", "COMPANY", "=亚马逊", "parenthesised alias"), "亚马逊", "parenthesised alias"),
    (_via("Altman", "PERSON", "=Sam Altman", "short form"), "Sam Altman", "short form"),
])
def test_each_merged_name_keeps_why(mention, entity, reason):
    r = Resolver(gazetteer=GAZ)
    own = _m(entity, "ORG" if entity.endswith("大学") else mention.type, 20)
    r.add("d1", [own, mention], [])
    ((eid, why),) = r.merges().items()
    assert eid == entity and why == {mention.text: reason}


def test_a_users_entity_list_is_the_reason_for_its_aliases():
    gaz = Gazetteer(GAZ.entries.values(), user=[GazetteerEntry("星河智能", "COMPANY", ("Xinghe", "腾讯星河"))])
    r = Resolver(gazetteer=gaz)
    r.add("d1", [_m("星河智能", "COMPANY"), _m("Xinghe", "COMPANY", 5), _m("Tencent", "COMPANY", 12)], [])
    assert r.merges() == {"星河智能": {"Xinghe": "your entity list"}, "腾讯": {"Tencent": "gazetteer alias"}}


def test_a_name_merged_for_two_reasons_lists_both_and_an_unmerged_entity_none():
    r = Resolver(gazetteer=GAZ)
    r.add("d1", [_m("谷歌", "COMPANY"), _m("华为", "COMPANY", 3)], [])
    r.add("d2", [_m("腾讯", "COMPANY"), _via("Tencent", "COMPANY", "腾讯", "parenthesised alias", 3)], [])
    r.add("d3", [_m("Tencent", "COMPANY")], [])
    assert r.merges() == {"腾讯": {"Tencent": "gazetteer alias, parenthesised alias"}}


def test_merge_reasons_are_in_the_graphs_metadata():
    r = Resolver(gazetteer=GAZ)
    r.add("d1", [_m("腾讯", "COMPANY"), _m("騰訊", "COMPANY", 3)], [])
    table = r.finish(meta={"documents": 1})
    assert table.graph["merges"] == {"腾讯": {"騰訊": "traditional form"}}


# -- a user's decisions ------------------------------------------------------------------------------
def _decided(*lines):
    from kg.decisions import parse_decision

    return Resolver(gazetteer=GAZ, decisions=[parse_decision(x) for x in lines])


def test_merge_decision_makes_two_names_one_entity_called_by_the_second():
    r = _decided("merge 星序科技 = 星序")
    r.add("d1", [_m("星序科技", "COMPANY"), _m("星序科技", "COMPANY", 9)], [])
    r.add("d2", [_m("星序", "COMPANY")], [])
    (ent,) = r.entities().values()
    assert ent.label == "星序" and ent.aliases == ("星序科技",) and ent.mentions == 3
    assert r.merges() == {"星序": {"星序科技": "your merge decision"}}


def test_merge_decision_into_a_gazetteer_name_keeps_its_canonical_label():
    r = _decided("merge 鹅厂 = Tencent")
    r.add("d1", [_m("鹅厂", "COMPANY"), _m("腾讯", "COMPANY", 3)], [])
    (ent,) = r.entities().values()
    assert ent.label == "腾讯" and ent.aliases == ("鹅厂",)


def test_split_decision_takes_a_gazetteer_alias_out_of_the_entity():
    r = _decided("split 阿里 | 阿里巴巴")
    r.add("d1", [_m("阿里巴巴", "COMPANY"), _m("Alibaba", "COMPANY", 5), _m("阿里", "COMPANY", 13)], [])
    ents = {e.label: e for e in r.entities().values()}
    assert set(ents) == {"阿里巴巴", "阿里"} and ents["阿里巴巴"].aliases == ("Alibaba",)


def test_split_decision_undoes_a_short_form_and_a_spelling_variant():
    r = _decided("split Altman | Sam Altman", "split 极序科技有限公司 | 极序科技")
    r.add("d1", [_m("Sam Altman", "PERSON"), _via("Altman", "PERSON", "=Sam Altman", "short form", 12),
                 _m("极序科技", "COMPANY", 20), _m("极序科技有限公司", "COMPANY", 30)], [])
    assert sorted(e.label for e in r.entities().values()) == ["Altman", "Sam Altman", "极序科技", "极序科技有限公司"]
    assert r.merges() == {}


def test_split_decision_between_names_that_are_apart_anyway_changes_nothing():
    plain, split = Resolver(gazetteer=GAZ), _decided("split 腾讯 | 华为")
    for r in (plain, split):
        r.add("d1", [_m("腾讯", "COMPANY"), _m("华为", "COMPANY", 3), _m("Tencent", "COMPANY", 6)], [])
    assert plain.entities() == split.entities()


def test_merging_another_entitys_alias_moves_that_name_only():
    r = _decided("merge 阿里 = 阿里云")
    r.add("d1", [_m("阿里巴巴", "COMPANY"), _m("Alibaba", "COMPANY", 5), _m("阿里", "COMPANY", 13),
                 _m("阿里云", "COMPANY", 20)], [])
    ents = {e.label: e.aliases for e in r.entities().values()}
    assert ents == {"阿里巴巴": ("Alibaba",), "阿里云": ("阿里",)}


def test_merging_an_entitys_own_name_brings_its_other_names_along():
    r = _decided("merge 星序 = 星序科技")
    r.add("d1", [_m("星序", "COMPANY"), _via("Xingxu", "COMPANY", "=星序", "parenthesised alias", 3),
                 _m("星序科技", "COMPANY", 12)], [])
    (ent,) = r.entities().values()
    assert ent.label == "星序科技" and set(ent.aliases) == {"星序", "Xingxu"}


PLACES = Gazetteer([GazetteerEntry("北京", "LOCATION", ("北京市",)), GazetteerEntry("深圳", "LOCATION", ("深圳市",)),
                    GazetteerEntry("上海", "LOCATION", ())])


@pytest.mark.parametrize("registered,trade", [
    ("北京慧夜科技有限公司", "慧夜科技"),        # place + trade name + legal form
    ("深圳市星光联科技有限公司", "星光联科技"),
    ("星光联科技（深圳）有限公司", "星光联科技"),  # the place in brackets
    ("北京慧夜科技", "慧夜科技"),                # without the legal form: a trade suffix is needed
])
def test_a_registered_name_is_its_trade_name(registered, trade):
    assert mention_key(registered, "COMPANY", gazetteer=PLACES) == mention_key(trade, "COMPANY", gazetteer=PLACES)


@pytest.mark.parametrize("name", ["上海人工智能", "北京科技", "北京银行股份有限公司"])
def test_a_place_before_a_common_word_or_a_short_rest_stays(name):
    # 人工 is a common word, 科技 alone is too short; 北京银行 keeps its place (银行 alone would be no name)
    assert mention_key(name, "COMPANY", gazetteer=PLACES) != mention_key(name[2:], "COMPANY", gazetteer=PLACES)


@pytest.mark.parametrize("name,known", [("小米科技", "小米"), ("华为技术", "华为"), ("阿里巴巴集团", "阿里巴巴")])
def test_a_known_company_with_its_trade_word_is_that_company(name, known):
    assert key(name) == key(known)


def test_an_unknown_name_keeps_its_trade_word():
    assert key("星云科技") != key("星云")
