"""build(): a checked Program to Values on the app's engine, back-propagated; and the finite-difference check."""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from micrograd_gui.core.engine import Value
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.scratch.errors import DIVISION_BY_ZERO, ScratchError
from micrograd_gui.core.scratch.program import Bin, Expr, Method, Neg, NewLeaf, Num, Pos, Pow, Program, Ref, Sum

_OPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}  # Python's own dispatch
_METHODS: dict[str, Callable[[Value], Value]] = {
    "tanh": Value.tanh, "relu": Value.relu, "exp": Value.exp, "log": Value.log, "sigmoid": Value.sigmoid}


@dataclass
class Built:
    """The Values of one build: the root (the last assignment), each name's last Value, each leaf's Value."""

    root: Value
    names: dict[str, Value]
    leaves: dict[str, Value]


def build(program: Program, values: Mapping[str, float] | None = None) -> Built:
    """Build the program's Values, leaves set from `values` where given (a dragged slider), and run backward()."""
    built = _forward(program, values)
    built.root.backward()
    return built


def numerical_grads(program: Program, values: Mapping[str, float] | None = None, h: float = 1e-6,
                    names: Collection[str] | None = None) -> dict[str, float]:
    """Per leaf (or per leaf in names), (f(x+h) - f(x-h)) / 2h with f the root's data; NaN where f is undefined at
    x+h or x-h. Two builds a leaf: with hundreds of leaves, ask for the few on show."""
    base = _leaf_values(program, values)
    out: dict[str, float] = {}
    for name, x in base.items():
        if names is not None and name not in names:
            continue
        try:
            up = float(_forward(program, {**base, name: x + h}).root.data)
            down = float(_forward(program, {**base, name: x - h}).root.data)
        except ScratchError:  # e.g. log(x) with x within h of 0
            out[name] = math.nan
            continue
        out[name] = (up - down) / (2 * h)
    return out


def _leaf_values(program: Program, values: Mapping[str, float] | None) -> dict[str, float]:
    given = dict(values or {})
    out = {leaf.name: float(given.pop(leaf.name, leaf.value)) for leaf in program.leaves}
    if given:
        raise KeyError(f"the program has no leaf named {sorted(given)[0]!r}")
    for leaf in program.leaves:
        if not math.isfinite(out[leaf.name]):
            raise ScratchError(leaf.line, leaf.col, QT_TRANSLATE_NOOP(
                "ScratchError", "{name} must be a finite number, got {value}"),
                {"name": leaf.name, "value": out[leaf.name]})
    return out


def _forward(program: Program, values: Mapping[str, float] | None) -> Built:
    data = _leaf_values(program, values)
    leaves = {leaf.name: leaf for leaf in program.leaves}
    made: dict[str, Value] = {}
    names: dict[str, Value] = {}

    def leaf(key: str) -> Value:
        spec = leaves[key]
        made[key] = Value(data[key], label=spec.label, role=spec.role)
        return made[key]

    for st in program.statements:
        v = _eval(st.expr, names, leaf)
        if not isinstance(v, Value):  # parse() makes a number assigned to a name a leaf; never happens
            raise ScratchError(st.pos.line, st.pos.col,
                               QT_TRANSLATE_NOOP("ScratchError", "this is a number, not a Value"))
        if not v.label:  # a node shows the first name it was given (b = a keeps a's label)
            v.label = st.name
        names[st.name] = v
    return Built(names[program.root_name], names, made)


def _eval(e: Expr, names: dict[str, Value], leaf: Callable[[str], Value]) -> Value | float:
    """The Value (or folded number) of an expression; its depth is bounded by parse()'s MAX_DEPTH."""
    if isinstance(e, Num):
        return e.value
    if isinstance(e, Ref):
        return names[e.name]
    if isinstance(e, NewLeaf):
        return leaf(e.key)
    if isinstance(e, Bin):
        return _apply(_OPS[e.op], (_eval(e.left, names, leaf), _eval(e.right, names, leaf)), e.op, e.pos)
    if isinstance(e, Neg):
        return _apply(operator.neg, (_eval(e.arg, names, leaf),), "-", e.pos)
    if isinstance(e, Pow):
        return _apply(operator.pow, (_eval(e.base, names, leaf), e.k), f"**{e.k}", e.pos)
    if isinstance(e, Method):
        return _apply(_METHODS[e.name], (_eval(e.arg, names, leaf),), e.name, e.pos)
    if isinstance(e, Sum):
        acc: Value | float = 0  # as Python's sum starts
        for item in e.items:
            acc = _apply(operator.add, (acc, _eval(item, names, leaf)), "sum", e.pos)
        return acc
    raise TypeError(f"not a Scratchpad expression: {e!r}")


def _apply(fn: Callable[..., Any], args: tuple[Any, ...], op: str, pos: Pos) -> Value | float:
    """One engine step; its error, or a result too large for a float, becomes a message at pos."""
    try:
        out = fn(*args)
    except ZeroDivisionError:
        raise ScratchError(pos.line, pos.col, DIVISION_BY_ZERO) from None
    except (ArithmeticError, ValueError) as e:  # the engine's ValueErrors name the op (log, pow, division)
        raise ScratchError(pos.line, pos.col, QT_TRANSLATE_NOOP("ScratchError", "{error}"), {"error": str(e)}) from None
    data = out.data if isinstance(out, Value) else out
    if not math.isfinite(data):
        raise ScratchError(pos.line, pos.col, QT_TRANSLATE_NOOP(
            "ScratchError", "{op} overflows: the result is too large for a float"), {"op": op})
    return out  # type: ignore[no-any-return]
