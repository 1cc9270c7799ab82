"""Bad files through the window: each refusal is shown in the message bar and the open session is untouched."""

import json

import numpy as np
import pytest
from malformed_files import CSVS, SESSIONS, good_session_text, write
from uihelpers import wait_snapshot

from micrograd_gui.ui.session_actions import BACKGROUND_BYTES


def state_of(w):
    snap = w.controller.last
    return (w.model.data, w.model.applied, snap.run, snap.step, snap.theta.copy(), w.sessions.path,
            tuple(w.sessions.recent()), tuple(map(tuple, w.loss_plot.series())), w.model.probe, w.model.active_class)


def assert_untouched(qtbot, w, before):
    data, applied, run, step, theta, path, recent, curves, probe, active = before
    assert w.model.data is data and w.model.applied == applied and w.sessions.path == path
    assert tuple(w.sessions.recent()) == recent and w.model.probe == probe and w.model.active_class == active
    assert tuple(map(tuple, w.loss_plot.series())) == curves
    # the worker got nothing either: the next step continues the same run from the same weights
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == step + 1)
    assert snap.run == run and not np.array_equal(snap.theta, theta)


def test_every_malformed_session_is_refused_in_the_window(qtbot, window, tmp_path):
    w = window
    w.controls.step10.click()
    wait_snapshot(qtbot, w, lambda s: s.step == 10)
    for name, (content, words) in SESSIONS.items():
        before = state_of(w)
        path = write(tmp_path, name, content, ".json")
        if path.stat().st_size > BACKGROUND_BYTES:  # read off the GUI thread, then refused
            with qtbot.waitSignal(w.sessions._read_done, timeout=60_000):
                assert w.sessions.open_path(str(path)), name
        else:
            assert not w.sessions.open_path(str(path)), name
        text = w.message.text.text()
        assert w.message.isVisible() and w.message.kind == "error", name
        assert f"Could not open {path.name}" in text and words in text and "Nothing was changed" in text, name
        assert "unexpected error" not in text
        assert_untouched(qtbot, w, before)


def test_every_malformed_csv_is_refused_in_the_window(qtbot, window, tmp_path):
    w = window
    for name, (content, words) in CSVS.items():
        before = state_of(w)
        path = write(tmp_path, name, content, ".csv")
        assert not w.sessions.import_csv_path(str(path)), name
        text = w.message.text.text()
        assert w.message.kind == "error" and f"Could not import {path.name}" in text and words in text, name
        assert not w.model.undo_stack.canRedo()
        assert_untouched(qtbot, w, before)


@pytest.mark.parametrize("ui", [
    {"probe": ["1e999", 0, 0]}, {"probe": [0, "-1e999", 0]}, {"probe": [1e6, 0, 0]}, {"probe": [0, 0, 99]},
    {"probe": [0, 0, -1]}, {"probe": [True, False, True]},
    {"probe": "origin"}, {"active_class": 99}, {"active_class": -3}, {"docks": "all"}, {"docks": [1, None, {}]},
    {"regions": "yes", "hard": 1, "contour": None}, {"palette": ["colorblind"]}, {"lesson": 7},
])
def test_odd_window_settings_in_a_session_are_ignored_not_fatal(qtbot, window, tmp_path, ui):
    """The loader keeps the "ui" object as written; the window takes only what makes sense of it."""
    doc = json.loads(good_session_text())
    doc["ui"] = ui
    path = tmp_path / "odd-ui.json"
    path.write_text(json.dumps(doc).replace('"1e999"', "1e999").replace('"-1e999"', "-1e999"))  # JSON's infinity
    assert window.sessions.open_path(str(path))
    snap = wait_snapshot(qtbot, window, lambda s: s.step == 1)
    x, y, label = window.model.probe
    assert abs(x) <= 100 and abs(y) <= 100 and 0 <= label < 6 and 0 <= window.model.active_class < 6
    assert snap.probe == window.model.probe
