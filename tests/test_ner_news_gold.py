"""NER examples from the development splits' gold (kg.train.news_gold): names projected onto sentences, titles
unknown, news-test refused. Articles and sentences here are made up."""
import json

import pytest

from kg.errors import InputError
from kg.train.data import MISSING, load_training_data
from kg.train.news_gold import gold_file, gold_names, label_sentence, news_gold_examples


def _spans(example):
    text, spans = example
    return [(text[s:e], label) for s, e, label in spans]


def test_every_free_occurrence_is_labelled_longest_first():
    names = {"Meta": "COMPANY", "Meta AI": "ORG", "Lumo-2": "MODEL", "林晓帆": "PERSON"}
    text = "Meta AI 的林晓帆说，Metaverse 不归 Meta 管，Lumo-2 和 Lumo-21 是两回事。"
    assert _spans(label_sentence(text, names)) == [("Meta AI", "ORG"), ("林晓帆", "PERSON"), ("Meta", "COMPANY"),
                                                   ("Lumo-2", "MODEL")]


def test_titles_are_unknown_unless_inside_a_name():
    names = {"青木智能": "COMPANY", "周乐安": "PERSON", "首席科学家办公室": "ORG"}
    text = "青木智能首席执行官周乐安来自首席科学家办公室。"
    example = label_sentence(text, names, titles=("首席科学家", "首席执行官"))
    assert _spans(example) == [("青木智能", "COMPANY"), ("首席执行官", MISSING), ("周乐安", "PERSON"),
                               ("首席科学家办公室", "ORG")]


def test_gold_names_keep_kg_types_and_aliases():
    record = {"doc": "a.md", "entities": [
        {"name": "星桥科技", "type": "COMPANY", "aliases": ["星桥"]},
        {"name": "北港", "type": "LOCATION", "aliases": []},
        {"name": "SkyLM", "type": "MODEL", "aliases": [" SkyLM "]}]}
    assert gold_names(record) == {"星桥科技": "COMPANY", "星桥": "COMPANY", "SkyLM": "MODEL"}


def test_news_test_and_unknown_splits_are_refused(tmp_path):
    for split in ("test", "train", "dev2;rm"):
        with pytest.raises(InputError, match="not a development split"):
            gold_file(split, tmp_path)
    with pytest.raises(InputError, match="not found"):
        gold_file("dev7", tmp_path)


def test_examples_from_a_gold_file_and_its_articles(tmp_path):
    news, eval_dir = tmp_path / "news", tmp_path / "eval"
    (news / "pub").mkdir(parents=True)
    eval_dir.mkdir()
    (news / "pub" / "one.md").write_text(
        "# 星桥科技发布 SkyLM\n\n星桥科技创始人陆一鸣表示，SkyLM 已开放试用。\n\n这是一段没有名字的话，讲天气很好。\n",
        encoding="utf-8")
    gold = {"doc": "pub/one.md", "entities": [{"name": "星桥科技", "type": "COMPANY", "aliases": []},
                                              {"name": "陆一鸣", "type": "PERSON", "aliases": []},
                                              {"name": "SkyLM", "type": "MODEL", "aliases": []}], "relations": []}
    (eval_dir / "news-dev3.jsonl").write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    counts = {}
    examples = news_gold_examples(news, ("dev3",), share_empty=1.0, eval_dir=eval_dir, titles=("创始人",),
                                  counts=counts)
    labelled = [_spans(e) for e in examples]
    assert [("星桥科技", "COMPANY"), ("创始人", MISSING), ("陆一鸣", "PERSON"), ("SkyLM", "MODEL")] in labelled
    assert [] in labelled  # the sentence without a name, kept at share_empty=1.0
    assert counts["articles"] == 1 and counts["PERSON"] == 1 and counts["empty_sentences"] >= 1
    none_empty = news_gold_examples(news, ("dev3",), share_empty=0.0, eval_dir=eval_dir, titles=())
    assert all(e[1] for e in none_empty)
    with pytest.raises(InputError, match="not a folder"):
        news_gold_examples(tmp_path / "elsewhere", ("dev3",), eval_dir=eval_dir)  # not a folder


def test_the_newsgold_corpus_needs_the_news_folder(tmp_path):
    (tmp_path / "cluener2020").mkdir()
    (tmp_path / "cluener2020" / "train.json").write_text("", encoding="utf-8")
    with pytest.raises(InputError, match="--news"):
        load_training_data(tmp_path, corpora=("newsgold",))
