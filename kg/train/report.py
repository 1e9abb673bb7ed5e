"""The numbers in docs/MODEL_CARD.md: CLUENER2020 dev, People's Daily dev, speed on one core."""
from __future__ import annotations

import time
from pathlib import Path

from ..errors import InputError
from ..evaluate_ner import (CLUENER_LABELS, CLUENER_MERGED, MERGE_ORG, PEOPLES_DAILY_LABELS, evaluate,
                            format_report, read_bio, read_cluener)

CLUENER_WITH_TITLE = {**CLUENER_LABELS, "position": "TITLE"}


def model_card_numbers(data_dir: str | Path, *, model_path: str | Path | None = None) -> dict:
    from ..nlp.ner_model import load_ner_model

    root = Path(data_dir)
    cluener_dev = root / "cluener2020" / "dev.json"
    pd_dev = root / "peoples_daily_1998_ner" / "example.dev"
    for path in (cluener_dev, pd_dev):
        if not path.is_file():
            raise InputError(f"{path} not found: pass --data a folder holding cluener2020/ and peoples_daily_1998_ner/")
    model = load_ner_model(model_path)
    cluener = read_cluener(cluener_dev)
    pd = read_bio(pd_dev)
    reports = {
        "cluener_dev_types": evaluate(model.predict_many, cluener, label_map=CLUENER_WITH_TITLE),
        "cluener_dev_merged": evaluate(model.predict_many, cluener, label_map=CLUENER_MERGED, pred_map=MERGE_ORG),
        "peoples_daily_dev": evaluate(model.predict_many, pd, label_map=PEOPLES_DAILY_LABELS, pred_map=MERGE_ORG),
    }
    reports["speed"] = measure_speed(model, [text for text, _ in cluener])
    reports["pipeline_speed"] = measure_pipeline_speed(model_path)
    text = []
    for name in ("cluener_dev_types", "cluener_dev_merged", "peoples_daily_dev"):
        text += [f"== {name}", format_report(reports[name])]
    s = reports["speed"]
    text.append(f"== speed: {s['chars_per_s']:.0f} chars per CPU second ({s['chars']} chars in {s['seconds']:.2f}s "
                f"CPU, best of {s['repeats']}; {s['chars_per_wall_s']:.0f} chars per wall second)")
    p = reports["pipeline_speed"]
    if p:
        text.append(f"== whole builtin pipeline (engine, entity and relation rules): {p['chars_per_s']:.0f} chars per "
                    f"CPU second ({p['chars']} chars of {p['documents']} articles in data/, best of {p['repeats']})")
    reports["text"] = "\n".join(text)
    return reports


