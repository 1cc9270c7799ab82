"""TrainingWorker: lives on a QThread, owns the trainer, trains in time-boxed ticks, emits snapshots."""

from __future__ import annotations

import functools
import math
import sys
import time
import traceback
from collections import deque
from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import Dataset
from micrograd_gui.core.divergence import explain
from micrograd_gui.core.graph.probe import point_loss_value
from micrograd_gui.core.graph.trace import Graph, trace
from micrograd_gui.core.snapshot import Metrics, Snapshot, frozen, grid_points
from micrograd_gui.core.trainer import Diverged, Trainer, TrainerState

TICK_BUDGET_S = 0.006  # work per timer tick; between ticks the GUI thread has the GIL to itself
TICK_INTERVAL_MS = 4
SNAPSHOT_PERIOD_S = 1 / 40  # throttle at the source: about one snapshot a frame
GRID_IDLE = 200  # map cells a side when paused (>= 150)
GRID_RUNNING_MAX, GRID_RUNNING_MIN = 128, 64
GRID_COST_TARGET_S = 0.008  # while training, shrink the map until it costs about this much
GRAPH_PERIOD_S = 1 / 12  # the probe's graph refreshes at ~12 Hz while training (>= 10 Hz)
NEURON_MAP_PERIOD_S = 1 / 10  # the network view's neuron maps refresh at ~10 Hz while training
NEURON_MAP_RUNNING, NEURON_MAP_IDLE = 28, 64  # map cells a side, each neuron's
NEURON_MAP_EAGER = 24  # the eager engine builds a Value graph a point: small maps only
OPTIMIZER_PERIOD_S = 1 / 5  # the optimizer table's state at ~5 Hz while training


def guarded(slot: Callable[..., None]) -> Callable[..., None]:
    """A failure inside a slot becomes a message for the user; it never kills the thread."""

    @functools.wraps(slot)
    def wrapper(self: TrainingWorker, *args: Any) -> None:
        try:
            slot(self, *args)
        except Exception as e:  # noqa: BLE001 - the worker must survive anything a step can raise
            traceback.print_exc(file=sys.stderr)
            self._set_running(False)
            self.failed.emit(QCoreApplication.translate("TrainingWorker", "Training stopped by an unexpected error: "
                                                        "{error}").format(error=f"{type(e).__name__}: {e}"))

    return wrapper


