"""Train kg's spaCy NER model: a character pipeline with a CNN tok2vec, optional jieba word features.

``python -m kg.train ner --data DATASETS --out kg/models/ner`` runs :func:`train_ner` with the
default preset. Training stops at ``--max-minutes`` or when the held-out slice of CLUENER *train* has not
improved for ``--patience`` evaluations; the parameters with the best held-out score are saved.
"""
from __future__ import annotations

import json
import logging
import random
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ..errors import KgError
from ..evaluate_ner import Example, evaluate

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Settings:
    """One architecture; ``PRESETS`` names the ones compared in docs/MODEL_CARD.md."""

    word_features: bool = True  # jieba word identity (NORM) and position-in-word (TAG) per character
    word_tags: bool = False  # the word's POS tag from jieba's dictionary, or a guessed one (LEMMA)
    use_upper: bool = True  # the transition parser's hidden layer over the state (False: cheaper)
    width: int = 64
    depth: int = 4
    window: int = 1
    maxout_pieces: int = 2
    char_rows: int = 8000
    bigram_rows: int = 0  # > 0: also embed each character's bigram (itself and the next one) in this many rows
    word_rows: int = 20000
    char_vectors: str = ""  # "lac": pretrained static character vectors (kg/train/vectors.py) beside the hashes
    word_classes: bool = False  # with word_tags: LAC's class of the word alone joins its tag (kg/resources/word_classes.tsv)
    class_only: bool = False  # with word_classes: the class replaces the tag where LAC gives one
    tag_rows: int = 128
    hidden_width: int = 64
    dropout: float = 0.15
    learn_rate: float = 0.001
    batch_start: int = 16
    batch_stop: int = 64
    seed: int = 0


PRESETS = {
    "char-cnn": Settings(word_features=False),
    "char-cnn+words": Settings(word_features=True),
    "char-cnn+words-w96": Settings(word_features=True, width=96, maxout_pieces=3),
    "char-cnn+words+tags": Settings(word_features=True, word_tags=True),
    "char-cnn+words+tags-noupper": Settings(word_features=True, word_tags=True, use_upper=False),
    "char-cnn+words+tags-noupper-w2d3": Settings(word_features=True, word_tags=True, use_upper=False, window=2,
                                                 depth=3),
    "char-cnn+words+tags-noupper-w2d3+bigrams": Settings(word_features=True, word_tags=True, use_upper=False,
                                                         window=2, depth=3, bigram_rows=20000),
    "char-cnn+words+tags-noupper-w2d3+charvec": Settings(word_features=True, word_tags=True, use_upper=False,
                                                         window=2, depth=3, char_vectors="lac"),
    "char-cnn+words+tags-noupper-w2d3+classes": Settings(word_features=True, word_tags=True, use_upper=False,
                                                         window=2, depth=3, word_classes=True, tag_rows=512),
    "char-cnn+words+tags-noupper-w2d3+lac": Settings(word_features=True, word_tags=True, use_upper=False, window=2,
                                                     depth=3, char_vectors="lac", word_classes=True, tag_rows=512),
    "char-cnn+words+tags-noupper-w2d3+lac-classonly": Settings(word_features=True, word_tags=True, use_upper=False,
                                                               window=2, depth=3, char_vectors="lac",
                                                               word_classes=True, class_only=True),
}
DEFAULT_PRESET = "char-cnn+words+tags-noupper-w2d3+lac"


