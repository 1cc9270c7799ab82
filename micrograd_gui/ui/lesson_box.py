"""The current lesson's title and instructions above the plane."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QWidget

from micrograd_gui.core.lessons import Lesson

from .app_model import AppModel


class LessonBox(QLabel):
    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lessonBox")
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #f3f0fa; border: 1px solid #c9bde6; border-radius: 4px;"
                           " padding: 6px; color: #2d1f4f; }")
        self.show_lesson(model.lesson)
        model.lesson_changed.connect(self.show_lesson)

    @Slot(object)
    def show_lesson(self, lesson: Lesson | None) -> None:
        if lesson is None:
            self.hide()
            return
        self.setText(self.tr("<b>Lesson: {title}.</b> {instructions}").format(
            title=QCoreApplication.translate("Lessons", lesson.title),
            instructions=QCoreApplication.translate("Lessons", lesson.instructions)))
        self.show()
