"""kg build --dask: the same graph.json as --workers 1, whoever reads and analyses the documents, through failures,
killed workers, checkpoints and --update. One LocalCluster of 2 worker processes serves the module."""
import json

import pytest

pytest.importorskip("distributed")

import kg  # noqa: E402
from kg.checkpoint import FILENAME  # noqa: E402
from kg.cli import main  # noqa: E402
from kg.errors import AnalysisError, KgError  # noqa: E402
from kg.ingest import iter_documents  # noqa: E402
from kg.ingest.base import IngestFailure  # noqa: E402
from kg.ingest.chunks import Numbering, plan_chunks, read_chunk  # noqa: E402
from kg.pipeline import run  # noqa: E402

import dask_faults  # noqa: E402

COMPANIES = ["云杉智能", "北辰数据", "青岚科技", "远帆机器人", "字节跳动", "百度"]
PEOPLE = ["林若溪", "高远", "沈一鸣", "周子航", "韩雪"]
MODELS = ["山海", "极光", "文心"]


def corpus(n: int, *, repeat: int = 1, salt: str = "") -> list[str]:
    """Short news-like texts written for these tests: a person moves between companies, a company releases a model."""
    out = []
    for i in range(n):
        a, b = COMPANIES[i % 6], COMPANIES[(i * 5 + 2) % 6]
        p, m = PEOPLE[i % 5], MODELS[i % 3]
        out.append((f"{salt}第{i}条：{a}发布了{m}大模型。{a}技术负责人{p}表示，{m}将与{b}竞争。"
                    f"{PEOPLE[(i + 2) % 5]}已从{b}离职，加入{a}。\n") * repeat)
    return out


def graph_bytes(res) -> bytes:
    from kg.export.json import dumps

    return dumps(res.graph.to_networkx()).encode("utf-8")


@pytest.fixture(scope="module")
def client():
    import dask
    from distributed import Client, LocalCluster

    # a task is retried after one lost worker, and the second loss is an error (default 3: slower to test)
    with dask.config.set({"distributed.scheduler.allowed-failures": 1}):
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = Client(cluster, set_as_default=False)
    c.register_plugin(dask_faults.Faults(), name="kg-test-faults")
    yield c
    c.close()
    cluster.close()


