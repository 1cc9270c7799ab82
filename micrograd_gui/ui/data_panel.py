"""The plane: points coloured by class and split, decision regions underneath (or the map of the neuron hovered in
the network view), click / drag / remove."""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QPen
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from micrograd_gui.core.datasets import TEST, VAL, Dataset
from micrograd_gui.core.snapshot import EXTENT, Snapshot

from .app_model import AppModel, NeuronRef, ViewOptions
from .flow_layout import FlowLayout
from .neuron_colours import node_rgb
from .presentation import style_axes
from .teacher_mode import Teacher
from .theme import PALETTES, SPLIT_SYMBOLS, point_style, region_image, set_text_colour

PICK_RADIUS_PX = 12  # how close to a point a drag must start
SELECT_RADIUS_PX = 7  # a click this close to a point selects it (for the graph) instead of adding one
PRESENTATION_MARKER = 17  # marker size in presentation mode (11 otherwise)
NEURON_WASH = 0.25  # a neuron's map is mixed this far toward white: the points on it stay readable


class DataViewBox(pg.ViewBox):
    """A fixed view of the plane that turns mouse gestures into signals in data coordinates."""

    clicked = Signal(float, float, bool)  # x, y, shift held
    remove_at = Signal(float, float)
    split_at = Signal(float, float)  # Alt-click: the point there changes split
    drag = Signal(str, float, float)  # "start" / "move" / "finish", x, y

    def __init__(self) -> None:
        super().__init__(enableMenu=False)
        self.setMouseEnabled(False, False)
        # the range stays EXTENT, where the regions are drawn; SquarePlane keeps the box square (equal units)
        x0, x1, y0, y1 = EXTENT
        self.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)

    def _xy(self, scene_pos: QPointF) -> tuple[float, float]:
        p = self.mapSceneToView(scene_pos)
        return p.x(), p.y()

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        x, y = self._xy(ev.scenePos())
        mods = ev.modifiers()
        if ev.button() == Qt.MouseButton.RightButton or (
                ev.button() == Qt.MouseButton.LeftButton and mods & Qt.KeyboardModifier.ControlModifier):
            self.remove_at.emit(x, y)
        elif ev.button() == Qt.MouseButton.LeftButton and mods & Qt.KeyboardModifier.AltModifier:
            self.split_at.emit(x, y)
        elif ev.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit(x, y, bool(mods & Qt.KeyboardModifier.ShiftModifier))
        else:
            ev.ignore()
            return
        ev.accept()

    def mouseDragEvent(self, ev, axis=None) -> None:  # type: ignore[no-untyped-def]
        if ev.button() != Qt.MouseButton.LeftButton:
            ev.ignore()
            return
        ev.accept()
        if ev.isStart():
            self.drag.emit("start", *self._xy(ev.buttonDownScenePos()))
        self.drag.emit("finish" if ev.isFinish() else "move", *self._xy(ev.scenePos()))


class _PassiveScatter(pg.ScatterPlotItem):
    """Points that never take a click: every gesture on the plane belongs to the view box."""

    def mouseClickEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        ev.ignore()

    def hoverEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        pass


