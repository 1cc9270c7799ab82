"""`micrograd-gui --self-test`: drive the real window as a user would, print figures, exit 0 only if all worked."""

from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from micrograd_gui.ui.diagnostics.driver import Driver, LatencyProbe, spin, startup_ms, wait_until

PLAY_SECONDS = 2.0


def run_self_test(app: QApplication) -> int:
    failures: list[str] = []

    def check(ok: bool, what: str) -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {what}", flush=True)
        if not ok:
            failures.append(what)

    drv = Driver("selftest")
    w, ctl = drv.window, drv.controller
    shown = drv.wait_drawn()
    app.processEvents()
    startup = startup_ms()
    check(shown, "window opens and draws its first snapshot")
    if not shown:
        drv.close()
        return 1

    # 10 points by simulated clicks on the plane
    n0 = len(w.model.data)
    rng = np.random.default_rng(7)
    spots: list[tuple[float, float]] = []
    while len(spots) < 10:  # clear of existing points: a click on a point selects it instead
        x, y = rng.uniform(-1.8, 1.8, size=2)
        d = w.model.data
        near = d.nearest(x, y)
        if near is None or (d.xs[near] - x) ** 2 + (d.ys[near] - y) ** 2 > 0.2**2:
            spots.append((float(x), float(y)))
    for k, (x, y) in enumerate(spots):
        drv.click_plane(x, y, k % 3)
    app.processEvents()
    check(len(w.model.data) == n0 + 10, f"10 clicks add 10 points ({n0} -> {len(w.model.data)})")
    first_theta = ctl.last.theta if ctl.last else None

    # as fast as possible (the app opens at a pace a class can watch), then play for 2 s measuring the event loop
    drv.click(w.controls.fast)
    check(w.model.rate == 0.0, "Fast switches to as fast as possible")
    probe = LatencyProbe()
    drv.click(w.controls.play)
    check(wait_until(lambda: ctl.running), "Play starts training")
    wait_until(lambda: drv.step > 0)
    step0, drawn0, t0 = drv.step, w.model.snapshots_drawn, time.perf_counter()
    probe.start()
    spin(PLAY_SECONDS)
    probe.stop()
    elapsed = time.perf_counter() - t0
    step1, drawn1 = drv.step, w.model.snapshots_drawn
    drv.key(Qt.Key.Key_Space)
    check(wait_until(lambda: not ctl.running and ctl.last is not None and not ctl.last.running),
          "Space pauses training")
    check(step1 > step0, f"training advanced while playing ({step0} -> {step1})")
    paused_at = ctl.last.step if ctl.last else -1
    spin(0.3)
    check(ctl.last is not None and ctl.last.step == paused_at, "paused training stays paused")

    drv.click(w.controls.step)
    check(wait_until(lambda: ctl.last is not None and ctl.last.step == paused_at + 1), "Step takes one step")
    drv.click(w.controls.reset)
    check(wait_until(lambda: ctl.last is not None and ctl.last.step == 0), "Reset returns to step 0")
    same = ctl.last is not None and first_theta is not None and bool(np.array_equal(ctl.last.theta, first_theta))
    check(same, "Reset restores the initial weights from the seed")
    drv.key(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    app.processEvents()
    check(len(w.model.data) == n0 + 9, "Ctrl+Z undoes the last added point")

    late = np.array(probe.lateness_ms) if probe.lateness_ms else np.array([float("nan")])
    print(f"startup to first drawn snapshot: {startup:.0f} ms")
    print(f"training steps per second while drawing: {(step1 - step0) / elapsed:.0f}")
    print(f"snapshots drawn per second: {(drawn1 - drawn0) / elapsed:.1f}")
    print(f"event loop lateness p50 (5 ms timer, training): {np.percentile(late, 50):.1f} ms")
    print(f"event loop lateness p99 (5 ms timer, training): {np.percentile(late, 99):.1f} ms")
    drv.close()
    check(not ctl.training_thread.isRunning(), "closing the window stops the training thread")
    print("self-test " + ("passed" if not failures else f"FAILED: {'; '.join(failures)}"), flush=True)
    return 0 if not failures else 1
