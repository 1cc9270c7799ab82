"""Pictures for slides: a panel or the window as PNG, and the plane recorded as a GIF or PNG frames."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QFileDialog, QStatusBar, QWidget

from .app_model import AppModel
from .recorder import Recorder


class Exports(QObject):
    """File ▸ Export and File ▸ Record; problems go to the model's message bar."""

    def __init__(self, model: AppModel, plane: QWidget, parent: QWidget, status: QStatusBar):
        super().__init__(parent)
        self.model, self.plane, self.parent_widget, self.status = model, plane, parent, status
        self.recorder = Recorder(self)
        model.snapshot.connect(self._on_snapshot)  # connected after the plane's own: the frame shows this snapshot

    @Slot(object)
    def _on_snapshot(self, _snap: object) -> None:
        self.recorder.capture()

    def toggle_recording(self, on: bool) -> None:
        """Start recording the plane; on stop, save the frames as a GIF (or PNG frames into a folder)."""
        rec = self.recorder
        if on:
            rec.start(self.plane)
            self.status.showMessage(self.tr("Recording the plane… choose File ▸ Record again to stop and save"))
            return
        rec.stop()
        if not rec.frames:
            return
        # the PNG choice is told by its filter, so its translation keeps the word PNG and the GIF one has none
        path, kind = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save the recording"), "training.gif",
                                                 self.tr("Animated GIF (*.gif)") + ";;"
                                                 + self.tr("PNG frames into a folder (*)"))
        if path:
            self.save_recording(path, png_frames="PNG" in kind)

    def save_recording(self, path: str, png_frames: bool = False) -> None:
        rec = self.recorder
        try:
            n = rec.save_png_sequence(path) if png_frames else rec.save_gif(path)
        except (OSError, ValueError) as e:
            self.model.say(self.tr("Could not save the recording to {path}: {error}").format(path=path, error=e),
                           "error")
            return
        self.status.showMessage(self.tr("Saved {n} frames to {name}").format(n=n, name=Path(path).name), 5000)

    def export_plane(self) -> None:
        self.export_png(self.plane, "plane")

    def export_png(self, widget: QWidget, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export as PNG"), f"{name}.png",
                                              "PNG (*.png)")
        if path and not widget.grab().save(path):
            self.model.say(self.tr("Could not write {path}.").format(path=path), "error")
