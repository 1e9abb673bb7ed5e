"""The command line: outputs, tables, one-line errors and exit codes."""
import json
import re
from pathlib import Path

import pytest

from kg.cli import _parser, main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
TEXT = "腾讯 AI Lab 副主任俞栋近日离职。腾讯推出了「混元」大模型，OpenAI 正在加快 GPT-5 的研发。"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    src = tmp_path_factory.mktemp("in")
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    (src / "b.txt").write_text("阿里巴巴宣布收购极序科技。极序科技创始人程亦凡将加入阿里巴巴。", encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    assert main(["build", str(src), "--out", str(out), "-q"]) == 0
    return out


def test_build_writes_the_three_files(built):
    for name in ("graph.json", "graph.graphml", "graph.html"):
        assert (built / name).stat().st_size > 0
    data = json.loads((built / "graph.json").read_text(encoding="utf-8"))
    assert {n["label"] for n in data["nodes"]} >= {"俞栋", "腾讯 AI Lab", "腾讯", "混元", "OpenAI", "GPT-5", "阿里巴巴"}


def test_build_prints_a_summary_by_type(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "o")]) == 0
    out = capsys.readouterr().out
    assert "1 documents" in out and "PERSON" in out and "works_for" in out


def test_query_table_and_json(built, capsys):
    g = str(built / "graph.json")
    assert main(["query", g, "--subject", "俞栋"]) == 0
    out = capsys.readouterr().out
    assert "俞栋 —任职(works_for)→ 腾讯 AI Lab" in out and "副主任" in out and "a@" in out
    assert main(["query", g, "--relation", "develops", "--object", "混元", "--json"]) == 0
    rows = [json.loads(l) for l in capsys.readouterr().out.splitlines()]
    assert [(r["subject"], r["object"]) for r in rows] == [("腾讯", "混元")]
    assert rows[0]["evidence"][0]["sentence"] == "腾讯推出了「混元」大模型，OpenAI 正在加快 GPT-5 的研发。"


def test_show_finds_an_entity_by_alias(built, capsys):
    assert main(["show", str(built / "graph.json"), "Tencent"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("腾讯  [COMPANY") and "研发" in out


def test_eval_scores_a_graph_against_gold(built, tmp_path, capsys):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "a", "entities": [
        {"name": "俞栋", "type": "PERSON"}, {"name": "腾讯 AI Lab", "type": "ORG"}, {"name": "腾讯", "type": "COMPANY"},
        {"name": "混元", "type": "MODEL"}, {"name": "OpenAI", "type": "COMPANY"}, {"name": "GPT-5", "type": "MODEL"}],
        "relations": [{"subject": "俞栋", "relation": "departed_from", "object": "腾讯 AI Lab"},
                      {"subject": "腾讯", "relation": "develops", "object": "混元"},
                      {"subject": "俞栋", "relation": "leads", "object": "腾讯"}]}, ensure_ascii=False), encoding="utf-8")
    assert main(["eval", str(built / "graph.json"), str(gold), "--json"]) == 0
    scores = json.loads(capsys.readouterr().out)["scores"]
    assert scores["entities"]["recall"] == 1.0
    assert scores["relations"]["fn"] == 1          # the made-up leads relation is missed
    assert 0 < scores["relations"]["f1"] < 1


