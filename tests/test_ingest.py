"""kg.ingest: every fixture is generated in tmp_path, so each case shows its bytes."""
from __future__ import annotations

import doctest
import importlib
import json
import os
import random
import struct
import zlib

import pytest
from helpers import deny_reading

import kg.ingest as ingest
from kg.errors import InputError
from kg.ingest import (
    IngestFailure,
    decode_bytes,
    documents_from_texts,
    find_date,
    iter_documents,
    normalize_text,
    read_document,
)
from kg.types import Document

NEWS = "腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。"
SHORT = "腾讯发布混元"
TRAD = "騰訊 AI Lab 副主任俞棟離職，將加入一家新的人工智慧創業公司擔任首席科學家。"
TRAD_SHORT = "騰訊發布混元"


def one(paths, **kw):
    (item,) = list(iter_documents(paths, **kw))
    return item


def write(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def tiny_png() -> bytes:
    def chunk(kind, body):
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0\0\0\0")) + chunk(b"IEND", b"")


@pytest.mark.parametrize("module", ["", ".base", ".boilerplate", ".decode", ".files", ".html", ".ids", ".jsonl",
                                    ".markdown", ".normalize"])
def test_doctests(module):
    mod = importlib.import_module("kg.ingest" + module)
    assert doctest.testmod(mod).failed == 0


# ------------------------------------------------------------------------------------------- encodings


ENCODINGS = [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("gb18030", b""), ("gbk", b""), ("big5", b""),
             ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]
TEXTS = [NEWS, SHORT, TRAD, TRAD_SHORT, "阿里巴巴发布通义千问", "字节跳动", "鴻海", "台積電"]


def _encodable(text, encoding):
    try:
        text.encode(encoding)
        return True
    except UnicodeEncodeError:
        return False


@pytest.mark.parametrize(
    "text, encoding, bom",
    [(t, e, b) for t in TEXTS for e, b in ENCODINGS if _encodable(t, e)],
)
def test_txt_encodings_decode_right(tmp_path, text, encoding, bom):
    data = bom + text.encode(encoding)
    doc = one([write(tmp_path / "a.txt", data)])
    assert isinstance(doc, Document), doc
    assert doc.text == text


@pytest.mark.parametrize("text", ["卢伟", "芯片", "芯片投", "一輪"])
def test_short_gbk_that_is_also_valid_utf8_reads_as_gbk(text):
    data = text.encode("gbk")
    data.decode("utf-8")  # the trap: these bytes are valid UTF-8 too
    assert decode_bytes(data) == text


@pytest.mark.parametrize("text", ["café crème", "© 2024 Müller", "Привет мир", "Ελληνικά", "東京タワー", "한국어"])
def test_utf8_non_chinese_stays_utf8(text):
    assert decode_bytes(text.encode("utf-8")) == text


def test_utf8_cut_in_the_middle_of_a_character_is_still_utf8():
    data = (NEWS * 3).encode("utf-8")[:-1]
    assert decode_bytes(data) == (NEWS * 3)[:-1]


def test_latin1_falls_back_to_charset_normalizer_or_fails_cleanly():
    data = ("Déjà vu: the café's crème brûlée is très chère. " * 5).encode("cp1252")
    got = decode_bytes(data)
    # charset-normalizer may pick another Latin code page (é/è confusions); never CJK garbage
    assert got is None or ("vu: the caf" in got and not any("\u3400" <= c <= "\u9fff" for c in got))


@pytest.mark.parametrize(
    "name, data",
    [
        ("random_with_nuls", random.Random(1).randbytes(4096)),
        ("random_no_nuls", random.Random(2).randbytes(4096).replace(b"\x00", b"\x01")),
        ("png", tiny_png()),
        ("png_big", tiny_png() + random.Random(3).randbytes(2000)),
        ("nul_padded", b"\x00" * 64 + NEWS.encode("utf-8")),
    ],
)
def test_binary_is_a_failure(tmp_path, name, data):
    path = write(tmp_path / f"{name}.txt", data)
    item = one([path])
    assert isinstance(item, IngestFailure)
    assert item.reason.startswith("binary or unknown encoding") and "UTF-8" in item.reason
    assert item.path == str(path) and item.line is None


def test_traditional_chinese_is_kept_as_is(tmp_path):
    doc = one([write(tmp_path / "tw.txt", TRAD)])
    assert doc.text == TRAD  # no conversion to simplified, no NFKC (full-width comma kept)
    assert "，" in doc.text


# --------------------------------------------------------------------------------------- normalisation


def test_controls_and_zero_width_removed_and_offsets_sane(tmp_path):
    raw = "\ufeff腾讯\x00公司\u200b发布\x07混元\x1b大模型。\r\n俞栋\u2060离职\x7f。\r第三行\x85结束\ttab"
    doc = one([write(tmp_path / "c.txt", raw)])
    assert doc.text == "腾讯公司发布混元大模型。\n俞栋离职。\n第三行\n结束\ttab"
    start = doc.text.index("俞栋")
    assert doc.text[start:start + 2] == "俞栋" and doc.text[start - 1] == "\n"


def test_normalize_keeps_full_width_and_spacing():
    text = "ＧＰＴ－５，　混元！ A  B"
    assert normalize_text(text) == text


def test_radicals_from_a_pdf_become_the_ideographs_they_stand_for(tmp_path):
    # Kangxi radicals (U+2F00 block) look like 大 and 金 but match no name; one character each, so offsets hold
    raw = "她本科毕业于约翰霍普⾦斯⼤学，研究⼤模型。"
    assert normalize_text(raw) == "她本科毕业于约翰霍普金斯大学，研究大模型。"
    assert one([write(tmp_path / "r.txt", raw)]).text == normalize_text(raw)
    assert normalize_text("龍") == "龍"  # a traditional character is no radical: it stays


@pytest.mark.parametrize("content", [b"", b"   \n\t\r\n  ", "\u3000\u200b\n".encode("utf-8"), b"\xef\xbb\xbf"])
def test_empty_and_whitespace_only_are_failures(tmp_path, content):
    item = one([write(tmp_path / "e.txt", content)])
    assert isinstance(item, IngestFailure) and item.reason == "empty document"


# -------------------------------------------------------------------------------------- titles, dates


@pytest.mark.parametrize(
    "text, date",
    [("2026-01-03 腾讯发布", "2026-01-03"), ("时间：2026-01-03 05:20:08", "2026-01-03"), ("2026年1月3日", "2026-01-03"),
     ("2026/1/3", "2026-01-03"), ("２０２６年１月３日", "2026-01-03"), ("2026-02-30", None), ("版本 12026-01-03", None),
     ("没有日期", None)],
)
def test_find_date(text, date):
    assert find_date(text) == date


def test_txt_title_and_date_from_first_lines(tmp_path):
    doc = one([write(tmp_path / "01_tencent.txt", f"腾讯发布混元大模型\n2026年1月3日 来源：新浪科技\n\n{NEWS}")])
    assert (doc.id, doc.title, doc.date) == ("01_tencent", "腾讯发布混元大模型", "2026-01-03")
    assert doc.source == str(tmp_path / "01_tencent.txt")


def test_long_first_line_is_not_a_title_and_late_date_ignored(tmp_path):
    body = NEWS * 3 + "\n" + "\n".join(["一行"] * 6) + "\n2026-01-03"
    doc = one([write(tmp_path / "x.txt", body)])
    assert doc.title is None and doc.date is None


def test_markdown_heading_title(tmp_path):
    doc = one([write(tmp_path / "m.md", f"# 腾讯发布混元\n\n{NEWS}\n")])
    assert doc.title == "腾讯发布混元" and doc.text == f"腾讯发布混元\n\n{NEWS}"  # the title line without its marker


# ---------------------------------------------------------------------------------------------- HTML

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>腾讯发布混元 &amp; 更多</title>
<meta property="article:published_time" content="2026-01-03T05:20:08+08:00">
<link rel="canonical" href="https://example.com/a">
<style>body { color: red } .secret-style {}</style><script>var secretScript = "不应出现";</script></head>
<body><noscript>请启用JS</noscript><h1>腾讯发布混元</h1><p>腾讯
公司今日发布&nbsp;混元<b>大模型</b>。</p><div>第二段&lt;引用&gt;</div><template><p>模板</p></template>
<ul><li>一</li><li>二</li></ul><script>document.write("脚本")</script></body></html>"""


def test_html_visible_text_title_date_url(tmp_path):
    doc = one([write(tmp_path / "p.html", HTML)])
    assert doc.title == "腾讯发布混元 & 更多"
    assert doc.date == "2026-01-03" and doc.url == "https://example.com/a"
    for hidden in ("secret", "不应出现", "请启用JS", "模板", "脚本", "color"):
        assert hidden not in doc.text
    assert doc.text.split("\n") == ["腾讯发布混元", "腾讯公司今日发布 混元大模型。", "第二段<引用>", "一", "二"]


def test_html_declared_big5_and_gbk(tmp_path):
    for enc in ("big5", "gbk"):
        text = TRAD_SHORT if enc == "big5" else SHORT
        page = f'<html><head><meta charset="{enc}"><title>{text}</title></head><body><p>{text}</p></body></html>'
        doc = one([write(tmp_path / f"{enc}.htm", page.encode(enc))])
        assert (doc.title, doc.text) == (text, text)


def test_html_with_only_script_is_empty(tmp_path):
    item = one([write(tmp_path / "s.html", "<html><script>var a = 1;</script></html>")])
    assert isinstance(item, IngestFailure) and item.reason == "empty document"


# --------------------------------------------------------------------------------------------- JSONL


def test_jsonl_good_and_bad_lines(tmp_path):
    lines = [
        json.dumps({"id": "a1", "text": NEWS, "title": "俞栋离职", "date": "2026年1月3日", "url": "https://x/1"},
                   ensure_ascii=False),
        "{not json",
        json.dumps([1, 2]),
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": 42}),
        "",  # blank lines are skipped silently
        json.dumps({"text": SHORT + "\u0000", "date": 1767398400}),
        json.dumps({"id": "../../etc/passwd", "text": "路径"}),
        json.dumps({"id": "a1", "text": "重复的 id"}),
    ]
    path = write(tmp_path / "news.jsonl", "\n".join(lines) + "\n")
    items = list(iter_documents([path]))
    docs = [i for i in items if isinstance(i, Document)]
    fails = [i for i in items if isinstance(i, IngestFailure)]
    assert [d.id for d in docs] == ["a1", "news:8", "etc__passwd", "a1~2"]
    first = docs[0]
    assert (first.text, first.title, first.date, first.url) == (NEWS, "俞栋离职", "2026-01-03", "https://x/1")
    assert docs[1].text == SHORT and docs[1].date == "2026-01-03"
    assert [(f.line, f.reason.split(" ")[0]) for f in fails] == [
        (2, "invalid"), (3, "not"), (4, "no"), (5, "empty"), (6, '"text"')]
    assert all(f.path == str(path) for f in fails)
    assert str(fails[0]).startswith(f"{path}:2: invalid JSON")


def test_jsonl_utf8_bom_and_crlf(tmp_path):
    data = b"\xef\xbb\xbf" + json.dumps({"text": SHORT}, ensure_ascii=False).encode("utf-8") + b"\r\n"
    doc = one([write(tmp_path / "b.jsonl", data)])
    assert doc.text == SHORT and doc.id == "b:1"


def test_jsonl_utf16_is_a_failure(tmp_path):
    item = one([write(tmp_path / "u.jsonl", json.dumps({"text": SHORT}).encode("utf-16"))])
    assert isinstance(item, IngestFailure) and "UTF-8" in item.reason


def test_jsonl_line_over_limit_is_skipped(tmp_path):
    lines = [json.dumps({"text": "长" * 500}), json.dumps({"text": SHORT}, ensure_ascii=False)]
    items = list(iter_documents([write(tmp_path / "l.jsonl", "\n".join(lines))], max_bytes=200))
    assert isinstance(items[0], IngestFailure) and items[0].line == 1 and "longer than" in items[0].reason
    assert isinstance(items[1], Document) and items[1].id == "l:2"


# ---------------------------------------------------------------------------------- ids and folders


@pytest.mark.parametrize(
    "raw, expected",
    [("../../etc/passwd", "etc__passwd"), ("..\\..\\win.ini", "win.ini"), ("a/b/c", "a__b__c"), ("..", ""),
     ("a\x00b\nc", "abc"), (".hidden", "hidden"), ("x" * 300, None), ("腾讯:1", "腾讯:1")],
)
def test_clean_id(raw, expected):
    got = ingest.ids._clean_id(raw)
    if expected is not None:
        assert got == expected
    assert "/" not in got and "\\" not in got and ".." not in got and len(got) <= ingest.ids.ID_MAX_CHARS
    assert all(ord(c) >= 0x20 for c in got)


def test_folder_sorted_good_and_bad_hidden_and_unsupported_skipped(tmp_path):
    root = tmp_path / "news"
    write(root / "b.txt", "第二篇：" + NEWS)
    write(root / "a.md", "第一篇：" + NEWS)
    write(root / "sub" / "c.html", "<p>第三篇</p>")
    write(root / "z_empty.txt", "")
    write(root / "bin.txt", tiny_png())
    write(root / ".hidden.txt", "隐藏")
    write(root / ".git" / "x.txt", "隐藏目录")
    write(root / "notes.pdf", "%PDF")
    items = list(iter_documents([root]))
    assert [(type(i).__name__, i.id if isinstance(i, Document) else os.path.basename(i.path)) for i in items] == [
        ("Document", "a"), ("Document", "b"), ("IngestFailure", "bin.txt"), ("Document", "c"),
        ("IngestFailure", "z_empty.txt")]


def test_duplicate_stems_get_unique_ids(tmp_path):
    root = tmp_path / "in"
    for rel in ("2025/01_tencent.txt", "2026/01_tencent.txt", "x.txt", "x.md", "only.txt"):
        write(root / rel, f"{rel}：{SHORT}")
    ids = [d.id for d in iter_documents([root])]
    assert ids == ["2025__01_tencent", "2026__01_tencent", "only", "x.md", "x.txt"]


def test_same_relative_path_in_two_inputs_gets_unique_ids(tmp_path):
    write(tmp_path / "a" / "n.txt", SHORT)
    write(tmp_path / "b" / "n.txt", SHORT + "。")
    ids = [d.id for d in iter_documents([tmp_path / "a", tmp_path / "b"])]
    assert len(set(ids)) == 2 and all(i.startswith("n.txt-") for i in ids)


def test_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "d" / "n.txt", SHORT)
    assert [d.id for d in iter_documents([tmp_path / "d", path])] == ["n"]


def test_missing_path_raises_at_once(tmp_path):
    good = write(tmp_path / "ok.txt", SHORT)
    with pytest.raises(InputError, match="does-not-exist.*does not exist"):
        iter_documents([good, tmp_path / "does-not-exist"])  # no next(): raised before any work


def test_unsupported_explicit_file_raises(tmp_path):
    with pytest.raises(InputError, match=r"\.pdf.*\.txt"):
        iter_documents([write(tmp_path / "a.pdf", "x")])


def test_single_path_string_is_one_input(tmp_path):
    path = write(tmp_path / "one.txt", SHORT)
    assert [d.id for d in iter_documents(str(path))] == ["one"]


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_unreadable_file_is_a_failure(tmp_path):
    path = write(tmp_path / "locked.txt", SHORT)
    write(tmp_path / "ok.txt", SHORT)
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as root: the file is still readable")
        items = list(iter_documents([tmp_path]))
    finally:
        path.chmod(0o644)
    assert isinstance(items[0], IngestFailure) and "permission" in items[0].reason.lower()
    assert isinstance(items[1], Document)


def test_unreadable_file_via_monkeypatch(tmp_path, monkeypatch):
    path = write(tmp_path / "locked.txt", SHORT)
    deny_reading(monkeypatch, path)
    item = one([path])
    assert isinstance(item, IngestFailure) and "check the file's permissions" in item.reason


def test_file_over_max_bytes_is_a_failure(tmp_path):
    item = one([write(tmp_path / "big.txt", SHORT * 100)], max_bytes=100)
    assert isinstance(item, IngestFailure) and "limit" in item.reason and "split" in item.reason


def test_generator_streams_one_file_at_a_time(tmp_path, monkeypatch):
    for i in range(3):
        write(tmp_path / f"{i}.txt", SHORT)
    reads = []
    real = ingest.files._read_file
    monkeypatch.setattr(ingest.files, "_read_file", lambda p, *a: reads.append(p.name) or real(p, *a))
    it = iter_documents([tmp_path])
    assert reads == []
    next(it)
    assert reads == ["0.txt"]


# ------------------------------------------------------------------------------------- other entries


def test_read_document(tmp_path):
    doc = read_document(write(tmp_path / "01_tencent.txt", NEWS))
    assert doc.id == "01_tencent" and doc.text == NEWS
    with pytest.raises(InputError, match="empty document"):
        read_document(write(tmp_path / "e.txt", ""))
    with pytest.raises(InputError, match="iter_documents"):
        read_document(write(tmp_path / "n.jsonl", "{}"))
    with pytest.raises(InputError, match="does not exist"):
        read_document(tmp_path / "missing.txt")


def test_documents_from_texts():
    docs = documents_from_texts(["2026年1月3日，" + NEWS, "", "字节\x00跳动"])
    assert [d.id for d in docs] == ["text-0001", "text-0003"]
    assert docs[0].date == "2026-01-03" and docs[1].text == "字节跳动"
    assert documents_from_texts("一段", prefix="../x")[0].id == "x-0001"
    with pytest.raises(InputError, match="not str"):
        documents_from_texts([b"bytes"])  # type: ignore[list-item]


def test_lone_surrogates_are_removed():
    # a str from Python code can hold them; UTF-8 cannot, so hashing and writing would fail later
    assert normalize_text("腾讯\ud800混元\udfff") == "腾讯混元"
    (doc,) = documents_from_texts(["腾讯\udc80发布混元。"])
    assert doc.text == "腾讯发布混元。" and len(doc.content_hash) == 64
