"""kg.ingest at size and under arbitrary input: bounded work, ids that can never be paths."""
from __future__ import annotations

import time
import tracemalloc

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.ingest as ingest
from kg._io import safe_child
from kg.ingest import iter_documents, normalize_text
from kg.types import Document

LINE = "腾讯 AI Lab 副主任俞栋离职，将加入一家新的人工智能创业公司担任首席科学家。\r\n"


@pytest.mark.slow
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_50mb_file_ingests_with_bounded_memory(tmp_path, encoding):
    unit = LINE.encode(encoding)
    path = tmp_path / "big.txt"
    with open(path, "wb") as fh:
        for _ in range(50 * 2**20 // len(unit) // 1000 + 1):
            fh.write(unit * 1000)
    size = path.stat().st_size
    tracemalloc.start()
    t0 = time.perf_counter()
    (doc,) = list(iter_documents([path]))
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert isinstance(doc, Document)
    assert doc.text.startswith(LINE.replace("\r\n", "\n")) and "\r" not in doc.text
    # bytes + decoded text + normalised text, with no extra whole copies (UCS-2 text: 2 bytes a character)
    assert peak < size + 2 * 2 * len(doc.text) + 16 * 2**20, (peak, size)
    assert elapsed < 60


_weird = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=300, deadline=None)
@given(_weird)
def test_clean_id_never_makes_a_path(raw):
    got = ingest.ids._clean_id(raw)
    assert "/" not in got and "\\" not in got and ".." not in got
    assert not any(ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F for c in got)
    if got:
        assert safe_child("/tmp/out", got).parent.as_posix() == "/tmp/out"


@settings(max_examples=300, deadline=None)
@given(_weird)
def test_normalize_is_idempotent_and_removes_controls(text):
    once = normalize_text(text)
    assert normalize_text(once) == once
    assert "\r" not in once and "\x00" not in once and "\u200b" not in once


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=300))
def test_decode_bytes_never_raises(data):
    got = ingest.decode_bytes(data)
    assert got is None or isinstance(got, str)
