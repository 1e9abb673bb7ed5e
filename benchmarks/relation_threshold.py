"""Relation scores of rules + the relation pair model at several thresholds: how the shipped threshold was chosen.

    python benchmarks/relation_threshold.py --news ../shared/news                       # news-dev and data/samples
    python benchmarks/relation_threshold.py --news ../shared/news --model DIR --thresholds 0.5,0.8

news-dev only (never news-test): the threshold is chosen on news-dev with precision kept at 0.75 or more and
data/samples no lower than the rules alone (docs/MODEL_CARD.md). Runs in this process, one build per threshold.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", required=True, type=Path, help="the folder of real articles (../shared/news)")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the packaged kg/models/relations)")
    ap.add_argument("--thresholds", default="0.3,0.4,0.5,0.6,0.7,0.8,0.9")
    ap.add_argument("--no-samples", action="store_true", help="news-dev only")
    args = ap.parse_args(argv)

    import kg
    from kg.evaluate import evaluate_graph
    from kg.extract.relations import learned
    import news_eval

    model = learned.load_relation_model(args.model)
    if model is None:
        ap.error(f"no relation model at {args.model or learned.MODEL_DIR}")
    if args.model is not None:
        learned.MODEL_DIR = args.model  # the engine loads the default folder: point it at this one
    rows = [("rules", None)] + [(t, float(t)) for t in args.thresholds.split(",")]
    for name, threshold in rows:
        os.environ[learned.ENV] = "rules" if threshold is None else "both"
        if threshold is not None:
            model.threshold = threshold
        s = news_eval.score_split("dev", args.news)["scores"]["relations"]
        line = f"{name:>6}: news-dev P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f} (tp {s['tp']}, fp {s['fp']})"
        if not args.no_samples:
            g = kg.build([str(ROOT / "data" / "samples")])
            r = evaluate_graph(g, [ROOT / "data" / "eval" / "gold.jsonl"])["scores"]["relations"]
            line += f"   data/samples P {r['precision']:.3f} R {r['recall']:.3f} F1 {r['f1']:.3f}"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
