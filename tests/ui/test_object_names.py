"""Stable object names: every control a script drives is found once by name, as README lists them."""

import re
from collections import Counter
from pathlib import Path

import pyqtgraph as pg
from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDockWidget,
    QDoubleSpinBox,
    QFrame,
    QGraphicsView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QSplitter,
    QTableView,
    QTextBrowser,
    QToolButton,
    QWidget,
)

from micrograd_gui.core.config import MAX_DEPTH
from micrograd_gui.core.datasets import MAX_CLASSES
from micrograd_gui.ui.controls import ControlsPanel
from micrograd_gui.ui.data_panel import DataPanel
from micrograd_gui.ui.dataset_panel import DatasetPanel
from micrograd_gui.ui.graph_panel import GraphPanel
from micrograd_gui.ui.loss_plot import LossPlot
from micrograd_gui.ui.message_bar import MessageBar
from micrograd_gui.ui.network_view import NetworkView
from micrograd_gui.ui.optimizer_table import OptimizerTable
from micrograd_gui.ui.scratchpad import Scratchpad

README = Path(__file__).resolve().parents[2] / "README.md"
HEADING = "### Testing the app from your own pytest-qt scripts"

NAMES: dict[str, type[QWidget]] = {
    # training
    "playButton": QPushButton, "stepButton": QPushButton, "step10Button": QPushButton, "resetButton": QPushButton,
    "playReason": QLabel, "speedLimit": QComboBox, "fastButton": QPushButton,
    # optimisation
    "learningRateInput": QLineEdit, "learningRateSlider": QSlider, "optimizerChooser": QComboBox,
    "momentumInput": QLineEdit, "beta1Input": QLineEdit, "beta2Input": QLineEdit, "weightDecayInput": QLineEdit,
    "lrDecayToggle": QCheckBox, "l2Input": QLineEdit, "l1Input": QLineEdit, "batchChooser": QComboBox,
    "moreSettings": QToolButton,
    # network
    "lossChooser": QComboBox, "stableSoftmaxToggle": QCheckBox, "depthInput": QSpinBox,
    **{f"widthInput{i + 1}": QSpinBox for i in range(MAX_DEPTH)},
    "activationChooser": QComboBox, "initChooser": QComboBox, "pendingNote": QLabel, "featureInputs": QWidget,
    **{f"feature_{f}": QCheckBox for f in ("x", "y", "x2", "y2", "xy", "sinx", "siny")},
    # data
    "datasetChooser": QComboBox, "pointsInput": QSpinBox, "noiseInput": QDoubleSpinBox, "classesInput": QSpinBox,
    "trainShareInput": QSpinBox, "seedInput": QSpinBox,
    "regenerateButton": QPushButton, "clearButton": QPushButton, "undoButton": QPushButton,
    "redoButton": QPushButton, **{f"classButton{c + 1}": QPushButton for c in range(MAX_CLASSES)},
    "classHint": QLabel, "newSplitTrain": QPushButton, "newSplitVal": QPushButton, "newSplitTest": QPushButton,
    # the plane
    "dataPlot": pg.PlotWidget, "regionsToggle": QCheckBox, "hardToggle": QCheckBox, "contourToggle": QCheckBox,
    "showValToggle": QCheckBox, "showTestToggle": QCheckBox, "splitLegend": QLabel, "neuronPreviewCaption": QLabel,
    # loss
    "lossPlot": pg.PlotWidget, "logScale": QCheckBox, "accuracyLabel": QLabel,
    # computation graph
    "probeText": QLabel, "probeLabel": QComboBox, "findNode": QLineEdit, "findResult": QLabel,
    "fitButton": QPushButton, "collapseButton": QPushButton, "expandButton": QPushButton,
    "exportSvgButton": QPushButton, "exportPngButton": QPushButton, "resetGradsButton": QPushButton,
    "backwardStepButton": QPushButton, "forwardStepButton": QPushButton, "animateButton": QPushButton,
    "endStepsButton": QPushButton, "animationSpeed": QSlider, "stepStatus": QLabel, "graphView": QGraphicsView,
    "inspector": QTextBrowser,
    # network view
    "networkGradients": QCheckBox, "networkEdges": QComboBox, "networkLegend": QLabel, "networkScroll": QScrollArea,
    "networkStatus": QLabel, "networkCanvas": QWidget,
    "paramEditor": QLineEdit, "neuronDetail": QWidget, "neuronTitle": QLabel, "closeNeuronDetail": QToolButton,
    "neuronMapPlot": pg.PlotWidget, "neuronScale": QLabel, "biasEdit": QLineEdit,
    # the Scratchpad (and its graph: the graph panel's names with "value" before them)
    "scratchExamples": QComboBox, "scratchText": QPlainTextEdit, "scratchError": QLabel,
    "scratchLeafScroll": QScrollArea, "scratchLeaves": QWidget, "scratchMoreLeaves": QLabel,
    "scratchResetValues": QPushButton,
    "scratchSplitter": QSplitter, "valueGraphPanel": QWidget, "valueFindNode": QLineEdit, "valueFindResult": QLabel,
    "valueFitButton": QPushButton, "valueCollapseButton": QPushButton, "valueExpandButton": QPushButton,
    "valueExportSvgButton": QPushButton, "valueExportPngButton": QPushButton, "valueResetGradsButton": QPushButton,
    "valueBackwardStepButton": QPushButton, "valueForwardStepButton": QPushButton, "valueAnimateButton": QPushButton,
    "valueEndStepsButton": QPushButton, "valueAnimationSpeed": QSlider, "valueStepStatus": QLabel,
    "valueGraphView": QGraphicsView, "valueInspector": QTextBrowser, "valueGradHint": QLabel,
    # optimizer state
    "optimizerTableView": QTableView, "optimizerSummary": QLabel,
    # messages and status
    "messageBar": MessageBar, "messageText": QLabel, "messageClose": QToolButton, "lessonBox": QFrame,
    "lessonText": QLabel, "lessonClose": QToolButton, "stepLabel": QLabel, "rateLabel": QLabel, "lossLabel": QLabel,
    "pointCounts": QLabel, "teacherBadge": QLabel,
    # panels and docks
    "controlsPanel": ControlsPanel, "datasetPanel": DatasetPanel, "dataPanel": DataPanel, "lossPanel": LossPlot,
    "graphPanel": GraphPanel, "networkView": NetworkView, "optimizerTable": OptimizerTable, "scratchpad": Scratchpad,
    **{f"{d}Dock": QDockWidget for d in ("controls", "data", "loss", "graph", "network", "optimizer", "scratchpad")},
}
MESSAGE_ACTIONS = ("messageAction0", "messageAction1")  # one a button of the message shown
SHARED = {"fieldError"}  # each number field's own error line: found through its field, never by name
QT_OWN = {"ScrollLeftButton", "ScrollRightButton"}  # QTabBar's, in each tab bar of tabified docks; and qt_*, _q_*


