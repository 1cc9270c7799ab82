"""The eager backend: every point's loss built from Value objects, as LLM101n does it."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

import numpy as np

from .engine import Value, checked_backward
from .features import DEFAULT, inputs
from .losses import l1_penalty, l2_penalty, mean_loss, point_loss
from .nn import MLP

T = TypeVar("T")


class Cancelled(Exception):
    """An eager computation abandoned because its `cancel` event was set (the window is closing)."""


class EagerBackend:
    """Loss, gradients and outputs of an MLP computed one Value at a time."""

    exact = True  # the optimizer runs in Python floats too, so LLM101n is matched to the last digit
    # Set from another thread to abandon a computation: one step on thousands of points takes minutes, and a window
    # closing must not wait for it. Checked between points and every engine.CHECK_EVERY nodes of backward.
    cancel: threading.Event | None = None

    def __init__(self, model: MLP, loss: str, stable: bool, features: tuple[str, ...] = DEFAULT):
        self.model = model
        self.loss_kind = loss
        self.stable = stable
        self.features = features  # the network's inputs, built from each point's x0 and x1 (core.features)
        if len(features) != model.nin:
            raise ValueError(f"the model takes {model.nin} inputs but {len(features)} features were given")

    def _check(self) -> None:
        if self.cancel is not None and self.cancel.is_set():
            raise Cancelled("the computation was cancelled")

    def _checked(self, rows: Iterable[T]) -> Iterator[T]:
        """The rows one by one, the cancellation checked before each."""
        for row in rows:
            self._check()
            yield row

    def _loss_graph(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray, l2: float = 0.0,  # type: ignore[no-untyped-def]
                    l1: float = 0.0):
        self.model.set_flat(theta.tolist())
        losses = [point_loss(self.loss_kind, self.model(inputs(px, py, self.features)), int(c), self.stable)
                  for (px, py), c in self._checked(zip(X.tolist(), y.tolist()))]
        loss = mean_loss(losses)
        if l2:
            loss = loss + l2_penalty(self.model.parameters(), l2)
        if l1:  # added last, so backward() reaches it first (the fast engine seeds the gradient in that order)
            loss = loss + l1_penalty(self.model.parameters(), l1)
        return loss

    def loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
        return float(self._loss_graph(theta, X, y).data)

    def loss_and_grad(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray, l2: float = 0.0, l1: float = 0.0
                      ) -> tuple[float, np.ndarray]:
        loss = self._loss_graph(theta, X, y, l2, l1)
        params = self.model.parameters()
        for p in params:
            p.grad = 0
        checked_backward(loss, self._check)
        return float(loss.data), np.array([p.grad for p in params], dtype=np.float64)

    def outputs(self, theta: np.ndarray, X: np.ndarray, exact: bool = True) -> np.ndarray:
        """Every point's outputs (always exact: `exact` is for the fast engine's interface)."""
        self.model.set_flat(theta.tolist())
        rows = [[o.data for o in self.model(inputs(px, py, self.features))] for px, py in self._checked(X.tolist())]
        return np.array(rows, dtype=np.float64).reshape(len(rows), len(self.model.layers[-1].neurons))

    def activations(self, theta: np.ndarray, X: np.ndarray) -> list[np.ndarray]:
        """Every layer's outputs, an (n, width) array a layer: hidden ones after the nonlinearity."""
        self.model.set_flat(theta.tolist())
        layers = self.model.layers
        points = np.asarray(X, dtype=np.float64).reshape(-1, 2).tolist()
        outs = [np.empty((len(points), len(layer.neurons))) for layer in layers]
        for r, (px, py) in enumerate(self._checked(points)):
            h: list[Value] = inputs(px, py, self.features)
            for out, layer in zip(outs, layers):
                h = layer(h)
                out[r] = [v.data for v in h]
        return outs
