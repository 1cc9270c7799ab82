"""The fast engine against the eager one: losses, gradients, outputs, reference runs, plan reuse, edge cases."""

import itertools
import re
from pathlib import Path

import numpy as np
import pytest

from micrograd_gui.core import fast
from micrograd_gui.core.datasets import TRAIN, DatasetSpec
from micrograd_gui.core.eager import EagerBackend
from micrograd_gui.core.fast import FastBackend, backend, groups, kernels
from micrograd_gui.core.fast import plan as plan_module
from micrograd_gui.core.losses import LOSSES, num_outputs, outputs_to_probs
from micrograd_gui.core.nn import ACTIVATIONS, MLP, input_values
from micrograd_gui.core.presets import PRESETS, get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.trainer import Diverged, Trainer

DATA = Path(__file__).parent / "data"
LOGS = sorted(DATA.glob("llm101n_seed*_h*_steps*.txt"))
NUMBER = re.compile(r"(step \d+/\d+, (?:val|train) loss) (\S+)$")


def assert_close(a, b, rel=1e-12):
    """max|a - b| <= rel * max(1, max|a|), over a whole vector at once."""
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    assert a.shape == b.shape
    scale = max(1.0, float(np.max(np.abs(a)))) if a.size else 1.0
    assert float(np.max(np.abs(a - b), initial=0.0)) <= rel * scale, (a, b)


def eager_activations(model, theta, X):
    model.set_flat(theta.tolist())
    per_point = []
    for px, py in X.tolist():
        h, acts = input_values(px, py), []
        for layer in model.layers:
            h = layer(h)
            acts.append([v.data for v in h])
        per_point.append(acts)
    return [np.array([p[i] for p in per_point]).reshape(len(X), -1) for i in range(len(model.layers))]


def backends(model, loss, stable):
    return EagerBackend(model, loss, stable), FastBackend(model, loss, stable)


def compare(model, theta, X, y, l2=0.0, *, loss, stable):
    eager, quick = backends(model, loss, stable)
    le, ge = eager.loss_and_grad(theta, X, y, l2)
    lf, gf = quick.loss_and_grad(theta, X, y, l2)
    assert_close(le, lf)
    assert_close(ge, gf)
    assert_close(eager.loss(theta, X, y), quick.loss(theta, X, y))
    assert_close(eager.outputs(theta, X), quick.outputs(theta, X))
    for a, b in zip(eager_activations(model, theta, X), quick.activations(theta, X)):
        assert_close(a, b)


# ---- agreement with the eager engine -------------------------------------------------------------

@pytest.mark.parametrize("name", [n for n in PRESETS if n != "hand"])
def test_presets_agree_with_eager(name):
    cfg = PRESETS[name].config
    t = Trainer(cfg.with_changes(engine="eager"))
    X, y = t.data.arrays(TRAIN)
    compare(t.model, t.theta, X, y, cfg.l2, loss=cfg.loss, stable=cfg.stable_softmax)
    for _ in range(3):  # and after some training, away from the initial weights
        t.step()
    compare(t.model, t.theta, X, y, cfg.l2, loss=cfg.loss, stable=cfg.stable_softmax)


def random_case(seed, act, loss):
    r = np.random.default_rng(seed)
    hidden = [int(w) for w in r.integers(1, 17, size=int(r.integers(1, 5)))]
    classes = int(r.integers(2, 5))
    model = MLP(2, [*hidden, num_outputs(loss, classes)], RNG(seed + 1), act)
    theta = r.normal(0.0, 1.0, len(model.parameters()))
    n = int(r.integers(1, 25))
    X = r.uniform(-2, 2, size=(n, 2))
    y = r.integers(0, classes, size=n)
    return model, theta, X, y, float(r.choice([0.0, 1e-3]))


CASES = list(itertools.product(ACTIVATIONS, LOSSES, (True, False)))