class SquarePlane(QWidget):
    """Holds the plot and keeps its view box square, centred in the room it has: with the range fixed to EXTENT
    the regions fill the whole visible plane at any window shape, and a circle stays a circle."""

    def __init__(self, plot: pg.PlotWidget, view: pg.ViewBox):
        super().__init__()
        self.plot, self.view = plot, view
        plot.setParent(self)
        self.setMinimumSize(160, 160)
        # the axes' room changes with their font (presentation mode): fit again once the plot has laid them out
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit)
        view.sigResized.connect(self._refit.start)

    def resizeEvent(self, ev) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(ev)
        self._fit()

    def _fit(self) -> None:
        box, item = self.view.size(), self.plot.getPlotItem().size()
        # the axes take what the plot has beyond its view box; before the first layout, a typical amount
        extra_w, extra_h = ((item.width() - box.width(), item.height() - box.height())
                            if box.width() > 20 and box.height() > 20 else (50.0, 40.0))
        side = max(20.0, min(self.width() - extra_w, self.height() - extra_h))
        w, h = round(side + extra_w), round(side + extra_h)
        rect = QRect((self.width() - w) // 2, (self.height() - h) // 2, w, h)
        if rect != self.plot.geometry():
            self.plot.setGeometry(rect)


class DataPanel(QWidget):
    """Shows the model's points and the regions of its snapshots; gestures become intents on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("dataPanel")
        self.model = model
        self.palette_name = "standard"
        self.hard_regions = False
        self.show_contour = False
        self._data = Dataset()
        self._probs: np.ndarray | None = None
        self._drag_index: int | None = None
        self._hidden_splits: frozenset[int] = frozenset()  # validation / test points the view options hide
        self.read_only = False  # teacher mode can lock the points
        self.marker_size = 11
        self.wash = 0.55  # how far region colours are mixed toward white

        self.view = DataViewBox()
        self.plot = pg.PlotWidget(viewBox=self.view, background="w")
        self.plot.setObjectName("dataPlot")
        self.plot.setToolTip(self.tr("Click: add a point of the active class · Shift-click: next class · "
                                     "Drag: move · Right-click or Ctrl-click: remove · Alt-click: train, "
                                     "validation or test"))
        self.plot.hideButtons()
        self.plot.getPlotItem().setContentsMargins(2, 12, 16, 2)  # room for the half of "2.5" beyond the plane
        self.plot.showGrid(x=False, y=False)
        for ax in ("left", "bottom"):
            self.plot.getAxis(ax).setTextPen("k")
            self.plot.getAxis(ax).setPen("k")
        self.regions = pg.ImageItem(axisOrder="row-major")
        self.regions.setZValue(-10)
        self.view.addItem(self.regions)
        self.contours: list[pg.IsocurveItem] = []
        # the neuron hovered in the network view, over the regions and their contours while the pointer is on it
        self.neuron_map = pg.ImageItem(axisOrder="row-major")
        self.neuron_map.setZValue(-9)
        self.neuron_map.hide()
        self.view.addItem(self.neuron_map)
        self.preview_caption = QLabel(self.plot)
        self.preview_caption.setObjectName("neuronPreviewCaption")
        self.preview_caption.setStyleSheet("QLabel { background: rgba(255, 255, 255, 225); color: #111; "
                                           "border: 1px solid #888; padding: 2px 6px; }")
        self.preview_caption.hide()
        self._preview: NeuronRef | None = None
        self._maps_snap: Snapshot | None = None  # the latest snapshot that carried the neuron maps
        self.rims = _PassiveScatter(pxMode=True, antialias=True)
        self.view.addItem(self.rims)
        self.scatter = _PassiveScatter(pxMode=True, antialias=True)
        self.view.addItem(self.scatter)

        # the probe: the point whose computation graph the graph view shows; drag it anywhere
        self.probe = pg.TargetItem(pos=(0, 0), size=18, symbol="crosshair", movable=True,
                                   pen=pg.mkPen("#111", width=2.5), brush=pg.mkBrush(255, 255, 255, 160),
                                   hoverPen=pg.mkPen("#e08214", width=3), label=self.tr("probe"),
                                   labelOpts={"color": "#111", "offset": (12, -12)})
        self.probe.setZValue(10)
        self.probe.setToolTip(self.tr("The point whose computation graph is shown: drag it, or click a data point"))
        self.probe.sigPositionChanged.connect(self._on_probe_moved)
        self.view.addItem(self.probe)
        self.view.clicked.connect(self._on_clicked)
        self.view.remove_at.connect(self._on_remove_at)
        self.view.split_at.connect(self._on_split_at)
        self.view.drag.connect(self._on_drag)

        legend = QLabel(self.tr("● train  ▲ val  □ test"))
        legend.setObjectName("splitLegend")
        legend.setToolTip(self.tr("Filled dots train the model; triangles are the validation split; hollow squares "
                                  "the test split, never trained on"))
        set_text_colour(legend, "#444")
        self.counts = QLabel()
        self.counts.setObjectName("pointCounts")
        # the legend, then the window's region toggles; wraps onto two lines rather than widen the window
        self.toggles = FlowLayout()
        self.toggles.add(legend)
        self.toggles.addStretch()
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(SquarePlane(self.plot, self.view), 1)
        lay.addLayout(self.toggles)

        self.set_data(model.data)
        self.set_probe(*model.probe)
        model.data_changed.connect(self.set_data)
        model.probe_changed.connect(self.set_probe)
        model.view_changed.connect(self._on_view_changed)
        model.teacher_changed.connect(self._on_teacher_changed)
        model.panel_shown.connect(self._on_panel_shown)
        model.snapshot.connect(self.set_snapshot)
        model.neuron_previewed.connect(self._on_neuron_previewed)

    # ---- showing ------------------------------------------------------------------------------
    def set_data(self, data: Dataset) -> None:
        self._data = data
        colours = PALETTES[self.palette_name]
        n = len(data)
        splits, labels = np.asarray(data.splits, dtype=np.int64), np.asarray(data.labels, dtype=np.int64)
        shown = np.flatnonzero(~np.isin(splits, sorted(self._hidden_splits)))
        # one pen, brush and symbol per (class, split) shared by its points: 5,000 points need at most 18 of each,
        # not one new pen a point (which took ~0.7 s a redraw at 5,000)
        keys = list(zip(labels[shown].tolist(), splits[shown].tolist(), strict=True))
        looks = {(c, sp): self._look(colours[c % len(colours)], sp) for c, sp in set(keys)}
        xs, ys = np.asarray(data.xs, dtype=np.float64), np.asarray(data.ys, dtype=np.float64)
        self.scatter.setData(x=xs[shown], y=ys[shown], symbol=[SPLIT_SYMBOLS[k[1]] for k in keys],
                             brush=[looks[k][1] for k in keys], size=self.marker_size,
                             pen=[looks[k][0] for k in keys])
        rims = [j for j, k in enumerate(keys) if looks[k][2] is not None]  # a dark square behind, a little larger
        self.rims.setData(x=xs[shown][rims], y=ys[shown][rims], symbol=[SPLIT_SYMBOLS[keys[j][1]] for j in rims],
                          size=self.marker_size + 7, brush=[looks[keys[j]][2] for j in rims], pen=None)
        counts = [data.splits.count(s) for s in (0, 1, 2)]
        self.counts.setText(self.tr("{n} points: {train} train · {val} val · {test} test").format(
            n=n, train=counts[0], val=counts[1], test=counts[2]))

    @staticmethod
    def _look(colour: str, split: int) -> tuple[QPen, QBrush, QBrush | None]:
        """The outline pen, fill brush and rim brush (test points) of a class colour and split."""
        style = point_style(colour, split)
        return (pg.mkPen(style.outline, width=style.width), pg.mkBrush(style.fill),
                pg.mkBrush(style.rim) if style.rim else None)

    @Slot(object)
    def _on_view_changed(self, v: ViewOptions) -> None:
        if v.palette != self.palette_name:
            self.set_palette(v.palette)
        if v.presentation != (self.marker_size == PRESENTATION_MARKER):
            style_axes(self.plot, self.font(), v.presentation)
            self.set_presentation(v.presentation)
        if v.hard != self.hard_regions:
            self.set_hard(v.hard)
        if v.contour != self.show_contour:
            self.set_contour(v.contour)
        if v.regions != self.regions.isVisible():
            self.set_regions_visible(v.regions)
        hidden = frozenset(s for s, on in ((VAL, v.show_val), (TEST, v.show_test)) if not on)
        if hidden != self._hidden_splits:
            self._hidden_splits = hidden
            self.set_data(self._data)

    @Slot(object)
    def _on_teacher_changed(self, teacher: Teacher) -> None:
        self.read_only = "points" in teacher.locked or "points" in teacher.hidden

    @Slot(str, bool)
    def _on_panel_shown(self, name: str, visible: bool) -> None:
        if name == "graph":
            self.set_probe_visible(visible)

    @Slot(object)
    def set_snapshot(self, snap: Snapshot) -> None:
        if snap.neuron_maps is not None:
            self._maps_snap = snap
            if self._preview is not None:
                self._draw_preview()
        if snap.grid is None:
            return
        self._probs = snap.grid
        self._draw_regions()

    @Slot(object)
    def _on_neuron_previewed(self, neuron: NeuronRef | None) -> None:
        self._preview = neuron
        self._draw_preview()

    def previewing(self) -> bool:
        """True while the plane shows a neuron's map instead of the regions."""
        return self.neuron_map.isVisible()

    def _draw_preview(self) -> None:
        """The hovered neuron's map over the whole plane with a caption naming it; the regions again without one."""
        ref, snap = self._preview, self._maps_snap
        rgb = None
        if ref is not None and snap is not None and snap.neuron_maps is not None:
            sizes = (len(snap.config.features), *snap.config.hidden, snap.num_outputs)
            if sizes == ref.sizes:  # maps of the network the pointer is on, not of the one before a reset
                rgb = node_rgb(snap.neuron_maps, snap.config.features, snap.config.activation, ref.node)
        if ref is None or rgb is None:
            self.neuron_map.hide()
            self.preview_caption.hide()
            return
        washed = (rgb * (1 - NEURON_WASH) + 255 * NEURON_WASH).astype(np.uint8)
        x0, x1, y0, y1 = EXTENT
        self.neuron_map.setImage(washed, autoLevels=False, levels=(0, 255), rect=QRectF(x0, y0, x1 - x0, y1 - y0))
        self.neuron_map.show()
        self.preview_caption.setText(self.tr("Showing neuron {name} — move away to see the regions").format(
            name=ref.name))
        self.preview_caption.adjustSize()
        # at the plane's bottom left: messages come at the top
        corner = self.plot.mapFromScene(self.view.sceneBoundingRect().bottomLeft())
        self.preview_caption.move(corner.x() + 6, corner.y() - self.preview_caption.height() - 6)
        self.preview_caption.show()
        self.preview_caption.raise_()

    def set_regions_visible(self, visible: bool) -> None:
        self.regions.setVisible(visible)
        for c in self.contours:
            c.setVisible(visible and self.show_contour)

    def set_palette(self, name: str) -> None:
        self.palette_name = name
        self.set_data(self._data)
        self._draw_regions()

    def set_presentation(self, on: bool) -> None:
        """Bigger markers and stronger region colours for a projector."""
        self.marker_size = PRESENTATION_MARKER if on else 11
        self.wash = 0.4 if on else 0.55
        self.set_data(self._data)
        self._draw_regions()

    def set_hard(self, hard: bool) -> None:
        self.hard_regions = hard
        self._draw_regions()

    def set_contour(self, on: bool) -> None:
        self.show_contour = on
        self._draw_regions()

    def _draw_regions(self) -> None:
        probs = self._probs
        if probs is None:
            return
        x0, x1, y0, y1 = EXTENT
        # setImage forgets the placement, so the rect goes with every image
        self.regions.setImage(region_image(probs, self.palette_name, self.hard_regions, self.wash), autoLevels=False,
                              levels=(0, 255), rect=QRectF(x0, y0, x1 - x0, y1 - y0))
        self._draw_contours(probs if self.show_contour else None)

    def _draw_contours(self, probs: np.ndarray | None) -> None:
        k = 0 if probs is None else probs.shape[-1]
        while len(self.contours) < k:
            iso = pg.IsocurveItem(level=0.5, pen=pg.mkPen("#222", width=2), axisOrder="row-major")
            iso.setParentItem(self.regions)  # same transform as the image
            self.contours.append(iso)
        for i, iso in enumerate(self.contours):
            if probs is not None and i < k:
                iso.setData(np.asarray(probs[..., i], dtype=np.float64), level=0.5)
                iso.setVisible(self.regions.isVisible())
            else:
                iso.setVisible(False)

    # ---- gestures -> intents ------------------------------------------------------------------
    def _nearest(self, x: float, y: float) -> int | None:
        """The nearest point shown: hidden validation or test points are neither picked, moved nor removed."""
        d = self._data
        if not self._hidden_splits:
            return d.nearest(x, y)
        shown = [i for i, s in enumerate(d.splits) if s not in self._hidden_splits]
        return min(shown, key=lambda i: (d.xs[i] - x) ** 2 + (d.ys[i] - y) ** 2) if shown else None

    def _nearest_within_reach(self, x: float, y: float, radius_px: float = PICK_RADIUS_PX) -> int | None:
        i = self._nearest(x, y)
        if i is None:
            return None
        px, py = self.view.viewPixelSize()
        dx, dy = (self._data.xs[i] - x) / px, (self._data.ys[i] - y) / py
        return i if dx * dx + dy * dy <= radius_px**2 else None

    def _on_clicked(self, x: float, y: float, shift: bool) -> None:
        i = self._nearest_within_reach(x, y, SELECT_RADIUS_PX)
        if i is not None and not shift:
            self.model.select_point(i)
        elif not self.read_only:
            self.model.add_point(x, y, shift)

    def _on_probe_moved(self) -> None:
        p = self.probe.pos()
        self.model.set_probe(p.x(), p.y())

    @Slot(float, float, int)
    def set_probe(self, x: float, y: float, _label: int = 0) -> None:
        """Move the probe marker without echoing a probe_moved back."""
        self.probe.blockSignals(True)
        self.probe.setPos(x, y)
        self.probe.blockSignals(False)

    def set_probe_visible(self, visible: bool) -> None:
        self.probe.setVisible(visible)

    def _on_remove_at(self, x: float, y: float) -> None:
        if self.read_only:
            return
        i = self._nearest(x, y)
        if i is not None:
            self.model.remove_point(i)

    def _on_split_at(self, x: float, y: float) -> None:
        i = self._nearest_within_reach(x, y, SELECT_RADIUS_PX)
        if i is not None and not self.read_only:
            self.model.cycle_split(i)

    def _on_drag(self, phase: str, x: float, y: float) -> None:
        if phase == "start":
            self._drag_index = None if self.read_only else self._nearest_within_reach(x, y)
            return
        if self._drag_index is None:
            return
        x0, x1, y0, y1 = EXTENT
        x, y = min(max(x, x0), x1), min(max(y, y0), y1)
        self.model.move_point(self._drag_index, x, y, phase == "finish")
        if phase == "finish":
            self._drag_index = None

    def data_to_widget(self, x: float, y: float) -> QPointF:
        """Where a data point is, in the plot viewport's pixel coordinates (for tests and the self-test)."""
        scene = self.view.mapViewToScene(QPointF(x, y))
        return QPointF(self.plot.mapFromScene(scene))
