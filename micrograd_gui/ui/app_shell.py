"""The application shell: opens the main window in the remembered language and rebuilds it to switch live."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.trainer import TrainerState

from . import i18n
from .main_window import MainWindow

STATE_TIMEOUT_MS = 3000  # a worker without a trainer never answers: switch anyway, with the shown settings


class AppShell(QObject):
    """Owns the current MainWindow. A new language means a new window, built with the new translator
    installed, that continues the old one's session: data, weights, optimizer state, step, curves, view."""

    window_replaced = Signal(object)  # the new MainWindow

    def __init__(self, app: QApplication, settings: QSettings | None = None):
        super().__init__()  # no parent: whoever starts it keeps it (cli.run_gui for the app's lifetime)
        self.app = app
        self.settings = settings if settings is not None else QSettings("micrograd_gui", "micrograd_gui")
        self.window: MainWindow | None = None
        self._switching: str | None = None
        self._was_running = False
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(STATE_TIMEOUT_MS)
        self._timeout.timeout.connect(lambda: self._replace(None))
        app.aboutToQuit.connect(self._on_about_to_quit)

    def start(self, config: TrainConfig | None = None) -> MainWindow:
        """Install the remembered language (else the system's) and build the first window, not yet shown."""
        i18n.install(self.app, i18n.saved_language(self.settings))
        self.window = self._make(config)
        return self.window

    def _make(self, config: TrainConfig | None) -> MainWindow:
        w = MainWindow(config, settings=self.settings)
        w.menus.language_requested.connect(self.switch)
        return w

    # ---- switching ----------------------------------------------------------------------------
    @Slot(str)
    def switch(self, language: str) -> None:
        """Remember `language` and rebuild the window in it, once the worker has sent its state."""
        old = self.window
        if language not in i18n.LANGUAGES or old is None or self._switching is not None:
            return
        if language == i18n.current():
            old.set_language_checked(language)
            return
        if old.recorder.recording:  # the frames belong to the window; say so instead of losing them
            old.set_language_checked(i18n.current())
            old.model.say(self.tr("Stop the recording (File ▸ Record) before switching the language."), "warning")
            return
        if old.exports.saving is not None:  # closing the window would stop the save half-way
            old.set_language_checked(i18n.current())
            old.model.say(self.tr("The recording is still being saved: switch the language when it is done."),
                          "warning")
            return
        self.settings.setValue(i18n.SETTINGS_KEY, language)
        self._switching = language
        self._was_running = old.controller.running
        old.controller.state_ready.connect(self._on_state_ready)
        self._timeout.start()
        old.controller.pause()  # the state and the curves then end at the same step; the new window plays on
        old.controller.request_state()

    @Slot(object)
    def _on_state_ready(self, state: TrainerState) -> None:
        self._replace(state)

    def _replace(self, state: TrainerState | None) -> None:
        old, language = self.window, self._switching
        if old is None or language is None:
            return
        self._timeout.stop()
        old.controller.state_ready.disconnect(self._on_state_ready)
        self._switching = None
        session = old.sessions.session(state) if state is not None else None
        running = self._was_running
        # carried over to the new window
        path, rate = old.sessions.path, old.model.rate
        log_scale, presentation = old.loss_plot.log_scale.isChecked(), old.model.view.presentation
        config = old.model.applied
        quit_on_close = self.app.quitOnLastWindowClosed()
        self.app.setQuitOnLastWindowClosed(False)  # for the moment no window is open
        try:
            old.close()  # joins its training thread and saves the window layout, which the new one restores
            old.deleteLater()
            i18n.install(self.app, language)
            new = self._make(config)
            self.window = new
            new.model.set_rate(rate)  # before the session's teacher choices, which may lock the pace
            if session is not None:
                new.sessions.apply(session, with_lesson=True)
                new.model.undo_stack.clear()  # the old window's edits cannot be undone in this one
            new.sessions.path = path
            new.loss_plot.log_scale.setChecked(log_scale)
            new.show()
            if presentation:
                new.menus.presentation_action.setChecked(True)
            new.activateWindow()
            if running:
                new.controller.play()
        finally:
            self.app.setQuitOnLastWindowClosed(quit_on_close)
        self.window_replaced.emit(new)

    @Slot()
    def _on_about_to_quit(self) -> None:
        if self.window is not None:
            self.window.close()  # joins the training thread before Qt tears down
