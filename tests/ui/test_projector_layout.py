"""A projector's 1280x720 and a 1920x1080 screen, in normal and presentation mode, every dock open: the controls
keep their full labels (they scroll, they are never squeezed), and messages never move the plane."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QComboBox, QDockWidget, QLineEdit, QPushButton
from uihelpers import wait_snapshot

SIZES = [(1280, 720), (1920, 1080)]


def squeezed(panel) -> list[str]:
    """The visible buttons, combo boxes and number fields of a panel narrower than their text needs."""
    bad = []
    for b in panel.findChildren(QPushButton):
        if b.isVisible() and b.width() < b.minimumSizeHint().width():
            bad.append(f"button {b.objectName() or b.text()}: {b.width()} < {b.minimumSizeHint().width()}")
    for c in panel.findChildren(QComboBox):
        if c.isVisible() and c.width() < c.minimumSizeHint().width():
            bad.append(f"combo {c.objectName()} '{c.currentText()}': {c.width()} < {c.minimumSizeHint().width()}")
    for e in panel.findChildren(QLineEdit):
        if e.isVisible() and e.width() < e.fontMetrics().horizontalAdvance(e.text()) + 8:
            bad.append(f"field {e.objectName()} '{e.text()}': {e.width()} px")
    return bad


def open_every_dock(qtbot, w) -> None:
    for d in w.findChildren(QDockWidget):
        d.show()
    w.graph_panel.reset_grads.click()  # its long toolbar once squeezed the Training dock to ~105 px
    qtbot.wait(0)  # a layout pass: waitUntil below re-checks after it


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("presenting", [False, True])
def test_every_control_keeps_its_full_label(qtbot, window, size, presenting):
    w = window
    if presenting:
        w.menus.presentation_action.setChecked(True)
        qtbot.waitUntil(lambda: w.isFullScreen())
    w.resize(*size)
    open_every_dock(qtbot, w)
    for lesson in ("moons", "lr-too-high", "spiral-depth"):  # "Hinge (max-margin", learning rates 1 and 0.0
        w.findChild(type(w.menus.play_action), f"lesson_{lesson}").trigger()
        wait_snapshot(qtbot, w, lambda s: s.step == 0)
        qtbot.waitUntil(lambda: not squeezed(w.controls) and not squeezed(w.dataset_panel), timeout=3000)
    assert w.controls.lr.edit.text() in ("0.05", "20", "0.1") or float(w.controls.lr.edit.text()) > 0
    assert w.minimumSizeHint().width() <= size[0] and w.width() <= size[0]  # the window still fits the screen
    for name in ("playButton", "stepButton", "step10Button", "resetButton"):
        b = w.findChild(QPushButton, name)
        assert b.isVisible() and b.width() >= b.sizeHint().width(), name


def test_a_message_lies_over_the_plane_and_does_not_move_it(qtbot, window):
    w = window
    w.graph_dock.hide()  # as a first start on a projector's screen leaves it
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.data_panel.plot.width() > 300)
    before = w.data_panel.data_to_widget(0.0, 2.0)
    w.model.say("A long message that a class should read, about what just happened to the network.", "warning")
    qtbot.waitUntil(lambda: w.message.isVisible())
    assert w.data_panel.data_to_widget(0.0, 2.0) == before
    assert w.message.geometry().top() >= 0 and w.message.parentWidget() is w.data_panel.plot
    w.message.hide()
    assert w.data_panel.data_to_widget(0.0, 2.0) == before
