"""trace_any(root): the Graph of any micrograd-like Value (data, grad, _prev, _op, optional label), walked without
recursion and numbered the same on every run."""

from __future__ import annotations

import hashlib
import math
import numbers
from collections.abc import Callable, Sequence

from micrograd_gui.core.graph.trace import Graph, Node

MAX_NODES = 200_000  # a bigger graph is refused: its drawing would be unreadable and its layout slow
LEAF_ROLES = ("input", "parameter", "constant")


def _name(v: object) -> str:
    """How an error message names a node: its label, else its op, else its data."""
    label, op = getattr(v, "label", ""), getattr(v, "_op", "")
    if isinstance(label, str) and label:
        return repr(label)
    if isinstance(op, str) and op:
        return f"the {op!r} node"
    return f"a leaf of data {getattr(v, 'data', None)!r}"[:80]


def _not_a_value(v: object, field: str) -> ValueError:
    return ValueError(f"not a micrograd-like Value: {type(v).__name__} has no {field!r} "
                      "(it needs data, grad, _prev and _op)")


def _number(v: object, field: str) -> float:
    if not hasattr(v, field):
        raise _not_a_value(v, field)
    x = getattr(v, field)
    if type(x) is float:  # the usual case, without the slower check against the abstract class
        return x
    if not isinstance(x, numbers.Real):
        raise ValueError(f"{_name(v)}: {field} must be a number, got {type(x).__name__}")
    return float(x)


def _children(v: object) -> tuple[list[object], bool]:
    """A node's inputs and whether their order is known (a tuple or list) or not (a set, as karpathy's micrograd)."""
    prev = getattr(v, "_prev", None)
    if type(prev) is tuple and hasattr(v, "data"):  # the usual case first: this engine's
        return list(prev), True
    for field in ("data", "grad", "_prev", "_op"):
        if not hasattr(v, field):
            raise _not_a_value(v, field)
    if isinstance(prev, (set, frozenset)):
        return list(prev), False
    if isinstance(prev, (tuple, list)):
        return list(prev), True
    raise ValueError(f"{_name(v)}: _prev must be a set, tuple or list of Values, got {type(prev).__name__}")


def _walk(root: object, children: dict[int, list[object]], unordered: set[int], max_nodes: int) -> list[object]:
    """Every node below root, inputs before their consumers (depth first, children in `children` order, root
    last); raises on a cycle. The first walk (`children` empty) reads each node's inputs into `children`."""
    order: list[object] = []
    state: dict[int, int] = {id(root): 1}  # 1: on the current path, 2: done
    first = not children

    def inputs(v: object) -> list[object]:
        if first:
            kids, ordered = _children(v)
            children[id(v)] = kids
            if not ordered:
                unordered.add(id(v))
        return children[id(v)]

    stack = [(root, iter(inputs(root)))]
    while stack:
        node, it = stack[-1]
        for child in it:
            s = state.get(id(child))
            if s == 1:
                raise ValueError(f"the graph has a cycle: {_name(child)} is an input of itself")
            if s is None:
                state[id(child)] = 1
                if len(state) > max_nodes:
                    raise ValueError(f"the graph has more than {max_nodes:,} nodes: too big to show")
                stack.append((child, iter(inputs(child))))
                break
        else:
            stack.pop()
            state[id(node)] = 2
            order.append(node)
    return order


def _digests(order: list[object], children: dict[int, list[object]], unordered: set[int],
             numbers_of: dict[int, tuple[float, float]]) -> dict[int, bytes]:
    """Per node, a hash of what its subtree shows (ops, labels, numbers), independent of memory addresses."""
    digest: dict[int, bytes] = {}
    for v in order:  # inputs first
        kids = [digest[id(c)] for c in children[id(v)]]
        if id(v) in unordered:
            kids.sort()
        h = hashlib.blake2b(digest_size=16)
        h.update(repr((_op(v), _label(v), numbers_of[id(v)])).encode())
        for k in kids:
            h.update(k)
        digest[id(v)] = h.digest()
    return digest


