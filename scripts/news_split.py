"""Draw the real-news gold split (data/eval/news-dev.jsonl, news-test.jsonl) by a seeded random draw.

    python scripts/news_split.py --news ../shared/news > data/eval/news-split.tsv

The draw was made before any drawn article was read. Articles of 3–24 KB (about 1,000–8,000 characters of
text) are eligible, so that each can be annotated whole; the seven publications are taken in turn (a seeded
shuffle inside each), 40 articles in all, and a second seeded shuffle puts 15 of them in news-test and 25 in
news-dev. Output: split, publication/file name, one article a line, sorted.
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

SEED = 15  # the real-news issue's number
N_DEV, N_TEST = 25, 15
MIN_BYTES, MAX_BYTES = 3 * 1024, 24 * 1024


def draw(news: Path, *, seed: int = SEED) -> dict[str, list[str]]:
    rng = random.Random(seed)
    pubs = []
    for folder in sorted(p for p in news.iterdir() if p.is_dir()):
        files = sorted(f for f in folder.glob("*.md") if MIN_BYTES <= f.stat().st_size <= MAX_BYTES)
        rng.shuffle(files)
        pubs.append(files)
    picked: list[Path] = []
    while len(picked) < N_DEV + N_TEST and any(pubs):
        for files in pubs:
            if files and len(picked) < N_DEV + N_TEST:
                picked.append(files.pop())
    rng.shuffle(picked)
    rel = [f.relative_to(news).as_posix() for f in picked]
    return {"test": sorted(rel[:N_TEST]), "dev": sorted(rel[N_TEST:])}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", required=True, type=Path, help="the folder of real articles (../shared/news)")
    args = ap.parse_args()
    for split, files in draw(args.news).items():
        for f in files:
            print(f"{split}\t{f}")


if __name__ == "__main__":
    main()
