"""File menu work: save / open sessions, recent files, autosave and crash recovery, points as CSV."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QStatusBar, QWidget

from micrograd_gui.core.files import csv_file, session_file
from micrograd_gui.core.files.atomic import clean_stale_temporaries
from micrograd_gui.core.files.session_file import Session, SessionError
from micrograd_gui.core.trainer import TrainerState

from .app_model import AppModel
from .recovery_files import RecoveryFiles

MAX_RECENT = 8
BACKGROUND_BYTES = 4 * 2**20  # a session file bigger than this is read off the GUI thread (a long curve: seconds)
AUTOSAVE_MS = 20_000


def autosave_ms() -> int:
    """The autosave period: AUTOSAVE_MS, or MICROGRAD_GUI_AUTOSAVE_MS when set (the crash-recovery test uses a
    short one so it can kill the app a moment after an autosave); an unusable value keeps the default."""
    try:
        return max(50, int(os.environ.get("MICROGRAD_GUI_AUTOSAVE_MS", AUTOSAVE_MS)))
    except ValueError:
        return AUTOSAVE_MS


def recovery_path(settings: QSettings) -> Path:
    """The autosave sits beside the settings file, so each user (and each test) has its own."""
    return Path(settings.fileName()).with_name("recovery-session.json")


class DockLayout(Protocol):
    """Which panels a session shows: the window's docks by object name."""

    def visible_docks(self) -> list[str]: ...

    def show_docks(self, names: list[str]) -> None: ...


