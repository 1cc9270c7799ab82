"""Save and open a whole session as versioned JSON; every problem is named, the user's file never truncated."""

from __future__ import annotations

import json
import math
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from .atomic import atomic_write
from .config import ConfigError, TrainConfig
from .datasets import MAX_CLASSES, MAX_POINTS, Dataset, DatasetSpec
from .optim import OptimizerConfig
from .trainer import TrainerState

FORMAT = "micrograd-gui-session"
VERSION = 1
MAX_BYTES = 50 * 1024 * 1024
MAX_CURVE = 1_000_000


class SessionError(ValueError):
    """The file is not a session this version can open; the message names what is wrong."""


@dataclass(frozen=True)
class Session:
    state: TrainerState
    curves: dict[str, list[list[float]]] = field(default_factory=dict)  # "train"/"val": [[step, loss], ...]
    ui: dict[str, Any] = field(default_factory=dict)  # panels, modes, probe: whatever the window keeps


# ---- to JSON ------------------------------------------------------------------------------------

def _config_dict(c: TrainConfig) -> dict[str, Any]:
    d = asdict(c)
    d["hidden"] = list(c.hidden)
    return d


def to_json(s: Session) -> str:
    st = s.state
    d = st.data
    doc = {
        "format": FORMAT, "version": VERSION,
        "config": _config_dict(st.config),
        "data": {"x": list(d.xs), "y": list(d.ys), "label": list(d.labels), "split": list(d.splits),
                 "num_classes": d.num_classes},
        "weights": st.theta.tolist(),
        "optimizer": {"t": st.opt_t, "m": st.opt_m.tolist(), "v": st.opt_v.tolist()},
        "rng_state": str(st.rng_state),  # 64-bit: a string survives every JSON reader
        "step": st.step,
        "curves": s.curves,
        "ui": s.ui,
    }
    return json.dumps(doc, allow_nan=False, separators=(",", ":"))


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
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise SessionError(f"{where} should be a number, not {type(v).__name__}")
    if not math.isfinite(v) or abs(v) > 1e12:
        raise SessionError(f"{where} is {v}: not a usable number")
    return float(v)


def _int(v: Any, where: str, lo: int = 0, hi: int = 2**63) -> int:
    if isinstance(v, bool) or not isinstance(v, int):
        raise SessionError(f"{where} should be a whole number")
    if not lo <= v <= hi:
        raise SessionError(f"{where} is {v}, outside {lo}..{hi}")
    return v


def _numbers(v: Any, where: str, n: int | None = None, limit: int = MAX_POINTS * 10) -> list[float]:
    if not isinstance(v, list):
        raise SessionError(f"{where} should be a list of numbers")
    if len(v) > limit:
        raise SessionError(f"{where} has {len(v)} values; at most {limit} are allowed")
    if n is not None and len(v) != n:
        raise SessionError(f"{where} has {len(v)} values, expected {n}")
    return [_num(x, f"{where}[{i}]") for i, x in enumerate(v)]


def _config(d: Any) -> TrainConfig:
    try:
        ds = dict(_get(d, "dataset", "config"))
        opt = dict(_get(d, "optimizer", "config"))
        rest = {k: v for k, v in d.items() if k not in ("dataset", "optimizer")}
        rest["hidden"] = tuple(rest.get("hidden", ()))
        config = TrainConfig(dataset=DatasetSpec(**ds), optimizer=OptimizerConfig(**opt), **rest)
        config.validate()
    except SessionError:
        raise
    except (TypeError, ValueError, ConfigError) as e:  # unknown or missing field, wrong type, bad value
        raise SessionError(f"the settings in the file are not valid: {e}") from None
    return config


def _dataset(d: Any) -> Dataset:
    x = _numbers(_get(d, "x", "data"), "data.x")
    n = len(x)
    y = _numbers(_get(d, "y", "data"), "data.y", n)
    labels = _get(d, "label", "data")
    splits = _get(d, "split", "data")
    if not isinstance(labels, list) or len(labels) != n or not isinstance(splits, list) or len(splits) != n:
        raise SessionError(f"data.label and data.split must each have {n} entries, like data.x")
    lab = [_int(c, f"data.label[{i}]", 0, MAX_CLASSES - 1) for i, c in enumerate(labels)]
    spl = [_int(s, f"data.split[{i}]", 0, 2) for i, s in enumerate(splits)]
    k = _int(_get(d, "num_classes", "data"), "data.num_classes", 1, MAX_CLASSES)
    if any(abs(v) > 100 for v in x + y):
        raise SessionError("data has points far outside the plane (|x| or |y| over 100)")
    return Dataset(tuple(x), tuple(y), tuple(lab), tuple(spl), max(k, max(lab, default=0) + 1))


def from_json(text: str) -> Session:
    try:
        doc = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(SessionError(f"the file contains {c}, "
                                                                                          "which is not a number")))
    except json.JSONDecodeError as e:
        raise SessionError(f"not valid JSON (line {e.lineno}, column {e.colno}: {e.msg}); "
                           "the file may be truncated or not a session") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise SessionError("this is not a micrograd GUI session file")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise SessionError("the session file has no version number")
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
    rng = _get(doc, "rng_state", "the session")
    try:
        rng_state = int(rng)
    except (TypeError, ValueError):
        raise SessionError("rng_state should be a whole number") from None
    if not 0 < rng_state < 2**64:
        raise SessionError("rng_state must be between 1 and 2^64-1")
    curves = doc.get("curves", {})
    if not isinstance(curves, dict):
        raise SessionError("curves should be an object")
    clean: dict[str, list[list[float]]] = {}
    for name in ("train", "val"):
        pts = curves.get(name, [])
        if not isinstance(pts, list) or len(pts) > MAX_CURVE:
            raise SessionError(f"curves.{name} should be a list of at most {MAX_CURVE} [step, loss] pairs")
        clean[name] = [_numbers(p, f"curves.{name}[{i}]", 2) for i, p in enumerate(pts)]
    ui = doc.get("ui", {})
    if not isinstance(ui, dict):
        raise SessionError("ui should be an object")
    state = TrainerState(config, data, np.array(theta), _int(_get(opt, "t", "optimizer"), "optimizer.t"),
                         np.array(m), np.array(v), rng_state, _int(_get(doc, "step", "the session"), "step"))
    return Session(state, clean, ui)


def load(path: str | os.PathLike[str]) -> Session:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise SessionError(f"the file is {size // 1_000_000} MB; sessions are at most {MAX_BYTES // 1_000_000} MB")
        raw = p.read_bytes()
    except OSError as e:
        raise SessionError(f"cannot read the file: {e.strerror or e}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise SessionError("the file is not UTF-8 text: it is not a session (binary or another encoding)") from None
    return from_json(text)
