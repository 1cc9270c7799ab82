"""`micrograd-gui bench`: ms per training step and per decision map, eager vs fast vs PyTorch vs micrograd."""

from __future__ import annotations

import gc
import random
import resource
import statistics
import time
from collections.abc import Callable, Sequence
from functools import partial

import numpy as np

from .cli_args import OneLineParser, positive_int
from .core.config import TrainConfig
from .core.datasets import TRAIN, DatasetSpec
from .core.graph.layout import layered_layout
from .core.graph.probe import point_graph
from .core.presets import get_preset
from .core.trainer import Trainer

GRID = 200
EAGER_MAP_POINTS = 2000  # an eager 200x200 map takes minutes: time this many points and scale up


def cases() -> dict[str, TrainConfig]:
    """(a) the LLM101n preset, (b) micrograd's moons demo, (c) spiral, 2-16-16-3, with 80 and 500 points."""
    def spiral(n: int) -> TrainConfig:
        return get_preset("spiral").config.with_changes(
            dataset=DatasetSpec("spiral", n, 0.2, 3, holdout=False), hidden=(16, 16))

    return {"llm101n": get_preset("llm101n").config, "moons-demo": get_preset("moons-demo").config,
            "spiral-80": spiral(80), "spiral-500": spiral(500)}


def grid() -> np.ndarray:
    g = np.linspace(-2.0, 2.0, GRID)
    return np.stack(np.meshgrid(g, g), axis=-1).reshape(-1, 2)


def median_ms(fn: Callable[[], object], reps: int, warmup: int) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e3


def trainer_for(config: TrainConfig, engine: str) -> Trainer:
    # no step limit is enforced by step(), so the run can go past the preset's step count
    return Trainer(config.with_changes(engine=engine))


# ---- PyTorch: the same model, data and optimizer, float64 on one thread ----------------------------

def torch_case(config: TrainConfig) -> tuple[Callable[[], object], Callable[[np.ndarray], np.ndarray]]:
    import torch

    torch.set_num_threads(1)
    t = Trainer(config)
    X, y = t.data.arrays(TRAIN)
    Xt, yt = torch.tensor(X, dtype=torch.float64), torch.tensor(y)
    layers: list[torch.nn.Module] = []
    acts = {"tanh": torch.nn.Tanh, "relu": torch.nn.ReLU, "sigmoid": torch.nn.Sigmoid,
            "linear": torch.nn.Identity}
    for layer in t.model.layers:
        neurons = layer.neurons
        lin = torch.nn.Linear(len(neurons[0].w), len(neurons)).double()
        with torch.no_grad():
            lin.weight.copy_(torch.tensor([[w.data for w in n.w] for n in neurons], dtype=torch.float64))
            lin.bias.copy_(torch.tensor([float(n.b.data) for n in neurons], dtype=torch.float64))
        layers += [lin, acts[neurons[0].act]()]
    model = torch.nn.Sequential(*layers)
    oc = config.optimizer
    params = list(model.parameters())
    if oc.kind == "adamw":
        opt: torch.optim.Optimizer = torch.optim.AdamW(params, lr=oc.lr, betas=(oc.beta1, oc.beta2),
                                                       eps=oc.eps, weight_decay=oc.weight_decay)
    else:
        opt = torch.optim.SGD(params, lr=oc.lr, momentum=oc.momentum if oc.kind == "momentum" else 0.0,
                              weight_decay=oc.weight_decay)
    sign = 1.0 - 2.0 * (yt == 1).double()  # hinge on one score: -y with y = +-1
    k = [0]

    def step() -> object:
        out = model(Xt)
        if config.loss == "hinge":
            loss = torch.relu(1 + out[:, 0] * sign).mean()
        else:
            loss = torch.nn.functional.cross_entropy(out, yt)
        if config.l2:
            loss = loss + config.l2 * sum((p * p).sum() for p in params)
        opt.zero_grad()
        loss.backward()
        for group in opt.param_groups:
            group["lr"] = oc.lr_at(k[0])
        opt.step()
        k[0] += 1
        return loss

    def probs(G: np.ndarray) -> np.ndarray:
        with torch.no_grad():
            out = model(torch.from_numpy(G))
            if out.shape[1] == 1:
                p1 = torch.sigmoid(2.0 * out[:, 0])
                return torch.stack([1 - p1, p1], dim=1).numpy()
            return torch.softmax(out, dim=1).numpy()

    return step, probs


# ---- karpathy/micrograd: its demo notebook's loop ------------------------------------------------

def micrograd_step(config: TrainConfig) -> Callable[[], object]:
    from micrograd import nn as mnn
    from micrograd.engine import Value as MValue

    random.seed(1337)
    t = Trainer(config)
    X, y = t.data.arrays(TRAIN)
    Xl, yl = X.tolist(), [1 if c == 1 else -1 for c in y.tolist()]
    model = mnn.MLP(2, [16, 16, 1])
    k = [0]

    def step() -> object:
        inputs = [list(map(MValue, row)) for row in Xl]
        scores = list(map(model, inputs))
        losses = [(1 + -yi * si).relu() for yi, si in zip(yl, scores)]
        data_loss = sum(losses) * (1.0 / len(losses))
        reg_loss = 1e-4 * sum(p * p for p in model.parameters())
        total = data_loss + reg_loss
        accuracy = [(yi > 0) == (si.data > 0) for yi, si in zip(yl, scores)]
        model.zero_grad()
        total.backward()
        lr = 1.0 - 0.9 * k[0] / 100
        for p in model.parameters():
            p.data -= lr * p.grad
        k[0] += 1
        return total, sum(accuracy) / len(accuracy)

    return step


