"""Runs that really diverge stop with Diverged, keep their last finite weights and say why.

Found with this engine: AdamW at lr 10 with tanh on the spiral preset does not diverge in 300 steps (AdamW's
normalised steps grow the weights by about lr a step, and tanh caps the hidden outputs, so the logits stay
below exp's overflow). AdamW at lr 10 with relu, AdamW at lr 100, and SGD with momentum at lr 10 on the
reference cross-entropy do diverge; so does the reference cross-entropy once a logit passes 709.8."""

import numpy as np
import pytest

from micrograd_gui.core.divergence import EXP_OVERFLOW, RecoveringTrainer, cause, explain
from micrograd_gui.core.lessons import LESSONS
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Diverged, Trainer

SPIRAL = get_preset("spiral").config
DIVERGING = {
    "adamw-lr10-relu": (SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=10.0), activation="relu"), 2),
    "adamw-lr100-tanh": (SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=100.0)), 2),
    "momentum-lr10-reference-ce": (SPIRAL.with_changes(optimizer=OptimizerConfig("momentum", lr=10.0),
                                                       stable_softmax=False), 83),
}


def run_to_divergence(t: Trainer, limit: int = 300) -> tuple[Diverged, dict]:
    for _ in range(limit):
        before = {"theta": t.theta.copy(), "t": t.optimizer.t, "m": t.optimizer.m.copy(),
                  "v": t.optimizer.v.copy(), "rng": t.rng.getstate(), "step": t.step_count}
        try:
            t.step()
        except Diverged as e:
            return e, before
    raise AssertionError(f"no divergence in {limit} steps")


@pytest.mark.parametrize("name,engine", [(name, "fast") for name in DIVERGING]
                         + [("adamw-lr10-relu", "eager"), ("adamw-lr100-tanh", "eager")])
def test_a_diverging_run_stops_with_its_last_finite_state(name, engine):
    config, at = DIVERGING[name]
    t = Trainer(config.with_changes(engine=engine))
    e, before = run_to_divergence(t)
    assert t.step_count + 1 == at and f"stopped at step {at}" in str(e)
    assert np.array_equal(t.theta, before["theta"]) and np.isfinite(t.theta).all()
    assert t.optimizer.t == before["t"] and np.array_equal(t.optimizer.m, before["m"])
    assert np.array_equal(t.optimizer.v, before["v"]) and t.step_count == before["step"]
    with pytest.raises(Diverged):  # stepping again says the same, rather than fail another way
        t.step()
    assert "softmax probability underflowed to 0" in explain(t, str(e))


def test_the_reference_cross_entropy_overflows_where_the_stable_one_does_not():
    config = get_preset("llm101n").config  # the reference (unstable) cross-entropy
    assert not config.stable_softmax
    t = Trainer(config)
    nout, nin = t.num_outputs, len(t.model.layers[-1].neurons[0].w)
    start = t.theta.size - nout * (nin + 1)
    theta = t.theta.copy()
    theta[[start + j * (nin + 1) + nin for j in range(nout)]] = 720.0  # every output bias past exp's overflow
    t.set_theta(theta)
    with pytest.raises(Diverged, match="the loss became NaN") as e:
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 0
    why = cause(t)
    assert why is not None and "An exp overflowed" in why and f"{EXP_OVERFLOW:.1f}" in why
    assert why in explain(t, str(e.value))
    stable = Trainer(config.with_changes(stable_softmax=True))
    stable.set_theta(theta)
    assert np.isfinite(stable.step().train_loss)  # subtracting the largest logit first keeps it finite


def test_a_run_that_stays_finite_has_no_cause():
    t = Trainer(get_preset("llm101n").config)
    t.step()
    assert cause(t) is None and explain(t, "message") == "message"


def test_the_app_trainer_goes_back_to_the_last_weights_a_smaller_step_can_leave():
    config, at = DIVERGING["momentum-lr10-reference-ce"]
    plain = Trainer(config)
    for _ in range(at - 2):
        plain.step()
    t = RecoveringTrainer(config)
    e, _ = run_to_divergence(t)
    assert f"stopped at step {at}" in str(e)
    assert t.step_count == at - 2 and np.array_equal(t.theta, plain.theta)  # one step further back than Trainer
    assert t.optimizer.t == plain.optimizer.t and np.array_equal(t.optimizer.m, plain.optimizer.m)
    assert "underflowed to 0" in explain(t, str(e))  # named at the weights that diverged
    with pytest.raises(Diverged):  # the same learning rate takes the same step into the same wall
        t.step()
        t.step()
    assert t.step_count == at - 2
    t.set_optimizer(OptimizerConfig("momentum", lr=0.05))
    for _ in range(30):
        assert np.isfinite(t.step().train_loss)


def test_the_lr_too_high_lessons_advice_works():
    """'Lower the learning rate to 0.05 and play again': the run continues instead of diverging at once."""
    lesson = next(le for le in LESSONS if le.name == "lr-too-high")
    t = RecoveringTrainer(lesson.config.with_changes(eval_every=1))
    run_to_divergence(t)
    t.set_live(t.config.with_changes(optimizer=OptimizerConfig("momentum", lr=0.05)))
    for _ in range(50):
        t.step()


def test_weights_set_by_hand_are_not_undone_by_going_back():
    t = RecoveringTrainer(get_preset("llm101n").config)
    t.step()
    theta = t.theta.copy()
    theta[-1] = 800.0  # a logit past exp's overflow, set by hand
    t.set_param(theta.size - 1, 800.0)
    with pytest.raises(Diverged):
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 1
    assert "An exp overflowed" in explain(t, "")


def huge_gradient_trainer(cls, engine):
    """A finite loss whose gradient passes 1e154: AdamW's squared gradient overflows (found by the load test)."""
    config = get_preset("xor").config.with_changes(activation="relu", loss="hinge", hidden=(4,), engine=engine)
    t = cls(config)
    theta = t.theta.copy()
    theta[:12] = 1e-150  # the hidden layer: tiny
    theta[12:] = 1e160  # the output neuron: huge, so d loss / d hidden weight is about 1e159
    t.set_theta(theta)
    return t, theta


@pytest.mark.parametrize("engine", ["fast", "eager"])
def test_a_gradient_whose_square_overflows_diverges_without_warnings_or_a_stalled_optimizer(engine):
    t, theta = huge_gradient_trainer(RecoveringTrainer, engine)
    with pytest.raises(Diverged):  # not OverflowError (eager) nor a RuntimeWarning (fast): filterwarnings=error
        t.step()
    assert np.array_equal(t.theta, theta) and t.step_count == 0 and t.optimizer.t == 0
    assert np.isfinite(t.optimizer.m).all() and np.isfinite(t.optimizer.v).all()  # a session can still be saved
