"""The fast backend: one point's Value graph, compiled once into a numpy plan that runs N points at once."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import numpy as np

from .engine import Value
from .losses import outputs_to_probs, point_loss
from .nn import MLP, input_values
from .rng import RNG

# How it works: the loss of ONE point is built by the real Value code (MLP, point_loss) with a lane target
# standing for each point's class, then compiled: chains of + fold into sums and weighted sums (same
# floats, same order), nodes of one op at one depth become a group, and each group runs as a few numpy
# calls over a (nodes, points) matrix: every point is a lane doing exactly its Value graph's ops.
# Backward walks the groups in reverse; each sends local * grad to its inputs' rows, assigning the first
# contribution a row gets and adding later ones, so nothing is zeroed or scattered with np.add.at.
# Parameters are shared by all lanes: their gradient is the sum over lanes, as backward() would give.

# A plan's shape: inputs, layer sizes, hidden activation, loss kind (None: forward only), stable softmax
PlanKey = tuple[int, tuple[int, ...], str, str | None, bool]
Ref = tuple[bool, int]  # (True, lane node id) or (False, shared index: theta first, then the constants)

UNARY = ("tanh", "ReLU", "sigmoid", "exp", "log")
MAP_CHUNK = 4096  # lanes a forward pass on big grids: the working set stays in the L2 cache
SUM_BUFFER = 1 << 17  # most products a weighted sum makes in one call (1 MB); beyond, input by input
# OpenBLAS multiplies up to m*n*k = 2^18 on the calling thread; bigger products wake its thread pool,
# which on two busy cores (training, the GUI) costs up to 20x what it saves: products are cut below that
BLAS_ONE_THREAD = 1 << 18


# ---- tracing: one point's loss, built by the real Value code --------------------------------------

class _LaneTarget:
    """Stands for every lane's own class while tracing: pick() and const() make per-lane nodes."""

    def __init__(self) -> None:
        self.consts: dict[int, tuple[str, int]] = {}

    def pick(self, values: Sequence[Value]) -> Value:
        values = tuple(values)
        return Value(values[0].data, values, "select", _local=(1.0,) + (0.0,) * (len(values) - 1))

    def const(self, name: str, k: int = 0) -> Value:
        if name not in ("neg_sign", "onehot"):
            raise ValueError(f"unknown target constant '{name}'")
        v = Value(1.0 if name == "neg_sign" else 0.0, label=f"{name}[{k}]", role="constant")
        self.consts[id(v)] = (name, k)
        return v


@dataclass(eq=False)
class _Node:
    """A lane node: one Value op, or a sum / weighted sum folded from a chain of them."""

    op: str  # input, target, negmax, sum, dot, *, **, select or one of UNARY
    ins: list[Ref]  # for a dot: [start, *weights, *xs]
    arg: object = None  # input index, (target name, k), the exponent of **, or a dot's length
    uses: int = 0
    pinned: bool = False  # read from outside (an activation, the loss): never folded away
    dead: bool = False
    level: int = 0
    grad: bool = False


@dataclass
class _Traced:
    nodes: list[_Node]
    consts: list[float]
    layers: list[list[int]]  # node ids of every neuron's activation, layer by layer
    root: int  # the loss node, or -1
    nparams: int


