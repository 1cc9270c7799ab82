"""How the plane is drawn: the view options, and how a session's `ui` section keeps them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

SAVED_FLAGS = ("regions", "hard", "contour", "show_val", "show_test")  # the on/off choices a session keeps


@dataclass(frozen=True)
class ViewOptions:
    """How the plane is drawn; saved with a session (presentation mode is not)."""

    regions: bool = True
    hard: bool = False
    contour: bool = False
    palette: str = "standard"  # or "colorblind"
    presentation: bool = False
    show_val: bool = True  # the validation points on the plane (they still measure the validation loss)
    show_test: bool = True  # the test points


def to_ui(v: ViewOptions) -> dict[str, object]:
    """The options as a session's `ui` section keeps them."""
    return {"palette": v.palette, **{k: getattr(v, k) for k in SAVED_FLAGS}}


def from_ui(ui: dict[str, Any]) -> dict[str, object]:
    """The changes to make from a session's `ui` section: only what is well formed (older files lack some)."""
    changes: dict[str, object] = {k: ui[k] for k in SAVED_FLAGS if isinstance(ui.get(k), bool)}
    changes["palette"] = "colorblind" if ui.get("palette") == "colorblind" else "standard"
    return changes
