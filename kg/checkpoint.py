"""What each document of a build came to, kept on disk so that an interrupted build can continue.

:class:`ResultLog` holds, per document in input order, the results of its pieces (a long document is
analysed in pieces, see ``kg.pipeline._pieces``) or its failure, keyed by document id and content hash.
The pipeline writes every piece's result here as it arrives and feeds a document to the resolver from
here once all of its pieces are in; that way a document of which one piece failed contributes nothing,
and memory does not grow with the length of a document.

With a ``path`` (``kg build --out DIR`` keeps ``DIR/.kg-checkpoint.sqlite``) the log is a checkpoint:
finished documents are committed every :data:`COMMIT_SECONDS` or :data:`COMMIT_DOCS` documents, and a
later build with the same settings (engine, model, kg version and code, the ``--update`` graph, user resource files,
``--entities`` lists and merge/split decisions)
takes them from it instead of analysing them again, in input order, so its graph is byte-identical to an
uninterrupted build's. A checkpoint made with other settings is set aside (or, with ``resume``, an error).
Without a path the log is a private temporary database that forgets each document once it is fed.

The checkpoint stores Python pickles of kg's own frozen dataclasses; it is read back with an unpickler
that accepts those classes and nothing else, so a planted file cannot run code.
"""
from __future__ import annotations

import hashlib
import io
import json
import os
import pickle
import sqlite3
import time
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from .errors import InputError, KgError
from .mapper import DocumentFailure
from .schema import CORE_TYPES
from .types import ExtractionResult, Mention, RelationMention

FILENAME = ".kg-checkpoint.sqlite"
FORMAT = 1  # bump when what is stored changes
COMMIT_SECONDS = 2.0  # a killed build loses at most about this much work …
COMMIT_DOCS = 10  # … or this many documents
RESOURCE_ENV = ("KG_GAZETTEER", "KG_TRIGGERS", "KG_TITLES")  # user files that change what analysis finds


@dataclass(frozen=True)
class PieceResult:
    """What the resolver reads of one analysed piece: mentions and relations with document offsets."""

    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]


@dataclass(frozen=True)
class StoredDocument:
    """A document the log holds: its number, and its failure if its analysis failed."""

    number: int
    chars: int
    failure: DocumentFailure | None = None


def piece_result(res: ExtractionResult, offset: int) -> PieceResult:
    """What the resolver reads of an analysed piece: core-type mentions and relations, in document offsets
    (``offset``: where the piece starts in its document)."""
    mentions = tuple(_shift(m, offset) for m in res.mentions if m.type in CORE_TYPES)
    relations = tuple(_shift_relation(r, offset) for r in res.relations) if offset else tuple(res.relations)
    return PieceResult(mentions, relations)


def _shift(m: Mention, offset: int) -> Mention:
    return replace(m, start=m.start + offset, end=m.end + offset) if offset else m


def _shift_relation(r: RelationMention, offset: int) -> RelationMention:
    ev = replace(r.evidence, start=r.evidence.start + offset, end=r.evidence.end + offset)
    return replace(r, head=_shift(r.head, offset), tail=_shift(r.tail, offset), evidence=ev)


def settings_fingerprint(*, engine: str, model: str | None, update: str | os.PathLike | None,
                         piece_chars: int, entities: list | None = None, decisions: list | None = None) -> dict:
    """The build settings a checkpoint is valid for: anything that changes what a document yields, or what
    the build makes of it. ``entities`` and ``decisions``: the user's entity lists and merge/split decisions
    in force (as graph.json keeps them), by content."""
    from . import __version__
    from .extract.relations.learned import model_hash, relations_mode

    upd = None
    if update is not None:
        upd = hashlib.sha256(Path(update).read_bytes()).hexdigest()
    return {"format": FORMAT, "kg": __version__, "code": _code_hash(), "engine": engine, "model": model,
            "update": upd, "piece_chars": piece_chars,
            "resources": {k: _files_hash(os.environ.get(k)) for k in RESOURCE_ENV},
            "entities": _value_hash(entities), "decisions": _value_hash(decisions),
            "relations": relations_mode(), "relation_model": model_hash()}


