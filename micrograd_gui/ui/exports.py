"""Pictures for slides: the plane (plot and caption) or a panel as PNG, and the plane recorded as a GIF or PNG
frames. Files are written beside the target and renamed over it, so a failure never destroys an old file."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, QObject, QSize, Signal, Slot
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel
from .picture_files import save_png
from .recorder import Recorder
from .recording_save import RecordingSave
from .slide_image import caption_items, caption_text, compose, natural_size, plane_box, render_plot

PNG_SIZES = (None, QSize(1280, 720), QSize(1920, 1080))  # None: the plot as large as on screen
GIF_WIDTHS = (480, 800, 1280)
DEFAULT_GIF = 1  # 800 px wide


class Plane(Protocol):
    """The data panel as seen from here (panels do not import each other): its plot widget."""

    plot: pg.PlotWidget
    probe: pg.TargetItem  # a tool of the screen, left out of a slide


def save_image(img: QImage, path: str) -> None:
    """PNG, atomically: a full disk or a read-only folder raises OSError and leaves the old file as it was."""
    save_png(img, path)


class Exports(QObject):
    """File ▸ Export and File ▸ Record; problems go to the model's message bar."""

    recording_saved = Signal(str)  # a background save ended: the path written, or "" when it failed

    def __init__(self, model: AppModel, plane: Plane, parent: QWidget, status: QStatusBar):
        super().__init__(parent)
        self.model, self.plane, self.parent_widget, self.status = model, plane, parent, status
        self.recorder = Recorder(self)
        self.last: Snapshot | None = None
        self.saving: RecordingSave | None = None  # a recording being written in the background
        self._png_choice, self._gif_choice = 0, DEFAULT_GIF  # the sizes chosen last time are offered first
        model.snapshot.connect(self._on_snapshot)  # connected after the plane's own: the frame shows this snapshot

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        self.last = snap
        self.recorder.capture()

    def caption(self) -> list[str]:
        return caption_items(self.last)

    # ---- the plane as a slide -------------------------------------------------------------------
    def export_plane(self) -> None:
        # the size is chosen with the file type: every choice is PNG, so its translation keeps the pattern
        filters = [self.tr("PNG, as on screen (*.png)"), self.tr("PNG, 1280 × 720 for slides (*.png)"),
                   self.tr("PNG, 1920 × 1080 for slides (*.png)")]
        path, kind = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export the plane as PNG"), "plane.png",
                                                 ";;".join(filters), filters[self._png_choice])
        if not path:
            return
        self._png_choice = filters.index(kind) if kind in filters else 0
        self.save_plane_png(path, PNG_SIZES[self._png_choice])

    def plane_slide(self, size: QSize | None = None) -> tuple[QImage, str, int]:
        """The plot (no check boxes) with its caption at `size` (as on screen: None); the caption and its text
        size in pixels."""
        plot, items = self.plane.plot, self.caption()
        size = size or natural_size(plot.size(), captions=[items])
        probe = self.plane.probe
        shown = probe.isVisible()
        probe.hide()
        try:
            img, px = compose(render_plot(plot, plane_box(size, items).size()), items, size)
        finally:
            probe.setVisible(shown)
        return img, caption_text(items), px

    def save_plane_png(self, path: str, size: QSize | None = None) -> str | None:
        """Writes the slide; returns its caption, or None (and says why) when it could not be written."""
        img, text, _ = self.plane_slide(size)
        try:
            save_image(img, path)
        except OSError as e:
            self.say_not_written(path, e)
            return None
        return text

    # ---- recording ------------------------------------------------------------------------------
    def toggle_recording(self, on: bool) -> None:
        """Start recording the plane; on stop, save the frames as a GIF (or PNG frames into a folder)."""
        rec = self.recorder
        if on:
            rec.start(self.plane.plot, self.caption)
            self.status.showMessage(self.tr("Recording the plane… choose File ▸ Record again to stop and save"))
            return
        rec.stop()
        if not rec.frames:
            return
        # the width is chosen with the file type; the PNG choice keeps the word PNG in every language
        gifs = [self.tr("Animated GIF, {width} px wide (*.gif)").format(width=w) for w in GIF_WIDTHS]
        frames = self.tr("PNG frames into a folder (*)")
        path, kind = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save the recording"), "training.gif",
                                                 ";;".join([*gifs, frames]), gifs[self._gif_choice])
        if not path:
            return
        if kind in gifs:
            self._gif_choice = gifs.index(kind)
        self.save_recording(path, png_frames=kind == frames or (kind not in gifs and "PNG" in kind),
                            width=GIF_WIDTHS[self._gif_choice])

    def save_recording(self, path: str, png_frames: bool = False, width: int | None = None) -> None:
        """GIF frames `width` wide (the default choice if None); PNG frames as large as on screen. Written in the
        background (RecordingSave): the status bar counts the frames, the end is said there or in the banner."""
        if self.saving is not None and self.saving.running:
            self.model.say(self.tr("A recording is still being saved; save this one when it is done."), "info")
            return
        rec = self.recorder
        if not rec.frames:
            self.model.say(self.tr("Could not save the recording to {path}: {error}").format(
                path=path, error=QCoreApplication.translate("Recorder", "nothing was recorded")), "error")
            return
        size = rec.slide_size(None if png_frames else width or GIF_WIDTHS[DEFAULT_GIF])
        job = RecordingSave(rec.frames, size, path, png_frames, rec.fps, self)
        job.progress.connect(self._on_save_progress)
        job.finished.connect(self._on_saved)
        job.failed.connect(self._on_save_failed)
        self.saving = job
        self.status.showMessage(self.tr("Saving the recording to {name}…").format(name=Path(path).name))
        job.start()

    @Slot(int, int)
    def _on_save_progress(self, done: int, total: int) -> None:
        if self.saving is not None:
            self.status.showMessage(self.tr("Saving the recording to {name}: {done} of {total} frames").format(
                name=Path(self.saving.path).name, done=done, total=total))

    @Slot(int)
    def _on_saved(self, n: int) -> None:
        job, self.saving = self.saving, None
        if job is not None:
            self.status.showMessage(self.tr("Saved {n} frames to {name}").format(n=n, name=Path(job.path).name),
                                    5000)
            self.recording_saved.emit(job.path)

    @Slot(str)
    def _on_save_failed(self, why: str) -> None:
        job, self.saving = self.saving, None
        if job is not None:
            self.status.clearMessage()
            self.model.say(self.tr("Could not save the recording to {path}: {error}").format(path=job.path,
                                                                                             error=why), "error")
            self.recording_saved.emit("")

    def shutdown(self) -> None:
        """The window is closing: a save in progress stops at its next frame (a GIF leaves the old file as it was)
        and its thread is joined before the objects it signals go away."""
        if self.saving is not None:
            self.saving.cancel()
            self.saving = None

    # ---- any panel, the window ------------------------------------------------------------------
    def export_png(self, widget: QWidget, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export as PNG"), f"{name}.png",
                                              "PNG (*.png)")
        if not path:
            return
        try:
            save_image(widget.grab().toImage(), path)
        except OSError as e:
            self.say_not_written(path, e)

    def say_not_written(self, path: str, e: OSError) -> None:
        self.model.say(self.tr("Could not write {path}: {error}").format(path=path, error=e.strerror or e), "error")
