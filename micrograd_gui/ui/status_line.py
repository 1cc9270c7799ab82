"""The status bar's permanent labels: the step, the pace, the losses of the latest snapshot."""

from __future__ import annotations

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QLabel, QStatusBar

from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel
from .readouts import loss_text


class StatusLine(QObject):
    def __init__(self, model: AppModel, bar: QStatusBar):
        super().__init__(bar)
        self.step_label, self.rate_label, self.loss_label = QLabel(), QLabel(), QLabel()
        for w, name in ((self.step_label, "stepLabel"), (self.rate_label, "rateLabel"),
                        (self.loss_label, "lossLabel")):
            w.setObjectName(name)
            bar.addPermanentWidget(w)
        model.snapshot.connect(self._on_snapshot)

    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        m = snap.metrics
        self.step_label.setText(self.tr("step {n}").format(n=snap.step))
        self.rate_label.setText(self.tr("{rate} steps/s").format(rate=f"{snap.steps_per_second:.0f}") if snap.running
                                else self.tr("paused"))
        loss = "–" if m.train_loss is None else loss_text(m.train_loss)
        val = "" if m.val_loss is None else self.tr(" · val {loss}").format(loss=loss_text(m.val_loss))
        self.loss_label.setText(self.tr("loss {loss}").format(loss=loss) + val)
