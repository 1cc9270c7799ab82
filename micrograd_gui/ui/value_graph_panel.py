"""ValueGraphPanel: one frozen Graph of any expression (show(root), the Scratchpad), drawn and stepped through as the
app's graph panel does, with numerical gradients beside the backprop ones."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from micrograd_gui.core.graph.numeric import numerical_grad
from micrograd_gui.core.graph.trace import Graph

from .flow_layout import FlowLayout
from .graph_stage import GraphStage


class ValueGraphPanel(GraphStage):
    """Shows the graph it is given; no app model: whoever owns the Values traces them and calls `set_graph`."""

    node_selected = Signal(int)  # the node's id in the graph given to set_graph, -1 when nothing is selected

    def __init__(self, parent: QWidget | None = None):
        # its own object names and keys kept inside it: it may share a window with the app's graph panel
        super().__init__(names="value", keys=Qt.ShortcutContext.WidgetWithChildrenShortcut, parent=parent)
        self.setObjectName("valueGraphPanel")
        self.numeric: dict[int, float] = {}
        self.hint = QLabel()
        self.hint.setObjectName("valueGradHint")
        self.hint.setWordWrap(True)
        self.hint.hide()
        self.find_input.setPlaceholderText(self.tr("find a node by its label: a, b, out …"))
        top = FlowLayout()
        for w in (self.find_input, self.find_result, self.fit, self.collapse, self.expand, self.svg, self.png):
            top.add(w, 1 if w is self.find_input else 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addLayout(self.steps_row())
        lay.addWidget(self.hint)
        lay.addWidget(self.splitter(), 1)
        self._show_collapse_tools()
        self.export_failed.connect(self._on_export_failed)

    def _on_export_failed(self, message: str) -> None:
        """Said above the graph: this panel has no message bar of its own (show()'s window, the Scratchpad)."""
        self.hint.setText(message)
        self.hint.show()

    def set_graph(self, graph: Graph, numeric: Mapping[int, float] | None = None, keep_view: bool = True) -> None:
        """Show `graph`; `numeric` maps node ids to numerical gradients the inspector shows beside the backprop
        ones. With `keep_view`, a graph of the same shape (only new numbers: a slider drag) keeps the zoom, the
        scroll and the selection; without, the view starts afresh: nothing selected, the whole graph fitted."""
        self.numeric = {int(k): float(v) for k, v in (numeric or {}).items()}
        if not keep_view:
            self.graph_view.scene().clearSelection()
        self.show_graph(graph)
        if not keep_view:
            self.graph_view.fit()
        self._show_collapse_tools()
        idle = len(graph.nodes) > 1 and all(n.grad == 0 for n in graph.nodes)
        self.hint.setText(self.tr("Every grad is 0: call backward() on the root first, or press Backward step to "
                                  "replay backprop here.") if idle else "")
        self.hint.setVisible(idle)

    def inspect(self, i: int) -> None:
        """The node with its numerical gradient: the one given for it (a Scratchpad leaf, from the program itself),
        else d root / d node by nudging it in the frozen graph (not for a collapsed neuron's box)."""
        v = self.graph_view.view
        if v is None:
            return
        members = len(v.members[i])
        numeric = None
        if members == 1 and self.graph is not None:
            node = v.original[i]
            numeric = self.numeric.get(node)
            if numeric is None:
                numeric = numerical_grad(self.graph, node)
        self.inspector.show_node(v.graph, i, members, numeric)

    def selected_node(self) -> int:
        """The selected node's id in the given graph, or -1."""
        original = self.graph_view.selected_original()
        return -1 if original is None else original

    def select_node(self, node: int) -> None:
        self.graph_view.select_original(node)

    def _on_node_selected(self, i: int) -> None:
        super()._on_node_selected(i)
        v = self.graph_view.view
        self.node_selected.emit(-1 if i < 0 or v is None else v.original[i])

    def _show_collapse_tools(self) -> None:
        """Collapse and Expand only for a graph with neurons (a network's, labelled as this app labels them)."""
        neurons = bool(self.graph_view.neuron_keys())
        self.collapse.setVisible(neurons)
        self.expand.setVisible(neurons)
