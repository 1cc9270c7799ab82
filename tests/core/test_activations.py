"""Every neuron's activation (the network view's maps), the last step's gradient and hand-set parameters."""

import numpy as np
import pytest

from micrograd_gui.core.config import ConfigError
from micrograd_gui.core.datasets import TRAIN
from micrograd_gui.core.eager import EagerBackend
from micrograd_gui.core.fast import FastBackend
from micrograd_gui.core.nn import ACTIVATIONS, MLP, input_values
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.rng import RNG
from micrograd_gui.core.snapshot import grid_points
from micrograd_gui.core.trainer import Trainer


def by_hand(model: MLP, X: np.ndarray) -> list[np.ndarray]:
    """Each layer's outputs, neuron by neuron with the model's own Neuron.__call__."""
    outs: list[list[list[float]]] = [[] for _ in model.layers]
    for px, py in X.tolist():
        h = input_values(px, py)
        for rows, layer in zip(outs, model.layers):
            h = [n(h) for n in layer.neurons]
            rows.append([v.data for v in h])
    return [np.array(r) for r in outs]


@pytest.mark.parametrize("act", ACTIVATIONS)
@pytest.mark.parametrize("sizes", [(8, 3), (5, 4, 2), (3, 1)])
def test_eager_activations_equal_the_fast_engines(act, sizes):
    model = MLP(2, list(sizes), RNG(3), act, init_scale=1.5)
    theta = np.array(model.get_flat())
    X = grid_points(9)
    eager = EagerBackend(model, "cross_entropy", True).activations(theta, X)
    fast = FastBackend(model, "cross_entropy", True)
    assert [a.shape for a in eager] == [(81, s) for s in sizes]
    for exact in (False, True):
        for e, f in zip(eager, fast.activations(theta, X, exact=exact)):
            assert f.shape == e.shape
            assert float(np.abs(e - f).max()) <= 1e-12 * max(1.0, float(np.abs(e).max()))
    for e, h in zip(eager, by_hand(model, X)):
        assert np.array_equal(e, h)


def test_hidden_layers_are_after_the_nonlinearity_and_the_output_is_linear():
    model = MLP(2, [4, 3], RNG(5), "relu", init_scale=2.0)
    theta = np.array(model.get_flat())
    X = np.array([[0.3, -1.2], [2.0, 0.5], [-1.0, -1.0]])
    hidden, out = EagerBackend(model, "cross_entropy", True).activations(theta, X)
    assert (hidden >= 0).all() and (hidden == 0).any()  # relu clips
    assert (out < 0).any()  # the logits are not clipped
    assert np.array_equal(out, EagerBackend(model, "cross_entropy", True).outputs(theta, X))
    n = model.layers[0].neurons[0]
    pre = n.b.data + n.w[0].data * X[:, 0] + n.w[1].data * X[:, 1]
    assert np.array_equal(hidden[:, 0], np.maximum(pre, 0.0))


@pytest.mark.parametrize("engine", ["fast", "eager"])
def test_trainer_activations_follow_its_theta(engine):
    t = Trainer(get_preset("llm101n").config.with_changes(engine=engine))
    X = grid_points(6)
    before = t.activations(X)
    t.step()
    after = t.activations(X)
    assert [a.shape for a in after] == [(36, 8), (36, 3)]
    assert not np.array_equal(before[0], after[0])
    assert np.array_equal(after[-1], t.outputs(X))


def test_last_grad_is_the_gradient_the_step_applied():
    t = Trainer(get_preset("llm101n").config)
    assert t.last_grad is None
    theta = t.theta.copy()
    X, y = t.data.arrays(TRAIN)
    _, expected = t.backend.loss_and_grad(theta, X, y, t.config.l2)
    t.step()
    assert t.last_grad is not None and np.array_equal(t.last_grad, expected)
    assert np.array_equal(t.optimizer.last_update, t.theta - theta)
    t.reset()
    assert t.last_grad is None


def test_a_hand_set_parameter_changes_the_next_steps_loss():
    cfg = get_preset("llm101n").config
    plain, edited = Trainer(cfg), Trainer(cfg)
    i = 4  # neurons of the first layer hold [w0, w1, b]: index 4 is w[0][1][1]
    edited.set_param(i, 1.5)
    assert edited.theta[i] == 1.5 and np.array_equal(np.delete(edited.theta, i), np.delete(plain.theta, i))
    assert edited.step().train_loss != plain.step().train_loss
    with pytest.raises(ConfigError, match="no parameter"):
        edited.set_param(edited.theta.size, 0.0)
    with pytest.raises(ConfigError, match="finite"):
        edited.set_param(0, float("nan"))
