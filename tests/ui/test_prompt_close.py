"""Closing the window while the eager engine works on a big session: the work is abandoned and the thread joined,
rather than Close waiting minutes for an eager step (issue 16: 10)."""

from __future__ import annotations

import dataclasses

from micrograd_gui.core.presets import get_preset
from micrograd_gui.ui.main_window import MainWindow


def big_eager():
    """A legal session's settings: one eager evaluation over its 5,000 points takes minutes."""
    c = get_preset("llm101n").config
    return c.with_changes(engine="eager", hidden=(64, 64), dataset=dataclasses.replace(c.dataset, n=5000))


def test_closing_during_a_long_eager_computation_cancels_it_and_joins_the_thread(qtbot, settings):
    w = MainWindow(big_eager(), settings=settings)
    w.show()
    run = w.controller.worker.run
    thread = w.controller.training_thread
    try:
        qtbot.waitUntil(lambda: run.trainer is not None)  # built: now evaluating the first snapshot, point by point
        assert w.controller.last is None  # still at it
    finally:
        w.close()  # returns once the thread is joined
    qtbot.waitUntil(lambda: not thread.isRunning(), timeout=5000)
    assert run.cancel.is_set() and run.interrupted  # the worker saw the cancellation and gave up the work
    assert run.trainer is not None and run.trainer.step_count == 0


def test_closing_while_an_eager_run_plays_joins_the_thread(qtbot, make_window):
    c = get_preset("llm101n").config.with_changes(engine="eager")
    w = make_window(c)
    run = w.controller.worker.run
    w.model.toggle_play()
    qtbot.waitUntil(lambda: w.controller.last is not None and w.controller.last.step > 0)
    w.close()
    assert not w.controller.training_thread.isRunning()
    assert run.trainer is not None and run.trainer.step_count > 0  # a step abandoned leaves the last one whole
