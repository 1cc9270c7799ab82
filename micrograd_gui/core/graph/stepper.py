"""Backprop and the forward pass one node at a time, replayed from a traced graph's frozen numbers."""

from __future__ import annotations

from dataclasses import dataclass

from micrograd_gui.core.graph.trace import Graph


@dataclass(frozen=True)
class BackwardEvent:
    node: int  # the node whose local chain rule was applied
    grad: float  # its gradient, complete by now
    added: tuple[tuple[int, float, float], ...]  # (input id, amount added, its grad after), in call order


class BackwardStepper:
    """Exactly Value.backward(): grads from zero, the root's set to 1, nodes in reverse topological order."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._inputs = graph.inputs_of()
        self.reset()

    def reset(self) -> None:
        self.grad: list[float] = [0.0] * len(self.graph.nodes)
        self.pos = 0
        self.visited: list[int] = []

    @property
    def order(self) -> range:
        return range(len(self.graph.nodes) - 1, -1, -1)  # ids are topological: reversed is backward's order

    @property
    def done(self) -> bool:
        return self.pos >= len(self.graph.nodes)

    def step(self) -> BackwardEvent | None:
        if self.done:
            return None
        v = self.order[self.pos]
        self.pos += 1
        if v == self.graph.root:
            self.grad[v] = 1
        g = self.grad[v]
        added = []
        for u, k in self._inputs[v]:
            amount = self.graph.local[k] * g
            self.grad[u] += amount
            added.append((u, amount, self.grad[u]))
        self.visited.append(v)
        return BackwardEvent(v, g, tuple(added))

    def run(self) -> list[float]:
        while not self.done:
            self.step()
        return self.grad


@dataclass(frozen=True)
class ForwardEvent:
    node: int
    data: float
    inputs: tuple[tuple[int, float], ...]  # (input id, its data)


class ForwardStepper:
    """The forward pass revealed in topological order: each node's value appears after its inputs'."""

    def __init__(self, graph: Graph):
        self.graph = graph
        self._inputs = graph.inputs_of()
        self.reset()

    def reset(self) -> None:
        self.pos = 0
        self.known: set[int] = set()

    @property
    def done(self) -> bool:
        return self.pos >= len(self.graph.nodes)

    def step(self) -> ForwardEvent | None:
        if self.done:
            return None
        v = self.pos
        self.pos += 1
        self.known.add(v)
        nodes = self.graph.nodes
        return ForwardEvent(v, nodes[v].data, tuple((u, nodes[u].data) for u, _ in self._inputs[v]))