def _trace(key: PlanKey) -> _Traced:
    """Build one point's graph with the real MLP and loss code, and turn it into lane nodes."""
    nin, sizes, act, loss, stable = key
    model = MLP(nin, list(sizes), RNG(1), act)
    params = model.parameters()
    model.set_flat([0.0] * len(params))  # a neutral point: no log(0) or overflow while tracing
    xs = input_values(0.0, 0.0) if nin == 2 else [Value(0.0, label=f"x{i}", role="input") for i in range(nin)]
    layers, h = [], xs
    for layer in model.layers:
        h = layer(h)
        layers.append(h)
    target = _LaneTarget()
    roots = [v for out in layers for v in out]
    if loss is not None:
        roots.append(point_loss(loss, layers[-1], target, stable))
    topo = Value(0.0, tuple(roots), "roots").topo()[:-1]  # one DFS over every root, without the joint

    # the stable softmax subtracts max(logits) as a constant: a constant that differs from lane to lane
    logits = {id(z) for z in layers[-1]}
    shifts = {id(v._prev[1]) for v in topo if loss == "cross_entropy" and stable and v._op == "+"
              and id(v._prev[0]) in logits and not v._prev[1]._prev and id(v._prev[1]) not in target.consts}
    if shifts and len(shifts) != len(logits):
        raise RuntimeError("fast engine: could not find the max-shift of the stable softmax")

    param_index = {id(p): i for i, p in enumerate(params)}
    input_index = {id(x): i for i, x in enumerate(xs)}
    nodes: list[_Node] = []
    const_index: dict[str, int] = {}
    consts: list[float] = []
    ref: dict[int, Ref] = {}

    def lane(node: _Node) -> Ref:
        nodes.append(node)
        return (True, len(nodes) - 1)

    negmax: Ref | None = None
    for v in topo:
        i = id(v)
        if i in param_index:
            ref[i] = (False, param_index[i])
        elif i in input_index:
            ref[i] = lane(_Node("input", [], input_index[i]))
        elif i in target.consts:
            ref[i] = lane(_Node("target", [], target.consts[i]))
        elif i in shifts:
            if negmax is None:  # its inputs are set below: not every logit is traced yet
                negmax = lane(_Node("negmax", []))
            ref[i] = negmax
        elif not v._prev:
            bits = float(v.data).hex()  # one shared slot a distinct constant (keeps -0.0 apart from 0.0)
            if bits not in const_index:
                const_index[bits] = len(params) + len(consts)
                consts.append(float(v.data))
            ref[i] = (False, const_index[bits])
        else:
            op, arg = {"+": "sum"}.get(v._op, v._op), None
            if op.startswith("**"):
                op, arg = "**", float(v._op[2:])
            elif op not in ("sum", "*", "select", *UNARY):
                raise ValueError(f"fast engine: unsupported op '{v._op}'")
            ref[i] = lane(_Node(op, [ref[id(c)] for c in v._prev], arg))
    if negmax is not None:
        nodes[negmax[1]].ins = [ref[id(z)] for z in layers[-1]]
    for v in roots:
        nodes[ref[id(v)][1]].pinned = True
    return _Traced(nodes, consts, [[ref[id(v)][1] for v in out] for out in layers],
                   ref[id(roots[-1])][1] if loss is not None else -1, len(params))


# ---- rewriting: the same floats with fewer, bigger ops ------------------------------------------------

def _topo_order(nodes: list[_Node]) -> list[int]:
    """Lane node ids, inputs first (an iterative DFS: no recursion limit)."""
    order: list[int] = []
    done = [False] * len(nodes)
    for start in range(len(nodes)):
        stack = [start]
        while stack:
            i = stack[-1]
            if done[i]:
                stack.pop()
                continue
            todo = [j for lane, j in nodes[i].ins if lane and not done[j]]
            if todo:
                stack.extend(todo)
            else:
                done[i] = True
                order.append(i)
                stack.pop()
    return order


def _fold(nodes: list[_Node], order: list[int]) -> None:
    """Chains of + become one sum (added in the same order); sums of weight * x become dot products."""
    for n in nodes:
        for lane, j in n.ins:
            if lane:
                nodes[j].uses += 1
    for i in order:  # ((t0 + t1) + t2) + ...: only the left operand continues a chain
        n = nodes[i]
        lane, j = n.ins[0] if n.ins else (False, 0)
        if n.op == "sum" and lane and nodes[j].op == "sum" and nodes[j].uses == 1 and not nodes[j].pinned:
            n.ins = nodes[j].ins + n.ins[1:]
            nodes[j].dead = True
    for n in nodes:
        terms = [nodes[j] for lane, j in n.ins[1:] if lane]
        if n.op != "sum" or n.dead or len(terms) != len(n.ins) - 1 or not terms or not all(
                t.op == "*" and t.uses == 1 and not t.pinned and t.ins[0][0] != t.ins[1][0] for t in terms):
            continue
        weights = [t.ins[1] if t.ins[0][0] else t.ins[0] for t in terms]
        xs = [t.ins[0] if t.ins[0][0] else t.ins[1] for t in terms]
        n.op, n.ins, n.arg = "dot", [n.ins[0], *weights, *xs], len(terms)
        for t in terms:
            t.dead = True


