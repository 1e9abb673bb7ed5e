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
