"""micrograd_gui.micrograd.engine: lesson code written for karpathy/micrograd runs with only its import changed.

The patterns are the lecture's: a Value made with `_children=` and `_op=`, custom ops that assign
`out._backward`, backward by hand node by node, a hand-written `build_topo`, attributes hung on Values.
"""

from __future__ import annotations

import math

import pytest
import torch

from micrograd_gui.core.engine import Value as CoreValue
from micrograd_gui.core.graph.trace import trace
from micrograd_gui.micrograd.engine import Value

F64 = torch.float64
B = 6.8813735870195432  # the lecture's bias: makes n = 0.8813..., so o = tanh(n) = 1/sqrt(2)


def lecture_neuron(cls=Value):
    """The lecture's 2-input neuron, o = tanh(x1*w1 + x2*w2 + b), with every intermediate named."""
    x1, x2 = cls(2.0, label="x1"), cls(0.0, label="x2")
    w1, w2 = cls(-3.0, label="w1"), cls(1.0, label="w2")
    b = cls(B, label="b")
    x1w1 = x1 * w1
    x1w1.label = "x1*w1"
    x2w2 = x2 * w2
    x2w2.label = "x2*w2"
    x1w1x2w2 = x1w1 + x2w2
    x1w1x2w2.label = "x1*w1 + x2*w2"
    n = x1w1x2w2 + b
    n.label = "n"
    o = n.tanh()
    o.label = "o"
    return {v.label: v for v in (x1, x2, w1, w2, b, x1w1, x2w2, x1w1x2w2, n, o)}


def torch_neuron_grads() -> dict[str, float]:
    leaves = {k: torch.tensor(x, dtype=F64, requires_grad=True)
              for k, x in (("x1", 2.0), ("x2", 0.0), ("w1", -3.0), ("w2", 1.0), ("b", B))}
    o = torch.tanh(leaves["x1"] * leaves["w1"] + leaves["x2"] * leaves["w2"] + leaves["b"])
    o.backward()
    return {k: t.grad.item() for k, t in leaves.items()}  # type: ignore[union-attr]


def assert_lecture_grads(v: dict[str, Value]) -> None:
    # the lecture's figures (it prints them rounded), then PyTorch float64 to rounding
    want = {"x1": -1.5, "w1": 1.0, "x2": 0.5, "w2": 0.0}
    for k, g in want.items():
        assert math.isclose(v[k].grad, g, abs_tol=1e-12), (k, v[k].grad)
    for k, g in torch_neuron_grads().items():
        assert math.isclose(v[k].grad, g, rel_tol=1e-12, abs_tol=1e-15), (k, v[k].grad, g)
    assert math.isclose(v["o"].data, 2**-0.5, rel_tol=1e-15)


# ---- the object model ------------------------------------------------------------------------------

def test_the_constructor_takes_micrograds_arguments_by_name_and_position():
    a, b = Value(2.0, label="a"), Value(-3.0)
    by_name = Value(-6.0, _children=(a, b), _op="*", label="e")
    by_position = Value(-6.0, (a, b), "*", "e")
    llm101n = Value(-6.0, _prev=(a, b), _op="*")  # LLM101n's micrograd.py calls the inputs _prev
    for v in (by_name, by_position, llm101n):
        assert v.data == -6.0 and v.grad == 0 and v._op == "*" and v._prev == {a, b}
    assert (a.label, b.label, by_name.label, by_position.label) == ("a", "", "e", "e")
    assert repr(a) == "Value(data=2.0, grad=0)"


def test_prev_is_a_set_as_in_micrograd_and_children_keeps_the_call_order():
    a, b, c = Value(2.0), Value(-3.0), Value(10.0)
    e = a * b
    d = e + c
    # the lecture prints d._prev and d._op to show where d came from
    assert type(d._prev) is set and d._prev == {e, c} and d._op == "+"
    twice = a + a
    assert twice._prev == {a} and twice._children == (a, a)  # a set has room for one a; the edges for two
    twice.backward()
    assert a.grad == 2.0
    # a leaf has no inputs; the set can be replaced as a whole, as micrograd's attribute can
    assert a._prev == set() and a._children == ()
    d._prev = {e}
    assert d._children == (e,)


def test_values_take_attributes_of_their_own():
    p = Value(0.5)
    p.m, p.v = 0.0, 0.0  # LLM101n's AdamW keeps its moments on the parameters
    p._vis_color = "lightgreen"  # and its graphviz helper colours nodes this way
    assert (p.m, p.v, p._vis_color) == (0.0, 0.0, "lightgreen")
    out = p * 2  # the result of an op is the drop-in kind too
    out.note = "made by *"
    assert out.note == "made by *" and isinstance(out, Value)


def test_every_op_returns_a_drop_in_value_and_wraps_numbers_as_drop_in_constants():
    a = Value(1.5)
    results = [a + 1, 1 + a, a - 1, 1 - a, a * 2, 2 * a, a / 2, 2 / a, -a, a**2, a.relu(), a.tanh(), a.exp(),
               a.log(), a.sigmoid(), a.sin()]
    for r in results:
        assert type(r) is Value
        # numbers became constants of the same kind, so a hand-written loop may call _backward on every node
        for node in r.topo():
            assert type(node) is Value and callable(node._backward)
    assert [r._op for r in results[:2]] == ["+", "+"] and results[9]._op == "**2" and results[10]._op == "ReLU"


