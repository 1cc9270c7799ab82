"""The main window: composes the model, the controller, the panels, the docks and the menus; holds no state."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.lessons import Lesson
from micrograd_gui.core.presets import get_preset

from . import presentation
from .app_model import AppModel
from .controller import Controller
from .controls import ControlsPanel
from .data_panel import DataPanel
from .dataset_panel import DatasetPanel
from .exports import Exports
from .fitting_scroll import FittingScroll
from .focus import hand_back_focus
from .graph_panel import GraphPanel
from .lesson_box import LessonBox
from .loss_plot import LossPlot
from .menus import Menus
from .message_bar import MessageBar
from .network_view import NetworkView
from .optimizer_table import OptimizerTable
from .scratchpad import Scratchpad
from .session_actions import SessionActions
from .status_line import StatusLine
from .teacher_badge import TeacherBadge


class MainWindow(QMainWindow):
    def __init__(self, config: TrainConfig | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("micrograd GUI: watch backprop learn"))
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("micrograd_gui", "micrograd_gui")
        config = config or get_preset("llm101n").config
        self.controller = Controller(config, None, self)
        self.model = model = AppModel(config, self.controller, self)

        # ---- panels: each takes the model and subscribes to it
        self.message = MessageBar(model)
        self.lesson_box = LessonBox(model)
        self.data_panel = DataPanel(model)
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.addWidget(self.lesson_box)
        cl.addWidget(self.data_panel, 1)
        self.setCentralWidget(centre)
        self.message.float_over(self.data_panel.plot)
        self.controls = ControlsPanel(model)
        scroll = FittingScroll(self.controls)
        left, right, bottom = (Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea,
                               Qt.DockWidgetArea.BottomDockWidgetArea)
        self.controls_dock = self._dock(self.tr("Training"), "controlsDock", scroll, left)
        self.dataset_panel = DatasetPanel(model)
        self.data_dock = self._dock(self.tr("Data"), "dataDock", FittingScroll(self.dataset_panel), right)
        self.loss_plot = LossPlot(model)
        self.loss_dock = self._dock(self.tr("Loss"), "lossDock", self.loss_plot, right)
        # the graph runs under the controls to the left edge (its long rows need the width; the controls scroll),
        # the data and network column keeps the full height
        self.setCorner(Qt.Corner.BottomLeftCorner, bottom)
        self.setCorner(Qt.Corner.BottomRightCorner, right)
        self.graph_panel = GraphPanel(model)
        self.graph_dock = self._dock(self.tr("Computation graph of the probe point's loss"), "graphDock",
                                     self.graph_panel, bottom)
        self.network_view = NetworkView(model)
        self.network_dock = self._dock(self.tr("Network"), "networkDock", self.network_view, right)
        self.tabifyDockWidget(self.loss_dock, self.network_dock)
        self.optimizer_table = OptimizerTable(model)
        self.optimizer_dock = self._dock(self.tr("Optimizer state"), "optimizerDock", self.optimizer_table, bottom)
        self.tabifyDockWidget(self.graph_dock, self.optimizer_dock)
        self.scratchpad = Scratchpad(model.scratch)
        self.scratch_dock = self._dock(self.tr("Scratchpad: type an expression, drag its leaves"), "scratchpadDock",
                                       self.scratchpad, bottom)
        self.tabifyDockWidget(self.graph_dock, self.scratch_dock)
        for d in (self.network_dock, self.optimizer_dock, self.scratch_dock):
            d.hide()  # one key away (W, O): the plane keeps its room on a projector
        self.statusBar().addWidget(self.data_panel.counts)
        self.status = StatusLine(model, self.statusBar())
        self.statusBar().addPermanentWidget(TeacherBadge(model))

        # ---- file actions and menus
        self.sessions = SessionActions(model, self.settings, self, self, self.statusBar())
        self.exports = Exports(model, self.data_panel, self, self.statusBar())
        self.recorder = self.exports.recorder
        docks = {"controls": self.controls_dock, "data": self.data_dock, "loss": self.loss_dock,
                 "graph": self.graph_dock, "network": self.network_dock, "optimizer": self.optimizer_dock,
                 "scratchpad": self.scratch_dock}
        self.menus = Menus(self, model, self.sessions, self.exports, docks, self.network_view.undo_stack)
        for box in self.menus.plot_toggles:
            self.data_panel.toggles.addWidget(box)
        self.menus.presentation_toggled.connect(self._on_presentation)
        for dock in (self.network_dock, self.optimizer_dock, self.scratch_dock):
            dock.toggleViewAction().triggered.connect(lambda on, d=dock: self._bring_forward(d, on))
        for name, dock in (("graph", self.graph_dock), ("network", self.network_dock),
                           ("optimizer", self.optimizer_dock)):
            # what the open views draw comes in the snapshots: the probe graph, the neuron maps, the moments
            dock.visibilityChanged.connect(lambda on, name=name: model.show_panel(name, on))
        model.probe_selected.connect(self.graph_dock.show)
        self.network_dock.visibilityChanged.connect(self._widen_network)  # also when its tab is clicked
        model.lesson_started.connect(self._show_lesson_panels)

        model.start()
        self.resize(1280, 720)
        # after Enter or Esc in a field, Space plays again (instead of typing a space into the field)
        self.focus_handler = hand_back_focus(self, self.data_panel.plot, keep=("findNode", "valueFindNode"))
        self._first_show = not self._restore()
        if self._first_show:
            self.lesson_box.show_welcome()
        self.sessions.offer_recovery()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    # ---- docks --------------------------------------------------------------------------------
    def visible_docks(self) -> list[str]:
        return [d.objectName() for d in self.findChildren(QDockWidget) if d.isVisibleTo(self)]

    def show_docks(self, names: list[str]) -> None:
        for d in self.findChildren(QDockWidget):
            d.setVisible(d.objectName() in names)

    @Slot(object)
    def _show_lesson_panels(self, lesson: Lesson) -> None:
        for key, dock in (("graph", self.graph_dock), ("loss", self.loss_dock), ("scratchpad", self.scratch_dock)):
            dock.setVisible(key in lesson.panels)
        for dock in (self.controls_dock, self.data_dock):  # a Scratchpad lesson needs neither: its graph gets the width
            dock.setVisible(not lesson.scratch)
        for key in lesson.panels:
            named = self.findChild(QDockWidget, f"{key}Dock")
            if named is not None:
                named.show()
        if "scratchpad" in lesson.panels:
            self._bring_forward(self.scratch_dock, True)
        elif "graph" in lesson.panels:
            self.graph_dock.raise_()  # in front of its tab group (the optimizer's, the Scratchpad's)

    def _bring_forward(self, dock: QDockWidget, on: bool) -> None:
        """A dock shown from the View menu comes to the front of its tab group, with room to be read."""
        if not on:
            return
        dock.raise_()
        if dock is self.network_dock:  # it shares the column of the data panel: give it the height and width
            self.resizeDocks([self.data_dock, dock], [1, self.height()], Qt.Orientation.Vertical)
            self._widen_network_now()  # at once, as the menu shows it (its tab shown later widens it again)
        elif dock is self.scratch_dock:  # the editor and its graph need most of the height; the plane waits above
            QTimer.singleShot(0, lambda: self.resizeDocks([dock], [max(dock.height(), int(self.height() * 0.6))],
                                                          Qt.Orientation.Vertical))  # once the dock is laid out

    @Slot(bool)
    def _widen_network(self, on: bool) -> None:
        """The network view in front: its column at least 30 % of the window, so a 16-16 network's maps and lines
        have room (a tab click in a lesson brings it forward in the narrow column of the loss plot)."""
        if on and not self.network_dock.isFloating():
            QTimer.singleShot(0, self._widen_network_now)

    def _widen_network_now(self) -> None:
        self.resizeDocks([self.network_dock], [max(self.network_dock.width(), int(self.width() * 0.3))],
                         Qt.Orientation.Horizontal)

    @Slot(bool)
    def _on_presentation(self, on: bool) -> None:
        presentation.apply(self, on, (self.controls_dock, self.data_dock))
        self.model.set_view(presentation=on)  # after the window's font: the panels restyle in the new size
        QTimer.singleShot(0, self._fit_data_dock)  # once full screen has laid the window out

    def _fit_data_dock(self) -> None:
        """The Data dock as tall as its panel (the class palette in view); the loss below gets the rest."""
        inner = self.data_dock.widget()
        title = self.data_dock.height() - inner.height() if inner is not None else 24  # the dock's title bar
        data = self.dataset_panel.sizeHint().height() + max(title, 20) + 6
        self.resizeDocks([self.data_dock, self.loss_dock], [data, max(200, self.height() - data)],
                         Qt.Orientation.Vertical)

    def set_language_checked(self, code: str) -> None:
        self.menus.set_language_checked(code)

    # ---- window state -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.data_panel.plot.setFocus()  # so Space and the digit keys reach the window, not a text field
        if self._first_show:  # default proportions, once the docks have real sizes
            self._first_show = False
            self.resizeDocks([self.controls_dock, self.data_dock], [300, 330], Qt.Orientation.Horizontal)
            self._fit_data_dock()
            if self.graph_dock.isVisibleTo(self):
                self.resizeDocks([self.graph_dock], [int(self.height() * 0.45)], Qt.Orientation.Vertical)

    def _restore(self) -> bool:
        """Window geometry and dock layout from the last run; False on a first start."""
        geometry = self.settings.value("window/geometry")
        state = self.settings.value("window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        elif self.screen() is not None:  # first start: most of the screen, at least a projector's 1280x720
            avail = self.screen().availableGeometry()
            w = min(avail.width(), max(1280, int(avail.width() * 0.9)))
            h = min(avail.height(), max(720, int(avail.height() * 0.9)))
            self.resize(w, h)
            self.move(avail.x() + (avail.width() - w) // 2, avail.y() + (avail.height() - h) // 2)
            # the graph needs room: shown at first on big screens, one key (G) away on a projector
            self.graph_dock.setVisible(avail.height() >= 1000)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        self.model.show_panel("graph", self.graph_dock.isVisibleTo(self))
        return isinstance(geometry, QByteArray) and isinstance(state, QByteArray)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sessions.autosave_timer.stop()
        self.controller.shutdown()
        self.exports.shutdown()  # a recording being saved: stopped, its thread joined
        self.sessions.clean_exit()  # this window's autosave goes; an offer not answered stays
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
