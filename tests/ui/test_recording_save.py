"""A long recording saved in the background: the window keeps handling events, the GIF appears, a failure is said,
frames are kept compressed and Close stops a save at once, the old file kept (issue 16: 11)."""

from __future__ import annotations

import threading

import numpy as np
from PIL import Image
from PySide6.QtCore import QTimer

from micrograd_gui.ui import recording_save


def record(w, frames: int) -> None:
    rec = w.exports.recorder
    rec.start(w.data_panel.plot, w.exports.caption)
    while len(rec.frames) < frames:
        rec.capture(force=True)
    rec.stop()


def test_the_gif_is_written_while_the_gui_thread_handles_events(qtbot, window, tmp_path, monkeypatch):
    w = window
    record(w, 12)
    beat = threading.Event()  # set by a timer of the GUI thread
    waited = []
    real_add = recording_save.GifStream.add

    def add(self, rgb):
        if not waited:  # the first frame waits for the GUI thread to handle a timer event: were the save on the
            waited.append(beat.wait(timeout=20))  # GUI thread, that could not happen until it was done
        real_add(self, rgb)

    monkeypatch.setattr(recording_save.GifStream, "add", add)
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(beat.set)
    timer.start()
    gif = tmp_path / "run.gif"
    with qtbot.waitSignal(w.exports.recording_saved, timeout=60_000) as saved:
        w.exports.save_recording(str(gif), width=480)
        assert w.exports.saving is not None and w.exports.saving.running  # returned at once: the thread works
    timer.stop()
    assert waited == [True] and saved.args == [str(gif)]
    size = w.recorder.slide_size(480)
    with Image.open(gif) as im:
        assert im.size == (size.width(), size.height()) and 1 <= im.n_frames <= 12 and im.info["loop"] == 0
    assert "Saved" in w.statusBar().currentMessage() and not w.message.isVisible()


def test_the_frames_the_gif_shows_are_the_recorded_slides(qtbot, window, tmp_path):
    w = window
    record(w, 3)
    gif = tmp_path / "run.gif"
    with qtbot.waitSignal(w.exports.recording_saved, timeout=60_000):
        w.exports.save_recording(str(gif), width=480)
    size = w.recorder.slide_size(480)
    last = w.recorder.frames[-1]
    expected = recording_save.rgb_array(recording_save.compose(last.plot, last.caption, size)[0]).astype(int)
    with Image.open(gif) as im:
        im.seek(im.n_frames - 1)
        got = np.asarray(im.convert("RGB")).astype(int)
    assert np.abs(got - expected).mean() < 3  # 256 colours a frame: close to the slide everywhere


def test_frames_are_kept_compressed(qtbot, window):
    w = window
    record(w, 5)
    rec = w.recorder
    qtbot.waitUntil(lambda: all(f.pixels.done() for f in rec.frames))
    for f in rec.frames:
        raw = f.bytes_per_line * f.size.height()
        assert f.nbytes() < raw / 4  # a plot compresses well: a minute of frames is tens of megabytes, not a gigabyte
        assert f.plot.size() == f.size


def test_a_save_that_fails_is_said_in_the_banner(qtbot, window, tmp_path):
    w = window
    record(w, 2)
    target = tmp_path / "missing" / "run.gif"
    with qtbot.waitSignal(w.exports.recording_saved, timeout=60_000) as saved:
        w.exports.save_recording(str(target))
    assert saved.args == [""] and w.message.kind == "error"
    assert f"Could not save the recording to {target}" in w.message.text.text()
    assert "does not exist" in w.message.text.text()


def test_a_second_save_while_one_runs_is_refused_with_a_message(qtbot, window, tmp_path, monkeypatch):
    w = window
    record(w, 2)
    go = threading.Event()
    real_add = recording_save.GifStream.add
    monkeypatch.setattr(recording_save.GifStream, "add", lambda self, rgb: (go.wait(20), real_add(self, rgb)))
    with qtbot.waitSignal(w.exports.recording_saved, timeout=60_000):
        w.exports.save_recording(str(tmp_path / "a.gif"))
        w.exports.save_recording(str(tmp_path / "b.gif"))
        assert w.message.isVisible() and "still being saved" in w.message.text.text()
        go.set()
    assert (tmp_path / "a.gif").exists() and not (tmp_path / "b.gif").exists()


def test_closing_the_window_stops_a_save_and_keeps_the_old_file(qtbot, window, tmp_path, monkeypatch):
    w = window
    record(w, 4)
    (tmp_path / "out").mkdir()
    gif = tmp_path / "out" / "run.gif"
    gif.write_bytes(b"GIF89a the old recording")
    started = threading.Event()
    real_add = recording_save.GifStream.add

    def add(self, rgb):
        started.set()
        real_add(self, rgb)

    monkeypatch.setattr(recording_save.GifStream, "add", add)
    w.exports.save_recording(str(gif))
    job = w.exports.saving
    assert job is not None
    qtbot.waitUntil(started.is_set)
    w.close()
    assert not job.running  # cancelled and joined before the window's objects go
    assert gif.read_bytes() == b"GIF89a the old recording" and [p.name for p in gif.parent.iterdir()] == ["run.gif"]


def test_the_language_waits_for_a_save_in_progress(qapp, qtbot, settings, tmp_path, monkeypatch):
    from micrograd_gui.core.presets import get_preset
    from micrograd_gui.ui import i18n
    from micrograd_gui.ui.app_shell import AppShell

    shell = AppShell(qapp, settings)
    i18n.install(qapp, "en")
    settings.setValue(i18n.SETTINGS_KEY, "en")
    w = shell.start(get_preset("llm101n").config)
    go = threading.Event()
    real_add = recording_save.GifStream.add
    monkeypatch.setattr(recording_save.GifStream, "add", lambda self, rgb: (go.wait(20), real_add(self, rgb)))
    try:
        w.show()
        record(w, 2)
        with qtbot.waitSignal(w.exports.recording_saved, timeout=60_000):
            w.exports.save_recording(str(tmp_path / "run.gif"))
            w.menus.language_actions["zh_CN"].trigger()  # would close this window, and stop the save
            assert shell.window is w and "still being saved" in w.message.text.text()
            assert w.menus.language_actions["en"].isChecked()
            go.set()
        assert (tmp_path / "run.gif").exists()
    finally:
        shell.window.close()
        i18n.install(qapp, "en")
