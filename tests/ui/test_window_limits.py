"""Limits through the window: the most points the plane holds, the largest model, the graph that collapses."""

import json

from malformed_files import good_session_text
from PySide6.QtCore import Qt
from uihelpers import click_data, wait_snapshot

from micrograd_gui.core.config import MAX_DEPTH
from micrograd_gui.core.datasets import MAX_POINTS, DatasetSpec
from micrograd_gui.core.presets import get_preset
from micrograd_gui.ui.controls import MAX_GUI_WIDTH
from micrograd_gui.ui.graph_view import AUTO_COLLAPSE_NODES

MODEL_LIMIT = 20_000  # parameters; Trainer.reset refuses more


def test_the_plane_holds_at_most_max_points_and_says_so(qtbot, make_window):
    cfg = get_preset("quadrants").config.with_changes(dataset=DatasetSpec("quadrants", MAX_POINTS, 0.0, 3))
    w = make_window(cfg)
    assert len(w.model.data) == MAX_POINTS
    for mods in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
        click_data(qtbot, w, 2.3, 2.3, mods=mods)  # outside the data: a click there adds a point
        assert len(w.model.data) == MAX_POINTS
        assert w.message.isVisible() and w.message.kind == "warning"
        assert f"at most {MAX_POINTS} points" in w.message.text.text()
    w.message.hide()
    click_data(qtbot, w, 1.5, 1.5, button=Qt.MouseButton.RightButton)  # remove one: room for one more
    assert len(w.model.data) == MAX_POINTS - 1
    click_data(qtbot, w, 2.3, 2.3)
    assert len(w.model.data) == MAX_POINTS and not w.message.isVisible()
    w.dataset_panel.n.setValue(MAX_POINTS + 1000)  # the generator cannot be asked for more either
    assert w.dataset_panel.n.value() == MAX_POINTS


def mlp_parameters(hidden, outputs):
    sizes = [2, *hidden, outputs]
    return sum((a + 1) * b for a, b in zip(sizes, sizes[1:]))


def test_a_model_over_the_size_limit_is_refused_with_a_message(qtbot, window, tmp_path):
    w = window
    # the controls cannot build one: their largest network stays under the limit
    assert w.controls.depth_input.maximum() == MAX_DEPTH
    assert all(s.maximum() == MAX_GUI_WIDTH for s in w.controls.widths)
    assert mlp_parameters([MAX_GUI_WIDTH] * MAX_DEPTH, 6) < MODEL_LIMIT
    # a session can ask for one: refused with the count and the limit, and nothing changes
    w.controls.step.click()
    before = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    doc = json.loads(good_session_text())
    doc["config"]["hidden"] = [64] * 6
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(doc))
    assert not w.sessions.open_path(str(path))
    text = w.message.text.text()
    assert w.message.kind == "error" and "parameters; the limit is 20000" in text and "Nothing was changed" in text
    assert w.model.applied.hidden == before.config.hidden and w.controller.last.run == before.run


def test_the_graph_collapses_by_itself_above_its_threshold(qtbot, window):
    w = window
    w.graph_dock.show()
    view = w.graph_panel.graph_view
    snap = wait_snapshot(qtbot, w, lambda s: s.graph is not None)
    qtbot.waitUntil(lambda: view.full is not None)
    assert len(snap.graph.nodes) <= AUTO_COLLAPSE_NODES and not view.collapsed  # 2-8-3: every scalar shown
    assert len(view.nodes) == len(snap.graph.nodes)
    w.controls.depth_input.setValue(2)
    for s in w.controls.widths[:2]:
        s.setValue(16)
    w.controls.reset.click()  # 2-16-16-3: over the threshold
    snap = wait_snapshot(qtbot, w, lambda s: s.config.hidden == (16, 16) and s.graph is not None)
    qtbot.waitUntil(lambda: view.full is not None and len(view.full.nodes) == len(snap.graph.nodes))
    assert len(snap.graph.nodes) > AUTO_COLLAPSE_NODES
    assert view.collapsed == set(view.neuron_keys()) and len(view.nodes) < AUTO_COLLAPSE_NODES / 5
