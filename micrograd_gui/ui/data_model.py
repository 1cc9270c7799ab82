"""The points the user edits, with undo and redo for every edit (QUndoStack of whole snapshots)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from micrograd_gui.core.datasets import Dataset

from .undo import StampedCommand

MOVE_ID = 1


class _Edit(StampedCommand):
    """Swap one immutable Dataset for another; consecutive moves of one drag merge into one step."""

    def __init__(self, model: DataModel, before: Dataset, after: Dataset, text: str, drag: int | None = None):
        super().__init__(text)
        self._model, self.before, self.after, self.drag = model, before, after, drag

    def redo(self) -> None:
        self._model._set(self.after)

    def undo(self) -> None:
        self._model._set(self.before)

    def id(self) -> int:
        return MOVE_ID if self.drag is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, _Edit) and other.drag is not None and other.drag == self.drag:
            self.after = other.after
            return True
        return False


class DataModel(QObject):
    """Holds the current Dataset; panels edit through it and listen to `changed`."""

    changed = Signal(object)  # Dataset

    def __init__(self, data: Dataset, parent: QObject | None = None):
        super().__init__(parent)
        self._data = data
        self.undo_stack = QUndoStack(self)
        self._drag_serial = 0

    @property
    def data(self) -> Dataset:
        return self._data

    def _set(self, data: Dataset) -> None:
        self._data = data
        self.changed.emit(data)

    def _push(self, after: Dataset, text: str, drag: int | None = None) -> None:
        if after != self._data:
            self.undo_stack.push(_Edit(self, self._data, after, text, drag))

    def add(self, x: float, y: float, label: int) -> None:
        self._push(self._data.with_point(x, y, label), f"add a class {label + 1} point")

    def remove(self, i: int) -> None:
        self._push(self._data.without(i), "remove a point")

    def begin_drag(self) -> int:
        self._drag_serial += 1
        return self._drag_serial

    def move(self, i: int, x: float, y: float, drag: int | None = None) -> None:
        self._push(self._data.moved(i, x, y), "move a point", drag)

    def clear(self) -> None:
        self._push(self._data.cleared(), "clear all points")

    def replace(self, data: Dataset, text: str = "new dataset") -> None:
        self._push(data, text)

    def undo(self) -> None:
        self.undo_stack.undo()

    def redo(self) -> None:
        self.undo_stack.redo()
