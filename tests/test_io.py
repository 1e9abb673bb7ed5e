"""kg._io: atomic writes leave either the old file or the new one, never a part, and no temp files."""
from __future__ import annotations

import doctest
import os
import stat

import pytest

import kg._io as kio
from kg._io import atomic_open, atomic_write_bytes, atomic_write_text, safe_child
from kg.errors import InputError, KgError


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_doctests():
    assert doctest.testmod(kio).failed == 0


def test_write_text_is_utf8_and_creates_parent(tmp_path):
    target = tmp_path / "a" / "b" / "graph.json"
    atomic_write_text(target, "腾讯，混元\r\n")
    assert target.read_bytes() == "腾讯，混元\r\n".encode("utf-8")
    assert _leftovers(target.parent) == []


def test_write_bytes_replaces_existing(tmp_path):
    target = tmp_path / "g.graphml"
    target.write_bytes(b"old")
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("mode, payload", [("w", "混元 Hunyuan\n"), ("wb", "混元".encode("utf-8"))])
def test_atomic_open_streams(tmp_path, mode, payload):
    target = tmp_path / "out.txt"
    with atomic_open(target, mode) as fh:
        fh.write(payload)
        assert not target.exists()  # nothing visible until the block ends
    expected = payload.encode("utf-8") if isinstance(payload, str) else payload
    assert target.read_bytes() == expected


def test_atomic_open_text_mode_does_not_translate_newlines(tmp_path):
    target = tmp_path / "x.txt"
    with atomic_open(target) as fh:
        fh.write("a\nb")
    assert target.read_bytes() == b"a\nb"


class Boom(Exception):
    pass


