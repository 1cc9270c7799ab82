"""The Scratchpad core against PyTorch float64: the examples, hand-written programs and random whitelisted ones
(values and every leaf's gradient), node counts, labels and roles, sliders, and finite differences."""

from __future__ import annotations

import contextlib
import math
import pickle
from collections.abc import Callable, Iterator

import pytest
import torch
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from micrograd_gui.core.engine import Value
from micrograd_gui.core.graph.svg import to_svg
from micrograd_gui.core.graph.trace import trace
from micrograd_gui.core.scratch import EXAMPLES, MAX_NODES, Leaf, ScratchError, build, numerical_grads, parse

torch.set_num_threads(1)
F64 = torch.float64
Env = dict[str, torch.Tensor]


def tensors(**xs: float) -> Env:
    return {k: torch.tensor(x, dtype=F64, requires_grad=True) for k, x in xs.items()}


def assert_matches_torch(text: str, leaves: Env, torch_root: Callable[[Env], torch.Tensor],
                         rel: float = 1e-10, abs_: float = 1e-12) -> None:
    built = build(parse(text))
    want = torch_root(leaves)
    want.backward()
    assert math.isclose(built.root.data, want.item(), rel_tol=rel, abs_tol=abs_), (built.root.data, want.item())
    for name, t in leaves.items():
        grad = 0.0 if t.grad is None else t.grad.item()
        assert math.isclose(built.leaves[name].grad, grad, rel_tol=rel, abs_tol=abs_), (name, built.leaves[name].grad,
                                                                                        grad)


@contextlib.contextmanager
def counting_values() -> Iterator[list[int]]:
    """Counts the Values created inside the block."""
    made = [0]
    init = Value.__init__

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        made[0] += 1
        init(self, *args, **kwargs)

    Value.__init__ = counted  # type: ignore[method-assign]
    try:
        yield made
    finally:
        Value.__init__ = init  # type: ignore[method-assign]


NEURON = dict(x1=2.0, x2=0.0, w1=-3.0, w2=1.0, b=6.8813735870195432)


def torch_neuron(t: Env) -> torch.Tensor:
    return torch.tanh(t["x1"] * t["w1"] + t["x2"] * t["w2"] + t["b"])


def torch_tanh_exp(t: Env) -> torch.Tensor:
    e = torch.exp(2 * (t["x1"] * t["w1"] + t["x2"] * t["w2"] + t["b"]))
    return (e - 1) / (e + 1)


# ---- the examples ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize("key,leaves,fn", [
    ("product", dict(a=2.0, b=-3.0), lambda t: t["a"] * t["b"] + t["b"] ** 2),
    ("neuron", NEURON, torch_neuron),
    ("tanh-exp", NEURON, torch_tanh_exp),
    ("reuse", dict(a=3.0), lambda t: t["a"] + t["a"]),
])
def test_examples_match_torch(key, leaves, fn):
    assert_matches_torch(EXAMPLES[key], tensors(**leaves), fn)


def test_the_neuron_has_karpathys_gradients():
    built = build(parse(EXAMPLES["neuron"]))
    assert math.isclose(built.root.data, math.sqrt(0.5), rel_tol=1e-12)
    grads = {k: v.grad for k, v in built.leaves.items()}
    assert grads["x1"] == pytest.approx(-1.5) and grads["w1"] == pytest.approx(1.0)
    assert grads["x2"] == pytest.approx(0.5) and grads["w2"] == 0 and grads["b"] == pytest.approx(0.5)
    assert build(parse(EXAMPLES["tanh-exp"])).leaves["w1"].grad == pytest.approx(1.0)


def test_reuse_accumulates_two():
    built = build(parse(EXAMPLES["reuse"]))
    assert built.leaves["a"].grad == 2 and built.root.data == 6.0
    assert trace(built.root).edges == ((0, 1), (0, 1))  # both edges kept


def test_every_example_parses_into_named_leaves_and_a_root():
    for key, text in EXAMPLES.items():
        program = parse(text)
        assert program.text == text and program.node_count <= MAX_NODES, key
        assert all(isinstance(leaf, Leaf) and leaf.label == leaf.name for leaf in program.leaves), key
    assert parse(EXAMPLES["neuron"]).root_name == "o" and parse(EXAMPLES["product"]).root_name == "c"


