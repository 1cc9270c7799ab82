"""Runs that really diverge stop with Diverged, go back to their last good state and say why.

No test here depends on the step at which a chaotic run diverges: the run is followed step by step and the
trainer is compared with the states it went through. Where the step itself is asserted, the engine is eager.
Each config diverges on every seed tried (1-40, fast engine): AdamW at lr 10 with relu and at lr 100 with tanh
at step 2 or 3 (AdamW's first steps move every weight by about lr), SGD with momentum at lr 20 on the reference
cross-entropy at steps 9-55. (At lr 10 it is chaotic: step 235 on seed 42, none in 600 steps on seeds 7 and 10.)
"""

from types import SimpleNamespace

import numpy as np
import pytest

from micrograd_gui import cli
from micrograd_gui.core.datasets import TRAIN, Dataset
from micrograd_gui.core.divergence import EXP_OVERFLOW, cause, explain
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import DIVERGED_AT_EXTREME_WEIGHTS, Diverged, Trainer

SPIRAL = get_preset("spiral").config
DIVERGING = {
    "adamw-lr10-relu": SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=10.0), activation="relu"),
    "adamw-lr100-tanh": SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=100.0)),
    "momentum-lr20-reference-ce": SPIRAL.with_changes(optimizer=OptimizerConfig("momentum", lr=20.0),
                                                      stable_softmax=False),
}
EAGER_STEP = {"adamw-lr10-relu": 2, "adamw-lr100-tanh": 2}  # seed 42, eager engine (about 1.5 s each)
SEEDS = (42, 7, 1337)
RESET_ADVICE = "Press Reset (R) for fresh weights"


def snapshot(t: Trainer) -> dict:
    """Everything a step changes."""
    o = t.optimizer
    return {"theta": t.theta.copy(), "t": o.t, "m": o.m.copy(), "v": o.v.copy(), "update": o.last_update.copy(),
            "rng": t.rng.getstate(), "step": t.step_count,
            "grad": None if t.last_grad is None else t.last_grad.copy()}


def same(a: dict, b: dict) -> bool:
    return a.keys() == b.keys() and all(
        (a[k] is None and b[k] is None) if a[k] is None or b[k] is None
        else np.array_equal(a[k], b[k]) for k in a)


def run_to_divergence(t: Trainer, limit: int = 300) -> tuple[Diverged, list[dict]]:
    """The Diverged raised and the states before every step tried: states[k - 1] is the one before step k."""
    states = []
    for _ in range(limit):
        states.append(snapshot(t))
        try:
            t.step()
        except Diverged as e:
            return e, states
    raise AssertionError(f"no divergence in {limit} steps")


@pytest.mark.parametrize("name,engine,seed", [(name, "fast", seed) for name in DIVERGING for seed in SEEDS]
                         + [(name, "eager", 42) for name in EAGER_STEP])
def test_a_diverging_run_goes_back_to_its_last_good_state_and_says_why(name, engine, seed):
    t = Trainer(DIVERGING[name].with_changes(engine=engine, seed=seed))
    e, states = run_to_divergence(t)
    k = len(states)  # the step that diverged
    if engine == "eager":
        assert k == EAGER_STEP[name]
    assert k >= 2 and f"Training stopped at step {k}:" in str(e) and "learning rate" in str(e)
    # the state before the last step that worked: its loss and gradients were finite, a smaller step can leave it
    assert same(snapshot(t), states[k - 2]) and np.isfinite(t.theta).all()
    assert t.divergence_cause is not None and explain(t, str(e)) == f"{t.divergence_cause} {e}"
    if name.startswith("adamw"):
        assert "softmax probability underflowed to 0" in t.divergence_cause
    with pytest.raises(Diverged) as again:  # stepping again says the same, rather than fail another way
        t.step()  # the step that worked, taken again
        t.step()
    assert str(again.value) == str(e) and same(snapshot(t), states[k - 2])


@pytest.mark.parametrize("seed", SEEDS)
def test_a_lower_learning_rate_continues_from_where_it_went_back(seed):
    t = Trainer(DIVERGING["momentum-lr20-reference-ce"].with_changes(seed=seed))
    run_to_divergence(t)
    t.set_live(t.config.with_changes(optimizer=OptimizerConfig("momentum", lr=0.05)))
    for _ in range(30):
        assert np.isfinite(t.step().train_loss)


