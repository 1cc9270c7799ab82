"""Controller: owns the worker thread; UI intents go in as queued signals, snapshots come out."""

from __future__ import annotations

from PySide6.QtCore import QMetaObject, QObject, Qt, QThread, Signal, Slot

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.datasets import Dataset
from micrograd_gui.core.snapshot import Snapshot
from micrograd_gui.core.trainer import TrainerState

from .worker import TrainingWorker


class Controller(QObject):
    """The GUI thread's handle on training. Never touches the trainer itself."""

    snapshot = Signal(object)
    failed = Signal(str)
    diverged = Signal(str)
    running_changed = Signal(bool)
    state_ready = Signal(object)
    reached = Signal(int)

    # requests, delivered to the worker's thread by queued connections
    _play = Signal()
    _pause = Signal()
    _step = Signal(int)
    _reset = Signal(object, object)
    _set_data = Signal(object)
    _set_live = Signal(object)
    _set_rate = Signal(float)
    _set_grid = Signal(bool)
    _set_probe = Signal(object)
    _request_state = Signal()
    _restore = Signal(object)
    _set_graph = Signal(bool)
    _set_network = Signal(bool)
    _set_optimizer = Signal(bool)
    _set_param = Signal(int, float, int)
    _set_pause_at = Signal(int)

    def __init__(self, config: TrainConfig, data: Dataset | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.running = False
        self.last: Snapshot | None = None
        self.training_thread = QThread()
        self.training_thread.setObjectName("trainingThread")
        self.worker = TrainingWorker(config, data)
        self._cancel = self.worker.run.cancel  # set by shutdown(): the worker's eager computation stops at once
        self.worker.moveToThread(self.training_thread)
        self.training_thread.started.connect(self.worker.start)
        self.training_thread.finished.connect(self.worker.deleteLater)
        for sig, slot in ((self._play, self.worker.play), (self._pause, self.worker.pause),
                          (self._step, self.worker.step_n), (self._reset, self.worker.reset),
                          (self._set_data, self.worker.set_data), (self._set_live, self.worker.set_live),
                          (self._set_rate, self.worker.set_rate), (self._set_grid, self.worker.set_grid_visible),
                          (self._set_probe, self.worker.set_probe), (self._set_graph, self.worker.set_graph_visible)):
            sig.connect(slot)
        self._request_state.connect(self.worker.request_state)
        self._set_network.connect(self.worker.set_network_visible)
        self._set_optimizer.connect(self.worker.set_optimizer_visible)
        self._set_param.connect(self.worker.set_param)
        self._restore.connect(self.worker.restore)
        self._set_pause_at.connect(self.worker.set_pause_at)
        self.worker.reached.connect(self._on_reached)
        self.worker.state_ready.connect(self._on_state_ready)
        self.worker.snapshot.connect(self._on_snapshot)
        self.worker.failed.connect(self._on_failed)
        self.worker.diverged.connect(self._on_diverged)
        self.worker.running_changed.connect(self._on_running_changed)
        self.training_thread.start()

    # ---- intents ------------------------------------------------------------------------------
    def play(self) -> None:
        self._play.emit()

    def pause(self) -> None:
        self._pause.emit()

    def toggle(self) -> None:
        (self.pause if self.running else self.play)()

    def step(self, n: int = 1) -> None:
        self._step.emit(n)

    def reset(self, config: TrainConfig, data: Dataset) -> None:
        self._reset.emit(config, data)

    def set_data(self, data: Dataset) -> None:
        self._set_data.emit(data)

    def set_live(self, config: TrainConfig) -> None:
        self._set_live.emit(config)

    def set_rate(self, steps_per_second: float) -> None:
        self._set_rate.emit(float(steps_per_second))

    def set_grid_visible(self, visible: bool) -> None:
        self._set_grid.emit(bool(visible))

    def set_probe(self, x: float, y: float, label: int) -> None:
        self._set_probe.emit((float(x), float(y), int(label)))

    def set_pause_at(self, step: int | None) -> None:
        """Pause when playing reaches this step count (a lesson's); None: never."""
        self._set_pause_at.emit(int(step or 0))

    def set_graph_visible(self, visible: bool) -> None:
        self._set_graph.emit(bool(visible))

    def set_network_visible(self, visible: bool) -> None:
        """Snapshots carry every neuron's map and the last gradient while the network view shows."""
        self._set_network.emit(bool(visible))

    def set_optimizer_visible(self, visible: bool) -> None:
        """Snapshots carry the optimizer's state while the optimizer table shows."""
        self._set_optimizer.emit(bool(visible))

    def set_param(self, index: int, value: float, run: int = -1) -> None:
        """Set one parameter (theta's order) before the next step; given a run, only if no reset came since."""
        self._set_param.emit(int(index), float(value), int(run))

    def request_state(self) -> None:
        """Ask the worker for a copy of the whole training state; it arrives as state_ready."""
        self._request_state.emit()

    def restore(self, state: TrainerState) -> None:
        self._restore.emit(state)

    def shutdown(self) -> None:
        """Stop training and join the thread, before any Qt object it uses is destroyed. An eager step in
        progress (minutes on thousands of points) is abandoned first, so the window closes at once."""
        if self.training_thread.isRunning():
            self._cancel.set()  # a threading.Event: safe to set from here while the worker computes
            QMetaObject.invokeMethod(self.worker, "stop", Qt.ConnectionType.BlockingQueuedConnection)
            self.training_thread.quit()
            self.training_thread.wait()

    # ---- results (GUI thread) -----------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        self.last = snap
        self.snapshot.emit(snap)

    @Slot(object)
    def _on_state_ready(self, state: TrainerState) -> None:
        self.state_ready.emit(state)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.diverged.emit(message)

    @Slot(int)
    def _on_reached(self, step: int) -> None:
        self.reached.emit(step)

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.running = running
        self.running_changed.emit(running)