def measure_speed(model, texts: list[str], *, repeats: int = 3) -> dict:
    """Characters per second through ``predict_many``, best of ``repeats`` (the first call warms jieba).

    ``chars_per_s`` is per second of this process's CPU time, so a busy machine does not lower it;
    ``chars_per_wall_s`` is what the clock said. Run with OMP_NUM_THREADS=1 for one core.
    """
    model.predict_many(texts[:50])
    chars = sum(len(t) for t in texts)
    best_cpu = best_wall = float("inf")
    for _ in range(repeats):
        t0, c0 = time.perf_counter(), time.process_time()
        model.predict_many(texts)
        best_wall = min(best_wall, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return {"chars": chars, "seconds": best_cpu, "chars_per_s": chars / best_cpu,
            "chars_per_wall_s": chars / best_wall, "repeats": repeats}


def measure_pipeline_speed(model_path: str | Path | None = None, *, repeats: int = 3) -> dict | None:
    """CPU-time throughput of the builtin engine with this model plus kg's entity and relation rules (what
    ``kg build`` does per document, without resolution and export) over the articles in the repository's
    data/ folder; None when that folder is not there (an installed kg)."""
    from ..extract.entities import refine
    from ..extract.relations import extract_relations
    from ..ingest import documents_from_texts
    from ..nlp.builtin import BuiltinEngine
    from ..nlp.ner_model import load_ner_model

    root = Path(__file__).resolve().parent.parent.parent / "data"
    files = sorted(root.glob("samples/*.txt")) + sorted(root.glob("heldout/*.txt"))
    if not files:
        return None
    docs = documents_from_texts([f.read_text(encoding="utf-8") for f in files])
    engine = BuiltinEngine()
    engine._ner = load_ner_model(model_path)
    for doc in docs[:2]:
        extract_relations(refine(engine.analyze(doc)))
    best = float("inf")
    for _ in range(repeats):
        c0 = time.process_time()
        for doc in docs:
            extract_relations(refine(engine.analyze(doc)))
        best = min(best, time.process_time() - c0)
    chars = sum(len(d.text) for d in docs)
    return {"chars": chars, "documents": len(docs), "seconds": best, "chars_per_s": chars / best, "repeats": repeats}


COMPARE_SETS = ("heldout", "cluener-dev", "pd-person")


def sentence_counts(predict_many, examples, *, label_map, pred_map=None) -> list[tuple[int, int, int]]:
    """Per sentence (true positives, predicted, gold) under :func:`kg.evaluate_ner.evaluate`'s rules, so the
    sums give its micro scores: gold labels through ``label_map``, predictions through ``pred_map``, predicted
    types no gold label maps to not counted."""
    types = set(label_map.values())
    pred_map = pred_map or {}
    predictions = predict_many([text for text, _ in examples])
    out = []
    for (_, spans), pred in zip(examples, predictions):
        gold = {(s, e, label_map[lab]) for s, e, lab in spans if lab in label_map}
        guess = {(s, e, pred_map.get(t, t)) for s, e, t, *_ in pred}
        guess = {g for g in guess if g[2] in types}
        out.append((len(gold & guess), len(guess), len(gold)))
    return out


def _f1(rows) -> float:
    tp = sum(r[0] for r in rows)
    denominator = sum(r[1] + r[2] for r in rows)
    return 2 * tp / denominator if denominator else 0.0


def paired_bootstrap(a: list[tuple[int, int, int]], b: list[tuple[int, int, int]], *, resamples: int = 2000,
                     seed: int = 0) -> dict:
    """Micro F1 of ``b`` minus ``a`` on the same sentences, and its 95 % interval over ``resamples`` resamplings
    of the sentences with replacement (the same resampled sentences for both)."""
    import random

    if len(a) != len(b) or not a:
        raise ValueError("paired_bootstrap needs the two models' counts on the same, non-empty sentences")
    rng = random.Random(seed)
    n = len(a)
    diffs = []
    for _ in range(resamples):
        idx = [rng.randrange(n) for _ in range(n)]
        diffs.append(_f1([b[i] for i in idx]) - _f1([a[i] for i in idx]))
    diffs.sort()
    lo, hi = int(0.025 * resamples), int(0.975 * resamples) - 1
    return {"f1_a": _f1(a), "f1_b": _f1(b), "diff": _f1(b) - _f1(a), "low": diffs[lo], "high": diffs[hi],
            "not_better": sum(d <= 0 for d in diffs) / resamples, "sentences": n, "resamples": resamples}


def compare_models(data_dir: str | Path, model_a: str | Path | None, model_b: str | Path | None, *,
                   on: str = "heldout", split_seed: int = 0, resamples: int = 2000) -> dict:
    """Paired bootstrap of two NER models on the held-out slice of CLUENER train that model selection uses
    (``heldout``), on CLUENER dev (``cluener-dev``, ORG and COMPANY merged) or on People's Daily dev PERSON
    (``pd-person``). ``None`` is the packaged model."""
    from ..nlp.ner_model import load_ner_model

    merged = {"PERSON": "PERSON", "ORG": "ORG", "COMPANY": "ORG"}
    root = Path(data_dir)
    if on == "heldout":
        from .data import load_training_data

        examples = load_training_data(root, corpora=("cluener",), seed=split_seed, split_seed=split_seed).heldout
        label_map = merged
    elif on == "cluener-dev":
        path = root / "cluener2020" / "dev.json"
        if not path.is_file():
            raise InputError(f"{path} not found: pass --data the folder that holds cluener2020/")
        examples, label_map = read_cluener(path), CLUENER_MERGED
    elif on == "pd-person":
        path = root / "peoples_daily_1998_ner" / "example.dev"
        if not path.is_file():
            raise InputError(f"{path} not found: pass --data the folder that holds peoples_daily_1998_ner/")
        examples, label_map = read_bio(path), {"PER": "PERSON"}
    else:
        raise InputError(f"unknown comparison set {on!r}: choose from {', '.join(COMPARE_SETS)}")
    if not examples:
        raise InputError(f"no sentences to compare on in {on!r} under {root}")
    a = sentence_counts(load_ner_model(model_a).predict_many, examples, label_map=label_map, pred_map=MERGE_ORG)
    b = sentence_counts(load_ner_model(model_b).predict_many, examples, label_map=label_map, pred_map=MERGE_ORG)
    return {"on": on, **paired_bootstrap(a, b, resamples=resamples)}
