"""The plane as a class sees it: the regions fill the whole visible plane at any window shape, and every point
stands out from the region under it in both palettes."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtGui import QColor
from uihelpers import panel_model, wait_snapshot

from micrograd_gui.core.datasets import Dataset
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import EXTENT, Metrics, Snapshot, frozen
from micrograd_gui.ui.data_panel import DataPanel
from micrograd_gui.ui.theme import PALETTES, contrast

GRID = 40


def snapshot(probs: np.ndarray) -> Snapshot:
    k = probs.shape[-1]
    return Snapshot(run=1, step=0, running=False, history=(), metrics=Metrics(), theta=np.zeros(3), num_outputs=k,
                    num_classes=k, config=get_preset("llm101n").config, grid=frozen(probs))


def one_class(c: int, k: int) -> np.ndarray:
    probs = np.zeros((GRID, GRID, k))
    probs[..., c] = 1.0
    return probs


def quadrants() -> np.ndarray:
    """Four classes, one a quadrant, so each corner of the plane has its own colour."""
    probs = np.zeros((GRID, GRID, 4))
    half = GRID // 2
    probs[:half, :half, 0] = probs[:half, half:, 1] = probs[half:, :half, 2] = probs[half:, half:, 3] = 1.0
    return probs


def regions_rect(panel: DataPanel):
    r = panel.regions.mapRectToView(panel.regions.boundingRect())
    return r.left(), r.right(), r.top(), r.bottom()


def assert_regions_fill_the_view(panel: DataPanel) -> None:
    """The view shows exactly the regions' rectangle, its units are equal, and its corners show region colours."""
    view = panel.view
    (vx0, vx1), (vy0, vy1) = view.viewRange()
    rx0, rx1, ry0, ry1 = regions_rect(panel)
    assert (vx0, vx1, vy0, vy1) == pytest.approx((rx0, rx1, ry0, ry1), abs=1e-9)
    assert (rx0, rx1, ry0, ry1) == pytest.approx(EXTENT)
    box = view.size()
    assert abs(box.width() - box.height()) <= 1.0, "the plane's units must be equal (a circle stays a circle)"
    assert box.width() > 150
    img = panel.plot.grab().toImage()
    x0, x1, y0, y1 = EXTENT
    inset = 0.02 * (x1 - x0)  # a few pixels inside each corner of the visible plane
    for x, y in ((x0 + inset, y0 + inset), (x0 + inset, y1 - inset), (x1 - inset, y0 + inset),
                 (x1 - inset, y1 - inset)):
        p = panel.data_to_widget(x, y).toPoint()
        assert 0 <= p.x() < img.width() and 0 <= p.y() < img.height()
        colour = img.pixelColor(p)
        assert colour != QColor("white"), f"white band at ({x:.2f}, {y:.2f}): {colour.name()}"


@pytest.mark.parametrize("size", [(1280, 720), (400, 900), (900, 380)])
def test_the_regions_fill_the_visible_plane_at_any_shape(qtbot, size):
    model = panel_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    model.controller.send(snapshot(quadrants()))
    panel.resize(*size)
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: abs(panel.view.size().width() - panel.view.size().height()) <= 1.0)
    assert_regions_fill_the_view(panel)
    # the plane is as large as the room allows: it spans the panel's narrower side, less the axes and legend
    plot = panel.plot.geometry()
    assert plot.width() >= panel.width() - 2 or plot.height() >= panel.height() - 60


def test_in_the_window_at_1280x720_and_tall_the_regions_fill_the_plane(qtbot, make_window):
    w = make_window()
    w.graph_dock.hide()  # as a first start on a projector's 1280x720 screen leaves it (G shows it)
    w.lesson_box.hide()
    vb = w.data_panel.view
    for size in ((1280, 720), (1000, 1300)):
        w.resize(*size)
        qtbot.waitUntil(lambda: w.data_panel.regions.image is not None)
        qtbot.waitUntil(lambda: abs(vb.size().width() - vb.size().height()) <= 1.0)
        assert_regions_fill_the_view(w.data_panel)
    # clicks still land where they are aimed on the square plane
    from uihelpers import click_data

    n = len(w.model.data)
    click_data(qtbot, w, 2.3, -2.3)
    assert len(w.model.data) == n + 1 and (w.model.data.xs[-1], w.model.data.ys[-1]) == pytest.approx(
        (2.3, -2.3), abs=0.03)
    wait_snapshot(qtbot, w, lambda s: True)


def six_classes() -> Dataset:
    """Every class in every split: a train dot, a val triangle and a test square of each."""
    pts = [(-2 + 0.7 * c, -1.0 + s, c) for c in range(6) for s in range(3)]
    return Dataset(tuple(float(p[0]) for p in pts), tuple(float(p[1]) for p in pts), tuple(p[2] for p in pts),
                   tuple(s for _ in range(6) for s in range(3)), num_classes=6)


def rgb(c: QColor) -> tuple[int, int, int]:
    return c.red(), c.green(), c.blue()


@pytest.mark.parametrize("palette", ["standard", "colorblind"])
@pytest.mark.parametrize("presentation", [False, True])
def test_every_point_stands_out_from_the_region_under_it(qtbot, palette, presentation):
    model = panel_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    model.set_view(palette=palette, presentation=presentation)
    model.replace_points(six_classes(), "six classes")
    data = model.data
    assert panel.palette_name == palette and len(panel.scatter.data) == len(data) == 18
    # what is drawn: each point's pen and brush; a test point's dark rim behind it
    pens = [p.color() for p in panel.scatter.data["pen"]]
    widths = [p.widthF() for p in panel.scatter.data["pen"]]
    fills = [b.color() for b in panel.scatter.data["brush"]]
    rims = iter([b.color() for b in panel.rims.data["brush"]])
    edge = [next(rims) if s == 2 else pens[i] for i, s in enumerate(data.splits)]
    assert all(wd >= 2 for wd in widths)
    for region_class in range(6):  # the region under a point: its own class's, or any other
        model.controller.send(snapshot(one_class(region_class, 6)))
        region = tuple(int(v) for v in panel.regions.image[GRID // 2, GRID // 2])
        for i, c in enumerate(data.labels):
            ratio = max(contrast(rgb(edge[i]), region), contrast(rgb(fills[i]), region))
            assert ratio >= 3.0, (f"{palette} class {c} split {data.splits[i]} on the region of class "
                                  f"{region_class}: contrast {ratio:.2f}")
    # the points keep their class colour: the fill (train, val) or the ring inside the rim (test)
    colours = PALETTES[palette]
    for i, (c, s) in enumerate(zip(data.labels, data.splits)):
        shown = pens[i] if s == 2 else fills[i]
        assert shown == QColor(colours[c]), (c, s)

