"""File ▸ Open and File ▸ Import fuzzed: mutated sessions and CSVs, each either shown whole (and remembered) or
refused with a banner naming the file, the window unchanged; never an exception, never a Qt warning."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from malformed_files import good_session_text
from uihelpers import wait_snapshot

from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.ui.session_actions import BACKGROUND_BYTES

FUZZ = settings(max_examples=500, deadline=None, derandomize=True, database=None, print_blob=False,
                suppress_health_check=list(HealthCheck))
BOM = "\ufeff".encode()
RAW = "@@raw{}@@"  # a string value replaced by raw JSON text once dumped: tokens json.dumps cannot write
TOKENS = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "-0", "1e999", "-1e999", "1e-999", "4.9e-324"]),
    st.builds(lambda sign, n: sign + "1" + "0" * n, st.sampled_from(["", "-"]),
              st.sampled_from([19, 20, 63, 308, 309, 400, 4299, 4300, 5000])),  # ints past int64, floats, str()
    st.builds(lambda open_, depth: open_ * depth + ("]" if open_ == "[" else "}") * depth,
              st.sampled_from(["[", '{"a":[']), st.sampled_from([2, 100, 999, 1000, 5000, 100_000])),
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(2**63 - 2, 2**64 + 2),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
                    st.sampled_from(["eager", "compiled", "relu", "tanh", "train", "points", "adam", "x", ""]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6),
                                                                                             inner, max_size=3),
                      max_leaves=8)


# ---- what the fuzz opens ---------------------------------------------------------------------------

def alike(v: object) -> st.SearchStrategy:
    """Another value of v's type, in v's range mostly: changes a session may well survive."""
    if isinstance(v, bool):
        return st.booleans()
    if isinstance(v, int):
        return st.integers(0, max(2 * v, 8))
    if isinstance(v, float):
        return st.floats(-2 * abs(v) - 1, 2 * abs(v) + 1)
    if isinstance(v, str):
        return st.sampled_from([v, v.upper(), v[:1], v + " ", "", "relu", "tanh", "sigmoid", "adam", "sgd"])
    return st.just(v)


def mutated_document(data: st.DataObject) -> bytes:
    """The good session with one value replaced, deleted or added somewhere in its tree (raw tokens too)."""
    doc = json.loads(good_session_text())
    raws: list[str] = []
    node = doc
    while True:
        key: str | int = (data.draw(st.sampled_from(sorted(node))) if isinstance(node, dict)
                          else data.draw(st.integers(0, len(node) - 1)))
        child = node[key]
        if isinstance(child, dict | list) and child and data.draw(st.integers(0, 3)):
            node = child  # mostly deeper: most of a session's fields are a few levels down
            continue
        action = data.draw(st.sampled_from(["replace", "replace", "delete", "add"]))
        if action == "delete":
            del node[key]
        else:
            value = data.draw(alike(child) | VALUES | TOKENS.map(lambda t: raws.append(t) or RAW.format(len(raws) - 1)))
            if action == "add" and isinstance(node, dict):
                node[data.draw(st.text(max_size=8))] = value
            elif action == "add":
                node.insert(key, value)
            else:
                node[key] = value
        break
    text = json.dumps(doc, allow_nan=True, separators=(",", ":"))
    for i, raw in enumerate(raws):
        text = text.replace(json.dumps(RAW.format(i)), raw)
    return text.encode()


def mutated_bytes(data: st.DataObject, good: bytes) -> bytes:
    """The good file with bytes flipped, cut short or foreign bytes put in."""
    b = bytearray(good)
    how = data.draw(st.sampled_from(["flip", "truncate", "insert"]))
    if how == "truncate":
        return bytes(b[: data.draw(st.integers(0, len(b) - 1))])
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(b) - 1))
        if how == "flip":
            b[at] ^= data.draw(st.integers(1, 255))
        else:
            b[at:at] = data.draw(st.binary(min_size=1, max_size=6))
    return bytes(b)


def wrapped(data: st.DataObject, content: bytes) -> bytes:
    """Sometimes a byte-order mark in front, sometimes bytes that are not UTF-8 somewhere."""
    if data.draw(st.integers(0, 5)) == 0:
        content = BOM + content
    if data.draw(st.integers(0, 7)) == 0:
        at = data.draw(st.integers(0, len(content)))
        bad = data.draw(st.sampled_from([b"\xff", b"\xc3(", b"\xed\xa0\x80", b"\x80"]))  # never UTF-8
        content = content[:at] + bad + content[at:]
    return content


def fuzzed_session(data: st.DataObject) -> bytes:
    good = good_session_text().encode()
    content = mutated_document(data) if data.draw(st.booleans()) else mutated_bytes(data, good)
    return wrapped(data, content)


CELLS = st.one_of(
    st.floats(-100, 100).map(repr), st.integers(-120, 120).map(str), st.sampled_from(["0", "1", "2", "5", "6"]),
    st.floats(allow_nan=True, allow_infinity=True).map(str), st.text(max_size=8),
    st.text(st.characters(categories=["Nd"]), min_size=1, max_size=4),  # digits of other scripts: not numbers here
    st.sampled_from(["train", "val", "test", "validation", "", " ", '"', '"0.5"', "#", "x", "0_5", "1e308", "-0",
                     "0x10", "½", "１", "NaN", "inf", "\t0.5 "]),
    st.integers(1000, 100_000).map(lambda n: "9" * n),  # a very long line
)


def good_row(data: st.DataObject) -> list[str]:
    row = [repr(data.draw(st.floats(-100, 100))), repr(data.draw(st.floats(-100, 100))),
           str(data.draw(st.integers(0, 5))), data.draw(st.sampled_from(["train", "val", "test", " Val "]))]
    return row[: data.draw(st.integers(3, 4))]


def fuzzed_csv(data: st.DataObject) -> bytes:
    """Good rows (a header or not, any newline), then a few cells, rows or columns changed: some still good."""
    rows = [["x", "y", "label", "split"]] if data.draw(st.booleans()) else []
    rows += [good_row(data) for _ in range(data.draw(st.integers(1, 12)))]
    for _ in range(data.draw(st.sampled_from([0, 0, 1, 1, 2, 3]))):
        i = data.draw(st.integers(0, len(rows) - 1))
        how = data.draw(st.sampled_from(["cell", "cell", "row", "column", "blank"]))
        if how == "cell" and rows[i]:
            rows[i][data.draw(st.integers(0, len(rows[i]) - 1))] = data.draw(CELLS)
        elif how == "row":
            rows.insert(i, data.draw(st.lists(CELLS, max_size=6)))
        elif how in ("column", "cell"):
            rows[i].append(data.draw(CELLS))
        else:
            rows.insert(i, data.draw(st.sampled_from([[], [""], ["# a comment"], [" "]])))
    newline = data.draw(st.sampled_from(["\n", "\r\n", "\r"]))
    content = newline.join(",".join(r) for r in rows).encode()
    if data.draw(st.integers(0, 4)) == 0:
        content = mutated_bytes(data, content)
    return wrapped(data, content)


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
