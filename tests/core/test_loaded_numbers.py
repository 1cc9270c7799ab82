"""Every number a loaded document holds goes through one checker: integers of any size, exact types, named fields."""

from __future__ import annotations

import json
import re
from functools import cache

import pytest

from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer

HUGE = "1" + "0" * 400  # a JSON integer far beyond any float
MARK = "__the_number__"


@cache
def good_text() -> str:
    t = Trainer(get_preset("llm101n").config.with_changes(batch_size=16))
    for _ in range(2):
        t.step()
    return sf.to_json(sf.Session(t.state(), {"train": [[1, 1.2], [2, 1.1]], "val": [[1, 1.3]], "test": [[1, 1.4]]}))


def doc() -> dict:
    return json.loads(good_text())


def with_number(path: tuple, literal: str) -> str:
    """The good session with the value at `path` replaced by the JSON literal, written as it would be on disk."""
    d = doc()
    parent = d
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = MARK
    return json.dumps(d).replace(json.dumps(MARK), literal, 1)


FIELDS = {  # where a number goes -> how the refusal names it
    ("weights", 0): "weights[0]", ("weights", 50): "weights[50]",
    ("data", "x", 0): "data.x[0]", ("data", "y", 99): "data.y[99]",
    ("config", "optimizer", "lr"): "config.optimizer.lr", ("config", "l2"): "config.l2",
    ("config", "l1"): "config.l1", ("config", "init_scale"): "config.init_scale",
    ("config", "dataset", "noise"): "config.dataset.noise", ("config", "optimizer", "beta2"): "config.optimizer.beta2",
    ("optimizer", "m", 0): "optimizer.m[0]", ("optimizer", "v", 3): "optimizer.v[3]",
    ("optimizer", "last_update", 1): "optimizer.last_update[1]", ("last_grad", 2): "last_grad[2]",
    ("curves", "train", 0, 1): "curves.train[0][1]", ("curves", "val", 0, 0): "curves.val[0][0]",
    ("curves", "test", 0, 1): "curves.test[0][1]",
}


@pytest.mark.parametrize("sign", ["", "-"])
@pytest.mark.parametrize("path", FIELDS, ids=[FIELDS[p] for p in FIELDS])
def test_an_integer_beyond_float_range_is_refused_naming_its_field(path, sign):
    with pytest.raises(sf.SessionError) as e:  # never OverflowError
        sf.from_json(with_number(path, sign + HUGE))
    msg = str(e.value)
    assert FIELDS[path] in msg and "not a usable number" in msg
    assert len(msg) < 200  # the 401 digits are not printed back


@pytest.mark.parametrize("path,words", [
    (("config", "batch_size"), "config.batch_size is"), (("config", "seed"), "config.seed is"),
    (("step",), "step is"), (("optimizer", "t"), "optimizer.t is"), (("data", "label", 0), "data.label[0] is"),
    (("config", "hidden", 0), "config.hidden[0] is"), (("config", "optimizer", "decay_steps"), "decay_steps is"),
])
def test_a_whole_number_beyond_range_is_refused_naming_its_field(path, words):
    with pytest.raises(sf.SessionError) as e:
        sf.from_json(with_number(path, HUGE))
    assert words in str(e.value) and len(str(e.value)) < 200


@pytest.mark.parametrize("size", [2**63, 2**63 + 1, 2**64, 5001, 10**12])
def test_a_batch_size_the_plane_cannot_hold_is_refused_at_load(size):
    d = doc()
    d["config"]["batch_size"] = size
    with pytest.raises(sf.SessionError, match="the batch size must be 0 .full batch. or 1 to 5000"):
        sf.from_json(json.dumps(d))


def test_the_config_itself_refuses_a_batch_beyond_the_points_the_plane_holds():
    with pytest.raises(ConfigError, match="batch size"):
        get_preset("llm101n").config.with_changes(batch_size=2**63).validate()
    get_preset("llm101n").config.with_changes(batch_size=5000).validate()


def test_a_session_starting_with_a_byte_order_mark_opens(tmp_path):
    p = tmp_path / "bom.json"
    p.write_bytes(b"\xef\xbb\xbf" + good_text().encode("utf-8"))
    assert sf.load(p).state.step == 2
    assert sf.from_json("\ufeff" + good_text()).state.step == 2


@pytest.mark.parametrize("literal,shown", [("1.0", "1.0"), ('"1"', '"1"'), ("1.5", "1.5"), ("true", "true"),
                                           ("[1]", "[1]")])
def test_a_version_that_is_not_a_whole_number_is_named_as_such(literal, shown):
    with pytest.raises(sf.SessionError) as e:
        sf.from_json(with_number(("version",), literal))
    assert str(e.value) == f"the session's version number should be a whole number such as 1, not {shown}"


def test_a_missing_version_still_says_there_is_none():
    d = doc()
    del d["version"]
    with pytest.raises(sf.SessionError, match="has no version number"):
        sf.from_json(json.dumps(d))


@pytest.mark.parametrize("literal", ["1.5", "true", "false", "null", "[]", '"1.5"', '" 12"', '"1_000"', '"0x10"',
                                     '"\u0661\u0662"', '"\uff11\uff12"', '"+5"', '""', "1e3"])
def test_an_rng_state_that_is_not_a_whole_number_is_refused(literal):
    with pytest.raises(sf.SessionError, match="rng_state should be a whole number"):
        sf.from_json(with_number(("rng_state",), literal))


@pytest.mark.parametrize("literal,state", [('"12345"', 12345), ("12345", 12345), (f'"{2**64 - 1}"', 2**64 - 1)])
def test_an_rng_state_written_as_digits_or_a_json_integer_opens(literal, state):
    assert sf.from_json(with_number(("rng_state",), literal)).state.rng_state == state


@pytest.mark.parametrize("line", [
    "0_5,0,0", "0,1_0,0", "0,0,0_1",  # Python's digit grouping is not CSV
    "\u0660.\u0665,0,0", "0,\u0661,0", "0,0,\u0661",  # Arabic-Indic digits
    "\uff10.\uff15,0,0", "0,\uff11,0", "0,0,\uff11",  # full-width digits
    "\u0966,0,0",  # Devanagari zero
])
def test_csv_numbers_are_ascii_decimals_only(line):
    with pytest.raises(csv_file.CsvError, match=re.escape("line 1: not a number where one is needed")):
        csv_file.parse(line + "\n1,1,1\n")


@pytest.mark.parametrize("cell,value", [("0.5", 0.5), ("+0.5", 0.5), ("-.5", -0.5), ("5.", 5.0), ("1e1", 10.0),
                                        ("-2.5E-1", -0.25), (" 7 ", 7.0)])
def test_csv_accepts_ordinary_decimals(cell, value):
    assert csv_file.parse(f"{cell},0,1\n1,1,0\n").xs[0] == value
