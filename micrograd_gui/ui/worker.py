"""TrainingWorker: lives on a QThread, a QTimer shell around core.run.Run, which trains and makes snapshots."""

from __future__ import annotations

import functools
import sys
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import Dataset
from micrograd_gui.core.divergence import explain
from micrograd_gui.core.eager import Cancelled
from micrograd_gui.core.run import Probe, Reached, Run
from micrograd_gui.core.trainer import Diverged, TrainerState

TICK_INTERVAL_MS = 4  # between ticks the GUI thread has the GIL to itself (a tick works core.run.TICK_BUDGET_S)


def guarded(slot: Callable[..., None]) -> Callable[..., None]:
    """A failure inside a slot becomes a message for the user; it never kills the thread."""

    @functools.wraps(slot)
    def wrapper(self: TrainingWorker, *args: Any) -> None:
        try:
            slot(self, *args)
        except Cancelled:  # the window is closing (Controller.shutdown): the trainer is back where the step began
            self.run.interrupted = True  # stop() follows at once and stops the timer
        except Exception as e:  # noqa: BLE001 - the worker must survive anything a step can raise
            traceback.print_exc(file=sys.stderr)
            self._set_running(False)
            self.failed.emit(QCoreApplication.translate("TrainingWorker", "Training stopped by an unexpected error: "
                                                        "{error}").format(error=f"{type(e).__name__}: {e}"))

    return wrapper


class TrainingWorker(QObject):
    """The only object that touches the trainer, the model and the optimizer (through its Run)."""

    snapshot = Signal(object)  # Snapshot
    failed = Signal(str)  # something the user must change; training is paused
    diverged = Signal(str)  # NaN or infinity: paused, back at the last good weights
    running_changed = Signal(bool)
    state_ready = Signal(object)  # TrainerState (frozen copies), answering request_state
    reached = Signal(int)  # playing paused itself at the step count set with set_pause_at

    def __init__(self, config: TrainConfig, data: Dataset | None = None):
        super().__init__()
        self._config, self._data = config, data
        self.run = Run()
        self._timer: QTimer | None = None

    # ---- lifecycle (all called in the worker thread) ----------------------------------------
    @Slot()
    @guarded
    def start(self) -> None:
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_INTERVAL_MS)
        self._timer.timeout.connect(self._tick)
        self._build(self._config, self._data)

    @Slot()
    def stop(self) -> None:
        self._set_running(False)

    def _build(self, config: TrainConfig, data: Dataset | None) -> None:
        try:
            self.run.build(config, data)
        except (ConfigError, ValueError) as e:
            self.failed.emit(str(e))
            return
        self._emit()

    # ---- intents from the GUI -----------------------------------------------------------------
    @Slot()
    @guarded
    def play(self) -> None:
        tr = self.run.trainer
        if tr is None:
            return
        try:
            tr.check_data()
        except ConfigError as e:
            self.failed.emit(str(e))
            return
        self._set_running(True)

    @Slot()
    @guarded
    def pause(self) -> None:
        self._set_running(False)
        self._emit()

    @Slot(int)
    @guarded
    def step_n(self, n: int) -> None:
        self._set_running(False)
        for _ in range(n):
            if self.run.trainer is None or not self._one_step():
                break
        self._emit()

    @Slot(object, object)
    @guarded
    def reset(self, config: TrainConfig, data: Dataset) -> None:
        self._set_running(False)
        self._build(config, data)

    @Slot(object)
    @guarded
    def set_data(self, data: Dataset) -> None:
        tr = self.run.trainer
        if tr is None:
            return
        tr.set_data(data)
        problem = None
        try:
            tr.check_data()
        except ConfigError as e:
            problem = str(e)
        if problem and self.run.running:
            self._set_running(False)
            self.failed.emit(problem)
        self._emit(grid=False)  # the model did not change, so neither did its map

    @Slot(object)
    @guarded
    def set_live(self, config: TrainConfig) -> None:
        if self.run.trainer is None:
            return
        try:
            self.run.trainer.set_live(config)
        except ConfigError as e:
            self.failed.emit(str(e))

    @Slot(float)
    @guarded
    def set_rate(self, steps_per_second: float) -> None:
        self.run.set_rate(steps_per_second)

    @Slot(int)
    @guarded
    def set_pause_at(self, step: int) -> None:
        """Pause when playing reaches this step count; 0 or less: never."""
        self.run.pause_at = step if step > 0 else None

    @Slot(bool)
    @guarded
    def set_grid_visible(self, visible: bool) -> None:
        self.run.show(grid=visible)
        if visible:
            self._emit()

    @Slot()
    @guarded
    def request_state(self) -> None:
        if self.run.trainer is not None:
            self.state_ready.emit(self.run.trainer.state())

    @Slot(object)
    @guarded
    def restore(self, state: TrainerState) -> None:
        """Continue a saved session exactly where it stopped."""
        self._set_running(False)
        try:
            self.run.restore(state)
        except (ConfigError, ValueError) as e:
            self.failed.emit(self.tr("The session could not be restored: {error}").format(error=e))
            return
        self._emit()

    @Slot(object)
    @guarded
    def set_probe(self, probe: Probe | None) -> None:
        self.run.show(probe=probe)
        self._emit(grid=False)

    @Slot(bool)
    @guarded
    def set_graph_visible(self, visible: bool) -> None:
        self.run.show(graph=visible)
        if visible:
            self._emit(grid=False)

    @Slot(bool)
    @guarded
    def set_network_visible(self, visible: bool) -> None:
        self.run.show(network=visible)
        if visible:
            self._emit(grid=False, maps=True)

    @Slot(bool)
    @guarded
    def set_optimizer_visible(self, visible: bool) -> None:
        self.run.show(optimizer=visible)
        if visible:
            self._emit(grid=False)

    @Slot(int, float, int)
    @guarded
    def set_param(self, index: int, value: float, run: int) -> None:
        """A parameter typed by hand (theta's order), applied before the next step; run -1: any run."""
        if self.run.trainer is None or run not in (-1, self.run.run):
            return  # an edit of weights a reset has already replaced
        try:
            self.run.trainer.set_param(index, value)
        except ConfigError as e:
            self.failed.emit(str(e))
            return
        self._emit()

    # ---- training -----------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        if self._timer is None or not self.run.set_running(running):
            return
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self.running_changed.emit(running)

    def _say(self, e: Diverged | ConfigError) -> None:
        """Why training stopped by itself, in the user's language where the core marked it."""
        if isinstance(e, Diverged):
            message = QCoreApplication.translate("Trainer", e.template).format(**e.values)  # translate is thread-safe
            self.diverged.emit(explain(self.run.trainer, message,  # the cause in words, when it has a name
                                       functools.partial(QCoreApplication.translate, "Divergence")))
        else:
            self.failed.emit(str(e))

    def _one_step(self) -> bool:
        try:
            self.run.step()
        except (Diverged, ConfigError) as e:
            self._say(e)
            return False
        return True

    @Slot()
    @guarded
    def _tick(self) -> None:
        stopped = self.run.tick()
        if stopped is not None:  # the run has stopped itself: the timer and the window follow
            if self._timer is not None:
                self._timer.stop()
            self.running_changed.emit(False)
            if isinstance(stopped, Reached):
                self.reached.emit(stopped.step)
            else:
                self._say(stopped)
        if self.run.snapshot_due():
            self._emit()

    def _emit(self, grid: bool = True, maps: bool | None = None) -> None:
        """grid / maps: whether the model may have changed, so the decision map / neuron maps are redrawn."""
        snap = self.run.snapshot(grid, maps)
        if snap is not None:
            self.snapshot.emit(snap)
