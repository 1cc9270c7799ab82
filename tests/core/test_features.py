"""Feature inputs (x, y, x², y², x·y, sin x, sin y): validation, the graph's feature nodes, the fast engine bit for
bit as the eager one, sessions and the command line. PyTorch parity and finite differences: test_features_torch.py."""

import json
import math
import re

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from micrograd_gui.cli import main
from micrograd_gui.core import features as feat
from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import TRAIN
from micrograd_gui.core.eager import EagerBackend
from micrograd_gui.core.fast import FastBackend
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.graph.groups import neuron_groups
from micrograd_gui.core.graph.probe import point_graph, point_loss_value
from micrograd_gui.core.graph.trace import trace
from micrograd_gui.core.losses import num_outputs
from micrograd_gui.core.nn import ACTIVATIONS, MLP, input_values
from micrograd_gui.core.presets import PRESETS, get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.run import Run
from micrograd_gui.core.trainer import Trainer

ALL = feat.FEATURES
SETS = [("x2", "y2"), ("xy",), ("sinx", "siny"), ("x", "y", "xy"), ("y", "x2", "sinx"), ALL]
feature_sets = st.sets(st.sampled_from(ALL), min_size=1).map(feat.canonical)


# ---- names and validation ------------------------------------------------------------------------------

def test_parse_puts_features_in_the_networks_order():
    assert feat.parse("x2, y2,x") == ("x", "x2", "y2")
    assert feat.parse("siny,sinx,xy,y2,x2,y,x") == ALL
    for text, message in (("x,z", "unknown feature 'z'; choose from x, y, x2, y2, xy, sinx, siny"),
                          ("x,x2,x", "the feature 'x' is given twice"), (" , ", "at least one feature"),
                          ("X", "unknown feature 'X'")):
        with pytest.raises(ValueError, match=message):
            feat.parse(text)


