"""The app model and one panel at a time: each panel built with its model alone (no window, no thread), driven as
a user would, checked in the model's state and in what the model asked of the worker."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from uihelpers import FakeController, panel_model

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.datasets import Dataset, DatasetSpec
from micrograd_gui.core.files.session_file import Session, SessionError
from micrograd_gui.core.lessons import get_lesson
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.snapshot import Metrics, Snapshot
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.app_model import AppModel
from micrograd_gui.ui.controls import ControlsPanel
from micrograd_gui.ui.data_panel import DataPanel
from micrograd_gui.ui.dataset_panel import DatasetPanel
from micrograd_gui.ui.loss_plot import LossPlot


def calls(model: AppModel, name: str) -> list[tuple]:
    assert isinstance(model.controller, FakeController)
    return [args for n, args in model.controller.calls if n == name]


def snapshot(run: int = 1, step: int = 0, history=(), classes: int = 3, config: TrainConfig | None = None) -> Snapshot:
    return Snapshot(run=run, step=step, running=False, history=history, metrics=Metrics(), theta=np.zeros(3),
                    num_outputs=classes, num_classes=classes, config=config or get_preset("llm101n").config)


def enter(qtbot, edit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_a_typed_learning_rate_goes_live_and_a_width_waits_for_reset(qtbot):
    model = panel_model()
    panel = ControlsPanel(model)
    qtbot.addWidget(panel)
    enter(qtbot, panel.lr.edit, "0.3")
    assert model.edited.optimizer.lr == 0.3 and calls(model, "set_live")[-1][0].optimizer.lr == 0.3
    assert not model.pending() and not calls(model, "reset")
    panel.widths[0].setValue(5)
    assert model.edited.hidden == (5,) and model.applied.hidden == (8,) and model.pending()
    assert not panel.pending.isHidden()
    panel.reset.click()
    config, _data = calls(model, "reset")[-1]
    assert config.hidden == (5,) and config.optimizer.lr == 0.3 and model.applied == config
    assert panel.pending.isHidden()


def test_settings_no_widget_can_show_survive_other_edits_and_reset(qtbot):
    """A session with width 64, init scale 0.5 and batch 5 (beyond what the panel shows) keeps them."""
    odd = get_preset("llm101n").config.with_changes(hidden=(64,), init_scale=0.5, batch_size=5)
    model = panel_model()
    panel = ControlsPanel(model)
    qtbot.addWidget(panel)
    state = Trainer(odd).state()
    model.restore(Session(state, {}, {}))
    enter(qtbot, panel.lr.edit, "0.2")  # a live change
    panel.reset.click()
    config = calls(model, "reset")[-1][0]
    assert (config.hidden, config.init_scale, config.batch_size, config.optimizer.lr) == ((64,), 0.5, 5, 0.2)


def test_a_click_on_the_plane_adds_a_point_of_the_active_class_and_undo_takes_it_back(qtbot):
    model = panel_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    panel.resize(500, 500)
    panel.show()
    qtbot.waitExposed(panel)
    n = len(model.data)
    model.set_active_class(2)
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=panel.data_to_widget(2.2, -2.2).toPoint())
    assert len(model.data) == n + 1 and model.data.labels[-1] == 2
    assert abs(model.data.xs[-1] - 2.2) < 0.05 and calls(model, "set_data")[-1][0] == model.data
    model.undo()
    assert len(model.data) == n


def test_the_locked_points_stay_locked_after_an_edit_of_the_history(qtbot):
    model = panel_model()
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    model.set_teacher(set(), {"points"})
    assert not panel.undo.isEnabled() and not panel.clear.isEnabled()
    model.regenerate(DatasetSpec("moons", 50, 0.1, 2))  # the history changes: Undo becomes possible, but stays locked
    assert model.undo_stack.canUndo() and not panel.undo.isEnabled()
    model.add_point(0.1, 0.1)  # and the model refuses a point, as the plane and the menus do
    assert len(model.data) == model.edited.dataset.n
    model.set_teacher(set(), set())
    assert panel.undo.isEnabled() and panel.clear.isEnabled()


def test_a_class_beyond_the_models_outputs_is_announced_then_grows_the_model(qtbot):
    model = panel_model(get_preset("llm101n").config)
    panel = DatasetPanel(model)
    qtbot.addWidget(panel)
    model.controller.send(snapshot(classes=3))
    model.set_active_class(3)
    assert "new to the model" in panel.class_hint.text()
    said = []
    model.message.connect(lambda text, kind, _a: said.append(kind))
    model.add_point(0.0, 1.0)
    assert said == ["info"] and calls(model, "reset")  # the model grows on its own


def test_the_probe_is_one_state_the_plane_and_the_worker_follow(qtbot):
    model = panel_model()
    panel = DataPanel(model)
    qtbot.addWidget(panel)
    model.select_point(3)
    d = model.data
    assert model.probe == (d.xs[3], d.ys[3], d.labels[3])
    assert calls(model, "set_probe")[-1] == model.probe
    assert (panel.probe.pos().x(), panel.probe.pos().y()) == pytest.approx(model.probe[:2])


def test_the_loss_history_lives_in_the_model_and_a_session_carries_it(qtbot):
    model = panel_model()
    plot = LossPlot(model)
    qtbot.addWidget(plot)
    model.controller.send(snapshot(run=1, step=2, history=((1, 1.0, 0.9), (2, 0.8, None))))
    assert [len(s) for s in plot.series()] == [2, 2, 1, 1]
    state = Trainer(get_preset("llm101n").config).state()
    curves = model.to_session(state, []).curves
    assert curves == {"train": [[1.0, 1.0], [2.0, 0.8]], "val": [[1.0, 0.9]], "test": []}  # a 3-tuple: no test loss


def test_a_reopened_sessions_curves_come_back_as_the_window_showed_them(qtbot):
    """After a divergence the curve has a point past the state's step (the blow-up the window showed); reopened,
    the curves show it too, until the run takes that step again (tests/ui/test_reopen_curves.py)."""
    model = panel_model()
    state = Trainer(get_preset("llm101n").config).state()  # at step 0: as if the run went back to it
    model.restore(Session(state, {"train": [[0, 1.0], [1, 9e9]], "val": []}, {}))
    model.controller.send(snapshot(run=7, step=0))
    assert model.history.curves()["train"] == [[0.0, 1.0], [1.0, 9e9]]


def test_a_malformed_ui_section_is_refused_whole_or_its_cosmetic_fields_dropped():
    model = panel_model()
    state = Trainer(get_preset("llm101n").config).state()
    before = (model.applied, model.data, model.teacher)
    with pytest.raises(SessionError, match="ui.teacher.hidden"):  # dropping it would unlock a class's window
        model.restore(Session(state, {}, {"teacher": {"hidden": 5, "locked": None}}))
    assert (model.applied, model.data, model.teacher) == before  # nothing changed before the refusal
    model.restore(Session(state, {}, {"probe": "x", "active_class": "2", "regions": "no", "lesson": ["x"]}))
    assert model.teacher.hidden == frozenset() and model.probe == (0.0, 0.0, 0) and model.active_class == 0
    assert model.view.regions and model.lesson is None


def test_a_lesson_is_data_settings_probe_and_instructions(qtbot):
    model = panel_model()
    lesson = get_lesson("xor-hidden")
    shown = []
    model.lesson_started.connect(shown.append)
    model.start_lesson(lesson)
    assert model.applied == lesson.config and model.edited == lesson.config and shown == [lesson]
    assert model.lesson is lesson and model.probe == lesson.probe
    assert calls(model, "reset")[-1] == (lesson.config, model.data) and len(model.data) == 200


def test_points_beyond_the_plane_limit_are_refused_with_a_message(qtbot):
    model = panel_model()
    model.replace_points(Dataset(xs=(0.0,) * 5000, ys=(0.0,) * 5000, labels=(0,) * 5000, splits=(0,) * 5000), "big")
    said = []
    model.message.connect(lambda text, kind, _a: said.append((kind, text)))
    model.add_point(1.0, 1.0)
    assert len(model.data) == 5000 and said and said[0][0] == "warning"
