"""Which neuron each node belongs to, and the graph with chosen neurons collapsed into one box each."""

from __future__ import annotations

import math
from dataclasses import dataclass

from micrograd_gui.core.graph.trace import Graph, Node
from micrograd_gui.core.names import parse_neuron


def neuron_groups(graph: Graph) -> list[str | None]:
    """Per node, the neuron ("h[l][j]" or "logit j") whose weights, sums and activation it is part of."""
    group: list[str | None] = [None] * len(graph.nodes)
    outputs = {n.id for n in graph.nodes if parse_neuron(n.label) is not None}
    inputs = graph.inputs_of()
    for o in sorted(outputs):
        key = graph.nodes[o].label
        group[o] = key
        stack = [o]
        while stack:
            v = stack.pop()
            for u, _ in inputs[v]:
                if group[u] is None and u not in outputs and graph.nodes[u].role != "input":
                    group[u] = key
                    stack.append(u)
    return group


def layer_of(key: str, graph: Graph) -> int:
    """Hidden layer index of a neuron key; the output layer comes after the last hidden one."""
    parsed = parse_neuron(key)
    if parsed is None:
        raise ValueError(f"not a neuron: {key}")
    if parsed[0] is not None:
        return parsed[0]
    hidden = [h[0] for n in graph.nodes if (h := parse_neuron(n.label)) and h[0] is not None]
    return max(hidden, default=-1) + 1


@dataclass(frozen=True)
class View:
    """A graph as shown: some neurons collapsed; `members[i]` are the original ids behind shown node i."""

    graph: Graph
    members: tuple[tuple[int, ...], ...]
    original: tuple[int, ...]  # shown node i stands for original node original[i] (a neuron: its output)


def collapse(graph: Graph, collapsed: set[str], groups: list[str | None] | None = None) -> View:
    """Replace each collapsed neuron by its output node (shown with role "neuron"); ids stay topological."""
    groups = neuron_groups(graph) if groups is None else groups
    rep = list(range(len(graph.nodes)))
    members: dict[int, list[int]] = {}
    outputs = {n.label: n.id for n in graph.nodes if parse_neuron(n.label) is not None}
    for i, g in enumerate(groups):
        if g is not None and g in collapsed and g in outputs:
            rep[i] = outputs[g]  # the output is computed last, so every member's id is smaller
        members.setdefault(rep[i], []).append(i)
    shown = sorted(members)
    new_id = {old: k for k, old in enumerate(shown)}
    nodes = []
    for k, old in enumerate(shown):
        n = graph.nodes[old]
        if len(members[old]) > 1:
            n = Node(k, "neuron", n.data, n.grad, n.label, "neuron")
        else:
            n = Node(k, n.op, n.data, n.grad, n.label, n.role)
        nodes.append(n)
    edges: list[tuple[int, int]] = []
    local: list[float] = []
    seen: set[tuple[int, int]] = set()
    for (a, b), d in zip(graph.edges, graph.local or [math.nan] * len(graph.edges)):
        ra, rb = rep[a], rep[b]
        if ra == rb:
            continue
        e = (new_id[ra], new_id[rb])
        merged = len(members[ra]) > 1 or len(members[rb]) > 1
        if merged and e in seen:
            continue
        seen.add(e)
        edges.append(e)
        local.append(math.nan if merged else d)
    return View(Graph(tuple(nodes), tuple(edges), tuple(local)), tuple(tuple(members[o]) for o in shown),
                tuple(shown))
