"""Property tests of the scalar engine: gradients against central finite differences on random graphs,
accumulation, input order, topological order, and a 100,000-deep chain (SPEC section 1)."""

from __future__ import annotations

import math
import sys
import time

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from micrograd_gui.core.engine import Value

PROPS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# ---- random expression graphs -------------------------------------------------------------------

BOUND = 50.0  # every node's value stays within +-BOUND, so finite differences stay accurate
OPS = ("add", "sub", "mul", "div", "neg", "tanh", "relu", "sigmoid", "exp", "log", "powi", "powf",
       "radd", "rsub", "rmul", "rdiv", "addc", "mulc", "divc")
INT_POWERS = (2, 3, -1, -2, 1)
FRAC_POWERS = (0.5, 1.5, -0.5, 2.5, 1 / 3)
CONSTS = (2.0, -1.5, 0.5, 3.0)


def apply(op: str, a: Value, b: Value, k: int) -> Value:
    c = CONSTS[k % len(CONSTS)]
    match op:
        case "add":
            return a + b
        case "sub":
            return a - b
        case "mul":
            return a * b
        case "div":
            return a / b
        case "neg":
            return -a
        case "tanh" | "relu" | "sigmoid" | "exp" | "log":
            return getattr(a, op)()
        case "powi":
            return a ** INT_POWERS[k % len(INT_POWERS)]
        case "powf":
            return a ** FRAC_POWERS[k % len(FRAC_POWERS)]
        case "radd":
            return c + a
        case "rsub":
            return c - a
        case "rmul":
            return c * a
        case "rdiv":
            return c / a
        case "addc":
            return a + c
        case "mulc":
            return a * c
        case "divc":
            return a / c
    raise AssertionError(op)


def safe(op: str, x: float, y: float, k: int) -> bool:
    """Stay away from domain edges, relu's kink and poles, by more than finite differences step."""
    if op == "div":
        return abs(y) > 0.3
    if op == "rdiv" or (op == "powi" and INT_POWERS[k % len(INT_POWERS)] < 0):
        return abs(x) > 0.3
    if op == "relu":
        return abs(x) > 0.05
    if op == "exp":
        return x < 3.5
    if op in ("log", "powf"):
        return x > 0.2
    return True


raw_op = st.tuples(st.sampled_from(OPS), st.one_of(st.just(0), st.integers(0, 1000)), st.integers(0, 1000),
                   st.integers(0, 20))
leaf_values = st.lists(st.floats(-2.0, 2.0, allow_nan=False), min_size=1, max_size=4)
programs = st.tuples(leaf_values, st.lists(raw_op, min_size=1, max_size=30))

Program = list[tuple[str, int, int, int]]


def resolve(leaves: list[float], raw: list[tuple[str, int, int, int]]) -> tuple[Program, list[Value]]:
    """Turn raw draws into a concrete program (op, input index, input index, k) that is safe at `leaves`.

    Operand i counts back from the newest node, so index 0 (drawn often) makes deep chains."""
    nodes = [Value(x) for x in leaves]
    prog: Program = []
    for op, i, j, k in raw:
        n = len(nodes)
        ia, ib = n - 1 - i % n, n - 1 - j % n
        a, b = nodes[ia], nodes[ib]
        if safe(op, a.data, b.data, k):
            out = apply(op, a, b, k)
            if abs(out.data) <= BOUND:
                prog.append((op, ia, ib, k))
                nodes.append(out)
                continue
        prog.append(("tanh", ia, ib, k))
        nodes.append(a.tanh())
    return prog, nodes


def build(prog: Program, leaves: list[float]) -> list[Value]:
    nodes = [Value(x) for x in leaves]
    for op, ia, ib, k in prog:
        nodes.append(apply(op, nodes[ia], nodes[ib], k))
    return nodes


def relu_signs(prog: Program, nodes: list[Value]) -> list[bool]:
    return [nodes[ia].data > 0 for op, ia, _, _ in prog if op == "relu"]


# ---- gradients against finite differences -------------------------------------------------------

