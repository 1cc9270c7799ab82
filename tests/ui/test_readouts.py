"""Numbers a class reads off the screen: the loss axis in plain numbers, a converged loss that is not 0, an
accuracy that reads 100 % only when every point is right."""

from __future__ import annotations

import re

import numpy as np
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QStatusBar
from uihelpers import panel_model

from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import Metrics, Snapshot
from micrograd_gui.ui.loss_plot import LossPlot
from micrograd_gui.ui.status_line import StatusLine


def snapshot(step: int, metrics: Metrics, history=()) -> Snapshot:
    return Snapshot(run=1, step=step, running=False, history=history, metrics=metrics, theta=np.zeros(3),
                    num_outputs=3, num_classes=3, config=get_preset("llm101n").config)


def tick_texts(axis) -> list[str]:
    """The tick labels the axis paints (pyqtgraph's own draw specs)."""
    img = QImage(10, 10, QImage.Format.Format_ARGB32)
    p = QPainter(img)
    try:
        _, _, texts = axis.generateDrawSpecs(p)
    finally:
        p.end()
    return [t[2] for t in texts]


def test_the_loss_axis_shows_plain_numbers_without_an_si_scale(qtbot):
    model = panel_model()
    plot = LossPlot(model)
    qtbot.addWidget(plot)
    plot.resize(500, 350)
    plot.show()
    qtbot.waitExposed(plot)
    losses = np.linspace(0.004, 0.0005, 40)  # a converged run: every loss a few thousandths
    model.controller.send(snapshot(40, Metrics(train_loss=float(losses[-1])),
                                   history=tuple((i + 1, float(v), None) for i, v in enumerate(losses))))
    axis = plot.plot.getAxis("left")
    qtbot.waitUntil(lambda: axis.range[1] < 0.01)  # the axis has fitted the curve
    assert axis.label.toPlainText().strip() == "loss"  # not "loss (x0.001)"
    ticks = tick_texts(axis)
    assert ticks and all(float(t) < 0.01 for t in ticks), ticks  # 0.002, not 2 of a hidden scale
    assert any(re.fullmatch(r"0\.00\d+", t) for t in ticks), ticks


def test_a_converged_loss_reads_in_significant_digits_in_the_status_bar(qtbot):
    model = panel_model()
    bar = QStatusBar()
    qtbot.addWidget(bar)
    status = StatusLine(model, bar)
    model.controller.send(snapshot(3416, Metrics(train_loss=3.2e-05, val_loss=0.0001234567)))
    assert status.loss_label.text() == "loss 3.2e-05 · val 0.0001235"
    model.controller.send(snapshot(10, Metrics(train_loss=1.0986122886681098, val_loss=None)))
    assert status.loss_label.text() == "loss 1.099"
    assert status.step_label.text() == "step 10"


def test_accuracy_reads_100_percent_only_when_every_point_is_right(qtbot):
    model = panel_model()
    plot = LossPlot(model)
    qtbot.addWidget(plot)
    model.controller.send(snapshot(5, Metrics(train_acc=199 / 200, val_acc=29 / 100, test_acc=1.0)))
    assert plot.accuracy.text() == "accuracy: train 99% · val 29% · test 100%"
    model.controller.send(snapshot(6, Metrics(train_acc=1 / 300, val_acc=0.0)))
    assert plot.accuracy.text() == "accuracy: train 0.3% · val 0%"
