"""One document whose analysis fails never costs a build: it is skipped and listed, the graph of the others is
written, `kg build` exits 4; `--strict` stops at the first failure; the result is the same whatever runs the map."""
import json
import sys

import pytest

import kg
import kg.mapper
from kg.cli import main
from kg.errors import AnalysisError
from kg.export.json import dumps
from kg.mapper import DocumentFailure, map_document
from kg.pipeline import run
from kg.types import Document

needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="a patched analysis reaches the workers only when they are forked (Linux)")

GOOD = ["腾讯 AI Lab 副主任俞栋离职。", "字节跳动发布了豆包大模型。", "阿里巴巴宣布收购极序科技。"]
POISON = "毒"  # the made-up analyser below fails on any text (or piece) that holds this character
real_analyze = kg.mapper.analyze_document


def _poisoned(doc, **kw):
    if POISON in doc.text:
        raise ValueError(f"cannot analyse {doc.id}\nsecond line")
    return real_analyze(doc, **kw)


@pytest.fixture
def poisoned(monkeypatch):
    monkeypatch.setattr(kg.mapper, "analyze_document", _poisoned)


def test_map_document_turns_an_exception_into_a_one_line_failure(poisoned):
    out = map_document(Document("d1", "有毒的句子。"))
    assert isinstance(out, DocumentFailure) and out.doc == "d1" and out.error == "ValueError"
    assert out.message == "cannot analyse d1 second line" and "\n" not in out.reason
    assert out.where.startswith("test_isolation.py:") and out.where.endswith("in _poisoned")


def test_map_document_lets_ctrl_c_through(monkeypatch):
    def interrupt(doc, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(kg.mapper, "analyze_document", interrupt)
    with pytest.raises(KeyboardInterrupt):
        map_document(Document("d1", "腾讯。"))


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=needs_fork)])
def test_a_failing_document_is_left_out_and_listed(poisoned, workers):
    res = run(texts=[GOOD[0], "这一篇有毒。", GOOD[1]], workers=workers)
    assert res.documents == 2
    assert [(f.doc, f.error) for f in res.analysis_failures] == [("text-0002", "ValueError")]
    assert res.graph.entity("俞栋") is not None and res.graph.entity("字节跳动") is not None


@needs_fork
def test_one_and_two_workers_give_the_same_graph_and_failures(poisoned):
    texts = [GOOD[i % 3] + f"第{i}篇。" + (POISON if i % 4 == 1 else "") for i in range(14)]
    one, two = run(texts=texts, workers=1), run(texts=texts, workers=2)
    assert one.analysis_failures == two.analysis_failures and len(one.analysis_failures) == 4
    assert dumps(one.graph.to_networkx()) == dumps(two.graph.to_networkx())
    assert '"relation"' in dumps(one.graph.to_networkx())


@pytest.mark.parametrize("workers", [1, pytest.param(2, marks=needs_fork)])
def test_strict_stops_at_the_first_failure(poisoned, workers):
    with pytest.raises(AnalysisError, match=r"^document 'text-0002': ValueError: cannot analyse text-0002 second line"):
        run(texts=[GOOD[0], "有毒。", "也有毒。"] + GOOD * 5, strict=True, workers=workers)
    with pytest.raises(AnalysisError):
        kg.build(texts=["有毒。"], strict=True)


def test_kg_build_logs_the_failure_and_returns_the_others(poisoned, caplog):
    g = kg.build(texts=[GOOD[0], "有毒。"])
    assert g.entity("俞栋") is not None
    assert "text-0002" in caplog.text and "ValueError" in caplog.text


def test_a_long_document_with_one_failing_piece_contributes_nothing(poisoned, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PIECE_CHARS", 40)
    long_doc = "字节跳动发布了豆包大模型。\n" * 6 + "这一段有毒。\n" + "百度发布了文心大模型。\n" * 6
    res = run(texts=[GOOD[0], long_doc])
    assert res.documents == 1 and [f.doc for f in res.analysis_failures] == ["text-0002"]
    assert res.graph.entity("字节跳动") is None and res.graph.entity("文心") is None  # nor from pieces that worked
    span = res.analysis_failures[0].span
    assert span is not None and POISON in long_doc[span[0]:span[1]]
    assert "in the piece at characters" in res.analysis_failures[0].reason


# -- the command line ------------------------------------------------------------------------------
@pytest.fixture
def inputs(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for name, text in (("a.txt", GOOD[0]), ("b.txt", "这一篇有毒。"), ("c.txt", GOOD[1])):
        (src / name).write_text(text, encoding="utf-8")
    return src


@pytest.mark.parametrize("workers", ["1", pytest.param("2", marks=needs_fork)])
def test_cli_writes_the_others_lists_the_failure_and_exits_4(poisoned, inputs, tmp_path, capsys, workers):
    out = tmp_path / "out"
    assert main(["build", str(inputs), "--out", str(out), "-q", "--workers", workers]) == 4
    err = capsys.readouterr().err
    assert err.splitlines() == ["kg: skipped document 'b', its analysis failed: ValueError: cannot analyse b "
                                f"second line (at {_where()})"]
    labels = {n["label"] for n in json.loads((out / "graph.json").read_text(encoding="utf-8"))["nodes"]}
    assert {"俞栋", "字节跳动"} <= labels
    assert not (out / ".kg-checkpoint.sqlite").exists()


def _where():
    out = map_document(Document("x", POISON))
    return out.where


def test_cli_strict_is_one_line_and_exit_1(poisoned, inputs, tmp_path, capsys):
    assert main(["build", str(inputs), "--out", str(tmp_path / "out"), "-q", "--strict"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("kg: error: document 'b': ValueError") and "--strict" in err
    assert not (tmp_path / "out" / "graph.json").exists()


def test_cli_when_every_document_fails_nothing_is_written(poisoned, tmp_path, capsys):
    (tmp_path / "x.txt").write_text("有毒。", encoding="utf-8")
    assert main(["build", str(tmp_path / "x.txt"), "--out", str(tmp_path / "out"), "-q"]) == 1
    err = capsys.readouterr().err
    assert "skipped document 'x'" in err and "no document could be analysed" in err
    assert not (tmp_path / "out" / "graph.json").exists()
