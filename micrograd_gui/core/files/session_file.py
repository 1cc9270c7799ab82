"""Save and open a whole session as versioned JSON; every problem is named, the user's file never truncated."""

from __future__ import annotations

import json
import math
import os
from dataclasses import MISSING, Field, asdict, dataclass, field, fields
from itertools import chain
from typing import Any

import numpy as np

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.datasets import MAX_CLASSES, MAX_POINTS, PLANE_LIMIT, Dataset, DatasetSpec
from micrograd_gui.core.features import DEFAULT as DEFAULT_FEATURES
from micrograd_gui.core.files import json_pieces, numbers
from micrograd_gui.core.files.atomic import atomic_write
from micrograd_gui.core.files.reading import read_text
from micrograd_gui.core.files.session_ui import check_ui
from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.trainer import Trainer, TrainerState

FORMAT = "micrograd-gui-session"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
MAX_CURVE = 1_000_000  # [step, loss] pairs a curve may have when read
SAVED_CURVE = 200_000  # pairs a curve keeps when written: a long run's session stays a few MB


class SessionError(ValueError):
    """The file is not a session this version can open; the message names what is wrong."""


@dataclass(frozen=True)
class Session:
    state: TrainerState
    curves: dict[str, list[list[float]]] = field(default_factory=dict)  # "train"/"val"/"test": [[step, loss], ...]
    ui: dict[str, Any] = field(default_factory=dict)  # panels, modes, probe: as session_ui.check_ui leaves them


# ---- to JSON ------------------------------------------------------------------------------------

def _config_dict(c: TrainConfig) -> dict[str, Any]:
    d = asdict(c)
    d["hidden"] = list(c.hidden)
    if c.features == DEFAULT_FEATURES:  # x, y: the file stays as before feature inputs, for older versions too
        del d["features"]
    else:
        d["features"] = list(c.features)
    return d


def _saved_curve(points: list[list[float]]) -> list[list[float]]:
    """A loss curve without NaN or infinite points (JSON has none), thinned evenly to SAVED_CURVE pairs."""
    pts = [[float(a), float(b)] for a, b in points if math.isfinite(a) and math.isfinite(b)]
    if len(pts) > SAVED_CURVE:  # keep the first and the last, evenly spaced between
        pts = [pts[round(i * (len(pts) - 1) / (SAVED_CURVE - 1))] for i in range(SAVED_CURVE)]
    return pts


def to_json(s: Session) -> str:
    st = s.state
    d = st.data
    optimizer: dict[str, Any] = {"t": st.opt_t, "m": st.opt_m.tolist(), "v": st.opt_v.tolist()}
    doc: dict[str, Any] = {
        "format": FORMAT, "version": VERSION,
        "config": _config_dict(st.config),
        "data": {"x": list(d.xs), "y": list(d.ys), "label": list(d.labels), "split": list(d.splits),
                 "num_classes": d.num_classes},
        "weights": st.theta.tolist(),
        "optimizer": optimizer,
        "rng_state": str(st.rng_state),  # 64-bit: a string survives every JSON reader
        "step": st.step,
        "curves": {name: _saved_curve(points) for name, points in s.curves.items()},
        "ui": s.ui,
    }
    # what the last step did (shown in the optimizer table, not needed to continue): kept when readable back
    if st.opt_last_update is not None and _storable(st.opt_last_update):
        optimizer["last_update"] = st.opt_last_update.tolist()
    if st.last_grad is not None and _storable(st.last_grad):
        doc["last_grad"] = st.last_grad.tolist()
    return json.dumps(doc, allow_nan=False, separators=(",", ":"))


def _storable(a: np.ndarray) -> bool:
    return bool(np.isfinite(a).all() and (np.abs(a) <= 1e12).all())


def save(path: str | os.PathLike[str], s: Session) -> None:
    atomic_write(path, to_json(s))


# ---- from JSON ----------------------------------------------------------------------------------

def _get(d: dict[str, Any], key: str, where: str) -> Any:
    if not isinstance(d, dict):
        raise SessionError(f"{where} should be an object")
    if key not in d:
        raise SessionError(f"{where} has no '{key}'")
    return d[key]


def _num(v: Any, where: str) -> float:
    return numbers.number(v, where, SessionError)


