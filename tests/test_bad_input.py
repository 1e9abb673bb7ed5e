"""Bad input end to end through `kg build` (kg.cli.main): good files are built, bad ones are listed at the
end with a reason, and the exit code tells which happened. Every fixture is written into tmp_path."""
from __future__ import annotations

import codecs
import json
import xml.etree.ElementTree as ET

import pytest
from helpers import deny_reading

import kg
from kg.cli import main

SIMPLE = "腾讯 AI Lab 副主任俞栋离职。"
TRAD = "騰訊 AI Lab 副主任俞棟離職。"
EXIT_PARTIAL = 4


def build(capsys, *argv):
    """Run `kg build ... -q`; (exit code, stdout, stderr)."""
    rc = main(["build", *map(str, argv), "-q"])
    out, err = capsys.readouterr()
    return rc, out, err


def graph_json(out_dir) -> dict:
    return json.loads((out_dir / "graph.json").read_text(encoding="utf-8"))


def node_ids(out_dir) -> set:
    return {n["id"] for n in graph_json(out_dir)["nodes"]}


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


# ------------------------------------------------------------------------------------- readable encodings


@pytest.mark.parametrize(
    "name, data",
    [
        ("gbk", SIMPLE.encode("gbk")),
        ("gb18030", (SIMPLE + "𠀀").encode("gb18030")),  # a 4-byte GB18030 character that GBK lacks
        ("big5", TRAD.encode("big5")),
        ("utf16le_bom", SIMPLE.encode("utf-16")),
        ("utf16be_bom", codecs.BOM_UTF16_BE + SIMPLE.encode("utf-16-be")),
        ("utf8_bom", codecs.BOM_UTF8 + SIMPLE.encode("utf-8")),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_encoded_txt_is_detected_and_built(tmp_path, capsys, name, data):
    rc, _, err = build(capsys, write(tmp_path / "in" / f"{name}.txt", data), "--out", tmp_path / "out")
    assert rc == 0, err
    assert "俞栋" in node_ids(tmp_path / "out")  # traditional 俞棟 resolves to the simplified entity too
    assert name in graph_json(tmp_path / "out")["graph"]["doc_hashes"]


def test_html_script_and_style_are_not_text(tmp_path, capsys):
    page = ("<html><head><title>t</title><style>.x{content:'字节跳动'}</style>"
            "<script>var a = '阿里巴巴发布通义千问';</script></head>"
            f"<body><p>{SIMPLE}</p><script>document.write('百度')</script></body></html>")
    rc, _, err = build(capsys, write(tmp_path / "p.html", page), "--out", tmp_path / "out")
    assert rc == 0, err
    ids = node_ids(tmp_path / "out")
    assert "俞栋" in ids
    assert not ids & {"字节跳动", "阿里巴巴", "通义千问", "百度"}


def test_control_characters_never_reach_graphml(tmp_path, capsys):
    text = "腾讯\x00 AI Lab\x01 副主任\x08俞栋\x1b离职\x7f。\x0c\ufeff\u200b"
    rc, _, err = build(capsys, write(tmp_path / "c.txt", text), "--out", tmp_path / "out")
    assert rc == 0, err
    raw = (tmp_path / "out" / "graph.graphml").read_text(encoding="utf-8")
    assert not any(ord(c) < 0x20 and c not in "\t\n\r" for c in raw)
    ET.parse(tmp_path / "out" / "graph.graphml")  # well-formed XML 1.0
    assert "俞栋" in node_ids(tmp_path / "out")


def test_graphml_export_strips_controls_even_from_graph_attributes(tmp_path):
    # ingest already removes controls; the exporter must not rely on that
    g = kg.build(texts=[SIMPLE])
    nxg = g.to_networkx()
    nxg.add_node("坏\x00名\x1f", label="坏\x00名\x1f\ufffe", type="COMPANY", aliases=["a\x01"], mentions=1, docs=["d\x02"])
    nxg.graph["note"] = "x\x03y"
    kg.KnowledgeGraph(nxg).write_graphml(tmp_path / "g.graphml")
    ET.parse(tmp_path / "g.graphml")
    back = kg.load(tmp_path / "g.graphml")
    assert back.entity("坏名") is not None


# ------------------------------------------------------------------------------------------ failures


@pytest.mark.parametrize(
    "name, data, reason",
    [
        ("empty.txt", b"", "empty document"),
        ("blank.txt", " \n\t\r\n\u3000 \n".encode("utf-8"), "empty document"),
        ("controls.txt", b"\x00\x01\x02\x00", "empty document"),  # nothing left once they are removed
        ("image.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary or unknown encoding"),
        ("utf16.jsonl", json.dumps({"text": SIMPLE}).encode("utf-16"), "UTF-16"),
    ],
    ids=lambda v: v if isinstance(v, str) and "." in v else "",
)
def test_bad_file_next_to_a_good_one_is_listed_and_exit_is_partial(tmp_path, capsys, name, data, reason):
    write(tmp_path / "in" / "good.txt", SIMPLE)
    write(tmp_path / "in" / name, data)
    rc, _, err = build(capsys, tmp_path / "in", "--out", tmp_path / "out")
    assert rc == EXIT_PARTIAL
    assert "俞栋" in node_ids(tmp_path / "out")
    last = err.strip().splitlines()[-1]
    assert last.startswith("kg: skipped ") and name in last and reason in last
    assert "Traceback" not in err


def test_malformed_jsonl_lines_are_reported_with_line_numbers(tmp_path, capsys):
    lines = [json.dumps({"id": "a", "text": SIMPLE}, ensure_ascii=False), "{not json", "[1, 2]",
             json.dumps({"title": "no text"}), json.dumps({"id": "b", "text": "字节跳动发布豆包大模型。"}, ensure_ascii=False),
             json.dumps({"text": 42})]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    rc, _, err = build(capsys, path, "--out", tmp_path / "out")
    assert rc == EXIT_PARTIAL
    skipped = [line for line in err.splitlines() if line.startswith("kg: skipped")]
    assert [s.split(":")[2] for s in skipped] == ["2", "3", "4", "6"]  # kg: skipped PATH:LINE: reason
    assert "invalid JSON" in skipped[0] and 'no "text" field' in skipped[2]
    assert set(graph_json(tmp_path / "out")["graph"]["doc_hashes"]) == {"a", "b"}


def test_unreadable_file_is_listed_and_the_rest_built(tmp_path, capsys, monkeypatch):
    locked = write(tmp_path / "in" / "locked.txt", SIMPLE)
    write(tmp_path / "in" / "ok.txt", "字节跳动发布豆包大模型。")
    deny_reading(monkeypatch, locked)
    rc, _, err = build(capsys, tmp_path / "in", "--out", tmp_path / "out")
    assert rc == EXIT_PARTIAL
    assert "locked.txt" in err and "permissions" in err
    assert list(graph_json(tmp_path / "out")["graph"]["doc_hashes"]) == ["ok"]


def test_several_bad_files_are_all_listed_after_the_summary(tmp_path, capsys):
    write(tmp_path / "in" / "a_good.txt", SIMPLE)
    write(tmp_path / "in" / "b_empty.txt", b"")
    write(tmp_path / "in" / "c_binary.txt", bytes(range(256)) * 4)
    write(tmp_path / "in" / "d_good.md", "# 标题\n\n字节跳动发布豆包大模型。")
    rc = main(["build", str(tmp_path / "in"), "--out", str(tmp_path / "out")])
    out, err = capsys.readouterr()
    assert rc == EXIT_PARTIAL
    assert out.startswith("2 documents")
    skipped = [line for line in err.splitlines() if line.startswith("kg: skipped")]
    assert len(skipped) == 2 and "b_empty.txt" in skipped[0] and "c_binary.txt" in skipped[1]
    assert err.strip().splitlines()[-2:] == skipped


# ---------------------------------------------------------------------------------- nothing to build


def test_missing_path_is_one_line_error_exit_2(tmp_path, capsys):
    rc, out, err = build(capsys, tmp_path / "nope.txt", "--out", tmp_path / "out")
    assert rc == 2
    assert err.startswith("kg: error: ") and "does not exist" in err and "nope.txt" in err
    assert err.strip().count("\n") == 0 and "Traceback" not in err
    assert not (tmp_path / "out" / "graph.json").exists()


def test_missing_path_among_good_ones_still_fails_fast(tmp_path, capsys):
    good = write(tmp_path / "good.txt", SIMPLE)
    rc, _, err = build(capsys, good, tmp_path / "typo", "--out", tmp_path / "out")
    assert rc == 2 and "typo" in err
    assert not (tmp_path / "out" / "graph.json").exists()


def test_unsupported_file_named_directly_exit_2(tmp_path, capsys):
    rc, _, err = build(capsys, write(tmp_path / "a.pdf", b"%PDF-1.4"), "--out", tmp_path / "out")
    assert rc == 2 and "not a supported file type" in err and "Traceback" not in err


def test_folder_where_nothing_can_be_read_exit_2_and_old_output_kept(tmp_path, capsys):
    write(tmp_path / "ok" / "good.txt", SIMPLE)
    assert build(capsys, tmp_path / "ok", "--out", tmp_path / "out")[0] == 0
    before = (tmp_path / "out" / "graph.json").read_bytes()
    write(tmp_path / "bad" / "empty.txt", b"")
    write(tmp_path / "bad" / "bin.txt", bytes(range(256)) * 4)
    rc, _, err = build(capsys, tmp_path / "bad", "--out", tmp_path / "out")
    assert rc == 2
    lines = err.strip().splitlines()
    assert lines[-1] == "kg: error: no document could be read; nothing to build"
    assert sum(line.startswith("kg: skipped") for line in lines) == 2
    assert (tmp_path / "out" / "graph.json").read_bytes() == before


def test_empty_folder_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    rc, _, err = build(capsys, tmp_path / "empty", "--out", tmp_path / "out")
    assert rc == 2 and "no document could be read" in err


def test_analyze_empty_text_is_an_input_error():
    for text in ("", "  \n\t", "\x00\u200b"):
        with pytest.raises(kg.InputError, match="empty"):
            kg.analyze(text)


def test_build_from_no_texts_is_an_empty_graph():
    g = kg.build(texts=["", "   "])
    assert len(g) == 0 and g.number_of_relations == 0


# ------------------------------------------------------------------------------- traditional Chinese


def test_traditional_and_simplified_resolve_to_one_entity():
    g = kg.build(texts=["騰訊發佈了混元大模型。", "腾讯发布了混元大模型。"])
    tencent = [e for e in g.entities() if e.label in ("腾讯", "騰訊")]
    assert len(tencent) == 1
    ent = tencent[0]
    assert ent.label == "腾讯" and "騰訊" in ent.aliases and ent.docs == ("text-0001", "text-0002")
    assert g.entity("騰訊") == ent


# ------------------------------------------------------------------------------------------ size


def test_long_unpunctuated_sentence(tmp_path):
    unit = "腾讯发布混元大模型并与字节跳动竞争"
    text = (unit * (2000 // len(unit) + 1))[:2000]
    a = kg.analyze(text)
    assert all(text[m.start:m.end] == m.text for m in a.mentions)
    assert a.mentions and all(0 <= s.start < s.end <= len(text) for s in a.sentences)
    g = kg.build(texts=[text])
    assert g.entity("腾讯") is not None
    g.write_graphml(tmp_path / "g.graphml")
    ET.parse(tmp_path / "g.graphml")


@pytest.mark.slow
def test_five_megabyte_document_builds(tmp_path, capsys):
    para = ("腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。"
            "字节跳动发布豆包大模型，与阿里巴巴的通义千问竞争。\n")
    n = 5 * 2**20 // len(para.encode("utf-8")) + 1
    path = write(tmp_path / "in" / "big.txt", para * n)
    assert path.stat().st_size >= 5 * 2**20
    rc, _, err = build(capsys, path, "--out", tmp_path / "out")
    assert rc == 0, err
    data = graph_json(tmp_path / "out")
    text = path.read_text(encoding="utf-8")
    assert {"俞栋", "字节跳动"} <= {n["id"] for n in data["nodes"]}
    for e in data["edges"]:
        for ev in e["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["sentence"]


@pytest.mark.parametrize("text", ["a\n" * 50, "句子。" * 40, "x" * 333, "一\n二。三" * 29 + "\n"])
def test_long_documents_are_cut_into_covering_pieces(text):
    from kg.pipeline import pieces

    spans = list(pieces(text, 40))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a < b <= a + 40 for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))
    if "\n" in text:
        assert all(text[b - 1] == "\n" for _, b in spans[:-1])


def test_a_document_built_in_pieces_gives_the_same_graph(monkeypatch):
    import kg.pipeline

    paras = ["腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。",
             "字节跳动发布豆包大模型，与阿里巴巴的通义千问竞争。", "OpenAI 发布 GPT-5。"]
    text = "\n".join(paras[i % 3] for i in range(12))
    whole = kg.build(texts=[text])
    monkeypatch.setattr(kg.pipeline, "PIECE_CHARS", 100)
    pieces = kg.build(texts=[text])
    assert pieces.to_json() == whole.to_json()
    assert len(pieces.relations()) >= 2
    for r in pieces.relations():
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.sentence