@PROPS
@given(programs)
def test_gradients_match_central_finite_differences(program):
    leaves, raw = program
    prog, nodes = resolve(leaves, raw)
    root = nodes[-1]
    root.backward()
    signs = relu_signs(prog, nodes)

    def f(i: int, dx: float) -> float:
        xs = list(leaves)
        xs[i] += dx
        try:
            ns = build(prog, xs)
        except ValueError:  # a domain edge crossed: this draw is too close to it for the test
            assume(False)
        assume(relu_signs(prog, ns) == signs)  # a relu kink crossed
        return ns[-1].data

    for i, leaf in enumerate(nodes[:len(leaves)]):
        h = 1e-6 * max(1.0, abs(leaves[i]))
        fd = (f(i, h) - f(i, -h)) / (2 * h)
        tol = 1e-5 * max(1.0, abs(fd), abs(leaf.grad))
        assert abs(leaf.grad - fd) <= tol, f"leaf {i}: backward {leaf.grad} vs finite difference {fd}"


@PROPS
@given(programs)
def test_gradients_match_finite_differences_for_inner_nodes(program):
    # d root / d node for an inner node: perturb that node's value and recompute the nodes after it
    leaves, raw = program
    prog, nodes = resolve(leaves, raw)
    nodes[-1].backward()
    n0 = len(leaves)
    target = n0 + (len(prog) - 1) // 2  # a node in the middle of the program
    after = prog[target + 1 - n0:]  # the ops that come after it (their indices are absolute)
    signs = relu_signs(after, nodes)

    def f(dx: float) -> float:
        values = [v.data for v in nodes[:target + 1]]
        values[target] += dx
        ns = [Value(x) for x in values]
        try:
            for op, ia, ib, k in after:
                ns.append(apply(op, ns[ia], ns[ib], k))
        except ValueError:
            assume(False)
        assume(relu_signs(after, ns) == signs)
        return ns[-1].data

    h = 1e-6 * max(1.0, abs(nodes[target].data))
    fd = (f(h) - f(-h)) / (2 * h)
    g = nodes[target].grad
    assert abs(g - fd) <= 1e-5 * max(1.0, abs(fd), abs(g)), f"node {target}: backward {g} vs {fd}"


# ---- accumulation -------------------------------------------------------------------------------

finite = st.floats(-1e3, 1e3, allow_nan=False)


@PROPS
@given(finite)
def test_a_plus_a_gives_grad_two(x):
    a = Value(x)
    b = a + a
    b.backward()
    assert a.grad == 2
    assert b.data == 2 * x


@PROPS
@given(finite)
def test_a_times_a_gives_two_a(x):
    a = Value(x)
    (a * a).backward()
    assert a.grad == 2 * x
    c = Value(x)
    (c + c + c).backward()
    assert c.grad == 3


@PROPS
@given(finite, finite)
def test_backward_twice_doubles_leaf_grads_of_one_op(x, y):
    a, b = Value(x), Value(y)
    out = a * b  # root directly on the leaves: no intermediate grads to carry over
    out.backward()
    out.backward()
    assert a.grad == 2 * y and b.grad == 2 * x


@PROPS
@given(programs)
def test_gradients_accumulate_over_two_backward_calls(program):
    leaves, raw = program
    _, nodes = resolve(leaves, raw)
    root = nodes[-1]
    leaf_nodes = nodes[:len(leaves)]
    root.backward()
    first = [v.grad for v in leaf_nodes]
    # micrograd semantics: backward() adds into every node's grad, intermediates included; with the
    # intermediates reset (leaves kept, as parameters are), a second call adds the same again.
    leaf_ids = {id(v) for v in leaf_nodes}
    for v in root.topo():
        if id(v) not in leaf_ids:
            v.grad = 0
    root.backward()
    scale = max([1.0, *(abs(g) for g in first)])
    for g1, v in zip(first, leaf_nodes):
        assert math.isclose(v.grad, 2 * g1, rel_tol=1e-12, abs_tol=1e-12 * scale), (v.grad, g1)


# ---- inputs keep their order --------------------------------------------------------------------

@PROPS
@given(finite, finite)
def test_inputs_are_an_ordered_tuple(x, y):
    a, b = Value(x), Value(y)
    for out, first, second in ((a + b, a, b), (b + a, b, a), (a * b, a, b), (b * a, b, a), (a + a, a, a)):
        assert type(out._prev) is tuple
        assert len(out._prev) == 2
        assert out._prev[0] is first and out._prev[1] is second
    d = a - b  # a + (-b)
    assert d._prev[0] is a and d._prev[1]._prev[0] is b
    assume(abs(y) > 1e-3)
    q = a / b  # a * b**-1
    assert q._prev[0] is a and q._prev[1]._prev == (b,)
    r = 2 + a
    assert r._prev[0] is a and r._prev[1].data == 2
    for u in (a.tanh(), a.exp(), a.sigmoid(), a.relu(), a**2):
        assert u._prev == (a,)


