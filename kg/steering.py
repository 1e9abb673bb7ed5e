"""How a user steers a build: their own entity lists, their merge/split decisions, and documents to take out
of an ``--update`` graph.

Entity lists and decisions given to a build are kept in graph.json (``graph.user_entities``,
``graph.decisions``); a later ``--update`` of that graph applies them again, with any new ones given to it.
The documents already in the ``--update`` graph are fed to the resolver again from its store
(:mod:`kg.docstore`), less those given to ``remove``; without a store, from graph.json itself.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Iterable

from .decisions import Decision, combine, from_strings, read_decisions
from .docstore import DocumentStore, StoreWriter
from .errors import InputError
from .extract.gazetteer import GazetteerEntry, entity_rows, entries_from_rows, merge_entries, read_entity_list


@dataclass
class Steering:
    entities: tuple[GazetteerEntry, ...] = ()
    decisions: tuple[Decision, ...] = ()
    remove: frozenset[str] = frozenset()
    base: object = None  # the --update graph (networkx), or None

    @classmethod
    def prepare(cls, *, update: str | os.PathLike | None = None, entities=(), decisions: Iterable = (),
                remove: Iterable[str] = ()) -> "Steering":
        """Read the ``update`` graph, the entity lists and decision files; check the ids to remove."""
        base = None
        if update is not None:
            from .export.json import read_json

            base = read_json(update)
        meta = base.graph if base is not None else {}
        given = [e for p in _paths(entities) for e in read_entity_list(p)]
        decided = combine(from_strings(meta.get("decisions")), _decisions(decisions))
        remove = frozenset(remove)
        if remove:
            if base is None:
                raise InputError("--remove takes documents out of an existing graph: give it with --update GRAPH.json")
            known = meta.get("doc_hashes") or {}
            unknown = sorted(remove - set(known))
            if unknown:
                listed = ", ".join(sorted(known)[:5]) + (" …" if len(known) > 5 else "")
                raise InputError(f"no document {', '.join(map(repr, unknown))} in {update}; its documents are "
                                 f"{listed or 'none'} (graph.doc_hashes lists them all)")
        return cls(merge_entries([*entries_from_rows(meta.get("user_entities")), *given]), decided, remove, base)

    def start(self, resolver, result, writer: StoreWriter | None, *, update) -> bool:
        """Feed the ``update`` graph's documents to ``resolver`` (and to ``writer``, the new store). Returns
        False where they came from graph.json, not from a store: a new store would then be incomplete."""
        if self.base is None:
            return True
        store, why = DocumentStore.open(update, self.base.graph.get("doc_hashes") or {})
        if store is None:
            if self.remove:
                raise InputError(f"--remove needs the documents' results that kg build keeps beside graph.json, "
                                 f"and {why}; build the graph again from its sources without those documents")
            resolver.seed(self.base)
            result.notices.append(f"{why}, so the documents already in {update} were taken from it as they are "
                                  "(a fresh build of all the documents may differ slightly)")
            return False
        try:
            for doc in store:
                if doc.id in self.remove:
                    result.removed.append(doc.id)
                    continue
                for piece in doc.pieces():
                    resolver.add(doc.id, piece.mentions, piece.relations, content_hash=doc.content_hash,
                                 metadata=doc.meta)
                if writer is not None:
                    writer.add(doc.id, doc.content_hash, doc.chars, doc.meta, doc.blobs)
                result.kept += 1
        finally:
            store.close()
        return True

    def entity_rows(self) -> list[dict]:
        return entity_rows(self.entities)

    def decision_strings(self) -> list[str]:
        return [str(d) for d in self.decisions]

    def meta(self) -> dict:
        """What graph.json keeps of the steering (nothing where there is none, so a plain graph is unchanged)."""
        out: dict = {}
        if self.entities:
            out["user_entities"] = self.entity_rows()
        if self.decisions:
            out["decisions"] = self.decision_strings()
        return out


def _paths(value) -> list:
    if value is None:
        return []
    if isinstance(value, (str, os.PathLike)):
        return [value]
    return list(value)


def _decisions(items) -> list[Decision]:
    """Decisions given as :class:`Decision` values, or files of them."""
    out: list[Decision] = []
    for item in _paths(items):
        out.extend([item] if isinstance(item, Decision) else read_decisions(item))
    return out
