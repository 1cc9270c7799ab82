"""Enter or Esc in a text or number field hands the keyboard back to the plane, so Space, R and 1-6 work again."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QWidget

from .fields import NumberField

KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape)


class HandBack(QObject):
    """An event filter on the fields: Enter applies the value as usual, Esc puts the last applied one back;
    either way the focus then goes to `target`."""

    def __init__(self, target: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and event.key() in KEYS:
            if event.key() == Qt.Key.Key_Escape:
                owner = watched.parent()
                if isinstance(owner, NumberField):  # the typed text is dropped: the field shows its value again
                    owner.set_value(owner.value())
            QTimer.singleShot(0, self._hand_back)  # after the field has handled Enter (editingFinished)
        return False

    def _hand_back(self) -> None:
        if self.target.isVisible():
            self.target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def hand_back_focus(root: QWidget, target: QWidget, keep: tuple[str, ...] = ()) -> HandBack:
    """Watch every line edit and spin box under root except those named in `keep` (which want Enter for
    themselves, like the graph's find field)."""
    handler = HandBack(target, root)
    for w in [*root.findChildren(QLineEdit), *root.findChildren(QAbstractSpinBox)]:
        if w.objectName() not in keep:
            w.installEventFilter(handler)
    return handler
