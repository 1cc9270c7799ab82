"""The network view: a node a neuron, an edge a weight, the worker's maps, tooltips, typed weights and undo."""

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QToolTip, QWidget
from uihelpers import click_data, wait_snapshot

from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.run import NEURON_MAP_EAGER, NEURON_MAP_IDLE, NEURON_MAP_RUNNING
from micrograd_gui.core.snapshot import grid_points
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.graph_items import NEG, POS, fmt
from micrograd_gui.ui.network_canvas import NetworkCanvas
from micrograd_gui.ui.network_edges import MAX_DRAWN_EDGES
from micrograd_gui.ui.neuron_colours import map_rgb
from micrograd_gui.ui.worker import TrainingWorker

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def labels(snap):
    """The engine's own names of the parameters, in theta's order."""
    return [p.label for p in Trainer(snap.config).model.parameters()]


def shown(qtbot, w):
    """Wait until the network view has drawn the latest snapshot, maps included."""
    v = w.network_view
    qtbot.waitUntil(lambda: v.snap is w.controller.last and v.maps is not None and v._drawn_maps is v.maps)
    return v.snap


@pytest.fixture
def nwindow(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_W)
    wait_snapshot(qtbot, window, lambda s: s.neuron_maps is not None)
    shown(qtbot, window)
    return window


def spot(canvas, k):
    """Where a hand clicks connection k: a point along it that hits it and nothing else."""
    for t in np.linspace(0.3, 0.7, 41):
        p = canvas.edge_point(k, float(t))
        if canvas.hit(p) == ("edge", k):
            return p.toPoint()
    raise AssertionError(f"no clickable point on connection {k}")


def edge_named(canvas, name):
    return next(k for k, e in enumerate(canvas.edges) if e.name == name)


def hover(qtbot, widget, pos: QPoint):
    ev = QMouseEvent(QEvent.Type.MouseMove, QPointF(pos), widget.mapToGlobal(QPointF(pos)), Qt.MouseButton.NoButton,
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def type_value(qtbot, editor, text):
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def rgb(c: QColor):
    return c.red(), c.green(), c.blue()


def test_w_toggles_the_dock_and_maps_only_come_while_it_shows(qtbot, window):
    w = window
    assert not w.network_dock.isVisible() and w.controller.last.neuron_maps is None
    qtbot.keyClick(w, Qt.Key.Key_W)
    assert w.network_dock.isVisible() and w.menus.network_action.isChecked()
    assert w.findChild(QWidget, "networkView") is w.network_view
    assert w.network_dock.objectName() == "networkDock"
    wait_snapshot(qtbot, w, lambda s: s.neuron_maps is not None and s.grads is None)  # no step, no gradient
    qtbot.keyClick(w, Qt.Key.Key_W)
    assert not w.network_dock.isVisible()
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    assert snap.neuron_maps is None and snap.grads is None


def test_one_node_per_neuron_and_one_edge_per_weight(nwindow):
    c = nwindow.network_view.canvas
    snap = nwindow.controller.last
    assert [n.name for n in c.nodes] == ["x0", "x1", *[f"h[0][{j}]" for j in range(8)], "logit 0", "logit 1",
                                         "logit 2"]
    assert len(c.edges) == 2 * 8 + 8 * 3 == 40
    names = labels(snap)
    assert [names[e.param] for e in c.edges] == [e.name for e in c.edges]
    assert [names[n.bias] for n in c.nodes if n.bias is not None] == [f"b[{n.layer}][{n.index}]"
                                                                      for n in c.nodes if n.layer >= 0]
    assert sorted([e.param for e in c.edges] + [n.bias for n in c.nodes if n.bias is not None]) == \
        list(range(snap.theta.size))
    columns = [sorted({round(n.rect.center().x()) for n in c.nodes if n.layer == layer}) for layer in (-1, 0, 1)]
    assert all(len(col) == 1 for col in columns) and columns[0] < columns[1] < columns[2]
    for e in c.edges:  # every connection runs from a node of one column to the next column
        assert c.nodes[e.dst].layer == c.nodes[e.src].layer + 1


def test_maps_are_the_trainers_activations_at_the_snapshots_weights(qtbot, nwindow):
    w = nwindow
    w.controls.step10.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 10 and s.neuron_maps is not None)
    g = NEURON_MAP_IDLE
    assert [m.shape for m in snap.neuron_maps] == [(g, g, 8), (g, g, 3)]
    assert all(m.dtype == np.float32 and not m.flags.writeable for m in snap.neuron_maps)
    assert snap.grads is not None and not snap.grads.flags.writeable
    t = Trainer(snap.config)
    t.theta = np.array(snap.theta)
    acts = t.backend.activations(t.theta, grid_points(g))
    for m, a in zip(snap.neuron_maps, acts):
        assert np.array_equal(m, a.reshape(g, g, -1).astype(np.float32))
    # and the view draws them: h[0][3] in tanh colours, the top-left pixel is the map's top-left (x0, y1) corner
    shown(qtbot, w)
    v = w.network_view
    i = next(i for i, n in enumerate(v.canvas.nodes) if n.name == "h[0][3]")
    assert np.array_equal(v.rgbs[i], map_rgb(snap.neuron_maps[0][..., 3], 0.0, 1.0))
    corner = map_rgb(snap.neuron_maps[0][g - 1:, :1, 3], 0.0, 1.0)[0, 0]
    assert rgb(v.canvas.images[i].pixelColor(0, 0)) == tuple(int(c) for c in corner)


