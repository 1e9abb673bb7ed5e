"""The same input gives a byte-identical graph.json: stable ids and order, no timestamps."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg
from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
FILES = sorted(p.name for p in SAMPLES.glob("*.txt"))[:4]


def copy(files, dest: Path) -> Path:
    dest.mkdir(parents=True)
    for f in files:
        shutil.copy(SAMPLES / f, dest / f)
    return dest


def build(inputs, out: Path) -> bytes:
    assert main(["build", *map(str, inputs), "--out", str(out), "-q"]) == 0
    return (out / "graph.json").read_bytes()


def test_two_builds_are_byte_identical(tmp_path):
    src = copy(FILES, tmp_path / "in")
    first = build([src], tmp_path / "a")
    assert build([src], tmp_path / "b") == first
    assert (tmp_path / "a" / "graph.graphml").read_bytes() == (tmp_path / "b" / "graph.graphml").read_bytes()


def test_file_order_in_the_folder_does_not_matter(tmp_path):
    forward = build([copy(FILES, tmp_path / "fwd")], tmp_path / "a")
    backward = build([copy(reversed(FILES), tmp_path / "bwd")], tmp_path / "b")  # created in the other order
    assert forward == backward


def test_order_of_files_on_the_command_line_does_not_matter(tmp_path):
    src = copy(FILES, tmp_path / "in")
    a = build([src / f for f in FILES], tmp_path / "a")
    assert build([src / f for f in reversed(FILES)], tmp_path / "b") == a


def test_no_timestamps_or_run_details_in_graph_json(tmp_path):
    data = json.loads(build([copy(FILES[:1], tmp_path / "in")], tmp_path / "out"))
    assert set(data["graph"]) <= {"format", "version", "engine", "documents", "doc_hashes", "doc_meta", "merges"}
    assert str(tmp_path) not in json.dumps(data, ensure_ascii=False)  # no absolute paths either


def test_in_memory_builds_are_identical():
    texts = [(SAMPLES / f).read_text(encoding="utf-8") for f in FILES[:2]]
    assert kg.build(texts=texts).to_json() == kg.build(texts=texts).to_json()


def test_json_round_trip_is_byte_identical(tmp_path):
    src = copy(FILES[:2], tmp_path / "in")
    raw = build([src], tmp_path / "out")
    kg.load(tmp_path / "out" / "graph.json").write_json(tmp_path / "again.json")
    assert (tmp_path / "again.json").read_bytes() == raw


@pytest.mark.slow
def test_identical_across_processes_with_different_hash_seeds(tmp_path):
    src = copy(FILES, tmp_path / "in")
    outs = []
    for seed in ("1", "2"):
        out = tmp_path / f"out{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        subprocess.run([sys.executable, "-m", "kg.cli", "build", str(src), "--out", str(out), "-q"],
                       check=True, env=env, cwd=ROOT, timeout=600)
        outs.append((out / "graph.json").read_bytes())
    assert outs[0] == outs[1]
