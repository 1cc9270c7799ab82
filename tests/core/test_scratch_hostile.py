"""Hostile Scratchpad text: every one is refused with a line and column before anything runs, quickly (parse
returns or raises: a hang would never finish), and random text never gets anything but a ScratchError."""

from __future__ import annotations

import ast
import builtins
import contextlib
import re
import warnings
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from micrograd_gui.core.scratch import MAX_CHARS, MAX_NODES, ScratchError, build, parse

WHERE = re.compile(r"^line \d+, column \d+: \S")


@contextlib.contextmanager
def nothing_runs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Records every call of open, __import__, eval, exec and compile made inside the block (but compile to an ast
    only, which is what ast.parse does)."""
    calls: list[str] = []
    for name in ("open", "__import__", "eval", "exec", "compile"):
        real = getattr(builtins, name)

        def spy(*args, _real=real, _name=name, **kwargs):  # type: ignore[no-untyped-def]
            flags = args[3] if len(args) > 3 else kwargs.get("flags", 0)
            if not (_name == "compile" and flags & ast.PyCF_ONLY_AST):
                calls.append(_name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(builtins, name, spy)
    calls.clear()  # monkeypatch imports things of its own
    yield calls
    monkeypatch.undo()


def refused(text: str, monkeypatch: pytest.MonkeyPatch) -> ScratchError:
    error: ScratchError | None = None
    with nothing_runs(monkeypatch) as calls:
        try:
            build(parse(text))
        except ScratchError as e:  # caught here: pytest.raises imports things of its own
            error = e
    assert error is not None, "accepted"
    assert calls == [], calls
    message = str(error)
    assert WHERE.match(message) and "\n" not in message and error.line >= 1 and error.col >= 1, message
    return error


DEEP = 100_000
HOSTILE = {
    "import-call": "__import__('os').system('touch {marker}')",
    "import-call-assigned": "x = __import__('os').system('touch {marker}')",
    "subclasses": "x = ().__class__.__bases__[0].__subclasses__()",
    "dict": "a = Value(1)\nb = a.__dict__",
    "open": "open('{marker}', 'w')",
    "open-assigned": "f = open('{marker}', 'w')",
    "value-init": "v = Value.__init__",
    "value-init-call": "v = Value.__init__(Value(1), 2)",
    "lambda": "f = lambda: 1",
    "listcomp": "x = [x for x in ()]",
    "genexp-sum": "a = Value(1)\nx = sum(a for _ in (1, 2))",
    "pow-tower": "a = 9**9**9",
    "big-exponent": "a = 2.0**100000",
    "big-exponent-value": "a = Value(2.0)\nb = a ** 100000",
    "doubling": "a = Value(1); " + "a = a + a;" * 20_000,
    "list-times": "a = Value(1)\nb = sum([a]*100000)",
    "parens-200": "a = " + "(" * 200 + "1" + ")" * 200,
    "parens-100000": "a = " + "(" * DEEP + "1" + ")" * DEEP,
    "ten-megabytes": "a = '" + "x" * 10_000_000 + "'",
    "label-open": "a = Value(1, label=open)",
    "tanh-uncalled": "a = Value(1)\nb = a.tanh",
    "tanh-argument": "a = Value(1)\nb = a.tanh(1)",
    "value-string": "a = Value('1')",
    "value-inf": "a = Value(1e400)",
    "float-nan": "a = float('nan')",
    "value-float-nan": "a = Value(float('nan'))",
    "import": "import os",
    "from-import": "from micrograd.engine import Value",
    "for": "a = Value(1)\nfor i in range(3): a = a * a",
    "while": "while True: pass",
    "if": "a = Value(1)\nif a: b = a",
    "def": "def f(): pass",
    "class": "class A: pass",
    "with": "with open('x') as f: pass",
    "try": "try:\n    a = 1\nexcept Exception:\n    pass",
    "subscript": "a = Value(1)\nb = [a][0]",
    "fstring": "a = Value(1, label=f'{1}')",
    "walrus": "a = (b := Value(1))",
    "starred": "a = Value(1)\nb = sum(*[a])",
    "keyword": "a = Value(1, data=2)",
    "kwargs": "a = Value(1, **{'label': 'x'})",
    "positional-label": "a = Value(1, 'a')",
    "multiple-targets": "a = b = Value(1)",
    "tuple-target": "a, b = Value(1), Value(2)",
    "attribute-target": "a = Value(1)\na.data = 3",
    "subscript-target": "a = Value(1)\na[0] = 3",
    "annotation": "a: float = 1",
    "undefined": "a = b + 1",
    "used-before": "a = a + 1",
    "dunder-name": "a = __builtins__",
    "dunder-target": "__x = Value(1)",
    "value-target": "Value = 3",
    "sum-target": "sum = 3",
    "value-name": "a = Value",
    "grad": "a = Value(1)\nb = a.grad",
    "backward": "a = Value(1)\na.backward()",
    "floordiv": "a = Value(1)\nb = a // 2",
    "modulo": "a = Value(1)\nb = a % 2",
    "matmul": "a = Value(1)\nb = a @ a",
    "not": "a = Value(1)\nb = not a",
    "invert": "a = Value(1)\nb = ~a",
    "compare": "a = Value(1)\nb = a < 2",
    "boolop": "a = Value(1)\nb = a or a",
    "ifexp": "a = Value(1)\nb = a if 1 else a",
    "dict-literal": "a = {'x': 1}",
    "set-literal": "a = {1}",
    "tuple-literal": "a = (1, 2)",
    "string": "a = 'hello'",
    "bytes": "a = b'x'",
    "none": "a = None",
    "ellipsis": "a = ...",
    "true": "a = True",
    "complex": "a = 1j",
    "huge-int": "a = 1" + "0" * 400,
    "huge-int-digits": "a = 1" + "0" * 5000,
    "print": "print(1)",
    "eval": "a = eval('1')",
    "exec": "exec('import os')",
    "getattr": "a = Value(1)\nb = getattr(a, 'data')",
    "call-a-call": "a = Value(1)(2)",
    "call-a-value": "a = Value(1)\nb = a(2)",
    "bare-expression": "a = Value(1)\na * 2",
    "docstring": "'''hello'''",
    "global": "global a",
    "del": "a = Value(1)\ndel a",
    "pass": "pass",
    "assert": "assert True",
    "raise": "raise SystemExit",
    "return": "return 1",
    "null-byte": "a = Value(1)\x00",
    "syntax": "a = = 1",
    "indent": "a = Value(1)\n  b = a",
    "empty": "",
    "only-comments": "# nothing here\n",
    "long-label": f"a = Value(1, label='{'x' * 200}')",
    "newline-label": "a = Value(1, label='a\\nb')",
    "too-many-lines": "a = Value(1)\n" * 300,
    "too-many-nodes": "a = Value(1.0); " + "a = a*a*a*a*a*a*a*a;" * 300,
    "deep-unary": "a = Value(1)\nb = " + "-" * 15_000 + "a",
    "deep-chain": "a = Value(1)\nb = " + "a+" * 5_000 + "a",
    "deep-calls": "a = Value(1)\nb = a" + ".tanh()" * 150,
    "deep-brackets": "a = Value(1)\nb = " + "-(" * 99 + "a" + ")" * 99,
    "sum-arity": "a = Value(1)\nb = sum([" + "a, " * 1_500 + "])",
    "sum-with-start": "a = Value(1)\nb = sum([a], a)",
    "sum-keyword": "a = Value(1)\nb = sum([a], start=a)",
    "sum-bare": "a = sum",
    "method-on-number": "a = (2.0).exp()",
    "divide-zero-number": "a = 1 / 0",
    "divide-value-by-zero": "a = Value(1)\nb = a / 0",
    "zero-negative-power": "a = 0.0 ** -1",
    "number-overflow": "a = 1e200 * 1e200",
    "negative-fractional-power": "a = (-8.0) ** 0.5",
    "exponent-name": "a = Value(2)\nk = 2\nb = a ** k",
    "exponent-expression": "a = Value(2)\nb = a ** (1/2)",
    "exponent-bool": "a = Value(2)\nb = a ** True",
    "value-no-args": "a = Value()",
    "value-two-numbers": "a = Value(1, 2)",
    "value-expression": "a = Value(1 + 1)",
    "value-bool": "a = Value(False)",
    "value-huge": "a = Value(-1e301)",
    # the engine, while building
    "log-negative": "a = Value(-1.0)\nb = a.log()",
    "log-zero": "a = Value(0.0)\nb = a.log()",
    "zero-to-minus-one": "a = Value(0.0)\nb = a ** -1",
    "divide-by-zero-value": "a = Value(1.0)\nb = Value(0.0)\nc = a / b",
    "negative-sqrt": "a = Value(-4.0)\nb = a ** 0.5",
    "exp-overflow": "a = Value(1000.0)\nb = a.exp()",
    "product-overflow": "a = Value(1e200)\nb = a * a",
    "power-overflow": "a = Value(1e100)\nb = a ** 16",
}


@pytest.mark.parametrize("key", sorted(HOSTILE))
def test_hostile_text_is_refused_before_anything_runs(key, tmp_path, monkeypatch):
    marker = tmp_path / "pwned"
    refused(HOSTILE[key].replace("{marker}", str(marker)), monkeypatch)
    assert not marker.exists()


@pytest.mark.parametrize("text,where,words", [
    ("a = Value(1.0)\nb = a.__dict__", (2, 5), "attributes are not allowed (only .tanh() .relu() .exp() .log() "
                                                ".sigmoid())"),
    ("a = Value(1)\nb = a.tanh", (2, 5), ".tanh must be called"),
    ("a = 9**9**9", (1, 8), "the exponent must be a number written out"),
    ("a = Value(1)\nb = a ** 17", (2, 10), "the exponent must be between -16 and 16"),
    ("a = Value(1)\nb = c", (2, 5), "c is not defined yet"),
    ("import os", (1, 1), "imports are not allowed"),
    ("a = Value(1)\n" * 201, (201, 1), "at most 200"),
    ("x" * (MAX_CHARS + 5), (1, MAX_CHARS + 1), "longer than the Scratchpad's 20,000 characters"),
    ("a = " + "(" * 200 + "1" + ")" * 200, (1, 55), "brackets are nested more than 50 deep"),
    ("a = Value(1.0); " + "a = a*a*a*a*a*a*a*a;" * 300, (1, 16 + 285 * 20 + 5), f"stops at {MAX_NODES:,}"),
    ("a = Value(-1.0)\nb = a.log()", (2, 5), "log: the input must be positive, got -1.0"),
    ("a = Value(1000.0)\nb = Value(1.0) + a.exp()", (2, 18), "exp overflows"),
    ("a = Value(1.0)\na.backward()", (2, 1), "backward() runs by itself"),
])
def test_refusals_name_the_place_and_the_reason(text, where, words, monkeypatch):
    err = refused(text, monkeypatch)
    assert (err.line, err.col) == where and words in err.message, str(err)


@pytest.mark.parametrize("text", ["a = Value(1, label='\\d')", "a = 1 is 1", "a = Value(1)\nb = 'x' in a"])
def test_what_python_warns_about_is_refused_not_printed(text):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with pytest.raises(ScratchError, match=r"^line 1|^line 2"):
            parse(text)
    assert caught == []


def test_too_many_nodes_says_how_many():
    with pytest.raises(ScratchError, match=r"this would build 2,101 nodes; the Scratchpad stops at 2,000"):
        parse("a = Value(1.0); " + "a = a*a*a*a*a*a*a*a;" * 300)


def test_a_text_at_the_limits_is_taken():
    parse("a = Value(1.0)\n" + "a = a * a\n" * 199)  # 200 lines, 200 nodes
    parse("a = Value(1.0)\nb = " + "(" * 50 + "a" + ")" * 50)
    built = build(parse("a = Value(1.0)\nb = a ** 16 + a ** -16 + sum([" + "a, " * 998 + "])"))
    assert built.leaves["a"].grad == 16 - 16 + 998


# ---- fuzz: any text is a Program or a ScratchError; any Program builds or raises ScratchError ----------------------
VOCAB = ["a", "b", "Value", "sum", "(", ")", "[", "]", ",", "+", "-", "*", "/", "**", "=", ";", "\n", ".", "tanh",
         "relu", "exp", "log", "sigmoid", "label", "'x'", "1", "2.5", "0", "-", "1e308", "__class__", "import",
         "lambda", ":", "for", " ", "#", "a =", "b =", "Value(1.0)", "()", "16", "17"]
FUZZ = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow])


def accept_or_refuse(text: str) -> None:
    try:
        program = parse(text)
    except ScratchError as e:
        assert WHERE.match(str(e)), str(e)
        return
    try:
        build(program)
    except ScratchError as e:
        assert WHERE.match(str(e)), str(e)


@FUZZ
@given(st.lists(st.sampled_from(VOCAB), max_size=40).map("".join))
def test_token_soup_is_a_program_or_a_scratch_error(text):
    accept_or_refuse(text)


@FUZZ
@given(st.text(max_size=200))
def test_any_text_is_a_program_or_a_scratch_error(text):
    accept_or_refuse(text)
