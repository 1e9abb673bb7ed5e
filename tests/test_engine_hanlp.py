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

    def load(location, **kwargs):
        if error is not None:
            raise error
        return component

    mod.load = load
    return mod


def _use_fake(monkeypatch, component=None, error=None):
    """Stand the fake in for hanlp, with every pretrained model 'in the cache' so that load() is called."""
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setattr(engine_mod, "_import_hanlp", lambda: _fake_hanlp(component, error))
    monkeypatch.setattr(engine_mod, "_cached", lambda url: True)


def test_engine_runs_a_multitask_model_through_the_conversion(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    case = _load(DATA / "nested_msra_ontonotes_pku.json")
    fake = _FakeMTL(case)
    _use_fake(monkeypatch, fake)
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
    _use_fake(monkeypatch, error=OSError("Download failed"))
    with pytest.raises(EngineError) as err:
        engine_mod.HanLPEngine()
    msg = str(err.value)
    assert "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH is not available" in msg
    assert "HANLP_HOME" in msg and "--hanlp-model" in msg and "research and teaching" in msg
    assert "\n" not in msg


def test_engine_unknown_model_id_lists_the_known_ones(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    _use_fake(monkeypatch, None)
    with pytest.raises(EngineError, match="neither a folder nor a known id.*CLOSE_TOK_POS"):
        engine_mod.HanLPEngine(model="NO_SUCH_MODEL")


def test_engine_without_hanlp_says_how_to_install(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setitem(sys.modules, "hanlp", None)  # import hanlp now raises ImportError
    with pytest.raises(EngineError, match=r"pip install 'kg\[hanlp\]'"):
        engine_mod.HanLPEngine()


def test_empty_document_gives_an_empty_analysis(monkeypatch):
    from kg.nlp import hanlp as engine_mod

    _use_fake(monkeypatch, _FakeMTL({"sentences": []}))
    analysis = engine_mod.HanLPEngine().analyze(Document("empty", "  \n "))
    assert (analysis.sentences, analysis.tokens, analysis.mentions) == ((), (), ())


def test_convert_module_imports_no_hanlp():
    assert "hanlp" not in vars(_convert)


# --- a tiny HanLP multi-task model, trained here and loaded through hanlp.load(path) ------------
# Needs hanlp (pip install 'kg[hanlp]'); no download: the encoder is a 1-layer BERT made from scratch.

TINY_SENTS = [["俞栋", "加入", "腾讯", "。"], ["李彦宏", "在", "北京", "发言", "。"],
              ["王小川", "创立", "百川", "。"], ["阿里巴巴", "发布", "通义千问", "。"]]
TINY_ENTS = [{"俞栋": "PERSON", "腾讯": "ORGANIZATION"}, {"李彦宏": "PERSON", "北京": "LOCATION"},
             {"王小川": "PERSON", "百川": "ORGANIZATION"}, {"阿里巴巴": "ORGANIZATION"}]
TINY_VERBS = [1, 3, 1, 1]


def _write_tiny_corpora(root: Path) -> dict[str, str]:
    """HanLP's training formats: words per line (tok), word<TAB>tag (ner), CoNLL-X (dep), CoNLL12 jsonlines (srl)."""
    (root / "tok.txt").write_text("\n".join(" ".join(s) for s in TINY_SENTS) + "\n", encoding="utf-8")
    ner, dep, srl = [], [], []
    for sent, ents, v in zip(TINY_SENTS, TINY_ENTS, TINY_VERBS):
        ner += [f"{w}\t{'S-' + ents[w] if w in ents else 'O'}" for w in sent] + [""]
        for i, w in enumerate(sent):
            rel = "root" if i == v else "punct" if w == "。" else "nsubj" if i < v else "dobj"
            dep.append("\t".join([str(i + 1), w, "_", "_", "_", "_", "0" if i == v else str(v + 1), rel, "_", "_"]))
        dep.append("")
        pas = [[v, v, v, "V"], [v, 0, v - 1, "ARG0"]] + ([[v, v + 1, len(sent) - 2, "ARG1"]] if v + 2 < len(sent) else [])
        srl.append(json.dumps({"sentences": [sent], "srl": [pas]}, ensure_ascii=False))
    files = {"ner": "ner.tsv", "dep": "dep.conll", "srl": "srl.jsonlines"}
    for key, lines in (("ner", ner), ("dep", dep), ("srl", srl)):
        (root / files[key]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"tok": str(root / "tok.txt"), **{k: str(root / v) for k, v in files.items()}}


def _write_tiny_encoder(root: Path) -> str:
    from transformers import BertConfig, BertModel, BertTokenizer

    chars = sorted({c for s in TINY_SENTS for w in s for c in w})
    root.mkdir()
    (root / "vocab.txt").write_text("\n".join(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", *chars]) + "\n",
                                    encoding="utf-8")
    config = BertConfig(vocab_size=5 + len(chars), hidden_size=32, num_hidden_layers=1, num_attention_heads=2,
                        intermediate_size=64, max_position_embeddings=64)
    BertModel(config).save_pretrained(root)
    BertTokenizer(str(root / "vocab.txt")).save_pretrained(root)
    return str(root)


@pytest.fixture(scope="module")
def tiny_hanlp_model(tmp_path_factory):
    if not HAS_HANLP:
        pytest.skip("hanlp is not installed (pip install 'kg[hanlp]')")
    import torch
    import transformers.optimization
    from hanlp.common.dataset import SortingSamplerBuilder
    from hanlp.components.mtl.multi_task_learning import MultiTaskLearning
    from hanlp.components.mtl.tasks.dep import BiaffineDependencyParsing
    from hanlp.components.mtl.tasks.ner.tag_ner import TaggingNamedEntityRecognition
    from hanlp.components.mtl.tasks.srl.bio_srl import SpanBIOSemanticRoleLabeling
    from hanlp.components.mtl.tasks.tok.tag_tok import TaggingTokenization
    from hanlp.layers.embeddings.contextual_word_embedding import ContextualWordEmbedding

    if not hasattr(transformers.optimization, "AdamW"):  # HanLP 2.1.5's trainer predates its removal
        transformers.optimization.AdamW = torch.optim.AdamW
    torch.manual_seed(0)
    root = tmp_path_factory.mktemp("hanlp_tiny")
    data = _write_tiny_corpora(root)
    encoder = _write_tiny_encoder(root / "encoder")

    def batches():
        return SortingSamplerBuilder(batch_size=4)

    tasks = {
        "tok/fine": TaggingTokenization(data["tok"], data["tok"], None, batches(), char_level=True,
                                        tagging_scheme="BMES", lr=1e-2),
        "ner/msra": TaggingNamedEntityRecognition(data["ner"], data["ner"], None, batches(), char_level=True,
                                                  lr=1e-2, dependencies="tok"),
        "srl": SpanBIOSemanticRoleLabeling(data["srl"], data["srl"], None, batches(), lr=1e-2, crf=False,
                                           dependencies="tok"),
        "dep": BiaffineDependencyParsing(data["dep"], data["dep"], None, batches(), lr=1e-2, tree=True, proj=True,
                                         punct=True, dependencies="tok"),
    }
    save_dir = str(root / "mtl")
    MultiTaskLearning().fit(ContextualWordEmbedding("token", encoder, average_subwords=True, max_sequence_length=64),
                            tasks, save_dir, 30, lr=1e-2, encoder_lr=1e-3, eval_trn=False)
    return save_dir


@pytest.fixture(scope="module")
def tiny_engine(tiny_hanlp_model):
    from kg.nlp.hanlp import HanLPEngine

    return HanLPEngine(model=tiny_hanlp_model)


TINY_TEXT = "俞栋加入腾讯。\n李彦宏在北京发言。"


def test_tiny_model_is_asked_for_its_tasks(tiny_engine):
    assert tiny_engine._tasks == ["tok/fine", "ner/msra", "srl", "dep"]


def test_tiny_model_analysis_slices_the_text(tiny_engine):
    a = tiny_engine.analyze(Document("d", TINY_TEXT))
    assert [s.text for s in a.sentences] == ["俞栋加入腾讯。", "李彦宏在北京发言。"]
    assert all(TINY_TEXT[t.start:t.end] == t.text for t in a.tokens)
    assert all(TINY_TEXT[m.start:m.end] == m.text and m.type in ENTITY_TYPES for m in a.mentions)
    assert all(TINY_TEXT[f.start:f.end] == f.predicate for f in a.frames)
    starts = {t.start for t in a.tokens}
    assert all(t.head is None or t.head in starts for t in a.tokens)


def test_tiny_model_memorised_names_come_back_typed(tiny_engine):
    a = tiny_engine.analyze(Document("d", TINY_TEXT))
    assert {("俞栋", "PERSON"), ("腾讯", "ORG"), ("李彦宏", "PERSON"), ("北京", "LOCATION")} <= {
        (m.text, m.type) for m in a.mentions}


def test_tiny_model_srl_gives_frames_with_arguments(tiny_engine):
    a = tiny_engine.analyze(Document("d", "俞栋加入腾讯。"))
    frames = {f.predicate: {arg.role: arg.text for arg in f.arguments} for f in a.frames}
    assert frames.get("加入", {}).get("ARG0") == "俞栋"


def test_get_engine_loads_hanlp_from_a_folder(tiny_hanlp_model):
    from kg.nlp import get_engine

    engine = get_engine("hanlp", model=tiny_hanlp_model)
    assert engine.name == "hanlp" and engine.analyze(Document("d", "王小川创立百川。")).tokens


def test_a_folder_that_is_not_a_model_is_one_clear_error(tmp_path):
    if not HAS_HANLP:
        pytest.skip("hanlp is not installed (pip install 'kg[hanlp]')")
    from kg.nlp.hanlp import HanLPEngine

    with pytest.raises(EngineError, match="cannot be loaded.*pass --hanlp-model the folder.*config.json") as err:
        HanLPEngine(model=str(tmp_path))
    assert "\n" not in str(err.value)


def test_missing_pretrained_model_fails_fast_offline(tmp_path, monkeypatch):
    if not HAS_HANLP:
        pytest.skip("hanlp is not installed (pip install 'kg[hanlp]')")
    from kg.nlp import hanlp as engine_mod

    monkeypatch.setattr(engine_mod, "_cached", lambda url: False)
    monkeypatch.setattr(engine_mod, "_reachable", lambda host, **kw: False)
    with pytest.raises(EngineError, match=r"not in HanLP's cache and .* cannot be reached\): set HANLP_HOME"):
        engine_mod.HanLPEngine()


def test_sentences_follow_hanlp_rules():
    if not HAS_HANLP:
        pytest.skip("hanlp is not installed (pip install 'kg[hanlp]')")
    from kg.nlp.hanlp import hanlp_sentences

    text = "OpenAI released GPT-5. Mr. Altman spoke.\n腾讯发布混元！  字节跳动跟进。"
    sents = hanlp_sentences(text)
    assert [s.text for s in sents] == ["OpenAI released GPT-5.", "Mr. Altman spoke.", "腾讯发布混元！", "字节跳动跟进。"]
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_overlong_sentences_are_cut():
    from kg.nlp.hanlp import hanlp_sentences

    text = "甲，" * 400 + "。"
    sents = hanlp_sentences(text, max_len=100)
    assert len(sents) > 1 and all(len(s.text) <= 100 for s in sents)
    assert "".join(s.text for s in sents) == text
