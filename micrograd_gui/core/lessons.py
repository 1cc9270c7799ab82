"""Lessons: a preset plus what to look at and what to try, for a teacher to start with one click."""

from __future__ import annotations

from dataclasses import dataclass

from .config import TrainConfig
from .datasets import DatasetSpec
from .i18n_marks import QT_TRANSLATE_NOOP
from .optim import OptimizerConfig
from .presets import get_preset


@dataclass(frozen=True)
class Lesson:
    name: str
    title: str  # English; the UI shows QCoreApplication.translate("Lessons", title)
    instructions: str  # short HTML shown beside the plot, translated the same way
    config: TrainConfig
    panels: tuple[str, ...] = ("loss",)  # docks to show: "graph", "loss", "network", "optimizer", "scratchpad"
    probe: tuple[float, float, int] = (0.0, 0.0, 0)
    pause_at: int | None = None  # Play pauses at this step, where the instructions say to look
    rate: float = 30.0  # steps per second: slow enough to watch the regions change
    view: tuple[tuple[str, bool], ...] = ()  # plane options it turns on or off: ("contour", True), ...
    scratch: str = ""  # a Scratchpad lesson: the example (scratch.EXAMPLES) it opens; points and network stay


_ADAMW = OptimizerConfig("adamw", lr=0.1, weight_decay=1e-4)
_XOR = DatasetSpec("xor", 200, 0.0, 2)
_RINGS = DatasetSpec("rings", 200, 0.0, 3)  # the Rings preset's points

_HERE = get_preset("llm101n").config  # a Scratchpad lesson leaves the points and the network as they are

