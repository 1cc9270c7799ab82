"""The menu bar and the window's keyboard shortcuts: every action, what it calls, its key and object name."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QCheckBox, QDockWidget, QMainWindow, QMenu, QMessageBox, QWidget

from micrograd_gui import __version__
from micrograd_gui.core.datasets import MAX_CLASSES
from micrograd_gui.core.lessons import LESSONS

from . import i18n
from .app_model import AppModel, ViewOptions
from .exports import Exports
from .help import SHORTCUTS_HTML, HelpDialog
from .session_actions import SessionActions
from .teacher_mode import TeacherDialog
from .undo import latest_undo, next_redo

Shortcut = str | QKeySequence | QKeySequence.StandardKey | None


def action_checkbox(action: QAction, title: str, name: str) -> QCheckBox:
    """A check box that mirrors a checkable action both ways (menu and plot stay in step)."""
    box = QCheckBox(title)
    box.setObjectName(name)
    text = re.sub(r"\(&\w\)|&", "", action.text()).strip()  # "&Regions" and a translation's "区域(&R)"
    key = action.shortcut().toString()
    box.setToolTip(f"{text} ({key})" if key else text)
    box.setChecked(action.isChecked())
    box.toggled.connect(action.setChecked)
    action.toggled.connect(box.setChecked)
    return box


class Menus(QObject):
    """Builds the menus of `window` from the model, the file actions and the docks; holds the actions."""

    language_requested = Signal(str)  # a language code of i18n.LANGUAGES
    presentation_toggled = Signal(bool)  # the window owns full screen and fonts

    def __init__(self, window: QMainWindow, model: AppModel, sessions: SessionActions, exports: Exports,
                 docks: dict[str, QDockWidget], weight_edits: QUndoStack):
        super().__init__(window)
        self.w, self.model, self.docks, self.weight_edits = window, model, docks, weight_edits
        m = window.menuBar()
        ss, ex = sessions, exports
        f = m.addMenu(self.tr("&File"))
        f.addAction(self._action(self.tr("&Open session…"), ss.open, QKeySequence.StandardKey.Open, "openAction"))
        recent = f.addMenu(self.tr("Open &recent"))
        recent.setObjectName("recentMenu")
        recent.aboutToShow.connect(lambda: ss.fill_recent_menu(recent))
        f.addAction(self._action(self.tr("&Save session"), ss.save, QKeySequence.StandardKey.Save, "saveAction"))
        f.addAction(self._action(self.tr("Save session &as…"), ss.save_as, "Ctrl+Shift+S", "saveAsAction"))
        f.addSeparator()
        f.addAction(self._action(self.tr("&Import points (CSV)…"), ss.import_csv, None, "importCsvAction"))
        f.addAction(self._action(self.tr("&Export points (CSV)…"), ss.export_csv, None, "exportCsvAction"))
        f.addAction(self._action(self.tr("Export the &plane as PNG…"), ex.export_plane, None, "exportPlaneAction"))
        f.addAction(self._action(self.tr("Export the &window as PNG…"), lambda: ex.export_png(window, "window"), None,
                                 "exportWindowAction"))
        panels = f.addMenu(self.tr("Export a pa&nel as PNG"))
        panels.setObjectName("exportPanelMenu")
        panels.aboutToShow.connect(lambda: self._fill_panel_exports(panels, ex))
        self.record_action = self._action(self.tr("&Record the plane (GIF or PNG frames)"), ex.toggle_recording,
                                          None, "recordAction", checkable=True)
        f.addAction(self.record_action)
        f.addSeparator()
        f.addAction(self._action(self.tr("&Quit"), window.close, QKeySequence.StandardKey.Quit, "quitAction"))

        lessons = m.addMenu(self.tr("&Lessons"))
        for lesson in LESSONS:
            lessons.addAction(self._action(QCoreApplication.translate("Lessons", lesson.title),
                                           lambda _=False, le=lesson: model.start_lesson(le), None,
                                           f"lesson_{lesson.name}"))
        e = m.addMenu(self.tr("&Edit"))
        self.undo_action = self._action(self.tr("&Undo"), self._on_undo, "Ctrl+Z", "undoAction")
        self.redo_action = self._action(self.tr("&Redo"), self._on_redo, "Ctrl+Shift+Z", "redoAction")
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        e.addAction(self._action(self.tr("&Clear points"), model.clear_points, None, "clearAction"))
        for c in range(MAX_CLASSES):
            self._action(self.tr("Class {n}").format(n=c + 1), lambda _=False, c=c: model.set_active_class(c),
                         str(c + 1), f"class{c + 1}Action")

        t = m.addMenu(self.tr("&Train"))
        self.play_action = self._action(self.tr("&Play / Pause"), model.toggle_play, "Space", "playAction")
        t.addAction(self.play_action)
        t.addAction(self._action(self.tr("&Step"), lambda: model.step(1), "Right", "stepAction"))
        t.addAction(self._action(self.tr("Step ×&10"), lambda: model.step(10), "Shift+Right", "step10Action"))
        t.addAction(self._action(self.tr("&Reset"), lambda: model.reset(), "R", "resetAction"))
        self._make_view_menu(window, model)
        self._make_language_menu()
        h = m.addMenu(self.tr("&Help"))
        h.addAction(self._action(self.tr("&Shortcuts and how-to"), self._show_help, "F1", "helpAction"))
        h.addAction(self._action(self.tr("&About"), self._show_about, None, "aboutAction"))

    def _action(self, text: str, slot: Callable[..., object], shortcut: Shortcut = None, name: str = "",
                checkable: bool = False, checked: bool = False) -> QAction:
        a = QAction(text, self.w)
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
        self.w.addAction(a)
        return a

    def _make_view_menu(self, window: QMainWindow, model: AppModel) -> None:
        v = window.menuBar().addMenu(self.tr("&View"))
        view = model.view
        self.regions_action = self._action(self.tr("Decision &regions"), lambda on: model.set_view(regions=on), "V",
                                           "regionsAction", checkable=True, checked=view.regions)
        self.hard_action = self._action(self.tr("&Hard argmax regions"), lambda on: model.set_view(hard=on), "H",
                                        "hardAction", checkable=True, checked=view.hard)
        self.contour_action = self._action(self.tr("0.5 &contour"), lambda on: model.set_view(contour=on), "C",
                                           "contourAction", checkable=True, checked=view.contour)
        self.cb_action = self._action(
            self.tr("Colour-&blind-safe palette"),
            lambda on: model.set_view(palette="colorblind" if on else "standard"), None, "paletteAction",
            checkable=True, checked=view.palette == "colorblind")
        self.show_val_action = self._action(self.tr("Show &validation points"),
                                            lambda on: model.set_view(show_val=on), None, "showValAction",
                                            checkable=True, checked=view.show_val)
        self.show_test_action = self._action(self.tr("Show t&est points"), lambda on: model.set_view(show_test=on),
                                             None, "showTestAction", checkable=True, checked=view.show_test)
        self.presentation_action = self._action(self.tr("&Presentation mode"), self.presentation_toggled.emit, "F11",
                                                "presentationAction", checkable=True)
        self.teacher_action = self._action(self.tr("&Teacher mode…"), self._on_teacher_mode, None, "teacherAction")
        for a in (self.regions_action, self.hard_action, self.contour_action, self.show_val_action,
                  self.show_test_action, self.cb_action, self.presentation_action, self.teacher_action):
            v.addAction(a)
        self.plot_toggles = [action_checkbox(a, title, name) for a, title, name in (
            (self.regions_action, self.tr("Regions"), "regionsToggle"),
            (self.hard_action, self.tr("Argmax"), "hardToggle"),
            (self.contour_action, self.tr("0.5 contour"), "contourToggle"),
            (self.show_val_action, self.tr("Validation"), "showValToggle"),
            (self.show_test_action, self.tr("Test"), "showTestToggle"))]
        model.view_changed.connect(self._on_view_changed)
        v.addSeparator()
        d = self.docks
        self.graph_action = d["graph"].toggleViewAction()
        self.graph_action.setShortcut(QKeySequence("G"))
        self.graph_action.setText(self.tr("Computation &graph"))
        window.addAction(self.graph_action)
        for key in ("controls", "data", "loss"):
            v.addAction(d[key].toggleViewAction())
        v.addAction(self.graph_action)
        for key, text, shortcut in (("network", self.tr("&Network view"), "W"),
                                    ("optimizer", self.tr("&Optimizer state"), "O"),
                                    ("scratchpad", self.tr("&Scratchpad"), "E")):
            a = d[key].toggleViewAction()
            a.setShortcut(QKeySequence(shortcut))
            a.setText(text)
            window.addAction(a)
            v.addAction(a)
        self.network_action = d["network"].toggleViewAction()
        self.optimizer_action = d["optimizer"].toggleViewAction()

    @Slot(object)
    def _on_view_changed(self, view: ViewOptions) -> None:
        for action, on in ((self.regions_action, view.regions), (self.hard_action, view.hard),
                           (self.contour_action, view.contour), (self.show_val_action, view.show_val),
                           (self.show_test_action, view.show_test), (self.cb_action, view.palette == "colorblind"),
                           (self.presentation_action, view.presentation)):
            if action.isChecked() != on:
                action.setChecked(on)

    def _make_language_menu(self) -> None:
        lang = self.w.menuBar().addMenu(self.tr("&Language"))
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

    def set_language_checked(self, code: str) -> None:
        """Tick the language in effect (a switch that did not happen leaves the old one ticked)."""
        for c, a in self.language_actions.items():
            a.setChecked(c == code)

    def _fill_panel_exports(self, menu: QMenu, exports: Exports) -> None:
        """One entry a visible panel (dock), each saving that panel as it looks now."""
        menu.clear()
        for d in self.w.findChildren(QDockWidget):
            widget = d.widget()
            if d.isVisibleTo(self.w) and widget is not None:
                menu.addAction(d.windowTitle(), self._exporter(exports, widget, d.objectName().removesuffix("Dock")))

    @staticmethod
    def _exporter(exports: Exports, widget: QWidget, name: str) -> Callable[[], None]:
        return lambda: exports.export_png(widget, name)

    def _on_undo(self) -> None:
        """Ctrl+Z: the latest edit, of the points (through the model: the teacher may have locked them) or of a
        weight typed in the network view."""
        stack = latest_undo((self.model.undo_stack, self.weight_edits))
        if stack is self.model.undo_stack:
            self.model.undo()
        elif stack is not None:
            stack.undo()

    def _on_redo(self) -> None:
        stack = next_redo((self.model.undo_stack, self.weight_edits))
        if stack is self.model.undo_stack:
            self.model.redo()
        elif stack is not None:
            stack.redo()

    def _on_teacher_mode(self) -> None:
        dialog = TeacherDialog(self.w, self.model.teacher)
        dialog.accepted.connect(lambda: self.model.set_teacher(*dialog.choice()))
        dialog.open()

    def _show_help(self) -> None:
        box = HelpDialog(QCoreApplication.translate("Help", SHORTCUTS_HTML), self.tr("Shortcuts and how-to"), self.w)
        box.open()

    def _show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About micrograd GUI"),
                          self.tr("micrograd GUI {version}\nA scalar autograd engine you can watch learn.").format(
                              version=__version__), QMessageBox.StandardButton.Close, self.w)
        box.setObjectName("aboutDialog")
        box.open()
