"""A badge in the status bar while teacher mode hides or locks anything, so the class sees why."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import QLabel, QWidget

from .app_model import AppModel
from .teacher_mode import CONTROLS, Teacher


class TeacherBadge(QLabel):
    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("teacherBadge")
        self.setStyleSheet("QLabel { background: #5b3a8c; color: white; border-radius: 3px; padding: 1px 6px; "
                           "font-weight: bold; }")
        self._on_teacher_changed(model.teacher)
        model.teacher_changed.connect(self._on_teacher_changed)

    @Slot(object)
    def _on_teacher_changed(self, teacher: Teacher) -> None:
        self.setVisible(bool(teacher.hidden or teacher.locked))
        self.setText(self.tr("Teacher mode"))

        def titles(names: frozenset[str]) -> str:
            return ", ".join(QCoreApplication.translate("TeacherDialog", CONTROLS[n]) for n in CONTROLS if n in names)

        parts = []
        if teacher.locked:
            parts.append(self.tr("Locked: {controls}").format(controls=titles(teacher.locked)))
        if teacher.hidden:
            parts.append(self.tr("Hidden: {controls}").format(controls=titles(teacher.hidden)))
        self.setToolTip("\n".join(parts + [self.tr("View ▸ Teacher mode… changes this.")]))
