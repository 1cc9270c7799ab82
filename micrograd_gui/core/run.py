"""A run as the app shows it: the trainer plus what the views asked for, turned into frozen Snapshots.

Qt-free: the worker is a QTimer shell around it (ui/worker.py), and tests drive it with a fake clock.
Throttles live here, at the source: about one snapshot a frame, the probe's graph at ~12 Hz, neuron maps at
~10 Hz and the optimizer's state at ~5 Hz while training, and a decision map sized to what the machine
affords.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from micrograd_gui.core.graph.probe import point_loss_value
from micrograd_gui.core.graph.trace import Graph, trace

from .config import ConfigError, TrainConfig
from .datasets import Dataset
from .eager import EagerBackend
from .snapshot import Metrics, Snapshot, frozen, grid_points
from .trainer import Diverged, Trainer, TrainerState

TICK_BUDGET_S = 0.006  # work per timer tick; between ticks the GUI thread has the GIL to itself
SNAPSHOT_PERIOD_S = 1 / 40  # about one snapshot a frame
GRID_IDLE = 200  # map cells a side when paused (>= 150)
GRID_RUNNING_MAX, GRID_RUNNING_MIN = 128, 64
GRID_COST_TARGET_S = 0.008  # while training, shrink the map until it costs about this much
GRAPH_PERIOD_S = 1 / 12  # the probe's graph refreshes at ~12 Hz while training (>= 10 Hz)
NEURON_MAP_PERIOD_S = 1 / 10  # the network view's neuron maps refresh at ~10 Hz while training
NEURON_MAP_RUNNING, NEURON_MAP_IDLE = 28, 64  # map cells a side, each neuron's
NEURON_MAP_EAGER = 24  # the eager engine builds a Value graph a point: small maps only
OPTIMIZER_PERIOD_S = 1 / 5  # the optimizer table's state at ~5 Hz while training

Probe = tuple[float, float, int]


@dataclass(frozen=True)
class Reached:
    """Training paused itself at the step count it was asked to stop at (a lesson's)."""

    step: int


@dataclass
class Views:
    """What the panels asked to be shown: the run computes only that."""

    grid: bool = True  # the decision map
    graph: bool = False  # the probe point's computation graph
    network: bool = False  # every neuron's map
    optimizer: bool = False  # the optimizer's moments and last update
    probe: Probe | None = None


class Run:
    """The worker thread's state: one trainer (replaced on reset or restore), running or not, and the views."""

    def __init__(self, clock: Callable[[], float] = time.perf_counter):
        self.clock = clock
        self.trainer: Trainer | None = None
        self.run = 0  # changes on every reset or restore: panels drop their history
        self.running = False
        self.views = Views()
        self.rate = 0.0  # steps per second; 0 = as fast as possible
        self.pause_at: int | None = None  # playing pauses when a step brings the count to this (a lesson's goal)
        self._rate_t0, self._rate_steps = 0.0, 0
        self._history: list[tuple[int, float, float | None, float | None]] = []
        self._grid_running = 80
        self._last_emit = self._last_graph = self._last_maps = self._last_optimizer = -math.inf
        self._step_times: deque[float] = deque(maxlen=400)
        # set from any thread to abandon the eager engine's work in progress (eager.Cancelled): for a prompt close
        self.cancel = threading.Event()
        self.interrupted = False  # whether a computation was abandoned so (the worker notes it)

    # ---- the trainer ------------------------------------------------------------------------------
    def build(self, config: TrainConfig, data: Dataset | None) -> None:
        """A new trainer from the seed; raises ConfigError or ValueError and keeps the old one if it cannot."""
        self._adopt(Trainer(config.with_changes(eval_every=1), data))

    def restore(self, state: TrainerState) -> None:
        """Continue a saved session exactly where it stopped (raises as build does)."""
        self._adopt(Trainer.from_state(state))

    def _adopt(self, trainer: Trainer) -> None:
        if isinstance(trainer.backend, EagerBackend):
            trainer.backend.cancel = self.cancel
        self.trainer = trainer
        self.run += 1
        self._history = []

    def set_running(self, running: bool) -> bool:
        """Start or stop; True if that changed anything. Starting restarts the pace's clock."""
        if running:
            self._rate_t0, self._rate_steps = self.clock(), 0
        if running == self.running:
            return False
        self.running = running
        return True

    def set_rate(self, steps_per_second: float) -> None:
        self.rate = max(0.0, steps_per_second)
        self._rate_t0, self._rate_steps = self.clock(), 0

    def show(self, **views: object) -> None:
        """Change what the views want (grid, graph, network, optimizer, probe); the next snapshot has it."""
        for name, value in views.items():
            if not hasattr(self.views, name):
                raise AttributeError(f"no view '{name}'")
            setattr(self.views, name, value)
        if views.get("network"):
            self._last_maps = -math.inf
        if views.get("optimizer"):
            self._last_optimizer = -math.inf

    # ---- training -----------------------------------------------------------------------------------
    def step(self) -> None:
        """One step; raises Diverged or ConfigError (the trainer is back at its last good state)."""
        assert self.trainer is not None
        r = self.trainer.step()
        self._history.append((r.step, r.train_loss, r.val_loss, r.test_loss))
        self._step_times.append(self.clock())

    def tick(self, budget_s: float = TICK_BUDGET_S) -> Diverged | ConfigError | Reached | None:
        """Steps for about budget_s, held to the pace; what stopped the run, or None. Stops running on an error
        and when a step reaches `pause_at` (Play again trains on past it)."""
        t0 = self.clock()
        while self.running and self.trainer is not None:
            if self.rate:
                allowed = int((self.clock() - self._rate_t0) * self.rate) - self._rate_steps
                if allowed <= 0:
                    break
            try:
                self.step()
            except (Diverged, ConfigError) as e:
                self.running = False
                return e
            self._rate_steps += 1
            if self.trainer.step_count == self.pause_at:
                self.running = False
                return Reached(self.pause_at)
            if self.clock() - t0 > budget_s:
                break
        return None

    def snapshot_due(self) -> bool:
        """Whether a snapshot is owed: always when paused, else about one a frame."""
        return not self.running or self.clock() - self._last_emit >= SNAPSHOT_PERIOD_S

    def steps_per_second(self) -> float:
        now = self.clock()
        recent = [t for t in self._step_times if now - t <= 1.0]
        if len(recent) < 2 or not self.running:
            return 0.0
        return (len(recent) - 1) / max(1e-6, recent[-1] - recent[0])

    # ---- what the views asked for --------------------------------------------------------------------
    def _graph(self, tr: Trainer) -> Graph | None:
        """The probe point's loss graph at the current weights, built and back-propagated here."""
        v = self.views
        if not (v.graph and v.probe):
            return None
        now = self.clock()
        if self.running and now - self._last_graph < GRAPH_PERIOD_S:
            return None
        x, y, label = v.probe
        if not 0 <= label < tr.class_capacity:
            return None
        self._last_graph = now
        tr.model.set_flat(tr.theta.tolist())
        try:
            root = point_loss_value(tr.model, tr.config.loss, tr.config.stable_softmax, (x, y), label,
                                    tr.config.features)
        except ValueError:  # e.g. log(0) on extreme weights: nothing to show
            return None
        return trace(root)

    def _neuron_maps(self, tr: Trainer) -> tuple[np.ndarray, ...] | None:
        """Every neuron's activation over the plane, for the network view; throttled while training."""
        if not self.views.network:
            return None
        now = self.clock()
        if self.running and now - self._last_maps < NEURON_MAP_PERIOD_S:
            return None
        g = NEURON_MAP_RUNNING if self.running else NEURON_MAP_IDLE
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
        if not self.views.optimizer:
            return None
        now = self.clock()
        if self.running and now - self._last_optimizer < OPTIMIZER_PERIOD_S:
            return None
        self._last_optimizer = now
        s = tr.optimizer.state()
        return frozen(s.m), frozen(s.v), frozen(s.last_update)

    def _decision_map(self, tr: Trainer) -> np.ndarray:
        g = self._grid_running if self.running else GRID_IDLE
        t0 = self.clock()
        probs = tr.probabilities(grid_points(g))
        if self.running:  # adapt the map to what the machine affords while training
            cost = self.clock() - t0
            scale = math.sqrt(GRID_COST_TARGET_S / max(cost, 1e-6))
            self._grid_running = int(min(GRID_RUNNING_MAX, max(GRID_RUNNING_MIN, g * min(1.25, scale))))
        return frozen(np.nan_to_num(probs, nan=0.0).reshape(g, g, -1).astype(np.float32))  # inf - inf logits

    def snapshot(self, grid: bool = True, maps: bool | None = None) -> Snapshot | None:
        """A frozen picture of the run for the views (None before a trainer exists).

        grid / maps: whether the model may have changed, so the decision map / neuron maps are redrawn."""
        tr = self.trainer
        if tr is None:
            return None
        v = self.views
        graph = self._graph(tr)
        neuron_maps = self._neuron_maps(tr) if (grid if maps is None else maps) else None
        opt = self._optimizer_state(tr)
        grads = frozen(tr.last_grad) if (v.network or v.optimizer) and tr.last_grad is not None else None
        probs = self._decision_map(tr) if grid and v.grid else None
        snap = Snapshot(
            run=self.run, step=tr.step_count, running=self.running, history=tuple(self._history),
            metrics=metrics(tr), theta=frozen(tr.theta), num_outputs=tr.num_outputs,
            num_classes=tr.class_capacity, config=tr.config, steps_per_second=self.steps_per_second(), grid=probs,
            graph=graph, probe=v.probe, neuron_maps=neuron_maps, grads=grads,
            opt_m=opt[0] if opt else None, opt_v=opt[1] if opt else None, last_update=opt[2] if opt else None)
        self._history = []
        self._last_emit = self.clock()
        return snap


def metrics(tr: Trainer) -> Metrics:
    """Loss and accuracy of every split, or nothing where the weights overflow the eager engine."""
    try:
        m = tr.evaluate()
    except (Diverged, ValueError):  # the next step says why, as a divergence
        return Metrics()
    return Metrics(m["train"].loss, m["val"].loss, m["test"].loss,
                   m["train"].accuracy, m["val"].accuracy, m["test"].accuracy)