def build_pipeline(settings: Settings, labels: list[str]):
    """A blank Chinese char pipeline with (optionally) ``kg_word_features`` and an untrained ``ner``."""
    import spacy

    from ..nlp.ner_model import BIGRAM_EMBED, FEATURES, register_components

    register_components()
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"segmenter": "char"}}})
    attrs, rows = ["ORTH", "SHAPE"], [settings.char_rows, 64]
    if settings.word_features:
        nlp.add_pipe(FEATURES, config={"tags": settings.word_tags, "classes": settings.word_classes,
                                        "class_only": settings.class_only})
        attrs += ["NORM", "TAG"]
        rows += [settings.word_rows, 64]
        if settings.word_tags:
            attrs.append("LEMMA")
            rows.append(settings.tag_rows)
    if settings.char_vectors:
        from .vectors import CHAR_VECTORS, add_char_vectors

        if settings.char_vectors not in CHAR_VECTORS or settings.bigram_rows:
            raise ValueError(f"char_vectors={settings.char_vectors!r}: choose one of {', '.join(CHAR_VECTORS)}, "
                             "without bigram rows")
        add_char_vectors(nlp, CHAR_VECTORS[settings.char_vectors]())
    if settings.bigram_rows:
        embed = {"@architectures": BIGRAM_EMBED, "width": settings.width, "attrs": attrs, "rows": rows,
                 "bigram_rows": settings.bigram_rows}
    else:
        embed = {"@architectures": "spacy.MultiHashEmbed.v2", "width": settings.width, "attrs": attrs,
                 "rows": rows, "include_static_vectors": bool(settings.char_vectors)}
    model = {
        "@architectures": "spacy.TransitionBasedParser.v2",
        "state_type": "ner",
        "extra_state_tokens": False,
        "hidden_width": settings.hidden_width,
        "maxout_pieces": 2,
        "use_upper": settings.use_upper,
        "nO": None,
        "tok2vec": {
            "@architectures": "spacy.Tok2Vec.v2",
            "embed": embed,
            "encode": {"@architectures": "spacy.MaxoutWindowEncoder.v2", "width": settings.width,
                       "depth": settings.depth, "window_size": settings.window,
                       "maxout_pieces": settings.maxout_pieces},
        },
    }
    ner = nlp.add_pipe("ner", config={"model": model})
    for label in labels:
        ner.add_label(label)
    return nlp


def make_examples(nlp, data: list[Example]):
    """spaCy Examples whose predicted docs already carry the word features (computed once, not per epoch).
    Spans labelled ``MISSING`` (partial annotation, e.g. DuIE) become unknown tokens, not "outside"."""
    from spacy.training import Example as SpacyExample
    from spacy.training import offsets_to_biluo_tags

    from .data import MISSING

    features = nlp.get_pipe("kg_word_features") if "kg_word_features" in nlp.pipe_names else None
    out = []
    for text, spans in data:
        doc = nlp.make_doc(text)
        if features is not None:
            doc = features(doc)
        ents = [(s, e, label) for s, e, label in spans if label != MISSING and text[s:e].strip() == text[s:e]]
        missing = [(s, e) for s, e, label in spans if label == MISSING]
        if missing:
            tags = offsets_to_biluo_tags(doc, ents)
            for tok in doc:
                if tags[tok.i] == "O" and any(s <= tok.idx < e for s, e in missing):
                    tags[tok.i] = "-"
            out.append(SpacyExample.from_dict(doc, {"entities": tags}))
        else:
            out.append(SpacyExample.from_dict(doc, {"entities": ents}))
    return out


def heldout_score(nlp, heldout: list[Example]) -> dict:
    from ..evaluate_ner import MERGE_ORG
    from ..nlp.ner_model import NerModel

    model = NerModel(nlp)
    merged = {"PERSON": "PERSON", "ORG": "ORG", "COMPANY": "ORG"}
    return evaluate(model.predict_many, heldout, label_map=merged, pred_map=MERGE_ORG)


