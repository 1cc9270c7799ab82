"""The Scratchpad's limits, and reading a text into an ast within them (nothing in it runs)."""

from __future__ import annotations

import ast
import io
import tokenize
import warnings

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.scratch.errors import ScratchError, char_col

MAX_CHARS = 20_000
MAX_LINES = 200
MAX_DEPTH = 100  # ast levels: the compiler and build() recurse this deep at most
MAX_BRACKETS = 50  # brackets inside brackets (they make no ast level, so MAX_DEPTH does not see them)
MAX_NODES = 2_000  # Values one build() may create (SPEC §9)
MAX_EXPONENT = 16  # |k| in x ** k (SPEC §9)
MAX_NUMBER = 1e300  # |x| of a number written in the code (the messages say 1e300)
MAX_LABEL = 40  # characters of a label='...'
MAX_SUM_ITEMS = 1_000

_NOT_PYTHON = QT_TRANSLATE_NOOP("ScratchError", "this is not valid Python: {why}")  # why: Python's own words


def _line_col(text: str, index: int) -> tuple[int, int]:
    head = text[:index]
    return head.count("\n") + 1, index - (head.rfind("\n") + 1) + 1


def read(text: str) -> tuple[ast.Module, list[str]]:
    """The ast of text and its lines, or ScratchError if it is too long, too deep or not Python."""
    if not isinstance(text, str):
        raise TypeError(f"the Scratchpad reads text, got {type(text).__name__}")
    if len(text) > MAX_CHARS:  # before anything else, so a huge paste costs nothing
        line, col = _line_col(text, MAX_CHARS)
        raise ScratchError(line, col, QT_TRANSLATE_NOOP(
            "ScratchError", "the text is longer than the Scratchpad's {limit:,} characters"), {"limit": MAX_CHARS})
    src = text.replace("\r\n", "\n").replace("\r", "\n")  # ast's line numbers, whatever the line ends
    lines = src.split("\n")
    used = len(src.rstrip().split("\n"))
    if used > MAX_LINES:
        raise ScratchError(MAX_LINES + 1, 1, QT_TRANSLATE_NOOP(
            "ScratchError", "the text has {n} lines; the Scratchpad takes at most {limit}"),
            {"n": used, "limit": MAX_LINES})
    if "\x00" in src:
        line, col = _line_col(src, src.index("\x00"))
        raise ScratchError(line, col, QT_TRANSLATE_NOOP("ScratchError", "the text contains a null character"))
    try:
        with warnings.catch_warnings():  # an invalid escape or `1 is 1` is refused, not printed on stderr
            warnings.simplefilter("error")
            tree = ast.parse(src, mode="exec")
    except SyntaxError as e:  # also the parser's own nesting limits ("too many nested parentheses")
        line, col = e.lineno or 1, max(1, e.offset or 1)
        if "digits" in e.msg:  # not Python's advice to raise a limit
            raise ScratchError(line, col, QT_TRANSLATE_NOOP(
                "ScratchError", "this is not valid Python: a number has too many digits")) from None
        raise ScratchError(line, col, _NOT_PYTHON, {"why": e.msg}) from None
    except (RecursionError, MemoryError):  # Python's parser gives up on very deep nesting this way
        raise ScratchError(1, 1, QT_TRANSLATE_NOOP("ScratchError", "the code is nested too deeply to read: give "
                                                                   "parts of it names on lines of their own")) from None
    except ValueError as e:
        raise ScratchError(1, 1, _NOT_PYTHON, {"why": str(e)}) from None
    _check_brackets(src)
    _check_depth(tree, lines)
    return tree, lines


def _check_depth(tree: ast.Module, lines: list[str]) -> None:
    """Refuse an ast deeper than MAX_DEPTH, walking it without recursion (it may be thousands deep)."""
    stack: list[tuple[ast.AST, int, int, int]] = [(tree, 0, 1, 0)]
    while stack:
        node, depth, line, offset = stack.pop()
        line, offset = getattr(node, "lineno", line), getattr(node, "col_offset", offset)
        if depth > MAX_DEPTH:
            raise ScratchError(line, char_col(lines, line, offset), QT_TRANSLATE_NOOP(
                "ScratchError", "this is nested more than {limit} levels deep: give parts of it names on lines of "
                                "their own"), {"limit": MAX_DEPTH})
        stack.extend((child, depth + 1, line, offset) for child in ast.iter_child_nodes(node))


def _check_brackets(src: str) -> None:
    """Refuse brackets nested more than MAX_BRACKETS deep (src is valid Python: the tokenizer reads it)."""
    if sum(src.count(b) for b in "([{") <= MAX_BRACKETS:
        return
    depth = 0
    for tok in tokenize.generate_tokens(io.StringIO(src).readline):
        if tok.exact_type in (tokenize.LPAR, tokenize.LSQB, tokenize.LBRACE):
            depth += 1
            if depth > MAX_BRACKETS:
                raise ScratchError(tok.start[0], tok.start[1] + 1, QT_TRANSLATE_NOOP(
                    "ScratchError", "brackets are nested more than {limit} deep: give parts of it names on lines of "
                                    "their own"), {"limit": MAX_BRACKETS})
        elif tok.exact_type in (tokenize.RPAR, tokenize.RSQB, tokenize.RBRACE):
            depth -= 1
