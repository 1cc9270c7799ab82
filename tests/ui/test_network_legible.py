"""A 16-16 network stays legible: the strongest lines only, maps of 40 px or more, and hovering a neuron shows its
map on the plane (as TensorFlow Playground does); tiny networks and feature inputs keep working."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QComboBox
from uihelpers import panel_model, wait_snapshot

from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import Metrics, Snapshot, frozen, grid_points
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.data_panel import NEURON_WASH, DataPanel
from micrograd_gui.ui.network_canvas import NetworkCanvas
from micrograd_gui.ui.network_edges import MAX_DRAWN_EDGES, PER_NEURON
from micrograd_gui.ui.network_geometry import MIN_NODE_PX
from micrograd_gui.ui.network_view import NetworkView
from micrograd_gui.ui.neuron_colours import map_rgb

SPIRAL = get_preset("spiral").config  # 2-16-16-3, tanh
G = 24


def snapshot(config, seed_shift: float = 0.0) -> Snapshot:
    """The worker's snapshot of a fresh model of this config, with every neuron's map over a G x G grid."""
    t = Trainer(config)
    theta = np.array(t.theta) + seed_shift
    acts = t.backend.activations(theta, grid_points(G))
    maps = tuple(frozen(a.reshape(G, G, -1).astype(np.float32)) for a in acts)
    k = maps[-1].shape[-1]
    probs = np.full((G, G, max(k, 2)), 1.0 / max(k, 2))
    return Snapshot(run=1, step=0, running=False, history=(), metrics=Metrics(), theta=frozen(theta), num_outputs=k,
                    num_classes=max(k, 2), config=config, grid=frozen(probs), neuron_maps=maps)


def network(qtbot, config, size=(420, 600)):
    """The network view at this size and the plane, both on one model, shown a snapshot of the config."""
    model = panel_model(config)
    view = NetworkView(model)
    plane = DataPanel(model)
    for w in (view, plane):
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
    view.resize(*size)
    plane.resize(500, 500)
    snap = snapshot(config)
    model.controller.send(snap)
    qtbot.waitUntil(lambda: view.snap is snap and len(view.rgbs) == len(view.canvas.nodes))
    return model, view, plane, snap


def move(widget, pos: QPointF):
    ev = QMouseEvent(QEvent.Type.MouseMove, pos, widget.mapToGlobal(pos), Qt.MouseButton.NoButton,
                     Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, ev)


def leave(widget):
    QApplication.sendEvent(widget, QEvent(QEvent.Type.Leave))


def strongest_by_hand(values, edges, k):
    """Each node's k biggest connections in and out, counted one node at a time."""
    keep = set()
    for end in ("src", "dst"):
        for node in {getattr(e, end) for e in edges}:
            mine = [i for i, e in enumerate(edges) if getattr(e, end) == node]
            keep |= set(sorted(mine, key=lambda i: (-abs(values[i]), i))[:k])
    return sorted(keep)


def assert_legible(canvas):
    rects = [n.rect for n in canvas.nodes]
    assert min(r.width() for r in rects) >= MIN_NODE_PX and all(r.width() == r.height() for r in rects)
    for i, a in enumerate(rects):  # no map covers another
        assert not any(a.intersects(b) for b in rects[i + 1:])


def test_a_16_16_network_draws_each_neurons_strongest_lines_and_the_user_picks_others(qtbot):
    model, v, plane, snap = network(qtbot, SPIRAL)
    c = v.canvas
    assert c.sizes == (2, 16, 16, 3) and len(c.edges) == 2 * 16 + 16 * 16 + 16 * 3 == 336
    combo = v.findChild(QComboBox, "networkEdges")
    assert combo is v.edge_mode and combo.currentData() == "auto"
    expected = strongest_by_hand(c.values, c.edges, PER_NEURON)
    assert c.drawn.tolist() == expected and len(expected) < 336 // 2  # structure, not a block
    assert "hover a neuron" in v.legend.text() and f"{len(expected)} of 336" in v.legend.text()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # all
    assert combo.currentData() == "all" and len(c.drawn) == 336 and "of 336" not in v.legend.text()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # each neuron's strongest, chosen
    assert c.drawn.tolist() == expected
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # above a quarter of the biggest
    big = np.abs(c.values) >= 0.25 * np.abs(c.values).max()
    assert c.drawn.tolist() == np.flatnonzero(big).tolist() and 0 < len(c.drawn) < 336
    assert not c.grab().isNull()


def test_hidden_lines_of_a_neuron_show_on_hover_and_stay_clickable_once_it_is_selected(qtbot):
    model, v, plane, snap = network(qtbot, SPIRAL)
    c = v.canvas
    i = next(i for i, n in enumerate(c.nodes) if n.name == "h[1][4]")
    mine = c.edges_of(i)
    hidden = [int(k) for k in mine if k not in set(c.drawn.tolist())]
    assert len(mine) == 16 + 3 and hidden
    k = hidden[0]
    assert c.hit(c.edge_point(k, 0.5)) != ("edge", k)  # not drawn: not under the pointer either
    move(c, c.nodes[i].rect.center())
    assert c.hover == ("node", i)
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=c.nodes[i].rect.center().toPoint())
    assert c.selected == i and v.detail.isVisible()
    spot = next(c.edge_point(k, float(t)) for t in np.linspace(0.3, 0.7, 41)
                if c.hit(c.edge_point(k, float(t))) == ("edge", k))
    qtbot.mouseClick(c, Qt.MouseButton.LeftButton, pos=spot.toPoint())
    assert v.editor.isVisible() and v.editor.placeholderText() == c.edges[k].name


