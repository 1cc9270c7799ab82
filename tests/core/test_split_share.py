"""The train share of generated data: 80 / 10 / 10 by default (LLM101n's slices), any share from 10 to 90 %, kept
by sessions and CSV together with every point's own split."""

import json

import numpy as np
import pytest

from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.datasets import TEST, TRAIN, VAL, DatasetSpec, make_dataset, split_of_index
from micrograd_gui.core.files import csv_file
from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.trainer import Trainer


def counts(data):
    return [data.splits.count(s) for s in (TRAIN, VAL, TEST)]


def test_the_default_share_slices_as_llm101n_for_every_size():
    for n in range(0, 2001):
        assert [split_of_index(i, n) for i in range(n)] == [
            TRAIN if i < int(0.8 * n) else VAL if i < int(0.9 * n) else TEST for i in range(n)]
    spec = DatasetSpec("yinyang", 100, 0.0, 3)
    assert spec.train_share == 80 and counts(make_dataset(spec, RNG(42))) == [80, 10, 10]


@pytest.mark.parametrize(("share", "expected"), [(10, [10, 45, 45]), (50, [50, 25, 25]), (75, [75, 12, 13]),
                                                 (90, [90, 5, 5])])
def test_a_share_trains_that_many_and_halves_the_rest(share, expected):
    spec = DatasetSpec("spiral", 100, 0.2, 3, train_share=share)
    data = make_dataset(spec, RNG(7))
    assert counts(data) == expected
    same_points = make_dataset(DatasetSpec("spiral", 100, 0.2, 3), RNG(7))
    assert (data.xs, data.ys, data.labels) == (same_points.xs, same_points.ys, same_points.labels)


@pytest.mark.parametrize("bad", [9, 91, 0, 100, 80.0, True])
def test_a_share_outside_10_to_90_percent_is_refused(bad):
    with pytest.raises(ConfigError, match="train share"):
        get_preset("llm101n").config.with_changes(dataset=DatasetSpec(train_share=bad)).validate()


def test_without_holdout_every_point_still_trains():
    assert counts(make_dataset(DatasetSpec("moons", 40, 0.1, 2, holdout=False, train_share=50), RNG(1))) == [40, 0, 0]


def custom_split_trainer():
    cfg = get_preset("llm101n").config.with_changes(dataset=DatasetSpec("yinyang", 100, 0.0, 3, train_share=60),
                                                    batch_size=16)
    t = Trainer(cfg)
    data = t.data
    for i in (0, 1, 2, 70, 95):  # and some points moved to another split by hand
        data = data.resplit(i, (data.splits[i] + 1) % 3)
    t.set_data(data)
    return t


def test_a_session_with_custom_splits_is_saved_and_continued_exactly(tmp_path):
    a = custom_split_trainer()
    for _ in range(5):
        a.step()
    path = tmp_path / "splits.json"
    sf.save(path, sf.Session(a.state()))
    s = sf.load(path)
    assert s.state.data == a.data and s.state.config.dataset.train_share == 60
    assert counts(s.state.data) == [58, 22, 20]  # 60 / 20 / 20, then three to val, one to test, one back
    b = Trainer.from_state(s.state)
    assert [a.step() for _ in range(10)] == [b.step() for _ in range(10)]  # train, val and test losses
    assert np.array_equal(a.theta, b.theta)


def test_a_session_saved_before_the_share_existed_opens_at_80_percent():
    d = json.loads(sf.to_json(sf.Session(Trainer(get_preset("llm101n").config).state())))
    del d["config"]["dataset"]["train_share"]
    assert sf.from_json(json.dumps(d)).state.config.dataset.train_share == 80


def test_csv_keeps_every_points_split():
    data = custom_split_trainer().data
    back = csv_file.parse(csv_file.to_text(data))
    assert back.splits == data.splits and (back.xs, back.ys, back.labels) == (data.xs, data.ys, data.labels)


@pytest.mark.parametrize("engine", ["eager", "fast"])
def test_a_session_with_features_and_custom_splits_continues_exactly(tmp_path, engine):
    """Issue 14's check: features and hand-moved splits saved together, reopened, trained on bit for bit."""
    a = custom_split_trainer()
    cfg = a.config.with_changes(features=("x", "y2", "xy", "sinx"), engine=engine)
    b0 = Trainer(cfg)
    b0.set_data(a.data)
    for _ in range(7):
        b0.step()
    path = tmp_path / "features-splits.json"
    sf.save(path, sf.Session(b0.state()))
    s = sf.load(path)
    assert s.state.config.features == ("x", "y2", "xy", "sinx") and s.state.data == a.data
    b1 = Trainer.from_state(s.state)
    assert [b0.step() for _ in range(10)] == [b1.step() for _ in range(10)]
    assert np.array_equal(b0.theta, b1.theta)
