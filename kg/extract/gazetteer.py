"""Gazetteers: known names with their type and aliases, from TSV files a user can extend.

File format (UTF-8, one entry a line, ``#`` starts a comment)::

    name<TAB>type<TAB>alias|alias|...

``type`` is one of PERSON, ORG, COMPANY, MODEL, LOCATION. The first column is the canonical name.
kg reads every ``*.tsv`` in ``kg/resources/gazetteer/``, then the files named in the environment
variable ``KG_GAZETTEER`` (separated by ``os.pathsep``), then those passed as ``extra``. A later
entry with the same canonical name adds aliases (and may change the type).

A user's own entity lists (``kg build --entities FILE``, ``kg.build(..., entities=...)``) are the same format
and are applied last, and they win: a name or alias they list belongs to their entry, whichever kg entry had
it before (:func:`read_entity_list`, :func:`user_entities`).
"""
from __future__ import annotations

import re

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import ResourceError
from ..schema import ENTITY_TYPES
from ..text import fold, is_latin, name_key, to_simplified

RESOURCE_DIR = Path(__file__).resolve().parent.parent / "resources" / "gazetteer"


@dataclass(frozen=True)
class GazetteerEntry:
    name: str
    type: str
    aliases: tuple[str, ...]


class Gazetteer:
    """Longest-match lookup of known names in text, over case- and width-folded characters.

    ``user`` entries (a user's own entity lists) come last and override: each of their names and aliases
    resolves to them, and the entries that had one of those forms before lose it. ``user_keys`` holds the
    :func:`~kg.text.name_key` of every form they list."""

    def __init__(self, entries: Iterable[GazetteerEntry], *, user: Iterable[GazetteerEntry] = ()):
        user = merge_entries(user)
        self.user_keys: frozenset[str] = frozenset(name_key(f) for e in user for f in (e.name, *e.aliases)) - {""}
        claimed = {name_key(f): e.name for e in user for f in (e.name, *e.aliases)}
        self.entries: dict[str, GazetteerEntry] = {}
        for e in merge_entries(entries):
            # a form a user entry lists is that entry's, not this one's
            kept = tuple(a for a in e.aliases if claimed.get(name_key(a), e.name) == e.name)
            self.entries[e.name] = GazetteerEntry(e.name, e.type, kept)
        for e in user:
            old = self.entries.get(e.name)
            aliases = tuple(dict.fromkeys((old.aliases if old else ()) + e.aliases))
            self.entries[e.name] = GazetteerEntry(e.name, e.type, aliases)
        self._by_key: dict[str, str] = {}
        self._product_keys: dict[str, str] = {}
        self._trie: dict = {}
        users = {e.name for e in user}
        for e in self.entries.values():
            if e.name in users:
                continue
            for form in (e.name, *e.aliases):
                self._add_form(form, e.name, override=False)
        for e in user:  # last, and they win
            for form in (e.name, *self.entries[e.name].aliases):
                self._add_form(form, e.name, override=name_key(form) in self.user_keys)
        self._add_product_keys()

    def _add_form(self, form: str, canonical: str, *, override: bool) -> None:
        key = name_key(form)
        if key:
            if override:
                self._by_key[key] = canonical
            else:
                self._by_key.setdefault(key, canonical)
        self._insert(fold(form), canonical, override=override)

    def _insert(self, surface: str, canonical: str, *, override: bool = False) -> None:
        node = self._trie
        for ch in surface:
            node = node.setdefault(ch, {})
        if override:
            node[_NAME_END] = canonical
        else:
            node.setdefault(_NAME_END, canonical)
        # a variant with spaces removed, so 腾讯AI Lab matches 腾讯 AI Lab (and the reverse via key)
        squeezed = surface.replace(" ", "")
        if squeezed != surface:
            self._insert(squeezed, canonical, override=override)

    def _add_product_keys(self) -> None:
        """小米 MiMo and 讯飞星火 name a model after its maker: the rest (MiMo, 星火) also resolves to the
        model, for lookups only. It is not matched in text on its own, where it may be an ordinary word."""
        makers = {k for k, name in self._by_key.items() if self.entries[name].type in ("COMPANY", "ORG")}
        for e in list(self.entries.values()):
            if e.type != "MODEL":
                continue
            for form in (e.name, *e.aliases):
                key = name_key(form)
                for cut in range(len(key) - 2, 1, -1):
                    rest = key[cut:]
                    if key[:cut] in makers and not rest[0].isdigit() and rest[0] not in "-.":
                        if rest not in self._by_key:
                            self._product_keys.setdefault(rest, e.name)
                        break

    def __len__(self) -> int:
        return len(self.entries)

    def __contains__(self, name: str) -> bool:
        return self.lookup(name) is not None

    def lookup(self, name: str) -> GazetteerEntry | None:
        """The entry one of whose names is ``name`` (case, width, quotes and spacing aside)."""
        canonical = self._by_key.get(name_key(name))
        return self.entries[canonical] if canonical else None

    def resolve(self, name: str) -> GazetteerEntry | None:
        """Like :meth:`lookup`, and also a model's name without its maker (MiMo → 小米 MiMo): for resolving
        names already found in text, never for finding them."""
        key = name_key(name)
        canonical = self._by_key.get(key) or self._product_keys.get(key)
        return self.entries[canonical] if canonical else None

    def find(self, text: str) -> list[tuple[int, int, GazetteerEntry]]:
        """All non-overlapping longest matches ``(start, end, entry)``; Latin names match whole words only."""
        simp = to_simplified(text)
        folded = fold(simp if len(simp) == len(text) else text)  # 騰訊 matches 腾讯; offsets stay exact
        out = []
        i, n = 0, len(folded)
        trie = self._trie
        while i < n:
            node = trie.get(folded[i])
            if node is None:
                i += 1
                continue
            best = None
            paths = [(node, i + 1)]  # (trie node, index of the next character to read)
            while paths:
                node, j = paths.pop()
                if _NAME_END in node and _word_boundary(folded, i, j) and (best is None or j > best[0]):
                    best = (j, node[_NAME_END])
                if j >= n:
                    continue
                if folded[j] == " " and j + 1 < n:
                    # a space in the text may be no space in the name (上海 AI 实验室 vs 上海AI实验室), even
                    # where another name goes on with a space there (上海AI Lab): follow both
                    skip = node.get(folded[j + 1])
                    if skip is not None:
                        paths.append((skip, j + 2))
                nxt = node.get(folded[j])
                if nxt is not None:
                    paths.append((nxt, j + 1))  # read first: on equal length the name as written wins
            if best and _plain_english(text[i:best[0]], self.entries[best[1]]):
                best = None  # video clip, meta 信息: an English word written in lower case, not CLIP or Meta
            if best:
                out.append((i, best[0], self.entries[best[1]]))
                i = best[0]
            else:
                i += 1
        return out


