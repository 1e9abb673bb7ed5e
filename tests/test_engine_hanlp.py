"""The hanlp engine: conversion of HanLP's documented output (recorded by hand in tests/data/hanlp/),
model loading and its errors, and, where HanLP is installed, a tiny component trained here."""
from __future__ import annotations

import importlib.util
import json
import sys
import types
from pathlib import Path

import pytest

from kg.errors import EngineError
from kg.nlp import _convert
from kg.nlp._convert import align_sentences, align_tokens, convert_hanlp, map_ner_label, split_hanlp_output
from kg.schema import ENTITY_TYPES
from kg.types import Document, Sentence

DATA = Path(__file__).parent / "data" / "hanlp"
CASES = sorted(DATA.glob("*.json"))
HAS_HANLP = importlib.util.find_spec("hanlp") is not None


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _convert_case(case: dict):
    text = case["text"]
    sentences = align_sentences(text, case["sentences"])
    return text, sentences, convert_hanlp(case["output"], sentences, text)


# --- conversion of recorded outputs -------------------------------------------------------------


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_recorded_offsets_slice_the_text(path):
    text, sentences, out = _convert_case(_load(path))
    assert [text[s.start:s.end] for s in sentences] == [s.text for s in sentences]
    assert all(text[t.start:t.end] == t.text for t in out.tokens)
    assert all(text[m.start:m.end] == m.text for m in out.mentions)
    for frame in out.frames:
        assert text[frame.start:frame.end] == frame.predicate
        assert all(text[a.start:a.end] == a.text for a in frame.arguments)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_recorded_mentions_map_to_kg_types(path):
    case = _load(path)
    _, _, out = _convert_case(case)
    assert [[m.text, m.type] for m in out.mentions] == case["expect"]["mentions"]
    assert all(m.type in ENTITY_TYPES and m.source == "engine" for m in out.mentions)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_recorded_srl_becomes_frames(path):
    case = _load(path)
    _, _, out = _convert_case(case)
    got = [[f.predicate, [[a.role, a.text] for a in f.arguments]] for f in out.frames]
    assert got == case["expect"]["frames"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_recorded_dep_heads_are_char_starts(path):
    case = _load(path)
    text, _, out = _convert_case(case)
    by_text = {t.text: t for t in out.tokens}
    for word, head_word, rel in case["expect"]["heads"]:
        tok = by_text[word]
        assert (tok.head, tok.dep) == (None if head_word is None else by_text[head_word].start, rel)
    starts = {t.start for t in out.tokens}
    assert all(t.head is None or t.head in starts for t in out.tokens)
    assert len(out.tokens) == case["expect"]["n_tokens"]


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_recorded_pos_tags_kept(path):
    case = _load(path)
    _, _, out = _convert_case(case)
    by_text = {t.text: t for t in out.tokens}
    assert [[w, by_text[w].pos] for w, _ in case["expect"]["pos"]] == case["expect"]["pos"]


def test_first_ner_field_wins_overlapping_spans():
    case = _load(DATA / "nested_msra_ontonotes_pku.json")
    _, _, out = _convert_case(case)
    # ner/pku tags only 腾讯 inside MSRA's 腾讯AI Lab: the MSRA span is kept, not both
    assert [m.text for m in out.mentions if m.text.startswith("腾讯")] == ["腾讯AI Lab"]


def test_nested_and_unnested_shapes_give_the_same_result():
    case = _load(DATA / "single_ontonotes_long_labels.json")
    text, sentences, flat = _convert_case(case)
    nested_output = {key: [value] for key, value in case["output"].items()}
    nested = convert_hanlp(nested_output, sentences, text)
    assert nested == flat


def test_sentence_offsets_shift_everything():
    case = _load(DATA / "single_ontonotes_long_labels.json")
    prefix = "【快讯】\n"
    text = prefix + case["text"]
    sentences = align_sentences(text, case["sentences"])
    out = convert_hanlp(case["output"], sentences, text)
    assert sentences[0].start == len(prefix)
    assert out.mentions[0].start == len(prefix) and out.mentions[0].text == "OpenAI"


def test_output_for_the_wrong_number_of_sentences_is_rejected():
    case = _load(DATA / "nested_msra_ontonotes_pku.json")
    with pytest.raises(ValueError, match="2 tokenised sentences for 3"):
        split_hanlp_output(case["output"], 3)


def test_output_without_tokens_is_rejected():
    with pytest.raises(ValueError, match="no tok field"):
        split_hanlp_output({"ner/msra": []}, 1)


def test_unaligned_token_is_skipped_with_spans_over_it():
    text = "他说“好”。"
    # a tokenizer that rewrote the curly quotes: those tokens cannot be found and are skipped
    output = {"tok/fine": ["他", "说", '"', "好", '"', "。"], "ner/msra": [["他", "PERSON", 0, 1], ['"好"', "PERSON", 2, 5]]}
    out = convert_hanlp(output, [Sentence(0, len(text), text)], text)
    assert [t.text for t in out.tokens] == ["他", "说", "好", "。"]
    assert [m.text for m in out.mentions] == ["他"]


# --- helpers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "label, expected",
    [
        ("PERSON", "PERSON"), ("PER", "PERSON"), ("nr", "PERSON"),
        ("ORG", "ORG"), ("ORGANIZATION", "ORG"), ("nt", "ORG"),
        ("GPE", "LOCATION"), ("LOC", "LOCATION"), ("LOCATION", "LOCATION"), ("ns", "LOCATION"),
        ("FAC", "LOCATION"), ("FACILITY", "LOCATION"), ("S-ORG", "ORG"),
        ("DATE", None), ("NORP", None), ("WWW", None), ("PRODUCT", None), ("INTEGER", None),
    ],
)
def test_ner_labels_map_onto_kg_types(label, expected):
    assert map_ner_label(label) == expected


