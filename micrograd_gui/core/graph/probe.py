"""The computation graph of one point's loss after some training, as the command line exports it."""

from __future__ import annotations

from micrograd_gui.core.config import ConfigError, TrainConfig
from micrograd_gui.core.engine import Value
from micrograd_gui.core.features import DEFAULT, inputs
from micrograd_gui.core.graph.trace import Graph, trace
from micrograd_gui.core.losses import point_loss
from micrograd_gui.core.nn import MLP
from micrograd_gui.core.trainer import Trainer


def point_loss_value(model: MLP, loss: str, stable: bool, point: tuple[float, float], label: int,
                     features: tuple[str, ...] = DEFAULT) -> Value:
    """Build and back-propagate the loss of one point; x0 and x1 are inputs shared by the first layer (through the
    feature nodes built from them, if any)."""
    out = model(inputs(*point, features))
    root = point_loss(loss, out, label, stable)
    for p in model.parameters():
        p.grad = 0
    root.backward()
    return root


def point_graph(config: TrainConfig, point: tuple[float, float], label: int, steps: int = 0) -> Graph:
    trainer = Trainer(config)
    if steps < 0:
        raise ConfigError(f"the number of steps cannot be negative, got {steps}")
    if steps:
        trainer.check_data()
        for _ in range(steps):
            trainer.step()
    if not 0 <= label < trainer.num_classes:
        raise ConfigError(f"--label must be a class from 0 to {trainer.num_classes - 1}, got {label}")
    trainer.model.set_flat(trainer.theta.tolist())
    return trace(point_loss_value(trainer.model, config.loss, config.stable_softmax, point, label, config.features))
