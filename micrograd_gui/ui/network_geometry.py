"""The network's nodes and connections, and how big its neuron maps can be drawn in a given room."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QRectF

from micrograd_gui.core.names import input_name, neuron_name, weight_name

MIN_NODE_PX = 40  # a map smaller than this shows no shape: the canvas scrolls rather than shrink them further
MAX_NODE_PX = 110
MAX_SUBCOLS = 4  # a wide layer is drawn in up to this many staggered sub-columns
GAP = 6  # between neighbouring maps
SIDE, BOTTOM = 12, 8
EDGE_RUN = 0.8  # the room the lines have between two layers, in map sides (at least MIN_EDGE_RUN px)
MIN_EDGE_RUN = 24


@dataclass
class NeuronNode:
    """One square of the picture: an input (layer -1) or a neuron of layer `layer`."""

    layer: int
    index: int
    name: str
    bias: int | None  # index of its bias in theta; None for an input
    kind: str  # "input", the hidden activation, or "linear" for the output layer
    rect: QRectF = field(default_factory=QRectF)


@dataclass
class Connection:
    """One weight: from node `src` to node `dst`, theta[param] = w[layer][j][i]."""

    param: int
    src: int
    dst: int
    name: str
    line: QLineF = field(default_factory=QLineF)


def network_layout(sizes: tuple[int, ...], activation: str, inputs: tuple[str, ...] = ()
                   ) -> tuple[list[NeuronNode], list[Connection]]:
    """Nodes and connections of an MLP with these layer sizes (inputs first, named by `inputs` when given: the
    feature inputs x², x·y, ...), in theta's order."""
    nodes = [NeuronNode(-1, i, inputs[i] if i < len(inputs) else input_name(i), None, "input")
             for i in range(sizes[0])]
    edges: list[Connection] = []
    first = [0]  # node index of each column's first node
    p = 0
    last = len(sizes) - 2
    for l, (nin, nout) in enumerate(zip(sizes, sizes[1:])):
        first.append(len(nodes))
        for j in range(nout):
            dst = len(nodes)
            for i in range(nin):
                edges.append(Connection(p + i, first[l] + i, dst, weight_name(l, j, i)))
            kind = "linear" if l == last else activation
            nodes.append(NeuronNode(l, j, neuron_name(l, j, output=l == last), p + nin, kind))
            p += nin + 1
    return nodes, edges


@dataclass(frozen=True)
class Fit:
    """How the maps are drawn: their side, each layer's sub-columns, names above them or not, and the room needed
    (more than the canvas has: it scrolls)."""

    side: float
    subcols: tuple[int, ...]
    labels: bool
    width: int
    height: int


def layer_width(side: float, m: int) -> float:
    return m * side + (m - 1) * GAP


def edge_run(side: float) -> float:
    return max(MIN_EDGE_RUN, EDGE_RUN * side)


def needed_width(side: float, subcols: tuple[int, ...]) -> float:
    return 2 * SIDE + sum(layer_width(side, m) for m in subcols) + (len(subcols) - 1) * edge_run(side)


def row_height(side: float, labels: bool, label_h: int) -> float:
    """The vertical room of one map in a sub-column: the map, a gap and its name."""
    return side + GAP + (label_h + 2 if labels else 0)


def layer_height(n: int, m: int, row: float) -> float:
    """A layer's height: n rows, staggered m to a row's height (a row apart in each sub-column)."""
    return (n - 1) * row / m + row


def needed_height(side: float, sizes: tuple[int, ...], subcols: tuple[int, ...], labels: bool, label_h: int,
                  top: int) -> float:
    row = row_height(side, labels, label_h)
    return top + BOTTOM + max(layer_height(n, m, row) for n, m in zip(sizes, subcols))


def _subcols(n: int, row: float, room: float, most: int) -> int | None:
    """The fewest sub-columns (at most `most`) in which n maps of this row height fit the room; None if none do."""
    return next((m for m in range(1, min(n, most) + 1) if layer_height(n, m, row) <= room), None)


def _fit_side(width: int, height: int, sizes: tuple[int, ...], labels: bool, most: int, label_h: int, top: int
              ) -> Fit | None:
    """The biggest maps that fit the room whole, in at most `most` sub-columns a layer."""
    room = height - top - BOTTOM
    for side in range(MAX_NODE_PX, 3, -1):
        row = row_height(side, labels, label_h)
        subcols = tuple(m for m in (_subcols(n, row, room, most) for n in sizes) if m is not None)
        if len(subcols) == len(sizes) and needed_width(side, subcols) <= width:
            return Fit(float(side), subcols, labels, width, height)
    return None


def fit(width: int, height: int, sizes: tuple[int, ...], label_h: int, top: int) -> Fit:
    """Maps as big as the room allows in one column a layer, names above them if that costs little; staggered
    sub-columns (names in the tooltips) only where one column would make them smaller than MIN_NODE_PX; and if
    even that is too small, maps of that size in the room they need (the canvas scrolls)."""
    named = _fit_side(width, height, sizes, True, 1, label_h, top)
    bare = _fit_side(width, height, sizes, False, 1, label_h, top)
    if named and named.side >= MIN_NODE_PX and named.side >= 0.8 * (bare.side if bare else 0):
        return named
    if bare and bare.side >= MIN_NODE_PX:
        return bare
    staggered = _fit_side(width, height, sizes, False, MAX_SUBCOLS, label_h, top)
    if staggered and staggered.side >= MIN_NODE_PX:
        return staggered
    side = MIN_NODE_PX  # too little room: as many sub-columns as the width holds, then as tall as that needs
    subcols = [1] * len(sizes)
    while True:
        l = max(range(len(sizes)), key=lambda i: (sizes[i] - 1) / subcols[i])
        if subcols[l] >= min(sizes[l], MAX_SUBCOLS):
            break
        wider = tuple(m + (i == l) for i, m in enumerate(subcols))
        if needed_width(side, wider) > width:
            break
        subcols = list(wider)
    cols = tuple(subcols)
    return Fit(float(side), cols, False, max(width, math.ceil(needed_width(side, cols))),
               max(height, math.ceil(needed_height(side, sizes, cols, False, label_h, top))))


def place(nodes: list[NeuronNode], sizes: tuple[int, ...], f: Fit, label_h: int, top: int
          ) -> list[tuple[float, float]]:
    """Set every node's rect for this fit; returns each layer's horizontal span (left, right) for its title.
    A layer in m sub-columns staggers its maps: neuron k in sub-column k mod m, each a row's fraction 1/m lower
    than the one before, so the order reads top to bottom."""
    s = f.side
    row = row_height(s, f.labels, label_h)
    widths = [layer_width(s, m) for m in f.subcols]
    # the layers spread over the whole width, as far apart as it allows: the lines get the room
    run = max(edge_run(s), (f.width - 2 * SIDE - sum(widths)) / max(1, len(widths) - 1))
    x = (f.width - sum(widths) - run * (len(widths) - 1)) / 2
    room = f.height - top - BOTTOM
    spans = []
    first = 0
    for n, m, w in zip(sizes, f.subcols, widths):
        pitch = row / m
        y0 = top + (room - layer_height(n, m, row)) / 2 + GAP / 2 + (label_h + 2 if f.labels else 0)
        for k in range(n):
            nodes[first + k].rect = QRectF(x + (k % m) * (s + GAP), y0 + pitch * k, s, s)
        spans.append((x, x + w))
        x += w + run
        first += n
    return spans
