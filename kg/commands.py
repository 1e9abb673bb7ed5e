"""The body of each CLI command: one library call and its output. Kept apart from argument parsing
so that ``kg --help`` imports nothing heavy."""
from __future__ import annotations

import dataclasses
import json
import sys
from pathlib import Path

from .errors import InputError

EXIT_PARTIAL = 4


def cmd_build(args) -> int:
    from . import checkpoint
    from .output import BUILD_FORMATS

    _check_build_args(args)
    out = Path(args.out)
    extra = [f for f in _formats(args) if f not in BUILD_FORMATS]
    ckpt = None if args.no_checkpoint else out / checkpoint.FILENAME
    res = _run_build(args, ckpt)
    if res is None:
        return 130
    for note in res.notices:
        print(f"kg: {note}", file=sys.stderr)
    # nothing new and nothing removed: leave any earlier output as it is
    nothing_built = res.documents == 0 and res.unchanged == 0 and not res.removed
    if not nothing_built:
        _write(res, out, args, extra)
    elif res.store is not None:
        res.store.discard()
    if ckpt is not None:
        checkpoint.remove(ckpt)  # the build is done: a rerun starts afresh
    return _report_failures(res, nothing_built=nothing_built)


def _write(res, out: Path, args, extra: list[str]) -> None:
    """The three files and the ``--format`` extras, then graph.docs.sqlite for a later --update or --remove
    (thrown away if the files could not all be written), then the summary."""
    from .output import BUILD_FORMATS, print_summary, write_outputs

    try:
        write_outputs(res.graph, out, formats=[*BUILD_FORMATS, *extra], max_nodes=args.max_nodes or None,
                      max_edges=args.max_edges or None, cypher_schema=args.cypher_schema, timings=res.timings)
        if res.store is not None:
            res.store.commit()
    except BaseException:
        if res.store is not None:
            res.store.discard()
        raise
    if not args.quiet:
        print_summary(res, out, extra=extra)


def _run_build(args, ckpt: Path | None):
    """The build's BuildResult, or None after Ctrl-C with a checkpoint to continue from (said on stderr)."""
    from .decisions import parse_decision
    from .docstore import store_path
    from .pipeline import run

    decisions = [*args.decisions, *(parse_decision(f"merge {v}", where="--merge: ") for v in args.merge),
                 *(parse_decision(f"split {v}", where="--split: ") for v in args.split)]
    try:
        with _progress(args.quiet) as tick:
            return run(args.inputs, engine=args.engine, model=args.hanlp_model, workers=args.workers, progress=tick,
                       update=args.update, strict=args.strict, checkpoint=ckpt, resume=args.resume,
                       entities=args.entities, decisions=decisions, remove=args.remove,
                       store=store_path(Path(args.out) / "graph.json"), dask=args.dask)
    except KeyboardInterrupt:
        if ckpt is None or not ckpt.exists():
            raise
        print(f"kg: interrupted; the documents analysed so far are kept in {ckpt}: run the same command again "
              "to continue", file=sys.stderr)
        return None


def _check_build_args(args) -> None:
    if args.workers < 1:
        raise InputError("--workers must be 1 or more")
    if args.dask and args.dask != "local" and Path(args.dask).exists():
        raise InputError(f"--dask took {args.dask!r} for the scheduler's address: put --dask after the inputs, or "
                         "write --dask=tcp://HOST:PORT")
    if args.resume and args.no_checkpoint:
        raise InputError("--resume continues from a checkpoint, --no-checkpoint keeps none: give one of them")
    if not args.inputs and not args.remove:
        raise InputError("give at least one INPUT file or folder (or, with --update, documents to --remove)")
    if args.remove and not args.update:
        raise InputError("--remove takes documents out of an existing graph: give it with --update GRAPH.json")
    _check_output_args(args)


def _check_output_args(args) -> None:
    if args.max_nodes < 0:
        raise InputError("--max-nodes must be 0 (all entities) or more")
    if args.max_edges < 0:
        raise InputError("--max-edges must be 0 (all relations between the shown entities) or more")
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(f"--out {out} is a file; give a folder")


def _formats(args) -> list[str]:
    from .output import parse_formats

    return parse_formats(args.format)


def cmd_export(args) -> int:
    from .graph import load
    from .output import FORMATS, write_outputs

    _check_output_args(args)
    formats = _formats(args)
    if not formats:
        raise InputError(f"--format names no format; give one or more of {', '.join(FORMATS)}")
    graph = load(args.graph)
    for path in write_outputs(graph, Path(args.out), formats=formats, max_nodes=args.max_nodes or None,
                              max_edges=args.max_edges or None, cypher_schema=args.cypher_schema):
        print(path)
    return 0


def _report_failures(res, *, nothing_built: bool) -> int:
    """Each input that could not be read and each document that failed, on stderr; the exit code."""
    for f in res.failures:
        print(f"kg: skipped {f.path}{f':{f.line}' if f.line else ''}: {f.reason}", file=sys.stderr)
    for f in res.analysis_failures:
        print(f"kg: skipped document {f.doc!r}, its analysis failed: {f.reason}", file=sys.stderr)
    if nothing_built:
        what = "analysed" if res.analysis_failures else "read"
        print(f"kg: error: no document could be {what}; nothing to build", file=sys.stderr)
        return 1 if res.analysis_failures else 2  # 4 says a graph was written
    return EXIT_PARTIAL if res.failures or res.analysis_failures else 0


