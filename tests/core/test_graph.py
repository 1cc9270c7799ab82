"""trace(): nodes, roles, labels and edges of one point's loss; JSON, DOT and SVG export; layout."""

import json

import pytest
import torch

from micrograd_gui.cli import main
from micrograd_gui.core.engine import Value
from micrograd_gui.core.graph.layout import layered_layout
from micrograd_gui.core.graph.probe import point_graph
from micrograd_gui.core.graph.trace import trace, trace_values
from micrograd_gui.core.presets import get_preset

LLM = get_preset("llm101n").config.with_changes(engine="eager")


def test_llm101n_probe_graph_shape_and_roles():
    g = point_graph(LLM, (0.0, 0.0), 0)
    assert (len(g.nodes), len(g.edges)) == (153, 183)
    roles = [n.role for n in g.nodes]
    assert roles.count("parameter") == 8 * 3 + 3 * 9 and roles.count("input") == 2
    labels = {n.label for n in g.nodes}
    assert {"x0", "x1", "w[0][0][0]", "b[0][7]", "w[1][2][7]", "logit 0", "p 0", "loss"} <= labels
    assert g.nodes[g.root].label == "loss" and g.nodes[g.root].grad == 1
    assert [n.id for n in g.nodes] == list(range(len(g.nodes)))
    assert all(a < b for a, b in g.edges)  # ids are topological


def test_trace_is_deterministic_and_keeps_input_order():
    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    root = (a * b + a).tanh()
    g1, g2 = trace(root), trace(root)
    assert g1 == g2
    mul = next(n for n in g1.nodes if n.op == "*")
    assert [e[0] for e in g1.edges if e[1] == mul.id] == [0, 1]  # a then b
    r2 = a + a
    assert trace(r2).edges == ((0, 1), (0, 1))  # both edges of a + a


def test_roles_of_leaves():
    a = Value(1.0)
    g = trace(a * 2 + Value(3.0, role="parameter"))
    assert [n.role for n in g.nodes] == ["input", "constant", "intermediate", "parameter", "intermediate"]


def test_input_grads_are_dloss_dx_as_torch_gives():
    g, values = trace_values(_probe_after(5, (0.3, -0.7), 2))
    x = {n.label: n.grad for n in g.nodes if n.role == "input"}
    # the same point and weights through torch
    t = _torch_probe(5, (0.3, -0.7), 2)
    assert x["x0"] == pytest.approx(t[0], rel=1e-10) and x["x1"] == pytest.approx(t[1], rel=1e-10)


def _probe_after(steps, point, label):
    from micrograd_gui.core.graph.probe import point_loss_value
    from micrograd_gui.core.trainer import Trainer

    tr = Trainer(LLM)
    for _ in range(steps):
        tr.step()
    tr.model.set_flat(tr.theta.tolist())
    return point_loss_value(tr.model, "cross_entropy", False, point, label)


def _torch_probe(steps, point, label):
    from micrograd_gui.core.trainer import Trainer

    tr = Trainer(LLM)
    for _ in range(steps):
        tr.step()
    th = torch.tensor(tr.theta, dtype=torch.float64)
    W1 = th[:24].reshape(8, 3)
    W2 = th[24:].reshape(3, 9)
    x = torch.tensor(point, dtype=torch.float64, requires_grad=True)
    h = torch.tanh(W1[:, 2] + W1[:, :2] @ x)
    z = W2[:, 8] + W2[:, :8] @ h
    loss = -torch.log_softmax(z, 0)[label]
    loss.backward()
    return x.grad.tolist()


def test_json_schema_and_cli_summary(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["graph", "--preset", "llm101n", "--engine", "eager", "--point", "0,0", "--label", "0",
                 "--steps", "3", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == "nodes 153 edges 183"
    d = json.loads(out.read_text())
    assert set(d) == {"nodes", "edges"} and len(d["nodes"]) == 153 and len(d["edges"]) == 183
    assert set(d["nodes"][0]) == {"id", "op", "data", "grad", "label", "role"}
    assert all(len(e) == 2 for e in d["edges"])


@pytest.mark.parametrize("fmt,start", [("dot", "digraph G {"), ("svg", "<svg ")])
def test_dot_and_svg_export(tmp_path, capsys, fmt, start):
    out = tmp_path / f"g.{fmt}"
    assert main(["graph", "--engine", "eager", "--point", "0.5,0.5", "--label", "1", "--format", fmt,
                 "--out", str(out)]) == 0
    text = out.read_text()
    assert text.startswith(start) and text.count("->" if fmt == "dot" else "<path") == 183


def test_bad_label_is_refused(capsys):
    assert main(["graph", "--engine", "eager", "--point", "0,0", "--label", "7"]) == 2
    assert "--label must be a class from 0 to 2" in capsys.readouterr().err


def test_layout_puts_the_loss_last_and_is_stable():
    g = point_graph(LLM, (0.0, 0.0), 0)
    lay = layered_layout(g)
    assert lay.column[g.root] == lay.columns - 1
    assert all(lay.column[a] < lay.column[b] for a, b in g.edges)
    assert layered_layout(g) == lay
    cells = {(lay.column[i], lay.row[i]) for i in range(len(g.nodes))}
    assert len(cells) == len(g.nodes)  # no two nodes on one spot
