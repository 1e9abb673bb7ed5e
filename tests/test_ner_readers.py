"""Readers for CLUENER JSON Lines and character-BIO/BMES files (tests/data/ner, hand-written)."""
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.evaluate_ner import read_bio, read_cluener

DATA = Path(__file__).parent / "data" / "ner"


def test_cluener_offsets_become_half_open():
    examples = read_cluener(DATA / "tiny.cluener.jsonl")
    text, spans = examples[0]
    assert text == "张伟在腾讯担任产品经理。"
    assert spans == ((0, 2, "name"), (3, 5, "company"), (7, 11, "position"))
    assert all(text[s:e] for s, e, _ in spans)


def test_cluener_repeated_entity_gives_every_span():
    text, spans = read_cluener(DATA / "tiny.cluener.jsonl")[3]
    assert [(s, e) for s, e, lab in spans if lab == "name"] == [(0, 3), (4, 7)]


def test_cluener_sentence_without_entities():
    assert read_cluener(DATA / "tiny.cluener.jsonl")[5] == ("今天天气很好。", ())


def test_bio_peoples_daily_adjacent_entities():
    examples = read_bio(DATA / "tiny.pd.bio")
    assert len(examples) == 3
    assert examples[0] == ("李明访问了上海交通大学。", ((0, 2, "PER"), (5, 11, "ORG")))
    assert examples[2] == ("张三李四都来了。", ((0, 2, "PER"), (2, 4, "PER")))


def test_bmes_resume_single_char_entity():
    examples = read_bio(DATA / "tiny.resume.bmes")
    assert examples[0][1] == ((0, 2, "NAME"), (7, 11, "ORG"), (11, 14, "TITLE"))
    assert examples[1] == ("吴，汉族。", ((0, 1, "NAME"), (2, 4, "RACE")))


def test_weibo_segment_digits_are_dropped():
    examples = read_bio(DATA / "tiny.weibo.bio")
    assert examples[0] == ("今天和周冬雨去新浪玩", ((3, 6, "PER.NAM"), (7, 9, "ORG.NAM")))
    assert examples[1][1] == ((1, 3, "PER.NOM"),)


def test_bio_i_without_b_starts_a_span(tmp_path):
    path = tmp_path / "x.bio"
    path.write_text("甲 O\n乙 I-PER\n丙 I-PER\n丁 I-ORG\n", encoding="utf-8")
    assert read_bio(path) == [("甲乙丙丁", ((1, 3, "PER"), (3, 4, "ORG")))]


@pytest.mark.parametrize("content", ["甲乙丙\n", "甲 X-PER\n"])
def test_bio_rejects_malformed_lines(tmp_path, content):
    path = tmp_path / "bad.bio"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError):
        read_bio(path)


def test_cluener_rejects_offsets_that_do_not_slice(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"text": "张伟", "label": {"name": {"张伟": [[0, 0]]}}}\n', encoding="utf-8")
    with pytest.raises(InputError, match="bad.json:1"):
        read_cluener(path)


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_cluener(tmp_path / "none.json")
