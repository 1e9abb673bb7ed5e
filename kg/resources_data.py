"""Loaders for the plain-text lexicons in ``kg/resources/`` (triggers, titles, surnames, stop names).

Each is read once per process. Users extend them with files named in ``KG_TRIGGERS`` / ``KG_TITLES``
(same formats; ``os.pathsep``-separated).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .errors import ResourceError
from .schema import RELATIONS

RESOURCES = Path(__file__).resolve().parent / "resources"
FRAMES = ("svo", "pre", "any", "rev")
TITLE_KINDS = ("lead", "found", "member", "edu")


@dataclass(frozen=True)
class Trigger:
    relation: str
    word: str
    frame: str


def read_rows(path: Path, ncols: int) -> list[tuple[int, list[str]]]:
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise ResourceError(f"cannot read {path}: {err}; it must be a UTF-8 text file") from None
    out = []  # (line number, stripped tab-separated columns) of each line that is not blank or a # comment
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        if len(cols) < ncols:
            raise ResourceError(f"{path}:{n}: expected {ncols} tab-separated columns, got {line!r}")
        out.append((n, cols))
    return out


def _paths(default: str, env: str) -> list[Path]:
    return [RESOURCES / default] + [Path(p) for p in os.environ.get(env, "").split(os.pathsep) if p]


@lru_cache(maxsize=1)
def triggers() -> tuple[Trigger, ...]:
    out = []
    for path in _paths("triggers.tsv", "KG_TRIGGERS"):
        for n, (rel, word, frame, *_) in read_rows(path, 3):
            if rel not in RELATIONS:
                raise ResourceError(f"{path}:{n}: unknown relation {rel!r}; use one of {', '.join(RELATIONS)}")
            if frame not in FRAMES:
                raise ResourceError(f"{path}:{n}: unknown frame {frame!r}; use one of {', '.join(FRAMES)}")
            out.append(Trigger(rel, word, frame))
    return tuple(out)


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    out: dict[str, str] = {}
    for path in _paths("titles.tsv", "KG_TITLES"):
        for n, (title, kind, *_) in read_rows(path, 2):
            if kind not in TITLE_KINDS:
                raise ResourceError(f"{path}:{n}: unknown title kind {kind!r}; use one of {', '.join(TITLE_KINDS)}")
            out[title] = kind
    return out


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    text = (RESOURCES / "surnames.txt").read_text(encoding="utf-8")
    return frozenset(text.split())


COMMON_SURNAMES = 100  # surnames.txt is ordered by frequency: the first hundred cover most Han names


@lru_cache(maxsize=1)
def common_surnames() -> frozenset[str]:
    """The most frequent surnames (王 李 张 …), for rules that need a name to start with a likely one."""
    return frozenset((RESOURCES / "surnames.txt").read_text(encoding="utf-8").split()[:COMMON_SURNAMES])


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Common given names in Latin script (Sam, Erin, Chetan): ``given_names.txt``, built by scripts/build_given_names.py."""
    text = (RESOURCES / "given_names.txt").read_text(encoding="utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    """Names of consumer platforms, apps and media brands (``platforms.txt``): entities only where used as companies."""
    text = (RESOURCES / "platforms.txt").read_text(encoding="utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


@lru_cache(maxsize=1)
def product_names() -> frozenset[str]:
    """Companies news names by their product, and products named like their company (``product_names.txt``):
    each mention is typed by its context."""
    text = (RESOURCES / "product_names.txt").read_text(encoding="utf-8")
    return frozenset(l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#"))


WORD_CLASSES = ("PER", "ORG", "LOC")


@lru_cache(maxsize=1)
def word_classes() -> dict[str, str]:
    """Word → PER/ORG/LOC: the class Baidu's LAC gives each word of jieba's dictionary tagged alone
    (``word_classes.tsv``, built by scripts/build_word_classes.py); a feature of the NER model."""
    path = RESOURCES / "word_classes.tsv"
    out = {}
    for n, (word, cls, *_) in read_rows(path, 2):
        if cls not in WORD_CLASSES:
            raise ResourceError(f"{path}:{n}: unknown class {cls!r}; use one of {', '.join(WORD_CLASSES)}")
        out[word] = cls
    return out


@lru_cache(maxsize=1)
def stopnames() -> frozenset[str]:
    text = (RESOURCES / "stopnames.txt").read_text(encoding="utf-8")
    return frozenset(l.strip().lower() for l in text.splitlines() if l.strip() and not l.startswith("#"))


def lexicon_words(*, gazetteer: bool = True) -> list[tuple[str, int, str]]:
    """Words the private jieba tokenizer should keep whole: triggers, titles, gazetteer names (tagged by type:
    the NER model's word and tag features are how gazetteer hits reach it). ``gazetteer=False`` leaves the
    names out, for the training comparison that measures what they add."""
    from .extract.gazetteer import packaged_gazetteer

    words: dict[str, tuple[int, str]] = {}
    for t in triggers():
        if not t.word.isascii():
            words[t.word] = (2000, "v")
    for title in titles():
        if not title.isascii():
            words[title] = (2000, "n")
    tag = {"PERSON": "nr", "ORG": "nt", "COMPANY": "nt", "MODEL": "nz", "LOCATION": "ns"}
    for entry in packaged_gazetteer().entries.values() if gazetteer else ():
        for form in (entry.name, *entry.aliases):
            if " " not in form and not form.isascii():
                words[form] = (5000, tag[entry.type])
    return [(w, f, t) for w, (f, t) in sorted(words.items())]
