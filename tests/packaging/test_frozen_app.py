"""The PyInstaller onedir app: its layout and size, every subcommand, and its self-test offscreen and on X11."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from micrograd_gui import __version__
from micrograd_gui.cli import main as cli_main

pytestmark = pytest.mark.packaging

MAX_ONEDIR_MB = 220
STARTUP = re.compile(r"^startup to first drawn snapshot: (\d+) ms$", re.M)


def run(exe: Path, *args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(exe), *args], capture_output=True, text=True, env=env or app_env(), cwd=cwd,
                          timeout=180)


def app_env(**changes: str) -> dict[str, str]:
    """The environment of a user's shell: nothing from the test run's Python or Qt set-up leaks in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "QT_", "PYTEST"))}
    env.update(changes)
    return env


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*")) / 2**20


def test_bundle_has_resources_and_no_test_only_packages(frozen_app, figures):
    dist = frozen_app.parent
    internal = dist / "_internal"
    for part in ("icons/micrograd-gui.svg", "icons/micrograd-gui-256.png", "linux/micrograd-gui.desktop"):
        assert (internal / "resources" / part).is_file(), f"resources/{part} is not bundled"
    for heavy in ("torch", "matplotlib", "PyQt5", "PyQt6", "PySide2"):
        assert not (internal / heavy).exists(), f"{heavy} is bundled but the app does not use it"
    # pyqtgraph imports these; without them it falls back to stubs that fail at first use
    for qt in ("QtOpenGL", "QtOpenGLWidgets", "QtSvg", "QtTest"):
        assert list((internal / "PySide6").glob(f"{qt}.*")), f"PySide6.{qt} is missing"
    dangling = [str(p) for p in dist.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, f"links to pruned files: {dangling}"
    mb = size_mb(dist)
    figures["onedir size"] = f"{mb:.0f} MB (target {MAX_ONEDIR_MB} MB)"
    assert mb <= MAX_ONEDIR_MB, f"dist/micrograd-gui is {mb:.0f} MB"


def test_python_modules_in_the_bundle(bundled_modules):
    """The archive of Python modules holds what cli.py imports lazily, and no test-only package."""
    modules = bundled_modules
    for needed in ("micrograd_gui.resources", "micrograd_gui.bench", "micrograd_gui.ui.diagnostics.selftest",
                   "micrograd_gui.ui.main_window", "micrograd_gui.core.graph.svg", "pyqtgraph", "numpy",
                   "PIL.GifImagePlugin"):  # the recorder writes GIFs with Pillow
        assert needed in modules, f"{needed} is not in the bundle"
    unwanted = {"torch", "micrograd", "hypothesis", "pytest", "_pytest", "pytestqt", "tkinter", "sympy", "mypy"}
    assert not {m.split(".")[0] for m in modules} & unwanted


def test_version(frozen_app, tmp_path):
    out = run(frozen_app, "--version", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == f"micrograd-gui {__version__}"


def test_train_prints_the_same_log_as_the_source(frozen_app, capsys, tmp_path):
    args = ["train", "--preset", "llm101n", "--engine", "eager", "--steps", "3"]
    out = run(frozen_app, *args, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("step 1/3, val loss 1.053898\n")
    assert cli_main(args) == 0
    assert out.stdout == capsys.readouterr().out


def test_graph_writes_json(frozen_app, tmp_path):
    target = tmp_path / "g.json"
    out = run(frozen_app, "graph", "--point", "0,0", "--label", "0", "--out", str(target), cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    graph = json.loads(target.read_text())
    assert out.stdout.strip() == f"nodes {len(graph['nodes'])} edges {len(graph['edges'])}"
    assert {"x0", "x1"} <= {n["label"] for n in graph["nodes"]}


def test_bench_runs_without_torch(frozen_app, tmp_path):
    """The full table takes about a minute: its first figures show the bench runs in the frozen app."""
    proc = subprocess.Popen([str(frozen_app), "bench"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env=app_env(), cwd=tmp_path)
    watchdog = threading.Timer(120, proc.kill)  # a hung bench ends the read loop below with end of file
    watchdog.start()
    lines: list[str] = []
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line.rstrip())
            if line.startswith("llm101n map 200x200 fast:"):
                break
    finally:
        watchdog.cancel()
        proc.terminate()
        proc.communicate(timeout=30)
    assert lines and lines[-1].startswith("llm101n map 200x200 fast:"), "\n".join(lines)
    assert re.fullmatch(r"llm101n step fast: [\d.e+-]+ ms", lines[0]), "\n".join(lines)
    assert not [line for line in lines if "torch" in line]


def check_self_test(out: subprocess.CompletedProcess[str], where: str, figures: dict[str, str]) -> None:
    startup = STARTUP.search(out.stdout)
    if startup:
        figures[f"startup to first drawn snapshot ({where})"] = f"{startup.group(1)} ms (target 2000 ms)"
    lines = out.stdout.splitlines()
    problems = [
        f"exit code {out.returncode}" if out.returncode != 0 else "",
        "no 'self-test passed' line" if not lines or lines[-1] != "self-test passed" else "",
        "no startup figure" if not startup else "",
        "a traceback on stderr" if "Traceback" in out.stderr else "",
        # the app reports a missing icon or resources/ folder this way (a bundling mistake) and carries on
        "the app reported a problem" if any(line.startswith("micrograd-gui:") for line in out.stderr.splitlines())
        else "",
    ]
    if any(problems):
        pytest.fail(f"frozen self-test ({where}): {', '.join(p for p in problems if p)}\n"
                    f"--- stdout\n{out.stdout}--- stderr\n{out.stderr}", pytrace=False)


def test_self_test_offscreen(frozen_app, figures, tmp_path):
    out = run(frozen_app, "--self-test", cwd=tmp_path, env=app_env(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path)))
    check_self_test(out, "offscreen", figures)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Xvfb is an X11 server")
def test_self_test_in_an_x11_window(frozen_app, figures, tmp_path, xvfb_display):
    env = app_env(QT_QPA_PLATFORM="xcb", DISPLAY=xvfb_display, HOME=str(tmp_path))
    env.pop("WAYLAND_DISPLAY", None)
    out = run(frozen_app, "--self-test", cwd=tmp_path, env=env)
    check_self_test(out, "X11 under Xvfb", figures)
