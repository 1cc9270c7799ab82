"""A corpus of broken session and CSV files, each with the words its refusal must contain.

Shared by tests/core (the loaders raise SessionError / CsvError) and tests/ui (the window shows the message
and changes nothing)."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer

MILLION = 1_000_000


@cache
def good_session_text() -> str:
    t = Trainer(get_preset("llm101n").config)
    t.step()
    return sf.to_json(sf.Session(t.state(), {"train": [[1, 1.1]], "val": []}, {"probe": [0.0, 0.0, 0]}))


def _doc(change: Callable[[dict], object]) -> Callable[[Path], None]:
    """Writes the good session with one change (made when the file is written, not on import)."""

    def write(path: Path) -> None:
        d = json.loads(good_session_text())
        change(d)
        path.write_text(json.dumps(d, allow_nan=True))

    return write


def _text(change: Callable[[str], str]) -> Callable[[Path], None]:
    return lambda path: path.write_text(change(good_session_text()), encoding="utf-8")


def _million_points(d: dict) -> None:
    d["data"] = {"x": [0.5] * MILLION, "y": [0.5] * MILLION, "label": [0] * MILLION, "split": [0] * MILLION,
                 "num_classes": 2}


def _sparse(path: Path, size: int) -> None:
    with open(path, "wb") as f:
        f.truncate(size)  # a sparse file: as big as it says, written in no time


# not files at all: refused before a byte is read (a pipe without a writer would block a plain open for ever)
UNREADABLE: dict[str, tuple[bytes | Callable[[Path], None], str]] = {} if not hasattr(os, "mkfifo") else {
    "named-pipe": (lambda p: os.mkfifo(p), "cannot read the file: it is a named pipe, not a regular file"),
    "link-to-dev-zero": (lambda p: p.symlink_to("/dev/zero"), "cannot read the file: it is a device"),
    "link-to-dev-urandom": (lambda p: p.symlink_to("/dev/urandom"), "cannot read the file: it is a device"),
}

# name -> (file content, or a function that makes the file; words the message must contain)
SESSIONS: dict[str, tuple[bytes | Callable[[Path], None], str]] = {
    "truncated": (lambda p: p.write_text(good_session_text()[:700]), "not valid JSON"),
    "empty": (b"", "not valid JSON"),
    "not-a-session": (b'{"hello": "world"}', "not a micrograd GUI session"),
    "newer-version": (_doc(lambda d: d.update(version=2)), "newer version of the app (format 2)"),
    "version-zero": (_doc(lambda d: d.update(version=0)), "unknown session format version 0"),
    "version-text": (_doc(lambda d: d.update(version="1")), "version number should be a whole number such as 1"),
    "version-float": (_doc(lambda d: d.update(version=1.0)), "version number should be a whole number such as 1, "
                                                             "not 1.0"),
    "rng-state-float": (_doc(lambda d: d.update(rng_state=1.5)), "rng_state should be a whole number"),
    "rng-state-true": (_doc(lambda d: d.update(rng_state=True)), "rng_state should be a whole number"),
    "integer-beyond-floats": (_text(lambda t: t.replace('"weights":[', '"weights":[1' + "0" * 400 + ",", 1)),
                              "weights[0] is an integer of about 401 digits: not a usable number"),
    "lr-beyond-floats": (_text(lambda t: t.replace('"lr":0.1', '"lr":-1' + "0" * 400, 1)),
                         "config.optimizer.lr is a negative integer of about 401 digits"),
    "batch-2-to-63": (_doc(lambda d: d["config"].update(batch_size=2**63)),
                      "the batch size must be 0 (full batch) or 1 to 5000"),
    "weights-text": (_doc(lambda d: d.update(weights="0.1 0.2")), "weights should be a list of numbers"),
    "lr-text": (_doc(lambda d: d["config"]["optimizer"].update(lr="fast")), "config.optimizer.lr should be a number"),
    "hidden-float": (_doc(lambda d: d["config"].update(hidden=[8.5])), "config.hidden[0] should be a whole number"),
    "label-float": (_doc(lambda d: d["data"]["label"].__setitem__(0, 1.5)), "data.label[0] should be a whole"),
    "nan": (_text(lambda t: t.replace('"weights":[', '"weights":[NaN,', 1)), "contains NaN"),
    "infinity": (_text(lambda t: t.replace('"weights":[', '"weights":[-Infinity,', 1)), "contains -Infinity"),
    "huge-float": (_doc(lambda d: d["weights"].__setitem__(0, 1e300)), "weights[0] is 1e+300"),
    "overflowing-float": (_text(lambda t: t.replace('"weights":[', '"weights":[1e999,', 1)), "not a usable number"),
    "huge-int": (_text(lambda t: t.replace('"step":1', '"step":' + "9" * 5000, 1)), "a value JSON cannot read"),
    "far-point": (_doc(lambda d: d["data"]["x"].__setitem__(0, 1e6)), "far outside the plane"),
    "million-points": (_doc(_million_points), "data.x has 1000000 values; at most 5000"),
    "too-big-a-model": (_doc(lambda d: d["config"].update(hidden=[64] * 6)), "limit is 20000"),
    "weights-of-another-model": (_doc(lambda d: d["config"].update(hidden=[4])), "does not fit its settings"),
    "deep-nesting": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "binary": (bytes(range(256)) * 40, "not UTF-8"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not UTF-8"),
    "utf-16": (lambda p: p.write_bytes(good_session_text().encode("utf-16")), "not UTF-8"),
    "latin-1": ('{"format": "micrograd-gui-session", "note": "café"}'.encode("latin-1"), "not UTF-8"),
    "too-large": (lambda p: _sparse(p, sf.MAX_BYTES + 1), "sessions are at most 50 MB"),
    "a-folder": (lambda p: p.mkdir(), "cannot read the file"),
    **UNREADABLE,
}

CSVS: dict[str, tuple[bytes | Callable[[Path], None], str]] = {
    "truncated-line": (b"x,y,label\n0.5,0.5,0\n0.25,", "line 3: expected x, y, label[, split], got 2 fields"),
    "words": (b"x,y,label\nleft,up,red\n", "line 2: not a number where one is needed"),
    "nan": (b"nan,0,0\n0,0,1\n", "line 1: x and y must be finite numbers"),
    "infinity": (b"0,0,0\n0,inf,1\n", "line 2: x and y must be finite"),
    "huge": (b"1e308,0,0\n", "within \u00b1100"),
    "label": (b"0,0,0\n1,1,7\n", "line 2: label must be 0..5"),
    "split": (b"0,0,0,holdout\n", "split 'holdout' is not train, val or test"),
    "empty": (b"", "holds no points"),
    "header-only": (b"x,y,label,split\n", "holds no points"),
    "too-many-points": ("\n".join("0.5,0.5,0" for _ in range(5001)).encode(), "more than 5000 points"),
    "million-points": (lambda p: p.write_bytes(b"0,0,0\n" * MILLION), "larger than 5 MB"),
    "huge-field": (b'"' + b"1" * 200_000 + b'",0,0\n', "line 1: field larger than field limit"),
    "binary": (b"\x00\x01\x02\x03garbage\x00", "binary data"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "not UTF-8"),
    "utf-16": ("x,y,label\n0,0,0\n".encode("utf-16"), "not UTF-8"),
    "latin-1": ("x,y,label\n0,0,0 # café\n".encode("latin-1"), "not UTF-8"),
    "a-folder": (lambda p: p.mkdir(), "cannot read the file"),
    "digit-grouping": (b"0_5,0,0\n", "line 1: not a number where one is needed"),
    "arabic-indic-digits": ("\u0660.\u0665,0,0\n".encode(), "line 1: not a number where one is needed"),
    "full-width-digits": ("0,\uff11,0\n".encode(), "line 1: not a number where one is needed"),
    **UNREADABLE,
}


def write(folder: Path, name: str, content: bytes | Callable[[Path], None], suffix: str) -> Path:
    path = folder / f"{name}{suffix}"
    if callable(content):
        content(path)
    else:
        path.write_bytes(content)
    return path