def test_tokens_align_across_spaces_and_width():
    assert align_tokens(["腾讯", "ＡＩ", "Lab"], "腾讯 AI Lab") == [(0, 2), (3, 5), (6, 9)]


def test_sentences_align_when_the_splitter_rewrote_whitespace():
    text = "Mr.\tSmith joined.  第二句。"
    sents = align_sentences(text, ["Mr. Smith joined.", "第二句。"])
    assert [text[s.start:s.end] for s in sents] == ["Mr.\tSmith joined.", "第二句。"]


# --- the engine, with a stand-in for the hanlp package -------------------------------------------


class _FakeMTL:
    """Answers like a multi-task model: the recorded output for the sentences it was recorded on."""

    tasks = {"tok/fine": 0, "tok/coarse": 0, "pos/ctb": 0, "ner/msra": 0, "ner/ontonotes": 0, "srl": 0, "dep": 0, "con": 0}

    def __init__(self, case):
        self.case = case
        self.calls = []

    def __call__(self, texts, tasks=None):
        self.calls.append((list(texts), tasks))
        assert texts == self.case["sentences"]
        return self.case["output"]


def _fake_hanlp(component=None, error=None):
    mod = types.SimpleNamespace()
    mod.pretrained = types.SimpleNamespace(
        mtl=types.SimpleNamespace(CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH="https://example.invalid/close.zip"),
        ALL={},
    )

    def load(location):
        if error is not None:
            raise error
        return component

    mod.load = load
    return mod


def test_engine_runs_a_multitask_model_through_the_conversion(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    case = _load(DATA / "nested_msra_ontonotes_pku.json")
    fake = _FakeMTL(case)
    monkeypatch.setattr(engine_mod, "_import_hanlp", lambda: _fake_hanlp(fake))
    engine = engine_mod.HanLPEngine()
    analysis = engine.analyze(Document("d1", case["text"]))
    assert analysis.engine == "hanlp"
    assert fake.calls[0][1] == ["tok/fine", "pos/ctb", "ner/msra", "srl", "dep"]
    assert [(m.text, m.type) for m in analysis.mentions][:2] == [("腾讯AI Lab", "ORG"), ("俞栋", "PERSON")]
    assert [f.predicate for f in analysis.frames] == ["离职", "发布"]
    assert [s.text for s in analysis.sentences] == case["sentences"]


def test_engine_missing_model_is_one_clear_error(monkeypatch, tmp_path):
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setenv("HANLP_HOME", str(tmp_path))
    monkeypatch.setattr(engine_mod, "_import_hanlp", lambda: _fake_hanlp(error=OSError("Download failed")))
    with pytest.raises(EngineError) as err:
        engine_mod.HanLPEngine()
    msg = str(err.value)
    assert "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH is not available" in msg
    assert "HANLP_HOME" in msg and "--hanlp-model" in msg and "research and teaching" in msg
    assert "\n" not in msg


def test_engine_unknown_model_id_lists_the_known_ones(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setattr(engine_mod, "_import_hanlp", lambda: _fake_hanlp())
    with pytest.raises(EngineError, match="neither a folder nor a known id.*CLOSE_TOK_POS"):
        engine_mod.HanLPEngine(model="NO_SUCH_MODEL")


def test_engine_without_hanlp_says_how_to_install(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setitem(sys.modules, "hanlp", None)  # import hanlp now raises ImportError
    with pytest.raises(EngineError, match=r"pip install 'kg\[hanlp\]'"):
        engine_mod.HanLPEngine()


def test_empty_document_gives_an_empty_analysis(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setattr(engine_mod, "_import_hanlp", lambda: _fake_hanlp(_FakeMTL({"sentences": []})))
    analysis = engine_mod.HanLPEngine().analyze(Document("empty", "  \n "))
    assert (analysis.sentences, analysis.tokens, analysis.mentions) == ((), (), ())


def test_convert_module_imports_no_hanlp():
    assert "hanlp" not in vars(_convert)
