"""ValueGraphPanel (one frozen graph: inspector with numerical gradients, step-through, live values that keep the
view) and micrograd_gui.show(root): a window, or a file without one."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QPushButton, QWidget
from uihelpers import panel_model

import micrograd_gui
from micrograd_gui.core.engine import Value
from micrograd_gui.core.graph.duck import trace_any
from micrograd_gui.ui.graph_items import fmt
from micrograd_gui.ui.graph_panel import GraphPanel
from micrograd_gui.ui.value_graph_panel import ValueGraphPanel
from micrograd_gui.ui.value_graph_window import OPEN, ValueGraphWindow

H = 1e-6


def expression(a: float, b: float) -> Value:
    """Karpathy's first example, backpropagated."""
    x, y = Value(a, label="a"), Value(b, label="b")
    c = x * y + y**2
    c.label = "c"
    out = (c.tanh() + x).relu()
    out.label = "out"
    out.backward()
    return out


def numeric_grads(a: float, b: float) -> dict[str, float]:
    """(f(x + h) - f(x - h)) / 2h for each leaf, as the Scratchpad gives them."""
    f = lambda a, b: expression(a, b).data  # noqa: E731
    return {"a": (f(a + H, b) - f(a - H, b)) / (2 * H), "b": (f(a, b + H) - f(a, b - H)) / (2 * H)}


def graph_and_numeric(a: float, b: float):
    graph = trace_any(expression(a, b))
    num = numeric_grads(a, b)
    return graph, {n.id: num[n.label] for n in graph.nodes if n.label in num}


@pytest.fixture
def panel(qtbot):
    p = ValueGraphPanel()
    qtbot.addWidget(p)
    p.resize(1100, 600)
    p.show()
    qtbot.waitExposed(p)
    return p


def click_node(qtbot, panel, label: str) -> int:
    view = panel.graph_view
    item = next(i for i in view.nodes if i.node.label == label)
    view.ensureVisible(item)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.mapFromScene(item.sceneBoundingRect().center()))
    return item.index


def test_clicking_a_leaf_shows_its_value_grad_numerical_grad_and_their_difference(qtbot, panel):
    graph, numeric = graph_and_numeric(0.5, -1.25)
    panel.set_graph(graph, numeric)
    b = next(n for n in graph.nodes if n.label == "b")
    with qtbot.waitSignal(panel.node_selected) as sig:
        click_node(qtbot, panel, "b")
    assert sig.args == [b.id] and panel.selected_node() == b.id
    text = panel.inspector.toPlainText()
    assert f"data = {b.data!r}" in text and f"grad = {b.grad!r}" in text
    assert f"numerical grad (f(x+h) − f(x−h)) / 2h = {numeric[b.id]!r}" in text
    assert f"grad − numerical = {fmt(b.grad - numeric[b.id])}" in text
    assert abs(b.grad - numeric[b.id]) < 1e-8  # and they agree
    assert "grad(b) += grad(" in text  # the chain-rule lines, as in the app's inspector
    click_node(qtbot, panel, "c")  # none given for it: the panel nudges c in the frozen graph itself
    c = next(n for n in graph.nodes if n.label == "c")
    text = panel.inspector.toPlainText()
    assert panel.selected_node() == c.id and "numerical grad (f(x+h) − f(x−h)) / 2h = " in text
    assert float(text.split("/ 2h = ", 1)[1].split()[0]) == pytest.approx(c.grad, abs=1e-6)


def test_step_back_through_the_whole_graph_with_the_button_then_end(qtbot, panel):
    graph, numeric = graph_and_numeric(0.5, -1.25)
    panel.set_graph(graph, numeric)
    n = len(graph.nodes)
    button = panel.findChild(QPushButton, "valueBackwardStepButton")
    visited = []
    for _ in range(n):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        visited.append(panel.stepper.visited[-1])
    assert visited == list(range(n - 1, -1, -1))
    assert [i.grad for i in panel.graph_view.nodes] == [node.grad for node in graph.nodes]
    assert "grads equal backward()" in panel.step_status.text()
    qtbot.mouseClick(panel.findChild(QPushButton, "valueEndStepsButton"), Qt.MouseButton.LeftButton)
    assert panel.stepper is None and panel.step_status.text() == ""


