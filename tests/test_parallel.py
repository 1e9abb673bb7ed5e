"""kg build --workers N: the same graph whatever N is; bounded, ordered, and clear about crashes."""
import os
import sys
import time

import pytest

from conftest import ROOT
from kg.errors import KgError
from kg.export.json import dumps
from kg.types import Analysis, Document, ExtractionResult

SAMPLES = ROOT / "data" / "samples"
needs_fork = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="fake engines reach the workers only when they are forked (Linux)")


def _graph_json(workers: int) -> str:
    from kg.pipeline import run

    res = run([SAMPLES], workers=workers)
    return dumps(res.graph.to_networkx())


def test_two_workers_build_the_same_graph_as_one():
    one = _graph_json(1)
    assert '"relation"' in one  # the samples do produce relations, so equality means something
    assert _graph_json(2) == one


def test_results_are_picklable():
    import pickle

    from kg.pipeline import analyze

    res = analyze("腾讯 AI Lab 副主任俞栋离职。")
    assert pickle.loads(pickle.dumps(res)) == res


# -- with a fake engine: order, bounds, timings, failures -------------------------------------------
def _fake_analyze(doc, *, engine, model, timings):
    time.sleep(0.02 if int(doc.id[1:]) % 3 == 0 else 0.0)  # some documents are slower than others
    timings["engine"] += 0.5
    return ExtractionResult(Analysis(doc, (), (), ()))


@pytest.fixture
def fake_engine(monkeypatch):
    import kg.mapper
    import kg.nlp

    monkeypatch.setattr(kg.nlp, "get_engine", lambda *a, **k: None)
    monkeypatch.setattr(kg.mapper, "analyze_document", _fake_analyze)
    monkeypatch.delenv("KG_START_METHOD", raising=False)


def _docs(n, pulled=None):
    for i in range(n):
        if pulled is not None:
            pulled.append(i)
        yield Document(f"d{i}", f"文本{i}")


@needs_fork
def test_results_come_back_in_input_order(fake_engine):
    from kg.parallel import process_parallel

    out = [d.id for d, _ in process_parallel(_docs(40), engine="builtin", model=None, workers=2, timings=_timings())]
    assert out == [f"d{i}" for i in range(40)]


@needs_fork
def test_submission_is_bounded(fake_engine):
    from kg.parallel import BATCH, IN_FLIGHT_PER_WORKER, process_parallel

    pulled: list[int] = []
    ahead = []
    for n, _ in enumerate(process_parallel(_docs(200, pulled), engine="builtin", model=None, workers=2,
                                           timings=_timings()), 1):
        ahead.append(len(pulled) - n)
    assert max(ahead) <= 2 * IN_FLIGHT_PER_WORKER + BATCH
    assert len(pulled) == 200


@needs_fork
def test_worker_timings_are_summed(fake_engine):
    from kg.parallel import process_parallel

    timings = _timings()
    list(process_parallel(_docs(10), engine="builtin", model=None, workers=2, timings=timings))
    assert timings["engine"] == pytest.approx(5.0)


@needs_fork
def test_a_failing_document_comes_back_as_a_failure_in_its_place(fake_engine, monkeypatch):
    import kg.mapper
    from kg.mapper import DocumentFailure
    from kg.parallel import process_parallel

    def fail_on_d5(doc, **kw):
        if doc.id == "d5":
            raise ValueError("boom")
        return _fake_analyze(doc, **kw)

    monkeypatch.setattr(kg.mapper, "analyze_document", fail_on_d5)
    out = list(process_parallel(_docs(10), engine="builtin", model=None, workers=2, timings=_timings()))
    assert [d.id for d, _ in out] == [f"d{i}" for i in range(10)]
    failed = [(d.id, o) for d, o in out if isinstance(o, DocumentFailure)]
    assert [(i, o.doc, o.error, o.message) for i, o in failed] == [("d5", "d5", "ValueError", "boom")]
    assert "in fail_on_d5" in failed[0][1].where


@needs_fork
def test_a_worker_that_dies_once_is_replaced_and_its_batch_retried(fake_engine, monkeypatch, tmp_path):
    import kg.mapper
    from kg.parallel import process_parallel

    marker = tmp_path / "died"

    def die_once_on_d5(doc, **kw):
        if doc.id == "d5" and not marker.exists():
            marker.touch()
            os._exit(1)
        return _fake_analyze(doc, **kw)

    monkeypatch.setattr(kg.mapper, "analyze_document", die_once_on_d5)
    out = [d.id for d, _ in process_parallel(_docs(12), engine="builtin", model=None, workers=2, timings=_timings())]
    assert marker.exists() and out == [f"d{i}" for i in range(12)]


@needs_fork
def test_a_worker_that_dies_again_is_a_kg_error(fake_engine, monkeypatch):
    import kg.mapper
    from kg.parallel import process_parallel

    monkeypatch.setattr(kg.mapper, "analyze_document", lambda doc, **kw: os._exit(1))
    with pytest.raises(KgError, match="worker process stopped unexpectedly twice.*d0"):
        list(process_parallel(_docs(10), engine="builtin", model=None, workers=2, timings=_timings()))


def test_bad_start_method_is_a_kg_error(fake_engine, monkeypatch):
    from kg.parallel import process_parallel

    monkeypatch.setenv("KG_START_METHOD", "teleport")
    with pytest.raises(KgError, match="KG_START_METHOD"):
        list(process_parallel(_docs(2), engine="builtin", model=None, workers=2, timings=_timings()))


def _timings():
    from collections import defaultdict

    return defaultdict(float)
