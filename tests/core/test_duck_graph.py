"""trace_any: the graph of any micrograd-like Value (the lecture's own class, karpathy's, this engine's), numbered
the same on every run, with local derivatives equal to PyTorch's; cycles, NaN and huge graphs refused."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import torch

from micrograd_gui.core.engine import Value
from micrograd_gui.core.graph.duck import MAX_NODES, trace_any, trace_any_values
from micrograd_gui.core.graph.stepper import BackwardStepper
from micrograd_gui.core.graph.trace import trace

_counter = itertools.count()


class LectureValue:
    """The lecture's Value, as a class writes it: a set of children and closures for _backward. Each also keeps
    the same expression in PyTorch (`t`), and a hash the test can turn around to change the sets' order."""

    flip = False

    def __init__(self, data, _children=(), _op="", label="", t=None):
        self.data = data
        self.grad = 0.0
        self._backward = lambda: None
        self._prev = set(_children)
        self._op = _op
        self.label = label
        self.t = torch.tensor(float(data), dtype=torch.float64, requires_grad=True) if t is None else t
        self._hash = next(_counter) * (-1 if LectureValue.flip else 1)

    def __hash__(self):
        return self._hash

    def __add__(self, other):
        other = other if isinstance(other, LectureValue) else LectureValue(other)
        out = LectureValue(self.data + other.data, (self, other), "+", t=self.t + other.t)

        def _backward():
            self.grad += out.grad
            other.grad += out.grad
        out._backward = _backward
        return out

    def __mul__(self, other):
        other = other if isinstance(other, LectureValue) else LectureValue(other)
        out = LectureValue(self.data * other.data, (self, other), "*", t=self.t * other.t)

        def _backward():
            self.grad += other.data * out.grad
            other.grad += self.data * out.grad
        out._backward = _backward
        return out

    def __pow__(self, k):
        out = LectureValue(self.data**k, (self,), f"**{k}", t=self.t**k)

        def _backward():
            self.grad += k * self.data ** (k - 1) * out.grad
        out._backward = _backward
        return out

    def _unary(self, data, op, t, slope):
        out = LectureValue(data, (self,), op, t=t)

        def _backward():
            self.grad += slope * out.grad
        out._backward = _backward
        return out

    def tanh(self):
        t = math.tanh(self.data)
        return self._unary(t, "tanh", torch.tanh(self.t), 1 - t**2)

    def exp(self):
        e = math.exp(self.data)
        return self._unary(e, "exp", torch.exp(self.t), e)

    def log(self):
        return self._unary(math.log(self.data), "log", torch.log(self.t), 1 / self.data)

    def relu(self):
        out = max(0.0, self.data)
        return self._unary(out, "ReLU", torch.relu(self.t), float(out > 0))

    def sigmoid(self):
        s = 1 / (1 + math.exp(-self.data))
        return self._unary(s, "sigmoid", torch.sigmoid(self.t), s * (1 - s))

    def __neg__(self):
        return self * -1

    def __sub__(self, other):
        return self + (-other)

    def __truediv__(self, other):
        return self * other**-1

    def backward(self):
        topo, seen = [], set()

        def build(v):
            if v not in seen:
                seen.add(v)
                for c in v._prev:
                    build(c)
                topo.append(v)
        build(self)
        self.grad = 1.0
        for v in reversed(topo):
            v._backward()


def lecture_expression():
    """Every op the tracer knows, a node used twice (a * a keeps one child in a set), constants from numbers."""
    a, b = LectureValue(0.7, label="a"), LectureValue(-1.3, label="b")
    c = a * b + b**2
    c.label = "c"
    d = (c.tanh() + a * a).exp() - 1.5
    e = (d / (a + a)).sigmoid() * c.relu() + (b * 0.5).relu() + (d**2 + 0.1).log()
    e.label = "e"
    e.backward()
    return e


def test_a_lecture_value_is_traced_with_its_roles_and_local_derivatives_equal_to_pytorch():
    root = lecture_expression()
    graph, objects = trace_any_values(root)
    assert objects[-1] is root and graph.root == len(graph.nodes) - 1
    assert len(graph.local) == len(graph.edges) > 20
    for (a, b), d in zip(graph.edges, graph.local):
        assert a < b  # inputs before their consumers
        expected = torch.autograd.grad(objects[b].t, objects[a].t, retain_graph=True, allow_unused=True)[0]
        assert expected is not None and d == pytest.approx(float(expected), rel=1e-12, abs=1e-15), \
            (graph.nodes[b].op, d, float(expected))
    roles = {n.label or n.op or f"#{n.id}": n.role for n in graph.nodes}
    assert roles["a"] == roles["b"] == "input" and roles["c"] == roles["e"] == "intermediate"
    leaves = [n for n in graph.nodes if not graph.inputs_of()[n.id]]
    assert {n.role for n in leaves if not n.label} == {"constant"}  # -1, 1.5, 0.5, 0.1: numbers the ops wrapped
    # the grads the lecture's closures computed are the ones replaying backprop over the local derivatives gives
    assert BackwardStepper(graph).run() == pytest.approx([n.grad for n in graph.nodes], rel=1e-12, abs=1e-15)


