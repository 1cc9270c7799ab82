"""Class colours (standard and colour-blind safe) and how regions blend them."""

from __future__ import annotations

import numpy as np

# Strong, distinct colours that read well on a projector
STANDARD = ("#d62728", "#2ca02c", "#1f77b4", "#ff7f0e", "#9467bd", "#17becf")
# Okabe-Ito: distinguishable with the common colour-vision deficiencies
COLOR_BLIND = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00")
PALETTES = {"standard": STANDARD, "colorblind": COLOR_BLIND}
SPLIT_SYMBOLS = {0: "o", 1: "t", 2: "s"}  # train: dot, validation: triangle, test: square


def rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def class_rgb(palette: str = "standard") -> np.ndarray:
    return np.array([rgb(c) for c in PALETTES[palette]], dtype=np.float32)


def region_image(probs: np.ndarray, palette: str = "standard", hard: bool = False,
                 wash: float = 0.55) -> np.ndarray:
    """RGB uint8 image of class regions: colours mixed by probability (or argmax), washed toward white."""
    k = probs.shape[-1]
    colours = class_rgb(palette)[:k]
    if hard:
        mix = colours[np.argmax(probs, axis=-1)]
    else:
        mix = probs.astype(np.float32) @ colours
    img = mix * (1 - wash) + 255.0 * wash
    return np.clip(img, 0, 255).astype(np.uint8)


def set_text_colour(widget, colour: str, bold: bool = False) -> None:  # type: ignore[no-untyped-def]
    """Colour a label through its palette: a style sheet would pin its font and break presentation mode."""
    from PySide6.QtGui import QColor, QFont, QPalette

    pal = widget.palette()
    pal.setColor(QPalette.ColorRole.WindowText, QColor(colour))
    widget.setPalette(pal)
    if bold:
        f = QFont()
        f.setBold(True)
        widget.setFont(f)
