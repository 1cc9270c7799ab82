"""What the Scratchpad says about the Python it does not take, one short sentence a kind of statement or expression."""

from __future__ import annotations

import ast

METHOD_LIST = ".tanh() .relu() .exp() .log() .sigmoid()"
ATTRIBUTES = f"attributes are not allowed (only {METHOD_LIST})"
CALLS = f"the only calls are Value(...), sum(...) and {METHOD_LIST}"
IMPORTS = "imports are not allowed (Value and sum are already there)"
LOOPS = "loops are not allowed: write each step on a line of its own"
COMPREHENSIONS = "comprehensions are not allowed: list the terms, as in sum([a, b, c])"

_STATEMENTS: dict[type[ast.AST], str] = {
    ast.Import: IMPORTS,
    ast.ImportFrom: IMPORTS,
    ast.For: LOOPS,
    ast.AsyncFor: LOOPS,
    ast.While: LOOPS,
    ast.If: "if is not allowed: the Scratchpad builds one expression graph",
    ast.FunctionDef: "def is not allowed",
    ast.AsyncFunctionDef: "def is not allowed",
    ast.ClassDef: "class is not allowed",
    ast.With: "with is not allowed",
    ast.AsyncWith: "with is not allowed",
    ast.Try: "try is not allowed",
    ast.TryStar: "try is not allowed",
    ast.AnnAssign: "annotations are not allowed: write a = ...",
    ast.Delete: "del is not allowed",
}

_EXPRESSIONS: dict[type[ast.AST], str] = {
    ast.Lambda: "lambda is not allowed",
    ast.ListComp: COMPREHENSIONS,
    ast.SetComp: COMPREHENSIONS,
    ast.DictComp: COMPREHENSIONS,
    ast.GeneratorExp: COMPREHENSIONS,
    ast.IfExp: "'x if c else y' is not allowed",
    ast.Compare: "comparisons are not allowed",
    ast.BoolOp: "'and' and 'or' are not allowed",
    ast.Dict: "dictionaries are not allowed",
    ast.Set: "sets are not allowed",
    ast.Subscript: "subscripts like x[0] are not allowed",
    ast.Starred: "unpacking with * is not allowed",
    ast.JoinedStr: "f-strings are not allowed",
    ast.NamedExpr: "the walrus operator := is not allowed",
    ast.Await: "await is not allowed",
    ast.Yield: "yield is not allowed",
    ast.YieldFrom: "yield is not allowed",
    ast.List: "lists and tuples are only allowed inside sum([...])",
    ast.Tuple: "lists and tuples are only allowed inside sum([...])",
}

_OPERATORS: dict[type[ast.AST], str] = {
    ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitOr: "|",
    ast.BitXor: "^", ast.BitAnd: "&", ast.Not: "not", ast.Invert: "~",
}


def statement(node: ast.AST) -> str:
    word = type(node).__name__.lower()
    return _STATEMENTS.get(type(node), f"'{word}' statements are not allowed: write lines like name = expression")


def expression(node: ast.AST) -> str:
    return _EXPRESSIONS.get(type(node), "this kind of expression is not allowed here")


def operator(op: ast.AST) -> str:
    return f"the operator {_OPERATORS.get(type(op), type(op).__name__)} is not allowed (only + - * / ** and unary -)"


def constant(value: object) -> str:
    if isinstance(value, bool):
        return "True and False are not numbers here: write 1.0 or 0.0"
    if isinstance(value, complex):
        return "complex numbers are not allowed"
    if isinstance(value, str):
        return "strings are only allowed as label='...' in Value(...)"
    if isinstance(value, bytes):
        return "bytes are not allowed"
    return f"{value!r} is not allowed: only numbers, names and Value(...)"  # None, Ellipsis
