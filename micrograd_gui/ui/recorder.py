"""Record a training run: frames of the plot as it redraws, each with its caption, kept compressed; saved as slides
(slide_image) in an animated GIF or a PNG sequence by a RecordingSave, off the GUI thread."""

from __future__ import annotations

import time
import zlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

from PySide6.QtCore import QObject, QSize, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from .slide_image import natural_size

MAX_FRAMES = 600  # a minute at 10 frames a second; older frames are dropped beyond that
MAX_BYTES = 256 * 2**20  # and beyond this much memory (compressed frames: a plot is ~50 KB, 600 fit many times)
FRAME_WIDTH = 1280  # frames are kept at most this wide (the widest GIF offered)


@dataclass(frozen=True)
class Frame:
    """One grab of the plot, its pixels compressed (zlib, in a background thread: it lets the GUI thread run)."""

    pixels: Future[bytes]  # the RGB888 rows, bytes_per_line apart, deflated
    size: QSize
    bytes_per_line: int
    caption: list[str]  # the caption's parts at that moment (slide_image.caption_items)

    @property
    def plot(self) -> QImage:
        """The plot as it was drawn (decompressed: a copy each time)."""
        raw = zlib.decompress(self.pixels.result())
        img = QImage(raw, self.size.width(), self.size.height(), self.bytes_per_line, QImage.Format.Format_RGB888)
        return img.copy()  # its own pixels: `raw` goes away

    def nbytes(self) -> int:
        """What it holds in memory now: compressed once the background thread is done with it."""
        if self.pixels.done() and self.pixels.exception() is None:
            return len(self.pixels.result())
        return self.bytes_per_line * self.size.height()


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
        # zlib releases the GIL while it compresses: the GUI thread runs on meanwhile
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recorder")

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
        img = img.convertToFormat(QImage.Format.Format_RGB888)
        raw = bytes(img.constBits())  # type: ignore[call-overload]  # a copy: the pool's thread owns it
        self.frames.append(Frame(self._pool.submit(zlib.compress, raw, 1), img.size(), img.bytesPerLine(),
                                 self.caption()))
        while len(self.frames) > 1 and (len(self.frames) > MAX_FRAMES
                                        or sum(f.nbytes() for f in self.frames) > MAX_BYTES):
            self.frames.pop(0)
        self.frame_added.emit(len(self.frames))

    def slide_size(self, width: int | None = None) -> QSize:
        """The size every saved slide shares: the first frame's shape at `width` (its own by default), with room for
        the longest caption."""
        return natural_size(self.frames[0].size, width, [f.caption for f in self.frames])
