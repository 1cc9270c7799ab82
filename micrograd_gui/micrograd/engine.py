"""Value with karpathy/micrograd's object model (`_backward`, a set `_prev`, free attributes) on the app's engine."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from micrograd_gui.core import engine as core

Number = core.Number


def _lift(x: core.Value | Number) -> core.Value:
    """A number as a constant node of the drop-in kind, so that every node of a graph has `_backward`."""
    return x if isinstance(x, core.Value) else Value(x, role="constant")


def _adopt(out: core.Value) -> Value:
    """The core op's result as a drop-in Value: the same number, inputs and local derivatives."""
    return Value(out.data, out._children, out._op, _local=out._local)


class Value(core.Value):
    """micrograd's `Value(data, _children=(), _op='', label='')`, computing exactly as the app's engine does."""

    # No __slots__ here, so instances get a __dict__: lesson code hangs its own state on Values (Adam's
    # p.m and p.v, a graph colour, a custom op's `out._backward`).

    def __init__(self, data: Number, _children: Iterable[core.Value] = (), _op: str = "", label: str = "",
                 _local: tuple[Number, ...] = (), role: str = "", *, _prev: Iterable[core.Value] | None = None):
        # `_prev=` is LLM101n's name for the inputs; micrograd's is `_children=`
        super().__init__(data, tuple(_children if _prev is None else _prev), _op, label, tuple(_local), role)

    # ---- micrograd's attributes ----------------------------------------------------------------
    # The inputs live in the core's slot, in call order with repeats, read as `_children` (by backward and
    # by the graph tracer); `_prev` shows them as the set micrograd keeps, which lesson code walks to sort
    # and draw the graph.
    @property  # type: ignore[override]  # a set where the core keeps a tuple, as micrograd has it
    def _prev(self) -> set[core.Value]:
        """The inputs as a set, as in micrograd (a new set each time: replace it whole to change the inputs)."""
        return set(self._children)

    @_prev.setter
    def _prev(self, children: Iterable[core.Value]) -> None:
        self._children = tuple(children)

    def _backward(self) -> None:
        """This node's own chain-rule step: each input's grad += d(self)/d(input) * self.grad.

        Lesson code may replace it per node (`out._backward = fn`): the instance attribute then wins.
        A node made by hand with no local derivatives (a custom op) passes nothing on until it is replaced.
        """
        g = self.grad
        for child, d in zip(self._children, self._local):
            child.grad += d * g  # the product micrograd's closures compute, e.g. other.data * out.grad

    # ---- autograd: the core's topo(), which walks _children in call order, without recursion ------
    def backward(self) -> None:
        """Sort the graph, set this node's grad to 1, then run every node's `_backward`, built-in or the user's."""
        order = cast(list[Value], self.topo())  # every node of a drop-in graph is drop-in
        self.grad = 1
        for v in reversed(order):
            v._backward()

    # ---- the primitive ops: the core computes, the result becomes a drop-in Value ----------------
    # (The composite ops, - / neg radd rmul rsub rtruediv, are the core's: they call these.)
    def __add__(self, other: core.Value | Number) -> Value:
        return _adopt(super().__add__(_lift(other)))

    def __mul__(self, other: core.Value | Number) -> Value:
        return _adopt(super().__mul__(_lift(other)))

    def __pow__(self, k: Number) -> Value:
        return _adopt(super().__pow__(k))

    def relu(self) -> Value:
        return _adopt(super().relu())

    def tanh(self) -> Value:
        return _adopt(super().tanh())

    def sigmoid(self) -> Value:
        return _adopt(super().sigmoid())

    def exp(self) -> Value:
        return _adopt(super().exp())

    def sin(self) -> Value:
        return _adopt(super().sin())

    def log(self) -> Value:
        return _adopt(super().log())