def _differentiable(n: _Node) -> list[Ref]:
    """The inputs gradients flow back to (none for leaves and for the max-shift)."""
    return [] if n.op in ("input", "target", "negmax") else n.ins


def _mark_grads(nodes: list[_Node], order: list[int], root: int, nparams: int) -> None:
    """A node needs a gradient if it depends on a parameter and the loss depends on it."""
    depends = [False] * len(nodes)
    for i in order:
        depends[i] = any(depends[j] if lane else j < nparams for lane, j in _differentiable(nodes[i]))
    reached = [False] * len(nodes)
    if root >= 0:
        reached[root] = True
    for i in reversed(order):
        nodes[i].grad = depends[i] and reached[i]
        if reached[i]:
            for lane, j in _differentiable(nodes[i]):
                if lane:
                    reached[j] = True


# ---- runtime pieces -----------------------------------------------------------------------------

def _as_index(rows: Sequence[int] | np.ndarray) -> slice | np.ndarray:
    """A slice (a view, no copy) when the rows are evenly spaced upwards, else an index array."""
    a = np.asarray(rows, dtype=np.intp)
    step = int(a[1] - a[0]) if len(a) > 1 else 1
    if len(a) and step > 0 and np.array_equal(a, a[0] + step * np.arange(len(a))):
        return slice(int(a[0]), int(a[-1]) + 1, step)
    return a


def _matmul(a: np.ndarray, b: np.ndarray, out: np.ndarray | None = None) -> np.ndarray:
    """a @ b (into out), in blocks small enough for BLAS to stay on this thread."""
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


class _Work:
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
        self.exact = True  # False: weighted sums may add in another order (decision maps)

    def buffer(self, size: int) -> np.ndarray:
        """Scratch space for the products of a weighted sum, grown on first use."""
        if len(self.scratch) < size:
            self.scratch = np.empty(size)
        return self.scratch[:size]


class _Operand:
    """One input position of a group: rows of V (per lane) or entries of S (the same in every lane)."""

    def __init__(self, refs: Sequence[Ref], node_rows: Sequence[int]):
        if any(lane != refs[0][0] for lane, _ in refs):
            raise RuntimeError("fast engine: a group mixes per-lane and shared inputs")
        self.lane = refs[0][0]
        self.ids = [j for _, j in refs]
        self.rows = [node_rows[j] for j in self.ids] if self.lane else []
        self.idx = _as_index(self.rows) if self.lane else np.asarray(self.ids, dtype=np.intp)[:, None]

    def get(self, w: _Work) -> np.ndarray:
        return w.V[self.idx] if self.lane else w.S[self.idx]


Ufunc = Callable[..., np.ndarray]


class _Push:
    """Sends per-lane contributions (a row an edge) to G: a node's first one is assigned, later ones added."""

    def __init__(self, rows: Sequence[int], touched: set[int]):
        a = np.asarray(rows, dtype=np.intp)
        self.order: np.ndarray | None = None
        if len(np.unique(a)) != len(a):  # a node on several edges of the group: sum its rows first
            self.order = np.argsort(a, kind="stable")
            a, self.starts = np.unique(a[self.order], return_index=True)
        first = np.array([int(r) not in touched for r in a], dtype=bool)
        touched.update(a.tolist())
        self.first, self.later = np.flatnonzero(first), np.flatnonzero(~first)
        self.first_rows = _as_index(a[first]) if first.any() else None
        self.later_rows = _as_index(a[~first]) if (~first).any() else None
        self.direct = self.order is None and self.later_rows is None and isinstance(self.first_rows, slice)

    def send(self, w: _Work, c: np.ndarray) -> None:
        if self.order is not None:
            c = np.add.reduceat(c[self.order], self.starts, axis=0)
        if self.later_rows is None:
            w.G[self.first_rows] = c  # type: ignore[index]
        elif self.first_rows is None:
            w.G[self.later_rows] += c
        else:
            w.G[self.first_rows] = c[self.first]
            w.G[self.later_rows] += c[self.later]

    def write(self, w: _Work, f: Ufunc, a: np.ndarray, b: np.ndarray) -> None:
        """send(f(a, b)), computed straight into G when the rows allow it."""
        if self.direct:
            f(a, b, out=w.G[self.first_rows])  # type: ignore[index]
        else:
            self.send(w, f(a, b))


