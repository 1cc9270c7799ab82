"""The fast backend: loss, gradients, outputs and activations of an MLP for all points at once."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import numpy as np

from micrograd_gui.core.losses import outputs_to_probs
from micrograd_gui.core.nn import MLP

from .kernels import Work, sum_rows
from .plan import Plan, plan_for

MAP_CHUNK = 4096  # lanes a forward pass on big grids: the working set stays in the L2 cache


class FastBackend:
    """Loss, gradients, outputs and activations of an MLP for all points at once, from a compiled plan."""

    # Training gives the eager engine's floats bit for bit, on every CPU: the same ops in the same order,
    # tanh/exp/log/pow from the C library (core.libm), sums added one term after another (no BLAS).
    exact = True

    def __init__(self, model: MLP, loss: str, stable: bool, features: tuple[str, ...] | None = None):
        self.model = model
        self.loss_kind = loss
        self.stable = stable
        # the feature inputs each point's (x, y) becomes, as lane ops of the plan; None: X holds the nin inputs
        self.features = None if features is None else tuple(features)
        self.width = model.nin if features is None else 2  # columns of X
        if features is not None and len(features) != model.nin:
            raise ValueError(f"the model takes {model.nin} inputs but {len(features)} features were given")
        self._local = threading.local()  # buffers a thread: the GUI may draw maps while it trains

    def plan(self, with_loss: bool = True) -> Plan:
        m = self.model
        sizes = tuple(len(layer.neurons) for layer in m.layers)
        return plan_for((m.nin, sizes, m.act, self.loss_kind if with_loss else None, self.stable and with_loss,
                         self.features))

    def _work(self, plan: Plan, n: int) -> Work:
        cache: dict[tuple[int, int], Work] | None = getattr(self._local, "cache", None)
        if cache is None:
            cache = self._local.cache = {}
        w = cache.get((id(plan), n))
        if w is None:
            if len(cache) >= 8:  # batch sizes come and go as points are edited
                cache.clear()
            w = cache[(id(plan), n)] = Work(plan, n)
        return w

    @staticmethod
    def _theta(plan: Plan, theta: np.ndarray) -> np.ndarray:
        theta = np.asarray(theta, dtype=np.float64)
        if theta.shape != (plan.nparams,):
            raise ValueError(f"expected {plan.nparams} parameters, got {theta.size}")
        return theta

    def _forward_loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[Plan, Work, float]:
        plan = self.plan()
        theta = self._theta(plan, theta)
        n = len(y)
        w = self._work(plan, n)
        with np.errstate(all="ignore"):  # the sum of finite losses can overflow too: inf, as the eager engine
            plan.forward(w, theta, np.asarray(X, dtype=np.float64).reshape(n, -1), np.asarray(y))
            total = plan.total_loss(w)
        return plan, w, total

    def loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
        return self._forward_loss(theta, X, y)[2]

    def loss_and_grad(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray, l2: float = 0.0, l1: float = 0.0
                      ) -> tuple[float, np.ndarray]:
        plan, w, loss = self._forward_loss(theta, X, y)
        theta = np.asarray(theta, dtype=np.float64)
        start = None
        with np.errstate(all="ignore"):
            if l2:
                # the engine's loss + (0 + p0*p0 + p1*p1 + ...) * l2; backward() reaches the penalty before
                # the points, and each p*p node sends p*l2 back twice
                loss = loss + float(sum_rows((theta * theta)[:, None])[0]) * l2
                start = theta * l2 + theta * l2
            if l1:
                # then + (0 + |p0| + |p1| + ...) * l1, added last, so backward() reaches it first: each |p| node
                # sends sign(p)*l1 (0 at p = 0, as losses.abs_value) before the L2 terms
                loss = loss + float(sum_rows(np.abs(theta)[:, None])[0]) * l1
                push = np.where(theta > 0, l1, np.where(theta < 0, -l1, 0.0))
                start = push if start is None else push + theta * l2 + theta * l2
            grad = plan.backward(w, 1.0 / len(y), start).copy()
        return loss, grad

    # ---- forward only: outputs, activations and maps, in chunks -----------------------------------
    def _chunks(self, theta: np.ndarray, X: np.ndarray, exact: bool) -> Iterator[tuple[slice, Plan, Work]]:
        plan = self.plan(with_loss=False)
        theta = self._theta(plan, theta)
        X = np.asarray(X, dtype=np.float64).reshape(-1, self.width)
        n = len(X)
        size = -(-n // -(-n // MAP_CHUNK)) if n else 1  # equal chunks: at most two buffer sizes
        with np.errstate(all="ignore"):
            for a in range(0, n, size):
                b = min(a + size, n)
                w = self._work(plan, b - a)
                plan.forward(w, theta, X[a:b], exact=exact)
                yield slice(a, b), plan, w

    def _count(self, X: np.ndarray) -> int:
        return int(np.size(X)) // self.width

    # Results are transposed views of the lane layout: shape (n, width), each neuron's column contiguous.
    # By default their weighted sums are matrix products, ~1e-16 relative off the eager engine and many
    # times faster on a big grid; exact=True adds them as the Value graph does, bit for bit.
    def outputs(self, theta: np.ndarray, X: np.ndarray, exact: bool = False) -> np.ndarray:
        out = np.empty((len(self.model.layers[-1].neurons), self._count(X)))
        for lanes, plan, w in self._chunks(theta, X, exact):
            out[:, lanes] = w.V[plan.layers[-1]]
        return out.T

    def activations(self, theta: np.ndarray, X: np.ndarray, exact: bool = False) -> list[np.ndarray]:
        """Every neuron's activation: an (n, width) array a layer."""
        n = self._count(X)
        outs = [np.empty((len(layer.neurons), n)) for layer in self.model.layers]
        for lanes, plan, w in self._chunks(theta, X, exact):
            for out, rows in zip(outs, plan.layers):
                out[:, lanes] = w.V[rows]
        return [out.T for out in outs]

    def probabilities(self, theta: np.ndarray, X: np.ndarray) -> np.ndarray:
        """Class probabilities for the decision map (softmax, or a sigmoid of one hinge score)."""
        out = np.empty((self._count(X), max(len(self.model.layers[-1].neurons), 2)))
        for lanes, plan, w in self._chunks(theta, X, exact=False):
            # chunk by chunk, the temporaries stay small and warm instead of fresh pages every map
            out[lanes] = outputs_to_probs(self.loss_kind, w.V[plan.layers[-1]].T)
        return out
