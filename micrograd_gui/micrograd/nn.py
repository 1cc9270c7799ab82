"""micrograd.nn's Module, Neuron, Layer and MLP: its signatures, defaults and draws from Python's `random`."""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import Any

from .engine import Value

Output = Value | list[Value]


class Module:
    """Something with parameters (PyTorch's nn.Module, reduced to what the lessons use)."""

    def zero_grad(self) -> None:
        for p in self.parameters():
            p.grad = 0

    def parameters(self) -> list[Value]:
        return []


class Neuron(Module):
    """relu(b + w0*x0 + w1*x1 + ...) or, with nonlin=False, the linear sum; weights uniform in [-1, 1], bias 0."""

    def __init__(self, nin: int, nonlin: bool = True):
        # random.uniform at call time: random.seed(...) before building a model reproduces it, as in the demo
        self.w = [Value(random.uniform(-1, 1), role="parameter") for _ in range(nin)]
        self.b = Value(0, role="parameter")
        self.nonlin = nonlin

    def __call__(self, x: Sequence[Value | float]) -> Value:
        act = self.b  # summed from the bias, left to right: the float result depends on the order
        for wi, xi in zip(self.w, x):
            act = act + wi * xi
        return act.relu() if self.nonlin else act

    def parameters(self) -> list[Value]:
        return [*self.w, self.b]

    def __repr__(self) -> str:
        return f"{'ReLU' if self.nonlin else 'Linear'}Neuron({len(self.w)})"


class Layer(Module):
    """nout neurons on the same inputs; one neuron's output comes back as a Value, not a list."""

    def __init__(self, nin: int, nout: int, **kwargs: Any):
        self.neurons = [Neuron(nin, **kwargs) for _ in range(nout)]

    def __call__(self, x: Sequence[Value | float]) -> Output:
        out = [n(x) for n in self.neurons]
        return out[0] if len(out) == 1 else out

    def parameters(self) -> list[Value]:
        return [p for n in self.neurons for p in n.parameters()]

    def __repr__(self) -> str:
        return f"Layer of [{', '.join(map(str, self.neurons))}]"


class MLP(Module):
    """MLP(nin, [h1, ..., nout]): relu hidden layers and a linear last layer."""

    def __init__(self, nin: int, nouts: Sequence[int]):
        sizes = [nin, *nouts]
        last = len(nouts) - 1
        self.layers = [Layer(sizes[i], sizes[i + 1], nonlin=i != last) for i in range(len(nouts))]

    def __call__(self, x: Sequence[Value | float] | Output) -> Output:
        for layer in self.layers:
            x = layer(x)  # type: ignore[arg-type]
        return x  # type: ignore[return-value]

    def parameters(self) -> list[Value]:
        return [p for layer in self.layers for p in layer.parameters()]

    def __repr__(self) -> str:
        return f"MLP of [{', '.join(map(str, self.layers))}]"