class _ParamGrad:
    """Sums contributions over the lanes into the gradient of the parameters among some shared inputs."""

    def __init__(self, ids: Sequence[int] | np.ndarray, nparams: int):
        a = np.asarray(ids, dtype=np.intp).ravel()
        self.mask = a < nparams
        self.params = a[self.mask]
        self.all = bool(self.mask.all())
        self.unique = len(np.unique(self.params)) == len(self.params)

    def add(self, w: _Work, totals: np.ndarray) -> None:
        """totals: one entry an id, already summed over the lanes."""
        t = totals.ravel() if self.all else totals.ravel()[self.mask]
        if self.unique:
            w.gtheta[self.params] += t
        else:
            np.add.at(w.gtheta, self.params, t)

    def send(self, w: _Work, c: np.ndarray) -> None:
        self.add(w, c.sum(axis=1))

    def write(self, w: _Work, f: Ufunc, a: np.ndarray, b: np.ndarray) -> None:
        self.send(w, f(a, b))


Sink = _Push | _ParamGrad | None


def _sink(op: _Operand, grad_of: list[bool], touched: set[int], nparams: int) -> Sink:
    """Where an input position's gradient goes: lane rows, parameters, or nowhere."""
    if op.lane:
        return _Push(op.rows, touched) if any(grad_of[j] for j in op.ids) else None
    pg = _ParamGrad(op.ids, nparams)
    return pg if len(pg.params) else None


# ---- groups: nodes of one op at one level, a few numpy calls for all of them and every lane -------------

class _Group:
    out: slice

    def forward(self, w: _Work) -> None:
        raise NotImplementedError

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        """Decide the sinks; called in the order backward() runs, so first touches are known."""

    def backward(self, w: _Work) -> None:
        pass


class _Sum(_Group):
    """t0 + t1 + ... added left to right, exactly as the chain of + it replaces."""

    def __init__(self, out: slice, terms: list[_Operand]):
        self.out, self.terms = out, terms
        self.sinks: list[Sink] = []

    def forward(self, w: _Work) -> None:
        out = w.V[self.out]
        np.add(self.terms[0].get(w), self.terms[1].get(w), out=out)
        for t in self.terms[2:]:
            np.add(out, t.get(w), out=out)

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [_sink(t, grad_of, touched, nparams) for t in self.terms]

    def backward(self, w: _Work) -> None:
        g = w.G[self.out]  # every term's local derivative is 1
        for s in self.sinks:
            if s is not None:
                s.send(w, g)


class _Dot(_Group):
    """start + w0*x0 + w1*x1 + ... for neurons sharing their inputs, rounded as the chain rounds."""

    def __init__(self, out: slice, start: _Operand, weights: np.ndarray, x: _Operand):
        self.out, self.start, self.x = out, start, x
        self.m, self.k = weights.shape
        self.W = weights  # (m, k) indices into S
        self.W3 = weights[:, :, None]
        self.pw: _ParamGrad | None = None
        self.pstart: Sink = None
        self.px: Sink = None

    def forward(self, w: _Work) -> None:
        if not w.exact:  # maps: a matrix product sums in BLAS's order, the same values to ~1e-16
            _matmul(w.S[self.W], w.V[self.x.idx], w.V[self.out])
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
        pw = _ParamGrad(self.W, nparams)
        self.pw = pw if len(pw.params) else None
        self.pstart = _sink(self.start, grad_of, touched, nparams)
        self.px = _sink(self.x, grad_of, touched, nparams)

    def backward(self, w: _Work) -> None:
        g = w.G[self.out]
        if self.pw is not None:  # sums over the lanes as a matrix product: only the order differs
            self.pw.add(w, _matmul(g, w.V[self.x.idx].T))
        if self.pstart is not None:
            self.pstart.send(w, g)
        if self.px is not None:
            self.px.write(w, _matmul, w.S[self.W].T, g)


class _Mul(_Group):
    """a * b."""

    def __init__(self, out: slice, a: _Operand, b: _Operand):
        self.out, self.a, self.b = out, a, b
        self.sinks: list[Sink] = []

    def forward(self, w: _Work) -> None:
        np.multiply(self.a.get(w), self.b.get(w), out=w.V[self.out])

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [_sink(op, grad_of, touched, nparams) for op in (self.a, self.b)]

    def backward(self, w: _Work) -> None:
        g = w.G[self.out]
        for s, other in zip(self.sinks, (self.b, self.a)):
            if s is not None:
                s.write(w, np.multiply, other.get(w), g)


