"""The LLM101n xorshift* generator (SPEC section 2)."""

from __future__ import annotations

import math

import pytest

from micrograd_gui.core.rng import RNG

M64 = (1 << 64) - 1


def reference_u32(seed: int, n: int) -> list[int]:
    """SPEC section 2, written out independently."""
    s, out = seed & M64, []
    for _ in range(n):
        s ^= s >> 12
        s ^= (s << 25) & M64
        s ^= s >> 27
        out.append(((s * 0x2545F4914F6CDD1D) & M64) >> 32)
    return out


def test_seed_42_first_outputs():
    r = RNG(42)
    assert [r.random_u32() for _ in range(3)] == [1456360119, 3359763283, 3393612768]


@pytest.mark.parametrize("seed", [1, 7, 42, 1337, 2**63 + 5, M64])
def test_matches_the_spec_formula(seed):
    r = RNG(seed)
    assert [r.random_u32() for _ in range(500)] == reference_u32(seed, 500)


def test_outputs_are_32_bit():
    r = RNG(9)
    xs = [r.random_u32() for _ in range(5000)]
    assert all(0 <= x < 2**32 for x in xs)
    assert max(xs) > 2**31  # the high bit is used


def test_random_is_the_top_24_bits_in_unit_interval():
    a, b = RNG(42), RNG(42)
    for _ in range(2000):
        x = a.random()
        assert 0.0 <= x < 1.0
        assert x == (b.random_u32() >> 8) / 2**24
    assert RNG(42).random() == 5688906 / 16777216  # 1456360119 >> 8


@pytest.mark.parametrize(("lo", "hi"), [(-1.0, 1.0), (0.0, 1.0), (-2.0, 2.0), (3.0, 3.5)])
def test_uniform_stays_in_bounds_and_fills_them(lo, hi):
    r = RNG(5)
    xs = [r.uniform(lo, hi) for _ in range(5000)]
    assert all(lo <= x < hi for x in xs)
    width = hi - lo
    assert min(xs) < lo + 0.01 * width and max(xs) > hi - 0.01 * width
    assert sum(xs) / len(xs) == pytest.approx((lo + hi) / 2, abs=0.03 * width)


def test_uniform_formula():
    a, b = RNG(11), RNG(11)
    for _ in range(100):
        assert a.uniform(-3.0, 5.0) == -3.0 + 8.0 * b.random()


def test_determinism_and_state():
    a, b = RNG(123), RNG(123)
    assert [a.random() for _ in range(1000)] == [b.random() for _ in range(1000)]
    c1, c2 = RNG(1), RNG(2)
    assert [c1.random_u32() for _ in range(10)] != [c2.random_u32() for _ in range(10)]
    c = RNG(77)
    c.random()
    state = c.getstate()
    first = [c.gauss() for _ in range(10)]
    c.setstate(state)
    assert [c.gauss() for _ in range(10)] == first


@pytest.mark.parametrize(("n", "k"), [(10, 3), (100, 100), (80, 16), (1, 1), (5, 0)])
def test_sample_returns_distinct_indices(n, k):
    r = RNG(3)
    for _ in range(50):
        s = r.sample(n, k)
        assert len(s) == k
        assert len(set(s)) == k
        assert all(0 <= i < n for i in s)
    if k == n:
        assert sorted(s) == list(range(n))


def test_sample_is_deterministic_and_covers_all_indices():
    assert RNG(8).sample(50, 10) == RNG(8).sample(50, 10)
    r = RNG(8)
    seen = set()
    for _ in range(200):
        seen.update(r.sample(50, 5))
    assert seen == set(range(50))


def test_randint_range():
    r = RNG(4)
    xs = [r.randint(6) for _ in range(6000)]
    assert set(xs) == set(range(6))
    assert all(800 < xs.count(i) < 1200 for i in range(6))


def test_gauss_mean_and_std():
    r = RNG(42)
    n = 20_000
    xs = [r.gauss() for _ in range(n)]
    mean = sum(xs) / n
    std = math.sqrt(sum((x - mean) ** 2 for x in xs) / (n - 1))
    assert abs(mean) < 0.03  # the standard error is 0.007
    assert abs(std - 1.0) < 0.03
    assert all(math.isfinite(x) for x in xs)
    inside = sum(abs(x) < 1.0 for x in xs) / n
    assert inside == pytest.approx(0.6827, abs=0.015)

    r = RNG(7)
    ys = [r.gauss(2.0, 0.5) for _ in range(n)]
    m = sum(ys) / n
    assert m == pytest.approx(2.0, abs=0.015)
    assert math.sqrt(sum((y - m) ** 2 for y in ys) / (n - 1)) == pytest.approx(0.5, abs=0.015)


def test_seed_zero_is_refused_rather_than_drawing_zeros_forever():
    with pytest.raises(ValueError, match="must not be 0"):
        RNG(0)