@pytest.mark.parametrize(("features", "message"), [
    ((), "choose at least one feature input"),
    (("x", "r"), "unknown feature 'r'; choose from x, y, x2, y2, xy, sinx, siny"),
    (("x", "x"), "the feature 'x' is chosen twice"),
    (("y", "x"), "the features must come in the order x, y, x2, y2, xy, sinx, siny; got y,x (use x,y)"),
    ("xy", "must be a list of names"),
    ((1, 2), "must be a list of names"),
])
def test_config_refuses_bad_features_with_a_message(features, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        TrainConfig(features=features).validate()
    with pytest.raises(ConfigError, match=re.escape(message)):
        Trainer(TrainConfig(features=features))


def test_default_is_x_and_y_and_leaves_the_graph_as_it_was():
    assert TrainConfig().features == ("x", "y") == feat.DEFAULT
    assert all(p.config.features == ("x", "y") for p in PRESETS.values())
    x0, x1 = input_values(0.25, -1.5)
    assert feat.feature_values([x0, x1], ("x", "y")) == [x0, x1]  # the input nodes themselves, nothing added
    cfg = get_preset("llm101n").config
    t = Trainer(cfg)
    t.model.set_flat(t.theta.tolist())
    before = trace(point_loss_value(t.model, cfg.loss, cfg.stable_softmax, (0.25, -1.5), 1))
    assert point_graph(cfg, (0.25, -1.5), 1) == before
    assert (len(before.nodes), len(before.edges)) == (153, 183)


def test_columns_for_the_maps_agree_with_the_value_ops():
    X = np.random.default_rng(3).uniform(-2, 2, size=(500, 2))
    cols = feat.columns(X, ALL)
    want = np.array([[v.data for v in feat.inputs(x, y, ALL)] for x, y in X.tolist()])
    assert cols.shape == (500, 7) and np.allclose(cols, want, rtol=1e-15, atol=1e-300)
    assert feat.TITLES.keys() == set(ALL)


# ---- the graph -------------------------------------------------------------------------------------------

def test_the_graph_shows_each_feature_as_a_node_on_the_inputs_and_the_inputs_get_d_loss_d_x():
    cfg = get_preset("rings").config.with_changes(features=ALL, hidden=(3,), engine="eager")
    g = point_graph(cfg, (0.5, -1.25), 1, steps=3)
    by_label = {n.label: n for n in g.nodes}
    inputs = g.inputs_of()
    expect = {"x0²": ("**2", ["x0"]), "x1²": ("**2", ["x1"]), "x0·x1": ("*", ["x0", "x1"]),
              "sin x0": ("sin", ["x0"]), "sin x1": ("sin", ["x1"])}
    for label, (op, parents) in expect.items():
        n = by_label[label]
        assert n.op == op and [g.nodes[a].label for a, _ in inputs[n.id]] == parents, label
        assert n.role == "intermediate"
        consumers = [g.nodes[b] for b, _ in g.consumers_of()[n.id]]
        assert len(consumers) == 3 and all(c.op == "*" for c in consumers)  # w[0][j][i] * feature, every neuron
    assert [n.label for n in g.nodes if n.role == "input"] == ["x0", "x1"]
    assert by_label["x0²"].data == 0.25 and by_label["sin x1"].data == math.sin(-1.25)
    # the chain rule through the features: d loss/d x0 = sum over x0's edges of d(consumer)/d(x0) * grad
    for x in ("x0", "x1"):
        i = by_label[x].id
        total = sum(g.local[k] * g.nodes[b].grad for b, k in g.consumers_of()[i])
        assert by_label[x].grad == pytest.approx(total, rel=1e-12) and by_label[x].grad != 0
    # the features are no neuron's: collapsing a neuron leaves them, and the inputs, in view
    groups = neuron_groups(g)
    assert all(groups[by_label[label].id] is None for label in [*expect, "x0", "x1"])
    assert groups[by_label["h[0][0]"].id] == "h[0][0]"


def test_the_apps_probe_graph_shows_the_features():
    run = Run(lambda: 0.0)
    run.build(get_preset("rings").config.with_changes(features=("x2", "y2", "xy")), None)
    run.show(graph=True, probe=(0.5, 1.0, 0))
    labels = {n.label for n in run.snapshot().graph.nodes}
    assert {"x0", "x1", "x0²", "x1²", "x0·x1"} <= labels and "sin x0" not in labels


# ---- the fast engine, bit for bit -------------------------------------------------------------------------

def backends(model, loss, stable, features):
    return EagerBackend(model, loss, stable, features), FastBackend(model, loss, stable, features)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(features=feature_sets, act=st.sampled_from(ACTIVATIONS), seed=st.integers(0, 2**32 - 1),
       loss=st.sampled_from(["cross_entropy", "mse", "hinge"]), stable=st.booleans(),
       hidden=st.lists(st.integers(1, 9), max_size=3), n=st.integers(1, 30), l2=st.sampled_from([0.0, 1e-3]))
def test_fast_equals_eager_bit_for_bit_on_random_feature_sets(features, act, seed, loss, stable, hidden, n, l2):
    r = np.random.default_rng(seed)
    classes = 2 if loss == "hinge" else int(r.integers(2, 5))  # one hinge score: micrograd's order, bit for bit
    model = MLP(len(features), [*hidden, num_outputs(loss, classes)], RNG(seed + 1), act)
    theta = r.normal(0.0, 1.0, len(model.parameters()))
    X = r.uniform(-3, 3, size=(n, 2))
    y = r.integers(0, classes, size=n)
    eager, quick = backends(model, loss, stable, features)
    try:
        le, ge = eager.loss_and_grad(theta, X, y, l2)
    except ValueError:  # log(0) of an underflowed probability: the fast engine raises too (test_fast.py)
        return
    lf, gf = quick.loss_and_grad(theta, X, y, l2)
    assert le == lf or (math.isnan(le) and math.isnan(lf))
    assert np.array_equal(ge, gf, equal_nan=True)
    assert np.array_equal(eager.outputs(theta, X), quick.outputs(theta, X, exact=True), equal_nan=True)
    for a, b in zip(eager.activations(theta, X), quick.activations(theta, X, exact=True)):
        assert np.array_equal(a, b, equal_nan=True)
    # the maps' path (numpy's sin and power, BLAS): the same to rounding
    out = eager.outputs(theta, X)
    assert np.allclose(quick.outputs(theta, X), out, rtol=1e-9, atol=1e-9 * max(1.0, float(np.abs(out).max())))


@pytest.mark.parametrize("features", SETS, ids=",".join)
@pytest.mark.parametrize("name", ["llm101n", "moons-demo", "rings", "xor"])
def test_presets_with_features_train_bit_for_bit_as_the_eager_engine(name, features):
    cfg = PRESETS[name].config.with_changes(features=features, eval_every=3, batch_size=0 if name != "rings" else 32)
    fast_t, eager_t = Trainer(cfg.with_changes(engine="fast")), Trainer(cfg.with_changes(engine="eager"))
    assert len(fast_t.model.layers[0].neurons[0].w) == len(features)
    for _ in range(8):
        assert fast_t.step() == eager_t.step()
        assert np.array_equal(fast_t.theta, eager_t.theta)
        assert np.array_equal(fast_t.optimizer.m, eager_t.optimizer.m)
        assert np.array_equal(fast_t.optimizer.v, eager_t.optimizer.v)
    assert fast_t.evaluate() == eager_t.evaluate()


def test_each_feature_set_compiles_its_own_plan_and_a_mismatch_is_refused():
    cfg = get_preset("llm101n").config
    plans = {Trainer(cfg.with_changes(features=f)).backend.plan() for f in [("x", "y"), ("x2", "y2"), ("x", "xy")]}
    assert len(plans) == 3
    model = MLP(3, [4, 3], RNG(1))
    for backend in (EagerBackend, FastBackend):
        with pytest.raises(ValueError, match="takes 3 inputs but 2 features"):
            backend(model, "cross_entropy", True, ("x", "y"))


def test_sin_of_a_point_far_out_is_refused_by_both_engines():
    t = Trainer(get_preset("llm101n").config.with_changes(features=("y", "sinx")))
    X, y = np.array([[math.inf, 0.0]]), np.array([0])
    for backend in (t.backend, EagerBackend(t.model, "cross_entropy", False, ("y", "sinx"))):
        with pytest.raises(ValueError, match="sin: the input must be a finite number"):
            backend.loss(t.theta, X, y)


# ---- sessions and the command line ------------------------------------------------------------------------

def session_doc(features):
    t = Trainer(get_preset("rings").config.with_changes(features=features, batch_size=16))
    for _ in range(5):
        t.step()
    return t, json.loads(sf.to_json(sf.Session(t.state())))


def test_a_session_keeps_the_features_and_continues_exactly():
    t, doc = session_doc(("x", "x2", "y2", "siny"))
    assert doc["config"]["features"] == ["x", "x2", "y2", "siny"]
    b = Trainer.from_state(sf.from_json(json.dumps(doc)).state)
    assert b.config.features == ("x", "x2", "y2", "siny")
    assert [t.step().train_loss for _ in range(10)] == [b.step().train_loss for _ in range(10)]
    assert np.array_equal(t.theta, b.theta)


def test_a_session_without_features_opens_as_x_and_y():
    t, doc = session_doc(("x", "y"))
    assert "features" not in doc["config"]  # written as before feature inputs existed, for older versions too
    b = Trainer.from_state(sf.from_json(json.dumps(doc)).state)
    assert b.config.features == ("x", "y")
    assert [t.step().train_loss for _ in range(3)] == [b.step().train_loss for _ in range(3)]


@pytest.mark.parametrize(("value", "message"), [
    (["x", "z"], "settings in the file are not valid: unknown feature 'z'"),
    (["y", "x"], "the features must come in the order x, y, x2, y2, xy, sinx, siny"),
    (["x", "x"], "the feature 'x' is chosen twice"),
    ([], "choose at least one feature input"),
    ("x,y", "config.features should be a short list of names"),
    (["x", 2], "config.features should be a short list of names"),
])
def test_a_session_with_bad_features_is_refused_with_its_reason(value, message):
    _, doc = session_doc(("x", "y", "xy"))
    doc["config"]["features"] = value
    with pytest.raises(sf.SessionError, match=re.escape(message)):
        sf.from_json(json.dumps(doc))


def test_a_session_whose_weights_do_not_fit_its_features_is_refused():
    _, doc = session_doc(("x", "y", "xy"))
    doc["config"]["features"] = ["x", "y"]  # one input fewer: the file holds more weights than the model has
    with pytest.raises(sf.SessionError, match="does not fit its settings"):
        sf.from_json(json.dumps(doc))


def test_train_features_on_the_command_line_gives_the_same_bytes_in_both_engines(capsys):
    logs = []
    for engine in ("eager", "fast"):
        assert main(["train", "--preset", "rings", "--engine", engine, "--features", "sinx,x2,y2,xy",
                     "--steps", "12"]) == 0
        logs.append(capsys.readouterr().out)
    assert logs[0] == logs[1] and logs[0].count("train loss") == 12
    assert main(["train", "--preset", "rings", "--features", "xy,y2,x2,sinx", "--steps", "12"]) == 0
    assert capsys.readouterr().out == logs[0]  # the network's order, whatever order they are given in


@pytest.mark.parametrize(("text", "message"), [("x,z", "unknown feature 'z'; choose from x, y, x2"),
                                               ("x2,x2", "the feature 'x2' is given twice"),
                                               ("", "choose at least one feature from x, y")])
def test_unknown_features_on_the_command_line_exit_2_with_a_message(capsys, text, message):
    for command in (["train"], ["graph", "--point", "0,0", "--label", "0"]):
        with pytest.raises(SystemExit) as e:
            main([*command, "--features", text])
        err = capsys.readouterr().err
        assert e.value.code == 2 and f"argument --features: {message}" in err


def test_graph_on_the_command_line_shows_the_feature_nodes(tmp_path, capsys):
    out = tmp_path / "g.json"
    assert main(["graph", "--preset", "rings", "--features", "x2,y2", "--hidden", "", "--point", "1,-0.5",
                 "--label", "2", "--out", str(out)]) == 0
    doc = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["label"]: n for n in doc["nodes"]}
    assert nodes["x0²"]["op"] == "**2" and nodes["x0²"]["data"] == 1.0 and nodes["x1²"]["data"] == 0.25
    assert capsys.readouterr().out.strip() == f"nodes {len(doc['nodes'])} edges {len(doc['edges'])}"
    # d loss / d x0 = d loss / d x0² * 2 x0, with no hidden layer in between
    assert nodes["x0"]["grad"] == pytest.approx(nodes["x0²"]["grad"] * 2 * 1.0, rel=1e-12)


def test_training_data_stays_two_columns():
    t = Trainer(get_preset("rings").config.with_changes(features=ALL))
    X, _ = t.data.arrays(TRAIN)
    assert X.shape[1] == 2 and t.outputs(X).shape == (len(X), 3)
    assert t.probabilities(X[:5]).shape == (5, 3) and [a.shape[1] for a in t.activations(X[:5])] == [16, 3]
