"""A session with a long loss curve: the plot draws a bounded number of points, the session keeps every one."""

import json

import numpy as np
from malformed_files import good_session_text
from uihelpers import wait_snapshot

from micrograd_gui.ui.loss_plot import MAX_DRAWN, drawn
from micrograd_gui.ui.session_actions import BACKGROUND_BYTES

N = 150_000  # under what a session saves (SAVED_CURVE), so the saved curve is the whole of it


def test_a_long_curve_is_drawn_thinned_while_the_session_keeps_and_saves_all_of_it(qtbot, window, tmp_path):
    w = window
    doc = json.loads(good_session_text())
    losses = 1.0 / (1.0 + np.arange(N))
    losses[77_777] = 50.0  # one spike: thinning for the screen must not hide it
    curve = [[float(i), float(v)] for i, v in enumerate(losses)]
    doc["step"], doc["curves"] = N - 1, {"train": curve, "val": curve[::10], "test": []}
    path = tmp_path / "long.json"
    path.write_text(json.dumps(doc))
    assert w.sessions.open_path(str(path))
    wait_snapshot(qtbot, w, lambda s: s.step == N - 1)
    qtbot.waitUntil(lambda: w.model.history.train.n == N)
    w.loss_plot._redraw()
    x, y = w.loss_plot.train_curve.xData, w.loss_plot.train_curve.yData
    assert len(x) <= MAX_DRAWN and 50.0 in y and x[-1] == N - 1 and x[0] == 0
    with qtbot.waitSignal(w.sessions.saved):
        w.sessions.save_to(str(tmp_path / "again.json"))
    again = json.loads((tmp_path / "again.json").read_text())["curves"]
    assert again["train"] == curve and again["val"] == curve[::10]


def test_thinning_keeps_each_spans_extremes_in_order_and_short_curves_whole():
    x = np.arange(100_000, dtype=float)
    y = np.sin(x / 1000.0)
    y[500] = np.nan
    y[60_001] = -9.0
    dx, dy = drawn(x, y, 1000)
    assert len(dx) <= 1002 and np.all(np.diff(dx) > 0) and -9.0 in dy and dx[-1] == x[-1]
    short = (x[:500], y[:500])
    assert drawn(*short, 1000)[0] is short[0]


def big_session(tmp_path, name, n=250_000, ui=None):
    doc = json.loads(good_session_text())
    curve = [[float(i), 1.0 / (1.0 + i)] for i in range(n)]
    doc["step"], doc["curves"] = n - 1, {"train": curve, "val": [], "test": []}
    if ui is not None:
        doc["ui"] = ui
    path = tmp_path / name
    path.write_text(json.dumps(doc))
    assert path.stat().st_size > BACKGROUND_BYTES
    return path


def window_state(w):
    return w.model.applied, w.model.data, w.sessions.path, w.model.history.train.n


def test_a_big_session_is_read_off_the_gui_thread_and_then_shown_all_at_once(qtbot, window, tmp_path):
    w = window
    path = big_session(tmp_path, "big.json")
    before = window_state(w)
    with qtbot.waitSignal(w.sessions.opened, timeout=60_000):
        assert w.sessions.open_path(str(path))
        # the file is being read in the background: the window is still all the old session, and says so
        assert window_state(w) == before and "Opening big.json" in w.statusBar().currentMessage()
    wait_snapshot(qtbot, w, lambda s: s.step == 250_000 - 1)
    qtbot.waitUntil(lambda: w.model.history.train.n == 250_000)
    assert w.sessions.path == str(path) and w.sessions.recent()[0] == str(path)


def test_a_big_broken_session_is_refused_after_reading_and_a_later_open_wins(qtbot, window, tmp_path):
    w = window
    bad = big_session(tmp_path, "bad.json", ui={"teacher": {"hidden": 5}})
    before = window_state(w)
    with qtbot.waitSignal(w.sessions._read_done, timeout=60_000):
        assert w.sessions.open_path(str(bad))
    text = w.message.text.text()
    assert w.message.kind == "error" and "Could not open bad.json" in text and "ui.teacher.hidden" in text
    assert window_state(w) == before
    # a big file still being read when a small one is opened: the small one stays, the big one is dropped
    big = big_session(tmp_path, "big.json")
    small = tmp_path / "small.json"
    small.write_text(good_session_text())
    with qtbot.waitSignal(w.sessions._read_done, timeout=60_000):
        assert w.sessions.open_path(str(big))
        assert w.sessions.open_path(str(small))
    assert w.sessions.path == str(small) and w.model.history.train.n < 250_000