def cmd_query(args) -> int:
    from .graph import load
    from .output import print_relations

    g = load(args.graph)
    rels = g.relations(subject=args.subject, relation=args.relation, object=args.object,
                       min_confidence=args.min_confidence)
    if args.json:
        for r in rels:
            print(json.dumps(_relation_dict(r), ensure_ascii=False))
    else:
        print_relations(rels)
    return 0


def cmd_show(args) -> int:
    from .graph import load
    from .output import print_entity

    g = load(args.graph)
    found = g.lookup(args.entity)
    if found is None:
        raise InputError(f"no entity called {args.entity!r} in {args.graph}; `kg query {args.graph}` lists relations")
    ent, why = found.entity, g.merges(found.entity.id).get(found.entity.id, {})
    rels = g.relations(subject=ent.id) + [r for r in g.relations(object=ent.id) if r.subject != ent.id]
    if args.json:
        print(json.dumps({"entity": dataclasses.asdict(ent) | {"aliases": list(ent.aliases), "docs": list(ent.docs)},
                          "matched": {"query": found.query, "form": found.matched, "how": found.how},
                          "alias_reasons": why, "known_aliases": list(found.known_aliases),
                          "relations": [_relation_dict(r) for r in rels]}, ensure_ascii=False, indent=1))
    else:
        print_entity(ent, rels, found=found, reasons=why)
    return 0


def cmd_merges(args) -> int:
    from .graph import load
    from .output import print_merges

    g = load(args.graph)
    merges = g.merges(args.entity)
    if args.entity is not None and g.entity(args.entity) is None:
        raise InputError(f"no entity called {args.entity!r} in {args.graph}; `kg merges {args.graph}` lists them all")
    rows = [{"entity": n, "type": g.entity(n).type, "alias": a, "reason": r}
            for n, forms in merges.items() for a, r in forms.items()]
    if args.json:
        for row in rows:
            print(json.dumps(row, ensure_ascii=False))
    else:
        print_merges(rows)
    return 0


def cmd_eval(args) -> int:
    from .evaluate import evaluate_graph, format_scores
    from .graph import load

    scores = evaluate_graph(load(args.graph), args.gold)
    if args.json:
        print(json.dumps(scores, ensure_ascii=False, indent=1))
    else:
        print(format_scores(scores, errors=args.errors))
    return 0


def cmd_eval_ner(args) -> int:
    from . import evaluate_ner as ev

    examples = ev.read_examples(args.file, args.format)
    if not examples:
        raise InputError(f"{args.file}: no sentences found; is it a {args.format} file?")
    labels, pred_map = ev.FORMATS[args.format]
    if args.merge_org:
        labels = {k: ("ORG" if v == "COMPANY" else v) for k, v in labels.items()}
        pred_map = ev.MERGE_ORG
    if args.model_only:
        from .nlp.ner_model import load_ner_model

        predict = load_ner_model(args.ner_model).predict_many
    else:
        predict = _entity_predictor(args.engine, args.hanlp_model, ner_model=args.ner_model)
    report = ev.evaluate(predict, examples, label_map=labels, pred_map=pred_map)
    print(json.dumps(report, ensure_ascii=False, indent=1) if args.json else ev.format_report(report))
    return 0


def _entity_predictor(engine: str, model: str | None, *, ner_model: str | None = None):
    """texts → the entities kg's whole entity stage finds (engine + gazetteers + patterns + type rules);
    ``ner_model``: the builtin engine reads this NER model folder instead of the packaged one."""
    from .extract.entities import refine
    from .nlp import get_engine
    from .types import Document

    eng = get_engine(engine, model)
    if ner_model is not None:
        from .nlp.builtin import BuiltinEngine
        from .nlp.ner_model import load_ner_model

        if not isinstance(eng, BuiltinEngine):
            raise InputError("--ner-model needs the builtin engine")
        eng._ner = load_ner_model(ner_model)

    def predict_many(texts):
        out = []
        for i, text in enumerate(texts):
            a = refine(eng.analyze(Document(f"s{i}", text)))
            out.append([(m.start, m.end, m.type, m.confidence) for m in a.mentions])
        return out

    return predict_many


def _relation_dict(r) -> dict:
    d = {"subject": r.subject, "relation": r.relation, "label": r.label, "object": r.object,
         "confidence": r.confidence, "evidence": [e.to_dict() for e in r.evidence]}
    if r.role:
        d["role"] = r.role
    if r.date:
        d["date"] = r.date
    return d


class _progress:
    """A tqdm counter on stderr while documents are processed (only on a terminal)."""

    def __init__(self, quiet: bool):
        self.bar = None
        self.quiet = quiet

    def __enter__(self):
        if not self.quiet and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(unit="doc", desc="kg build", file=sys.stderr, leave=False)
        return self.tick

    def tick(self, n: int) -> None:
        if self.bar is not None:
            self.bar.update(n - self.bar.n)

    def __exit__(self, *exc):
        if self.bar is not None:
            self.bar.close()