class _Unary(_Group):
    """tanh, ReLU, sigmoid, exp, log or **k, raising the engine's errors for inputs out of the domain."""

    def __init__(self, out: slice, op: str, a: _Operand, k: float):
        self.out, self.op, self.a, self.k = out, op, a, k
        self.sink: Sink = None

    def forward(self, w: _Work) -> None:
        x, out, op = self.a.get(w), w.V[self.out], self.op
        if op == "tanh":
            np.tanh(x, out=out)
        elif op == "ReLU":
            np.maximum(x, 0.0, out=out)
        elif op == "exp":
            np.exp(x, out=out)  # overflow gives inf, as the engine does
        elif op == "sigmoid":
            e = np.exp(-np.abs(x))  # exp(-x) for x >= 0, exp(x) below: the engine's two branches
            d = 1.0 + e
            np.copyto(out, np.where(x >= 0, 1.0 / d, e / d))
        elif op == "log":
            bad = x <= 0
            if bad.any():
                raise ValueError(f"log: the input must be positive, got {x[bad][0]}")
            np.log(x, out=out)
        else:
            k = self.k
            if not k.is_integer() and (x < 0).any():
                raise ValueError(f"pow: a negative base ({x[x < 0][0]}) cannot be raised to the non-integer "
                                 f"power {k:g}")
            if k < 0 and (x == 0).any():
                raise ValueError(f"pow: 0 cannot be raised to the negative power {k:g} (division by zero)")
            np.power(x, k, out=out)

    def local(self, w: _Work) -> np.ndarray:
        """d(out)/d(in) for every lane, by the engine's formulas."""
        t, op = w.V[self.out], self.op
        if op == "tanh":
            return 1 - t * t
        if op == "ReLU":
            return (t > 0).astype(np.float64)
        if op == "exp":
            return t
        if op == "sigmoid":
            return t * (1 - t)
        x = self.a.get(w)
        if op == "log":
            return 1 / x
        d = self.k * x ** (self.k - 1)
        return np.where(x == 0, 0.0, d) if self.k == 0 else d  # x**0 has slope 0, also at 0

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sink = _sink(self.a, grad_of, touched, nparams)

    def backward(self, w: _Work) -> None:
        if self.sink is not None:
            self.sink.write(w, np.multiply, self.local(w), w.G[self.out])


class _Select(_Group):
    """values[target] with each lane's own target; the gradient goes to the picked value only."""

    def __init__(self, out: slice, choices: list[_Operand], node_rows: Sequence[int]):
        self.out = out
        self.nodes = [(row, _Operand([(c.lane, c.ids[j]) for c in choices], node_rows))
                      for j, row in enumerate(range(out.start, out.stop))]
        self.sinks: list[Sink] = []

    def forward(self, w: _Work) -> None:
        for row, values in self.nodes:
            np.choose(w.y, values.get(w), out=w.V[row])

    def plan_backward(self, grad_of: list[bool], touched: set[int], nparams: int) -> None:
        self.sinks = [_sink(values, grad_of, touched, nparams) for _, values in self.nodes]

    def backward(self, w: _Work) -> None:
        for (row, values), s in zip(self.nodes, self.sinks):
            if s is not None:
                s.send(w, np.where(w.masks[:len(values.ids)], w.G[row], 0.0))


class _NegMax(_Select):
    """-max(logits) in every lane: the constant the stable softmax adds (no gradient flows through it)."""

    def forward(self, w: _Work) -> None:
        for row, values in self.nodes:
            np.negative(values.get(w).max(axis=0), out=w.V[row])


# ---- the plan --------------------------------------------------------------------------------------

