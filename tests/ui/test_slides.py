"""Exports for slides: File ▸ Export the plane and File ▸ Record give the plot alone (no check boxes) with a caption
of the step, losses and accuracies drawn in, at the size chosen in the save dialog, written atomically."""

from __future__ import annotations

import errno

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QRect, QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QFileDialog
from uihelpers import wait_snapshot

from micrograd_gui.core.files import atomic
from micrograd_gui.ui.slide_image import MIN_TEXT_PX, natural_size


def answer_with(monkeypatch, path, wanted: str):
    """The save dialog: `path`, with the offered file type whose text contains `wanted` (a size)."""
    offered: list[list[str]] = []

    def dialog(parent, caption, name, filters, *rest):
        choices = filters.split(";;")
        offered.append(choices)
        return str(path), next(c for c in choices if wanted in c)

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    return offered


def pixels(img: QImage, x0: int, y0: int, x1: int, y1: int) -> np.ndarray:
    """The RGB values of a rectangle of the image, as an array [row, column, channel]."""
    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    a = np.frombuffer(rgb.constBits(), dtype=np.uint8).reshape(rgb.height(), rgb.bytesPerLine())
    return a[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)[y0:y1, x0:x1].copy()  # while rgb lives


def tallest_ink(area: np.ndarray) -> int:
    """The height of the tallest band of rows holding dark (text) pixels: about a line of text's height."""
    inked = (area.min(axis=2) < 110).any(axis=1)
    best = run = 0
    for row in inked:
        run = run + 1 if row else 0
        best = max(best, run)
    return best


