"""The Scratchpad's state on the GUI thread: the text a class typed and the leaf values it dragged to."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject, Signal

from micrograd_gui.core.files.session_ui import MAX_TEXT


class ScratchModel(QObject):
    """One owner for the Scratchpad's text and slider values; sessions save both."""

    text_changed = Signal(str)  # a new text, with its values already in `values`
    values_changed = Signal(object)  # dict[str, float], the text unchanged: leaf name -> the value a slider set

    def __init__(self, text: str = "", parent: QObject | None = None):
        super().__init__(parent)
        self.text = text
        self.values: dict[str, float] = {}

    def set_text(self, text: str, values: Mapping[str, float] | None = None) -> None:
        """New text (typed, an example, a lesson, a session); slider values start from the text's own numbers."""
        changed, new = text != self.text, dict(values or {})
        moved = new != self.values
        self.text, self.values = text, new
        if changed:  # its subscribers read the values with the text: one redraw, not a second for the values
            self.text_changed.emit(text)
        elif moved:
            self.values_changed.emit(dict(new))

    def set_value(self, name: str, value: float) -> None:
        """A leaf dragged to a value."""
        if self.values.get(name) != value:
            self.values[name] = value
            self.values_changed.emit(dict(self.values))

    def forget(self, names: set[str]) -> None:
        """Leaves whose number was retyped (or removed) go back to the text's value."""
        if names & self.values.keys():
            self.values = {k: v for k, v in self.values.items() if k not in names}
            self.values_changed.emit(dict(self.values))

    def to_ui(self) -> dict[str, object]:
        """The Scratchpad as a session's `ui.scratch` keeps it (empty text too: reopened, it is empty again)."""
        return {"text": self.text[:MAX_TEXT], "values": dict(self.values)}  # beyond a million characters: cut

    def restore(self, section: Mapping[str, object]) -> None:
        """A session's Scratchpad, as session_ui.check_ui left it (text and finite values)."""
        text, values = section["text"], section["values"]
        assert isinstance(text, str) and isinstance(values, dict)
        self.set_text(text, values)
