"""A number field that refuses bad input with a visible reason, and a log-scale slider paired to it."""

from __future__ import annotations

import math

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSlider, QVBoxLayout, QWidget

from .theme import set_text_colour

ERROR_STYLE = "QLineEdit { border: 2px solid #c0392b; background: #fdecea; }"


class _NumberEdit(QLineEdit):
    """Never narrower than a number like 0.00001 in its current font: "0.1" is never shown as "1"."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.fontMetrics().horizontalAdvance("0.00001") + 14), hint.height())


class NumberField(QWidget):
    """A line edit for one number in [lo, hi]; on a bad entry it keeps the last good value and says why."""

    value_changed = Signal(float)

    def __init__(self, name: str, value: float, lo: float, hi: float, *, lo_open: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.name, self.lo, self.hi, self.lo_open = name, lo, hi, lo_open
        self._value = value
        self.edit = _NumberEdit(self._fmt(value))
        self.error = QLabel()
        self.error.setObjectName("fieldError")
        set_text_colour(self.error, "#c0392b")
        self.error.setWordWrap(True)
        self.error.hide()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(1)
        lay.addWidget(self.edit)
        lay.addWidget(self.error)
        self.edit.editingFinished.connect(self._on_edited)

    @staticmethod
    def _fmt(v: float) -> str:
        return f"{v:.6g}"

    def value(self) -> float:
        return self._value

    def set_value(self, v: float, emit: bool = False) -> None:
        self._value = v
        self.edit.setText(self._fmt(v))
        self._show_error("")
        if emit:
            self.value_changed.emit(v)

    def problem(self, text: str) -> str:
        """Why `text` is not acceptable, or '' if it is."""
        try:
            v = float(text.strip())
        except ValueError:
            return self.tr("{name}: '{text}' is not a number.").format(name=self.name, text=text)
        if not math.isfinite(v):
            return self.tr("{name} must be a finite number.").format(name=self.name)
        low_bad = v <= self.lo if self.lo_open else v < self.lo
        if low_bad or v > self.hi:
            if self.lo_open:
                why = self.tr("{name} must be above {lo} and at most {hi}.")
            else:
                why = self.tr("{name} must be at least {lo} and at most {hi}.")
            return why.format(name=self.name, lo=f"{self.lo:g}", hi=f"{self.hi:g}")
        return ""

    def _on_edited(self) -> None:
        text = self.edit.text()
        why = self.problem(text)
        self._show_error(why)
        if why:
            return
        v = float(text)
        if v != self._value:
            self._value = v
            self.value_changed.emit(v)

    def _show_error(self, why: str) -> None:
        self.error.setText(self.tr("{why} Kept {value}.").format(why=why, value=self._fmt(self._value)) if why else "")
        self.error.setVisible(bool(why))
        self.edit.setStyleSheet(ERROR_STYLE if why else "")


class LogSlider(QWidget):
    """A learning-rate slider on a log scale (1e-4 .. 10) kept in step with a NumberField."""

    STEPS_PER_DECADE = 20

    def __init__(self, field: NumberField, lo: float = 1e-4, hi: float = 10.0, parent: QWidget | None = None):
        super().__init__(parent)
        self.field, self.lo, self.hi = field, lo, hi
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setRange(0, round(math.log10(hi / lo) * self.STEPS_PER_DECADE))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.slider, 2)
        lay.addWidget(field, 1)
        self._sync_from_field(field.value())
        self.slider.valueChanged.connect(self._on_slider)
        field.value_changed.connect(self._sync_from_field)

    def _to_value(self, pos: int) -> float:
        return float(f"{self.lo * 10 ** (pos / self.STEPS_PER_DECADE):.3g}")

    def _sync_from_field(self, v: float) -> None:
        pos = round(math.log10(max(v, self.lo) / self.lo) * self.STEPS_PER_DECADE)
        self.slider.blockSignals(True)
        self.slider.setValue(pos)
        self.slider.blockSignals(False)

    def _on_slider(self, pos: int) -> None:
        self.field.set_value(self._to_value(pos), emit=True)