def _int(v: Any, where: str, lo: int = 0, hi: int = 2**63) -> int:
    return numbers.whole(v, where, SessionError, lo, hi)


def _numbers(v: Any, where: str, n: int | None = None, limit: int = MAX_POINTS * 10) -> list[float]:
    return numbers.numbers(v, where, SessionError, n, limit)


def _usable_pairs(pts: list[Any]) -> bool:
    """Whether pts is [[number, number], ...] as number() reads them, in C-level passes: a million pairs (a long
    run's curve) take a fraction of a second, not one Python step each."""
    if not pts:
        return True
    if set(map(type, pts)) != {list} or set(map(len, pts)) != {2}:
        return False
    return numbers.all_usable(list(chain.from_iterable(pts)))


def _default(f: Field) -> Any:
    return f.default_factory() if f.default is MISSING and f.default_factory is not MISSING else f.default


def _setting(v: Any, default: Any, where: str) -> Any:
    """v checked against the type of the setting's default: settings are never silently coerced."""
    if isinstance(default, bool):
        if not isinstance(v, bool):
            raise SessionError(f"{where} should be true or false, not {json.dumps(v)[:40]}")
        return v
    if isinstance(default, int):
        return _int(v, where, -(2**64), 2**64)
    if isinstance(default, float) or default is None:  # init_scale: None or a number
        return None if v is None and default is None else _num(v, where)
    if isinstance(default, str):
        if not isinstance(v, str):
            raise SessionError(f"{where} should be text, not {type(v).__name__}")
        return v
    if isinstance(default, tuple) and default and isinstance(default[0], str):  # the feature inputs
        if not isinstance(v, list) or len(v) > 16 or not all(isinstance(x, str) for x in v):
            raise SessionError(f"{where} should be a short list of names, like {json.dumps(list(default))}")
        return tuple(v)
    if isinstance(default, tuple):  # the hidden layer sizes
        if not isinstance(v, list) or len(v) > 64:
            raise SessionError(f"{where} should be a short list of whole numbers")
        return tuple(_int(x, f"{where}[{i}]", -(2**64), 2**64) for i, x in enumerate(v))
    raise AssertionError(f"no rule for {where}")  # a new kind of setting needs a rule here


def _settings(cls: type, d: Any, where: str) -> dict[str, Any]:
    if not isinstance(d, dict):
        raise SessionError(f"{where} should be an object")
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(d) - set(known))
    if unknown:
        raise SessionError(f"{where} has a setting this version does not know: '{unknown[0]}'")
    out = {}
    for k, v in d.items():
        default = _default(known[k])
        if isinstance(default, (DatasetSpec, OptimizerConfig)):
            out[k] = type(default)(**_settings(type(default), v, f"{where}.{k}"))
        else:
            out[k] = _setting(v, default, f"{where}.{k}")
    return out


def _config(d: Any) -> TrainConfig:
    _get(d, "dataset", "config")
    _get(d, "optimizer", "config")
    config = TrainConfig(**_settings(TrainConfig, d, "config"))
    try:
        config.validate()
    except (ValueError, ConfigError) as e:
        raise SessionError(f"the settings in the file are not valid: {e}") from None
    return config


def _dataset(d: Any) -> Dataset:
    x = _numbers(_get(d, "x", "data"), "data.x", limit=MAX_POINTS)
    n = len(x)
    y = _numbers(_get(d, "y", "data"), "data.y", n)
    labels = _get(d, "label", "data")
    splits = _get(d, "split", "data")
    if not isinstance(labels, list) or len(labels) != n or not isinstance(splits, list) or len(splits) != n:
        raise SessionError(f"data.label and data.split must each have {n} entries, like data.x")
    lab = [_int(c, f"data.label[{i}]", 0, MAX_CLASSES - 1) for i, c in enumerate(labels)]
    spl = [_int(s, f"data.split[{i}]", 0, 2) for i, s in enumerate(splits)]
    k = _int(_get(d, "num_classes", "data"), "data.num_classes", 1, MAX_CLASSES)
    if any(abs(v) > PLANE_LIMIT for v in x + y):
        raise SessionError(f"data has points far outside the plane (|x| or |y| over {PLANE_LIMIT:g})")
    return Dataset(tuple(x), tuple(y), tuple(lab), tuple(spl), max(k, max(lab, default=0) + 1))


