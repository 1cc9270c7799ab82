"""Edits kept on several undo stacks (data, weights), undone in the order they were made by one Ctrl+Z."""

from __future__ import annotations

import itertools
import sys
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


def latest_undo(stacks: Iterable[QUndoStack]) -> QUndoStack | None:
    """The stack whose next undo is the most recent edit of all; None if none can undo."""
    ready = [s for s in stacks if s.canUndo()]
    return max(ready, key=lambda s: _stamp(s.command(s.index() - 1))) if ready else None


def next_redo(stacks: Iterable[QUndoStack]) -> QUndoStack | None:
    """The stack whose next redo is the edit undone last (the earliest of the next redos); None if none can."""
    ready = [s for s in stacks if s.canRedo()]
    return min(ready, key=lambda s: _stamp(s.command(s.index()))) if ready else None


class SwapCommand(StampedCommand):
    """Swap one immutable value for another through a setter; consecutive commands of one drag merge into one."""

    MERGE_ID = 1

    def __init__(self, setter: Callable[[Any], None], before: object, after: object, text: str,
                 drag: int | None = None):
        super().__init__(text)
        self._set, self.before, self.after, self.drag = setter, before, after, drag

    def redo(self) -> None:
        self._apply(self.after)

    def undo(self) -> None:
        self._apply(self.before)

    def _apply(self, value: object) -> None:
        # an exception must not leave this override: PySide 6.11 crashes reporting it (PepException_GetArgs)
        try:
            self._set(value)
        except Exception:
            sys.excepthook(*sys.exc_info())

    def id(self) -> int:
        return self.MERGE_ID if self.drag is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if isinstance(other, SwapCommand) and other.drag is not None and other.drag == self.drag:
            self.after = other.after
            return True
        return False
