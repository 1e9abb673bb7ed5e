"""notebooks/quickstart.ipynb runs top to bottom, so it never rots, and is stored with its outputs (tables and a
picture of the graph), so that it shows something where it is read without being run."""
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_quickstart_notebook_executes(monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    import os

    # the kernel is a new process: let it import this checkout's kg whether or not it is pip-installed
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH", "")])))
    nb = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    text = "".join(o.get("text", "") + str(o.get("data", {}).get("text/plain", "")) for o in outputs)
    assert "True" in text and "腾讯" in text


def test_quickstart_notebook_is_stored_with_tables_and_a_picture():
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(ROOT / "notebooks" / "quickstart.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    outputs = [o for c in code for o in c.get("outputs", [])]
    assert all(c.get("outputs") for c in code), "run `python scripts/run_notebook.py` to store the outputs"
    assert not [o for o in outputs if o.get("output_type") == "error"]
    kinds = [k for o in outputs for k in o.get("data", {})]
    assert "image/svg+xml" in kinds and any("<table>" in o.get("data", {}).get("text/html", "") for o in outputs)
    assert (ROOT / "notebooks" / "quickstart.ipynb").stat().st_size < 100_000
