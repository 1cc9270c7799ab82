"""5,000 points: the undo history stays bounded in memory, and a redraw shares a handful of pens and brushes
instead of building one a point (issue 16, item 12)."""

from __future__ import annotations

import tracemalloc

import numpy as np
from uihelpers import panel_model

from micrograd_gui.core.datasets import MAX_POINTS, DatasetSpec, make_dataset
from micrograd_gui.core.rng import RNG
from micrograd_gui.ui.app_model import UNDO_LIMIT
from micrograd_gui.ui.data_panel import DataPanel


def big_model():
    model = panel_model()
    model.replace_points(make_dataset(DatasetSpec("spiral", MAX_POINTS, 0.2, 3), RNG(1)), "5,000 points")
    return model


def test_the_undo_history_is_bounded_at_5000_points(qtbot):
    model = big_model()
    tracemalloc.start()
    try:
        for k in range(UNDO_LIMIT):
            model.remove_point(k % 50)
        model.controller.calls.clear()
        warm, _ = tracemalloc.get_traced_memory()
        for k in range(3 * UNDO_LIMIT):
            model.remove_point(k % 50)
            model.add_point(0.1, 0.2)
            model.controller.calls.clear()  # the test double records every dataset sent to the worker
        after, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert model.undo_stack.count() == UNDO_LIMIT
    assert after - warm < 0.2 * warm + 2_000_000  # 600 more edits cost no more than the bounded history holds
    for _ in range(UNDO_LIMIT):
        model.undo()
    assert not model.undo_stack.canUndo() and len(model.data) == MAX_POINTS - UNDO_LIMIT  # the oldest edits are gone


def test_a_redraw_shares_its_pens_and_brushes(qtbot):
    model = big_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    pens = panel.scatter.data["pen"]
    brushes = panel.scatter.data["brush"]
    assert len(pens) == MAX_POINTS
    assert len({id(p) for p in pens}) <= 3 * 3 and len({id(b) for b in brushes}) <= 3 * 3  # classes × splits
    by_look = {}
    for pen, brush, symbol in zip(pens, brushes, panel.scatter.data["symbol"], strict=True):
        by_look.setdefault((pen.color().name(), brush.color().name(), symbol), 0)
    assert len(by_look) >= 3  # and they still differ by class and split
    model.set_view(show_test=False)
    shown = len(panel.scatter.data)
    assert shown == int(np.sum(np.asarray(model.data.splits) != 2))