def test_the_reference_cross_entropy_overflows_where_the_stable_one_does_not():
    config = get_preset("llm101n").config  # the reference (unstable) cross-entropy
    assert not config.stable_softmax
    t = Trainer(config)
    nout, nin = t.num_outputs, len(t.model.layers[-1].neurons[0].w)
    start = t.theta.size - nout * (nin + 1)
    theta = t.theta.copy()
    theta[[start + j * (nin + 1) + nin for j in range(nout)]] = 720.0  # every output bias past exp's overflow
    t.set_theta(theta)
    with pytest.raises(Diverged) as e:
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 0
    # no learning rate steps out of weights typed past exp's range: the advice is a reset
    assert e.value.template == DIVERGED_AT_EXTREME_WEIGHTS and RESET_ADVICE in str(e.value)
    assert "learning rate will not help" in str(e.value)
    why = cause(t)
    assert why is not None and "An exp overflowed" in why and f"{EXP_OVERFLOW:.1f}" in why
    assert why == t.divergence_cause and why in explain(t, str(e.value))
    stable = Trainer(config.with_changes(stable_softmax=True))
    stable.set_theta(theta)
    assert np.isfinite(stable.step().train_loss)  # subtracting the largest logit first keeps it finite


def test_a_run_that_stays_finite_has_no_cause():
    t = Trainer(get_preset("llm101n").config)
    t.step()
    assert cause(t) is None and explain(t, "message") == "message"


def test_weights_set_by_hand_are_not_undone_by_going_back():
    t = Trainer(get_preset("llm101n").config)
    t.step()
    theta = t.theta.copy()
    theta[-1] = 800.0  # a logit past exp's overflow, set by hand
    t.set_param(theta.size - 1, 800.0)
    with pytest.raises(Diverged) as e:
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 1
    assert "An exp overflowed" in explain(t, str(e.value)) and RESET_ADVICE in str(e.value)


def test_a_failed_step_is_undone_whole():
    """With nothing to go back to, the trainer is exactly as before the step: mini-batch draw included."""
    t = Trainer(get_preset("llm101n").config.with_changes(batch_size=16))
    for _ in range(3):
        t.step()
    t.set_param(t.theta.size - 1, 800.0)
    before = snapshot(t)
    with pytest.raises(Diverged):
        t.step()
    assert same(snapshot(t), before)


def test_an_unexpected_error_mid_step_leaves_no_half_taken_step(monkeypatch):
    t = Trainer(get_preset("llm101n").config.with_changes(batch_size=16))
    t.step()
    before, real = snapshot(t), t.optimizer.step

    def update_then_fail(theta, grad):
        real(theta, grad)  # the moments and the step count have moved
        raise RuntimeError("boom")

    monkeypatch.setattr(t.optimizer, "step", update_then_fail)
    with pytest.raises(RuntimeError, match="boom"):
        t.step()
    assert same(snapshot(t), before)


def huge_gradient_trainer(engine):
    """A finite loss whose gradient passes 1e154: AdamW's squared gradient overflows (found by the load test)."""
    config = get_preset("xor").config.with_changes(activation="relu", loss="hinge", hidden=(4,), engine=engine)
    t = Trainer(config)
    theta = t.theta.copy()
    theta[:12] = 1e-150  # the hidden layer: tiny
    theta[12:] = 1e160  # the output neuron: huge, so d loss / d hidden weight is about 1e159
    t.set_theta(theta)
    return t, theta


@pytest.mark.parametrize("engine", ["fast", "eager"])
def test_a_gradient_whose_square_overflows_diverges_without_warnings_or_a_stalled_optimizer(engine):
    t, theta = huge_gradient_trainer(engine)
    before = snapshot(t)
    with pytest.raises(Diverged) as e:  # not OverflowError (eager) nor a RuntimeWarning (fast): filterwarnings=error
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 0 and t.optimizer.t == 0 and same(snapshot(t), before)
    assert np.isfinite(t.optimizer.m).all() and np.isfinite(t.optimizer.v).all()  # a session can still be saved
    assert RESET_ADVICE in str(e.value)  # AdamW squares the gradient whatever the learning rate


def test_going_back_across_a_change_of_optimizer_starts_the_new_one_afresh():
    t = Trainer(get_preset("llm101n").config)
    states = []
    for _ in range(3):
        states.append(snapshot(t))
        t.step()
    t.set_optimizer(OptimizerConfig("sgd", lr=0.1))  # AdamW's moments mean nothing to SGD
    d = t.data  # and a training point no weights give a finite loss at
    t.set_data(Dataset(d.xs + (np.nan,), d.ys + (0.0,), d.labels + (0,), d.splits + (TRAIN,), d.num_classes))
    with pytest.raises(Diverged):
        t.step()
    assert np.array_equal(t.theta, states[2]["theta"]) and t.step_count == 2  # one step back
    assert t.optimizer.t == 0 and not t.optimizer.m.any() and not t.optimizer.v.any()


def test_the_command_line_stops_as_the_app_does(monkeypatch, capsys):
    config = DIVERGING["momentum-lr20-reference-ce"]
    t = Trainer(config)
    e, states = run_to_divergence(t)
    monkeypatch.setattr(cli, "get_preset", lambda name: SimpleNamespace(config=config))
    assert cli.main(["train", "--steps", "300"]) == 1
    out, err = capsys.readouterr()
    assert err.strip() == f"micrograd-gui: {explain(t, str(e))}"  # the cause, what was done, what to do
    assert out.splitlines()[-1].startswith(f"step {len(states) - 1}/300, train loss ")
