"""A vertical scroll area that is never narrower than what it holds: a side panel scrolls, it is never cut."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QWidget


class FittingScroll(QScrollArea):
    """Scrolls vertically; its minimum width follows the widget's minimum width (text, fonts, presentation mode),
    so the dock around it cannot squeeze the controls (a "Reset" cut to "Res")."""

    def __init__(self, widget: QWidget, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWidget(widget)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.installEventFilter(self)
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        return super().eventFilter(watched, event)

    def _fit(self) -> None:
        inner = self.widget()
        if inner is None:
            return
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        self.setMinimumWidth(inner.minimumSizeHint().width() + bar + 2 * self.frameWidth())
