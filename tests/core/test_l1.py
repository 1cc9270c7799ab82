"""L1 regularisation: against PyTorch, the fast engine bit for bit, the subgradient at 0, settings and files."""

from __future__ import annotations

import itertools
import json
import math

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from micrograd_gui.cli import main
from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.datasets import TRAIN, DatasetSpec, make_dataset
from micrograd_gui.core.eager import EagerBackend
from micrograd_gui.core.engine import Value
from micrograd_gui.core.fast import FastBackend
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.losses import LOSSES, abs_value, l1_penalty, num_outputs
from micrograd_gui.core.nn import ACTIVATIONS, MLP
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.trainer import Trainer

torch.set_num_threads(1)
F64 = torch.float64


def close(got: float, want: float, what: str) -> None:
    assert math.isclose(got, want, rel_tol=1e-10, abs_tol=1e-12), f"{what}: engine {got!r} != torch {want!r}"


# ---- PyTorch ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("act", "l2", "l1"), [("tanh", 0.0, 1e-3), ("relu", 1e-3, 0.05), ("sigmoid", 0.0, 0.5)])
def test_loss_and_gradients_with_l1_match_torch(act, l2, l1):
    rng = RNG(11)
    X, y = make_dataset(DatasetSpec("yinyang", 60, 0.0, 3), rng).arrays(TRAIN)
    model = MLP(2, [6, 5, 3], rng, act)
    theta = np.array(model.get_flat())
    theta[[0, 7, 20]] = 0.0  # parameters at exactly 0: torch's abs takes slope 0 there as well
    loss, grad = EagerBackend(model, "cross_entropy", True).loss_and_grad(theta, X, y, l2, l1)

    params = torch.tensor(theta, dtype=F64, requires_grad=True)
    h, at = torch.tensor(X, dtype=F64), 0
    for layer in model.layers:
        nout, nin = len(layer.neurons), len(layer.neurons[0].w)
        wb = params[at:at + nout * (nin + 1)].reshape(nout, nin + 1)  # neuron by neuron: weights, then bias
        at += nout * (nin + 1)
        h = h @ wb[:, :nin].T + wb[:, nin]
        h = {"tanh": torch.tanh, "relu": torch.relu, "sigmoid": torch.sigmoid, "linear": lambda t: t}[
            layer.neurons[0].act](h)
    lt = F.cross_entropy(h, torch.tensor(y)) + l2 * (params * params).sum() + l1 * params.abs().sum()
    lt.backward()

    close(loss, lt.item(), "loss")
    for i, (g, want) in enumerate(zip(grad, params.grad.tolist())):
        close(float(g), want, f"d loss / d theta[{i}]")


def test_abs_value_against_torch_on_both_sides_and_at_zero():
    for x in (-2.5, -1e-300, 0.0, -0.0, 3.0):
        v = Value(x)
        out = abs_value(v) * 2.0
        out.backward()
        t = torch.tensor(x, dtype=F64, requires_grad=True)
        (t.abs() * 2.0).backward()
        assert out.data == (t.abs() * 2.0).item() and v.grad == t.grad.item(), x


# ---- the subgradient at 0 -----------------------------------------------------------------------------------

def test_a_parameter_at_exactly_zero_gets_no_l1_push():
    """The subgradient of |p| at p = 0 is taken as 0: L1 moves every other weight by its sign, not that one."""
    t = Trainer(get_preset("llm101n").config)
    X, y = t.data.arrays(TRAIN)
    theta = t.theta.copy()
    zero = [0, 5, len(theta) - 1]
    theta[zero] = 0.0
    for backend in (EagerBackend(t.model, "cross_entropy", False), t.backend):
        _, plain = backend.loss_and_grad(theta, X, y)
        _, with_l1 = backend.loss_and_grad(theta, X, y, 0.0, 0.25)
        assert np.array_equal(with_l1[zero], plain[zero])  # not a bit of difference
        others = np.setdiff1d(np.arange(len(theta)), zero)
        assert np.allclose(with_l1[others] - plain[others], 0.25 * np.sign(theta[others]), rtol=0, atol=1e-12)
    p = Value(0.0)
    l1_penalty([p, Value(-1.0)], 0.5).backward()
    assert p.grad == 0.0


