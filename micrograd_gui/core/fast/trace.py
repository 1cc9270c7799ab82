"""One point's loss built by the real Value code (MLP, point_loss), turned into lane nodes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from micrograd_gui.core.engine import Value
from micrograd_gui.core.features import feature_values
from micrograd_gui.core.losses import point_loss
from micrograd_gui.core.names import input_name
from micrograd_gui.core.nn import MLP, input_values
from micrograd_gui.core.rng import RNG

# A plan's shape: inputs, layer sizes, hidden activation, loss kind (None: forward only), stable softmax, and the
# feature inputs built from a point's x0 and x1 (core.features; None: the nin inputs fed as they are)
PlanKey = tuple[int, tuple[int, ...], str, str | None, bool, tuple[str, ...] | None]
Ref = tuple[bool, int]  # (True, lane node id) or (False, shared index: theta first, then the constants)

UNARY = ("tanh", "ReLU", "sigmoid", "exp", "log", "sin")


class LaneTarget:
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
class Node:
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
class Traced:
    nodes: list[Node]
    consts: list[float]
    layers: list[list[int]]  # node ids of every neuron's activation, layer by layer
    root: int  # the loss node, or -1
    nparams: int
    owner: list[tuple[int, int]]  # (layer, neuron) of every parameter, in theta's order


def _model(key: PlanKey) -> tuple[MLP, list[Value], list[Value]]:
    """The model at a neutral point, the first layer's inputs, and the input nodes they are built from."""
    nin, sizes, act, _, _, features = key
    model = MLP(nin, list(sizes), RNG(1), act)
    model.set_flat([0.0] * len(model.parameters()))  # a neutral point: no log(0) or overflow while tracing
    if features is not None:  # the features are lane nodes, computed from the inputs by the same Value ops
        raw = input_values(0.0, 0.0)
        return model, feature_values(raw, features), raw
    xs = input_values(0.0, 0.0) if nin == 2 else [Value(0.0, label=input_name(i), role="input") for i in range(nin)]
    return model, xs, xs


def _owners(model: MLP) -> list[tuple[int, int]]:
    return [(l, j) for l, layer in enumerate(model.layers) for j, n in enumerate(layer.neurons)
            for _ in n.parameters()]


def trace(key: PlanKey) -> Traced:
    """Build one point's graph with the real MLP and loss code, and turn it into lane nodes."""
    loss, stable = key[3], key[4]
    model, xs, raw = _model(key)
    params = model.parameters()
    layers, h = [], xs
    for layer in model.layers:
        h = layer(h)
        layers.append(h)
    target = LaneTarget()
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
    input_index = {id(x): i for i, x in enumerate(raw)}
    nodes: list[Node] = []
    const_index: dict[str, int] = {}
    consts: list[float] = []
    ref: dict[int, Ref] = {}

    def lane(node: Node) -> Ref:
        nodes.append(node)
        return (True, len(nodes) - 1)

    negmax: Ref | None = None
    for v in topo:
        i = id(v)
        if i in param_index:
            ref[i] = (False, param_index[i])
        elif i in input_index:
            ref[i] = lane(Node("input", [], input_index[i]))
        elif i in target.consts:
            ref[i] = lane(Node("target", [], target.consts[i]))
        elif i in shifts:
            if negmax is None:  # its inputs are set below: not every logit is traced yet
                negmax = lane(Node("negmax", []))
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
            ref[i] = lane(Node(op, [ref[id(c)] for c in v._prev], arg))
    if negmax is not None:
        nodes[negmax[1]].ins = [ref[id(z)] for z in layers[-1]]
    for v in roots:
        nodes[ref[id(v)][1]].pinned = True
    return Traced(nodes, consts, [[ref[id(v)][1] for v in out] for out in layers],
                  ref[id(roots[-1])][1] if loss is not None else -1, len(params), _owners(model))


def consumer_orders(key: PlanKey, classes: int) -> dict[int, list[list[int]]]:
    """For each layer l >= 1 and each target class: the neurons of layer l in the order backward() adds
    their contributions to the gradient of a layer l-1 activation (micrograd's reverse DFS order).

    With three or more terms the order changes the rounding, and for the output layer it depends on the
    target (the DFS reaches the target's logit first), so the fast engine reads it off the real graph."""
    loss, stable = key[3], key[4]
    orders: dict[int, list[list[int]]] = {}
    if loss is None:
        return orders
    for c in range(classes):
        model, xs, _ = _model(key)
        owner = {id(p): k for layer in model.layers for k, n in enumerate(layer.neurons) for p in n.w}
        acts, h = [], xs
        for layer in model.layers:
            h = layer(h)
            acts.append(h)
        consumers: dict[int, list[Value]] = {}
        for v in reversed(point_loss(loss, acts[-1], c, stable).topo()):
            for child in v._prev:
                consumers.setdefault(id(child), []).append(v)
        for l in range(1, len(model.layers)):
            seqs = {tuple(owner[id(p)] for v in consumers.get(id(a), []) for p in v._prev if id(p) in owner)
                    for a in acts[l - 1]}
            if len(seqs) != 1:
                raise RuntimeError(f"fast engine: layer {l} sends gradients back in more than one order")
            orders.setdefault(l, []).append(list(seqs.pop()))
    return orders
