"""micrograd_gui.micrograd.nn: micrograd.nn's signatures and defaults, its demo notebook's training loop
(on the app's own moons), LLM101n's Adam kept on the parameters, and finite-difference gradients."""

from __future__ import annotations

import math
import random

import micrograd.engine as mg
import micrograd.nn as mgnn
import pytest
import torch

from micrograd_gui.core.datasets import gen_moons
from micrograd_gui.core.rng import RNG
from micrograd_gui.micrograd.engine import Value
from micrograd_gui.micrograd.nn import MLP, Layer, Module, Neuron

F64 = torch.float64


def moons(n: int) -> tuple[list[tuple[float, float]], list[int]]:
    """The demo's data with labels -1 and +1 (sklearn-free: the app's own moons)."""
    pts = gen_moons(RNG(42), n, 0.1)
    return [(x, y) for x, y, _ in pts], [1 if c == 1 else -1 for _, _, c in pts]


def demo_loss(model, X, y, value=Value):
    """demo.ipynb's loss: SVM max-margin on the scores plus 1e-4 L2, and the accuracy."""
    inputs = [list(map(value, row)) for row in X]
    scores = list(map(model, inputs))
    losses = [(1 + -yi * si).relu() for yi, si in zip(y, scores)]
    data_loss = sum(losses) * (1.0 / len(losses))
    reg_loss = 1e-4 * sum(p * p for p in model.parameters())
    accuracy = [(yi > 0) == (si.data > 0) for yi, si in zip(y, scores)]
    return data_loss + reg_loss, sum(accuracy) / len(accuracy)


def demo_train(model, X, y, steps, value=Value):
    """demo.ipynb's loop: SGD with the learning rate decaying linearly from 1.0."""
    history = []
    for k in range(steps):
        total, acc = demo_loss(model, X, y, value)
        model.zero_grad()
        total.backward()
        lr = 1.0 - 0.9 * k / 100
        for p in model.parameters():
            p.data -= lr * p.grad
        history.append((total.data, acc))
    return history


# ---- micrograd.nn's signatures and defaults --------------------------------------------------------

def test_mlp_takes_micrograds_arguments_and_returns_a_value_for_one_output():
    random.seed(1337)
    model = MLP(2, [16, 16, 1])
    out = model([Value(0.5), Value(-1.0)])
    assert type(out) is Value  # not [v]
    assert len(model.parameters()) == 2 * 16 + 16 + 16 * 16 + 16 + 16 + 1
    assert isinstance(model, Module) and model.layers[0].neurons[0].nonlin and not model.layers[-1].neurons[0].nonlin
    assert isinstance(MLP(3, [4, 2])([1.0, 2.0, 3.0]), list)  # plain numbers are inputs too
    layer = Layer(3, 2, nonlin=False)  # Layer passes its keywords to every Neuron
    assert [n.nonlin for n in layer.neurons] == [False, False]
    assert [b.data for b in (n.b for layer in model.layers for n in layer.neurons)] == [0] * 33


def test_repr_and_defaults_are_micrograds():
    random.seed(1)
    ours = MLP(2, [3, 1])
    random.seed(1)
    theirs = mgnn.MLP(2, [3, 1])
    assert repr(ours) == repr(theirs) == ("MLP of [Layer of [ReLUNeuron(2), ReLUNeuron(2), ReLUNeuron(2)], "
                                          "Layer of [LinearNeuron(3)]]")
    assert repr(Neuron(4)) == "ReLUNeuron(4)" and repr(Neuron(4, nonlin=False)) == "LinearNeuron(4)"
    # the same draws from Python's random module, in the same order, at scale 1 (no nin**-0.5)
    assert [p.data for p in ours.parameters()] == [p.data for p in theirs.parameters()]


def test_random_seed_makes_the_init_reproducible():
    random.seed(1337)
    a = MLP(2, [16, 16, 1])
    random.seed(1337)
    b = MLP(2, [16, 16, 1])
    random.seed(1337)
    draws = [random.uniform(-1, 1) for _ in range(2 * 16 + 16 * 16 + 16)]
    weights = [p.data for p in a.parameters() if p.data != 0]
    assert [p.data for p in a.parameters()] == [p.data for p in b.parameters()]
    assert weights == draws  # layer by layer, neuron by neuron, input by input
    c = MLP(2, [16, 16, 1])  # the generator has moved on: another net
    assert [p.data for p in c.parameters()] != [p.data for p in a.parameters()]


def test_zero_grad_and_parameters_are_values_of_the_drop_in_kind():
    random.seed(0)
    model = MLP(2, [4, 1])
    model([1.0, -2.0]).backward()
    assert any(p.grad for p in model.parameters())
    model.zero_grad()
    assert all(p.grad == 0 and type(p) is Value for p in model.parameters())
    assert Module().parameters() == []


# ---- demo.ipynb's training -------------------------------------------------------------------------

def test_demo_training_learns_the_moons():
    X, y = moons(40)
    random.seed(1337)
    history = demo_train(MLP(2, [16, 16, 1]), X, y, 6)
    losses = [loss for loss, _ in history]
    assert losses[-1] < losses[0] and history[-1][1] >= 0.8, history


