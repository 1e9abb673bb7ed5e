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
    ("罗马", "ORG", False),                   # a city is a club's name in sports news (countries: the gazetteer)
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


def test_a_country_the_model_calls_an_organisation_is_a_place_and_a_club_stays_a_club(engine):
    from kg.extract.entities import refine

    text = "荷兰对光刻机出口实施管制。罗马主场战胜米兰。"
    engine._ner = FixedModel([("荷兰", "ORG"), ("罗马", "ORG"), ("米兰", "ORG")])
    found = {(m.text, m.type) for m in refine(engine.analyze(Document("d", text))).mentions}
    assert ("荷兰", "LOCATION") in found and ("荷兰", "ORG") not in found  # the gazetteer's place wins
    assert {("罗马", "ORG"), ("米兰", "ORG")} <= found


def test_a_question_mark_inside_a_cited_title_ends_no_sentence():
    from kg.nlp.sentences import split_sentences

    text = "创始人周嘉树在《远山是如何找到 PMF 的？》一文中说，远山很早就想清楚了。第二句！"
    assert [s.text for s in split_sentences(text)] == [
        "创始人周嘉树在《远山是如何找到 PMF 的？》一文中说，远山很早就想清楚了。", "第二句！"]
    # a title never closed on its line is no title: the mark ends the sentence as before
    assert [s.text for s in split_sentences("《没有闭合？\n下一行》。")] == ["《没有闭合？", "下一行》。"]