@pytest.mark.parametrize("exc", [Boom("disk on fire"), KeyboardInterrupt()])
def test_failure_in_block_keeps_old_file_and_removes_temp(tmp_path, exc):
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(type(exc)):
        with atomic_open(target) as fh:
            fh.write("half of the new")
            raise exc
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("writer, payload", [(atomic_write_text, "新内容"), (atomic_write_bytes, b"new")])
@pytest.mark.parametrize("exc", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_failure_mid_write_keeps_old_file(tmp_path, monkeypatch, writer, payload, exc):
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")

    def failing_fsync(fd):
        raise exc

    monkeypatch.setattr(kio.os, "fsync", failing_fsync)
    with pytest.raises(KgError if isinstance(exc, OSError) else KeyboardInterrupt) as info:
        writer(target, payload)
    if isinstance(exc, OSError):
        assert "No space left" in str(info.value) and "write somewhere else" in str(info.value)
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_failure_in_replace_keeps_old_file(tmp_path, monkeypatch):
    target = tmp_path / "graph.json"
    target.write_text("old", encoding="utf-8")

    def failing_replace(src, dst):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(kio.os, "replace", failing_replace)
    with pytest.raises(KgError, match="Permission denied"):
        atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert _leftovers(tmp_path) == []


def test_write_to_a_folder_is_a_clear_error(tmp_path):
    (tmp_path / "graph.json").mkdir()
    with pytest.raises(KgError, match="cannot write"):
        atomic_write_text(tmp_path / "graph.json", "x")
    assert _leftovers(tmp_path) == []


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_replacing_keeps_permissions(tmp_path):
    target = tmp_path / "graph.html"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    atomic_write_text(target, "new")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640


@pytest.mark.skipif(os.name == "nt", reason="POSIX permissions")
def test_new_file_is_not_private(tmp_path):
    target = tmp_path / "graph.html"
    old = os.umask(0o022)
    try:
        atomic_write_text(target, "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_bad_mode_is_refused(tmp_path):
    with pytest.raises(ValueError, match="'w' or 'wb'"):
        with atomic_open(tmp_path / "x", "a"):
            pass


@pytest.mark.parametrize("name", ["graph.html", "01_tencent.json", "doc:3", "腾讯 新闻.txt", ".hidden"])
def test_safe_child_accepts_plain_names(tmp_path, name):
    assert safe_child(tmp_path, name) == tmp_path / name


@pytest.mark.parametrize(
    "name",
    ["", ".", "..", "../x", "a/../../x", "a/b", "a\\b", "..\\x", "/etc/passwd", "C:\\x", "a\x00b", "a\nb", "x\x85"],
)
def test_safe_child_refuses_escapes(tmp_path, name):
    with pytest.raises(InputError, match="plain file name"):
        safe_child(tmp_path, name)


def test_safe_child_refuses_non_str(tmp_path):
    with pytest.raises(InputError):
        safe_child(tmp_path, 3)  # type: ignore[arg-type]


# ------------------------------------------------------------------- exports: Ctrl-C never truncates a file

_EXPORTS = ["graph.json", "graph.graphml", "graph.html"]


@pytest.fixture(scope="module")
def small_graph():
    import kg

    return kg.build(texts=["腾讯发布了混元大模型。"])


def _write(graph, path):
    {"json": graph.write_json, "graphml": graph.write_graphml, "html": graph.write_html}[path.suffix[1:]](path)


@pytest.mark.parametrize("name", _EXPORTS)
def test_ctrl_c_mid_export_keeps_the_previous_file(tmp_path, monkeypatch, small_graph, name):
    path = tmp_path / name
    path.write_bytes(b"previous good file")
    real_fdopen = os.fdopen
    written = []

    class Interrupting:
        """Writes half of what it is given, then Ctrl-C: the temporary file is partly written when it comes."""

        def __init__(self, fh):
            self.fh = fh

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            self.fh.flush()
            written.append(len(data) // 2)
            raise KeyboardInterrupt

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return self.fh.__exit__(*exc)

        def __getattr__(self, attr):
            return getattr(self.fh, attr)

    def fdopen(fd, *a, **kw):
        return Interrupting(real_fdopen(fd, *a, **kw))

    monkeypatch.setattr(os, "fdopen", fdopen)
    with pytest.raises(KeyboardInterrupt):
        _write(small_graph, path)
    assert written and written[0] > 0  # the interrupt came mid-write
    assert path.read_bytes() == b"previous good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]  # no temporary file left


@pytest.mark.parametrize("name", _EXPORTS)
def test_ctrl_c_in_replace_keeps_the_previous_file(tmp_path, monkeypatch, small_graph, name):
    path = tmp_path / name
    path.write_bytes(b"previous good file")

    def interrupted(*a, **kw):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        _write(small_graph, path)
    assert path.read_bytes() == b"previous good file"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]


def test_ctrl_c_during_kg_build_exits_130_and_keeps_outputs(tmp_path, monkeypatch, capsys):
    from kg.cli import main

    src = tmp_path / "in.txt"
    src.write_text("腾讯发布了混元大模型。", encoding="utf-8")
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "-q"]) == 0
    before = {n: (tmp_path / "out" / n).read_bytes() for n in _EXPORTS}
    src.write_text("字节跳动发布了豆包大模型。", encoding="utf-8")
    real = os.replace
    calls = []

    def replace_then_interrupt(a, b):
        calls.append(b)
        if len(calls) == 2:  # graph.json is already replaced; Ctrl-C while graph.graphml is being put in place
            raise KeyboardInterrupt
        return real(a, b)

    monkeypatch.setattr(os, "replace", replace_then_interrupt)
    assert main(["build", str(src), "--out", str(tmp_path / "out"), "-q"]) == 130
    assert "interrupted" in capsys.readouterr().err
    after = {n: (tmp_path / "out" / n).read_bytes() for n in _EXPORTS}
    assert after["graph.json"] != before["graph.json"]  # complete new file
    assert after["graph.graphml"] == before["graph.graphml"] and after["graph.html"] == before["graph.html"]
    import kg

    kg.load(tmp_path / "out" / "graph.json")
    # no temporary file is left; the checkpoint stays until a build's outputs are all written, and the documents'
    # store is the first build's (the next --update sees that it does not match graph.json)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([*_EXPORTS, ".kg-checkpoint.sqlite",
                                                                          "graph.docs.sqlite"])