class TrainingWorker(QObject):
    """The only object that touches the trainer, the model and the optimizer."""

    snapshot = Signal(object)  # Snapshot
    failed = Signal(str)  # something the user must change; training is paused
    diverged = Signal(str)  # NaN or infinity: paused, last finite weights kept
    running_changed = Signal(bool)
    state_ready = Signal(object)  # TrainerState (frozen copies), answering request_state

    def __init__(self, config: TrainConfig, data: Dataset | None = None):
        super().__init__()
        self._config, self._data = config, data
        self._trainer: Trainer | None = None
        self._timer: QTimer | None = None
        self._running = False
        self._run = 0
        self._history: list[tuple[int, float, float | None]] = []
        self._rate = 0.0  # steps per second; 0 = as fast as possible
        self._rate_t0, self._rate_steps = 0.0, 0
        self._grid_visible = True
        self._grid_running = 80
        self._last_emit = 0.0
        self._probe: tuple[float, float, int] | None = None
        self._graph_visible = False
        self._network_visible = False
        self._last_maps = 0.0
        self._optimizer_visible = False
        self._last_optimizer = 0.0
        self._last_graph = 0.0
        self._step_times: deque[float] = deque(maxlen=400)

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
            trainer = Trainer(config.with_changes(eval_every=1), data)
        except (ConfigError, ValueError) as e:
            self.failed.emit(str(e))
            return
        self._trainer = trainer
        self._run += 1
        self._history = []
        self._emit()

    # ---- intents from the GUI -----------------------------------------------------------------
    @Slot()
    @guarded
    def play(self) -> None:
        if self._trainer is None:
            return
        try:
            self._trainer.check_data()
        except ConfigError as e:
            self.failed.emit(str(e))
            return
        self._rate_t0, self._rate_steps = time.perf_counter(), 0
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
            if not self._one_step():
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
        if self._trainer is None:
            return
        self._trainer.set_data(data)
        problem = None
        try:
            self._trainer.check_data()
        except ConfigError as e:
            problem = str(e)
        if problem and self._running:
            self._set_running(False)
            self.failed.emit(problem)
        self._emit(grid=False)  # the model did not change, so neither did its map

    @Slot(object)
    @guarded
    def set_live(self, config: TrainConfig) -> None:
        if self._trainer is None:
            return
        try:
            self._trainer.set_live(config)
        except ConfigError as e:
            self.failed.emit(str(e))

    @Slot(float)
    @guarded
    def set_rate(self, steps_per_second: float) -> None:
        self._rate = max(0.0, steps_per_second)
        self._rate_t0, self._rate_steps = time.perf_counter(), 0

    @Slot(bool)
    @guarded
    def set_grid_visible(self, visible: bool) -> None:
        self._grid_visible = visible
        if visible:
            self._emit()

    @Slot()
    @guarded
    def request_state(self) -> None:
        if self._trainer is not None:
            self.state_ready.emit(self._trainer.state())

    @Slot(object)
    @guarded
    def restore(self, state: TrainerState) -> None:
        """Continue a saved session exactly where it stopped."""
        self._set_running(False)
        try:
            trainer = Trainer.from_state(state)
        except (ConfigError, ValueError) as e:
            self.failed.emit(self.tr("The session could not be restored: {error}").format(error=e))
            return
        self._trainer = trainer
        self._run += 1
        self._history = []
        self._emit()

    @Slot(object)
    @guarded
    def set_probe(self, probe: tuple[float, float, int] | None) -> None:
        self._probe = probe
        self._emit(grid=False)

    @Slot(bool)
    @guarded
    def set_graph_visible(self, visible: bool) -> None:
        self._graph_visible = visible
        if visible:
            self._emit(grid=False)

    @Slot(bool)
    @guarded
    def set_network_visible(self, visible: bool) -> None:
        self._network_visible = visible
        if visible:
            self._last_maps = 0.0
            self._emit(grid=False, maps=True)

    @Slot(bool)
    @guarded
    def set_optimizer_visible(self, visible: bool) -> None:
        self._optimizer_visible = visible
        if visible:
            self._last_optimizer = 0.0
            self._emit(grid=False)

    @Slot(int, float, int)
    @guarded
    def set_param(self, index: int, value: float, run: int) -> None:
        """A parameter typed by hand (theta's order), applied before the next step; run -1: any run."""
        if self._trainer is None or run not in (-1, self._run):
            return  # an edit of weights a reset has already replaced
        try:
            self._trainer.set_param(index, value)
        except ConfigError as e:
            self.failed.emit(str(e))
            return
        self._emit()

    # ---- training -----------------------------------------------------------------------------
    def _set_running(self, running: bool) -> None:
        if running == self._running or self._timer is None:
            return
        self._running = running
        if running:
            self._timer.start()
        else:
            self._timer.stop()
        self.running_changed.emit(running)

    def _one_step(self) -> bool:
        assert self._trainer is not None
        try:
            r = self._trainer.step()
        except Diverged as e:
            self._set_running(False)
            message = QCoreApplication.translate("Trainer", e.template).format(**e.values)  # translate is thread-safe
            self.diverged.emit(explain(self._trainer, message))  # the cause in words, when it has a name
            return False
        except ConfigError as e:
            self._set_running(False)
            self.failed.emit(str(e))
            return False
        self._history.append((r.step, r.train_loss, r.val_loss))
        self._step_times.append(time.perf_counter())
        return True

    @Slot()
    @guarded
    def _tick(self) -> None:
        t0 = time.perf_counter()
        while self._running:
            if self._rate:
                allowed = int((time.perf_counter() - self._rate_t0) * self._rate) - self._rate_steps
                if allowed <= 0:
                    break
            if not self._one_step():
                break
            self._rate_steps += 1
            if time.perf_counter() - t0 > TICK_BUDGET_S:
                break
        if not self._running:
            self._emit()
        elif time.perf_counter() - self._last_emit >= SNAPSHOT_PERIOD_S:
            self._emit()

    def _steps_per_second(self) -> float:
        now = time.perf_counter()
        recent = [t for t in self._step_times if now - t <= 1.0]
        if len(recent) < 2 or not self._running:
            return 0.0
        return (len(recent) - 1) / max(1e-6, recent[-1] - recent[0])

    def _graph(self, tr: Trainer) -> Graph | None:
        """The probe point's loss graph at the current weights, built and back-propagated here."""
        if not (self._graph_visible and self._probe):
            return None
        now = time.perf_counter()
        if self._running and now - self._last_graph < GRAPH_PERIOD_S:
            return None
        x, y, label = self._probe
        if not 0 <= label < tr.class_capacity:
            return None
        self._last_graph = now
        tr.model.set_flat(tr.theta.tolist())
        try:
            root = point_loss_value(tr.model, tr.config.loss, tr.config.stable_softmax, (x, y), label)
        except ValueError:  # e.g. log(0) on diverged weights: nothing to show
            return None
        return trace(root)

    def _neuron_maps(self, tr: Trainer) -> tuple[np.ndarray, ...] | None:
        """Every neuron's activation over the plane, for the network view; throttled while training."""
        if not self._network_visible:
            return None
        now = time.perf_counter()
        if self._running and now - self._last_maps < NEURON_MAP_PERIOD_S:
            return None
        g = NEURON_MAP_RUNNING if self._running else NEURON_MAP_IDLE
        if tr.config.engine == "eager":
            g = min(g, NEURON_MAP_EAGER)
        try:
            acts = tr.activations(grid_points(g))
        except ValueError:  # the eager engine on weights that overflow: no maps this time
            return None
        self._last_maps = now
        # weights typed or grown huge overflow float32 (and float64): the GUI casts maps to colours, so no inf/NaN
        return tuple(frozen(np.nan_to_num(a, nan=0.0).clip(-3e38, 3e38).reshape(g, g, -1).astype(np.float32))
                     for a in acts)

    def _optimizer_state(self, tr: Trainer) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """Copies of the optimizer's moments and last update, for the optimizer table; throttled too."""
        if not self._optimizer_visible:
            return None
        now = time.perf_counter()
        if self._running and now - self._last_optimizer < OPTIMIZER_PERIOD_S:
            return None
        self._last_optimizer = now
        o = tr.optimizer
        return frozen(o.m), frozen(o.v), frozen(o.last_update)

    def _emit(self, grid: bool = True, maps: bool | None = None) -> None:
        """grid / maps: whether the model may have changed, so the decision map / neuron maps are redrawn."""
        tr = self._trainer
        if tr is None:
            return
        graph = self._graph(tr)
        neuron_maps = self._neuron_maps(tr) if (grid if maps is None else maps) else None
        opt = self._optimizer_state(tr)
        wants_grads = self._network_visible or self._optimizer_visible
        grads = frozen(tr.last_grad) if wants_grads and tr.last_grad is not None else None
        probs = None
        if grid and self._grid_visible:
            g = self._grid_running if self._running else GRID_IDLE
            t0 = time.perf_counter()
            probs = tr.probabilities(grid_points(g))
            if self._running:  # adapt the map to what the machine affords while training
                cost = time.perf_counter() - t0
                scale = math.sqrt(GRID_COST_TARGET_S / max(cost, 1e-6))
                self._grid_running = int(min(GRID_RUNNING_MAX, max(GRID_RUNNING_MIN, g * min(1.25, scale))))
            probs = frozen(np.nan_to_num(probs, nan=0.0).reshape(g, g, -1).astype(np.float32))  # inf - inf logits
        self.snapshot.emit(Snapshot(
            run=self._run, step=tr.step_count, running=self._running, history=tuple(self._history),
            metrics=self._metrics(tr), theta=frozen(tr.theta), num_outputs=tr.num_outputs,
            num_classes=tr.class_capacity, config=tr.config, steps_per_second=self._steps_per_second(), grid=probs,
            graph=graph, probe=self._probe, neuron_maps=neuron_maps, grads=grads,
            opt_m=opt[0] if opt else None, opt_v=opt[1] if opt else None, last_update=opt[2] if opt else None))
        self._history = []
        self._last_emit = time.perf_counter()

    @staticmethod
    def _metrics(tr: Trainer) -> Metrics:
        try:
            m = tr.evaluate()
        except ValueError:  # eager engine on weights that overflow: report nothing rather than fail
            return Metrics()
        return Metrics(m["train"].loss, m["val"].loss, m["test"].loss,
                       m["train"].accuracy, m["val"].accuracy, m["test"].accuracy)

