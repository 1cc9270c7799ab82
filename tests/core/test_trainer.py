"""Trainer: determinism, reset, live settings, divergence, mini-batches and every config message."""

import math

import numpy as np
import pytest

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import TRAIN, Dataset, DatasetSpec
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import PRESETS, get_preset
from micrograd_gui.core.trainer import Diverged, Trainer

LLM = get_preset("llm101n").config.with_changes(engine="eager")


def losses(trainer, n):
    return [trainer.step().train_loss for _ in range(n)]


def test_same_seed_same_run_other_seed_other_run():
    assert losses(Trainer(LLM), 5) == losses(Trainer(LLM), 5)
    assert losses(Trainer(LLM.with_changes(seed=43)), 5) != losses(Trainer(LLM), 5)


def test_reset_reinitialises_weights_from_the_seed_and_keeps_edited_data():
    t = Trainer(LLM)
    first = t.step().train_loss
    losses(t, 3)
    data = t.data.with_point(0.1, 0.2, 1)
    t.reset(data=data)
    assert t.step_count == 0 and t.data is data
    fresh = Trainer(LLM, data=data)
    assert t.step().train_loss == fresh.step().train_loss != first


def test_learning_rate_applies_live():
    a, b = Trainer(LLM), Trainer(LLM)
    a.step(), b.step()
    b.set_optimizer(OptimizerConfig("adamw", lr=0.01, weight_decay=1e-4))
    a.step(), b.step()
    assert a.step().train_loss != b.step().train_loss
    assert b.config.optimizer.lr == 0.01


def test_metrics_cover_every_split():
    t = Trainer(LLM)
    losses(t, 20)
    m = t.evaluate()
    assert m["train"].count == 80 and m["val"].count == 10 and m["test"].count == 10
    assert 0 <= m["val"].accuracy <= 1 and m["train"].loss < 1.0
    assert t.probabilities(np.zeros((3, 2))).sum(axis=1) == pytest.approx([1, 1, 1])


def test_minibatches_are_drawn_from_the_seed():
    cfg = LLM.with_changes(batch_size=16)
    assert losses(Trainer(cfg), 4) == losses(Trainer(cfg), 4)
    assert losses(Trainer(cfg), 4) != losses(Trainer(LLM), 4)


def test_divergence_raises_and_keeps_the_last_finite_weights():
    cfg = LLM.with_changes(optimizer=OptimizerConfig("sgd", lr=1e6))
    t = Trainer(cfg)
    with pytest.raises(Diverged, match="learning rate") as e:
        for _ in range(50):
            t.step()
    assert "restored" in str(e.value)
    assert np.isfinite(t.theta).all()


def test_reference_softmax_overflow_is_reported_not_crashed():
    t = Trainer(LLM)
    t.set_theta(t.theta * 1e4)  # logits of order 1e3: exp overflows without the max shift
    with pytest.raises(Diverged):
        t.step()


@pytest.mark.parametrize("name", [n for n in PRESETS if n != "hand"])
def test_every_preset_trains_and_lowers_its_loss(name):
    t = Trainer(PRESETS[name].config.with_changes(engine="eager"))
    before = t.step().train_loss
    for _ in range(9):
        after = t.step().train_loss
    assert math.isfinite(after) and after < before


@pytest.mark.parametrize("seed", [42, 1, 7, 1337])
def test_moons_demo_reaches_full_accuracy(seed):
    t = Trainer(get_preset("moons-demo").config.with_changes(seed=seed))
    results = t.run(100, log=lambda s: None)
    assert t.evaluate()["train"].accuracy == 1.0
    assert results[-1].train_loss == pytest.approx(0.011, abs=0.003)


# ---- every message a person may meet --------------------------------------------------------

def expect(match, config=None, data=None):
    with pytest.raises(ConfigError, match=match):
        t = Trainer(config or LLM, data=data)
        t.check_data()


def test_no_training_points():
    expect("no training points", data=Dataset(num_classes=3))


def test_one_class_only():
    d = Dataset()
    for i in range(10):
        d = d.with_point(i / 10, 0.0, 1, split=TRAIN)
    expect("All training points are class 1", data=d)


def test_more_classes_than_outputs():
    t = Trainer(LLM)
    t.set_data(t.data.with_point(0.0, 0.0, 3))
    with pytest.raises(ConfigError, match="4 classes but the model outputs 3"):
        t.step()


def test_hidden_sizes_and_depth():
    expect("1 to 64 neurons", LLM.with_changes(hidden=(8, 65)))
    expect("1 to 64 neurons", LLM.with_changes(hidden=(0,)))
    expect("at most 6 hidden layers", LLM.with_changes(hidden=(2,) * 7))


@pytest.mark.parametrize("lr", [0.0, -0.1, float("nan"), float("inf")])
def test_learning_rate_must_be_positive_and_finite(lr):
    expect("learning rate must be a positive finite number", LLM.with_changes(
        optimizer=OptimizerConfig("adamw", lr=lr)))


def test_other_settings():
    expect("unknown activation", LLM.with_changes(activation="swish"))
    expect("unknown loss", LLM.with_changes(loss="focal"))
    expect("unknown optimizer", LLM.with_changes(optimizer=OptimizerConfig("lbfgs")))
    expect("seed", LLM.with_changes(seed=-1))
    expect("batch size", LLM.with_changes(batch_size=-2))
    expect("L2", LLM.with_changes(l2=-1.0))
    expect("beta2", LLM.with_changes(optimizer=OptimizerConfig("adamw", beta2=1.0)))
    expect("exactly 3 classes", TrainConfig(DatasetSpec("yinyang", 100, 0.0, 5)))