def trace_any_values(root: object, max_nodes: int = MAX_NODES) -> tuple[Graph, list[object]]:
    """The graph of root and, in the same order as its nodes, the objects behind them.

    Node ids are a depth-first post-order from the root: inputs before consumers, the root last. A tuple or list
    `_prev` keeps its order (this engine's Values give exactly `trace()`). A set `_prev` (karpathy's micrograd and
    the lecture's class) iterates in memory-address order, so its members are sorted by (label, op, data, a hash of
    their subtree): named leaves come in name order (`a` above `b`), and two runs give the same ids. Members tie
    only when their subgraphs show the same ops, labels and numbers, so either order draws the same picture.
    """
    children: dict[int, list[object]] = {}
    unordered: set[int] = set()
    order = _walk(root, children, unordered, max_nodes)
    values = {id(v): (_number(v, "data"), _number(v, "grad")) for v in order}
    for v in order:
        if not math.isfinite(values[id(v)][0]):
            raise ValueError(f"{_name(v)}: data is {values[id(v)][0]}; only finite numbers can be shown")
    if unordered:
        digest = _digests(order, children, unordered, values)
        for i in unordered:
            children[i].sort(key=lambda c: (_label(c), _op(c), values[id(c)][0], digest[id(c)]))
        order = _walk(root, children, unordered, max_nodes)
    labelled = any(_label(v) for v in order if not children[id(v)])
    index = {id(v): i for i, v in enumerate(order)}
    nodes, edges, local = [], [], []
    for i, v in enumerate(order):
        kids, (data, grad) = children[id(v)], values[id(v)]
        nodes.append(Node(i, _op(v), data, grad, _label(v), _role(v, bool(kids), labelled)))
        edges += [(index[id(c)], i) for c in kids]
        local += local_derivatives(v, _op(v), data, [values[id(c)][0] for c in kids], id(v) not in unordered)
    return Graph(tuple(nodes), tuple(edges), tuple(local)), order


def trace_any(root: object, max_nodes: int = MAX_NODES) -> Graph:
    return trace_any_values(root, max_nodes)[0]


def _op(v: object) -> str:
    op = getattr(v, "_op", "")
    return op if isinstance(op, str) else "" if op is None else str(op)


def _label(v: object) -> str:
    label = getattr(v, "label", "")
    return label if isinstance(label, str) else "" if label is None else str(label)


def _role(v: object, has_inputs: bool, labelled: bool) -> str:
    """An op's result is intermediate. A leaf keeps the role this engine gives it (constants made from numbers,
    the network's parameters and inputs). Other engines mark no roles: where the code names some leaves (as the
    lecture names a, b, w1, ...), the unnamed ones are the numbers its ops wrapped, so constants; where it names
    none (karpathy's README), every leaf is an input. No leaf is guessed to be a parameter."""
    if has_inputs:
        return "intermediate"
    if hasattr(v, "role"):
        role = getattr(v, "role", "")
        return role if role in LEAF_ROLES else "input"
    return "constant" if labelled and not _label(v) else "input"


def local_derivatives(v: object, op: str, out: float, xs: Sequence[float], ordered: bool) -> list[float]:
    """d out / d input for each input of v (whose data is `out`); NaN where the op is unknown (shown as "—")."""
    given = getattr(v, "_local", None)
    if ordered and isinstance(given, (tuple, list)) and len(given) == len(xs) and \
            all(type(d) is float or isinstance(d, numbers.Real) for d in given):
        return [float(d) for d in given]  # this engine's own, computed in the forward pass
    n = len(xs)
    if n == 2 and op == "+":
        return [1.0, 1.0]
    if n == 2 and op == "*":
        return [xs[1], xs[0]]
    if n == 1 and not ordered and op in ("+", "*"):  # a set keeps one of a + a or a * a's two inputs
        return [2.0 if op == "+" else 2 * xs[0]]
    if n == 2 and ordered and op == "-":
        return [1.0, -1.0]
    if n == 2 and ordered and op == "/":
        return [1 / xs[1], -xs[0] / xs[1] ** 2] if xs[1] != 0 else [math.nan, math.nan]
    if n != 1:
        return [math.nan] * n
    if op.startswith("**"):
        return [_power_slope(xs[0], op[2:])]
    slope = UNARY.get(op)
    return [math.nan if slope is None else slope(xs[0], out)]


# d out / d x of the one-input ops, from the input x and the output
UNARY: dict[str, Callable[[float, float], float]] = {
    "tanh": lambda x, out: 1 - out**2, "exp": lambda x, out: out, "sigmoid": lambda x, out: out * (1 - out),
    "ReLU": lambda x, out: 1.0 if out > 0 else 0.0, "relu": lambda x, out: 1.0 if out > 0 else 0.0,
    "log": lambda x, out: 1 / x if x != 0 else math.nan, "sin": lambda x, out: math.cos(x),
    "neg": lambda x, out: -1.0}


def _power_slope(x: float, exponent: str) -> float:
    """k * x ** (k - 1) for an op named "**k" (the exponent read as a number, never evaluated)."""
    try:
        k = float(exponent)
    except ValueError:
        return math.nan
    if k == 0:
        return 0.0
    try:
        return k * math.pow(x, k - 1)
    except OverflowError:
        negative = (k < 0) != (x < 0 and float(k - 1).is_integer() and int(k - 1) % 2 == 1)
        return -math.inf if negative else math.inf
    except ValueError:  # 0 to a negative power, or a negative base to a fractional one
        return math.inf if x == 0 else math.nan