LESSONS: tuple[Lesson, ...] = (
    Lesson("expression", QT_TRANSLATE_NOOP("Lessons", "One expression"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Every box is a Value.</b> Below, c = a*b + b**2 is a graph of Values: each box shows its "
        "data and, under it, its grad, dc/d(that box). Drag the slider of <b>a</b>: c moves, but a.grad stays "
        "equal to b, because dc/da = b. Drag <b>b</b>: a.grad follows it, and b.grad = a + 2b. Click a node: the "
        "inspector puts its gradient beside the numerical one, (f(x+h) − f(x−h)) / 2h. Press <b>Backward "
        "step</b> to apply the chain rule one node at a time. Then type your own expression."),
        _HERE, ("scratchpad",), scratch="product"),
    Lesson("neuron", QT_TRANSLATE_NOOP("Lessons", "One neuron"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Karpathy's neuron.</b> o = tanh(x1·w1 + x2·w2 + b) with Karpathy's numbers: o = 0.7071, x1.grad = −1.5, "
        "w1.grad = 1.0. x2 is 0, so w2.grad is 0: drag <b>x2</b> away from 0 and w2 gets a gradient. Drag "
        "<b>b</b> up to 10: o nears 1, tanh flattens and every gradient shrinks toward 0, a saturated neuron "
        "hardly learns. Under <b>Examples</b>, choose the neuron with tanh written with exp: more nodes, the "
        "same gradients."),
        _HERE, ("scratchpad",), scratch="neuron"),
    Lesson("llm101n", QT_TRANSLATE_NOOP("Lessons", "LLM101n: yin-yang"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>The LLM101n run.</b> A 2-8-3 network learns three classes. Press <b>Space</b> and watch the "
        "regions take the yin-yang's shape: within 100 steps over 90 % of the training points are right. Click "
        "a point to see its loss as a graph of scalars; pause and press <b>B</b> to apply the chain rule one node "
        "at a time."),
        get_preset("llm101n").config, ("graph", "loss"), pause_at=100),
    Lesson("moons", QT_TRANSLATE_NOOP("Lessons", "micrograd's moons demo"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Karpathy's micrograd demo.</b> A 2-16-16-1 ReLU network with a max-margin loss and SGD with a "
        "decaying learning rate. Within 100 steps it gets every point right, or all but one or two: try "
        "<b>Step ×10</b> ten times."),
        get_preset("moons-demo").config, ("loss",), (0.5, 0.25, 1), pause_at=100),
    Lesson("xor-linear", QT_TRANSLATE_NOOP("Lessons", "XOR without a hidden layer"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>A line cannot do XOR.</b> This model has no hidden layer, so its boundary is a straight line: the "
        "black 0.5 contour. Train it: after 200 steps the accuracy stalls at 80 % or below, because a line gets "
        "at most three of the four quadrants right. Then open the next lesson."),
        TrainConfig(_XOR, hidden=(), optimizer=_ADAMW, steps=200), ("loss",), pause_at=200,
        view=(("contour", True), ("hard", False))),
    Lesson("xor-hidden", QT_TRANSLATE_NOOP("Lessons", "XOR with a hidden layer"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>One hidden layer bends the boundary.</b> Four tanh neurons solve XOR: within 300 steps over 90 % of "
        "the training points are right, usually 98–100 %. Set <b>Hidden layers</b> to 0 and press <b>R</b> to "
        "compare."),
        TrainConfig(_XOR, hidden=(4,), optimizer=_ADAMW, steps=200), ("loss", "network"), pause_at=300),
    Lesson("rings-features", QT_TRANSLATE_NOOP("Lessons", "Rings with x² and y²"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Features instead of layers.</b> This network has no hidden layer, but its inputs are x² and y² "
        "instead of x and y: its boundaries are straight lines in x² and y², which are circles and ellipses on "
        "the plane. Press <b>Space</b>: within 100 steps over 90 % of the training points are right. Click a "
        "point: its graph starts with the nodes x0² and x1², built from x0 and x1. Under <b>Inputs</b>, tick x and y, "
        "untick x² and y² and press <b>R</b>: with straight lines it stalls below 70 %."),
        TrainConfig(_RINGS, hidden=(), optimizer=_ADAMW, steps=100, features=("x2", "y2")), ("graph", "loss"),
        (0.5, 1.0, 1), pause_at=100, view=(("contour", True), ("hard", False))),
    Lesson("lr-too-high", QT_TRANSLATE_NOOP("Lessons", "A learning rate too high"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Too big a step.</b> SGD with momentum at learning rate 20 and the reference softmax (no max "
        "shift). Press <b>Space</b>: the loss swings wildly, then blows up within 100 steps; training stops, the "
        "last good weights come back and the window says why. Then press <b>R</b>, set the <b>Learning "
        "rate</b> to 0.05 and press <b>Space</b>: the loss falls, and within 200 steps over 90 % of the "
        "training points are right."),
        TrainConfig(DatasetSpec("spiral", 300, 0.2, 3), hidden=(16, 16), stable_softmax=False,
                    optimizer=OptimizerConfig("momentum", lr=20.0), steps=300), ("loss",), pause_at=200),
    Lesson("spiral-depth", QT_TRANSLATE_NOOP("Lessons", "Spiral: depth learns faster"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Depth speeds learning.</b> Three spiral arms with two hidden layers of 16. Press <b>Space</b>: "
        "within 150 steps every training point is right, usually within 100. Then set <b>Hidden layers</b> to "
        "1, press <b>R</b> and <b>Space</b>: one layer of 16 gets there too, but takes about twice as many steps "
        "or more."),
        get_preset("spiral").config, ("loss", "network"), pause_at=150),
    Lesson("own-points", QT_TRANSLATE_NOOP("Lessons", "Place your own points"), QT_TRANSLATE_NOOP(
        "Lessons",
        "<b>Your data.</b> Click to add points of the active class (keys <b>1</b>–<b>6</b>), drag to move, "
        "right-click to remove. Play needs points of two classes."),
        get_preset("hand").config, ("loss",)),
)


def get_lesson(name: str) -> Lesson:
    for lesson in LESSONS:
        if lesson.name == name:
            return lesson
    raise ValueError(f"unknown lesson '{name}'; choose one of {', '.join(x.name for x in LESSONS)}")
