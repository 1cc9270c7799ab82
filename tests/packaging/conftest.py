"""The PyInstaller build the packaging tests run: built once per session, or reused when it is up to date."""

from __future__ import annotations

import importlib.util
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "micrograd-gui"
EXE = DIST / ("micrograd-gui.exe" if sys.platform == "win32" else "micrograd-gui")
BUILD_LOG = ROOT / "build" / "pyinstaller.log"
# MICROGRAD_GUI_REUSE_BUILD=1 reuses any existing build, =0 always rebuilds; unset: rebuild if a source is newer
REUSE = os.environ.get("MICROGRAD_GUI_REUSE_BUILD", "")
FIGURES = pytest.StashKey[dict[str, str]]()


def required() -> str | None:
    """Why the packaging tests must run here: CI=true (any CI service) or .ci/run's MICROGRAD_GUI_PACKAGING=1."""
    for var in ("MICROGRAD_GUI_PACKAGING", "CI"):
        if os.environ.get(var, "").lower() not in ("", "0", "false", "no"):
            return f"{var}={os.environ[var]}"
    return None


def missing(what: str) -> None:
    """In CI a missing build tool is a failure (a broken build must not pass quietly); locally, a skip."""
    if why := required():
        pytest.fail(f"{what} ({why}: the packaging tests must run; .ci/run installs it)", pytrace=False)
    pytest.skip(what)


def sources() -> list[Path]:
    """Everything the executable is built from."""
    files = [ROOT / "build.spec", ROOT / "pyproject.toml"]
    for folder in ("micrograd_gui", "resources"):
        files += [p for p in (ROOT / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    return files


def up_to_date() -> bool:
    if not EXE.is_file() or REUSE == "0":
        return False
    return REUSE == "1" or EXE.stat().st_mtime > max(p.stat().st_mtime for p in sources())


@pytest.fixture(scope="session")
def figures(request) -> dict[str, str]:
    """Numbers worth reading in the CI log (build time, size, startup); printed in the terminal summary."""
    return request.config.stash.setdefault(FIGURES, {})


@pytest.fixture(scope="session")
def frozen_app(figures) -> Path:
    """Path of dist/micrograd-gui/micrograd-gui, built by `pyinstaller build.spec` unless an up-to-date one exists."""
    if up_to_date():
        why = "MICROGRAD_GUI_REUSE_BUILD=1" if REUSE == "1" else "newer than every source"
        figures["build"] = f"reused {EXE.relative_to(ROOT)} ({why})"
        return EXE
    if importlib.util.find_spec("PyInstaller") is None:
        missing(f"PyInstaller is not installed in {sys.executable}: pip install -e '.[build]'")
    BUILD_LOG.parent.mkdir(exist_ok=True)
    t0 = time.perf_counter()
    with BUILD_LOG.open("w") as log:
        proc = subprocess.run([sys.executable, "-m", "PyInstaller", "build.spec", "--noconfirm"], cwd=ROOT,
                              stdout=log, stderr=subprocess.STDOUT, timeout=1200)
    seconds = time.perf_counter() - t0
    if proc.returncode != 0 or not EXE.is_file():
        tail = "\n".join(BUILD_LOG.read_text(errors="replace").splitlines()[-40:])
        pytest.fail(f"pyinstaller build.spec failed ({proc.returncode}); end of {BUILD_LOG}:\n{tail}", pytrace=False)
    figures["build"] = f"pyinstaller build.spec took {seconds:.0f} s (log: {BUILD_LOG.relative_to(ROOT)})"
    return EXE


@pytest.fixture(scope="session")
def bundled_modules(frozen_app) -> set[str]:
    """Names of the Python modules in the executable's archive (read with PyInstaller's own reader)."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        missing(f"PyInstaller is needed to read the bundle; it is not installed in {sys.executable}")
    return set(CArchiveReader(str(frozen_app)).open_embedded_archive("PYZ.pyz").toc)


@pytest.fixture
def xvfb_display(tmp_path):
    """A fresh Xvfb server on a free display number (-displayfd); yields DISPLAY, then stops the server."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        missing("Xvfb is not installed: apt-get install xvfb")
    read_end, write_end = os.pipe()
    with (tmp_path / "xvfb.log").open("w") as log:
        server = subprocess.Popen([xvfb, "-displayfd", str(write_end), "-screen", "0", "1600x1000x24",
                                   "-nolisten", "tcp"], pass_fds=(write_end,), stdout=log, stderr=log)
    os.close(write_end)
    try:
        number = b""
        deadline = time.monotonic() + 30
        while not number.endswith(b"\n") and (left := deadline - time.monotonic()) > 0:
            if not select.select([read_end], [], [], left)[0]:
                break
            chunk = os.read(read_end, 16)  # Xvfb writes the display number once it accepts clients
            if not chunk:  # it exited
                break
            number += chunk
        if not number.strip().isdigit():
            pytest.fail(f"Xvfb did not start: {(tmp_path / 'xvfb.log').read_text()}", pytrace=False)
        yield f":{number.decode().strip()}"
    finally:
        os.close(read_end)
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    numbers = config.stash.get(FIGURES, None)
    if numbers:
        terminalreporter.section("packaged executable")
        for name, value in numbers.items():
            terminalreporter.write_line(f"{name}: {value}")
