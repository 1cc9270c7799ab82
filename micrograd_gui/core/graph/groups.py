"""Which neuron each node belongs to, and the graph with chosen neurons collapsed into one box each."""

from __future__ import annotations

import math
from dataclasses import dataclass

from micrograd_gui.core.graph.trace import Graph, Node
from micrograd_gui.core.names import is_feature_node, parse_neuron


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
                # the inputs and the features built from them (x0², sin x0, ...) feed every first-layer neuron
                if (group[u] is None and u not in outputs and graph.nodes[u].role != "input"
                        and not is_feature_node(graph.nodes[u].label)):
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
    # a merged edge's local derivative is d(output of the box it enters) / d(value leaving the box it comes
    # from): the chain rule over the paths inside the entered box, so the inspector's products stay real numbers
    inside = _inside_derivatives(graph, rep)
    edges: list[tuple[int, int]] = []
    local: list[float] = []
    index: dict[tuple[int, int], int] = {}
    for (a, b), d in zip(graph.edges, graph.local or [math.nan] * len(graph.edges)):
        ra, rb = rep[a], rep[b]
        if ra == rb:
            continue
        e = (new_id[ra], new_id[rb])
        merged = len(members[ra]) > 1 or len(members[rb]) > 1
        if not merged:  # an edge as traced (a + a keeps both of its edges)
            edges.append(e)
            local.append(d)
            continue
        part = d * inside[b] if a == ra else math.nan  # only a box's output leaves it, in an MLP
        if e in index:
            local[index[e]] += part
            continue
        index[e] = len(edges)
        edges.append(e)
        local.append(part)
    return View(Graph(tuple(nodes), tuple(edges), tuple(local)), tuple(tuple(members[o]) for o in shown),
                tuple(shown))


def _inside_derivatives(graph: Graph, rep: list[int]) -> list[float]:
    """Per node, d(output of its box) / d(node) along the paths inside its box (1 for a node shown as itself)."""
    inside = [1.0 if rep[i] == i else 0.0 for i in range(len(graph.nodes))]
    if not graph.local:
        return [math.nan if rep[i] != i else 1.0 for i in range(len(graph.nodes))]
    inputs = graph.inputs_of()
    for v in range(len(graph.nodes) - 1, -1, -1):  # ids are topological: consumers before their inputs
        if rep[v] == v and not any(rep[u] == v for u, _ in inputs[v]):
            continue  # not a box's output nor inside one
        for u, k in inputs[v]:
            if rep[u] == rep[v] and u != rep[v]:
                inside[u] += inside[v] * graph.local[k]
    return inside
