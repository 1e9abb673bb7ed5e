"""The builtin engine's handling of NER model output, with a stand-in model (no trained model runs)."""
import pytest

from kg.nlp.builtin import BuiltinEngine
from kg.types import Document


class FixedModel:
    """Returns the given (sentence-relative) spans for the sentence that contains each surface string."""

    def __init__(self, spans):
        self.spans = spans

    def predict_many(self, texts, words=None):
        out = []
        for text in texts:
            found = []
            for surface, typ in self.spans:
                at = text.find(surface)
                if at >= 0:
                    found.append((at, at + len(surface), typ, 1.0))
            out.append(found)
        return out


@pytest.fixture
def engine():
    return BuiltinEngine(use_model=False)


@pytest.mark.parametrize("span,typ,doubtful", [
    ("Bench", "PERSON", True),                # a lone Latin word
    ("AI Assistant", "PERSON", True),         # Latin words that are not capitalised name parts
    ("CB Insights", "PERSON", True),
    ("Sam Altman", "PERSON", False),
    ("Yann LeCun", "PERSON", False),
    ("J. R. Smith", "PERSON", False),
    ("Jean-Paul Sartre", "PERSON", False),
    ("萨姆·奥尔特曼", "PERSON", False),
    ("AI Assistant", "COMPANY", False),       # the Latin-name rule is for people only
    ("荷兰", "ORG", True),                    # a place as an organisation
])
def test_doubtful_model_output(engine, span, typ, doubtful):
    assert engine._doubtful(span, typ) is doubtful


def test_doubtful_spans_do_not_become_mentions(engine):
    text = "2026-01-03 · 作者: AI Assistant · 浏览: 0\n\nOpenAI首席执行官Sam Altman表示，新模型将很快发布。"
    engine._ner = FixedModel([("AI Assistant", "PERSON"), ("Sam Altman", "PERSON"), ("OpenAI", "COMPANY")])
    analysis = engine.analyze(Document("d", text))
    ner = {(m.text, m.type) for m in analysis.mentions if m.source == "ner"}
    assert ner == {("Sam Altman", "PERSON"), ("OpenAI", "COMPANY")}
    for m in analysis.mentions:
        assert text[m.start:m.end] == m.text
