"""What parse() hands to build(): the leaves, and the statements in a small checked form (never Python code)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Leaf:
    """A Value(number) in the text, or a number assigned to a name: one slider in the Scratchpad."""

    name: str  # the key build() and numerical_grads() take: its variable name, or name@line:col if not unique
    value: float
    label: str  # its label='...', else its variable name ("" for an unnamed Value(...) inside an expression)
    line: int
    col: int = 1
    role: str = "input"  # "input" or "parameter" (weights and biases), as the graph colours them


@dataclass(frozen=True)
class Pos:
    line: int
    col: int


# ---- expressions: a number is already folded; anything else holds a Value when built --------------------------
@dataclass(frozen=True)
class Num:
    value: float


@dataclass(frozen=True)
class Ref:
    name: str


@dataclass(frozen=True)
class NewLeaf:
    key: str


@dataclass(frozen=True)
class Bin:
    op: str  # + - * /
    left: Expr
    right: Expr
    pos: Pos


@dataclass(frozen=True)
class Neg:
    arg: Expr
    pos: Pos


@dataclass(frozen=True)
class Pow:
    base: Expr
    k: int | float  # as written, so the node reads **2 as in micrograd, not **2.0
    pos: Pos


@dataclass(frozen=True)
class Method:
    name: str  # tanh relu exp log sigmoid
    arg: Expr
    pos: Pos


@dataclass(frozen=True)
class Sum:
    items: tuple[Expr, ...]
    pos: Pos


Expr = Num | Ref | NewLeaf | Bin | Neg | Pow | Method | Sum


@dataclass(frozen=True)
class Assign:
    name: str
    expr: Expr
    pos: Pos


@dataclass(frozen=True)
class Program:
    """A checked Scratchpad text: build() turns it into Values, as often as the sliders move."""

    text: str
    leaves: tuple[Leaf, ...]
    root_name: str
    statements: tuple[Assign, ...] = ()
    node_count: int = 0  # the Values build() creates, counted from the text before anything is built

    def leaf(self, name: str) -> Leaf:
        for leaf in self.leaves:
            if leaf.name == name:
                return leaf
        raise KeyError(f"the program has no leaf named {name!r}")