def prob_map(t: Trainer, G: np.ndarray) -> np.ndarray:
    """The backend's own map path when it has one (the fast engine), else outputs then softmax."""
    probabilities = getattr(t.backend, "probabilities", None)
    return probabilities(t.theta, G) if probabilities else t.probabilities(G)


def say(name: str, value: float, unit: str) -> None:
    text = f"{value:.0f}" if value >= 1000 else f"{value:.3g}" if value >= 1 else f"{value:.3f}"
    print(f"{name}: {text} {unit}", flush=True)


def importable(module: str) -> bool:
    try:
        __import__(module)
    except ImportError:
        return False
    return True


def main(argv: Sequence[str] | None = None) -> int:
    ap = OneLineParser(prog="micrograd-gui bench", description=__doc__)
    ap.add_argument("--steps", type=positive_int, default=300, help="timed steps for fast and PyTorch (median)")
    ap.add_argument("--slow-steps", type=positive_int, default=20, help="timed steps for eager and micrograd")
    ap.add_argument("--maps", type=positive_int, default=30, help="timed maps for fast and PyTorch")
    ap.add_argument("--eager-map-points", type=positive_int, default=EAGER_MAP_POINTS,
                    help="grid points the eager map is timed on (then scaled to the full grid)")
    ap.add_argument("--cases", default=",".join(cases()),
                    help="comma-separated cases to time (default: all of " + ", ".join(cases()) + ")")
    ap.add_argument("--no-eager", action="store_true", help="skip the eager engine and micrograd (minutes)")
    ap.add_argument("--soak", action="store_true",
                    help="instead: train a long run in the window with every panel live, print memory and Qt objects")
    ap.add_argument("--soak-steps", type=positive_int, default=50_000, help="steps the soak trains (default 50000)")
    args = ap.parse_args(list(argv) if argv is not None else None)
    if args.soak:
        from .ui.diagnostics.soak import run_soak  # opens the window: imports Qt only when asked to

        return run_soak(args.soak_steps)
    n, slow = args.steps, args.slow_steps
    chosen = {name: config for name, config in cases().items() if name in args.cases.split(",")}
    if not chosen:
        ap.error(f"no such case: {args.cases}; choose from {', '.join(cases())}")
    have_torch = importable("torch")
    have_micrograd = importable("micrograd") and "moons-demo" in chosen and not args.no_eager
    G = grid()
    step: dict[tuple[str, str], float] = {}
    maps: dict[tuple[str, str], float] = {}

    for name, config in chosen.items():
        t = trainer_for(config, "fast")
        step[name, "fast"] = median_ms(t.step, n, max(n // 10, 1))
        say(f"{name} step fast", step[name, "fast"], "ms")
        tprobs = None
        if have_torch:
            tstep, tprobs = torch_case(config)
            step[name, "torch"] = median_ms(tstep, n, max(n // 10, 1))
            say(f"{name} step torch", step[name, "torch"], "ms")
        if name in ("moons-demo", "spiral-80"):
            continue
        maps[name, "fast"] = median_ms(partial(prob_map, t, G), args.maps, 2)
        say(f"{name} map {GRID}x{GRID} fast", maps[name, "fast"], "ms")
        if tprobs is not None:
            maps[name, "torch"] = median_ms(partial(tprobs, G), args.maps, 2)
            say(f"{name} map {GRID}x{GRID} torch", maps[name, "torch"], "ms")

    # Value graphs are garbage-collected as they go: freeze what the imports (torch) allocated, so that
    # full collections do not walk it on every step, as they would not in the app
    gc.collect()
    gc.freeze()
    for name, config in ({} if args.no_eager else chosen).items():
        t = trainer_for(config, "eager")
        step[name, "eager"] = median_ms(t.step, slow, 2)
        say(f"{name} step eager ({slow} steps)", step[name, "eager"], "ms")
        if (name, "fast") in maps:
            sub = G[:: len(G) // max(1, args.eager_map_points)]
            ms = median_ms(partial(prob_map, t, sub), 1, 0)
            maps[name, "eager"] = ms * len(G) / len(sub)
            say(f"{name} map {GRID}x{GRID} eager (scaled from {len(sub)} points)", maps[name, "eager"], "ms")
    if have_micrograd:
        gc.collect()
        step["moons-demo", "micrograd"] = median_ms(micrograd_step(cases()["moons-demo"]), slow, 2)
        say(f"moons-demo step micrograd ({slow} steps)", step["moons-demo", "micrograd"], "ms")

    for name in chosen:
        if have_torch:
            say(f"{name} step fast/torch", step[name, "fast"] / step[name, "torch"], "x")
        if (name, "eager") in step:
            say(f"{name} step eager/fast", step[name, "eager"] / step[name, "fast"], "x")
    for name in chosen:
        if have_torch and (name, "fast") in maps:
            say(f"{name} map fast/torch", maps[name, "fast"] / maps[name, "torch"], "x")
        if (name, "eager") in maps:
            say(f"{name} map eager/fast", maps[name, "eager"] / maps[name, "fast"], "x")
    if have_micrograd:
        say("moons-demo step micrograd/eager", step["moons-demo", "micrograd"] / step["moons-demo", "eager"], "x")
    for name in [n for n in ("llm101n", "spiral-500") if n in chosen]:  # the graph view lays out once per shape
        g = point_graph(cases()[name], (0.0, 0.0), 0)
        ms = median_ms(partial(layered_layout, g), 20, 2)
        say(f"{name} graph layout ({len(g.nodes)} nodes)", ms, "ms")
    say("peak memory", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
