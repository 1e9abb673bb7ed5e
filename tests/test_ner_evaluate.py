"""The evaluator on hand-made predictions: exact counts and scores."""
import doctest

import pytest

import kg.evaluate_ner
from kg.errors import InputError
from kg.evaluate_ner import CLUENER_LABELS, CLUENER_MERGED, FORMATS, MERGE_ORG, evaluate, format_report, read_examples

GOLD = [
    ("张伟在腾讯工作。", ((0, 2, "name"), (3, 5, "company"))),
    ("清华大学的李娜。", ((0, 4, "organization"), (5, 7, "name"), (0, 2, "address"))),
]
PRED = {
    "张伟在腾讯工作。": [(0, 2, "PERSON", 1.0), (3, 5, "ORG", 0.9)],           # PERSON right, ORG wrong type
    "清华大学的李娜。": [(0, 4, "ORG", 1.0), (5, 6, "PERSON", 1.0), (6, 7, "MODEL", 1.0)],  # boundary miss
}


def predict_many(texts):
    return [PRED[t] for t in texts]


def test_per_type_counts():
    report = evaluate(predict_many, GOLD, label_map=CLUENER_LABELS)
    assert {t: (s["tp"], s["fp"], s["fn"]) for t, s in report["types"].items()} == {
        "COMPANY": (0, 0, 1), "ORG": (1, 1, 0), "PERSON": (1, 1, 1)}
    assert report["micro"]["tp"] == 2 and report["micro"]["fp"] == 2 and report["micro"]["fn"] == 2
    assert report["micro"]["f1"] == pytest.approx(0.5)
    assert report["types"]["ORG"]["p"] == pytest.approx(0.5)
    assert report["types"]["PERSON"]["r"] == pytest.approx(0.5)


def test_merged_org_and_company():
    report = evaluate(predict_many, GOLD, label_map=CLUENER_MERGED, pred_map=MERGE_ORG)
    assert (report["types"]["ORG"]["tp"], report["types"]["ORG"]["fp"]) == (2, 0)
    assert report["micro"]["p"] == pytest.approx(3 / 4)
    assert report["micro"]["r"] == pytest.approx(3 / 4)


def test_unscored_types_are_ignored():
    report = evaluate(predict_many, GOLD, label_map={"name": "PERSON"})
    assert list(report["types"]) == ["PERSON"]
    assert report["micro"]["fp"] == 1  # only the PERSON boundary miss; MODEL and ORG are not scored


def test_empty_types_score_zero_not_error():
    report = evaluate(lambda texts: [[] for _ in texts], GOLD, label_map=CLUENER_LABELS)
    assert report["micro"] == {"tp": 0, "fp": 0, "fn": 4, "support": 4, "p": 0.0, "r": 0.0, "f1": 0.0}


def test_format_report_has_a_row_per_type_and_micro():
    table = format_report(evaluate(predict_many, GOLD, label_map=CLUENER_LABELS))
    lines = table.splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "gold", "pred"]
    assert [line.split()[0] for line in lines[1:5]] == ["COMPANY", "ORG", "PERSON", "micro"]
    assert lines[4].split()[1:4] == ["0.500", "0.500", "0.500"]


def test_docstring_example_runs():
    assert doctest.testmod(kg.evaluate_ner).failed == 0


def test_bio_format_counts_company_as_org():
    label_map, pred_map = FORMATS["bio"]
    gold = [("李明访问了上海交通大学。", ((0, 2, "PER"), (5, 11, "ORG")))]
    report = evaluate(lambda texts: [[(0, 2, "PERSON", 1.0), (5, 11, "COMPANY", 1.0)]], gold,
                      label_map=label_map, pred_map=pred_map)
    assert report["micro"]["f1"] == 1.0


def test_unknown_format_lists_the_valid_ones(tmp_path):
    with pytest.raises(InputError, match="cluener, bio"):
        read_examples(tmp_path / "x", "conll")