def test_engine_errors_are_the_app_engines():
    with pytest.raises(ValueError, match="log"):
        Value(0.0).log()
    with pytest.raises(ValueError, match="pow"):
        Value(-2.0) ** 0.5
    with pytest.raises(TypeError, match="exponent"):
        Value(2.0) ** Value(2.0)  # micrograd supports number exponents only, too


# ---- backward the lecture's ways -------------------------------------------------------------------

def test_backward_on_the_lecture_neuron():
    v = lecture_neuron()
    v["o"].backward()
    assert_lecture_grads(v)
    assert v["o"].grad == 1


def test_manual_backward_node_by_node_as_in_the_lecture():
    v = lecture_neuron()
    v["o"].grad = 1.0
    # the lecture calls each node's _backward itself, from the output back to the leaves
    for name in ("o", "n", "b", "x1*w1 + x2*w2", "x2*w2", "x1*w1"):
        v[name]._backward()
    assert_lecture_grads(v)
    assert math.isclose(v["n"].grad, 0.5, abs_tol=1e-12)
    # a leaf's _backward is there and does nothing, as micrograd's `lambda: None`
    before = {k: x.grad for k, x in v.items()}
    for name in ("x1", "x2", "w1", "w2", "b"):
        v[name]._backward()
    assert {k: x.grad for k, x in v.items()} == before


def test_hand_written_build_topo_loop_gives_backwards_numbers():
    v = lecture_neuron()
    o = v["o"]
    topo: list[Value] = []
    visited: set[Value] = set()

    def build_topo(node: Value) -> None:  # the lecture's, recursion and all
        if node not in visited:
            visited.add(node)
            for child in node._prev:
                build_topo(child)
            topo.append(node)

    build_topo(o)
    o.grad = 1.0
    for node in reversed(topo):
        node._backward()
    assert_lecture_grads(v)
    w = lecture_neuron()
    w["o"].backward()
    assert {k: x.grad for k, x in v.items()} == {k: x.grad for k, x in w.items()}


def exp(x: Value) -> Value:
    """A lesson's own op, the lecture's way: a node made with _children= and a closure in out._backward."""
    out = Value(math.exp(x.data), _children=(x,), _op="exp")

    def _backward():
        x.grad += out.data * out.grad

    out._backward = _backward
    return out


class LessonValue(Value):
    """A lesson's subclass adding an op; like micrograd's, the built-in ops on it return base Values."""

    def cube(self):
        out = LessonValue(self.data**3, _children=(self,), _op="cube")

        def _backward():
            self.grad += 3 * self.data**2 * out.grad

        out._backward = _backward
        return out


def test_a_custom_op_takes_part_in_backward():
    # the lecture's second neuron: tanh spelled out as (e - 1) / (e + 1) with e = exp(2n)
    v = lecture_neuron()
    e = exp(2 * v["n"])
    o = (e - 1) / (e + 1)
    o.backward()
    assert math.isclose(o.data, 2**-0.5, rel_tol=1e-14)
    assert_lecture_grads(v | {"o": o})


def test_a_custom_op_on_a_subclass_takes_part_in_backward():
    a = LessonValue(2.0)
    c = a.cube() * 2 + 1  # d/da (2 a**3 + 1) = 6 a**2
    c.backward()
    assert (c.data, a.grad) == (17.0, 24.0)
    assert type(a.cube()) is LessonValue and type(a * 2) is Value


def test_a_user_set_backward_replaces_a_built_in_one():
    a, b = Value(3.0), Value(4.0)
    out = a * b
    out._backward = lambda: setattr(a, "grad", a.grad + 100 * out.grad)  # a wrong rule, honoured as written
    out.backward()
    assert (a.grad, b.grad) == (100.0, 0)


def test_a_node_made_by_hand_without_backward_passes_nothing_on():
    a = Value(2.0)
    out = Value(a.data * 5, (a,), "scale")  # the lesson forgot out._backward: micrograd gives a.grad == 0
    (out * 1.0).backward()
    assert a.grad == 0 and out.grad == 1.0


def test_a_deep_chain_needs_no_recursion():
    x = Value(1.0)
    y = x
    for _ in range(100_000):
        y = y * 1.0
    y.backward()
    assert x.grad == 1.0


# ---- the same numbers as the app's engine, and a graph its tracer draws ----------------------------

def lesson_expression(cls):
    a, b = cls(-4.0, label="a"), cls(2.0, label="b")
    c = a + b
    d = a * b + b**3
    e = (c - d).tanh() + (a / b).sigmoid() + (b * b).exp().log() + (c + c).relu() - 3 / (b + 5)
    return e, (a, b)


def test_numbers_and_graph_equal_the_app_engines():
    ours, (a, b) = lesson_expression(Value)
    core, (ca, cb) = lesson_expression(CoreValue)
    ours.backward()
    core.backward()
    assert (ours.data, a.grad, b.grad) == (core.data, ca.grad, cb.grad)
    # the tracer (and the app's graph view behind it) sees the same nodes, edges and local derivatives
    assert trace(ours) == trace(core)


def test_the_tracer_draws_a_graph_with_a_custom_op():
    a = LessonValue(1.5, label="a")
    c = a.cube() + a
    c.backward()
    g = trace(c)
    assert [n.op for n in g.nodes] == ["", "cube", "+"]
    assert g.edges == ((0, 1), (1, 2), (0, 2))
    assert g.nodes[0].role == "input" and g.nodes[0].grad == 3 * 1.5**2 + 1
    assert math.isnan(g.local[0]) and g.local[1:] == (1.0, 1.0)  # cube's slope lives in its closure only
