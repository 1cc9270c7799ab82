"""Why a run diverged, said in words: Trainer.step names the cause before it goes back to its last good state."""

from __future__ import annotations

import math
import sys
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:  # trainer.py imports this module
    from .trainer import Trainer

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
    if spread > EXP_OVERFLOW:  # p = exp(-spread) is still above 0, but the gradient of log p is 1/p
        return (f"A softmax probability became too small for its gradient: the logits of a point are {spread:.4g} "
                f"apart, so p is below exp(-{EXP_OVERFLOW:.1f}) and the gradient of log(p), 1/p, overflowed to "
                "infinity.")
    return None


def explain(t: Trainer | None, message: str) -> str:
    """The trainer's divergence message, with the cause in front when it can be named."""
    why = t.divergence_cause if t is not None else None  # named at the weights that diverged, before going back
    return f"{why} {message}" if why else message
