"""Neuron grouping, collapsing, and the step-by-step replay of backward() and of the forward pass."""

import pytest

from micrograd_gui.core.graph.groups import collapse, layer_of, neuron_groups
from micrograd_gui.core.graph.probe import point_graph
from micrograd_gui.core.graph.stepper import BackwardStepper, ForwardStepper
from micrograd_gui.core.presets import get_preset

LLM = get_preset("llm101n").config.with_changes(engine="eager")
SPIRAL = get_preset("spiral").config.with_changes(engine="eager")


@pytest.fixture(scope="module")
def g():
    return point_graph(LLM, (0.4, -0.3), 1, steps=4)


def test_every_weight_and_sum_belongs_to_its_neuron(g):
    groups = neuron_groups(g)
    by_label = {n.label: groups[n.id] for n in g.nodes if n.label}
    assert by_label["w[0][3][1]"] == "h[0][3]" and by_label["b[0][3]"] == "h[0][3]"
    assert by_label["w[1][2][7]"] == "logit 2" and by_label["h[0][5]"] == "h[0][5]"
    assert by_label["x0"] is None and by_label["loss"] is None
    assert layer_of("h[0][3]", g) == 0 and layer_of("logit 2", g) == 1
    assert sum(1 for x in groups if x == "h[0][0]") == 3 + 2 + 2 + 1  # w0 w1 b, 2 mul, 2 add, tanh


def test_collapse_keeps_outputs_and_topological_ids_and_round_trips(g):
    keys = {k for k in neuron_groups(g) if k}
    v = collapse(g, keys)
    assert len(v.graph.nodes) == 25
    assert all(a < b for a, b in v.graph.edges)
    boxes = [n for n in v.graph.nodes if n.role == "neuron"]
    assert len(boxes) == 11 and {n.label for n in boxes} == keys
    h = next(n for n in boxes if n.label == "h[0][2]")
    orig = next(n for n in g.nodes if n.label == "h[0][2]")
    assert (h.data, h.grad) == (orig.data, orig.grad)
    back = collapse(g, set())
    assert back.graph.nodes == g.nodes and back.graph.edges == g.edges
    assert sum(len(m) for m in v.members) == len(g.nodes)


def test_backward_stepper_visits_in_reverse_topological_order_and_equals_backward(g):
    st = BackwardStepper(g)
    assert st.grad == [0.0] * len(g.nodes)
    first = st.step()
    assert first.node == g.root and first.grad == 1
    grads = st.run()
    assert st.visited == list(range(len(g.nodes) - 1, -1, -1))
    assert grads == [n.grad for n in g.nodes]  # bit for bit: the same products, summed in the same order


def test_backward_stepper_on_a_big_graph():
    big = point_graph(SPIRAL, (0.5, 0.5), 2)
    assert len(big.nodes) > 1000
    assert BackwardStepper(big).run() == [n.grad for n in big.nodes]


def test_forward_stepper_reveals_inputs_before_consumers(g):
    st = ForwardStepper(g)
    seen = set()
    while not st.done:
        ev = st.step()
        assert all(u in seen for u, _ in ev.inputs)
        assert ev.data == g.nodes[ev.node].data
        seen.add(ev.node)
    assert len(seen) == len(g.nodes)


@pytest.mark.parametrize("steps", [0, 4])
def test_collapsed_edges_carry_real_local_derivatives_and_the_chain_rule_adds_up(steps):
    # a box's incoming edge: d(neuron output)/d(input) = act'(a) * w; every product of the inspector is a number,
    # and a node's grad is the sum over its consumers of grad(consumer) * local, also when those are boxes
    g = point_graph(LLM, (0.4, -0.3), 1, steps=steps)
    v = collapse(g, {k for k in neuron_groups(g) if k})
    cg = v.graph
    assert all(d == d for d in cg.local)  # no NaN
    by_label = {n.label: n for n in cg.nodes}
    h, z = by_label["h[0][2]"], by_label["logit 1"]
    w = next(n for n in g.nodes if n.label == "w[1][1][2]")
    k = cg.edges.index((h.id, z.id))
    assert cg.local[k] == pytest.approx(w.data, rel=1e-12)  # logits are linear: d z / d h = w
    x0 = by_label["x0"]
    k = cg.edges.index((x0.id, h.id))
    w0 = next(n for n in g.nodes if n.label == "w[0][2][0]")
    assert cg.local[k] == pytest.approx((1 - h.data ** 2) * w0.data, rel=1e-12)  # tanh' * w
    for n in cg.nodes:
        consumers = cg.consumers_of()[n.id]
        if consumers and n.id != cg.root:
            total = sum(cg.nodes[c].grad * cg.local[e] for c, e in consumers)
            assert total == pytest.approx(n.grad, rel=1e-9, abs=1e-15), n.label


def test_edges_of_nodes_shown_as_themselves_stay_as_traced(g):
    v = collapse(g, {"h[0][1]"})
    box = next(n.id for n in v.graph.nodes if n.role == "neuron")
    original = {e: d for e, d in zip(g.edges, g.local)}
    plain = [(e, d) for e, d in zip(v.graph.edges, v.graph.local) if box not in e]
    assert plain and all(original[(v.original[a], v.original[b])] == d for (a, b), d in plain)
    assert collapse(g, set()).graph.local == g.local
