"""Restore of a fuzzed crash autosave: the session restored whole (and the offer let go), or the refusal kept on
screen with Discard, the offer kept and the window unchanged; never an exception, never a Qt warning."""

from __future__ import annotations

from collections import Counter

from fuzzing import FUZZ, fuzzed_session
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from test_attack_open_fuzz import Said, Spy, warnings_since, window_state
from uihelpers import wait_snapshot

from micrograd_gui.core.files import session_file as sf
from micrograd_gui.ui.recovery_files import OFFER

RESTORE_FUZZ = settings(FUZZ, max_examples=300)  # each restore waits for the worker's autosave


def click(qtbot, w, text: str) -> None:
    buttons = [b for b in w.message.findChildren(QPushButton) if b.isVisible() and b.text() == text]
    assert buttons, f"no {text} button in: {w.message.text.text()}"
    qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)


def test_fuzzed_autosaves_are_restored_whole_or_refused_and_kept(qtbot, qtlog, window):
    w = window
    spy = Spy(w.controller)
    outcomes: Counter[str] = Counter()
    folder, slot = w.sessions.files.folder, w.sessions.files.slot

    @RESTORE_FUZZ
    @given(st.data())
    def restores(data):
        w.model.set_teacher(set(), set())
        offer = folder / f"{OFFER}-{slot}-1.json"  # as a window that died leaves it for this one
        offer.write_bytes(fuzzed_session(data))
        try:
            expected = sf.load(offer)
        except sf.SessionError:
            expected = None
        said = Said(w.model)
        try:
            with qtbot.captureExceptions() as exceptions:
                w.sessions.offer_recovery()
                assert w.sessions.offered == offer and "did not close normally" in w.message.text.text()
                before, restored_before, logged = window_state(w), len(spy.calls), len(qtlog.records)
                click(qtbot, w, "Restore")
                if expected is not None:
                    snap = wait_snapshot(qtbot, w, lambda s: s.run > before[3])
                    qtbot.waitUntil(lambda: not offer.exists())  # once this window's own autosave holds it
            assert not exceptions, exceptions
            if expected is not None:
                assert w.model.data == expected.state.data and w.model.applied == expected.state.config
                assert snap.step == expected.state.step and len(spy.calls) == restored_before + 1
                assert w.sessions.path is None  # an autosave is not the user's file: Ctrl+S asks where
                assert sf.load(w.sessions.recovery).state.data == expected.state.data
                assert not [t for t in said.texts if t.startswith("error")], said
                outcomes["restored"] += 1
            else:  # the refusal stays up (it used to vanish at once), the offer kept until the user decides
                assert w.message.isVisible() and w.message.kind == "error", said
                assert "Could not restore the autosaved session" in w.message.text.text()
                assert window_state(w) == before and len(spy.calls) == restored_before and offer.exists()
                click(qtbot, w, "Discard")
                assert not offer.exists() and w.sessions.offered is None
                outcomes["refused"] += 1
            assert not warnings_since(qtlog, logged)
        finally:
            said.stop()
            offer.unlink(missing_ok=True)

    restores()
    print(f"\nRestore fuzz: {outcomes['restored']} restored, {outcomes['refused']} refused")
    assert outcomes["restored"] and outcomes["refused"]
