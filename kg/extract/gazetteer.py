"""Gazetteers: known names with their type and aliases, from TSV files a user can extend.

File format (UTF-8, one entry a line, ``#`` starts a comment)::

    name<TAB>type<TAB>alias|alias|...

``type`` is one of PERSON, ORG, COMPANY, MODEL, LOCATION. The first column is the canonical name.
kg reads every ``*.tsv`` in ``kg/resources/gazetteer/``, then the files named in the environment
variable ``KG_GAZETTEER`` (separated by ``os.pathsep``), then those passed as ``extra``. A later
entry with the same canonical name adds aliases (and may change the type).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable

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
    """Longest-match lookup of known names in text, over case- and width-folded characters."""

    def __init__(self, entries: Iterable[GazetteerEntry]):
        self.entries: dict[str, GazetteerEntry] = {}
        for e in entries:
            old = self.entries.get(e.name)
            if old is not None:
                e = GazetteerEntry(e.name, e.type, tuple(dict.fromkeys(old.aliases + e.aliases)))
            self.entries[e.name] = e
        self._by_key: dict[str, str] = {}
        self._product_keys: dict[str, str] = {}
        self._trie: dict = {}
        for e in self.entries.values():
            for form in (e.name, *e.aliases):
                key = name_key(form)
                if key:
                    self._by_key.setdefault(key, e.name)
                self._insert(fold(form), e.name)
        self._add_product_keys()

    def _insert(self, surface: str, canonical: str) -> None:
        node = self._trie
        for ch in surface:
            node = node.setdefault(ch, {})
        node.setdefault(_NAME_END, canonical)
        # a variant with spaces removed, so 腾讯AI Lab matches 腾讯 AI Lab (and the reverse via key)
        squeezed = surface.replace(" ", "")
        if squeezed != surface:
            self._insert(squeezed, canonical)

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
            if best:
                out.append((i, best[0], self.entries[best[1]]))
                i = best[0]
            else:
                i += 1
        return out


# The trie's key for "a name ends here": no character of the text can be it (it was "\0", and a NUL in the text
# walked into the canonical name stored under it).
_NAME_END = ""


def _word_boundary(text: str, start: int, end: int) -> bool:
    """A match starting or ending with a Latin char must not continue a Latin word."""
    if is_latin(text[start]) and start > 0 and is_latin(text[start - 1]) and text[start - 1] not in "-.":
        return False
    if is_latin(text[end - 1]) and end < len(text) and is_latin(text[end]):
        # allow GPT-5 matching "gpt-5" but not "Meta" in "Metaverse"
        return False
    return True


def read_gazetteer_file(path: str | os.PathLike) -> list[GazetteerEntry]:
    from ..resources_data import read_rows

    path = Path(path)
    out = []
    for lineno, cols in read_rows(path, 2):
        name, typ = cols[0], cols[1].upper()
        if not name:
            raise ResourceError(f"{path}:{lineno}: expected 'name<TAB>type<TAB>aliases', the name is empty")
        if typ not in ENTITY_TYPES:
            raise ResourceError(f"{path}:{lineno}: unknown type {typ!r}; use one of {', '.join(ENTITY_TYPES)}")
        aliases = tuple(a.strip() for a in (cols[2].split("|") if len(cols) > 2 else []) if a.strip())
        out.append(GazetteerEntry(name, typ, aliases))
    return out


def gazetteer_paths(extra: Iterable[str] = ()) -> tuple[str, ...]:
    paths = sorted(str(p) for p in RESOURCE_DIR.glob("*.tsv"))
    env = os.environ.get("KG_GAZETTEER", "")
    paths += [p for p in env.split(os.pathsep) if p]
    paths += [str(p) for p in extra]
    return tuple(paths)


@lru_cache(maxsize=4)
def _load(paths: tuple[str, ...]) -> Gazetteer:
    entries: list[GazetteerEntry] = []
    for p in paths:
        entries.extend(read_gazetteer_file(p))
    return Gazetteer(entries)


def load_gazetteer(extra: Iterable[str] = ()) -> Gazetteer:
    """The packaged gazetteer plus ``KG_GAZETTEER`` files plus ``extra``; loaded once per process."""
    return _load(gazetteer_paths(extra))