def test_demo_training_equals_the_micrograd_package_to_the_last_digit(monkeypatch):
    class CallOrderSet(dict):
        def __init__(self, items=()):
            super().__init__((x, None) for x in items)

        def add(self, x):
            self[x] = None

    # micrograd's set of inputs, walked in call order (see test_micrograd_compat_numbers.py)
    monkeypatch.setattr(mg, "set", CallOrderSet, raising=False)
    X, y = moons(30)
    random.seed(1337)
    ours = MLP(2, [16, 16, 1])
    random.seed(1337)
    theirs = mgnn.MLP(2, [16, 16, 1])
    assert demo_train(ours, X, y, 3) == demo_train(theirs, X, y, 3, mg.Value)
    assert [p.data for p in ours.parameters()] == [p.data for p in theirs.parameters()]


def torch_forward(params, sizes, x):
    """The MLP's forward on 0-d tensors, parameters in micrograd's order (per neuron: weights, then bias)."""
    it = iter(params)
    for i, (nin, nout) in enumerate(zip(sizes, sizes[1:])):
        out = []
        for _ in range(nout):
            w = [next(it) for _ in range(nin)]
            act = next(it) + sum(wi * xi for wi, xi in zip(w, x))
            out.append(torch.relu(act) if i < len(sizes) - 2 else act)
        x = out
    return x[0]


def test_demo_loss_and_gradients_against_pytorch():
    X, y = moons(20)
    random.seed(7)
    model = MLP(2, [4, 4, 1])
    total, _ = demo_loss(model, X, y)
    total.backward()
    ts = [torch.tensor(float(p.data), dtype=F64, requires_grad=True) for p in model.parameters()]
    losses = [torch.relu(1 - yi * torch_forward(ts, (2, 4, 4, 1), row)) for row, yi in zip(X, y)]
    tt = sum(losses) / len(losses) + 1e-4 * sum(t * t for t in ts)
    tt.backward()
    assert math.isclose(total.data, tt.item(), rel_tol=1e-12)
    for p, t in zip(model.parameters(), ts):
        assert math.isclose(p.grad, t.grad.item(), rel_tol=1e-10, abs_tol=1e-14)


def test_gradients_of_the_demo_loss_against_central_differences():
    X, y = moons(10)
    random.seed(3)
    model = MLP(2, [3, 1])
    total, _ = demo_loss(model, X, y)
    total.backward()
    h = 1e-6
    for p in model.parameters():
        p0, grad = p.data, p.grad
        p.data = p0 + h
        up = demo_loss(model, X, y)[0].data
        p.data = p0 - h
        down = demo_loss(model, X, y)[0].data
        p.data = p0
        assert math.isclose(grad, (up - down) / (2 * h), rel_tol=1e-5, abs_tol=1e-8)


# ---- LLM101n: AdamW keeps its moments on the parameters (p.m, p.v) --------------------------------

def adamw_steps(params, loss_fn, steps, lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4):
    """LLM101n micrograd.py's AdamW loop, by hand, storing its state as attributes of each Value."""
    b1, b2 = betas
    for p in params:
        p.m = 0.0
        p.v = 0.0
    history = []
    for t in range(1, steps + 1):
        loss = loss_fn()
        loss.backward()
        for p in params:
            p.m = b1 * p.m + (1 - b1) * p.grad
            p.v = b2 * p.v + (1 - b2) * p.grad**2
            m_hat = p.m / (1 - b1**t)
            v_hat = p.v / (1 - b2**t)
            p.data -= lr * (m_hat / (v_hat**0.5 + eps) + weight_decay * p.data)
        for p in params:
            p.grad = 0
        history.append(loss.data)
    return history


def test_adamw_by_hand_with_attributes_on_values_matches_pytorch():
    X, y = moons(12)
    random.seed(11)
    model = MLP(2, [4, 1])
    params = model.parameters()
    ts = [torch.tensor(float(p.data), dtype=F64, requires_grad=True) for p in params]
    history = adamw_steps(params, lambda: demo_loss(model, X, y)[0], 4)
    opt = torch.optim.AdamW(ts, lr=0.1, betas=(0.9, 0.95), eps=1e-8, weight_decay=1e-4)
    for k in range(4):
        opt.zero_grad()
        losses = [torch.relu(1 - yi * torch_forward(ts, (2, 4, 1), row)) for row, yi in zip(X, y)]
        tt = sum(losses) / len(losses) + 1e-4 * sum(t * t for t in ts)
        tt.backward()
        opt.step()
        assert math.isclose(history[k], tt.item(), rel_tol=1e-10), k
    for p, t in zip(params, ts):
        assert math.isclose(p.data, t.item(), rel_tol=1e-9, abs_tol=1e-12)
        assert isinstance(p.m, float) and isinstance(p.v, float)


@pytest.mark.parametrize("nouts", [[1], [3, 2], [2, 2, 1]])
def test_one_output_is_a_value_more_are_a_list(nouts):
    random.seed(5)
    out = MLP(2, nouts)([0.3, -0.7])
    assert (type(out) is Value) == (nouts[-1] == 1)
