"""Pronouns reaching their antecedent (kg/extract/relations/discourse.py), on hand-built analyses."""
import pytest

from kg.extract.relations import extract_relations

from helpers import make_analysis
from test_relations import GAZ

P, O, C = "PERSON", "ORG", "COMPANY"


def _rels(text, mentions):
    return {(r.head.key or r.head.text, r.relation, r.tail.key or r.tail.text)
            for r in extract_relations(make_analysis(text, mentions), gazetteer=GAZ)}


def test_he_in_the_next_sentence_is_the_person_named_before():
    text = "钟岳明毕业于南京大学。他曾在微软工作五年。"
    rels = extract_relations(make_analysis(text, [("钟岳明", P), ("南京大学", O), ("微软", C)]), gazetteer=GAZ)
    wf = [r for r in rels if r.relation == "works_for"]
    assert len(wf) == 1 and wf[0].head.key == "=钟岳明" and wf[0].head.text == "他"
    # the evidence runs from the antecedent's sentence, so a reader sees who 他 is
    assert wf[0].evidence.start == 0 and wf[0].evidence.sentence == text[:wf[0].evidence.end]


def test_the_company_in_the_next_sentence():
    assert ("钟岳明", "founded", "=鹿鸣科技") in _rels("鹿鸣科技成立于2020年。该公司由钟岳明创立。", [("鹿鸣科技", C), ("钟岳明", P)])


@pytest.mark.parametrize("text,mentions", [
    ("钟岳明和韩立都来自南京大学。他曾在微软工作。", [("钟岳明", P), ("韩立", P), ("南京大学", O), ("微软", C)]),  # two people
    ("钟岳明说：“他曾在微软工作。”", [("钟岳明", P), ("微软", C)]),  # inside a quotation
    ("钟岳明毕业于南京大学。我们与他在微软合作过。", [("钟岳明", P), ("南京大学", O), ("微软", C)]),  # not a clause start
])
def test_unclear_antecedents_give_nothing(text, mentions):
    assert not any(h == "=钟岳明" for h, _, _ in _rels(text, mentions))


def test_a_long_paragraph_before_does_not_lend_its_subject():
    text = "钟岳明毕业于南京大学，" + "这是一段很长的背景介绍，" * 15 + "。\n他曾在微软工作。"
    assert not any(h == "=钟岳明" for h, _, _ in _rels(text, [("钟岳明", P), ("南京大学", O), ("微软", C)]))


def test_a_heading_lends_its_subject():
    text = "钟岳明的故事\n他曾在微软工作五年。"
    assert ("=钟岳明", "works_for", "微软") in _rels(text, [("钟岳明", P), ("微软", C)])


def test_qi_as_the_object_of_an_investment_is_the_company_named_in_the_clause_before():
    text = "其中一家是鹿鸣科技，红杉资本去年领投其 A 轮融资。"
    got = _rels(text, [("鹿鸣科技", C), ("红杉资本", C)])
    assert ("红杉资本", "invests_in", "=鹿鸣科技") in got


def test_qi_is_never_the_subject_of_its_own_clause():
    text = "红杉资本表示，红杉资本领投其 A 轮。"
    assert not any(t == "=红杉资本" for _, _, t in _rels(text, [("红杉资本", C), ("红杉资本", C)]))


def test_an_omitted_subject_is_the_person_of_the_sentence_before():
    import kg

    res = kg.analyze("王建华毕业于清华大学。2015年加入腾讯，担任研究员。")
    joined = [r for r in res.relations if r.relation == "joined"]
    assert len(joined) == 1 and joined[0].tail.text == "腾讯"
    r = joined[0]
    assert r.head.start == r.head.end and r.head.text == ""  # no word stands for the subject: a zero-width mention
    assert r.evidence.sentence.startswith("王建华毕业于清华大学。")  # the evidence shows who it is
    g = kg.build(texts=["王建华毕业于清华大学。2015年加入腾讯，担任研究员。"])
    assert ("王建华", "joined", "腾讯") in {(x.subject, x.relation, x.object) for x in g.relations()}