# The trie's key for "a name ends here": no character of the text can be it (it was "\0", and a NUL in the text
# walked into the canonical name stored under it).
_NAME_END = ""


# English words that are also names the lists hold: written all in lower case, they are the words
_ENGLISH_WORDS = frozenset("meta clip apple amazon snap square box slack notion zoom linear pi phi bard palm falcon "
                           "jasper runway scale figure character vision gemini oracle shield cohere".split())


def _plain_english(matched: str, entry: GazetteerEntry) -> bool:
    """``matched`` is one of :data:`_ENGLISH_WORDS` in lower case where the name is not (meta for Meta)."""
    return matched.islower() and matched in _ENGLISH_WORDS and not any(f.islower() for f in (entry.name, *entry.aliases))


def _word_boundary(text: str, start: int, end: int) -> bool:
    """A match starting or ending with a Latin char must not continue a Latin word."""
    if is_latin(text[start]) and start > 0 and is_latin(text[start - 1]) and text[start - 1] not in "-.":
        return False
    if is_latin(text[start]) and start > 1 and text[start - 1] == "-" and text[start - 2].isascii() and text[start - 2].isalnum():
        return False  # SAM 2 in AL-Ref-SAM 2: the tail of a hyphenated name, not the name itself
    if is_latin(text[end - 1]) and end + 1 < len(text) and text[end] in "'’" and is_latin(text[end + 1]) \
            and not (text[end + 1] in "sS" and (end + 2 == len(text) or not is_latin(text[end + 2]))):
        return False  # Dell in Dell’Acqua: letters after an apostrophe go on with one surname (not Dell's)
    if is_latin(text[start]) and start > 1 and text[start - 1] in "'’" and is_latin(text[start - 2]):
        return False  # (and Acqua of it)
    if is_latin(text[end - 1]) and end < len(text) and is_latin(text[end]):
        # allow GPT-5 matching "gpt-5" but not "Meta" in "Metaverse"
        return text[end - 3:end].isalpha() and _COUNT_AFTER.match(text, end) is not None  # (OpenAI2024 年, Anthropic7 位)
    return True


