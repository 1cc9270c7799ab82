"""Neuron maps in colour: values over the plane as a diverging blue-white-red image, as the graph view colours."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QImage

from micrograd_gui.core.features import columns
from micrograd_gui.core.snapshot import grid_points

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


def input_maps(g: int, features: tuple[str, ...]) -> np.ndarray:
    """(g, g, inputs): each input of the network (x, y, x², ...) over the plane's g x g grid."""
    return columns(grid_points(g), features).reshape(g, g, -1)


def node_colours(maps: tuple[np.ndarray, ...], features: tuple[str, ...], activation: str
                 ) -> list[tuple[np.ndarray, float, float]]:
    """(values, mid, half) of every node, inputs first: an input is scaled by its own largest value, a neuron by
    its layer's scale (tanh -1..1, sigmoid 0..1, the rest the layer's largest; the output layer is linear)."""
    cols = input_maps(maps[0].shape[0], features)
    out = []
    for i in range(cols.shape[-1]):
        out.append((cols[..., i], 0.0, float(np.abs(cols[..., i]).max()) or 1.0))
    for l, m in enumerate(maps):
        mid, half = colour_range(m, "linear" if l == len(maps) - 1 else activation)
        out.extend((m[..., j], mid, half) for j in range(m.shape[-1]))
    return out


def node_rgb(maps: tuple[np.ndarray, ...], features: tuple[str, ...], activation: str, node: int
             ) -> np.ndarray | None:
    """Node `node`'s map (inputs first, theta's order) in the network view's colours; None if there is no such."""
    every = node_colours(maps, features, activation)
    if not 0 <= node < len(every):
        return None
    values, mid, half = every[node]
    return map_rgb(values, mid, half)
