"""Points as CSV: x, y, label[, split]; bad lines are reported by number and nothing is half-imported."""

from __future__ import annotations

import csv
import io
import math
import os

from micrograd_gui.core.datasets import MAX_CLASSES, MAX_POINTS, PLANE_LIMIT, SPLIT_NAMES, Dataset, split_for_new_point
from micrograd_gui.core.files.atomic import atomic_write
from micrograd_gui.core.files.numbers import parse_decimal, parse_whole
from micrograd_gui.core.files.reading import read_text

MAX_BYTES = 5 * 1024 * 1024
MAX_REPORTED = 8


class CsvError(ValueError):
    """The CSV could not be imported; the message lists the first bad lines by number."""


def _split(text: str, i: int) -> int:
    t = text.strip().lower()
    if t in SPLIT_NAMES:
        return SPLIT_NAMES.index(t)
    if t in ("0", "1", "2"):
        return int(t)
    if t in ("validation", "valid"):
        return 1
    raise ValueError(f"split '{text}' is not train, val or test")


def parse(text: str) -> Dataset:
    """All points, or CsvError naming the bad lines (the current data stays as it was)."""
    problems: list[str] = []
    xs: list[float] = []
    ys: list[float] = []
    labels: list[int] = []
    splits: list[int] = []
    # line by line, so any newline convention works (a lone \r too) and numbers are the editor's lines
    for line, raw in enumerate(text.splitlines(), start=1):
        try:
            row = next(csv.reader([raw]), []) if '"' in raw else raw.split(",")
        except csv.Error as e:  # e.g. a field over the csv module's size limit
            problems.append(f"line {line}: {e}")
            continue
        cells = [c.strip() for c in row]
        if not cells or all(not c for c in cells) or cells[0].startswith("#"):
            continue
        if line == 1 and cells[0].lower() in ("x", "x0"):
            continue  # a header
        try:
            if len(cells) not in (3, 4):
                raise ValueError(f"expected x, y, label[, split], got {len(cells)} fields")
            x, y = parse_decimal(cells[0]), parse_decimal(cells[1])
            if not (math.isfinite(x) and math.isfinite(y)) or abs(x) > PLANE_LIMIT or abs(y) > PLANE_LIMIT:
                raise ValueError(f"x and y must be finite numbers within ±{PLANE_LIMIT:g}")
            label = parse_whole(cells[2])
            if not 0 <= label < MAX_CLASSES:
                raise ValueError(f"label must be 0..{MAX_CLASSES - 1}")
            split = _split(cells[3], line) if len(cells) == 4 else split_for_new_point(len(xs))
        except ValueError as e:
            problems.append(f"line {line}: {e}")
            continue
        xs.append(x)
        ys.append(y)
        labels.append(label)
        splits.append(split)
        if len(xs) > MAX_POINTS:
            raise CsvError(f"more than {MAX_POINTS} points; the plane holds at most {MAX_POINTS}")
    if problems:
        more = f" (and {len(problems) - MAX_REPORTED} more)" if len(problems) > MAX_REPORTED else ""
        raise CsvError(f"{len(problems)} bad line{'s' if len(problems) > 1 else ''}: "
                       + "; ".join(problems[:MAX_REPORTED]) + more + ". Nothing was imported.")
    if not xs:
        raise CsvError("the file holds no points")
    return Dataset(tuple(xs), tuple(ys), tuple(labels), tuple(splits), max(2, max(labels) + 1))


def read(path: str | os.PathLike[str]) -> Dataset:
    text = read_text(path, MAX_BYTES, CsvError, f"the file is larger than {MAX_BYTES // 1_000_000} MB",
                     "the file is not UTF-8 text (binary or another encoding)", encoding="utf-8-sig")
    if "\x00" in text:
        raise CsvError("the file contains binary data, not CSV text")
    return parse(text)


def to_text(data: Dataset) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["x", "y", "label", "split"])
    for x, y, c, s in zip(data.xs, data.ys, data.labels, data.splits):
        w.writerow([repr(x), repr(y), c, SPLIT_NAMES[s]])
    return out.getvalue()


def write(path: str | os.PathLike[str], data: Dataset) -> None:
    atomic_write(path, to_text(data))
