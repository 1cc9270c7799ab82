"""Feature inputs against PyTorch float64 autograd and finite differences, on points and weights drawn afresh.

A network on features (x, y, x², y², x·y, sin x, sin y) is built once from Values (the eager engine, as the app
and the graph build it) and once in torch, with the features computed from a (n, 2) tensor of points that
requires grad: the loss, every weight's and bias's gradient and every point's d loss / d x and d loss / d y must
agree to 1e-10 relative (SPEC section 1), and d loss / d x must match central differences of the loss."""

from __future__ import annotations

import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from micrograd_gui.core import features as feat
from micrograd_gui.core.engine import Value
from micrograd_gui.core.losses import l2_penalty, mean_loss, num_outputs, point_loss
from micrograd_gui.core.nn import ACTIVATIONS, MLP, input_values
from micrograd_gui.core.rng import RNG

torch.set_num_threads(1)
F64 = torch.float64
REL = 1e-10
ALL = feat.FEATURES
SETS = [("x", "y"), ("x2", "y2"), ("xy",), ("sinx", "siny"), ("x", "y", "xy", "sinx"), ("y", "x2", "siny"), ALL]
PROPS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
feature_sets = st.sets(st.sampled_from(ALL), min_size=1).map(feat.canonical)
coordinate = st.floats(-3.0, 3.0, allow_nan=False)


def torch_features(X: torch.Tensor, features) -> torch.Tensor:
    x, y = X[:, 0], X[:, 1]
    table = {"x": lambda: x, "y": lambda: y, "x2": lambda: x**2, "y2": lambda: y**2, "xy": lambda: x * y,
             "sinx": lambda: torch.sin(x), "siny": lambda: torch.sin(y)}
    return torch.stack([table[f]() for f in features], dim=1)


def torch_loss(model: MLP, X: torch.Tensor, labels: list[int], features, loss: str, l2: float):
    """The same network and loss in torch; returns the loss and the (weight, bias) tensors a layer."""
    params, h = [], torch_features(X, features)
    for layer in model.layers:
        w = torch.tensor([[float(p.data) for p in n.w] for n in layer.neurons], dtype=F64, requires_grad=True)
        b = torch.tensor([float(n.b.data) for n in layer.neurons], dtype=F64, requires_grad=True)
        params.append((w, b))
        h = h @ w.T + b
        act = layer.neurons[0].act
        h = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "linear": lambda t: t}[act](h)
    y = torch.tensor(labels)
    if loss == "cross_entropy":
        out = F.cross_entropy(h, y)
    elif loss == "mse":
        out = ((h - F.one_hot(y, h.shape[1]).to(F64)) ** 2).mean(dim=1).mean()
    else:  # one hinge score: relu(1 - s) for class 1, relu(1 + s) for class 0
        sign = torch.where(y == 1, -1.0, 1.0).to(F64)
        out = torch.relu(1 + h[:, 0] * sign).mean()
    if l2:
        out = out + l2 * sum((w * w).sum() + (b * b).sum() for w, b in params)
    return out, params


def compare(features, act: str, loss: str, seed: int, points: list[tuple[float, float]], stable: bool = True,
            l2: float = 0.0) -> float:
    """Engine against torch on fresh weights and these points; returns the largest error relative to scale."""
    r = np.random.default_rng(seed)
    classes = 2 if loss == "hinge" else 3
    model = MLP(len(features), [int(r.integers(1, 7)), num_outputs(loss, classes)], RNG(seed % 2**63 + 1), act)
    model.set_flat(r.normal(0.0, 0.8, len(model.parameters())).tolist())
    labels = [int(c) for c in r.integers(0, classes, size=len(points))]
    xs = [input_values(x, y) for x, y in points]
    total = mean_loss([point_loss(loss, model(feat.feature_values(v, features)), c, stable)
                       for v, c in zip(xs, labels)])
    if l2:
        total = total + l2_penalty(model.parameters(), l2)
    total.backward()

    X = torch.tensor(points, dtype=F64, requires_grad=True)
    lt, params = torch_loss(model, X, labels, features, loss, l2)
    lt.backward()
    got = [total.data] + [p.grad for p in model.parameters()] + [v.grad for pair in xs for v in pair]
    want = [lt.item()]
    for (w, b), layer in zip(params, model.layers):
        for j in range(len(layer.neurons)):
            want += [*w.grad[j].tolist(), b.grad[j].item()]
    want += X.grad.reshape(-1).tolist()
    got_a, want_a = np.array(got, dtype=float), np.array(want)
    err = np.abs(got_a - want_a) / np.maximum(1.0, np.abs(want_a))
    assert float(err.max()) <= REL, (features, act, loss, got_a, want_a)
    return float(err.max())


