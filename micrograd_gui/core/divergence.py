"""Why a run diverged, said in words: Trainer.step names the cause before it goes back to its last good state."""

from __future__ import annotations

import math
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from .i18n_marks import QT_TRANSLATE_NOOP

if TYPE_CHECKING:  # trainer.py imports this module
    from .trainer import Trainer

EXP_OVERFLOW = math.log(sys.float_info.max)  # 709.78: exp of anything larger is infinite in 64-bit floats
EXP_UNDERFLOW = 1074 * math.log(0.5)  # -744.44: exp of anything smaller is exactly 0 (below 2^-1074)


# why a run diverged, by cause: English templates the UI translates (context "Divergence") before filling them in
CAUSES = {
    "outputs": QT_TRANSLATE_NOOP("Divergence", "The network's outputs overflowed to infinity: the weights have grown "
                                 "too large."),
    "exp": QT_TRANSLATE_NOOP("Divergence", "An exp overflowed: a logit reached {top}, and exp of anything above "
                             "{limit} is infinite in 64-bit floats, so the softmax divided infinity by infinity. The "
                             "reference cross-entropy exponentiates the raw logits; the stable one (Stable softmax, "
                             "applied on Reset) subtracts the largest logit first."),
    "underflow": QT_TRANSLATE_NOOP("Divergence", "A softmax probability underflowed to 0: the logits of a point are "
                                   "{spread} apart and exp of anything below {limit} is 0, so the loss took log(0)."),
    "gradient": QT_TRANSLATE_NOOP("Divergence", "A softmax probability became too small for its gradient: the logits "
                                  "of a point are {spread} apart, so p is below exp(-{limit}) and the gradient of "
                                  "log(p), 1/p, overflowed to infinity."),
}
Cause = tuple[str, dict[str, str]]  # (English template of CAUSES, the values to fill in, formatted)


def diagnose(t: Trainer) -> Cause | None:
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
        return CAUSES["outputs"], {}
    if t.config.loss != "cross_entropy" or out.shape[1] < 2:
        return None
    top = float(out.max())
    if not t.config.stable_softmax and top > EXP_OVERFLOW:
        return CAUSES["exp"], {"top": f"{top:.4g}", "limit": f"{EXP_OVERFLOW:.1f}"}
    spread = float((out.max(axis=1) - out.min(axis=1)).max())
    if spread > -EXP_UNDERFLOW:
        return CAUSES["underflow"], {"spread": f"{spread:.4g}", "limit": f"{EXP_UNDERFLOW:.0f}"}
    if spread > EXP_OVERFLOW:  # p = exp(-spread) is still above 0, but the gradient of log p is 1/p
        return CAUSES["gradient"], {"spread": f"{spread:.4g}", "limit": f"{EXP_OVERFLOW:.1f}"}
    return None


def cause(t: Trainer) -> str | None:
    """The cause in English (the command line's words), when it can be named."""
    why = diagnose(t)
    return None if why is None else why[0].format(**why[1])


def explain(t: Trainer | None, message: str, translate: Callable[[str], str] | None = None) -> str:
    """The trainer's divergence message, with the cause in front when it can be named; `translate` turns a cause's
    English template into the user's language (the UI passes one; the command line keeps English)."""
    why = t.divergence_why if t is not None else None  # named at the weights that diverged, before going back
    if why is None:
        return message
    template, values = why
    return f"{(translate or str)(template).format(**values)} {message}"
