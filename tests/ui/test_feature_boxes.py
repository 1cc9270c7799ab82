"""The feature inputs' check boxes in the Training panel (as TensorFlow Playground's): ticked, they are a network
change that applies on Reset; the last one cannot be unticked; a lesson or session shows its own choice."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel
from uihelpers import FakeController, panel_model, wait_snapshot

from micrograd_gui.core.features import FEATURES
from micrograd_gui.ui.app_model import AppModel
from micrograd_gui.ui.controls import ControlsPanel


def panel(qtbot) -> tuple[AppModel, ControlsPanel]:
    model = panel_model()
    p = ControlsPanel(model)
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return model, p


def box(p: ControlsPanel, f: str) -> QCheckBox:
    b = p.findChild(QCheckBox, f"feature_{f}")
    assert b is not None and b.isVisible()
    return b


def click(qtbot, b: QCheckBox) -> None:
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton, pos=b.rect().center())


def test_every_feature_has_a_box_and_x_y_are_ticked(qtbot):
    _, p = panel(qtbot)
    assert [f for f in FEATURES if box(p, f).isChecked()] == ["x", "y"]
    assert box(p, "x2").text() == "x²" and box(p, "xy").text() == "x·y" and box(p, "sinx").text() == "sin x"


def test_ticking_a_feature_is_a_network_change_for_reset(qtbot):
    model, p = panel(qtbot)
    click(qtbot, box(p, "x2"))
    click(qtbot, box(p, "y2"))
    assert model.edited.features == ("x", "y", "x2", "y2")
    assert model.applied.features == ("x", "y")  # not yet: the network changes on Reset
    assert p.findChild(QLabel, "pendingNote").isVisible()
    assert isinstance(model.controller, FakeController)
    n = len(model.controller.calls)
    qtbot.mouseClick(p.reset, Qt.MouseButton.LeftButton)
    resets = [args for name, args in model.controller.calls[n:] if name == "reset"]
    assert resets and resets[-1][0].features == ("x", "y", "x2", "y2")
    assert not p.findChild(QLabel, "pendingNote").isVisible()


def test_the_last_ticked_feature_cannot_be_unticked(qtbot):
    model, p = panel(qtbot)
    click(qtbot, box(p, "x"))
    assert model.edited.features == ("y",)
    assert not box(p, "y").isEnabled()  # a network needs an input
    click(qtbot, box(p, "y"))
    assert box(p, "y").isChecked() and model.edited.features == ("y",)
    click(qtbot, box(p, "sinx"))
    assert box(p, "y").isEnabled() and model.edited.features == ("y", "sinx")


def test_the_boxes_show_a_loaded_choice(qtbot):
    model, p = panel(qtbot)
    p.set_config(model.edited.with_changes(features=("x2", "y2")))
    assert [f for f in FEATURES if box(p, f).isChecked()] == ["x2", "y2"]
    assert model.edited.features == ("x", "y")  # showing a config is not an edit


def test_features_ticked_in_the_window_reach_the_network_view(qtbot, make_window):
    w = make_window()
    p = w.controls
    for f in ("x2", "y2", "x", "y"):
        click(qtbot, box(p, f))
    assert w.model.edited.features == ("x2", "y2"), w.model.edited.features
    qtbot.keyClick(w, Qt.Key.Key_R)
    assert w.model.applied.features == ("x2", "y2")
    snap = wait_snapshot(qtbot, w, lambda s: s.config.features == ("x2", "y2"))
    assert snap.config.features == ("x2", "y2")
    w.network_dock.show()
    qtbot.waitUntil(lambda: [n.name for n in w.network_view.canvas.nodes][:2] == ["x0²", "x1²"])


def test_a_lesson_ticks_its_features(qtbot, make_window):
    w = make_window()
    w.findChild(type(w.menus.play_action), "lesson_rings-features").trigger()
    qtbot.waitUntil(lambda: w.model.applied.features == ("x2", "y2"))
    assert [f for f in FEATURES if box(w.controls, f).isChecked()] == ["x2", "y2"]
