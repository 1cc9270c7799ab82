"""A settings folder that refuses the autosave (read-only, full, a folder where a recovery file should be): the
user is told once, closing never raises, and geometry and state are still kept where they can be."""

from __future__ import annotations

import errno
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QPushButton
from uihelpers import wait_snapshot

from micrograd_gui.core.files import session_file
from micrograd_gui.core.presets import get_preset
from micrograd_gui.ui.main_window import MainWindow

OFFER_TEXT = "did not close normally"


@contextmanager
def tmpfs(path: Path, size: str = "64k"):
    """A tiny tmpfs of our own under tmp_path, always unmounted; the test is skipped where mounting is not allowed."""
    path.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command: the read-only and full folder cases need a tmpfs of their own")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path)],
                          capture_output=True, text=True)
    if done.returncode != 0:  # not root, or in a container without the capability: permission bits do not stop root
        pytest.skip(f"cannot mount a tmpfs here ({done.stderr.strip()}): the read-only and full folder cases need one")
    try:
        yield path
    finally:  # lazily if a file in it is still open (a window a failed test left): it goes once that closes
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


def read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Write until the disk is full."""
    with open(folder / "filler", "wb", buffering=0) as f:
        try:
            while True:
                f.write(b"x" * 4096)
        except OSError as e:
            assert e.errno == errno.ENOSPC


def open_window(qtbot, settings: QSettings) -> MainWindow:
    w = MainWindow(get_preset("llm101n").config, settings=settings)
    qtbot.addWidget(w)
    w.model.set_rate(0.0)
    w.show()
    qtbot.waitExposed(w)
    wait_snapshot(qtbot, w, lambda s: True)
    return w


def autosave(qtbot, w) -> None:
    """One autosave, done (the window asks the worker for its state first)."""
    with qtbot.waitSignal(w.controller.state_ready):
        w.sessions.autosave()


def an_autosave(qtbot, make_window, step) -> bytes:
    a = make_window()
    for _ in range(step):
        a.controls.step.click()
    wait_snapshot(qtbot, a, lambda s: s.step == step)
    autosave(qtbot, a)
    return Path(a.sessions.recovery).read_bytes()


def told_once(qtbot, w, words: str) -> None:
    assert w.message.isVisible() and words in w.message.text.text()
    with qtbot.assertNotEmitted(w.model.message):  # every 20 s would bury everything else
        autosave(qtbot, w)


def closes_cleanly(w) -> None:
    w.close()  # an exception here fails the test (pytest-qt catches what a Qt virtual raises)
    assert isinstance(w.settings.value("window/geometry"), QByteArray)  # the close got as far as the geometry
    assert not w.controller.training_thread.isRunning()


def test_a_read_only_settings_folder(qtbot, make_window, tmp_path):
    crashed = an_autosave(qtbot, make_window, 3)
    with tmpfs(tmp_path / "config") as config:
        (config / "recovery-session.json").write_bytes(crashed)
        read_only(config)
        w = open_window(qtbot, QSettings(str(config / "settings.ini"), QSettings.Format.IniFormat))
        assert w.message.isVisible() and OFFER_TEXT in w.message.text.text()  # offered where it lies
        autosave(qtbot, w)
        text = w.message.text.text()
        assert OFFER_TEXT in text and "Autosave is off" in text and str(config) in text  # joined, not hidden
        told_once(qtbot, w, "Autosave is off")
        restore = [b for b in w.message.findChildren(QPushButton, "messageAction0") if b.isVisible()][0]
        qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
        wait_snapshot(qtbot, w, lambda s: s.step == 3)
        closes_cleanly(w)
        assert (config / "recovery-session.json").read_bytes() == crashed  # nothing lost


def test_a_full_settings_folder(qtbot, tmp_path):
    with tmpfs(tmp_path / "config") as config:
        fill(config)
        w = open_window(qtbot, QSettings(str(config / "settings.ini"), QSettings.Format.IniFormat))
        autosave(qtbot, w)
        assert w.message.kind == "warning" and "Save your work with Ctrl+S" in w.message.text.text()
        told_once(qtbot, w, "Autosave")
        closes_cleanly(w)


def test_a_settings_folder_filling_up_while_the_window_is_open(qtbot, tmp_path):
    with tmpfs(tmp_path / "config") as config:
        w = open_window(qtbot, QSettings(str(config / "settings.ini"), QSettings.Format.IniFormat))
        autosave(qtbot, w)
        assert session_file.load(w.sessions.recovery).state.step == 0
        w.sessions.recovery.unlink()
        fill(config)
        autosave(qtbot, w)
        assert w.message.kind == "warning" and "Autosave failed" in w.message.text.text()
        assert "No space left on device" in w.message.text.text()
        told_once(qtbot, w, "Autosave failed")
        (config / "filler").unlink()  # room again: the autosave works, and a new failure would be told
        autosave(qtbot, w)
        assert session_file.load(w.sessions.recovery).state.step == 0
        closes_cleanly(w)
        assert not w.sessions.recovery.exists()


@pytest.mark.parametrize("name", ["recovery-offered.json", "recovery-offered-0-1.json", "recovery-session.json"])
def test_a_folder_where_a_recovery_file_should_be(qtbot, make_window, settings, name):
    folder = Path(settings.fileName()).parent
    (folder / name).mkdir()
    (folder / name / "inside.txt").write_text("the user's")
    w = make_window()
    assert not (w.message.isVisible() and OFFER_TEXT in w.message.text.text())  # a folder is nothing to restore
    autosave(qtbot, w)
    assert session_file.load(w.sessions.recovery).state.step == 0  # its autosave went elsewhere
    closes_cleanly(w)
    assert (folder / name / "inside.txt").read_text() == "the user's"
