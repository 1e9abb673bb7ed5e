"""Draw the real-news gold split (data/eval/news-dev.jsonl, news-test.jsonl) by a seeded random draw.

    python scripts/news_split.py --news ../shared/news > data/eval/news-split.tsv
    python scripts/news_split.py --news ../shared/news --dev2 > data/eval/news-dev2-split.tsv

The draw was made before any drawn article was read. Articles of 3–24 KB (about 1,000–8,000 characters of
text) are eligible, so that each can be annotated whole; the seven publications are taken in turn (a seeded
shuffle inside each), 40 articles in all, and a second seeded shuffle puts 15 of them in news-test and 25 in
news-dev. Output: split, publication/file name, one article a line, sorted.

``--dev2`` (tenth session) draws 20 more articles for a second development split, news-dev2, by the same rules
with seed 16, leaving out the 40 above: a development set that was annotated before kg's rules saw it (its first
score is the closest thing to a test score that tuning may then use).

``--dev3`` (eleventh session) draws 20 more by the same rules with seed 17, leaving out all 60 above.

``--dev4`` (twelfth session) draws 20 more by the same rules with seed 18, leaving out all 80 above.

``--dev5`` (thirteenth session) draws 20 more by the same rules with seed 19, leaving out all 100 above.

``--dev6`` (fourteenth session) draws 20 more by the same rules with seed 20, leaving out all 120 above.

``--dev7`` (fifteenth session) draws 20 more by the same rules with seed 21, leaving out all 140 above.

``--dev8`` (sixteenth session) draws 20 more by the same rules with seed 22, leaving out all 160 above.

``--dev9`` (seventeenth session) draws 20 more by the same rules with seed 23, leaving out all 180 above.

``--dev10`` (eighteenth session) draws 20 more by the same rules with seed 24, leaving out all 200 above.

``--dev11`` (eighteenth session) draws 20 more by the same rules with seed 25, leaving out all 220 above.

``--dev12`` (nineteenth session) draws 20 more by the same rules with seed 26, leaving out all 240 above.

``--dev13`` (twentieth session) draws 20 more by the same rules with seed 27, leaving out all 260 above.

``--dev14`` (twenty-first session) draws 20 more by the same rules with seed 28, leaving out all 280 above.
``--dev15`` (twenty-second session) draws 20 more by the same rules with seed 29, leaving out all 300 above.

``--dev16`` (twenty-third session) draws 20 more by the same rules with seed 30, leaving out all 320 above.
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


SEED_DEV2, N_DEV2 = 16, 20
SEED_DEV3, N_DEV3 = 17, 20
SEED_DEV4, N_DEV4 = 18, 20
SEED_DEV5, N_DEV5 = 19, 20
SEED_DEV6, N_DEV6 = 20, 20
SEED_DEV7, N_DEV7 = 21, 20
SEED_DEV8, N_DEV8 = 22, 20
SEED_DEV9, N_DEV9 = 23, 20
SEED_DEV10, N_DEV10 = 24, 20
SEED_DEV11, N_DEV11 = 25, 20
SEED_DEV12, N_DEV12 = 26, 20
SEED_DEV13, N_DEV13 = 27, 20
SEED_DEV14, N_DEV14 = 28, 20
SEED_DEV15, N_DEV15 = 29, 20
SEED_DEV16, N_DEV16 = 30, 20


def draw_dev2(news: Path) -> list[str]:
    """news-dev2: N_DEV2 articles by the same rules (seed 16), none of draw()'s."""
    taken = {f for files in draw(news).values() for f in files}
    return _draw_more(news, taken, SEED_DEV2, N_DEV2)


def draw_dev3(news: Path) -> list[str]:
    """news-dev3: N_DEV3 articles by the same rules (seed 17), none of draw()'s or draw_dev2()'s."""
    taken = {f for files in draw(news).values() for f in files} | set(draw_dev2(news))
    return _draw_more(news, taken, SEED_DEV3, N_DEV3)


def draw_dev4(news: Path) -> list[str]:
    """news-dev4: N_DEV4 articles by the same rules (seed 18), none of the 80 drawn before."""
    taken = {f for files in draw(news).values() for f in files} | set(draw_dev2(news)) | set(draw_dev3(news))
    return _draw_more(news, taken, SEED_DEV4, N_DEV4)


def draw_dev5(news: Path) -> list[str]:
    """news-dev5: N_DEV5 articles by the same rules (seed 19), none of the 100 drawn before."""
    taken = ({f for files in draw(news).values() for f in files} | set(draw_dev2(news)) | set(draw_dev3(news))
             | set(draw_dev4(news)))
    return _draw_more(news, taken, SEED_DEV5, N_DEV5)


def draw_dev6(news: Path) -> list[str]:
    """news-dev6: N_DEV6 articles by the same rules (seed 20), none of the 120 drawn before."""
    taken = ({f for files in draw(news).values() for f in files} | set(draw_dev2(news)) | set(draw_dev3(news))
             | set(draw_dev4(news)) | set(draw_dev5(news)))
    return _draw_more(news, taken, SEED_DEV6, N_DEV6)


def draw_dev7(news: Path) -> list[str]:
    """news-dev7: N_DEV7 articles by the same rules (seed 21), none of the 140 drawn before."""
    taken = ({f for files in draw(news).values() for f in files} | set(draw_dev2(news)) | set(draw_dev3(news))
             | set(draw_dev4(news)) | set(draw_dev5(news)) | set(draw_dev6(news)))
    return _draw_more(news, taken, SEED_DEV7, N_DEV7)


def draw_dev8(news: Path) -> list[str]:
    """news-dev8: N_DEV8 articles by the same rules (seed 22), none of the 160 drawn before."""
    return _draw_more(news, _taken_before_dev8(news), SEED_DEV8, N_DEV8)


