"""A crash loop: the app killed with -9 again and again before anyone answers the offer. Every crash's autosave is
kept (none written over), each loads; the next start offers the oldest, restores it, and keeps the others."""

from __future__ import annotations

import signal

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QPushButton
from test_crash_recovery import facts, run
from uihelpers import wait_snapshot

from micrograd_gui.core.files import session_file
from micrograd_gui.core.files.atomic import is_temporary

CRASHES = 3


def folder_of(home):
    return home / "config" / "micrograd_gui"


@pytest.fixture
def settings(tmp_path):
    """The settings the killed runs used (as QSettings names them under XDG_CONFIG_HOME), for the window here."""
    return QSettings(str(folder_of(tmp_path) / "micrograd_gui.conf"), QSettings.Format.IniFormat)


def recovery_files(folder):
    return sorted(folder.glob("recovery-*.json"))


def test_a_crash_loop_keeps_every_autosave_until_the_user_answers(qtbot, make_window, settings, tmp_path):
    folder = folder_of(tmp_path)
    kept: list[bytes] = []  # what each crash left, in order
    for _ in range(CRASHES):
        done = run("train", tmp_path)  # plays until an autosave holds 20 steps or more, then kill -9 of itself
        assert done.returncode == -signal.SIGKILL, done.stdout + done.stderr
        assert "Traceback" not in done.stderr and facts(done.stdout)["settings"] == settings.fileName()
        kept.append((folder / "recovery-session.json").read_bytes())
        files = recovery_files(folder)
        assert sorted(p.read_bytes() for p in files) == sorted(kept)  # every crash's work, none written over
        assert all(session_file.load(p).state.step >= 20 for p in files)
        assert not [p.name for p in folder.iterdir() if is_temporary(p.name)]

    w = make_window()  # the next start, here for speed: same settings folder, the user answers this time
    assert w.message.isVisible() and "did not close normally" in w.message.text.text()
    offered = w.sessions.offered
    assert offered.read_bytes() == kept[0]  # the oldest first
    oldest = session_file.load(offered).state
    run_before = w.controller.last.run
    qtbot.mouseClick(w.message.findChild(QPushButton, "messageAction0"), Qt.MouseButton.LeftButton)  # Restore
    snap = wait_snapshot(qtbot, w, lambda s: s.run > run_before)
    assert snap.step == oldest.step and w.model.data == oldest.data and (snap.theta == oldest.theta).all()
    qtbot.waitUntil(lambda: not offered.exists())  # let go once this window's own autosave holds it
    own = w.sessions.recovery
    assert session_file.load(own).state.step == oldest.step
    w.close()
    left = recovery_files(folder)
    assert own not in left and sorted(p.read_bytes() for p in left) == sorted(kept[1:])  # still offered next time
