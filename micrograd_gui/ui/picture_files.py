"""Pictures as files: PNG and SVG made in memory, then written to a temporary beside the target and renamed over it
(core.files.atomic), so a full disk or a read-only folder is an OSError and never a broken or lost old file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from micrograd_gui.core.files.atomic import atomic_replace


def png_bytes(img: QImage) -> bytes:
    """The image encoded as PNG, in memory: Qt never opens the user's file, so it never warns about it."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    # the stubs type the format as bytes, but PySide6 6.11 accepts only str here (bytes raises ValueError)
    if not img.save(buf, "PNG"):  # type: ignore[call-overload]
        raise ValueError("the image could not be encoded as PNG")
    buf.close()
    return bytes(data.data())


def svg_bytes(box: QRectF, title: str, paint: Callable[[QPainter], None]) -> bytes:
    """What `paint` draws into `box` (the view box, at 1 px a unit), as an SVG document in memory."""
    data = QByteArray()
    buf = QBuffer(data)
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buf)
    gen.setSize(box.size().toSize())
    gen.setViewBox(box)
    gen.setTitle(title)
    p = QPainter()
    if not p.begin(gen):
        raise ValueError("the SVG could not be drawn")
    try:
        paint(p)
    finally:
        p.end()
    buf.close()
    return bytes(data.data())


def write_picture(path: str | os.PathLike[str], data: bytes) -> None:
    """The bytes written atomically: the old file stays whole unless the new one is complete (raises OSError)."""

    def write(tmp: str) -> None:
        Path(tmp).write_bytes(data)

    atomic_replace(path, write)


def save_png(img: QImage, path: str | os.PathLike[str]) -> None:
    write_picture(path, png_bytes(img))