def test_no_omitted_subject_when_the_sentence_before_names_two_people_or_none():
    import kg

    assert not any(r.relation == "joined" for r in kg.analyze("王建华和李明毕业于清华大学。2015年加入腾讯。").relations)
    assert not kg.analyze("腾讯发布了新模型。2015年加入腾讯的人很多。").relations


def test_first_person_in_an_interview_answer_is_the_speaker():
    import kg

    text = ("主持人：你之前在哪里工作？\n\n阿莫迪：对。我在OpenAI工作过五年左右。\n\n"
            "当我创立 Anthropic 时，大家都很怀疑。\n\n主持人：谢谢。")
    rels = {(r.head.key, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    key = next(m.key or "=" + m.text for m in kg.analyze(text).mentions if m.text == "阿莫迪")
    assert {(key, "works_for", "OpenAI"), (key, "founded", "Anthropic")} <= rels


def test_first_person_opinions_and_unlabelled_text_give_no_relations():
    import kg

    text = "阿莫迪：我认为谷歌这样的公司会做得很好。"
    assert not kg.analyze(text).relations  # 我认为 …: 我 is not the subject of what follows
    assert not kg.analyze("我在OpenAI工作过五年左右。").relations  # no speaker label: nobody to stand for


def test_he_after_a_sequence_word_and_the_object_of_joined_is_no_subject():
    # 然后他加入了腾讯: 他 is the person named before; and 腾讯, the object of 加入了, does not found what
    # the next clause says was founded
    text = "钟岳明一直在打破界限。然后他加入了腾讯担任运营职位，并于 2015 年与他人共同创立了百川智能。"
    rels = _rels(text, [("钟岳明", P), ("腾讯", C), ("百川智能", C)])
    assert ("=钟岳明", "joined", "腾讯") in rels
    assert not any(h == "腾讯" and r == "founded" for h, r, _ in rels)


def test_he_after_hearsay_words_and_going_back():
    # 据说他将离开腾讯重新回到百度: 他 after 据说 is the person named before; 回到 a company is joining it again
    rels = _rels("钟岳明于 2020 年从百度加入腾讯，据说他将离开腾讯重新回到百度。", [("钟岳明", P), ("百度", C), ("腾讯", C), ("腾讯", C), ("百度", C)])
    assert {("=钟岳明", "departed_from", "腾讯"), ("=钟岳明", "joined", "百度")} <= rels


def test_a_short_verb_before_the_trigger_keeps_the_carried_subject_but_a_conjunction_or_a_source_does_not():
    # 之后辍学创办了 X: the person of the clause before founded X
    assert ("钟岳明", "founded", "鹿鸣科技") in _rels("钟岳明来自四川，之后辍学创办了鹿鸣科技。", [("钟岳明", P), ("鹿鸣科技", C)])
    # 根据 X 的数据，尽管…上线: X is the source quoted, not who launched it
    rels = _rels("根据 Datora 的数据，尽管上线的前 6 天 Lumo 下载量就突破了 50 万。", [("Datora", C), ("Lumo", "MODEL")])
    assert not any(r == "develops" for _, r, _ in rels)


def test_a_company_pronoun_with_de_names_its_people():
    # 该公司的 CEO, 这只基金的合伙人…包括 A、B: the company pronoun keeps 的 (a person's 他的 does not)
    rels = _rels("鹿鸣科技成立于2020年。该公司的 CEO 钟岳明表示。", [("鹿鸣科技", C), ("钟岳明", P)])
    assert ("钟岳明", "works_for", "=鹿鸣科技") in rels
    rels = _rels("鹿鸣资本募集了新基金。这只基金的合伙人只有三位，包括了钟岳明、韩立和林晓川。",
                 [("鹿鸣资本", C), ("钟岳明", P), ("韩立", P), ("林晓川", P)])
    assert {(p, "works_for", "=鹿鸣资本") for p in ("钟岳明", "韩立", "林晓川")} <= rels


def test_we_in_an_answer_is_the_speaker_s_organisation_for_a_release():
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们2023年推出星序模型时，用户不多。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("星序", "MODEL")])
    assert ("鹿鸣科技", "develops", "星序") in rels
    # a speaker with positions at two organisations: 我们 is not clear
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明，他也是南大实验室主任。\n钟岳明：我们2023年推出星序模型时，用户不多。"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("南大实验室", O), ("钟岳明", P), ("星序", "MODEL")])
    assert ("鹿鸣科技", "develops", "星序") not in rels


