"""Resumable builds: `kg build --out DIR` keeps a checkpoint, and a build interrupted in any way (an exception,
Ctrl-C, SIGKILL) continues from it to a graph.json byte-identical to an uninterrupted build's."""
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

import kg
import kg.mapper
from kg.checkpoint import FILENAME
from kg.cli import main
from kg.errors import InputError
from kg.pipeline import run

COMPANIES = ["腾讯", "字节跳动", "阿里巴巴", "百度", "星衡科技", "蓝湾智能", "极序科技", "启明数据"]
PEOPLE = ["张伟", "李娜", "王磊", "赵敏", "陈晨", "周洋", "吴昊", "郑琳", "孙悦"]
MODELS = ["星序", "天穹", "混元", "豆包", "文心", "通义千问"]
TITLES = ["副总裁", "首席技术官", "技术负责人", "首席运营官"]


def corpus(n: int, *, repeat: int = 1) -> list[str]:
    """``n`` short news-like texts the team wrote from a template; ``repeat`` makes each longer. A person
    holds a title at a company in document i and another title there in document i + 6: which becomes the
    relation's role depends on the order documents reach the resolver, so a resumed build that fed them in
    another order would not give the same bytes."""
    out = []
    for i in range(n):
        c1, c2, c3 = COMPANIES[i % 2], COMPANIES[2 + (i * 3) % 6], COMPANIES[2 + (i * 5 + 1) % 6]
        p1, p2 = PEOPLE[i % 3], PEOPLE[3 + (i * 7) % 6]
        m, title = MODELS[i % len(MODELS)], TITLES[i % len(TITLES)]
        para = (f"第{i}期：{c1}发布了「{m}」大模型。{c1}{title}{p1}表示，{m}将与{c2}的产品竞争。"
                f"{p2}已从{c2}离职，加入{c3}担任首席科学家。{c3}宣布投资{c1}。\n")
        out.append(para * repeat)
    return out


