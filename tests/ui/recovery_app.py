"""The app as a user runs it, for tests/ui/test_crash_recovery.py: `train` plays until an autosave holds
some steps, then kills itself with SIGKILL; `restore` starts again, takes the offer and checks what came back;
`hold` and `second` are two windows on one settings folder at once.

Settings and the autosave live where QSettings puts them (the test points HOME and XDG_CONFIG_HOME at a
temporary folder); the autosave period comes from MICROGRAD_GUI_AUTOSAVE_MS. Prints one fact a line."""

from __future__ import annotations

import os
import signal
import sys
import time
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from micrograd_gui.core.files import session_file
from micrograd_gui.ui.main_window import MainWindow
from micrograd_gui.ui.session_actions import recovery_path

TIMEOUT_S = 60


def app() -> QApplication:
    """As cli.run_gui sets it up (which cannot hand its window to a script)."""
    sys.setswitchinterval(0.001)
    a = QApplication(sys.argv[:1])
    a.setApplicationName("micrograd-gui")
    a.setOrganizationName("micrograd_gui")
    pg.setConfigOptions(antialias=False)
    return a


def wait_for(qapp: QApplication, what: str, pred) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + TIMEOUT_S
    while not pred():
        if time.monotonic() > deadline:
            print(f"timed out waiting for {what}", flush=True)
            raise SystemExit(2)
        qapp.processEvents()
        QTest.qWait(10)


def train_until_autosaved(qapp: QApplication) -> MainWindow:
    """Play fast until this window's autosave holds a running session of at least 20 steps."""
    w = MainWindow()
    w.show()
    wait_for(qapp, "the first snapshot", lambda: w.controller.last is not None)
    recovery = w.sessions.recovery
    w.controls.fast.click()
    w.controls.play.click()
    saved = {"step": 0, "mtime": 0.0}

    def autosaved_while_training() -> bool:
        if not recovery.exists() or recovery.stat().st_mtime == saved["mtime"]:
            return False
        saved["mtime"] = recovery.stat().st_mtime
        try:
            saved["step"] = session_file.load(recovery).state.step
        except session_file.SessionError:
            return False  # not there yet
        last = w.controller.last
        return saved["step"] >= 20 and last is not None and last.running and last.step > saved["step"]

    wait_for(qapp, "an autosave of a running session", autosaved_while_training)
    print(f"autosaved step: {saved['step']}", flush=True)
    return w


def train() -> None:
    qapp = app()
    print(f"settings: {QSettings('micrograd_gui', 'micrograd_gui').fileName()}", flush=True)
    w = train_until_autosaved(qapp)
    print(f"killed while training at step: {w.controller.last.step}", flush=True)
    os.kill(os.getpid(), signal.SIGKILL)


def hold() -> None:
    """The first of two windows on one settings folder: trains and autosaves until told to die (kill -9)."""
    qapp = app()
    train_until_autosaved(qapp)
    print("holding: yes", flush=True)
    go = Path(os.environ["MICROGRAD_GUI_TEST_GO"])
    wait_for(qapp, "the go-ahead to crash", go.exists)
    os.kill(os.getpid(), signal.SIGKILL)


def second() -> None:
    """The second window while the first lives: what it says, where it autosaves, what its clean exit removes."""
    qapp = app()
    first = recovery_path(QSettings("micrograd_gui", "micrograd_gui"))
    w = MainWindow()
    w.show()
    wait_for(qapp, "the first snapshot", lambda: w.controller.last is not None)
    said = w.message.text.text() if w.message.isVisible() else ""
    print(f"crash offered: {'yes' if 'did not close normally' in said else 'no'}", flush=True)
    print(f"said already open: {'yes' if 'already open in another window' in said else 'no'}", flush=True)
    own = w.sessions.recovery
    print(f"own autosave apart: {own is not None and own != first}", flush=True)
    if own is None or own == first:
        raise SystemExit(1)
    w.sessions.autosave()
    wait_for(qapp, "its own autosave", own.exists)
    QTimer.singleShot(0, w.close)
    wait_for(qapp, "the window to close", lambda: not w.isVisible())
    print(f"own autosave left: {own.exists()}", flush=True)
    print(f"first's autosave left: {first.exists()}", flush=True)


def restore() -> None:
    qapp = app()
    settings = QSettings("micrograd_gui", "micrograd_gui")
    autosave = recovery_path(settings)
    expected = session_file.load(autosave).state  # what the killed run left
    w = MainWindow()
    w.show()
    wait_for(qapp, "the first snapshot", lambda: w.controller.last is not None)
    offered = w.message.isVisible() and "did not close normally" in w.message.text.text()
    print(f"recovery offered: {'yes' if offered else 'no'}", flush=True)
    if not offered:
        raise SystemExit(1)
    offered = w.sessions.offered
    # the user reads the offer while this run autosaves: that must not replace what is offered
    wait_for(qapp, "this run's own autosave", lambda: autosave.exists() and offered.exists())
    fresh = session_file.load(autosave).state
    print(f"this run autosaved step: {fresh.step}", flush=True)
    run = w.controller.last.run
    button = w.message.findChild(QPushButton, "messageAction0")
    print(f"button: {button.text()}", flush=True)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_for(qapp, "the restored session", lambda: w.controller.last.run > run)
    snap = w.controller.last
    same = snap.step == expected.step and bool(np.array_equal(snap.theta, expected.theta))
    same = same and w.model.data == expected.data and snap.config == expected.config.with_changes(eval_every=1)
    print(f"restored step: {snap.step}", flush=True)
    print(f"restored equals the autosave: {same}", flush=True)
    wait_for(qapp, "the offer to be let go", lambda: not offered.exists())
    QTimer.singleShot(0, w.close)
    wait_for(qapp, "the window to close", lambda: not w.isVisible())
    print(f"thread stopped: {not w.controller.training_thread.isRunning()}", flush=True)
    print(f"recovery left after a clean exit: {autosave.exists() or offered.exists()}", flush=True)
    raise SystemExit(0 if same else 1)


if __name__ == "__main__":
    {"train": train, "restore": restore, "hold": hold, "second": second}[sys.argv[1]]()
