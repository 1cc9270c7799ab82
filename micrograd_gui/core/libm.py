"""Elementwise tanh, exp, log, sin, cos and pow through Python's math: the eager engine's bits on every machine.

numpy dispatches its own tanh, exp, log, sin, cos and power by CPU (AVX512 has other kernels than AVX2 or SSE, which
round differently from the C library), so a training path that calls them gives other last digits, and a
chaotic run another fate, on another machine (NPY_DISABLE_CPU_FEATURES shows it). These helpers call the
same C library functions the Value engine calls, one element at a time: about 50 ns an element, and equal
to the eager engine bit for bit. Only + - * / sqrt and comparisons are left to numpy: IEEE rounds those
exactly, whatever the kernel.
"""

from __future__ import annotations

import math
from itertools import repeat

import numpy as np

from .engine import _pow


def _apply(f, x: np.ndarray, *args: float) -> np.ndarray:  # type: ignore[no-untyped-def]
    flat = np.asarray(x, dtype=np.float64).ravel().tolist()
    values = map(f, flat, *(repeat(a) for a in args))
    return np.fromiter(values, np.float64, len(flat)).reshape(np.shape(x))


def tanh(x: np.ndarray) -> np.ndarray:
    return _apply(math.tanh, x)


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:  # as Value.exp: infinity, which the trainer reports as a divergence
        return math.inf


def exp(x: np.ndarray) -> np.ndarray:
    try:
        return _apply(math.exp, x)
    except OverflowError:  # only a diverging run gets here: redo it element by element
        return _apply(_exp, x)


def log(x: np.ndarray) -> np.ndarray:
    """math.log of positive inputs (the caller refuses the rest, as Value.log does)."""
    return _apply(math.log, x)


def sin(x: np.ndarray) -> np.ndarray:
    """math.sin of finite inputs (the caller refuses the rest, as Value.sin does)."""
    return _apply(math.sin, x)


def cos(x: np.ndarray) -> np.ndarray:
    """math.cos, the local derivative of sin (as Value.sin keeps it)."""
    return _apply(math.cos, x)


def _pow_each(x: np.ndarray, k: float) -> np.ndarray:
    try:
        return _apply(pow, x, k)
    except OverflowError:
        return _apply(_pow, x, k)


# x**2, x**0.5 and x**-1 have a correctly rounded numpy twin (x*x, sqrt, 1/x), and pow agrees with it
# wherever the exact result is not within a hair of a rounding midpoint: glibc's pow is within 0.52 ULP,
# so where the exact value is more than MARGIN ULP from a midpoint both round to the same double. The
# distance is computed exactly (Dekker's product), and pow itself is called only for the rest, ~10 %.
MARGIN = 0.05
_STRETCH = 0.5 / (0.5 - MARGIN)
TWIN_MIN = 300  # below, ~20 numpy calls cost more than calling pow for every element
_SPLIT = 134217729.0  # 2**27 + 1: Veltkamp's split of a double into two 26-bit halves
_SAFE = (2.0**-450, 2.0**450)  # products of halves neither overflow nor lose bits to underflow here
# (for x*x: |r| in range means |x| in range too)


def _product_error(a: np.ndarray, b: np.ndarray, p: np.ndarray) -> np.ndarray:
    """a*b - p exactly, for p = fl(a*b) (Dekker's TwoProduct without FMA)."""
    ca, cb = _SPLIT * a, _SPLIT * b
    ah, bh = ca - (ca - a), cb - (cb - b)
    al, bl = a - ah, b - bh
    return ((ah * bh - p) + ah * bl + al * bh) + al * bl


def _twin(x: np.ndarray, k: float) -> np.ndarray | None:
    """pow(x, k) from its correctly rounded twin, calling pow only near midpoints; None: no twin for k."""
    if k not in (2.0, 0.5, -1.0) or np.size(x) < TWIN_MIN:
        return None
    x = np.asarray(x, dtype=np.float64)
    with np.errstate(all="ignore"):
        if k == 2.0:
            r = x * x
            c = _SPLIT * x
            hi = c - (c - x)
            lo = x - hi
            off = ((hi * hi - r) + 2.0 * hi * lo) + lo * lo  # x*x - r exactly (Dekker)
        elif k == 0.5:
            r = np.sqrt(x)
            off = ((x - r * r) - _product_error(r, r, r * r)) / (2.0 * r)  # ~ sqrt(x) - r
        else:
            r = 1.0 / x
            off = ((1.0 - r * x) - _product_error(r, x, r * x)) * r  # ~ 1/x - r
        a = np.abs(r)
        # far from a midpoint: off stretched by 0.5 / (0.5 - MARGIN) still rounds back to r (below half an
        # ULP on either side, also where the ULP changes at a power of two); and where Dekker's halves are
        # exact (no overflow, no subnormals). NaN and infinities fail the test and go to pow.
        easy = (r + off * _STRETCH == r) & (a > _SAFE[0]) & (a < _SAFE[1])
        if k != 2.0:
            mag = np.abs(x)
            easy &= (mag > _SAFE[0]) & (mag < _SAFE[1])
    hard = ~easy
    if hard.any():
        r[hard] = _pow_each(x[hard], k)
    return r


def power(x: np.ndarray, k: float) -> np.ndarray:
    """x**k as Python computes it for floats, with the engine's signed infinity where that overflows."""
    k = float(k)
    r = _twin(x, k)
    return _pow_each(x, k) if r is None else r
