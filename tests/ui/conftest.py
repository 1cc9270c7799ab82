"""UI fixtures: a MainWindow with throw-away settings whose training thread is always joined."""

from __future__ import annotations

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings
from uihelpers import wait_snapshot

from micrograd_gui.core.presets import get_preset
from micrograd_gui.ui.main_window import MainWindow

pg.setConfigOption("mouseRateLimit", 0)  # pyqtgraph drops faster mouse moves otherwise


@pytest.fixture
def settings(tmp_path_factory):
    # a folder of their own, outside tmp_path: the autosave and its lock lie beside them, apart from what a test saves
    return QSettings(str(tmp_path_factory.mktemp("settings") / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    made = []

    def make(config=None, show=True):
        w = MainWindow(config or get_preset("llm101n").config, settings=settings)
        qtbot.addWidget(w)
        w.model.set_rate(0.0)  # as fast as possible (the app opens at a pace a class can watch)
        made.append(w)
        if show:
            w.show()
            qtbot.waitExposed(w)
        wait_snapshot(qtbot, w, lambda s: True)
        return w

    yield make
    for w in made:
        w.close()  # stops and joins the training thread
        assert not w.controller.training_thread.isRunning()


@pytest.fixture
def window(make_window):
    return make_window()
