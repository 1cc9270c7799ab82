"""Every lesson is a valid run that trains."""

import math

import pytest

from micrograd_gui.core.lessons import LESSONS, get_lesson
from micrograd_gui.core.trainer import Diverged, Trainer


def test_at_least_six_lessons_with_instructions():
    assert len(LESSONS) >= 6 and all(len(x.instructions) > 60 for x in LESSONS)
    assert len({x.name for x in LESSONS}) == len(LESSONS)


@pytest.mark.parametrize("lesson", [x for x in LESSONS if x.name not in ("own-points", "lr-too-high")],
                         ids=lambda x: x.name)
def test_lesson_trains(lesson):
    t = Trainer(lesson.config)
    losses = [t.step().train_loss for _ in range(15)]
    assert all(math.isfinite(v) for v in losses) and losses[-1] < losses[0]


def test_the_high_learning_rate_lesson_diverges_and_is_caught():
    t = Trainer(get_lesson("lr-too-high").config)
    with pytest.raises(Diverged, match="learning rate"):
        for _ in range(300):
            t.step()


def test_xor_needs_a_hidden_layer():
    def acc(name):
        t = Trainer(get_lesson(name).config)
        for _ in range(200):
            t.step()
        return t.evaluate()["train"].accuracy

    assert acc("xor-linear") < 0.75 < 0.95 < acc("xor-hidden")
