"""graph.docs.sqlite: what each document of a graph came to, kept beside graph.json.

``kg build --out DIR`` writes ``DIR/graph.docs.sqlite`` with graph.json: per document, in the order the
resolver took them, its id, content hash, length, metadata and the analysis results of its pieces (the
mentions and relation mentions the resolver reads, pickled as in the checkpoint, :mod:`kg.checkpoint`).
``kg build --update DIR/graph.json`` feeds these to the resolver again, in the same order, before the new
documents, leaving out the ones given to ``--remove``: the graph is then resolved from the documents' own
results, exactly as a fresh build of the same documents in that order would be, and nothing a document
brought stays once it is removed (an alias, a vote for a type, a piece of evidence that had been cut).

A store is used only when it holds exactly the documents graph.json lists (ids and content hashes); then it
is the source of truth for them. A graph.json without one (written from Python, or copied alone) is updated
from graph.json itself, as before, and cannot have documents removed.
"""
from __future__ import annotations

import json
import os
import secrets
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

from .checkpoint import load_blob
from .errors import KgError

SUFFIX = ".docs.sqlite"
FORMAT = 1


def store_path(graph_json: str | os.PathLike) -> Path:
    """Where the store of a graph.json lives: ``graph.json`` → ``graph.docs.sqlite``, beside it."""
    p = Path(graph_json)
    return p.with_name(p.stem + SUFFIX)


@dataclass(frozen=True)
class StoredDocument:
    id: str
    content_hash: str
    chars: int
    meta: dict
    blobs: tuple[bytes, ...]  # its pieces' pickled results, in order

    def pieces(self) -> Iterator:
        """Its pieces' results (``kg.checkpoint.PieceResult``), one at a time."""
        return (load_blob(b) for b in self.blobs)


class DocumentStore:
    """A store to read: :meth:`open` checks it against its graph.json first."""

    def __init__(self, path: Path, db: sqlite3.Connection):
        self.path = path
        self._db = db

    @classmethod
    def open(cls, graph_json: str | os.PathLike, doc_hashes: dict) -> tuple["DocumentStore | None", str]:
        """The store beside ``graph_json`` if it holds exactly the documents ``doc_hashes`` lists, else
        ``(None, why)``."""
        path = store_path(graph_json)
        if not path.is_file():
            return None, f"{path} is not there"
        try:
            db = sqlite3.connect(path)  # only read
            meta = dict(db.execute("SELECT key, value FROM meta"))
            docs = dict(db.execute("SELECT id, hash FROM docs ORDER BY n"))
        except sqlite3.Error as err:
            return None, f"{path} cannot be read ({err})"
        if meta.get("format") != str(FORMAT):
            db.close()
            return None, f"{path} was written by another version of kg"
        if docs != {str(k): str(v) for k, v in doc_hashes.items()}:
            db.close()
            return None, f"{path} does not hold the documents {graph_json} lists (one of them was replaced alone)"
        return cls(path, db), ""

    def __iter__(self) -> Iterator[StoredDocument]:
        rows = self._db.execute("SELECT n, id, hash, chars, meta FROM docs ORDER BY n").fetchall()
        for n, doc_id, h, chars, meta in rows:
            blobs = tuple(b for (b,) in self._db.execute("SELECT result FROM pieces WHERE doc = ? ORDER BY piece", (n,)))
            yield StoredDocument(doc_id, h, chars, json.loads(meta), blobs)

    def close(self) -> None:
        self._db.close()


class StoreWriter:
    """A new store, written to a temporary file beside ``path`` and put in place by :meth:`commit` (or thrown
    away by :meth:`discard`), so that a store is never half-written."""

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._tmp = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self._tmp)
            self._db.execute("PRAGMA journal_mode = OFF")  # the file is put in place whole, or not at all
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.executescript(
                "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE docs (n INTEGER PRIMARY KEY, id TEXT UNIQUE, hash TEXT, chars INTEGER, meta TEXT);"
                "CREATE TABLE pieces (doc INTEGER, piece INTEGER, result BLOB, PRIMARY KEY (doc, piece));")
            self._db.execute("INSERT INTO meta VALUES ('format', ?)", (str(FORMAT),))
        except (OSError, sqlite3.Error) as err:
            raise KgError(f"cannot write {self.path}: {err}. Check that the folder exists or can be created, is "
                          "writable and has free space, or write somewhere else.") from None
        self.count = 0

    def add(self, doc_id: str, content_hash: str, chars: int, meta: dict, blobs: Iterable[bytes]) -> None:
        cur = self._db.execute("INSERT INTO docs (id, hash, chars, meta) VALUES (?, ?, ?, ?)",
                               (doc_id, content_hash, chars, json.dumps(meta, ensure_ascii=False)))
        self._db.executemany("INSERT INTO pieces VALUES (?, ?, ?)", ((cur.lastrowid, i, b) for i, b in enumerate(blobs)))
        self.count += 1

    def commit(self) -> None:
        self._db.commit()
        self._db.close()
        os.replace(self._tmp, self.path)

    def discard(self) -> None:
        """Throw the new store away (again: nothing happens)."""
        try:
            self._db.close()
        finally:
            try:
                os.unlink(self._tmp)
            except FileNotFoundError:
                pass
