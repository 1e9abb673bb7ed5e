"""What the Markdown reader makes of a folder of articles: metadata found, lines dropped by each rule, samples.

    python scripts/boilerplate_report.py --news ../shared/news [--samples 15] [--seed 0] [--show FILE]

Reports how many articles had a title, author, date and url; how many lines each rule dropped (and in how many
articles); and a seeded random sample of the dropped lines per rule, so that a reader can check that the rules drop
junk and not body text. ``--show FILE`` prints one article's text as kg reads it, with its metadata and dropped lines.
Prints only what the articles' own lines are, to the terminal; nothing is written to the repository.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

from kg.ingest import decode_bytes, normalize_text
from kg.ingest.markdown import read_markdown


def read(path: Path):
    return read_markdown(normalize_text(decode_bytes(path.read_bytes()) or ""))


def report(news: Path, samples: int, seed: int, out=sys.stdout) -> None:
    files = sorted(news.rglob("*.md"))
    files = [f for f in files if f.name.lower() != "readme.md"]
    meta = Counter()
    lines = Counter()
    articles = Counter()
    examples = defaultdict(list)
    chars_in = chars_out = 0
    t0 = time.perf_counter()
    for f in files:
        art = read(f)
        chars_in += f.stat().st_size
        chars_out += len(art.text)
        for fld in ("title", "author", "date", "url", "publication"):
            meta[fld] += getattr(art, fld) is not None
        seen = set()
        for rule, line, text in art.dropped:
            lines[rule] += 1
            seen.add(rule)
            examples[rule].append((f"{f.parent.name[-6:]}/{f.name[:24]}:{line}", text))
        for rule in seen:
            articles[rule] += 1
    secs = time.perf_counter() - t0
    n = len(files)
    print(f"{n} articles read in {secs:.1f} s ({n / max(secs, 1e-9):.0f}/s)", file=out)
    print("metadata: " + ", ".join(f"{k} {v}/{n}" for k, v in meta.items()), file=out)
    print("lines dropped (articles):", file=out)
    for rule, count in lines.most_common():
        print(f"  {rule:<11} {count:>6} ({articles[rule]})", file=out)
    rng = random.Random(seed)
    for rule in sorted(examples):
        if rule in ("image", "header"):
            continue
        print(f"\n--- {rule}: {min(samples, len(examples[rule]))} of {len(examples[rule])}", file=out)
        for where, text in rng.sample(examples[rule], min(samples, len(examples[rule]))):
            print(f"  {where:<34} {text[:90]}", file=out)


def show(path: Path, out=sys.stdout) -> None:
    art = read(path)
    print(f"title={art.title!r} author={art.author!r} publication={art.publication!r} date={art.date!r}\n"
          f"url={art.url!r}", file=out)
    for rule, line, text in art.dropped:
        if rule not in ("image",):
            print(f"  dropped {rule:<10} {line:>4} {text[:100]}", file=out)
    print("-" * 80, file=out)
    print(art.text, file=out)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--news", type=Path, default=Path("../shared/news"), help="folder of Markdown articles")
    ap.add_argument("--samples", type=int, default=15, help="dropped lines shown per rule")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--show", type=Path, help="print one article as kg reads it")
    args = ap.parse_args(argv)
    if args.show:
        show(args.show)
    else:
        report(args.news, args.samples, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())
