"""Teacher mode: hide or lock chosen controls (as TensorFlow Playground hides them), saved with the session."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from .main_window import MainWindow

# English; shown as QCoreApplication.translate("TeacherDialog", text)
LOCKED_TIP = QT_TRANSLATE_NOOP("TeacherDialog", "Locked by the teacher (View ▸ Teacher mode…)")

# name -> (title, the widgets it covers)
CONTROLS: dict[str, tuple[str, Callable[[MainWindow], list[QWidget]]]] = {
    "speed": (QT_TRANSLATE_NOOP("TeacherDialog", "Speed limit"), lambda w: [w.controls.speed_box]),
    "learning_rate": (QT_TRANSLATE_NOOP("TeacherDialog", "Learning rate"), lambda w: [w.controls.lr_slider]),
    "optimizer": (QT_TRANSLATE_NOOP("TeacherDialog", "Optimizer and its settings"),
                  lambda w: [w.controls.optimizer, w.controls.momentum, w.controls.beta1, w.controls.beta2,
                             w.controls.weight_decay, w.controls.lr_decay]),
    "l2": (QT_TRANSLATE_NOOP("TeacherDialog", "L2 penalty"), lambda w: [w.controls.l2]),
    "batch": (QT_TRANSLATE_NOOP("TeacherDialog", "Batch size"), lambda w: [w.controls.batch]),
    "network": (QT_TRANSLATE_NOOP("TeacherDialog", "Network: loss, layers, neurons, activation, init"),
                lambda w: [w.controls.net_box]),
    "reset": (QT_TRANSLATE_NOOP("TeacherDialog", "Reset button"), lambda w: [w.controls.reset]),
    "dataset": (QT_TRANSLATE_NOOP("TeacherDialog", "Dataset chooser and Regenerate"),
                lambda w: [w.dataset_panel.chooser, w.dataset_panel.n, w.dataset_panel.noise,
                           w.dataset_panel.classes, w.dataset_panel.regenerate]),
    "seed": (QT_TRANSLATE_NOOP("TeacherDialog", "Seed"), lambda w: [w.dataset_panel.seed]),
    "points": (QT_TRANSLATE_NOOP("TeacherDialog", "Editing points (plane, palette, Clear, Undo)"),
               lambda w: [w.dataset_panel.clear, w.dataset_panel.undo, w.dataset_panel.redo,
                          *w.dataset_panel.class_buttons.buttons()]),
}


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


def apply(window: MainWindow, hidden: set[str], locked: set[str]) -> None:
    """Hide and lock as chosen; a locked control stays visible but cannot be changed."""
    locked_tip = QCoreApplication.translate("TeacherDialog", LOCKED_TIP)
    for name, (_, widgets) in CONTROLS.items():
        for widget in widgets(window):
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
    window.data_panel.read_only = "points" in locked or "points" in hidden
    # rows that depend on the current choice (momentum or betas, one box per layer) are decided again
    if "optimizer" not in hidden:
        window.controls._show_optimizer_fields()
    if "network" not in hidden:
        window.controls._show_widths()
    # and what the data decides is enabled again: noise and count by dataset, Undo and Redo by the edit history
    if "dataset" not in locked:
        window.dataset_panel._apply_kind_limits(window.dataset_panel.chooser.currentData())
    if "points" not in locked:
        window._sync_undo()


class TeacherDialog(QDialog):
    """One row a control: Hide, Lock."""

    def __init__(self, window: MainWindow, hidden: set[str], locked: set[str]):
        super().__init__(window)
        self.setObjectName("teacherDialog")
        self.setWindowTitle(self.tr("Teacher mode"))
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>Control</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>Hide</b>")), 0, 1)
        grid.addWidget(QLabel(self.tr("<b>Lock</b>")), 0, 2)
        self.boxes: dict[str, tuple[QCheckBox, QCheckBox]] = {}
        for row, (name, (title, _)) in enumerate(CONTROLS.items(), start=1):
            hide, lock = QCheckBox(), QCheckBox()
            hide.setObjectName(f"hide_{name}")
            lock.setObjectName(f"lock_{name}")
            hide.setChecked(name in hidden)
            lock.setChecked(name in locked)
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
