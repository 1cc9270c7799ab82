"""The names the app gives an MLP's parts: inputs x{i}, features (x0², x0·x1, sin x0, ...), neurons h[l][j]
(logit j in the output layer), weights w[l][j][i] (layer l, neuron j, input i) and biases b[l][j]; the graph, the
network view and the optimizer table all show these."""

from __future__ import annotations

import re

_NEURON = re.compile(r"^(?:h\[(\d+)\]\[(\d+)\]|logit (\d+))$")


def input_name(i: int) -> str:
    return f"x{i}"


# a feature input's node (core.features): x and y are the input nodes themselves, the others ops on them
_FEATURE_NAMES = {"x": "x0", "y": "x1", "x2": "x0²", "y2": "x1²", "xy": "x0·x1", "sinx": "sin x0", "siny": "sin x1"}


def feature_name(feature: str) -> str:
    return _FEATURE_NAMES[feature]


def is_feature_node(name: str) -> bool:
    """Whether a node with this label is a feature computed from the inputs (x0² ...), not the inputs themselves."""
    return name in _FEATURE_NAMES.values() and name not in (input_name(0), input_name(1))


def weight_name(l: int, j: int, i: int) -> str:
    return f"w[{l}][{j}][{i}]"


def bias_name(l: int, j: int) -> str:
    return f"b[{l}][{j}]"


def logit_name(k: int) -> str:
    return f"logit {k}"


def neuron_name(l: int, j: int, output: bool = False) -> str:
    """h[l][j] for a hidden neuron; `logit j` for one of the output layer."""
    return logit_name(j) if output else f"h[{l}][{j}]"


def parse_neuron(name: str) -> tuple[int | None, int] | None:
    """(l, j) of h[l][j], (None, k) of `logit k` (the output layer), None for any other name."""
    m = _NEURON.match(name)
    if m is None:
        return None
    if m.group(1) is not None:
        return int(m.group(1)), int(m.group(2))
    return None, int(m.group(3))


def parameter_names(sizes: tuple[int, ...]) -> list[str]:
    """w[l][j][i] and b[l][j] in theta's order: layer by layer, neuron by neuron, weights then the bias."""
    names: list[str] = []
    for l, (nin, nout) in enumerate(zip(sizes, sizes[1:])):
        for j in range(nout):
            names.extend(weight_name(l, j, i) for i in range(nin))
            names.append(bias_name(l, j))
    return names
