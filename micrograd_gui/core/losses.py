"""Per-point losses built from Values, the mean over a split, and the L2 and L1 penalties."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

import numpy as np

from .engine import Value
from .i18n_marks import QT_TRANSLATE_NOOP
from .names import logit_name

LOSSES = ("cross_entropy", "hinge", "mse")
LOSS_TITLES = {"cross_entropy": QT_TRANSLATE_NOOP("Losses", "Cross-entropy"),
               "hinge": QT_TRANSLATE_NOOP("Losses", "Hinge (max-margin)"),
               "mse": QT_TRANSLATE_NOOP("Losses", "Mean squared error")}  # the UI translates them


class LaneTarget(Protocol):
    """A target that differs from point to point (the fast engine's lanes); see core/fast.py."""

    def pick(self, values: Sequence[Value]) -> Value: ...

    def const(self, name: str, k: int = 0) -> Value: ...


Target = int | LaneTarget


def target_const(target: Target, name: str, k: int = 0) -> Value:
    """A constant that depends on the target class: `neg_sign` (-1/+1 for class 1/0) or `onehot` k."""
    if not isinstance(target, int):
        return target.const(name, k)
    if name == "neg_sign":
        v = -1.0 if target == 1 else 1.0
    elif name == "onehot":
        v = 1.0 if target == k else 0.0
    else:
        raise ValueError(f"unknown target constant '{name}'")
    return Value(v, role="constant")


def pick(values: Sequence[Value], target: Target) -> Value:
    return values[target] if isinstance(target, int) else target.pick(values)


def num_outputs(loss: str, num_classes: int) -> int:
    """Hinge on two classes uses one score (micrograd's demo); everything else one output a class."""
    return 1 if loss == "hinge" and num_classes == 2 else num_classes


def cross_entropy(logits: Sequence[Value], target: Target, stable: bool = True) -> Value:
    """-log softmax(logits)[target]; `stable` subtracts max(logits) as a constant first."""
    for k, z in enumerate(logits):
        if not z.label:
            z.label = logit_name(k)
    if stable:
        m = max(z.data for z in logits)
        logits = [z - m for z in logits]
    ex = [z.exp() for z in logits]
    denom = sum(ex)
    probs = [e / denom for e in ex]
    for k, p in enumerate(probs):
        p.label = f"p {k}"
    return -pick(probs, target).log()


def hinge(scores: Sequence[Value], target: Target) -> Value:
    """Max-margin: relu(1 - y*score) with y = +-1 for one score, else sum_k relu(z_k - z_y + 1) - 1."""
    if len(scores) == 1:
        return (1 + scores[0] * target_const(target, "neg_sign")).relu()
    zy = pick(scores, target)
    margins = [(z - zy + 1).relu() for z in scores]
    return sum(margins) - 1  # type: ignore[return-value]  # the k == y term is relu(1) = 1


def mse(outputs: Sequence[Value], target: Target) -> Value:
    """Mean over outputs of (z_k - onehot_k)^2."""
    sq = [(z - target_const(target, "onehot", k)) ** 2 for k, z in enumerate(outputs)]
    return sum(sq) * (1.0 / len(outputs))  # type: ignore[return-value]


def point_loss(kind: str, outputs: Sequence[Value], target: Target, stable: bool = True) -> Value:
    if kind == "cross_entropy":
        out = cross_entropy(outputs, target, stable)
    elif kind == "hinge":
        out = hinge(outputs, target)
    elif kind == "mse":
        out = mse(outputs, target)
    else:
        raise ValueError(f"unknown loss '{kind}'; choose one of {', '.join(LOSSES)}")
    out.label = "loss"
    return out


def mean_loss(losses: Sequence[Value]) -> Value:
    """(0 + l_1 + ... + l_n) * (1.0 / n), LLM101n's order of operations."""
    total = Value(0.0, role="constant")
    for loss in losses:
        total = total + loss
    return total * (1.0 / len(losses))


def l2_penalty(params: Sequence[Value], alpha: float) -> Value:
    """alpha * sum(p*p), as in micrograd's demo."""
    return alpha * sum(p * p for p in params)  # type: ignore[return-value]


def abs_value(p: Value) -> Value:
    """|p| as one node; its local slope is sign(p), and 0 at p = 0 (the subgradient PyTorch's abs takes too)."""
    x = p.data
    return Value(abs(x), (p,), "abs", _local=(1.0 if x > 0 else -1.0 if x < 0 else 0.0,))


def l1_penalty(params: Sequence[Value], alpha: float) -> Value:
    """alpha * sum(|p|): pushes each weight toward 0 by alpha a step's gradient, a weight at exactly 0 not at all
    (the subgradient at 0 is taken as 0), so weights that reach 0 may stay there: L1 makes networks sparse."""
    return alpha * sum(abs_value(p) for p in params)  # type: ignore[return-value]


# ---- numpy helpers for maps and accuracy (outputs of shape (n, k)) ------------------------------

def outputs_to_probs(kind: str, out: np.ndarray) -> np.ndarray:
    """Class probabilities for display: softmax, or for one hinge score a sigmoid of 2x the score."""
    out = np.asarray(out, dtype=np.float64)
    if out.shape[1] == 1:
        p1 = 1.0 / (1.0 + np.exp(-2.0 * np.clip(out[:, 0], -300, 300)))
        return np.stack([1.0 - p1, p1], axis=1)
    z = out - out.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def outputs_to_class(out: np.ndarray) -> np.ndarray:
    out = np.asarray(out)
    if out.shape[1] == 1:
        return (out[:, 0] > 0).astype(np.int64)
    return np.argmax(out, axis=1)
