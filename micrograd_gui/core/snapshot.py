"""Frozen pictures of a training run that cross from the worker thread to the GUI."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from micrograd_gui.core.graph.trace import Graph

from .config import TrainConfig

EXTENT = (-2.5, 2.5, -2.5, 2.5)  # the plane the app shows: the datasets live in [-2, 2]^2


def frozen(a: np.ndarray) -> np.ndarray:
    """A read-only copy: nothing the worker keeps can change what the GUI draws."""
    a = np.array(a, copy=True)
    a.flags.writeable = False
    return a


def grid_points(g: int, extent: tuple[float, float, float, float] = EXTENT) -> np.ndarray:
    """Cell centres of a g x g grid, x fastest, so results reshape to [row = y, column = x]."""
    x0, x1, y0, y1 = extent
    xs = x0 + (np.arange(g) + 0.5) * (x1 - x0) / g
    ys = y0 + (np.arange(g) + 0.5) * (y1 - y0) / g
    gx, gy = np.meshgrid(xs, ys)
    return np.stack([gx.ravel(), gy.ravel()], axis=1)


@dataclass(frozen=True)
class Metrics:
    train_loss: float | None = None
    val_loss: float | None = None
    test_loss: float | None = None
    train_acc: float | None = None
    val_acc: float | None = None
    test_acc: float | None = None


@dataclass(frozen=True)
class Snapshot:
    run: int  # changes on every reset: panels drop their history
    step: int
    running: bool
    # (step, train loss, val loss, test loss) since the last one; val and test at the weights the step started from
    history: tuple[tuple[int, float, float | None, float | None], ...]
    metrics: Metrics
    theta: np.ndarray  # read-only
    num_outputs: int
    num_classes: int
    config: TrainConfig  # frozen: the settings this state was trained with
    steps_per_second: float = 0.0
    grid: np.ndarray | None = None  # (g, g, classes) probabilities, read-only, rows are y
    extent: tuple[float, float, float, float] = EXTENT
    graph: Graph | None = None  # the probe point's loss graph (frozen), when the graph view wants it
    probe: tuple[float, float, int] | None = None  # (x, y, label) the graph is of
    # every neuron's activation over the plane, when the network view wants it: one (g, g, width) float32
    # array a layer (hidden ones after the nonlinearity, the output layer linear), rows are y, read-only
    neuron_maps: tuple[np.ndarray, ...] | None = None
    grads: np.ndarray | None = None  # the gradient the last step applied (theta's order), read-only
    # optimizer state, when the optimizer table wants it: AdamW's moments (m is SGD's momentum buffer)
    opt_m: np.ndarray | None = None
    opt_v: np.ndarray | None = None
    last_update: np.ndarray | None = None  # theta after the last step minus theta before it
