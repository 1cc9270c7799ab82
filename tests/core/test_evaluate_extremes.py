"""Trainer.evaluate() on weights whose loss cannot be computed ends in the training's divergence message."""

from __future__ import annotations

import numpy as np
import pytest

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.datasets import TEST, TRAIN, VAL, Dataset
from micrograd_gui.core.divergence import CAUSES, explain
from micrograd_gui.core.run import Run, metrics
from micrograd_gui.core.trainer import DIVERGED_AT_EXTREME_WEIGHTS, Diverged, Trainer

# the plane's corners, relu, micrograd's init scale 1 and six layers: logits over a thousand apart
EXTREME = TrainConfig(hidden=(8,) * 6, activation="relu", init_scale=1.0, seed=3)
CORNERS = [(100.0, 100.0), (-100.0, 100.0), (100.0, -100.0), (-100.0, -100.0)]


def corners(splits: tuple[int, ...] = (TRAIN,) * 4 + (VAL,) * 4 + (TEST,) * 4) -> Dataset:
    xs = tuple(p[0] for p in CORNERS) * 3
    ys = tuple(p[1] for p in CORNERS) * 3
    return Dataset(xs, ys, tuple(i % 3 for i in range(12)), splits, 3)


def spread(t: Trainer) -> float:
    out = t.outputs(np.array(CORNERS))
    return float((out.max(axis=1) - out.min(axis=1)).max())


@pytest.mark.parametrize("engine", ["fast", "eager"])
def test_evaluate_ends_in_the_divergence_message_training_gives(engine):
    config = EXTREME.with_changes(engine=engine)
    t = Trainer(config, corners())
    assert spread(t) > 1000  # far past exp's range (745): no machine's rounding decides this
    theta = t.theta.copy()
    with pytest.raises(Diverged) as evaluated:  # not ValueError: log: the input must be positive
        t.evaluate()
    trained = Trainer(config, corners())
    with pytest.raises(Diverged) as stepped:
        trained.step()
    assert evaluated.value.template == stepped.value.template == DIVERGED_AT_EXTREME_WEIGHTS
    assert str(evaluated.value) == str(stepped.value)
    said = explain(t, str(evaluated.value))
    assert said == explain(trained, str(stepped.value))
    assert said.startswith(CAUSES["underflow"].split("{")[0]) and "Press Reset" in said
    assert np.array_equal(t.theta, theta) and t.step_count == 0  # evaluating changed nothing


def test_only_the_test_split_out_of_reach_gives_no_test_loss_and_no_error():
    # the train and validation points are harmless; the test points sit at the corners
    xs = (0.1, -0.1, 0.2, -0.2) * 2 + tuple(p[0] for p in CORNERS)
    ys = (0.1, 0.2, -0.1, -0.2) * 2 + tuple(p[1] for p in CORNERS)
    data = Dataset(xs, ys, tuple(i % 3 for i in range(12)), (TRAIN,) * 4 + (VAL,) * 4 + (TEST,) * 4, 3)
    t = Trainer(EXTREME, data)
    m = t.evaluate()
    assert m["test"].loss is None and m["test"].count == 4 and m["test"].accuracy is not None
    assert m["train"].loss is not None and m["val"].loss is not None


def test_a_snapshot_of_such_weights_has_no_metrics_and_does_not_raise():
    t = Trainer(EXTREME, corners())
    assert metrics(t).train_loss is None
    run = Run()
    run.build(EXTREME, corners())
    snap = run.snapshot()
    assert snap is not None and snap.metrics.train_loss is None
