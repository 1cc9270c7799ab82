"""The Scratchpad: typed micrograd code becomes a live graph; leaves dragged by sliders move every value and gradient;
refused text says where and runs nothing; examples, undo, sessions and the two lessons that open it."""

from __future__ import annotations

import math

import pytest
import torch
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QSlider

from micrograd_gui.core.files.session_file import SessionError
from micrograd_gui.core.files.session_ui import check_ui
from micrograd_gui.core.lessons import get_lesson
from micrograd_gui.core.scratch import EXAMPLES
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.scratch_leaves import TICKS, span
from micrograd_gui.ui.scratch_model import ScratchModel
from micrograd_gui.ui.scratchpad import Scratchpad


@pytest.fixture
def pad(qtbot):
    model = ScratchModel(EXAMPLES["product"])
    p = Scratchpad(model)
    qtbot.addWidget(p)
    p.resize(1200, 500)
    p.show()
    qtbot.waitExposed(p)
    return p


def nodes(p: Scratchpad) -> dict[str, tuple[float, float]]:
    """Label -> (data, grad) of the graph on show."""
    return {n.label: (n.data, n.grad) for n in p.graph_panel.graph.nodes if n.label}


def type_text(qtbot, p: Scratchpad, text: str) -> None:
    """Replace the editor's text by typing it, and wait for the model to take it after the pause."""
    p.text.setFocus()
    QTest.keyClick(p.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    QTest.keyClick(p.text, Qt.Key.Key_Delete)
    with qtbot.waitSignal(p.model.text_changed, timeout=3000):
        for i, line in enumerate(text.split("\n")):
            if i:
                QTest.keyClick(p.text, Qt.Key.Key_Return)
            QTest.keyClicks(p.text, line)
    qtbot.waitUntil(lambda: not p.redraw.isActive())  # and the redraw the model's new values ask for


def drag(qtbot, p: Scratchpad, name: str, value: float) -> None:
    """Move a leaf's slider as the keyboard does (Home, then Page Up/arrow steps) to the position of value."""
    slider = p.findChild(QSlider, f"scratchSlider_{name}")
    half = span(p.program.leaf(name).value)
    target = round((value + half) / (2 * half) * TICKS)
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Home)
    while slider.value() + slider.pageStep() <= target:
        QTest.keyClick(slider, Qt.Key.Key_PageUp)
    while slider.value() < target:
        QTest.keyClick(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: not p.redraw.isActive())


def test_the_example_is_drawn_with_its_gradients(pad):
    got = nodes(pad)
    assert got["a"] == (2.0, -3.0) and got["b"] == (-3.0, 2.0 + 2 * -3.0) and got["c"] == (3.0, 1.0)
    assert {"a", "b"} == set(pad.leaves.rows)
    assert pad.error.isHidden()


def test_dragging_a_leaf_moves_the_values_and_gradients(qtbot, pad):
    drag(qtbot, pad, "b", 1.5)
    assert pad.model.values == {"b": 1.5}
    got = nodes(pad)
    assert got["b"][0] == 1.5 and got["a"] == (2.0, 1.5)  # dc/da = b
    assert got["b"][1] == pytest.approx(2.0 + 2 * 1.5) and got["c"][0] == pytest.approx(2 * 1.5 + 1.5**2)
    assert pad.findChild(type(pad.leaves.rows["b"].field), "scratchValue_b").value() == 1.5


def test_a_typed_value_is_exact_and_drives_the_graph(qtbot, pad):
    field = pad.leaves.rows["a"].field
    field.setFocus()
    field.selectAll()
    QTest.keyClicks(field, "0.25")
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: nodes(pad)["a"][0] == 0.25)
    assert nodes(pad)["b"][1] == pytest.approx(0.25 + 2 * -3.0)


