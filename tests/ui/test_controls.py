"""Controls: step, play / pause, reset, live learning rate, refused input, divergence."""

import pytest
from PySide6.QtCore import Qt
from uihelpers import wait_snapshot

from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset


def test_step_advances_one_step_and_changes_the_loss(qtbot, window):
    w = window
    before = wait_snapshot(qtbot, w, lambda s: s.step == 0).metrics.train_loss
    qtbot.mouseClick(w.controls.step, Qt.MouseButton.LeftButton)
    after = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    assert after.metrics.train_loss != before
    qtbot.keyClick(w, Qt.Key.Key_Right)
    wait_snapshot(qtbot, w, lambda s: s.step == 2)
    qtbot.mouseClick(w.controls.step10, Qt.MouseButton.LeftButton)
    wait_snapshot(qtbot, w, lambda s: s.step == 12)
    assert w.status.step_label.text() == "step 12"


def test_play_then_pause_stops_within_one_tick(qtbot, window):
    w = window
    with qtbot.waitSignal(w.controller.running_changed, check_params_cb=lambda r: r):
        qtbot.mouseClick(w.controls.play, Qt.MouseButton.LeftButton)
    wait_snapshot(qtbot, w, lambda s: s.step > 20)
    assert w.controls.play.text().endswith("Pause")
    with qtbot.waitSignal(w.controller.running_changed, check_params_cb=lambda r: not r):
        qtbot.keyClick(w, Qt.Key.Key_Space)
    stopped = wait_snapshot(qtbot, w, lambda s: not s.running).step
    with qtbot.assertNotEmitted(w.controller.snapshot, wait=300):
        pass  # no further training snapshots arrive once paused
    assert w.controller.last.step == stopped and w.controls.play.text().endswith("Play")


def test_reset_with_the_same_seed_gives_the_same_initial_loss(qtbot, window):
    w = window
    first = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    w.controls.step10.click()
    wait_snapshot(qtbot, w, lambda s: s.step == 10)
    qtbot.keyClick(w, Qt.Key.Key_R)
    again = wait_snapshot(qtbot, w, lambda s: s.step == 0 and s.run > first.run)
    assert again.metrics.train_loss == first.metrics.train_loss
    assert (again.theta == first.theta).all()


def test_learning_rate_change_while_playing_takes_effect(qtbot, window):
    w = window
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: s.running and s.step > 5)
    edit = w.findChild(type(w.controls.lr.edit), "learningRateInput")
    edit.selectAll()
    qtbot.keyClicks(edit, "0.02")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    snap = wait_snapshot(qtbot, w, lambda s: s.config.optimizer.lr == 0.02)
    assert snap.running
    assert w.controls.lr_slider.slider.value() == round(
        __import__("math").log10(0.02 / 1e-4) * w.controls.lr_slider.STEPS_PER_DECADE)
    w.controls.play.click()


@pytest.mark.parametrize("text,why", [("abc", "not a number"), ("-1", "above 0"), ("nan", "finite"),
                                      ("1e9", "at most")])
def test_invalid_learning_rate_is_refused_with_a_visible_reason(qtbot, window, text, why):
    w = window
    field = w.controls.lr
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert field.error.isVisible() and why in field.error.text() and "Kept 0.1" in field.error.text()
    assert field.value() == 0.1
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "0.05")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert not field.error.isVisible() and field.value() == 0.05


def test_network_changes_wait_for_reset_and_say_so(qtbot, window):
    w = window
    w.controls.widths[0].setValue(12)
    assert w.controls.pending.isVisible()
    assert w.controller.last.config.hidden == (8,)
    w.controls.reset.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.config.hidden == (12,))
    assert not w.controls.pending.isVisible() and snap.theta.size == 12 * 3 + 3 * 13


def test_divergence_pauses_restores_and_explains(qtbot, make_window):
    cfg = get_preset("spiral").config.with_changes(optimizer=OptimizerConfig("adamw", lr=100.0),
                                                   stable_softmax=False)
    w = make_window(cfg)
    with qtbot.waitSignal(w.controller.diverged, timeout=20_000):
        w.controls.play.click()
    snap = wait_snapshot(qtbot, w, lambda s: not s.running)
    assert w.message.isVisible() and w.message.kind == "error"
    assert "learning rate" in w.message.text.text()
    assert __import__("numpy").isfinite(snap.theta).all()


def test_seed_reproduces_data_and_weights(qtbot, window):
    from micrograd_gui.core.datasets import make_dataset
    from micrograd_gui.core.rng import RNG

    w = window
    first = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    w.dataset_panel.seed.setValue(7)
    assert w.controls.pending.isVisible()
    w.dataset_panel.regenerate.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.config.seed == 7)
    assert w.model.data == make_dataset(w.dataset_panel.spec(), RNG(7))
    assert not (snap.theta == first.theta).all()
    w.dataset_panel.seed.setValue(42)
    w.dataset_panel.regenerate.click()
    again = wait_snapshot(qtbot, w, lambda s: s.config.seed == 42)
    assert (again.theta == first.theta).all()


def test_region_toggles_under_the_plot_follow_the_view_menu(qtbot, window):
    w = window
    box = w.findChild(type(w.controls.stable), "hardToggle")
    assert box is not None and not box.isChecked()
    qtbot.keyClick(w, Qt.Key.Key_H)
    assert box.isChecked() and w.data_panel.hard_regions
    box.click()
    assert not w.menus.hard_action.isChecked() and not w.data_panel.hard_regions
    regions = w.findChild(type(box), "regionsToggle")
    regions.click()
    assert not w.data_panel.regions.isVisible()


def test_enter_or_esc_in_a_field_hands_the_keys_back_to_the_plane(qtbot, window):
    # typing a learning rate, then Space: the run plays (before, Space typed a space into the field)
    from PySide6.QtWidgets import QApplication, QLineEdit

    w = window
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    edit = w.findChild(QLineEdit, "learningRateInput")

    def type_then(text, key):
        edit.setFocus()
        qtbot.waitUntil(edit.hasFocus)
        edit.selectAll()
        qtbot.keyClicks(edit, text)
        qtbot.keyClick(edit, key)
        qtbot.waitUntil(w.data_panel.plot.hasFocus)

    type_then("0.05", Qt.Key.Key_Return)
    with qtbot.waitSignal(w.controller.running_changed, check_params_cb=lambda r: r):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert edit.text() == "0.05" and wait_snapshot(qtbot, w, lambda s: s.running).config.optimizer.lr == 0.05
    w.controller.pause()
    type_then("7", Qt.Key.Key_Escape)  # Esc drops what was typed and hands the keys back too
    assert edit.text() == "0.05" and w.controls.lr.value() == 0.05
