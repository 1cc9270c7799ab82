"""In front of a class: a pace people can watch, lessons that pause where they say and can be undone, a teacher
mode whose locks hold on every path, and hand-placed points that train."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel
from uihelpers import click_data, panel_model, wait_snapshot

from micrograd_gui.core.datasets import TEST, TRAIN, VAL
from micrograd_gui.core.lessons import LESSONS, get_lesson
from micrograd_gui.ui.app_model import DEFAULT_RATE
from micrograd_gui.ui.controls import SPEEDS, ControlsPanel
from micrograd_gui.ui.dataset_panel import DatasetPanel


def test_the_app_opens_at_a_watchable_pace_and_fast_is_one_click_away(qtbot):
    model = panel_model()
    panel = ControlsPanel(model)
    qtbot.addWidget(panel)
    assert model.rate == DEFAULT_RATE == 30.0 and panel.speed.currentText() == "30 steps/s"
    assert ("set_rate", (30.0,)) in model.controller.calls  # the worker is told at start
    panel.fast.click()
    assert model.rate == 0.0 and panel.speed.currentData() == 0.0 and panel.fast.isChecked()
    panel.fast.click()
    assert model.rate == 30.0 and not panel.fast.isChecked()
    panel.speed.setCurrentIndex(panel.speed.findData(100.0))
    panel.fast.click()
    panel.fast.click()
    assert model.rate == 100.0  # back to the pace chosen before


def test_every_lesson_sets_a_pace_the_speed_list_offers():
    offered = {rate for _, rate in SPEEDS}
    assert all(lesson.rate in offered for lesson in LESSONS)


def test_a_lesson_pauses_at_its_step_count_and_says_so(qtbot, window):
    w = window
    lesson = get_lesson("xor-linear")
    run = w.controller.last.run
    w.model.start_lesson(lesson)
    assert w.model.rate == lesson.rate and w.model.view.contour  # the line a lesson talks about is drawn
    wait_snapshot(qtbot, w, lambda s: s.run > run and s.config.hidden == () and s.step == 0)
    w.controls.fast.click()  # the test does not wait 200 steps at the lesson's pace
    with qtbot.waitSignal(w.controller.reached, timeout=20_000):
        w.controls.play.click()
    snap = wait_snapshot(qtbot, w, lambda s: not s.running)
    assert snap.step == lesson.pause_at == 200
    assert w.message.isVisible() and "Paused at step 200" in w.message.text.text()
    w.controls.play.click()  # Play trains on past it
    wait_snapshot(qtbot, w, lambda s: s.step > 210)
    assert w.controller.running


def test_starting_a_lesson_is_one_undoable_step(qtbot, window):
    w = window
    before_data, before_config = w.model.data, w.model.applied
    w.findChild(QAction, "lesson_xor-hidden").trigger()
    assert w.model.lesson is not None and w.model.data != before_data and w.lesson_box.isVisible()
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.model.data == before_data and w.model.applied == before_config and w.model.lesson is None
    assert not w.lesson_box.isVisible() and w.controls.play.isEnabled()
    wait_snapshot(qtbot, w, lambda s: s.config.hidden == before_config.hidden and s.config.dataset
                  == before_config.dataset and s.step == 0 and len(w.model.data) == len(before_data))


def test_locks_hold_on_menus_keys_lessons_and_undo_and_a_badge_says_so(qtbot, window):
    w = window
    badge = w.findChild(QLabel, "teacherBadge")
    assert not badge.isVisible()
    w.model.add_point(0.1, 0.2)
    w.model.set_teacher(set(), {"points", "reset", "learning_rate"})
    assert badge.isVisible() and "Learning rate" in badge.toolTip()
    data, run = w.model.data, w.controller.last.run
    w.findChild(QAction, "clearAction").trigger()
    assert w.model.data == data and w.message.kind == "warning" and "Locked by the teacher" in w.message.text.text()
    w.findChild(QAction, "lesson_xor-linear").trigger()
    qtbot.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(w, Qt.Key.Key_R)
    click_data(qtbot, w, -2.0, 2.0)
    assert w.model.data == data and w.model.lesson is None and not w.dataset_panel.undo.isEnabled()
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    assert snap.run == run  # R did not reset
    w.model.set_teacher(set(), set())
    assert not badge.isVisible() and w.dataset_panel.undo.isEnabled()


def test_hand_placed_points_train_and_the_counts_are_true(qtbot, window):
    w = window
    w.findChild(QAction, "lesson_own-points").trigger()
    for k in range(13):
        w.model.set_active_class(k % 3)
        click_data(qtbot, w, -2.0 + 0.3 * k, 1.5 - 0.2 * k)
    assert len(w.model.data) == 13 and set(w.model.data.splits) == {TRAIN}
    assert w.dataset_panel.n.value() == 13 and w.dataset_panel.classes.value() == 3
    assert "13 train" in w.data_panel.counts.text()
    w.dataset_panel.split_buttons.button(VAL).click()
    click_data(qtbot, w, 1.8, -1.8)
    assert w.model.data.splits[-1] == VAL and w.model.new_split == VAL
    # Alt-click on a point moves it to the next split: validation -> test
    click_data(qtbot, w, 1.8, -1.8, mods=Qt.KeyboardModifier.AltModifier)
    assert w.model.data.splits[-1] == TEST and len(w.model.data) == 14


def test_the_split_buttons_follow_the_model(qtbot):
    model = panel_model()
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    assert panel.split_buttons.checkedId() == TRAIN
    model.set_new_split(TEST)
    assert panel.split_buttons.checkedId() == TEST