# ---- topological order --------------------------------------------------------------------------

def recursive_topo(root: Value) -> list[Value]:
    """micrograd's recursive build_topo, as the reference for the engine's iterative one."""
    order: list[Value] = []
    visited: set[int] = set()

    def visit(v: Value) -> None:
        if id(v) not in visited:
            visited.add(id(v))
            for child in v._prev:
                visit(child)
            order.append(v)

    visit(root)
    return order


def signature(order: list[Value], nodes: list[Value]) -> list[tuple[str, float, int]]:
    where = {id(v): i for i, v in enumerate(nodes)}
    return [(v._op, v.data, where.get(id(v), -1)) for v in order]


@PROPS
@given(programs)
def test_topo_order_is_deterministic_and_children_come_first(program):
    leaves, raw = program
    prog, nodes = resolve(leaves, raw)
    order = nodes[-1].topo()
    assert order[-1] is nodes[-1]
    position = {id(v): i for i, v in enumerate(order)}
    assert len(position) == len(order), "a node appears twice"
    for v in order:
        for child in v._prev:
            assert position[id(child)] < position[id(v)]
    # every node the root depends on is there
    seen, stack = {id(nodes[-1])}, [nodes[-1]]
    while stack:
        for c in stack.pop()._prev:
            if id(c) not in seen:
                seen.add(id(c))
                stack.append(c)
    assert seen == set(position)
    # the same graph built again gives the same order, node for node
    again = build(prog, leaves)
    assert signature(again[-1].topo(), again) == signature(order, nodes)
    assert signature(nodes[-1].topo(), nodes) == signature(order, nodes)


@PROPS
@given(programs)
def test_topo_equals_recursive_dfs_post_order(program):
    leaves, raw = program
    _, nodes = resolve(leaves, raw)
    got, want = nodes[-1].topo(), recursive_topo(nodes[-1])
    assert len(got) == len(want)
    assert all(g is w for g, w in zip(got, want))


def test_topo_equals_recursive_dfs_on_a_deep_wide_graph():
    # a few thousand nodes deep, each node with a skip connection to an older one
    xs = [Value(0.1 * i) for i in range(5)]
    nodes = list(xs)
    for i in range(3000):
        a, b = nodes[-1], nodes[(i * 7919) % len(nodes)]
        nodes.append(a * 0.5 + b * 0.25 if i % 2 else (a + b).tanh())
    root = nodes[-1]
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 50_000))
    try:
        want = recursive_topo(root)
    finally:
        sys.setrecursionlimit(limit)
    got = root.topo()
    assert len(got) == len(want) > 3000
    assert all(g is w for g, w in zip(got, want))


# ---- a very deep chain --------------------------------------------------------------------------

def test_backward_on_a_100000_deep_chain():
    t0 = time.perf_counter()
    c = 1.000001
    x = Value(1.0)
    y = x
    for _ in range(100_000):
        y = y * c + 0.5
    y.backward()
    assert math.isclose(x.grad, c**100_000, rel_tol=1e-9)
    assert y.grad == 1
    order = y.topo()
    assert len(order) == 400_001  # per step: the product, its constant, the sum and its constant
    assert order[0] is x and order[-1] is y
    del order, y  # freeing a 100,000-deep graph must not overflow the C stack either
    assert time.perf_counter() - t0 < 30, "backward on a deep chain is far too slow"


@pytest.mark.parametrize("op", ["tanh", "relu", "neg"])
def test_deep_chains_of_unary_ops(op):
    x = Value(0.3)
    y = x
    for _ in range(100_000):
        y = getattr(y, op)() if op != "neg" else -y
    y.backward()
    if op == "relu":
        assert x.grad == 1.0
    elif op == "neg":
        assert x.grad == 1.0 and y.data == 0.3  # an even number of negations
    else:
        assert 0.0 < x.grad < 1.0
