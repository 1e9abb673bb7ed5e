"""The packaged NER model (kg/models/ner): loads offline, spans slice the text exactly."""
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.errors import EngineError
from kg.nlp.ner_model import MODEL_DIR, load_ner_model

needs_model = pytest.mark.skipif(not (MODEL_DIR / "config.cfg").is_file(), reason="kg/models/ner not built")
TEXTS = [
    "腾讯AI Lab副主任俞栋离职，加入了一家创业公司。",
    "据新华社报道，国务院总理李强在北京会见了微软公司董事长比尔·盖茨。",
    "阿里巴巴发布通义千问新版本，清华大学唐杰教授表示祝贺。",
    "  前后有空格  的 句子 ",
    "",
]


@needs_model
def test_packaged_model_spans_slice_the_text():
    model = load_ner_model()
    for text in TEXTS:
        for start, end, label, score in model.predict(text):
            piece = text[start:end]
            assert piece and piece == piece.strip()
            assert label in {"PERSON", "ORG", "COMPANY", "TITLE", "MODEL"}
            assert 0.0 <= score <= 1.0


@needs_model
def test_packaged_model_finds_an_unlisted_person():
    spans = load_ner_model().predict("昨天，张建国在发布会上宣布了这一消息。")
    assert (3, 6, "PERSON") in {(s, e, t) for s, e, t, _ in spans}


@needs_model
def test_predict_many_equals_predict():
    model = load_ner_model()
    assert model.predict_many(TEXTS) == [model.predict(t) for t in TEXTS]


@needs_model
def test_model_is_cached_per_process():
    assert load_ner_model() is load_ner_model()


def test_missing_model_dir_is_an_engine_error(tmp_path):
    with pytest.raises(EngineError, match="kg.train ner"):
        load_ner_model(tmp_path / "nothing")


def test_import_kg_loads_no_spacy_or_jieba():
    code = "import sys, kg, kg.nlp.ner_model, kg.evaluate_ner; print('spacy' in sys.modules, 'jieba' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False"]


@needs_model
def test_words_handed_over_by_the_engine_give_the_same_spans():
    from kg.nlp.segment import get_segmenter

    model, seg = load_ner_model(), get_segmenter()
    assert model.predict_many(TEXTS, [seg.words(t) for t in TEXTS]) == model.predict_many(TEXTS)
    with pytest.raises(EngineError, match="word lists"):
        model.predict_many(TEXTS, [])


@needs_model
def test_fast_path_equals_spacys_own_pipeline():
    """predict_many builds docs and features itself (faster); spaCy's nlp.pipe with the features component
    must give the same spans, whitespace included."""
    from kg.nlp.ner_model import _spans

    model = load_ner_model()
    texts = TEXTS + ["华为 发布 盘古\u3000大模型，\n任正非表示。", "OpenAI的Sam Altman与微软CEO萨提亚·纳德拉会面。"]
    reference = [_spans(doc, t) for doc, t in zip(model.nlp.pipe(texts), texts)]
    assert model.predict_many(texts) == reference


def test_span_edges_lose_whitespace_and_name_joining_dots():
    spacy = pytest.importorskip("spacy")
    from spacy.tokens import Span

    from kg.nlp.ner_model import _spans

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    text = "作者: AI Assistant · 浏览，萨姆·奥尔特曼说"
    doc = nlp.make_doc(text)
    start = next(t.i for t in doc if t.idx == text.index("AI"))
    end = next(t.i for t in doc if t.idx == text.index("浏览"))  # the model's span runs on to "· "
    name = next(t.i for t in doc if t.idx == text.index("萨姆"))
    doc.ents = [Span(doc, start, end, "PERSON"), Span(doc, name, name + 7, "PERSON")]
    spans = _spans(doc, text)
    assert [text[s:e] for s, e, *_ in spans] == ["AI Assistant", "萨姆·奥尔特曼"]  # the inner dot stays
    doc.ents = [Span(doc, name + 1, name + 3, "PERSON")]  # "姆·": a dot at the end goes
    assert [text[s:e] for s, e, *_ in _spans(doc, text)] == ["姆"]


_WS_TEXT = st.text(alphabet=st.sampled_from(list("腾讯周嘉AI-5 。\n\t\u3000\u00a0xy ")), max_size=30)


@settings(max_examples=200, deadline=None)
@given(_WS_TEXT)
def test_char_words_and_spaces_is_what_spacys_char_tokenizer_builds(text):
    from spacy.util import get_words_and_spaces

    from kg.nlp.ner_model import char_words_and_spaces

    assert char_words_and_spaces(text) == get_words_and_spaces(list(text), text)


@needs_model
@settings(max_examples=60, deadline=None)
@given(_WS_TEXT)
def test_each_token_gets_the_features_of_the_word_over_its_last_character(text):
    """Whitespace folds into tokens (a trailing space, a token of several whitespace characters): a token's
    word feature is the segmenter's word over the token's last character, whichever way the doc was built."""
    from spacy.attrs import NORM
    from spacy.tokens import Doc

    from kg.nlp.ner_model import FEATURES, char_words_and_spaces
    from kg.nlp.segment import get_segmenter

    nlp = load_ner_model().nlp
    words = get_segmenter().words(text)
    over = {}
    for word, start, end, *_ in words:
        for k in range(start, end):
            over[k] = word.lower()
    for doc in (nlp.make_doc(text), Doc(nlp.vocab, *char_words_and_spaces(text)) if text else nlp.make_doc(text)):
        nlp.get_pipe(FEATURES).set_words(doc, words, text)
        expected = [nlp.vocab.strings[over[t.idx + len(t.text) - 1]] for t in doc]
        assert doc.to_array([NORM]).tolist() == expected