def write_corpus(folder, n, *, repeat=1):
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(corpus(n, repeat=repeat)):
        (folder / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def graph_bytes(res) -> bytes:
    from kg.export.json import dumps

    return dumps(res.graph.to_networkx()).encode("utf-8")


def stop_after(n):
    def progress(done):
        if done >= n:
            raise KeyboardInterrupt

    return progress


@pytest.fixture
def count_analyses(monkeypatch):
    calls = []
    real = kg.mapper.analyze_document

    def counting(doc, **kw):
        calls.append(doc.id)
        return real(doc, **kw)

    monkeypatch.setattr(kg.mapper, "analyze_document", counting)
    return calls


def test_an_interrupted_build_continues_to_the_same_graph(tmp_path, count_analyses):
    texts = corpus(12)
    reference = graph_bytes(run(texts=texts))
    ckpt = tmp_path / FILENAME
    count_analyses.clear()
    with pytest.raises(KeyboardInterrupt):
        run(texts=texts, checkpoint=ckpt, progress=stop_after(5))
    assert ckpt.exists()
    count_analyses.clear()
    res = run(texts=texts, checkpoint=ckpt)
    assert res.resumed == 5 and res.documents == 12 and len(count_analyses) == 7
    assert res.notices == [f"continuing from the checkpoint {ckpt}: 5 documents already analysed"]
    assert graph_bytes(res) == reference


def test_long_documents_in_pieces_resume_to_the_same_graph(tmp_path, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PIECE_CHARS", 200)
    texts = corpus(6, repeat=4)
    reference = graph_bytes(run(texts=texts))
    ckpt = tmp_path / FILENAME
    with pytest.raises(KeyboardInterrupt):
        run(texts=texts, checkpoint=ckpt, progress=stop_after(2))
    res = run(texts=texts, checkpoint=ckpt)
    assert res.resumed == 2 and graph_bytes(res) == reference


def test_a_stored_failure_is_reported_again_without_analysing_it(tmp_path, monkeypatch, count_analyses):
    real = kg.mapper.analyze_document

    def fail_on_second(doc, **kw):
        if doc.id == "text-0002":
            raise ValueError("bad")
        return real(doc, **kw)

    monkeypatch.setattr(kg.mapper, "analyze_document", fail_on_second)
    texts = corpus(4)
    ckpt = tmp_path / FILENAME
    with pytest.raises(KeyboardInterrupt):
        run(texts=texts, checkpoint=ckpt, progress=stop_after(3))
    monkeypatch.setattr(kg.mapper, "analyze_document", real)  # it would work now: the checkpoint still says no
    res = run(texts=texts, checkpoint=ckpt)
    assert [(f.doc, f.message) for f in res.analysis_failures] == [("text-0002", "bad")] and res.documents == 3


def test_a_checkpoint_from_other_settings_is_set_aside(tmp_path, monkeypatch, count_analyses):
    texts = corpus(4)
    ckpt = tmp_path / FILENAME
    with pytest.raises(KeyboardInterrupt):
        run(texts=texts, checkpoint=ckpt, progress=stop_after(2))
    monkeypatch.setattr(kg, "__version__", "99.0")
    with pytest.raises(InputError, match=r"cannot resume .* other settings \(kg\)"):
        run(texts=texts, checkpoint=ckpt, resume=True)
    count_analyses.clear()
    res = run(texts=texts, checkpoint=ckpt)
    assert res.notices == [f"ignored the checkpoint {ckpt}: it was made with other settings (kg); building from "
                           "the start"]
    assert res.resumed == 0 and len(count_analyses) == 4


def test_a_damaged_checkpoint_is_set_aside(tmp_path):
    ckpt = tmp_path / FILENAME
    ckpt.write_bytes(b"not a database at all" * 100)
    res = run(texts=corpus(2), checkpoint=ckpt)
    assert res.documents == 2 and "cannot be read" in res.notices[0]


def test_a_planted_pickle_is_refused_and_never_run(tmp_path):
    ckpt = tmp_path / FILENAME
    with pytest.raises(KeyboardInterrupt):
        run(texts=corpus(2), checkpoint=ckpt, progress=stop_after(1))
    marker = tmp_path / "ran"

    class Evil:
        def __reduce__(self):
            return (os.mkdir, (str(marker),))

    db = sqlite3.connect(ckpt)
    db.execute("UPDATE docs SET failure = ?", (pickle.dumps(Evil()),))
    db.commit()
    db.close()
    res = run(texts=corpus(2), checkpoint=ckpt)
    assert not marker.exists() and res.documents == 2 and "kg did not write" in res.notices[0]


# -- the command line --------------------------------------------------------------------------------
def test_the_checkpoint_is_removed_once_the_outputs_are_written(tmp_path):
    src = write_corpus(tmp_path / "in", 3)
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["graph.docs.sqlite", "graph.graphml", "graph.html",
                                                                   "graph.json"]


def test_no_checkpoint_neither_reads_nor_writes_one(tmp_path, count_analyses):
    src = write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        run([src], checkpoint=out / FILENAME, progress=stop_after(2))
    count_analyses.clear()
    assert main(["build", str(src), "--out", str(out), "-q", "--no-checkpoint"]) == 0
    assert len(count_analyses) == 3 and (out / FILENAME).exists()  # the old one is neither used nor removed


@pytest.mark.parametrize("argv,pattern", [
    (["--resume"], r"no checkpoint to resume from"),
    (["--resume", "--no-checkpoint"], r"--resume .* --no-checkpoint"),
])
def test_resume_errors_are_one_line(tmp_path, capsys, argv, pattern):
    src = write_corpus(tmp_path / "in", 1)
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "-q", *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and err.startswith("kg: error:")
    import re

    assert re.search(pattern, err)


# -- a real process, killed --------------------------------------------------------------------------
STUCK_BUILD = """
import signal, sys, time
# Ctrl-C as in a terminal: a shell that starts pytest in the background (cmd &) makes it and its children ignore
# SIGINT, and Python then installs no KeyboardInterrupt handler, so the signal this test sends would do nothing
signal.signal(signal.SIGINT, signal.default_int_handler)
import kg.mapper
real = kg.mapper.analyze_document
def stuck(doc, **kw):
    if doc.id >= "doc020":
        time.sleep(3600)  # stuck here until a signal ends the build: it never finishes on its own
    return real(doc, **kw)
kg.mapper.analyze_document = stuck
from kg.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _kg(*args, stuck=False, **kw):
    cmd = [sys.executable, "-c", STUCK_BUILD] if stuck else [sys.executable, "-m", "kg.cli"]
    return subprocess.Popen([*cmd, "build", *map(str, args), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8", start_new_session=True, **kw)


def _stored(ckpt) -> int:
    if not ckpt.exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{ckpt}?mode=ro", uri=True, timeout=0.1)
        try:
            return db.execute("SELECT count(*) FROM docs WHERE complete = 1").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return 0


def _interrupt_midway(tmp_path, sig):
    src = write_corpus(tmp_path / "in", 60, repeat=3)
    ref, out = tmp_path / "ref", tmp_path / "out"
    p = _kg(src, "--out", ref, "--no-checkpoint")
    assert p.wait(timeout=300) == 0, p.stderr.read()
    ckpt = out / FILENAME
    p = _kg(src, "--out", out, stuck=True)
    try:
        deadline = time.monotonic() + 240
        while _stored(ckpt) < 10:  # committed every 10 documents (or 2 s): 10 or 20 before it gets stuck
            assert p.poll() is None, p.stderr.read()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        if sig == signal.SIGKILL:
            os.killpg(p.pid, signal.SIGKILL)  # the whole build, as when a machine is lost
        else:
            p.send_signal(sig)
        rc = p.wait(timeout=60)
        err = p.stderr.read()
    finally:
        if p.poll() is None:
            os.killpg(p.pid, signal.SIGKILL)
    kept = _stored(ckpt)
    assert 10 <= kept <= 20 and not (out / "graph.json").exists(), (rc, err, kept, sorted(os.listdir(out)))
    p = _kg(src, "--out", out)
    assert p.wait(timeout=300) == 0, p.stderr.read()
    assert f"{kept} documents already analysed" in p.stderr.read()
    assert (out / "graph.json").read_bytes() == (ref / "graph.json").read_bytes()
    assert not ckpt.exists()
    return rc, err


def test_a_killed_build_continues_to_a_byte_identical_graph(tmp_path):
    rc, _ = _interrupt_midway(tmp_path, signal.SIGKILL)
    assert rc == -signal.SIGKILL


def test_ctrl_c_keeps_the_checkpoint_and_says_how_to_continue(tmp_path):
    rc, err = _interrupt_midway(tmp_path, signal.SIGINT)
    assert rc == 130 and "run the same command again to continue" in err
