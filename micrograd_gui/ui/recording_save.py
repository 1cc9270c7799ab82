"""A recording saved in a background thread, a frame at a time (GIF or PNG frames), so the window stays responsive
and memory stays at a few frames: progress, the result and any failure come back as signals to the GUI thread."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QSize, Signal
from PySide6.QtGui import QImage

from micrograd_gui.core.files.atomic import atomic_replace

from .gif_stream import GifStream
from .picture_files import save_png
from .recorder import Frame
from .slide_image import compose

PROGRESS_EVERY = 10  # frames between two progress signals


class Cancelled(Exception):
    """The save was abandoned: the window is closing."""


def rgb_array(img: QImage) -> np.ndarray:
    """The image's pixels as a (height, width, 3) uint8 array (a copy)."""
    rgb = img.convertToFormat(QImage.Format.Format_RGB888)
    w, h = rgb.width(), rgb.height()
    rows = np.frombuffer(rgb.constBits(), np.uint8).reshape(h, rgb.bytesPerLine())  # type: ignore[call-overload]
    return rows[:, : 3 * w].reshape(h, w, 3).copy()


class RecordingSave(QObject):
    """Writes `frames` as slides of `size` to `path`: one GIF (written atomically) or a folder of PNG frames."""

    progress = Signal(int, int)  # frames done, frames in all
    finished = Signal(int)  # the frames written (a GIF merges repeated frames into one)
    failed = Signal(str)  # why, in the system's words

    def __init__(self, frames: list[Frame], size: QSize, path: str, png_frames: bool, fps: float,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.frames, self.size, self.path, self.png_frames, self.fps = list(frames), size, path, png_frames, fps
        self._cancel = threading.Event()
        self._thread = threading.Thread(target=self._run, name="recording-save", daemon=True)

    def start(self) -> None:
        self._thread.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def cancel(self) -> None:
        """Stop at the next frame and wait for the thread: a GIF being written leaves no file, the old one kept."""
        self._cancel.set()
        if self._thread.is_alive():
            self._thread.join()

    def _slides(self):  # type: ignore[no-untyped-def]
        """Each frame composed as a slide, as it is needed; progress said every few frames."""
        n = len(self.frames)
        for i, frame in enumerate(self.frames):
            if self._cancel.is_set():
                raise Cancelled
            yield compose(frame.plot, frame.caption, self.size)[0]
            if (i + 1) % PROGRESS_EVERY == 0 or i + 1 == n:
                self.progress.emit(i + 1, n)

    def _run(self) -> None:
        try:
            if not self.frames:
                raise ValueError(QCoreApplication.translate("Recorder", "nothing was recorded"))
            n = self._write_png_frames() if self.png_frames else self._write_gif()
        except Cancelled:
            return
        except (OSError, ValueError) as e:
            self.failed.emit((e.strerror if isinstance(e, OSError) else None) or str(e))
            return
        self.finished.emit(n)

    def _write_png_frames(self) -> int:
        out = Path(self.path)
        out.mkdir(parents=True, exist_ok=True)
        n = 0
        for n, img in enumerate(self._slides(), 1):
            save_png(img, out / f"frame_{n - 1:05d}.png")  # each frame whole, or the old one kept
        return n

    def _write_gif(self) -> int:
        written = 0

        def write(tmp: str) -> None:
            nonlocal written
            with open(tmp, "wb") as f:
                gif = GifStream(f, self.size.width(), self.size.height(), round(1000 / self.fps))
                for img in self._slides():
                    gif.add(rgb_array(img))
                gif.close()
                written = gif.frames

        # written beside the target and renamed over it: a full disk or a cancel never leaves a broken GIF in its place
        atomic_replace(self.path, write)
        return written
