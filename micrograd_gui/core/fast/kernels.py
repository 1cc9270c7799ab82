"""Runtime pieces of a plan: lane buffers, operands, where gradients go, and sums in a fixed order.

Every sum on the training path adds its terms one after another in the order micrograd's backward() adds
them, so the result is the same on every CPU: no BLAS (whose kernels round per CPU), no pairwise sums.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import numpy as np

from .trace import Ref

if TYPE_CHECKING:
    from .plan import Plan

# OpenBLAS multiplies up to m*n*k = 2^18 on the calling thread; bigger products wake its thread pool,
# which on two busy cores (training, the GUI) costs up to 20x what it saves: products are cut below that
BLAS_ONE_THREAD = 1 << 18
LANE_BLOCK = 1 << 16  # most terms one ordered sum over the lanes adds in one call (512 KB)

Ufunc = Callable[..., np.ndarray]


def as_index(rows: Sequence[int] | np.ndarray) -> slice | np.ndarray:
    """A slice (a view, no copy) when the rows are evenly spaced upwards, else an index array."""
    a = np.asarray(rows, dtype=np.intp)
    step = int(a[1] - a[0]) if len(a) > 1 else 1
    if len(a) and step > 0 and np.array_equal(a, a[0] + step * np.arange(len(a))):
        return slice(int(a[0]), int(a[-1]) + 1, step)
    return a


def matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """a @ b (into out), in blocks small enough for BLAS to stay on this thread. Display paths only."""
    p, q = a.shape
    r = b.shape[1]
    if out is None:
        out = np.empty((p, r))
    if p * q * r <= BLAS_ONE_THREAD:
        return np.matmul(a, b, out=out)
    if r >= q:  # split the columns
        step = max(1, BLAS_ONE_THREAD // (p * q))
        for c in range(0, r, step):
            np.matmul(a, b[:, c:c + step], out=out[:, c:c + step])
        return out
    step = max(1, BLAS_ONE_THREAD // (p * r))  # split the inner dimension and add the parts up
    np.matmul(a[:, :step], b[:step], out=out)
    for c in range(step, q, step):
        out += a[:, c:c + step] @ b[c:c + step]
    return out


def sum_rows(terms: np.ndarray) -> np.ndarray:
    """((terms[0] + terms[1]) + terms[2]) + ... over the first axis, element by element.

    numpy reduces an outer axis of a C-contiguous array one row after another (no pairwise summation, which
    it uses only along the innermost axis); a single column would become that innermost axis, so it is
    added up with accumulate, a running sum by definition."""
    if terms.shape[0] == 1:
        return terms[0].copy()
    if terms[0].size >= 2:
        return np.add.reduce(np.ascontiguousarray(terms), axis=0)
    return np.add.accumulate(terms.reshape(len(terms), -1), axis=0)[-1].reshape(terms.shape[1:])


Fill = Callable[[np.ndarray, slice], None]


def add_lanes(acc: np.ndarray, n: int, fill: Fill, width: int) -> np.ndarray:
    """acc + t(n-1) + t(n-2) + ... + t(0), added one after another: micrograd's backward() reaches the
    last point's graph first, so a parameter's gradient adds the points' contributions last to first.

    fill(out, lanes) writes the contributions of a block of lanes into out, shape (len, width), last
    lane first."""
    block = max(1, LANE_BLOCK // max(width, 1))
    for stop in range(n, 0, -block):
        lanes = slice(max(stop - block, 0), stop)
        buf = np.empty((lanes.stop - lanes.start + 1, width))
        buf[0] = acc
        fill(buf[1:], lanes)
        acc = sum_rows(buf)
    return acc


class Work:
    """Buffers for one number of lanes: values V and grads G (a row a lane node), scratch space."""

    def __init__(self, plan: Plan, n: int):
        self.n = n
        self.V = np.empty((plan.rows, n))
        self.G = np.empty((plan.rows, n))
        self.S = np.concatenate([np.zeros(plan.nparams), plan.consts])  # shared: theta, then constants
        self.gtheta = np.zeros(plan.nparams)
        self.y = np.zeros(n, dtype=np.intp)
        self.masks = np.zeros((plan.classes, n), dtype=bool)  # row k: the lanes whose class is k
        self.scratch = np.empty(0)
        self.exact = True  # False: the engine's bits are not needed (decision maps): BLAS and numpy's math

    def buffer(self, size: int) -> np.ndarray:
        """Scratch space for the products of a weighted sum, grown on first use."""
        if len(self.scratch) < size:
            self.scratch = np.empty(size)
        return self.scratch[:size]


class Operand:
    """One input position of a group: rows of V (per lane) or entries of S (the same in every lane)."""

    def __init__(self, refs: Sequence[Ref], node_rows: Sequence[int]):
        if any(lane != refs[0][0] for lane, _ in refs):
            raise RuntimeError("fast engine: a group mixes per-lane and shared inputs")
        self.lane = refs[0][0]
        self.ids = [j for _, j in refs]
        self.rows = [node_rows[j] for j in self.ids] if self.lane else []
        self.idx = as_index(self.rows) if self.lane else np.asarray(self.ids, dtype=np.intp)[:, None]

    def get(self, w: Work) -> np.ndarray:
        return w.V[self.idx] if self.lane else w.S[self.idx]


class Push:
    """Sends per-lane contributions (a row an edge) to G: a node's first one is assigned, later ones added.

    A node reached from two groups adds two terms (the order of two does not change a sum); more terms
    within a group are summed in row order first (only exact zeros beside one term, in the losses here)."""

    def __init__(self, rows: Sequence[int], touched: set[int]):
        a = np.asarray(rows, dtype=np.intp)
        self.order: np.ndarray | None = None
        self.same = 0  # > 0: every such node is on that many edges (the softmax's d, once a class)
        if len(np.unique(a)) != len(a):  # a node on several edges of the group: sum its rows first
            self.order = np.argsort(a, kind="stable")
            a, self.starts, counts = np.unique(a[self.order], return_index=True, return_counts=True)
            self.same = int(counts[0]) if (counts == counts[0]).all() else 0
        first = np.array([int(r) not in touched for r in a], dtype=bool)
        touched.update(a.tolist())
        self.first, self.later = np.flatnonzero(first), np.flatnonzero(~first)
        self.first_rows = as_index(a[first]) if first.any() else None
        self.later_rows = as_index(a[~first]) if (~first).any() else None
        self.direct = self.order is None and self.later_rows is None and isinstance(self.first_rows, slice)

    def send(self, w: Work, c: np.ndarray) -> None:
        if self.order is not None:
            ordered = c[self.order]
            if self.same:  # (nodes, edges, lanes) -> added edge by edge
                c = sum_rows(ordered.reshape(-1, self.same, ordered.shape[-1]).transpose(1, 0, 2))
            else:
                c = np.stack([sum_rows(part) for part in np.split(ordered, self.starts[1:])])
        if self.later_rows is None:
            w.G[self.first_rows] = c  # type: ignore[index]
        elif self.first_rows is None:
            w.G[self.later_rows] += c
        else:
            w.G[self.first_rows] = c[self.first]
            w.G[self.later_rows] += c[self.later]

    def write(self, w: Work, f: Ufunc, a: np.ndarray, b: np.ndarray) -> None:
        """send(f(a, b)), computed straight into G when the rows allow it."""
        if self.direct:
            f(a, b, out=w.G[self.first_rows])  # type: ignore[index]
        else:
            self.send(w, f(a, b))


class ParamGrad:
    """Adds per-lane contributions, last lane first, to the gradient of the parameters among shared inputs."""

    def __init__(self, ids: Sequence[int] | np.ndarray, nparams: int):
        a = np.asarray(ids, dtype=np.intp).ravel()
        self.mask = a < nparams
        self.params = a[self.mask]
        self.all = bool(self.mask.all())
        if len(np.unique(self.params)) != len(self.params):
            raise RuntimeError("fast engine: a parameter is used twice in one group")

    def add(self, w: Work, fill: Fill) -> None:
        """fill(out, lanes): see add_lanes; a column an id (parameters only: see send)."""
        w.gtheta[self.params] = add_lanes(w.gtheta[self.params], w.n, fill, len(self.params))

    def send(self, w: Work, c: np.ndarray) -> None:
        """c: (ids, lanes), or a row that broadcasts over the lanes."""
        c = np.broadcast_to(c, (len(self.mask), w.n))
        if not self.all:
            c = c[self.mask]

        def fill(out: np.ndarray, lanes: slice) -> None:
            out[...] = c[:, lanes][:, ::-1].T

        self.add(w, fill)

    def write(self, w: Work, f: Ufunc, a: np.ndarray, b: np.ndarray) -> None:
        self.send(w, f(a, b))


Sink = Push | ParamGrad | None


def sink(op: Operand, grad_of: list[bool], touched: set[int], nparams: int) -> Sink:
    """Where an input position's gradient goes: lane rows, parameters, or nowhere."""
    if op.lane:
        return Push(op.rows, touched) if any(grad_of[j] for j in op.ids) else None
    pg = ParamGrad(op.ids, nparams)
    return pg if len(pg.params) else None
