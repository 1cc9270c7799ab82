"""The network drawn to fit its widget: neuron maps in columns, weights as lines; hover, click, tooltips."""

from __future__ import annotations

import math
import time

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QScrollArea, QStyle, QToolTip, QWidget

from micrograd_gui.core.names import bias_name

from .graph_items import fmt
from .network_edges import EDGE_LEVELS, edge_style, level_pen, select_edges
from .network_geometry import Connection, NeuronNode, fit, network_layout, place

LABEL_SCALE = 1.2  # neuron names and column titles, a little bigger than the window's text (min 11 pt)
SMOOTH_EDGES = 150  # antialiased up to this many connections (wide antialiased lines with alpha are slow)
VEIL = QColor(255, 255, 255, 190)  # over the other connections while a neuron is hovered: its own stand out


class NetworkCanvas(QWidget):
    """Paints the network fitted to its size; hit-tests nodes and edges for hover, clicks and tooltips."""

    edge_clicked = Signal(int, QPoint)  # connection index, where
    node_clicked = Signal(int)
    node_double_clicked = Signal(int, QPoint)
    node_hovered = Signal(int)  # the node under the pointer, -1 when none
    relayout = Signal()  # the room the maps need changed (new structure or font): the scroll area fits again

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.sizes: tuple[int, ...] = ()
        self.activation = "tanh"
        self.nodes: list[NeuronNode] = []
        self.edges: list[Connection] = []
        self.images: list[QImage | None] = []
        self.theta = np.zeros(0)
        self.grads: np.ndarray | None = None
        self.show_grads = False
        self.values = np.zeros(0)  # what the edges are drawn from: weights, or their gradients
        self.levels = np.zeros(0, dtype=np.intp)
        self.scale = 0.0
        self.edge_mode = "auto"  # which connections are drawn: see network_edges.EDGE_MODES
        self.drawn = np.zeros(0, dtype=np.intp)  # the connections painted
        self._src = self._dst = np.zeros(0, dtype=np.intp)  # each connection's nodes
        self._edge_cache: QPixmap | None = None  # the painted connections, until values or sizes change
        self.paint_ms = 0.0
        self.hover: tuple[str, int] | None = None
        self._pressed: tuple[str, int] | None = None
        self.selected = -1
        self._ends = np.zeros((0, 4))  # x1, y1, x2, y2 of every edge, for hit-testing
        self._titles: list[tuple[QRectF, str]] = []
        self._show_labels = True
        self.subcols: tuple[int, ...] = ()  # each layer's staggered sub-columns
        self.font_label, self.font_title = self._fonts()

    def _fonts(self) -> tuple[QFont, QFont]:
        """Label and title fonts that follow the window's (bigger in presentation mode)."""
        label = QFont(self.font())
        label.setPointSizeF(max(11.0, self.font().pointSizeF() * LABEL_SCALE))
        title = QFont(label)
        title.setBold(True)
        return label, title

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.font_label, self.font_title = self._fonts()
            self._layout()
            self.relayout.emit()

    # ---- state in -----------------------------------------------------------------------------
    def set_structure(self, sizes: tuple[int, ...], activation: str, inputs: tuple[str, ...] = ()) -> None:
        self.sizes, self.activation = sizes, activation
        self.nodes, self.edges = network_layout(sizes, activation, inputs)
        self._src = np.array([e.src for e in self.edges], dtype=np.intp)
        self._dst = np.array([e.dst for e in self.edges], dtype=np.intp)
        self.values = np.zeros(len(self.edges))
        self.levels, self.scale = edge_style(self.values)
        self.drawn = select_edges(self.edge_mode, self.values, self._src, self._dst, sizes)
        self.images = [None] * len(self.nodes)
        self.selected = -1
        self._set_hover(None)
        self._layout()
        self.relayout.emit()

    def set_values(self, theta: np.ndarray, grads: np.ndarray | None, show_grads: bool) -> None:
        self.theta, self.grads, self.show_grads = theta, grads, show_grads
        params = np.fromiter((e.param for e in self.edges), dtype=np.intp, count=len(self.edges))
        source = grads if show_grads else theta
        self.values = source[params] if source is not None and len(source) == len(theta) else np.zeros(len(params))
        self.levels, self.scale = edge_style(self.values)
        self._select()

    def set_edge_mode(self, mode: str) -> None:
        """Which connections are drawn: "auto", "all", "strongest" (each neuron's) or "above" (a share of the
        biggest)."""
        self.edge_mode = mode
        self._select()

    def _select(self) -> None:
        self.drawn = select_edges(self.edge_mode, self.values, self._src, self._dst, self.sizes)
        self._edge_cache = None
        self.update()

    def edges_of(self, i: int) -> np.ndarray:
        """Every connection into or out of node i, drawn or not."""
        return np.flatnonzero((self._src == i) | (self._dst == i)) if 0 <= i < len(self.nodes) else self._src[:0]

    def set_images(self, images: list[QImage | None]) -> None:
        self.images = images
        self.update()

    def set_selected(self, i: int) -> None:
        if i != self.selected:
            self.selected = i
            self.update()

    # ---- geometry -----------------------------------------------------------------------------
    def _metrics(self) -> tuple[int, int]:
        label_h = QFontMetrics(self.font_label).height()
        return label_h, label_h + 14  # a name's height, the room above the maps (the column titles)

    def needed(self, width: int, height: int) -> QSize:
        """The size the canvas must have in a room of width x height: 0 where the room is enough."""
        if not self.nodes:
            return QSize(0, 0)
        f = fit(width, height, self.sizes, *self._metrics())
        return QSize(f.width if f.width > width else 0, f.height if f.height > height else 0)

    def _layout(self) -> None:
        self._titles = []
        if not self.nodes:
            return
        label_h, top = self._metrics()
        f = fit(self.width(), self.height(), self.sizes, label_h, top)
        self._show_labels, self.subcols = f.labels, f.subcols
        spans = place(self.nodes, self.sizes, f, label_h, top)
        cols = len(self.sizes)
        for c, (left, right) in enumerate(spans):
            title = (self.tr("input") if c == 0 else self.tr("output") if c == cols - 1
                     else self.tr("hidden {n}").format(n=c))
            mid, half = (left + right) / 2, max(right - left, 2 * f.side) / 2 + 4  # room for "output" over one map
            self._titles.append((QRectF(mid - half, 4, 2 * half, label_h + 4), title))
        for e in self.edges:
            a, b = self.nodes[e.src].rect, self.nodes[e.dst].rect
            e.line = QLineF(QPointF(a.right(), a.center().y()), QPointF(b.left(), b.center().y()))
        self._ends = np.array([[e.line.x1(), e.line.y1(), e.line.x2(), e.line.y2()] for e in self.edges],
                              dtype=np.float64).reshape(-1, 4)
        self._edge_cache = None
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._layout()

    def edge_pen(self, k: int) -> QPen:
        """The pen connection k is drawn with: colour by sign, width and opacity by size (thin grey with nothing
        to scale by, as before the first gradient)."""
        if self.scale <= 0 or len(self.levels) != len(self.edges):
            return QPen(QColor("#c8c8c8"), 1.0)
        return level_pen(int(self.levels[k]), bool(self.values[k] > 0))

    def hittable(self) -> np.ndarray:
        """The connections a pointer can hover or click: those drawn, and all of the selected neuron's."""
        if self.selected < 0:
            return self.drawn
        return np.union1d(self.drawn, self.edges_of(self.selected))

    def edge_point(self, k: int, t: float = 0.5) -> QPointF:
        """A point a fraction t along connection k."""
        return self.edges[k].line.pointAt(t)

    def hit(self, p: QPointF) -> tuple[str, int] | None:
        """("node", i) or ("edge", k) under a widget position, nodes first; None over empty space."""
        for i, n in enumerate(self.nodes):
            if n.rect.adjusted(-3, -3, 3, 3).contains(p):
                return "node", i
        ks = self.hittable()
        if not len(self._ends) or not len(ks):
            return None
        x, y = p.x(), p.y()
        ends = self._ends[ks]
        a, b = ends[:, :2], ends[:, 2:]
        d = b - a
        t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1]) / np.maximum((d * d).sum(1), 1e-9), 0, 1)
        dist = np.hypot(a[:, 0] + t * d[:, 0] - x, a[:, 1] + t * d[:, 1] - y)
        k = int(np.argmin(dist))
        return ("edge", int(ks[k])) if dist[k] <= 6.0 else None

    # ---- painting -----------------------------------------------------------------------------
    def _edge_layer(self) -> QPixmap:
        """The connections, painted once per new set of values: hovering only repaints what is on top."""
        dpr = self.devicePixelRatioF()
        if self._edge_cache is None:
            pm = QPixmap(self.size() * dpr)
            pm.setDevicePixelRatio(dpr)
            pm.fill(Qt.GlobalColor.white)
            p = QPainter(pm)
            p.setRenderHint(QPainter.RenderHint.Antialiasing, len(self.drawn) <= SMOOTH_EDGES)
            if len(self.levels) == len(self.edges) and self.scale > 0:
                positive = self.values[self.drawn] > 0
                levels = self.levels[self.drawn]
                for level in range(EDGE_LEVELS):
                    for sign in (False, True):
                        ks = self.drawn[(levels == level) & (positive == sign)]
                        if len(ks):
                            p.setPen(level_pen(level, sign))
                            p.drawLines([self.edges[k].line for k in ks])
            else:  # nothing to scale by (no gradient yet): thin grey connections
                p.setPen(QPen(QColor("#c8c8c8"), 1.0))
                p.drawLines([self.edges[k].line for k in self.drawn])
            p.end()
            self._edge_cache = pm
        return self._edge_cache

    def paintEvent(self, event: QPaintEvent) -> None:
        t0 = time.perf_counter()
        p = QPainter(self)
        p.drawPixmap(0, 0, self._edge_layer())
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
        self._paint_focus(p)
        if self.hover and self.hover[0] == "edge":
            k = self.hover[1]
            p.setPen(QPen(QColor("#111111"), 3.0 + 7.0 * math.sqrt(abs(self.values[k]) / self.scale)
                          if self.scale > 0 else 3.0))
            p.drawLine(self.edges[k].line)
        p.setFont(self.font_title)
        p.setPen(QColor("#222222"))
        for rect, title in self._titles:
            p.drawText(rect, Qt.AlignmentFlag.AlignCenter, title)
        p.setFont(self.font_label)
        fm = QFontMetrics(self.font_label)
        for i, n in enumerate(self.nodes):
            img = self.images[i] if i < len(self.images) else None
            if img is not None:
                p.drawImage(n.rect, img)
            else:
                p.fillRect(n.rect, QColor("#eeeeee"))
            hovered = self.hover == ("node", i)
            pen = QPen(QColor("#111111"), 3.5) if i == self.selected else \
                QPen(QColor("#e08214"), 3.0) if hovered else QPen(QColor("#555555"), 1.2)
            p.setPen(pen)
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(n.rect)
            if self._show_labels:
                p.setPen(QColor("#111111"))
                r = n.rect
                p.drawText(QRectF(r.center().x() - 60, r.top() - fm.height() - 2, 120, fm.height()),
                           Qt.AlignmentFlag.AlignCenter, n.name)
        p.end()
        self.paint_ms = (time.perf_counter() - t0) * 1e3

    def _paint_focus(self, p: QPainter) -> None:
        """All the connections of the hovered neuron (the others veiled), else of the selected one: also those
        the edge mode leaves out."""
        hovered = self.hover[1] if self.hover and self.hover[0] == "node" else -1
        i = hovered if hovered >= 0 else self.selected
        if i < 0:
            return
        if hovered >= 0:
            p.fillRect(self.rect(), VEIL)
        for k in self.edges_of(i):
            p.setPen(self.edge_pen(int(k)))
            p.drawLine(self.edges[k].line)

    # ---- mouse and tooltips -------------------------------------------------------------------
    def _set_hover(self, hit: tuple[str, int] | None) -> None:
        if hit == self.hover:
            return
        was = self.hover[1] if self.hover and self.hover[0] == "node" else -1
        self.hover = hit
        self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
        self.update()
        now = hit[1] if hit and hit[0] == "node" else -1
        if now != was:
            self.node_hovered.emit(now)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._set_hover(self.hit(event.position()))
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._set_hover(None)
        super().leaveEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        hit = self._pressed = self.hit(event.position())
        if hit is None:
            return super().mousePressEvent(event)
        kind, i = hit
        if kind == "edge":
            self.edge_clicked.emit(i, event.position().toPoint())
        else:
            self.node_clicked.emit(i)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self._pressed or self.hit(event.position())  # the first click may have moved the nodes since
        self._pressed = None
        if event.button() == Qt.MouseButton.LeftButton and hit and hit[0] == "node":
            self.node_double_clicked.emit(hit[1], event.position().toPoint())
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip:
            hit = self.hit(e.pos())  # type: ignore[attr-defined]
            if hit is None:
                QToolTip.hideText()
                e.ignore()
            else:
                QToolTip.showText(e.globalPos(), self.tooltip(*hit), self)  # type: ignore[attr-defined]
            return True
        return super().event(e)

    def _number(self, arr: np.ndarray | None, i: int | None) -> str:
        return "–" if arr is None or i is None or i >= len(arr) else fmt(float(arr[i]))

    def tooltip(self, kind: str, i: int) -> str:
        """What hovering shows: the weight or bias with its last gradient, and what a click does."""
        if kind == "edge":
            e = self.edges[i]
            return (f"{e.name} = {self._number(self.theta, e.param)}\n"
                    f"{self.nodes[e.src].name} → {self.nodes[e.dst].name}\n"
                    + self.tr("gradient (last step) {value}").format(value=self._number(self.grads, e.param)) + "\n"
                    + self.tr("Click to type a new weight"))
        n = self.nodes[i]
        if n.bias is None:
            return self.tr("{name}: the point's {axis} coordinate (input)").format(
                name=n.name, axis="xy"[n.index] if n.index < 2 else n.index)
        what = (self.tr("output (logit, linear)") if n.kind == "linear"
                else self.tr("{kind} neuron, hidden layer {n}").format(kind=n.kind, n=n.layer + 1))
        return (f"{n.name}: {what}\n"
                + self.tr("bias {name} = {value} · gradient {grad}").format(
                    name=bias_name(n.layer, n.index), value=self._number(self.theta, n.bias),
                    grad=self._number(self.grads, n.bias)) + "\n"
                + self.tr("Click: show its map large and all its lines · double-click: type a new bias"))


class NetworkScroll(QScrollArea):
    """Holds the canvas: it fills the room, and scrolls only where the maps would be smaller than MIN_NODE_PX."""

    def __init__(self, canvas: NetworkCanvas, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkScroll")
        self.canvas = canvas
        self.setWidget(canvas)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumSize(QSize(260, 220))
        canvas.relayout.connect(self.refit)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.refit()

    def refit(self) -> None:
        """The canvas's minimum size for this room, with the room a scroll bar takes when one is needed."""
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent)
        w, h = self.width(), self.height()
        need = self.canvas.needed(w, h)
        if need.height():
            need = self.canvas.needed(w - bar, h)
        if need.width():
            need = self.canvas.needed(w - (bar if need.height() else 0), h - bar)
        if need != self.canvas.minimumSize():
            self.canvas.setMinimumSize(need)