def remove(path: str | os.PathLike) -> None:
    """Delete a checkpoint file and SQLite's side files, if they are there."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        try:
            os.unlink(f"{os.fspath(path)}{suffix}")
        except FileNotFoundError:
            pass


class ResultLog:
    """Per document, its pieces' results or its failure; see the module docstring."""

    def __init__(self, path: str | os.PathLike | None = None, *, settings: dict | None = None,
                 resume: bool = False):
        self.path = Path(path) if path is not None else None
        self.settings = settings or {}
        self.notices: list[str] = []  # one line each, for the user
        self._db: sqlite3.Connection | None = None
        self._stored: dict[tuple[str, str], StoredDocument] = {}
        self._uncommitted = 0
        self._last_commit = time.monotonic()
        if self.path is None:
            if resume:
                raise InputError(f"resume needs a checkpoint file; give one (kg build --out DIR keeps DIR/{FILENAME})")
            return
        if self.path.exists():
            self._read(resume)
        elif resume:
            raise InputError(f"there is no checkpoint to resume from ({self.path}); run without --resume to build "
                             "from the start")

    # -- reading an earlier build's checkpoint ---------------------------------------------------
    def _read(self, resume: bool) -> None:
        try:
            db = sqlite3.connect(self.path)
            try:
                meta = dict(db.execute("SELECT key, value FROM meta"))
                theirs = json.loads(meta.get("settings", "{}"))
                rows = db.execute("SELECT n, id, hash, chars, failure FROM docs WHERE complete = 1").fetchall()
            finally:
                db.close()
            if theirs == self.settings:
                for n, doc_id, h, chars, failure in rows:
                    fail = _loads(failure) if failure is not None else None
                    self._stored[(doc_id, h)] = StoredDocument(n, chars, fail)
        except (sqlite3.Error, ValueError, KgError) as err:
            self._set_aside(f"it cannot be read ({err})", resume)
            return
        if theirs != self.settings:
            changed = sorted(k for k in set(theirs) | set(self.settings) if theirs.get(k) != self.settings.get(k))
            self._set_aside(f"it was made with other settings ({', '.join(changed)})", resume)
            return
        if self._stored:
            self.notices.append(f"continuing from the checkpoint {self.path}: {len(self._stored)} documents "
                                "already analysed")

    def _set_aside(self, why: str, resume: bool) -> None:
        if resume:
            raise InputError(f"cannot resume from {self.path}: {why}; run without --resume to build from the start")
        self.notices.append(f"ignored the checkpoint {self.path}: {why}; building from the start")
        remove(self.path)

    def stored(self, doc_id: str, content_hash: str) -> StoredDocument | None:
        """The document as an earlier build left it, if it finished it."""
        return self._stored.get((doc_id, content_hash))

    @property
    def resumed(self) -> int:
        return len(self._stored)

    # -- writing -----------------------------------------------------------------------------------
    @property
    def db(self) -> sqlite3.Connection:
        """Opened at the first write: worker processes are forked before that and never inherit it."""
        if self._db is None:
            if self.path is None:
                db = sqlite3.connect("")  # private, temporary, deleted on close
                db.execute("PRAGMA journal_mode = OFF")
                db.execute("PRAGMA synchronous = OFF")
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                db = sqlite3.connect(self.path)
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(
                "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);"
                "CREATE TABLE IF NOT EXISTS docs (n INTEGER PRIMARY KEY, id TEXT, hash TEXT, chars INTEGER,"
                " complete INTEGER, failure BLOB);"
                "CREATE TABLE IF NOT EXISTS pieces (doc INTEGER, piece INTEGER, result BLOB,"
                " PRIMARY KEY (doc, piece));")
            # a document begun but not finished by an earlier build is analysed again
            db.execute("DELETE FROM pieces WHERE doc IN (SELECT n FROM docs WHERE complete = 0)")
            db.execute("DELETE FROM docs WHERE complete = 0")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('settings', ?)",
                       (json.dumps(self.settings, sort_keys=True),))
            db.commit()
            self._db = db
        return self._db

    def begin(self, doc_id: str, content_hash: str, chars: int) -> int:
        """A document about to receive its pieces; returns its number."""
        cur = self.db.execute("INSERT INTO docs (id, hash, chars, complete) VALUES (?, ?, ?, 0)",
                              (doc_id, content_hash, chars))
        return cur.lastrowid

    def add_piece(self, number: int, index: int, piece: PieceResult) -> None:
        self.db.execute("INSERT INTO pieces VALUES (?, ?, ?)", (number, index, _dumps(piece)))

    def finish(self, number: int, failure: DocumentFailure | None = None) -> None:
        """All of a document's pieces are in (or one failed: then its pieces are dropped)."""
        if failure is not None:
            self.db.execute("DELETE FROM pieces WHERE doc = ?", (number,))
        self.db.execute("UPDATE docs SET complete = 1, failure = ? WHERE n = ?",
                        (_dumps(failure) if failure is not None else None, number))
        self._uncommitted += 1
        if self.path is not None and (self._uncommitted >= COMMIT_DOCS
                                      or time.monotonic() - self._last_commit >= COMMIT_SECONDS):
            self.commit()

    def pieces(self, number: int) -> Iterator[PieceResult]:
        """A finished document's piece results in order, one at a time."""
        for blob in self.piece_blobs(number):
            yield _loads(blob)

    def piece_blobs(self, number: int) -> Iterator[bytes]:
        """The same, as stored (pickled): :func:`load_blob` reads one."""
        rows = self.db.execute("SELECT result FROM pieces WHERE doc = ? ORDER BY piece", (number,))
        for (blob,) in rows:
            yield blob

    def release(self, number: int) -> None:
        """The document has been fed: a temporary log forgets it (a checkpoint keeps it)."""
        if self.path is None:
            self.db.execute("DELETE FROM pieces WHERE doc = ?", (number,))
            self.db.execute("DELETE FROM docs WHERE n = ?", (number,))

    def commit(self) -> None:
        if self._db is not None:
            self._db.commit()
        self._uncommitted = 0
        self._last_commit = time.monotonic()

    def close(self) -> None:
        """Commit what is finished and close (a checkpoint stays on disk until :func:`remove`)."""
        if self._db is not None:
            self.commit()
            self._db.close()
            self._db = None


