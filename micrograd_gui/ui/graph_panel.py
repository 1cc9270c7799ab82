"""The computation-graph panel of the probe point: its label, and the worker's frozen graph on a GraphStage."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QVBoxLayout, QWidget

from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel
from .flow_layout import FlowLayout
from .graph_stage import GraphStage


class GraphPanel(GraphStage):
    """Shows the worker's frozen graph of the probe; the class it is for is an intent on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent=parent)
        self.setObjectName("graphPanel")
        self.model = model
        self.running = False

        self.probe_text = QLabel(self.tr("point ({x}, {y})").format(x=0, y=0))
        self.probe_text.setObjectName("probeText")
        self.label = QComboBox()
        self.label.setObjectName("probeLabel")
        self.label.setToolTip(self.tr("The class the point's loss is computed for"))
        self.label.currentIndexChanged.connect(lambda i: model.set_probe_label(max(i, 0)))
        top = FlowLayout()  # toolbars wrap in a narrow dock rather than squeeze their controls or the docks beside
        for w in (self.probe_text, QLabel(self.tr("label")), self.label, self.find_input, self.find_result, self.fit,
                  self.collapse, self.expand, self.svg, self.png):
            top.add(w, 1 if w is self.find_input else 0)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addLayout(top)
        lay.addLayout(self.steps_row())
        lay.addWidget(self.splitter(), 1)
        self.set_classes(3)
        model.snapshot.connect(self.set_snapshot)
        self.export_failed.connect(self._on_export_failed)

    def _on_export_failed(self, message: str) -> None:
        self.model.say(message, "error")

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
        if snap.graph is not None:
            self.show_graph(snap.graph)

    def _can_step(self) -> bool:
        """Replaying backprop needs the numbers to hold still: not while training runs."""
        if self.running or self.graph is None:
            self.step_status.setText(self.tr("pause training to step through") if self.running else "")
            if self.running:  # said where the class looks, not only in the small status
                self.model.say(self.tr("Pause training (Space) to step through the graph."), "info")
            return False
        return True
