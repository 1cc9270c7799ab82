"""Which connections the network view draws, and with what pen: all, each neuron's strongest, or the big ones."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPen

from .graph_items import NEG, POS

EDGE_LEVELS = 12  # edges are drawn in this many width / opacity steps
EDGE_MODES = ("auto", "all", "strongest", "above")
PER_NEURON = 3  # "strongest": each neuron's this many biggest incoming and outgoing connections
ABOVE = 0.25  # "above": connections at least this share of the biggest
AUTO_WIDTH = 8  # "auto" is "strongest" from a layer of this many nodes on, "all" below
MAX_DRAWN_EDGES = 2000  # never more, whatever the mode: more is noise, and slow to paint


def edge_style(values: np.ndarray) -> tuple[np.ndarray, float]:
    """Width / opacity level (0..EDGE_LEVELS-1) of every edge, and the |value| the widest one stands for."""
    a = magnitudes(values)
    scale = float(a.max()) if a.size else 0.0
    if scale <= 0:
        return np.zeros(len(a), dtype=np.intp), 0.0
    t = np.sqrt(a / scale)  # the square root keeps small weights visible next to big ones
    return np.minimum((t * EDGE_LEVELS).astype(np.intp), EDGE_LEVELS - 1), scale


def level_pen(level: int, positive: bool) -> QPen:
    t = (level + 0.5) / EDGE_LEVELS
    c = QColor(POS if positive else NEG)
    c.setAlphaF(0.25 + 0.75 * t)
    pen = QPen(c, 0.8 + 7.0 * t)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps on wide antialiased lines cost 5x the time
    return pen


def magnitudes(values: np.ndarray) -> np.ndarray:
    return np.abs(np.nan_to_num(np.asarray(values, dtype=np.float64), nan=0.0, posinf=0.0, neginf=0.0))


def resolved(mode: str, sizes: tuple[int, ...]) -> str:
    """What "auto" means for a network of these layer sizes: every line of a small one, the strongest of a big one."""
    if mode != "auto":
        return mode
    return "strongest" if max(sizes, default=0) >= AUTO_WIDTH else "all"


def strongest_of_each(a: np.ndarray, node: np.ndarray, k: int) -> np.ndarray:
    """A mask of each node's k biggest connections (ties: the first in theta's order)."""
    n = len(a)
    order = np.lexsort((np.arange(n), -a, node))  # grouped by node, biggest first
    grouped = node[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    rank = np.arange(n) - np.repeat(starts, np.diff(np.r_[starts, n]))
    mask = np.zeros(n, dtype=bool)
    mask[order[rank < k]] = True
    return mask


def select_edges(mode: str, values: np.ndarray, src: np.ndarray, dst: np.ndarray, sizes: tuple[int, ...]
                 ) -> np.ndarray:
    """Indices (ascending) of the connections drawn in this mode, at most MAX_DRAWN_EDGES (the biggest)."""
    a = magnitudes(values)
    mode = resolved(mode, sizes)
    if mode == "strongest" and len(a):
        keep = strongest_of_each(a, dst, PER_NEURON) | strongest_of_each(a, src, PER_NEURON)
    elif mode == "above" and len(a) and a.max() > 0:
        keep = a >= ABOVE * a.max()
    else:
        keep = np.ones(len(a), dtype=bool)
    idx = np.flatnonzero(keep)
    if len(idx) > MAX_DRAWN_EDGES:
        idx = np.sort(idx[np.argpartition(-a[idx], MAX_DRAWN_EDGES - 1)[:MAX_DRAWN_EDGES]])
    return idx
