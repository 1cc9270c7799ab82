"""The command line's argparse: every error is one line on stderr with exit status 2, and the shared argument types."""

from __future__ import annotations

import argparse
import math
from typing import NoReturn

from .core.datasets import PLANE_LIMIT
from .core.files.numbers import parse_decimal


class OneLineParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line that points to --help (its subcommands' parsers are too)."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: {message} (see {self.prog} --help)\n")


def positive_int(text: str) -> int:
    """A count of at least 1 (timed steps, maps, points)."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got '{text}'") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {n}")
    return n


def point(text: str) -> tuple[float, float]:
    """X,Y: a point the window would take, two finite numbers within the plane's limits."""
    try:
        x, y = (parse_decimal(s) for s in text.split(","))
    except ValueError:
        x = y = math.nan
    if not (math.isfinite(x) and math.isfinite(y) and abs(x) <= PLANE_LIMIT and abs(y) <= PLANE_LIMIT):
        raise argparse.ArgumentTypeError(f"--point takes X,Y: two finite numbers within ±{PLANE_LIMIT:g}, like "
                                         f"0.5,-1; got '{text}'")
    return x, y
