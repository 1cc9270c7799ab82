"""Owns data, model, optimizer and config; one step() is one LLM101n training step."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Protocol

import numpy as np

from .config import MAX_PARAMETERS, ConfigError, TrainConfig
from .datasets import TEST, TRAIN, VAL, Dataset, make_dataset
from .divergence import Cause, diagnose
from .eager import EagerBackend
from .features import DEFAULT
from .i18n_marks import QT_TRANSLATE_NOOP
from .losses import num_outputs, outputs_to_class, outputs_to_probs
from .nn import MLP
from .optim import Optimizer, OptimizerConfig, OptimizerState
from .rng import RNG


class Backend(Protocol):
    exact: bool

    def loss(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray) -> float: ...

    def loss_and_grad(self, theta: np.ndarray, X: np.ndarray, y: np.ndarray, l2: float = 0.0, l1: float = 0.0
                      ) -> tuple[float, np.ndarray]: ...

    def outputs(self, theta: np.ndarray, X: np.ndarray, exact: bool = False) -> np.ndarray: ...

    def activations(self, theta: np.ndarray, X: np.ndarray) -> list[np.ndarray]: ...


def data_problem_parts(data: Dataset, capacity: int) -> tuple[str, dict[str, int]] | None:
    """data_problem as (English template, values): the UI translates the template, then fills it in."""
    if not data.indices(TRAIN):
        return QT_TRANSLATE_NOOP("Trainer", "There are no training points yet: click on the plot to add some, "
                                            "or choose a dataset and press Regenerate."), {}
    train = data.classes_present(TRAIN)
    if len(train) < 2:
        return QT_TRANSLATE_NOOP("Trainer", "All training points are class {label}: add points of at least one "
                                            "other class."), {"label": next(iter(train))}
    top = max(data.labels) + 1
    if top > capacity:
        return QT_TRANSLATE_NOOP("Trainer", "The data has {classes} classes but the model outputs {outputs}: reset "
                                            "to grow the output layer."), {"classes": top, "outputs": capacity}
    return None


def data_problem(data: Dataset, capacity: int) -> str | None:
    """What stops training on this data, said as what to do about it; None if nothing does."""
    parts = data_problem_parts(data, capacity)
    return None if parts is None else parts[0].format(**parts[1])


# why training stopped, by cause; English templates the UI translates (context "Trainer") before filling in
DIVERGED_MESSAGES = {
    "error": QT_TRANSLATE_NOOP("Trainer", "Training stopped at step {step}: the loss could not be computed "
                                          "({detail}). The weights were restored to their last finite values. "
                                          "The learning rate ({lr:g}) is probably too high; lower it and press "
                                          "Play again."),
    "nan": QT_TRANSLATE_NOOP("Trainer", "Training stopped at step {step}: the loss became NaN. The weights were "
                                        "restored to their last finite values. The learning rate ({lr:g}) is "
                                        "probably too high; lower it and press Play again."),
    "inf": QT_TRANSLATE_NOOP("Trainer", "Training stopped at step {step}: the loss became infinite. The weights "
                                        "were restored to their last finite values. The learning rate ({lr:g}) is "
                                        "probably too high; lower it and press Play again."),
    "grad": QT_TRANSLATE_NOOP("Trainer", "Training stopped at step {step}: the loss was finite but a gradient "
                                         "became infinite or NaN. The weights were restored to their last finite "
                                         "values. The learning rate ({lr:g}) is probably too high; lower it and "
                                         "press Play again."),
    "update": QT_TRANSLATE_NOOP("Trainer", "Training stopped at step {step}: the loss and its gradients were "
                                           "finite, but the update made a weight or the optimizer's state "
                                           "infinite. The weights were restored to their last finite values. The "
                                           "learning rate ({lr:g}) is probably too high; lower it and press Play "
                                           "again."),
}
# the weights gone back to are themselves extreme (typed by hand, a logit already past exp's range): no learning
# rate can step from them, so the advice is a reset, not a lower rate
DIVERGED_AT_EXTREME_WEIGHTS = QT_TRANSLATE_NOOP(
    "Trainer", "Training stopped at step {step}: the loss or a gradient is not finite, and the last finite weights "
               "are themselves too extreme to train from, so a lower learning rate will not help. Press Reset (R) "
               "for fresh weights, then press Play.")


class Diverged(RuntimeError):
    """The loss, a gradient or the update stopped being finite; the trainer went back to its last good state."""

    def __init__(self, template: str, **values: object):
        super().__init__(template.format(**values))
        self.template, self.values = template, values  # for a translated message


@dataclass(frozen=True)
class StepResult:
    step: int  # 1-based number of the step just taken
    train_loss: float
    val_loss: float | None  # computed before the step, every eval_every steps
    test_loss: float | None = None  # likewise; None too where it cannot be computed (it never stops training)


@dataclass(frozen=True)
class SplitMetrics:
    loss: float | None
    accuracy: float | None
    count: int


def make_backend(engine: str, model: MLP, loss: str, stable: bool, features: tuple[str, ...] = DEFAULT) -> Backend:
    if engine == "eager":
        return EagerBackend(model, loss, stable, features)
    from .fast import FastBackend  # numpy plan compiled from the same Value graph

    return FastBackend(model, loss, stable, features)


class _StepFailed(Exception):
    """Inside Trainer.step: this step cannot be taken; step() undoes it and raises Diverged."""

    def __init__(self, kind: str, detail: str = "", lr_can_help: bool = True):
        super().__init__(kind)
        self.kind, self.detail, self.lr_can_help = kind, detail, lr_can_help


@dataclass(frozen=True)
class TrainerState:
    """Everything a step changes and the next steps depend on: saved and restored, training continues bit for bit.

    Trainer.step also keeps the state before its last good step in this form, to go back to on a divergence."""

    config: TrainConfig
    data: Dataset
    theta: np.ndarray
    opt_t: int
    opt_m: np.ndarray
    opt_v: np.ndarray
    rng_state: int
    step: int
    opt_last_update: np.ndarray | None = None  # what the last step added to theta (the optimizer table); None: 0
    last_grad: np.ndarray | None = None  # the gradient the last step applied; None: no step yet, or not saved


class Trainer:
    """A whole training run, reproducible from config.seed."""

    def __init__(self, config: TrainConfig, data: Dataset | None = None):
        self.config: TrainConfig = config
        self.reset(config, data)

    # ---- set-up -------------------------------------------------------------------------------
    def reset(self, config: TrainConfig | None = None, data: Dataset | None = None) -> None:
        """Re-initialise the weights from the seed: the RNG draws the preset's data, then the weights."""
        config = config or self.config
        config.validate()
        rng = RNG(config.seed)
        generated = make_dataset(config.dataset, rng)
        data = generated if data is None else data
        self.config = config
        self.data = data
        self.num_classes = max(config.dataset.classes, data.num_classes, max(data.labels, default=0) + 1)
        nout = num_outputs(config.loss, self.num_classes)
        # one input a feature (core.features); the points stay (x, y)
        self.model = MLP(len(config.features), [*config.hidden, nout], rng, config.activation, config.init_scale)
        n_params = len(self.model.parameters())
        if n_params > MAX_PARAMETERS:
            raise ConfigError(f"the model would have {n_params} parameters; the limit is {MAX_PARAMETERS}")
        self.rng = rng  # mini-batches draw from where initialisation left off
        self.theta = np.array(self.model.get_flat(), dtype=np.float64)
        self.optimizer = Optimizer(config.optimizer, len(self.theta))
        self.backend = make_backend(config.engine, self.model, config.loss, config.stable_softmax, config.features)
        self.step_count = 0
        self.last_grad: np.ndarray | None = None  # the gradient the last step applied; None before one
        self.divergence_why: Cause | None = None  # why the last step diverged: (template, values) of divergence
        self._good: TrainerState | None = None  # the state before the last step that worked: where to go back to

    @property
    def divergence_cause(self) -> str | None:
        """Why the last step diverged, in English (the command line's words); None when it has no name."""
        why = self.divergence_why
        return None if why is None else why[0].format(**why[1])

    @property
    def num_outputs(self) -> int:
        return len(self.model.layers[-1].neurons)

    @property
    def class_capacity(self) -> int:
        """How many classes the output layer can tell apart (one hinge score separates two)."""
        return 2 if self.num_outputs == 1 else self.num_outputs

    def check_data(self, data: Dataset | None = None) -> None:
        """Raise ConfigError saying what to add if this data cannot be trained on."""
        problem = data_problem(self.data if data is None else data, self.class_capacity)
        if problem:
            raise ConfigError(problem)

    def set_live(self, config: TrainConfig) -> None:
        """Apply what can change mid-run (optimizer, L2, L1, batch size); the rest waits for reset()."""
        self.set_optimizer(config.optimizer)
        self.config = self.config.with_changes(l2=config.l2, l1=config.l1, batch_size=config.batch_size)

    def set_data(self, data: Dataset) -> None:
        """Swap in edited data between steps (the model is kept)."""
        self.data = data

    def set_optimizer(self, config: OptimizerConfig) -> None:
        """Learning rate and optimizer settings apply live, from the next step."""
        try:
            config.validate()
        except ValueError as e:
            raise ConfigError(str(e)) from None
        if self._good is not None and config.kind != self.optimizer.config.kind:  # a new optimizer starts afresh
            zeros = np.zeros(self.theta.size)
            self._good = replace(self._good, opt_t=0, opt_m=zeros, opt_v=zeros.copy())
        self.optimizer.reconfigure(config)
        self.config = self.config.with_changes(optimizer=config)

    def set_theta(self, theta: np.ndarray) -> None:
        theta = np.asarray(theta, dtype=np.float64)
        if theta.shape != self.theta.shape:
            raise ValueError(f"expected {self.theta.size} parameters, got {theta.size}")
        self.theta = theta.copy()
        self._good = None  # weights set by hand: going back would undo them

    def set_param(self, index: int, value: float) -> None:
        """Set one parameter by hand (theta in model.parameters() order); the next step starts from it."""
        if not 0 <= index < self.theta.size:
            raise ConfigError(f"there is no parameter {index}: the model has {self.theta.size}")
        if not math.isfinite(value):
            raise ConfigError(f"a parameter must be a finite number, got {value}")
        theta = self.theta.copy()
        theta[index] = value
        self.theta = theta
        self._good = None

    # ---- training -----------------------------------------------------------------------------
    def step(self) -> StepResult:
        """One training step, as a transaction: it is taken whole, or Diverged is raised and the trainer is back
        at its last good state.

        The weights at which the loss stopped being finite give a non-finite loss again at any learning rate, so
        a divergence goes back one step further: to the state before the last step that worked, whose loss and
        gradients were finite, and from which the same step at a lower learning rate can succeed. Weights set by
        hand since are not undone: then the trainer stays where this step started."""
        self.check_data()
        before = self.state()
        self.divergence_why = None
        try:
            result = self._step()
        except _StepFailed as f:
            raise self._step_back(before, f) from None
        except BaseException:  # anything else (an engine bug, Ctrl+C mid-update): the step did not happen
            self._load(before)
            raise
        self._good = before
        return result

    def _step(self) -> StepResult:
        """Validation loss every eval_every steps, then forward, backward and update on the train split."""
        k = self.step_count
        val_loss = test_loss = None
        X, y = self.data.arrays(TRAIN)
        bs = self.config.batch_size
        if bs and bs < len(y):
            idx = self.rng.sample(len(y), bs)
            X, y = X[idx], y[idx]
        try:
            if self.config.eval_every and k % self.config.eval_every == 0:
                val_loss = self.split_loss(VAL)
                test_loss = self._test_loss()
            loss, grad = self.backend.loss_and_grad(self.theta, X, y, self.config.l2, self.config.l1)
        except ValueError as e:  # the eager engine refuses e.g. log(0) when a probability underflows
            raise _StepFailed("error", str(e), lr_can_help=False) from None
        if not (math.isfinite(loss) and np.isfinite(grad).all()):
            kind = "nan" if math.isnan(loss) else "inf" if math.isinf(loss) else "grad"
            raise _StepFailed(kind, lr_can_help=False)
        theta = self.optimizer.step(self.theta, grad)
        o = self.optimizer
        if not (np.isfinite(o.m).all() and np.isfinite(o.v).all()):
            # a finite gradient over 1e154 squares to inf in AdamW's v, whatever the learning rate: the weights
            # stay finite but the optimizer would stall for good, and a session could not be saved
            raise _StepFailed("update", lr_can_help=False)
        if not np.isfinite(theta).all():
            raise _StepFailed("update")
        self.theta = theta
        self.last_grad = grad
        self.step_count += 1
        return StepResult(k + 1, loss, val_loss, test_loss)

    def _step_back(self, before: TrainerState, f: _StepFailed) -> Diverged:
        """Undo the failed step and go back to the last good state; the Diverged to raise, with its advice."""
        step = self.step_count + 1
        self.divergence_why = diagnose(self)  # named at the weights that diverged, before going back
        went_back = self._good is not None
        self._load(self._good if self._good is not None else before)
        self._good = None  # one step back at most: stepping again from here says the same
        # no learning rate helps from weights whose own loss or gradient is not finite (typed by hand, or a
        # training point's logit already past exp's range), nor when a finite gradient overflows the moments
        if (not went_back and not f.lr_can_help) or not self._trainable():
            return Diverged(DIVERGED_AT_EXTREME_WEIGHTS, step=step)
        values: dict[str, object] = {"step": step, "lr": self.config.optimizer.lr}
        if f.detail:
            values["detail"] = f.detail
        return Diverged(DIVERGED_MESSAGES[f.kind], **values)

    def _trainable(self) -> bool:
        """Whether the loss and gradients over the whole train split are finite at the current weights."""
        X, y = self.data.arrays(TRAIN)
        try:
            loss, grad = self.backend.loss_and_grad(self.theta, X, y, self.config.l2, self.config.l1)
        except ValueError:
            return False
        return math.isfinite(loss) and bool(np.isfinite(grad).all())

    def _load(self, st: TrainerState) -> None:
        """Put back what a step changes (not the settings nor the data, which apply live)."""
        self.theta = st.theta.copy()
        update = np.zeros(self.theta.size) if st.opt_last_update is None else st.opt_last_update
        self.optimizer.load(OptimizerState(st.opt_t, st.opt_m, st.opt_v, update))
        self.last_grad = None if st.last_grad is None else st.last_grad.copy()
        self.rng.setstate(st.rng_state)
        self.step_count = st.step

    def run(self, steps: int, log: Callable[[str], None] = print) -> list[StepResult]:
        """Train `steps` steps, logging in LLM101n's format."""
        results = []
        for _ in range(steps):
            r = self.step()
            if r.val_loss is not None:
                log(f"step {r.step}/{steps}, val loss {r.val_loss:.6f}")
            log(f"step {r.step}/{steps}, train loss {r.train_loss}")
            results.append(r)
        return results

    # ---- evaluation ---------------------------------------------------------------------------
    def split_loss(self, split: int) -> float | None:
        X, y = self.data.arrays(split)
        return self.backend.loss(self.theta, X, y) if len(y) else None

    def _test_loss(self) -> float | None:
        """The test split's loss for the curve: None where the eager engine cannot compute it (log(0)), so the test
        points, never trained on, never change how training goes."""
        try:
            return self.split_loss(TEST)
        except ValueError:
            return None

    def outputs(self, X: np.ndarray) -> np.ndarray:
        return self.backend.outputs(self.theta, np.asarray(X, dtype=np.float64).reshape(-1, 2))

    def activations(self, X: np.ndarray) -> list[np.ndarray]:
        """Every layer's outputs at X, an (n, width) array a layer (hidden after the nonlinearity)."""
        return self.backend.activations(self.theta, np.asarray(X, dtype=np.float64).reshape(-1, 2))

    def probabilities(self, X: np.ndarray) -> np.ndarray:
        X = np.asarray(X, dtype=np.float64).reshape(-1, 2)
        chunked = getattr(self.backend, "probabilities", None)  # the fast engine maps in cache-sized chunks
        if chunked is not None:
            return np.asarray(chunked(self.theta, X))
        return outputs_to_probs(self.config.loss, self.outputs(X))

    def evaluate(self) -> dict[str, SplitMetrics]:
        """Loss and accuracy of every split at the current weights. Weights at which the train or validation loss
        cannot be computed (log(0) when a probability underflows) raise Diverged with the message the next step
        would give; the test split, never trained on, has no loss then (as on its curve)."""
        out = {}
        for name, split in (("train", TRAIN), ("val", VAL), ("test", TEST)):
            X, y = self.data.arrays(split)
            if not len(y):
                out[name] = SplitMetrics(None, None, 0)
                continue
            try:
                out[name] = self._split_metrics(X, y)
            except ValueError:
                if split != TEST:
                    raise self._unevaluable() from None
                out[name] = SplitMetrics(None, self._accuracy(X, y), len(y))
        return out

    def _split_metrics(self, X: np.ndarray, y: np.ndarray) -> SplitMetrics:
        # a class the output layer does not have yet (added before a reset) has no loss
        loss = self.backend.loss(self.theta, X, y) if y.max() < self.class_capacity else None
        return SplitMetrics(loss, self._accuracy(X, y), len(y))

    def _accuracy(self, X: np.ndarray, y: np.ndarray) -> float | None:
        # the training path's outputs (exact), so an accuracy is the same on every machine, also for a point on
        # the decision boundary
        try:
            pred = outputs_to_class(self.backend.outputs(self.theta, X, exact=True))
        except ValueError:  # the eager engine refuses what overflows
            return None
        return float((pred == y).mean())

    def _unevaluable(self) -> Diverged:
        """What step() says from weights whose loss cannot be computed: the cause named, and a reset advised."""
        self.divergence_why = diagnose(self)
        return Diverged(DIVERGED_AT_EXTREME_WEIGHTS, step=self.step_count + 1)

    # ---- save and restore ---------------------------------------------------------------------
    def state(self) -> TrainerState:
        o = self.optimizer.state()
        return TrainerState(self.config, self.data, self.theta.copy(), o.t, o.m, o.v, self.rng.getstate(),
                            self.step_count, o.last_update, None if self.last_grad is None else self.last_grad.copy())

    @classmethod
    def from_state(cls, st: TrainerState) -> Trainer:
        """A trainer that continues exactly where the saved one stopped."""
        t = cls(st.config, st.data)
        n = t.theta.size

        def checked(name: str, arr: np.ndarray) -> np.ndarray:
            if np.shape(arr) != (n,):
                raise ConfigError(f"the saved {name} have {np.size(arr)} values but this model has {n} parameters")
            if not np.isfinite(arr).all():
                raise ConfigError(f"the saved {name} contain NaN or infinite values")
            return np.array(arr, dtype=np.float64)

        theta, m, v = checked("weights", st.theta), checked("optimizer m", st.opt_m), checked("optimizer v", st.opt_v)
        update = None if st.opt_last_update is None else checked("last update", st.opt_last_update)
        grad = None if st.last_grad is None else checked("last gradient", st.last_grad)
        if st.opt_t < 0 or st.step < 0:
            raise ConfigError("the saved step counts cannot be negative")
        t._load(replace(st, theta=theta, opt_t=int(st.opt_t), opt_m=m, opt_v=v, step=int(st.step),
                        opt_last_update=update, last_grad=grad))
        return t
