"""parse(): a Scratchpad text to a checked Program, through a whitelist over Python's ast (nothing in it runs)."""

from __future__ import annotations

import ast
import math
import re
from collections.abc import Mapping
from typing import NoReturn

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.scratch import refusals
from micrograd_gui.core.scratch.errors import DIVISION_BY_ZERO, Arg, ScratchError, char_col
from micrograd_gui.core.scratch.limits import MAX_EXPONENT, MAX_LABEL, MAX_NODES, MAX_NUMBER, MAX_SUM_ITEMS, read
from micrograd_gui.core.scratch.program import (
    Assign,
    Bin,
    Expr,
    Leaf,
    Method,
    Neg,
    NewLeaf,
    Num,
    Pos,
    Pow,
    Program,
    Ref,
    Sum,
)

METHODS = ("tanh", "relu", "exp", "log", "sigmoid")
RESERVED = ("Value", "sum")
_BINARY: dict[type[ast.operator], str] = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.Pow: "**"}

# Values the engine creates for `a op b`, by whether each side is a Value (True) or a number, as Value's
# operators compose: a - b is a + (-b) with -b = b * -1.0, a / b is a * b**-1, a number becomes a constant
# node, and a number on the left goes through __radd__, __rsub__, __rmul__ or __rtruediv__
_COST = {("+", True, True): 1, ("+", True, False): 2, ("+", False, True): 2,
         ("*", True, True): 1, ("*", True, False): 2, ("*", False, True): 2,
         ("-", True, True): 3, ("-", True, False): 2, ("-", False, True): 4,
         ("/", True, True): 2, ("/", True, False): 2, ("/", False, True): 3}

# leaves named like weights are parameters (green in the graph); b, b1, ... too when there are weights
_WEIGHT = re.compile(r"^(w|weights?|bias(es)?)(\d|_|$)", re.IGNORECASE)
_BIAS = re.compile(r"^b(\d|_|$)", re.IGNORECASE)

_TOO_LARGE = QT_TRANSLATE_NOOP("ScratchError", "the result is too large for a float")
_NEGATIVE_POWER = QT_TRANSLATE_NOOP("ScratchError", "a negative number cannot be raised to a non-integer power")
_NOT_DEFINED = QT_TRANSLATE_NOOP("ScratchError", "{name} is not defined yet: assign it on an earlier line")


def parse(text: str) -> Program:
    """Check text against the whitelist and the limits, building nothing; raise ScratchError at the first problem."""
    tree, lines = read(text)
    c = _Compiler(lines)
    for statement in tree.body:
        c.statement(statement)
    if not c.statements:
        raise ScratchError(1, 1, QT_TRANSLATE_NOOP("ScratchError", "nothing to build: write an assignment such as "
                                                                   "a = Value(2.0)"))
    if c.crossed is not None:
        raise ScratchError(c.crossed.line, c.crossed.col, QT_TRANSLATE_NOOP(
            "ScratchError", "this would build {nodes:,} nodes; the Scratchpad stops at {limit:,}"),
            {"nodes": c.nodes, "limit": MAX_NODES})
    return Program(text, _with_roles(c.leaves), c.statements[-1].name, tuple(c.statements), c.nodes)


def _with_roles(leaves: list[Leaf]) -> tuple[Leaf, ...]:
    def name(leaf: Leaf) -> str:
        return leaf.label or leaf.name.split("@")[0]

    weights = any(_WEIGHT.match(name(leaf)) for leaf in leaves)
    return tuple(Leaf(leaf.name, leaf.value, leaf.label, leaf.line, leaf.col,
                      "parameter" if _WEIGHT.match(name(leaf)) or (weights and _BIAS.match(name(leaf))) else "input")
                 for leaf in leaves)


def fold(op: str, x: float, y: float) -> float:
    """x op y for two numbers, as Python computes it; ArithmeticError or ValueError where it cannot."""
    if op == "**" and x < 0 and not float(y).is_integer():
        raise ValueError(_NEGATIVE_POWER)
    if op == "+":
        out = x + y
    elif op == "-":
        out = x - y
    elif op == "*":
        out = x * y
    elif op == "/":
        out = x / y
    else:
        out = x**y
    if not math.isfinite(out):
        raise OverflowError("the result is too large for a float")
    return float(out)