def _ours(name: str) -> bool:
    return bool(name) and not name.startswith(("qt_", "_q_")) and name not in QT_OWN


def _readme_section() -> str:
    return README.read_text().split(HEADING, 1)[1].split("\n## ", 1)[0]


def _found_once(w: QWidget, name: str, kind: type[QWidget]) -> QWidget:
    every = w.findChildren(QObject, name)
    assert len(every) == 1, f"{name}: {len(every)} objects"
    found = w.findChild(kind, name)
    assert found is every[0], f"{name} is a {type(every[0]).__name__}, not a {kind.__name__}"
    return found


def test_every_listed_control_is_found_once_by_name_and_is_of_its_kind(window):
    for name, kind in NAMES.items():
        _found_once(window, name, kind)


def test_message_buttons_are_named_by_their_position(window):
    w = window
    w.message.show_message("two choices", "warning", (("First", lambda: None), ("Second", lambda: None)))
    for name in MESSAGE_ACTIONS:
        assert _found_once(w, name, QPushButton).isVisibleTo(w)
    assert w.findChild(QPushButton, "messageAction0").text() == "First"


def test_no_two_visible_controls_share_a_name(qtbot, window):
    w = window
    for d in w.findChildren(QDockWidget):
        d.show()
    w.message.show_message("two choices", "warning", (("First", lambda: None), ("Second", lambda: None)))
    qtbot.waitUntil(lambda: w.network_view.isVisibleTo(w))
    visible = Counter(o.objectName() for o in w.findChildren(QWidget) if _ours(o.objectName()) and o.isVisibleTo(w))
    assert visible["playButton"] == 1 and visible["messageAction1"] == 1 and visible["optimizerTableView"] == 1
    assert not {n for n, count in visible.items() if count > 1}
    # and nothing else, visible or not, action or widget, shares a name but each field's error line
    every = Counter(o.objectName() for o in w.findChildren(QObject) if _ours(o.objectName()))
    assert {n for n, count in every.items() if count > 1} <= SHARED


def test_readme_lists_exactly_these_names():
    listing = _readme_section().split("```", 1)[0].split("\n- ", 1)[1].split("\n\n", 1)[0]
    listed = set(re.findall(r"`(\w+)`", listing))
    for stem, n in (("widthInput", MAX_DEPTH), ("classButton", MAX_CLASSES)):  # "widthInput1 to widthInput6"
        assert f"`{stem}1` to `{stem}{n}`" in listing
        listed |= {f"{stem}{i}" for i in range(1, n + 1)}
    assert listed - {"PlotWidget"} == set(NAMES) | set(MESSAGE_ACTIONS)


def test_readme_example_runs(qtbot, tmp_path):
    code = re.search(r"```python\n(.+?)\n```", _readme_section(), re.S)
    assert code is not None and len(code.group(1).split("def ", 1)[1].splitlines()) == 6  # six lines
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), str(README), "exec"), namespace)
    namespace["test_play_trains"](qtbot, tmp_path)  # type: ignore[operator]