_LONG = "这是一段很长的背景介绍，" * 12 + "。\n"


def test_he_far_from_any_name_is_the_person_a_profile_is_about():
    text = "钟岳明出生于青州。钟岳明的父亲是工程师。\n钟岳明喜欢数学。\n" + _LONG + "后来，他在微软担任研究员。"
    assert ("=钟岳明", "works_for", "微软") in _rels(text, [("钟岳明", P), ("钟岳明", P), ("钟岳明", P), ("微软", C)])
    # named twice only: the article is not plainly about him
    text = "钟岳明出生于青州。钟岳明的父亲是工程师。\n" + _LONG + "后来，他在微软担任研究员。"
    assert not any(h == "=钟岳明" for h, _, _ in _rels(text, [("钟岳明", P), ("钟岳明", P), ("微软", C)]))


def test_a_person_named_only_as_an_object_yields_to_the_person_the_article_is_about():
    text = "钟岳明出生于青州。钟岳明喜欢数学。钟岳明成了教授。\n1994年，他的论文引用了韩立的工作。\n后来，他在微软担任研究员。"
    got = _rels(text, [("钟岳明", P), ("钟岳明", P), ("钟岳明", P), ("韩立", P), ("微软", C)])
    assert ("=钟岳明", "works_for", "微软") in got and not any(h == "=韩立" for h, _, _ in got)


def test_it_is_the_one_company_of_the_sentence_before_never_a_model_or_one_of_two():
    assert ("钟岳明", "founded", "=鹿鸣科技") in _rels("鹿鸣科技是一家数据公司。它由钟岳明创立。", [("鹿鸣科技", C), ("钟岳明", P)])
    assert not any(t == "=鹿鸣科技" for _, _, t in _rels("鹿鸣科技发布了星序模型。它由钟岳明创立。",
                                                        [("鹿鸣科技", C), ("星序", "MODEL"), ("钟岳明", P)]))
    assert not any(r == "founded" for _, r, _ in _rels("鹿鸣科技和远山科技合并了。它由钟岳明创立。",
                                                      [("鹿鸣科技", C), ("远山科技", C), ("钟岳明", P)]))


_GUEST_INTERVIEW = """远山科技：把图数据库做成基础设施

编辑部：你们为什么做图数据库？

顾承远：我们觉得图技术会是基础设施。

编辑部：接下来怎么规划？

顾承远：继续把产品做好。

*以上嘉宾观点不代表本刊立场。

远山科技是一家图数据库公司。

加拿大滑铁卢大学计算机博士、前北辰银行数据科学家，代表远山科技担任开源基金会理事，并促进远山科技加入 Quill 基金会。
"""


