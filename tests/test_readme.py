"""Every example of the README's "Python" and "Command line" sections (and the scores' commands on the team's own
articles) runs on the shipped data and gives a non-empty answer."""
import ast
import re
import shlex
from pathlib import Path

import pytest

from kg.cli import main

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def blocks(section: str, lang: str) -> list[str]:
    """The ``lang`` code blocks of the README section whose heading is ``section``."""
    m = re.search(rf"^#+ {re.escape(section)}\n(.*?)(?=^#+ |\Z)", README, re.S | re.M)
    assert m, f"no section {section!r} in README.md"
    return re.findall(rf"```{lang}\n(.*?)```", m.group(1), re.S)


@pytest.fixture
def in_a_copy(tmp_path, monkeypatch):
    """A working folder that sees the repository's data and test data, so that out/ is written there."""
    for name in ("data", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_python_examples_give_answers(in_a_copy):
    import kg

    (code,) = blocks("Python", "python")
    env = {"kg": kg}
    for stmt in ast.parse(code).body:
        line = ast.get_source_segment(code, stmt)
        if isinstance(stmt, ast.Expr):
            value = eval(compile(ast.Expression(stmt.value), "README.md", "eval"), env)
            written = isinstance(stmt.value, ast.Call) and getattr(stmt.value.func, "attr", "").startswith("write_")
            assert written or value, f"README.md: `{line}` gives {value!r} on the shipped data"
        else:
            exec(compile(ast.Module([stmt], []), "README.md", "exec"), env)
    assert len(env["g2"]) == len(env["g"]) and len(env["g3"]) < len(env["g"])  # g3: a lab merged by a decision


def commands(*sections) -> list[str]:
    out = []
    for section in sections:
        for block in blocks(section, "bash"):
            for line in block.splitlines():
                for command in line.split(" && "):
                    argv = shlex.split(command, comments=True)
                    if argv and argv[0] == "kg":
                        out.append(argv[1:])
    return out


def test_the_command_line_examples_give_answers(in_a_copy, capsys):
    argv_list = commands("Command line", "On the team's own articles")
    assert len(argv_list) >= 15 and {a[0] for a in argv_list} >= {"build", "query", "show", "merges", "eval", "eval-ner"}
    for argv in argv_list:
        rc = main(argv)
        out = capsys.readouterr().out
        empty = not out.strip() or out.startswith(("no matching", "no merged"))  # what query and merges say for none
        assert rc == 0 and not empty, f"README.md: `kg {shlex.join(argv)}` exits {rc} with output {out!r}"