def train_ner(train: list[Example], heldout: list[Example], out_dir: str | Path, *, settings: Settings,
              max_minutes: float = 20.0, eval_every: int = 400, patience: int = 6, max_epochs: int = 50, max_steps: int | None = None,
              max_cpu_minutes: float | None = None, monitor: list[Example] | None = None, log_path: str | Path | None = None, meta: dict | None = None) -> dict:
    """Train, keep the best held-out parameters, save them to ``out_dir``; returns a summary dict.

    Stops at ``max_minutes`` wall time, ``max_cpu_minutes`` of this process's CPU time, ``max_steps`` updates,
    or after ``patience`` evaluations without a held-out gain. ``monitor`` examples (e.g. a dev set) are
    scored and logged at each evaluation for learning curves only: they never choose the saved parameters.
    """
    from spacy.util import compounding, fix_random_seed, minibatch
    from thinc.api import Adam

    fix_random_seed(settings.seed)
    rng = random.Random(settings.seed)
    labels = sorted({label for _, spans in train for *_, label in spans})
    nlp = build_pipeline(settings, labels)
    t0 = time.time()
    examples = make_examples(nlp, train)
    log.info("prepared %d examples in %.0fs", len(examples), time.time() - t0)
    optimizer = Adam(settings.learn_rate, L2=1e-6, grad_clip=1.0, use_averages=True)
    nlp.initialize(lambda: examples[:2000], sgd=optimizer)
    out_dir = Path(out_dir)
    try:  # before training, not after it: a folder that cannot be made must not cost a run
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise KgError(f"cannot make the model folder {out_dir} ({err.strerror or err})") from None
    history: list[dict] = []
    best = {"f1": -1.0}
    step, bad, start, cpu_start = 0, 0, time.time(), time.process_time()
    deadline = start + max_minutes * 60
    done = False
    log_file = open(log_path, "a", encoding="utf-8") if log_path else None
    try:
        for epoch in range(max_epochs):
            rng.shuffle(examples)
            losses: dict = {}
            for batch in minibatch(examples, size=compounding(settings.batch_start, settings.batch_stop, 1.001)):
                nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
                step += 1
                cpu_minutes = (time.process_time() - cpu_start) / 60
                last = (time.time() > deadline or step == max_steps
                        or (max_cpu_minutes is not None and cpu_minutes > max_cpu_minutes))
                if step % eval_every == 0 or last:
                    with nlp.use_params(optimizer.averages):
                        score = heldout_score(nlp, heldout)
                        f1 = score["micro"]["f1"]
                        row = {"step": step, "epoch": epoch, "minutes": round((time.time() - start) / 60, 2),
                               "cpu_minutes": round(cpu_minutes, 2),
                               "loss": round(float(losses.get("ner", 0.0)), 1), "heldout_f1": round(f1, 4),
                               **{f"heldout_{t}": round(s["f1"], 4) for t, s in score["types"].items()}}
                        if monitor:
                            row["monitor_f1"] = round(heldout_score(nlp, monitor)["micro"]["f1"], 4)
                        history.append(row)
                        log.info("%s", row)
                        if log_file:
                            log_file.write(json.dumps(row, ensure_ascii=False) + "\n")
                            log_file.flush()
                        if f1 > best["f1"]:
                            best = {"f1": f1, "step": step, "epoch": epoch}
                            bad = 0
                            _save(nlp, out_dir, settings, meta, best)
                        else:
                            bad += 1
                    losses = {}
                    if bad >= patience or last:
                        done = True
                        break
            if done:
                break
        if not history:  # fewer updates than one evaluation: keep what there is
            with nlp.use_params(optimizer.averages):
                best = {"f1": heldout_score(nlp, heldout)["micro"]["f1"], "step": step, "epoch": max_epochs - 1}
                _save(nlp, out_dir, settings, meta, best)
    finally:
        if log_file:
            log_file.close()
    summary = {"settings": asdict(settings), "best": best, "steps": step,
               "train_minutes": round((time.time() - start) / 60, 1),
               "cpu_minutes": round((time.process_time() - cpu_start) / 60, 1), "history": history}
    meta_path = out_dir / "meta.json"
    if meta_path.is_file():  # record the total training time next to the saved parameters
        stored = json.loads(meta_path.read_text(encoding="utf-8"))
        stored.setdefault("kg", {})["train_minutes"] = summary["train_minutes"]
        stored["kg"]["train_cpu_minutes"] = summary["cpu_minutes"]
        stored["kg"]["steps_run"] = step
        meta_path.write_text(json.dumps(stored, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def _save(nlp, out_dir: Path, settings: Settings, meta: dict | None, best: dict) -> None:
    nlp.meta["name"] = "kg_ner"
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "kg Chinese NER: PERSON, ORG, COMPANY, TITLE, MODEL over characters (docs/MODEL_CARD.md)"
    nlp.meta["license"] = ("MIT (code); training corpora carry no licence statement, see docs/MODEL_CARD.md"
                           + ("; character vectors from Baidu LAC, Apache-2.0 (NOTICE)" if settings.char_vectors else ""))
    nlp.meta["kg"] = {"settings": asdict(settings), "best_heldout": best, **(meta or {})}
    nlp.to_disk(out_dir)
