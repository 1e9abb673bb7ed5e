"""kg's exceptions. Every message says what went wrong and what to do about it."""
from __future__ import annotations


class KgError(Exception):
    """Base class: the CLI prints ``str(err)`` as one line and exits non-zero."""

    exit_code = 1


class InputError(KgError):
    """A path or document kg cannot read."""

    exit_code = 2


class EngineError(KgError):
    """An NLP engine that is missing or cannot run."""

    exit_code = 3


class GraphFormatError(KgError):
    """A file that is not a kg graph."""

    exit_code = 2


class ResourceError(KgError):
    """A gazetteer or trigger file that cannot be parsed."""

    exit_code = 2


class AnalysisError(KgError):
    """A document whose analysis failed, in a build asked to stop at the first failure (``--strict``)."""

    exit_code = 1


class DependencyError(KgError):
    """An optional library that a format or feature needs and that is not installed (``kg[rdf]`` to read Turtle,
    ``kg[dask]`` for ``--dask``): the message says how to install it."""

    exit_code = 3
