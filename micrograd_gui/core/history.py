"""The loss curves of the current run, kept from snapshots: what the loss plot draws and a session saves."""

from __future__ import annotations

import numpy as np

from .snapshot import Snapshot

Curve = list[list[float]]  # [[step, loss], ...] as a session file keeps it


def _pairs(curve: Curve) -> np.ndarray:
    """[[step, loss], ...] as an (n, 2) array, converted in one C pass (a reopened curve may have a million)."""
    return np.array(curve, dtype=np.float64).reshape(-1, 2)


class Series:
    """A growing (step, value) buffer with amortised appends."""

    def __init__(self) -> None:
        self.x = np.empty(1024)
        self.y = np.empty(1024)
        self.n = 0

    def clear(self) -> None:
        self.n = 0

    def extend(self, xs: list[float] | np.ndarray, ys: list[float] | np.ndarray) -> None:
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
        return np.column_stack((x, y)).tolist()  # Python floats, in one C pass


class LossHistory:
    """Train, validation and test loss per step of one run; a new run starts empty, or with a reopened session's
    curves."""

    def __init__(self) -> None:
        self.train, self.val, self.test = Series(), Series(), Series()
        self.run = -1
        self._pending: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None  # (n, 2) arrays of [step, loss]
        self._pending_step = 0

    def _all(self) -> tuple[Series, Series, Series]:
        return self.train, self.val, self.test

    def load(self, train: Curve, val: Curve, step: int, test: Curve | None = None) -> None:
        """Curves of a session whose state is at `step`, shown from the restored run's first snapshot, as they were
        shown when saved: a diverged run's last point (past the step it went back to) too, until the run takes that
        step again and replaces it. A session saved before the test curve existed has none."""
        pairs = (_pairs(train), _pairs(val), _pairs(test or []))
        self._pending = pairs
        self._pending_step = step

    def update(self, snap: Snapshot) -> bool:
        """Take a snapshot's new losses; True if the curves changed."""
        changed = False
        if snap.run != self.run:
            self.run = snap.run
            for series in self._all():
                series.clear()
            # a reopened session's curves go with its own run, not with one of the run before it, which a window
            # just built may still be sending: that one is at an earlier step than the restored state
            if self._pending is not None and snap.step >= self._pending_step:
                for series, pairs in zip(self._all(), self._pending):
                    series.extend(pairs[:, 0], pairs[:, 1])
                self._pending = None
            changed = True
        if snap.history:
            for series in self._all():
                series.drop_from(snap.history[0][0])
            self.train.extend([h[0] for h in snap.history], [h[1] for h in snap.history])
            for series, k in ((self.val, 2), (self.test, 3)):  # (step, train, val, test); older 3-tuples: no test
                xs: list[float] = []
                ys: list[float] = []
                for h in snap.history:
                    v = h[k] if len(h) > k else None
                    if v is not None:
                        xs.append(h[0])
                        ys.append(v)
                if xs:
                    series.extend(xs, ys)
            changed = True
        return changed

    def curves(self) -> dict[str, Curve]:
        return {"train": self.train.as_curve(), "val": self.val.as_curve(), "test": self.test.as_curve()}

    def series(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """(train steps, train losses, val steps, val losses)."""
        return (*self.train.view(), *self.val.view())

    def test_series(self) -> tuple[np.ndarray, np.ndarray]:
        """(test steps, test losses)."""
        return self.test.view()

    def empty(self) -> bool:
        return not (self.train.n or self.val.n or self.test.n)
