"""Every file of the malformed corpus is refused by its loader with a message naming the problem, quickly."""

import time

import pytest
from malformed_files import CSVS, SESSIONS, write

from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf

QUICK_S = 5.0  # a 48 MB file of a million points is parsed and refused in about 1 s on a loaded machine


@pytest.mark.parametrize("name", SESSIONS)
def test_each_malformed_session_is_refused_with_its_reason(tmp_path, name):
    content, words = SESSIONS[name]
    path = write(tmp_path, name, content, ".json")
    t0 = time.perf_counter()
    with pytest.raises(sf.SessionError) as e:
        sf.load(path)
    assert time.perf_counter() - t0 < QUICK_S
    assert words in str(e.value)


@pytest.mark.parametrize("name", CSVS)
def test_each_malformed_csv_is_refused_with_its_reason(tmp_path, name):
    content, words = CSVS[name]
    path = write(tmp_path, name, content, ".csv")
    t0 = time.perf_counter()
    with pytest.raises(csv_file.CsvError) as e:
        csv_file.read(path)
    assert time.perf_counter() - t0 < QUICK_S
    assert words in str(e.value)


def test_a_session_that_loads_is_trained_exactly_as_saved(tmp_path):
    """The corpus's good session itself loads: the refusals above are about the breakage, not the file."""
    from malformed_files import good_session_text

    s = sf.from_json(good_session_text())
    assert s.state.step == 1 and s.curves["train"] == [[1, 1.1]]


def test_saved_curves_drop_non_finite_points_and_thin_long_runs(tmp_path):
    from malformed_files import good_session_text

    state = sf.from_json(good_session_text()).state
    n = sf.SAVED_CURVE * 3 + 7
    train = [[float(i), 1.0 / (i + 1)] for i in range(n)]
    val = [[1.0, 0.5], [2.0, float("nan")], [3.0, float("inf")], [4.0, 0.25]]
    path = tmp_path / "long.json"
    sf.save(path, sf.Session(state, {"train": train, "val": val}))
    back = sf.load(path)
    assert back.curves["val"] == [[1.0, 0.5], [4.0, 0.25]]  # a NaN validation loss no longer fails the save
    kept = back.curves["train"]
    assert len(kept) == sf.SAVED_CURVE and kept[0] == train[0] and kept[-1] == train[-1]
    assert all(a[0] < b[0] for a, b in zip(kept, kept[1:]))