def test_sin_against_torch():
    for x in (-7.3, -1.0, 0.0, 0.4, 2.5, 1e3):
        v = Value(x)
        out = (v.sin() * v).sin()
        out.backward()
        t = torch.tensor(x, dtype=F64, requires_grad=True)
        tout = torch.sin(torch.sin(t) * t)
        tout.backward()
        assert math.isclose(out.data, tout.item(), rel_tol=REL, abs_tol=1e-12)
        assert math.isclose(v.grad, t.grad.item(), rel_tol=REL, abs_tol=1e-12)


@pytest.mark.parametrize("loss", ["cross_entropy", "mse", "hinge"])
@pytest.mark.parametrize("features", SETS, ids=",".join)
def test_loss_and_every_gradient_equal_torch(features, loss):
    points = [tuple(p) for p in np.random.default_rng(len(features)).uniform(-2.5, 2.5, size=(9, 2)).tolist()]
    for k, act in enumerate(ACTIVATIONS):
        compare(features, act, loss, seed=7919 * k + len(features), points=points, l2=1e-3 * (k % 2))


@PROPS
@given(features=feature_sets, act=st.sampled_from(ACTIVATIONS), seed=st.integers(0, 2**64 - 1),
       loss=st.sampled_from(["cross_entropy", "mse", "hinge"]), stable=st.booleans(),
       points=st.lists(st.tuples(coordinate, coordinate), min_size=1, max_size=6))
def test_random_features_weights_and_points_equal_torch(features, act, seed, loss, stable, points):
    compare(features, act, loss, seed, points, stable)


def point_loss_of(model: MLP, features, x: float, y: float, label: int) -> tuple[float, Value, Value]:
    xs = input_values(x, y)
    root = point_loss("cross_entropy", model(feat.feature_values(xs, features)), label, True)
    root.backward()
    return root.data, xs[0], xs[1]


@PROPS
@given(features=feature_sets, act=st.sampled_from(["tanh", "sigmoid", "linear"]), seed=st.integers(0, 2**32),
       x=coordinate, y=coordinate, label=st.integers(0, 2))
def test_d_loss_d_x_through_the_features_matches_finite_differences(features, act, seed, x, y, label):
    model = MLP(len(features), [5, 3], RNG(seed + 1), act)
    model.set_flat(np.random.default_rng(seed).normal(0.0, 0.8, len(model.parameters())).tolist())
    _, x0, x1 = point_loss_of(model, features, x, y, label)
    h = 1e-6
    for node, (dx, dy) in ((x0, (h, 0.0)), (x1, (0.0, h))):
        up = point_loss_of(model, features, x + dx, y + dy, label)[0]
        down = point_loss_of(model, features, x - dx, y - dy, label)[0]
        numeric = (up - down) / (2 * h)
        assert math.isclose(node.grad, numeric, rel_tol=1e-5, abs_tol=1e-7), (node.label, node.grad, numeric)


def test_without_x_among_the_features_d_loss_d_x_comes_only_through_them():
    # x0 feeds the network only through x0² and sin x0: d loss/d x0 = d loss/d x0² * 2 x0 + d loss/d sin x0 * cos x0
    model = MLP(3, [4, 3], RNG(5))
    xs = input_values(0.7, -1.2)
    f = feat.feature_values(xs, ("y", "x2", "sinx"))
    point_loss("cross_entropy", model(f), 1).backward()
    assert xs[0].grad == pytest.approx(f[1].grad * 2 * 0.7 + f[2].grad * math.cos(0.7), rel=1e-14)
    assert xs[1].grad == f[0].grad  # y is the input node itself
