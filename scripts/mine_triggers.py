"""Mine real news for relation trigger candidates: the words between two typed entities of one clause that kg's
rules leave unlinked, counted over many articles (issue 16, part 4).

    python scripts/mine_triggers.py --news ../shared/news [--every 3] [--top 40] [--out candidates.tsv]

Reads the articles of ../shared/news that are in neither gold split (data/eval/news-split.tsv): never news-test,
and not news-dev either, so that what is mined is not fitted to the articles that score it. For each clause (a
sentence cut at ，；：) with two entities of types some relation joins (PERSON–ORG/COMPANY, COMPANY–COMPANY, ORG/
COMPANY–MODEL, …) and no relation between them from the rules, it records the words (jieba's, through kg's
engine) between them that are verbs or verb-like nouns, with the pair's types and order. Output: per type pair and
word, how many articles and clauses, whether kg's trigger lexicon already has the word, and one short made-up-free
example *location* (article path and offset: the text stays in ../shared/news). A person reads the list and adds
the words that state a relation to kg/resources/triggers.tsv with a direction frame and a test.

Prints a table; ``--out`` also writes it as TSV. Nothing from the articles' text is written except the single
trigger words themselves.
"""
from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.ingest.files import read_document  # noqa: E402
from kg.mapper import analyze_document  # noqa: E402
from kg.resources_data import triggers  # noqa: E402
from kg.schema import CORE_TYPES, RELATIONS  # noqa: E402

_CLAUSE_BREAKS = "，,；;：:。！？!?\n"
_VERB_TAGS = ("v", "vn", "vd")


def _split_names(news: Path) -> set[str]:
    split = ROOT / "data" / "eval" / "news-split.tsv"
    return {line.split("\t")[1].strip() for line in split.read_text(encoding="utf-8").splitlines() if "\t" in line}


def _pairable(a: str, b: str) -> bool:
    return any((a in r.head and b in r.tail) or (b in r.head and a in r.tail) for r in RELATIONS.values())


def mine(news: Path, *, every: int = 3, limit: int | None = None):
    held = _split_names(news)
    files = sorted(p for p in news.glob("*/*.md") if f"{p.parent.name}/{p.name}" not in held)[::every]
    if limit:
        files = files[:limit]
    known = {t.word for t in triggers()}
    counts: dict[tuple, collections.Counter] = collections.defaultdict(collections.Counter)
    docs: dict[tuple, set] = collections.defaultdict(set)
    where: dict[tuple, str] = {}
    for n, path in enumerate(files, 1):
        doc = read_document(path)
        res = analyze_document(doc)
        text = doc.text
        linked = {(r.head.start, r.tail.start) for r in res.relations} | {(r.tail.start, r.head.start) for r in res.relations}
        ms = [m for m in res.analysis.mentions if m.type in CORE_TYPES]
        toks = sorted(res.analysis.tokens, key=lambda t: t.start)
        for x, y in zip(ms, ms[1:]):
            if (x.start, y.start) in linked or not _pairable(x.type, y.type) or y.start - x.end > 30:
                continue
            gap = text[x.end:y.start]
            if any(ch in _CLAUSE_BREAKS for ch in gap):
                continue
            for t in toks:
                if t.start >= y.start:
                    break
                if t.start >= x.end and t.pos.startswith(_VERB_TAGS) and len(t.text) >= 2:
                    key = (x.type, y.type, t.text)
                    counts[key]["clauses"] += 1
                    docs[key].add(path.name)
                    where.setdefault(key, f"{path.parent.name}/{path.name}:{t.start}")
        if n % 50 == 0:
            print(f"… {n}/{len(files)} articles", file=sys.stderr)
    rows = [(len(docs[k]), c["clauses"], k[0], k[1], k[2], k[2] in known, where[k]) for k, c in counts.items()]
    rows.sort(key=lambda r: (-r[0], -r[1], r[4]))
    return rows, len(files)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--news", required=True, type=Path)
    ap.add_argument("--every", type=int, default=3, help="read every Nth article (default: %(default)s)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--top", type=int, default=60)
    ap.add_argument("--min-docs", type=int, default=3)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    rows, n = mine(args.news, every=args.every, limit=args.limit)
    rows = [r for r in rows if r[0] >= args.min_docs]
    print(f"{n} articles; {len(rows)} candidate (types, word) with ≥ {args.min_docs} articles")
    print("articles\tclauses\tfirst\tsecond\tword\tin lexicon\tfirst seen at")
    for r in rows[:args.top]:
        print("\t".join(str(x) for x in r))
    if args.out:
        with open(args.out, "w", encoding="utf-8") as f:
            f.write("articles\tclauses\tfirst\tsecond\tword\tin_lexicon\tfirst_seen_at\n")
            for r in rows:
                f.write("\t".join(str(x) for x in r) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
