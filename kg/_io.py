"""Atomic file writing and safe output names.

A reader never sees a half-written file: bytes go to a temporary file in the target's folder, are flushed
and fsynced, then :func:`os.replace` puts them in place in one step. On any exception (KeyboardInterrupt
included) the temporary file is removed and an existing target is left as it was.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> atomic_write_text(d / "out" / "graph.json", '{"名": 1}')
>>> (d / "out" / "graph.json").read_text(encoding="utf-8")
'{"名": 1}'
>>> safe_child(d, "../x")
Traceback (most recent call last):
...
kg.errors.InputError: '../x' is not a plain file name (it contains a path separator): use a name without / or \\
"""
from __future__ import annotations

import os
import secrets
import stat
from contextlib import contextmanager
from pathlib import Path, PureWindowsPath
from typing import IO, Iterator, Union

from .errors import InputError, KgError

PathLike = Union[str, "os.PathLike[str]"]

__all__ = ["atomic_write_text", "atomic_write_bytes", "atomic_open", "safe_child"]

_MODES = {"w": "w", "wt": "w", "w+": "w", "wb": "wb", "bw": "wb"}


def atomic_write_bytes(path: PathLike, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, creating the parent folder."""
    with atomic_open(path, "wb") as fh:
        try:
            fh.write(data)
        except OSError as err:
            raise _write_error(Path(os.fspath(path)), err) from err


def atomic_write_text(path: PathLike, text: str) -> None:
    """Write ``text`` to ``path`` atomically as UTF-8 (newlines written as given), creating the parent folder."""
    atomic_write_bytes(path, text.encode("utf-8"))


@contextmanager
def atomic_open(path: PathLike, mode: str = "w") -> Iterator[IO]:
    """Open a temporary file that replaces ``path`` when the ``with`` block ends without an exception.

    ``mode`` is ``"w"`` (text, UTF-8, newlines written as given) or ``"wb"`` (binary, e.g. for
    ``networkx.write_graphml``). If the block raises, the temporary file is removed, ``path`` keeps its old
    content and the exception propagates unchanged.
    """
    kind = _MODES.get(mode)
    if kind is None:
        raise ValueError(f"atomic_open mode must be 'w' or 'wb', not {mode!r}")
    target = Path(os.fspath(path))
    tmp, fd = _create_temp(target)
    try:
        fh = os.fdopen(fd, kind, **({"encoding": "utf-8", "newline": ""} if kind == "w" else {}))
    except BaseException:
        os.close(fd)
        _remove(tmp)
        raise
    try:
        try:
            yield fh
        except BaseException:
            _close_quietly(fh)
            raise  # the caller's own error, unchanged
        try:
            fh.flush()
            os.fsync(fh.fileno())
            fh.close()
            _copy_mode(target, tmp)
            os.replace(tmp, target)
        except OSError as err:
            raise _write_error(target, err) from err
    except BaseException:
        _close_quietly(fh)
        _remove(tmp)
        raise
    _fsync_dir(target.parent)


def safe_child(directory: PathLike, name: str) -> Path:
    """``directory / name``, refusing a ``name`` that is not one plain file name inside ``directory``.

    Refused: empty names, ``.``, ``..``, path separators, absolute paths, drive prefixes (on Windows),
    NUL and other control characters. Raises :class:`~kg.errors.InputError`.
    """
    if not isinstance(name, str):
        raise InputError(f"file name must be a str, not {type(name).__name__}: pass the name as text")
    why = _unsafe_reason(name)
    if why:
        raise InputError(f"{name!r} is not a plain file name ({why}): use a name without / or \\")
    base = Path(os.fspath(directory))
    child = base / name
    # Defence in depth: the lexical parent must be the directory itself.
    if child.parent != base:
        raise InputError(f"{name!r} would be written outside {str(base)!r}: use a plain file name")
    return child


def _unsafe_reason(name: str) -> str | None:
    if name in ("", ".", ".."):
        return "it is empty or a relative folder reference"
    if "/" in name or "\\" in name:
        return "it contains a path separator"
    if any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in name):
        return "it contains a control character"
    if os.path.isabs(name):
        return "it is an absolute path"
    if os.name == "nt" and PureWindowsPath(name).drive:
        return "it starts with a drive"
    return None


def _create_temp(target: Path) -> tuple[Path, int]:
    """A new temporary file next to ``target`` (so os.replace stays on one file system), opened for writing."""
    parent = target.parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise _write_error(target, err) from err
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):
        tmp = parent / f".{target.name[:80]}.{secrets.token_hex(4)}.tmp"
        try:
            return tmp, os.open(tmp, flags, 0o666)  # the umask applies, as for a plain open()
        except FileExistsError:
            continue
        except OSError as err:
            raise _write_error(target, err) from err
    raise KgError(f"cannot create a temporary file in {str(parent)!r}: remove stale '.*.tmp' files there")


def _copy_mode(target: Path, tmp: Path) -> None:
    """Keep the permissions of a file being replaced."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return
    try:
        os.chmod(tmp, mode)
    except OSError:
        pass


def _remove(tmp: Path) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable (POSIX); harmless where folders cannot be opened."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _close_quietly(fh: IO) -> None:
    try:
        fh.close()
    except OSError:
        pass


def _write_error(target: Path, err: OSError) -> KgError:
    reason = err.strerror or str(err)
    return KgError(
        f"cannot write {str(target)!r}: {reason}. Check that the folder exists or can be created, "
        "is writable and has free space, or write somewhere else."
    )
