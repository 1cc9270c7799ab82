"""The deterministic xorshift* generator of LLM101n: one seed reproduces a whole run."""

from __future__ import annotations

import math

_MASK64 = 0xFFFFFFFFFFFFFFFF


class RNG:
    """64-bit xorshift* with Python's random-like helpers on top."""

    def __init__(self, seed: int):
        self.state = int(seed) & _MASK64
        if self.state == 0:  # xorshift maps 0 to 0 forever
            raise ValueError("the seed must not be 0 (or a multiple of 2^64): xorshift would only draw zeros")

    def random_u32(self) -> int:
        s = self.state
        s ^= s >> 12
        s ^= (s << 25) & _MASK64
        s ^= s >> 27
        self.state = s
        return ((s * 0x2545F4914F6CDD1D) & _MASK64) >> 32

    def random(self) -> float:
        """A float in [0, 1) with 24 random bits."""
        return (self.random_u32() >> 8) / 16777216.0

    def uniform(self, a: float = 0.0, b: float = 1.0) -> float:
        return a + (b - a) * self.random()

    def gauss(self, mu: float = 0.0, sigma: float = 1.0) -> float:
        """A normal draw by Box-Muller (two uniforms per draw, no cached spare: simpler to reproduce)."""
        u1 = 1.0 - self.random()  # in (0, 1], so log is finite
        u2 = self.random()
        return mu + sigma * math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * u2)

    def randint(self, n: int) -> int:
        """An integer in [0, n)."""
        return min(int(self.random() * n), n - 1)

    def sample(self, n: int, k: int) -> list[int]:
        """k distinct indices from range(n), by a partial Fisher-Yates shuffle."""
        idx = list(range(n))
        for i in range(k):
            j = i + self.randint(n - i)
            idx[i], idx[j] = idx[j], idx[i]
        return idx[:k]

    def getstate(self) -> int:
        return self.state

    def setstate(self, state: int) -> None:
        self.state = int(state) & _MASK64
