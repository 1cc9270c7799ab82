"""Class colours (standard and colour-blind safe) and how regions blend them."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

# Strong, distinct colours that read well on a projector
STANDARD = ("#d62728", "#2ca02c", "#1f77b4", "#ff7f0e", "#9467bd", "#17becf")
# Okabe-Ito: distinguishable with the common colour-vision deficiencies
COLOR_BLIND = ("#E69F00", "#56B4E9", "#009E73", "#CC79A7", "#0072B2", "#D55E00")
PALETTES = {"standard": STANDARD, "colorblind": COLOR_BLIND}
SPLIT_SYMBOLS = {0: "o", 1: "t", 2: "s"}  # train: dot, validation: triangle, test: square
OUTLINE_SHADE = 0.4  # a point's outline is its class colour this dark: it stands out on any washed region


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


def shade(hex_colour: str, factor: float) -> str:
    """The colour with each channel scaled by `factor` (below 1: darker, same hue)."""
    return "#" + "".join(f"{round(c * factor):02x}" for c in rgb(hex_colour))


@dataclass(frozen=True)
class PointStyle:
    fill: str
    outline: str
    width: float  # of the outline, px
    rim: str | None = None  # a dark ring around the outline (test points, whose outline is their class colour)

    @property
    def edge(self) -> str:
        """The colour that meets the region around the point."""
        return self.rim or self.outline


def point_style(hex_colour: str, split: int) -> PointStyle:
    """How a point of this class colour and split (0 train, 1 val, 2 test) is drawn: a dark shade of its colour
    around it, so it stands out from any washed region, its own class's included."""
    dark = shade(hex_colour, OUTLINE_SHADE)
    if split == 2:  # hollow: seen but not trained on; the class colour rings it, the dark rim outside that
        return PointStyle("#ffffff", hex_colour, 3.0, rim=dark)
    return PointStyle(hex_colour, dark, 2.0)


def luminance(colour: tuple[float, float, float]) -> float:
    """WCAG relative luminance of an sRGB colour given as 0-255 channels."""
    lin = [c / 255 / 12.92 if c / 255 <= 0.04045 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in colour]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG contrast ratio of two colours, 1 (same) to 21 (black on white)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


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
