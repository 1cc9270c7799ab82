"""File ▸ Open and File ▸ Import fuzzed: mutated sessions and CSVs, each either shown whole (and remembered) or
refused with a banner naming the file, the window unchanged; never an exception, never a Qt warning."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from fuzzing import FUZZ, fuzzed_csv, fuzzed_session
from hypothesis import given
from hypothesis import strategies as st
from uihelpers import wait_snapshot

from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.ui.session_actions import BACKGROUND_BYTES

# ---- what the window shows ---------------------------------------------------------------------------

def warnings_since(qtlog, start: int) -> list[str]:
    """Qt's warnings (and worse) since record `start`: each fails the test anyway, here at the example that made it."""
    return [r.message for r in qtlog.records[start:] if not r.ignored and r.type_name not in ("QtDebugMsg",
                                                                                                  "QtInfoMsg")]


def window_state(w):
    snap = w.controller.last
    return (w.model.data, w.model.applied, snap.step, snap.run, w.sessions.path, tuple(w.sessions.recent()),
            tuple(map(tuple, w.loss_plot.series())))


def refused_visibly(w, path: Path, before, restores: list, restored_before: int, said: Said) -> None:
    assert w.message.isVisible() and w.message.kind in ("error", "warning"), said
    assert path.name in w.message.text.text()
    assert "unexpected error" not in w.message.text.text() and "Traceback" not in w.message.text.text()
    assert window_state(w) == before and len(restores) == restored_before


class Said:
    """What the model says while an example runs (for a failure's report)."""

    def __init__(self, model):
        self.model, self.texts = model, []
        model.message.connect(self.hear)

    def hear(self, text, kind, actions=()):
        self.texts.append(f"{kind}: {text}")

    def stop(self):
        self.model.message.disconnect(self.hear)

    def __repr__(self):
        return repr(self.texts)


class Spy:
    """Counts what the window asked the worker to restore, calling through."""

    def __init__(self, controller):
        self.calls: list[object] = []
        self.real = controller.restore
        controller.restore = self

    def __call__(self, state):
        self.calls.append(state)
        self.real(state)


def test_fuzzed_sessions_are_shown_whole_or_refused_by_name(qtbot, qtlog, window, tmp_path):
    w = window
    spy = Spy(w.controller)
    outcomes: Counter[str] = Counter()

    @FUZZ
    @given(st.data())
    def opens(data):
        w.model.set_teacher(set(), set())  # a session accepted before may have locked File ▸ Open
        content = fuzzed_session(data)
        assert len(content) < BACKGROUND_BYTES  # read on the GUI thread: the outcome is known on return
        path = tmp_path / f"fuzzed-{sum(outcomes.values())}.json"
        path.write_bytes(content)
        try:
            expected = sf.load(path)
        except sf.SessionError:
            expected = None
        before, restored_before, logged = window_state(w), len(spy.calls), len(qtlog.records)
        said = Said(w.model)
        try:
            with qtbot.captureExceptions() as exceptions:
                opened = w.sessions.open_path(str(path))
                if opened:
                    snap = wait_snapshot(qtbot, w, lambda s: s.run > before[3])
            assert not exceptions, exceptions
            if opened:
                assert expected is not None and w.sessions.path == str(path) and w.sessions.recent()[0] == str(path)
                assert w.model.data == expected.state.data and w.model.applied == expected.state.config
                assert snap.step == expected.state.step and len(spy.calls) == restored_before + 1
                assert not [t for t in said.texts if t.startswith("error")], said
                with qtbot.waitSignal(w.sessions.saved):  # Ctrl+S: the session shown goes to the file remembered
                    w.sessions.save()
                again = sf.load(path).state
                assert again.data == expected.state.data and again.config == expected.state.config
                outcomes["accepted"] += 1
            else:
                assert expected is None, "the loader takes what the window refused"
                refused_visibly(w, path, before, spy.calls, restored_before, said)
                outcomes["refused"] += 1
            assert not warnings_since(qtlog, logged)
        finally:
            said.stop()
            path.unlink()

    opens()
    print(f"\nOpen fuzz: {outcomes['accepted']} accepted, {outcomes['refused']} refused")
    assert outcomes["accepted"] and outcomes["refused"]


def test_fuzzed_csvs_are_imported_whole_or_refused_by_name(qtbot, qtlog, window, tmp_path):
    w = window
    spy = Spy(w.controller)
    outcomes: Counter[str] = Counter()

    @FUZZ
    @given(st.data())
    def imports(data):
        content = fuzzed_csv(data)
        path = tmp_path / f"fuzzed-{sum(outcomes.values())}.csv"
        path.write_bytes(content)
        try:
            expected = csv_file.read(path)
        except csv_file.CsvError:
            expected = None
        before, restored_before, logged = window_state(w), len(spy.calls), len(qtlog.records)
        said = Said(w.model)
        try:
            with qtbot.captureExceptions() as exceptions:
                imported = w.sessions.import_csv_path(str(path))
            assert not exceptions, exceptions
            if imported:
                assert expected is not None and w.model.data == expected
                assert w.sessions.path == before[4]  # an import is points, not a file the window holds
                # the worker trains on what the window shows: its state carries the points (an autosave's request
                # queued before the import may answer first, with the points before: that one is not the answer)
                with qtbot.waitSignal(w.controller.state_ready, timeout=20_000,
                                      check_params_cb=lambda state: state.data == expected):
                    w.controller.request_state()
                outcomes["accepted"] += 1
                w.model.undo()  # back to the points before, so each import starts from the same window
                assert w.model.data == before[0]
            else:
                assert expected is None, "the reader takes what the window refused"
                refused_visibly(w, path, before, spy.calls, restored_before, said)
                outcomes["refused"] += 1
            assert not warnings_since(qtlog, logged)
        finally:
            said.stop()
            path.unlink()

    imports()
    print(f"\nImport fuzz: {outcomes['accepted']} accepted, {outcomes['refused']} refused")
    assert outcomes["accepted"] and outcomes["refused"]
