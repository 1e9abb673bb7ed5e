"""A user's decisions about which names are one entity, applied whenever documents are resolved.

A decisions file has one decision a line (``#`` starts a comment, blank lines are skipped)::

    merge 小冰公司 = 小冰            # these names are one entity, called 小冰
    split 阿里 | 阿里云              # never one entity, whatever the gazetteer or the text says

``merge A = B`` resolves every mention written A to where B resolves, and, where A is its entity's own name,
that whole entity (its other names too); B's name is the label unless B is a gazetteer name, whose canonical
name then stays the label. ``split A | B`` keeps two names
apart that kg would make one entity (a gazetteer alias, a short form, a name in brackets, a spelling variant):
the name that is not the entity's own (not its gazetteer name, or the second one given) becomes an entity of
its own. The lines may also be written as the command-line options are, ``--merge A=B`` and ``--split A|B``.

:class:`Rules` applies them to resolution keys (:mod:`kg.resolve` owns the keys); graph.json keeps the
decisions in ``graph.decisions`` so that ``kg build --update`` applies them again.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import InputError
from .text import name_key, to_simplified

MERGE, SPLIT = "merge", "split"
_SEP = {MERGE: "=", SPLIT: "|"}


@dataclass(frozen=True)
class Decision:
    kind: str  # merge | split
    a: str
    b: str

    def __str__(self) -> str:
        return f"{self.kind} {self.a}{_SEP[self.kind]}{self.b}"


def parse_decision(text: str, *, where: str = "") -> Decision:
    """``merge A=B`` or ``split A|B`` (spaces around the names, and a leading ``--``, allowed)."""
    line = text.strip()
    kind, _, rest = line.removeprefix("--").partition(" ")
    if kind not in _SEP:
        raise InputError(f"{where}expected 'merge A = B' or 'split A | B', got {text.strip()!r}")
    a, sep, b = rest.partition(_SEP[kind])
    a, b = a.strip(), b.strip()
    if not sep or not a or not b:
        raise InputError(f"{where}expected '{kind} A {_SEP[kind]} B' with two names, got {text.strip()!r}")
    if surface_key(a) == surface_key(b):
        raise InputError(f"{where}{a!r} and {b!r} are one name already; a {kind} needs two different names")
    return Decision(kind, a, b)


def read_decisions(path: str | os.PathLike) -> list[Decision]:
    """The decisions of a file; a bad line is an error naming the file and line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; --decisions takes a text file of 'merge A = B' and "
                         "'split A | B' lines") from None
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"cannot read {path}: {err}; it must be a UTF-8 text file") from None
    out = []
    for n, line in enumerate(lines, 1):
        line = line.split(" #", 1)[0] if " #" in line else line
        if line.strip() and not line.lstrip().startswith("#"):
            out.append(parse_decision(line, where=f"{path}:{n}: "))
    return out


def combine(*lists: Iterable[Decision]) -> tuple[Decision, ...]:
    """The decisions in order, each once; a merge and a split of the same two names is an error."""
    out = tuple(dict.fromkeys(d for ds in lists for d in ds))
    merged = {frozenset((surface_key(d.a), surface_key(d.b))): d for d in out if d.kind == MERGE}
    for d in out:
        other = merged.get(frozenset((surface_key(d.a), surface_key(d.b)))) if d.kind == SPLIT else None
        if other is not None:
            raise InputError(f"the decisions '{other}' and '{d}' contradict each other; keep one of them")
    return out


def from_strings(values: object) -> tuple[Decision, ...]:
    """Decisions as graph.json keeps them (``["merge A=B", "split A|B"]``)."""
    return tuple(parse_decision(v, where="graph.json decisions: ") for v in values if isinstance(v, str)) \
        if isinstance(values, list) else ()


def surface_key(text: str) -> str:
    """What a decision's name and a surface form are compared by: case, width, spacing, quotes and script aside."""
    return name_key(to_simplified(text))


class Rules:
    """Decisions applied to resolution keys.

    ``key(text, type)`` is a name's key as kg resolves it; ``plain(text, type)`` its key when no gazetteer
    knows it (what a split-off name becomes); ``display(text)`` the form a label takes."""

    def __init__(self, decisions: Iterable[Decision], *, key: Callable[[str, str], str],
                 plain: Callable[[str, str], str], display: Callable[[str], str]):
        self.decisions = tuple(decisions)
        self._key, self._plain, self._display = key, plain, display
        self._splits: dict[str, list[tuple[str, str, bool]]] = {}  # surface key -> (name, other name, first)
        for d in self.decisions:
            if d.kind == SPLIT:
                self._splits.setdefault(surface_key(d.a), []).append((d.a, d.b, True))
                self._splits.setdefault(surface_key(d.b), []).append((d.b, d.a, False))
        self._merges: dict[str, tuple] = {}  # type -> the tables of _tables()
        self.labels: dict[str, str] = {}  # key of a merge target no gazetteer names -> its label

    def split(self, text: str, type_: str, natural: str) -> str | None:
        """The key a split decision gives this surface form instead of ``natural``, or None."""
        for name, other, first in self._splits.get(surface_key(text), ()):
            if self._key(other, type_) != natural:
                continue  # the two would not be one entity anyway
            if _owns(name, natural) or (first and not _owns(other, natural)):
                continue  # this name keeps the entity; the other one goes
            plain = self._plain(name, type_)
            return plain if plain != natural else "x:" + surface_key(name)
        return None

    def decided(self, text: str, type_: str) -> str:
        """A name's key after the split decisions."""
        natural = self._key(text, type_)
        return self.split(text, type_, natural) or natural

    def merged(self, text: str, type_: str, k: str) -> str:
        """Where the merge decisions send a surface form ``text`` whose key is ``k`` (``k`` itself if nowhere).

        ``merge A = B`` sends every mention written A to B, and, where A is its entity's own name (not another
        entity's alias: ``merge 阿里 = 阿里云`` must not move all of 阿里巴巴), the whole entity with it."""
        names, table = self._tables(type_)
        k = names.get(surface_key(text), k)
        seen = {k}
        while k in table and table[k] not in seen:
            k = table[k]
            seen.add(k)
        return k

    def _tables(self, type_: str) -> tuple[dict[str, str], dict[str, str]]:
        """``({surface key of A: key of B}, {key of A's entity: key of B})`` of the merges, for one type."""
        tables = self._merges.get(type_)
        if tables is None:
            names: dict[str, str] = {}
            keys: dict[str, str] = {}
            for d in self.decisions:
                if d.kind == MERGE:
                    ka, kb = self.decided(d.a, type_), self.decided(d.b, type_)
                    names.setdefault(surface_key(d.a), kb)
                    if ka != kb and _owns(d.a, ka):
                        keys.setdefault(ka, kb)
                    if not kb.startswith("g:"):
                        self.labels.setdefault(kb, self._display(d.b))
            tables = self._merges[type_] = (names, keys)
        return tables


def _owns(name: str, k: str) -> bool:
    """Whether ``name`` is the entity's own name under key ``k`` (its gazetteer name, or the name itself)."""
    own = k[2:] if k.startswith(("n:", "x:")) else k[2:] if k.startswith("g:") else k
    return surface_key(name) == surface_key(own)
