"""The graph panel: the probe's graph as the engine traces it, live values, selection, step-through,
collapse, find, inspector and export."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontInfo
from PySide6.QtWidgets import QComboBox, QLabel, QPushButton, QSlider, QWidget
from uihelpers import click_data, panel_model, wait_snapshot

from micrograd_gui.core.graph.layout import layered_layout
from micrograd_gui.core.graph.probe import point_graph, point_loss_value
from micrograd_gui.core.graph.trace import trace
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.graph_items import NodeItem, fmt
from micrograd_gui.ui.graph_panel import GraphPanel


def engine_graph(snap):
    """The trace the engine gives for the snapshot's probe at the snapshot's weights."""
    cfg = snap.config
    t = Trainer(cfg)
    t.model.set_flat(snap.theta.tolist())
    x, y, label = snap.probe
    return trace(point_loss_value(t.model, cfg.loss, cfg.stable_softmax, (x, y), label))


@pytest.fixture
def gwindow(window, qtbot):
    window.graph_dock.show()
    wait_snapshot(qtbot, window, lambda s: s.graph is not None)
    return window


def test_nodes_and_edges_equal_the_engines_trace(qtbot, gwindow):
    w = gwindow
    snap = w.controller.last
    assert snap.probe == (0.0, 0.0, 0)
    g = engine_graph(snap)
    view = w.graph_panel.graph_view
    assert view.full.nodes == g.nodes and view.full.edges == g.edges
    assert len(view.nodes) == len(g.nodes) == 153 and len(view.edges) == len(g.edges)
    assert w.findChild(type(view), "graphView") is view


def test_shown_values_equal_the_engines_after_a_step(qtbot, gwindow):
    w = gwindow
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 1 and s.graph is not None)
    g = engine_graph(snap)
    shown = [item.node for item in w.graph_panel.graph_view.nodes]
    assert [(n.data, n.grad) for n in shown] == [(n.data, n.grad) for n in g.nodes]


def test_clicking_a_data_point_selects_its_graph(qtbot, gwindow):
    w = gwindow
    d = w.model.data
    i = 5
    n = len(d)
    click_data(qtbot, w, d.xs[i], d.ys[i])
    assert len(w.model.data) == n  # selecting, not adding
    snap = wait_snapshot(qtbot, w, lambda s: s.probe == (d.xs[i], d.ys[i], d.labels[i]) and s.graph is not None)
    assert w.graph_panel.graph_view.full.nodes == engine_graph(snap).nodes
    assert w.graph_panel.label.currentIndex() == d.labels[i]
    probe = w.data_panel.probe.pos()
    assert (probe.x(), probe.y()) == pytest.approx((d.xs[i], d.ys[i]))


def test_probe_label_changes_the_loss_graph(qtbot, gwindow):
    w = gwindow
    w.graph_panel.label.setCurrentIndex(2)
    snap = wait_snapshot(qtbot, w, lambda s: s.probe[2] == 2 and s.graph is not None)
    assert any(n.label == "p 2" for n in snap.graph.nodes)


def test_step_through_visits_reverse_topological_order_and_ends_at_backwards_grads(qtbot, gwindow):
    w = gwindow
    p = w.graph_panel
    qtbot.mouseClick(p.reset_grads, Qt.MouseButton.LeftButton)
    assert all(item.grad == 0 for item in p.graph_view.nodes)
    visited = []
    for _ in range(len(p.graph.nodes)):
        p.graph_view.setFocus()
        qtbot.keyClick(p.graph_view, Qt.Key.Key_B)
        visited.append(p.stepper.visited[-1])
        active = [i.index for i in p.graph_view.nodes if i.state == "active"]
        assert active == [visited[-1]]
    assert visited == list(range(len(p.graph.nodes) - 1, -1, -1))
    assert [item.grad for item in p.graph_view.nodes] == [n.grad for n in p.graph.nodes]
    assert "grads equal backward()" in p.step_status.text()
    qtbot.keyClick(p.graph_view, Qt.Key.Key_Escape)
    assert p.stepper is None


def test_animation_plays_backprop_to_the_end(qtbot, gwindow):
    p = gwindow.graph_panel
    p.speed.setValue(40)
    p.begin_backward()
    p.toggle_animation()
    qtbot.waitUntil(lambda: p.stepper is not None and p.stepper.done, timeout=15_000)
    assert not p._timer.isActive() and [i.grad for i in p.graph_view.nodes] == [n.grad for n in p.graph.nodes]


def test_forward_step_reveals_values_in_topological_order(qtbot, gwindow):
    p = gwindow.graph_panel
    p.step_forward()
    items = p.graph_view.nodes
    assert not items[0].hidden_data and all(i.hidden_data for i in items[1:])
    for _ in range(10):
        p.step_forward()
    assert [i.hidden_data for i in items[:11]] == [False] * 11 and items[11].hidden_data


def test_step_through_needs_training_paused(qtbot, gwindow):
    w = gwindow
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: s.running)
    assert not w.graph_panel.back_step.isEnabled()
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: not s.running)
    assert w.graph_panel.back_step.isEnabled()


def test_values_refresh_while_training_without_relayout(qtbot, gwindow):
    w = gwindow
    view = w.graph_panel.graph_view
    items = list(view.nodes)
    before = [i.node.data for i in items]
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: s.running and s.step > 50 and s.graph is not None)
    qtbot.waitUntil(lambda: [i.node.data for i in view.nodes] != before)
    assert view.nodes == items  # the same items: values refreshed, nothing re-laid out
    w.controls.play.click()


def test_collapse_and_expand_round_trip(qtbot, gwindow):
    p = gwindow.graph_panel
    view = p.graph_view
    full = [(i.node.label, i.pos().x(), i.pos().y()) for i in view.nodes]
    p._collapse_all()
    assert len(view.nodes) == 25 and sum(i.node.role == "neuron" for i in view.nodes) == 11
    p._expand_all()
    assert [(i.node.label, i.pos().x(), i.pos().y()) for i in view.nodes] == full
    target = next(i for i in view.nodes if i.node.label == "w[0][2][1]")
    view.node_toggled.emit(target.index)  # as a double-click does
    assert len(view.nodes) == 153 - 8 + 1
    box = next(i for i in view.nodes if i.node.label == "h[0][2]")
    view.node_toggled.emit(box.index)
    assert len(view.nodes) == 153
    p.collapse_layer(1)
    assert sum(i.node.role == "neuron" for i in view.nodes) == 3


def test_layout_is_identical_across_runs(qtbot, make_window):
    def positions():
        w = make_window()
        w.graph_dock.show()
        wait_snapshot(qtbot, w, lambda s: s.graph is not None)
        qtbot.waitUntil(lambda: len(w.graph_panel.graph_view.nodes) == 153)
        pos = [(i.pos().x(), i.pos().y()) for i in w.graph_panel.graph_view.nodes]
        w.close()
        return pos

    a, b = positions(), positions()
    assert a == b
    lay = layered_layout(engine_graph_for_default())
    assert len(set(lay.column)) == lay.columns


def engine_graph_for_default():
    return point_graph(get_preset("llm101n").config.with_changes(engine="eager"), (0.0, 0.0), 0)


def test_selecting_a_parameter_shows_the_chain_rule_and_highlights_paths(qtbot, gwindow):
    p = gwindow.graph_panel
    assert p.graph_view.find_node("w[1][0][3]") >= 0
    html = p.inspector.toPlainText()
    assert "parameter" in html and "grad(w[1][0][3]) += grad(" in html and "×" in html
    on_path = [i for i in p.graph_view.nodes if i.state == "path"]
    labels = {i.node.label for i in on_path}
    assert {"logit 0", "loss"} <= labels
    assert all(e.pen().widthF() >= 3 for e in p.graph_view.edges
               if p.graph_view.view.graph.edges[e.index][0] == p.graph_view.selected())


def test_inspector_products_sum_to_the_grad(qtbot, gwindow):
    p = gwindow.graph_panel
    i = p.graph_view.find_node("h[0][4]")
    g = p.graph_view.view.graph
    consumers = g.consumers_of()[i]
    total = sum(g.local[k] * g.nodes[c].grad for c, k in consumers)
    assert total == pytest.approx(g.nodes[i].grad, rel=1e-12, abs=1e-15)
    assert p.inspector.toPlainText().count("grad(h[0][4]) +=") == len(consumers)


def test_find_by_label_and_not_found(qtbot, gwindow):
    p = gwindow.graph_panel
    p.find_input.setText("logit 2")
    qtbot.keyClick(p.find_input, Qt.Key.Key_Return)
    sel = p.graph_view.selected()
    assert sel >= 0 and p.graph_view.nodes[sel].node.label == "logit 2"
    p.find_input.setText("zzz")
    qtbot.keyClick(p.find_input, Qt.Key.Key_Return)
    assert p.find_result.text() == "not found"


def test_export_svg_and_png(qtbot, gwindow, tmp_path):
    p = gwindow.graph_panel
    svg, png = tmp_path / "g.svg", tmp_path / "g.png"
    p.export_svg(str(svg))
    p.export_png(str(png))
    text = svg.read_text()
    assert text.startswith("<?xml") and "<svg" in text and "loss" in text
    from PySide6.QtGui import QImage

    img = QImage(str(png))
    assert img.width() > 1000 and img.height() > 300


def test_wheel_zoom_fit_and_level_of_detail(qtbot, gwindow):
    view = gwindow.graph_panel.graph_view
    view.fit()
    fitted = view.transform().m11()
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent

    ev = QWheelEvent(QPointF(50, 50), QPointF(view.mapToGlobal(QPoint(50, 50))), QPoint(0, 0), QPoint(0, 240),
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    view.wheelEvent(ev)
    assert view.transform().m11() == pytest.approx(fitted * 1.15**2)
    view.setFocus()  # as a click on the canvas gives it
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert view.transform().m11() == pytest.approx(fitted)
    assert all(isinstance(i, NodeItem) for i in view.nodes)


def test_big_graphs_open_collapsed_by_neuron(qtbot, make_window):
    cfg = get_preset("spiral").config
    w = make_window(cfg)
    w.graph_dock.show()
    snap = wait_snapshot(qtbot, w, lambda s: s.graph is not None)
    assert len(snap.graph.nodes) > 1000
    view = w.graph_panel.graph_view
    qtbot.waitUntil(lambda: view.full is not None)
    assert len(view.nodes) < 100 and all(i.node.role != "parameter" for i in view.nodes)
    assert np.isfinite(view.layout_ms)


# ---- legible on a projector: the panel alone, at a 1280x720 window's graph dock size --------------------------
def projector_graph(preset):
    return point_graph(get_preset(preset).config.with_changes(engine="eager"), (0.5, -0.3), 0, steps=3)


@pytest.fixture(scope="module")
def graphs():
    return {name: projector_graph(name) for name in ("spiral", "llm101n")}


@pytest.fixture
def panel(qtbot):
    p = GraphPanel(panel_model())
    qtbot.addWidget(p)
    p.resize(1280, 300)
    p.show()
    qtbot.waitExposed(p)
    return p


def show(panel, graph):
    panel.graph = graph
    panel.graph_view.set_graph(graph)
    panel.graph_view.fit()
    return panel.graph_view


def on_screen_px(view, item):
    """Node text's pixel size on screen: the item's font size through the view's transform."""
    return QFontInfo(item.style.font).pixelSize() * item.deviceTransform(view.viewportTransform()).m22()


