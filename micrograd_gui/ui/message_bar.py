"""A banner above the plot for what the user must know now: divergence, bad data, what a change does."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Slot
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from .app_model import AppModel

STYLES = {
    "info": "background: #e8f1fb; color: #0b3d6b; border: 1px solid #9cc3ea;",
    "warning": "background: #fff4d6; color: #5c4300; border: 1px solid #e6c35c;",
    "error": "background: #fdecea; color: #7b1c14; border: 1px solid #e3a39b;",
}
MARGIN = 8  # from the edges of the plane it lies over


class MessageBar(QWidget):
    """Shows what the model says (model.say); a Reset dismisses an error, a lesson any message."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel()
        self.text.setObjectName("messageText")
        self.text.setWordWrap(True)
        close = QToolButton()
        close.setObjectName("messageClose")
        close.setText("✕")
        close.setToolTip(self.tr("Dismiss"))
        close.clicked.connect(self.hide)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(8, 4, 4, 4)
        self._row.addWidget(self.text, 1)
        self._row.addWidget(close)
        self.kind = ""
        self._host: QWidget | None = None
        self._buttons: list[QPushButton] = []
        self.hide()
        model.message.connect(self.show_message)
        model.dismissed.connect(self._on_dismissed)

    def float_over(self, host: QWidget) -> None:
        """Lie over the top of `host` instead of taking room above it: the plane never moves under the cursor
        when a message comes or goes."""
        self.setParent(host)
        self._host = host
        host.installEventFilter(self)
        self._place()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._host and event.type() == QEvent.Type.Resize:
            self._place()
        return super().eventFilter(watched, event)

    def _place(self) -> None:
        host = self._host
        if host is None:
            return
        width = max(120, host.width() - 2 * MARGIN)
        height = self.heightForWidth(width) if self.hasHeightForWidth() else self.sizeHint().height()
        self.setGeometry(MARGIN, MARGIN, width, max(height, self.minimumSizeHint().height()))
        self.raise_()

    @Slot(str)
    def _on_dismissed(self, kind: str) -> None:
        if not kind or kind == self.kind:
            self.hide()

    @Slot(str, str, object)
    def show_message(self, text: str, kind: str = "info",
                     actions: tuple[tuple[str, Callable[[], object]], ...] = ()) -> None:
        """Show text; each action is a button that runs its callback and dismisses the bar."""
        self.kind = kind
        self.text.setText(text)
        for b in self._buttons:
            b.hide()  # at once: its click may be what brought this message
            b.deleteLater()
        self._buttons = []
        for i, (label, callback) in enumerate(actions):
            b = QPushButton(label)
            b.setObjectName(f"messageAction{i}")
            b.clicked.connect(self.hide)  # first: a message the callback says (a refusal) must stay shown
            b.clicked.connect(callback)
            self._row.insertWidget(1 + i, b)
            self._buttons.append(b)
        self.setStyleSheet(f"#messageBar {{ {STYLES[kind]} border-radius: 4px; }}")
        self.show()
        self._place()
