"""The Scratchpad's leaf controls: one row per leaf (its name, a slider to drag, a field to type an exact value)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QDoubleSpinBox, QGridLayout, QLabel, QSlider, QWidget

from micrograd_gui.core.scratch import Leaf

TICKS = 1000  # slider positions across a leaf's range
MAX_ROWS = 60  # more leaves than this: the first ones get rows, the rest keep the text's numbers
LIMIT = 1e6  # the fields' range; the text may hold larger numbers, shown at the limit, kept exactly


def span(value: float) -> float:
    """Half the slider's range for a leaf written as `value`: 5 around small numbers, else the first of 10, 20, 50,
    100, ... past twice it (so 6.88 drags over -20..20, 0.5 over -5..5), a step of a round 1/500 of it."""
    a = abs(value) * 2
    if a <= 5:
        return 5.0
    scale = 10.0 ** math.floor(math.log10(a))
    for m in (1, 2, 5, 10):
        if m * scale >= a:
            return min(LIMIT, m * scale)
    return LIMIT  # not reached: 10 * scale > a


class LeafRow:
    """One leaf's name, slider and field; the slider covers ±span around 0 of the value the text gives."""

    def __init__(self, leaf: Leaf, grid: QGridLayout, row: int, owner: LeafControls):
        self.leaf = leaf
        self.half = span(leaf.value)
        self.name = QLabel(leaf.label or leaf.name)
        self.name.setObjectName(f"scratchName_{leaf.name}")
        self.name.setToolTip(QCoreApplication.translate("LeafControls", "{name}, line {line} of the text").format(
            name=leaf.name, line=leaf.line))
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"scratchSlider_{leaf.name}")
        self.slider.setRange(0, TICKS)
        self.slider.setPageStep(TICKS // 20)
        self.slider.setMinimumWidth(6 * self.slider.fontMetrics().height())  # draggable, however narrow the column
        self.slider.setToolTip(QCoreApplication.translate(
            "LeafControls", "Drag to change {name}: every value and gradient follows").format(
            name=leaf.label or leaf.name))
        self.field = QDoubleSpinBox()
        self.field.setObjectName(f"scratchValue_{leaf.name}")
        self.field.setRange(-LIMIT, LIMIT)
        self.field.setDecimals(4)
        self.field.setSingleStep(0.1)
        self.field.setKeyboardTracking(False)  # a value per Enter or arrow, not per typed digit
        self.field.setAccessibleName(leaf.label or leaf.name)
        grid.addWidget(self.name, row, 0)
        grid.addWidget(self.slider, row, 1)
        grid.addWidget(self.field, row, 2)
        self.slider.valueChanged.connect(lambda pos: owner.value_edited.emit(leaf.name, self.from_slider(pos)))
        self.field.valueChanged.connect(lambda v: owner.value_edited.emit(leaf.name, float(v)))

    def from_slider(self, pos: int) -> float:
        """The value at a slider position, rounded to the slider's resolution (so 0 and 1 can be hit)."""
        return round(-self.half + 2 * self.half * pos / TICKS, 6)

    def show(self, value: float) -> None:
        """Show a value without reporting it back as an edit."""
        for w in (self.slider, self.field):
            w.blockSignals(True)
        pos = round((value + self.half) / (2 * self.half) * TICKS)
        self.slider.setValue(max(0, min(TICKS, pos)))
        self.field.setValue(max(-LIMIT, min(LIMIT, value)))
        for w in (self.slider, self.field):
            w.blockSignals(False)

    def remove(self) -> None:
        for w in (self.name, self.slider, self.field):
            w.setParent(None)
            w.deleteLater()


class LeafControls(QWidget):
    """Rows for a program's leaves; `value_edited(name, value)` when the user drags or types one."""

    value_edited = Signal(str, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scratchLeaves")
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setColumnStretch(1, 1)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)  # rows packed under the text, not spread over the height
        self.rows: dict[str, LeafRow] = {}
        self.more = QLabel()
        self.more.setObjectName("scratchMoreLeaves")
        self.more.setWordWrap(True)
        self.more.hide()

    def set_leaves(self, leaves: Sequence[Leaf], values: Mapping[str, float]) -> None:
        """Rows for these leaves (kept where the leaf is the same), showing `values` or the text's numbers."""
        shown = list(leaves[:MAX_ROWS])
        if [r.leaf for r in self.rows.values()] != shown:
            for r in self.rows.values():
                r.remove()
            self.rows = {leaf.name: LeafRow(leaf, self.grid, i, self) for i, leaf in enumerate(shown)}
            self.grid.addWidget(self.more, len(shown), 0, 1, 3)
        hidden = len(leaves) - len(shown)
        self.more.setText(self.tr("{n} more leaves keep the values in the text").format(n=hidden))
        self.more.setVisible(hidden > 0)
        self.show_values(values)

    def show_values(self, values: Mapping[str, float]) -> None:
        for name, row in self.rows.items():
            row.show(values.get(name, row.leaf.value))