def _not_a_number(c: str) -> Any:
    raise SessionError(f"the file contains {c}, which is not a number")


def from_json(text: str) -> Session:
    text = text.removeprefix("\ufeff")  # a byte-order mark, as some Windows editors write: not part of the JSON
    try:
        doc = json_pieces.loads(text, json.JSONDecoder(parse_constant=_not_a_number))
    except json.JSONDecodeError as e:
        raise SessionError(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); "
                           "the file may be truncated or not a session") from None
    except RecursionError:
        raise SessionError("the JSON is nested too deeply to be a session") from None
    except ValueError as e:  # e.g. an integer of more than 4300 digits
        raise SessionError(f"the file holds a value JSON cannot read: {e}") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError("this is not a micrograd GUI session file")
    if "version" not in doc:
        raise SessionError("the session file has no version number")
    version = doc["version"]
    if not isinstance(version, int) or isinstance(version, bool):  # 1.0 too: every whole number here is an integer
        raise SessionError("the session's version number should be a whole number such as 1, not "
                           f"{json.dumps(version)[:40]}")
    if version > VERSION:
        raise SessionError(f"the session was saved by a newer version of the app (format {version}); "
                           f"this version reads format {VERSION}")
    if version < 1:
        raise SessionError(f"unknown session format version {version}")
    config = _config(_get(doc, "config", "the session"))
    data = _dataset(_get(doc, "data", "the session"))
    theta = _numbers(_get(doc, "weights", "the session"), "weights", limit=100_000)
    opt = _get(doc, "optimizer", "the session")
    n = len(theta)
    m = _numbers(_get(opt, "m", "optimizer"), "optimizer.m", n, limit=100_000)
    v = _numbers(_get(opt, "v", "optimizer"), "optimizer.v", n, limit=100_000)
    if any(x < 0 for x in v):
        raise SessionError("optimizer.v holds squared gradients and cannot be negative")
    # written as a string of digits (64 bits survive every JSON reader); an integer is read too
    rng_state = numbers.digits(_get(doc, "rng_state", "the session"), "rng_state", SessionError, 1, 2**64 - 1)
    curves = doc.get("curves", {})
    if not isinstance(curves, dict):
        raise SessionError("curves should be an object")
    clean: dict[str, list[list[float]]] = {}
    for name in ("train", "val", "test"):  # "test" came later: older files have none
        pts = curves.get(name, [])
        if not isinstance(pts, list) or len(pts) > MAX_CURVE:
            raise SessionError(f"curves.{name} should be a list of at most {MAX_CURVE} [step, loss] pairs")
        if _usable_pairs(pts):
            clean[name] = pts  # freshly parsed [number, number] lists: used as they are
        else:
            clean[name] = [_numbers(p, f"curves.{name}[{i}]", 2) for i, p in enumerate(pts)]
    ui = check_ui(doc.get("ui", {}), SessionError)  # whole, before anything in the window changes
    # optional (older files lack them): what the last step did, for the optimizer table
    last_update = opt.get("last_update")
    if last_update is not None:
        last_update = np.array(_numbers(last_update, "optimizer.last_update", limit=100_000))
    last_grad = doc.get("last_grad")
    if last_grad is not None:
        last_grad = np.array(_numbers(last_grad, "last_grad", limit=100_000))
    state = TrainerState(config, data, np.array(theta), _int(_get(opt, "t", "optimizer"), "optimizer.t"),
                         np.array(m), np.array(v), rng_state, _int(_get(doc, "step", "the session"), "step"),
                         last_update, last_grad)
    try:  # exactly what the window's worker does with it: refuse here, before the window changes
        Trainer.from_state(state)
    except (ConfigError, ValueError) as e:
        raise SessionError(f"the saved training state does not fit its settings: {e}") from None
    return Session(state, clean, ui)


def load(path: str | os.PathLike[str]) -> Session:
    return from_json(read_text(path, MAX_BYTES, SessionError,
                               "the file is {size_mb:.0f} MB; sessions are at most {max_mb} MB",
                               "the file is not UTF-8 text: it is not a session (binary or another encoding)",
                               encoding="utf-8-sig"))
