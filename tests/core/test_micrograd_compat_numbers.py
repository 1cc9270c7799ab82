"""The drop-in Value's numbers: karpathy's test_engine.py checks against PyTorch float64, the micrograd
package to the last digit, the app's own engine bit for bit, and finite differences."""

from __future__ import annotations

import math
import random

import micrograd.engine as mg
import pytest
import torch

from micrograd_gui.core.engine import Value as CoreValue
from micrograd_gui.micrograd.engine import Value

F64 = torch.float64


class CallOrderSet(dict):
    """A set that iterates in insertion order: micrograd's topological sort then walks inputs in call order."""

    def __init__(self, items=()):
        super().__init__((x, None) for x in items)

    def add(self, x):
        self[x] = None


@pytest.fixture
def micrograd_in_call_order(monkeypatch):
    # micrograd keeps inputs in a set, so which of three or more contributions to a gradient it adds first
    # follows memory addresses; walked in call order, as here, every last digit is comparable
    monkeypatch.setattr(mg, "set", CallOrderSet, raising=False)


# ---- karpathy/micrograd's test/test_engine.py, on the drop-in Value --------------------------------

def sanity_check(x):
    z = 2 * x + 2 + x
    q = z.relu() + z * x
    h = (z * z).relu()
    return h + q + q * x


def more_ops(a, b):
    c = a + b
    d = a * b + b**3
    c = c + c + 1  # micrograd's test writes c += ...; a tensor cannot, so both spell it out
    c = c + 1 + c + (-a)
    d = d + d * 2 + (b + a).relu()
    d = d + 3 * d + (b - a).relu()
    e = c - d
    f = e**2
    g = f / 2.0
    return g + 10.0 / f


def leaves(cls, *xs):
    if cls is torch:
        return [torch.tensor([x], dtype=F64, requires_grad=True) for x in xs]
    return [cls(x) for x in xs]


def test_sanity_check_equals_pytorch_exactly():
    (x,) = leaves(Value, -4.0)
    y = sanity_check(x)
    y.backward()
    (xt,) = leaves(torch, -4.0)
    yt = sanity_check(xt)
    yt.backward()
    assert y.data == yt.item() and x.grad == xt.grad.item()  # as karpathy's test asserts: no tolerance


def test_more_ops_equal_pytorch_and_the_micrograd_package():
    a, b = leaves(Value, -4.0, 2.0)
    g = more_ops(a, b)
    g.backward()
    at, bt = leaves(torch, -4.0, 2.0)
    gt = more_ops(at, bt)
    gt.backward()
    for got, want in ((g.data, gt.item()), (a.grad, at.grad.item()), (b.grad, bt.grad.item())):
        assert math.isclose(got, want, rel_tol=1e-12), (got, want)
    am, bm = leaves(mg.Value, -4.0, 2.0)
    gm = more_ops(am, bm)
    gm.backward()
    assert g.data == gm.data  # the forward pass is the same float expression, digit for digit
    assert math.isclose(a.grad, am.grad, rel_tol=1e-14) and math.isclose(b.grad, bm.grad, rel_tol=1e-14)


def test_more_ops_equal_micrograd_to_the_last_digit_in_call_order(micrograd_in_call_order):
    a, b = leaves(Value, -4.0, 2.0)
    am, bm = leaves(mg.Value, -4.0, 2.0)
    g, gm = more_ops(a, b), more_ops(am, bm)
    g.backward()
    gm.backward()
    assert (g.data, a.grad, b.grad) == (gm.data, am.grad, bm.grad)


@pytest.mark.parametrize("op", ["tanh", "exp", "log", "sigmoid", "relu"])
def test_unary_ops_against_pytorch(op):
    for x in (-1.0, 0.123, 2.0):
        if op == "log" and x <= 0:
            continue
        v = Value(x)
        y = getattr(v, op)()
        y.backward()
        t = torch.tensor([x], dtype=F64, requires_grad=True)
        yt = getattr(t, op)()
        yt.backward()
        assert math.isclose(y.data, yt.item(), rel_tol=1e-14, abs_tol=1e-300), (op, x)
        assert math.isclose(v.grad, t.grad.item(), rel_tol=1e-14, abs_tol=1e-300), (op, x)


