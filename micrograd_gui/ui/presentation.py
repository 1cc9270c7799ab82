"""Presentation mode: full screen, bigger fonts, thicker lines and markers, stronger colours."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

SCALE = 1.6  # fonts in presentation mode (the issue asks for 1.5-2x)
STYLE = """
QWidget { color: #000000; }
QGroupBox { font-weight: bold; }
QPushButton { border: 2px solid #222; border-radius: 4px; padding: 4px 8px; background: #f4f4f4; }
QPushButton:disabled { color: #777; border-color: #999; }
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox { border: 2px solid #222; }
"""


def style_axes(plot: pg.PlotWidget, font: QFont, on: bool) -> None:
    """A plot's axes in the widget's font, with thicker lines in presentation mode."""
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setStyle(tickFont=QFont(font))
        axis.setPen(pg.mkPen("k", width=2 if on else 1))
        axis.setTextPen("k")


def apply(window: QMainWindow, on: bool, side_docks: tuple[QDockWidget, QDockWidget]) -> None:
    """Fonts, style and full screen of the whole window (the panels restyle themselves from the model's view);
    switching back restores the normal look."""
    base = window.property("baseFont")
    if base is None:
        base = QFont(window.font())
        window.setProperty("baseFont", base)
    font = QFont(base)
    font.setPointSizeF(base.pointSizeF() * (SCALE if on else 1.0))
    window.setFont(font)
    window.setStyleSheet(STYLE if on else "")
    # a widget with a style sheet of its own (the lesson box, the message bar, the class buttons), and what it
    # holds, does not take its parent's font: each is given the new size directly, keeping its weight
    for styled in [w for w in window.findChildren(QWidget) if w.styleSheet()]:
        for widget in (styled, *styled.findChildren(QWidget)):
            own = QFont(widget.font())
            own.setPointSizeF(font.pointSizeF())
            widget.setFont(own)
    # after the switch to full screen has laid the window out: the controls grow with their text, the data
    # panel keeps its width, so the plane keeps the rest
    QTimer.singleShot(0, lambda: window.resizeDocks(list(side_docks), [420 if on else 300, 330],
                                                    Qt.Orientation.Horizontal))
    if on:
        window.setProperty("wasMaximized", window.isMaximized())
        window.showFullScreen()
    elif window.isFullScreen():
        window.showMaximized() if window.property("wasMaximized") else window.showNormal()