def test_ids_are_the_same_whatever_order_the_sets_iterate_in():
    LectureValue.flip = False
    first, first_objects = trace_any_values(lecture_expression())
    LectureValue.flip = True  # the hashes turn around, so the sets list their members in another order
    try:
        second, second_objects = trace_any_values(lecture_expression())
    finally:
        LectureValue.flip = False
    assert first == second
    orders = [[o.label or o.data for o in objs[-1]._prev] for objs in (first_objects, second_objects)]
    assert orders[0] != orders[1]  # the test did change the sets' order
    a, b = (next(n.id for n in first.nodes if n.label == name) for name in "ab")
    assert a < b  # named leaves in name order


def test_ids_are_the_same_in_another_process():
    code = (f"import sys; sys.path.insert(0, {str(Path(__file__).parent)!r})\n"
            "from test_duck_graph import lecture_expression\n"
            "from micrograd_gui.core.graph.duck import trace_any; print(trace_any(lecture_expression()).to_json())")
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2")]
    assert runs[0] == runs[1] and '"label": "e"' in runs[0]


def test_this_engines_value_gives_exactly_its_own_trace():
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    c = ((a * b + b**2).tanh() + a + a).relu() * 2 - 1 / (a.sigmoid() + b.exp()).log()
    c.backward()
    assert trace_any(c) == trace(c)


def test_a_deep_chain_is_walked_without_recursion():
    x = v = Value(0.5, label="x")
    for _ in range(30_000):
        v = v.tanh()
    v.backward()
    graph = trace_any(v)
    assert len(graph.nodes) == 30_001 and graph.nodes[0].label == "x" and graph.nodes[0].grad == x.grad


def test_unknown_ops_have_no_local_derivative():
    class Custom:
        def __init__(self, data, prev=(), op="", label=""):
            self.data, self.grad, self._prev, self._op, self.label = data, 0.0, prev, op, label

    x = Custom(2.0, label="x")
    y = Custom(8.0, (x,), "cube")
    graph = trace_any(y)
    assert math.isnan(graph.local[0]) and graph.nodes[1].op == "cube"
    assert [n.role for n in graph.nodes] == ["input", "intermediate"]


def test_a_cycle_is_refused():
    a, b = LectureValue(1.0, label="a"), LectureValue(2.0, label="b")
    c = a + b
    a._prev = {c}
    with pytest.raises(ValueError, match="cycle"):
        trace_any(c)


@pytest.mark.parametrize("bad, message", [(math.nan, "data is nan"), (math.inf, "data is inf"),
                                          ("2.0", "data must be a number"), (None, "data must be a number")])
def test_non_finite_or_non_numeric_data_is_refused(bad, message):
    a = LectureValue(1.0, label="a")
    b = a * 2.0
    a.data = bad
    with pytest.raises(ValueError, match=message) as e:
        trace_any(b)
    assert "'a'" in str(e.value)


def test_what_is_not_a_value_is_refused():
    with pytest.raises(ValueError, match="float has no 'data'"):
        trace_any(3.0)
    class NoGrad:
        data, _prev, _op = 1.0, (), ""

    with pytest.raises(ValueError, match="NoGrad has no 'grad'"):
        trace_any(NoGrad())
    a = LectureValue(1.0)
    a._prev = 5
    with pytest.raises(ValueError, match="_prev must be a set, tuple or list"):
        trace_any(a)


def test_a_huge_graph_is_refused():
    x = Value(0.5, label="x")
    for _ in range(MAX_NODES // 2):
        x = x * 1.0  # two nodes a step: the constant and the product
    with pytest.raises(ValueError, match="more than 200,000 nodes"):
        trace_any(x)
    y = Value(0.5) * 2.0 * 3.0 * 4.0  # 7 nodes: the bound is exact
    assert len(trace_any(y, max_nodes=7).nodes) == 7
    with pytest.raises(ValueError, match="more than 6 nodes"):
        trace_any(y, max_nodes=6)
