"""kg's command line: parse, make one library call, turn KgError into one clear line and an exit code.

Exit codes: 0 done · 1 error (a Dask scheduler that cannot be reached is one) · 2 bad input or usage · 3 engine
or optional extra missing · 4 graph written, but some inputs could not be read or some documents failed analysis
(each listed on stderr) · 130 interrupted.
"""
from __future__ import annotations

import argparse
import sys

from .errors import KgError
from .nlp import ENGINE_NAMES
from .output import FORMATS
from .schema import RELATIONS


# a browser lays out about 2,000 nodes in half a minute; a page of every entity of a large corpus is
# unreadable and costs as much memory as the rest of the build
DEFAULT_PAGE_NODES = 2000
DEFAULT_PAGE_EDGES = 10_000  # the 1k benchmark page had 48,045 relations (35 MB) before this cap; the 10k one 286,600 (239 MB)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from Chinese tech and business news.")
    p.add_argument("--version", action="version", version=f"kg {_version()}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    engine = argparse.ArgumentParser(add_help=False)
    engine.add_argument("--engine", default="builtin", help=f"NLP engine: {', '.join(ENGINE_NAMES)} (default: builtin)")
    engine.add_argument("--hanlp-model", metavar="ID_OR_PATH", help="HanLP model id or local folder (--engine hanlp)")

    outputs = argparse.ArgumentParser(add_help=False)  # how the output files are written
    outputs.add_argument("--max-nodes", type=int, metavar="N", default=DEFAULT_PAGE_NODES,
                         help=f"graph.html shows the N most connected entities (default: {DEFAULT_PAGE_NODES}; 0: all); "
                              "the other formats always keep all")
    outputs.add_argument("--max-edges", type=int, metavar="N", default=DEFAULT_PAGE_EDGES,
                         help=f"graph.html shows the N most confident relations between those entities "
                              f"(default: {DEFAULT_PAGE_EDGES}; 0: all)")
    outputs.add_argument("--cypher-schema", choices=["neo4j", "none"],
                         help="graph.cypher starts with Neo4j's index on entity ids (neo4j, the default) or with "
                              "nothing (none: for FalkorDB, Memgraph and other openCypher databases)")
    formats = ", ".join(FORMATS)

    b = sub.add_parser("build", parents=[engine, outputs], help="build graph.html, graph.graphml and graph.json from texts",
                       description="Read INPUT files (.txt .md .html .jsonl) or folders and write DIR/graph.{html,graphml,json}.")
    b.add_argument("inputs", nargs="*", metavar="INPUT")
    b.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    b.add_argument("--format", action="append", metavar="FORMAT[,FORMAT]",
                   help="also write these formats: neo4j, cypher, gexf, ttl (repeatable or comma-separated)")
    b.add_argument("--workers", type=int, default=1, metavar="N", help="worker processes (default: 1)")
    b.add_argument("--dask", nargs="?", const="local", metavar="ADDRESS",
                   help="analyse on a Dask cluster: the scheduler's tcp://HOST:PORT, or none for a local cluster of "
                        "--workers processes; the inputs must be on storage the workers share (pip install \"kg[dask]\")")
    b.add_argument("--update", metavar="GRAPH_JSON", help="add the inputs to an existing graph.json")
    b.add_argument("--strict", action="store_true",
                   help="stop at the first document whose analysis fails (default: skip it, list it, exit 4)")
    b.add_argument("--resume", action="store_true",
                   help="continue an interrupted build from DIR's checkpoint, and fail if there is none that fits "
                        "(without it, a fitting checkpoint is used anyway)")
    b.add_argument("--no-checkpoint", action="store_true",
                   help="keep no checkpoint (DIR/.kg-checkpoint.sqlite) to continue from after an interruption")
    b.add_argument("--remove", nargs="+", action="extend", default=[], metavar="DOC_ID",
                   help="with --update: take these documents (their ids in graph.json) and all they brought out")
    b.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    steer = b.add_argument_group("your entities and merge decisions (kept in graph.json; --update applies them again)")
    steer.add_argument("--entities", action="append", default=[], metavar="FILE.tsv",
                       help="your own entity list, rows of name<TAB>TYPE<TAB>alias|alias: adds to and overrides "
                            "kg's gazetteer")
    steer.add_argument("--decisions", action="append", default=[], metavar="FILE",
                       help="a file of 'merge A = B' and 'split A | B' lines")
    steer.add_argument("--merge", action="append", default=[], metavar="A=B", help="A is the entity B")
    steer.add_argument("--split", action="append", default=[], metavar="A|B", help="A and B are never one entity")

    x = sub.add_parser("export", parents=[outputs], help="write a saved graph in other formats",
                       description="Convert GRAPH_JSON (graph.json, or a .graphml, .gexf or .ttl kg wrote) into DIR: "
                                   "neo4j/ (neo4j-admin import files), graph.cypher, graph.gexf, graph.ttl, graph.json, "
                                   "graph.graphml or graph.html.")
    x.add_argument("graph", metavar="GRAPH_JSON")
    x.add_argument("--format", action="append", required=True, metavar="FORMAT[,FORMAT]",
                   help=f"one or more of: {formats} (repeatable or comma-separated)")
    x.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")

    q = sub.add_parser("query", help="list relations from a graph.json",
                       description="Print relations matching all the filters given; names may be any alias.")
    q.add_argument("graph", metavar="GRAPH_JSON")
    q.add_argument("--subject", "-s")
    q.add_argument("--relation", "-r", choices=list(RELATIONS), metavar="RELATION",
                   help=f"one of: {', '.join(RELATIONS)}")
    q.add_argument("--object", "-o")
    q.add_argument("--min-confidence", type=float, default=0.0)
    q.add_argument("--json", action="store_true", help="JSON lines instead of a table")

    s = sub.add_parser("show", help="show one entity and its relations", description="Show an entity found by any alias.")
    s.add_argument("graph", metavar="GRAPH_JSON")
    s.add_argument("entity", metavar="ENTITY")
    s.add_argument("--json", action="store_true")

    m = sub.add_parser("merges", help="list the names merged into each entity, and why",
                       description="Per entity, the surface forms resolved into it under another name and why: "
                                   "gazetteer alias, traditional form, parenthesised alias, short form, spelling "
                                   "variant, your entity list, your merge decision.")
    m.add_argument("graph", metavar="GRAPH_JSON")
    m.add_argument("entity", nargs="?", metavar="NAME", help="only this entity (any of its names)")
    m.add_argument("--json", action="store_true", help="JSON lines: entity, type, alias, reason")

    e = sub.add_parser("eval", help="score a graph against gold annotations",
                       description="Entity and relation precision/recall/F1 per document against gold JSONL (data/README.md).")
    e.add_argument("graph", metavar="GRAPH_JSON")
    e.add_argument("gold", nargs="+", metavar="GOLD")
    e.add_argument("--json", action="store_true")
    e.add_argument("--errors", action="store_true", help="list missed and spurious items")
    n = sub.add_parser("eval-ner", parents=[engine], help="score an engine's named entities on NER data",
                       description="Per-type precision/recall/F1 of an engine's entities (exact spans) on CLUENER JSON "
                                   "lines or character-BIO files (People's Daily, Resume, Weibo).")
    n.add_argument("file", metavar="FILE")
    n.add_argument("--format", required=True, choices=["cluener", "bio"])
    n.add_argument("--merge-org", action="store_true", help="count ORG and COMPANY as one class")
    n.add_argument("--model-only", action="store_true", help="score kg's NER model alone, without gazetteers and rules")
    n.add_argument("--ner-model", metavar="DIR", default=None,
                   help="with the builtin engine: this NER model folder (from `python -m kg.train ner`) instead of "
                        "the packaged kg/models/ner")
    n.add_argument("--json", action="store_true")
    return p


def _version() -> str:
    from . import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    from . import commands

    try:
        return getattr(commands, f"cmd_{args.command.replace('-', '_')}")(args)
    except KgError as err:
        print(f"kg: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("kg: interrupted; no output file was left half-written", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
