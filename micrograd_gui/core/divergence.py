"""Why a run diverged, said in words, and a trainer that then goes back to weights a smaller step can leave."""

from __future__ import annotations

import math
import sys

import numpy as np

from .config import TrainConfig
from .datasets import Dataset
from .trainer import DIVERGED_MESSAGES, Diverged, StepResult, Trainer

EXP_OVERFLOW = math.log(sys.float_info.max)  # 709.78: exp of anything larger is infinite in 64-bit floats
EXP_UNDERFLOW = 1074 * math.log(0.5)  # -744.44: exp of anything smaller is exactly 0 (below 2^-1074)


def cause(t: Trainer) -> str | None:
    """What makes the loss or a gradient non-finite at the trainer's weights, when it can be named."""
    X, _ = t.data.arrays()
    if not len(X):
        return None
    try:
        with np.errstate(all="ignore"):
            out = np.asarray(t.outputs(X), dtype=np.float64)
    except (ValueError, OverflowError):  # the eager engine refuses what overflows
        return None
    if not np.isfinite(out).all():
        return "The network's outputs overflowed to infinity: the weights have grown too large."
    if t.config.loss != "cross_entropy" or out.shape[1] < 2:
        return None
    top = float(out.max())
    if not t.config.stable_softmax and top > EXP_OVERFLOW:
        return (f"An exp overflowed: a logit reached {top:.4g}, and exp of anything above {EXP_OVERFLOW:.1f} is "
                "infinite in 64-bit floats, so the softmax divided infinity by infinity. The reference "
                "cross-entropy exponentiates the raw logits; the stable one (Stable softmax, applied on Reset) "
                "subtracts the largest logit first.")
    spread = float((out.max(axis=1) - out.min(axis=1)).max())
    if spread > -EXP_UNDERFLOW:
        return (f"A softmax probability underflowed to 0: the logits of a point are {spread:.4g} apart and exp "
                f"of anything below {EXP_UNDERFLOW:.0f} is 0, so the loss took log(0).")
    return None


def explain(t: Trainer | None, message: str) -> str:
    """The trainer's divergence message, with the cause in front when it can be named."""
    if isinstance(t, RecoveringTrainer):
        why = t.divergence_cause  # named at the weights that diverged, before it went back a step
    else:
        why = cause(t) if t is not None else None
    return f"{why} {message}" if why else message


class RecoveringTrainer(Trainer):
    """The app's trainer: when a step diverges it goes back to the weights before the last step that worked.

    Trainer.step keeps the weights at which the loss stopped being finite; their loss is still not finite, so
    any learning rate diverges again at once. One step back are the last weights whose loss and gradients
    were finite, and the step from there, retried at a lower learning rate, can succeed."""

    def reset(self, config: TrainConfig | None = None, data: Dataset | None = None) -> None:
        super().reset(config, data)
        self._good: tuple | None = None  # the state before the last step that worked
        self.divergence_cause: str | None = None

    def set_theta(self, theta: np.ndarray) -> None:
        super().set_theta(theta)
        self._good = None  # weights set by hand: going back would undo them

    def set_param(self, index: int, value: float) -> None:
        super().set_param(index, value)
        self._good = None

    def _save(self) -> tuple:
        o = self.optimizer
        return (self.theta.copy(), o.t, o.m.copy(), o.v.copy(), o.last_update.copy(), self.rng.getstate(),
                self.step_count, self.last_grad)

    def _load(self, state: tuple) -> None:
        o = self.optimizer
        self.theta, o.t, o.m, o.v, o.last_update, rng, self.step_count, self.last_grad = state
        self.rng.setstate(rng)

    def step(self) -> StepResult:
        before = self._save()
        try:
            result = super().step()
            if not (np.isfinite(self.optimizer.m).all() and np.isfinite(self.optimizer.v).all()):
                # a finite gradient over 1e154 squares to inf in AdamW's v: the weights stay finite but the
                # optimizer would stall for good, and a session could not be saved
                self._load(before)
                raise Diverged(DIVERGED_MESSAGES["grad"], step=self.step_count + 1, lr=self.config.optimizer.lr)
        except Diverged:
            self.divergence_cause = cause(self)
            if self._good is not None:
                self._load(self._good)
                self._good = None
            raise
        self._good = before
        return result
