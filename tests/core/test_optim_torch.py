"""AdamW and SGD (momentum, linear decay) against torch.optim on the same MLP and data (SPEC section 5)."""

from __future__ import annotations

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from micrograd_gui.core.datasets import TRAIN, DatasetSpec, make_dataset
from micrograd_gui.core.losses import mean_loss, point_loss
from micrograd_gui.core.nn import MLP
from micrograd_gui.core.optim import Optimizer, OptimizerConfig, adamw_update, sgd_update
from micrograd_gui.core.rng import RNG

torch.set_num_threads(1)
F64 = torch.float64
STEPS = 20


def setup_run():
    """LLM101n's setup: yinyang drawn first, then MLP(2, [8, 3]) from the same RNG(42)."""
    rng = RNG(42)
    data = make_dataset(DatasetSpec("yinyang", 100, 0.0, 3), rng)
    model = MLP(2, [8, 3], rng)
    train = data.split(TRAIN)
    return model, train


def engine_loss_and_grad(model: MLP, train, stable: bool) -> tuple[float, np.ndarray]:
    loss = mean_loss([point_loss("cross_entropy", model(list(x)), y, stable) for x, y in train])
    model.zero_grad()
    loss.backward()
    return loss.data, np.array([float(p.grad) for p in model.parameters()])


def torch_forward(theta: torch.Tensor, model: MLP, X: torch.Tensor) -> torch.Tensor:
    """The MLP as tensors, read from one flat parameter vector in model.parameters() order."""
    h, offset = X, 0
    for li, layer in enumerate(model.layers):
        nout, nin = len(layer.neurons), len(layer.neurons[0].w)
        block = theta[offset:offset + nout * (nin + 1)].view(nout, nin + 1)  # per neuron: w..., b
        offset += nout * (nin + 1)
        h = h @ block[:, :nin].T + block[:, nin]
        if li != len(model.layers) - 1:
            h = torch.tanh(h)
    assert offset == theta.numel()
    return h


def scalar_update(config: OptimizerConfig, p, g, m, v, t):
    """One optimizer step as LLM101n writes it: a Python loop over the scalars."""
    lr, out = config.lr_at(t), []
    for i in range(len(p)):
        if config.kind == "adamw":
            out.append(adamw_update(p[i], g[i], m[i], v[i], t + 1, lr, config.beta1, config.beta2, config.eps,
                                    config.weight_decay)[0])
        else:
            mu = config.momentum if config.kind == "momentum" else 0.0
            out.append(sgd_update(p[i], g[i], m[i], lr, mu, config.weight_decay)[0])
    return out


def compare_runs(config: OptimizerConfig, make_torch_opt, exact: bool, stable: bool = False,
                 scheduler=None) -> None:
    model, train = setup_run()
    opt = Optimizer(config, len(model.parameters()))

    theta_t = torch.tensor(model.get_flat(), dtype=F64, requires_grad=True)
    X = torch.tensor([x for x, _ in train], dtype=F64)
    Y = torch.tensor([y for _, y in train])
    topt = make_torch_opt([theta_t])
    sched = scheduler(topt) if scheduler else None

    moved = 0.0
    v_before = opt.v.tolist()
    for step in range(STEPS):
        loss, grad = engine_loss_and_grad(model, train, stable)
        theta = np.array(model.get_flat())
        m_before, t_before = opt.m.tolist(), opt.t
        new = opt.step(theta, grad)
        if exact:  # the array update is LLM101n's per-scalar loop in Python floats, bit for bit
            assert new.tolist() == scalar_update(config, theta.tolist(), grad.tolist(), m_before, v_before, t_before)
        v_before = opt.v.tolist()
        model.set_flat(new)

        topt.zero_grad()
        lt = F.cross_entropy(torch_forward(theta_t, model, X), Y)
        lt.backward()
        np.testing.assert_allclose(grad, theta_t.grad.numpy(), rtol=1e-10, atol=1e-13,
                                   err_msg=f"gradient before step {step + 1}")
        assert loss == pytest.approx(lt.item(), rel=1e-10), f"loss before step {step + 1}"
        topt.step()
        if sched is not None:
            sched.step()

        np.testing.assert_allclose(new, theta_t.detach().numpy(), rtol=1e-10, atol=1e-13,
                                   err_msg=f"parameters after step {step + 1}")
        np.testing.assert_array_equal(opt.last_update, new - theta)
        moved = max(moved, float(np.abs(new - theta).max()))
    assert opt.t == STEPS
    assert moved > 1e-3  # the parameters really moved


