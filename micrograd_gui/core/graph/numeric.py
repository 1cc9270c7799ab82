"""Numerical gradients on a frozen Graph: d root / d node by central differences, for any node, not only leaves.

The node's value is nudged by ±h and everything after it recomputed from the ops' forward rules (+ * **k tanh exp
log relu sigmoid sin), so the check needs no live Values: it works on this engine's graphs and on any micrograd-like
graph show() traced. Where the graph cannot be recomputed faithfully (a custom op, or a set `_prev` that merged
`a + a` into one input) the answer is None rather than a wrong number."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from micrograd_gui.core.graph.trace import Graph

H = 1e-6
_UNARY: dict[str, Callable[[float], float]] = {
    "tanh": math.tanh, "exp": math.exp, "log": math.log, "sin": math.sin,
    "relu": lambda x: max(0.0, x), "ReLU": lambda x: max(0.0, x),
    "sigmoid": lambda x: 1 / (1 + math.exp(-x)) if x >= 0 else math.exp(x) / (1 + math.exp(x)),
}


def forward(op: str, xs: Sequence[float]) -> float | None:
    """An op's output from its inputs, or None for an op (or an arity) this module does not know."""
    if op == "+" and xs:
        return math.fsum(xs) if len(xs) > 2 else sum(xs)
    if op == "*" and xs:
        return math.prod(xs)
    if op.startswith("**") and len(xs) == 1:
        try:
            k = float(op[2:])
        except ValueError:
            return None
        return float(xs[0] ** int(k)) if k.is_integer() else float(xs[0] ** k)
    fn = _UNARY.get(op)
    return fn(xs[0]) if fn is not None and len(xs) == 1 else None


def numerical_grad(graph: Graph, node: int, h: float = H) -> float | None:
    """(f(x+h) − f(x−h)) / 2h with f the root's value and x the node's; None where that cannot be recomputed."""
    if not 0 <= node < len(graph.nodes):
        raise IndexError(f"the graph has no node {node}")
    inputs = [[a for a, _ in pairs] for pairs in graph.inputs_of()]
    data = [n.data for n in graph.nodes]
    after = _downstream(graph, node)
    for j in after:  # the graph as given must come out of its ops again, or nudging it would mislead
        out = _recompute(graph, inputs, data, j)
        if out is None or not math.isclose(out, data[j], rel_tol=1e-9, abs_tol=1e-12):
            return None
    try:
        up = _root_with(graph, inputs, data, node, data[node] + h, after)
        down = _root_with(graph, inputs, data, node, data[node] - h, after)
    except (ArithmeticError, ValueError):  # log of a nudge below 0, an overflow: no number to compare with
        return None
    if up is None or down is None:
        return None
    g = (up - down) / (2 * h)
    return g if math.isfinite(g) else None


def _downstream(graph: Graph, node: int) -> list[int]:
    """The nodes whose value depends on `node`, in id order (ids are a topological order)."""
    hit = [False] * len(graph.nodes)
    hit[node] = True
    out = []
    for a, b in sorted(graph.edges, key=lambda e: e[1]):
        if hit[a] and not hit[b]:
            hit[b] = True
    for j in range(node + 1, len(graph.nodes)):
        if hit[j]:
            out.append(j)
    return out


def _recompute(graph: Graph, inputs: list[list[int]], data: Sequence[float], j: int) -> float | None:
    try:
        return forward(graph.nodes[j].op, [data[a] for a in inputs[j]])
    except (ArithmeticError, ValueError):
        return None


def _root_with(graph: Graph, inputs: list[list[int]], data: list[float], node: int, x: float,
               after: list[int]) -> float | None:
    """The root's value with `node` set to x and what depends on it recomputed."""
    nudged = list(data)
    nudged[node] = x
    for j in after:
        out = forward(graph.nodes[j].op, [nudged[a] for a in inputs[j]])
        if out is None:
            return None
        nudged[j] = out
    return nudged[graph.root]
