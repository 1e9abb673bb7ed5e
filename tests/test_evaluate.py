"""The scorer (kg/evaluate.py) on a hand-made graph: no engine."""
import json

import networkx as nx

from kg.evaluate import evaluate_graph


def _graph():
    g = nx.MultiDiGraph()
    # two nodes that could both take the gold Dana Whitlock: a misspelt alias node, and the node named as the gold
    g.add_node("Dana Whitlack", label="Dana Whitlack", type="PERSON", aliases=["Dana Whitlock"], docs=["d"])
    g.add_node("Dana Whitlock", label="Dana Whitlock", type="PERSON", aliases=[], docs=["d"])
    g.add_node("鹿鸣科技", label="鹿鸣科技", type="COMPANY", aliases=[], docs=["d"])
    g.add_edge("Dana Whitlock", "鹿鸣科技", relation="works_for",
               evidence=[{"doc": "d", "sentence": "s", "start": 0, "end": 1}])
    return g


def test_the_node_named_as_the_gold_entity_takes_it(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "d", "entities": [
        {"name": "Dana Whitlock", "type": "PERSON", "aliases": ["Dana Whitlack"]}, {"name": "鹿鸣科技", "type": "COMPANY"}],
        "relations": [{"subject": "Dana Whitlock", "relation": "works_for", "object": "鹿鸣科技"}]},
        ensure_ascii=False), encoding="utf-8")
    scores = evaluate_graph(_graph(), [gold])["scores"]
    assert scores["relations"]["tp"] == 1 and scores["relations"]["fp"] == 0
    assert scores["entities"]["tp"] == 2 and scores["entities"]["fp"] == 1  # the duplicate node is still an error
