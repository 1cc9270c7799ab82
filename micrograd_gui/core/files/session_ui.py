"""A session's `ui` section checked whole before the window changes: content refused by name, cosmetics dropped."""

from __future__ import annotations

import json
import math
from typing import Any

from micrograd_gui.core.datasets import MAX_CLASSES, PLANE_LIMIT

FLAGS = {"regions": True, "hard": False, "contour": False, "show_val": True, "show_test": True}  # saved view flags
PALETTES = ("standard", "colorblind")
MAX_NAMES = 64  # teacher controls, docks, scratch leaves: far more than the window has
MAX_NAME = 200  # characters of one name
MAX_TEXT = 1_000_000  # Scratchpad characters a session keeps: over the 20,000 it parses (a long paste is kept too)


def _show(v: Any) -> str:
    return json.dumps(v)[:40]


def _names(v: Any, where: str, error: type[Exception]) -> list[str]:
    if not isinstance(v, list) or len(v) > MAX_NAMES or not all(isinstance(n, str) and len(n) <= MAX_NAME for n in v):
        raise error(f"{where} should be a list of control names, not {_show(v)}")
    return list(v)


def _number(v: Any) -> float | None:
    """A finite JSON number as a float, else None (true/false and integers beyond float range are not numbers)."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return None
    try:
        f = float(v)
    except OverflowError:
        return None
    return f if math.isfinite(f) else None


def _teacher(v: Any, error: type[Exception]) -> dict[str, list[str]]:
    # refused, not dropped: silently dropping a teacher's locks would open a class's window to what was locked
    if not isinstance(v, dict):
        raise error(f"ui.teacher should be an object with 'hidden' and 'locked' lists, not {_show(v)}")
    return {k: _names(v.get(k, []), f"ui.teacher.{k}", error) for k in ("hidden", "locked")}


def _scratch(v: Any, error: type[Exception]) -> dict[str, Any]:
    # the text is refused, not dropped: it is work someone typed; a slider value that is not a finite number is
    # dropped (its leaf shows the text's own number, as before it was dragged)
    if not isinstance(v, dict) or not isinstance(v.get("text"), str):
        raise error(f"ui.scratch should be an object with the Scratchpad's 'text', not {_show(v)}")
    if len(v["text"]) > MAX_TEXT:
        raise error(f"ui.scratch.text is longer than the {MAX_TEXT} characters a session keeps")
    raw = v.get("values")
    values: dict[str, float] = {}
    for k, x in list(raw.items())[:MAX_NAMES] if isinstance(raw, dict) else ():
        f = _number(x)
        if f is not None and len(k) <= MAX_NAME:
            values[k] = f
    return {"text": v["text"], "values": values}


def _probe(v: Any) -> list[float | int]:
    if isinstance(v, list) and len(v) == 3:
        x, y = _number(v[0]), _number(v[1])
        c = v[2]
        if (x is not None and y is not None and abs(x) <= PLANE_LIMIT and abs(y) <= PLANE_LIMIT
                and isinstance(c, int) and not isinstance(c, bool) and 0 <= c < MAX_CLASSES):
            return [x, y, c]
    return [0.0, 0.0, 0]  # the origin, class 0: where a new window's probe is


def check_ui(ui: Any, error: type[Exception]) -> dict[str, Any]:
    """Every field the window restores, well formed, or `error` naming the field. Cosmetic fields (probe, active
    class, view flags, palette, lesson, docks) that are malformed or missing take a new window's value; the teacher's
    hidden and locked controls and the Scratchpad's text are refused when malformed. Unknown fields are left out."""
    if not isinstance(ui, dict):
        raise error("ui should be an object")
    c = ui.get("active_class")
    lesson = ui.get("lesson")
    docks = ui.get("docks")
    out: dict[str, Any] = {
        "active_class": c if isinstance(c, int) and not isinstance(c, bool) and 0 <= c < MAX_CLASSES else 0,
        "probe": _probe(ui.get("probe")),
        "lesson": lesson if isinstance(lesson, str) and len(lesson) <= MAX_NAME else "",
        "palette": ui["palette"] if ui.get("palette") in PALETTES else "standard",
        **{k: ui[k] if isinstance(ui.get(k), bool) else default for k, default in FLAGS.items()},
        "teacher": _teacher(ui.get("teacher", {}), error),
    }
    # docks: which panels are open is the window's arrangement; a file without a usable list leaves it as it is
    if isinstance(docks, list):
        out["docks"] = [d for d in docks[:MAX_NAMES] if isinstance(d, str) and len(d) <= MAX_NAME]
    if "scratch" in ui:
        out["scratch"] = _scratch(ui["scratch"], error)
    return out
