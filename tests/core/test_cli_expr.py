"""`micrograd-gui expr`: Scratchpad code to a graph on the command line; hostile code exits 2 with one line."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from micrograd_gui.cli import main
from micrograd_gui.core.scratch import EXAMPLES

ROOT = Path(__file__).resolve().parents[2]
CODE = "a = Value(2.0); b = Value(3.0); c = a*b + b**2"


def test_json_to_stdout_is_the_graph_schema(capsys):
    assert main(["expr", CODE]) == 0
    out, err = capsys.readouterr()
    d = json.loads(out)
    assert set(d) == {"nodes", "edges"} and set(d["nodes"][0]) == {"id", "op", "data", "grad", "label", "role"}
    by_label = {n["label"]: n for n in d["nodes"] if n["label"]}
    assert by_label["a"]["grad"] == 3.0 and by_label["b"]["grad"] == 2.0 + 6.0  # a + 2b
    assert by_label["c"]["data"] == 15.0 and by_label["c"]["grad"] == 1.0 and by_label["a"]["role"] == "input"
    assert err.strip() == "nodes 5 edges 5"


@pytest.mark.parametrize("fmt,start", [("dot", "digraph G {"), ("svg", "<svg "), ("json", "{")])
def test_formats_to_a_file(tmp_path, capsys, fmt, start):
    out = tmp_path / f"g.{fmt}"
    assert main(["expr", EXAMPLES["neuron"], "--format", fmt, "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith(start)
    assert capsys.readouterr().out.strip() == "nodes 10 edges 9"
    assert [p.name for p in tmp_path.iterdir()] == [out.name]  # no temporary file left


def test_code_from_standard_input_and_from_a_file(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(EXAMPLES["reuse"]))
    assert main(["expr", "-"]) == 0
    from_stdin = capsys.readouterr().out
    src = tmp_path / "code.py"
    src.write_text(EXAMPLES["reuse"], encoding="utf-8")
    assert main(["expr", "--file", str(src)]) == 0
    assert capsys.readouterr().out == from_stdin and json.loads(from_stdin)["nodes"][0]["grad"] == 2.0


def test_standard_input_is_read_only_up_to_the_limit(capsys, monkeypatch):
    class Endless(io.StringIO):
        asked: list[int] = []

        def read(self, n: int = -1) -> str:
            assert n > 0, "an unbounded read"
            self.asked.append(n)
            return "x" * n

    monkeypatch.setattr(sys, "stdin", Endless())
    assert main(["expr", "-"]) == 2
    assert "longer than the Scratchpad's 20,000 characters" in capsys.readouterr().err and Endless.asked == [20_001]


@pytest.mark.parametrize("code", [
    "__import__('os').system('touch {marker}')",
    "f = open('{marker}', 'w')",
    "a = Value(1); " + "a = a + a;" * 20_000,
    "a = 9**9**9",
    "a = Value(-1.0); b = a.log()",
    "a = Value(1); b = a.tanh",
    "a = " + "(" * 200 + "1" + ")" * 200,
])
def test_hostile_code_exits_2_with_one_line(tmp_path, capsys, code):
    marker = tmp_path / "pwned"
    out = tmp_path / "g.json"
    assert main(["expr", code.replace("{marker}", str(marker)), "--out", str(out)]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and not marker.exists() and not out.exists()
    lines = captured.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("micrograd-gui: line ") and ", column " in lines[0]


@pytest.mark.parametrize("args,words", [
    (["expr"], "exactly one of them"),
    (["expr", CODE, "--file", "x.py"], "exactly one of them"),
    (["expr", "--file", "/no/such/file.py"], "cannot read /no/such/file.py"),
    (["expr", CODE, "--out", "/no/such/folder/g.json"], "cannot write /no/such/folder/g.json"),
])
def test_bad_sources_and_targets_exit_2(capsys, args, words):
    assert main(args) == 2
    err = capsys.readouterr().err
    assert words in err and len(err.splitlines()) == 1


def test_a_folder_as_out_or_file_exits_2(tmp_path, capsys):
    assert main(["expr", CODE, "--out", str(tmp_path)]) == 2
    assert main(["expr", "--file", str(tmp_path)]) == 2
    assert len(capsys.readouterr().err.splitlines()) == 2 and list(tmp_path.iterdir()) == []


def test_a_file_that_is_not_text_exits_2(tmp_path, capsys):
    src = tmp_path / "code.bin"
    src.write_bytes(b"\xff\xfe\x00a = 1")
    assert main(["expr", "--file", str(src)]) == 2
    assert "is not UTF-8 text" in capsys.readouterr().err


def test_the_real_command_exits_2_without_a_traceback(tmp_path):
    """As a process: ten megabytes of hostile code on standard input, one line on stderr, exit status 2."""
    code = "__import__('os').system('touch pwned')\n" + "x" * 10_000_000
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    run = subprocess.run([sys.executable, "-m", "micrograd_gui", "expr", "-"], input=code, capture_output=True,
                         text=True, cwd=tmp_path, env=env, timeout=120)
    assert run.returncode == 2 and run.stdout == "" and "Traceback" not in run.stderr
    assert run.stderr == ("micrograd-gui: line 2, column 19962: the text is longer than the Scratchpad's 20,000 "
                          "characters\n")
    assert not (tmp_path / "pwned").exists()
