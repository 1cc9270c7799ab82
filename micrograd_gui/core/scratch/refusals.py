"""What the Scratchpad says about the Python it does not take, one short sentence a kind of statement or expression.

Each sentence is a template marked for translation in the "ScratchError" context, with its parameters."""

from __future__ import annotations

import ast

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.scratch.errors import Arg

Refusal = tuple[str, dict[str, Arg]]  # a template and the parameters it is filled in with

ATTRIBUTES = QT_TRANSLATE_NOOP("ScratchError", "attributes are not allowed (only .tanh() .relu() .exp() .log() "
                                               ".sigmoid())")
CALL = QT_TRANSLATE_NOOP("ScratchError", "this call is not allowed: the only calls are Value(...), sum(...) and "
                                         ".tanh() .relu() .exp() .log() .sigmoid()")
NAMED_CALL = QT_TRANSLATE_NOOP("ScratchError", "{name}() is not allowed: the only calls are Value(...), sum(...) "
                                               "and .tanh() .relu() .exp() .log() .sigmoid()")
IMPORTS = QT_TRANSLATE_NOOP("ScratchError", "imports are not allowed (Value and sum are already there)")
LOOPS = QT_TRANSLATE_NOOP("ScratchError", "loops are not allowed: write each step on a line of its own")
COMPREHENSIONS = QT_TRANSLATE_NOOP("ScratchError",
                                   "comprehensions are not allowed: list the terms, as in sum([a, b, c])")
DEF = QT_TRANSLATE_NOOP("ScratchError", "def is not allowed")
WITH = QT_TRANSLATE_NOOP("ScratchError", "with is not allowed")
TRY = QT_TRANSLATE_NOOP("ScratchError", "try is not allowed")
YIELD = QT_TRANSLATE_NOOP("ScratchError", "yield is not allowed")
SEQUENCES = QT_TRANSLATE_NOOP("ScratchError", "lists and tuples are only allowed inside sum([...])")

_STATEMENTS: dict[type[ast.AST], str] = {
    ast.Import: IMPORTS,
    ast.ImportFrom: IMPORTS,
    ast.For: LOOPS,
    ast.AsyncFor: LOOPS,
    ast.While: LOOPS,
    ast.If: QT_TRANSLATE_NOOP("ScratchError", "if is not allowed: the Scratchpad builds one expression graph"),
    ast.FunctionDef: DEF,
    ast.AsyncFunctionDef: DEF,
    ast.ClassDef: QT_TRANSLATE_NOOP("ScratchError", "class is not allowed"),
    ast.With: WITH,
    ast.AsyncWith: WITH,
    ast.Try: TRY,
    ast.TryStar: TRY,
    ast.AnnAssign: QT_TRANSLATE_NOOP("ScratchError", "annotations are not allowed: write a = ..."),
    ast.Delete: QT_TRANSLATE_NOOP("ScratchError", "del is not allowed"),
}

_EXPRESSIONS: dict[type[ast.AST], str] = {
    ast.Lambda: QT_TRANSLATE_NOOP("ScratchError", "lambda is not allowed"),
    ast.ListComp: COMPREHENSIONS,
    ast.SetComp: COMPREHENSIONS,
    ast.DictComp: COMPREHENSIONS,
    ast.GeneratorExp: COMPREHENSIONS,
    ast.IfExp: QT_TRANSLATE_NOOP("ScratchError", "'x if c else y' is not allowed"),
    ast.Compare: QT_TRANSLATE_NOOP("ScratchError", "comparisons are not allowed"),
    ast.BoolOp: QT_TRANSLATE_NOOP("ScratchError", "'and' and 'or' are not allowed"),
    ast.Dict: QT_TRANSLATE_NOOP("ScratchError", "dictionaries are not allowed"),
    ast.Set: QT_TRANSLATE_NOOP("ScratchError", "sets are not allowed"),
    ast.Subscript: QT_TRANSLATE_NOOP("ScratchError", "subscripts like x[0] are not allowed"),
    ast.Starred: QT_TRANSLATE_NOOP("ScratchError", "unpacking with * is not allowed"),
    ast.JoinedStr: QT_TRANSLATE_NOOP("ScratchError", "f-strings are not allowed"),
    ast.NamedExpr: QT_TRANSLATE_NOOP("ScratchError", "the walrus operator := is not allowed"),
    ast.Await: QT_TRANSLATE_NOOP("ScratchError", "await is not allowed"),
    ast.Yield: YIELD,
    ast.YieldFrom: YIELD,
    ast.List: SEQUENCES,
    ast.Tuple: SEQUENCES,
}

_OPERATORS: dict[type[ast.AST], str] = {
    ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
    ast.BitXor: "^", ast.BitAnd: "&", ast.Not: "not", ast.Invert: "~",
}


def statement(node: ast.AST) -> Refusal:
    if type(node) in _STATEMENTS:
        return _STATEMENTS[type(node)], {}
    return (QT_TRANSLATE_NOOP("ScratchError", "'{word}' statements are not allowed: write lines like name = "
                                              "expression"), {"word": type(node).__name__.lower()})


def expression(node: ast.AST) -> Refusal:
    return _EXPRESSIONS.get(type(node), QT_TRANSLATE_NOOP("ScratchError", "this kind of expression is not allowed "
                                                                          "here")), {}


def operator(op: ast.AST) -> Refusal:
    return (QT_TRANSLATE_NOOP("ScratchError", "the operator {op} is not allowed (only + - * / ** and unary -)"),
            {"op": _OPERATORS.get(type(op), type(op).__name__)})


def constant(value: object) -> Refusal:
    if isinstance(value, bool):
        return QT_TRANSLATE_NOOP("ScratchError", "True and False are not numbers here: write 1.0 or 0.0"), {}
    if isinstance(value, complex):
        return QT_TRANSLATE_NOOP("ScratchError", "complex numbers are not allowed"), {}
    if isinstance(value, str):
        return QT_TRANSLATE_NOOP("ScratchError", "strings are only allowed as label='...' in Value(...)"), {}
    if isinstance(value, bytes):
        return QT_TRANSLATE_NOOP("ScratchError", "bytes are not allowed"), {}
    return (QT_TRANSLATE_NOOP("ScratchError", "{value} is not allowed: only numbers, names and Value(...)"),
            {"value": repr(value)})  # None, Ellipsis
