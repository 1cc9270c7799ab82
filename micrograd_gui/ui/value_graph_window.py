"""The window show(root) opens, and the PNG it writes: a ValueGraphPanel on its own, outside the app's window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from micrograd_gui.core.graph.trace import Graph

from .picture_files import save_png
from .value_graph_panel import ValueGraphPanel

OPEN: list[ValueGraphWindow] = []  # the windows show() returned: kept alive until closed, as pyplot keeps figures


class ValueGraphWindow(QWidget):
    """A top-level window with one ValueGraphPanel; it lets go of itself when closed."""

    def __init__(self, graph: Graph, title: str | None = None):
        super().__init__()
        self.setObjectName("valueGraphWindow")
        root = graph.nodes[-1] if graph.nodes else None
        name = (root.label or root.op) if root is not None else ""
        self.setWindowTitle(title or self.tr("micrograd graph — {name}").format(name=name or self.tr("root")))
        self.panel = ValueGraphPanel(self)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.panel)
        self.resize(1100, 650)  # inside a 1280×720 screen
        self.panel.set_graph(graph, keep_view=False)
        self.panel.graph_view.setFocus()  # the B, N, P and F keys work at once
        OPEN.append(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.panel.end_steps()  # no animation ticking on in a hidden window
        super().closeEvent(event)
        if self in OPEN:
            OPEN.remove(self)


def write_png(graph: Graph, path: str | Path) -> None:
    """The graph drawn as the window draws it, at twice the screen's resolution; no window is shown."""
    panel = ValueGraphPanel()
    panel.resize(1100, 650)
    panel.set_graph(graph, keep_view=False)
    try:
        save_png(panel.graph_view.render_image(), path)  # whole or not at all; a failure says the system's reason
    finally:
        panel.deleteLater()
