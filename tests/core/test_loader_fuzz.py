"""The session and CSV loaders fuzzed: any input either loads into something trainable or raises
SessionError / CsvError with a message; every other exception is a bug."""

from __future__ import annotations

import json
import math
import os
from functools import cache
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.datasets import MAX_CLASSES, MAX_POINTS
from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Diverged, Trainer

# MICROGRAD_FUZZ_EXAMPLES=5000 for a deeper run than CI's
FUZZ = settings(max_examples=int(os.environ.get("MICROGRAD_FUZZ_EXAMPLES", "300")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

numbers = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70), st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from([0, 1, -1, 2, 3, 100, 5000, 5001, 20_001, 2**63, 2**64, 10**400, -(10**400), 1e12, 1e13, 1e308,
                     -1e-320, 0.5, 1.0]))
scalars = st.one_of(st.none(), st.booleans(), numbers, st.text(max_size=12),
                    st.sampled_from(["adamw", "sgd", "spiral", "tanh", "hinge", "fast", "eager", "1", "0x10", ""]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=6), st.dictionaries(st.text(max_size=8), inner, max_size=6)), max_leaves=20)


@cache
def good_text() -> str:
    t = Trainer(get_preset("llm101n").config.with_changes(batch_size=16))
    for _ in range(3):
        t.step()
    return sf.to_json(sf.Session(t.state(), {"train": [[1, 1.2], [2, 1.1]], "val": [[1, 1.3]]},
                                 {"probe": [0.0, 0.0, 0], "docks": ["lossDock"]}))


def paths(doc: Any, prefix: tuple = ()) -> list[tuple]:
    """Every place in the document a mutation can hit (the first and last items of long lists)."""
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += paths(v, (*prefix, k))
    elif isinstance(doc, list):
        idx = range(len(doc)) if len(doc) <= 4 else (0, 1, len(doc) - 1)
        for i in idx:
            out += paths(doc[i], (*prefix, i))
    return out


@cache
def good_paths() -> list[tuple]:
    return paths(json.loads(good_text()))[1:]


def mutate(doc: Any, path: tuple, how: str, value: Any) -> Any:
    if not path:
        return value
    parent = doc
    for key in path[:-1]:
        parent = parent[key]
    key = path[-1]
    if how == "delete":
        del parent[key]
    elif how == "append" and isinstance(parent[key], list):
        parent[key].append(value)
    else:
        parent[key] = value
    return doc


def loads_or_refuses(text: str) -> sf.Session | None:
    """from_json must give a session the trainer accepts, or a SessionError with a message."""
    try:
        s = sf.from_json(text)
    except sf.SessionError as e:
        assert str(e), "a SessionError must say what is wrong"
        return None
    t = Trainer.from_state(s.state)  # what the window does next: it must not fail now
    assert len(t.data) <= MAX_POINTS
    try:
        t.step()
    except (Diverged, ConfigError):
        pass  # a run can be untrainable (one class, or diverging) and say so; it must not crash
    return s


@FUZZ
@given(st.lists(st.tuples(st.sampled_from(range(10_000)), st.sampled_from(["set", "delete", "append"]),
                          json_values), min_size=1, max_size=3))
def test_mutated_sessions_load_or_name_the_problem(mutations):
    doc = json.loads(good_text())
    for pick, how, value in mutations:
        ps = paths(doc)[1:]
        if not ps:
            break
        doc = mutate(doc, ps[pick % len(ps)], how, value)
    loads_or_refuses(json.dumps(doc, allow_nan=True))


@FUZZ
@given(json_values)
def test_any_json_document_is_refused_with_a_message(value):
    assert loads_or_refuses(json.dumps(value, allow_nan=True)) is None


@FUZZ
@given(st.integers(min_value=0, max_value=10**9), st.text(max_size=20))
def test_truncated_or_spliced_session_text(cut, junk):
    text = good_text()
    cut %= len(text)
    loads_or_refuses(text[:cut] + junk)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_session_file(tmp_path_factory, raw):
    p = tmp_path_factory.getbasetemp() / "fuzz-session.json"
    p.write_bytes(raw)
    with pytest.raises(sf.SessionError):
        sf.load(p)


# ---- CSV ----------------------------------------------------------------------------------------

cell = st.one_of(st.sampled_from(["0", "1", "-1", "2", "5", "6", "0.5", "-2.5", "1e3", "nan", "inf", "-inf", "1e400",
                                  "", " ", "x", "y", "label", "train", "val", "test", "holdout", "#", '"', '""',
                                  "9" * 5000, "1_0", "\t1", "٣"]),
                 st.text(max_size=6), st.floats(allow_nan=True).map(repr), st.integers().map(str))
csv_lines = st.lists(st.lists(cell, max_size=5).map(",".join), max_size=30).map("\n".join)


def parses_or_refuses(text: str) -> None:
    try:
        d = csv_file.parse(text)
    except csv_file.CsvError as e:
        assert str(e)
        return
    assert 1 <= len(d) <= MAX_POINTS
    assert all(math.isfinite(v) and abs(v) <= 100 for v in d.xs + d.ys)
    assert all(0 <= c < MAX_CLASSES for c in d.labels) and all(s in (0, 1, 2) for s in d.splits)
    assert d.num_classes > max(d.labels)


@FUZZ
@given(csv_lines)
def test_csv_like_text_imports_or_names_the_bad_lines(text):
    parses_or_refuses(text)


@FUZZ
@given(st.text(max_size=400))
def test_any_text_as_csv(text):
    parses_or_refuses(text)


@FUZZ
@given(st.binary(max_size=3000))
def test_any_bytes_as_a_csv_file(tmp_path_factory, raw):
    p = tmp_path_factory.getbasetemp() / "fuzz-points.csv"
    p.write_bytes(raw)
    try:
        d = csv_file.read(p)
    except csv_file.CsvError as e:
        assert str(e)
        return
    assert 1 <= len(d) <= MAX_POINTS
