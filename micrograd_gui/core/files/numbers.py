"""One checker for every number a loaded file holds: JSON values (integers of any size never reach a float
conversion that overflows) and numbers written as text (ASCII decimals only, as a person types them)."""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

BOUND = 1e12  # the largest magnitude a stored float may have (weights, moments, coordinates, settings, curves)
# float() and int() also take '0_5', Arabic-Indic and full-width digits: a CSV cell is plain ASCII or nothing
_DECIMAL = re.compile(r"[+-]?(?:(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|nan|inf|infinity)",
                      re.ASCII | re.IGNORECASE)
_WHOLE = re.compile(r"([+-]?)([0-9]+)", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
NOT_A_NUMBER = "not a number where one is needed"


def shown(v: Any) -> str:
    """v as a message shows it: an integer too long to read is given by its length, not its digits."""
    if isinstance(v, int) and not isinstance(v, bool) and abs(v) >= 10**15:
        return f"{'a negative' if v < 0 else 'an'} integer of about {int(v.bit_length() * math.log10(2)) + 1} digits"
    return str(v)


def number(v: Any, where: str, error: type[ValueError], bound: float = BOUND) -> float:
    """v as a float, or `error` naming `where`: not a number (a bool is not one), not finite, or beyond `bound`."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        raise error(f"{where} should be a number, not {type(v).__name__}")
    # an int is compared as an int: exact for any size, where float(v) would raise OverflowError past 1e308
    usable = -bound <= v <= bound if isinstance(v, int) else math.isfinite(v) and abs(v) <= bound
    if not usable:
        raise error(f"{where} is {shown(v)}: not a usable number")
    return float(v)


def whole(v: Any, where: str, error: type[ValueError], lo: int, hi: int) -> int:
    """v as an int within lo..hi, or `error` naming `where` (1.0 and true are not whole numbers here)."""
    if isinstance(v, bool) or not isinstance(v, int):
        raise error(f"{where} should be a whole number")
    if not lo <= v <= hi:
        raise error(f"{where} is {shown(v)}, outside {lo}..{hi}")
    return v


def all_usable(values: list[Any], bound: float = BOUND) -> bool:
    """A fast check that every value passes number() (a million values take milliseconds, not seconds)."""
    if not set(map(type, values)) <= {float, int}:  # exactly: not bool, not a subclass; map(type) runs in C
        return False
    try:
        a = np.array(values, dtype=np.float64)
    except OverflowError:  # an integer beyond any float
        return False
    return bool(np.isfinite(a).all() and (np.abs(a) <= bound).all())


def numbers(v: Any, where: str, error: type[ValueError], n: int | None = None, limit: int = 50_000) -> list[float]:
    """A list of usable numbers, or `error` naming the list or its first bad item (where[i])."""
    if not isinstance(v, list):
        raise error(f"{where} should be a list of numbers")
    if len(v) > limit:
        raise error(f"{where} has {len(v)} values; at most {limit} are allowed")
    if n is not None and len(v) != n:
        raise error(f"{where} has {len(v)} values, expected {n}")
    if all_usable(v):
        return [float(x) for x in v]
    return [number(x, f"{where}[{i}]", error) for i, x in enumerate(v)]  # finds and names the bad value


def digits(v: Any, where: str, error: type[ValueError], lo: int, hi: int) -> int:
    """A whole number stored as a JSON integer or as a string of ASCII digits (how 64-bit values survive every JSON
    reader), within lo..hi; anything else (1.5, true, ' 12', '1_000', other scripts' digits) is `error`."""
    if isinstance(v, str) and _DIGITS.fullmatch(v):
        v = int(v) if len(v.lstrip("0")) <= 40 else hi + 1  # never int() of thousands of digits
    if isinstance(v, bool) or not isinstance(v, int):
        raise error(f"{where} should be a whole number written with the digits 0-9")
    if not lo <= v <= hi:
        raise error(f"{where} must be between {lo} and {hi}")
    return v


def parse_decimal(text: str) -> float:
    """A decimal number typed in ASCII (sign, digits, point, exponent; nan and inf are left for the caller to
    refuse by name); ValueError otherwise."""
    t = text.strip()
    if not _DECIMAL.fullmatch(t):
        raise ValueError(NOT_A_NUMBER)
    return float(t)


def parse_whole(text: str) -> int:
    """A whole number typed in ASCII digits; ValueError otherwise. A number too long to matter gives +-10**19."""
    m = _WHOLE.fullmatch(text.strip())
    if not m:
        raise ValueError(NOT_A_NUMBER)
    sign, body = m.groups()
    value = int(body) if len(body.lstrip("0")) <= 19 else 10**19  # never int() of 5,000 digits
    return -value if sign == "-" else value
