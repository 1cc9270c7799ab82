"""What every graph panel shares: the drawing, the inspector, find, fit, collapse, export and the step-through of
backprop and of the forward pass over one frozen Graph."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QPainter, QPaintEvent, QShortcut
from PySide6.QtWidgets import QCompleter, QFileDialog, QLabel, QLineEdit, QPushButton, QSlider, QSplitter, QWidget

from micrograd_gui.core.graph.groups import layer_of
from micrograd_gui.core.graph.stepper import BackwardStepper, ForwardStepper
from micrograd_gui.core.graph.trace import Graph

from .flow_layout import FlowLayout
from .graph_items import fmt, legend_gradient
from .graph_view import GraphView
from .inspector import Inspector
from .picture_files import save_png, svg_bytes, write_picture

# The strings keep the context "GraphPanel" they had before this module was split out of graph_panel.py, so the
# existing translations serve every panel built on the stage (lupdate reads translate("Context", "text") calls).
translate = QCoreApplication.translate


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


class GraphStage(QWidget):
    """The controls and behaviour of a graph panel; a subclass lays them out and feeds `show_graph`.

    `names` prefixes every object name (the app's own panel has none), so two panels can live in one window and
    each control is still found once by name. `keys` is where the F, B, N, P shortcuts work: the whole window for
    the app's panel, only inside the panel for any other (two window-wide F keys would cancel each other out).
    """

    export_failed = Signal(str)  # an SVG or PNG could not be written: why, naming the file, for the user

    def __init__(self, names: str = "", keys: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._prefix = names
        self.graph_view = GraphView()
        self.graph_view.setObjectName(self._name("graphView"))
        self.inspector = Inspector()
        self.inspector.setObjectName(self._name("inspector"))
        self.legend = GradLegend()
        self.graph: Graph | None = None
        self.stepper: BackwardStepper | ForwardStepper | None = None

        self.find_input = QLineEdit()
        self.find_input.setObjectName(self._name("findNode"))
        self.find_input.setToolTip(translate("GraphPanel", "Type a node's label and press Enter to select it"))
        self.find_input.setPlaceholderText(translate("GraphPanel", "find a node: w[0][1][0], logit 2, loss …"))
        self.find_input.setClearButtonEnabled(True)
        self.find_input.returnPressed.connect(self._on_find)
        self.find_result = QLabel()
        self.find_result.setObjectName(self._name("findResult"))
        self.fit = self._button(translate("GraphPanel", "Fit"),
                                translate("GraphPanel", "Fit the whole graph in view (F)"), self.graph_view.fit,
                                "fitButton")
        self.collapse = self._button(translate("GraphPanel", "Collapse neurons"),
                                     translate("GraphPanel", "One box per neuron: its output and grad"),
                                     self._collapse_all, "collapseButton")
        self.expand = self._button(translate("GraphPanel", "Expand all"), translate("GraphPanel", "Show every scalar"),
                                   self._expand_all, "expandButton")
        self.svg = self._button("SVG…", translate("GraphPanel", "Export the graph as SVG"), self._export_svg,
                                "exportSvgButton")
        self.png = self._button("PNG…", translate("GraphPanel", "Export the graph as PNG"), self._export_png,
                                "exportPngButton")

        self.reset_grads = self._button(translate("GraphPanel", "Reset grads"),
                                        translate("GraphPanel", "Start backprop by hand: every grad back to 0 (with "
                                                                "training paused)"),
                                        self.begin_backward, "resetGradsButton")
        self.back_step = self._button(translate("GraphPanel", "Backward step"),
                                      translate("GraphPanel", "Apply one node's chain rule, in reverse topological "
                                                              "order (B)"),
                                      self.step_backward, "backwardStepButton")
        self.fwd_step = self._button(translate("GraphPanel", "Forward step"),
                                     translate("GraphPanel", "Compute one node, in topological order (N)"),
                                     self.step_forward, "forwardStepButton")
        self.animate = self._button(translate("GraphPanel", "Animate"),
                                    translate("GraphPanel", "Play the current pass as an animation (P)"),
                                    self.toggle_animation, "animateButton")
        self.end_button = self._button(translate("GraphPanel", "End"),
                                       translate("GraphPanel", "End the step-through: every value and grad as computed "
                                                               "(Esc)"),
                                       self.end_steps, "endStepsButton")
        self.speed = QSlider(Qt.Orientation.Horizontal)
        self.speed.setObjectName(self._name("animationSpeed"))
        self.speed.setRange(1, 40)
        self.speed.setValue(8)
        self.speed.setToolTip(translate("GraphPanel", "Animation speed, nodes per second"))
        self.speed.valueChanged.connect(self._on_speed)
        self._size_toolbar()
        self.step_status = QLabel()
        self.step_status.setObjectName(self._name("stepStatus"))
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_animation_tick)
        self._on_speed(self.speed.value())

        for key, slot in (("F", self.graph_view.fit), ("B", self.step_backward), ("N", self.step_forward),
                          ("P", self.toggle_animation), ("Escape", self.end_steps)):
            sc = QShortcut(QKeySequence(key), self)
            # Esc only inside the panel: fields and the network view use it too
            sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut if key == "Escape" else keys)
            sc.activated.connect(slot)
        self.graph_view.node_selected.connect(self._on_node_selected)
        self.graph_view.node_toggled.connect(self._on_node_toggled)

    def _name(self, name: str) -> str:
        return self._prefix + name[0].upper() + name[1:] if self._prefix else name

    def _button(self, text: str, tip: str, slot: Callable[[], object], name: str) -> QPushButton:
        b = QPushButton(text)
        b.setObjectName(self._name(name))
        b.setToolTip(tip)
        b.clicked.connect(slot)
        return b

    def steps_row(self) -> FlowLayout:
        """"Step through:" with its buttons, the speed and the status; the gradient legend at the right."""
        steps = FlowLayout()  # toolbars wrap in a narrow dock rather than squeeze their controls or the docks beside
        for widget in (QLabel(translate("GraphPanel", "Step through:")), self.reset_grads, self.back_step,
                       self.fwd_step, self.animate, self.end_button, QLabel(translate("GraphPanel", "speed")),
                       self.speed, self.step_status):
            steps.add(widget)
        steps.addStretch(1)
        steps.add(self.legend)
        return steps

    def splitter(self) -> QSplitter:
        """The drawing, and the inspector at its right."""
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.graph_view)
        split.addWidget(self.inspector)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 280])
        self.inspector.setMinimumWidth(220)
        self.graph_view.setMinimumWidth(300)
        return split

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._size_toolbar()

    def _size_toolbar(self) -> None:
        """The slider keeps a usable width in any font: the layout would otherwise squeeze it to nothing."""
        self.speed.setMinimumWidth(6 * self.fontMetrics().height())

    # ---- graph in -----------------------------------------------------------------------------
    def show_graph(self, graph: Graph) -> None:
        """New numbers (a new layout only for a new shape); a step-through in progress ends."""
        if self.stepper is not None:
            self.end_steps()  # new numbers: the replay would no longer match them
        self.graph = graph
        self.graph_view.set_graph(graph)
        self.legend.set_scale(self.graph_view.grad_scale())
        self._complete_find()
        i = self.graph_view.selected()
        if i >= 0:
            self.inspect(i)

    def inspect(self, i: int) -> None:
        """Show shown node i in the inspector."""
        v = self.graph_view.view
        if v is not None:
            self.inspector.show_node(v.graph, i, len(v.members[i]))

    def _complete_find(self) -> None:
        labels = sorted({n.label for n in self.graph.nodes if n.label}) if self.graph else []
        if self.find_input.completer() is None or self.find_input.completer().model().rowCount() != len(labels):
            self.find_input.setCompleter(QCompleter(labels, self))

    # ---- navigation and collapse --------------------------------------------------------------
    def _on_find(self) -> None:
        i = self.graph_view.find_node(self.find_input.text())
        self.find_result.setText("" if i >= 0 else translate("GraphPanel", "not found"))

    def _on_node_selected(self, i: int) -> None:
        if i < 0 or self.graph_view.view is None:
            self.inspector.clear_node()
        else:
            self.inspect(i)

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
        """Whether a step-through may start now (the app's panel: not while training runs)."""
        return self.graph is not None

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
        self.step_status.setText(translate("GraphPanel", "grads reset: 0 / {n} nodes").format(n=len(self.graph.nodes)))

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
        self.inspect(ev.node)  # expanded while stepping: a shown index is a node id
        n = len(st.graph.nodes)
        text = translate("GraphPanel", "backward: node {pos} / {n}").format(pos=st.pos, n=n)
        if st.done:
            same = st.grad == [node.grad for node in st.graph.nodes]
            text += translate("GraphPanel", " · done: grads equal backward()") if same else translate(
                "GraphPanel", " · done")
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
        self.step_status.setText(translate("GraphPanel", "forward: node {pos} / {n}").format(pos=st.pos, n=n)
                                 + (translate("GraphPanel", " · done") if st.done else ""))
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
            self.animate.setText(translate("GraphPanel", "Animate"))
            return
        if not self._can_step():
            return
        if self.stepper is None:
            self.begin_backward()
        self._timer.start()
        self.animate.setText(translate("GraphPanel", "Stop"))

    def _on_speed(self, nodes_per_second: int) -> None:
        self._timer.setInterval(int(1000 / nodes_per_second))

    def _on_animation_tick(self) -> None:
        if isinstance(self.stepper, ForwardStepper):
            self.step_forward()
        else:
            self.step_backward()

    # ---- export -------------------------------------------------------------------------------
    def export_svg(self, path: str) -> None:
        """The graph as vectors; written atomically (raises OSError, and the old file stays as it was)."""
        rect = self.graph_view.export_rect()
        box = QRectF(0, 0, rect.width(), rect.height())
        write_picture(path, svg_bytes(box, translate("GraphPanel", "micrograd GUI computation graph"),
                                      lambda p: self.graph_view.render_to(p, box)))

    def export_png(self, path: str) -> None:
        """The graph at twice the screen's resolution; written atomically (raises OSError)."""
        save_png(self.graph_view.render_image(), path)

    def _export_svg(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("GraphPanel", "Export graph as SVG"), "graph.svg",
                                              "SVG (*.svg)")
        if path:
            self._export(self.export_svg, path)

    def _export_png(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("GraphPanel", "Export graph as PNG"), "graph.png",
                                              "PNG (*.png)")
        if path:
            self._export(self.export_png, path)

    def _export(self, write: Callable[[str], None], path: str) -> None:
        try:
            write(path)
        except (OSError, ValueError) as e:
            why = (e.strerror if isinstance(e, OSError) else None) or str(e)
            self.export_failed.emit(translate("GraphPanel", "Could not write {path}: {error}").format(path=path,
                                                                                                   error=why))