@pytest.mark.parametrize(("act", "loss", "stable"), CASES)
def test_random_architectures_agree_with_eager(act, loss, stable):
    for k in range(3):
        seed = 3 * CASES.index((act, loss, stable)) + k
        model, theta, X, y, l2 = random_case(seed, act, loss)
        compare(model, theta, X, y, l2, loss=loss, stable=stable)


@pytest.mark.parametrize("n", [1, 2, 3, 7, 40])
@pytest.mark.parametrize("one_call", [True, False])
def test_weighted_sums_are_exact(n, one_call, monkeypatch):
    # relu and linear nets use only + and *: each lane must give the eager floats bit for bit, in the
    # one-call reduction and in the input-by-input loop used for many lanes
    monkeypatch.setattr(groups, "SUM_BUFFER", 1 << 30 if one_call else 0)
    r = np.random.default_rng(n)
    for act, loss in (("relu", "hinge"), ("linear", "mse"), ("relu", "mse")):
        model = MLP(2, [12, 9, 3], RNG(n + 1), act)
        theta = r.normal(0.0, 1.0, len(model.parameters()))
        X, y = r.uniform(-2, 2, size=(n, 2)), r.integers(0, 3, size=n)
        eager, quick = backends(model, loss, True)
        assert np.array_equal(eager.outputs(theta, X), quick.outputs(theta, X, exact=True))
        assert eager.loss(theta, X, y) == quick.loss(theta, X, y)


@pytest.mark.parametrize("blas_block", [1 << 18, 100])
def test_maps_run_in_chunks_and_match(blas_block, monkeypatch):
    # small chunks, and matrix products cut in column and inner blocks as for big networks
    monkeypatch.setattr(backend, "MAP_CHUNK", 64)
    monkeypatch.setattr(kernels, "BLAS_ONE_THREAD", blas_block)
    t = Trainer(get_preset("spiral").config.with_changes(engine="fast"))
    G = np.random.default_rng(0).uniform(-2, 2, size=(300, 2))
    eager = EagerBackend(t.model, "cross_entropy", True)
    X, y = t.data.arrays(TRAIN)
    assert_close(eager.loss_and_grad(t.theta, X, y)[1], t.backend.loss_and_grad(t.theta, X, y)[1])
    out = t.backend.outputs(t.theta, G)
    assert_close(eager.outputs(t.theta, G), out)
    probs = t.backend.probabilities(t.theta, G)
    assert probs.shape == (300, 3)
    assert_close(probs, outputs_to_probs("cross_entropy", eager.outputs(t.theta, G)))
    acts = t.backend.activations(t.theta, G)
    assert [a.shape for a in acts] == [(300, 16), (300, 16), (300, 3)]
    assert_close(acts[-1], out)


def test_hinge_map_has_two_columns():
    t = Trainer(get_preset("moons-demo").config.with_changes(engine="fast"))
    G = np.array([[0.0, 0.0], [1.0, -0.5], [-1.0, 0.5]])
    probs = t.backend.probabilities(t.theta, G)
    assert_close(probs, outputs_to_probs("hinge", EagerBackend(t.model, "hinge", True).outputs(t.theta, G)))
    assert_close(probs.sum(axis=1), np.ones(3))


# ---- reference runs and training ---------------------------------------------------------------------

def log_numbers(lines):
    parsed = [NUMBER.match(line) for line in lines]
    assert all(parsed), lines
    return [m.group(1) for m in parsed], np.array([float(m.group(2)) for m in parsed])


@pytest.mark.parametrize("path", LOGS, ids=[p.stem for p in LOGS])
def test_llm101n_reference_runs_through_the_fast_engine(path):
    seed, hidden, steps = re.match(r"llm101n_seed(\d+)_h([\d-]+)_steps(\d+)", path.stem).groups()
    cfg = get_preset("llm101n").config.with_changes(
        engine="fast", seed=int(seed), hidden=tuple(int(h) for h in hidden.split("-")))
    lines: list[str] = []
    Trainer(cfg).run(int(steps), log=lines.append)
    assert lines == path.read_text().splitlines()  # every line, to the last digit


