"""`import kg` and `kg --help` load no heavy library (they are imported where first used).

Measured by module names in a fresh interpreter, never by time: timings are in benchmarks/README.md.
"""
import json
import subprocess
import sys

import pytest

from conftest import ROOT

HEAVY = ("jieba", "spacy", "networkx", "pyvis", "hanlp", "torch", "numpy", "thinc", "opencc", "tqdm", "markdown_it",
         "trafilatura", "lxml")

_REPORT = ("import json, sys; print(json.dumps(sorted({m.split('.')[0] for m in sys.modules} & set(%r))))"
           % (HEAVY,))


def _heavy_after(code: str) -> list[str]:
    out = subprocess.run([sys.executable, "-c", f"{code}\n{_REPORT}"], cwd=ROOT, capture_output=True,
                         text=True, encoding="utf-8", timeout=60, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("code", [
    "import kg",
    "import kg; kg.Document, kg.Relation, kg.RELATIONS, kg.KgError",
    "import kg.cli",
], ids=["import kg", "kg types", "import kg.cli"])
def test_import_loads_nothing_heavy(code):
    assert _heavy_after(code) == []


@pytest.mark.parametrize("argv", [["--help"], ["build", "--help"], ["query", "--help"], ["--version"]],
                         ids=lambda a: " ".join(a))
def test_help_loads_nothing_heavy(argv):
    code = ("import contextlib, io\nfrom kg.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    try:\n"
            f"        main({argv!r})\n"
            "    except SystemExit:\n"
            "        pass")
    assert _heavy_after(code) == []


def test_report_sees_a_heavy_import():
    """The probe itself works: the pipeline module does import networkx."""
    assert "networkx" in _heavy_after("import kg.pipeline")