_COUNT_AFTER = re.compile(r"\d+\s*(?:年|位|个|月|日|款|万|亿|岁|%|倍)|(?:19|20)\d{2}(?!\d)")


def merge_entries(entries: Iterable[GazetteerEntry]) -> tuple[GazetteerEntry, ...]:
    """Entries of one canonical name as one, in order of first appearance: aliases joined, the last type."""
    out: dict[str, GazetteerEntry] = {}
    for e in entries:
        old = out.get(e.name)
        if old is not None:
            e = GazetteerEntry(e.name, e.type, tuple(dict.fromkeys(old.aliases + e.aliases)))
        out[e.name] = e
    return tuple(out.values())


def read_gazetteer_file(path: str | os.PathLike) -> list[GazetteerEntry]:
    return [e for _, e in _read_entries(Path(path))]


def _read_entries(path: Path) -> list[tuple[int, GazetteerEntry]]:
    """(line number, entry) of each row; a bad row raises ResourceError naming the file and line."""
    from ..resources_data import read_rows

    out = []
    for lineno, cols in read_rows(path, 2):
        name, typ = cols[0], cols[1].upper()
        if not name:
            raise ResourceError(f"{path}:{lineno}: expected 'name<TAB>type<TAB>aliases', the name is empty")
        if typ not in ENTITY_TYPES:
            raise ResourceError(f"{path}:{lineno}: unknown type {typ!r}; use one of {', '.join(ENTITY_TYPES)}")
        aliases = tuple(a.strip() for a in (cols[2].split("|") if len(cols) > 2 else []) if a.strip())
        out.append((lineno, GazetteerEntry(name, typ, aliases)))
    return out


def read_entity_list(path: str | os.PathLike) -> tuple[GazetteerEntry, ...]:
    """A user's entity list (``kg build --entities FILE``): the gazetteer format, one entity a line, read
    strictly. A row with more than three columns, or a name or alias that two entries of the list both
    claim, is an error naming the line."""
    path = Path(path)
    if not path.is_file():
        raise ResourceError(f"{path}: no such file; --entities takes a TSV file of name<TAB>TYPE<TAB>alias|alias rows")
    rows = _read_entries(path)
    lines = path.read_text(encoding="utf-8-sig").splitlines()
    owner: dict[str, tuple[str, int]] = {}  # name key -> (entry name, line)
    for lineno, e in rows:
        line = lines[lineno - 1]
        if line.count("\t") > 2:
            raise ResourceError(f"{path}:{lineno}: expected at most three tab-separated columns "
                                "(name, TYPE, aliases separated by |), got " + repr(line))
        for form in (e.name, *e.aliases):
            k = name_key(form)
            if not k:
                raise ResourceError(f"{path}:{lineno}: {form!r} is not a name (no letters or characters left once "
                                    "quotes and spaces are removed)")
            other = owner.setdefault(k, (e.name, lineno))
            if other[0] != e.name:
                raise ResourceError(f"{path}:{lineno}: {form!r} is already a name of {other[0]!r} (line {other[1]}); "
                                    "a name can belong to one entry only")
    return merge_entries(e for _, e in rows)


