"""Neuron, Layer, MLP: fully connected layers of Values, initialised from the app's RNG."""

from __future__ import annotations

from collections.abc import Sequence

from .engine import Value
from .names import bias_name, input_name, neuron_name, weight_name
from .rng import RNG

ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")


def activate(x: Value, act: str) -> Value:
    if act == "tanh":
        return x.tanh()
    if act == "relu":
        return x.relu()
    if act == "sigmoid":
        return x.sigmoid()
    if act == "linear":
        return x
    raise ValueError(f"unknown activation '{act}'; choose one of {', '.join(ACTIVATIONS)}")


class Module:
    """Something with parameters (micrograd's nn.Module)."""

    def parameters(self) -> list[Value]:
        return []

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0


class Neuron(Module):
    """act(b + w0*x0 + w1*x1 + ...), summed left to right starting from the bias."""

    def __init__(self, nin: int, rng: RNG, act: str = "tanh", init_scale: float | None = None,
                 layer: int = 0, index: int = 0):
        # LLM101n scales by nin**-0.5; micrograd's nn.py uses scale 1 (init_scale=1.0)
        scale = nin**-0.5 if init_scale is None else init_scale
        self.w = [Value(rng.uniform(-1, 1) * scale, label=weight_name(layer, index, i), role="parameter")
                  for i in range(nin)]
        self.b = Value(0, label=bias_name(layer, index), role="parameter")
        self.act = act

    def __call__(self, x: Sequence[Value | float]) -> Value:
        a = self.b
        for wi, xi in zip(self.w, x):
            a = a + wi * xi
        return activate(a, self.act)

    def parameters(self) -> list[Value]:
        return self.w + [self.b]

    def __repr__(self) -> str:
        return f"{self.act.capitalize()}Neuron({len(self.w)})"


class Layer(Module):
    """A row of neurons on the same inputs; always returns a list, also for one neuron."""

    def __init__(self, nin: int, nout: int, rng: RNG, act: str = "tanh", init_scale: float | None = None,
                 index: int = 0):
        self.neurons = [Neuron(nin, rng, act, init_scale, index, j) for j in range(nout)]

    def __call__(self, x: Sequence[Value | float]) -> list[Value]:
        return [n(x) for n in self.neurons]

    def parameters(self) -> list[Value]:
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self) -> str:
        return f"Layer of [{', '.join(str(n) for n in self.neurons)}]"


class MLP(Module):
    """MLP(nin, [h1, ..., nout]): hidden layers use `act`, the output layer is linear."""

    def __init__(self, nin: int, nouts: Sequence[int], rng: RNG, act: str = "tanh",
                 init_scale: float | None = None):
        if act not in ACTIVATIONS:
            raise ValueError(f"unknown activation '{act}'; choose one of {', '.join(ACTIVATIONS)}")
        sz = [nin, *nouts]
        self.nin = nin
        self.sizes = tuple(nouts)
        self.act = act
        self.layers = [Layer(sz[i], sz[i + 1], rng, act if i != len(nouts) - 1 else "linear", init_scale, i)
                       for i in range(len(nouts))]

    def __call__(self, x: Sequence[Value | float]) -> list[Value]:
        out: Sequence[Value | float] = x
        last = len(self.layers) - 1
        for i, layer in enumerate(self.layers):
            out = layer(out)
            for j, v in enumerate(out):  # names the graph view shows and groups neurons by
                v.label = neuron_name(i, j, output=i == last)
        return list(out)  # type: ignore[arg-type]

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for p in layer.parameters()]

    def get_flat(self) -> list[float]:
        return [float(p.data) for p in self.parameters()]

    def set_flat(self, values: Sequence[float]) -> None:
        params = self.parameters()
        if len(values) != len(params):
            raise ValueError(f"expected {len(params)} parameter values, got {len(values)}")
        for p, v in zip(params, values):
            p.data = float(v)

    def __repr__(self) -> str:
        return f"MLP of [{', '.join(str(layer) for layer in self.layers)}]"


def input_values(x: float, y: float) -> list[Value]:
    """A point's coordinates as the two input nodes every first-layer neuron shares."""
    return [Value(x, label=input_name(0), role="input"), Value(y, label=input_name(1), role="input")]