@pytest.mark.parametrize("size", [(420, 600), (380, 560)])
def test_a_16_16_network_fits_its_dock_with_maps_of_40_px_or_more(qtbot, size):
    model, v, plane, snap = network(qtbot, SPIRAL, size)
    c = v.canvas
    assert_legible(c)
    assert c.height() <= v.scroller.viewport().height()  # the whole network in view, no scrolling
    assert all(c.rect().contains(n.rect.toRect()) for n in c.nodes)


def test_a_big_network_in_a_small_dock_scrolls_rather_than_shrink_its_maps(qtbot):
    model, v, plane, snap = network(qtbot, SPIRAL.with_changes(hidden=(32, 32)), (300, 300))
    c = v.canvas
    assert_legible(c)
    assert c.height() > v.scroller.viewport().height()
    qtbot.waitUntil(v.scroller.verticalScrollBar().isVisible)
    assert all(c.rect().contains(n.rect.toRect()) for n in c.nodes)


def test_the_network_view_opened_in_a_1280x720_window_shows_16_16_maps_of_40_px(qtbot, make_window):
    w = make_window(SPIRAL)
    w.resize(1280, 720)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == (1280, 720))
    qtbot.keyClick(w, Qt.Key.Key_W)
    wait_snapshot(qtbot, w, lambda s: s.neuron_maps is not None)
    v = w.network_view
    qtbot.waitUntil(lambda: len(v.rgbs) == len(v.canvas.nodes) == 2 + 16 + 16 + 3)
    assert_legible(v.canvas)
    assert v.canvas.height() <= v.scroller.viewport().height()


def test_hovering_a_neuron_shows_its_map_on_the_plane_and_leaving_restores_the_regions(qtbot):
    model, v, plane, snap = network(qtbot, SPIRAL)
    c = v.canvas
    assert not plane.previewing() and plane.regions.isVisible() and not plane.preview_caption.isVisible()
    i = next(i for i, n in enumerate(c.nodes) if n.name == "h[0][3]")
    with qtbot.waitSignal(model.neuron_previewed):
        move(c, c.nodes[i].rect.center())
    assert plane.previewing() and plane.preview_caption.isVisible()
    assert plane.preview_caption.text().startswith("Showing neuron h[0][3]")
    want = (map_rgb(snap.neuron_maps[0][..., 3], 0.0, 1.0) * (1 - NEURON_WASH) + 255 * NEURON_WASH).astype(np.uint8)
    assert np.array_equal(plane.neuron_map.image, want)
    out = next(i for i, n in enumerate(c.nodes) if n.name == "logit 2")  # another neuron: its map
    move(c, c.nodes[out].rect.center())
    assert plane.preview_caption.text().startswith("Showing neuron logit 2")
    move(c, QPointF(2, c.height() - 2))  # empty space
    assert not plane.previewing() and not plane.preview_caption.isVisible() and plane.regions.isVisible()
    move(c, c.nodes[i].rect.center())
    assert plane.previewing()
    leave(c)  # the pointer leaves the network
    assert not plane.previewing() and model.previewed is None
    move(c, c.nodes[i].rect.center())
    v.hide()  # the dock closed under the pointer
    assert not plane.previewing()


def test_the_preview_follows_new_maps_while_training_and_drops_a_network_that_was_replaced(qtbot):
    model, v, plane, snap = network(qtbot, SPIRAL)
    c = v.canvas
    i = next(i for i, n in enumerate(c.nodes) if n.name == "h[1][0]")
    move(c, c.nodes[i].rect.center())
    first = plane.neuron_map.image.copy()
    model.controller.send(snapshot(SPIRAL, seed_shift=0.3))  # the next step's maps
    assert plane.previewing() and not np.array_equal(plane.neuron_map.image, first)
    model.controller.send(snapshot(SPIRAL.with_changes(hidden=(5,))))  # reset to another shape
    qtbot.waitUntil(lambda: c.sizes == (2, 5, 3))
    assert not plane.previewing() and model.previewed is None


@pytest.mark.parametrize("features", [("x", "y"), ("x2", "xy", "sinx")])
def test_a_tiny_network_and_feature_inputs_keep_their_names_maps_and_hover(qtbot, features):
    config = get_preset("moons-demo").config.with_changes(hidden=(2,), features=features)
    model, v, plane, snap = network(qtbot, config)
    c = v.canvas
    assert c.sizes == (len(features), 2, 1) and len(c.drawn) == len(c.edges) == len(features) * 2 + 2
    assert c.subcols == (1, 1, 1) and c._show_labels  # room for the names above the maps
    assert_legible(c)
    names = {"x": "x0", "y": "x1", "x2": "x0²", "xy": "x0·x1", "sinx": "sin x0"}
    assert [n.name for n in c.nodes[:len(features)]] == [names[f] for f in features]
    move(c, c.nodes[0].rect.center())  # an input: its feature over the plane
    assert plane.previewing() and names[features[0]] in plane.preview_caption.text()
    assert not (plane.neuron_map.image == plane.neuron_map.image[0, 0]).all()


def test_every_edge_mode_is_capped_and_a_canvas_alone_paints(qtbot):
    c = NetworkCanvas()
    qtbot.addWidget(c)
    c.resize(600, 900)
    c.set_structure((2, 64, 64, 3), "relu")
    theta = np.random.default_rng(1).normal(size=3 * 64 + 65 * 64 + 65 * 3)
    c.set_values(theta, None, False)
    assert len(c.drawn) == len(strongest_by_hand(c.values, c.edges, PER_NEURON))
    c.set_edge_mode("all")
    sizes = np.abs(c.values)
    assert len(c.drawn) == MAX_DRAWN_EDGES and sizes[c.drawn].min() >= np.delete(sizes, c.drawn).max()
    assert not c.grab().isNull() and c.paint_ms > 0
