"""The network drawn to fit its widget: neuron maps in columns, weights as lines; hover, click, tooltips."""

from __future__ import annotations

import math
import time
from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QImage,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QResizeEvent,
)
from PySide6.QtWidgets import QLineEdit, QToolTip, QWidget

from micrograd_gui.core.names import bias_name, input_name, neuron_name, weight_name

from .graph_items import NEG, POS, fmt

MAX_NODE_PX = 110
LABEL_SCALE = 1.2  # neuron names and column titles, a little bigger than the window's text (min 11 pt)
EDGE_LEVELS = 12  # edges are drawn in this many width / opacity steps
MAX_DRAWN_EDGES = 300  # a bigger network shows its strongest connections only: more is noise, and slow to paint
SMOOTH_EDGES = 150  # antialiased up to this many connections (wide antialiased lines with alpha are slow)


def edge_style(values: np.ndarray) -> tuple[np.ndarray, float]:
    """Width / opacity level (0..EDGE_LEVELS-1) of every edge, and the |value| the widest one stands for."""
    a = np.abs(np.nan_to_num(values, nan=0.0, posinf=0.0, neginf=0.0))
    scale = float(a.max()) if a.size else 0.0
    if scale <= 0:
        return np.zeros(len(a), dtype=np.intp), 0.0
    t = np.sqrt(a / scale)  # the square root keeps small weights visible next to big ones
    return np.minimum((t * EDGE_LEVELS).astype(np.intp), EDGE_LEVELS - 1), scale


def level_pen(level: int, positive: bool) -> QPen:
    t = (level + 0.5) / EDGE_LEVELS
    c = QColor(POS if positive else NEG)
    c.setAlphaF(0.25 + 0.75 * t)
    pen = QPen(c, 0.8 + 7.0 * t)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)  # round caps on wide antialiased lines cost 5x the time
    return pen


@dataclass
class NeuronNode:
    """One circle of the picture: an input (layer -1) or a neuron of layer `layer`."""

    layer: int
    index: int
    name: str
    bias: int | None  # index of its bias in theta; None for an input
    kind: str  # "input", the hidden activation, or "linear" for the output layer
    rect: QRectF = field(default_factory=QRectF)


@dataclass
class Connection:
    """One weight: from node `src` to node `dst`, theta[param] = w[layer][j][i]."""

    param: int
    src: int
    dst: int
    name: str
    line: QLineF = field(default_factory=QLineF)


def network_layout(sizes: tuple[int, ...], activation: str, inputs: tuple[str, ...] = ()
                   ) -> tuple[list[NeuronNode], list[Connection]]:
    """Nodes and connections of an MLP with these layer sizes (inputs first, named by `inputs` when given: the
    feature inputs x², x·y, ...), in theta's order."""
    nodes = [NeuronNode(-1, i, inputs[i] if i < len(inputs) else input_name(i), None, "input")
             for i in range(sizes[0])]
    edges: list[Connection] = []
    first = [0]  # node index of each column's first node
    p = 0
    last = len(sizes) - 2
    for l, (nin, nout) in enumerate(zip(sizes, sizes[1:])):
        first.append(len(nodes))
        for j in range(nout):
            dst = len(nodes)
            for i in range(nin):
                edges.append(Connection(p + i, first[l] + i, dst, weight_name(l, j, i)))
            kind = "linear" if l == last else activation
            nodes.append(NeuronNode(l, j, neuron_name(l, j, output=l == last), p + nin, kind))
            p += nin + 1
    return nodes, edges


