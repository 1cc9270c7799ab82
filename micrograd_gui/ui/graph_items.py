"""Node and edge items of the graph view: one box a Value, coloured by role and by gradient."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from micrograd_gui.core.graph.trace import ROLE_FILL, Node
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

NODE_W, NODE_H = 150.0, 58.0
COL_GAP, ROW_GAP = 70.0, 18.0
# English; shown as QCoreApplication.translate("Roles", name)
ROLE_NAMES = {"input": QT_TRANSLATE_NOOP("Roles", "input"), "parameter": QT_TRANSLATE_NOOP("Roles", "parameter"),
              "constant": QT_TRANSLATE_NOOP("Roles", "constant"),
              "intermediate": QT_TRANSLATE_NOOP("Roles", "intermediate"),
              "neuron": QT_TRANSLATE_NOOP("Roles", "neuron")}
ROLE_TITLE = {**ROLE_NAMES, "intermediate": ""}  # the box title of a node without an op
NEG, ZERO, POS = QColor("#2166ac"), QColor("#f7f7f7"), QColor("#b2182b")  # diverging, colour-blind safe
EDGE_PEN = QPen(QColor("#9a9a9a"), 1.2)
PATH_PEN = QPen(QColor("#e08214"), 3.0)
ACTIVE_PEN = QPen(QColor("#7b3294"), 3.5)


def fmt(v: float) -> str:
    """4 significant digits, as the issue asks; inf and nan spelled out."""
    return f"{v:.4g}" if math.isfinite(v) else str(v)


def grad_colour(g: float, scale: float) -> QColor:
    """Blue for negative, red for positive; the square root keeps small gradients visible."""
    if not math.isfinite(g) or scale <= 0:
        return QColor("#999999") if not math.isfinite(g) else ZERO
    t = min(1.0, math.sqrt(abs(g) / scale))
    end = POS if g > 0 else NEG
    return QColor(round(ZERO.red() + (end.red() - ZERO.red()) * t),
                  round(ZERO.green() + (end.green() - ZERO.green()) * t),
                  round(ZERO.blue() + (end.blue() - ZERO.blue()) * t))


class NodeItem(QGraphicsItem):
    """Title (label · op), data and grad; a coloured grad band; level of detail when zoomed out."""

    _title_font = QFont("DejaVu Sans", 9, QFont.Weight.Bold)
    _font = QFont("DejaVu Sans", 9)

    def __init__(self, node: Node, index: int):
        super().__init__()
        self.index = index  # position in the shown graph
        self.node = node
        self.grad_scale = 1.0  # the |grad| that gets the full colour (not QGraphicsItem.scale())
        self.state = ""  # "", "active" (being processed), "touched" (just received grad), "path", "pending"
        self.hidden_data = False
        self.hidden_grad = False
        self.grad_override: float | None = None
        # looked up once: paint() runs often; a new language builds a new window, so new items
        self._data_text = QCoreApplication.translate("NodeItem", "data {value}")
        self._grad_text = QCoreApplication.translate("NodeItem", "grad {value}")
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, NODE_W + 4, NODE_H + 4)

    def set_node(self, node: Node, scale: float) -> None:
        changed = (fmt(node.data), fmt(node.grad)) != (fmt(self.node.data), fmt(self.node.grad))
        self.node = node
        if changed or scale != self.grad_scale:
            self.grad_scale = scale
            self.update()

    def set_state(self, state: str) -> None:
        if state != self.state:
            self.state = state
            self.update()

    @property
    def grad(self) -> float:
        return self.node.grad if self.grad_override is None else self.grad_override

    def title(self) -> str:
        n = self.node
        role = ROLE_TITLE[n.role]
        op = {"": QCoreApplication.translate("Roles", role) if role else "", "neuron": ""}.get(n.op, n.op)
        return " · ".join(s for s in (n.label, op) if s) or QCoreApplication.translate("NodeItem", "value")

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        n = self.node
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect = QRectF(0, 0, NODE_W, NODE_H)
        border = QPen(QColor("#333"), 1.2)
        if self.isSelected():
            border = QPen(QColor("#111"), 3)
        if self.state == "active":
            border = ACTIVE_PEN
        elif self.state == "path":
            border = PATH_PEN
        painter.setPen(border)
        fill = QColor(ROLE_FILL[n.role])
        if self.state == "pending":
            fill = QColor("#f4f4f4")
        painter.setBrush(QBrush(fill))
        radius = 14 if n.role in ("input", "neuron") else 4
        painter.drawRoundedRect(rect, radius, radius)
        band = QRectF(1, NODE_H * 0.66, NODE_W - 2, NODE_H * 0.34 - 1)
        if not self.hidden_grad:
            painter.fillRect(band, grad_colour(self.grad, self.grad_scale))
        if self.state == "touched":
            painter.fillRect(band, QColor(123, 50, 148, 70))
        if lod < 0.45:  # zoomed far out: boxes and colours only
            return
        painter.setPen(QColor("#111"))
        painter.setFont(self._title_font)
        painter.drawText(QRectF(6, 2, NODE_W - 12, 18), Qt.AlignmentFlag.AlignVCenter, self.title())
        painter.setFont(self._font)
        data = "?" if self.hidden_data else fmt(n.data)
        painter.drawText(QRectF(6, 19, NODE_W - 12, 18), Qt.AlignmentFlag.AlignVCenter,
                         self._data_text.format(value=data))
        grad = "?" if self.hidden_grad else fmt(self.grad)
        painter.drawText(QRectF(6, NODE_H * 0.66, NODE_W - 12, NODE_H * 0.34), Qt.AlignmentFlag.AlignVCenter,
                         self._grad_text.format(value=grad))

    def left(self) -> QPointF:
        return self.pos() + QPointF(0, NODE_H / 2)

    def right(self) -> QPointF:
        return self.pos() + QPointF(NODE_W, NODE_H / 2)


class EdgeItem(QGraphicsPathItem):
    """A curve from an input's right side to its consumer's left side."""

    def __init__(self, src: NodeItem, dst: NodeItem, index: int):
        super().__init__()
        self.src, self.dst, self.index = src, dst, index
        a, b = src.right(), dst.left()
        mid = (a.x() + b.x()) / 2
        path = QPainterPath(a)
        path.cubicTo(QPointF(mid, a.y()), QPointF(mid, b.y()), b)
        self.setPath(path)
        self.setPen(EDGE_PEN)
        self.setZValue(-1)

    def highlight(self, pen: QPen | None) -> None:
        self.setPen(pen or EDGE_PEN)
        self.setZValue(0 if pen else -1)


def legend_gradient(rect: QRectF) -> QLinearGradient:
    grad = QLinearGradient(rect.topLeft(), rect.topRight())
    grad.setColorAt(0.0, NEG)
    grad.setColorAt(0.5, ZERO)
    grad.setColorAt(1.0, POS)
    return grad
