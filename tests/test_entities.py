"""Entity patterns and type rules on hand-built analyses: tokens are given, no tokenizer or model runs."""
import pytest

from kg.extract.entities import refine
from kg.extract.gazetteer import Gazetteer, GazetteerEntry

from helpers import make_analysis

GAZ = Gazetteer([GazetteerEntry("腾讯", "COMPANY", ("腾讯公司", "Tencent", "腾讯控股")), GazetteerEntry("腾讯投资", "COMPANY", ()), GazetteerEntry("GPT-4o", "MODEL", ()),
                 GazetteerEntry("Meta", "COMPANY", ()), GazetteerEntry("混元", "MODEL", ("Hunyuan",)),
                 GazetteerEntry("北京", "LOCATION", ())])


def found(text, tokens=(), mentions=()):
    a = refine(make_analysis(text, list(mentions), tokens=list(tokens)), gazetteer=GAZ)
    for m in a.mentions:
        assert text[m.start:m.end] == m.text
    return {(m.text, m.type) for m in a.mentions}


CASES = [
    # gazetteer, with aliases, width and spacing
    ("腾讯公司今天发布新品。", [], {("腾讯公司", "COMPANY")}),
    ("ＴＥＮＣＥＮＴ 和 Meta 都在布局。", [], {("ＴＥＮＣＥＮＴ", "COMPANY"), ("Meta", "COMPANY")}),
    ("Metaverse 是个概念。", [], set()),                          # whole Latin words only
    ("北京东路上的店。", [], {("北京", "LOCATION")}),
    ("腾讯投资了极序科技。", [], {("腾讯", "COMPANY")}),
    ("腾讯控股有限公司发布公告。", [], {("腾讯控股有限公司", "COMPANY")}),   # a legal suffix stays with the name            # the verb 投资, not the fund 腾讯投资
    # quoted and suffixed model names
    ("团队推出了「星序」大模型。", [], {("星序", "MODEL")}),
    ("公司发布了《天穹》系列模型。", [], {("天穹", "MODEL")}),
    ("腾讯升级了「混元」。", [], {("腾讯", "COMPANY"), ("混元", "MODEL")}),
    # Latin model names with versions: a known family, a model word after it, or a release verb before it
    ("GPT-4o 的表现很好。", [], {("GPT-4o", "MODEL")}),
    ("Qwen2.5-Coder 模型开源。", [], {("Qwen2.5-Coder", "MODEL")}),
    ("公司发布了 Nova-3 。", [], {("Nova-3", "MODEL")}),
    ("英伟达发布了 H200 芯片。", [], set()),                      # a product noun follows: not a model
    # model variants after a known name
    ("腾讯发布了混元 T1 和混元-Large。", [], {("腾讯", "COMPANY"), ("混元 T1", "MODEL"), ("混元-Large", "MODEL")}),
    # organisations by suffix, over the given tokens
    ("北京智源人工智能研究院成立。", [("北京", "ns"), ("智源", "n"), ("人工智能", "n"), ("研究院", "n"), ("成立", "v")],
     {("北京智源人工智能研究院", "ORG")}),
    ("人工智能实验室很多。", [("人工智能", "n"), ("实验室", "n"), ("很多", "m")], set()),
    ("月之暗面科技有限公司推出产品。", [("月之暗面", "nz"), ("科技", "n"), ("有限公司", "n"), ("推出", "v")],
     {("月之暗面科技有限公司", "COMPANY")}),
    # appositions: a descriptor followed by a name
    ("初创公司灵枢机器人今日宣布融资。", [("初创", "n"), ("公司", "n"), ("灵枢", "n"), ("机器人", "n"), ("今日", "t"), ("宣布", "v")],
     {("灵枢机器人", "COMPANY")}),
    # people: after a title, and Latin names in person context
    ("副主任俞栋近日离职。", [("副主任", "n"), ("俞栋", "nr"), ("近日", "t"), ("离职", "v")], {("俞栋", "PERSON")}),
    ("前 GitHub CEO Nat Friedman 加入了实验室。", [], {("Nat Friedman", "PERSON")}),
    ("研究员 Lilian Weng 表示乐观。", [], {("Lilian Weng", "PERSON")}),
    ("首席技术官凯文·斯科特表示", [("首席技术官", "n"), ("凯文", "nr"), ("·", "x"), ("斯科特", "nr"), ("表示", "v")],
     {("凯文·斯科特", "PERSON")}),
    ("听澜智能发布观澜-2 模型。", [("听澜", "nz"), ("智能", "n"), ("发布", "v"), ("观澜", "nz"), ("-", "x"), ("2", "m"),
                                ("模型", "n")], {("听澜智能", "COMPANY"), ("观澜-2", "MODEL")}),
]


@pytest.mark.parametrize("text,tokens,expected", CASES, ids=[c[0][:14] for c in CASES])
def test_entity_patterns(text, tokens, expected):
    assert found(text, tokens) == expected


def test_a_name_found_once_is_found_where_it_recurs():
    text = "研究员 Lilian Weng 表示乐观。后来 Lilian Weng 离开了。"
    a = refine(make_analysis(text), gazetteer=GAZ)
    assert [m.start for m in a.mentions if m.text == "Lilian Weng"] == [4, 24]


def test_mentions_do_not_overlap_and_gazetteer_wins_over_engine():
    from kg.types import Mention
    text = "腾讯公司今天发布新品。"
    base = make_analysis(text)
    engine = Mention("腾讯公司今天", "ORG", 0, 6, "ner", None, 0.5)
    a = refine(base.__class__(base.doc, base.sentences, base.tokens, (engine,)), gazetteer=GAZ)
    assert [(m.text, m.source) for m in a.mentions] == [("腾讯公司", "gazetteer")]


def test_model_context_retypes_an_engine_organisation():
    from kg.types import Mention
    text = "百川推出了星河大模型。"
    base = make_analysis(text)
    m = Mention("星河", "ORG", 5, 7, "ner", None, 0.8)
    a = refine(base.__class__(base.doc, base.sentences, base.tokens, (m,)), gazetteer=GAZ)
    assert ("星河", "MODEL") in {(x.text, x.type) for x in a.mentions}


def test_a_name_in_brackets_is_an_alias_of_the_name_before_it():
    from kg.resolve import mention_key
    text = "亚马逊（Amazon）投资了它。"
    gaz = Gazetteer([GazetteerEntry("亚马逊", "COMPANY", ()), GazetteerEntry("Amazon Web", "COMPANY", ())])
    base = make_analysis(text)
    from kg.types import Mention
    amazon = Mention("Amazon", "ORG", 4, 10, "ner", None, 0.9)
    a = refine(base.__class__(base.doc, base.sentences, base.tokens, (amazon,)), gazetteer=gaz)
    alias = next(m for m in a.mentions if m.text == "Amazon")
    assert alias.source == "alias" and alias.type == "COMPANY"
    assert mention_key("Amazon", "COMPANY", gazetteer=gaz, key=alias.key) == mention_key("亚马逊", "COMPANY", gazetteer=gaz)