def test_maps_shrink_and_refresh_while_training(qtbot, nwindow):
    w = nwindow
    w.controls.play.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.running and s.step > 20 and s.neuron_maps is not None)
    assert snap.neuron_maps[0].shape == (NEURON_MAP_RUNNING, NEURON_MAP_RUNNING, 8)
    before = w.network_view.canvas.images[3]
    qtbot.waitUntil(lambda: w.network_view.canvas.images[3] is not before)
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: not s.running and s.neuron_maps is not None)


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform, on the tooltip window
def test_hovering_an_edge_or_a_neuron_shows_its_value(qtbot, nwindow):
    w = nwindow
    c = w.network_view.canvas
    snap = w.controller.last
    k = edge_named(c, "w[1][2][5]")
    pos = spot(c, k)
    hover(qtbot, c, pos)
    assert c.hover == ("edge", k)
    QApplication.sendEvent(c, QHelpEvent(QEvent.Type.ToolTip, pos, c.mapToGlobal(pos)))
    qtbot.waitUntil(QToolTip.isVisible)
    text = QToolTip.text()
    assert "w[1][2][5] = " + fmt(snap.theta[c.edges[k].param]) in text and "h[0][5] → logit 2" in text
    node = next(i for i, n in enumerate(c.nodes) if n.name == "h[0][6]")
    centre = c.nodes[node].rect.center().toPoint()
    hover(qtbot, c, centre)
    assert c.hover == ("node", node)
    QApplication.sendEvent(c, QHelpEvent(QEvent.Type.ToolTip, centre, c.mapToGlobal(centre)))
    qtbot.waitUntil(lambda: "b[0][6] = " + fmt(snap.theta[c.nodes[node].bias]) in QToolTip.text())
    QToolTip.hideText()


def test_a_typed_weight_changes_the_next_steps_loss_and_ctrl_z_restores_it(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    first = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    theta0 = np.array(first.theta)
    w.controls.step.click()
    plain = wait_snapshot(qtbot, w, lambda s: s.step == 1).history[-1][1]  # the step's loss, without an edit

    def fresh_run():
        run = w.controller.last.run
        qtbot.keyClick(w, Qt.Key.Key_R)
        snap = wait_snapshot(qtbot, w, lambda s: s.run > run and s.step == 0)
        assert np.array_equal(snap.theta, theta0)
        shown(qtbot, w)

    def edit(name, text):
        k = edge_named(c, name)
        qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=spot(c, k))
        assert v.editor.isVisible() and v.editor.text() == f"{theta0[c.edges[k].param]:.6g}"
        type_value(qtbot, v.editor, text)
        assert not v.editor.isVisible()
        return c.edges[k].param

    fresh_run()
    p = edit("w[0][4][1]", "1.5")
    edited = wait_snapshot(qtbot, w, lambda s: s.theta[p] == 1.5)
    assert np.array_equal(np.delete(edited.theta, p), np.delete(theta0, p))
    w.controls.step.click()
    assert wait_snapshot(qtbot, w, lambda s: s.step == 1).history[-1][1] != plain

    fresh_run()
    p = edit("w[0][4][1]", "1.5")
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == 1.5)
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    assert np.array_equal(wait_snapshot(qtbot, w, lambda s: s.theta[p] != 1.5).theta, theta0)
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == 1.5)
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == theta0[p])
    w.controls.step.click()
    assert wait_snapshot(qtbot, w, lambda s: s.step == 1).history[-1][1] == plain  # undone: as if never edited


