"""The network view: the canvas of neuron maps and weights, a large map of one neuron, typed (undoable) values."""

from __future__ import annotations

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.features import DEFAULT
from micrograd_gui.core.names import bias_name, feature_name
from micrograd_gui.core.snapshot import EXTENT, Snapshot

from .app_model import AppModel, NeuronRef
from .graph_items import NEG, POS, fmt
from .network_canvas import NetworkCanvas, NetworkScroll
from .network_edges import AUTO_WIDTH, PER_NEURON, resolved
from .network_geometry import NeuronNode
from .neuron_colours import map_rgb, node_colours, rgb_image
from .param_editor import ParamEditor
from .undo import StampedCommand

REFRESH_MS = 100  # while training the view redraws at most ~10 times a second (the maps come at ~10 Hz)
MAX_PARAM = 1e6  # typed values beyond this are refused: they only overflow the next step


class NeuronDetail(QWidget):
    """The selected neuron's map, large, with its colour scale and a field for its bias."""

    bias_entered = Signal(str)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("neuronDetail")
        self.title = QLabel()
        self.title.setObjectName("neuronTitle")
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setBold(True)
        self.title.setFont(f)
        close = QToolButton()
        close.setObjectName("closeNeuronDetail")
        close.setText("×")
        close.setToolTip(self.tr("Close the large map (Esc)"))
        close.setAutoRaise(True)
        close.clicked.connect(self.closed.emit)
        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(close)
        self.plot = pg.PlotWidget(background="w")
        self.plot.setObjectName("neuronMapPlot")
        self.plot.setMenuEnabled(False)
        self.plot.hideButtons()
        self.plot.setMouseEnabled(False, False)
        self.plot.setAspectLocked(True)
        for ax in ("left", "bottom"):
            self.plot.getAxis(ax).setTextPen("k")
            self.plot.getAxis(ax).setPen("k")
        x0, x1, y0, y1 = EXTENT
        self.plot.setRange(xRange=(x0, x1), yRange=(y0, y1), padding=0)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self.plot.setMinimumSize(QSize(160, 160))
        self.scale = QLabel()
        self.scale.setObjectName("neuronScale")
        self.scale.setWordWrap(True)
        self.bias_label = QLabel(self.tr("bias"))
        self.bias = QLineEdit()
        self.bias.setObjectName("biasEdit")
        self.bias.setToolTip(self.tr("Type a new bias and press Enter (Ctrl+Z undoes it)"))
        self.bias.returnPressed.connect(self._on_return_pressed)
        row = QHBoxLayout()
        row.addWidget(self.bias_label)
        row.addWidget(self.bias, 1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        lay.addLayout(head)
        lay.addWidget(self.plot, 1)
        lay.addWidget(self.scale)
        lay.addLayout(row)
        self.show_node(None, None, "", None)

    def show_node(self, node: NeuronNode | None, rgb: np.ndarray | None, scale: str, bias: float | None) -> None:
        self.title.setText("" if node is None else node.name)
        if rgb is None:
            self.image.clear()
        else:
            x0, x1, y0, y1 = EXTENT
            self.image.setImage(rgb, autoLevels=False, levels=(0, 255), rect=QRectF(x0, y0, x1 - x0, y1 - y0))
        self.scale.setText(scale)
        editable = node is not None and node.bias is not None
        self.bias_label.setVisible(editable)
        self.bias.setVisible(editable)
        if editable and bias is not None and not self.bias.hasFocus():
            self.bias.setText(f"{bias:.6g}")

    def _on_return_pressed(self) -> None:
        self.bias_entered.emit(self.bias.text())


class ParamEdit(StampedCommand):
    """Typing a weight or bias: redo sends the new value to the trainer, undo the old one."""

    def __init__(self, view: NetworkView, run: int, index: int, name: str, old: float, new: float):
        super().__init__(f"set {name} to {new:g}")
        self._view, self.run, self.index, self.old, self.new = view, run, index, old, new

    def redo(self) -> None:
        self._view.model.set_param(self.index, self.new, self.run)

    def undo(self) -> None:
        self._view.model.set_param(self.index, self.old, self.run)


class NetworkView(QWidget):
    """Draws the worker's frozen maps and weights; typed parameters (undoable) are intents on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("networkView")
        self.model = model
        self.undo_stack = QUndoStack(self)
        self.canvas = NetworkCanvas()
        self.scroller = NetworkScroll(self.canvas)
        self.detail = NeuronDetail()
        self.editor = ParamEditor(self.canvas)
        self.grad_toggle = QCheckBox(self.tr("Show gradients"))
        self.grad_toggle.setObjectName("networkGradients")
        self.grad_toggle.setToolTip(self.tr("Colour and thicken the connections by dLoss/dw of the last step "
                                            "instead of by the weights"))
        self.grad_toggle.toggled.connect(self._on_grad_toggled)
        self.edge_mode = QComboBox()
        self.edge_mode.setObjectName("networkEdges")
        for text, mode in ((self.tr("Lines: automatic"), "auto"), (self.tr("Lines: all"), "all"),
                           (self.tr("Lines: each neuron's {n} strongest").format(n=PER_NEURON), "strongest"),
                           (self.tr("Lines: above ¼ of the strongest"), "above")):
            self.edge_mode.addItem(text, mode)
        self.edge_mode.setToolTip(self.tr("Which connections are drawn. Automatic: all of them in a small network; "
                                          "from {width} neurons a layer, each neuron's {n} strongest in and out. "
                                          "Hover a neuron to see all of its lines; click it to keep them shown."
                                          ).format(width=AUTO_WIDTH, n=PER_NEURON))
        self.edge_mode.currentIndexChanged.connect(self._on_edge_mode)
        self.legend = QLabel()
        self.legend.setObjectName("networkLegend")
        self.legend.setWordWrap(True)
        self.legend.setToolTip(self.tr("Each square is a neuron's output over the whole plane (blue negative, white "
                                       "zero, red positive). Hover a line or a neuron for its value; click a line or "
                                       "double-click a neuron to type a new weight or bias; click a neuron to see its "
                                       "map large."))
        self.status = QLabel()
        self.status.setObjectName("networkStatus")
        self.status.setStyleSheet("color: #a02020;")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.grad_toggle)
        top.addWidget(self.edge_mode)
        top.addStretch(1)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.scroller)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 3)
        self.split.setStretchFactor(1, 2)
        self.detail.hide()  # until a neuron is clicked
        esc = QShortcut(QKeySequence("Escape"), self.canvas)
        esc.setContext(Qt.ShortcutContext.WidgetShortcut)
        esc.activated.connect(self.close_detail)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addWidget(self.legend)
        lay.addWidget(self.status)
        lay.addWidget(self.split, 1)
        self.status.hide()

        self.snap: Snapshot | None = None
        self.features: tuple[str, ...] = DEFAULT
        self.maps: tuple[np.ndarray, ...] | None = None
        self.rgbs: list[np.ndarray | None] = []
        self.ranges: list[tuple[float, float]] = []
        self._run = -1
        self._drawn_maps: object = None
        self._dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._refresh)
        self.canvas.edge_clicked.connect(self._on_edge_clicked)
        self.canvas.node_clicked.connect(self._on_node_clicked)
        self.canvas.node_double_clicked.connect(self._on_node_double_clicked)
        self.canvas.node_hovered.connect(self._on_node_hovered)
        self.editor.committed.connect(self._on_committed)
        self.editor.cancelled.connect(self._on_cancelled)
        self.detail.bias_entered.connect(self._on_bias_entered)
        self.detail.closed.connect(self.close_detail)
        self._update_legend()
        model.snapshot.connect(self.set_snapshot)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        wide = self.width() > 1.3 * self.height()  # the large map beside the network, or under it
        self.split.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)

    # ---- snapshots in -------------------------------------------------------------------------
    def set_snapshot(self, snap: Snapshot) -> None:
        if snap.run != self._run:
            self._run = snap.run
            self.undo_stack.clear()  # a reset replaced the weights those edits were of
            self.editor.close_editor()
            self.maps, self._drawn_maps = None, None
        features = snap.config.features
        sizes = (len(features), *snap.config.hidden, snap.num_outputs)
        if sum((a + 1) * b for a, b in zip(sizes, sizes[1:])) != snap.theta.size:
            return
        if (sizes != self.canvas.sizes or snap.config.activation != self.canvas.activation
                or features != self.features):
            self.features = features
            self.canvas.set_structure(sizes, snap.config.activation, tuple(feature_name(f) for f in features))
            self.maps, self._drawn_maps = None, None
            self.close_detail()
        self.snap = snap
        if snap.neuron_maps is not None:
            self.maps = snap.neuron_maps
        if not self.isVisible():
            self._dirty = True
        elif not snap.running:
            self._timer.stop()
            self._refresh()
        elif not self._timer.isActive():
            # a big network paints slowly: then it refreshes less often, at most ~20% of the GUI's time
            self._timer.setInterval(max(REFRESH_MS, int(5 * self.canvas.paint_ms)))
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self._dirty = False
            self._refresh()

    def _refresh(self) -> None:
        snap = self.snap
        if snap is None:
            return
        self.canvas.set_values(snap.theta, snap.grads, self.grad_toggle.isChecked())
        if self.maps is not None and self.maps is not self._drawn_maps:
            self._drawn_maps = self.maps
            self._colour_maps(self.maps)
        self._update_legend()
        self._update_detail()

    def _colour_maps(self, maps: tuple[np.ndarray, ...]) -> None:
        """Every node's map in colours: inputs are the features of the plane's coordinates (x, y, x², ...),
        neurons the worker's maps."""
        colours = node_colours(maps, self.features, self.canvas.activation)
        if len(colours) != len(self.canvas.nodes):
            return
        rgbs = [map_rgb(values, mid, half) for values, mid, half in colours]
        self.rgbs, self.ranges = list(rgbs), [(mid, half) for _, mid, half in colours]
        self.canvas.set_images([rgb_image(c) for c in rgbs])

    def _update_legend(self) -> None:
        grads = self.grad_toggle.isChecked()
        if grads and (self.snap is None or self.snap.grads is None):
            size = self.tr("no gradient yet: take a step")
        else:
            size = self.tr("width ∝ √|{what}|, widest {widest}").format(what="dL/dw" if grads else "w",
                                                                         widest=fmt(self.canvas.scale))
        c = self.canvas
        if len(c.drawn) < len(c.edges):
            mode = resolved(c.edge_mode, c.sizes)
            shown = (self.tr("each neuron's {n} strongest").format(n=PER_NEURON) if mode == "strongest"
                     else self.tr("above ¼ of the strongest") if mode == "above" else self.tr("the strongest"))
            size += self.tr(" · {drawn} of {total} lines ({shown}): hover a neuron for all its lines").format(
                drawn=len(c.drawn), total=len(c.edges), shown=shown)
        self.legend.setText((self.tr("Gradients") if grads else self.tr("Weights")) + ": "
                            f"<span style='color:{NEG.name()}'><b>■ −</b></span> "
                            f"<span style='color:{POS.name()}'><b>■ +</b></span> · {size}")

    # ---- the selected neuron, large -----------------------------------------------------------
    def select(self, i: int) -> None:
        """Show node i's map large beside (or under) the network."""
        self.canvas.set_selected(i)
        if not self.detail.isVisible():
            self.detail.show()
            vertical = self.split.orientation() == Qt.Orientation.Vertical
            total = self.split.height() if vertical else self.split.width()
            across = self.split.width() if vertical else self.split.height()
            chrome = 110 if vertical else 0  # the title, colour scale and bias rows under the map
            share = min(int(total * 0.45), across + chrome)  # about a square map; the network keeps the rest
            self.split.setSizes([total - share, share])
        self._update_detail()

    def close_detail(self) -> None:
        self.canvas.set_selected(-1)
        self.detail.hide()

    def _update_detail(self) -> None:
        i = self.canvas.selected
        if not 0 <= i < len(self.canvas.nodes):
            return
        n = self.canvas.nodes[i]
        rgb = self.rgbs[i] if i < len(self.rgbs) else None
        scale = ""
        if i < len(self.ranges) and self.maps is not None:
            mid, half = self.ranges[i]
            values = self._map_values(i)
            lo = hi = float("nan")
            if values is not None and values.size:
                lo, hi = float(values.min()), float(values.max())
            scale = self.tr("Blue {blue} · white {white} · red {red}. This map: {lo} to {hi}, on a {n}² grid.").format(
                blue=fmt(mid - half), white=fmt(mid), red=fmt(mid + half), lo=fmt(lo), hi=fmt(hi),
                n=self.maps[0].shape[0])
        bias = None
        if n.bias is not None and self.snap is not None:
            bias = float(self.snap.theta[n.bias])
        self.detail.show_node(n, rgb, scale, bias)

    def _map_values(self, i: int) -> np.ndarray | None:
        n = self.canvas.nodes[i]
        if self.maps is None or n.layer < 0:
            return None
        return self.maps[n.layer][..., n.index]

    # ---- editing ------------------------------------------------------------------------------
    def _on_grad_toggled(self, on: bool) -> None:
        self._refresh()

    def _on_edge_mode(self, _index: int) -> None:
        self.canvas.set_edge_mode(str(self.edge_mode.currentData()))
        self._update_legend()

    def _on_node_hovered(self, i: int) -> None:
        """The plane shows the hovered neuron's map, as TensorFlow Playground does."""
        c = self.canvas
        self.model.preview_neuron(NeuronRef(i, c.nodes[i].name, c.sizes) if 0 <= i < len(c.nodes) else None)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.model.preview_neuron(None)  # the pointer can no longer be on a neuron

    def _on_node_clicked(self, i: int) -> None:
        self.editor.close_editor()
        self.select(i)

    def _on_node_double_clicked(self, i: int, at: QPoint) -> None:
        n = self.canvas.nodes[i]
        if n.bias is not None and self.snap is not None:
            self.editor.open(n.bias, bias_name(n.layer, n.index), float(self.snap.theta[n.bias]), at)

    def _on_edge_clicked(self, k: int, at: QPoint) -> None:
        e = self.canvas.edges[k]
        if self.snap is not None:
            self.editor.open(e.param, e.name, float(self.snap.theta[e.param]), at)

    def _on_committed(self, index: int, text: str) -> None:
        if self.set_param(index, text):
            self.editor.hide()
            self.canvas.setFocus()
        else:
            self.editor.refuse()

    def _on_cancelled(self) -> None:
        self.status.hide()

    def _on_bias_entered(self, text: str) -> None:
        i = self.canvas.selected
        bias = self.canvas.nodes[i].bias if 0 <= i < len(self.canvas.nodes) else None
        if bias is not None and self.set_param(bias, text):
            self.canvas.setFocus()  # so Space and the other keys reach the window again

    def param_name(self, index: int) -> str:
        for e in self.canvas.edges:
            if e.param == index:
                return e.name
        for n in self.canvas.nodes:
            if n.bias == index:
                return bias_name(n.layer, n.index)
        return f"theta[{index}]"

    def set_param(self, index: int, text: str) -> bool:
        """Parse a typed value and push it as an undoable edit; False (with the reason shown) if refused."""
        name = self.param_name(index)
        try:
            value = float(text.strip().replace("−", "-"))
        except ValueError:
            return self._refuse(self.tr("“{text}” is not a number: {name} was kept.").format(text=text, name=name))
        if not math.isfinite(value) or abs(value) > MAX_PARAM:
            why = self.tr("{name} must be a finite number of at most {limit} in size: it was kept.")
            return self._refuse(why.format(name=name, limit=f"{MAX_PARAM:g}"))
        if self.snap is None or not 0 <= index < self.snap.theta.size:
            return False
        self.status.hide()
        old = float(self.snap.theta[index])
        if value != old:
            self.undo_stack.push(ParamEdit(self, self._run, index, name, old, value))
        return True

    def _refuse(self, message: str) -> bool:
        self.status.setText(message)
        self.status.show()
        return False