@pytest.mark.parametrize("name", [n for n in PRESETS if n != "hand"])
def test_every_preset_trains_bit_for_bit_as_the_eager_engine(name):
    cfg = PRESETS[name].config.with_changes(eval_every=3)
    fast_t, eager_t = Trainer(cfg.with_changes(engine="fast")), Trainer(cfg.with_changes(engine="eager"))
    for _ in range(12):
        assert fast_t.step() == eager_t.step()
        assert np.array_equal(fast_t.theta, eager_t.theta)
        assert np.array_equal(fast_t.optimizer.m, eager_t.optimizer.m)
        assert np.array_equal(fast_t.optimizer.v, eager_t.optimizer.v)


@pytest.mark.parametrize(("act", "loss", "stable"), CASES)
def test_random_architectures_give_the_eager_floats(act, loss, stable):
    # losses, gradients and the map path's exact outputs, bit for bit; multi-class hinge is the exception:
    # micrograd adds -z_target into each margin, so z_target's gradient sums C+1 terms in DFS order, while
    # the lanes pick z_target (select) and add up the C terms first: ~1e-16 apart, the same on every CPU
    for k in range(3):
        seed = 1000 + 3 * CASES.index((act, loss, stable)) + k
        model, theta, X, y, l2 = random_case(seed, act, loss)
        eager, quick = backends(model, loss, stable)
        try:
            le, ge = eager.loss_and_grad(theta, X, y, l2)
        except ValueError:  # log(0) of an underflowed probability: test_domain_errors_raise_like_eager
            continue
        lf, gf = quick.loss_and_grad(theta, X, y, l2)
        assert np.array_equal(eager.outputs(theta, X), quick.outputs(theta, X, exact=True))
        if loss == "hinge" and len(model.layers[-1].neurons) > 1:
            assert_close(le, lf, 1e-14)
            assert_close(ge, gf, 1e-13)
        else:
            assert le == lf and np.array_equal(ge, gf, equal_nan=True)


def test_fast_run_matches_eager_run_with_minibatches():
    cfg = get_preset("rings").config.with_changes(batch_size=16)
    fast_t, eager_t = Trainer(cfg.with_changes(engine="fast")), Trainer(cfg.with_changes(engine="eager"))
    a = [fast_t.step().train_loss for _ in range(10)]
    b = [eager_t.step().train_loss for _ in range(10)]
    assert_close(a, b, 1e-9)
    assert_close(fast_t.theta, eager_t.theta, 1e-9)


def test_data_edits_between_steps_are_honoured():
    cfg = get_preset("llm101n").config
    fast_t, eager_t = Trainer(cfg.with_changes(engine="fast")), Trainer(cfg.with_changes(engine="eager"))
    fast_t.step(), eager_t.step()
    plan = fast_t.backend.plan()
    edited = fast_t.data.moved(0, 1.5, -1.5).with_point(0.25, 0.75, 2, TRAIN)
    for t in (fast_t, eager_t):
        t.set_data(edited)
    unedited = Trainer(cfg.with_changes(engine="fast"))
    unedited.step()
    a, b, c = fast_t.step().train_loss, eager_t.step().train_loss, unedited.step().train_loss
    assert_close(a, b)
    assert a != c
    assert fast_t.backend.plan() is plan


# ---- the plan cache ------------------------------------------------------------------------------------

def test_plan_is_built_once_per_shape(monkeypatch):
    monkeypatch.setattr(plan_module, "_PLANS", {})
    built = []
    real = fast.Plan.__init__

    def counting(self, key):
        built.append(key)
        real(self, key)

    monkeypatch.setattr(fast.Plan, "__init__", counting)
    cfg = get_preset("llm101n").config.with_changes(engine="fast")
    t = Trainer(cfg)
    plan = t.backend.plan()
    for _ in range(12):  # includes validation losses: same plan, another number of lanes
        t.step()
    t.set_data(t.data.with_point(0.0, 0.0, 1, TRAIN))
    t.step()
    Trainer(cfg).step()  # a new trainer of the same shape reuses it too
    assert t.backend.plan() is plan and len(built) == 1
    for changes in ({"hidden": (4,)}, {"loss": "mse"}, {"stable_softmax": True}, {"activation": "relu"},
                    {"dataset": DatasetSpec("quadrants", 50, 0.0, 4)}):
        n = len(built)
        Trainer(cfg.with_changes(**changes)).step()
        assert len(built) == n + 1, changes
    assert fast.plan_for(plan.key) is plan


