"""File menu work: save / open sessions, recent files, autosave and crash recovery, CSV, PNG exports."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QFileDialog, QMenu, QWidget

from micrograd_gui.core.files import csv_file, session_file
from micrograd_gui.core.files.session_file import Session, SessionError
from micrograd_gui.core.trainer import TrainerState

if TYPE_CHECKING:
    from .main_window import MainWindow

MAX_RECENT = 8
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


class SessionActions(QObject):
    """Turns File-menu intents into worker requests and file I/O; reports problems in the message bar."""

    saved = Signal(str)
    opened = Signal(str)

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.w = window
        self.path: str | None = None
        self._after_state: list[Callable[[TrainerState], object]] = []  # what they return is not used
        window.controller.state_ready.connect(self._on_state_ready)
        self.recovery = recovery_path(window.settings)
        # what a run that did not close normally left is moved aside before this run autosaves over it, and
        # stays there until the user restores or discards it
        self.offered = self.recovery.with_name("recovery-offered.json")
        if self.recovery.exists():
            try:
                os.replace(self.recovery, self.offered)
            except OSError:
                pass
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(autosave_ms())
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()

    # ---- state from the worker ----------------------------------------------------------------
    def _with_state(self, then: Callable[[TrainerState], object]) -> None:
        self._after_state.append(then)
        self.w.controller.request_state()

    @Slot(object)
    def _on_state_ready(self, state: TrainerState) -> None:
        if self._after_state:
            self._after_state.pop(0)(state)

    def session(self, state: TrainerState) -> Session:
        tx, ty, vx, vy = self.w.loss_plot.series()
        curves = {"train": [[float(a), float(b)] for a, b in zip(tx, ty)],
                  "val": [[float(a), float(b)] for a, b in zip(vx, vy)]}
        return Session(state, curves, self.w.ui_state())

    # ---- save ---------------------------------------------------------------------------------
    def save_to(self, path: str) -> None:
        self._with_state(lambda st: self._write(path, st))

    def _write(self, path: str, state: TrainerState) -> None:
        try:
            session_file.save(path, self.session(state))
        except OSError as e:
            self.w.message.show_message(self.tr("Could not save to {path}: {error}. Your file is unchanged.").format(
                path=path, error=e.strerror or e), "error")
            return
        self.path = path
        self._remember(path)
        self.w.statusBar().showMessage(self.tr("Saved {name}").format(name=Path(path).name), 4000)
        self.saved.emit(path)

    def save(self) -> None:
        if self.path:
            self.save_to(self.path)
        else:
            self.save_as()

    def save_as(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Save session"), self.path or "session.mgs.json",
                                              self.tr("micrograd GUI session (*.json)"))
        if path:
            self.save_to(path)

    # ---- open ---------------------------------------------------------------------------------
    def open_path(self, path: str) -> bool:
        try:
            s = session_file.load(path)
        except SessionError as e:
            self.w.message.show_message(self.tr("Could not open {name}: {error}. Nothing was changed.").format(
                name=Path(path).name, error=e), "error")
            return False
        self.apply(s)
        self.path = path
        self._remember(path)
        self.opened.emit(path)
        return True

    def apply(self, s: Session) -> None:
        self.w.restore_session(s)

    def open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Open session"), "",
                                              self.tr("micrograd GUI session (*.json)"))
        if path:
            self.open_path(path)

    def recent(self) -> list[str]:
        value = self.w.settings.value("recent", [])  # QSettings gives one path back as a str, several as a list
        items: list[object] = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
        return [p for p in items if isinstance(p, str)]

    def _remember(self, path: str) -> None:
        items = [p for p in self.recent() if p != path]
        self.w.settings.setValue("recent", [path, *items][:MAX_RECENT])

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
    @Slot()
    def autosave(self) -> None:
        self._with_state(self._write_recovery)

    def _write_recovery(self, state: TrainerState) -> bool:
        try:
            self.recovery.parent.mkdir(parents=True, exist_ok=True)
            session_file.save(self.recovery, self.session(state))
        except OSError:
            return False  # autosave is best effort; the status bar would only distract
        return True

    def pending_recovery(self) -> Path | None:
        return self.offered if self.offered.exists() else None

    def restore_recovery(self) -> bool:
        """Open the offered autosave (not as the user's file, nor a recent one); it becomes this run's autosave."""
        offered = self.offered
        try:
            s = session_file.load(offered)
        except SessionError as e:
            self.w.message.show_message(f"Could not restore the autosaved session: {e}.", "error")
            return False
        self.apply(s)
        self.opened.emit(str(offered))

        def keep(state: TrainerState) -> None:  # only once this run's autosave holds it is the offer let go
            if self._write_recovery(state):
                offered.unlink(missing_ok=True)

        self._with_state(keep)
        return True

    def discard_recovery(self) -> None:
        """Nothing to recover: after a clean exit, or when the user discards the offer."""
        self.recovery.unlink(missing_ok=True)
        self.offered.unlink(missing_ok=True)

    # ---- points as CSV and pictures -----------------------------------------------------------
    def import_csv_path(self, path: str) -> bool:
        try:
            data = csv_file.read(path)
        except csv_file.CsvError as e:
            self.w.message.show_message(self.tr("Could not import {name}: {error}").format(name=Path(path).name,
                                                                                            error=e), "error")
            return False
        self.w.replace_data(data, f"import {Path(path).name}")
        return True

    def export_csv_path(self, path: str) -> None:
        try:
            csv_file.write(path, self.w.data_model.data)
        except OSError as e:
            self.w.message.show_message(self.tr("Could not write {path}: {error}").format(path=path,
                                                                                           error=e.strerror or e),
                                        "error")

    def import_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Import points"), "", "CSV (*.csv *.txt)")
        if path:
            self.import_csv_path(path)

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export points"), "points.csv", "CSV (*.csv)")
        if path:
            self.export_csv_path(path)

    def toggle_recording(self, on: bool) -> None:
        """Start recording the plane; on stop, save the frames as a GIF (or PNG frames into a folder)."""
        rec = self.w.recorder
        if on:
            rec.start(self.w.data_panel)
            self.w.statusBar().showMessage(self.tr("Recording the plane… choose File ▸ Record again to stop and save"))
            return
        rec.stop()
        if not rec.frames:
            return
        # the PNG choice is told by its filter, so its translation keeps the word PNG and the GIF one has none
        path, kind = QFileDialog.getSaveFileName(self.w, self.tr("Save the recording"), "training.gif",
                                                 self.tr("Animated GIF (*.gif)") + ";;"
                                                 + self.tr("PNG frames into a folder (*)"))
        if path:
            self.save_recording(path, png_frames="PNG" in kind)

    def save_recording(self, path: str, png_frames: bool = False) -> None:
        rec = self.w.recorder
        try:
            n = rec.save_png_sequence(path) if png_frames else rec.save_gif(path)
        except (OSError, ValueError) as e:
            self.w.message.show_message(self.tr("Could not save the recording to {path}: {error}").format(
                path=path, error=e), "error")
            return
        self.w.statusBar().showMessage(self.tr("Saved {n} frames to {name}").format(n=n, name=Path(path).name), 5000)

    def export_png(self, widget: QWidget, name: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Export as PNG"), f"{name}.png", "PNG (*.png)")
        if path and not widget.grab().save(path):
            self.w.message.show_message(self.tr("Could not write {path}.").format(path=path), "error")