# ---- random expressions: the micrograd package, the app's engine -----------------------------------

OPS = ("add", "sub", "mul", "div", "radd", "rsub", "rmul", "rdiv", "neg", "pow", "relu")
EXTRA = ("tanh", "exp", "log", "sigmoid")  # not in the micrograd package; the lecture's Value has tanh and exp


def apply(op, a, b, k):
    c = (k % 7) - 3.5
    if op in ("add", "sub", "mul"):
        return {"add": a + b, "sub": a - b, "mul": a * b}[op]
    if op == "div":
        return a / b if abs(b.data) > 0.2 else a / 3.0
    if op in ("radd", "rsub", "rmul"):
        return {"radd": c + a, "rsub": c - a, "rmul": c * a}[op]
    if op == "rdiv":
        return c / a if abs(a.data) > 0.2 else -a
    if op == "neg":
        return -a
    if op == "pow":
        return a ** (2, 3, -1, 0.5)[k % 4] if a.data > 0.2 else a**2
    if op == "log":
        return a.log() if a.data > 0.2 else a.relu()
    if op == "exp":
        return a.exp() if a.data < 20 else -a
    return getattr(a, op)()


def twin_expressions(seed, classes, ops):
    """The same random expression (any fan-out) built with each class, node by node."""
    r = random.Random(seed)
    xs = [r.uniform(-2.0, 2.0) for _ in range(r.randint(1, 4))]
    graphs = [[cls(x) for x in xs] for cls in classes]
    for _ in range(r.randint(1, 40)):
        op, k = r.choice(ops), r.randrange(100)
        i = len(graphs[0]) - 1 if r.random() < 0.5 else r.randrange(len(graphs[0]))
        j = r.randrange(len(graphs[0]))
        if max(abs(graphs[0][i].data), abs(graphs[0][j].data)) > 1e3:
            op = "neg"
        for nodes in graphs:
            nodes.append(apply(op, nodes[i], nodes[j], k))
    for nodes in graphs:
        nodes[-1].backward()
    return graphs


def test_equal_to_the_micrograd_package_to_the_last_digit(micrograd_in_call_order):
    for seed in range(300):
        ours, theirs = twin_expressions(seed, (Value, mg.Value), OPS)
        for n, (v, w) in enumerate(zip(ours, theirs)):
            assert (v.data, v.grad) == (w.data, w.grad), f"seed {seed} node {n}"


def test_equal_to_the_apps_engine_bit_for_bit():
    for seed in range(300):
        ours, core = twin_expressions(seed, (Value, CoreValue), OPS + EXTRA)
        for n, (v, w) in enumerate(zip(ours, core)):
            assert (v.data, v.grad) == (w.data, w.grad), f"seed {seed} node {n}"


def test_gradients_against_central_differences():
    def f(a, b, c):
        return ((a * b + c**2).tanh() * (b / c).exp() - (a - 1.5).relu() + (c * c + 1).log() + (a * c).sigmoid()) / 3

    xs = (0.7, -1.3, 0.9)
    vs = [Value(x) for x in xs]
    out = f(*vs)
    out.backward()
    h = 1e-6
    for i in range(len(xs)):
        up = [Value(x + h * (k == i)) for k, x in enumerate(xs)]
        down = [Value(x - h * (k == i)) for k, x in enumerate(xs)]
        numeric = (f(*up).data - f(*down).data) / (2 * h)
        assert math.isclose(vs[i].grad, numeric, rel_tol=1e-6, abs_tol=1e-8), (i, vs[i].grad, numeric)
