"""`micrograd-gui --self-test`: drive the real window as a user would, print figures, exit 0 only if all worked."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import psutil
from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

PLAY_SECONDS = 2.0
LATENCY_TIMER_MS = 5


class LatencyProbe(QObject):
    """A 5 ms timer in the GUI thread; how late each tick fires is how long the event loop was blocked."""

    def __init__(self) -> None:
        super().__init__()
        self.lateness_ms: list[float] = []
        self._clock = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(LATENCY_TIMER_MS)
        self._timer.timeout.connect(self._on_tick)

    def start(self) -> None:
        self.lateness_ms.clear()
        self._clock.start()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _on_tick(self) -> None:
        self.lateness_ms.append(max(0.0, self._clock.nsecsElapsed() / 1e6 - LATENCY_TIMER_MS))
        self._clock.restart()


def spin(seconds: float) -> None:
    """Run the event loop for a while (the app keeps drawing and training meanwhile)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(pred: Callable[[], bool], timeout: float = 10.0) -> bool:
    deadline = time.perf_counter() + timeout
    while not pred():
        if time.perf_counter() > deadline:
            return False
        spin(0.01)
    return True


def run_self_test(app: QApplication) -> int:
    from .ui.main_window import MainWindow

    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            failures.append(what)

    started = psutil.Process().create_time()
    scratch = tempfile.TemporaryDirectory()  # the user's saved layout is neither used nor changed
    w = MainWindow(settings=QSettings(str(Path(scratch.name) / "selftest.ini"), QSettings.Format.IniFormat))
    w.show()
    w.activateWindow()  # without a window manager (Xvfb) nothing else gives the window the keyboard
    shown = wait_until(lambda: w.isVisible() and w.controller.last is not None and w.snapshots_drawn > 0)
    app.processEvents()
    startup_ms = (time.time() - started) * 1000
    check(shown, "window opens and draws its first snapshot")
    ctl = w.controller
    if not shown:
        w.close()
        return 1

    # 10 points by simulated clicks on the plane
    vp = w.data_panel.plot.viewport()
    n0 = len(w.data_model.data)
    rng = np.random.default_rng(7)
    spots: list[tuple[float, float]] = []
    while len(spots) < 10:  # clear of existing points: a click on a point selects it instead
        x, y = rng.uniform(-1.8, 1.8, size=2)
        d = w.data_model.data
        near = d.nearest(x, y)
        if near is None or (d.xs[near] - x) ** 2 + (d.ys[near] - y) ** 2 > 0.2**2:
            spots.append((float(x), float(y)))
    for k, (x, y) in enumerate(spots):
        w._set_active_class(k % 3)
        QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         w.data_panel.data_to_widget(x, y).toPoint())
    app.processEvents()
    check(len(w.data_model.data) == n0 + 10, f"10 clicks add 10 points ({n0} -> {len(w.data_model.data)})")
    first_theta = ctl.last.theta if ctl.last else None

    # play for 2 s while measuring the event loop
    probe = LatencyProbe()
    QTest.mouseClick(w.controls.play, Qt.MouseButton.LeftButton)
    check(wait_until(lambda: ctl.running), "Play starts training")
    wait_until(lambda: ctl.last is not None and ctl.last.step > 0)
    step0, drawn0, t0 = ctl.last.step if ctl.last else 0, w.snapshots_drawn, time.perf_counter()
    probe.start()
    spin(PLAY_SECONDS)
    probe.stop()
    elapsed = time.perf_counter() - t0
    step1, drawn1 = ctl.last.step if ctl.last else 0, w.snapshots_drawn
    QTest.keyClick(w, Qt.Key.Key_Space)
    check(wait_until(lambda: not ctl.running and ctl.last is not None and not ctl.last.running),
          "Space pauses training")
    check(step1 > step0, f"training advanced while playing ({step0} -> {step1})")
    paused_at = ctl.last.step if ctl.last else -1
    spin(0.3)
    check(ctl.last is not None and ctl.last.step == paused_at, "paused training stays paused")

    QTest.mouseClick(w.controls.step, Qt.MouseButton.LeftButton)
    check(wait_until(lambda: ctl.last is not None and ctl.last.step == paused_at + 1), "Step takes one step")
    QTest.mouseClick(w.controls.reset, Qt.MouseButton.LeftButton)
    check(wait_until(lambda: ctl.last is not None and ctl.last.step == 0), "Reset returns to step 0")
    same = ctl.last is not None and first_theta is not None and bool(np.array_equal(ctl.last.theta, first_theta))
    check(same, "Reset restores the initial weights from the seed")
    QTest.keyClick(w, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    check(len(w.data_model.data) == n0 + 9, "Ctrl+Z undoes the last added point")

    late = np.array(probe.lateness_ms) if probe.lateness_ms else np.array([float("nan")])
    print(f"startup to first drawn snapshot: {startup_ms:.0f} ms")
    print(f"training steps per second while drawing: {(step1 - step0) / elapsed:.0f}")
    print(f"snapshots drawn per second: {(drawn1 - drawn0) / elapsed:.1f}")
    print(f"event loop lateness p50 (5 ms timer, training): {np.percentile(late, 50):.1f} ms")
    print(f"event loop lateness p99 (5 ms timer, training): {np.percentile(late, 99):.1f} ms")
    w.close()
    check(not ctl.thread.isRunning(), "closing the window stops the training thread")
    scratch.cleanup()
    print("self-test " + ("passed" if not failures else f"FAILED: {'; '.join(failures)}"), flush=True)
    return 0 if not failures else 1
