"""Record a training run: frames of a panel as it redraws, saved as an animated GIF or a PNG sequence."""

from __future__ import annotations

import io
import time
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

MAX_FRAMES = 600  # a minute at 10 frames a second; older frames are dropped beyond that
FRAME_WIDTH = 640  # frames are scaled to this width: a GIF of a full-size window would be huge


class Recorder(QObject):
    """Grabs the widget at most `fps` times a second while recording; nothing is written until saved."""

    frame_added = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.widget: QWidget | None = None
        self.frames: list[QImage] = []
        self.fps = 10.0
        self._last = 0.0

    @property
    def recording(self) -> bool:
        return self.widget is not None

    def start(self, widget: QWidget, fps: float = 10.0) -> None:
        self.widget, self.fps, self.frames, self._last = widget, fps, [], 0.0
        self.capture(force=True)

    def stop(self) -> list[QImage]:
        self.widget = None
        return self.frames

    def capture(self, force: bool = False) -> None:
        """Called after each redraw; keeps to the frame rate."""
        if self.widget is None:
            return
        now = time.perf_counter()
        if not force and now - self._last < 1 / self.fps:
            return
        self._last = now
        img = self.widget.grab().toImage()
        if img.width() > FRAME_WIDTH:
            img = img.scaledToWidth(FRAME_WIDTH, Qt.TransformationMode.SmoothTransformation)
        self.frames.append(img)
        if len(self.frames) > MAX_FRAMES:
            self.frames.pop(0)
        self.frame_added.emit(len(self.frames))

    def save_png_sequence(self, folder: str | Path) -> int:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        for i, img in enumerate(self.frames):
            if not img.save(str(out / f"frame_{i:05d}.png")):
                raise OSError(self.tr("could not write {path}").format(path=out / f"frame_{i:05d}.png"))
        return len(self.frames)

    def save_gif(self, path: str | Path) -> int:
        from PIL import Image  # Pillow writes the GIF; Qt has no GIF writer

        pics = []
        for img in self.frames:
            buf = QBuffer()
            buf.open(QIODevice.OpenModeFlag.WriteOnly)
            # the stubs type the format as bytes, but PySide6 6.11 accepts only str here (bytes raises ValueError)
            img.save(buf, "PNG")  # type: ignore[call-overload]
            pics.append(Image.open(io.BytesIO(buf.data().data())).convert("RGB"))
        if not pics:
            raise ValueError(self.tr("nothing was recorded"))
        pics[0].save(str(path), save_all=True, append_images=pics[1:], duration=int(1000 / self.fps), loop=0,
                     optimize=True)
        return len(pics)

