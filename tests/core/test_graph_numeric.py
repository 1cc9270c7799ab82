"""Numerical gradients on a frozen graph: every node's d root / d node by nudging it agrees with backprop; graphs
that cannot be recomputed faithfully (custom ops, micrograd's set-merged a + a) give None, never a wrong number."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from micrograd_gui.core.engine import Value
from micrograd_gui.core.graph.duck import trace_any
from micrograd_gui.core.graph.numeric import forward, numerical_grad
from micrograd_gui.core.graph.trace import trace


def check_every_node(root: Value) -> int:
    root.backward()
    g = trace(root)
    for n in g.nodes:
        num = numerical_grad(g, n.id)
        assert num is not None, n
        assert num == pytest.approx(n.grad, rel=1e-5, abs=1e-6), n
    return len(g.nodes)


def test_karpathys_neuron_node_by_node():
    x1, x2, w1, w2, b = Value(2.0), Value(0.0), Value(-3.0), Value(1.0), Value(6.8813735870195432)
    assert check_every_node((x1 * w1 + x2 * w2 + b).tanh()) == 10


def test_every_op_of_the_engine():
    a, b = Value(0.7, label="a"), Value(-1.3, label="b")
    out = ((a * b + b**2 - a / b).exp().log() + (a - b).relu() + b.sigmoid() + a.sin() + (a**0.5) * 3) ** 2
    check_every_node(out)


@settings(max_examples=40, deadline=None)
@given(st.integers(0, 10_000))
def test_random_expressions(seed):
    rng = random.Random(seed)
    leaves = [Value(rng.uniform(-2, 2), label=f"x{i}") for i in range(3)]
    pool = list(leaves)
    for _ in range(rng.randint(1, 12)):
        a, b = rng.choice(pool), rng.choice(pool)
        kind = rng.randrange(6)
        v = [a + b, a * b, a.tanh(), (a * 0.5).exp(), a.sigmoid(), a**2][kind]
        pool.append(v)
    check_every_node(sum(pool[3:], Value(0.0)) if len(pool) > 3 else pool[0] * 1.0)


def test_a_reused_node_sums_its_paths():
    a = Value(3.0, label="a")
    root = a + a  # this engine keeps both inputs: the nudge moves both
    root.backward()
    g = trace(root)
    assert numerical_grad(g, 0) == pytest.approx(2.0)


def test_micrograds_set_merged_a_plus_a_is_not_guessed():
    engine = pytest.importorskip("micrograd.engine")
    a = engine.Value(3.0)
    b = a + a  # micrograd's _prev is {a}: the graph cannot say the input counts twice
    b.backward()
    g = trace_any(b)
    assert numerical_grad(g, 0) is None and numerical_grad(g, g.root) == pytest.approx(1.0)
    x, y = engine.Value(2.0), engine.Value(-3.0)
    c = x * y + y**2
    c.backward()
    g = trace_any(c)
    assert all(numerical_grad(g, n.id) == pytest.approx(n.grad, abs=1e-6) for n in g.nodes)


class Custom:
    """The lecture's way of writing a new op: only data, grad, _prev and _op are there."""

    def __init__(self, data, prev=(), op=""):
        self.data, self.grad, self._prev, self._op = data, 0.0, set(prev), op


def test_a_custom_op_gives_none_upstream_of_it():
    x = Custom(0.5)
    y = Custom(math.cosh(0.5), (x,), "cosh")
    z = Custom(y.data * 2, (y, Custom(2.0)), "*")
    g = trace_any(z)
    cosh = next(n.id for n in g.nodes if n.op == "cosh")
    x_id = next(n.id for n in g.nodes if n.data == 0.5)
    two = next(n.id for n in g.nodes if n.data == 2.0 and n.op == "")
    assert numerical_grad(g, cosh) == pytest.approx(2.0)  # downstream of cosh is only *: recomputable
    assert numerical_grad(g, two) == pytest.approx(math.cosh(0.5))
    assert numerical_grad(g, x_id) is None  # its consumer is the unknown cosh


def test_forward_rules_and_refusals():
    assert forward("+", [1.0, 2.0]) == 3.0 and forward("*", [2.0, 4.0]) == 8.0 and forward("**-1", [4.0]) == 0.25
    assert forward("**0.5", [4.0]) == 2.0 and forward("ReLU", [-1.0]) == 0.0 and forward("relu", [2.0]) == 2.0
    assert forward("cosh", [1.0]) is None and forward("**k", [1.0]) is None and forward("tanh", [1.0, 2.0]) is None
    with pytest.raises(IndexError):
        numerical_grad(trace(Value(1.0) * 2), 9)


def test_a_nudge_outside_the_domain_gives_none():
    a = Value(1e-9)
    root = a.log()
    root.backward()
    assert numerical_grad(trace(root), 0) is None  # log(1e-9 - 1e-6) is undefined
