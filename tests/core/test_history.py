"""The loss history the GUI keeps from snapshots: new runs start empty, a step taken again replaces its point,
a reopened session's curves come with its own run and never past its step."""

import numpy as np

from micrograd_gui.core.history import LossHistory
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import Metrics, Snapshot


def snap(run, step, history=()):
    return Snapshot(run=run, step=step, running=True, history=history, metrics=Metrics(), theta=np.zeros(1),
                    num_outputs=3, num_classes=3, config=get_preset("llm101n").config)


def test_a_run_grows_its_curves_and_a_new_run_starts_empty():
    h = LossHistory()
    assert h.update(snap(1, 2, ((1, 1.0, 0.5, 0.6), (2, 0.9, None, None))))
    assert h.curves() == {"train": [[1.0, 1.0], [2.0, 0.9]], "val": [[1.0, 0.5]], "test": [[1.0, 0.6]]}
    assert not h.update(snap(1, 2))  # nothing new
    assert h.update(snap(2, 0)) and h.empty()


def test_a_step_taken_again_after_a_divergence_replaces_the_old_point():
    h = LossHistory()
    h.update(snap(1, 3, ((1, 1.0, 1.0, 1.2), (2, 0.9, None, None), (3, 5e9, 7e9, 8e9))))
    h.update(snap(1, 3, ((3, 0.8, 0.7, 0.75),)))  # the run went back a step and took it again
    assert h.curves() == {"train": [[1.0, 1.0], [2.0, 0.9], [3.0, 0.8]], "val": [[1.0, 1.0], [3.0, 0.7]],
                          "test": [[1.0, 1.2], [3.0, 0.75]]}


def test_reopened_curves_wait_for_their_run_and_keep_a_diverged_step_until_it_is_taken_again():
    h = LossHistory()
    h.load([[1, 1.0], [2, 0.9], [3, 9e9]], [[1, 1.1]], step=2, test=[[1, 1.2], [3, 9e9]])
    h.update(snap(1, 0))  # the run before the restore (a window just built): not these curves
    assert h.empty()
    h.update(snap(2, 2))  # as the window showed them when saved: the blown-up step the run went back from too
    assert h.curves() == {"train": [[1.0, 1.0], [2.0, 0.9], [3.0, 9e9]], "val": [[1.0, 1.1]],
                          "test": [[1.0, 1.2], [3.0, 9e9]]}
    h.update(snap(2, 3, ((3, 0.85, None, None),)))
    assert h.curves() == {"train": [[1.0, 1.0], [2.0, 0.9], [3.0, 0.85]], "val": [[1.0, 1.1]], "test": [[1.0, 1.2]]}


def test_a_session_saved_before_the_test_curve_and_a_three_value_history_have_no_test_points():
    h = LossHistory()
    h.load([[1, 1.0]], [[1, 1.1]], step=1)  # an older session: train and val only
    h.update(snap(1, 1))
    assert h.curves()["test"] == [] and h.test_series()[0].size == 0
    h.update(snap(1, 2, ((2, 0.9, 0.95),)))  # (step, train, val) without a test loss
    assert h.curves() == {"train": [[1.0, 1.0], [2.0, 0.9]], "val": [[1.0, 1.1], [2.0, 0.95]], "test": []}
    h.update(snap(1, 3, ((3, 0.8, None, 0.7),)))
    assert not h.empty() and h.test_series()[1].tolist() == [0.7]
