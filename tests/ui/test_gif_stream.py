"""The GIF written a frame at a time: Pillow reads back every frame as drawn, repeats lengthen the previous frame,
only the changed rectangle is stored, and a frame of another size is refused."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from micrograd_gui.ui.gif_stream import GifStream


def frames() -> list[np.ndarray]:
    base = np.full((60, 80, 3), 255, np.uint8)
    out = []
    for i in range(5):
        f = base.copy()
        f[10:20, 5 + i * 5:15 + i * 5] = (200, 30, 30)  # a square moving right
        f[40:50, 40:60] = (20, 20, 200) if i < 3 else (20, 200, 20)
        out.append(f)
    return out


def test_pillow_reads_every_frame_back_as_drawn():
    buf = io.BytesIO()
    shown = frames()
    gif = GifStream(buf, 80, 60, 100)
    for i, f in enumerate(shown):
        gif.add(f)
        if i == 2:
            gif.add(f.copy())  # the same picture again: the frame shows twice as long
    gif.close()
    assert gif.frames == 5
    with Image.open(io.BytesIO(buf.getvalue())) as im:
        assert im.n_frames == 5 and im.size == (80, 60) and im.info["loop"] == 0
        for k, f in enumerate(shown):
            im.seek(k)
            assert im.info["duration"] == (200 if k == 2 else 100)
            assert np.array_equal(np.asarray(im.convert("RGB")), f)


def test_only_the_changed_rectangle_is_stored():
    a = np.full((200, 300, 3), 255, np.uint8)
    b = a.copy()
    b[100:110, 200:205] = (0, 0, 0)
    whole, part = io.BytesIO(), io.BytesIO()
    for buf, second in ((whole, None), (part, b)):
        gif = GifStream(buf, 300, 200, 100)
        gif.add(np.random.default_rng(0).integers(0, 255, (200, 300, 3), dtype=np.uint8))
        gif.add(a)
        if second is not None:
            gif.add(second)
        gif.close()
    assert len(part.getvalue()) - len(whole.getvalue()) < 200  # a 5x10 patch, not a 300x200 frame


def test_a_frame_of_another_size_is_refused():
    gif = GifStream(io.BytesIO(), 80, 60, 100)
    with pytest.raises(ValueError, match="80x60"):
        gif.add(np.zeros((61, 80, 3), np.uint8))
