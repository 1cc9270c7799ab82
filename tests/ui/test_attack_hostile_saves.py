"""Saves through the window onto a real full disk (a 64 KiB tmpfs of our own), through a symlink, and with names of
the longest legal length: the user's old file intact and a banner when it fails, the right file when it works."""

from __future__ import annotations

import os
import stat

import pytest
from malformed_files import good_session_text
from PySide6.QtWidgets import QFileDialog
from tiny_mounts import read_only, tmpfs

from micrograd_gui.core.datasets import Dataset
from micrograd_gui.core.files import csv_file, session_file
from micrograd_gui.core.files.atomic import is_temporary

OLD_CSV = "x,y,label\n0.5,0.5,1\n"


def many_points(n: int) -> Dataset:
    """n points spread over the plane with long decimals: a session and a CSV of several times 64 KiB."""
    return Dataset.from_points([((i * 7919 % 20011) / 100.3 - 99.7, (i * 104729 % 19997) / 100.3 - 99.7, i % 2)
                                for i in range(n)])


def banner(w) -> str:
    return w.message.text.text() if w.message.isVisible() else ""


def save_as(qtbot, w, monkeypatch, target) -> None:
    """File ▸ Save As… to target; returns once the window saved or said why not."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    w.message.hide()
    saved: list[str] = []
    w.sessions.saved.connect(saved.append)
    try:
        w.sessions.save_as()
        qtbot.waitUntil(lambda: bool(saved or banner(w)))
    finally:
        w.sessions.saved.disconnect(saved.append)


@pytest.mark.parametrize("points", [4000, 1000])  # bigger than the disk; fits alone, but not beside the old file
def test_save_as_onto_a_full_disk_keeps_the_old_session(qtbot, window, tmp_path, monkeypatch, points):
    w = window
    assert w.model.replace_points(many_points(points), "many points")
    with tmpfs(tmp_path / "full", "64k") as folder:
        target = folder / "mine.json"
        old = good_session_text() + " " * (30_000 if points == 1000 else 0)  # the old file leaves too little room
        target.write_text(old)
        save_as(qtbot, w, monkeypatch, target)
        text = banner(w)
        assert w.message.kind == "error" and f"Could not save to {target}" in text
        assert "No space left on device" in text and "Your file is unchanged" in text
        assert target.read_text() == old and [p.name for p in folder.iterdir()] == ["mine.json"]
        assert w.sessions.path is None and str(target) not in w.sessions.recent()
        # nothing of the failed save holds the disk: once the session is small, the same Save As works
        w.model.undo()
        save_as(qtbot, w, monkeypatch, target)
        assert w.sessions.path == str(target) and session_file.load(target).state.data == w.model.data


def test_csv_export_onto_a_full_disk_keeps_the_old_file(qtbot, window, tmp_path):
    w = window
    assert w.model.replace_points(many_points(4000), "many points")
    with tmpfs(tmp_path / "full", "64k") as folder:
        target = folder / "points.csv"
        target.write_text(OLD_CSV)
        w.sessions.export_csv_path(str(target))
        text = banner(w)
        assert w.message.kind == "error" and f"Could not write {target}" in text and "No space left on device" in text
        assert target.read_text() == OLD_CSV and [p.name for p in folder.iterdir()] == ["points.csv"]
        w.model.undo()
        w.sessions.export_csv_path(str(target))
        assert csv_file.read(target) == w.model.data


def test_save_and_export_through_a_symlink_write_its_target(qtbot, window, tmp_path, monkeypatch):
    w = window
    shared = tmp_path / "class"
    shared.mkdir()
    session, points = shared / "lesson.json", shared / "points.csv"
    session.write_text(good_session_text())
    points.write_text(OLD_CSV)
    for f in (session, points):
        os.chmod(f, 0o644)  # the teacher's shared files stay readable by the class
        (tmp_path / f.name).symlink_to(f)
    link = tmp_path / session.name
    save_as(qtbot, w, monkeypatch, link)
    assert w.sessions.path == str(link) and not banner(w)
    w.sessions.export_csv_path(str(tmp_path / points.name))
    assert not banner(w)
    assert link.is_symlink() and (tmp_path / points.name).is_symlink()
    assert session_file.load(session).state.data == w.model.data and csv_file.read(points) == w.model.data
    assert stat.S_IMODE(session.stat().st_mode) == stat.S_IMODE(points.stat().st_mode) == 0o644
    assert sorted(p.name for p in shared.iterdir()) == ["lesson.json", "points.csv"]


@pytest.mark.parametrize("stem", ["s" * 250, "é" * 125])  # 255 bytes with ".json", ASCII or two bytes a letter
def test_a_name_of_255_bytes_saves_and_one_of_256_is_refused(qtbot, window, tmp_path, monkeypatch, stem):
    w = window
    longest = tmp_path / f"{stem}.json"
    assert len(os.fsencode(longest.name)) == 255
    save_as(qtbot, w, monkeypatch, longest)
    assert w.sessions.path == str(longest) and not banner(w)
    assert session_file.load(longest).state.data == w.model.data
    too_long = tmp_path / f"{stem}x.json"
    save_as(qtbot, w, monkeypatch, too_long)
    assert w.message.kind == "error" and "File name too long" in banner(w) and "Your file is unchanged" in banner(w)
    assert w.sessions.path == str(longest)  # Ctrl+S still goes to the file that was saved
    assert [p.name for p in tmp_path.iterdir()] == [longest.name]
    assert not [n for n in os.listdir(tmp_path) if is_temporary(n)]


def test_save_as_and_export_onto_a_read_only_disk_keep_the_old_files(qtbot, window, tmp_path, monkeypatch):
    w = window
    with tmpfs(tmp_path / "ro") as folder:
        session, points = folder / "mine.json", folder / "points.csv"
        session.write_text(good_session_text())
        points.write_text(OLD_CSV)
        read_only(folder)
        save_as(qtbot, w, monkeypatch, session)
        assert f"Could not save to {session}" in banner(w) and "Read-only file system" in banner(w)
        w.message.hide()
        w.sessions.export_csv_path(str(points))
        assert f"Could not write {points}" in banner(w) and "Read-only file system" in banner(w)
        assert session.read_text() == good_session_text() and points.read_text() == OLD_CSV
        assert sorted(p.name for p in folder.iterdir()) == ["mine.json", "points.csv"]
        assert w.sessions.path is None


def _folder(p):
    p.mkdir()


def _pipe(p):
    os.mkfifo(p)


def _link_to_folder(p):
    (p.parent / "real-folder").mkdir()
    p.symlink_to(p.parent / "real-folder")


def _link_loop(p):
    p.symlink_to(p.parent / "other")
    (p.parent / "other").symlink_to(p)


def _into_a_missing_folder(p):
    pass  # the target's folder does not exist: the name given is p / "mine.json"


HOSTILE = {"a folder": (_folder, "it is a folder"), "a named pipe": (_pipe, "named pipe"),
           "a link to a folder": (_link_to_folder, "it is a folder"), "a loop of links": (_link_loop, "links"),
           "a missing folder": (_into_a_missing_folder, "does not exist")}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX pipes and links")
@pytest.mark.parametrize("what", HOSTILE)
def test_save_as_and_export_onto_what_is_no_file_are_refused_and_left_alone(qtbot, window, tmp_path, monkeypatch,
                                                                            what):
    w = window
    make, words = HOSTILE[what]
    target = tmp_path / "target"
    make(target)
    if what == "a missing folder":
        target = target / "mine.json"
    before = sorted((p.name, p.is_symlink()) for p in tmp_path.iterdir())
    save_as(qtbot, w, monkeypatch, target)
    assert w.message.kind == "error" and f"Could not save to {target}" in banner(w) and words in banner(w), banner(w)
    w.message.hide()
    w.sessions.export_csv_path(str(target))  # the pipe is never opened: no write blocks the window
    assert w.message.kind == "error" and f"Could not write {target}" in banner(w) and words in banner(w), banner(w)
    assert sorted((p.name, p.is_symlink()) for p in tmp_path.iterdir()) == before  # nothing made, nothing replaced
    assert w.sessions.path is None and str(target) not in w.sessions.recent()