def test_ctrl_z_undoes_the_latest_edit_whether_points_or_weights(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    n = len(w.model.data)
    click_data(qtbot, w, -2.2, 2.2)  # a point first ...
    assert len(w.model.data) == n + 1
    k = edge_named(c, "w[1][0][0]")
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=spot(c, k))
    type_value(qtbot, v.editor, "-2")  # ... then a weight
    p = c.edges[k].param
    old = w.controller.last.theta[p]
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == -2.0)
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == old)
    assert len(w.model.data) == n + 1  # the weight went first
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    assert len(w.model.data) == n
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)  # redo in the order they were made
    assert len(w.model.data) == n + 1 and w.controller.last.theta[p] == old
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL | SHIFT)
    wait_snapshot(qtbot, w, lambda s: s.theta[p] == -2.0)


def test_a_bias_is_typed_by_double_clicking_or_in_the_large_map(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    i = next(i for i, n in enumerate(c.nodes) if n.name == "logit 1")
    b = c.nodes[i].bias
    centre = c.nodes[i].rect.center().toPoint()
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=centre)  # a double click: press, release, double click
    qtbot.mouseDClick(c, Qt.MouseButton.LeftButton, pos=centre)
    assert v.editor.isVisible() and v.editor.placeholderText() == "b[1][1]"
    type_value(qtbot, v.editor, "0.75")
    wait_snapshot(qtbot, w, lambda s: s.theta[b] == 0.75)
    assert v.detail.isVisible() and v.detail.title.text() == "logit 1"  # the first click of the two selected it
    type_value(qtbot, v.detail.bias, "-0.25")
    wait_snapshot(qtbot, w, lambda s: s.theta[b] == -0.25)
    qtbot.keyClick(w, Qt.Key.Key_Z, CTRL)
    wait_snapshot(qtbot, w, lambda s: s.theta[b] == 0.75)


def test_a_value_that_is_not_a_number_is_refused_and_nothing_changes(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    before = w.controller.last
    k = edge_named(c, "w[0][0][0]")
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=spot(c, k))
    type_value(qtbot, v.editor, "abc")
    assert v.editor.isVisible() and v.status.isVisible() and "not a number" in v.status.text()
    type_value(qtbot, v.editor, "1e300")
    assert v.editor.isVisible() and "finite" in v.status.text()
    qtbot.keyClick(v.editor, Qt.Key.Key_Escape)
    assert not v.editor.isVisible() and not v.undo_stack.canUndo()
    with qtbot.assertNotEmitted(w.controller.snapshot, wait=200):
        pass
    assert w.controller.last is before


def test_clicking_a_neuron_shows_its_map_large(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    assert not v.detail.isVisible()
    i = next(i for i, n in enumerate(c.nodes) if n.name == "h[0][2]")
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=c.nodes[i].rect.center().toPoint())
    assert v.detail.isVisible() and c.selected == i and v.detail.title.text() == "h[0][2]"
    assert np.array_equal(v.detail.image.image, v.rgbs[i])
    assert v.detail.plot.width() > 2 * c.nodes[i].rect.width()
    snap = w.controller.last
    assert v.detail.bias.text() == f"{snap.theta[c.nodes[i].bias]:.6g}"
    qtbot.keyClick(c, Qt.Key.Key_Escape)
    assert not v.detail.isVisible() and c.selected == -1