def visible(view):
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return [i for i in view.nodes if shown.contains(i.sceneBoundingRect())]


def assert_boxes_say_everything(view):
    """Each box shows its name, data and grad in full: nothing elided, nothing wider than the box."""
    for item in view.nodes:
        title, data, grad = item.lines()
        n = item.node
        assert (n.label or title) in title and fmt(n.data) in data and fmt(n.grad) in grad
        metrics = (item.style.title_metrics, item.style.metrics, item.style.metrics)
        for text, m in zip((title, data, grad), metrics):
            assert "…" not in text and m.horizontalAdvance(text) <= item.style.text_w, text


@pytest.mark.parametrize("preset", ["spiral", "llm101n"])
def test_fit_on_a_projector_shows_legible_names_values_and_grads(qtbot, panel, graphs, preset):
    view = show(panel, graphs[preset])
    if preset == "spiral":  # over 500 nodes: opens collapsed, one box a neuron
        assert len(graphs[preset].nodes) > 1000 and any(i.node.role == "neuron" for i in view.nodes)
    assert all(on_screen_px(view, i) >= 11 for i in view.nodes)
    assert view.text_px() >= 11
    assert_boxes_say_everything(view)
    seen = visible(view)
    assert len(seen) >= 5 and view.nodes[-1] in seen  # the loss end, where backprop starts
    assert view.horizontalScrollBar().maximum() > 0  # the rest is a scroll away
    neuron = next(i for i in view.nodes if i.node.role in ("neuron", "parameter"))
    view.centerOn(neuron)
    assert neuron in visible(view) and on_screen_px(view, neuron) >= 11


