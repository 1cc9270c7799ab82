"""`micrograd-gui bench --soak`: train a long run with every panel live; resident memory and Qt objects over time.

Prints one figure a line: at every sample the resident memory, the live QObjects (the QObject trees of the
application and of every top-level widget), the graphics items of every scene (pyqtgraph items and graph
nodes are not QObject children) and the Python objects the garbage collector tracks; at the end the growth
of each after warm-up (the first sample). Exits 0 when memory grew by at most 20 MB and the QObject count is
flat, else 1."""

from __future__ import annotations

import gc
import os
import sys
import time
from functools import partial
from typing import cast

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication

from micrograd_gui.core.snapshot import Snapshot
from micrograd_gui.ui.diagnostics.driver import Driver, graphics_items, qobjects, rss_mb, spin, wait_until

STEPS = 50_000
SAMPLES_EVERY = 5_000
MAX_RSS_GROWTH_MB = 20.0
TIMEOUT_S = 3600


def sample_every(steps: int) -> int:
    """5,000 steps, or a sixth of a shorter run (at least 100)."""
    return min(SAMPLES_EVERY, max(steps // 6, 100))


def run_soak(steps: int = STEPS) -> int:
    # Only cli.run_gui creates the QApplication for the window; bench runs without one, so the soak makes its
    # own here. Without a display it runs offscreen: the soak measures the app, not a screen.
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.setswitchinterval(0.001)  # as cli.run_gui: the GUI thread takes the GIL back quickly
    app = cast(QApplication, QApplication.instance() or QApplication(["micrograd-gui-soak"]))
    pg.setConfigOptions(antialias=False)
    drv = Driver("soak", size=(1600, 1000))
    w, ctl = drv.window, drv.controller
    hidden = drv.show_every_panel()  # each one visible and fed
    drv.click(w.controls.fast)  # as fast as possible: the soak measures the app at full load
    if hidden:
        print(f"soak: not on screen: {', '.join(hidden)}", flush=True)
    fed = {"graph": 0, "maps": 0, "optimizer": 0, "snapshots": 0}

    def count_fed(snap: Snapshot) -> None:
        fed["snapshots"] += 1
        fed["graph"] += snap.graph is not None
        fed["maps"] += snap.neuron_maps is not None
        fed["optimizer"] += snap.opt_m is not None

    ctl.snapshot.connect(count_fed)

    deadline = time.monotonic() + TIMEOUT_S

    def left() -> float:
        return deadline - time.monotonic()

    def set_running(on: bool) -> None:
        (ctl.play if on else ctl.pause)()
        wait_until(lambda: ctl.running == on, left())

    def at_or_stopped(target: int) -> bool:
        return ctl.last is not None and (ctl.last.step >= target or not ctl.running)

    every = sample_every(steps)
    samples: list[tuple[int, float, int, int, int]] = []
    wait_until(lambda: ctl.last is not None, left(), every=0.02)
    set_running(True)
    t0, ok, training_s = time.perf_counter(), True, 0.0
    for target in range(every, steps + 1, every):
        reached = wait_until(partial(at_or_stopped, target), left(), every=0.05)
        if ctl.last is not None and ctl.last.step < target and not ctl.running:
            print(f"soak: training stopped at step {ctl.last.step}: {w.message.text.text()}", flush=True)
            ok = False
        if not ok or not reached or left() <= 0:
            ok = False
            break
        # paused while sampled: gc.get_objects() would hand this thread the tuples the worker thread is still
        # building (CPython then fails the worker's next tuple(...) with SystemError)
        training_s += time.perf_counter() - t0
        set_running(False)
        spin(0.05)  # the last snapshot drawn, deleteLater()s run
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        sample = (drv.step, rss_mb(), qobjects(app), graphics_items(app), len(gc.get_objects()))
        set_running(True)
        t0 = time.perf_counter()
        samples.append(sample)
        print(f"soak rss at step {target}: {sample[1]:.1f} MB", flush=True)
        print(f"soak qobjects at step {target}: {sample[2]}", flush=True)
        print(f"soak graphics items at step {target}: {sample[3]}", flush=True)
        print(f"soak python objects at step {target}: {sample[4]}", flush=True)
    trained = drv.step
    drv.close()  # joins the training thread
    if not ok or len(samples) < 2:
        print("soak: did not reach its samples", flush=True)
        return 1
    first, last = samples[0], samples[-1]
    rss_growth, qobject_growth = last[1] - first[1], last[2] - first[2]
    print(f"soak steps per second: {trained / max(training_s, 1e-9):.0f}", flush=True)
    print(f"soak snapshots drawn: {fed['snapshots']} (graph {fed['graph']}, neuron maps {fed['maps']}, "
          f"optimizer state {fed['optimizer']})", flush=True)
    print(f"soak rss growth after warm-up: {rss_growth:.1f} MB", flush=True)
    print(f"soak qobject growth after warm-up: {qobject_growth}", flush=True)
    print(f"soak graphics item growth after warm-up: {last[3] - first[3]}", flush=True)
    print(f"soak python object growth after warm-up: {last[4] - first[4]}", flush=True)
    live = all(fed[k] > 0 for k in ("graph", "maps", "optimizer"))
    if not live:
        print("soak: a panel was not fed while training", flush=True)
    return 0 if live and rss_growth <= MAX_RSS_GROWTH_MB and qobject_growth == 0 else 1