def trained(qtbot, w, steps=20):
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: w.width() == 1280 and w.data_panel.plot.width() > 150)
    for _ in range(steps // 10):
        w.controls.step10.click()
    return wait_snapshot(qtbot, w, lambda s: s.step == steps and not s.running)


def test_the_plane_exports_as_on_screen_plot_only_with_its_caption(qtbot, make_window, tmp_path, monkeypatch):
    w = make_window()
    snap = trained(qtbot, w)
    path = tmp_path / "plane.png"
    offered = answer_with(monkeypatch, path, "as on screen")
    w.findChild(type(w.menus.undo_action), "exportPlaneAction").trigger()
    assert len(offered[0]) == 3 and all("*.png" in c for c in offered[0])
    img = QImage(str(path))
    plot = w.data_panel.plot.grab().toImage()
    assert img.width() == plot.width() and img.height() > plot.height()
    # the top is the plot as on screen, nothing around it; below it, the caption, not the check boxes' row
    top, shown = pixels(img, 0, 0, plot.width(), plot.height()), pixels(plot, 0, 0, plot.width(), plot.height())
    assert np.abs(top.astype(int) - shown.astype(int)).mean() < 6
    strip = pixels(img, 0, plot.height(), img.width(), img.height())
    assert len(np.unique(strip.reshape(-1, 3), axis=0)) > 2 and tallest_ink(strip) >= MIN_TEXT_PX - 2
    def in_window(widget):
        return QRect(widget.mapTo(w, QPoint(0, 0)), widget.size())

    assert not in_window(w.menus.plot_toggles[0]).intersects(in_window(w.data_panel.plot))
    # what the caption says: the step and the numbers the status bar and loss panel show
    items = w.exports.caption()
    train_loss = w.status.loss_label.text().split(" · ")[0].removeprefix("loss ")
    assert items[0] == f"step {snap.step}" and items[1] == f"train loss {train_loss}"
    assert any(i.startswith("val loss ") for i in items) and f"train accuracy {items[3].split()[-1]}" == items[3]
    assert items[3].split()[-1] in w.loss_plot.accuracy.text()


@pytest.mark.parametrize("wanted, size", [("1280 × 720", (1280, 720)), ("1920 × 1080", (1920, 1080))])
def test_the_plane_exports_for_slides_at_the_chosen_size(qtbot, make_window, tmp_path, monkeypatch, wanted, size):
    w = make_window()
    trained(qtbot, w)
    path = tmp_path / "slide.png"
    answer_with(monkeypatch, path, wanted)
    w.graph_dock.show()  # the probe is on the plane
    qtbot.waitUntil(w.data_panel.probe.isVisible)
    on_screen = w.data_panel.plot.geometry()
    w.findChild(type(w.menus.undo_action), "exportPlaneAction").trigger()
    # laid out at the slide's size for the picture only: the plane on screen is as it was, the probe too
    assert w.data_panel.plot.geometry() == on_screen and w.data_panel.probe.isVisible()
    img = QImage(str(path))
    width, height = size
    assert (img.width(), img.height()) == size
    # a square plane on the left, its regions drawn up to the axes; the caption beside it, large
    plane = pixels(img, 0, 0, height, height)
    assert (plane != 255).any(axis=2).mean() > 0.75  # mostly regions: no white bands, no check boxes
    caption = pixels(img, height, 0, width, height)
    assert len(np.unique(caption.reshape(-1, 3), axis=0)) > 2
    assert tallest_ink(caption) >= height / 30  # 24 px at 720, 36 at 1080: read from the back row
    img2, text, px = w.exports.plane_slide(QSize(*size))
    assert px >= MIN_TEXT_PX and text.startswith("step 20") and "train loss" in text and "accuracy" in text
    assert (img2.width(), img2.height()) == size


def test_a_recording_is_saved_as_a_gif_of_the_chosen_width_with_captions(qtbot, window, tmp_path, monkeypatch):
    from PIL import Image

    w = window
    gif = tmp_path / "run.gif"
    offered = answer_with(monkeypatch, gif, "480")
    w.menus.record_action.trigger()
    w.recorder.fps = 1000  # every redraw becomes a frame
    w.controls.play.click()
    qtbot.waitUntil(lambda: len(w.recorder.frames) >= 4, timeout=10_000)
    w.controls.play.click()
    with qtbot.waitSignal(w.exports.recording_saved, timeout=30_000):  # written in the background
        w.menus.record_action.trigger()
    assert [c for c in offered[0] if "GIF" in c] == [f"Animated GIF, {n} px wide (*.gif)" for n in (480, 800, 1280)]
    first = w.recorder.frames[0]
    assert first.caption[0].startswith("step ") and first.plot.size() == w.data_panel.plot.size()
    expected = natural_size(first.plot.size(), 480, [f.caption for f in w.recorder.frames])
    with Image.open(gif) as im:
        assert im.n_frames == len(w.recorder.frames) and im.size == (480, expected.height())
        im.seek(im.n_frames - 1)
        last = np.asarray(im.convert("RGB"))
    plot_h = round(480 * first.plot.height() / first.plot.width())
    strip = last[plot_h:]
    assert tallest_ink(strip) >= MIN_TEXT_PX - 2  # the caption is there, legible at 480 px
    assert tallest_ink(last[:plot_h]) > 0 and last[plot_h // 2, 240].tolist() != [255, 255, 255]


def fail_at_fsync(monkeypatch):
    def boom(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", boom)


def test_an_export_that_fails_half_way_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    w = window
    old = tmp_path / "plane.png"
    QImage(8, 8, QImage.Format.Format_RGB32).save(str(old))
    before = old.read_bytes()
    answer_with(monkeypatch, old, "1280")
    fail_at_fsync(monkeypatch)
    w.findChild(type(w.menus.undo_action), "exportPlaneAction").trigger()
    assert w.message.kind == "error" and "No space left on device" in w.message.text.text()
    assert old.read_bytes() == before and [p.name for p in tmp_path.iterdir()] == ["plane.png"]

    w.menus.record_action.trigger()  # a GIF over an old one, on the same full disk
    qtbot.waitUntil(lambda: len(w.recorder.frames) >= 1)
    gif = tmp_path / "run.gif"
    gif.write_bytes(b"GIF89a the old recording")
    answer_with(monkeypatch, gif, "800")
    with qtbot.waitSignal(w.exports.recording_saved, timeout=30_000):
        w.menus.record_action.trigger()
    assert "Could not save the recording" in w.message.text.text()
    assert gif.read_bytes() == b"GIF89a the old recording" and len(list(tmp_path.iterdir())) == 2

    monkeypatch.undo()  # the disk works again
    answer_with(monkeypatch, old, "1920")
    w.findChild(type(w.menus.undo_action), "exportPlaneAction").trigger()
    assert QImage(str(old)).size() == QSize(1920, 1080) and QColor(QImage(str(old)).pixel(5, 5)).isValid()
