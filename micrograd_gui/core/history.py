"""The loss curves of the current run, kept from snapshots: what the loss plot draws and a session saves."""

from __future__ import annotations

import numpy as np

from .snapshot import Snapshot

Curve = list[list[float]]  # [[step, loss], ...] as a session file keeps it


class Series:
    """A growing (step, value) buffer with amortised appends."""

    def __init__(self) -> None:
        self.x = np.empty(1024)
        self.y = np.empty(1024)
        self.n = 0

    def clear(self) -> None:
        self.n = 0

    def extend(self, xs: list[float], ys: list[float]) -> None:
        need = self.n + len(xs)
        if need > len(self.x):
            size = max(need, 2 * len(self.x))
            self.x = np.resize(self.x, size)
            self.y = np.resize(self.y, size)
        self.x[self.n:need] = xs
        self.y[self.n:need] = ys
        self.n = need

    def view(self) -> tuple[np.ndarray, np.ndarray]:
        return self.x[:self.n], self.y[:self.n]

    def drop_from(self, step: float) -> None:
        """Forget the points from a step on: a diverged run went a step back and takes it again."""
        if self.n and self.x[self.n - 1] >= step:
            self.n = int(np.searchsorted(self.x[:self.n], step, side="left"))

    def as_curve(self) -> Curve:
        x, y = self.view()
        return [[float(a), float(b)] for a, b in zip(x, y)]


class LossHistory:
    """Train and validation loss per step of one run; a new run starts empty, or with a reopened session's curves."""

    def __init__(self) -> None:
        self.train, self.val = Series(), Series()
        self.run = -1
        self._pending: tuple[Curve, Curve] | None = None
        self._pending_step = 0

    def load(self, train: Curve, val: Curve, step: int) -> None:
        """Curves of a session whose state is at `step`, shown from the restored run's first snapshot. Points past
        the step (a diverged run's step that was taken back) are dropped: that run takes the step again."""
        keep = [[p for p in c if p[0] <= step] for c in (train, val)]
        self._pending = (keep[0], keep[1])
        self._pending_step = step

    def update(self, snap: Snapshot) -> bool:
        """Take a snapshot's new losses; True if the curves changed."""
        changed = False
        if snap.run != self.run:
            self.run = snap.run
            self.train.clear()
            self.val.clear()
            # a reopened session's curves go with its own run, not with one of the run before it, which a window
            # just built may still be sending: that one is at an earlier step than the restored state
            if self._pending is not None and snap.step >= self._pending_step:
                for series, curve in zip((self.train, self.val), self._pending):
                    series.extend([p[0] for p in curve], [p[1] for p in curve])
                self._pending = None
            changed = True
        if snap.history:
            for series in (self.train, self.val):
                series.drop_from(snap.history[0][0])
            self.train.extend([h[0] for h in snap.history], [h[1] for h in snap.history])
            vals = [(h[0], h[2]) for h in snap.history if h[2] is not None]
            if vals:
                self.val.extend([v[0] for v in vals], [v[1] for v in vals])
            changed = True
        return changed

    def curves(self) -> dict[str, Curve]:
        return {"train": self.train.as_curve(), "val": self.val.as_curve()}

    def series(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(train steps, train losses, val steps, val losses)."""
        return (*self.train.view(), *self.val.view())

    def empty(self) -> bool:
        return not (self.train.n or self.val.n)
