"""resources/ is found through one helper from a checkout and from a wheel install; the icon and desktop entry."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
from pathlib import Path

from micrograd_gui.resources import ICON_SIZES, resource_path, resources_dir

ROOT = Path(__file__).resolve().parents[2]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", data[16:24])


def test_from_a_checkout_the_repository_folder_is_used():
    assert resources_dir() == ROOT / "resources"
    assert resource_path("icons", "micrograd-gui.svg").is_file()


def test_icon_renders_exist_at_every_size():
    assert resource_path("icons", "micrograd-gui.svg").read_text().lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert png_size(resource_path("icons", f"micrograd-gui-{size}.png")) == (size, size)


def test_desktop_entry_starts_the_installed_command():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # keys are case-sensitive
    entry.read(resource_path("linux", "micrograd-gui.desktop"), encoding="utf-8")
    d = entry["Desktop Entry"]
    assert (d["Type"], d["Exec"], d["Terminal"]) == ("Application", "micrograd-gui", "false")
    assert d["Icon"] == "micrograd-gui"  # the icon theme name README installs it under
    assert d["StartupWMClass"] == "micrograd-gui"  # Qt's WM_CLASS: the application name cli.py sets
    assert {"Education", "Science"} <= set(d["Categories"].strip(";").split(";"))
    assert d["Name"] and d["GenericName"] and d["Comment"]


def test_a_wheel_install_finds_resources_under_share(tmp_path):
    """pip install . (not editable) puts resources/ under <prefix>/share, where resource_path looks."""
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, src / name)
    for folder in ("micrograd_gui", "resources"):
        shutil.copytree(ROOT / folder, src / folder, ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--no-input"]
    subprocess.run([*pip, "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path / "wheels"),
                    str(src)], check=True, capture_output=True, timeout=300)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / "bin" / "python"
    wheel = next((tmp_path / "wheels").glob("micrograd_gui-*.whl"))
    subprocess.run([*pip, "--python", str(python), "install", "--no-deps", "--no-index", "-q", str(wheel)],
                   check=True, capture_output=True, timeout=300)
    shutil.rmtree(src)  # nothing may be found in the source tree
    out = subprocess.run([str(python), "-c", "from micrograd_gui.resources import resource_path as r; "
                          "print(r('icons', 'micrograd-gui-48.png'))"],
                         capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert out.returncode == 0, out.stderr
    found = Path(out.stdout.strip())
    assert found == venv / "share" / "micrograd_gui" / "resources" / "icons" / "micrograd-gui-48.png"
    assert png_size(found) == (48, 48)
    assert (venv / "share" / "applications" / "micrograd-gui.desktop").is_file()
    assert (venv / "share" / "icons" / "hicolor" / "scalable" / "apps" / "micrograd-gui.svg").is_file()
