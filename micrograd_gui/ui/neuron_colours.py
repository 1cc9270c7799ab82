"""Neuron maps in colour: values over the plane as a diverging blue-white-red image, as the graph view colours."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QImage

from .graph_items import NEG, POS, ZERO


def diverging_lut() -> np.ndarray:
    """256 RGB colours: blue (negative) through near-white (zero) to red (positive), as the graph view."""
    t = np.linspace(-1.0, 1.0, 256)[:, None]
    zero = np.array([ZERO.red(), ZERO.green(), ZERO.blue()], dtype=np.float64)
    neg = np.array([NEG.red(), NEG.green(), NEG.blue()], dtype=np.float64)
    pos = np.array([POS.red(), POS.green(), POS.blue()], dtype=np.float64)
    rgb = np.where(t < 0, zero + (neg - zero) * -t, zero + (pos - zero) * t)
    return np.clip(np.round(rgb), 0, 255).astype(np.uint8)


LUT = diverging_lut()


def map_rgb(values: np.ndarray, mid: float, half: float) -> np.ndarray:
    """A (g, g) map as (g, g, 3) uint8 colours, mid white, mid -/+ half fully blue / red; rows stay y-up."""
    t = (np.asarray(values, dtype=np.float64) - mid) / (half if half > 0 else 1.0)
    idx = np.clip(np.round((t + 1.0) * 127.5), 0, 255).astype(np.intp)
    return LUT[idx]


def rgb_image(rgb: np.ndarray) -> QImage:
    """A QImage of (g, g, 3) colours whose row 0 is the lowest y: flipped, since images run top-down."""
    a = np.ascontiguousarray(rgb[::-1])
    h, w = a.shape[:2]
    return QImage(a.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


def colour_range(values: np.ndarray, kind: str) -> tuple[float, float]:
    """(mid, half) of a layer's colour scale: tanh is -1..1, sigmoid 0..1, the rest by their largest value."""
    if kind == "tanh":
        return 0.0, 1.0
    if kind == "sigmoid":
        return 0.5, 0.5
    top = float(np.max(np.abs(values))) if values.size else 0.0
    return 0.0, top if math.isfinite(top) and top > 0 else 1.0