def test_forward_steps_and_the_animation_run_to_the_end(qtbot, panel):
    graph, _ = graph_and_numeric(0.5, -1.25)
    panel.set_graph(graph)
    qtbot.mouseClick(panel.findChild(QPushButton, "valueForwardStepButton"), Qt.MouseButton.LeftButton)
    assert [i.hidden_data for i in panel.graph_view.nodes][:2] == [False, True]
    panel.end_steps()
    panel.speed.setValue(40)
    qtbot.mouseClick(panel.findChild(QPushButton, "valueAnimateButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.stepper is not None and panel.stepper.done, timeout=10_000)
    assert not panel._timer.isActive()


def test_new_values_of_the_same_shape_keep_the_selection_zoom_and_items(qtbot, panel):
    graph, numeric = graph_and_numeric(0.5, -1.25)
    panel.set_graph(graph, numeric)
    click_node(qtbot, panel, "a")
    view = panel.graph_view
    view.scale(1.3, 1.3)  # the user zoomed in
    view.user_zoomed = True
    zoom, items, selected = view.transform().m11(), list(view.nodes), panel.selected_node()
    graph2, numeric2 = graph_and_numeric(0.75, -1.0)  # a slider drag: new numbers, same graph
    assert graph2.shape() == graph.shape()
    panel.set_graph(graph2, numeric2)
    assert panel.selected_node() == selected and view.transform().m11() == zoom and view.nodes == items
    a = graph2.nodes[selected]
    assert [i.node for i in view.nodes] == list(graph2.nodes)
    assert f"numerical grad (f(x+h) − f(x−h)) / 2h = {numeric2[a.id]!r}" in panel.inspector.toPlainText()
    panel.set_graph(graph2, numeric2, keep_view=False)  # a new start: nothing selected, fitted again
    assert panel.selected_node() == -1 and not view.user_zoomed and "Click a node" in panel.inspector.toPlainText()


def test_a_graph_of_one_node_and_one_of_two_thousand(qtbot, panel):
    panel.set_graph(trace_any(Value(3.0, label="x")))
    assert len(panel.graph_view.nodes) == 1 and not panel.hint.isVisible()
    v = Value(0.1, label="x")
    for _ in range(999):
        v = v * 1.001
    graph = trace_any(v)  # no backward yet: every grad is 0, and the panel says how to fill them
    panel.set_graph(graph, keep_view=False)
    assert len(panel.graph_view.nodes) == len(graph.nodes) == 1999
    assert panel.hint.isVisible() and "backward()" in panel.hint.text()
    assert not panel.collapse.isVisible()  # no neurons to collapse in an expression


def test_names_are_its_own_beside_the_apps_graph_panel(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    GraphPanel(panel_model(), host)
    ValueGraphPanel(host)
    names = Counter(o.objectName() for o in host.findChildren(QObject) if o.objectName()
                    and not o.objectName().startswith(("qt_", "_q_")))  # Qt's own
    assert not [n for n, count in names.items() if count > 1]
    ours = [n for n in names if n.startswith("value")]
    assert {"valueGraphPanel", "valueGraphView", "valueInspector", "valueFindNode", "valueFitButton",
            "valueBackwardStepButton", "valueForwardStepButton", "valueAnimateButton", "valueEndStepsButton",
            "valueResetGradsButton", "valueAnimationSpeed", "valueStepStatus", "valueGradHint"} <= set(ours)


def test_show_returns_a_visible_window_where_an_app_runs_and_closing_it_lets_go(qtbot, qapp):
    root = expression(0.5, -1.25)
    window = micrograd_gui.show(root)
    try:
        assert isinstance(window, ValueGraphWindow) and window in OPEN
        qtbot.waitExposed(window)
        assert window.isVisible() and window.windowTitle() == "micrograd graph — out"
        assert window.panel.graph == trace_any(root)
        titled = micrograd_gui.show(root, title="my neuron")
        assert titled.windowTitle() == "my neuron"
        titled.close()
    finally:
        window.close()
    assert not window.isVisible() and window not in OPEN and titled not in OPEN


def test_show_writes_files_without_a_window(qtbot, qapp, tmp_path):
    root = expression(0.5, -1.25)
    before = len(QApplication.topLevelWidgets())
    svg = micrograd_gui.show(root, out=tmp_path / "g.svg")
    assert svg == tmp_path / "g.svg"
    tree = ET.parse(svg)
    assert tree.getroot().tag.endswith("svg") and "out" in svg.read_text()
    data = json.loads(micrograd_gui.show(root, out=str(tmp_path / "g.json")).read_text())
    assert [n["label"] for n in data["nodes"]][-1] == "out" and len(data["edges"]) == len(trace_any(root).edges)
    assert micrograd_gui.show(root, out=tmp_path / "g.dot").read_text().startswith("digraph G {")
    png = QImage(str(micrograd_gui.show(root, out=tmp_path / "g.png")))
    assert png.width() > 200 and png.height() > 100
    with pytest.raises(ValueError, match=r"\.svg, \.json, \.dot or \.png"):
        micrograd_gui.show(root, out=tmp_path / "g.pdf")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ValueGraphWindow) and w.isVisible()]
    assert len(QApplication.topLevelWidgets()) <= before + 1  # at most the PNG's panel, never shown, deleted later
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.dot", "g.json", "g.png", "g.svg"]  # no temporary left


def test_in_a_script_show_opens_qt_itself_and_blocks_until_the_window_is_closed(tmp_path):
    script = tmp_path / "lesson.py"
    script.write_text(textwrap.dedent("""
        import sys
        import micrograd_gui
        assert not [m for m in sys.modules if m.startswith(("PySide6", "micrograd_gui.core", "micrograd_gui.ui"))]

        class V:  # the lecture's own Value, reduced to what show() reads
            def __init__(self, data, children=(), op="", label=""):
                self.data, self.grad, self._prev, self._op, self.label = data, 0.0, set(children), op, label

        a, b = V(2.0, label="a"), V(-3.0, label="b")
        c = V(-6.0, (a, b), "*", "c")

        from PySide6.QtCore import QTimer
        from micrograd_gui.ui import value_graph_window as vgw
        opened = vgw.ValueGraphWindow.__init__

        def init(self, *args):
            opened(self, *args)
            def close():  # runs only once show() is inside the event loop
                print("shown", self.isVisible(), self.windowTitle(), flush=True)
                self.close()
            QTimer.singleShot(0, close)

        vgw.ValueGraphWindow.__init__ = init
        print("returned", micrograd_gui.show(c), flush=True)
    """))
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
           "PYTHONPATH": os.pathsep.join([str(Path(micrograd_gui.__file__).parents[1]),
                                          os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["shown True micrograd graph — c", "returned None"]



@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a display is an X11 or Wayland question on Linux")
def test_without_a_display_show_writes_a_png_and_refuses_a_window_with_a_clear_message(tmp_path):
    script = tmp_path / "server.py"
    script.write_text(textwrap.dedent(f"""
        import micrograd_gui
        from micrograd_gui.core.engine import Value
        c = Value(2.0, label="a") * Value(-3.0, label="b")
        c.backward()
        print(micrograd_gui.show(c, out={str(tmp_path / "g.png")!r}).name)
        try:
            micrograd_gui.show(c)
        except RuntimeError as e:
            print(e)
    """))
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(HOME=str(tmp_path), XDG_CONFIG_HOME=str(tmp_path),
               PYTHONPATH=os.pathsep.join([str(Path(micrograd_gui.__file__).parents[1]), env.get("PYTHONPATH", "")]))
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == ["g.png", "show() has no display to open a window on; write the graph to a "
                                                "file instead: show(root, out='graph.svg')"]
    assert QImage(str(tmp_path / "g.png")).width() > 100
