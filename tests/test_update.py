"""`kg build --update GRAPH.json INPUT... --out DIR`: nothing already in the graph is lost, the same document
again adds nothing (documents are known by content hash), a new document adds its facts."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import kg
from kg.cli import main

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples"
A = "01_tencent_hunyuan_hire.txt"
B = "02_thinking_machines_funding.txt"
C = "03_qwen3_coder_release.txt"


def folder(tmp_path, name, *files):
    d = tmp_path / name
    d.mkdir()
    for f in files:
        shutil.copy(SAMPLES / f, d / f)
    return d


def build(*argv) -> int:
    return main(["build", *map(str, argv), "-q"])


def load(out) -> dict:
    return json.loads((out / "graph.json").read_text(encoding="utf-8"))


def nodes(data) -> dict:
    return {n["id"]: n for n in data["nodes"]}


def edges(data) -> dict:
    return {(e["source"], e["relation"], e["target"]): e for e in data["edges"]}


def evidence(data) -> set:
    return {(k, ev["doc"], ev["start"], ev["end"]) for k, e in edges(data).items() for ev in e["evidence"]}


@pytest.fixture(scope="module")
def first(tmp_path_factory):
    """A graph of samples A and B."""
    tmp = tmp_path_factory.mktemp("first")
    assert build(folder(tmp, "ab", A, B), "--out", tmp / "out") == 0
    return tmp / "out"


def test_same_documents_again_change_nothing(first, tmp_path, capsys):
    rc = build("--update", first / "graph.json", folder(tmp_path, "ab", A, B), "--out", tmp_path / "out")
    assert rc == 0, capsys.readouterr().err
    assert (tmp_path / "out" / "graph.json").read_bytes() == (first / "graph.json").read_bytes()


def test_same_text_under_another_name_is_not_added_again(first, tmp_path):
    d = tmp_path / "renamed"
    d.mkdir()
    shutil.copy(SAMPLES / A, d / "copy_of_a.txt")
    assert build("--update", first / "graph.json", d, "--out", tmp_path / "out") == 0
    after = load(tmp_path / "out")
    assert "copy_of_a" not in after["graph"]["doc_hashes"]
    assert evidence(after) == evidence(load(first))
    assert {k: n["mentions"] for k, n in nodes(after).items()} == {k: n["mentions"] for k, n in nodes(load(first)).items()}


def test_new_document_adds_and_nothing_is_lost(first, tmp_path):
    assert build("--update", first / "graph.json", folder(tmp_path, "c", C), "--out", tmp_path / "out") == 0
    before, after = load(first), load(tmp_path / "out")
    assert set(after["graph"]["doc_hashes"]) == set(before["graph"]["doc_hashes"]) | {C[:-4]}
    assert after["graph"]["documents"] == before["graph"]["documents"] + 1
    assert set(nodes(before)) <= set(nodes(after)) and len(nodes(after)) > len(nodes(before))
    assert evidence(before) <= evidence(after) and len(evidence(after)) > len(evidence(before))
    for k, n in nodes(before).items():
        m = nodes(after)[k]
        assert m["mentions"] >= n["mentions"] and set(n["docs"]) <= set(m["docs"]) and set(n["aliases"]) <= set(m["aliases"])
        assert m["type"] == n["type"]


def test_update_equals_a_fresh_build_of_everything(first, tmp_path):
    assert build("--update", first / "graph.json", folder(tmp_path, "c", C), "--out", tmp_path / "up") == 0
    assert build(folder(tmp_path, "abc", A, B, C), "--out", tmp_path / "fresh") == 0
    assert (tmp_path / "up" / "graph.json").read_bytes() == (tmp_path / "fresh" / "graph.json").read_bytes()


def test_update_twice_with_the_new_document_is_idempotent(first, tmp_path):
    c = folder(tmp_path, "c", C)
    assert build("--update", first / "graph.json", c, "--out", tmp_path / "one") == 0
    assert build("--update", tmp_path / "one" / "graph.json", c, "--out", tmp_path / "two") == 0
    assert (tmp_path / "one" / "graph.json").read_bytes() == (tmp_path / "two" / "graph.json").read_bytes()


def test_update_in_place(first, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(first, out)
    assert build("--update", out / "graph.json", folder(tmp_path, "c", C), "--out", out) == 0
    assert C[:-4] in load(out)["graph"]["doc_hashes"] and set(nodes(load(first))) <= set(nodes(load(out)))
    assert not list(out.glob(".*.tmp"))


def test_changed_text_under_a_known_id_keeps_both(first, tmp_path):
    d = tmp_path / "edited"
    d.mkdir()
    (d / A).write_text((SAMPLES / A).read_text(encoding="utf-8") + "\n字节跳动发布豆包大模型。\n", encoding="utf-8")
    assert build("--update", first / "graph.json", d, "--out", tmp_path / "out") == 0
    hashes = load(tmp_path / "out")["graph"]["doc_hashes"]
    old = A[:-4]
    assert hashes[old] == load(first)["graph"]["doc_hashes"][old]
    (new,) = [k for k in hashes if k.startswith(old + "@")]
    assert evidence(load(first)) <= evidence(load(tmp_path / "out"))


def test_update_from_python_api(first):
    before = kg.load(first / "graph.json")
    from kg.pipeline import run

    res = run(texts=["智谱发布GLM-4大模型。"], update=first / "graph.json")
    assert res.documents == 1 and res.unchanged == 0
    assert before.entity("GLM-4") is None and res.graph.entity("GLM-4") is not None
    assert len(res.graph) == len(before) + 1
    again = run(texts=[(SAMPLES / A).read_text(encoding="utf-8")], update=first / "graph.json")
    assert again.documents == 0 and again.unchanged == 1
    assert again.graph.to_json() == before.to_json()


def test_update_from_a_missing_graph_is_a_clear_error(tmp_path, capsys):
    rc = build("--update", tmp_path / "nope.json", folder(tmp_path, "c", C), "--out", tmp_path / "out")
    err = capsys.readouterr().err
    assert rc == 2 and err.startswith("kg: error: ") and "nope.json" in err and "Traceback" not in err


def test_update_from_a_file_that_is_not_a_graph(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"hello": "world"}', encoding="utf-8")
    rc = build("--update", bad, folder(tmp_path, "c", C), "--out", tmp_path / "out")
    err = capsys.readouterr().err
    assert rc == 2 and "not a kg graph" in err
    assert not (tmp_path / "out").exists()


def test_update_with_an_earlier_named_document_equals_a_fresh_build(tmp_path):
    # the graph must not depend on the order documents arrived in (entity docs, evidence, aliases)
    assert build(folder(tmp_path, "bc", B, C), "--out", tmp_path / "bc") == 0
    assert build("--update", tmp_path / "bc" / "graph.json", folder(tmp_path, "a", A), "--out", tmp_path / "up") == 0
    assert build(folder(tmp_path, "abc", A, B, C), "--out", tmp_path / "fresh") == 0
    assert (tmp_path / "up" / "graph.json").read_bytes() == (tmp_path / "fresh" / "graph.json").read_bytes()


# -- taking documents out (--remove) -------------------------------------------------------------------
def test_removing_a_document_equals_a_fresh_build_without_it(tmp_path):
    assert build(folder(tmp_path, "abc", A, B, C), "--out", tmp_path / "abc") == 0
    assert build("--update", tmp_path / "abc" / "graph.json", "--remove", B[:-4], "--out", tmp_path / "rm") == 0
    assert build(folder(tmp_path, "ac", A, C), "--out", tmp_path / "ac") == 0
    assert (tmp_path / "rm" / "graph.json").read_bytes() == (tmp_path / "ac" / "graph.json").read_bytes()
    assert B[:-4] not in load(tmp_path / "rm")["graph"]["doc_hashes"]


OWN = {  # our own sentences: d2 brings an entity, an alias, and evidence for a relation that d1 and d3 state too
    "d1.txt": "腾讯与阿里巴巴在云计算市场竞争激烈。",
    "d2.txt": "星图智能（Startu）宣布完成 B 轮融资，由腾讯领投。星图智能 CEO 王一鸣表示，腾讯公司与阿里巴巴竞争激烈。",
    "d3.txt": "阿里巴巴和腾讯都在加大 AI 投入，两家公司竞争激烈。",
}


def own_folder(tmp_path, name, *files):
    d = tmp_path / name
    d.mkdir()
    for f in files:
        (d / f).write_text(OWN[f], encoding="utf-8")
    return d


def test_a_removed_documents_aliases_evidence_and_entities_go(tmp_path):
    assert build(own_folder(tmp_path, "all", "d1.txt", "d2.txt", "d3.txt"), "--out", tmp_path / "all") == 0
    before = load(tmp_path / "all")
    assert "腾讯公司" in nodes(before)["腾讯"]["aliases"] and "星图智能" in nodes(before)
    assert build("--update", tmp_path / "all" / "graph.json", "--remove", "d2", "--out", tmp_path / "rm") == 0
    after = load(tmp_path / "rm")
    assert "腾讯公司" not in nodes(after)["腾讯"]["aliases"] and "星图智能" not in nodes(after)
    assert "腾讯" not in after["graph"].get("merges", {}) and "d2" not in {d for *_, d, _, _ in evidence(after)}
    assert build(own_folder(tmp_path, "two", "d1.txt", "d3.txt"), "--out", tmp_path / "two") == 0
    assert (tmp_path / "rm" / "graph.json").read_bytes() == (tmp_path / "two" / "graph.json").read_bytes()


def test_evidence_cut_at_the_cap_comes_back_when_a_document_is_removed(tmp_path):
    from kg.resolve import MAX_EVIDENCE

    src = tmp_path / "many"
    src.mkdir()
    for i in range(MAX_EVIDENCE + 1):
        (src / f"n{i:02d}.txt").write_text(f"第{i}次报道：腾讯与阿里巴巴竞争激烈。", encoding="utf-8")
    assert build(src, "--out", tmp_path / "all") == 0
    last = f"n{MAX_EVIDENCE:02d}"
    assert last not in {d for *_, d, _, _ in evidence(load(tmp_path / "all"))}
    assert build("--update", tmp_path / "all" / "graph.json", "--remove", "n03", "--out", tmp_path / "rm") == 0
    assert last in {d for *_, d, _, _ in evidence(load(tmp_path / "rm"))}
    (src / "n03.txt").unlink()
    assert build(src, "--out", tmp_path / "fresh") == 0
    assert (tmp_path / "rm" / "graph.json").read_bytes() == (tmp_path / "fresh" / "graph.json").read_bytes()


def test_remove_and_add_in_one_update_replaces_a_document(tmp_path):
    assert build(own_folder(tmp_path, "all", "d1.txt", "d2.txt"), "--out", tmp_path / "all") == 0
    d = tmp_path / "new"
    d.mkdir()
    (d / "d2.txt").write_text("腾讯发布混元大模型。", encoding="utf-8")  # d2, edited
    assert build(d, "--update", tmp_path / "all" / "graph.json", "--remove", "d2", "--out", tmp_path / "rm") == 0
    (tmp_path / "all2").mkdir()
    (tmp_path / "all2" / "d1.txt").write_text(OWN["d1.txt"], encoding="utf-8")
    (tmp_path / "all2" / "d2.txt").write_text("腾讯发布混元大模型。", encoding="utf-8")
    assert build(tmp_path / "all2", "--out", tmp_path / "fresh") == 0
    assert (tmp_path / "rm" / "graph.json").read_bytes() == (tmp_path / "fresh" / "graph.json").read_bytes()


def test_removing_an_unknown_document_is_a_clear_error(first, tmp_path, capsys):
    assert build("--update", first / "graph.json", "--remove", "nope", "--out", tmp_path / "o") == 2
    err = capsys.readouterr().err
    assert "no document 'nope'" in err and A[:-4] in err and not (tmp_path / "o").exists()


def test_remove_needs_update(first, tmp_path, capsys):
    assert build(folder(tmp_path, "c", C), "--remove", A[:-4], "--out", tmp_path / "o") == 2
    assert "--remove takes documents out of an existing graph" in capsys.readouterr().err


def test_without_its_store_a_graph_is_updated_from_graph_json_but_cannot_lose_documents(first, tmp_path, capsys):
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(first / "graph.json", alone / "graph.json")
    assert build("--update", alone / "graph.json", "--remove", A[:-4], "--out", tmp_path / "o") == 2
    assert "needs the documents' results" in capsys.readouterr().err
    assert build("--update", alone / "graph.json", folder(tmp_path, "c", C), "--out", tmp_path / "up") == 0
    assert "graph.docs.sqlite is not there" in capsys.readouterr().err
    assert C[:-4] in load(tmp_path / "up")["graph"]["doc_hashes"]
    assert not (tmp_path / "up" / "graph.docs.sqlite").exists()  # it could not hold the first two documents


def test_a_store_that_does_not_match_its_graph_is_not_used(first, tmp_path, capsys):
    other = tmp_path / "other"
    assert build(folder(tmp_path, "c", C), "--out", other) == 0
    shutil.copy(other / "graph.docs.sqlite", tmp_path / "graph.docs.sqlite")
    shutil.copy(first / "graph.json", tmp_path / "graph.json")
    assert build("--update", tmp_path / "graph.json", "--remove", A[:-4], "--out", tmp_path / "o") == 2
    assert "does not hold the documents" in capsys.readouterr().err
