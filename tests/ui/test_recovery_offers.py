"""Crash recovery never drops work: an offer is kept until the user answers it, a second crash never replaces it,
two windows with one settings folder keep their own autosaves, a broken autosave's refusal stays shown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from uihelpers import crash, wait_snapshot

from micrograd_gui.core.files import session_file
from micrograd_gui.ui import recovery_files

OFFER_TEXT = "did not close normally"


def folder_of(settings) -> Path:
    return Path(settings.fileName()).parent


def steps(qtbot, w, n):
    for _ in range(n):
        w.controls.step.click()
    wait_snapshot(qtbot, w, lambda s: s.step == n)


def autosaved(qtbot, w, step):
    """Autosave now and wait until the file holds this step."""
    w.sessions.autosave()

    def holds():
        try:
            return session_file.load(own_autosave(w)).state.step == step
        except (session_file.SessionError, OSError):
            return False

    qtbot.waitUntil(holds)


def own_autosave(w) -> Path:
    return Path(w.sessions.recovery)


def offer_shown(w) -> bool:
    return w.message.isVisible() and OFFER_TEXT in w.message.text.text()


def click_action(qtbot, w, i):
    shown = [b for b in w.message.findChildren(QPushButton, f"messageAction{i}") if b.isVisible()]
    assert len(shown) == 1  # a former message's button, until deleted later, is hidden
    button = shown[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_an_offer_not_answered_survives_a_normal_close(qtbot, make_window, settings):
    a = make_window()
    steps(qtbot, a, 3)
    autosaved(qtbot, a, 3)
    crash(a)
    b = make_window()
    assert offer_shown(b)
    b.close()  # the user closed the window without answering
    c = make_window()
    assert offer_shown(c)
    click_action(qtbot, c, 0)  # Restore
    wait_snapshot(qtbot, c, lambda s: s.step == 3)


def test_a_second_crash_before_the_answer_keeps_both_autosaves(qtbot, make_window, settings):
    a = make_window()
    steps(qtbot, a, 3)
    autosaved(qtbot, a, 3)
    crash(a)
    b = make_window()
    assert offer_shown(b)  # not answered; the user works on, and b crashes too
    steps(qtbot, b, 5)
    autosaved(qtbot, b, 5)
    crash(b)
    c = make_window()
    assert offer_shown(c)
    click_action(qtbot, c, 0)  # the first crash's session, offered first
    wait_snapshot(qtbot, c, lambda s: s.step == 3)
    c.close()
    d = make_window()  # the second crash's, kept for the next start
    assert offer_shown(d)
    click_action(qtbot, d, 0)
    wait_snapshot(qtbot, d, lambda s: s.step == 5)


def test_discard_offers_the_next_crash_autosave(qtbot, make_window, settings):
    a = make_window()
    steps(qtbot, a, 2)
    autosaved(qtbot, a, 2)
    crash(a)
    b = make_window()
    steps(qtbot, b, 4)
    autosaved(qtbot, b, 4)
    crash(b)
    c = make_window()
    first = c.sessions.offered
    click_action(qtbot, c, 1)  # Discard the older one: the next is offered at once
    assert not first.exists() and offer_shown(c)
    click_action(qtbot, c, 0)
    wait_snapshot(qtbot, c, lambda s: s.step == 4)


def test_a_second_window_with_one_settings_folder_keeps_its_own_autosave(qtbot, make_window, settings):
    a = make_window()
    steps(qtbot, a, 3)
    autosaved(qtbot, a, 3)
    b = make_window()  # a is alive: its autosave is no crash
    assert not offer_shown(b)
    assert b.message.isVisible() and "already open in another window" in b.message.text.text()
    assert own_autosave(b) != own_autosave(a)
    autosaved(qtbot, b, 0)
    assert session_file.load(own_autosave(a)).state.step == 3
    b.close()  # b's clean exit removes its own file only
    assert not own_autosave(b).exists() and session_file.load(own_autosave(a)).state.step == 3
    crash(a)
    c = make_window()
    assert offer_shown(c)
    click_action(qtbot, c, 0)
    wait_snapshot(qtbot, c, lambda s: s.step == 3)


def test_the_first_window_closing_leaves_the_second_ones_autosave(qtbot, make_window, settings):
    a = make_window()
    b = make_window()
    steps(qtbot, b, 2)
    autosaved(qtbot, b, 2)
    a.close()
    assert session_file.load(own_autosave(b)).state.step == 2
    crash(b)
    c = make_window()  # takes the first free slot: the dead second window's autosave is offered all the same
    assert offer_shown(c)
    click_action(qtbot, c, 0)
    wait_snapshot(qtbot, c, lambda s: s.step == 2)


@pytest.mark.parametrize("content", [b"garbage{{", b'{"format":"micrograd-gui-session","version":1,"con', b""],
                         ids=["garbage", "truncated", "empty"])
def test_restoring_a_broken_autosave_keeps_the_refusal_shown(qtbot, make_window, settings, content):
    (folder_of(settings) / "recovery-session.json").write_bytes(content)
    w = make_window()
    assert offer_shown(w)
    broken = w.sessions.offered
    click_action(qtbot, w, 0)  # Restore
    assert w.message.isVisible() and w.message.kind == "error"
    assert "Could not restore the autosaved session" in w.message.text.text()
    assert broken.exists()  # kept until the user decides
    click_action(qtbot, w, 0)  # the refusal's Discard
    assert not broken.exists() and not w.message.isVisible()


def test_a_stale_temporary_beside_a_recent_file_is_removed_at_start(qtbot, make_window, settings, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    mine = docs / "mine.json"
    mine.write_text("the user's session")
    settings.setValue("recent", [str(mine), "", "relative/x.json", "/nul\0here.json"])
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()  # a pid no process has now: its save was killed
    stale = [docs / f".mg-{dead.pid}-0123abcd.tmp", docs / ".mg-9999999999-0123abcd.tmp",
             folder_of(settings) / f".mg-{dead.pid}-89abcdef.tmp"]
    users = [docs / ".notes.tmp", docs / ".mg-notes.tmp", docs / "draft.tmp"]
    for p in stale + users:
        p.write_text("x")
    make_window()
    assert [p.exists() for p in stale] == [False] * len(stale)
    assert all(p.exists() for p in users) and mine.read_text() == "the user's session"


def test_more_windows_than_autosave_slots_are_told_theirs_is_off(qtbot, make_window, settings, monkeypatch):
    monkeypatch.setattr(recovery_files, "MAX_WINDOWS", 1)
    a = make_window()
    autosaved(qtbot, a, 0)
    b = make_window()
    assert b.sessions.recovery is None and "already open in another window" in b.message.text.text()
    with qtbot.waitSignal(b.controller.state_ready):
        b.sessions.autosave()
    assert b.message.isVisible() and "Autosave is off: too many windows are open" in b.message.text.text()
    b.close()  # the first window's autosave stays
    assert sorted(p.name for p in folder_of(settings).glob("recovery-*.json")) == ["recovery-session.json"]
