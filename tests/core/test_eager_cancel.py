"""The eager engine's work can be abandoned from another thread (a closing window): Cancelled between points and
inside backward, the trainer back where the step began; untouched when nothing cancels (issue 16: 10)."""

from __future__ import annotations

import numpy as np
import pytest

from micrograd_gui.core import engine
from micrograd_gui.core.datasets import TRAIN
from micrograd_gui.core.eager import Cancelled
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.run import Run
from micrograd_gui.core.trainer import Trainer


class SetAfter:
    """An event that reads as set from its n-th check on: a cancellation at a chosen point of the work."""

    def __init__(self, n: int):
        self.n, self.checks = n, 0

    def is_set(self) -> bool:
        self.checks += 1
        return self.checks >= self.n


def eager(**changes) -> Trainer:
    return Trainer(get_preset("llm101n").config.with_changes(engine="eager", **changes))


def test_a_cancelled_step_raises_and_leaves_the_trainer_where_it_was():
    t = eager(eval_every=1)  # as the window's trainer: every step has the same work, so the same checks
    count = SetAfter(10**12)
    t.backend.cancel = count  # type: ignore[assignment]
    t.step()  # its checks counted: between the points of every split, then in backward
    before = t.state()
    for n in (1, count.checks // 2, count.checks):  # before the first point, half-way, at backward's last check
        t.backend.cancel = SetAfter(n)  # type: ignore[assignment]
        with pytest.raises(Cancelled):
            t.step()
        after = t.state()
        assert after.step == before.step and np.array_equal(after.theta, before.theta)
        assert after.rng_state == before.rng_state and np.array_equal(after.opt_m, before.opt_m)


def test_the_graph_walks_check_as_they_go(monkeypatch):
    monkeypatch.setattr(engine, "CHECK_EVERY", 200)  # this small graph then has dozens of checkpoints
    t = eager()
    X, y = t.data.arrays(TRAIN)
    nodes = len(t.backend._loss_graph(t.theta, X, y).topo())
    assert nodes > 20 * engine.CHECK_EVERY
    for extra in (2, nodes // engine.CHECK_EVERY + 2):  # stopped in topo(), then in backward's second chunk
        cancel = SetAfter(len(y) + extra)
        t.backend.cancel = cancel  # type: ignore[assignment]
        with pytest.raises(Cancelled):
            t.backend.loss_and_grad(t.theta, X, y)
        assert cancel.checks == len(y) + extra
    t.backend.cancel = None
    a = eager()
    assert t.step() == a.step()  # chunked or not, the same gradient to the last digit


def test_cancel_events_that_never_fire_change_nothing():
    a, b = eager(), eager()
    b.backend.cancel = SetAfter(10**12)  # type: ignore[assignment]
    for _ in range(3):
        ra, rb = a.step(), b.step()
        assert ra == rb
    assert np.array_equal(a.theta, b.theta) and b.backend.cancel.checks > 0
    assert np.array_equal(a.outputs(a.data.arrays(TRAIN)[0]), b.outputs(b.data.arrays(TRAIN)[0]))


def test_a_run_hands_its_event_to_an_eager_trainer_and_not_to_a_fast_one():
    run = Run()
    run.build(get_preset("llm101n").config.with_changes(engine="eager"), None)
    assert run.trainer is not None and run.trainer.backend.cancel is run.cancel
    run.cancel.set()
    with pytest.raises(Cancelled):
        run.step()
    assert run.trainer.step_count == 0
    run.build(get_preset("llm101n").config, None)  # fast: nothing there to cancel, a step takes milliseconds
    run.step()
    assert run.trainer.step_count == 1
