"""NER examples from kg's own annotated real news: the development splits' gold (``data/eval/news-devN.jsonl``)
projected onto the sentences of their articles (issue 17, part 1; the real-news issue's gold).

``python -m kg.train ner --corpora cluener,resume,weibo,domain,newsgold --news ../shared/news`` reads the articles
that the gold files of ``--news-gold`` name (default :data:`DEFAULT_SPLITS`), with kg's reader, and cuts them into
sentences with kg's splitter. The gold lists each article's entities (name, type, aliases), not their positions,
so every occurrence of a name or alias in a sentence is labelled with the entity's type:

- longer names first, no overlaps; a name that starts or ends with a Latin letter or digit only where the text
  has no Latin letter or digit beside it (``Meta`` is not found in ``Metaverse``);
- the guidelines ask annotators for every person, organisation, company and AI model the article names, so the
  rest of a sentence is "no name" (``O``), except kg's job titles (``kg/resources/titles.tsv``): the gold has no
  TITLE and the other corpora do, so a title is *unknown* (``MISSING``) and the model learns nothing there;
- sentences of 4–:data:`MAX_LEN` characters; every sentence with a name, and a seeded ``share_empty`` of the
  others (no name at all).

news-test is never read: only the splits named, and a split called ``test`` is refused. Nothing here is written
to disk; the articles' text stays in ``--news``.
"""
from __future__ import annotations

import json
import random
import re
from pathlib import Path

from ..errors import InputError
from ..evaluate_ner import Example
from .data import MISSING

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT / "data" / "eval"
# the splits a shipped model learns from; news-dev10 … are kept out of it, to measure it on articles it never read
DEFAULT_SPLITS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9")
GOLD_TYPES = frozenset({"PERSON", "ORG", "COMPANY", "MODEL"})
MAX_LEN = 300
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")


def gold_file(split: str, eval_dir: str | Path = EVAL_DIR) -> Path:
    if split == "test" or not re.fullmatch(r"dev\d*", split):
        raise InputError(f"--news-gold: {split!r} is not a development split (dev, dev2, dev3, …); news-test is "
                         "never trained on")
    path = Path(eval_dir) / f"news-{split}.jsonl"
    if not path.is_file():
        raise InputError(f"{path} not found: no gold for split {split!r}")
    return path


def read_gold(path: str | Path) -> list[dict]:
    out = []
    for lineno, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            record["doc"], record["entities"]
        except (ValueError, KeyError, TypeError):
            raise InputError(f"{path}:{lineno}: not a gold line with \"doc\" and \"entities\"") from None
        out.append(record)
    return out


def gold_names(record: dict) -> dict[str, str]:
    """Surface form → type, for every name and alias of the article's entities of kg's four types."""
    names: dict[str, str] = {}
    for ent in record["entities"]:
        typ = ent.get("type")
        if typ not in GOLD_TYPES:
            continue
        for name in (ent.get("name"), *(ent.get("aliases") or ())):
            if isinstance(name, str) and name.strip() == name and name:
                names.setdefault(name, typ)
    return names


def _free(text: str, start: int, end: int) -> bool:
    """No Latin letter or digit glued to a name that starts or ends with one."""
    if _ASCII_WORD.match(text[start]) and start > 0 and _ASCII_WORD.match(text[start - 1]):
        return False
    return not (_ASCII_WORD.match(text[end - 1]) and end < len(text) and _ASCII_WORD.match(text[end]))


def label_sentence(text: str, names: dict[str, str], titles: tuple[str, ...] = ()) -> Example:
    """``(text, spans)``: every free occurrence of a name (longest first, no overlap) with its type, titles not
    inside a name as ``MISSING``; the rest of the text is left unlabelled, i.e. "no name"."""
    spans: list[tuple[int, int, str]] = []

    def place(name: str, label: str) -> None:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if _free(text, start, end) and all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, label))
            start = text.find(name, start + 1)

    for name in sorted(names, key=lambda n: (-len(n), n)):
        place(name, names[name])
    for title in titles:
        place(title, MISSING)
    return text, tuple(sorted(spans))


def news_gold_examples(news: str | Path, splits: tuple[str, ...] = DEFAULT_SPLITS, *, share_empty: float = 0.3,
                       seed: int = 0, eval_dir: str | Path = EVAL_DIR, titles: tuple[str, ...] | None = None,
                       counts: dict | None = None) -> list[Example]:
    """The examples of the module docstring. ``counts`` (a dict) receives articles, sentences and spans per type."""
    from ..ingest import read_document
    from ..nlp.sentences import split_sentences

    news = Path(news)
    if not news.is_dir():
        raise InputError(f"{news} is not a folder of articles (pass --news ../shared/news)")
    if titles is None:
        from ..resources_data import titles as packaged_titles

        titles = tuple(sorted(packaged_titles(), key=len, reverse=True))
    rng = random.Random(seed)
    out: list[Example] = []
    tally = {"articles": 0, "sentences": 0, "empty_sentences": 0}
    for split in splits:
        for record in read_gold(gold_file(split, eval_dir)):
            path = news / record["doc"]
            if not path.is_file():
                raise InputError(f"{path} not found: --news must be the folder the gold's \"doc\" paths are under")
            names = gold_names(record)
            text = read_document(path).text
            tally["articles"] += 1
            for sent in split_sentences(text):
                sentence = sent.text.strip()
                if not 4 <= len(sentence) <= MAX_LEN:
                    continue
                example = label_sentence(sentence, names, titles)
                named = [s for s in example[1] if s[2] != MISSING]
                if not named:
                    if rng.random() >= share_empty:
                        continue
                    tally["empty_sentences"] += 1
                tally["sentences"] += 1
                for s in named:
                    tally[s[2]] = tally.get(s[2], 0) + 1
                out.append(example)
    if counts is not None:
        counts.update(tally)
    return out