# ---- hand-written programs ----------------------------------------------------------------------------------
@pytest.mark.parametrize("text,leaves,fn", [
    ("a = Value(1.5); b = Value(-0.5); c = a - b; d = c / a; e = -d ** 3", dict(a=1.5, b=-0.5),
     lambda t: -(((t["a"] - t["b"]) / t["a"]) ** 3)),
    ("a = Value(0.7)\nb = (a.exp() + 1).log() * a.sigmoid() - a.relu() / 2", dict(a=0.7),
     lambda t: torch.log(torch.exp(t["a"]) + 1) * torch.sigmoid(t["a"]) - torch.relu(t["a"]) / 2),
    ("a = 2.0\nb = -3\nc = 3 / a - 2 - b + 2 * b ** -2", dict(a=2.0, b=-3.0),
     lambda t: 3 / t["a"] - 2 - t["b"] + 2 * t["b"] ** -2),
    ("a = Value(2.0); b = Value(0.25); c = sum([a, b, a * b]); d = sum(c, a) ** 0.5", dict(a=2.0, b=0.25),
     lambda t: (t["a"] + t["b"] + t["a"] * t["b"] + t["a"]) ** 0.5),
    ("a = Value(2.0)\nb = Value(3.0)\na += b\na *= 2\na -= b\na /= b\na **= 2", dict(a=2.0, b=3.0),
     lambda t: (((t["a"] + t["b"]) * 2 - t["b"]) / t["b"]) ** 2),
    ("a = Value(-1.0); b = +a * (2 * 3 - 1) + 2 ** -1", dict(a=-1.0), lambda t: t["a"] * 5 + 0.5),
])
def test_programs_match_torch(text, leaves, fn):
    assert_matches_torch(text, tensors(**leaves), fn)


def test_sum_adds_from_zero_as_python_does():
    program = parse("a = Value(2.0); b = sum([1, a, 2])")
    built = build(program)
    assert built.root.data == 5.0 and built.leaves["a"].grad == 1
    # 0 + 1 is a number; 1 + a and then + 2 each make a constant and a + node
    assert program.node_count == 5 and len(trace(built.root).nodes) == 5
    assert parse("c = sum([])").leaves == (Leaf("c", 0.0, "c", 1, 5),)


def test_a_number_given_a_name_is_a_leaf():
    program = parse("k = -2\nm = 2 * 3\nx = Value(1.0)\ny = k*x + m")
    assert [(leaf.name, leaf.value) for leaf in program.leaves] == [("k", -2.0), ("m", 6.0), ("x", 1.0)]
    built = build(program)
    assert built.root.data == 4.0 and built.leaves["k"].grad == 1.0 and built.leaves["m"].grad == 1.0


def test_reassigning_a_name_adds_nodes_that_show_that_name():
    built = build(parse("a = Value(1.5)\na = a + a\na = a * a"))
    assert built.root.data == 9.0 and built.leaves["a"].grad == pytest.approx(8 * 1.5)
    assert [n.label for n in trace(built.root).nodes] == ["a", "a", "a"]
    assert built.names["a"] is built.root


def test_a_name_given_a_second_leaf_gets_a_key_with_its_place():
    program = parse("a = Value(1.0); b = a * 2; a = Value(3.0); c = a + b")
    assert [leaf.name for leaf in program.leaves] == ["a", "a@1:32"]
    built = build(program, {"a@1:32": 5.0})
    assert built.root.data == 7.0 and built.leaves["a"].grad == 2.0 and built.leaves["a@1:32"].grad == 1.0


def test_labels_come_from_label_or_the_first_name():
    built = build(parse("a = Value(2.0, label='alpha')\nb = a\nc = a * Value(3.0) + Value(1.0, label='one')"))
    labels = {n.label for n in trace(built.root).nodes}
    assert {"alpha", "one", "c"} <= labels and "b" not in labels  # b = a keeps a's label
    assert set(built.leaves) == {"Value@3:9", "Value@3:22", "a"}
    assert build(parse("a = Value(1.0); b = a.tanh()")).root.label == "b"


