"""A graph shape compiled once into groups of lane ops, and the cache of compiled plans."""

from __future__ import annotations

import threading

import numpy as np

from .groups import Dot, Group, Mul, NegMax, Select, Sum, Unary
from .kernels import Operand, Work, as_index, sum_rows
from .passes import fold, mark_grads, topo_order
from .trace import Node, PlanKey, consumer_orders, trace


class Plan:
    """A graph shape compiled once: groups of lane ops in level order, and where every gradient goes."""

    def __init__(self, key: PlanKey):
        self.key = key
        t = trace(key)
        nodes = t.nodes
        fold(nodes, topo_order(nodes))
        order = [i for i in topo_order(nodes) if not nodes[i].dead]
        for i in order:  # a level: one more than the deepest per-lane input
            n = nodes[i]
            n.level = 0 if not n.ins else 1 + max((nodes[j].level for lane, j in n.ins if lane), default=0)
        mark_grads(nodes, order, t.root, t.nparams)

        leaves = sorted((i for i in order if nodes[i].op in ("input", "target")),
                        key=lambda i: (nodes[i].op, str(nodes[i].arg)))
        buckets: dict[tuple, list[int]] = {}
        for i in sorted((i for i in order if nodes[i].level > 0), key=lambda i: nodes[i].level):
            buckets.setdefault(self._signature(nodes[i]), []).append(i)
        rows = [-1] * len(nodes)
        for r, i in enumerate([*leaves, *(i for ids in buckets.values() for i in ids)]):
            rows[i] = r
        self.rows = len(leaves) + sum(len(ids) for ids in buckets.values())
        self.nparams, self.consts = t.nparams, np.asarray(t.consts, dtype=np.float64)
        self.inputs = [(rows[i], int(nodes[i].arg)) for i in leaves if nodes[i].op == "input"]  # type: ignore[call-overload]
        self.targets: list[tuple[int, str, int]] = [
            (rows[i], *nodes[i].arg) for i in leaves if nodes[i].op == "target"]  # type: ignore[misc]
        self.layers = [as_index([rows[i] for i in ids]) for ids in t.layers]
        self.root = rows[t.root] if t.root >= 0 else -1
        self.classes = max(len(t.layers[-1]), 2)

        self._orders = consumer_orders(key, self.classes)
        self._owner = t.owner
        self.groups = [self._group(nodes, ids, rows) for ids in buckets.values()]
        self.backward_groups = [g for g, ids in zip(self.groups, buckets.values()) if nodes[ids[0]].grad][::-1]
        touched = {self.root}
        for g in self.backward_groups:
            g.plan_backward([n.grad for n in nodes], touched, self.nparams)

    @staticmethod
    def _signature(n: Node) -> tuple:
        """Nodes that can run as one group: same level, op, kinds of input and (dots) the same xs."""
        kinds = tuple(lane for lane, _ in n.ins)
        if n.op == "dot":
            k = int(n.arg)  # type: ignore[call-overload]
            return (n.level, "dot", k, kinds[0], tuple(j for _, j in n.ins[1 + k:]), n.grad)
        return (n.level, n.op, n.arg, kinds, n.grad)

    def _dot_orders(self, weights: np.ndarray) -> list[list[int]] | None:
        """This dot group's rows in the order backward() adds them, per class (see trace.consumer_orders)."""
        owners = [self._owner[int(p)] for p in weights[:, 0]]
        layer = owners[0][0]
        per_class = self._orders.get(layer)
        if per_class is None:
            return None
        row_of = {neuron: r for r, (_, neuron) in enumerate(owners)}
        if any(lay != layer for lay, _ in owners) or sorted(row_of) != sorted(per_class[0]):
            raise RuntimeError(f"fast engine: layer {layer}'s neurons are not one group")
        return [[row_of[k] for k in seq] for seq in per_class]

    def _group(self, nodes: list[Node], ids: list[int], rows: list[int]) -> Group:
        n0 = nodes[ids[0]]
        out = as_index([rows[i] for i in ids])
        assert isinstance(out, slice) and out.step == 1

        def operands(positions: range | list[int]) -> list[Operand]:
            return [Operand([nodes[i].ins[p] for i in ids], rows) for p in positions]

        if n0.op == "dot":
            k = int(n0.arg)  # type: ignore[call-overload]
            weights = np.array([[j for _, j in nodes[i].ins[1:1 + k]] for i in ids], dtype=np.intp)
            orders = self._dot_orders(weights) if weights[0, 0] < self.nparams else None
            return Dot(out, operands([0])[0], weights, Operand(n0.ins[1 + k:], rows), orders)
        if n0.op == "sum":
            return Sum(out, operands(range(len(n0.ins))))
        if n0.op == "*":
            a, b = operands([0, 1])
            return Mul(out, a, b)
        if n0.op == "select":
            return Select(out, operands(range(len(n0.ins))), rows)
        if n0.op == "negmax":
            return NegMax(out, operands(range(len(n0.ins))), rows)
        return Unary(out, n0.op, operands([0])[0], float(n0.arg) if n0.op == "**" else 0.0)  # type: ignore[arg-type]

    def forward(self, w: Work, theta: np.ndarray, X: np.ndarray, y: np.ndarray | None = None,
                exact: bool = True) -> None:
        w.S[:self.nparams] = theta
        w.exact = exact
        for row, i in self.inputs:
            w.V[row] = X[:, i]
        if y is not None:
            np.copyto(w.y, y)
            np.equal(w.y, np.arange(self.classes)[:, None], out=w.masks)
            for row, name, k in self.targets:  # as losses.target_const
                w.V[row] = np.where(w.masks[1], -1.0, 1.0) if name == "neg_sign" else w.masks[k]
        for g in self.groups:
            g.forward(w)

    def backward(self, w: Work, seed: float, start: np.ndarray | None = None) -> np.ndarray:
        """d(mean loss)/d(theta): seed is each lane's share of the mean, 1/n; start, what the gradient holds
        before the points add theirs (micrograd's backward reaches an L2 penalty first)."""
        w.gtheta[:] = 0.0 if start is None else start
        w.G[self.root] = seed
        for g in self.backward_groups:
            g.backward(w)
        return w.gtheta

    def total_loss(self, w: Work) -> float:
        """(0 + l_1 + ... + l_n) * (1.0 / n), added in the points' order."""
        return float(sum_rows(w.V[self.root][:, None])[0]) * (1.0 / w.n)


_PLANS: dict[PlanKey, Plan] = {}
_PLANS_LOCK = threading.Lock()


def plan_for(key: PlanKey) -> Plan:
    """The compiled plan of this graph shape: built once, then shared by every backend."""
    with _PLANS_LOCK:
        plan = _PLANS.get(key)
        if plan is None:
            plan = _PLANS[key] = Plan(key)
        return plan
