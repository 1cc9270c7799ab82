"""Groups: nodes of one op at one level, a few numpy calls for all of them and every lane."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from micrograd_gui.core import libm

from .kernels import Operand, ParamGrad, Sink, Work, matmul, sink, sum_rows

SUM_BUFFER = 1 << 17  # most products a weighted sum makes in one call (1 MB); beyond, in blocks


class Group:
    out: slice

    def forward(self, w: Work) -> None:
        raise NotImplementedError

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        """Decide the sinks; called in the order backward() runs, so first touches are known."""

    def backward(self, w: Work) -> None:
        pass


class Sum(Group):
    """t0 + t1 + ... added left to right, exactly as the chain of + it replaces."""

    def __init__(self, out: slice, terms: list[Operand]):
        self.out, self.terms = out, terms
        self.sinks: list[Sink] = []

    def forward(self, w: Work) -> None:
        out = w.V[self.out]
        np.add(self.terms[0].get(w), self.terms[1].get(w), out=out)
        for t in self.terms[2:]:
            np.add(out, t.get(w), out=out)

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [sink(t, grad_of, touched, nparams) for t in self.terms]

    def backward(self, w: Work) -> None:
        g = w.G[self.out]  # every term's local derivative is 1
        for s in self.sinks:
            if s is not None:
                s.send(w, g)


class Dot(Group):
    """start + w0*x0 + w1*x1 + ... for neurons sharing their inputs, rounded as the chain rounds.

    Backward sends w*g to each input; with three or more neurons an input's gradient depends on the order
    of the terms, which micrograd takes from its DFS (and, for the output layer, from the target):
    `orders[c]` lists this group's rows in that order for a point of class c."""

    def __init__(self, out: slice, start: Operand, weights: np.ndarray, x: Operand,
                 orders: Sequence[Sequence[int]] | None):
        self.out, self.start, self.x = out, start, x
        self.m, self.k = weights.shape
        self.W = weights  # (m, k) indices into S
        self.W3 = weights[:, :, None]
        self.orders = None if orders is None else np.asarray(orders, dtype=np.intp)  # (classes, m)
        self.fixed = self.orders is not None and bool((self.orders == self.orders[0]).all())
        self.pw: ParamGrad | None = None
        self.with_bias = False  # pw covers the biases (start) too, after the weights
        self.pstart: Sink = None
        self.px: Sink = None

    def forward(self, w: Work) -> None:
        if not w.exact:  # maps: a matrix product sums in BLAS's order, the same values to ~1e-16
            matmul(w.S[self.W], w.V[self.x.idx], w.V[self.out])
            w.V[self.out] += self.start.get(w)
            return
        W, X, out, n = w.S[self.W3], w.V[self.x.idx], w.V[self.out], w.n
        if n >= 2 and self.k > 2 and self.m * self.k * n <= SUM_BUFFER:
            # every product in one call, then a reduction along a non-contiguous axis, which numpy runs
            # as one add after another (no pairwise summation): bit for bit b + w0*x0 + w1*x1 + ...
            P = w.buffer(self.m * self.k * n).reshape(self.m, self.k, n)
            np.multiply(W, X, out=P)
            P[:, 0] += self.start.get(w)
            np.add.reduce(P, axis=1, out=out)
        else:  # input by input: fewer calls for short sums, a working set that stays in cache for long rows
            tmp = w.buffer(self.m * n).reshape(self.m, n)
            np.multiply(W[:, 0], X[0], out=out)
            np.add(self.start.get(w), out, out=out)
            for i in range(1, self.k):
                np.multiply(W[:, i], X[i], out=tmp)
                np.add(out, tmp, out=out)

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.pstart = sink(self.start, grad_of, touched, nparams)
        if isinstance(self.pstart, ParamGrad) and self.pstart.all and (self.W < nparams).all():
            # weights and biases: one ordered sum over the lanes for all of them
            self.pw = ParamGrad(np.concatenate([self.W.ravel(), self.start.ids]), nparams)
            self.pstart, self.with_bias = None, True
        else:
            pw = ParamGrad(self.W, nparams)
            self.pw = pw if len(pw.params) else None
        self.px = sink(self.x, grad_of, touched, nparams)
        if self.px is not None and self.orders is None and self.m > 2:
            raise RuntimeError("fast engine: no gradient order for a weighted sum of three or more neurons")

    def backward(self, w: Work) -> None:
        g = w.G[self.out]
        if self.pw is not None:  # w_ki's gradient: x_i * g_k in every lane (b_k's: g_k), last lane first
            x = w.V[self.x.idx]
            m, k = self.m, self.k

            def fill(out: np.ndarray, lanes: slice) -> None:
                gl, xl = g[:, lanes], x[:, lanes]
                L = gl.shape[1]
                P = w.buffer(m * k * L).reshape(m, k, L)
                np.multiply(gl[:, None, :], xl[None, :, :], out=P)  # lanes innermost: the fast layout
                out[:, :m * k] = P.reshape(m * k, L)[:, ::-1].T  # then a lane a row, last lane first
                if self.with_bias:
                    out[:, m * k:] = gl[:, ::-1].T

            self.pw.add(w, fill)
        if self.pstart is not None:
            self.pstart.send(w, g)
        if self.px is not None:
            self.px.send(w, self._input_grads(w, g))

    def _input_grads(self, w: Work, g: np.ndarray) -> np.ndarray:
        """Each input's gradient: the sum over the neurons of w_ki * g_k, in micrograd's order per lane."""
        Wt = w.S[self.W]  # (m, k)
        if self.orders is None:  # one or two neurons: any order gives the same sum
            return sum_rows(Wt[:, :, None] * g[:, None, :])
        out = np.empty((self.k, w.n))
        block = max(1, SUM_BUFFER // (self.m * self.k))
        for a in range(0, w.n, block):
            lanes = slice(a, min(a + block, w.n))
            if self.fixed:
                o = self.orders[0]
                P = Wt[o][:, :, None] * g[o, lanes][:, None, :]
            else:
                idx = self.orders[w.y[lanes]].T  # (m, lanes): row r of each lane's own order
                P = np.take_along_axis(g[:, lanes], idx, axis=0)[:, None, :] * Wt[idx.T].transpose(1, 2, 0)
            out[:, lanes] = sum_rows(P)
        return out


class Mul(Group):
    """a * b."""

    def __init__(self, out: slice, a: Operand, b: Operand):
        self.out, self.a, self.b = out, a, b
        self.sinks: list[Sink] = []

    def forward(self, w: Work) -> None:
        np.multiply(self.a.get(w), self.b.get(w), out=w.V[self.out])

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [sink(op, grad_of, touched, nparams) for op in (self.a, self.b)]

    def backward(self, w: Work) -> None:
        g = w.G[self.out]
        for s, other in zip(self.sinks, (self.b, self.a)):
            if s is not None:
                s.write(w, np.multiply, other.get(w), g)


class Unary(Group):
    """tanh, ReLU, sigmoid, exp, log, sin or **k, raising the engine's errors for inputs out of the domain.

    On the training path tanh, exp, log, sin and pow are the C library's (core.libm), as Value calls them;
    decision maps use numpy's own, faster and CPU-dependent in the last digit."""

    def __init__(self, out: slice, op: str, a: Operand, k: float):
        self.out, self.op, self.a, self.k = out, op, a, k
        self.sink: Sink = None
        # the softmax's d**-1 once a class, all of one d: the C library is called once a distinct input
        self.distinct: tuple[np.ndarray, np.ndarray] | None = None
        if a.lane and len(set(a.rows)) < len(a.rows):
            _, first, inverse = np.unique(np.asarray(a.rows), return_index=True, return_inverse=True)
            self.distinct = (first, inverse)

    def _libm(self, f: Callable[..., np.ndarray], x: np.ndarray, *args: float) -> np.ndarray:
        """f(x), x a row a node of this group: computed once for the rows that read the same input."""
        if self.distinct is None:
            return f(x, *args)
        first, inverse = self.distinct
        return f(x[first], *args)[inverse]

    def forward(self, w: Work) -> None:
        x, out, op = self.a.get(w), w.V[self.out], self.op
        if op == "tanh":
            out[...] = self._libm(libm.tanh, x) if w.exact else np.tanh(x)
        elif op == "ReLU":
            np.maximum(x, 0.0, out=out)
        elif op == "exp":
            if w.exact:
                out[...] = self._libm(libm.exp, x)
            else:
                np.exp(x, out=out)  # overflow gives inf, as the engine does
        elif op == "sigmoid":
            e = libm.exp(-np.abs(x)) if w.exact else np.exp(-np.abs(x))  # the engine's two branches
            d = 1.0 + e
            np.copyto(out, np.where(x >= 0, 1.0 / d, e / d))
        elif op == "sin":  # a feature input (core.features)
            bad = ~np.isfinite(x)
            if bad.any():
                raise ValueError(f"sin: the input must be a finite number, got {x[bad][0]}")
            out[...] = self._libm(libm.sin, x) if w.exact else np.sin(x)
        elif op == "log":
            bad = x <= 0
            if bad.any():
                raise ValueError(f"log: the input must be positive, got {x[bad][0]}")
            out[...] = self._libm(libm.log, x) if w.exact else np.log(x)
        else:
            k = self.k
            if not k.is_integer() and (x < 0).any():
                raise ValueError(f"pow: a negative base ({x[x < 0][0]}) cannot be raised to the non-integer "
                                 f"power {k:g}")
            if k < 0 and (x == 0).any():
                raise ValueError(f"pow: 0 cannot be raised to the negative power {k:g} (division by zero)")
            out[...] = self._libm(libm.power, x, k) if w.exact else np.power(x, k)

    def local(self, w: Work) -> np.ndarray:
        """d(out)/d(in) for every lane, by the engine's formulas."""
        t, op = w.V[self.out], self.op
        if op == "tanh":
            return 1 - libm.power(t, 2)
        if op == "ReLU":
            return (t > 0).astype(np.float64)
        if op == "exp":
            return t
        if op == "sigmoid":
            return t * (1 - t)
        x = self.a.get(w)
        if op == "log":
            return 1 / x
        if op == "sin":
            return self._libm(libm.cos, x)
        k = self.k
        if k >= 1:
            return k * self._libm(libm.power, x, k - 1)
        zero = x == 0  # the engine's slope at 0 for k < 1: 0 for x**0, infinite for 0 < k < 1
        d = k * self._libm(libm.power, np.where(zero, 1.0, x), k - 1)
        return np.where(zero, 0.0 if k == 0 else np.inf, d)

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sink = sink(self.a, grad_of, touched, nparams)

    def backward(self, w: Work) -> None:
        if self.sink is not None:
            self.sink.write(w, np.multiply, self.local(w), w.G[self.out])


class Select(Group):
    """values[target] with each lane's own target; the gradient goes to the picked value only."""

    def __init__(self, out: slice, choices: list[Operand], node_rows: Sequence[int]):
        self.out = out
        self.nodes = [(row, Operand([(c.lane, c.ids[j]) for c in choices], node_rows))
                      for j, row in enumerate(range(out.start, out.stop))]
        self.sinks: list[Sink] = []

    def forward(self, w: Work) -> None:
        for row, values in self.nodes:
            np.choose(w.y, values.get(w), out=w.V[row])

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [sink(values, grad_of, touched, nparams) for _, values in self.nodes]

    def backward(self, w: Work) -> None:
        for (row, values), s in zip(self.nodes, self.sinks):
            if s is not None:
                s.send(w, np.where(w.masks[:len(values.ids)], w.G[row], 0.0))


class NegMax(Select):
    """-max(logits) in every lane: the constant the stable softmax adds (no gradient flows through it)."""

    def forward(self, w: Work) -> None:
        for row, values in self.nodes:
            np.negative(values.get(w).max(axis=0), out=w.V[row])

