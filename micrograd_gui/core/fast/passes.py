"""Rewriting passes over the lane nodes: the same floats with fewer, bigger ops."""

from __future__ import annotations

from .trace import Node, Ref


def topo_order(nodes: list[Node]) -> list[int]:
    """Lane node ids, inputs first (an iterative DFS: no recursion limit)."""
    order: list[int] = []
    done = [False] * len(nodes)
    for start in range(len(nodes)):
        stack = [start]
        while stack:
            i = stack[-1]
            if done[i]:
                stack.pop()
                continue
            todo = [j for lane, j in nodes[i].ins if lane and not done[j]]
            if todo:
                stack.extend(todo)
            else:
                done[i] = True
                order.append(i)
                stack.pop()
    return order


def fold(nodes: list[Node], order: list[int]) -> None:
    """Chains of + become one sum (added in the same order); sums of weight * x become dot products."""
    for n in nodes:
        for lane, j in n.ins:
            if lane:
                nodes[j].uses += 1
    for i in order:  # ((t0 + t1) + t2) + ...: only the left operand continues a chain
        n = nodes[i]
        lane, j = n.ins[0] if n.ins else (False, 0)
        if n.op == "sum" and lane and nodes[j].op == "sum" and nodes[j].uses == 1 and not nodes[j].pinned:
            n.ins = nodes[j].ins + n.ins[1:]
            nodes[j].dead = True
    for n in nodes:
        terms = [nodes[j] for lane, j in n.ins[1:] if lane]
        if n.op != "sum" or n.dead or len(terms) != len(n.ins) - 1 or not terms or not all(
                t.op == "*" and t.uses == 1 and not t.pinned and t.ins[0][0] != t.ins[1][0] for t in terms):
            continue
        weights = [t.ins[1] if t.ins[0][0] else t.ins[0] for t in terms]
        xs = [t.ins[0] if t.ins[0][0] else t.ins[1] for t in terms]
        n.op, n.ins, n.arg = "dot", [n.ins[0], *weights, *xs], len(terms)
        for t in terms:
            t.dead = True


def differentiable(n: Node) -> list[Ref]:
    """The inputs gradients flow back to (none for leaves and for the max-shift)."""
    return [] if n.op in ("input", "target", "negmax") else n.ins


def mark_grads(nodes: list[Node], order: list[int], root: int, nparams: int) -> None:
    """A node needs a gradient if it depends on a parameter and the loss depends on it."""
    depends = [False] * len(nodes)
    for i in order:
        depends[i] = any(depends[j] if lane else j < nparams for lane, j in differentiable(nodes[i]))
    reached = [False] * len(nodes)
    if root >= 0:
        reached[root] = True
    for i in reversed(order):
        nodes[i].grad = depends[i] and reached[i]
        if reached[i]:
            for lane, j in differentiable(nodes[i]):
                if lane:
                    reached[j] = True
