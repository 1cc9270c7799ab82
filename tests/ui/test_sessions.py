"""File menu: save, open and continue exactly; recent files; CSV import; lessons; crash recovery."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from uihelpers import crash, wait_snapshot

from micrograd_gui.core.lessons import LESSONS


def steps(qtbot, w, n):
    start = w.controller.last.step
    for _ in range(n):
        w.controls.step.click()
    return wait_snapshot(qtbot, w, lambda s: s.step == start + n)


def test_save_reopen_continue_equals_an_uninterrupted_run(qtbot, make_window, tmp_path, monkeypatch):
    path = str(tmp_path / "lesson.json")
    a = make_window()
    a.controls.batch.setCurrentIndex(a.controls.batch.findData(16))  # mini-batches: the RNG state matters
    steps(qtbot, a, 7)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kw: (path, ""))
    with qtbot.waitSignal(a.sessions.saved):
        qtbot.keyClick(a, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    cont_a = steps(qtbot, a, 6)

    b = make_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kw: (path, ""))
    qtbot.keyClick(b, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    wait_snapshot(qtbot, b, lambda s: s.step == 7)
    cont_b = steps(qtbot, b, 6)
    assert np.array_equal(cont_a.theta, cont_b.theta) and cont_b.config.batch_size == 16
    ta, la, _, _ = a.loss_plot.series()
    tb, lb, _, _ = b.loss_plot.series()
    assert list(ta) == list(tb) and list(la) == list(lb)  # the reopened curve plus the continued one
    assert b.model.data == a.model.data
    assert b.sessions.recent()[0] == path


def test_a_broken_session_is_refused_and_changes_nothing(qtbot, window, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "micrograd-gui-session", "version": 1, "config": {')
    before = window.model.data
    assert not window.sessions.open_path(str(bad))
    assert window.message.kind == "error" and "not valid JSON" in window.message.text.text()
    assert window.model.data is before


def test_csv_import_reports_bad_lines_by_number_and_keeps_the_data(qtbot, window, tmp_path):
    p = tmp_path / "pts.csv"
    p.write_text("x,y,label\n0,0,0\n1,one,1\n2,2\n")
    before = window.model.data
    assert not window.sessions.import_csv_path(str(p))
    text = window.message.text.text()
    assert "line 3" in text and "line 4" in text and "Nothing was imported" in text
    assert window.model.data is before
    p.write_text("0,0,0\n1,1,1\n-1,1,3\n")
    assert window.sessions.import_csv_path(str(p))
    assert len(window.model.data) == 3
    wait_snapshot(qtbot, window, lambda s: s.num_classes == 4)  # class 3 grew the output layer
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.model.data == before


@pytest.mark.parametrize("lesson", LESSONS, ids=lambda x: x.name)
def test_every_lesson_loads_and_trains_a_few_steps(qtbot, window, lesson):
    w = window
    w.findChild(type(w.menus.undo_action), f"lesson_{lesson.name}").trigger()
    same = lesson.config.with_changes(eval_every=1)  # the window evaluates every step, for the curves
    snap = wait_snapshot(qtbot, w, lambda s: s.config == same and s.step == 0)
    assert w.lesson_box.isVisible() and lesson.title in w.lesson_box.text()
    assert ("graph" in lesson.panels) == w.graph_dock.isVisibleTo(w)
    if lesson.name == "own-points":
        assert not w.controls.step.isEnabled()  # no points yet: it says what to add
        return
    w.controls.step10.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 10 or w.message.kind == "error")
    assert snap.step == 10 or lesson.name == "lr-too-high"


def test_autosave_is_offered_back_after_a_crash(qtbot, make_window, settings):
    a = make_window()
    steps(qtbot, a, 3)
    theta = a.controller.last.theta
    a.sessions.autosave()
    qtbot.waitUntil(lambda: a.sessions.recovery.exists())
    crash(a)
    b = make_window()  # the next start
    assert b.message.isVisible() and "did not close normally" in b.message.text.text()
    restore = b.findChild(type(b.controls.play), "messageAction0")
    qtbot.mouseClick(restore, Qt.MouseButton.LeftButton)
    snap = wait_snapshot(qtbot, b, lambda s: s.step == 3)
    assert np.array_equal(snap.theta, theta)
    qtbot.waitUntil(lambda: b.sessions.pending_recovery() is None)  # once b's own autosave holds it
    b.close()
    assert not b.sessions.recovery.exists()  # a clean exit leaves nothing to recover


def test_record_a_training_run_as_gif_and_png_frames(qtbot, window, tmp_path, monkeypatch):
    from PIL import Image

    w = window
    gif = tmp_path / "run.gif"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(gif), a[3].split(";;")[0]))  # 480 px
    w.menus.record_action.trigger()
    w.recorder.fps = 1000  # every redraw becomes a frame
    w.controls.play.click()
    qtbot.waitUntil(lambda: len(w.recorder.frames) >= 5, timeout=10_000)
    w.controls.play.click()
    with qtbot.waitSignal(w.exports.recording_saved, timeout=30_000):  # written in the background
        w.menus.record_action.trigger()
    with Image.open(gif) as im:
        assert im.n_frames >= 5 and im.size[0] == 480
    n = len(w.recorder.frames)
    with qtbot.waitSignal(w.exports.recording_saved, timeout=30_000):
        w.exports.save_recording(str(tmp_path / "frames"), png_frames=True)
    assert len(list((tmp_path / "frames").glob("frame_*.png"))) == n


def test_export_any_panel_and_the_window_as_png(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QMenu

    w = window
    target = tmp_path / "panel.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "PNG (*.png)"))
    menu = w.findChild(QMenu, "exportPanelMenu")
    menu.aboutToShow.emit()
    titles = [a.text() for a in menu.actions()]
    assert w.loss_dock.windowTitle() in titles and w.data_dock.windowTitle() in titles
    next(a for a in menu.actions() if a.text() == w.loss_dock.windowTitle()).trigger()
    img = QImage(str(target))
    assert img.width() == w.loss_plot.width() and img.height() == w.loss_plot.height()
    w.findChild(type(w.menus.undo_action), "exportWindowAction").trigger()
    assert QImage(str(target)).width() == w.width()


def test_the_first_snapshot_of_a_reopened_session_or_a_lesson_carries_its_probe(qtbot, window, tmp_path):
    """No snapshot of the new run may show the probe of the run before it (the worker gets the probe first)."""
    import json

    from malformed_files import good_session_text

    w = window
    doc = json.loads(good_session_text())
    doc["ui"] = {"probe": [1.0, 0.5, 1], "docks": ["graphDock", "lossDock"]}
    path = tmp_path / "probe.json"
    path.write_text(json.dumps(doc))
    run = w.controller.last.run
    with qtbot.waitSignal(w.controller.snapshot, check_params_cb=lambda s: s.run > run, timeout=10_000) as first:
        assert w.sessions.open_path(str(path))
    assert first.args[0].probe == w.model.probe == (1.0, 0.5, 1) and first.args[0].graph is not None
    moons = next(lesson for lesson in LESSONS if lesson.name == "moons")
    run = first.args[0].run
    with qtbot.waitSignal(w.controller.snapshot, check_params_cb=lambda s: s.run > run, timeout=10_000) as first:
        w.model.start_lesson(moons)
    assert first.args[0].probe == w.model.probe == moons.probe