def test_parameter_boxes_keep_their_name_whole_and_the_tooltip_has_the_role(qtbot, panel, graphs):
    view = show(panel, graphs["llm101n"])
    item = next(i for i in view.nodes if i.node.label == "w[0][0][1]")
    assert item.lines()[0] == "w[0][0][1]"  # "· parameter" has no room: dropped whole, the colour says it
    assert item.tooltip().splitlines() == ["w[0][0][1] · parameter", f"data {fmt(item.node.data)}",
                                           f"grad {fmt(item.node.grad)}"]
    assert next(i for i in view.nodes if i.node.label == "loss").lines()[0] == "loss · *"


def test_a_small_graph_fits_whole_with_bigger_text(qtbot, panel):
    from micrograd_gui.core.engine import Value

    a, b = Value(2.0, label="a"), Value(-3.0, label="b")
    out = a * b + Value(10.0, label="c")
    out.label = "out"
    out.backward()
    view = show(panel, trace(out))
    assert len(visible(view)) == len(view.nodes) == 5
    assert view.horizontalScrollBar().maximum() == 0 and view.text_px() >= 11


def test_a_bigger_font_grows_node_text_and_keeps_the_toolbar_whole(qtbot, panel, graphs):
    view = show(panel, graphs["spiral"])
    before, box = view.text_px(), view.nodes[-1].style.height
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * 1.6)  # as presentation mode does to the window
    panel.setFont(font)
    assert view.text_px() >= 1.5 * before and view.nodes[-1].style.height >= 1.5 * box
    assert all(on_screen_px(view, i) >= 1.5 * 11 for i in view.nodes)
    assert_boxes_say_everything(view)
    qtbot.waitUntil(lambda: panel.legend.width() >= panel.legend.minimumSizeHint().width())
    assert panel.speed.width() >= 6 * panel.fontMetrics().height()
    assert not panel.speed.geometry().intersects(panel.legend.geometry())


@pytest.mark.parametrize("scale", [1.0, 1.6])
def test_a_narrow_dock_wraps_the_toolbar_instead_of_cutting_it(qtbot, panel, scale):
    font = QFont(panel.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    panel.setFont(font)
    panel.resize(560, 360)
    assert panel.minimumSizeHint().width() <= 560
    qtbot.waitUntil(lambda: panel.width() == 560 and panel.legend.geometry().right() < 560)
    tools = [w for w in panel.findChildren(QWidget) if isinstance(w, (QPushButton, QLabel, QComboBox, QSlider))
             and w.parent() is panel and w.isVisible()] + [panel.legend]
    for w in tools:
        assert w.width() >= w.minimumSizeHint().width() and w.geometry().right() < 560, w.objectName()
        if isinstance(w, QPushButton):
            assert w.width() >= w.sizeHint().width(), w.text()
    for k, a in enumerate(tools):
        assert not any(a.geometry().intersects(b.geometry()) for b in tools[k + 1:])
