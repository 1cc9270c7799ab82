"""Teaching generalisation: the train share of generated data, the test loss curve, and showing or hiding the
validation and test points; one panel at a time on an AppModel, and the window's check boxes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QSpinBox
from uihelpers import FakeController, panel_model, wait_snapshot

from micrograd_gui.core.datasets import TEST, TRAIN, VAL, DatasetSpec, make_dataset
from micrograd_gui.core.files.session_file import Session
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.snapshot import Metrics, Snapshot
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.app_model import AppModel
from micrograd_gui.ui.data_panel import DataPanel
from micrograd_gui.ui.dataset_panel import DatasetPanel
from micrograd_gui.ui.loss_plot import LossPlot


def calls(model: AppModel, name: str) -> list[tuple]:
    assert isinstance(model.controller, FakeController)
    return [args for n, args in model.controller.calls if n == name]


def counts(data) -> list[int]:
    return [data.splits.count(s) for s in (TRAIN, VAL, TEST)]


def type_into(qtbot, spin: QSpinBox, text: str) -> None:
    """Select what the box shows and type over it, then Enter: as a user does."""
    spin.setFocus()
    qtbot.keyClick(spin, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(spin, text)
    qtbot.keyClick(spin, Qt.Key.Key_Return)


# ---- the train share ------------------------------------------------------------------------------------------

def test_the_train_share_is_applied_by_regenerate_and_the_rest_is_halved(qtbot):
    model = panel_model()
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    share = panel.findChild(QSpinBox, "trainShareInput")
    assert share.value() == 80 and counts(model.data) == [80, 10, 10]
    assert "val 10 % · test 10 %" in panel.rest_share.text()
    type_into(qtbot, share, "60")
    assert share.value() == 60 and "val 20 % · test 20 %" in panel.rest_share.text()
    assert counts(model.data) == [80, 10, 10]  # nothing drawn before Regenerate
    qtbot.mouseClick(panel.regenerate, Qt.MouseButton.LeftButton)
    assert counts(model.data) == [60, 20, 20]
    config, data = calls(model, "reset")[-1]
    assert config.dataset.train_share == 60 and data == model.data
    qtbot.keyClick(share, Qt.Key.Key_Down)  # 55 %: the rest does not halve into whole points
    assert "val 22.5 % · test 22.5 %" in panel.rest_share.text()
    qtbot.mouseClick(panel.regenerate, Qt.MouseButton.LeftButton)
    assert counts(model.data) == [55, 22, 23]


def test_the_default_share_draws_exactly_the_points_it_drew_before(qtbot):
    model = panel_model()
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    qtbot.mouseClick(panel.regenerate, Qt.MouseButton.LeftButton)
    assert model.data == make_dataset(DatasetSpec("yinyang", 100, 0.0, 3), RNG(42))


def test_the_share_is_off_for_hand_placed_points_and_locked_with_the_dataset(qtbot):
    model = panel_model()
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    panel.chooser.setCurrentIndex(panel.chooser.findData("hand"))
    assert not panel.train_share.isEnabled()  # a click's split comes from the New points buttons
    panel.chooser.setCurrentIndex(panel.chooser.findData("spiral"))
    assert panel.train_share.isEnabled()
    model.set_teacher(set(), {"dataset"})
    assert not panel.share_row.isEnabled()
    model.set_teacher(set(), set())
    assert panel.share_row.isEnabled() and panel.train_share.isEnabled()


def test_a_session_with_custom_splits_reopens_with_its_share_and_every_points_split(qtbot):
    config = get_preset("llm101n").config.with_changes(dataset=DatasetSpec("yinyang", 100, 0.0, 3, train_share=70))
    model = panel_model(config)
    model.cycle_split(0)
    model.cycle_split(99)
    state = Trainer(config, model.data).state()
    session = model.to_session(state, [])
    other = panel_model()
    panel = DatasetPanel(other)
    qtbot.addWidget(panel)
    other.restore(session)
    assert other.data == model.data and counts(other.data) == [70, 16, 14]  # 70 / 15 / 15, two moved by hand
    assert other.data.splits[0] == VAL and other.data.splits[99] == TRAIN
    assert panel.train_share.value() == 70
    assert calls(other, "restore")[-1][0].data == model.data


# ---- the test loss curve ------------------------------------------------------------------------------------

def snapshot(run: int, step: int, history=()) -> Snapshot:
    return Snapshot(run=run, step=step, running=False, history=history, metrics=Metrics(), theta=np.zeros(3),
                    num_outputs=3, num_classes=3, config=get_preset("llm101n").config)


def test_the_test_loss_is_a_third_curve_with_its_own_legend_entry(qtbot):
    model = panel_model()
    plot = LossPlot(model)
    qtbot.addWidget(plot)
    model.controller.send(snapshot(1, 3, ((1, 1.0, 0.9, 0.95), (2, 0.8, None, None), (3, 0.7, 0.75, 0.8))))
    x, y = plot.test_curve.getData()
    assert list(x) == [1.0, 3.0] and list(y) == [0.95, 0.8]
    legend = plot.plot.getPlotItem().legend
    assert [label.text for _, label in legend.items] == ["train", "validation", "test"]
    state = Trainer(get_preset("llm101n").config).state()
    assert model.to_session(state, []).curves["test"] == [[1.0, 0.95], [3.0, 0.8]]
    model.restore(Session(state, {"train": [[0.0, 1.0]], "val": [], "test": [[0.0, 1.2]]}, {}))
    model.controller.send(snapshot(2, 0))
    assert list(plot.test_curve.getData()[1]) == [1.2]


def test_training_in_the_window_draws_the_test_curve(qtbot, window):
    w = window
    w.controls.step10.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 10)
    qtbot.waitUntil(lambda: w.loss_plot.test_curve.getData()[0] is not None
                    and len(w.loss_plot.test_curve.getData()[0]) == 10)
    assert w.model.history.curves()["test"][0][1] == Trainer(get_preset("llm101n").config).split_loss(TEST)
    assert snap.metrics.test_loss is not None


# ---- showing and hiding validation and test points ------------------------------------------------------------

def shown_points(panel: DataPanel) -> int:
    return len(panel.scatter.data)


def test_hidden_validation_and_test_points_are_not_drawn_picked_or_removed(qtbot):
    model = panel_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.resize(500, 500)
    panel.show()
    qtbot.waitExposed(panel)
    d = model.data
    assert shown_points(panel) == 100
    model.set_view(show_test=False)
    assert shown_points(panel) == 90
    model.set_view(show_val=False)
    assert shown_points(panel) == 80
    t = d.splits.index(TEST)
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.RightButton, pos=panel.data_to_widget(d.xs[t], d.ys[t])
                     .toPoint())
    assert len(model.data) == 99 and model.data.splits.count(TEST) == 10  # the nearest shown point went, not it
    model.set_view(show_val=True, show_test=True)
    assert shown_points(panel) == 99


def test_the_plane_toggles_and_view_menu_hide_points_and_a_session_keeps_the_choice(qtbot, window):
    w = window
    val_box, test_box = (w.findChild(QCheckBox, n) for n in ("showValToggle", "showTestToggle"))
    assert val_box.isChecked() and test_box.isChecked() and val_box.isVisibleTo(w)
    qtbot.mouseClick(test_box, Qt.MouseButton.LeftButton)
    assert not w.model.view.show_test and not w.menus.show_test_action.isChecked()
    assert shown_points(w.data_panel) == 90
    w.menus.show_val_action.trigger()  # the View menu's entry
    assert not val_box.isChecked() and not w.model.view.show_val and shown_points(w.data_panel) == 80
    state = Trainer(get_preset("llm101n").config).state()
    ui = w.model.to_session(state, []).ui
    assert ui["show_val"] is False and ui["show_test"] is False
    model = panel_model()
    model.restore(Session(state, {}, ui))
    assert not model.view.show_val and not model.view.show_test
    older = panel_model()
    older.restore(Session(state, {}, {"regions": True}))  # a session from before the toggles: everything shown
    assert older.view.show_val and older.view.show_test