def test_l1_value_is_alpha_times_the_sum_of_magnitudes():
    pen = l1_penalty([Value(-2.0), Value(0.0), Value(0.5)], 0.1)
    assert pen.data == 0.1 * 2.5


# ---- fast == eager, bit for bit ------------------------------------------------------------------------------

CASES = list(itertools.product(ACTIVATIONS, LOSSES))


@pytest.mark.parametrize(("act", "loss"), CASES)
def test_fast_gives_the_eager_floats_with_l1(act, loss):
    r = np.random.default_rng(CASES.index((act, loss)))
    classes = 2 if loss == "hinge" else 3  # multi-class hinge is ~1e-16 apart by design (test_fast.py)
    model = MLP(2, [7, 4, num_outputs(loss, classes)], RNG(5), act)
    theta = r.normal(0.0, 1.0, len(model.parameters()))
    theta[::6] = 0.0
    theta[1] = -0.0
    X, y = r.uniform(-2, 2, size=(13, 2)), r.integers(0, classes, size=13)
    for l2, l1 in ((0.0, 1e-3), (1e-3, 1e-3), (0.5, 0.25), (1e-4, 0.0)):
        le, ge = EagerBackend(model, loss, True).loss_and_grad(theta, X, y, l2, l1)
        lf, gf = FastBackend(model, loss, True).loss_and_grad(theta, X, y, l2, l1)
        assert le == lf, (l2, l1)
        assert ge.tobytes() == gf.tobytes(), (l2, l1)  # the sign of a zero too


@pytest.mark.parametrize("name", ["llm101n", "moons-demo", "spiral"])
def test_training_with_l1_is_bit_for_bit_the_same_in_both_engines(name):
    cfg = get_preset(name).config.with_changes(l1=0.01, batch_size=8, eval_every=3)
    fast_t, eager_t = Trainer(cfg.with_changes(engine="fast")), Trainer(cfg.with_changes(engine="eager"))
    for _ in range(8):
        assert fast_t.step() == eager_t.step()
        assert fast_t.theta.tobytes() == eager_t.theta.tobytes()


def test_l1_changes_training_and_applies_live():
    cfg = get_preset("llm101n").config
    plain, l1 = Trainer(cfg), Trainer(cfg)
    assert plain.step() == l1.step()
    l1.set_live(cfg.with_changes(l1=0.1))
    assert l1.config.l1 == 0.1
    assert plain.step().train_loss < l1.step().train_loss  # the penalty is part of the loss


# ---- settings, sessions, command line ------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [-1e-9, math.inf, math.nan])
def test_l1_must_be_finite_and_not_negative(bad):
    with pytest.raises(ConfigError, match="L1 penalty"):
        get_preset("llm101n").config.with_changes(l1=bad).validate()


def test_sessions_keep_l1_and_a_session_without_it_opens_as_zero():
    t = Trainer(get_preset("llm101n").config.with_changes(l1=0.02))
    t.step()
    text = sf.to_json(sf.Session(t.state()))
    assert sf.from_json(text).state.config.l1 == 0.02
    d = json.loads(text)
    del d["config"]["l1"]  # as saved before L1 existed
    assert sf.from_json(json.dumps(d)).state.config.l1 == 0.0
    d["config"]["l1"] = -1.0
    with pytest.raises(sf.SessionError, match="L1 penalty"):
        sf.from_json(json.dumps(d))


def test_command_line_l1(capsys):
    assert main(["train", "--steps", "2", "--l1", "0.01"]) == 0
    with_l1 = capsys.readouterr().out.splitlines()
    assert main(["train", "--steps", "2"]) == 0
    plain = capsys.readouterr().out.splitlines()
    assert with_l1[0] == plain[0] and with_l1[1] != plain[1]  # the val loss has no penalty; the train loss does
    assert main(["train", "--l1", "-1"]) == 2
    assert "L1 penalty" in capsys.readouterr().err
