"""ScratchError: why the Scratchpad refused a program or could not build it, at a line and column."""

from __future__ import annotations


class ScratchError(ValueError):
    """A one-line message naming where (1-based line and column) and what is wrong."""

    def __init__(self, line: int, col: int, message: str):
        message = " ".join(message.split("\n"))  # one line, whatever the quoted error said
        self.line, self.col, self.message = line, col, message
        super().__init__(f"line {line}, column {col}: {message}")

    def __reduce__(self) -> tuple[type[ScratchError], tuple[int, int, str]]:  # copies and pickles keep the fields
        return ScratchError, (self.line, self.col, self.message)


def char_col(lines: list[str], line: int, byte_offset: int) -> int:
    """The 1-based character column of an ast col_offset, which counts UTF-8 bytes, not characters."""
    if not 1 <= line <= len(lines):
        return byte_offset + 1
    head = lines[line - 1].encode("utf-8")[:byte_offset]
    return len(head.decode("utf-8", errors="ignore")) + 1