# -- values in and out ------------------------------------------------------------------------------
_ALLOWED = {("kg.types", n) for n in ("Mention", "RelationMention", "Evidence")} | {
    ("kg.checkpoint", "PieceResult"), ("kg.mapper", "DocumentFailure")}


class _Unpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if (module, name) in _ALLOWED:
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not something a kg checkpoint holds")


def _dumps(value) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


def load_blob(blob: bytes):
    """A piece result (or failure) as the checkpoint stores it, read with the safe unpickler."""
    return _loads(blob)


def _loads(blob: bytes):
    try:
        return _Unpickler(io.BytesIO(blob)).load()
    except Exception as err:  # noqa: BLE001 — whatever a damaged or foreign file makes pickle raise
        raise InputError(f"a checkpoint holds something kg did not write ({err}); delete it, or build with "
                         "--no-checkpoint") from None


@lru_cache(maxsize=1)
def _code_hash() -> str:
    """kg's own files: a changed rule, resource or model is a new setting even where the version is not new.
    Files under 1 MB are hashed whole (all the code and most resources), larger ones by name and size."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if not p.is_file() or "__pycache__" in p.parts or p.suffix == ".pyc":
            continue
        size = p.stat().st_size
        h.update(f"{p.relative_to(root).as_posix()}\0{size}\0".encode("utf-8"))
        if size < 2**20:
            h.update(p.read_bytes())
    return h.hexdigest()


def _value_hash(value) -> str | None:
    """A hash of plain data (lists, dicts, strings), or None for nothing."""
    if not value:
        return None
    return hashlib.sha256(json.dumps(value, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def _files_hash(paths: str | None) -> str | None:
    """A hash of the files named in a KG_* variable (``a.tsv:b.tsv``), so that editing one is a new setting."""
    if not paths:
        return None
    h = hashlib.sha256()
    for p in paths.split(os.pathsep):
        h.update(p.encode("utf-8", "surrogateescape") + b"\0")
        try:
            h.update(Path(p).read_bytes())
        except OSError:
            h.update(b"<missing>")
    return h.hexdigest()

