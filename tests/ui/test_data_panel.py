"""The plane: click adds, drag moves, right/ctrl-click removes, undo/redo, classes, regions drawn."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from uihelpers import click_data, drag_data, wait_snapshot

from micrograd_gui.core.presets import get_preset

HAND = get_preset("hand").config


def test_click_adds_a_point_of_the_active_class_where_clicked(qtbot, make_window):
    w = make_window(HAND)
    click_data(qtbot, w, 0.5, -1.0)
    qtbot.keyClick(w, Qt.Key.Key_2)
    click_data(qtbot, w, -1.25, 1.5)
    d = w.model.data
    assert d.labels == (0, 1)
    assert d.xs == pytest.approx((0.5, -1.25), abs=0.03) and d.ys == pytest.approx((-1.0, 1.5), abs=0.03)
    assert w.dataset_panel.class_buttons.checkedId() == 1


def test_shift_click_adds_the_next_class(qtbot, make_window):
    w = make_window(HAND)
    click_data(qtbot, w, 0.0, 0.0, mods=Qt.KeyboardModifier.ShiftModifier)
    assert w.model.data.labels == (1,)


def test_drag_moves_a_point_and_is_one_undo_step(qtbot, make_window):
    w = make_window(HAND)
    click_data(qtbot, w, -1.0, -1.0)
    drag_data(qtbot, w, (-1.0, -1.0), (1.0, 0.5))
    d = w.model.data
    assert len(d) == 1 and (d.xs[0], d.ys[0]) == pytest.approx((1.0, 0.5), abs=0.05)
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert (w.model.data.xs[0], w.model.data.ys[0]) == pytest.approx((-1.0, -1.0), abs=0.03)


def test_drag_away_from_points_moves_nothing(qtbot, make_window):
    w = make_window(HAND)
    click_data(qtbot, w, -1.0, -1.0)
    before = w.model.data
    drag_data(qtbot, w, (1.5, 1.5), (0.5, 0.5))
    assert w.model.data == before


def test_right_click_and_ctrl_click_remove_the_nearest(qtbot, make_window):
    w = make_window(HAND)
    for x in (-1.5, 0.0, 1.5):
        click_data(qtbot, w, x, 0.0)
    click_data(qtbot, w, 0.1, 0.1, button=Qt.MouseButton.RightButton)
    assert w.model.data.xs == pytest.approx((-1.5, 1.5), abs=0.03)
    click_data(qtbot, w, 1.4, 0.0, mods=Qt.KeyboardModifier.ControlModifier)
    assert w.model.data.xs == pytest.approx((-1.5,), abs=0.03)


def test_undo_redo_every_edit_with_keys_and_buttons(qtbot, make_window):
    w = make_window(HAND)
    click_data(qtbot, w, 0.0, 0.0)
    click_data(qtbot, w, 1.0, 1.0)
    qtbot.mouseClick(w.dataset_panel.clear, Qt.MouseButton.LeftButton)
    assert len(w.model.data) == 0
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(w.model.data) == 2
    qtbot.mouseClick(w.dataset_panel.undo, Qt.MouseButton.LeftButton)
    assert len(w.model.data) == 1
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(w.model.data) == 2
    qtbot.mouseClick(w.dataset_panel.redo, Qt.MouseButton.LeftButton)
    assert len(w.model.data) == 0
    assert not w.dataset_panel.redo.isEnabled()


def test_no_training_points_or_one_class_disables_play_and_says_what_to_add(qtbot, make_window):
    w = make_window(HAND)
    c = w.controls
    assert not c.play.isEnabled() and "no training points" in c.play_reason.text()
    click_data(qtbot, w, 0.0, 0.0)
    assert not c.play.isEnabled() and "other class" in c.play_reason.text()
    qtbot.keyClick(w, Qt.Key.Key_2)
    click_data(qtbot, w, 1.0, 0.0)
    assert c.play.isEnabled() and not c.play_reason.isVisible()


def test_a_new_class_is_announced_before_and_grows_the_model(qtbot, window):
    w = window
    assert w.model.capacity == 3 and not w.dataset_panel.class_hint.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_4)
    assert w.dataset_panel.class_hint.isVisible() and "grows the output layer" in w.dataset_panel.class_hint.text()
    click_data(qtbot, w, 0.0, 0.0)
    snap = wait_snapshot(qtbot, w, lambda s: s.num_classes == 4)
    assert snap.num_outputs == 4 and w.message.isVisible() and "grew" in w.message.text.text()
    assert not w.dataset_panel.class_hint.isVisible()


def test_regions_are_drawn_blended_and_hard(qtbot, window):
    w = window
    qtbot.waitUntil(lambda: w.data_panel.regions.image is not None)
    probs = w.data_panel._probs  # the last map a snapshot brought (edits of data or probe bring none)
    assert probs.shape[0] >= 150 and probs.shape[2] == 3
    img = w.data_panel.regions.image
    assert img.shape[:2] == probs.shape[:2]
    w.menus.hard_action.trigger()
    hard = w.data_panel.regions.image
    assert len(np.unique(hard.reshape(-1, 3), axis=0)) <= 3
    w.menus.contour_action.trigger()
    assert any(c.isVisible() for c in w.data_panel.contours)


def test_regenerate_draws_the_chosen_dataset(qtbot, window):
    w = window
    p = w.dataset_panel
    p.chooser.setCurrentIndex(p.chooser.findData("spiral"))
    p.n.setValue(60)
    qtbot.mouseClick(p.regenerate, Qt.MouseButton.LeftButton)
    assert len(w.model.data) == 60
    snap = wait_snapshot(qtbot, w, lambda s: s.config.dataset.kind == "spiral")
    assert snap.step == 0


def test_a_click_on_a_point_selects_it_and_a_click_beside_it_adds_one(qtbot, window):
    w = window
    d = w.model.data
    n = len(d)
    click_data(qtbot, w, d.xs[0] + 0.01, d.ys[0] - 0.01)  # on the point: it becomes the probe
    assert len(w.model.data) == n and w.model.probe == (d.xs[0], d.ys[0], d.labels[0])
    click_data(qtbot, w, d.xs[0] + 0.3, d.ys[0])  # clearly beside it: a new point
    assert len(w.model.data) == n + 1
