"""Above the plane: the current lesson's title and instructions, or on a first start what to click first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from micrograd_gui.core.lessons import Lesson

from .app_model import AppModel


class LessonBox(QFrame):
    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonBox")
        self.setStyleSheet("#lessonBox { background: #f3f0fa; border: 1px solid #c9bde6; border-radius: 4px; }"
                           " QLabel { color: #2d1f4f; }")
        self.label = QLabel()
        self.label.setObjectName("lessonText")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        close = QToolButton()
        close.setObjectName("lessonClose")
        close.setText("✕")
        close.setAutoRaise(True)
        close.setToolTip(self.tr("Hide (the Lessons menu has it again)"))
        close.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 4, 4, 4)
        row.addWidget(self.label, 1)
        row.addWidget(close, 0, Qt.AlignmentFlag.AlignTop)
        self.show_lesson(model.lesson)
        model.lesson_changed.connect(self.show_lesson)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # the wrapped text's height is the least this box needs, so the window takes it from a dock and never
        # squeezes the plane under it below its own minimum
        need = self.heightForWidth(self.width())
        if need > 0 and need != self.minimumHeight():
            self.setMinimumHeight(need)

    def text(self) -> str:
        return self.label.text()

    @Slot(object)
    def show_lesson(self, lesson: Lesson | None) -> None:
        if lesson is None:
            self.hide()
            return
        self.setMinimumHeight(0)  # new text: measured again at the next resize
        self.label.setText(self.tr("<b>Lesson: {title}.</b> {instructions}").format(
            title=QCoreApplication.translate("Lessons", lesson.title),
            instructions=QCoreApplication.translate("Lessons", lesson.instructions)))
        self.show()

    def show_welcome(self) -> None:
        """A first start: what to click first, for a teacher in front of a class or a student at home."""
        self.label.setText(self.tr(
            "<b>Welcome.</b> Press <b>Space</b> (or <b>Play</b>, top left) and watch the network learn to colour the "
            "plane by class; the loss falls on the right. Click the plane to add a point (keys <b>1</b>–<b>6</b> "
            "choose its class), press <b>G</b> for one point's loss as a graph of scalars, and open the "
            "<b>Lessons</b> menu for guided experiments. <b>F1</b> lists every key."))
        self.show()
