"""What the 10,000-action run (test_under_load.py) found, each pinned down on its own."""

from dataclasses import replace

import numpy as np
from PySide6.QtWidgets import QPushButton
from uihelpers import panel_model, wait_snapshot

from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import Metrics, Snapshot
from micrograd_gui.ui.loss_plot import LossPlot


def test_collapsing_neurons_during_a_backprop_step_through_ends_it_cleanly(qtbot, window):
    w = window
    w.graph_dock.show()
    wait_snapshot(qtbot, w, lambda s: s.graph is not None and not s.running)
    gp = w.graph_panel
    gp.reset_grads.click()
    for _ in range(3):
        gp.back_step.click()
    assert gp.stepper is not None
    gp.animate.click()  # the animation keeps stepping while the user collapses the view under it
    gp.findChild(QPushButton, "collapseButton").click()
    assert gp.stepper is None and not gp._timer.isActive() and gp.graph_view.collapsed
    gp.back_step.click()  # a new step-through starts from the expanded graph
    assert gp.stepper is not None and not gp.graph_view.collapsed
    assert gp.step_status.text().startswith("backward: node 1 /")


def test_weights_past_float32_range_leave_maps_and_regions_drawable(qtbot, window):
    w = window
    failures = []
    w.controller.failed.connect(failures.append)
    w.network_dock.show()
    w.network_dock.raise_()
    snap = wait_snapshot(qtbot, w, lambda s: s.neuron_maps is not None)
    last_bias = snap.theta.size - 1  # the last output neuron's bias: its map is that number everywhere
    w.controller.set_param(last_bias, 1e39, snap.run)  # past float32; the reference softmax gives NaN too
    snap = wait_snapshot(qtbot, w, lambda s: s.theta[last_bias] == 1e39 and s.neuron_maps is not None
                         and s.grid is not None)
    assert all(np.isfinite(m).all() for m in snap.neuron_maps) and np.isfinite(snap.grid).all()
    w.controls.step.click()
    wait_snapshot(qtbot, w, lambda s: not s.running)
    qtbot.waitUntil(lambda: w.message.isVisible())
    assert not [m for m in failures if "unexpected error" in m], failures


def test_log_scale_on_an_empty_plot_after_huge_losses_draws_without_overflow(qtbot):
    snap = Snapshot(run=1, step=3, running=False, history=(), metrics=Metrics(), theta=np.zeros(3), num_outputs=3,
                    num_classes=3, config=get_preset("llm101n").config)
    model = panel_model()
    lp = LossPlot(model)
    qtbot.addWidget(lp)
    lp.resize(400, 300)
    lp.show()
    qtbot.waitExposed(lp)
    send = model.controller.send
    send(snap)
    send(replace(snap, history=((1, 1.0, None), (2, 1e20, None))))  # a loss that blew up, linear axis
    qtbot.waitUntil(lambda: lp.plot.getViewBox().viewRange()[1][1] > 1e19)
    send(replace(snap, run=snap.run + 1))  # Reset: the new run has no points yet
    lp.log_scale.setChecked(True)
    lp.grab()  # paints the axis: an overflow inside paint fails the test (filterwarnings = error, pytest-qt)
    low, high = lp.plot.getViewBox().viewRange()[1]
    assert -308 < low < high < 308
