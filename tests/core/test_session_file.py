"""Sessions: exact continuation after save and open; every malformed file named, never half-loaded."""

import json
import os
import re
from dataclasses import replace

import numpy as np
import pytest

from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer

CFG = get_preset("llm101n").config.with_changes(batch_size=16)


def trained(steps=12):
    t = Trainer(CFG)
    for _ in range(steps):
        t.step()
    return t


def test_save_open_continue_equals_an_uninterrupted_run(tmp_path):
    a = trained()
    path = tmp_path / "s.json"
    sf.save(path, sf.Session(a.state(), {"train": [[1, 1.0]], "val": []}, {"lesson": "x"}))
    s = sf.load(path)
    b = Trainer.from_state(s.state)
    # what the last step did comes back too (the optimizer table shows it before the next step)
    assert np.array_equal(b.optimizer.last_update, a.optimizer.last_update) and a.optimizer.last_update.any()
    assert np.array_equal(b.last_grad, a.last_grad)
    assert [a.step().train_loss for _ in range(25)] == [b.step().train_loss for _ in range(25)]
    assert np.array_equal(a.theta, b.theta) and s.curves["train"] == [[1.0, 1.0]] and s.ui["lesson"] == "x"


def test_a_session_saved_before_the_last_step_was_kept_still_opens_and_continues():
    a = trained()
    d = json.loads(sf.to_json(sf.Session(a.state())))
    del d["optimizer"]["last_update"], d["last_grad"]  # as saved by the first version of the format
    b = Trainer.from_state(sf.from_json(json.dumps(d)).state)
    assert b.last_grad is None and not b.optimizer.last_update.any()
    assert [a.step().train_loss for _ in range(5)] == [b.step().train_loss for _ in range(5)]


def test_a_last_gradient_too_large_to_read_back_is_left_out_not_fatal():
    a = trained(1)
    st = a.state()
    big = st.last_grad.copy()
    big[0] = 1e200  # finite, but past what a session file reads back
    d = json.loads(sf.to_json(sf.Session(replace(st, last_grad=big))))
    assert "last_grad" not in d and "last_update" in d["optimizer"]
    assert sf.from_json(json.dumps(d)).state.last_grad is None


def test_save_is_atomic_when_the_write_fails(tmp_path, monkeypatch):
    path = tmp_path / "s.json"
    path.write_text("the user's precious file")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(OSError):
        sf.save(path, sf.Session(trained(1).state()))
    assert path.read_text() == "the user's precious file"
    assert [p.name for p in tmp_path.iterdir()] == ["s.json"]  # no temporary left behind


def good_doc():
    return json.loads(sf.to_json(sf.Session(trained(2).state())))


@pytest.mark.parametrize("mutate,message", [
    (lambda d: d.update(version=99), "newer version"),
    (lambda d: d.update(format="other"), "not a micrograd GUI session"),
    (lambda d: d.pop("weights"), "has no 'weights'"),
    (lambda d: d["weights"].__setitem__(0, "x"), "weights[0] should be a number"),
    (lambda d: d["weights"].__setitem__(3, 1e300), "not a usable number"),
    (lambda d: [d["weights"].pop(), d["optimizer"]["m"].pop(), d["optimizer"]["v"].pop()],
     "have 50 values but this model has 51"),
    (lambda d: d["optimizer"].update(m=[0.0]), "optimizer.m has 1 values, expected 51"),
    (lambda d: d["data"]["label"].__setitem__(0, 9), "data.label[0] is 9"),
    (lambda d: d["data"].update(x=[0.0]), "data.y has 100 values, expected 1"),
    (lambda d: d["config"].update(hidden=[0]), "settings in the file are not valid"),
    (lambda d: d["config"].update(colour="red"), "does not know: 'colour'"),
    (lambda d: d["config"]["dataset"].update(n=1.5), "config.dataset.n should be a whole number"),
    (lambda d: d["config"]["dataset"].update(holdout="yes"), "config.dataset.holdout should be true or false"),
    (lambda d: d["config"]["optimizer"].update(lr="0.1"), "config.optimizer.lr should be a number, not str"),
    (lambda d: d["config"].update(hidden=[64] * 6), "the model would have"),
    (lambda d: d.update(rng_state="0"), "rng_state must be between"),
    (lambda d: d.update(step=-1), "step is -1"),
    (lambda d: d["optimizer"].update(last_update=[0.0]), "the saved last update have 1 values"),
    (lambda d: d.update(last_grad=[1.0, "x"]), "last_grad[1] should be a number"),
])
def test_malformed_sessions_name_the_problem(mutate, message):
    d = good_doc()
    mutate(d)
    with pytest.raises(sf.SessionError, match=re.escape(message)):  # refused before the window changes
        sf.from_json(json.dumps(d))


@pytest.mark.parametrize("raw,message", [
    (b'{"format": "micrograd-gui-session", "version": 1, "weights": [', "not valid JSON"),
    (b"\x89PNG\r\n\x1a\n\x00\x00binary", "not UTF-8"),
    ("é".encode("latin-1"), "not UTF-8"),
    (b'{"format": "micrograd-gui-session", "version": 1, "weights": [NaN]}', "NaN"),
    (b"[]", "not a micrograd GUI session"),
])
def test_broken_files(tmp_path, raw, message):
    p = tmp_path / "bad.json"
    p.write_bytes(raw)
    with pytest.raises(sf.SessionError, match=message):
        sf.load(p)


def test_missing_file(tmp_path):
    with pytest.raises(sf.SessionError, match="cannot read"):
        sf.load(tmp_path / "nope.json")
