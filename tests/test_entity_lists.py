"""A user's own entity lists (kg build --entities FILE.tsv): read strictly, they add to and override the gazetteer,
reach every stage of a build, and stay in graph.json for later updates."""
import json
import re

import pytest

import kg
from kg.cli import main
from kg.errors import ResourceError
from kg.extract.gazetteer import Gazetteer, GazetteerEntry, load_gazetteer, read_entity_list

GAZ = [GazetteerEntry("腾讯", "COMPANY", ("腾讯公司", "Tencent")), GazetteerEntry("腾讯音乐", "COMPANY", ("TME",)),
       GazetteerEntry("混元", "MODEL", ())]
TEXT = "青岚数智宣布与腾讯达成合作。Qinglan 创始人张维表示，双方将共同研发混元的行业版本。"
LIST = "# our portfolio\n青岚数智\tCOMPANY\tQinglan|青岚\n"


def tsv(tmp_path, text, name="mine.tsv"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_a_user_entry_adds_a_name_and_its_aliases():
    g = Gazetteer(GAZ, user=[GazetteerEntry("青岚数智", "COMPANY", ("Qinglan",))])
    assert g.lookup("qinglan").name == "青岚数智"
    assert [(s, e, x.name) for s, e, x in g.find("Qinglan 与腾讯")] == [(0, 7, "青岚数智"), (9, 11, "腾讯")]


def test_a_user_entry_overrides_the_type_and_keeps_the_gazetteers_aliases():
    g = Gazetteer(GAZ, user=[GazetteerEntry("混元", "COMPANY", ("Hunyuan",))])
    assert g.entries["混元"].type == "COMPANY" and g.lookup("Hunyuan").name == "混元"


def test_an_alias_a_user_entry_claims_leaves_the_entry_that_had_it():
    g = Gazetteer(GAZ, user=[GazetteerEntry("腾讯音乐娱乐集团", "COMPANY", ("腾讯音乐", "TME"))])
    assert g.lookup("TME").name == g.lookup("腾讯音乐").name == "腾讯音乐娱乐集团"
    assert g.find("腾讯音乐")[0][2].name == "腾讯音乐娱乐集团"
    assert "TME" not in g.entries["腾讯音乐"].aliases and g.lookup("Tencent").name == "腾讯"


@pytest.mark.parametrize("text,line,message", [
    ("青岚数智\tFIRM\tQinglan\n", 1, "unknown type 'FIRM'"),
    ("# x\n青岚数智 COMPANY Qinglan\n", 2, "tab-separated"),
    ("青岚数智\tCOMPANY\tQinglan\textra\n", 1, "at most three"),
    ("\tCOMPANY\tQinglan\n", 1, "the name is empty"),
    ("青岚数智\tCOMPANY\tQinglan\n星图\tCOMPANY\tqinglan\n", 2, "already a name of '青岚数智' (line 1)"),
])
def test_a_bad_row_is_one_error_with_its_line_number(tmp_path, text, line, message):
    p = tsv(tmp_path, text)
    with pytest.raises(ResourceError, match=f"mine.tsv:{line}: .*{re.escape(message)}"):
        read_entity_list(p)


def test_a_missing_list_says_what_the_option_takes(tmp_path):
    with pytest.raises(ResourceError, match="no such file; --entities takes a TSV file"):
        read_entity_list(tmp_path / "nope.tsv")


def test_a_bad_list_is_one_line_and_exit_2_from_the_command_line(tmp_path, capsys):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    bad = tsv(tmp_path, "青岚数智\tFIRM\n")
    assert main(["build", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"), "--entities", str(bad), "-q"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "mine.tsv:1:" in err and not (tmp_path / "out" / "graph.json").exists()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("lists")
    (tmp / "in").mkdir()
    (tmp / "in" / "a.txt").write_text(TEXT, encoding="utf-8")
    mine = tsv(tmp, LIST)
    assert main(["build", str(tmp / "in"), "--out", str(tmp / "out"), "--entities", str(mine), "-q"]) == 0
    return tmp


def test_a_build_with_a_list_finds_its_names_and_merges_their_aliases(built):
    g = kg.load(built / "out" / "graph.json")
    e = g.entity("Qinglan")
    assert e.label == "青岚数智" and e.type == "COMPANY" and e.aliases == ("Qinglan",)
    assert g.merges("青岚数智") == {"青岚数智": {"Qinglan": "your entity list"}}
    assert g.lookup("青岚").how == "your entity list"  # a name of the list the text never used


def test_the_list_is_kept_in_graph_json_and_an_update_keeps_honouring_it(built, tmp_path):
    data = json.loads((built / "out" / "graph.json").read_text(encoding="utf-8"))
    assert data["graph"]["user_entities"] == [{"name": "青岚数智", "type": "COMPANY", "aliases": ["Qinglan", "青岚"]}]
    (tmp_path / "b.txt").write_text("据悉，青岚近日完成新一轮融资，由红杉中国领投。", encoding="utf-8")
    assert main(["build", str(tmp_path / "b.txt"), "--update", str(built / "out" / "graph.json"),
                 "--out", str(tmp_path / "up"), "-q"]) == 0
    g = kg.load(tmp_path / "up" / "graph.json")
    assert g.entity("青岚").label == "青岚数智" and "青岚" in g.entity("青岚数智").aliases
    assert g.entity("青岚数智").docs == ("a", "b")


def test_a_list_given_from_python_is_the_same_as_from_the_command_line(built):
    g = kg.build([built / "in"], entities=built / "mine.tsv")
    assert g.to_json() == kg.load(built / "out" / "graph.json").to_json()


def test_a_build_leaves_no_list_in_force_afterwards(built):
    kg.build(texts=["Qinglan 发布新产品。"], entities=[built / "mine.tsv"])
    assert load_gazetteer().lookup("Qinglan") is None


def test_lists_and_decisions_are_part_of_a_checkpoints_settings():
    from kg.checkpoint import settings_fingerprint

    def fp(rows, decisions=()):
        return settings_fingerprint(engine="builtin", model=None, update=None, piece_chars=5000, entities=rows,
                                    decisions=list(decisions))

    one = [{"name": "青岚数智", "type": "COMPANY", "aliases": ["Qinglan"]}]
    assert fp(one) == fp(list(one)) and fp(one) != fp([]) and fp(one) != fp([{**one[0], "type": "ORG"}])
    assert fp(one, ["merge 青岚=青岚数智"]) != fp(one) and fp([], ["split A|B"]) != fp([], ["split A|C"])


def test_a_checkpoint_made_with_another_list_is_set_aside(built, tmp_path):
    from kg.pipeline import run

    ckpt = tmp_path / "ckpt.sqlite"
    run([built / "in"], checkpoint=ckpt, entities=built / "mine.tsv")
    other = tsv(tmp_path, "青岚数智\tORG\tQinglan\n", "other.tsv")
    res = run([built / "in"], checkpoint=ckpt, entities=other)
    assert res.resumed == 0 and "other settings (entities)" in res.notices[0]


def test_worker_processes_use_the_list_too(built, tmp_path, monkeypatch):
    monkeypatch.setenv("KG_START_METHOD", "spawn")  # nothing inherited: the list has to be handed over
    assert main(["build", str(built / "in"), "--out", str(tmp_path / "w"), "--entities", str(built / "mine.tsv"),
                 "--workers", "2", "-q"]) == 0
    assert (tmp_path / "w" / "graph.json").read_bytes() == (built / "out" / "graph.json").read_bytes()
