"""JSON read in pieces: a big document's long arrays parsed a slice at a time, so a thread parsing a 46 MB session
lets the GUI thread run between slices (one json.loads call holds the interpreter for its whole 1-2 s)."""

from __future__ import annotations

import json
from typing import Any

PIECE = 256 * 1024  # characters parsed in one call: ~10 ms
_WS = " \t\n\r"


class _Irregular(Exception):
    """Not the shape the pieces handle: the caller parses the document whole."""


def _ws(text: str, i: int) -> int:
    while i < len(text) and text[i] in _WS:
        i += 1
    return i


def _array(text: str, i: int, dec: json.JSONDecoder) -> tuple[Any, int]:
    """The array at text[i] ('['): parsed in slices if it is long and of numbers or of [number, ...] lists."""
    j = _ws(text, i + 1)
    pairs = text.startswith("[", j)
    end = text.find("]]", i) + 1 if pairs else text.find("]", i)  # the candidate end; checked by the slices
    if end <= 0 or end - i < 2 * PIECE or (not pairs and text[j:j + 1] not in "-0123456789"):
        return dec.raw_decode(text, i)
    sep = "]," if pairs else ","
    out: list[Any] = []
    pos = i + 1
    try:
        while pos < end:
            cut = text.find(sep, pos + PIECE, end)
            stop = end if cut < 0 else cut + len(sep) - 1  # a slice ends after a whole element
            out.extend(dec.decode("[" + text[pos:stop] + "]"))
            pos = stop + 1
    except ValueError:  # a slice that is not whole elements (a string holding "],"): the array at once
        return dec.raw_decode(text, i)
    return out, end + 1


def _object(text: str, i: int, dec: json.JSONDecoder, depth: int) -> tuple[dict[str, Any], int]:
    obj: dict[str, Any] = {}
    i = _ws(text, i + 1)
    if text.startswith("}", i):
        return obj, i + 1
    while True:
        key, i = dec.raw_decode(text, i)
        i = _ws(text, i)
        if not isinstance(key, str) or not text.startswith(":", i):
            raise _Irregular
        obj[key], i = _value(text, _ws(text, i + 1), dec, depth)  # a repeated key: the last wins, as in json
        i = _ws(text, i)
        if text.startswith(",", i):
            i = _ws(text, i + 1)
        elif text.startswith("}", i):
            return obj, i + 1
        else:
            raise _Irregular


def _value(text: str, i: int, dec: json.JSONDecoder, depth: int) -> tuple[Any, int]:
    if text.startswith("{", i) and depth < 3:
        return _object(text, i, dec, depth + 1)
    if text.startswith("[", i):
        return _array(text, i, dec)
    return dec.raw_decode(text, i)


def loads(text: str, dec: json.JSONDecoder) -> Any:
    """What dec.decode(text) gives (and the same errors), a slice of a long array at a time."""
    if len(text) < 4 * PIECE:
        return dec.decode(text)
    try:
        start = _ws(text, 0)
        if not text.startswith("{", start):
            raise _Irregular
        doc, end = _object(text, start, dec, 1)
        if _ws(text, end) != len(text):
            raise _Irregular
        return doc
    except (_Irregular, ValueError):  # the whole text at once: its error names the line and column
        return dec.decode(text)