# ---- non-finite values and domain errors --------------------------------------------------------------

def saturated(loss, stable, bias):
    """An llm101n-shaped trainer whose output biases are set to `bias` and every weight to 0."""
    t = Trainer(get_preset("llm101n").config.with_changes(engine="fast", loss=loss, stable_softmax=stable))
    theta = np.zeros_like(t.theta)
    theta[-len(bias) * 9 + 8::9] = bias  # the last layer: 3 neurons of 8 weights then a bias
    return t, theta


def test_overflowing_loss_is_non_finite_in_both_engines_and_diverges():
    # the last: every point's loss is finite (about 1e308), their sum is not
    for loss, stable, bias in (("cross_entropy", False, [1000.0] * 3), ("mse", True, [1e200, 0.0, 0.0]),
                               ("mse", True, [1e154, 0.0, 0.0])):
        t, theta = saturated(loss, stable, bias)
        X, y = t.data.arrays(TRAIN)
        eager = EagerBackend(t.model, loss, stable).loss_and_grad(theta, X, y)[0]
        quick = t.backend.loss_and_grad(theta, X, y)[0]
        assert not np.isfinite(eager) and not np.isfinite(quick)
        assert np.isnan(eager) == np.isnan(quick)
        t.set_theta(theta)
        with pytest.raises(Diverged):
            t.step()
        assert np.array_equal(t.theta, theta)


@pytest.mark.parametrize(("bias", "error"), [([1000.0, 0.0, 0.0], "log: the input must be positive"),
                                             ([-1000.0] * 3, "pow: 0 cannot be raised")])
def test_domain_errors_raise_like_eager(bias, error):
    # a target's probability of 1 * (1/inf) = 0; or every exp underflows and the sum is 0
    t, theta = saturated("cross_entropy", False, bias)
    X, y = t.data.arrays(TRAIN)
    with pytest.raises(ValueError, match=error):
        EagerBackend(t.model, "cross_entropy", False).loss(theta, X, y)
    with pytest.raises(ValueError, match=error):
        t.backend.loss(theta, X, y)


def test_stable_softmax_does_not_overflow_but_its_gradient_can():
    # exp(720) overflows; exp(-720) is a positive subnormal, whose log is finite but 1/p is not
    t, theta = saturated("cross_entropy", True, [720.0, 0.0, 0.0])
    X, y = t.data.arrays(TRAIN)
    with pytest.raises(ValueError, match="log"):  # the reference form: p = 1 * (1/inf) = 0
        saturated("cross_entropy", False, [720.0, 0.0, 0.0])[0].backend.loss(theta, X, y)
    le, ge = EagerBackend(t.model, "cross_entropy", True).loss_and_grad(theta, X, y)
    lf, gf = t.backend.loss_and_grad(theta, X, y)
    assert np.isfinite(lf) and lf == le
    assert not np.isfinite(gf).all() and np.array_equal(ge, gf, equal_nan=True)
    t.set_theta(theta)
    with pytest.raises(Diverged, match="gradient"):
        t.step()


def test_interface():
    t = Trainer(get_preset("llm101n").config.with_changes(engine="fast"))
    assert t.backend.exact is True  # the eager engine's floats, bit for bit (test_bitwise.py)
    with pytest.raises(ValueError, match="parameters"):
        t.backend.loss(t.theta[:-1], *t.data.arrays(TRAIN))
    assert t.backend.outputs(t.theta, np.zeros((0, 2))).shape == (0, 3)
