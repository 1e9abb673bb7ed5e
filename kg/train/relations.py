"""Train the relation pair model: spaCy ``textcat_multilabel`` over hashed word n-grams (``spacy.TextCatBOW.v3``).

``python -m kg.train relations --news ../shared/news --data ../shared/datasets --out kg/models/relations`` builds
the examples (:mod:`kg.train.relation_data`), holds out a seeded share of them (never news-dev pairs) to choose the
epoch, trains and saves. The saved folder holds the weights, the label names and the settings the engine reads
(threshold); the documents the model is trained on are made with a throwaway vocabulary, so the folder holds no
word of any text (:func:`stored_strings` lists what it does hold; a test checks it).
"""
from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import KgError
from ..extract.relations.learned import DEFAULT_THRESHOLD, LABELS, PIPE
from .relation_data import PairExample

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    ngram_size: int = 2
    length: int = 2 ** 16  # hash buckets per label: the weights are 4 bytes × labels × length
    learn_rate: float = 0.001
    l2: float = 1e-6
    batch_size: int = 32
    max_epochs: int = 20
    patience: int = 3
    heldout: float = 0.1  # share of the non-dev examples held out to choose the epoch
    seed: int = 0


def build_classifier(settings: Settings, labels=LABELS):
    """A blank pipeline with an untrained ``textcat_multilabel`` over word n-grams."""
    import spacy

    nlp = spacy.blank("xx")
    model = {"@architectures": "spacy.TextCatBOW.v3", "exclusive_classes": False, "ngram_size": settings.ngram_size,
             "no_output_layer": False, "length": settings.length}
    pipe = nlp.add_pipe(PIPE, config={"model": model, "threshold": DEFAULT_THRESHOLD})
    for label in labels:
        pipe.add_label(label)
    return nlp


def to_examples(examples: list[PairExample]):
    """spaCy Examples over docs of a throwaway vocabulary (so that no word reaches the pipeline's own)."""
    from spacy.tokens import Doc
    from spacy.training import Example
    from spacy.vocab import Vocab

    vocab = Vocab()
    out = []
    for ex in examples:
        doc = Doc(vocab, words=list(ex.words) or ["#empty"])
        out.append(Example.from_dict(doc, {"cats": dict(ex.cats)}))
    return out


def heldout_loss(nlp, examples) -> float:
    """Mean squared error of the probabilities on the labels an example knows (what spaCy's update minimises)."""
    import numpy

    pipe = nlp.get_pipe(PIPE)
    total, n = 0.0, 0
    for i in range(0, len(examples), 256):
        batch = examples[i:i + 256]
        scores = pipe.model.predict([eg.predicted for eg in batch])
        truths, known = pipe._examples_to_truth(batch)
        total += float((((numpy.asarray(scores) - truths) ** 2) * known).sum())
        n += float(known.sum())
    return total / max(n, 1.0)


def split_heldout(examples: list[PairExample], share: float, seed: int):
    """(train, heldout): a seeded ``share`` of the non-dev examples held out; news-dev pairs always train."""
    rng = random.Random(seed)
    train, held = [], []
    for ex in examples:
        (held if ex.source != "news-dev" and rng.random() < share else train).append(ex)
    return train, held


def train_relations(examples: list[PairExample], out_dir: str | Path, *, settings: Settings = Settings(),
                    threshold: float = DEFAULT_THRESHOLD, thresholds: dict | None = None, meta: dict | None = None,
                    max_steps: int | None = None) -> dict:
    """Train on ``examples``, keep the epoch with the lowest held-out loss, save to ``out_dir``; a summary dict."""
    from spacy.util import fix_random_seed, minibatch
    from thinc.api import Adam

    if not examples:
        raise KgError("no training examples: check --news and --data")
    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    train, held = split_heldout(examples, settings.heldout, settings.seed)
    nlp = build_classifier(settings)
    train_eg, held_eg = to_examples(train), to_examples(held)
    optimizer = Adam(settings.learn_rate, L2=settings.l2, grad_clip=1.0)
    nlp.initialize(lambda: train_eg[:500], sgd=optimizer)
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgError(f"cannot make the model folder {out_dir} ({err.strerror or err})") from None
    inference = {"threshold": threshold, "thresholds": thresholds or {}}
    best, bad, step, history, t0 = None, 0, 0, [], time.time()
    for epoch in range(settings.max_epochs):
        rng.shuffle(train_eg)
        losses: dict = {}
        for batch in minibatch(train_eg, size=settings.batch_size):
            nlp.update(batch, sgd=optimizer, losses=losses)
            step += 1
            if step == max_steps:
                break
        loss = heldout_loss(nlp, held_eg) if held_eg else float(losses.get(PIPE, 0.0))
        history.append({"epoch": epoch, "steps": step, "train_loss": round(float(losses.get(PIPE, 0.0)), 3),
                        "heldout_mse": round(loss, 5)})
        log.info("%s", history[-1])
        if best is None or loss < best["heldout_mse"]:
            best, bad = {"epoch": epoch, "heldout_mse": loss}, 0
            _save(nlp, out_dir, settings, inference, best, meta)
        else:
            bad += 1
        if bad >= settings.patience or step == max_steps:
            break
    summary = {"settings": asdict(settings), "best": best, "steps": step, "train": len(train),
               "heldout": len(held), "minutes": round((time.time() - t0) / 60, 1), "history": history}
    return summary


def _save(nlp, out_dir: Path, settings: Settings, inference: dict, best: dict, meta: dict | None) -> None:
    nlp.meta["name"] = "kg_relations"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = ("kg relation pair model: which of the 12 relations a sentence states between two "
                               "typed mentions (docs/MODEL_CARD.md)")
    nlp.meta["license"] = ("MIT (code); weights learned from FinRE (MIT), kg's rule output on news articles and, "
                           "unless --no-dev, the news-dev annotations; no text is stored (docs/MODEL_CARD.md)")
    nlp.meta["kg"] = {"settings": asdict(settings), "inference": inference, "best": best, **(meta or {})}
    nlp.to_disk(out_dir)


def set_inference(out_dir: str | Path, *, threshold: float, thresholds: dict | None = None) -> None:
    """Write the threshold (chosen on news-dev) into a saved model's meta.json."""
    path = Path(out_dir) / "meta.json"
    meta = json.loads(path.read_text(encoding="utf-8"))
    meta.setdefault("kg", {})["inference"] = {"threshold": threshold, "thresholds": thresholds or {}}
    path.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")


def stored_strings(out_dir: str | Path) -> list[str]:
    """The strings a saved model's vocabulary holds (spaCy's defaults and the label names, nothing else)."""
    path = Path(out_dir) / "vocab" / "strings.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else []
