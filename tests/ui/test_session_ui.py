"""A session's `ui` section through the window: checked whole before anything changes, the remembered file right."""

import json
from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from malformed_files import good_session_text
from uihelpers import wait_snapshot

from micrograd_gui.core.files.session_file import SessionError
from micrograd_gui.core.files.session_ui import check_ui


@cache
def good_doc_text() -> str:
    return good_session_text()


def session_with_ui(path, ui):
    doc = json.loads(good_doc_text())
    doc["ui"] = ui
    path.write_text(json.dumps(doc))
    return path


def shown(w):
    """What the window shows of a session, beside its settings and points."""
    t = w.model.teacher
    return (w.model.applied, w.model.data, w.model.probe, w.model.active_class, w.model.view, t.hidden, t.locked,
            w.model.scratch.text, w.sessions.path)


def open_first(qtbot, w, tmp_path):
    """The window shows a.json, opened from a file with a probe, a class, a teacher and Scratchpad text."""
    ui = {"probe": [1.5, -2.0, 1], "active_class": 1, "teacher": {"hidden": ["l1"], "locked": []},
          "scratch": {"text": "a = 2.0\nb = a * 3", "values": {}}, "hard": True}
    a = session_with_ui(tmp_path / "a.json", ui)
    assert w.sessions.open_path(str(a))
    wait_snapshot(qtbot, w, lambda s: s.step == 1 and s.probe == (1.5, -2.0, 1))
    return a


BAD = [({"teacher": {"hidden": 5}}, "ui.teacher.hidden"), ({"teacher": {"locked": None}}, "ui.teacher.locked"),
       ({"teacher": {"hidden": [["reset"]]}}, "ui.teacher.hidden"), ({"teacher": [["reset"]]}, "ui.teacher"),
       ({"teacher": {"hidden": "points"}}, "ui.teacher.hidden"), ({"scratch": {"text": 5}}, "ui.scratch"),
       ({"scratch": [["a = 1"]]}, "ui.scratch"),
       ({"scratch": {"text": "x" * 1_000_001}}, "ui.scratch.text")]


@pytest.mark.parametrize(("ui", "field"), BAD)
def test_a_malformed_teacher_or_scratchpad_is_refused_by_name_and_the_window_keeps_its_file(qtbot, window, tmp_path,
                                                                                            ui, field):
    w = window
    a = open_first(qtbot, w, tmp_path)
    before = shown(w)
    bad = session_with_ui(tmp_path / "bad.json", ui)
    assert not w.sessions.open_path(str(bad))
    text = w.message.text.text()
    assert w.message.kind == "error" and "Could not open bad.json" in text and field in text, text
    assert shown(w) == before and w.sessions.path == str(a)


def test_odd_cosmetic_fields_take_a_new_windows_values_not_the_previous_sessions(qtbot, window, tmp_path):
    w = window
    open_first(qtbot, w, tmp_path)
    odd = session_with_ui(tmp_path / "odd.json", {"probe": "origin", "active_class": [[1]], "hard": None,
                                                  "teacher": {"hidden": [], "locked": []}, "lesson": {"a": 1}})
    assert w.sessions.open_path(str(odd))
    wait_snapshot(qtbot, w, lambda s: s.probe == (0.0, 0.0, 0))
    assert w.model.probe == (0.0, 0.0, 0) and w.model.active_class == 0 and not w.model.view.hard
    assert not w.model.teacher.hidden and w.model.lesson is None and w.sessions.path == str(odd)
    assert w.model.scratch.text == "a = 2.0\nb = a * 3"  # a file without a Scratchpad leaves it as it is
    # slider values that are not finite numbers are dropped: their leaves show the text's numbers
    odd = session_with_ui(tmp_path / "odd2.json", {"scratch": {"text": "a = 1.0\nb = 2.0", "values": {
        "a": None, "b": 10**400}}})
    assert w.sessions.open_path(str(odd))
    assert w.model.scratch.text == "a = 1.0\nb = 2.0" and w.model.scratch.values == {}


