"""trace(root): the computation graph as plain, frozen nodes and edges; JSON and DOT export."""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass

from micrograd_gui.core.engine import Value

# Each node role's fill, the same in the graph view and in the SVG and DOT exports ("neuron": a collapsed neuron)
ROLE_FILL = {"input": "#cfe3ff", "parameter": "#d7f5d0", "constant": "#ececec", "intermediate": "#ffffff",
             "neuron": "#fff1c9"}


@dataclass(frozen=True)
class Node:
    id: int  # position in the topological order: stable for the same graph shape
    op: str
    data: float
    grad: float
    label: str
    role: str


@dataclass(frozen=True)
class Graph:
    nodes: tuple[Node, ...]
    edges: tuple[tuple[int, int], ...]  # (input id, consumer id), consumers in id order, inputs in call order
    local: tuple[float, ...] = ()  # per edge: d consumer / d input, as the engine computed it

    @property
    def root(self) -> int:
        return len(self.nodes) - 1

    def inputs_of(self) -> list[list[tuple[int, int]]]:
        """Per node, its (input id, edge index) pairs in call order."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.nodes]
        for k, (a, b) in enumerate(self.edges):
            out[b].append((a, k))
        return out

    def consumers_of(self) -> list[list[tuple[int, int]]]:
        """Per node, its (consumer id, edge index) pairs."""
        out: list[list[tuple[int, int]]] = [[] for _ in self.nodes]
        for k, (a, b) in enumerate(self.edges):
            out[a].append((b, k))
        return out

    def shape(self) -> tuple[tuple[str, ...], tuple[tuple[int, int], ...]]:
        """What the layout depends on: ops and edges (values and gradients change every step)."""
        return tuple(n.op for n in self.nodes), self.edges

    def to_json(self) -> str:
        return json.dumps({"nodes": [_json_node(n) for n in self.nodes], "edges": [list(e) for e in self.edges]},
                          indent=1)

    def to_dot(self) -> str:
        lines = ["digraph G {", "  rankdir=LR;", '  node [shape=record, fontname="DejaVu Sans"];']
        for n in self.nodes:
            name = f"{n.label} | " if n.label else ""
            op = f"{_dot_escape(n.op)} | " if n.op else ""
            lines.append(f'  n{n.id} [label="{{ {_dot_escape(name)}{op}data {n.data:.4g} | grad {n.grad:.4g} }}", '
                         f'style=filled, fillcolor="{ROLE_FILL[n.role]}"];')
        lines += [f"  n{a} -> n{b};" for a, b in self.edges]
        lines.append("}")
        return "\n".join(lines) + "\n"


def _dot_escape(s: str) -> str:
    for ch in '\\{}|<>"':
        s = s.replace(ch, "\\" + ch)
    return s


def _json_number(x: float) -> float | str:
    # JSON has no NaN or infinity: spell them out rather than write invalid JSON
    return x if math.isfinite(x) else str(x)


def _json_node(n: Node) -> dict[str, object]:
    d = asdict(n)
    d["data"], d["grad"] = _json_number(n.data), _json_number(n.grad)
    return d


def role_of(v: Value) -> str:
    if v._children:
        return "intermediate"
    return v.role or "input"  # a leaf the user made without a role is an input, like micrograd's a, b


def _local_of(v: Value) -> tuple[float, ...]:
    """d v / d input per input; unknown (NaN) for a lesson's custom op, whose own `_backward` holds them."""
    n = len(v._children)
    return v._local if len(v._local) == n else (math.nan,) * n


def trace_values(root: Value) -> tuple[Graph, list[Value]]:
    """The graph of root and, in the same order as its nodes, the live Values behind them."""
    order = root.topo()
    index = {id(v): i for i, v in enumerate(order)}
    nodes = tuple(Node(i, v._op, float(v.data), float(v.grad), v.label, role_of(v)) for i, v in enumerate(order))
    # _children, the same slot as _prev: the inputs in call order, also on micrograd_gui.micrograd's Values
    edges = tuple((index[id(c)], i) for i, v in enumerate(order) for c in v._children)
    local = tuple(float(d) for v in order for d in _local_of(v))
    return Graph(nodes, edges, local), order


def trace(root: Value) -> Graph:
    return trace_values(root)[0]
