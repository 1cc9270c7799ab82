"""SGD (with momentum and linear decay) and AdamW, over a flat vector of parameters."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from . import libm
from .i18n_marks import QT_TRANSLATE_NOOP

OPTIMIZERS = ("sgd", "momentum", "adamw")
OPTIMIZER_TITLES = {"sgd": QT_TRANSLATE_NOOP("Optimizers", "SGD"),  # the UI translates them
                    "momentum": QT_TRANSLATE_NOOP("Optimizers", "SGD + momentum"),
                    "adamw": QT_TRANSLATE_NOOP("Optimizers", "AdamW")}


@dataclass(frozen=True)
class OptimizerConfig:
    kind: str = "adamw"
    lr: float = 0.1
    momentum: float = 0.9
    beta1: float = 0.9
    beta2: float = 0.95
    eps: float = 1e-8
    weight_decay: float = 0.0
    lr_decay: bool = False  # linear decay lr_k = lr0 * (1 - 0.9 * k / decay_steps)
    decay_steps: int = 100

    def validate(self) -> None:
        if self.kind not in OPTIMIZERS:
            raise ValueError(f"unknown optimizer '{self.kind}'; choose one of {', '.join(OPTIMIZERS)}")
        if not (math.isfinite(self.lr) and self.lr > 0):
            raise ValueError(f"the learning rate must be a positive finite number, got {self.lr}")
        if not (math.isfinite(self.weight_decay) and self.weight_decay >= 0):
            raise ValueError(f"weight decay must be zero or positive, got {self.weight_decay}")
        for name, b in (("momentum", self.momentum), ("beta1", self.beta1), ("beta2", self.beta2)):
            if not (0 <= b < 1):
                raise ValueError(f"{name} must be in [0, 1), got {b}")
        if not (self.eps > 0 and math.isfinite(self.eps)):
            raise ValueError(f"eps must be a positive number, got {self.eps}")
        if self.lr_decay and self.decay_steps < 1:
            raise ValueError("learning-rate decay needs at least one step to decay over")

    def lr_at(self, k: int) -> float:
        if not self.lr_decay:
            return self.lr
        return self.lr * (1 - 0.9 * min(k, self.decay_steps) / self.decay_steps)


def adamw_update(p, g, m, v, t: int, lr: float, b1: float, b2: float, eps: float, wd: float,  # type: ignore[no-untyped-def]
                 power=pow):
    """One AdamW update, written once for Python floats (LLM101n's own loop) and numpy arrays.

    LLM101n squares with g**2 and takes roots with v_hat**0.5: the C library's pow, which rounds differently
    from g*g and sqrt about once in a thousand; arrays pass libm.power to get its bits."""
    m = b1 * m + (1 - b1) * g
    v = b2 * v + (1 - b2) * power(g, 2)
    m_hat = m / (1 - b1**t)
    v_hat = v / (1 - b2**t)
    p = p - lr * (m_hat / (power(v_hat, 0.5) + eps) + wd * p)
    return p, m, v


def sgd_update(p, g, buf, lr: float, mu: float, wd: float):  # type: ignore[no-untyped-def]
    """SGD as torch.optim.SGD: coupled weight decay, momentum buffer buf = mu*buf + g."""
    if wd:
        g = g + wd * p
    if mu:
        buf = mu * buf + g
        g = buf
    return p - lr * g, buf


@dataclass(frozen=True)
class OptimizerState:
    """Everything an optimizer carries from step to step, as copies."""

    t: int
    m: np.ndarray  # AdamW's first moment, or SGD's momentum buffer
    v: np.ndarray  # AdamW's second moment
    last_update: np.ndarray  # theta after the last step minus theta before it


@dataclass
class Optimizer:
    """Holds the state (step count, moments) and applies updates to a flat parameter vector."""

    config: OptimizerConfig
    size: int
    t: int = 0
    m: np.ndarray = field(init=False)
    v: np.ndarray = field(init=False)
    last_update: np.ndarray = field(init=False)

    def __post_init__(self) -> None:
        self.m = np.zeros(self.size)  # AdamW first moment, or the SGD momentum buffer
        self.v = np.zeros(self.size)
        self.last_update = np.zeros(self.size)

    def step(self, theta: np.ndarray, grad: np.ndarray) -> np.ndarray:
        """Return the updated parameters: LLM101n's per-scalar update, bit for bit, run over arrays."""
        c = self.config
        lr = c.lr_at(self.t)
        self.t += 1
        # a huge finite gradient can overflow an update to inf: no warning, Trainer.step reports the divergence
        with np.errstate(over="ignore", invalid="ignore"):
            if c.kind == "adamw":
                new, self.m, self.v = adamw_update(theta, grad, self.m, self.v, self.t, lr, c.beta1, c.beta2,
                                                   c.eps, c.weight_decay, libm.power)
            else:
                mu = c.momentum if c.kind == "momentum" else 0.0
                new, self.m = sgd_update(theta, grad, self.m, lr, mu, c.weight_decay)
            self.last_update = new - theta
        return new

    def state(self) -> OptimizerState:
        return OptimizerState(self.t, self.m.copy(), self.v.copy(), self.last_update.copy())

    def load(self, state: OptimizerState) -> None:
        """Continue from a saved state (of an optimizer of the same size)."""
        for name, a in (("m", state.m), ("v", state.v), ("last_update", state.last_update)):
            if np.shape(a) != (self.size,):
                raise ValueError(f"the optimizer's {name} has {np.size(a)} values, not {self.size}")
        if state.t < 0:
            raise ValueError("the optimizer's step count cannot be negative")
        self.t = int(state.t)
        self.m, self.v = np.array(state.m, dtype=np.float64), np.array(state.v, dtype=np.float64)
        self.last_update = np.array(state.last_update, dtype=np.float64)

    def reconfigure(self, config: OptimizerConfig) -> None:
        """Apply new settings live; switching the kind of optimizer starts its state afresh."""
        if config.kind != self.config.kind:
            self.m[:] = 0.0
            self.v[:] = 0.0
            self.t = 0
        self.config = config
