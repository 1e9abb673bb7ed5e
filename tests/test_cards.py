"""Company cards (公司：X / 主要投资人：A、B) and questions in interviews: sentences the team wrote."""
import kg
from kg.extract.cards import card_mentions, find_cards

CARD = """青禾电子：让工厂更聪明

公司：青禾电子

领域：工业软件

融资状态：A 轮 数千万元（2023.05）

主要投资人：星桥资本领投，远山创投、渶澜资本、软银中国跟投，顺禾科技创始人 林知远

官方网站：https://example.com/
"""


def _rels(text):
    return {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}


def test_card_fields_are_found_with_their_spans():
    (card,) = find_cards(CARD)
    assert CARD[card.company.start:card.company.end] == "青禾电子"
    assert [f.field for f in card.fields] == ["investors"]
    f = card.fields[0]
    assert CARD[f.start:f.end].startswith("星桥资本领投") and CARD[f.start:f.end].endswith("林知远")


def test_card_names_are_companies_even_where_no_list_or_model_knows_them():
    names = {(m.text, m.type) for m in card_mentions(CARD)}
    assert {("青禾电子", "COMPANY"), ("星桥资本", "COMPANY"), ("远山创投", "COMPANY"), ("渶澜资本", "COMPANY"),
            ("软银中国", "COMPANY")} <= names
    assert not any("林知远" in n for n, _ in names)  # a person with a title is not a company name
    assert not any(n.endswith(("领投", "跟投")) for n, _ in names)


def test_card_investors_invest_in_the_card_company():
    rels = _rels(CARD)
    for investor in ("星桥资本", "远山创投", "渶澜资本", "软银中国"):
        assert (investor, "invests_in", "青禾电子") in rels
    assert not any(r[1] == "invests_in" and r[0] == "顺禾科技" for r in rels)  # the founder invested, not his company
    assert not any(r[1] == "founded" and r[2] in ("星桥资本", "远山创投", "软银中国") for r in rels)


def test_card_evidence_runs_from_the_company_line_to_the_investor_line():
    res = kg.analyze(CARD)
    r = next(r for r in res.relations if r.head.text == "远山创投")
    assert r.evidence.sentence.startswith("公司：青禾电子") and "远山创投" in r.evidence.sentence
    assert CARD[r.evidence.start:r.evidence.end] == r.evidence.sentence


def test_person_with_firm_in_brackets_in_an_investor_list():
    text = "公司：青禾电子\n\n主要投资人：陆沉舟（星桥资本）、远山创投\n"
    rels = _rels(text)
    assert ("陆沉舟", "invests_in", "青禾电子") in rels
    assert ("陆沉舟", "works_for", "星桥资本") in rels
    assert ("星桥资本", "invests_in", "青禾电子") not in rels


def test_investor_names_that_end_in_a_trade_word_stay_whole():
    rels = _rels("公司：青禾电子\n\n主要投资人：真远投资、顺禾机器人\n")
    assert ("真远投资", "invests_in", "青禾电子") in rels
    assert ("顺禾机器人", "invests_in", "青禾电子") in rels


def test_notes_in_an_investor_list_are_not_names():
    names = {m.text for m in card_mentions("公司：青禾电子\n\n投资方：多家知名机构、个人投资者\n")}
    assert names == {"青禾电子"}


def test_an_interview_answer_is_not_a_card():
    text = "青禾电子：让工厂更聪明\n\n陆沉舟：我们成立于 2021 年，公司的客户主要是制造业的中型工厂，他们需要更便宜的软件。\n"
    assert find_cards(text) == []


def test_card_name_recurs_in_the_article_as_the_same_company():
    text = CARD + "\n青禾电子的创始人陆沉舟表示，工厂需要更好的软件。\n"
    rels = _rels(text)
    assert ("陆沉舟", "founded", "青禾电子") in rels


def test_statement_before_an_interview_question_gives_its_relations():
    assert ("陆沉舟", "founded", "青禾电子") in _rels("这期节目请来了青禾电子的 联合创始人 & CEO 陆沉舟，聊了聊：工厂为什么需要软件？")
    assert ("陆沉舟", "founded", "青禾电子") in _rels("这次请到了青禾电子的创始人陆沉舟，一起聊聊，工厂里有哪些新变化？")


def test_a_question_about_the_relation_states_nothing():
    assert _rels("你觉得腾讯会收购字节跳动吗？") == set()
    assert _rels("传腾讯将收购青禾电子，是真的吗？") == set()
    assert _rels("Founder Park：腾讯为什么投资了青禾电子？") == set()


def test_a_name_holding_he_is_not_split_as_a_list():
    # 和 inside a name (禾和资本) is no list mark; 和 between two names of two characters or more is
    card = "公司：青禾电子\n\n主要投资人：禾和资本，远山创投和星桥资本\n"
    names = [m.text for m in card_mentions(card)]
    assert names == ["青禾电子", "禾和资本", "远山创投", "星桥资本"]


def test_a_tables_company_column_names_companies():
    from kg.extract.cards import table_mentions

    text = ("前言。\n\n区域| 公司名称| 定价模式| 计费依据\n---|---|---|---\n法律| Norvale| 订阅| 每用户\n\n"
            "| Quantix AI| 订阅| 每用户\n医疗| 青禾医疗| 成功计费| 按需\n\n结束语，这是正文。")
    names = [(m.text, m.type, text[m.start:m.end]) for m in table_mentions(text)]
    assert names == [("Norvale", "COMPANY", "Norvale"), ("Quantix AI", "COMPANY", "Quantix AI"),
                     ("青禾医疗", "COMPANY", "青禾医疗")]
    # a table with no company column names none; nor does a rule row without a header
    assert table_mentions("模型| 参数\n---|---\nOrion-7B| 7B\n") == []
    import kg

    assert {"Norvale", "Quantix AI"} <= {m.text for m in kg.analyze(text).mentions}