class Plan:
    """A graph shape compiled once: groups of lane ops in level order, and where every gradient goes."""

    def __init__(self, key: PlanKey):
        self.key = key
        t = _trace(key)
        nodes = t.nodes
        _fold(nodes, _topo_order(nodes))
        order = [i for i in _topo_order(nodes) if not nodes[i].dead]
        for i in order:  # a level: one more than the deepest per-lane input
            n = nodes[i]
            n.level = 0 if not n.ins else 1 + max((nodes[j].level for lane, j in n.ins if lane), default=0)
        _mark_grads(nodes, order, t.root, t.nparams)

        leaves = sorted((i for i in order if nodes[i].op in ("input", "target")),
                        key=lambda i: (nodes[i].op, str(nodes[i].arg)))
        buckets: dict[tuple, list[int]] = {}
        for i in sorted((i for i in order if nodes[i].level > 0), key=lambda i: nodes[i].level):
            buckets.setdefault(self._signature(nodes[i]), []).append(i)
        rows = [-1] * len(nodes)
        for r, i in enumerate([*leaves, *(i for ids in buckets.values() for i in ids)]):
            rows[i] = r
        self.rows = len(leaves) + sum(len(ids) for ids in buckets.values())
        self.nparams, self.consts = t.nparams, np.asarray(t.consts, dtype=np.float64)
        self.inputs = [(rows[i], int(nodes[i].arg)) for i in leaves if nodes[i].op == "input"]  # type: ignore[call-overload]
        self.targets: list[tuple[int, str, int]] = [
            (rows[i], *nodes[i].arg) for i in leaves if nodes[i].op == "target"]  # type: ignore[misc]
        self.layers = [_as_index([rows[i] for i in ids]) for ids in t.layers]
        self.root = rows[t.root] if t.root >= 0 else -1
        self.classes = max(len(t.layers[-1]), 2)

        self.groups = [self._group(nodes, ids, rows) for ids in buckets.values()]
        self.backward_groups = [g for g, ids in zip(self.groups, buckets.values()) if nodes[ids[0]].grad][::-1]
        touched = {self.root}
        for g in self.backward_groups:
            g.plan_backward([n.grad for n in nodes], touched, self.nparams)

    @staticmethod
    def _signature(n: _Node) -> tuple:
        """Nodes that can run as one group: same level, op, kinds of input and (dots) the same xs."""
        kinds = tuple(lane for lane, _ in n.ins)
        if n.op == "dot":
            k = int(n.arg)  # type: ignore[call-overload]
            return (n.level, "dot", k, kinds[0], tuple(j for _, j in n.ins[1 + k:]), n.grad)
        return (n.level, n.op, n.arg, kinds, n.grad)

    def _group(self, nodes: list[_Node], ids: list[int], rows: list[int]) -> _Group:
        n0 = nodes[ids[0]]
        out = _as_index([rows[i] for i in ids])
        assert isinstance(out, slice) and out.step == 1

        def operands(positions: range | list[int]) -> list[_Operand]:
            return [_Operand([nodes[i].ins[p] for i in ids], rows) for p in positions]

        if n0.op == "dot":
            k = int(n0.arg)  # type: ignore[call-overload]
            weights = np.array([[j for _, j in nodes[i].ins[1:1 + k]] for i in ids], dtype=np.intp)
            return _Dot(out, operands([0])[0], weights, _Operand(n0.ins[1 + k:], rows))
        if n0.op == "sum":
            return _Sum(out, operands(range(len(n0.ins))))
        if n0.op == "*":
            a, b = operands([0, 1])
            return _Mul(out, a, b)
        if n0.op == "select":
            return _Select(out, operands(range(len(n0.ins))), rows)
        if n0.op == "negmax":
            return _NegMax(out, operands(range(len(n0.ins))), rows)
        return _Unary(out, n0.op, operands([0])[0], float(n0.arg) if n0.op == "**" else 0.0)  # type: ignore[arg-type]

    def forward(self, w: _Work, theta: np.ndarray, X: np.ndarray, y: np.ndarray | None = None,
                exact: bool = True) -> None:
        w.S[:self.nparams] = theta
        w.exact = exact
        for row, i in self.inputs:
            w.V[row] = X[:, i]
        if y is not None:
            np.copyto(w.y, y)
            np.equal(w.y, np.arange(self.classes)[:, None], out=w.masks)
            for row, name, k in self.targets:  # as losses.target_const
                w.V[row] = np.where(w.masks[1], -1.0, 1.0) if name == "neg_sign" else w.masks[k]
        for g in self.groups:
            g.forward(w)

    def backward(self, w: _Work, seed: float) -> np.ndarray:
        """d(mean loss)/d(theta): seed is each lane's share of the mean, 1/n."""
        w.gtheta[:] = 0.0
        w.G[self.root] = seed
        for g in self.backward_groups:
            g.backward(w)
        return w.gtheta


