"""The L1 penalty field under More settings: typed, it applies live as L2 does; refused when negative; sessions and
the teacher's locks keep it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QToolButton
from uihelpers import FakeController, panel_model, wait_snapshot

from micrograd_gui.core.files.session_file import Session
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.app_model import AppModel
from micrograd_gui.ui.controls import ControlsPanel


def calls(model: AppModel, name: str) -> list[tuple]:
    assert isinstance(model.controller, FakeController)
    return [args for n, args in model.controller.calls if n == name]


def enter(qtbot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def panel(qtbot) -> tuple[AppModel, ControlsPanel]:
    model = panel_model()
    p = ControlsPanel(model)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return model, p


def test_the_l1_field_is_under_more_settings_and_applies_live(qtbot):
    model, p = panel(qtbot)
    edit = p.findChild(QLineEdit, "l1Input")
    assert not edit.isVisible()
    qtbot.mouseClick(p.findChild(QToolButton, "moreSettings"), Qt.MouseButton.LeftButton)
    assert edit.isVisible() and p.more_form.labelForField(p.l1).text() == "L1 penalty"
    enter(qtbot, edit, "0.01")
    assert model.edited.l1 == 0.01 and not model.pending()  # live: no Reset needed
    live = calls(model, "set_live")[-1][0]
    assert live.l1 == 0.01 and live.l2 == 0.0
    enter(qtbot, p.l2.edit, "0.001")  # and an L2 edit keeps it
    assert calls(model, "set_live")[-1][0].l1 == 0.01


def test_a_negative_l1_is_refused_with_a_reason(qtbot):
    model, p = panel(qtbot)
    qtbot.mouseClick(p.more_toggle, Qt.MouseButton.LeftButton)
    enter(qtbot, p.l1.edit, "-0.5")
    assert p.l1.error.isVisible() and "at least 0" in p.l1.error.text()
    assert model.edited.l1 == 0.0 and not calls(model, "set_live")


def test_a_reopened_session_shows_its_l1_and_the_teacher_can_lock_it(qtbot):
    model, p = panel(qtbot)
    state = Trainer(get_preset("llm101n").config.with_changes(l1=0.02)).state()
    model.restore(Session(state, {}, {}))
    assert p.l1.value() == 0.02 and p.l1.edit.text() == "0.02"
    model.set_teacher(set(), {"l1"})
    assert not p.l1.isEnabled() and p.l2.isEnabled()


def test_the_worker_trains_with_the_typed_l1(qtbot, window):
    w = window
    w.controls.more_toggle.click()
    enter(qtbot, w.controls.l1.edit, "0.05")
    w.controls.step.click()
    assert wait_snapshot(qtbot, w, lambda s: s.step == 1).config.l1 == 0.05
    qtbot.waitUntil(lambda: len(w.model.history.curves()["train"]) == 1)
    plain = Trainer(get_preset("llm101n").config.with_changes(eval_every=1)).step()
    assert w.model.history.curves()["train"][0][1] > plain.train_loss  # the penalty is in the train loss
