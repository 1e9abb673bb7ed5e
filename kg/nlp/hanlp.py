"""The ``hanlp`` engine: a HanLP 2.x multi-task model (tok, pos, ner, srl, dep) behind kg's Analysis.

Optional: ``pip install "kg[hanlp]"``. HanLP's Chinese pretrained models are licensed for research
and teaching only; kg's builtin engine has no such limit. Models come from HanLP's server at first
use and are cached under ``HANLP_HOME`` (default ``~/.hanlp``); ``model`` may also be a local folder
that holds a saved HanLP component (its ``config.json``/``meta.json``).

Loading lives here; turning HanLP's output into char offsets is :func:`kg.nlp._convert.convert_hanlp`.
"""
from __future__ import annotations

import logging
import os
import socket
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from ..errors import EngineError
from ..types import Analysis, Document, Sentence
from ._convert import align_sentences, convert_hanlp
from .sentences import split_sentences

log = logging.getLogger(__name__)

DEFAULT_MODEL = "CLOSE_TOK_POS_NER_SRL_DEP_SDP_CON_ELECTRA_SMALL_ZH"
MAX_SENTENCE = 300  # chars; the ELECTRA encoders read at most 512 subwords
BATCH = 32  # sentences per call
LICENCE_NOTE = "HanLP's Chinese models are for research and teaching only; the builtin engine has no such limit"

# Tasks asked of a multi-task model, in this order of preference within each kind.
_TASK_PREFERENCE = (
    ("tok/fine", "tok/coarse", "tok"),
    ("pos/ctb", "pos/pku", "pos/863", "pos"),
    ("ner/msra", "ner/ontonotes", "ner/pku", "ner"),
    ("srl",),
    ("dep",),
)


class HanLPEngine:
    """Runs a HanLP component on a document's sentences (split by HanLP's own rules)."""

    name = "hanlp"

    def __init__(self, model: Optional[str] = None, *, batch_size: int = BATCH) -> None:
        hanlp = _import_hanlp()
        self.model = model or DEFAULT_MODEL
        self.batch_size = batch_size
        self._component = load_component(hanlp, self.model)
        self._tasks = choose_tasks(self._component)
        log.info("hanlp engine: %s, tasks %s (%s)", self.model, self._tasks or "all", LICENCE_NOTE)

    def analyze(self, doc: Document) -> Analysis:
        sentences = hanlp_sentences(doc.text)
        tokens, mentions, frames = [], [], []
        for i in range(0, len(sentences), self.batch_size):
            batch = sentences[i:i + self.batch_size]
            output = self._run([s.text for s in batch])
            try:
                converted = convert_hanlp(output, batch, doc.text)
            except (ValueError, TypeError, IndexError, KeyError) as err:
                raise EngineError(f"HanLP model {self.model} gave output kg cannot read ({err}): "
                                  "use a tok/ner/srl/dep model such as " + DEFAULT_MODEL) from err
            tokens.extend(converted.tokens)
            mentions.extend(converted.mentions)
            frames.extend(converted.frames)
        return Analysis(doc, tuple(sentences), tuple(tokens), tuple(mentions), tuple(frames), engine=self.name)

    def _run(self, texts: list[str]) -> Any:
        if self._tasks:
            output = self._component(texts, tasks=self._tasks)
        else:
            output = self._component(texts)
        if isinstance(output, list):  # a plain tokenizer: one word list per sentence
            output = {"tok": output}
        return output


def _import_hanlp():
    try:
        import hanlp
    except ImportError as err:
        raise EngineError(f"the hanlp engine needs HanLP: pip install 'kg[hanlp]' ({err})") from None
    return hanlp


def _unavailable(model: str, why: str) -> EngineError:
    if Path(model).expanduser().exists():
        return EngineError(f"HanLP model {model} cannot be loaded ({why}): pass --hanlp-model the folder of a "
                           f"model saved by HanLP (it holds config.json), or a pretrained id ({LICENCE_NOTE})")
    home = os.environ.get("HANLP_HOME", "~/.hanlp")
    return EngineError(
        f"HanLP model {model} is not available ({why}): set HANLP_HOME (now {home}) to a folder that holds it, "
        f"or pass --hanlp-model /path/to/model ({LICENCE_NOTE})"
    )