def test_typing_rebuilds_the_graph_after_a_pause(qtbot, pad):
    type_text(qtbot, pad, "x = Value(0.5, label='x')\ny = x.tanh() * x\n")
    assert set(pad.leaves.rows) == {"x"}
    x = torch.tensor(0.5, dtype=torch.float64, requires_grad=True)
    (torch.tanh(x) * x).backward()
    assert nodes(pad)["x"][1] == pytest.approx(x.grad.item(), rel=1e-12)
    assert pad.model.text.startswith("x = Value(0.5")


@pytest.mark.parametrize("text, where", [
    ("import os", "Line 1, column 1"),
    ("a = Value(1.0)\nb = a.__class__", "Line 2"),
    ("a = Value(2.0)\nb = a ** 10000", "Line 2"),
    ("a = Value(2.0)\nb = [a for _ in range(10)]", "Line 2"),
    ("a = Value(1.0)\nopen('/tmp/scratch-was-here', 'w')", "Line 2"),
])
def test_refused_text_names_the_place_and_keeps_the_last_graph(qtbot, pad, tmp_path, text, where):
    before = pad.graph_panel.graph
    type_text(qtbot, pad, text)
    assert pad.error.isVisible() and pad.error.text().startswith(where)
    assert "\n" not in pad.error.text()
    assert pad.graph_panel.graph == before  # the last good graph; nothing of the refused text built or run
    assert not (tmp_path.parent / "scratch-was-here").exists()
    assert pad.model.text == text  # what was typed is kept (and saved), only not run


def test_a_slider_that_breaks_the_maths_says_so_and_recovers(qtbot, pad):
    type_text(qtbot, pad, "a = Value(1.0, label='a')\nb = a.log()\n")
    drag(qtbot, pad, "a", -1.0)
    assert pad.error.isVisible() and "log" in pad.error.text()
    drag(qtbot, pad, "a", 2.0)
    assert pad.error.isHidden() and nodes(pad)["b"][0] == pytest.approx(math.log(2.0))


def test_retyping_a_number_resets_only_that_leaf(qtbot, pad):
    drag(qtbot, pad, "a", 1.0)
    drag(qtbot, pad, "b", 1.0)
    type_text(qtbot, pad, EXAMPLES["product"].replace("Value(2.0", "Value(4.0"))
    assert pad.model.values == {"b": 1.0}
    assert nodes(pad)["a"][0] == 4.0 and nodes(pad)["b"][0] == 1.0


def test_values_from_the_text_puts_every_leaf_back(qtbot, pad):
    drag(qtbot, pad, "a", 1.0)
    qtbot.mouseClick(pad.reset_values, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: nodes(pad)["a"][0] == 2.0)
    assert pad.model.values == {} and pad.leaves.rows["a"].field.value() == 2.0


