"""Settings the panels' usual choices lack (a width of 64, init scale 0.5, batch 5) are shown as they are and kept
through live edits and Reset."""

import pytest
from uihelpers import wait_snapshot

from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.controls import BATCHES, MAX_GUI_WIDTH


def open_unusual(qtbot, w, tmp_path, **changes):
    """Open a session (one step trained) of the llm101n preset with these settings."""
    t = Trainer(get_preset("llm101n").config.with_changes(**changes))
    t.step()
    path = tmp_path / "unusual.json"
    sf.save(path, sf.Session(t.state(), {}, {}))
    assert w.sessions.open_path(str(path))
    return wait_snapshot(qtbot, w, lambda s: s.step == 1 and s.config == t.config)


UNUSUAL = {"hidden": (64, 3), "init_scale": 0.5, "batch_size": 5}


def test_unusual_settings_are_shown_as_they_are(qtbot, window, tmp_path):
    w = window
    open_unusual(qtbot, w, tmp_path, **UNUSUAL)
    c = w.controls
    assert c.depth_input.value() == 2 and [s.value() for s in c.widths[:2]] == [64, 3]
    assert c.init.currentData() == 0.5 and "0.5" in c.init.currentText()
    assert c.batch.currentData() == 5 and "5" in c.batch.currentText()
    # a session with the usual settings: the usual choices again, and the spin boxes' usual limit
    open_unusual(qtbot, w, tmp_path, hidden=(8,), init_scale=1.0, batch_size=16)
    assert c.init.count() == 2 and c.batch.count() == len(BATCHES)
    assert all(s.maximum() == MAX_GUI_WIDTH for s in c.widths) and c.widths[0].value() == 8


@pytest.mark.parametrize("change", ["live", "reset", "other_width"])
def test_unusual_settings_survive_live_edits_and_reset(qtbot, window, tmp_path, change):
    w = window
    open_unusual(qtbot, w, tmp_path, **UNUSUAL)
    c = w.controls
    if change == "live":
        c.lr.edit.setText("0.02")
        c.lr.edit.editingFinished.emit()
        c.l2.edit.setText("0.001")
        c.l2.edit.editingFinished.emit()
    elif change == "other_width":
        c.widths[1].stepUp()  # the other layer edited: the first keeps its 64
        assert w.model.edited.hidden == (64, 4)
    c.reset.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    expected = (64, 4) if change == "other_width" else (64, 3)
    assert snap.config.hidden == expected and snap.config.init_scale == 0.5 and snap.config.batch_size == 5
    assert [s.value() for s in c.widths[:2]] == list(expected) and c.init.currentData() == 0.5
    assert c.batch.currentData() == 5