@pytest.mark.parametrize("argv,code,pattern", [
    (["build", "/no/such/path", "--out", "OUT"], 2, r"does not exist"),
    (["query", "/no/such.json"], 2, r"no such file"),
    (["query", "GRAPH", "--relation", "eats"], 2, r"invalid choice"),
    (["build", "IN", "--out", "OUT", "--workers", "0"], 2, r"workers"),
    (["build", "IN", "--out", "OUT", "--max-nodes", "-1"], 2, r"max-nodes"),
    (["build", "IN", "--out", "OUT", "--max-edges", "-1"], 2, r"max-edges"),
    (["build", "IN", "--out", "OUT", "--format", "neo4j,pdf"], 2, r"unknown format 'pdf'; choose from json, "),
    (["export", "/no/such.json", "--format", "neo4j", "--out", "OUT"], 2, r"no such file"),
    (["export", "GRAPH", "--format", "pdf", "--out", "OUT"], 2, r"unknown format 'pdf'"),
    (["export", "GRAPH", "--format", ",", "--out", "OUT"], 2, r"names no format"),
    (["export", "GRAPH", "--format", "ttl", "--out", "GRAPH"], 2, r"is a file"),
    (["export", "GRAPH", "--format", "ttl", "--out", "OUT", "--cypher-schema", "oracle"], 2, r"invalid choice"),
])
def test_errors_are_one_line_with_a_nonzero_exit(argv, code, pattern, tmp_path, capsys, built):
    argv = [a.replace("OUT", str(tmp_path / "o")).replace("GRAPH", str(built / "graph.json"))
            .replace("IN", str(built / "graph.json")) for a in argv]
    try:
        rc = main(argv)
    except SystemExit as e:  # argparse usage errors
        rc = e.code
    err = capsys.readouterr().err.strip().splitlines()
    assert rc == code
    assert re.search(pattern, err[-1]) and "Traceback" not in "\n".join(err)


def test_show_unknown_entity_is_a_clear_error(built, capsys):
    assert main(["show", str(built / "graph.json"), "不存在的公司"]) == 2
    assert "no entity called" in capsys.readouterr().err


def test_partial_failures_are_listed_and_exit_4(tmp_path, capsys):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.txt").write_text(TEXT, encoding="utf-8")
    (src / "empty.txt").write_text("   \n", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "o"), "-q"]) == 4
    err = capsys.readouterr().err
    assert "empty.txt" in err and (tmp_path / "o" / "graph.json").exists()


def test_every_command_has_help_and_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sub = next(a for a in _parser()._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.format_help()
        assert f"kg {name}" in readme, f"`kg {name}` is not documented in README.md"


@pytest.mark.parametrize("engine", ["foo", "spacy:no_such_pipeline_xyz"])
def test_missing_engine_is_one_line_and_exit_3(engine, tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "o"), "--engine", engine]) == 3
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("kg: error:")
    assert not (tmp_path / "o" / "graph.json").exists()


