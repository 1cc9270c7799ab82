"""What the self-test and the soak share: the real window in scratch settings, driven as a user would, waited on
and measured."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psutil
from PySide6.QtCore import QElapsedTimer, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QGraphicsView, QWidget

from micrograd_gui.ui.main_window import MainWindow

LATENCY_TIMER_MS = 5


def spin(seconds: float) -> None:
    """Run the event loop for a while (the app keeps drawing and training meanwhile)."""
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def wait_until(pred: Callable[[], bool], timeout: float = 10.0, every: float = 0.01) -> bool:
    """Run the event loop until pred() holds (True) or timeout seconds have passed (False)."""
    deadline = time.perf_counter() + timeout
    while not pred():
        if time.perf_counter() > deadline:
            return False
        spin(every)
    return True


class Driver:
    """The real window with its own settings file in a temporary directory: the user's layout and autosave are
    neither used nor changed."""

    def __init__(self, name: str, size: tuple[int, int] | None = None) -> None:
        self._scratch = tempfile.TemporaryDirectory()
        settings = QSettings(str(Path(self._scratch.name) / f"{name}.ini"), QSettings.Format.IniFormat)
        self.window = w = MainWindow(settings=settings)
        self.controller = w.controller
        if size is not None:
            w.resize(*size)
        w.show()
        w.activateWindow()  # without a window manager (Xvfb) nothing else gives the window the keyboard

    @property
    def step(self) -> int:
        """The step of the last snapshot the worker sent (0 before the first)."""
        return self.controller.last.step if self.controller.last else 0

    def wait_drawn(self, timeout: float = 10.0) -> bool:
        """Until the window is on screen and has drawn its first snapshot."""
        w = self.window
        return wait_until(lambda: w.isVisible() and w.controller.last is not None and w.model.snapshots_drawn > 0,
                          timeout)

    # ---- as a user would
    def click(self, widget: QWidget) -> None:
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        QTest.keyClick(self.window, key, modifier)

    def click_plane(self, x: float, y: float, label: int) -> None:
        """A click on the data plane at (x, y) with class `label` active."""
        w = self.window
        w.model.set_active_class(label)
        QTest.mouseClick(w.data_panel.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         w.data_panel.data_to_widget(x, y).toPoint())

    def show_every_panel(self) -> list[str]:
        """Every dock on screen at once, the tabified ones side by side; the names of those still hidden."""
        w = self.window
        docks = w.findChildren(QDockWidget)
        for d in docks:
            d.show()
        for dock, area, beside in (
            (w.network_dock, Qt.DockWidgetArea.RightDockWidgetArea, Qt.Orientation.Vertical),
            (w.optimizer_dock, Qt.DockWidgetArea.BottomDockWidgetArea, Qt.Orientation.Horizontal),
        ):
            w.removeDockWidget(dock)  # out of its tab group (splitDockWidget would only add another tab)
            w.addDockWidget(area, dock, beside)
            dock.show()
        spin(0.1)
        return [d.objectName() for d in docks if d.visibleRegion().isEmpty()]

    def close(self) -> None:
        """Close the window (which joins the training thread), then remove the scratch settings."""
        self.window.close()
        self._scratch.cleanup()


# ---- measures
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


def startup_ms() -> float:
    """Milliseconds since this process started."""
    return (time.time() - psutil.Process().create_time()) * 1000


def rss_mb() -> float:
    """This process's resident memory."""
    return psutil.Process().memory_info().rss / 2**20


def qobjects(app: QApplication) -> int:
    """The live QObjects: the application's tree and every top-level widget's."""
    n = len(app.findChildren(QObject))
    for top in app.topLevelWidgets():
        n += 1 + len(top.findChildren(QObject))
    return n


def graphics_items(app: QApplication) -> int:
    """The items of every graphics scene (pyqtgraph items and graph nodes are not QObject children)."""
    return sum(len(v.scene().items()) for top in app.topLevelWidgets() for v in top.findChildren(QGraphicsView)
               if v.scene() is not None)
