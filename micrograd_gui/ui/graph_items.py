"""Node and edge items of the graph view: one box a Value, coloured by role and by gradient."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QStyleOptionGraphicsItem, QWidget

from micrograd_gui.core.graph.trace import ROLE_FILL, Node
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

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
WIDEST_VALUES = ("-0.0008888", "-8.888e-88", "-8.888e+88")  # the widest fmt() gets (but for a 3-digit exponent)
MIN_DRAWN_PX = 6.0  # node text smaller than this on screen is not drawn: boxes and colours only


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


def full_title(n: Node) -> str:
    """Name · op (a leaf's role instead of an op); a node without a name shows its op or role alone."""
    role = ROLE_TITLE[n.role]
    op = {"": QCoreApplication.translate("Roles", role) if role else "", "neuron": ""}.get(n.op, n.op)
    return " · ".join(s for s in (n.label, op) if s) or QCoreApplication.translate("NodeItem", "value")


class NodeStyle:
    """Fonts and box geometry from the view's font: every box is wide enough for its name, data and grad."""

    def __init__(self, base: QFont, nodes: Sequence[Node] = ()):
        self.px = float(QFontInfo(base).pixelSize())
        self.font = QFont(base)
        self.font.setPixelSize(round(self.px))  # a scene unit is a pixel at zoom 1, on screen and in exports
        self.title_font = QFont(self.font)
        self.title_font.setBold(True)
        self.metrics, self.title_metrics = QFontMetricsF(self.font), QFontMetricsF(self.title_font)
        self.line = math.ceil(max(self.metrics.height(), self.title_metrics.height()))
        self.pad = math.ceil(self.line * 0.35)
        # looked up once: paint() runs often; a new language builds a new window, so new items
        self.data_text = QCoreApplication.translate("NodeItem", "data {value}")
        self.grad_text = QCoreApplication.translate("NodeItem", "grad {value}")
        values = max(self.metrics.horizontalAdvance(t.format(value=v))
                     for t in (self.data_text, self.grad_text) for v in WIDEST_VALUES)
        names = max((self.title_metrics.horizontalAdvance(n.label or full_title(n)) for n in nodes), default=0.0)
        self.text_w = float(math.ceil(max(values, min(names, 1.5 * values))))  # a freak name is elided, not the box
        self.width = self.text_w + 2 * self.pad
        self.band = self.line + self.pad  # the grad band at the bottom
        self.height = self.pad + 2 * self.line + self.band  # title, data, grad band
        self.col_gap = max(3.0 * self.line, 0.4 * self.width)
        self.row_gap = 0.6 * self.line

    def title(self, n: Node) -> str:
        """By priority: name · op, then the name alone; elided with '…' only if even the name is too wide."""
        full = full_title(n)
        for text in (full, n.label):
            if text and self.title_metrics.horizontalAdvance(text) <= self.text_w:
                return text
        return self.title_metrics.elidedText(n.label or full, Qt.TextElideMode.ElideRight, self.text_w)

    def fit(self, text: str) -> str:
        if self.metrics.horizontalAdvance(text) <= self.text_w:
            return text
        return self.metrics.elidedText(text, Qt.TextElideMode.ElideRight, self.text_w)


class NodeItem(QGraphicsItem):
    """Title (name · op), data and grad; a coloured grad band; boxes only when the text would be too small."""

    def __init__(self, node: Node, index: int, style: NodeStyle | None = None):
        super().__init__()
        self.index = index  # position in the shown graph
        self.node = node
        self.style = style or NodeStyle(QFont(), (node,))
        self.title_text = self.style.title(node)
        self.grad_scale = 1.0  # the |grad| that gets the full colour (not QGraphicsItem.scale())
        self.state = ""  # "", "active" (being processed), "touched" (just received grad), "path", "pending"
        self.hidden_data = False
        self.hidden_grad = False
        self.grad_override: float | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def boundingRect(self) -> QRectF:
        return QRectF(-2, -2, self.style.width + 4, self.style.height + 4)

    def set_node(self, node: Node, scale: float) -> None:
        changed = (fmt(node.data), fmt(node.grad)) != (fmt(self.node.data), fmt(self.node.grad))
        if (node.label, node.op, node.role) != (self.node.label, self.node.op, self.node.role):
            self.title_text, changed = self.style.title(node), True
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
        return full_title(self.node)

    def lines(self) -> tuple[str, str, str]:
        """The three texts the box shows, each fitted to its width."""
        s = self.style
        data = "?" if self.hidden_data else fmt(self.node.data)
        grad = "?" if self.hidden_grad else fmt(self.grad)
        return self.title_text, s.fit(s.data_text.format(value=data)), s.fit(s.grad_text.format(value=grad))

    def tooltip(self) -> str:
        """The full title and values, whatever the box had room for."""
        s = self.style
        return "\n".join((full_title(self.node), s.data_text.format(value=fmt(self.node.data)),
                          s.grad_text.format(value=fmt(self.grad))))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        n, s = self.node, self.style
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        rect = QRectF(0, 0, s.width, s.height)
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
        radius = s.line if n.role in ("input", "neuron") else 4
        painter.drawRoundedRect(rect, radius, radius)
        band = QRectF(1, s.height - s.band, s.width - 2, s.band - 1)
        band_colour = ZERO if self.hidden_grad else grad_colour(self.grad, self.grad_scale)
        if not self.hidden_grad:
            painter.fillRect(band, band_colour)
        if self.state == "touched":
            painter.fillRect(band, QColor(123, 50, 148, 70))
        if s.px * lod < MIN_DRAWN_PX:  # zoomed far out: boxes and colours only
            return
        title, data, grad = self.lines()
        align = Qt.AlignmentFlag.AlignVCenter
        painter.setPen(QColor("#111"))
        painter.setFont(s.title_font)
        painter.drawText(QRectF(s.pad, s.pad, s.text_w, s.line), align, title)
        painter.setFont(s.font)
        painter.drawText(QRectF(s.pad, s.pad + s.line, s.text_w, s.line), align, data)
        if band_colour.lightnessF() < 0.55:  # white on a strong red or blue band
            painter.setPen(QColor("#fff"))
        painter.drawText(QRectF(s.pad, s.height - s.band, s.text_w, s.band), align, grad)

    def left(self) -> QPointF:
        return self.pos() + QPointF(0, self.style.height / 2)

    def right(self) -> QPointF:
        return self.pos() + QPointF(self.style.width, self.style.height / 2)


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