def test_an_example_replaces_the_text_and_ctrl_z_brings_it_back(qtbot, pad):
    type_text(qtbot, pad, "q = Value(7.0)\nr = q*q\n")
    mine = pad.text.toPlainText()
    index = pad.examples.findData("neuron")
    pad.examples.activated.emit(index)  # as a click on the item does
    assert pad.text.toPlainText() == EXAMPLES["neuron"] == pad.model.text
    got = nodes(pad)
    assert got["x1"][1] == pytest.approx(-1.5) and got["w1"][1] == pytest.approx(1.0)  # Karpathy's numbers
    assert got["o"][0] == pytest.approx(math.sqrt(0.5)) and got["w2"][1] == 0.0
    pad.text.setFocus()
    with qtbot.waitSignal(pad.model.text_changed, timeout=3000):
        QTest.keyClick(pad.text, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert pad.text.toPlainText() == mine == pad.model.text


def test_the_inspector_shows_the_numerical_gradient_beside_backprop(qtbot, pad):
    a = next(n.id for n in pad.graph_panel.graph.nodes if n.label == "a")
    pad.graph_panel.select_node(a)
    html = pad.graph_panel.inspector.toPlainText()
    assert "numerical grad" in html and "-3" in html
    assert pad.graph_panel.numeric[a] == pytest.approx(-3.0, abs=1e-6)


def test_step_through_works_on_the_scratchpad_graph(qtbot, pad):
    back = pad.graph_panel.findChild(type(pad.reset_values), "valueBackwardStepButton")
    assert back is not None and back.isEnabled()
    qtbot.mouseClick(back, Qt.MouseButton.LeftButton)
    assert pad.graph_panel.stepper is not None
    end = pad.graph_panel.findChild(type(pad.reset_values), "valueEndStepsButton")
    qtbot.mouseClick(end, Qt.MouseButton.LeftButton)
    assert pad.graph_panel.stepper is None


def test_sessions_keep_the_text_and_the_dragged_values(qtbot):
    a = ScratchModel(EXAMPLES["product"])
    a.set_value("b", 0.5)
    b = ScratchModel()
    b.restore(check_ui({"scratch": a.to_ui()}, SessionError)["scratch"])  # as a session file brings it back
    assert (b.text, b.values) == (EXAMPLES["product"], {"b": 0.5})
    for bad in (5, {"text": 3}, {"text": "x" * 1_000_001}):  # the loader refuses these, naming the field
        with pytest.raises(SessionError, match="ui.scratch"):
            check_ui({"scratch": bad}, SessionError)
    odd = {"scratch": {"text": "a = 1", "values": {"a": 1e999, "b": "2", "c": 10**400, "d": True}}}
    assert check_ui(odd, SessionError)["scratch"] == {"text": "a = 1", "values": {}}


@pytest.mark.parametrize("name, example", [("expression", "product"), ("neuron", "neuron")])
def test_lessons_0_and_1_open_the_scratchpad_at_their_example(qtbot, window, name, example):
    w = window
    before = list(w.model.data.xs)
    w.findChild(type(w.menus.play_action), f"lesson_{name}").trigger()
    dock = w.findChild(QDockWidget, "scratchpadDock")
    qtbot.waitUntil(dock.isVisible)
    assert w.scratchpad.text.toPlainText() == EXAMPLES[example]
    assert w.lesson_box.isVisible() and w.model.lesson == get_lesson(name)
    qtbot.waitUntil(lambda: dock.height() >= 0.5 * w.height())  # room for the editor and its graph
    assert not w.graph_dock.isVisible() and list(w.model.data.xs) == before  # the points stay
    session = w.model.to_session(Trainer(w.model.applied, w.model.data).state(), w.visible_docks())
    assert session.ui["scratch"]["text"] == EXAMPLES[example]


def test_every_node_shows_a_numerical_gradient_that_agrees(qtbot, pad):
    pad.examples.activated.emit(pad.examples.findData("tanh-exp"))
    graph = pad.graph_panel.graph
    for n in graph.nodes:
        pad.graph_panel.select_node(n.id)
        text = pad.graph_panel.inspector.toPlainText()
        assert "numerical grad" in text, n
        num = float(text.split("/ 2h = ", 1)[1].split()[0])
        assert num == pytest.approx(n.grad, rel=1e-3, abs=1e-5), n  # as the inspector rounds it


def test_the_code_grows_with_the_window_text(qtbot, pad):
    font = pad.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    pad.setFont(font)  # as presentation mode does to the whole window
    assert pad.text.font().pointSizeF() == pytest.approx(font.pointSizeF())
    assert pad.text.font().fixedPitch() or pad.text.font().styleHint() == pad.text.font().StyleHint.Monospace


def test_a_scratchpad_lesson_gives_it_the_width_and_the_next_lesson_brings_the_docks_back(qtbot, window):
    w = window
    w.model.start_lesson(get_lesson("neuron"))
    qtbot.waitUntil(w.scratch_dock.isVisible)
    assert not w.controls_dock.isVisible() and not w.data_dock.isVisible()
    w.model.start_lesson(get_lesson("llm101n"))
    qtbot.waitUntil(w.controls_dock.isVisible)
    assert w.data_dock.isVisible() and not w.scratch_dock.isVisible() and w.graph_dock.isVisible()
