"""Pictures written onto a full or read-only disk: the old file survives whole, the user is told which file, and Qt
has nothing to warn about (issue 16: 6 and 18)."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from tiny_mounts import read_only, tmpfs
from uihelpers import wait_snapshot

from micrograd_gui.ui.picture_files import png_bytes


def noise_png(width: int, height: int) -> bytes:
    """A PNG that does not compress: its size is what a disk must hold."""
    img = QImage(width, height, QImage.Format.Format_RGB32)
    for y in range(height):
        for x in range(width):
            img.setPixelColor(x, y, QColor((x * 97 + y * 31) % 256, (x * y * 13) % 256, (x * 7 + y * 151) % 256))
    return png_bytes(img)


def folder_free(folder) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


SMALL = noise_png(16, 16)
OLD = noise_png(120, 100)  # ~36 KB on a 64 KiB disk: a new picture bigger than what is left cannot fit beside it


def banner(w) -> str:
    return w.message.text.text() if w.message.isVisible() and w.message.kind == "error" else ""


@pytest.fixture
def gwindow(window, qtbot):
    window.graph_dock.show()
    wait_snapshot(qtbot, window, lambda s: s.graph is not None)
    return window


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_graph_export_into_a_read_only_folder_says_so(qtbot, gwindow, tmp_path, monkeypatch, kind):
    w = gwindow
    with tmpfs(tmp_path / "ro") as folder:
        (folder / f"graph.{kind}").write_bytes(OLD)
        read_only(folder)
        target = folder / f"graph.{kind}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        qtbot.mouseClick(getattr(w.graph_panel, kind), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: banner(w) != "")
        assert str(target) in banner(w) and "Read-only file system" in banner(w)
        assert target.read_bytes() == OLD and sorted(p.name for p in folder.iterdir()) == [f"graph.{kind}"]


@pytest.mark.parametrize("kind", ["svg", "png"])
def test_graph_export_onto_a_full_disk_keeps_the_old_file(qtbot, gwindow, tmp_path, monkeypatch, kind):
    w = gwindow
    with tmpfs(tmp_path / "full", "48k") as folder:
        target = folder / f"graph.{kind}"
        target.write_bytes(OLD)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        qtbot.mouseClick(getattr(w.graph_panel, kind), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: banner(w) != "")
        assert str(target) in banner(w) and "No space left on device" in banner(w)
        assert target.read_bytes() == OLD and [p.name for p in folder.iterdir()] == [target.name]


def test_plane_png_onto_a_full_disk_keeps_the_old_file(qtbot, window, tmp_path):
    with tmpfs(tmp_path / "full") as folder:
        target = folder / "plane.png"
        target.write_bytes(OLD)
        assert window.exports.save_plane_png(str(target), QSize(1920, 1080)) is None
        assert str(target) in banner(window) and "No space left on device" in banner(window)
        assert target.read_bytes() == OLD and [p.name for p in folder.iterdir()] == ["plane.png"]
        # a new file that cannot be written completely is not left behind, empty or half-written
        assert window.exports.save_plane_png(str(folder / "new.png"), QSize(1920, 1080)) is None
        assert [p.name for p in folder.iterdir()] == ["plane.png"]


def test_panel_png_onto_a_full_disk_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    with tmpfs(tmp_path / "full") as folder:
        target = folder / "window.png"
        target.write_bytes(OLD)
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
        window.exports.export_png(window, "window")  # File ▸ Export the window as PNG
        assert str(target) in banner(window) and "No space left on device" in banner(window)
        assert target.read_bytes() == OLD and [p.name for p in folder.iterdir()] == ["window.png"]


def record(qtbot, w, frames: int = 3) -> None:
    rec = w.exports.recorder
    rec.start(w.data_panel.plot, w.exports.caption)
    while len(rec.frames) < frames:
        rec.capture(force=True)
    rec.stop()


def test_gif_onto_a_full_disk_keeps_the_old_file(qtbot, window, tmp_path):
    record(qtbot, window)
    with tmpfs(tmp_path / "full") as folder:
        target = folder / "training.gif"
        target.write_bytes(OLD)
        window.exports.save_recording(str(target), width=1280)
        qtbot.waitUntil(lambda: banner(window) != "", timeout=30_000)
        assert str(target) in banner(window) and "No space left on device" in banner(window)
        assert target.read_bytes() == OLD and [p.name for p in folder.iterdir()] == ["training.gif"]


def test_png_frames_onto_a_full_disk_keep_the_old_frames(qtbot, window, tmp_path):
    record(qtbot, window)
    with tmpfs(tmp_path / "full") as folder:
        frames = folder / "frames"
        frames.mkdir()
        old = frames / "frame_00000.png"
        old.write_bytes(SMALL)  # a frame of an earlier recording
        (folder / "filler").write_bytes(b"\0" * (folder_free(folder) - 8192))  # 8 KiB left: no new frame fits
        window.exports.save_recording(str(frames), png_frames=True)
        qtbot.waitUntil(lambda: banner(window) != "", timeout=30_000)
        assert str(frames) in banner(window) and "No space left on device" in banner(window)
        assert old.read_bytes() == SMALL and [p.name for p in frames.iterdir()] == [old.name]  # no temporary left