def test_restore_of_a_malformed_autosave_changes_nothing_and_of_a_good_one_forgets_the_open_file(qtbot, window,
                                                                                               tmp_path):
    w = window
    a = open_first(qtbot, w, tmp_path)
    before = shown(w)
    offer = w.sessions.files.folder / "recovery-offered-0-1.json"  # as a window that died leaves its autosave
    session_with_ui(offer, {"teacher": {"hidden": 5}})
    assert w.sessions.pending_recovery() == offer
    assert not w.sessions.restore_recovery()
    assert w.message.kind == "error" and "ui.teacher.hidden" in w.message.text.text()
    assert shown(w) == before and w.sessions.path == str(a)
    session_with_ui(offer, {"probe": [3.0, 4.0, 0]})
    assert w.sessions.restore_recovery()
    wait_snapshot(qtbot, w, lambda s: s.probe == (3.0, 4.0, 0))
    # the window shows the autosave, not a.json: Ctrl+S asks where to save instead of overwriting a.json
    assert w.sessions.path is None


@pytest.mark.parametrize("text", ["", "a = 1.0\n" + "# a long paste\n" * 2_000])
def test_a_saved_scratchpad_comes_back_as_it_was_empty_or_longer_than_it_parses(qtbot, window, tmp_path, text):
    w = window
    w.model.scratch.set_text(text)
    path = tmp_path / "scratch.json"
    with qtbot.waitSignal(w.sessions.saved):
        w.sessions.save_to(str(path))
    w.model.scratch.set_text("c = 1.0")
    assert w.sessions.open_path(str(path)) and w.model.scratch.text == text


# ---- random ui sections ---------------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**30), 10**30) | st.just(10**400)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=8)
    | st.sampled_from(["reset", "points", "colorblind", "lossDock", "two-moons", "a = 1"]),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=12)
UI_KEYS = ["active_class", "probe", "lesson", "palette", "regions", "hard", "contour", "show_val", "show_test",
           "docks", "teacher", "scratch", "presentation", "unknown"]
NESTED = [("teacher", "hidden"), ("teacher", "locked"), ("scratch", "text"), ("scratch", "values")]


def valid_ui():
    return {"active_class": 1, "probe": [0.5, 0.5, 1], "lesson": "", "palette": "standard", "regions": True,
            "hard": False, "contour": False, "show_val": True, "show_test": True, "docks": ["lossDock"],
            "teacher": {"hidden": [], "locked": []}, "scratch": {"text": "a = 1.0", "values": {"a": 2.0}}}


mutations = st.lists(st.one_of(
    st.tuples(st.sampled_from(UI_KEYS), json_values),
    st.tuples(st.sampled_from(NESTED), json_values)), min_size=1, max_size=4)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=mutations)
def test_random_ui_sections_are_refused_with_a_message_or_restored_completely(qtbot, window, tmp_path, changes):
    w = window
    ui = valid_ui()
    for key, value in changes:
        if isinstance(key, tuple):
            if isinstance(ui.get(key[0]), dict):
                ui[key[0]][key[1]] = value
        else:
            ui[key] = value
    try:
        expected = check_ui(json.loads(json.dumps(ui)), SessionError)
    except SessionError:
        expected = None
    before = shown(w)
    path = session_with_ui(tmp_path / f"fuzz-{w.model.snapshots_drawn}.json", ui)
    opened = w.sessions.open_path(str(path))  # an exception escaping here fails the test
    if expected is None:
        assert not opened and w.message.kind == "error" and f"Could not open {path.name}" in w.message.text.text()
        assert shown(w) == before
        return
    assert opened and w.sessions.path == str(path)
    x, y, c = expected["probe"]
    assert w.model.probe == (x, y, c) and w.model.active_class == expected["active_class"]
    assert w.model.teacher.hidden <= set(expected["teacher"]["hidden"])
    assert w.model.teacher.locked <= set(expected["teacher"]["locked"])
    assert w.model.view.palette == expected["palette"] and w.model.view.hard == expected["hard"]
    if "scratch" in expected:
        assert w.model.scratch.text == expected["scratch"]["text"]
    w.model.set_teacher(set(), set())  # the next example opens without a teacher's locks in the way


def test_a_refusal_banner_goes_when_another_file_opens(qtbot, window, tmp_path):
    w = window
    bad = session_with_ui(tmp_path / "bad.json", {"teacher": {"hidden": 5}})
    assert not w.sessions.open_path(str(bad))
    assert w.message.isVisible() and "bad.json" in w.message.text.text()
    open_first(qtbot, w, tmp_path)
    assert not w.message.isVisible() or "bad.json" not in w.message.text.text()
