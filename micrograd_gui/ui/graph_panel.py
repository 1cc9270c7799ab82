"""The computation-graph panel: probe label, find, collapse, export, inspector and backprop step-through."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSlider,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.graph.groups import layer_of
from micrograd_gui.core.graph.stepper import BackwardStepper, ForwardStepper
from micrograd_gui.core.graph.trace import Graph
from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel
from .flow_layout import FlowLayout
from .graph_items import fmt, legend_gradient
from .graph_view import GraphView
from .inspector import Inspector


class GradLegend(QWidget):
    """The gradient colour scale: blue negative, white zero, red positive, up to the largest |grad|."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.scale = 1.0
        self.setToolTip(self.tr("Gradient colours: blue is negative, red positive, white zero; the square root of "
                                "|grad| / max keeps small gradients visible"))
        self.title = self.tr("grad")

    def set_scale(self, scale: float) -> None:
        if scale != self.scale:
            self.scale = scale
            self.updateGeometry()  # the numbers' width may change
            self.update()

    def _labels(self) -> tuple[str, str, str]:
        return f"−{fmt(self.scale)}", "0", fmt(self.scale)

    def _half_label(self) -> float:
        return max(self.fontMetrics().horizontalAdvance(t) for t in self._labels()) / 2 + 2

    def minimumSizeHint(self) -> QSize:
        """Room for the title and the three numbers in the widget's font (presentation mode scales it)."""
        fm, half = self.fontMetrics(), self._half_label()
        return QSize(round(max(fm.horizontalAdvance(self.title) + 6, half) + 5 * half), 2 * fm.height() + 2)

    def sizeHint(self) -> QSize:
        hint = self.minimumSizeHint()
        return QSize(max(hint.width(), 10 * self.fontMetrics().height()), hint.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        fm, half = self.fontMetrics(), self._half_label()
        line = fm.height()
        left = max(fm.horizontalAdvance(self.title) + 6, half)
        bar = QRectF(left, 1 + line * 0.15, self.width() - left - half, line * 0.7)
        p.fillRect(bar, legend_gradient(bar))
        p.setPen(Qt.GlobalColor.black)
        p.drawRect(bar)
        p.drawText(QRectF(0, 1, left - 4, line), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                   self.title)
        for x, text in zip((bar.left(), bar.center().x(), bar.right()), self._labels()):
            p.drawText(QRectF(x - half, 1 + line, 2 * half, line), Qt.AlignmentFlag.AlignCenter, text)
        p.end()


class GraphPanel(QWidget):
    """Shows the worker's frozen graph of the probe; the class it is for is an intent on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("graphPanel")
        self.model = model
        self.graph_view = GraphView()
        self.inspector = Inspector()
        self.legend = GradLegend()
        self.running = False
        self.graph: Graph | None = None
        self.stepper: BackwardStepper | ForwardStepper | None = None

        self.probe_text = QLabel(self.tr("point ({x}, {y})").format(x=0, y=0))
        self.probe_text.setObjectName("probeText")
        self.label = QComboBox()
        self.label.setObjectName("probeLabel")
        self.label.setToolTip(self.tr("The class the point's loss is computed for"))
        self.label.currentIndexChanged.connect(lambda i: model.set_probe_label(max(i, 0)))
        self.find_input = QLineEdit()
        self.find_input.setObjectName("findNode")
        self.find_input.setToolTip(self.tr("Type a node's label and press Enter to select it"))
        self.find_input.setPlaceholderText(self.tr("find a node: w[0][1][0], logit 2, loss …"))
        self.find_input.setClearButtonEnabled(True)
        self.find_input.returnPressed.connect(self._on_find)
        self.find_result = QLabel()
        self.find_result.setObjectName("findResult")
        fit = self._button(self.tr("Fit"), self.tr("Fit the whole graph in view (F)"), self.graph_view.fit,
                           "fitButton")
        collapse = self._button(self.tr("Collapse neurons"), self.tr("One box per neuron: its output and grad"),
                                self._collapse_all, "collapseButton")
        expand = self._button(self.tr("Expand all"), self.tr("Show every scalar"), self._expand_all, "expandButton")
        svg = self._button("SVG…", self.tr("Export the graph as SVG"), self._export_svg, "exportSvgButton")
        png = self._button("PNG…", self.tr("Export the graph as PNG"), self._export_png, "exportPngButton")
        top = FlowLayout()  # toolbars wrap in a narrow dock rather than squeeze their controls or the docks beside
        for w in (self.probe_text, QLabel(self.tr("label")), self.label, self.find_input, self.find_result, fit,
                  collapse, expand, svg, png):
            top.add(w, 1 if w is self.find_input else 0)

        self.reset_grads = self._button(self.tr("Reset grads"), self.tr("Start backprop by hand: every grad back "
                                        "to 0 (with training paused)"), self.begin_backward, "resetGradsButton")
        self.back_step = self._button(self.tr("Backward step"), self.tr("Apply one node's chain rule, in reverse "
                                      "topological order (B)"), self.step_backward, "backwardStepButton")
        self.fwd_step = self._button(self.tr("Forward step"), self.tr("Compute one node, in topological order (N)"),
                                     self.step_forward, "forwardStepButton")
        self.animate = self._button(self.tr("Animate"), self.tr("Play the current pass as an animation (P)"),
                                    self.toggle_animation, "animateButton")
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName("animationSpeed")
        self.speed.setRange(1, 40)
        self.speed.setValue(8)
        self.speed.setToolTip(self.tr("Animation speed, nodes per second"))
        self.speed.valueChanged.connect(self._on_speed)
        self._size_toolbar()
        self.step_status = QLabel()
        self.step_status.setObjectName("stepStatus")
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_animation_tick)
        self._on_speed(self.speed.value())
        steps = FlowLayout()
        for widget in (QLabel(self.tr("Step through:")), self.reset_grads, self.back_step, self.fwd_step,
                       self.animate, QLabel(self.tr("speed")), self.speed, self.step_status):
            steps.add(widget)
        steps.addStretch(1)
        steps.add(self.legend)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.graph_view)
        split.addWidget(self.inspector)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 280])
        self.inspector.setMinimumWidth(220)
        self.graph_view.setMinimumWidth(300)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addLayout(steps)
        lay.addWidget(split, 1)

        for key, slot in (("F", self.graph_view.fit), ("B", self.step_backward), ("N", self.step_forward),
                          ("P", self.toggle_animation), ("Escape", self.end_steps)):
            sc = QShortcut(QKeySequence(key), self)
            # whenever the graph shows, wherever the focus is; Esc only inside it (fields and the network view use it)
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if key == "Escape"
                          else Qt.ShortcutContext.WindowShortcut)
            sc.activated.connect(slot)
        self.graph_view.node_selected.connect(self._on_node_selected)
        self.graph_view.node_toggled.connect(self._on_node_toggled)
        self.set_classes(3)
        model.snapshot.connect(self.set_snapshot)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_toolbar()

    def _size_toolbar(self) -> None:
        """The slider keeps a usable width in any font: the layout would otherwise squeeze it to nothing."""
        self.speed.setMinimumWidth(6 * self.fontMetrics().height())

    def _button(self, text: str, tip: str, slot: Callable[[], object], name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(name)
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    # ---- state in -----------------------------------------------------------------------------
    def set_classes(self, n: int) -> None:
        if self.label.count() == n:
            return
        current = max(0, self.label.currentIndex())
        self.label.blockSignals(True)
        self.label.clear()
        for c in range(n):
            self.label.addItem(self.tr("class {n} (logit {k})").format(n=c + 1, k=c))
        self.label.setCurrentIndex(min(current, n - 1))
        self.label.blockSignals(False)

    def set_snapshot(self, snap: Snapshot) -> None:
        self.running = snap.running
        self.set_classes(snap.num_classes)
        for b in (self.reset_grads, self.back_step, self.fwd_step, self.animate):
            b.setEnabled(not snap.running)
        if snap.probe is not None:
            x, y, label = snap.probe
            self.probe_text.setText(self.tr("point ({x}, {y})").format(x=f"{x:.2f}", y=f"{y:.2f}"))
            if label != self.label.currentIndex() and label < self.label.count():
                self.label.blockSignals(True)
                self.label.setCurrentIndex(label)
                self.label.blockSignals(False)
        if snap.graph is None:
            return
        if self.stepper is not None:
            self.end_steps()  # new numbers: the replay would no longer match them
        self.graph = snap.graph
        self.graph_view.set_graph(snap.graph)
        self.legend.set_scale(self.graph_view.grad_scale())
        self._complete_find()
        i = self.graph_view.selected()
        if i >= 0 and self.graph_view.view is not None:
            self.inspector.show_node(self.graph_view.view.graph, i, len(self.graph_view.view.members[i]))

    def _complete_find(self) -> None:
        labels = sorted({n.label for n in self.graph.nodes if n.label}) if self.graph else []
        if self.find_input.completer() is None or self.find_input.completer().model().rowCount() != len(labels):
            self.find_input.setCompleter(QCompleter(labels, self))

    # ---- navigation and collapse --------------------------------------------------------------
    def _on_find(self) -> None:
        i = self.graph_view.find_node(self.find_input.text())
        self.find_result.setText("" if i >= 0 else self.tr("not found"))

    def _on_node_selected(self, i: int) -> None:
        v = self.graph_view.view
        if i < 0 or v is None:
            self.inspector.clear_node()
        else:
            self.inspector.show_node(v.graph, i, len(v.members[i]))

    def _on_node_toggled(self, i: int) -> None:
        """Double-click: collapse the neuron a node belongs to, or expand a collapsed neuron box."""
        v = self.graph_view.view
        if v is None or self.stepper is not None:
            return
        original = v.original[i]
        key = self.graph_view.groups[original] if original < len(self.graph_view.groups) else None
        if key is None:
            return
        collapsed = set(self.graph_view.collapsed)
        collapsed.symmetric_difference_update({key})
        self.graph_view.set_collapsed(collapsed)

    def collapse_layer(self, layer: int) -> None:
        full = self.graph_view.full
        if full is None:
            return
        self._end_steps_for_collapse()
        keys = {k for k in self.graph_view.neuron_keys() if layer_of(k, full) == layer}
        self.graph_view.set_collapsed(self.graph_view.collapsed | keys)

    def _collapse_all(self) -> None:
        self._end_steps_for_collapse()
        self.graph_view.set_collapsed(set(self.graph_view.neuron_keys()))

    def _end_steps_for_collapse(self) -> None:
        """A step-through walks every scalar node: collapsing neurons under it would leave it pointing nowhere."""
        if self.stepper is not None:
            self.end_steps()

    def _expand_all(self) -> None:
        self.graph_view.set_collapsed(set())

    # ---- step-through -------------------------------------------------------------------------
    def _can_step(self) -> bool:
        if self.running or self.graph is None:
            self.step_status.setText(self.tr("pause training to step through") if self.running else "")
            if self.running:  # said where the class looks, not only in the small status
                self.model.say(self.tr("Pause training (Space) to step through the graph."), "info")
            return False
        return True

    def begin_backward(self) -> None:
        if not self._can_step() or self.graph is None:
            return
        self._expand_all()
        self.stepper = BackwardStepper(self.graph)
        for item in self.graph_view.nodes:
            item.hidden_data = False
            item.grad_override = 0.0
            item.update()
        self.graph_view.mark_step(-1, [])
        self.step_status.setText(self.tr("grads reset: 0 / {n} nodes").format(n=len(self.graph.nodes)))

    def step_backward(self) -> None:
        if not isinstance(self.stepper, BackwardStepper):
            self.begin_backward()
        st = self.stepper
        if not isinstance(st, BackwardStepper):
            return
        ev = st.step()
        if ev is None:
            self.toggle_animation(stop=True)
            return
        items = self.graph_view.nodes
        items[ev.node].grad_override = st.grad[ev.node]
        items[ev.node].update()
        for u, _, after in ev.added:
            items[u].grad_override = after
            items[u].update()
        self.graph_view.mark_step(ev.node, [u for u, _, _ in ev.added])
        if self.graph_view.view is not None:
            self.inspector.show_node(self.graph_view.view.graph, ev.node)
        n = len(st.graph.nodes)
        text = self.tr("backward: node {pos} / {n}").format(pos=st.pos, n=n)
        if st.done:
            same = st.grad == [node.grad for node in st.graph.nodes]
            text += self.tr(" · done: grads equal backward()") if same else self.tr(" · done")
            self.toggle_animation(stop=True)
        self.step_status.setText(text)

    def step_forward(self) -> None:
        if not isinstance(self.stepper, ForwardStepper):
            if not self._can_step() or self.graph is None:
                return
            self._expand_all()
            self.stepper = ForwardStepper(self.graph)
            for item in self.graph_view.nodes:
                item.hidden_data = item.hidden_grad = True
                item.grad_override = None
                item.update()
        st = self.stepper
        assert isinstance(st, ForwardStepper)
        ev = st.step()
        if ev is None:
            self.toggle_animation(stop=True)
            return
        item = self.graph_view.nodes[ev.node]
        item.hidden_data = False
        item.update()
        self.graph_view.mark_step(ev.node, [u for u, _ in ev.inputs])
        n = len(st.graph.nodes)
        self.step_status.setText(self.tr("forward: node {pos} / {n}").format(pos=st.pos, n=n)
                                 + (self.tr(" · done") if st.done else ""))
        if st.done:
            self.toggle_animation(stop=True)

    def end_steps(self) -> None:
        self.toggle_animation(stop=True)
        self.stepper = None
        for item in self.graph_view.nodes:
            item.hidden_data = item.hidden_grad = False
            item.grad_override = None
            item.set_state("")
            item.update()
        self.graph_view.mark_step(-1, [])
        self.step_status.setText("")

    def toggle_animation(self, stop: bool = False) -> None:
        if stop or self._timer.isActive():
            self._timer.stop()
            self.animate.setText(self.tr("Animate"))
            return
        if not self._can_step():
            return
        if self.stepper is None:
            self.begin_backward()
        self._timer.start()
        self.animate.setText(self.tr("Stop"))

    def _on_speed(self, nodes_per_second: int) -> None:
        self._timer.setInterval(int(1000 / nodes_per_second))

    def _on_animation_tick(self) -> None:
        if isinstance(self.stepper, ForwardStepper):
            self.step_forward()
        else:
            self.step_backward()

    # ---- export -------------------------------------------------------------------------------
    def export_svg(self, path: str) -> None:
        rect = self.graph_view.export_rect()
        gen = QSvgGenerator()
        gen.setFileName(path)
        gen.setSize(rect.size().toSize())
        gen.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        gen.setTitle(self.tr("micrograd GUI computation graph"))
        p = QPainter(gen)
        self.graph_view.render_to(p, QRectF(0, 0, rect.width(), rect.height()))
        p.end()

    def export_png(self, path: str) -> bool:
        return self.graph_view.render_image().save(path)

    def _export_svg(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export graph as SVG"), "graph.svg", "SVG (*.svg)")
        if path:
            self.export_svg(path)

    def _export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export graph as PNG"), "graph.png", "PNG (*.png)")
        if path:
            self.export_png(path)
