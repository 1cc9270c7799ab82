"""Train and validation loss per step (linear or log scale) and the accuracies underneath."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from micrograd_gui.core.snapshot import Snapshot


class _Series:
    """A growing (step, value) buffer with amortised appends."""

    def __init__(self) -> None:
        self.x = np.empty(1024)
        self.y = np.empty(1024)
        self.n = 0

    def clear(self) -> None:
        self.n = 0

    def extend(self, xs: list[float], ys: list[float]) -> None:
        need = self.n + len(xs)
        if need > len(self.x):
            size = max(need, 2 * len(self.x))
            self.x = np.resize(self.x, size)
            self.y = np.resize(self.y, size)
        self.x[self.n:need] = xs
        self.y[self.n:need] = ys
        self.n = need

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[:self.n], self.y[:self.n]

    def drop_from(self, step: float) -> None:
        """Forget the points from a step on: a diverged run went a step back and takes it again."""
        if self.n and self.x[self.n - 1] >= step:
            self.n = int(np.searchsorted(self.x[:self.n], step, side="left"))


REDRAW_MS = 120  # curves need no more than ~8 redraws a second; the plane gets the rest of the frame budget


class LossPlot(QWidget):
    """Redraws only from snapshots, debounced; keeps the history of the current run."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossPanel")
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("lossPlot")
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("loss"))
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMenuEnabled(False)
        self.plot.addLegend(offset=(-10, 10), labelTextColor="k")
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        self.train_curve = self.plot.plot(pen=pg.mkPen("#1f77b4", width=2), name=self.tr("train"))
        self.val_curve = self.plot.plot(pen=pg.mkPen("#ff7f0e", width=2), name=self.tr("validation"))
        self.train, self.val = _Series(), _Series()
        self._run = -1
        self.pending: tuple[list[list[float]], list[list[float]]] | None = None
        self._redraw_timer = QTimer(self)
        self._redraw_timer.setSingleShot(True)
        self._redraw_timer.setInterval(REDRAW_MS)
        self._redraw_timer.timeout.connect(self._redraw)
        self.log_scale = QCheckBox(self.tr("Log scale"))
        self.log_scale.setObjectName("logScale")
        self.log_scale.setToolTip(self.tr("Show the loss on a logarithmic axis"))
        self.log_scale.toggled.connect(self._on_log_toggled)
        self.accuracy = QLabel(self.tr("accuracy: {values}").format(values="–"))
        self.accuracy.setObjectName("accuracyLabel")
        self.accuracy.setWordWrap(True)
        self.accuracy.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row = QHBoxLayout()
        row.addWidget(self.accuracy, 1)
        row.addWidget(self.log_scale)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.plot, 1)
        lay.addLayout(row)

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._unit_range_when_empty()

    def _unit_range_when_empty(self) -> None:
        """With no curve to fit, the axis keeps whatever range it had, maybe the other scale's: a linear
        0..1e20 read as log exponents overflows the tick labels. An empty plot shows 0..1 until data comes."""
        if not (self.train.n or self.val.n):
            self.plot.setYRange(0.0, 1.0, padding=0)
            self.plot.enableAutoRange(y=True)

    def clear(self) -> None:
        self.train.clear()
        self.val.clear()
        self._redraw()

    def series(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(train steps, train losses, val steps, val losses) of the current run."""
        return (*self.train.view(), *self.val.view())

    def set_snapshot(self, snap: Snapshot) -> None:
        if snap.run != self._run:
            self._run = snap.run
            self.train.clear()
            self.val.clear()
            # curves of a reopened session, shown from its first snapshot (not from one of the run before it, which
            # a window just built may not have drawn yet: that one is at an earlier step than the curves' end)
            if self.pending is not None and all(p[0] <= snap.step for c in self.pending for p in c[-1:]):
                (tx, ty), (vx, vy) = ([[p[0] for p in c], [p[1] for p in c]] for c in self.pending)
                self.train.extend(tx, ty)
                self.val.extend(vx, vy)
                self.pending = None
            self._redraw()
        if snap.history:
            for series in (self.train, self.val):
                series.drop_from(snap.history[0][0])
            self.train.extend([h[0] for h in snap.history], [h[1] for h in snap.history])
            vals = [(h[0], h[2]) for h in snap.history if h[2] is not None]
            if vals:
                self.val.extend([v[0] for v in vals], [v[1] for v in vals])
            if not snap.running:
                self._redraw()
            elif not self._redraw_timer.isActive():
                self._redraw_timer.start()
        m = snap.metrics
        names = (self.tr("train {acc}"), self.tr("val {acc}"), self.tr("test {acc}"))
        parts = [name.format(acc=f"{acc:.0%}") for name, acc in zip(names, (m.train_acc, m.val_acc, m.test_acc))
                 if acc is not None]
        self.accuracy.setText(self.tr("accuracy: {values}").format(values=" · ".join(parts) if parts else "–"))

    def _redraw(self) -> None:
        self.train_curve.setData(*self.train.view())
        self.val_curve.setData(*self.val.view())
        self._unit_range_when_empty()