def test_roles_colour_weights_and_biases_as_parameters():
    roles = {leaf.name: leaf.role for leaf in parse(EXAMPLES["neuron"]).leaves}
    assert roles == {"x1": "input", "x2": "input", "w1": "parameter", "w2": "parameter", "b": "parameter"}
    assert {leaf.role for leaf in parse(EXAMPLES["product"]).leaves} == {"input"}  # b without weights: an input
    graph = trace(build(parse(EXAMPLES["neuron"])).root)
    by_label = {n.label: n.role for n in graph.nodes}
    assert by_label["x1"] == "input" and by_label["w1"] == "parameter" and by_label["o"] == "intermediate"
    assert "<svg" in to_svg(graph) and graph.nodes[graph.root].label == "o"


# ---- sliders and finite differences ---------------------------------------------------------------------------
def test_values_override_leaves_as_a_slider_does():
    program = parse(EXAMPLES["neuron"])
    assert_matches_torch_values(program, dict(NEURON, x1=0.3, b=-1.0))
    assert build(program).leaves["x1"].data == 2.0  # the program itself is unchanged
    with pytest.raises(KeyError):
        build(program, {"nope": 1.0})
    with pytest.raises(ScratchError, match="line 2, column 6: x1 must be a finite number"):
        build(program, {"x1": math.inf})


def assert_matches_torch_values(program, values):  # type: ignore[no-untyped-def]
    built = build(program, values)
    t = tensors(**values)
    out = torch_neuron(t)
    out.backward()
    assert math.isclose(built.root.data, out.item(), rel_tol=1e-10)
    for k, v in t.items():
        assert math.isclose(built.leaves[k].grad, v.grad.item(), rel_tol=1e-10, abs_tol=1e-12)


@pytest.mark.parametrize("text", [*EXAMPLES.values(),
                                  "a = Value(0.7)\nb = Value(-1.3)\nc = (a*b).exp() / (b**2 + a).log() + sum([a, b])"])
def test_numerical_grads_agree_with_backprop(text):
    program = parse(text)
    built = build(program)
    numeric = numerical_grads(program)
    assert set(numeric) == set(built.leaves)
    for name, v in built.leaves.items():
        assert numeric[name] == pytest.approx(v.grad, rel=1e-5, abs=1e-7), name


def test_numerical_grads_is_nan_where_the_function_stops():
    grads = numerical_grads(parse("a = Value(1e-7); b = a.log()"))
    assert math.isnan(grads["a"])


def test_numerical_grads_of_some_leaves_at_slider_values():
    program = parse(EXAMPLES["neuron"])
    grads = numerical_grads(program, {"w1": -2.5}, names={"x1", "w1"})
    built = build(program, {"w1": -2.5})
    assert set(grads) == {"x1", "w1"}
    assert grads["x1"] == pytest.approx(built.leaves["x1"].grad, rel=1e-6)
    assert grads["w1"] == pytest.approx(built.leaves["w1"].grad, rel=1e-6)


def test_node_count_is_what_build_creates():
    texts = [*EXAMPLES.values(), "a = Value(1.0); b = 2 - a; c = 2 / a; d = a - 2; e = a / 2; f = -a + a - a",
             "a = Value(1.0); b = sum([1, a, a, 2, 3]) * 2 + 1; c = sum(a) / sum([2, a])"]
    for text in texts:
        program = parse(text)
        with counting_values() as made:
            build(program)
        assert made[0] == program.node_count, text


def test_parse_builds_nothing():
    with counting_values() as made:
        for text in EXAMPLES.values():
            parse(text)
    assert made[0] == 0


def test_scratch_error_fields_and_pickle():
    with pytest.raises(ScratchError) as e:
        parse("a = Value(1.0)\nb = a.data")
    err = e.value
    assert (err.line, err.col) == (2, 5) and str(err) == f"line 2, column 5: {err.message}"
    again = pickle.loads(pickle.dumps(err))
    assert (again.line, again.col, str(again)) == (2, 5, str(err)) and isinstance(err, ValueError)


def test_columns_count_characters_not_bytes():
    line = "b = Value(1.0, label='ééé') + é.grad"
    with pytest.raises(ScratchError) as e:
        parse(f"é = Value(1.0)\n{line}")
    assert (e.value.line, e.value.col) == (2, line.index("é.grad") + 1)


# ---- random whitelisted programs ------------------------------------------------------------------------------
NAMES = ("a", "b", "c")
Gen = tuple[str, Callable[[Env], torch.Tensor]]


