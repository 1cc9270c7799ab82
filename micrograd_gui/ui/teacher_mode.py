"""Teacher mode: hide or lock chosen controls (as TensorFlow Playground hides them), saved with the session."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

# English; shown as QCoreApplication.translate("TeacherDialog", text)
LOCKED_TIP = QT_TRANSLATE_NOOP("TeacherDialog", "Locked by the teacher (View ▸ Teacher mode…)")

# name -> title; each panel hides and locks its own widgets of these names
CONTROLS: dict[str, str] = {
    "speed": QT_TRANSLATE_NOOP("TeacherDialog", "Speed limit"),
    "learning_rate": QT_TRANSLATE_NOOP("TeacherDialog", "Learning rate"),
    "optimizer": QT_TRANSLATE_NOOP("TeacherDialog", "Optimizer and its settings"),
    "l2": QT_TRANSLATE_NOOP("TeacherDialog", "L2 penalty"),
    "l1": QT_TRANSLATE_NOOP("TeacherDialog", "L1 penalty"),
    "batch": QT_TRANSLATE_NOOP("TeacherDialog", "Batch size"),
    "network": QT_TRANSLATE_NOOP("TeacherDialog", "Network: inputs, loss, layers, neurons, activation, init"),
    "reset": QT_TRANSLATE_NOOP("TeacherDialog", "Reset button"),
    "dataset": QT_TRANSLATE_NOOP("TeacherDialog", "Dataset chooser and Regenerate"),
    "seed": QT_TRANSLATE_NOOP("TeacherDialog", "Seed"),
    "points": QT_TRANSLATE_NOOP("TeacherDialog", "Editing points (plane, palette, Clear, Undo)"),
}


@dataclass(frozen=True)
class Teacher:
    """The controls the teacher hid or locked (names of CONTROLS)."""

    hidden: frozenset[str] = frozenset()
    locked: frozenset[str] = frozenset()


def _form_label(widget: QWidget) -> QWidget | None:
    """The label a QFormLayout shows beside the widget, searching the parent's nested layouts."""
    parent = widget.parentWidget()
    root = parent.layout() if parent is not None else None
    stack: list[QLayout] = [root] if root is not None else []
    while stack:
        lay = stack.pop()
        if isinstance(lay, QFormLayout):
            label = lay.labelForField(widget)
            if label is not None:
                return label
        for i in range(lay.count()):
            item = lay.itemAt(i)
            child = item.layout() if item is not None else None
            if child is not None:
                stack.append(child)
    return None


def apply_locks(widgets: Mapping[str, Sequence[QWidget]], teacher: Teacher) -> None:
    """Hide and lock a panel's widgets as chosen; a locked control stays visible but cannot be changed."""
    locked_tip = QCoreApplication.translate("TeacherDialog", LOCKED_TIP)
    hidden, locked = teacher.hidden, teacher.locked
    for name, group in widgets.items():
        for widget in group:
            widget.setEnabled(name not in locked)
            if name in locked:
                widget.setToolTip(locked_tip)
            elif widget.toolTip() == locked_tip:
                widget.setToolTip("")
            was_hidden = bool(widget.property("teacherHidden"))
            if name in hidden or was_hidden:
                widget.setVisible(name not in hidden)
                label = _form_label(widget)
                if label is not None:
                    label.setVisible(name not in hidden)
            widget.setProperty("teacherHidden", name in hidden)


class TeacherDialog(QDialog):
    """One row a control: Hide, Lock."""

    def __init__(self, parent: QWidget, teacher: Teacher):
        super().__init__(parent)
        self.setObjectName("teacherDialog")
        self.setWindowTitle(self.tr("Teacher mode"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Control</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Hide</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Lock</b>")), 0, 2)
        self.boxes: dict[str, tuple[QCheckBox, QCheckBox]] = {}
        for row, (name, title) in enumerate(CONTROLS.items(), start=1):
            hide, lock = QCheckBox(), QCheckBox()
            hide.setObjectName(f"hide_{name}")
            lock.setObjectName(f"lock_{name}")
            hide.setChecked(name in teacher.hidden)
            lock.setChecked(name in teacher.locked)
            grid.addWidget(QLabel(self.tr(title)), row, 0)
            grid.addWidget(hide, row, 1, Qt.AlignmentFlag.AlignCenter)
            grid.addWidget(lock, row, 2, Qt.AlignmentFlag.AlignCenter)
            self.boxes[name] = (hide, lock)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(QLabel(self.tr("Choose what students can see and change. Saved with the session.")))
        lay.addLayout(grid)
        lay.addWidget(buttons)

    def choice(self) -> tuple[set[str], set[str]]:
        hidden = {n for n, (h, _) in self.boxes.items() if h.isChecked()}
        locked = {n for n, (_, k) in self.boxes.items() if k.isChecked()}
        return hidden, locked
