"""The spacy:NAME_OR_PATH engine, run on a tiny Chinese pipeline (ner + parser) trained here."""
from __future__ import annotations

import random

import pytest

spacy = pytest.importorskip("spacy")

from spacy.training import Example  # noqa: E402

from kg.errors import EngineError  # noqa: E402
from kg.nlp.spacy_engine import SpacyEngine  # noqa: E402
from kg.schema import ENTITY_TYPES  # noqa: E402
from kg.types import Document  # noqa: E402

# (sentence, entities as (text, label)); spaCy's default Chinese segmenter is one token per char.
TRAIN = [
    ("俞栋加入腾讯。", [("俞栋", "PERSON"), ("腾讯", "ORG")]),
    ("李彦宏在北京发言。", [("李彦宏", "PERSON"), ("北京", "GPE")]),
    ("中国团队发布模型。", [("中国", "NORP")]),
    ("王小川创立百川。", [("王小川", "PERSON"), ("百川", "ORG")]),
]


def _annotations(text, ents):
    spans = []
    for name, label in ents:
        start = text.index(name)
        spans.append((start, start + len(name), label))
    # a flat tree over chars: everything hangs on the last char before the final punctuation
    root = len(text) - 2
    heads = [root if i != root else i for i in range(len(text))]
    deps = ["ROOT" if i == root else ("punct" if text[i] == "。" else "compound") for i in range(len(text))]
    return {"entities": spans, "heads": heads, "deps": deps}


@pytest.fixture(scope="module")
def pipeline_path(tmp_path_factory):
    random.seed(0)
    spacy.util.fix_random_seed(0)  # thinc's weight initialisation too: an unseeded run may not learn 北京 (flaky in CI)
    nlp = spacy.blank("zh")  # segmenter "char": no jieba or pkuseg needed
    nlp.add_pipe("parser", config={"min_action_freq": 1})
    nlp.add_pipe("ner")
    examples = [Example.from_dict(nlp.make_doc(t), _annotations(t, e)) for t, e in TRAIN]
    optimizer = nlp.initialize(lambda: examples, sgd=None)
    for _ in range(40):
        random.shuffle(examples)
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("spacy_zh_tiny")
    nlp.to_disk(path)
    return path


@pytest.fixture(scope="module")
def engine(pipeline_path):
    return SpacyEngine(str(pipeline_path))


def test_engine_is_named_after_its_pipeline(engine, pipeline_path):
    assert engine.name == f"spacy:{pipeline_path}"
    assert engine.analyze(Document("d", "俞栋加入腾讯。")).engine == engine.name


def test_offsets_slice_the_text(engine):
    text = "  俞栋加入腾讯。\n\n李彦宏在北京发言。 王小川创立百川。"
    a = engine.analyze(Document("d", text))
    assert [text[s.start:s.end] for s in a.sentences] == [s.text for s in a.sentences]
    assert all(text[t.start:t.end] == t.text for t in a.tokens)
    assert all(text[m.start:m.end] == m.text for m in a.mentions)
    assert all(not t.text.isspace() for t in a.tokens)


def test_mentions_have_kg_types_only(engine):
    a = engine.analyze(Document("d", "".join(t for t, _ in TRAIN)))
    assert a.mentions and all(m.type in ENTITY_TYPES and m.source == "engine" for m in a.mentions)


def test_memorised_entities_come_back_mapped(engine):
    a = engine.analyze(Document("d", "李彦宏在北京发言。俞栋加入腾讯。"))
    got = {(m.text, m.type) for m in a.mentions}
    assert {("李彦宏", "PERSON"), ("北京", "LOCATION"), ("腾讯", "ORG")} <= got


def test_labels_outside_kg_types_are_dropped(engine):
    a = engine.analyze(Document("d", "中国团队发布模型。"))
    assert "中国" not in {m.text for m in a.mentions}


def test_heads_are_char_starts_of_tokens_in_the_same_sentence(engine):
    text = "俞栋加入腾讯。王小川创立百川。"
    a = engine.analyze(Document("d", text))
    for sent in a.sentences:
        toks = [t for t in a.tokens if sent.start <= t.start < sent.end]
        starts = {t.start for t in toks}
        assert all(t.head is None or t.head in starts for t in toks)
        assert sum(t.head is None for t in toks) >= 1  # the root
    assert all(t.dep for t in a.tokens)


def test_text_longer_than_max_length_is_analysed_per_sentence(pipeline_path):
    engine = SpacyEngine(str(pipeline_path))
    engine._nlp.max_length = 20  # stands in for spaCy's 1,000,000-char limit (E088)
    text = "俞栋加入腾讯。" * 10
    a = engine.analyze(Document("d", text))
    assert len(a.sentences) == 10 and a.tokens[-1].end == len(text)


def test_missing_pipeline_is_one_clear_error(tmp_path):
    with pytest.raises(EngineError, match="is not installed: pip install it.*or pass the path") as err:
        SpacyEngine(str(tmp_path / "no_such_pipeline"))
    assert "\n" not in str(err.value)


def test_get_engine_builds_it_from_a_spec(pipeline_path):
    from kg.nlp import get_engine

    engine = get_engine(f"spacy:{pipeline_path}")
    assert isinstance(engine, SpacyEngine) and engine.name == f"spacy:{pipeline_path}"
