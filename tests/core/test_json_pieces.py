"""json_pieces.loads gives what json.loads gives, its errors too, while slicing long arrays."""

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from micrograd_gui.core.files import json_pieces

TRICKY = 'ab],["{}:\\ 1'  # what could fool a slice: brackets, commas, quotes inside strings
leaves = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(alphabet=TRICKY, max_size=6)
values = st.recursive(leaves, lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=4), inner,
                                                                                          max_size=4), max_leaves=20)
pairs = st.lists(st.lists(st.floats(allow_nan=False) | st.integers(), min_size=2, max_size=2) | values, max_size=60)
docs = st.dictionaries(st.text(max_size=4), values | pairs | st.dictionaries(st.text(max_size=3), pairs, max_size=3),
                       max_size=5)


@pytest.fixture(autouse=True)
def tiny_pieces(monkeypatch):
    monkeypatch.setattr(json_pieces, "PIECE", 8)  # slices of a few elements: every path is taken on small documents


def outcome(fn, text):
    try:
        return "ok", fn(text)
    except (ValueError, RecursionError) as e:
        return "error", type(e), str(e)


@settings(max_examples=400, deadline=None)
@given(doc=docs, spaced=st.booleans(), cut=st.integers(0, 10**6))
def test_the_same_document_or_the_same_error_as_json_loads(doc, spaced, cut):
    text = json.dumps(doc, separators=(", ", ": ") if spaced else (",", ":"))
    dec = json.JSONDecoder()
    assert outcome(lambda t: json_pieces.loads(t, dec), text) == outcome(json.loads, text)
    broken = text[:cut % (len(text) + 1)]  # truncated: the same message, with its line and column
    assert outcome(lambda t: json_pieces.loads(t, dec), broken) == outcome(json.loads, broken)


def test_constants_are_refused_as_the_decoder_says_even_inside_a_slice():
    def refuse(c):
        raise ValueError(f"no {c}")

    text = '{"curves": {"train": [' + ",".join(f"[{i}, 1.0]" for i in range(50)) + ', [1, NaN]]}}'
    with pytest.raises(ValueError, match="no NaN"):
        json_pieces.loads(text, json.JSONDecoder(parse_constant=refuse))