@pytest.mark.parametrize("exact", [True, False], ids=["scalar-loop", "torch-only"])
@pytest.mark.parametrize("stable", [False, True], ids=["reference-ce", "stable-ce"])
def test_adamw_matches_torch(exact, stable):
    config = OptimizerConfig("adamw", lr=0.1, beta1=0.9, beta2=0.95, eps=1e-8, weight_decay=1e-4)
    compare_runs(config, lambda ps: torch.optim.AdamW(ps, lr=0.1, betas=(0.9, 0.95), eps=1e-8,
                                                      weight_decay=1e-4), exact, stable)


@pytest.mark.parametrize("exact", [True, False], ids=["scalar-loop", "torch-only"])
def test_adamw_without_weight_decay_matches_torch(exact):
    config = OptimizerConfig("adamw", lr=0.05, beta1=0.8, beta2=0.99, eps=1e-6, weight_decay=0.0)
    compare_runs(config, lambda ps: torch.optim.AdamW(ps, lr=0.05, betas=(0.8, 0.99), eps=1e-6,
                                                      weight_decay=0.0), exact)


@pytest.mark.parametrize("exact", [True, False], ids=["scalar-loop", "torch-only"])
@pytest.mark.parametrize("wd", [0.0, 1e-3])
def test_sgd_momentum_matches_torch(exact, wd):
    config = OptimizerConfig("momentum", lr=0.1, momentum=0.9, weight_decay=wd)
    compare_runs(config, lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9, weight_decay=wd), exact)


@pytest.mark.parametrize("exact", [True, False], ids=["scalar-loop", "torch-only"])
def test_plain_sgd_with_linear_decay_matches_torch(exact):
    config = OptimizerConfig("sgd", lr=0.5, lr_decay=True, decay_steps=STEPS)
    compare_runs(config, lambda ps: torch.optim.SGD(ps, lr=0.5), exact,
                 scheduler=lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda k: 1 - 0.9 * k / STEPS))


@pytest.mark.parametrize("exact", [True, False], ids=["scalar-loop", "torch-only"])
def test_momentum_with_linear_decay_matches_torch(exact):
    config = OptimizerConfig("momentum", lr=0.2, momentum=0.9, lr_decay=True, decay_steps=STEPS)
    compare_runs(config, lambda ps: torch.optim.SGD(ps, lr=0.2, momentum=0.9), exact,
                 scheduler=lambda o: torch.optim.lr_scheduler.LambdaLR(o, lambda k: 1 - 0.9 * k / STEPS))


# ---- the decay schedule by hand -----------------------------------------------------------------

def test_linear_decay_schedule_by_hand():
    # micrograd's demo: learning_rate = 1.0 - 0.9*k/100
    c = OptimizerConfig("sgd", lr=1.0, lr_decay=True, decay_steps=100)
    for k in range(100):
        assert c.lr_at(k) == 1.0 - 0.9 * k / 100
    assert c.lr_at(0) == 1.0
    assert c.lr_at(50) == 0.55
    assert c.lr_at(99) == pytest.approx(0.109, rel=1e-12)

    c = OptimizerConfig("sgd", lr=0.05, lr_decay=True, decay_steps=20)
    assert [c.lr_at(k) for k in (0, 10, 19)] == pytest.approx([0.05, 0.0275, 0.00725], rel=1e-12)
    assert OptimizerConfig("sgd", lr=0.05).lr_at(19) == 0.05  # no decay unless asked


def test_sgd_steps_use_the_decayed_rate():
    # unit gradients on zero parameters: step k moves every parameter by exactly -lr_k
    c = OptimizerConfig("sgd", lr=0.05, lr_decay=True, decay_steps=20)
    opt = Optimizer(c, 3)
    theta = np.zeros(3)
    for k in range(20):
        new = opt.step(theta, np.ones(3))
        np.testing.assert_allclose(new - theta, -0.05 * (1 - 0.9 * k / 20), rtol=1e-12)
        theta = new
    np.testing.assert_allclose(theta, -sum(0.05 * (1 - 0.9 * k / 20) for k in range(20)), rtol=1e-12)


def test_adamw_first_step_by_hand():
    # t = 1: m_hat = g, v_hat = g^2, so p -= lr * (g / (|g| + eps) + wd * p)
    c = OptimizerConfig("adamw", lr=0.1, beta1=0.9, beta2=0.95, eps=1e-8, weight_decay=1e-4)
    theta, g = np.array([0.5, -0.25, 0.0]), np.array([2.0, -1e-3, 0.3])
    new = Optimizer(c, 3).step(theta, g)
    want = theta - 0.1 * (g / (np.abs(g) + 1e-8) + 1e-4 * theta)
    np.testing.assert_allclose(new, want, rtol=1e-13)
