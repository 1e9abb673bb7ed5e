"""Validate the gold annotation files against their articles.

Run from the repository root:  python data/check_gold.py
                               python data/check_gold.py --news ../shared/news   # the real-news gold too
                               python data/check_gold.py --news ../shared/news --file part.jsonl   # one file only
Exits non-zero and prints every problem found. Uses the standard library only, except with --news: the real-news
gold names its articles by path, and their names must occur in the text kg's reader makes of them (kg installed).
"""
from __future__ import annotations

import collections
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent
SETS = [(DATA / "samples", DATA / "eval" / "gold.jsonl"), (DATA / "heldout", DATA / "eval" / "heldout.jsonl")]

TYPES = {"PERSON", "ORG", "COMPANY", "MODEL"}
UNIT = {"ORG", "COMPANY"}
# relation id -> (allowed head types, allowed tail types); None = symmetric, any of the four
SCHEMA = {
    "works_for": ({"PERSON"}, UNIT),
    "leads": ({"PERSON"}, UNIT | {"MODEL"}),
    "departed_from": ({"PERSON"}, UNIT),
    "joined": ({"PERSON"}, UNIT),
    "founded": ({"PERSON", "COMPANY"}, UNIT),
    "educated_at": ({"PERSON"}, {"ORG"}),
    "develops": ({"COMPANY", "ORG", "PERSON"}, {"MODEL"}),
    "part_of": (UNIT, UNIT),
    "competes_with": None,
    "partners_with": None,
    "invests_in": ({"COMPANY", "PERSON"}, {"COMPANY"}),
    "acquires": ({"COMPANY"}, {"COMPANY"}),
}
SYMMETRIC = {"competes_with", "partners_with"}


def check(text_dir: Path, gold_path: Path, texts: dict[str, str] | None = None
          ) -> tuple[list[str], collections.Counter, collections.Counter]:
    errors: list[str] = []
    etypes: collections.Counter = collections.Counter()
    rtypes: collections.Counter = collections.Counter()
    if texts is None:
        texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))}
    seen_docs = set()
    for lineno, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        where = f"{_shown(gold_path)}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.append(f"{where}: not JSON ({exc})")
            continue
        doc = rec.get("doc")
        if doc not in texts:
            errors.append(f"{where}: doc {doc!r} has no article in {text_dir}")
            continue
        if doc in seen_docs:
            errors.append(f"{where}: doc {doc!r} annotated twice")
        seen_docs.add(doc)
        text = texts[doc]
        types: dict[str, str] = {}
        surfaces: dict[str, str] = {}
        for ent in rec.get("entities", []):
            name, typ, aliases = ent.get("name"), ent.get("type"), ent.get("aliases", [])
            if typ not in TYPES:
                errors.append(f"{where}: entity {name!r} has type {typ!r}")
            if name in types:
                errors.append(f"{where}: entity {name!r} listed twice")
            types[name] = typ
            etypes[typ] += 1
            for form in [name, *aliases]:
                if form not in text:
                    errors.append(f"{where}: {form!r} does not occur in {doc}.txt")
                if form in surfaces and surfaces[form] != name:
                    errors.append(f"{where}: {form!r} belongs to both {surfaces[form]!r} and {name!r}")
                surfaces[form] = name
        pairs = set()
        for rel in rec.get("relations", []):
            s, r, o = rel.get("subject"), rel.get("relation"), rel.get("object")
            if r not in SCHEMA:
                errors.append(f"{where}: unknown relation {r!r}")
                continue
            rtypes[r] += 1
            for arg in (s, o):
                if arg not in types:
                    errors.append(f"{where}: {r} argument {arg!r} is not an entity name of {doc}")
            if s not in types or o not in types:
                continue
            if s == o:
                errors.append(f"{where}: {r} from {s!r} to itself")
            spec = SCHEMA[r]
            if spec is not None:
                heads, tails = spec
                if types[s] not in heads or types[o] not in tails:
                    errors.append(f"{where}: {s}({types[s]}) {r} {o}({types[o]}) breaks the type constraint")
            if "role" in rel and r not in {"works_for", "leads"}:
                errors.append(f"{where}: role given on {r}")
            key = (frozenset((s, o)), r) if r in SYMMETRIC else (s, r, o)
            if key in pairs:
                errors.append(f"{where}: duplicate relation {s} {r} {o}")
            pairs.add(key)
    for doc in sorted(set(texts) - seen_docs):
        errors.append(f"{_shown(gold_path)}: no annotation for {text_dir.name}/{doc}")
    return errors, etypes, rtypes


def _shown(path: Path) -> Path:
    """``path`` relative to the project where it lies inside it (a gold file being written may lie elsewhere)."""
    try:
        return path.resolve().relative_to(DATA.parent.resolve())
    except ValueError:
        return path


def news_texts(news: Path, gold_path: Path) -> dict[str, str]:
    """The text kg's reader makes of each article a real-news gold file names (its ``doc`` is the path)."""
    from kg.ingest import read_document

    docs = [json.loads(line)["doc"] for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {d: read_document(news / d).text for d in docs if (news / d).is_file()}


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    sets = [(d, g, None) for d, g in SETS]
    if "--news" in args:
        news = Path(args[args.index("--news") + 1])
        if "--file" in args:  # a real-news gold file being written, checked alone
            gold = Path(args[args.index("--file") + 1])
            sets = [(news, gold, news_texts(news, gold))]
        else:
            for split in ("dev", "test", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "dev10", "dev11", "dev12",
                          "dev13", "dev14", "dev15", "dev16"):
                gold = DATA / "eval" / f"news-{split}.jsonl"
                if not gold.is_file():
                    continue
                sets.append((news, gold, news_texts(news, gold)))
    failed = False
    for text_dir, gold, texts in sets:
        errors, etypes, rtypes = check(text_dir, gold, texts)
        print(f"{_shown(gold)}: entities {dict(sorted(etypes.items()))}")
        print(f"{' ' * len(str(_shown(gold)))}  relations {dict(sorted(rtypes.items()))}")
        for e in errors:
            print("  ERROR", e)
        failed |= bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
