"""Saving over a file when the write fails half-way: an error is shown and the user's file is intact."""

import errno
import os

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from micrograd_gui.core.files import atomic

OLD = '{"the user\'s": "precious session"}'


class HalfWrite:
    """A file that writes half of what it is given, then fails as a full disk does."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()

    def write(self, text):
        self.f.write(text[: len(text) // 2])
        self.f.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.f, name)


def fail_mid_write(monkeypatch):
    real = os.fdopen
    monkeypatch.setattr(atomic.os, "fdopen", lambda *a, **k: HalfWrite(real(*a, **k)))


def fail_at_fsync(monkeypatch):
    def boom(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", boom)


def fail_at_rename(monkeypatch):
    def boom(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", boom)


FAILURES = {"mid-write": (fail_mid_write, "No space left on device"), "fsync": (fail_at_fsync, "Input/output error"),
            "rename": (fail_at_rename, "Permission denied")}


@pytest.mark.parametrize("failure", FAILURES)
def test_save_over_a_file_failing_half_way_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch, failure):
    w = window
    path = tmp_path / "mine.json"
    path.write_text(OLD)
    make_it_fail, reason = FAILURES[failure]
    make_it_fail(monkeypatch)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    with qtbot.assertNotEmitted(w.sessions.saved, wait=0):
        qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # no file yet: Save asks where
        qtbot.waitUntil(lambda: w.message.isVisible())
    text = w.message.text.text()
    assert w.message.kind == "error" and f"Could not save to {path}" in text and reason in text
    assert "Your file is unchanged" in text
    assert path.read_text() == OLD and [p.name for p in tmp_path.iterdir()] == ["mine.json"]  # no temporary left
    assert w.sessions.path is None and str(path) not in w.sessions.recent()

    monkeypatch.undo()  # the disk works again: the same Save now replaces the file
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(w.sessions.saved):
        qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert path.read_text().startswith('{"format":"micrograd-gui-session"')


def test_csv_export_over_a_file_failing_half_way_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    path = tmp_path / "points.csv"
    path.write_text("x,y,label\n0.5,0.5,1\n")
    fail_mid_write(monkeypatch)
    window.sessions.export_csv_path(str(path))
    assert window.message.kind == "error" and "No space left on device" in window.message.text.text()
    assert path.read_text() == "x,y,label\n0.5,0.5,1\n" and len(list(tmp_path.iterdir())) == 1