def entity_rows(entries: Iterable[GazetteerEntry]) -> list[dict]:
    """A user's entity list as graph.json keeps it: ``[{name, type, aliases}, ...]``."""
    return [{"name": e.name, "type": e.type, "aliases": list(e.aliases)} for e in merge_entries(entries)]


def entries_from_rows(rows: object) -> tuple[GazetteerEntry, ...]:
    """The inverse of :func:`entity_rows`, tolerant of what a hand-edited graph.json may hold."""
    out = []
    for r in rows if isinstance(rows, list) else ():
        if isinstance(r, dict) and isinstance(r.get("name"), str) and r.get("type") in ENTITY_TYPES:
            aliases = tuple(str(a) for a in r.get("aliases", ()) if isinstance(a, str) and a.strip())
            out.append(GazetteerEntry(r["name"], r["type"], aliases))
    return merge_entries(out)


def gazetteer_paths(extra: Iterable[str] = ()) -> tuple[str, ...]:
    paths = sorted(str(p) for p in RESOURCE_DIR.glob("*.tsv"))
    env = os.environ.get("KG_GAZETTEER", "")
    paths += [p for p in env.split(os.pathsep) if p]
    paths += [str(p) for p in extra]
    return tuple(paths)


# The user's entity lists in force in this process (kg.pipeline.run sets them for a build; worker processes
# get them from their initializer): the entries, and a digest that names them in the cache below.
_USER: tuple[tuple[GazetteerEntry, ...], str] = ((), "")
_USER_ENTRIES: dict[str, tuple[GazetteerEntry, ...]] = {}


def _digest(entries: tuple[GazetteerEntry, ...]) -> str:
    if not entries:
        return ""
    h = hashlib.sha256()
    for e in entries:
        h.update("\0".join((e.name, e.type, *e.aliases)).encode("utf-8") + b"\1")
    return h.hexdigest()


def set_user_entities(entries: Iterable[GazetteerEntry]) -> None:
    """Make ``entries`` the user's entity lists of this process (``()``: none)."""
    global _USER
    entries = merge_entries(entries)
    digest = _digest(entries)
    if digest:
        _USER_ENTRIES[digest] = entries
    _USER = (entries, digest)


def active_user_entities() -> tuple[GazetteerEntry, ...]:
    return _USER[0]


@contextmanager
def user_entities(entries: Iterable[GazetteerEntry]) -> Iterator[None]:
    """The user's entity lists in force while the block runs (a build); the previous ones afterwards."""
    before = _USER[0]
    set_user_entities(entries)
    try:
        yield
    finally:
        set_user_entities(before)


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...], user: str = "") -> Gazetteer:
    entries: list[GazetteerEntry] = []
    for p in paths:
        entries.extend(read_gazetteer_file(p))
    return Gazetteer(entries, user=_USER_ENTRIES.get(user, ()))


def load_gazetteer(extra: Iterable[str] = (), *, user: Iterable[GazetteerEntry] | None = None) -> Gazetteer:
    """The packaged gazetteer plus ``KG_GAZETTEER`` files plus ``extra``, with the user's entity lists on top
    (``user``, or those in force: :func:`user_entities`); loaded once per process and set of lists."""
    if user is None:
        digest = _USER[1]
    else:
        entries = merge_entries(user)
        digest = _digest(entries)
        if digest:
            _USER_ENTRIES.setdefault(digest, entries)
    return _load(gazetteer_paths(extra), digest)


def packaged_gazetteer() -> Gazetteer:
    """kg's own gazetteer and the ``KG_GAZETTEER`` files, without a user's entity lists (the tokenizer's
    lexicon, which is built once per process, reads this one, so that it never depends on a build's lists)."""
    return _load(gazetteer_paths(), "")