class _Compiler:
    """Walks the ast statement by statement: defines names, collects leaves, counts the nodes build() will make."""

    def __init__(self, lines: list[str]):
        self.lines = lines
        self.defined: set[str] = set()
        self.leaves: list[Leaf] = []
        self.keys: set[str] = set()
        self.statements: list[Assign] = []
        self.nodes = 0
        self.crossed: Pos | None = None  # where the node count first went over MAX_NODES

    def pos(self, node: ast.AST) -> Pos:
        line = getattr(node, "lineno", 1)
        return Pos(line, char_col(self.lines, line, getattr(node, "col_offset", 0)))

    def refuse(self, node: ast.AST, template: str, params: Mapping[str, Arg] | None = None) -> NoReturn:
        p = self.pos(node)
        raise ScratchError(p.line, p.col, template, params)

    def count(self, n: int, node: ast.AST) -> None:
        self.nodes += n
        if self.nodes > MAX_NODES and self.crossed is None:
            self.crossed = self.pos(node)

    # ---- statements ---------------------------------------------------------------------------------------
    def statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1:
                self.refuse(node.targets[1], QT_TRANSLATE_NOOP("ScratchError", "assign one name at a time "
                                                                               "(a = b = ... is not allowed)"))
            target = self.target(node.targets[0])
            self.assign(target, self.right_side(node.value, target), node)
        elif isinstance(node, ast.AugAssign):
            # a += b is a = a + b: Value has no in-place operators, so Python runs it that way too
            target = self.target(node.target)
            if target not in self.defined:
                self.refuse(node.target, _NOT_DEFINED, {"name": target})
            self.assign(target, self.operation(node.op, Ref(target), node.value, node), node)
        elif isinstance(node, ast.Expr):
            value = node.value
            if (isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute)
                    and value.func.attr == "backward" and not value.args and not value.keywords):
                self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "backward() runs by itself from the last "
                                                                    "assignment: remove this line"))
            self.expr(value)  # names what in it is not allowed, if anything
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "only assignments are allowed: give this a name, "
                                                                "as in out = ..."))
        else:
            self.refuse(node, *refusals.statement(node))

    def target(self, node: ast.expr) -> str:
        if isinstance(node, (ast.Tuple, ast.List)):
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "assign one name at a time "
                                                                "(a, b = ... is not allowed)"))
        if not isinstance(node, ast.Name):
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "only a plain name can be assigned to, as in "
                                                                "a = ..."))
        self.check_name(node)
        if node.id in RESERVED:
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "{name} is the Scratchpad's own: choose another "
                                                                "name"), {"name": node.id})
        return node.id

    def assign(self, name: str, expr: Expr, node: ast.stmt) -> None:
        self.statements.append(Assign(name, expr, self.pos(node)))
        self.defined.add(name)

    def right_side(self, node: ast.expr, target: str) -> Expr:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Value":
            return self.value_call(node, target)
        expr = self.expr(node)
        if isinstance(expr, Num):  # a number given a name is a leaf the user can drag, as Value(number) is
            return self.new_leaf(target, expr.value, "", node)
        return expr

    # ---- expressions --------------------------------------------------------------------------------------
    def expr(self, node: ast.expr) -> Expr:
        if isinstance(node, ast.Constant):
            return Num(float(self.number(node)))
        if isinstance(node, ast.Name):
            self.check_name(node)
            if node.id in RESERVED:
                self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "{name} must be called, as in {name}(...)"),
                            {"name": node.id})
            if node.id not in self.defined:
                self.refuse(node, _NOT_DEFINED, {"name": node.id})
            return Ref(node.id)
        if isinstance(node, ast.UnaryOp):
            if isinstance(node.op, ast.UAdd):
                return self.expr(node.operand)
            if not isinstance(node.op, ast.USub):
                self.refuse(node, *refusals.operator(node.op))
            arg = self.expr(node.operand)
            if isinstance(arg, Num):
                return Num(-arg.value)
            self.count(2, node)  # -a is a * -1.0
            return Neg(arg, self.pos(node))
        if isinstance(node, ast.BinOp):
            return self.operation(node.op, node.left, node.right, node)
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Attribute):
            if node.attr in METHODS:
                self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", ".{method} must be called: write .{method}()"),
                            {"method": node.attr})
            self.refuse(node, refusals.ATTRIBUTES)
        self.refuse(node, *refusals.expression(node))

    def operation(self, op_node: ast.operator, left: Expr | ast.expr, right_node: ast.expr, node: ast.AST) -> Expr:
        """left op right; left is an ast node, or already compiled (the name in a += ...)."""
        op = _BINARY.get(type(op_node))
        if op is None:
            self.refuse(node, *refusals.operator(op_node))
        if op == "**":
            k = self.exponent(right_node)  # checked first: 9**9**9 stops at its exponent
            base = self.expr(left) if isinstance(left, ast.expr) else left
            if isinstance(base, Num):
                return Num(self.fold("**", base.value, k, node))
            self.count(1, node)
            return Pow(base, k, self.pos(node))
        a = self.expr(left) if isinstance(left, ast.expr) else left
        b = self.expr(right_node)
        if isinstance(a, Num) and isinstance(b, Num):
            return Num(self.fold(op, a.value, b.value, node))
        if op == "/" and isinstance(b, Num) and b.value == 0:
            self.refuse(node, DIVISION_BY_ZERO)
        self.count(_COST[op, not isinstance(a, Num), not isinstance(b, Num)], node)
        return Bin(op, a, b, self.pos(node))

    def fold(self, op: str, x: float, y: float, node: ast.AST) -> float:
        try:
            return fold(op, x, y)
        except ZeroDivisionError:
            self.refuse(node, DIVISION_BY_ZERO)
        except OverflowError:
            self.refuse(node, _TOO_LARGE)
        except ValueError:  # fold's only one
            self.refuse(node, _NEGATIVE_POWER)

    def exponent(self, node: ast.expr) -> int | float:
        k = self.literal(node)
        if k is None:
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "the exponent must be a number written out, as in "
                                                                "x**2 or x**-0.5"))
        if abs(k) > MAX_EXPONENT:
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "the exponent must be between -{limit} and {limit}, "
                                                                "got {k}"), {"limit": MAX_EXPONENT, "k": k})
        return k

    def literal(self, node: ast.expr) -> int | float | None:
        """A number as written, with at most one sign in front; None if node is something else."""
        negative = isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            node = node.operand
        if not isinstance(node, ast.Constant):
            return None
        value = self.number(node)
        return -value if negative else value

    def number(self, node: ast.Constant) -> int | float:
        value = node.value
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.refuse(node, *refusals.constant(value))
        if not abs(value) < MAX_NUMBER:  # 1e400 reads as inf (and nan is not < anything); huge ints compare exactly
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "numbers must be finite and smaller than 1e300 in "
                                                                "size"))
        return value

    def check_name(self, node: ast.Name) -> None:
        if node.id.startswith("__"):
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "names starting with __ are not allowed"))

    # ---- calls --------------------------------------------------------------------------------------------
    def call(self, node: ast.Call) -> Expr:
        f = node.func
        if isinstance(f, ast.Name) and f.id == "Value":
            return self.value_call(node, None)
        if isinstance(f, ast.Name) and f.id == "sum":
            return self.sum_call(node)
        if isinstance(f, ast.Attribute):
            if f.attr not in METHODS:
                self.refuse(f, refusals.ATTRIBUTES)
            if node.args or node.keywords:
                self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", ".{method}() takes no arguments"),
                            {"method": f.attr})
            arg = self.expr(f.value)
            if isinstance(arg, Num):
                self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", ".{method}() works on Values, not on plain "
                                                                    "numbers: write Value(...).{method}()"),
                            {"method": f.attr})
            self.count(1, node)
            return Method(f.attr, arg, self.pos(node))
        if isinstance(f, ast.Name):
            self.check_name(f)
            self.refuse(node, refusals.NAMED_CALL, {"name": f.id})
        self.refuse(node, refusals.CALL)

    def value_call(self, node: ast.Call, target: str | None) -> Expr:
        if len(node.args) != 1 or isinstance(node.args[0], ast.Starred):
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "Value takes one number, as in Value(2.0) or "
                                                                "Value(2.0, label='a')"))
        label = ""
        for kw in node.keywords:
            if kw.arg != "label":
                self.refuse(kw, QT_TRANSLATE_NOOP("ScratchError", "Value takes only label='...' as a keyword"))
            label = self.label(kw.value)
        value = self.literal(node.args[0])
        if value is None:
            self.refuse(node.args[0], QT_TRANSLATE_NOOP("ScratchError", "Value takes a number written out, as in "
                                                                        "Value(2.0)"))
        return self.new_leaf(target, float(value), label, node)

    def label(self, node: ast.expr) -> str:
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "the label must be text in quotes, as in label='a'"))
        text = node.value
        if len(text) > MAX_LABEL or not text.isprintable():
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "the label must be at most {limit} printable "
                                                                "characters on one line"), {"limit": MAX_LABEL})
        return text

    def new_leaf(self, target: str | None, value: float, label: str, node: ast.AST) -> NewLeaf:
        p = self.pos(node)
        key = f"{target or 'Value'}@{p.line}:{p.col}" if target is None or target in self.keys else target
        self.keys.add(key)
        self.leaves.append(Leaf(key, value, label or target or "", p.line, p.col))
        self.count(1, node)
        return NewLeaf(key)

    def sum_call(self, node: ast.Call) -> Expr:
        if node.keywords:
            self.refuse(node.keywords[0], QT_TRANSLATE_NOOP("ScratchError", "sum takes no keywords: write "
                                                                            "sum([a, b, ...]) or sum(a, b, ...)"))
        args = node.args
        if len(args) == 1 and isinstance(args[0], (ast.List, ast.Tuple)):
            items = args[0].elts
        elif args and not any(isinstance(a, (ast.List, ast.Tuple)) for a in args):
            items = args
        else:
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "write sum([a, b, ...]) or sum(a, b, ...)"))
        if len(items) > MAX_SUM_ITEMS:
            self.refuse(node, QT_TRANSLATE_NOOP("ScratchError", "sum takes at most {limit:,} terms, got {n:,}"),
                        {"limit": MAX_SUM_ITEMS, "n": len(items)})
        exprs = tuple(self.expr(item) for item in items)
        # Python's sum adds left to right from the number 0: numbers before the first Value stay numbers
        total, value, cost = 0.0, False, 0
        for e in exprs:
            if not value and isinstance(e, Num):
                total = self.fold("+", total, e.value, node)
                continue
            cost += _COST["+", value, not isinstance(e, Num)]
            value = True
        if not value:
            return Num(total)
        self.count(cost, node)
        return Sum(exprs, self.pos(node))
