"""A scalar autograd engine in the style of karpathy/micrograd, without recursion or closures."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

Number = int | float
CHECK_EVERY = 1 << 16  # nodes between two calls of a walk's `check` (an eager step's cancellation, ~10 ms apart)


def _pow(x: Number, k: Number) -> float:
    """x**k, or a signed infinity where Python raises OverflowError (as exp and * give inf)."""
    try:
        return x**k
    except OverflowError:
        negative = x < 0 and float(k).is_integer() and int(k) % 2 == 1
        return -math.inf if negative else math.inf


class Value:
    """One scalar, its gradient, and the op and ordered inputs that produced it."""

    # Each node keeps the local derivative d(out)/d(input) for every input, computed in the forward
    # pass with exactly micrograd's float expressions, so backward() is one loop with no closures.
    __slots__ = ("data", "grad", "_prev", "_local", "_op", "label", "role", "__weakref__")
    _children: tuple[Value, ...]  # the `_prev` slot under karpathy's name for the inputs (set below the class)

    def __init__(self, data: Number, _prev: tuple[Value, ...] = (), _op: str = "", label: str = "",
                 _local: tuple[Number, ...] = (), role: str = ""):
        self.data = data
        self.grad: Number = 0
        self._prev = _prev
        self._local = _local
        self._op = _op
        self.label = label
        self.role = role  # "" (decided by the graph tracer), "input", "parameter" or "constant"

    # ---- binary ops ---------------------------------------------------------------------------
    def __add__(self, other: Value | Number) -> Value:
        other = other if isinstance(other, Value) else Value(other, role="constant")
        return Value(self.data + other.data, (self, other), "+", _local=(1.0, 1.0))

    def __mul__(self, other: Value | Number) -> Value:
        other = other if isinstance(other, Value) else Value(other, role="constant")
        return Value(self.data * other.data, (self, other), "*", _local=(other.data, self.data))

    def __pow__(self, k: Number) -> Value:
        if isinstance(k, bool) or not isinstance(k, (int, float)):
            raise TypeError(f"pow: the exponent must be an int or float, got {type(k).__name__}")
        x = self.data
        if x < 0 and not float(k).is_integer():
            raise ValueError(f"pow: a negative base ({x}) cannot be raised to the non-integer power {k}")
        if x == 0 and k < 0:
            raise ValueError(f"pow: 0 cannot be raised to the negative power {k} (division by zero)")
        if x == 0 and k < 1:
            # 0**0 is 1 with slope 0 (as PyTorch); for 0 < k < 1 the slope at 0 is infinite
            return Value(x**k, (self,), f"**{k}", _local=(0.0 if k == 0 else math.inf,))
        return Value(_pow(x, k), (self,), f"**{k}", _local=(k * _pow(x, k - 1),))

    # ---- unary ops ----------------------------------------------------------------------------
    def relu(self) -> Value:
        x = self.data
        out = 0.0 if x < 0 else x
        return Value(out, (self,), "ReLU", _local=(1.0 if out > 0 else 0.0,))

    def tanh(self) -> Value:
        t = math.tanh(self.data)
        return Value(t, (self,), "tanh", _local=(1 - t**2,))

    def sigmoid(self) -> Value:
        x = self.data
        if x >= 0:
            s = 1.0 / (1.0 + math.exp(-x))
        else:
            e = math.exp(x)
            s = e / (1.0 + e)
        return Value(s, (self,), "sigmoid", _local=(s * (1 - s),))

    def exp(self) -> Value:
        try:
            e = math.exp(self.data)
        except OverflowError:
            e = math.inf  # as PyTorch does; the trainer reports the run as diverged
        return Value(e, (self,), "exp", _local=(e,))

    def sin(self) -> Value:
        x = self.data
        if not math.isfinite(x):
            raise ValueError(f"sin: the input must be a finite number, got {x}")
        return Value(math.sin(x), (self,), "sin", _local=(math.cos(x),))

    def log(self) -> Value:
        x = self.data
        if x <= 0:
            raise ValueError(f"log: the input must be positive, got {x}")
        return Value(math.log(x), (self,), "log", _local=(1 / x,))

    # ---- the rest, composed as micrograd composes them (the float results depend on it) ------
    def __neg__(self) -> Value:
        return self * -1.0

    def __radd__(self, other: Number) -> Value:
        return self + other

    def __sub__(self, other: Value | Number) -> Value:
        return self + (-other)

    def __rsub__(self, other: Number) -> Value:
        return other + (-self)

    def __rmul__(self, other: Number) -> Value:
        return self * other

    def __truediv__(self, other: Value | Number) -> Value:
        if not isinstance(other, Value) and other == 0:
            raise ValueError("division: cannot divide by zero")
        return self * other**-1

    def __rtruediv__(self, other: Number) -> Value:
        return other * self**-1

    # ---- autograd -----------------------------------------------------------------------------
    def topo(self, check: Callable[[], None] | None = None) -> list[Value]:
        """Every node this one depends on, inputs before outputs, in micrograd's DFS order; `check` is called
        every CHECK_EVERY nodes (it may raise to abandon the walk)."""
        order: list[Value] = []
        visited = {self}
        # _children, the same slot as _prev: also the drop-in Value's inputs in call order (its _prev is a set)
        stack: list[tuple[Value, Iterator[Value]]] = [(self, iter(self._children))]
        while stack:
            node, children = stack[-1]
            for child in children:
                if child not in visited:
                    visited.add(child)
                    stack.append((child, iter(child._children)))
                    break
            else:
                stack.pop()
                order.append(node)
                if check is not None and not len(order) % CHECK_EVERY:
                    check()
        return order

    def backward(self) -> None:
        """Accumulate d(self)/d(node) into every node's grad (grads add up, as in micrograd)."""
        self.grad = 1
        for v in reversed(self.topo()):
            g = v.grad
            for child, d in zip(v._prev, v._local):
                child.grad += d * g

    def __repr__(self) -> str:
        return f"Value(data={self.data}, grad={self.grad})"


def checked_backward(root: Value, check: Callable[[], None]) -> None:
    """root.backward(), calling `check` every CHECK_EVERY nodes: it may raise to abandon the pass (the eager engine's
    cancellation; the grads are then partial). The same sums in the same order: the same grads to the last digit."""
    root.grad = 1
    order = root.topo(check)
    for end in range(len(order), 0, -CHECK_EVERY):  # in chunks, last node first
        check()
        for v in reversed(order[max(0, end - CHECK_EVERY):end]):
            g = v.grad
            for child, d in zip(v._prev, v._local):
                child.grad += d * g


# `_children` reads and writes the very slot `_prev` does, at the same speed: the inputs in call order, repeats
# kept. The graph tracer reads it because micrograd_gui.micrograd's drop-in Value shows `_prev` as a set.
Value._children = Value.__dict__["_prev"]
