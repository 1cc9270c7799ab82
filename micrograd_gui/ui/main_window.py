"""The main window: composes the panels, wires intents to the controller; holds no math."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QByteArray, QCoreApplication, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui import __version__
from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.datasets import MAX_CLASSES, MAX_POINTS, Dataset, make_dataset
from micrograd_gui.core.files.session_file import Session
from micrograd_gui.core.lessons import LESSONS, Lesson
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.snapshot import Snapshot
from micrograd_gui.core.trainer import data_problem_parts

from . import i18n, presentation, teacher_mode
from .controller import Controller
from .controls import ControlsPanel
from .data_model import DataModel
from .data_panel import DataPanel
from .dataset_panel import DatasetPanel
from .focus import hand_back_focus
from .graph_panel import GraphPanel
from .help import SHORTCUTS_HTML, HelpDialog
from .loss_plot import LossPlot
from .message_bar import MessageBar
from .network_view import NetworkView
from .optimizer_table import OptimizerTable
from .recorder import Recorder
from .session_actions import SessionActions
from .undo import redo_next, undo_latest


def action_checkbox(action: QAction, title: str, name: str) -> QCheckBox:
    """A check box that mirrors a checkable action both ways (menu and plot stay in step)."""
    box = QCheckBox(title)
    box.setObjectName(name)
    text = re.sub(r"\(&\w\)|&", "", action.text()).strip()  # "&Regions" and a translation's "区域(&R)"
    box.setToolTip(f"{text} ({action.shortcut().toString()})")
    box.setChecked(action.isChecked())
    box.toggled.connect(action.setChecked)
    action.toggled.connect(box.setChecked)
    return box


NETWORK_FIELDS = ("loss", "stable_softmax", "hidden", "activation", "init_scale", "seed")


class MainWindow(QMainWindow):
    language_requested = Signal(str)  # a language code of i18n.LANGUAGES; the app shell rebuilds the window in it

    def __init__(self, config: TrainConfig | None = None, settings: QSettings | None = None):
        super().__init__()
        self.setWindowTitle(self.tr("micrograd GUI: watch backprop learn"))
        self.setObjectName("mainWindow")
        self.settings = settings if settings is not None else QSettings("micrograd_gui", "micrograd_gui")
        self.applied: TrainConfig = config or get_preset("llm101n").config
        data = make_dataset(self.applied.dataset, RNG(self.applied.seed))
        self.capacity = max(self.applied.dataset.classes, 2)
        self.active_class = 0
        self.probe = (0.0, 0.0, 0)  # LLM101n's probe: the origin, class 0
        self.snapshots_drawn = 0
        self._drag: int | None = None

        self.data_model = DataModel(data, self)
        self.controller = Controller(self.applied, data, self)
        self.lesson: str = ""
        self.teacher_hidden: set[str] = set()
        self.teacher_locked: set[str] = set()

        # ---- panels
        self.data_panel = DataPanel()
        self.message = MessageBar()
        centre = QWidget()
        cl = QVBoxLayout(centre)
        cl.setContentsMargins(4, 4, 4, 0)
        cl.addWidget(self.message)
        self.lesson_box = QLabel()
        self.lesson_box.setObjectName("lessonBox")
        self.lesson_box.setWordWrap(True)
        self.lesson_box.setStyleSheet("QLabel { background: #f3f0fa; border: 1px solid #c9bde6; border-radius: 4px;"
                                      " padding: 6px; color: #2d1f4f; }")
        self.lesson_box.hide()
        cl.addWidget(self.lesson_box)
        cl.addWidget(self.data_panel, 1)
        self.setCentralWidget(centre)

        self.controls: ControlsPanel = ControlsPanel()  # typed: teacher_mode reads it through a cycle
        self.controls.set_config(self.applied)
        scroll = QScrollArea()
        scroll.setWidget(self.controls)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.controls_dock = self._dock(self.tr("Training"), "controlsDock", scroll,
                                        Qt.DockWidgetArea.LeftDockWidgetArea)
        self.dataset_panel: DatasetPanel = DatasetPanel()
        self.dataset_panel.set_spec(self.applied.dataset)
        self.dataset_panel.set_seed(self.applied.seed)
        self.dataset_panel.set_active_class(0)
        self.data_dock = self._dock(self.tr("Data"), "dataDock", self.dataset_panel,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.loss_plot = LossPlot()
        self.loss_dock = self._dock(self.tr("Loss"), "lossDock", self.loss_plot,
                                    Qt.DockWidgetArea.RightDockWidgetArea)
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)  # controls full height
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)  # and the network's column
        self.graph_panel = GraphPanel()
        self.graph_dock = self._dock(self.tr("Computation graph of the probe point's loss"), "graphDock",
                                     self.graph_panel, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.network_view = NetworkView()
        self.network_dock = self._dock(self.tr("Network"), "networkDock", self.network_view,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.loss_dock, self.network_dock)
        self.optimizer_table = OptimizerTable()
        self.optimizer_dock = self._dock(self.tr("Optimizer state"), "optimizerDock", self.optimizer_table,
                                         Qt.DockWidgetArea.BottomDockWidgetArea)
        self.tabifyDockWidget(self.graph_dock, self.optimizer_dock)
        for d in (self.network_dock, self.optimizer_dock):
            d.hide()  # one key away (W, O): the plane keeps its room on a projector

        self.statusBar().addWidget(self.data_panel.counts)
        self.step_label, self.rate_label, self.loss_label = QLabel(), QLabel(), QLabel()
        for w, name in ((self.step_label, "stepLabel"), (self.rate_label, "rateLabel"),
                        (self.loss_label, "lossLabel")):
            w.setObjectName(name)
            self.statusBar().addPermanentWidget(w)

        self.sessions = SessionActions(self)
        self.recorder = Recorder(self)
        self._make_actions()
        self._wire()
        self._on_data_changed(data)
        self.controller.set_probe(*self.probe)
        self.resize(1280, 720)
        # after Enter or Esc in a field, Space plays again (instead of typing a space into the field)
        self.focus_handler = hand_back_focus(self, self.data_panel.plot, keep=("findNode",))
        self._first_show = not self._restore()
        self.offer_recovery()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable)
        self.addDockWidget(area, dock)
        return dock

    # ---- actions and menus --------------------------------------------------------------------
    def _action(self, text: str, slot: Callable[..., object],
                shortcut: str | QKeySequence | QKeySequence.StandardKey | None = None,
                name: str = "", checkable: bool = False, checked: bool = False) -> QAction:
        a = QAction(text, self)
        if shortcut:
            a.setShortcut(QKeySequence(shortcut))
            a.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if name:
            a.setObjectName(name)
        if checkable:
            a.setCheckable(True)
            a.setChecked(checked)
            a.toggled.connect(slot)
        else:
            a.triggered.connect(slot)
        self.addAction(a)
        return a

    def _make_actions(self) -> None:
        m = self.menuBar()
        f = m.addMenu(self.tr("&File"))
        ss = self.sessions
        f.addAction(self._action(self.tr("&Open session…"), ss.open, QKeySequence.StandardKey.Open, "openAction"))
        recent = f.addMenu(self.tr("Open &recent"))
        recent.setObjectName("recentMenu")
        recent.aboutToShow.connect(lambda: ss.fill_recent_menu(recent))
        f.addAction(self._action(self.tr("&Save session"), ss.save, QKeySequence.StandardKey.Save, "saveAction"))
        f.addAction(self._action(self.tr("Save session &as…"), ss.save_as, "Ctrl+Shift+S", "saveAsAction"))
        f.addSeparator()
        f.addAction(self._action(self.tr("&Import points (CSV)…"), ss.import_csv, None, "importCsvAction"))
        f.addAction(self._action(self.tr("&Export points (CSV)…"), ss.export_csv, None, "exportCsvAction"))
        f.addAction(self._action(self.tr("Export the &plane as PNG…"), lambda: ss.export_png(self.data_panel, "plane"),
                                 None, "exportPlaneAction"))
        f.addAction(self._action(self.tr("Export the &window as PNG…"), lambda: ss.export_png(self, "window"), None,
                                 "exportWindowAction"))
        panels = f.addMenu(self.tr("Export a pa&nel as PNG"))
        panels.setObjectName("exportPanelMenu")
        panels.aboutToShow.connect(lambda: self._fill_panel_exports(panels))
        self.record_action = self._action(self.tr("&Record the plane (GIF or PNG frames)"), ss.toggle_recording, None,
                                          "recordAction", checkable=True)
        f.addAction(self.record_action)
        f.addSeparator()
        f.addAction(self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit, "quitAction"))
        lessons = m.addMenu(self.tr("&Lessons"))
        for lesson in LESSONS:
            lessons.addAction(self._action(QCoreApplication.translate("Lessons", lesson.title),
                                           lambda _=False, le=lesson: self.start_lesson(le), None,
                                           f"lesson_{lesson.name}"))
        e = m.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self._on_undo, "Ctrl+Z", "undoAction")
        self.redo_action = self._action(self.tr("&Redo"), self._on_redo, "Ctrl+Shift+Z", "redoAction")
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        e.addAction(self._action(self.tr("&Clear points"), self.data_model.clear, None, "clearAction"))
        for c in range(MAX_CLASSES):
            self._action(self.tr("Class {n}").format(n=c + 1), lambda _=False, c=c: self._set_active_class(c),
                         str(c + 1), f"class{c + 1}Action")
        t = m.addMenu(self.tr("&Train"))
        self.play_action = self._action(self.tr("&Play / Pause"), self._on_play, "Space", "playAction")
        t.addAction(self.play_action)
        t.addAction(self._action(self.tr("&Step"), lambda: self._on_step(1), "Right", "stepAction"))
        t.addAction(self._action(self.tr("Step ×&10"), lambda: self._on_step(10), "Shift+Right", "step10Action"))
        t.addAction(self._action(self.tr("&Reset"), self._on_reset, "R", "resetAction"))
        v = m.addMenu(self.tr("&View"))
        self.regions_action = self._action(self.tr("Decision &regions"), self._on_regions_toggled, "V", "regionsAction",
                                           checkable=True, checked=True)
        self.hard_action = self._action(self.tr("&Hard argmax regions"), self.data_panel.set_hard, "H", "hardAction",
                                        checkable=True)
        self.contour_action = self._action(self.tr("0.5 &contour"), self.data_panel.set_contour, "C", "contourAction",
                                           checkable=True)
        self.cb_action = self._action(self.tr("Colour-&blind-safe palette"), self._on_palette, None, "paletteAction",
                                      checkable=True)
        self.presentation_action = self._action(self.tr("&Presentation mode"), self._on_presentation, "F11",
                                                "presentationAction", checkable=True)
        self.teacher_action = self._action(self.tr("&Teacher mode…"), self._on_teacher_mode, None, "teacherAction")
        for a in (self.regions_action, self.hard_action, self.contour_action, self.cb_action,
                  self.presentation_action, self.teacher_action):
            v.addAction(a)
        for a, title, name in ((self.regions_action, self.tr("Regions"), "regionsToggle"),
                               (self.hard_action, self.tr("Argmax"), "hardToggle"),
                               (self.contour_action, self.tr("0.5 contour"), "contourToggle")):
            self.data_panel.toggles.addWidget(action_checkbox(a, title, name))
        v.addSeparator()
        self.graph_action = self.graph_dock.toggleViewAction()
        self.graph_action.setShortcut(QKeySequence("G"))
        self.graph_action.setText(self.tr("Computation &graph"))
        self.addAction(self.graph_action)
        for d in (self.controls_dock, self.data_dock, self.loss_dock):
            v.addAction(d.toggleViewAction())
        v.addAction(self.graph_action)
        for dock, text, key in ((self.network_dock, self.tr("&Network view"), "W"),
                                (self.optimizer_dock, self.tr("&Optimizer state"), "O")):
            a = dock.toggleViewAction()
            a.setShortcut(QKeySequence(key))
            a.setText(text)
            a.triggered.connect(self._bring_forward_when_shown(dock))
            self.addAction(a)
            v.addAction(a)
        self.network_action = self.network_dock.toggleViewAction()
        self.optimizer_action = self.optimizer_dock.toggleViewAction()
        lang = m.addMenu(self.tr("&Language"))
        lang.setObjectName("languageMenu")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code, name in i18n.LANGUAGES.items():  # each name in its own language, never translated
            a = self._action(name, lambda _=False, code=code: self.language_requested.emit(code), None,
                             f"language_{code}")
            a.setCheckable(True)
            group.addAction(a)
            lang.addAction(a)
            self.language_actions[code] = a
        self.set_language_checked(i18n.current())
        h = m.addMenu(self.tr("&Help"))
        h.addAction(self._action(self.tr("&Shortcuts and how-to"), self._show_help, "F1", "helpAction"))
        h.addAction(self._action(self.tr("&About"), self._show_about, None, "aboutAction"))

    def _fill_panel_exports(self, menu: QMenu) -> None:
        """One entry a visible panel (dock), each saving that panel as it looks now."""
        menu.clear()
        for d in self.findChildren(QDockWidget):
            widget = d.widget()
            if d.isVisibleTo(self) and widget is not None:
                menu.addAction(d.windowTitle(), self._exporter(widget, d.objectName().removesuffix("Dock")))

    def _exporter(self, widget: QWidget, name: str) -> Callable[[], None]:
        return lambda: self.sessions.export_png(widget, name)

    def set_language_checked(self, code: str) -> None:
        """Tick the language in effect (a switch that did not happen leaves the old one ticked)."""
        for c, a in self.language_actions.items():
            a.setChecked(c == code)

    def _wire(self) -> None:
        self.data_model.changed.connect(self._on_data_changed)
        self.data_panel.add_requested.connect(self._on_add)
        self.data_panel.remove_requested.connect(self.data_model.remove)
        self.data_panel.move_requested.connect(self._on_move)
        self.data_panel.point_selected.connect(self._on_point_selected)
        self.data_panel.probe_moved.connect(self._on_probe_moved)
        self.graph_panel.probe_label_changed.connect(self._on_probe_label)
        self.graph_dock.visibilityChanged.connect(self._on_graph_visibility)
        self.network_dock.visibilityChanged.connect(self.controller.set_network_visible)
        self.optimizer_dock.visibilityChanged.connect(self.controller.set_optimizer_visible)
        self.network_view.param_edited.connect(self.controller.set_param)
        ds = self.dataset_panel
        ds.regenerate_requested.connect(self._on_regenerate)
        ds.clear_requested.connect(self.data_model.clear)
        ds.undo_requested.connect(self.data_model.undo)
        ds.redo_requested.connect(self.data_model.redo)
        ds.active_class_changed.connect(self._set_active_class)
        ds.seed_changed.connect(self._on_network_changed)
        c = self.controls
        c.play_clicked.connect(self._on_play)
        c.step_clicked.connect(self._on_step)
        c.reset_clicked.connect(self._on_reset)
        c.live_changed.connect(self._on_live_changed)
        c.network_changed.connect(self._on_network_changed)
        c.rate_changed.connect(self.controller.set_rate)
        self.controller.snapshot.connect(self._on_snapshot)
        self.controller.failed.connect(self._on_failed)
        self.controller.diverged.connect(self._on_diverged)
        self.controller.running_changed.connect(self._on_running_changed)
        stack = self.data_model.undo_stack
        stack.canUndoChanged.connect(self._sync_undo)
        stack.canRedoChanged.connect(self._sync_undo)
        self._sync_undo()

    # ---- data intents -------------------------------------------------------------------------
    def _set_active_class(self, c: int) -> None:
        self.active_class = c
        self.dataset_panel.set_active_class(c)
        self._update_class_hint()

    def _update_class_hint(self) -> None:
        c = self.active_class
        self.dataset_panel.set_hint(
            self.tr("Class {n} is new to the model: adding one grows the output layer to {n} outputs and "
                    "re-initialises the weights.").format(n=c + 1) if c >= self.capacity else "")

    @Slot(float, float, bool)
    def _on_add(self, x: float, y: float, shift: bool) -> None:
        if len(self.data_model.data) >= MAX_POINTS:
            self.message.show_message(self.tr("The plane holds at most {n} points; remove some first.").format(
                n=MAX_POINTS), "warning")
            return
        c = (self.active_class + 1) % MAX_CLASSES if shift else self.active_class
        self.data_model.add(x, y, c)
        if c >= self.capacity:
            self.message.show_message(self.tr("Class {n} added: the output layer grew to {n} outputs and the "
                                              "weights were re-initialised.").format(n=c + 1), "info")
            self._reset_model()

    @Slot(int, float, float, bool)
    def _on_move(self, i: int, x: float, y: float, finished: bool) -> None:
        if self._drag is None:
            self._drag = self.data_model.begin_drag()
        self.data_model.move(i, x, y, drag=self._drag)
        if finished:
            self._drag = None

    @Slot(object)
    def _on_regenerate(self, spec) -> None:  # type: ignore[no-untyped-def]
        config = self._pending().with_changes(dataset=spec)
        try:
            config.validate()
        except ValueError as e:
            self.message.show_message(str(e), "error")
            return
        data = make_dataset(spec, RNG(config.seed))
        self.data_model.replace(data, f"regenerate {spec.kind}")
        self._reset_model(config)

    @Slot(object)
    def _on_data_changed(self, data: Dataset) -> None:
        self.data_panel.set_data(data)
        self.controller.set_data(data)
        self._update_play_state()

    def _update_play_state(self) -> None:
        problem = data_problem_parts(self.data_model.data, self.capacity)
        self.controls.set_play_blocked(
            "" if problem is None else QCoreApplication.translate("Trainer", problem[0]).format(**problem[1]))

    def _sync_undo(self, *_: object) -> None:
        stack = self.data_model.undo_stack
        self.dataset_panel.undo.setEnabled(stack.canUndo())
        self.dataset_panel.redo.setEnabled(stack.canRedo())

    def _bring_forward_when_shown(self, dock: QDockWidget) -> Callable[[bool], None]:
        def bring(on: bool) -> None:
            if on:
                self._bring_forward(dock)
        return bring

    def _bring_forward(self, dock: QDockWidget) -> None:
        """A dock shown from the View menu comes to the front of its tab group, with room to be read."""
        dock.raise_()
        if dock is self.network_dock:  # it shares the column of the data panel: give it the height and width
            self.resizeDocks([self.data_dock, dock], [1, self.height()], Qt.Orientation.Vertical)
            self.resizeDocks([dock], [max(dock.width(), int(self.width() * 0.3))], Qt.Orientation.Horizontal)

    def _on_undo(self) -> None:
        """Ctrl+Z: the latest edit, of the points or of a weight typed in the network view."""
        undo_latest((self.data_model.undo_stack, self.network_view.undo_stack))

    def _on_redo(self) -> None:
        redo_next((self.data_model.undo_stack, self.network_view.undo_stack))

    # ---- the probe: whose graph the graph view shows -----------------------------------------
    def set_probe(self, x: float, y: float, label: int) -> None:
        self.probe = (x, y, label)
        self.data_panel.set_probe(x, y)
        self.controller.set_probe(x, y, label)

    @Slot(int)
    def _on_point_selected(self, i: int) -> None:
        d = self.data_model.data
        self.set_probe(d.xs[i], d.ys[i], d.labels[i])
        if not self.graph_dock.isVisible():
            self.graph_dock.show()

    @Slot(float, float)
    def _on_probe_moved(self, x: float, y: float) -> None:
        self.probe = (x, y, self.probe[2])
        self.controller.set_probe(*self.probe)

    @Slot(int)
    def _on_probe_label(self, label: int) -> None:
        self.set_probe(self.probe[0], self.probe[1], label)

    @Slot(bool)
    def _on_graph_visibility(self, visible: bool) -> None:
        self.data_panel.set_probe_visible(visible)
        self.controller.set_graph_visible(visible)

    # ---- training intents ---------------------------------------------------------------------
    def _on_play(self) -> None:
        if not self.controls.play.isEnabled() and not self.controller.running:
            return
        self.controller.toggle()

    def _on_step(self, n: int) -> None:
        if self.controls.step.isEnabled():
            self.controller.step(n)

    def _on_reset(self) -> None:
        self._reset_model()

    def _reset_model(self, config: TrainConfig | None = None) -> None:
        config = config or self._pending()
        self.applied = config
        self.controls.set_pending(False)
        if self.message.kind == "error":
            self.message.hide()
        self.controller.reset(config, self.data_model.data)

    def _pending(self) -> TrainConfig:
        """The settings the panels show now; network ones take effect on the next reset."""
        return self.controls.config(self.applied).with_changes(seed=self.dataset_panel.seed.value())

    def _on_live_changed(self) -> None:
        self.controller.set_live(self._pending())

    def _on_network_changed(self) -> None:
        pending = self._pending()
        self.controls.set_pending(any(getattr(pending, f) != getattr(self.applied, f) for f in NETWORK_FIELDS))

    def _on_regions_toggled(self, on: bool) -> None:
        self.data_panel.set_regions_visible(on)
        self.controller.set_grid_visible(on)

    def _on_palette(self, colour_blind: bool) -> None:
        name = "colorblind" if colour_blind else "standard"
        self.data_panel.set_palette(name)
        self.dataset_panel.set_palette(name)

    # ---- results ------------------------------------------------------------------------------
    @Slot(object)
    def _on_snapshot(self, snap: Snapshot) -> None:
        if snap.num_classes != self.capacity:
            self.capacity = snap.num_classes
            self._update_class_hint()
            self._update_play_state()
        self.data_panel.set_snapshot(snap)
        self.loss_plot.set_snapshot(snap)
        self.graph_panel.set_snapshot(snap)
        self.recorder.capture()
        self.network_view.set_snapshot(snap)
        self.optimizer_table.set_snapshot(snap)
        m = snap.metrics
        self.step_label.setText(self.tr("step {n}").format(n=snap.step))
        self.rate_label.setText(self.tr("{rate} steps/s").format(rate=f"{snap.steps_per_second:.0f}") if snap.running
                                else self.tr("paused"))
        loss = "–" if m.train_loss is None else f"{m.train_loss:.4f}"
        val = "" if m.val_loss is None else self.tr(" · val {loss}").format(loss=f"{m.val_loss:.4f}")
        self.loss_label.setText(self.tr("loss {loss}").format(loss=loss) + val)
        self.snapshots_drawn += 1

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.message.show_message(message, "warning")

    @Slot(str)
    def _on_diverged(self, message: str) -> None:
        self.message.show_message(self.tr("Training diverged.") + " " + message, "error")

    @Slot(bool)
    def _on_running_changed(self, running: bool) -> None:
        self.controls.set_running(running)

    # ---- sessions and lessons -----------------------------------------------------------------
    def replace_data(self, data: Dataset, text: str) -> None:
        """New points (an import): undoable; the model grows first if they bring new classes."""
        self.data_model.replace(data, text)
        if max(data.labels, default=0) + 1 > self.capacity:
            self._reset_model()

    def _load_config(self, config: TrainConfig) -> None:
        self.applied = config
        self.controls.set_config(config)
        self.dataset_panel.set_spec(config.dataset)
        self.dataset_panel.set_seed(config.seed)
        self.controls.set_pending(False)
        teacher_mode.apply(self, self.teacher_hidden, self.teacher_locked)  # set_config re-shows rows

    def start_lesson(self, lesson: Lesson) -> None:
        """Data, model, optimizer, panels and the instructions of one lesson."""
        self.controller.pause()
        self._load_config(lesson.config)
        data = make_dataset(lesson.config.dataset, RNG(lesson.config.seed))
        self.data_model.replace(data, self.tr("lesson: {title}").format(
            title=QCoreApplication.translate("Lessons", lesson.title)))
        docks = {"graph": self.graph_dock, "loss": self.loss_dock}
        for key, dock in docks.items():
            dock.setVisible(key in lesson.panels)
        for key in lesson.panels:
            panel = self.findChild(QDockWidget, f"{key}Dock")
            if panel is not None:
                panel.show()
        self.set_probe(*lesson.probe)
        self.controller.reset(lesson.config, data)  # after the probe and docks: the new run's snapshots carry them
        self.show_lesson(lesson)
        self.message.hide()

    def show_lesson(self, lesson: Lesson) -> None:
        """The lesson's title and instructions above the plane."""
        self.lesson = lesson.name
        self.lesson_box.setText(self.tr("<b>Lesson: {title}.</b> {instructions}").format(
            title=QCoreApplication.translate("Lessons", lesson.title),
            instructions=QCoreApplication.translate("Lessons", lesson.instructions)))
        self.lesson_box.show()

    def _on_presentation(self, on: bool) -> None:
        presentation.apply(self, on)

    def _on_teacher_mode(self) -> None:
        dialog = teacher_mode.TeacherDialog(self, self.teacher_hidden, self.teacher_locked)
        dialog.accepted.connect(lambda: self.set_teacher(*dialog.choice()))
        dialog.open()

    def set_teacher(self, hidden: set[str], locked: set[str]) -> None:
        self.teacher_hidden, self.teacher_locked = set(hidden), set(locked)
        teacher_mode.apply(self, self.teacher_hidden, self.teacher_locked)

    def ui_state(self) -> dict[str, object]:
        """What a saved session keeps of the window besides the training state."""
        return {"active_class": self.active_class, "probe": list(self.probe), "lesson": self.lesson,
                "palette": self.data_panel.palette_name, "regions": self.regions_action.isChecked(),
                "hard": self.hard_action.isChecked(), "contour": self.contour_action.isChecked(),
                "docks": [d.objectName() for d in self.findChildren(QDockWidget) if d.isVisibleTo(self)],
                "teacher": {"hidden": sorted(self.teacher_hidden), "locked": sorted(self.teacher_locked)}}

    def restore_session(self, s: Session) -> None:
        st = s.state
        self._load_config(st.config)
        self.data_model.replace(st.data, "open session")
        self.loss_plot.pending = (s.curves.get("train", []), s.curves.get("val", []))
        ui = s.ui
        if isinstance(ui.get("active_class"), int) and 0 <= ui["active_class"] < MAX_CLASSES:
            self._set_active_class(ui["active_class"])
        probe = ui.get("probe")
        if (isinstance(probe, list) and len(probe) == 3 and all(isinstance(v, (int, float)) for v in probe)
                and abs(probe[0]) <= 100 and abs(probe[1]) <= 100 and 0 <= probe[2] < MAX_CLASSES):  # no inf
            self.set_probe(float(probe[0]), float(probe[1]), int(probe[2]))
        for key, action in (("regions", self.regions_action), ("hard", self.hard_action),
                            ("contour", self.contour_action)):
            if isinstance(ui.get(key), bool):
                action.setChecked(ui[key])
        self.cb_action.setChecked(ui.get("palette") == "colorblind")
        teacher = ui.get("teacher")
        if isinstance(teacher, dict):
            known = set(teacher_mode.CONTROLS)
            hidden = {n for n in teacher.get("hidden", []) if n in known}
            locked = {n for n in teacher.get("locked", []) if n in known}
            self.set_teacher(hidden, locked)
        docks = ui.get("docks")
        if isinstance(docks, list):
            for d in self.findChildren(QDockWidget):
                d.setVisible(d.objectName() in docks)
        self.lesson_box.hide()
        # last: queued requests reach the worker in order, so the restored run's first snapshot already carries
        # the probe and the views set above (sent before it, they would go to the run being replaced)
        self.controller.restore(st)

    def offer_recovery(self) -> None:
        path = self.sessions.pending_recovery()
        if path is None:
            return
        from datetime import datetime

        when = datetime.fromtimestamp(path.stat().st_mtime).strftime(self.tr("%H:%M on %d %b"))
        self.message.show_message(
            self.tr("The app did not close normally last time. Restore the session autosaved at {when}?").format(
                when=when), "warning",
            ((self.tr("Restore"), self.sessions.restore_recovery),
             (self.tr("Discard"), self.sessions.discard_recovery)))

    # ---- help ---------------------------------------------------------------------------------
    def _show_help(self) -> None:
        box = HelpDialog(QCoreApplication.translate("Help", SHORTCUTS_HTML), self.tr("Shortcuts and how-to"), self)
        box.open()

    def _show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About micrograd GUI"),
                          self.tr("micrograd GUI {version}\nA scalar autograd engine you can watch learn.").format(
                              version=__version__), QMessageBox.StandardButton.Close, self)
        box.setObjectName("aboutDialog")
        box.open()

    # ---- window state -------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.data_panel.plot.setFocus()  # so Space and the digit keys reach the window, not a text field
        if self._first_show:  # default proportions, once the docks have real sizes
            self._first_show = False
            self.resizeDocks([self.controls_dock, self.data_dock], [300, 330], Qt.Orientation.Horizontal)
            self.resizeDocks([self.data_dock, self.loss_dock], [260, 400], Qt.Orientation.Vertical)
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
        self._on_graph_visibility(self.graph_dock.isVisibleTo(self))
        return isinstance(geometry, QByteArray) and isinstance(state, QByteArray)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.sessions.autosave_timer.stop()
        self.controller.shutdown()
        self.sessions.discard_recovery()  # a clean exit: nothing to recover next time
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
