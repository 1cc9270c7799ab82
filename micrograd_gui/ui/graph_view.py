"""GraphView: the scalar graph of one point's loss on a zoomable canvas, laid out once per shape."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QHelpEvent, QImage, QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QGraphicsView, QToolTip, QWidget

from micrograd_gui.core.graph.groups import View, collapse, neuron_groups
from micrograd_gui.core.graph.layout import Layout, layered_layout
from micrograd_gui.core.graph.trace import Graph

from .graph_items import ACTIVE_PEN, PATH_PEN, EdgeItem, NodeItem, NodeStyle

AUTO_COLLAPSE_NODES = 500  # bigger graphs open collapsed by neuron
MIN_TEXT_PX = 11.0  # Fit never shows node text smaller than this on screen (a projector's back row)
MIN_TEXT_RATIO = 1.0  # ... nor smaller than the rest of the window's text (presentation mode scales it)
MAX_FIT_ZOOM = 3.0  # a graph of a few nodes is not blown up past this
MARGIN = 20.0  # scene units around the graph
LAYOUT_CACHE = 16
PAN_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
            Qt.Key.Key_PageDown, Qt.Key.Key_Home, Qt.Key.Key_End}


class GraphView(QGraphicsView):
    """Shows a Graph (possibly with neurons collapsed); emits the shown index of a clicked node."""

    node_selected = Signal(int)  # index in the shown graph, -1 when nothing is selected
    node_toggled = Signal(int)  # double-click: collapse or expand the node's neuron

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphView")
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setBackgroundBrush(QColor("#fbfbfb"))
        # drag pans, wheel zooms; scroll bars show only when Fit could not show the whole graph legibly
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.full: Graph | None = None
        self.view: View | None = None
        self.groups: list[str | None] = []
        self.collapsed: set[str] = set()
        self.nodes: list[NodeItem] = []
        self.edges: list[EdgeItem] = []
        self._layouts: dict[object, Layout] = {}
        self._full_shape: object = None
        self.layout_ms = 0.0
        self.node_style = NodeStyle(self.font())
        self.user_zoomed = False  # until the user zooms or pans, the graph is kept fitted to the view
        self.scene().selectionChanged.connect(self._on_selection)

    # ---- graph in -----------------------------------------------------------------------------
    def set_graph(self, graph: Graph) -> None:
        """New values every time; a new layout only when the shape (ops and edges) changes."""
        shape = graph.shape()
        if shape != self._full_shape:
            self._full_shape = shape
            self.full = graph
            self.groups = neuron_groups(graph)
            big = len(graph.nodes) > AUTO_COLLAPSE_NODES
            self.collapsed = {g for g in self.groups if g} if big else set()
            self._rebuild(fit=True)
        else:
            self.full = graph
            self._refresh_values()

    def set_collapsed(self, collapsed: set[str]) -> None:
        if collapsed != self.collapsed and self.full is not None:
            self.collapsed = set(collapsed)
            self._rebuild(fit=False)

    def neuron_keys(self) -> list[str]:
        return sorted({g for g in self.groups if g})

    def _rebuild(self, fit: bool) -> None:
        import time

        assert self.full is not None
        selected = self.selected_original()
        self.view = collapse(self.full, self.collapsed, self.groups)
        g = self.view.graph
        t0 = time.perf_counter()
        key = (g.shape(), tuple(n.role for n in g.nodes))
        layout = self._layouts.get(key)
        if layout is None:
            layout = layered_layout(g)
            if len(self._layouts) >= LAYOUT_CACHE:
                self._layouts.pop(next(iter(self._layouts)))
            self._layouts[key] = layout
        self.layout_ms = (time.perf_counter() - t0) * 1000
        scene = self.scene()
        scene.blockSignals(True)
        scene.clear()
        scene.blockSignals(False)
        scale = self.grad_scale()
        st = self.node_style = NodeStyle(self.font(), g.nodes)  # the widget's font: presentation mode scales it
        self.nodes = []
        for i, n in enumerate(g.nodes):
            item = NodeItem(n, i, st)
            item.grad_scale = scale
            item.setPos(layout.column[i] * (st.width + st.col_gap), layout.row[i] * (st.height + st.row_gap))
            scene.addItem(item)
            self.nodes.append(item)
        self.edges = []
        for k, (a, b) in enumerate(g.edges):
            e = EdgeItem(self.nodes[a], self.nodes[b], k)
            scene.addItem(e)
            self.edges.append(e)
        scene.setSceneRect(self.export_rect())
        if selected is not None:
            self.select_original(selected)
        if fit:
            self.fit()

    def _refresh_values(self) -> None:
        assert self.full is not None and self.view is not None
        self.view = collapse(self.full, self.collapsed, self.groups)
        scale = self.grad_scale()
        for item, n in zip(self.nodes, self.view.graph.nodes):
            item.set_node(n, scale)

    def grad_scale(self) -> float:
        """The colour scale's end: the largest finite |grad| on the graph."""
        if self.full is None:
            return 1.0
        finite = [abs(n.grad) for n in self.full.nodes if abs(n.grad) != float("inf") and n.grad == n.grad]
        return max(finite, default=1.0) or 1.0

    # ---- selection and highlighting -----------------------------------------------------------
    def _on_selection(self) -> None:
        items = [i for i in self.scene().selectedItems() if isinstance(i, NodeItem)]
        index = items[0].index if items else -1
        self.highlight_paths(index)
        self.node_selected.emit(index)

    def select(self, index: int) -> None:
        self.scene().clearSelection()
        if 0 <= index < len(self.nodes):
            self.nodes[index].setSelected(True)
            self.centerOn(self.nodes[index])

    def selected(self) -> int:
        items = [i for i in self.scene().selectedItems() if isinstance(i, NodeItem)]
        return items[0].index if items else -1

    def selected_original(self) -> int | None:
        i = self.selected()
        return None if i < 0 or self.view is None else self.view.original[i]

    def select_original(self, original: int) -> None:
        if self.view is None:
            return
        for i, members in enumerate(self.view.members):
            if original in members:
                self.select(i)
                return

    def find_node(self, text: str) -> int:
        """Select the first node whose label is `text` (or starts with it); its index, or -1."""
        text = text.strip()
        if not text or self.view is None:
            return -1
        labels = [n.label for n in self.view.graph.nodes]
        for pred in (lambda s: s == text, lambda s: s.startswith(text), lambda s: text in s):
            for i, label in enumerate(labels):
                if label and pred(label):
                    self.select(i)
                    return i
        return -1

    def highlight_paths(self, index: int) -> None:
        """From a selected parameter (or any node), every path to the loss is drawn thick."""
        if self.view is None:
            return
        g = self.view.graph
        on = set()
        if index >= 0:
            consumers = g.consumers_of()
            stack, on = [index], {index}
            while stack:
                for c, _ in consumers[stack.pop()]:
                    if c not in on:
                        on.add(c)
                        stack.append(c)
        for e in self.edges:
            a, b = g.edges[e.index]
            e.highlight(PATH_PEN if index >= 0 and a in on and b in on else None)
        for item in self.nodes:
            if item.state in ("", "path"):
                item.set_state("path" if index >= 0 and item.index in on and item.index != index else "")

    def mark_step(self, active: int, touched: list[int]) -> None:
        """Step-through: the node being processed and the inputs it just added to."""
        g = self.view.graph if self.view else None
        for item in self.nodes:
            item.set_state("active" if item.index == active else "touched" if item.index in touched else "")
        for e in self.edges:
            a, b = g.edges[e.index] if g else (-1, -1)
            e.highlight(ACTIVE_PEN if b == active and a in touched else None)
        if 0 <= active < len(self.nodes):
            self.ensureVisible(self.nodes[active], 60, 60)

    # ---- navigation ---------------------------------------------------------------------------
    def readable_zoom(self) -> float:
        """The smallest zoom at which node text is legible: at least 11 px, and as big as the window's text."""
        return max(MIN_TEXT_PX / self.node_style.px, MIN_TEXT_RATIO)

    def text_px(self) -> float:
        """Node text's on-screen size: its font's pixel size times the zoom."""
        return self.node_style.px * self.transform().m11()

    def fit(self) -> None:
        """The whole graph if its text stays legible; else legible text at the loss end, scroll for the rest."""
        self.user_zoomed = False
        rect = self.export_rect()
        if not self.nodes or rect.isEmpty():
            return
        view = self.viewport().rect().adjusted(2, 2, -2, -2)  # as fitInView: no scroll bar for a fitted graph
        whole = min(view.width() / rect.width(), view.height() / rect.height())
        zoom = min(max(whole, self.readable_zoom()), MAX_FIT_ZOOM)
        self.resetTransform()
        self.scale(zoom, zoom)
        if zoom <= whole:
            self.centerOn(rect.center())
        else:  # the loss at the right edge, where backprop starts; the view clamps to the graph
            loss = self.nodes[-1].sceneBoundingRect()
            self.centerOn(loss.right() + MARGIN - view.width() / zoom / 2, loss.center().y())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if not self.user_zoomed:
            self.fit()

    def changeEvent(self, event: QEvent) -> None:
        """A new font (presentation mode) resizes every box to its text, and re-fits."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.node_style = NodeStyle(self.font())
            if self.full is not None:
                self._rebuild(fit=not self.user_zoomed)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            item = self.itemAt(event.pos())
            if isinstance(item, NodeItem):
                QToolTip.showText(event.globalPos(), item.tooltip(), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self.user_zoomed = True  # a drag pans: a resize must not jump back to Fit
        super().mouseMoveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in PAN_KEYS:
            self.user_zoomed = True
        super().keyPressEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        self.user_zoomed = True
        steps = event.angleDelta().y() / 120
        factor = 1.15**steps
        zoom = self.transform().m11() * factor
        if 0.03 < zoom < 6:
            self.scale(factor, factor)
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, NodeItem):
            self.node_toggled.emit(item.index)
        else:
            super().mouseDoubleClickEvent(event)

    def render_to(self, painter: QPainter, target: QRectF) -> None:
        """Draw the whole graph as vectors and text (not the on-screen pixmap caches) onto any device."""
        rect = self.export_rect()
        for item in self.nodes:
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        try:
            self.scene().render(painter, target, rect)
        finally:
            for item in self.nodes:
                item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def export_rect(self) -> QRectF:
        return self.scene().itemsBoundingRect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)

    def render_image(self, scale: float = 2.0) -> QImage:
        rect = self.export_rect()
        img = QImage(int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32)
        img.fill(QColor("white"))
        p = QPainter(img)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render_to(p, QRectF(img.rect()))
        p.end()
        return img
