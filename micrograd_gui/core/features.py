"""Feature inputs, as TensorFlow Playground offers them: what the network sees of a point (x, y).

Each feature is built from the point's two input nodes x0 and x1 with Value ops (x0**2, x0*x1, x0.sin()), so
the computation graph shows it as a node and d loss / d x0 still flows back through it. The fast engine traces
the same ops (core.fast.trace), so it computes them bit for bit as this module does.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np

from .engine import Value
from .names import feature_name
from .nn import input_values

FEATURES = ("x", "y", "x2", "y2", "xy", "sinx", "siny")  # the order the network's inputs always come in
DEFAULT = ("x", "y")
TITLES = {"x": "x", "y": "y", "x2": "x²", "y2": "y²", "xy": "x·y", "sinx": "sin x", "siny": "sin y"}  # check boxes


def check(features: Sequence[str]) -> None:
    """Raise ValueError, saying what to change, unless these are known features, each once, in FEATURES order."""
    if isinstance(features, str) or not all(isinstance(f, str) for f in features):
        raise ValueError(f"the features must be a list of names from {', '.join(FEATURES)}")
    if not features:
        raise ValueError(f"choose at least one feature input from {', '.join(FEATURES)}")
    for f in features:
        if f not in FEATURES:
            raise ValueError(f"unknown feature '{f}'; choose from {', '.join(FEATURES)}")
    for i, f in enumerate(features):
        if f in features[:i]:
            raise ValueError(f"the feature '{f}' is chosen twice")
    if tuple(features) != canonical(features):
        raise ValueError(f"the features must come in the order {', '.join(FEATURES)}; "
                         f"got {','.join(features)} (use {','.join(canonical(features))})")


def canonical(features: Iterable[str]) -> tuple[str, ...]:
    """Known features in the network's order (each once), whatever order they were chosen in."""
    chosen = set(features)
    return tuple(f for f in FEATURES if f in chosen)


def parse(text: str) -> tuple[str, ...]:
    """'x2,y2,x' -> ('x', 'x2', 'y2'); an unknown or repeated name raises ValueError."""
    names = [s.strip() for s in text.split(",") if s.strip()]
    for f in names:
        if f not in FEATURES:
            raise ValueError(f"unknown feature '{f}'; choose from {', '.join(FEATURES)}")
    for i, f in enumerate(names):
        if f in names[:i]:
            raise ValueError(f"the feature '{f}' is given twice")
    if not names:
        raise ValueError(f"choose at least one feature from {', '.join(FEATURES)}")
    return canonical(names)


def feature_values(xy: Sequence[Value], features: Sequence[str]) -> list[Value]:
    """The network's inputs as Values: x and y are the input nodes x0, x1 themselves, the rest ops on them."""
    x0, x1 = xy
    out = []
    for f in features:
        if f == "x":
            v = x0
        elif f == "y":
            v = x1
        elif f == "x2":
            v = x0**2
        elif f == "y2":
            v = x1**2
        elif f == "xy":
            v = x0 * x1
        elif f == "sinx":
            v = x0.sin()
        elif f == "siny":
            v = x1.sin()
        else:
            raise ValueError(f"unknown feature '{f}'; choose from {', '.join(FEATURES)}")
        if v._prev:
            v.label = feature_name(f)
        out.append(v)
    return out


def inputs(x: float, y: float, features: Sequence[str] = DEFAULT) -> list[Value]:
    """A point's features, built on the two input nodes x0 and x1 (shared by every first-layer neuron)."""
    return feature_values(input_values(x, y), features)


def columns(X: np.ndarray, features: Sequence[str]) -> np.ndarray:
    """Every point's features, shape (n, len(features)), with numpy's math: for display (the input neurons' maps),
    within an ULP of the Value engine's."""
    X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
    x, y = X[:, 0], X[:, 1]
    table = {"x": lambda: x, "y": lambda: y, "x2": lambda: x * x, "y2": lambda: y * y, "xy": lambda: x * y,
             "sinx": lambda: np.sin(x), "siny": lambda: np.sin(y)}
    return np.stack([table[f]() for f in features], axis=1) if features else np.empty((len(X), 0))
