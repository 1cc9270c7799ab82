"""Helpers that drive the window as a hand on the mouse and keyboard would."""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication


def wait_snapshot(qtbot, w, pred, timeout=10_000):
    """Wait until the latest snapshot satisfies pred (the worker may already have sent it)."""
    qtbot.waitUntil(lambda: w.controller.last is not None and pred(w.controller.last), timeout=timeout)
    return w.controller.last


def crash(w):
    """As if the window's process died: its recovery files stay as they were (a real kill -9 is in
    test_crash_recovery.py), with their times; what its clean exit removed is put back."""
    folder = Path(w.settings.fileName()).parent
    kept = {p: (p.read_bytes(), p.stat()) for p in folder.glob("recovery-*.json") if p.is_file()}
    w.close()
    for p, (data, st) in kept.items():
        if not p.exists():
            p.write_bytes(data)
            os.utime(p, ns=(st.st_atime_ns, st.st_mtime_ns))  # when it was autosaved, as the offer says


def plot_pos(w, x, y) -> QPoint:
    return w.data_panel.data_to_widget(x, y).toPoint()


def click_data(qtbot, w, x, y, button=Qt.MouseButton.LeftButton, mods=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(w.data_panel.plot.viewport(), button, mods, plot_pos(w, x, y))


def drag_data(qtbot, w, start, end, steps=8):
    """Press, move in steps with the button held, release: as a hand on a mouse does."""
    vp = w.data_panel.plot.viewport()
    p0, p1 = plot_pos(w, *start), plot_pos(w, *end)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=p0)
    for t in np.linspace(0, 1, steps + 1)[1:]:
        p = QPointF(p0) + (QPointF(p1) - QPointF(p0)) * float(t)
        ev = QMouseEvent(QEvent.Type.MouseMove, p, vp.mapToGlobal(p), Qt.MouseButton.NoButton,
                         Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(vp, ev)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=p1)


class FakeController(QObject):
    """The controller's signals and intents without a thread: a panel's test builds the panel with an AppModel on
    this, feeds it snapshots with `send`, and reads what the model asked of the worker in `calls`."""

    snapshot = Signal(object)
    failed = Signal(str)
    diverged = Signal(str)
    running_changed = Signal(bool)
    state_ready = Signal(object)
    reached = Signal(int)

    def __init__(self):
        super().__init__()
        self.running = False
        self.last = None
        self.calls: list[tuple[str, tuple]] = []

    def send(self, snap) -> None:
        self.last = snap
        self.snapshot.emit(snap)

    def __getattr__(self, name):  # play, pause, reset, set_data, set_probe, ...: recorded
        if name.startswith("_"):
            raise AttributeError(name)
        return lambda *args: self.calls.append((name, args))


_MODELS: list = []  # kept for the session: a model the garbage collector deleted mid-test would take Qt with it


def panel_model(config=None):
    """An AppModel on a FakeController, for a test that builds one panel."""
    from micrograd_gui.core.presets import get_preset
    from micrograd_gui.ui.app_model import AppModel

    model = AppModel(config or get_preset("llm101n").config, FakeController())
    model.start()
    _MODELS.append(model)
    return model
