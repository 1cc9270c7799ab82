"""Train, validation and test loss per step (linear or log scale) and the accuracies underneath."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel, ViewOptions
from .presentation import style_axes
from .readouts import percent_text

REDRAW_MS = 120  # curves need no more than ~8 redraws a second; the plane gets the rest of the frame budget
MAX_DRAWN = 20_000  # points a curve hands the plot: far more than a panel has pixels; the history keeps them all


def drawn(x: np.ndarray, y: np.ndarray, limit: int = MAX_DRAWN) -> tuple[np.ndarray, np.ndarray]:
    """A long curve thinned for drawing only: each of limit/2 spans of steps keeps its lowest and highest loss (so
    a spike stays visible), and the last point stays last. The history, and what a session saves, keep every point."""
    n = len(x)
    if n <= limit:
        return x, y
    k = -(-n // (limit // 2))  # points a span
    m = n // k * k
    spans = y[:m].reshape(-1, k)
    start = np.arange(0, m, k)
    nan = np.isnan(spans)  # a blown-up step's NaN loss is kept where its span has nothing else: a gap in the line
    low = np.where(nan, np.inf, spans).argmin(axis=1)
    high = np.where(nan, -np.inf, spans).argmax(axis=1)
    keep = np.unique(np.concatenate((start + low, start + high, np.arange(m, n), [n - 1])))
    return x[keep], y[keep]


def _test_pen(width: float) -> QPen:
    return pg.mkPen("#2ca02c", width=width, style=Qt.PenStyle.DashLine)


class LossPlot(QWidget):
    """Draws the model's loss history, redrawn from snapshots (debounced)."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lossPanel")
        self.history = model.history
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("lossPlot")
        self.plot.setLabel("bottom", self.tr("step"))
        self.plot.setLabel("left", self.tr("loss"))
        self.plot.getAxis("left").enableAutoSIPrefix(False)  # plain ticks (0.002), not "loss (x0.001)" over 2
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setMenuEnabled(False)
        # on a white box: a class reads it over the curves
        self.plot.addLegend(offset=(-10, 10), labelTextColor="k", brush=pg.mkBrush(255, 255, 255, 220),
                            pen=pg.mkPen("#999"))
        self.plot.setClipToView(True)
        self.plot.setDownsampling(auto=True, mode="peak")
        self.train_curve = self.plot.plot(pen=pg.mkPen("#1f77b4", width=2), name=self.tr("train"))
        self.val_curve = self.plot.plot(pen=pg.mkPen("#ff7f0e", width=2), name=self.tr("validation"))
        self.test_curve = self.plot.plot(pen=_test_pen(2), name=self.tr("test"))  # dashed: told apart without colour
        self._run = -1
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
        model.snapshot.connect(self.set_snapshot)
        model.view_changed.connect(self._on_view_changed)

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._unit_range_when_empty()

    def _unit_range_when_empty(self) -> None:
        """With no curve to fit, the axis keeps whatever range it had, maybe the other scale's: a linear
        0..1e20 read as log exponents overflows the tick labels. An empty plot shows 0..1 until data comes."""
        if self.history.empty():
            self.plot.setYRange(0.0, 1.0, padding=0)
            self.plot.enableAutoRange(y=True)

    def series(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(train steps, train losses, val steps, val losses) of the current run."""
        return self.history.series()

    @Slot(object)
    def _on_view_changed(self, view: ViewOptions) -> None:
        style_axes(self.plot, self.font(), view.presentation)
        legend = self.plot.getPlotItem().legend
        if legend is not None:  # the legend's text in the panel's font size (bigger in presentation mode)
            size = f"{max(self.font().pointSizeF(), 8):.0f}pt"
            legend.setLabelTextSize(size)
            for _, label in legend.items:
                label.setText(label.text, size=size)
        width = 4 if view.presentation else 2
        self.train_curve.setPen(pg.mkPen("#1f77b4", width=width))
        self.val_curve.setPen(pg.mkPen("#ff7f0e", width=width))
        self.test_curve.setPen(_test_pen(width))

    @Slot(object)
    def set_snapshot(self, snap: Snapshot) -> None:
        """The model has taken the snapshot's losses into its history already; this draws them."""
        if snap.run != self._run:
            self._run = snap.run
            self._redraw()
        elif snap.history:
            if not snap.running:
                self._redraw()
            elif not self._redraw_timer.isActive():
                self._redraw_timer.start()
        m = snap.metrics
        names = (self.tr("train {acc}"), self.tr("val {acc}"), self.tr("test {acc}"))
        parts = [name.format(acc=percent_text(acc)) for name, acc in zip(names, (m.train_acc, m.val_acc, m.test_acc))
                 if acc is not None]
        self.accuracy.setText(self.tr("accuracy: {values}").format(values=" · ".join(parts) if parts else "–"))

    def _redraw(self) -> None:
        tx, ty, vx, vy = self.history.series()
        self.train_curve.setData(*drawn(tx, ty))
        self.val_curve.setData(*drawn(vx, vy))
        self.test_curve.setData(*drawn(*self.history.test_series()))
        self._unit_range_when_empty()
