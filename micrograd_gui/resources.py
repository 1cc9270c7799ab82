"""Find files under the repository's `resources/` folder: frozen, from a checkout, or from an installed wheel."""

from __future__ import annotations

import functools
import sys
import sysconfig
from pathlib import Path

# a file every copy of resources/ has: tells the real folder from an unrelated one named "resources"
MARKER = ("icons", "micrograd-gui.svg")
# where pyproject's data-files puts resources/ in a wheel install, relative to the scheme's data path
INSTALLED = ("share", "micrograd_gui", "resources")
# icons/micrograd-gui-<size>.png, rendered from icons/micrograd-gui.svg
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def candidates() -> list[Path]:
    """Where resources/ may be, in order: PyInstaller bundle, source checkout, wheel install (venv, then user)."""
    found: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and bundle:
        found.append(Path(bundle) / "resources")
    found.append(Path(__file__).resolve().parent.parent / "resources")
    for scheme in (sysconfig.get_default_scheme(), sysconfig.get_preferred_scheme("user")):
        try:
            found.append(Path(sysconfig.get_path("data", scheme)).joinpath(*INSTALLED))
        except KeyError:  # a scheme this platform does not define
            continue
    return list(dict.fromkeys(found))  # frozen, the first two are the same folder


@functools.cache
def resources_dir() -> Path:
    """The resources/ folder of this copy of the app; FileNotFoundError names every place looked at."""
    places = candidates()
    for place in places:
        if place.joinpath(*MARKER).is_file():
            return place
    raise FileNotFoundError("the resources/ folder is in none of " + ", ".join(str(p) for p in places))


def resource_path(*parts: str) -> Path:
    """Path of a file under resources/, e.g. resource_path("icons", "micrograd-gui.svg")."""
    return resources_dir().joinpath(*parts)