def resolve_model(hanlp, model: str) -> str:
    """A local folder as it is; a pretrained id (``hanlp.pretrained.mtl.*`` or any HanLP id) to its URL."""
    if Path(model).expanduser().exists():
        return str(Path(model).expanduser())
    ident = getattr(hanlp.pretrained.mtl, model, None)
    if isinstance(ident, str):
        return ident
    known = getattr(hanlp.pretrained, "ALL", {})
    if model in known:
        return known[model]
    if "://" in model:
        return model
    chinese = sorted(k for k, v in vars(hanlp.pretrained.mtl).items()
                     if k.endswith("_ZH") and isinstance(v, str) and not v.endswith("/"))
    raise EngineError(f"HanLP model {model!r} is neither a folder nor a known id: pass a path, or one of "
                      f"{', '.join(chinese) or DEFAULT_MODEL} (all: hanlp.pretrained.mtl.ALL)")


def load_component(hanlp, model: str):
    """``hanlp.load`` with every failure (missing files, no network, bad archive) as one EngineError.

    A pretrained model that is not in HanLP's cache is downloaded only if HanLP's server answers;
    otherwise the error comes at once instead of after HanLP's retries.
    """
    location = resolve_model(hanlp, model)
    if "://" in location and not _cached(location):
        host = urlsplit(location).hostname or location
        if not _reachable(host):
            raise _unavailable(model, f"not in HanLP's cache and {host} cannot be reached")
    try:
        return hanlp.load(location, verbose=False)
    except EngineError:
        raise
    except (Exception, SystemExit) as err:  # HanLP raises many kinds, and exits on failed downloads
        why = f"{type(err).__name__}: {str(err).strip().splitlines()[0][:160] if str(err).strip() else 'load failed'}"
        raise _unavailable(model, why) from None


def _cached(url: str) -> bool:
    """Whether HanLP would find ``url`` on disk (unpacked, or as a downloaded archive)."""
    if "#" in url:
        return True  # a file inside an archive: let HanLP resolve it
    try:
        from hanlp.utils.io_util import path_from_url, split_if_compressed
    except ImportError:
        return True
    local, compressed = split_if_compressed(path_from_url(url))
    return os.path.isdir(local) or bool(compressed and os.path.isfile(local + compressed))


def _reachable(host: str, *, timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection((host, 443), timeout=timeout):
            return True
    except OSError:
        return False


def choose_tasks(component) -> list[str]:
    """Task names to ask a multi-task model for; [] for a single-task component (it runs as it is)."""
    tasks = getattr(component, "tasks", None)
    if not isinstance(tasks, dict):
        return []
    chosen = []
    for names in _TASK_PREFERENCE:
        pick = next((n for n in names if n in tasks), None)
        if pick is None:  # e.g. "tok/custom": take the first of that kind
            kind = names[-1]
            pick = next((n for n in tasks if n == kind or n.startswith(kind + "/")), None)
        if pick is not None:
            chosen.append(pick)
    return chosen


def hanlp_sentences(text: str, *, max_len: int = MAX_SENTENCE) -> list[Sentence]:
    """Sentences by HanLP's rules (``hanlp.utils.rules.split_sentence``), with char offsets; sentences
    longer than ``max_len`` are cut again by kg's splitter."""
    try:
        from hanlp.utils.rules import split_sentence
    except ImportError:
        return split_sentences(text, max_len=max_len)
    out: list[Sentence] = []
    for sent in align_sentences(text, split_sentence(text)):
        if len(sent.text) <= max_len:
            out.append(sent)
            continue
        for part in split_sentences(sent.text, max_len=max_len):
            out.append(Sentence(part.start + sent.start, part.end + sent.start, part.text))
    return out