def test_the_gradient_toggle_switches_what_the_edges_show(qtbot, nwindow):
    w = nwindow
    v, c = w.network_view, w.network_view.canvas
    w.controls.step10.click()
    wait_snapshot(qtbot, w, lambda s: s.step == 10 and s.grads is not None)
    snap = shown(qtbot, w)
    params = [e.param for e in c.edges]

    def colours():
        return [rgb(c.edge_pen(k).color()) for k in range(len(c.edges))]

    assert np.array_equal(c.values, snap.theta[params])
    assert colours() == [rgb(POS if x > 0 else NEG) for x in snap.theta[params]]
    widths = [c.edge_pen(k).widthF() for k in range(len(c.edges))]
    order = np.argsort(np.abs(snap.theta[params]))
    assert all(widths[a] <= widths[b] for a, b in zip(order, order[1:]))  # thicker for bigger |w|
    assert "Weights" in v.legend.text()
    qtbot.mouseClick(v.grad_toggle, Qt.MouseButton.LeftButton)
    assert v.grad_toggle.isChecked()
    assert np.array_equal(c.values, snap.grads[params])
    assert colours() == [rgb(POS if g > 0 else NEG) for g in snap.grads[params]]
    assert "Gradients" in v.legend.text()
    assert any(np.sign(snap.grads[params]) != np.sign(snap.theta[params]))  # so the colours did change
    qtbot.mouseClick(v.grad_toggle, Qt.MouseButton.LeftButton)
    assert np.array_equal(c.values, snap.theta[params])


def test_a_deeper_network_after_reset_gets_a_new_picture(qtbot, nwindow):
    w = nwindow
    w.controls.widths[0].setValue(5)
    w.controls.reset.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.config.hidden == (5,) and s.neuron_maps is not None)
    shown(qtbot, w)
    c = w.network_view.canvas
    assert len(c.nodes) == 2 + 5 + 3 and len(c.edges) == 2 * 5 + 5 * 3
    assert [m.shape[-1] for m in snap.neuron_maps] == [5, 3]


def test_the_eager_engine_sends_maps_too(qtbot):
    cfg = get_preset("llm101n").config.with_changes(engine="eager")
    worker = TrainingWorker(cfg)  # driven directly on this thread: no QThread to join
    got = []
    worker.snapshot.connect(got.append)
    worker.set_grid_visible(False)  # the eager decision map of 200 x 200 points is not what this is about
    worker.start()
    worker.set_network_visible(True)
    worker.step_n(1)
    snap = got[-1]
    g = NEURON_MAP_EAGER
    assert [m.shape for m in snap.neuron_maps] == [(g, g, 8), (g, g, 3)] and snap.grads is not None
    t = Trainer(cfg)
    t.theta = np.array(snap.theta)
    for m, a in zip(snap.neuron_maps, t.activations(grid_points(g))):
        assert np.array_equal(m, a.reshape(g, g, -1).astype(np.float32))
    worker.stop()
    worker.deleteLater()


def test_a_big_network_draws_and_hovers_its_strongest_connections_only(qtbot):
    c = NetworkCanvas()
    qtbot.addWidget(c)
    c.resize(600, 900)
    c.set_structure((2, 32, 32, 3), "relu")
    assert len(c.edges) == 2 * 32 + 32 * 32 + 32 * 3
    theta = np.random.default_rng(1).normal(size=3 * 32 + 33 * 32 + 33 * 3)
    c.set_values(theta, None, False)
    assert len(c.edges) // 5 < len(c.drawn) < len(c.edges) // 2 < MAX_DRAWN_EDGES  # each neuron's strongest
    hidden = next(k for k in range(len(c.edges)) if k not in set(c.drawn.tolist()))
    for t in np.linspace(0.2, 0.8, 13):
        hit = c.hit(c.edge_point(hidden, float(t)))
        assert hit is None or hit[0] == "node" or hit[1] in c.drawn
    assert not c.grab().isNull() and c.paint_ms > 0  # paints, with the time it took for the view's throttle


def test_feature_inputs_are_input_neurons_with_their_names_and_maps(qtbot, nwindow):
    w = nwindow
    run = w.controller.last.run
    w.findChild(type(w.menus.play_action), "lesson_rings-features").trigger()
    w.network_dock.show()
    snap = wait_snapshot(qtbot, w, lambda s: s.run > run and s.config.features == ("x2", "y2")
                         and s.neuron_maps is not None and not s.running)
    c = w.network_view.canvas
    qtbot.waitUntil(lambda: [n.name for n in c.nodes][:2] == ["x0²", "x1²"])
    assert c.sizes == (2, snap.num_outputs) and len(c.edges) == 2 * snap.num_outputs
    qtbot.waitUntil(lambda: len(w.network_view.rgbs) == len(c.nodes))
    x2 = w.network_view.rgbs[0]
    assert x2 is not None and not (x2 == x2[0, 0]).all()  # the map of x² over the plane, not a flat square
