"""An animated GIF written one frame at a time, so a long recording never sits in memory whole: each frame is
quantised on its own (Pillow encodes it; its colour table becomes the frame's local one), only the rectangle that
changed since the previous frame is stored, and a frame equal to the previous one lengthens it instead."""

from __future__ import annotations

import io
import struct
from typing import BinaryIO

import numpy as np
from PIL import Image

LOOP_FOREVER = b"\x21\xff\x0bNETSCAPE2.0\x03\x01\x00\x00\x00"
LEAVE_IN_PLACE = 1 << 2  # disposal method 1: the next frame is drawn over this one (only its changes are stored)


def _skip_blocks(data: bytes, pos: int) -> int:
    """The position after a chain of data sub-blocks (each a length byte and that many bytes; 0 ends it)."""
    while data[pos]:
        pos += data[pos] + 1
    return pos + 1


def _image_block(gif: bytes) -> tuple[bytes, int, bytes, bytes]:
    """From a one-frame GIF: its colour table, that table's size bits, the descriptor's interlace bit and the LZW
    data (the minimum code size and the sub-blocks)."""
    flags = gif[10]
    pos = 13
    table, bits = b"", flags & 7
    if flags & 0x80:  # a global colour table
        table = gif[pos:pos + (3 << (bits + 1))]
        pos += len(table)
    while gif[pos] == 0x21:  # extensions Pillow may write (graphic control, comment): ours replace them
        pos = _skip_blocks(gif, pos + 2)
    if gif[pos] != 0x2C:
        raise ValueError("Pillow wrote no image block")
    image_flags = gif[pos + 9]
    pos += 10
    if image_flags & 0x80:  # a local colour table wins over the global one
        bits = image_flags & 7
        table = gif[pos:pos + (3 << (bits + 1))]
        pos += len(table)
    if not table:
        raise ValueError("Pillow wrote no colour table")
    end = _skip_blocks(gif, pos + 1)
    return table, bits, bytes([image_flags & 0x40]), gif[pos:end]


class GifStream:
    """Frames (height, width, 3) uint8 RGB arrays, all of one size, written to `fp` as they come; close() ends it."""

    def __init__(self, fp: BinaryIO, width: int, height: int, delay_ms: int):
        self.fp, self.size = fp, (width, height)
        self.delay_cs = max(2, round(delay_ms / 10))  # browsers play delays under 2/100 s as 1/10 s
        self._previous: np.ndarray | None = None
        self._pending: tuple[bytes, int] | None = None  # the last frame's bytes and delay, until the next differs
        self.frames = 0
        fp.write(b"GIF89a" + struct.pack("<HHBBB", width, height, 0, 0, 0) + LOOP_FOREVER)

    def add(self, rgb: np.ndarray) -> None:
        h, w = rgb.shape[:2]
        if (w, h) != self.size:
            raise ValueError(f"a frame of {w}x{h} in a GIF of {self.size[0]}x{self.size[1]}")
        if self._previous is None:
            x0, y0, x1, y1 = 0, 0, w, h
        else:
            changed = (rgb != self._previous).any(axis=2)
            rows, cols = np.flatnonzero(changed.any(axis=1)), np.flatnonzero(changed.any(axis=0))
            if not rows.size:
                assert self._pending is not None
                self._pending = (self._pending[0], self._pending[1] + self.delay_cs)
                return
            x0, x1, y0, y1 = int(cols[0]), int(cols[-1]) + 1, int(rows[0]), int(rows[-1]) + 1
        self._previous = rgb.copy()
        crop = Image.fromarray(np.ascontiguousarray(rgb[y0:y1, x0:x1]))
        one = io.BytesIO()
        crop.convert("P", palette=Image.Palette.ADAPTIVE, colors=256).save(one, format="GIF")
        table, bits, interlace, data = _image_block(one.getvalue())
        block = (struct.pack("<BHHHH", 0x2C, x0, y0, x1 - x0, y1 - y0) + bytes([0x80 | interlace[0] | bits]) + table
                 + data)
        self._flush()
        self._pending = (block, self.delay_cs)
        self.frames += 1

    def _flush(self) -> None:
        if self._pending is not None:
            block, delay = self._pending
            self.fp.write(struct.pack("<BBBBHBB", 0x21, 0xF9, 4, LEAVE_IN_PLACE, min(delay, 0xFFFF), 0, 0) + block)
            self._pending = None

    def close(self) -> None:
        self._flush()
        self.fp.write(b"\x3b")