@st.composite
def expressions(draw: st.DrawFn, names: tuple[str, ...], depth: int = 3) -> Gen:
    """Text and a torch function for one expression that has a Value in it; divisions, logs and fractional
    powers are of something >= 1, so both sides stay well-conditioned and defined."""
    if depth == 0 or draw(st.integers(0, 3)) == 0:
        name = draw(st.sampled_from(names))
        return name, lambda t: t[name]
    kind = draw(st.sampled_from(["+", "-", "*", "/", "neg", "pow", "root", "tanh", "sigmoid", "relu", "exp", "log",
                                 "sum", "number"]))
    x, fx = draw(expressions(names, depth - 1))
    if kind in ("+", "-", "*", "number"):
        op = kind if kind != "number" else draw(st.sampled_from(["+", "-", "*"]))
        if kind == "number" or draw(st.booleans()):
            k = draw(st.sampled_from([0.5, 1, 2, -1.5, 3.0]))
            y, fy = repr(k), (lambda t, k=k: k)
        else:
            y, fy = draw(expressions(names, depth - 1))
        if draw(st.booleans()):
            x, fx, y, fy = y, fy, x, fx
        ops = {"+": lambda p, q: p + q, "-": lambda p, q: p - q, "*": lambda p, q: p * q}
        return f"({x} {op} {y})", lambda t: ops[op](fx(t), fy(t))
    if kind == "/":
        y, fy = draw(expressions(names, depth - 1))
        return f"({x} / ({y}*{y} + 1))", lambda t: fx(t) / (fy(t) * fy(t) + 1)
    if kind == "neg":
        return f"(-{x})", lambda t: -fx(t)
    if kind == "pow":
        k = draw(st.sampled_from([2, 3, 0, 1]))
        return f"({x}**{k})", lambda t: fx(t) ** k
    if kind == "root":
        k = draw(st.sampled_from([0.5, -1, -0.5, 1.5, -2]))
        return f"(({x}*{x} + 1)**{k})", lambda t: (fx(t) * fx(t) + 1) ** k
    if kind == "log":
        return f"({x}*{x} + 1).log()", lambda t: torch.log(fx(t) * fx(t) + 1)
    if kind == "sum":
        more = draw(st.lists(expressions(names, depth - 1), max_size=3))
        texts, fns = [x, *(m[0] for m in more)], [fx, *(m[1] for m in more)]
        return f"sum([{', '.join(texts)}])", lambda t: sum((f(t) for f in fns), torch.tensor(0.0, dtype=F64))
    fn = {"tanh": torch.tanh, "sigmoid": torch.sigmoid, "relu": torch.relu, "exp": torch.exp}[kind]
    return f"{x}.{kind}()", lambda t: fn(fx(t))


@st.composite
def programs(draw: st.DrawFn) -> tuple[str, dict[str, float], Callable[[Env], torch.Tensor]]:
    data = {n: draw(st.floats(-2, 2, allow_subnormal=False)) for n in NAMES}
    lines = [f"{n} = Value({x!r})" for n, x in data.items()]
    steps: list[tuple[str, Callable[[Env], torch.Tensor]]] = []
    names = NAMES
    for i in range(draw(st.integers(1, 3))):
        text, fn = draw(expressions(names))
        lines.append(f"t{i} = {text}")
        steps.append((f"t{i}", fn))
        names = (*names, f"t{i}")

    def run(t: Env) -> torch.Tensor:
        env = dict(t)
        for name, fn in steps:
            env[name] = fn(env)
        return env[steps[-1][0]]

    return draw(st.sampled_from(["\n", "; "])).join(lines), data, run


@settings(max_examples=150, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(programs())
def test_random_programs_match_torch(case):
    text, data, fn = case
    program = parse(text)
    try:
        with counting_values() as made:
            built = build(program)
    except ScratchError as e:  # an exp that overflows: torch says inf
        assert "overflows" in e.message
        assume(False)
    assert made[0] == program.node_count
    t = tensors(**data)
    want = fn(t)
    assume(bool(torch.isfinite(want)))
    want.backward()
    scale = 1e-9 * max(1.0, abs(want.item()))
    assert math.isclose(built.root.data, want.item(), rel_tol=1e-9, abs_tol=scale), text
    for name in NAMES:
        g = 0.0 if t[name].grad is None else t[name].grad.item()
        assert math.isclose(built.leaves[name].grad, g, rel_tol=1e-8, abs_tol=1e-9 * max(1.0, abs(g))), (text, name)
