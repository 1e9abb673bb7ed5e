"""Score a graph against gold annotations (data/README.md): entity and relation precision, recall
and F1, micro-averaged over documents.

An entity matches a gold entity of the same type when any of their names share a key (the same
normalisation resolution uses: case, width, quotes, spacing, 公司/集团/Inc. and 大模型 suffixes,
gazetteer aliases). A relation matches when its relation id matches and both ends match; symmetric
relations match either way round.
"""
from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path
from typing import Iterable

from .errors import InputError
from .extract.gazetteer import load_gazetteer
from .resolve import mention_key
from .schema import CORE_TYPES, RELATIONS
from .text import name_key, strip_company_suffix, strip_model_suffix
from .types import evidence_dict


def read_gold(paths: Iterable[str | Path]) -> dict[str, dict]:
    gold: dict[str, dict] = {}
    for path in paths:
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except OSError as err:
            raise InputError(f"cannot read gold file {path}: {err.strerror}") from None
        for n, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                gold[str(item["doc"])] = {"entities": list(item.get("entities", [])),
                                          "relations": list(item.get("relations", []))}
            except (json.JSONDecodeError, KeyError, TypeError) as err:
                raise InputError(f"{path}:{n}: not a gold line ({err}); see data/README.md for the format") from None
    return gold


def entity_keys(name: str, type_: str) -> set[str]:
    """The keys a name matches by: its folded form, without company or model suffixes, and the key the resolver
    gives it (a gazetteer alias finds its canonical name)."""
    gaz = load_gazetteer()
    k = name_key(name)
    keys = {k, strip_company_suffix(k), strip_model_suffix(k), mention_key(name, type_, gazetteer=gaz)}
    return keys


def evaluate_graph(graph, gold_paths: Iterable[str | Path]) -> dict:
    gold = read_gold(gold_paths)
    g = graph.to_networkx() if hasattr(graph, "to_networkx") else graph
    totals = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    errors: dict[str, dict] = {}
    for doc, ann in sorted(gold.items()):
        # predicted entities in this document
        pred = {n: a for n, a in g.nodes(data=True) if doc in a.get("docs", []) and a.get("type") in CORE_TYPES}
        pkeys = {n: set().union(*(entity_keys(f, a["type"]) for f in (a.get("label", n), *a.get("aliases", []))))
                 for n, a in pred.items()}
        gents = [e for e in ann["entities"] if e.get("type") in CORE_TYPES]
        gkeys = [set().union(*(entity_keys(f, e["type"]) for f in (e["name"], *e.get("aliases", [])))) for e in gents]
        match: dict[str, int] = {}  # predicted node -> gold index
        used: set[int] = set()
        # a node whose label is the gold name first, then any shared key: where two nodes could take one gold
        # entity (Sam Altman and a misspelt alias of it), the one named as the gold is matched
        glabels = [name_key(e["name"]) for e in gents]
        for exact in (True, False):
            for n in sorted(pred):
                if n in match:
                    continue
                for i, ks in enumerate(gkeys):
                    if i not in used and (glabels[i] == name_key(pred[n].get("label", n)) if exact else ks & pkeys[n]):
                        match[n] = i
                        used.add(i)
                        break
        err = errors.setdefault(doc, {"missed_entities": [], "spurious_entities": [], "missed_relations": [],
                                      "spurious_relations": [], "mistyped": []})
        for label, typed in (("entities", True), ("entities_untyped", False)):
            tp = sum(1 for n, i in match.items() if not typed or pred[n]["type"] == gents[i]["type"])
            totals[label]["tp"] += tp
            totals[label]["fp"] += len(pred) - tp
            totals[label]["fn"] += len(gents) - tp
        for n, i in match.items():
            if pred[n]["type"] != gents[i]["type"]:
                err["mistyped"].append(f"{n}: {pred[n]['type']} (gold {gents[i]['type']})")
        err["spurious_entities"] += sorted(f"{n} [{pred[n]['type']}]" for n in pred if n not in match)
        err["missed_entities"] += [f"{gents[i]['name']} [{gents[i]['type']}]" for i in range(len(gents)) if i not in used]
        # relations
        name_to_gold = {e["name"]: i for i, e in enumerate(gents)}
        gold_rels = set()
        for r in ann["relations"]:
            if r.get("relation") not in RELATIONS or r.get("subject") not in name_to_gold or r.get("object") not in name_to_gold:
                continue
            s, o = name_to_gold[r["subject"]], name_to_gold[r["object"]]
            if RELATIONS[r["relation"]].symmetric and s > o:
                s, o = o, s
            gold_rels.add((s, r["relation"], o))
        pred_rels = set()
        shown = {}
        for u, v, a in g.edges(data=True):
            if not any(evidence_dict(e)["doc"] == doc for e in a.get("evidence", ())):
                continue
            s, o = match.get(u, f"?{u}"), match.get(v, f"?{v}")
            if RELATIONS[a["relation"]].symmetric and isinstance(s, int) and isinstance(o, int) and s > o:
                s, o = o, s
            pred_rels.add((s, a["relation"], o))
            shown[(s, a["relation"], o)] = f"{u} {a['relation']} {v}"
        tp = len(gold_rels & pred_rels)
        totals["relations"]["tp"] += tp
        totals["relations"]["fp"] += len(pred_rels) - tp
        totals["relations"]["fn"] += len(gold_rels) - tp
        for rel in sorted(gold_rels - pred_rels):
            totals[f"relation:{rel[1]}"]["fn"] += 1
            err["missed_relations"].append(f"{gents[rel[0]]['name']} {rel[1]} {gents[rel[2]]['name']}")
        for rel in pred_rels - gold_rels:
            totals[f"relation:{rel[1]}"]["fp"] += 1
            err["spurious_relations"].append(shown[rel])
        for rel in gold_rels & pred_rels:
            totals[f"relation:{rel[1]}"]["tp"] += 1
        err["spurious_relations"].sort()
    scores = {k: _prf(v) for k, v in sorted(totals.items())}
    return {"documents": len(gold), "scores": scores, "errors": errors}


def _prf(c: dict) -> dict:
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {**c, "precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3)}


def format_scores(result: dict, *, errors: bool = False) -> str:
    lines = [f"{result['documents']} gold documents", f"{'':<26}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"]
    for k, s in result["scores"].items():
        lines.append(f"{k:<26}{s['precision']:>7.3f}{s['recall']:>7.3f}{s['f1']:>7.3f}{s['tp']:>6}{s['fp']:>6}{s['fn']:>6}")
    if errors:
        for doc, err in result["errors"].items():
            for kind, items in err.items():
                for it in items:
                    lines.append(f"{doc}\t{kind}\t{it}")
    return "\n".join(lines)
