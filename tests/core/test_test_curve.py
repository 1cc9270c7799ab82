"""The test loss beside train and validation: computed as the validation loss is, carried to the curves, saved."""

import json

import pytest

from micrograd_gui.core.datasets import TEST, TRAIN, VAL
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.run import Run
from micrograd_gui.core.trainer import Trainer

CFG = get_preset("llm101n").config


def test_a_step_reports_the_test_loss_at_the_weights_it_started_from():
    t = Trainer(CFG.with_changes(eval_every=2))
    before = t.split_loss(TEST)
    r = t.step()
    assert r.test_loss == before and r.val_loss is not None and r.test_loss != r.val_loss
    assert t.step().test_loss is None  # evaluated every eval_every steps, as the validation loss
    before = t.split_loss(TEST)
    assert t.step().test_loss == before


def test_no_test_points_no_test_loss():  # the log prints no test loss: the reference runs stay byte-identical
    t = Trainer(CFG)
    t.set_data(t.data.cleared().with_point(0.0, 0.0, 0, TRAIN).with_point(1.0, 1.0, 1, TRAIN)
               .with_point(0.5, 0.5, 1, VAL))
    r = t.step()
    assert r.test_loss is None and r.val_loss is not None


def test_a_test_loss_that_cannot_be_computed_never_stops_training(monkeypatch):
    t = Trainer(CFG.with_changes(engine="eager"))
    real = t.split_loss

    def failing(split):
        if split == TEST:
            raise ValueError("log: the input must be positive, got 0.0")
        return real(split)

    monkeypatch.setattr(t, "split_loss", failing)
    r = t.step()
    assert r.test_loss is None and r.val_loss is not None and t.step_count == 1


def test_the_run_hands_the_test_loss_to_the_snapshots():
    run = Run(clock=lambda: 0.0)
    run.build(CFG, None)
    run.step()
    run.step()
    history = run.snapshot().history
    assert [len(h) for h in history] == [4, 4] and all(h[3] is not None for h in history)
    assert history[0][3] == Trainer(CFG).split_loss(TEST)


def test_sessions_keep_the_test_curve_and_older_ones_open_without_it():
    t = Trainer(CFG)
    curves = {"train": [[1.0, 1.0]], "val": [[1.0, 1.1]], "test": [[1.0, 1.2]]}
    text = sf.to_json(sf.Session(t.state(), curves))
    assert sf.from_json(text).curves == curves
    d = json.loads(text)
    del d["curves"]["test"]
    assert sf.from_json(json.dumps(d)).curves == {"train": [[1.0, 1.0]], "val": [[1.0, 1.1]], "test": []}
    d["curves"]["test"] = [[1.0, "x"]]
    with pytest.raises(sf.SessionError, match=r"curves\.test\[0\]"):
        sf.from_json(json.dumps(d))