def test_an_interviews_one_guest_owns_the_unnamed_bio_after_the_answers(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    rels = {(r.head.key or "=" + r.head.text, r.relation, r.tail.text) for r in kg.analyze(_GUEST_INTERVIEW).relations}
    assert ("=顾承远", "works_for", "北辰银行") in rels
    assert any(r[0] == "=顾承远" and r[1] == "educated_at" and r[2].endswith("滑铁卢大学") for r in rels)
    assert not any(r[1] == "joined" for r in rels)  # 并促进远山科技加入 Quill: the company joins, not the guest


def test_an_unnamed_bio_needs_exactly_one_guest_before_it(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    two = _GUEST_INTERVIEW.replace("顾承远：继续", "林知远：继续")
    rels = {(r.head.key or "=" + r.head.text, r.relation, r.tail.text) for r in kg.analyze(two).relations}
    assert not any(r[2].endswith(("滑铁卢大学", "北辰银行")) for r in rels)


def test_a_roster_entrys_clauses_are_about_its_person(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("1.Leo Marsh ：研究工程师，2021 年加入，之前在远山科技和青禾科技等公司工作过。\n\n"
            "2.Ivy Tan ：目前是 Quill 团队成员。\n\n本科在北辰大学读的物理，之前在星河科技待了两年。\n")
    rels = {(r.head.key or "=" + r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert {("=Leo Marsh", "works_for", "远山科技"), ("=Leo Marsh", "works_for", "青禾科技")} <= rels
    assert ("=Ivy Tan", "works_for", "星河科技") in rels  # the line after the entry, naming no one
    # an interview answer (我) is not a roster entry
    answer = "1.Leo Marsh ：我觉得之前在远山科技做的推荐系统很有意思。\n"
    assert not any(r.relation == "works_for" for r in kg.analyze(answer).relations)


def test_a_clause_that_opens_with_before_or_respectively_carries_the_subject(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    import kg

    rels = {(r.head.text, r.relation, r.tail.text) for r in
            kg.analyze("王磊本科毕业于北辰大学，之后分别在远山科技和青禾科技工作过。").relations}
    assert {("王磊", "works_for", "远山科技"), ("王磊", "works_for", "青禾科技")} <= rels


def test_the_lines_after_a_name_alone_on_its_line_are_that_persons_bio(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("作者介绍\n\n周嘉树\n\n本硕毕业于北航，博士就读于青禾大学。\n\n林知远 (Gavin Lin)\n\n"
            "MIT博士在读，做机器人抓取。\n\nUC伯克利本科毕业，2023 年以访问学生身份加入远山实验室，合作者有周嘉树等人。\n")
    rels = {(r.head.key or "=" + r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert {("=周嘉树", "educated_at", "北航"), ("=周嘉树", "educated_at", "青禾大学")} <= rels
    assert {("=林知远", "educated_at", "MIT"), ("=林知远", "educated_at", "UC伯克利"),
            ("=林知远", "joined", "远山实验室")} <= rels
    assert not any(h == "=周嘉树" and r == "joined" for h, r, _ in rels)  # 导师为周嘉树: named after the clause
    # a name line followed by a line about someone else it names first lends nothing
    other = "周嘉树\n\n林知远本科毕业于北航。\n"
    assert not any(h == "=周嘉树" for h, _, _ in
                   {(r.head.key or "=" + r.head.text, r.relation, r.tail.text) for r in kg.analyze(other).relations})


def test_evidence_for_the_main_person_far_back_is_the_sentence_alone():
    # the article's main person, named three times at the top; 他 comes after pages with no one in them
    head = "林若溪创办了一家机器人公司。林若溪今年四十岁。记者在杭州见到了林若溪。\n\n"
    filler = "".join(f"第{i}段讲的是这个行业的市场规模、价格走势和下游需求的变化，没有提到任何一个人的名字。\n\n"
                     for i in range(12))
    last = "他本科毕业于浙江大学。"
    text = head + filler + last
    rels = extract_relations(make_analysis(text, [("林若溪", P), ("林若溪", P), ("林若溪", P), ("浙江大学", O)]),
                             gazetteer=GAZ)
    edu = [r for r in rels if r.relation == "educated_at"]
    assert [(r.head.key, r.tail.text) for r in edu] == [("=林若溪", "浙江大学")]
    assert edu[0].evidence.sentence == last and edu[0].evidence.start == len(text) - len(last)


def test_we_in_an_answer_is_the_speaker_s_organisation_for_a_partnership_and_a_purchase():
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们和青禾音乐、远山汽车在 2021 年开始合作。后来我们收购了星图数据。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("青禾音乐", C), ("远山汽车", C), ("星图数据", C)])
    assert {("鹿鸣科技", "partners_with", "青禾音乐"), ("鹿鸣科技", "partners_with", "远山汽车"),
            ("鹿鸣科技", "acquires", "星图数据")} <= rels
    # 我们和 X 一起吃饭: no work together
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们和青禾音乐的人一起吃饭。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("青禾音乐", C)])
    assert not any(r == "partners_with" for _, r, _ in rels)


def test_we_bought_a_firm_at_a_price_is_the_speaker_s_organisation_acquiring_it():
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们之前斥巨资买下了星图数据。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("星图数据", C)])
    assert ("鹿鸣科技", "acquires", "星图数据") in rels


def test_i_in_a_guest_s_answer_is_the_guest_whatever_the_label_s_length():
    import kg

    text = "记者Dana Whitlock：你在加入谷歌之前做什么？\n\n嘉宾Karanveer Anand：当时我在 Nutanix 担任软件工程师。"
    a = kg.analyze(text)
    assert ("Karanveer Anand", "PERSON") in {(m.text, m.type) for m in a.mentions}
    assert [(r.head.key, r.tail.text) for r in a.relations if r.relation == "works_for"] == [("=Karanveer Anand", "Nutanix")]
    a = kg.analyze("主持人：你之前做什么？\n\n嘉宾介绍：本期嘉宾来自青禾科技。")
    assert not any(m.type == "PERSON" for m in a.mentions)


def test_a_sentence_opening_with_a_relative_clause_has_its_own_subject(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")
    import kg

    text = "青禾科技迎来了新的 CEO 林远，林远很忙。\n\n创立 Lumora AI 的 Ada Stone 之前在 OpenAI 工作。"
    rels = {(r.head.key or r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert ("Ada Stone", "founded", "Lumora AI") in rels
    assert not any(r == "founded" and t == "Lumora AI" and h != "Ada Stone" for h, r, t in rels)


def test_an_omitted_maker_is_the_one_firm_of_the_line_before(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = "今天，青禾科技也出手了——\n最新发布开源语音模型 LumoVoice，支持五种语言。"
    rels = {(r.head.key or r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert ("青禾科技", "develops", "LumoVoice") in {(h.lstrip("="), rel, t) for h, rel, t in rels}
    g = kg.build(texts=[text])
    assert ("青禾科技", "develops", "LumoVoice") in {(x.subject, x.relation, x.object) for x in g.relations()}
    # two firms before, or a firm named before the verb: no guess
    assert not any(r.relation == "develops" and r.head.text == "" for r in
                   kg.analyze("青禾科技和北辰科技都出手了——\n最新发布开源语音模型 LumoVoice。").relations)


def test_we_founded_in_an_answer_makes_the_speaker_a_founder(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = "主持人：你们是怎么认识的？\n\n林远：我们一起创办了青禾科技，那时候大家都很年轻。"
    g = kg.build(texts=[text])
    assert ("林远", "founded", "青禾科技") in {(x.subject, x.relation, x.object) for x in g.relations()}
    assert not any(r.relation == "founded" for r in kg.analyze("林远：我们成立了一个新部门，和青禾科技合作。").relations)
    assert not any(r.relation == "founded" for r in kg.analyze("我们一起创办了青禾科技。").relations)  # no speaker


def test_we_in_a_speech_transcript_is_the_speaker_s_firm(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = "北辰科技 CEO 王强演讲：AI 会无处不在\n\n我们对与 OpenAI 的合作很满意。我们还与 AMD 合作。\n\n我们推出了 Lumo-2，它很强。"
    rels = {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert {("北辰科技", "partners_with", "OpenAI"), ("北辰科技", "partners_with", "AMD"), ("北辰科技", "develops", "Lumo-2")} <= rels
    # a title that announces no speech: 我们 is nobody's
    plain = "北辰科技 CEO 王强谈 AI\n\n我们还与 AMD 合作。"
    assert ("北辰科技", "partners_with", "AMD") not in {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(plain).relations}


def test_our_model_in_an_answer_is_the_speaker_s_firm_s(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("主持人：北辰科技 CEO 王强，欢迎你。\n\n王强：谢谢。我们的 Lumo-2 模型已经用在医院里，"
            "我们的系统“Orion-7”也快上线了。")
    rels = {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert {("北辰科技", "develops", "Lumo-2"), ("北辰科技", "develops", "Orion-7")} <= rels
    # without a speaker, 我们 is nobody's
    assert not any(r.relation == "develops" for r in kg.analyze("我们的 Lumo-2 模型已经用在医院里。").relations)


def test_you_in_an_interview_question_is_the_next_speaker(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("林远谈创业\n\n主持人：你曾经在北辰科技工作多年，那段经历对你影响大吗？\n\n林远：影响很大。\n\n"
            "主持人：你毕业于青禾大学，对吗？\n\n林远：对。")
    rels = {(x.subject, x.relation, x.object) for x in kg.build(texts=[text]).relations()}
    assert {("林远", "works_for", "北辰科技"), ("林远", "educated_at", "青禾大学")} <= rels
    # a statement, not a question: 你 is no one the text names
    plain = "主持人：你曾经在北辰科技工作多年。\n\n林远：是的。"
    assert not any(x.subject == "林远" for x in kg.build(texts=[plain]).relations())
    opinion = "主持人：你怎么看——北辰科技最近有不少员工离职？\n\n林远：这很正常。"
    assert not any(x.subject == "林远" for x in kg.build(texts=[opinion]).relations())


def test_a_speech_an_opening_paragraph_announces_is_the_speaker_s_from_the_greeting(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("AI 的新范式\n\n林远在青禾论坛上的演讲再引热议。\n\n我们一起来看看这场演讲。\n\n"
            "大家好，感谢邀请我来。\n\n七年前，我在北辰科技工作，那时团队只有八个人。")
    rels = {(x.subject, x.relation, x.object) for x in kg.build(texts=[text]).relations()}
    assert ("林远", "works_for", "北辰科技") in rels
    # no greeting: the paragraphs are the writer's
    plain = "AI 的新范式\n\n林远在青禾论坛上的演讲再引热议。\n\n七年前，我在北辰科技工作，那时团队只有八个人。"
    assert ("林远", "works_for", "北辰科技") not in {(x.subject, x.relation, x.object) for x in kg.build(texts=[plain]).relations()}


def test_a_title_led_paragraph_under_a_heading_naming_one_firm_is_a_post_there(monkeypatch):
    import kg

    monkeypatch.setenv("KG_RELATIONS", "rules")
    text = ("谁是北辰科技？\n\n事实上，北辰科技与谷歌关系很深。\n\nCEO 王强，论文共同一作，他在多伦多大学读博。\n\n"
            "联合创始人 林远，博士毕业于青禾大学。")
    rels = {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert {("王强", "leads", "北辰科技"), ("林远", "founded", "北辰科技")} <= rels
    # the subject a later paragraph opens with is the section's firm from there on
    text = "背后团队来自青禾大学\n\n北辰科技是一家从青禾大学衍生出来的公司。\n\nCEO 王强，青禾大学的科学家。"
    rels = {(r.head.text, r.relation, r.tail.text) for r in kg.analyze(text).relations}
    assert ("王强", "leads", "北辰科技") in rels and ("王强", "leads", "青禾大学") not in rels


def test_we_in_an_answer_rivals_a_firm_or_took_its_money():
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们最大的竞争对手是星图数据和远山汽车。去年我们拿到了青禾资本的 A 轮投资。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("星图数据", C), ("远山汽车", C), ("青禾资本", C)])
    assert {("鹿鸣科技", "competes_with", "星图数据"), ("鹿鸣科技", "competes_with", "远山汽车"),
            ("青禾资本", "invests_in", "鹿鸣科技")} <= rels
    # 我们拿到了 X 的订单: an order, not money
    text = "本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我们拿到了青禾资本的一笔大订单。\n主持人：为什么？"
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("青禾资本", C)])
    assert not any(r == "invests_in" for _, r, _ in rels)


def test_we_in_a_later_clause_and_after_a_post_the_speaker_left():
    # the speaker left 星图数据 (a post there is no 我们 now); 我们 carries over a comma to 也和 X 达成了合作
    text = ("本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我曾在星图数据工作了五年，后来离开了星图数据。\n"
            "主持人：现在呢？\n钟岳明：我们刚刚发布了 Lumo-2 模型，也和远山汽车达成了合作。我们最大的对手其实是青禾音乐。")
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("星图数据", C), ("星图数据", C), ("钟岳明", P),
                        ("Lumo-2", "MODEL"), ("远山汽车", C), ("青禾音乐", C)])
    assert {("鹿鸣科技", "develops", "Lumo-2"), ("鹿鸣科技", "partners_with", "远山汽车"),
            ("鹿鸣科技", "competes_with", "青禾音乐")} <= rels
    assert not any(h == "星图数据" for h, _, _ in rels)


@pytest.fixture
def rules_only_env(monkeypatch):
    monkeypatch.setenv("KG_RELATIONS", "rules")


def _graph_triples(text):
    import kg

    return {(r.subject, r.relation, r.object) for r in kg.build(texts=[text]).relations()}


def test_a_bio_sentence_of_degrees_without_a_subject_is_the_person_s_before(rules_only_env):
    triples = _graph_triples("周立是远山科技的创始人。本科和硕士就读于北京大学，博士毕业于卡内基梅隆大学。")
    assert {("周立", "educated_at", "北京大学"), ("周立", "educated_at", "卡内基梅隆大学")} <= triples


def test_a_founding_with_partners_after_a_comma_is_the_carried_subject_s(rules_only_env):
    triples = _graph_triples("Bret Taylor 离开 Salesforce 后，与几位前同事一起创办了远山科技。")
    assert ("Bret Taylor", "founded", "远山科技") in triples
    triples = _graph_triples("Bret Taylor 离开 Salesforce 后，和 Clay Bavor 一起创办了远山科技。")
    assert {("Bret Taylor", "founded", "远山科技"), ("Clay Bavor", "founded", "远山科技")} <= triples


def test_we_of_a_speaker_the_text_gives_no_post_is_the_known_organisation_named(rules_only_env):
    text = ("# 对话 Demis Hassabis：Google DeepMind 的下一步\n\n主持人：最近在做什么？\n\n"
            "Demis Hassabis：我们刚刚发布了 Lumo-9 模型。\n\n主持人：好的。\n")
    assert ("Google DeepMind", "develops", "Lumo-9") in _graph_triples(text)
    # the organisation is not named: nothing to attach 我们 to
    text = "主持人：最近在做什么？\n\nDemis Hassabis：我们刚刚发布了 Lumo-9 模型。\n\n主持人：好的。\n"
    assert not any(r == "develops" for _, r, _ in _graph_triples(text))


def test_we_as_the_object_of_investors_and_our_customers_of_a_founder_with_a_past_post():
    # the speaker worked at 星图数据 before (a post not left in words) and heads 鹿鸣科技: 我们 is 鹿鸣科技
    text = ("本期嘉宾是鹿鸣科技 CEO 钟岳明。\n钟岳明：我之前在星图数据工作了十年。\n主持人：现在呢？\n"
            "钟岳明：青禾资本和远山资本都投资了我们。我们的客户包括北辰汽车和云杉银行。")
    rels = _rels(text, [("鹿鸣科技", C), ("钟岳明", P), ("钟岳明", P), ("星图数据", C), ("钟岳明", P),
                        ("青禾资本", C), ("远山资本", C), ("北辰汽车", C), ("云杉银行", C)])
    assert {("青禾资本", "invests_in", "鹿鸣科技"), ("远山资本", "invests_in", "鹿鸣科技"),
            ("鹿鸣科技", "partners_with", "北辰汽车"), ("鹿鸣科技", "partners_with", "云杉银行")} <= rels
    assert not any(h == "星图数据" or t == "星图数据" for h, r, t in rels if r != "works_for")


def test_a_bare_title_holder_who_leaves_leaves_the_organisation_before(rules_only_env):
    triples = _graph_triples("远山科技又迎来一波人事震荡。首席技术官 Wendy Zhou 今天宣布离职。")
    assert {("Wendy Zhou", "works_for", "远山科技"), ("Wendy Zhou", "departed_from", "远山科技")} <= triples
    assert not any(r == "departed_from" for _, r, _ in _graph_triples("远山科技发布了新模型。首席技术官 Wendy Zhou 表示这很重要。"))
