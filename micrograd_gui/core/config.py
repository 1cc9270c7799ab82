"""The whole description of a run, validated with messages a person understands."""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace

from .datasets import MAX_POINTS, DatasetSpec
from .features import DEFAULT
from .features import check as check_features
from .losses import LOSSES
from .nn import ACTIVATIONS
from .optim import OptimizerConfig

MAX_DEPTH = 6
MAX_WIDTH = 64
MAX_PARAMETERS = 20_000
ENGINES = ("fast", "eager")


class ConfigError(ValueError):
    """A setting or a dataset the trainer cannot use; the message says what to change."""


@dataclass(frozen=True)
class TrainConfig:
    dataset: DatasetSpec = field(default_factory=DatasetSpec)
    seed: int = 42
    hidden: tuple[int, ...] = (8,)
    activation: str = "tanh"
    init_scale: float | None = None  # None: nin**-0.5 (LLM101n); 1.0: karpathy/micrograd's nn.py
    loss: str = "cross_entropy"
    stable_softmax: bool = True
    l2: float = 0.0
    l1: float = 0.0  # alpha of alpha * sum(|p|); the subgradient at p = 0 is 0 (losses.l1_penalty)
    optimizer: OptimizerConfig = field(default_factory=OptimizerConfig)
    batch_size: int = 0  # 0: full batch; else mini-batches drawn from the RNG
    steps: int = 100
    eval_every: int = 10
    engine: str = "fast"
    features: tuple[str, ...] = DEFAULT  # the network's inputs, built from x and y (core.features.FEATURES)

    def validate(self) -> None:
        try:
            self.dataset.validate()
            self.optimizer.validate()
        except ValueError as e:
            raise ConfigError(str(e)) from None
        if not isinstance(self.seed, int) or not (1 <= self.seed < 2**64):
            raise ConfigError(f"the seed must be a whole number from 1 to 2^64-1, got {self.seed}")
        if len(self.hidden) > MAX_DEPTH:
            raise ConfigError(f"at most {MAX_DEPTH} hidden layers are supported, got {len(self.hidden)}")
        for i, h in enumerate(self.hidden):
            if not (1 <= h <= MAX_WIDTH):
                raise ConfigError(f"hidden layer {i + 1} must have 1 to {MAX_WIDTH} neurons, got {h}")
        if self.activation not in ACTIVATIONS:
            raise ConfigError(f"unknown activation '{self.activation}'; "
                              f"choose one of {', '.join(ACTIVATIONS)}")
        if self.loss not in LOSSES:
            raise ConfigError(f"unknown loss '{self.loss}'; choose one of {', '.join(LOSSES)}")
        if self.init_scale is not None and not (math.isfinite(self.init_scale) and self.init_scale > 0):
            raise ConfigError(f"the init scale must be a positive number, got {self.init_scale}")
        if not (math.isfinite(self.l2) and self.l2 >= 0):
            raise ConfigError(f"the L2 penalty must be zero or positive, got {self.l2}")
        if not (math.isfinite(self.l1) and self.l1 >= 0):
            raise ConfigError(f"the L1 penalty must be zero or positive, got {self.l1}")
        if not 0 <= self.batch_size <= MAX_POINTS:  # a batch larger than the plane holds is meaningless
            raise ConfigError(f"the batch size must be 0 (full batch) or 1 to {MAX_POINTS}, got {self.batch_size}")
        if self.steps < 0:
            raise ConfigError(f"the number of steps cannot be negative, got {self.steps}")
        if self.eval_every < 0:
            raise ConfigError(f"eval_every cannot be negative, got {self.eval_every}")
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown engine '{self.engine}'; choose one of {', '.join(ENGINES)}")
        try:
            check_features(self.features)
        except ValueError as e:
            raise ConfigError(str(e)) from None

    def with_changes(self, **changes: object) -> TrainConfig:
        return replace(self, **changes)  # type: ignore[arg-type]
