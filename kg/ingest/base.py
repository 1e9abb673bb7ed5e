"""What every ingest module shares: the failure record, supported suffixes, the size limit."""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Optional, Union

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
DEFAULT_MAX_BYTES = 200 * 1024 * 1024

PathInput = Union[str, "os.PathLike[str]"]


@dataclass(frozen=True)
class IngestFailure:
    """One file, or one JSONL line (``line`` is 1-based), that could not be read; ``reason`` says what to do."""

    path: str
    reason: str
    line: Optional[int] = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def _os_reason(err: OSError) -> str:
    what = err.strerror or str(err)
    if isinstance(err, PermissionError):
        return f"cannot read: {what}: check the file's permissions"
    return f"cannot read: {what}"
