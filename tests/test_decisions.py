"""A user's merge and split decisions: the file format, and decisions applied at build and update time and kept
in graph.json; `kg merges` lists what was merged and why."""
import json
import re
import shutil

import pytest

import kg
from kg.cli import main
from kg.decisions import Decision, combine, parse_decision, read_decisions
from kg.errors import InputError

TEXTS = {  # our own sentences: a name in brackets, a traditional form, a short form, a company suffix
    "a.txt": "星图智能（Startu）宣布完成 B 轮融资，由腾讯领投。星图智能 CEO 王一鸣表示，公司将加大研发投入。",
    "b.txt": "騰訊與阿里巴巴在雲端市場競爭激烈。阿里方面表示将继续投入。",
    "c.txt": "前谷歌工程师 Kevin Zhao 加入腾讯，出任首席科学家。Zhao 此前在阿里巴巴任职。",
}


@pytest.mark.parametrize("line,decision", [
    ("merge 星图 = 星图智能", Decision("merge", "星图", "星图智能")),
    ("--merge 星图=星图智能", Decision("merge", "星图", "星图智能")),
    ("split 阿里 | 阿里巴巴", Decision("split", "阿里", "阿里巴巴")),
    ("  --split Zhao|Kevin Zhao ", Decision("split", "Zhao", "Kevin Zhao")),
])
def test_a_decision_line(line, decision):
    assert parse_decision(line) == decision
    assert parse_decision(str(decision)) == decision


@pytest.mark.parametrize("line,message", [
    ("join 星图 = 星图智能", "expected 'merge A = B' or 'split A | B'"),
    ("merge 星图 | 星图智能", "expected 'merge A = B' with two names"),
    ("split 阿里 |", "expected 'split A | B' with two names"),
    ("merge 阿里巴巴 = 「阿里巴巴」", "are one name already"),
])
def test_a_bad_decision_line_is_an_error_that_says_the_format(line, message):
    with pytest.raises(InputError, match=re.escape(message)):
        parse_decision(line)


def test_a_decisions_file_names_the_line_of_a_bad_decision(tmp_path):
    p = tmp_path / "decisions.txt"
    p.write_text("# reviewed 2025-08\nmerge 星图 = 星图智能   # same company\n\nsplit 阿里 阿里巴巴\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"decisions.txt:4: expected 'split A \| B'"):
        read_decisions(p)
    p.write_text("# reviewed\nmerge 星图 = 星图智能   # same company\n", encoding="utf-8")
    assert read_decisions(p) == [Decision("merge", "星图", "星图智能")]


def test_a_merge_and_a_split_of_the_same_names_contradict():
    with pytest.raises(InputError, match="contradict"):
        combine([parse_decision("merge 星图 = 星图智能")], [parse_decision("split 星图智能 | 星图")])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    for name, text in TEXTS.items():
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def plain(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("plain")
    assert main(["build", str(corpus), "--out", str(out), "-q"]) == 0
    return out


def test_kg_merges_lists_each_merged_name_and_why(plain, capsys):
    assert main(["merges", str(plain / "graph.json")]) == 0
    out = capsys.readouterr().out
    for entity, alias, reason in [("星图智能", "Startu", "parenthesised alias"), ("腾讯", "騰訊", "traditional form"),
                                  ("Kevin Zhao", "Zhao", "short form"), ("阿里巴巴", "阿里", "gazetteer alias")]:
        assert re.search(rf"^{entity}  \[\w+\]\n(  .*\n)*  {alias} +{reason}$", out, re.M), (entity, out)


def test_kg_merges_of_one_entity_by_any_name_and_as_json(plain, capsys):
    assert main(["merges", str(plain / "graph.json"), "Tencent", "--json"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows == [{"entity": "腾讯", "type": "COMPANY", "alias": "騰訊", "reason": "traditional form"}]


def test_kg_merges_of_an_unknown_name_is_a_clear_error(plain, capsys):
    assert main(["merges", str(plain / "graph.json"), "无此公司"]) == 2
    assert "no entity called '无此公司'" in capsys.readouterr().err


def test_kg_show_says_which_name_matched_and_the_gazetteers_names(plain, capsys):
    assert main(["show", str(plain / "graph.json"), "Tencent"]) == 0
    out = capsys.readouterr().out
    assert "found by: 'Tencent', a name kg's gazetteer gives 腾讯" in out
    assert "aliases in the text: 騰訊 (traditional form)" in out
    assert re.search(r"other known names \(gazetteer, entity lists\): .*Tencent", out)
    assert main(["show", str(plain / "graph.json"), "Startu"]) == 0
    assert "found by: 'Startu', matching its alias 'Startu'" in capsys.readouterr().out


DECISIONS = "split Zhao | Kevin Zhao\nmerge 星图科技 = 星图智能\n"


@pytest.fixture(scope="module")
def decided(corpus, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("decided")
    (tmp / "decisions.txt").write_text(DECISIONS, encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp / "out"), "--decisions", str(tmp / "decisions.txt"),
                 "--merge", "Startu=腾讯", "-q"]) == 0
    return tmp


def test_decisions_apply_at_build_and_are_kept_in_graph_json(decided):
    g = kg.load(decided / "out" / "graph.json")
    assert g.entity("Zhao").label == "Zhao" and g.entity("Kevin Zhao").aliases == ()
    assert g.merges("腾讯") == {"腾讯": {"Startu": "your merge decision", "騰訊": "traditional form"}}
    meta = json.loads((decided / "out" / "graph.json").read_text(encoding="utf-8"))["graph"]
    assert meta["decisions"] == ["split Zhao|Kevin Zhao", "merge 星图科技=星图智能", "merge Startu=腾讯"]


def test_an_update_keeps_honouring_the_decisions(decided, tmp_path):
    (tmp_path / "d.txt").write_text("前谷歌工程师 Kevin Zhao 出席发布会。Zhao 表示，公司将继续投入。星图科技创始人李明表示看好。",
                                    encoding="utf-8")
    assert main(["build", str(tmp_path / "d.txt"), "--update", str(decided / "out" / "graph.json"),
                 "--out", str(tmp_path / "up"), "-q"]) == 0
    g = kg.load(tmp_path / "up" / "graph.json")
    assert g.entity("Kevin Zhao").aliases == () and g.entity("Zhao").docs == ("c", "d")
    assert g.merges("星图智能")["星图智能"]["星图科技"] == "your merge decision"


def test_a_decision_given_to_an_update_applies_to_the_documents_already_in(plain, corpus, tmp_path):
    assert main(["build", "--update", str(plain / "graph.json"), str(corpus), "--split", "阿里|阿里巴巴",
                 "--out", str(tmp_path / "up"), "-q"]) == 0
    assert main(["build", str(corpus), "--split", "阿里|阿里巴巴", "--out", str(tmp_path / "fresh"), "-q"]) == 0
    assert (tmp_path / "up" / "graph.json").read_bytes() == (tmp_path / "fresh" / "graph.json").read_bytes()
    assert kg.load(tmp_path / "up" / "graph.json").entity("阿里").label == "阿里"


def test_decisions_from_python(corpus, decided):
    g = kg.build([corpus], decisions=[decided / "decisions.txt", parse_decision("merge Startu=腾讯")])
    assert g.to_json() == kg.load(decided / "out" / "graph.json").to_json()


def test_a_bad_decision_on_the_command_line_is_one_line_and_exit_2(corpus, tmp_path, capsys):
    assert main(["build", str(corpus), "--merge", "星图", "--out", str(tmp_path / "o"), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error: --merge: expected 'merge A = B'") and err.count("\n") == 1
