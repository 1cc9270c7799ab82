"""Datasets: the LLM101n yin-yang draw, every generator's classes and splits, immutable edits."""

import pytest

from micrograd_gui.core.datasets import KINDS, TEST, TRAIN, VAL, Dataset, DatasetSpec, make_dataset
from micrograd_gui.core.rng import RNG


def test_yinyang_first_point_matches_spec():
    d = make_dataset(DatasetSpec("yinyang", 100, 0.0, 3), RNG(42))
    assert (d.xs[0], d.ys[0], d.labels[0]) == (-0.6436591148376465, 1.1290233135223389, 0)
    assert d.labels[:6] == (0, 1, 2, 0, 1, 2)  # point i wants class i mod 3


def test_splits_are_80_10_10_in_draw_order():
    d = make_dataset(DatasetSpec("yinyang", 100, 0.0, 3), RNG(1))
    assert d.splits == (TRAIN,) * 80 + (VAL,) * 10 + (TEST,) * 10
    assert [p for p, _ in d.split(VAL)] == list(zip(d.xs[80:90], d.ys[80:90]))


def test_quadrants_and_rings_follow_their_rules():
    q = make_dataset(DatasetSpec("quadrants", 300, 0.0, 3), RNG(3))
    for x, y, c in zip(q.xs, q.ys, q.labels):
        assert c == (0 if x < 0 else 1 if y < 0 else 2)
    r = make_dataset(DatasetSpec("rings", 300, 0.0, 3), RNG(3))
    for x, y, c in zip(r.xs, r.ys, r.labels):
        assert c == (0 if x * x + y * y < 1 else 1 if x * x + y * y < 2 else 2)


@pytest.mark.parametrize("kind", [k for k in KINDS if k != "hand"])
def test_every_generator_is_deterministic_and_uses_every_class(kind):
    k = KINDS[kind]
    for classes in range(k.min_classes, k.max_classes + 1):
        spec = DatasetSpec(kind, 120, k.default_noise, classes)
        a, b = make_dataset(spec, RNG(5)), make_dataset(spec, RNG(5))
        assert a == b and len(a) == 120
        assert set(a.labels) == set(range(classes))
        assert all(-3 < v < 3 for v in a.xs + a.ys)
        assert make_dataset(spec, RNG(6)) != a


def test_spec_validation_messages():
    with pytest.raises(ValueError, match="exactly 3 classes"):
        DatasetSpec("yinyang", 10, 0.0, 4).validate()
    with pytest.raises(ValueError, match="unknown dataset"):
        DatasetSpec("nope").validate()
    with pytest.raises(ValueError, match="number of points"):
        DatasetSpec("xor", -1, 0.0, 2).validate()
    with pytest.raises(ValueError, match="noise"):
        DatasetSpec("xor", 10, float("nan"), 2).validate()


def test_holdout_off_trains_on_everything():
    d = make_dataset(DatasetSpec("moons", 50, 0.1, 2, holdout=False), RNG(1))
    assert set(d.splits) == {TRAIN}


def test_edits_return_new_datasets_and_keep_the_old():
    d0 = Dataset()
    d1 = d0.with_point(0.5, -0.5, 1)
    d2 = d1.with_point(1.0, 1.0, 4).moved(0, 0.0, 0.0)
    assert len(d0) == 0 and len(d1) == 1 and d1.xs == (0.5,)
    assert d2.xs == (0.0, 1.0) and d2.num_classes == 5
    assert d2.without(0).xs == (1.0,) and d2.relabelled(1, 0).labels == (1, 0)
    assert d2.nearest(0.9, 0.9) == 1 and d0.nearest(0, 0) is None
    assert len(d2.cleared()) == 0


def test_hand_placed_points_cycle_through_splits():
    d = Dataset()
    for i in range(20):
        d = d.with_point(i, i, i % 2)
    assert d.splits.count(TRAIN) == 16 and d.splits.count(VAL) == 2 and d.splits.count(TEST) == 2
