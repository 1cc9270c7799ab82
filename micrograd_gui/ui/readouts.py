"""Numbers as the panels show them: a converged loss never reads 0, an accuracy reads 100 % only when it is."""

from __future__ import annotations

import math


def loss_text(loss: float) -> str:
    """Four significant digits: 0.6931, 0.01235, 3.2e-05 (fixed decimals would show a small loss as 0.0000)."""
    return f"{loss:.4g}"


def percent_text(fraction: float) -> str:
    """Whole percent, rounded down: 199 of 200 right is 99%, not 100% (nor 0% for 1 of 300: that is 0.3%)."""
    p = fraction * 100
    if 0 < p < 1:
        return f"{p:.1f}%"
    return f"{math.floor(p + 1e-9)}%"  # the epsilon: 0.29 * 100 is 28.999999999999996