class SessionActions(QObject):
    """Turns File-menu intents into worker requests and file I/O; reports problems through the model."""

    saved = Signal(str)
    opened = Signal(str)
    _read_done = Signal(int, str, object)  # open serial, path, Session or SessionError: from the reading thread

    def __init__(self, model: AppModel, settings: QSettings, parent: QWidget, layout: DockLayout,
                 status: QStatusBar):
        super().__init__(parent)
        self.model, self.settings, self.parent_widget, self.layout, self.status = (model, settings, parent, layout,
                                                                                  status)
        self.path: str | None = None
        self._open_serial = 0
        self._read_done.connect(self._on_read_done)
        self._after_state: list[Callable[[TrainerState], object]] = []  # what they return is not used
        model.controller.state_ready.connect(self._on_state_ready)
        self.files = RecoveryFiles(recovery_path(settings).parent)
        self.offered: Path | None = None  # the autosave offered in the message bar now
        self._offer_text = ""
        self._autosave_told = False
        self._clean_leftovers()
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms())
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    def _clean_leftovers(self) -> None:
        """Temporaries a killed save left beside the files this app knows (the settings' folder and the recent
        files', at most MAX_RECENT): a user's own files are left alone."""
        folders = {self.files.folder}
        for p in self.recent()[:MAX_RECENT]:
            if "\0" not in p and os.path.isabs(p):
                folders.add(Path(p).parent)
        for folder in sorted(folders):
            clean_stale_temporaries(folder)

    # ---- state from the worker ----------------------------------------------------------------
    def _with_state(self, then: Callable[[TrainerState], object]) -> None:
        self._after_state.append(then)
        self.model.controller.request_state()

    @Slot(object)
    def _on_state_ready(self, state: TrainerState) -> None:
        if self._after_state:
            self._after_state.pop(0)(state)

    def session(self, state: TrainerState) -> Session:
        return self.model.to_session(state, self.layout.visible_docks())

    # ---- save ---------------------------------------------------------------------------------
    def save_to(self, path: str) -> None:
        self._with_state(lambda st: self._write(path, st))

    def _write(self, path: str, state: TrainerState) -> None:
        try:
            session_file.save(path, self.session(state))
        except OSError as e:
            self.model.say(self.tr("Could not save to {path}: {error}. Your file is unchanged.").format(
                path=path, error=e.strerror or e), "error")
            return
        self.path = path
        self._remember(path)
        self.status.showMessage(self.tr("Saved {name}").format(name=Path(path).name), 4000)
        self.saved.emit(path)

    def save(self) -> None:
        if self.path:
            self.save_to(self.path)
        else:
            self.save_as()

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Save session"),
                                              self.path or "session.mgs.json",
                                              self.tr("micrograd GUI session (*.json)"))
        if path:
            self.save_to(path)

    # ---- open ---------------------------------------------------------------------------------
    def open_path(self, path: str) -> bool:
        """Open a session: True once the window shows it, or, for a big file (over BACKGROUND_BYTES), once it is
        being read off the GUI thread (the window keeps the old session meanwhile; `opened` or a message follows)."""
        if not self.model.allowed(tuple(sorted(self.model.teacher.locked))):  # a session replaces them all
            return False
        self._open_serial += 1  # a big file still being read is superseded
        try:
            big = os.stat(path).st_size > BACKGROUND_BYTES
        except OSError:
            big = False  # the loader names the problem
        if big:
            serial = self._open_serial
            threading.Thread(target=self._read, args=(serial, path), daemon=True, name="open-session").start()
            self.status.showMessage(self.tr("Opening {name}…").format(name=Path(path).name))
            return True
        try:
            s = session_file.load(path)
        except SessionError as e:
            self._refuse(path, e)
            return False
        self._show(path, s)
        return True

    def _read(self, serial: int, path: str) -> None:
        """In a background thread: json_pieces lets the GUI thread run between slices of a long curve."""
        result: Session | SessionError
        try:
            result = session_file.load(path)
        except SessionError as e:
            result = e
        except MemoryError:
            result = SessionError("there is not enough memory to read it")
        try:
            self._read_done.emit(serial, path, result)
        except RuntimeError:  # the window closed while the file was read
            pass

    @Slot(int, str, object)
    def _on_read_done(self, serial: int, path: str, result: Session | SessionError) -> None:
        if serial != self._open_serial:  # another file was opened since
            return
        self.status.clearMessage()
        if isinstance(result, SessionError):
            self._refuse(path, result)
        elif self.model.allowed(tuple(sorted(self.model.teacher.locked))):  # a teacher may have locked meanwhile
            self._show(path, result)

    def _refuse(self, path: str, e: SessionError) -> None:
        self.model.say(self.tr("Could not open {name}: {error}. Nothing was changed.").format(
            name=Path(path).name, error=e), "error")

    def _show(self, path: str, s: Session) -> None:
        self.apply(s)
        self.path = path
        self._remember(path)
        self.opened.emit(path)

    def apply(self, s: Session, with_lesson: bool = False) -> None:
        """Continue a session in this window: its panels first, so the restored run's snapshots carry them. The
        window then holds no file of the user's until the caller says which (Open) or none (Restore of an autosave):
        Ctrl+S never writes this session over the file shown before."""
        self.path = None
        self.model.dismissed.emit("error")  # a refusal of the file tried before this one no longer applies
        docks = s.ui.get("docks")
        if isinstance(docks, list):
            self.layout.show_docks([d for d in docks if isinstance(d, str)])
        self.model.restore(s, with_lesson)

    def open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Open session"), "",
                                              self.tr("micrograd GUI session (*.json)"))
        if path:
            self.open_path(path)

    def recent(self) -> list[str]:
        value = self.settings.value("recent", [])  # QSettings gives one path back as a str, several as a list
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [p for p in items if isinstance(p, str)]

    def _remember(self, path: str) -> None:
        items = [p for p in self.recent() if p != path]
        self.settings.setValue("recent", [path, *items][:MAX_RECENT])

    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        paths = self.recent()
        for p in paths:
            menu.addAction(Path(p).name, self._opener(p)).setToolTip(p)
        if not paths:
            menu.addAction(self.tr("(none yet)")).setEnabled(False)

    def _opener(self, path: str) -> Callable[[], object]:
        return lambda: self.open_path(path)

    # ---- autosave and recovery ----------------------------------------------------------------
    @property
    def recovery(self) -> Path | None:
        """This window's own autosave; None when it has none (a folder that takes no file, too many windows)."""
        return self.files.autosave

    @Slot()
    def autosave(self) -> None:
        self._with_state(self._write_recovery)

    def _write_recovery(self, state: TrainerState) -> bool:
        target = self.files.autosave
        if target is None:
            self._tell_autosave_failed(self._why_no_autosave())
            return False
        try:
            session_file.save(target, self.session(state))
        except OSError as e:
            self._tell_autosave_failed(self.tr("Autosave failed: {error}. Save your work with Ctrl+S; autosave "
                                               "keeps trying.").format(error=e.strerror or e))
            return False
        self._autosave_told = False  # it works again: a new failure is worth telling
        return True

    def _why_no_autosave(self) -> str:
        if self.files.refused:
            return self.tr("Autosave is off: {folder} does not accept new files. Save your work with Ctrl+S.").format(
                folder=self.files.folder)
        return self.tr("Autosave is off: too many windows are open. Save your work with Ctrl+S.")

    def _tell_autosave_failed(self, text: str) -> None:
        """Once, not every 20 s; over an unanswered offer it joins the offer instead of hiding it."""
        if self._autosave_told:
            return
        self._autosave_told = True
        if self.offered is not None:
            self.model.say(self._offer_text + " " + text, "warning", self._offer_actions())
        else:
            self.model.say(text, "warning")

    def pending_recovery(self) -> Path | None:
        """The oldest autosave of a window that died, not yet restored or discarded."""
        offers = self.files.offers()
        return offers[0] if offers else None

    def restore_recovery(self) -> bool:
        """Open the offered autosave (not as the user's file, nor a recent one); it becomes this run's autosave."""
        offered = self.offered or self.pending_recovery()
        if offered is None:
            return False
        try:
            s = session_file.load(offered)
        except SessionError as e:  # kept, so the user decides; the banner stays (the bar hides before this runs)
            self.model.say(self.tr("Could not restore the autosaved session: {error}.").format(error=e), "error",
                           ((self.tr("Discard"), self.discard_recovery),))
            return False
        self.offered, self._offer_text = None, ""
        self.apply(s)
        self.opened.emit(str(offered))

        def keep(state: TrainerState) -> None:  # only once this run's autosave holds it is the offer let go
            if self._write_recovery(state):
                try:
                    offered.unlink(missing_ok=True)
                except OSError:
                    pass  # offered again at the next start: nothing is lost

        self._with_state(keep)
        return True  # other offers, if several windows died, wait for the next start: this one is not replaced

    def offer_recovery(self) -> None:
        """Offer the autosave of a window that did not close normally; else say what this window's autosave is."""
        if self._offer_next():
            return
        if self.files.others_open:
            self.model.say(self.tr("A session is already open in another window. This window keeps its own "
                                   "autosave."), "info")
        elif self.files.autosave is None:
            self._tell_autosave_failed(self._why_no_autosave())

    def _offer_next(self) -> bool:
        from datetime import datetime

        self.offered, self._offer_text = None, ""
        path = self.pending_recovery()
        if path is None:
            return False
        try:
            when = datetime.fromtimestamp(path.stat().st_mtime).strftime(self.tr("%H:%M on %d %b"))
        except (OSError, ValueError):
            return False
        self.offered = path
        self._offer_text = self.tr("The app did not close normally last time. Restore the session autosaved at "
                                   "{when}?").format(when=when)
        self.model.say(self._offer_text, "warning", self._offer_actions())
        return True

    def _offer_actions(self) -> tuple[tuple[str, Callable[[], object]], ...]:
        return (self.tr("Restore"), self.restore_recovery), (self.tr("Discard"), self.discard_recovery)

    def discard_recovery(self) -> None:
        """The user discards the offer: it goes, and the next one (if more windows died) is offered."""
        offered, self.offered, self._offer_text = self.offered, None, ""
        if offered is not None:
            try:
                if offered.is_file():  # a folder put in its place is not ours to remove
                    offered.unlink(missing_ok=True)
            except OSError as e:
                self.model.say(self.tr("Could not remove the autosave {path}: {error}.").format(
                    path=offered, error=e.strerror or e), "error")
                return
        self._offer_next()

    def clean_exit(self) -> None:
        """Closing: this window's autosave goes, offers not answered stay for the next start; never raises."""
        self.autosave_timer.stop()
        self.files.release()

    # ---- points as CSV and pictures -----------------------------------------------------------
    def import_csv_path(self, path: str) -> bool:
        try:
            data = csv_file.read(path)
        except csv_file.CsvError as e:
            self.model.say(self.tr("Could not import {name}: {error}").format(name=Path(path).name,
                                                                                            error=e), "error")
            return False
        return self.model.replace_points(data, f"import {Path(path).name}")

    def export_csv_path(self, path: str) -> None:
        try:
            csv_file.write(path, self.model.data)
        except OSError as e:
            self.model.say(self.tr("Could not write {path}: {error}").format(path=path,
                                                                                           error=e.strerror or e),
                                        "error")

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.parent_widget, self.tr("Import points"), "", "CSV (*.csv *.txt)")
        if path:
            self.import_csv_path(path)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.parent_widget, self.tr("Export points"), "points.csv", "CSV (*.csv)")
        if path:
            self.export_csv_path(path)
