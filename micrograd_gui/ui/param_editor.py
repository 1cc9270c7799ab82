"""A small field over the network canvas to type a weight or bias."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget


class ParamEditor(QLineEdit):
    """A small field over the canvas to type a weight or bias: Enter applies, Esc or clicking away cancels."""

    committed = Signal(int, str)  # theta index, text
    cancelled = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("paramEditor")
        self.param = -1
        self.initial = ""
        self.hide()

    def open(self, param: int, name: str, value: float, at: QPoint) -> None:
        self.param = param
        self.initial = f"{value:.6g}"
        self.setText(self.initial)
        self.setToolTip(self.tr("New value of {name}: Enter applies (Ctrl+Z undoes it), Esc cancels").format(
            name=name))
        self.setPlaceholderText(name)
        self.setStyleSheet("")
        host = self.parentWidget()
        assert host is not None
        self.resize(max(130, self.fontMetrics().horizontalAdvance("−0.000000000")), self.sizeHint().height())
        x = min(max(0, at.x() - self.width() // 2), max(0, host.width() - self.width()))
        y = min(max(0, at.y() - self.sizeHint().height() // 2), max(0, host.height() - self.sizeHint().height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectAll()

    def refuse(self) -> None:
        self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip() == self.initial:
                self.close_editor()
            else:
                self.committed.emit(self.param, self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible():
            self.close_editor()

    def close_editor(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()
