"""Named starting points: the two reference runs and one preset for every other dataset."""

from __future__ import annotations

from dataclasses import dataclass

from .config import TrainConfig
from .datasets import DatasetSpec
from .i18n_marks import QT_TRANSLATE_NOOP
from .optim import OptimizerConfig


@dataclass(frozen=True)
class Preset:
    name: str
    title: str  # English; title and description are marked for translation (context "Presets")
    description: str
    config: TrainConfig


_ADAMW = OptimizerConfig("adamw", lr=0.1, beta1=0.9, beta2=0.95, eps=1e-8, weight_decay=1e-4)

PRESETS: dict[str, Preset] = {p.name: p for p in (
    Preset("llm101n", QT_TRANSLATE_NOOP("Presets", "LLM101n yin-yang"),
           QT_TRANSLATE_NOOP("Presets", "LLM101n chapter 2: yin-yang, MLP 2-8-3 (tanh), reference cross-entropy, "
                                        "AdamW, 100 steps."),
           TrainConfig(DatasetSpec("yinyang", 100, 0.0, 3), seed=42, hidden=(8,), activation="tanh",
                       loss="cross_entropy", stable_softmax=False, optimizer=_ADAMW, steps=100)),
    Preset("moons-demo", QT_TRANSLATE_NOOP("Presets", "micrograd moons demo"),
           QT_TRANSLATE_NOOP("Presets", "karpathy/micrograd's demo: moons, MLP 2-16-16-1 (relu), hinge + L2, "
                                        "SGD with linear decay."),
           TrainConfig(DatasetSpec("moons", 100, 0.1, 2, holdout=False), seed=42, hidden=(16, 16),
                       activation="relu", init_scale=1.0, loss="hinge", l2=1e-4,
                       optimizer=OptimizerConfig("sgd", lr=1.0, lr_decay=True, decay_steps=100),
                       steps=100)),
    Preset("quadrants", QT_TRANSLATE_NOOP("Presets", "Quadrants"),
           QT_TRANSLATE_NOOP("Presets", "Three regions split by the axes: one hidden layer is plenty."),
           TrainConfig(DatasetSpec("quadrants", 100, 0.0, 3), hidden=(8,), optimizer=_ADAMW, steps=100)),
    Preset("rings", QT_TRANSLATE_NOOP("Presets", "Rings"),
           QT_TRANSLATE_NOOP("Presets", "Concentric rings: the network has to learn a radius."),
           TrainConfig(DatasetSpec("rings", 200, 0.0, 3), hidden=(16,), optimizer=_ADAMW, steps=200)),
    Preset("spiral", QT_TRANSLATE_NOOP("Presets", "Spiral"),
           QT_TRANSLATE_NOOP("Presets", "Three interleaved arms: two hidden layers learn them faster than one."),
           TrainConfig(DatasetSpec("spiral", 300, 0.2, 3), hidden=(16, 16),
                       optimizer=OptimizerConfig("adamw", lr=0.05, weight_decay=1e-4), steps=500)),
    Preset("xor", QT_TRANSLATE_NOOP("Presets", "XOR"),
           QT_TRANSLATE_NOOP("Presets", "XOR cannot be separated by a line: a hidden layer is required."),
           TrainConfig(DatasetSpec("xor", 200, 0.0, 2), hidden=(4,), optimizer=_ADAMW, steps=200)),
    Preset("gauss", QT_TRANSLATE_NOOP("Presets", "Gaussian blobs"),
           QT_TRANSLATE_NOOP("Presets", "Two Gaussian clouds: even a linear model separates them."),
           TrainConfig(DatasetSpec("gauss", 100, 0.4, 2), hidden=(4,), optimizer=_ADAMW, steps=100)),
    Preset("hand", QT_TRANSLATE_NOOP("Presets", "Place your own points"),
           QT_TRANSLATE_NOOP("Presets", "An empty plane: click to add points, 1-6 picks the class."),
           TrainConfig(DatasetSpec("hand", 0, 0.0, 2), hidden=(8,), optimizer=_ADAMW, steps=100)),
)}


def get_preset(name: str) -> Preset:
    try:
        return PRESETS[name]
    except KeyError:
        raise ValueError(f"unknown preset '{name}'; choose one of {', '.join(PRESETS)}") from None
