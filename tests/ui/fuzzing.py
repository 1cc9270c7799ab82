"""Hypothesis strategies for the window's fuzz tests: mutated sessions and CSVs, small enough to be read on the
GUI thread (big files go to a background reader)."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from malformed_files import good_session_text

FUZZ = settings(max_examples=1000, deadline=None, derandomize=True, database=None, print_blob=False,
                suppress_health_check=list(HealthCheck))
BOM = "\ufeff".encode()
RAW = "@@raw{}@@"  # a string value replaced by raw JSON text once dumped: tokens json.dumps cannot write
TOKENS = st.one_of(
    st.sampled_from(["NaN", "Infinity", "-Infinity", "-0", "1e999", "-1e999", "1e-999", "4.9e-324"]),
    st.builds(lambda sign, n: sign + "1" + "0" * n, st.sampled_from(["", "-"]),
              st.sampled_from([19, 20, 63, 308, 309, 400, 4299, 4300, 5000])),  # ints past int64, floats, str()
    st.builds(lambda open_, depth: open_ * depth + ("]" if open_ == "[" else "]}") * depth,
              st.sampled_from(["[", '{"a":[']), st.sampled_from([2, 100, 999, 1000, 5000, 100_000])),
)
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(), st.integers(2**63 - 2, 2**64 + 2),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=12),
                    st.sampled_from(["eager", "compiled", "relu", "tanh", "train", "points", "adam", "x", ""]))
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=6),
                                                                                             inner, max_size=3),
                      max_leaves=8)



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
    content = mutated_document(data) if data.draw(st.integers(0, 2)) else mutated_bytes(data, good)
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
