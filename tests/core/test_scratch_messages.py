"""The Scratchpad's messages are translatable: every ScratchError carries an English template marked with
QT_TRANSLATE_NOOP("ScratchError", ...) in the package source, and the parameters that fill it in to its message."""

from __future__ import annotations

import ast
import copy
import math
import pickle
import shutil
import string
import subprocess
import sys
import xml.etree.ElementTree as ET
from functools import cache
from pathlib import Path

import pytest
from test_scratch_hostile import HOSTILE

from micrograd_gui.core.scratch import ScratchError, build, parse

PACKAGE = Path(__file__).resolve().parents[2] / "micrograd_gui"

# beyond the hostile corpus: the messages it does not reach, and a few more ways in
MORE = {
    "fstring-value": "a = f'x'",
    "await": "a = Value(1)\nb = await a",
    "yield": "a = Value(1)\nb = yield a",
    "label-number": "a = Value(1, label=2)",
    "sum-empty": "a = sum()",
    "method-on-number": "a = Value(1)\nb = (1).tanh()",
    "augmented-undefined": "b += 1",
    "nonlocal": "nonlocal a",
    "lambda-inside": "a = Value(1)\nb = a + (lambda: 1)",
    "bad-escape": "a = Value(1, label='\\N')",
    "numbers-overflow": "a = 10.0 ** 16 * 1e299",
    "attribute-call": "a = Value(1)\nb = a.data()",
    "call-in-brackets": "a = Value(1)\nb = (a)()",
}


@cache
def marks() -> frozenset[str]:
    """Every text marked QT_TRANSLATE_NOOP("ScratchError", "...") in the package, as pyside6-lupdate reads it."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "QT_TRANSLATE_NOOP"
                    and len(node.args) == 2 and all(isinstance(a, ast.Constant) for a in node.args)
                    and node.args[0].value == "ScratchError"):  # type: ignore[attr-defined]
                found.add(node.args[1].value)  # type: ignore[attr-defined]
    return frozenset(found)


def error_of(text: str) -> ScratchError:
    try:
        build(parse(text))
    except ScratchError as e:
        return e
    raise AssertionError(f"accepted: {text[:60]!r}")


def corpus() -> dict[str, str]:
    return {**{k: v.replace("{marker}", "x") for k, v in HOSTILE.items()}, **MORE}


def check(e: ScratchError) -> None:
    assert e.template in marks(), e.template
    assert e.template.format(**e.params) == e.message and str(e) == f"line {e.line}, column {e.col}: {e.message}"
    fields = {f for _, f, _, _ in string.Formatter().parse(e.template) if f is not None}
    assert fields == set(e.params), (e.template, e.params)  # plain names, each filled in, no extras


@pytest.mark.parametrize("key", sorted(corpus()))
def test_every_error_is_a_marked_template_filled_in_to_its_message(key):
    check(error_of(corpus()[key]))


def test_a_leaf_dragged_to_infinity_says_so_in_a_marked_template():
    e = pytest.raises(ScratchError, build, parse("a = Value(1.0)\nb = a.tanh()"), {"a": math.inf}).value
    check(e)
    assert e.message == "a must be a finite number, got inf" and e.params == {"name": "a", "value": math.inf}


def test_almost_every_marked_template_is_raised_by_the_corpus():
    raised = {error_of(text).template for text in corpus().values()}
    never = {"this is a number, not a Value",  # build() on a Program parse() did not make
             "{name} must be a finite number, got {value}",  # a leaf dragged to inf: the test above
             "this kind of expression is not allowed here"}  # every expression Python 3.11 parses has its own
    assert marks() - raised - never == set()


def test_copies_and_pickles_keep_the_template_and_its_params():
    e = error_of("a = Value(1)\nb = c")
    for twin in (copy.copy(e), copy.deepcopy(e), pickle.loads(pickle.dumps(e))):
        assert (twin.line, twin.col, twin.template, twin.params, twin.message, str(twin)) == (
            e.line, e.col, e.template, e.params, e.message, str(e))
    assert e.params == {"name": "c"} and e.message == "c is not defined yet: assign it on an earlier line"


def test_a_quoted_error_spread_over_lines_becomes_one_line_in_its_param():
    e = ScratchError(3, 4, "this is not valid Python: {why}", {"why": "one\ntwo"})
    assert e.params == {"why": "one two"} and str(e) == "line 3, column 4: this is not valid Python: one two"


def lupdate() -> str | None:
    return shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
def test_lupdate_reads_the_marks_as_this_test_does(tmp_path):  # run as a tool: the core test loads no Qt
    ts = tmp_path / "scratch.ts"
    subprocess.run([lupdate(), "-silent", "-extensions", "py", str(PACKAGE), "-ts", str(ts)], check=True,
                   capture_output=True, timeout=120)
    found = {m.findtext("source") for c in ET.parse(ts).getroot().iter("context")
             if c.findtext("name") == "ScratchError" for m in c.iter("message")}
    assert found == marks()
