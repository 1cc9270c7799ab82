"""Edits kept on several undo stacks (data, weights), undone in the order they were made by one Ctrl+Z."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

_CLOCK = itertools.count(1)


class StampedCommand(QUndoCommand):
    """An undo command that remembers when it was made, so stacks can be interleaved by time."""

    def __init__(self, text: str):
        super().__init__(text)
        self.stamp = next(_CLOCK)


def _stamp(command: QUndoCommand | None) -> int:
    return getattr(command, "stamp", 0)


def undo_latest(stacks: Iterable[QUndoStack]) -> bool:
    """Undo the most recent edit of any stack; False if there is none."""
    ready = [s for s in stacks if s.canUndo()]
    if not ready:
        return False
    max(ready, key=lambda s: _stamp(s.command(s.index() - 1))).undo()
    return True


def redo_next(stacks: Iterable[QUndoStack]) -> bool:
    """Redo the edit undone last (the earliest of the stacks' next redos); False if there is none."""
    ready = [s for s in stacks if s.canRedo()]
    if not ready:
        return False
    min(ready, key=lambda s: _stamp(s.command(s.index()))).redo()
    return True


class SwapCommand(StampedCommand):
    """Swap one immutable value for another through a setter; consecutive commands of one drag merge into one."""

    MERGE_ID = 1

    def __init__(self, setter: Callable[[Any], None], before: object, after: object, text: str,
                 drag: int | None = None):
        super().__init__(text)
        self._set, self.before, self.after, self.drag = setter, before, after, drag

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)

    def id(self) -> int:
        return self.MERGE_ID if self.drag is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SwapCommand) and other.drag is not None and other.drag == self.drag:
            self.after = other.after
            return True
        return False