def test_eval_ner_scores_an_engine_on_a_tiny_cluener_file(capsys):
    data = ROOT / "tests" / "data" / "ner" / "tiny.cluener.jsonl"
    assert main(["eval-ner", str(data), "--format", "cluener", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report["types"]) == {"PERSON", "ORG", "COMPANY"}
    assert 0 < report["micro"]["f1"] <= 1 and report["n_sentences"] == 12


def test_eval_ner_with_another_ner_model_folder(capsys):
    """--ner-model DIR scores the stage with that folder's model: the packaged folder gives the default's report."""
    data = ROOT / "tests" / "data" / "ner" / "tiny.cluener.jsonl"
    assert main(["eval-ner", str(data), "--format", "cluener", "--json"]) == 0
    default = json.loads(capsys.readouterr().out)
    folder = str(ROOT / "kg" / "models" / "ner")
    assert main(["eval-ner", str(data), "--format", "cluener", "--json", "--ner-model", folder]) == 0
    assert json.loads(capsys.readouterr().out) == default
    assert main(["eval-ner", str(data), "--format", "cluener", "--json", "--ner-model", folder, "--model-only"]) == 0
    assert json.loads(capsys.readouterr().out)["n_sentences"] == 12


def test_eval_ner_on_a_missing_file_is_a_clear_error(tmp_path, capsys):
    assert main(["eval-ner", str(tmp_path / "nope.bio"), "--format", "bio"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_page_is_capped_by_default_and_0_shows_all(tmp_path, monkeypatch):
    """kg build caps graph.html at DEFAULT_PAGE_NODES entities unless told otherwise; JSON keeps all."""
    import kg.cli as cli
    from browser.pages import json_block

    monkeypatch.setattr(cli, "DEFAULT_PAGE_NODES", 2)  # the default is read when the parser is made
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    for argv, shown in (([], 2), (["--max-nodes", "0"], None), (["--max-nodes", "3"], 3)):
        out = tmp_path / f"out{len(argv)}{argv[-1] if argv else ''}"
        assert main(["build", str(src), "--out", str(out), "-q", *argv]) == 0
        stats = json_block((out / "graph.html").read_text(encoding="utf-8"), "kg-data")["stats"]
        nodes = len(json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"])
        assert stats["entities"] == nodes > 3
        assert stats["shown_entities"] == (nodes if shown is None else shown)


def test_page_relations_are_capped_by_default_and_0_shows_all(tmp_path, monkeypatch):
    """kg build caps graph.html at DEFAULT_PAGE_EDGES relations, the most confident; JSON keeps all."""
    import kg.cli as cli
    from browser.pages import json_block

    monkeypatch.setattr(cli, "DEFAULT_PAGE_EDGES", 2)
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(TEXT, encoding="utf-8")
    for argv, shown in (([], 2), (["--max-edges", "0"], None)):
        out = tmp_path / f"out{len(argv)}"
        assert main(["build", str(src), "--out", str(out), "-q", *argv]) == 0
        page = (out / "graph.html").read_text(encoding="utf-8")
        stats = json_block(page, "kg-data")["stats"]
        edges = json.loads((out / "graph.json").read_text(encoding="utf-8"))["edges"]
        assert stats["relations"] == len(edges) > 2 and stats["hidden_entities"] == 0
        assert stats["shown_relations"] == len(json_block(page, "kg-edges")) == (len(edges) if shown is None else shown)
        if shown is not None:
            kept = min(r["confidence"] for r in json_block(page, "kg-data")["relations"])
            assert kept >= max(sorted((e["confidence"] for e in edges), reverse=True)[2:])


def test_export_writes_each_format_asked_for(built, tmp_path, capsys):
    out = tmp_path / "x"
    assert main(["export", str(built / "graph.json"), "--format", "neo4j,cypher", "--format", "gexf", "--format", "ttl",
                 "--out", str(out)]) == 0
    assert capsys.readouterr().out.split() == [str(out / n) for n in ("neo4j", "graph.cypher", "graph.gexf", "graph.ttl")]
    for name in ("neo4j/nodes.csv", "neo4j/relationships.csv", "neo4j/README.md", "graph.cypher", "graph.gexf", "graph.ttl"):
        assert (out / name).stat().st_size > 0
    n_nodes = len(json.loads((built / "graph.json").read_text(encoding="utf-8"))["nodes"])
    assert len((out / "neo4j" / "nodes.csv").read_text(encoding="utf-8").splitlines()) == n_nodes + 1
    assert not list(out.rglob(".*.tmp"))                                  # written atomically, nothing left over


def test_export_converts_between_kg_formats(built, tmp_path, capsys):
    out = tmp_path / "x"
    assert main(["export", str(built / "graph.json"), "--format", "gexf", "--out", str(out)]) == 0
    assert main(["export", str(out / "graph.gexf"), "--format", "json", "--out", str(out)]) == 0
    assert main(["query", str(out / "graph.json"), "--subject", "俞栋"]) == 0
    assert "俞栋 —任职(works_for)→ 腾讯 AI Lab" in capsys.readouterr().out


def test_export_of_a_file_that_is_not_a_kg_graph_is_one_line_and_exit_2(tmp_path, capsys):
    p = tmp_path / "other.json"
    p.write_text('{"nodes": 3}', encoding="utf-8")
    assert main(["export", str(p), "--format", "neo4j", "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "is not a kg graph" in err[0]
    assert not (tmp_path / "o").exists()


def test_build_writes_extra_formats_in_the_same_run(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    out = tmp_path / "o"
    assert main(["build", str(src), "--out", str(out), "--format", "neo4j,cypher,gexf,ttl", "--cypher-schema", "none"]) == 0
    assert "graph.cypher, graph.gexf, graph.ttl" in capsys.readouterr().out
    for name in ("graph.json", "graph.graphml", "graph.html", "neo4j/nodes.csv", "graph.cypher", "graph.gexf", "graph.ttl"):
        assert (out / name).stat().st_size > 0
    assert "CREATE CONSTRAINT" not in (out / "graph.cypher").read_text(encoding="utf-8")
    assert "俞栋" in (out / "graph.ttl").read_text(encoding="utf-8")
