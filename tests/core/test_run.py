"""core.run without Qt: pacing, throttles, what the views asked for, and errors that stop the run."""

import numpy as np
import pytest

from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.run import (
    GRAPH_PERIOD_S,
    GRID_IDLE,
    NEURON_MAP_IDLE,
    NEURON_MAP_RUNNING,
    SNAPSHOT_PERIOD_S,
    Run,
)
from micrograd_gui.core.trainer import Diverged, Trainer


class Clock:
    """A clock the test moves by hand; each reading may also advance it (a step that takes time)."""

    def __init__(self, per_read: float = 0.0):
        self.now, self.per_read = 100.0, per_read

    def __call__(self) -> float:
        self.now += self.per_read
        return self.now


LLM = get_preset("llm101n").config


def built(clock=None, config=LLM) -> Run:
    run = Run(clock or Clock())
    run.build(config, None)
    return run


def test_a_paused_snapshot_has_the_full_map_and_no_extras():
    run = built()
    snap = run.snapshot()
    assert snap.run == 1 and snap.step == 0 and not snap.running
    assert snap.grid.shape == (GRID_IDLE, GRID_IDLE, 3) and not snap.grid.flags.writeable
    assert snap.graph is None and snap.neuron_maps is None and snap.opt_m is None and snap.grads is None
    assert Run().snapshot() is None  # nothing to show before a trainer exists


def test_ticks_train_within_their_budget_and_hand_over_the_history_once():
    clock = Clock(per_read=0.001)  # every reading of the clock is a millisecond later
    run = built(clock)
    assert run.set_running(True) and not run.set_running(True)
    assert run.tick(budget_s=0.006) is None
    steps = run.trainer.step_count
    assert 1 <= steps <= 6
    snap = run.snapshot()
    assert [h[0] for h in snap.history] == list(range(1, steps + 1)) and snap.running
    assert run.snapshot().history == ()  # handed over once


def test_the_pace_holds_the_steps_per_second():
    clock = Clock()
    run = built(clock)
    run.set_rate(30.0)
    run.set_running(True)
    for _ in range(100):  # one second of ticks, 10 ms apart
        clock.now += 0.01
        run.tick()
    assert 29 <= run.trainer.step_count <= 31


def test_snapshots_are_throttled_while_running_and_always_due_when_paused():
    clock = Clock()
    run = built(clock)
    assert run.snapshot_due()
    run.set_running(True)
    run.snapshot()
    assert not run.snapshot_due()
    clock.now += SNAPSHOT_PERIOD_S * 1.01
    assert run.snapshot_due()
    run.snapshot()
    run.set_running(False)
    assert run.snapshot_due()


def test_the_graph_comes_with_its_probe_and_is_throttled_while_training():
    clock = Clock()
    run = built(clock)
    run.show(graph=True)
    assert run.snapshot().graph is None  # no probe yet
    run.show(probe=(0.5, -0.5, 2))
    snap = run.snapshot()
    assert snap.probe == (0.5, -0.5, 2) and snap.graph is not None and len(snap.graph.nodes) > 100
    run.set_running(True)
    run.snapshot()
    assert run.snapshot().graph is None  # within the refresh period
    clock.now += GRAPH_PERIOD_S * 1.01
    assert run.snapshot().graph is not None
    run.show(probe=(0.0, 0.0, 7))  # a class the model has no output for: no graph, no failure
    clock.now += GRAPH_PERIOD_S * 1.01
    assert run.snapshot().graph is None


def test_neuron_maps_and_optimizer_state_when_their_views_are_open():
    run = built()
    run.trainer.step()
    run.show(network=True, optimizer=True)
    snap = run.snapshot()
    assert [m.shape for m in snap.neuron_maps] == [(NEURON_MAP_IDLE, NEURON_MAP_IDLE, 8),
                                                   (NEURON_MAP_IDLE, NEURON_MAP_IDLE, 3)]
    o = run.trainer.optimizer
    assert np.array_equal(snap.opt_m, o.m) and np.array_equal(snap.opt_v, o.v) and o.t == 1
    assert np.array_equal(snap.last_update, o.last_update) and np.array_equal(snap.grads, run.trainer.last_grad)
    run.set_running(True)
    assert run.snapshot(grid=True).neuron_maps is None  # throttled right after the last maps
    run.show(network=True)  # reopening asks for fresh maps at once
    assert run.snapshot().neuron_maps[0].shape == (NEURON_MAP_RUNNING, NEURON_MAP_RUNNING, 8)
    with pytest.raises(AttributeError):
        run.show(nonsense=True)


def test_a_divergence_stops_the_run_and_says_why():
    bad = get_preset("spiral").config.with_changes(optimizer=OptimizerConfig("adamw", lr=100.0))
    run = built(Clock(per_read=0.0001), bad)
    run.set_running(True)
    stopped = None
    for _ in range(50):
        stopped = run.tick()
        if stopped is not None:
            break
    assert isinstance(stopped, Diverged) and not run.running
    assert np.isfinite(run.trainer.theta).all()


def test_data_without_two_classes_stops_the_run_with_what_to_do():
    run = built(config=get_preset("hand").config)
    run.set_running(True)
    stopped = run.tick()
    assert isinstance(stopped, ConfigError) and "training points" in str(stopped) and not run.running


def test_restore_continues_exactly_and_counts_as_a_new_run():
    run = built()
    for _ in range(5):
        run.trainer.step()
    state = run.trainer.state()
    reference = Trainer.from_state(state)
    run.restore(state)
    assert run.run == 2
    assert run.trainer.step() == reference.step()
    assert np.array_equal(run.trainer.theta, reference.theta)