def _taken_before_dev8(news: Path) -> set[str]:
    return ({f for files in draw(news).values() for f in files} | set(draw_dev2(news)) | set(draw_dev3(news))
            | set(draw_dev4(news)) | set(draw_dev5(news)) | set(draw_dev6(news)) | set(draw_dev7(news)))


def draw_dev9(news: Path) -> list[str]:
    """news-dev9: N_DEV9 articles by the same rules (seed 23), none of the 180 drawn before."""
    return _draw_more(news, set(draw_dev8(news)) | _taken_before_dev8(news), SEED_DEV9, N_DEV9)


def draw_dev10(news: Path) -> list[str]:
    """news-dev10: N_DEV10 articles by the same rules (seed 24), none of the 200 drawn before."""
    taken = set(draw_dev9(news)) | set(draw_dev8(news)) | _taken_before_dev8(news)
    return _draw_more(news, taken, SEED_DEV10, N_DEV10)


def draw_dev11(news: Path) -> list[str]:
    """news-dev11: N_DEV11 articles by the same rules (seed 25), none of the 220 drawn before."""
    taken = set(draw_dev10(news)) | set(draw_dev9(news)) | set(draw_dev8(news)) | _taken_before_dev8(news)
    return _draw_more(news, taken, SEED_DEV11, N_DEV11)


def draw_dev12(news: Path) -> list[str]:
    """news-dev12: N_DEV12 articles by the same rules (seed 26), none of the 240 drawn before."""
    taken = (set(draw_dev11(news)) | set(draw_dev10(news)) | set(draw_dev9(news)) | set(draw_dev8(news))
             | _taken_before_dev8(news))
    return _draw_more(news, taken, SEED_DEV12, N_DEV12)


def draw_dev13(news: Path) -> list[str]:
    """news-dev13: N_DEV13 articles by the same rules (seed 27), none of the 260 drawn before."""
    taken = (set(draw_dev12(news)) | set(draw_dev11(news)) | set(draw_dev10(news)) | set(draw_dev9(news))
             | set(draw_dev8(news)) | _taken_before_dev8(news))
    return _draw_more(news, taken, SEED_DEV13, N_DEV13)


def draw_dev14(news: Path) -> list[str]:
    """news-dev14: N_DEV14 articles by the same rules (seed 28), none of the 280 drawn before."""
    taken = (set(draw_dev13(news)) | set(draw_dev12(news)) | set(draw_dev11(news)) | set(draw_dev10(news))
             | set(draw_dev9(news)) | set(draw_dev8(news)) | _taken_before_dev8(news))
    return _draw_more(news, taken, SEED_DEV14, N_DEV14)


def draw_dev15(news: Path) -> list[str]:
    """news-dev15: N_DEV15 articles by the same rules (seed 29), none of the 300 drawn before."""
    taken = (set(draw_dev14(news)) | set(draw_dev13(news)) | set(draw_dev12(news)) | set(draw_dev11(news))
             | set(draw_dev10(news)) | set(draw_dev9(news)) | set(draw_dev8(news)) | _taken_before_dev8(news))
    return _draw_more(news, taken, SEED_DEV15, N_DEV15)


def draw_dev16(news: Path) -> list[str]:
    """news-dev16: N_DEV16 articles by the same rules (seed 30), none of the 320 drawn before."""
    taken = (set(draw_dev15(news)) | set(draw_dev14(news)) | set(draw_dev13(news)) | set(draw_dev12(news))
             | set(draw_dev11(news)) | set(draw_dev10(news)) | set(draw_dev9(news)) | set(draw_dev8(news))
             | _taken_before_dev8(news))
    return _draw_more(news, taken, SEED_DEV16, N_DEV16)


def _draw_more(news: Path, taken: set[str], seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    pubs = []
    for folder in sorted(p for p in news.iterdir() if p.is_dir()):
        files = sorted(f for f in folder.glob("*.md") if MIN_BYTES <= f.stat().st_size <= MAX_BYTES
                       and f.relative_to(news).as_posix() not in taken)
        rng.shuffle(files)
        pubs.append(files)
    picked: list[str] = []
    while len(picked) < n and any(pubs):
        for files in pubs:
            if files and len(picked) < n:
                picked.append(files.pop().relative_to(news).as_posix())
    return sorted(picked)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--news", required=True, type=Path, help="the folder of real articles (../shared/news)")
    later = {"dev2": (draw_dev2, SEED_DEV2), "dev3": (draw_dev3, SEED_DEV3), "dev4": (draw_dev4, SEED_DEV4),
             "dev5": (draw_dev5, SEED_DEV5), "dev6": (draw_dev6, SEED_DEV6), "dev7": (draw_dev7, SEED_DEV7),
             "dev8": (draw_dev8, SEED_DEV8), "dev9": (draw_dev9, SEED_DEV9),
             "dev10": (draw_dev10, SEED_DEV10), "dev11": (draw_dev11, SEED_DEV11),
             "dev12": (draw_dev12, SEED_DEV12), "dev13": (draw_dev13, SEED_DEV13), "dev14": (draw_dev14, SEED_DEV14),
             "dev15": (draw_dev15, SEED_DEV15), "dev16": (draw_dev16, SEED_DEV16)}
    for name, (_, seed) in later.items():
        ap.add_argument(f"--{name}", action="store_true", help=f"draw news-{name} (20 more articles, seed {seed}) instead")
    args = ap.parse_args()
    for name, (drawer, _) in later.items():
        if getattr(args, name):
            for f in drawer(args.news):
                print(f"{name}\t{f}")
            return
    for split, files in draw(args.news).items():
        for f in files:
            print(f"{split}\t{f}")


if __name__ == "__main__":
    main()
