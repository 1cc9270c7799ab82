"""Divergence in the window: training pauses, the last weights whose loss was finite come back, the message
names the cause, no dialog pops up, the event loop keeps running, and a lower learning rate carries on."""

import numpy as np
import pytest
from PySide6.QtWidgets import QApplication, QDialog
from uihelpers import wait_snapshot

from micrograd_gui.core.divergence import explain
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Diverged, Trainer
from micrograd_gui.ui.diagnostics.driver import LatencyProbe

SPIRAL = get_preset("spiral").config
DIVERGING = {  # each diverges on every seed tried, within 55 steps (tests/core/test_divergence.py)
    "adamw-lr10-relu": SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=10.0), activation="relu"),
    "adamw-lr100-tanh": SPIRAL.with_changes(optimizer=OptimizerConfig("adamw", lr=100.0)),
    "momentum-lr20-reference-ce": SPIRAL.with_changes(optimizer=OptimizerConfig("momentum", lr=20.0),
                                                      stable_softmax=False),
}


def core_divergence(config):
    """The same run on the command line's trainer: the message it raises (cause in front) and its state after."""
    t = Trainer(config.with_changes(eval_every=1))  # the window's worker evaluates every step
    with pytest.raises(Diverged) as e:
        for _ in range(300):
            t.step()
    return explain(t, str(e.value)), t


def no_dialogs():
    return not [d for d in QApplication.topLevelWidgets() if isinstance(d, QDialog) and d.isVisible()]


def set_lr(w, text):
    w.controls.lr.edit.setText(text)
    w.controls.lr.edit.editingFinished.emit()


@pytest.mark.parametrize("name", DIVERGING)
def test_divergence_pauses_goes_back_explains_and_a_lower_rate_continues(qtbot, make_window, name):
    config = DIVERGING[name]
    w = make_window(config)
    probe = LatencyProbe()
    probe.start()
    with qtbot.waitSignal(w.controller.diverged, timeout=30_000):
        w.controls.play.click()
    snap = wait_snapshot(qtbot, w, lambda s: not s.running)
    probe.stop()
    text = w.message.text.text()
    assert w.message.isVisible() and w.message.kind == "error" and text.startswith("Training diverged.")
    assert "A softmax probability" in text or "An exp overflowed" in text  # the cause, named
    assert "learning rate" in text and "unexpected error" not in text and no_dialogs()
    assert max(probe.lateness_ms, default=0.0) < 1000  # the window kept handling events throughout
    # the window says and does what the command line's trainer does: same message, same weights, same step
    message, core = core_divergence(config)
    assert message in text and snap.step == core.step_count and np.array_equal(snap.theta, core.theta)
    # the weights are those of the last step whose loss and gradients were finite
    plain = Trainer(config.with_changes(eval_every=1))
    for _ in range(snap.step):
        plain.step()
    assert np.isfinite(snap.theta).all() and np.array_equal(snap.theta, plain.theta)
    assert w.status.step_label.text() == f"step {snap.step}" and not w.controller.running

    set_lr(w, "0.01")  # queued before the steps: they take it
    with qtbot.assertNotEmitted(w.controller.diverged):
        w.controls.step10.click()
        after = wait_snapshot(qtbot, w, lambda s: s.step == snap.step + 10)
    assert after.config.optimizer.lr == 0.01 and np.isfinite(after.metrics.train_loss)
    qtbot.waitUntil(lambda: w.loss_plot.series()[0].size and w.loss_plot.series()[0][-1] == after.step)
    steps = w.loss_plot.series()[0]
    assert (np.diff(steps) > 0).all()  # the step taken again replaced the one that led into the wall


def output_biases(snap, hidden):
    nin, nout = hidden[-1], snap.num_outputs
    start = snap.theta.size - nout * (nin + 1)
    return [start + j * (nin + 1) + nin for j in range(nout)]


def test_reference_cross_entropy_overflow_is_explained_and_the_stable_one_copes(qtbot, make_window):
    config = get_preset("llm101n").config  # the reference cross-entropy: exp of the raw logits
    w = make_window(config)
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    biases = output_biases(snap, config.hidden)
    for i in biases:  # as typed into the network view: every output bias past exp's overflow
        w.controller.set_param(i, 720.0, snap.run)
    wait_snapshot(qtbot, w, lambda s: all(s.theta[i] == 720.0 for i in biases))
    with qtbot.waitSignal(w.controller.diverged):
        w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: not s.running)
    text = w.message.text.text()
    assert "An exp overflowed" in text and "709.8" in text and "Stable softmax" in text
    assert "Press Reset (R)" in text and "will not help" in text  # typed past exp's range: no rate steps out
    assert snap.step == 0 and all(snap.theta[i] == 720.0 for i in biases) and no_dialogs()

    w.controls.stable.setChecked(True)  # the advice: the stable form, applied on reset
    w.controls.reset.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.config.stable_softmax and s.step == 0)
    assert not w.message.isVisible()
    for i in biases:
        w.controller.set_param(i, 720.0, snap.run)
    wait_snapshot(qtbot, w, lambda s: all(s.theta[i] == 720.0 for i in biases))
    with qtbot.assertNotEmitted(w.controller.diverged):
        w.controls.step.click()
        snap = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    assert np.isfinite(snap.metrics.train_loss)