_PLANS: dict[PlanKey, Plan] = {}
_PLANS_LOCK = threading.Lock()


def plan_for(key: PlanKey) -> Plan:
    """The compiled plan of this graph shape: built once, then shared by every backend."""
    with _PLANS_LOCK:
        plan = _PLANS.get(key)
        if plan is None:
            plan = _PLANS[key] = Plan(key)
        return plan


# ---- the backend -------------------------------------------------------------------------------------

class FastBackend:
    """Loss, gradients, outputs and activations of an MLP for all points at once, from a compiled plan."""

    exact = False  # sums over the points run in numpy's order; the optimizer runs vectorised too

    def __init__(self, model: MLP, loss: str, stable: bool):
        self.model = model
        self.loss_kind = loss
        self.stable = stable
        self._local = threading.local()  # buffers a thread: the GUI may draw maps while it trains

    def plan(self, with_loss: bool = True) -> Plan:
        m = self.model
        sizes = tuple(len(layer.neurons) for layer in m.layers)
        return plan_for((m.nin, sizes, m.act, self.loss_kind if with_loss else None, self.stable and with_loss))

    def _work(self, plan: Plan, n: int) -> _Work:
        cache: dict[tuple[int, int], _Work] | None = getattr(self._local, "cache", None)
        if cache is None:
            cache = self._local.cache = {}
        w = cache.get((id(plan), n))
        if w is None:
            if len(cache) >= 8:  # batch sizes come and go as points are edited
                cache.clear()
            w = cache[(id(plan), n)] = _Work(plan, n)
        return w

    @staticmethod
    def _theta(plan: Plan, theta: np.ndarray) -> np.ndarray:
        theta = np.asarray(theta, dtype=np.float64)
        if theta.shape != (plan.nparams,):
            raise ValueError(f"expected {plan.nparams} parameters, got {theta.size}")
        return theta

    def _forward_loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> tuple[Plan, _Work, float]:
        plan = self.plan()
        theta = self._theta(plan, theta)
        n = len(y)
        scale = 1.0 / n
        w = self._work(plan, n)
        with np.errstate(all="ignore"):
            plan.forward(w, theta, np.asarray(X, dtype=np.float64).reshape(n, -1), np.asarray(y))
        # the mean loss is (0 + l_1 + ... + l_n) * (1.0 / n): accumulate adds in that order
        return plan, w, float(np.add.accumulate(w.V[plan.root])[-1]) * scale

    def loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> float:
        return self._forward_loss(theta, X, y)[2]

    def loss_and_grad(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray, l2: float = 0.0
                      ) -> tuple[float, np.ndarray]:
        plan, w, loss = self._forward_loss(theta, X, y)
        with np.errstate(all="ignore"):
            grad = plan.backward(w, 1.0 / len(y)).copy()
            if l2:
                # the engine's l2 * (0 + p0*p0 + p1*p1 + ...); each p*p node sends p*l2 back twice
                loss = loss + float(np.add.accumulate(theta * theta)[-1]) * l2
                grad += 2.0 * l2 * theta
        return loss, grad

    # ---- forward only: outputs, activations and maps, in chunks -----------------------------------
    def _chunks(self, theta: np.ndarray, X: np.ndarray, exact: bool) -> Iterator[tuple[slice, Plan, _Work]]:
        plan = self.plan(with_loss=False)
        theta = self._theta(plan, theta)
        X = np.asarray(X, dtype=np.float64).reshape(-1, self.model.nin)
        n = len(X)
        size = -(-n // -(-n // MAP_CHUNK)) if n else 1  # equal chunks: at most two buffer sizes
        with np.errstate(all="ignore"):
            for a in range(0, n, size):
                b = min(a + size, n)
                w = self._work(plan, b - a)
                plan.forward(w, theta, X[a:b], exact=exact)
                yield slice(a, b), plan, w

    def _count(self, X: np.ndarray) -> int:
        return int(np.size(X)) // self.model.nin

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
