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
import tempfile
import time
from pathlib import Path

import psutil

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
    # a UI module like selftest.py (pyproject's per-file ignores do not list it): Qt only once the soak runs
    import pyqtgraph as pg  # noqa: TID251
    from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QSettings, Qt, QTimer  # noqa: TID251
    from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView  # noqa: TID251

    from .ui.main_window import MainWindow

    sys.setswitchinterval(0.001)  # as cli.run_gui: the GUI thread takes the GIL back quickly
    app = QApplication.instance() or QApplication(["micrograd-gui-soak"])
    pg.setConfigOptions(antialias=False)
    scratch = tempfile.TemporaryDirectory()  # the user's layout and autosave are neither used nor changed
    w = MainWindow(settings=QSettings(str(Path(scratch.name) / "soak.ini"), QSettings.Format.IniFormat))
    w.resize(1600, 1000)
    w.show()

    def spin(ms: int) -> None:
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    # every panel on screen at once: the tabified docks side by side, so each one is visible and fed
    docks = w.findChildren(QDockWidget)
    for d in docks:
        d.show()
    for dock, area, beside in ((w.network_dock, Qt.DockWidgetArea.RightDockWidgetArea, Qt.Orientation.Vertical),
                               (w.optimizer_dock, Qt.DockWidgetArea.BottomDockWidgetArea, Qt.Orientation.Horizontal)):
        w.removeDockWidget(dock)  # out of its tab group (splitDockWidget would only add another tab)
        w.addDockWidget(area, dock, beside)
        dock.show()
    spin(100)
    hidden = [d.objectName() for d in docks if d.visibleRegion().isEmpty()]
    if hidden:
        print(f"soak: not on screen: {', '.join(hidden)}", flush=True)
    fed = {"graph": 0, "maps": 0, "optimizer": 0, "snapshots": 0}

    def count_fed(snap) -> None:  # type: ignore[no-untyped-def]
        fed["snapshots"] += 1
        fed["graph"] += snap.graph is not None
        fed["maps"] += snap.neuron_maps is not None
        fed["optimizer"] += snap.opt_m is not None

    w.controller.snapshot.connect(count_fed)

    def qobjects() -> int:
        n = len(app.findChildren(QObject))
        for top in app.topLevelWidgets():
            n += 1 + len(top.findChildren(QObject))
        return n

    def graphics_items() -> int:
        return sum(len(v.scene().items()) for top in app.topLevelWidgets() for v in top.findChildren(QGraphicsView)
                   if v.scene() is not None)

    proc = psutil.Process()
    every = sample_every(steps)
    samples: list[tuple[int, float, int, int, int]] = []
    ctl = w.controller
    deadline = time.monotonic() + TIMEOUT_S
    while ctl.last is None and time.monotonic() < deadline:
        spin(20)
    def set_running(on: bool) -> None:
        (ctl.play if on else ctl.pause)()
        while ctl.running != on and time.monotonic() < deadline:
            spin(10)

    set_running(True)
    t0, ok, training_s = time.perf_counter(), True, 0.0
    for target in range(every, steps + 1, every):
        while (ctl.last is None or ctl.last.step < target) and time.monotonic() < deadline:
            if not ctl.running and ctl.last is not None and ctl.last.step < target:
                print(f"soak: training stopped at step {ctl.last.step}: {w.message.text.text()}", flush=True)
                ok = False
                break
            spin(50)
        if not ok or time.monotonic() >= deadline:
            ok = False
            break
        # paused while sampled: gc.get_objects() would hand this thread the tuples the worker thread is still
        # building (CPython then fails the worker's next tuple(...) with SystemError)
        training_s += time.perf_counter() - t0
        set_running(False)
        spin(50)  # the last snapshot drawn, deleteLater()s run
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
        gc.collect()
        sample = (ctl.last.step, proc.memory_info().rss / 2**20, qobjects(), graphics_items(), len(gc.get_objects()))
        set_running(True)
        t0 = time.perf_counter()
        samples.append(sample)
        print(f"soak rss at step {target}: {sample[1]:.1f} MB", flush=True)
        print(f"soak qobjects at step {target}: {sample[2]}", flush=True)
        print(f"soak graphics items at step {target}: {sample[3]}", flush=True)
        print(f"soak python objects at step {target}: {sample[4]}", flush=True)
    trained = ctl.last.step if ctl.last else 0
    w.close()  # joins the training thread
    scratch.cleanup()
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