class NetworkCanvas(QWidget):
    """Paints the network fitted to its size; hit-tests nodes and edges for hover, clicks and tooltips."""

    edge_clicked = Signal(int, QPoint)  # connection index, where
    node_clicked = Signal(int)
    node_double_clicked = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkCanvas")
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setMinimumSize(QSize(260, 220))
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
        self.drawn = np.zeros(0, dtype=np.intp)  # the connections painted
        self._edge_cache: QPixmap | None = None  # the painted connections, until values or sizes change
        self.paint_ms = 0.0
        self.hover: tuple[str, int] | None = None
        self._pressed: tuple[str, int] | None = None
        self.selected = -1
        self._ends = np.zeros((0, 4))  # x1, y1, x2, y2 of every edge, for hit-testing
        self._titles: list[tuple[QRectF, str]] = []
        self._show_labels = True
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

    # ---- state in -----------------------------------------------------------------------------
    def set_structure(self, sizes: tuple[int, ...], activation: str, inputs: tuple[str, ...] = ()) -> None:
        self.sizes, self.activation = sizes, activation
        self.nodes, self.edges = network_layout(sizes, activation, inputs)
        self.drawn = np.arange(len(self.edges))
        self.images = [None] * len(self.nodes)
        self.hover, self.selected = None, -1
        self._layout()

    def set_values(self, theta: np.ndarray, grads: np.ndarray | None, show_grads: bool) -> None:
        self.theta, self.grads, self.show_grads = theta, grads, show_grads
        params = np.fromiter((e.param for e in self.edges), dtype=np.intp, count=len(self.edges))
        source = grads if show_grads else theta
        self.values = source[params] if source is not None and len(source) == len(theta) else np.zeros(len(params))
        self.levels, self.scale = edge_style(self.values)
        self.drawn = self._strongest()
        self._edge_cache = None
        self.update()

    def _strongest(self) -> np.ndarray:
        """Indices of the connections drawn (and hoverable): all, or the MAX_DRAWN_EDGES biggest."""
        n = len(self.edges)
        if n <= MAX_DRAWN_EDGES:
            return np.arange(n)
        size = np.abs(np.nan_to_num(self.values, nan=0.0, posinf=0.0, neginf=0.0))
        return np.sort(np.argpartition(-size, MAX_DRAWN_EDGES - 1)[:MAX_DRAWN_EDGES])

    def set_images(self, images: list[QImage | None]) -> None:
        self.images = images
        self.update()

    def set_selected(self, i: int) -> None:
        if i != self.selected:
            self.selected = i
            self.update()

    # ---- geometry -----------------------------------------------------------------------------
    def _layout(self) -> None:
        self._titles = []
        if not self.nodes:
            return
        fm = QFontMetrics(self.font_label)
        label_h = fm.height()
        cols = len(self.sizes)
        rows = max(self.sizes)
        top, bottom, side = label_h + 14, 8, 10
        col_w = max(1.0, (self.width() - 2 * side) / cols)
        pitch = max(1.0, (self.height() - top - bottom) / rows)
        s = min(MAX_NODE_PX, col_w * 0.5, pitch - label_h - 4)
        self._show_labels = s >= 0.45 * pitch and s >= 16
        if not self._show_labels:  # too crowded for names: bigger maps, names in the tooltips
            s = min(MAX_NODE_PX, col_w * 0.5, pitch * 0.85)
        s = max(4.0, s)
        first = 0
        for c, n in enumerate(self.sizes):
            cx = side + col_w * (c + 0.5)
            height = n * pitch
            y0 = top + (self.height() - top - bottom - height) / 2
            for k in range(n):
                cy = y0 + pitch * (k + 0.5) + (label_h / 2 if self._show_labels else 0)
                self.nodes[first + k].rect = QRectF(cx - s / 2, cy - s / 2, s, s)
            first += n
            title = (self.tr("input") if c == 0 else self.tr("output") if c == cols - 1
                     else self.tr("hidden {n}").format(n=c))
            self._titles.append((QRectF(cx - col_w / 2, 4, col_w, label_h + 4), title))
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
        """The pen connection k is drawn with: colour by sign, width and opacity by size."""
        return level_pen(int(self.levels[k]), bool(self.values[k] > 0))

    def edge_point(self, k: int, t: float = 0.5) -> QPointF:
        """A point a fraction t along connection k."""
        return self.edges[k].line.pointAt(t)

    def hit(self, p: QPointF) -> tuple[str, int] | None:
        """("node", i) or ("edge", k) under a widget position, nodes first; None over empty space."""
        for i, n in enumerate(self.nodes):
            if n.rect.adjusted(-3, -3, 3, 3).contains(p):
                return "node", i
        if not len(self._ends) or not len(self.drawn):
            return None
        x, y = p.x(), p.y()
        ends = self._ends[self.drawn]
        a, b = ends[:, :2], ends[:, 2:]
        d = b - a
        t = np.clip(((x - a[:, 0]) * d[:, 0] + (y - a[:, 1]) * d[:, 1]) / np.maximum((d * d).sum(1), 1e-9), 0, 1)
        dist = np.hypot(a[:, 0] + t * d[:, 0] - x, a[:, 1] + t * d[:, 1] - y)
        k = int(np.argmin(dist))
        return ("edge", int(self.drawn[k])) if dist[k] <= 6.0 else None

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

    # ---- mouse and tooltips -------------------------------------------------------------------
    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        hit = self.hit(event.position())
        if hit != self.hover:
            self.hover = hit
            self.setCursor(Qt.CursorShape.PointingHandCursor if hit else Qt.CursorShape.ArrowCursor)
            self.update()
        super().mouseMoveEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        if self.hover is not None:
            self.hover = None
            self.update()
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
                + self.tr("Click: show its map large · double-click: type a new bias"))


class ParamEditor(QLineEdit):
    """A small field over the canvas to type a weight or bias: Enter applies, Esc or clicking away cancels."""

    committed = Signal(int, str)  # theta index, text
    cancelled = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("paramEditor")
        self.param = -1
        self.initial = ""
        self.hide()

    def open(self, param: int, name: str, value: float, at: QPoint) -> None:
        self.param = param
        self.initial = f"{value:.6g}"
        self.setText(self.initial)
        self.setToolTip(self.tr("New value of {name}: Enter applies (Ctrl+Z undoes it), Esc cancels").format(
            name=name))
        self.setPlaceholderText(name)
        self.setStyleSheet("")
        host = self.parentWidget()
        assert host is not None
        self.resize(max(130, self.fontMetrics().horizontalAdvance("−0.000000000")), self.sizeHint().height())
        x = min(max(0, at.x() - self.width() // 2), max(0, host.width() - self.width()))
        y = min(max(0, at.y() - self.sizeHint().height() // 2), max(0, host.height() - self.sizeHint().height()))
        self.move(x, y)
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.selectAll()

    def refuse(self) -> None:
        self.setStyleSheet("QLineEdit { border: 2px solid #c0392b; }")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.text().strip() == self.initial:
                self.close_editor()
            else:
                self.committed.emit(self.param, self.text())
            return
        if event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if self.isVisible():
            self.close_editor()

    def close_editor(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()
