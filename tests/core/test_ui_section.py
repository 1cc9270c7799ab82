"""session_ui.check_ui: any JSON value is either refused with SessionError naming a ui field, or made well formed."""

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from micrograd_gui.core.files.session_file import SessionError
from micrograd_gui.core.files.session_ui import check_ui

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.just(10**400) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6), inner, max_size=4),
    max_leaves=16)
KEYS = st.sampled_from(["active_class", "probe", "lesson", "palette", "regions", "hard", "docks", "teacher",
                        "scratch", "other"])


@settings(max_examples=300, deadline=None)
@given(ui=st.dictionaries(KEYS, json_values, max_size=6) | json_values)
def test_any_ui_section_is_refused_by_name_or_checked_into_a_fixed_point(ui):
    try:
        out = check_ui(ui, SessionError)
    except SessionError as e:
        assert str(e).startswith("ui")
        return
    assert check_ui(out, SessionError) == out  # what the window restores passes the check again unchanged
    json.dumps(out, allow_nan=False)  # and saves again
    x, y, c = out["probe"]
    assert abs(x) <= 100 and abs(y) <= 100 and 0 <= c < 6 and 0 <= out["active_class"] < 6
