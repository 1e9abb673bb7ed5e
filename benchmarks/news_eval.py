"""Build the real-news gold splits from ../shared/news and score them (issue 15's news-dev / news-test).

    python benchmarks/news_eval.py --news ../shared/news                  # both splits, from the raw Markdown
    python benchmarks/news_eval.py --news ../shared/news --split dev --errors
    python benchmarks/news_eval.py --news ../shared/news --as txt        # the same articles as plain text

The gold (data/eval/news-dev.jsonl, news-test.jsonl) names each article by its path under the news folder and
holds no article text. ``--as md`` builds the files as they are; ``--as txt`` first writes each article's visible
text (image links and link targets dropped, emphasis markers removed: a plain-text copy such as a user may have)
to a temporary .txt of the same name, to measure kg on text without markup. news-test is never used for tuning:
run it to report, not to look for errors to fix. news-dev2 (data/eval/news-dev2.jsonl, tenth session) is a
second development split, annotated before kg's rules were fitted to it: ``--split dev2``, or ``--split all``.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = {"dev": ROOT / "data" / "eval" / "news-dev.jsonl", "test": ROOT / "data" / "eval" / "news-test.jsonl",
        "dev2": ROOT / "data" / "eval" / "news-dev2.jsonl", "dev3": ROOT / "data" / "eval" / "news-dev3.jsonl",
        "dev4": ROOT / "data" / "eval" / "news-dev4.jsonl", "dev5": ROOT / "data" / "eval" / "news-dev5.jsonl",
        "dev6": ROOT / "data" / "eval" / "news-dev6.jsonl",
        "dev7": ROOT / "data" / "eval" / "news-dev7.jsonl", "dev8": ROOT / "data" / "eval" / "news-dev8.jsonl",
        "dev9": ROOT / "data" / "eval" / "news-dev9.jsonl",
        "dev10": ROOT / "data" / "eval" / "news-dev10.jsonl",
        "dev11": ROOT / "data" / "eval" / "news-dev11.jsonl",
        "dev12": ROOT / "data" / "eval" / "news-dev12.jsonl",
        "dev13": ROOT / "data" / "eval" / "news-dev13.jsonl",
        "dev14": ROOT / "data" / "eval" / "news-dev14.jsonl",
        "dev15": ROOT / "data" / "eval" / "news-dev15.jsonl",
        "dev16": ROOT / "data" / "eval" / "news-dev16.jsonl"}
REPORTED = ("entities", "entities_untyped", "relations")


def plain_text(markdown: str) -> str:
    """A crude plain-text copy of a scraped article: what copying it out of a browser would give."""
    t = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", markdown)
    t = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", t)
    t = re.sub(r"^#{1,6}\s*", "", t, flags=re.M)
    return t.replace("**", "").replace("__", "")


def score_split(split: str, news: Path, *, as_: str = "md", workers: int = 1) -> dict:
    from kg.evaluate import evaluate_graph
    from kg.ingest import iter_documents
    from kg.pipeline import run

    gold_lines = [json.loads(line) for line in GOLD[split].read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory(prefix=f"kg-news-{split}-") as tmp:
        files = []
        for g in gold_lines:
            src = news / g["doc"]
            if not src.is_file():
                raise SystemExit(f"news_eval: {src} is missing: is --news the folder of real articles?")
            if as_ == "txt":
                dst = Path(tmp, "txt", Path(g["doc"]).with_suffix(".txt"))
                dst.parent.mkdir(parents=True, exist_ok=True)
                dst.write_text(plain_text(src.read_text(encoding="utf-8")), encoding="utf-8")
                files.append(dst)
            else:
                files.append(src)
        ids = {}
        for d in iter_documents(files):
            ids[Path(getattr(d, "source", None) or d.path).resolve()] = getattr(d, "id", None)
        t = time.perf_counter()
        res = run([str(f) for f in files], workers=workers)
        seconds = time.perf_counter() - t
        gold_path = Path(tmp, "gold.jsonl")
        with open(gold_path, "w", encoding="utf-8") as fh:
            for g, f in zip(gold_lines, files):
                doc_id = ids.get(f.resolve())
                if doc_id is None:
                    raise SystemExit(f"news_eval: kg could not read {f}")
                fh.write(json.dumps({**g, "doc": doc_id}, ensure_ascii=False) + "\n")
        result = evaluate_graph(res.graph, [gold_path])
    result["seconds"] = round(seconds, 1)
    result["chars"] = res.chars
    result["failures"] = [str(f) for f in res.failures]
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", required=True, type=Path, help="the folder of real articles (../shared/news)")
    ap.add_argument("--split", choices=[*GOLD, "both", "all"], default="both",
                    help="both: dev and test (default); all: every split whose gold exists")
    ap.add_argument("--as", dest="as_", choices=["md", "txt"], default="md", help="raw Markdown (default) or plain text")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--errors", action="store_true", help="list missed and spurious items (dev splits only: never tune on test)")
    ap.add_argument("--json", type=Path, help="write the full result here")
    args = ap.parse_args(argv)
    if not args.news.is_dir():
        ap.error(f"--news {args.news} is not a folder")
    from kg.evaluate import format_scores

    splits = {"both": ["dev", "test"], "all": [k for k in GOLD if GOLD[k].is_file()]}.get(args.split, [args.split])
    out = {}
    for split in splits:
        r = score_split(split, args.news, as_=args.as_, workers=args.workers)
        out[split] = r
        s = r["scores"]
        print(f"news-{split} ({r['documents']} articles, {r['chars']:,} chars, {r['seconds']} s, from {args.as_}): "
              + "  ".join(f"{k} P {s[k]['precision']:.3f} R {s[k]['recall']:.3f} F1 {s[k]['f1']:.3f}"
                          for k in REPORTED if k in s))
        for f in r["failures"]:
            print(f"  failed: {f}")
        if args.errors and split != "test":
            print(format_scores(r, errors=True))
    if args.json:
        args.json.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
