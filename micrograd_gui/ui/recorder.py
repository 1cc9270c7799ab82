"""Record a training run: frames of the plot as it redraws, each with its caption, saved as slides (slide_image) in
an animated GIF or a PNG sequence."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from micrograd_gui.core.files.atomic import atomic_replace

from .picture_files import save_png
from .slide_image import compose, natural_size

MAX_FRAMES = 600  # a minute at 10 frames a second; older frames are dropped beyond that
MAX_BYTES = 768 * 2**20  # and beyond this much memory
FRAME_WIDTH = 1280  # frames are kept at most this wide (the widest GIF offered)


@dataclass(frozen=True)
class Frame:
    plot: QImage  # the plot as it was drawn
    caption: list[str]  # the caption's parts at that moment (slide_image.caption_items)


class Recorder(QObject):
    """Grabs the widget at most `fps` times a second while recording; nothing is written until saved."""

    frame_added = Signal(int)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.widget: QWidget | None = None
        self.caption: Callable[[], list[str]] = list
        self.frames: list[Frame] = []
        self.fps = 10.0
        self._last = 0.0

    @property
    def recording(self) -> bool:
        return self.widget is not None

    def start(self, widget: QWidget, caption: Callable[[], list[str]] = list, fps: float = 10.0) -> None:
        self.widget, self.caption, self.fps, self.frames, self._last = widget, caption, fps, [], 0.0
        self.capture(force=True)

    def stop(self) -> list[Frame]:
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
        self.frames.append(Frame(img.convertToFormat(QImage.Format.Format_RGB888), self.caption()))
        while len(self.frames) > 1 and (len(self.frames) > MAX_FRAMES
                                        or len(self.frames) * self.frames[0].plot.sizeInBytes() > MAX_BYTES):
            self.frames.pop(0)
        self.frame_added.emit(len(self.frames))

    def slides(self, width: int | None = None) -> list[QImage]:
        """Every frame with its caption, all of one size: the first frame's shape at `width` (its own by default)."""
        if not self.frames:
            return []
        size = natural_size(self.frames[0].plot.size(), width, [f.caption for f in self.frames])
        return [compose(f.plot, f.caption, size)[0] for f in self.frames]

    def save_png_sequence(self, folder: str | Path, width: int | None = None) -> int:
        out = Path(folder)
        out.mkdir(parents=True, exist_ok=True)
        slides = self.slides(width)
        for i, img in enumerate(slides):
            save_png(img, out / f"frame_{i:05d}.png")  # each frame whole, or the old one kept
        return len(slides)

    def save_gif(self, path: str | Path, width: int | None = None) -> int:
        from PIL import Image  # Pillow writes the GIF; Qt has no GIF writer

        pics = []
        for img in self.slides(width):
            rgb = img.convertToFormat(QImage.Format.Format_RGB888)
            pics.append(Image.frombuffer("RGB", (rgb.width(), rgb.height()), bytes(rgb.constBits()), "raw", "RGB",
                                         rgb.bytesPerLine(), 1))
        if not pics:
            raise ValueError(self.tr("nothing was recorded"))
        # written beside the target and renamed over it: a full disk never leaves a broken GIF in its place
        atomic_replace(path, lambda tmp: pics[0].save(tmp, format="GIF", save_all=True, append_images=pics[1:],
                                                      duration=int(1000 / self.fps), loop=0, optimize=True))
        return len(pics)