def write_inputs(folder, texts, *, jsonl_from: int):
    """texts[:jsonl_from] as .txt files (one of them in a subfolder), the rest as lines of one JSONL file."""
    (folder / "sub").mkdir(parents=True)
    for i, text in enumerate(texts[:jsonl_from]):
        (folder / ("sub" if i == 1 else "") / f"doc{i:02d}.txt").write_text(text, encoding="utf-8")
    lines = [json.dumps({"text": t, **({"id": "same"} if i % 4 == 0 else {})}, ensure_ascii=False)
             for i, t in enumerate(texts[jsonl_from:])]
    lines[2:2] = ["", "{not json"]
    (folder / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


# -- reading on the workers: the same documents as iter_documents ---------------------------------
def _via_chunks(inputs, **kw):
    failures, chunks = plan_chunks(inputs, **kw)
    out, numbering = list(failures), Numbering()
    for chunk in chunks:
        read = read_chunk(chunk)
        for item in numbering.number(chunk, read.summary()):
            out.append(item if isinstance(item, IngestFailure) else read.document(item.index, item.doc_id))
    return out


def _key(x):
    return ("failure", x.line, x.reason) if isinstance(x, IngestFailure) else (x.id, x.text, x.metadata())


@pytest.mark.parametrize("chunk_bytes", [40, 1000, None])
def test_chunks_read_the_documents_iter_documents_reads(tmp_path, chunk_bytes):
    texts = corpus(9) + [corpus(1)[0]]  # a repeated text: the reduce drops it, reading does not
    folder = write_inputs(tmp_path / "in", texts, jsonl_from=4)
    with (folder / "more.jsonl").open("ab") as fh:
        fh.write('{"text": "行尾没有换行"}'.encode("utf-8"))  # a last line without a newline
    expected = [_key(x) for x in iter_documents([folder])]
    assert sum(k[0] == "failure" for k in expected) == 2 and any(k[0] == "same~2" for k in expected)
    assert [_key(x) for x in _via_chunks([folder], chunk_bytes=chunk_bytes, chunk_files=2)] == expected


def test_chunks_read_fsspec_urls(tmp_path):
    folder = write_inputs(tmp_path / "in", corpus(6), jsonl_from=3)
    expected = [_key(x) for x in iter_documents([folder])]
    assert [_key(x) for x in _via_chunks([f"file://{folder}"], chunk_bytes=100)] == expected


# -- builds --------------------------------------------------------------------------------------
def test_dask_builds_the_graph_of_one_worker(tmp_path, client, monkeypatch):
    import kg.pipeline

    monkeypatch.setattr(kg.pipeline, "PIECE_CHARS", 300)  # the longer documents go through in pieces
    texts = corpus(10) + corpus(3, repeat=5, salt="长文") + [corpus(1)[0]]
    folder = write_inputs(tmp_path / "in", texts, jsonl_from=7)
    monkeypatch.setattr("kg.ingest.chunks.CHUNK_BYTES", 400)  # several chunks, the JSONL file cut in ranges
    one = run([folder])
    on_dask = run([folder], dask=client)
    assert one.documents > 10 and '"relation"' in graph_bytes(one).decode("utf-8")
    assert graph_bytes(on_dask) == graph_bytes(one)
    assert (on_dask.documents, on_dask.unchanged, on_dask.retried) == (one.documents, one.unchanged, [])
    assert [str(f) for f in on_dask.failures] == [str(f) for f in one.failures]


def test_kg_build_takes_a_client_and_texts(client):
    from kg.export.json import dumps

    texts = corpus(5)
    assert dumps(kg.build(texts=texts, dask=client).to_networkx()) == dumps(kg.build(texts=texts).to_networkx())


def test_the_driver_holds_a_bounded_number_of_chunks(tmp_path, client, monkeypatch):
    import kg.cluster

    monkeypatch.setattr(kg.cluster, "IN_FLIGHT_PER_THREAD", 1)  # 2 worker threads: 3 chunks at most
    pulled, fed, ahead = [], [], []
    real = kg.cluster.plan_chunks

    def counted(inputs):
        failures, chunks = real(inputs, chunk_files=1)
        return failures, (pulled.append(c) or c for c in chunks)

    def progress(n):
        fed.append(n)
        ahead.append(len(pulled) - n)

    monkeypatch.setattr(kg.cluster, "plan_chunks", counted)
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(corpus(12)):
        (folder / f"d{i:02d}.txt").write_text(text, encoding="utf-8")
    run([folder], dask=client, progress=progress)
    assert len(pulled) == 12 and fed[-1] == 12 and max(ahead) <= 3


def test_a_failing_document_is_isolated_as_with_one_worker(client, monkeypatch):
    import kg.mapper

    texts = corpus(6)
    texts[2] = dask_faults.FAIL + texts[2]
    monkeypatch.setattr(kg.mapper, "analyze_document", kg.mapper.analyze_document)  # restored after the test
    dask_faults.install(kg.mapper, kill=False)  # the same failure in this process
    one, on_dask = run(texts=texts), run(texts=texts, dask=client)
    assert [(f.doc, f.reason) for f in on_dask.analysis_failures] == [(f.doc, f.reason) for f in one.analysis_failures]
    assert [f.doc for f in one.analysis_failures] == ["text-0003"]
    assert graph_bytes(on_dask) == graph_bytes(one)
    with pytest.raises(AnalysisError, match="text-0003"):
        run(texts=texts, dask=client, strict=True)


def test_a_killed_worker_loses_and_repeats_no_document(tmp_path, client, monkeypatch):
    monkeypatch.setattr("kg.ingest.chunks.CHUNK_FILES", 4)  # 4 chunks of 4 files: one task each
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(corpus(16)):
        marker = dask_faults.once(tmp_path / "killed") if i == 9 else ""  # here only text
        (folder / f"d{i:02d}.txt").write_text(marker + text, encoding="utf-8")
    one = run([folder])
    on_dask = run([folder], dask=client)
    assert (tmp_path / "killed").exists()  # a worker did die, analysing d09
    assert graph_bytes(on_dask) == graph_bytes(one) and on_dask.documents == 16
    assert {"d08", "d09", "d10", "d11"} <= set(on_dask.retried)  # d09's chunk ran twice
    assert len(set(on_dask.retried)) == len(on_dask.retried) < 16
    assert any("analysed again after a Dask worker was lost" in n and "d09" in n for n in on_dask.notices)


def test_a_document_that_kills_every_worker_is_an_error_naming_it(client):
    with pytest.raises(KgError, match=r"Dask workers died .* analysed documents text-0001"):
        run(texts=[dask_faults.ALWAYS + corpus(1)[0]], dask=client)


def test_an_interrupted_dask_build_resumes_to_the_same_graph(tmp_path, client):
    texts = corpus(14)
    reference = graph_bytes(run(texts=texts))
    ckpt = tmp_path / FILENAME

    def stop_after_5(done):
        if done >= 5:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run(texts=texts, dask=client, checkpoint=ckpt, progress=stop_after_5)
    res = run(texts=texts, dask=client, checkpoint=ckpt, resume=True)
    assert res.resumed >= 5 and res.documents == 14 and graph_bytes(res) == reference


def test_update_on_dask_gives_the_graph_of_update_with_one_worker(tmp_path, client):
    first = tmp_path / "first"
    first.mkdir()
    old = corpus(6)
    for i, text in enumerate(old):
        (first / f"a{i}.txt").write_text(text, encoding="utf-8")
    base = tmp_path / "base.json"
    run([first]).graph.write_json(base)
    second = tmp_path / "second"
    second.mkdir()
    for i, text in enumerate(corpus(4, salt="续") + old[:2]):  # two texts already in the graph
        (second / (f"a{i}.txt" if i < 2 else f"b{i}.txt")).write_text(text, encoding="utf-8")  # a0, a1: ids taken
    one = run([second], update=base)
    on_dask = run([second], update=base, dask=client)
    assert on_dask.unchanged == one.unchanged == 2
    assert graph_bytes(on_dask) == graph_bytes(one)


def test_remove_and_add_on_dask_give_the_graph_of_one_worker(tmp_path, client):
    def write(folder, texts):
        folder.mkdir()
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        return folder

    texts = corpus(5)
    first = write(tmp_path / "first", {f"d{i}.txt": t for i, t in enumerate(texts)})
    assert main(["build", str(first), "--out", str(tmp_path / "all"), "-q"]) == 0
    edited = write(tmp_path / "edited", {"d2.txt": corpus(1, salt="改")[0]})
    for out, extra in (("one", []), ("dask", ["--dask=local", "--workers", "2"])):
        assert main(["build", str(edited), "--update", str(tmp_path / "all" / "graph.json"), "--remove", "d2",
                     "--remove", "d4", "--out", str(tmp_path / out), "-q", *extra]) == 0
    assert (tmp_path / "dask" / "graph.json").read_bytes() == (tmp_path / "one" / "graph.json").read_bytes()
    assert '"d4"' not in (tmp_path / "dask" / "graph.json").read_text(encoding="utf-8")


def test_the_users_entity_lists_reach_the_workers(tmp_path, client):
    listed = tmp_path / "mine.tsv"
    listed.write_text("云杉智能\tCOMPANY\t云杉|Yunshan AI\n林若溪\tPERSON\t若溪\n", encoding="utf-8")
    texts = corpus(6) + ["Yunshan AI 与北辰数据达成合作，若溪出席。"]
    one = run(texts=texts, entities=[listed])
    assert graph_bytes(one) != graph_bytes(run(texts=texts))  # the list does change the graph
    assert graph_bytes(run(texts=texts, entities=[listed], dask=client)) == graph_bytes(one)


# -- the command line ----------------------------------------------------------------------------
def test_cli_dask_with_a_local_cluster_writes_the_same_graph(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i, text in enumerate(corpus(4)):
        (folder / f"d{i}.txt").write_text(text, encoding="utf-8")
    assert main(["build", str(folder), "--out", str(tmp_path / "one"), "-q"]) == 0
    assert main(["build", str(folder), "--out", str(tmp_path / "dask"), "-q", "--workers", "2", "--dask"]) == 0
    assert (tmp_path / "dask" / "graph.json").read_bytes() == (tmp_path / "one" / "graph.json").read_bytes()


def test_an_unreachable_scheduler_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch):
    import socket

    import kg.cluster

    monkeypatch.setattr(kg.cluster, "CONNECT_TIMEOUT", 2)
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = main(["build", str(tmp_path), "--out", str(tmp_path / "out"), f"--dask=tcp://127.0.0.1:{port}"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and len(err) == 1 and "cannot reach the Dask scheduler" in err[0]


def test_without_the_extra_it_says_how_to_install_it_and_exits_3(tmp_path, capsys, monkeypatch):
    import kg.cluster

    monkeypatch.setattr(kg.cluster, "available", lambda: False)
    code = main(["build", str(tmp_path), "--out", str(tmp_path / "out"), "--dask"])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 3 and len(err) == 1 and 'pip install "kg[dask]"' in err[0]


def test_an_input_taken_for_the_address_is_a_usage_error(tmp_path, capsys):
    code = main(["build", "x", "--out", str(tmp_path / "out"), "--dask", str(tmp_path)])
    assert code == 2 and "put --dask after the inputs" in capsys.readouterr().err


def test_a_local_cluster_runs_its_workers_without_the_statistical_profiler():
    import dask

    from kg.cluster import _local_cluster

    with _local_cluster(1) as client:
        flags = client.run(lambda: dask.config.get("distributed.worker.profile.enabled"))
    assert list(flags.values()) == [False]


def test_a_local_cluster_starts_its_workers_without_dasks_malloc_trim_threshold(monkeypatch):
    import os

    from kg.cluster import _local_cluster

    # what an earlier cluster with Dask's defaults leaves in this process's environment
    monkeypatch.setenv("MALLOC_TRIM_THRESHOLD_", "65536")
    with _local_cluster(1) as client:
        values = client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_"))
    assert list(values.values()) == [None]
    assert os.environ["MALLOC_TRIM_THRESHOLD_"] == "65536"
