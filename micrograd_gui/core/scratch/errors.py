"""ScratchError: why the Scratchpad refused a program or could not build it, at a line and column."""

from __future__ import annotations

from collections.abc import Mapping

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

Arg = str | int | float  # a template's parameter
DIVISION_BY_ZERO = QT_TRANSLATE_NOOP("ScratchError", "division by zero")  # parse() and build() both say it


class ScratchError(ValueError):
    """A one-line message naming where (1-based line and column) and what is wrong.

    `template` is an English format string marked with QT_TRANSLATE_NOOP("ScratchError", ...), so the UI can
    translate it before filling in `params`; `message` is the English, template.format(**params). (Not `args`:
    that is every exception's tuple, which repr() and the exception machinery read.)"""

    def __init__(self, line: int, col: int, template: str, params: Mapping[str, Arg] | None = None):
        # one line, whatever a quoted error said: newlines go from the parameters (templates have none)
        self.params: dict[str, Arg] = {k: " ".join(v.split("\n")) if isinstance(v, str) else v
                                       for k, v in (params or {}).items()}
        self.line, self.col, self.template = line, col, template
        self.message = template.format(**self.params)
        super().__init__(f"line {line}, column {col}: {self.message}")

    def __reduce__(self) -> tuple[type[ScratchError], tuple[int, int, str, dict[str, Arg]]]:
        return ScratchError, (self.line, self.col, self.template, dict(self.params))  # copies and pickles keep it


def char_col(lines: list[str], line: int, byte_offset: int) -> int:
    """The 1-based character column of an ast col_offset, which counts UTF-8 bytes, not characters."""
    if not 1 <= line <= len(lines):
        return byte_offset + 1
    head = lines[line - 1].encode("utf-8")[:byte_offset]
    return len(head.decode("utf-8", errors="ignore")) + 1
