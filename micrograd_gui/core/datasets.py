"""2-D classification datasets drawn from the RNG, and the immutable point set the app edits."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from .i18n_marks import QT_TRANSLATE_NOOP
from .rng import RNG

TRAIN, VAL, TEST = 0, 1, 2
SPLIT_NAMES = ("train", "val", "test")
MAX_CLASSES = 6


TRAIN_SHARES = (10, 90)  # the train share a generated dataset may have, in percent (TensorFlow Playground's range)


def split_of_index(i: int, n: int, train_share: int = 80) -> int:
    """train_share % train, the rest halved between validation and test, in draw order: 80 / 10 / 10 slices the
    list of points exactly as LLM101n does (int(0.8 * n), int(0.9 * n): 80 / 100 is the same float as 0.8)."""
    if i < int(train_share / 100 * n):
        return TRAIN
    return VAL if i < int((train_share + (100 - train_share) / 2) / 100 * n) else TEST


def split_for_new_point(i: int) -> int:
    """Hand-placed points cycle train x8, val, test so every split keeps its share."""
    return ((TRAIN,) * 8 + (VAL, TEST))[i % 10]


@dataclass(frozen=True)
class Dataset:
    """Points, their classes and their splits; every edit returns a new Dataset (undo is free)."""

    xs: tuple[float, ...] = ()
    ys: tuple[float, ...] = ()
    labels: tuple[int, ...] = ()
    splits: tuple[int, ...] = ()
    num_classes: int = 2

    def __post_init__(self) -> None:
        if not (len(self.xs) == len(self.ys) == len(self.labels) == len(self.splits)):
            raise ValueError("a dataset needs as many x, y, labels and splits as it has points")

    def __len__(self) -> int:
        return len(self.xs)

    @classmethod
    def from_points(cls, pts: list[tuple[float, float, int]], num_classes: int | None = None,
                    train_share: int = 80) -> Dataset:
        n = len(pts)
        return cls(tuple(float(p[0]) for p in pts), tuple(float(p[1]) for p in pts),
                   tuple(int(p[2]) for p in pts), tuple(split_of_index(i, n, train_share) for i in range(n)),
                   num_classes if num_classes is not None else max((p[2] for p in pts), default=1) + 1)

    # ---- queries ------------------------------------------------------------------------------
    def indices(self, split: int) -> list[int]:
        return [i for i, s in enumerate(self.splits) if s == split]

    def split(self, split: int) -> list[tuple[tuple[float, float], int]]:
        """The points of one split as ((x, y), label), in draw order (LLM101n's layout)."""
        return [((self.xs[i], self.ys[i]), self.labels[i]) for i in self.indices(split)]

    @cached_property
    def _array_cache(self) -> dict[int | None, tuple[np.ndarray, np.ndarray]]:
        return {}  # a Dataset never changes, so its arrays are built once (training asks every step)

    def arrays(self, split: int | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(X of shape (n, 2), y of shape (n,)) for one split or for all points; read-only."""
        cached = self._array_cache.get(split)
        if cached is None:
            idx = range(len(self)) if split is None else self.indices(split)
            X = np.array([[self.xs[i], self.ys[i]] for i in idx], dtype=np.float64).reshape(-1, 2)
            y = np.array([self.labels[i] for i in idx], dtype=np.int64)
            X.flags.writeable = y.flags.writeable = False
            cached = self._array_cache[split] = (X, y)
        return cached

    def classes_present(self, split: int | None = None) -> set[int]:
        return {c for c, s in zip(self.labels, self.splits) if split is None or s == split}

    def nearest(self, x: float, y: float) -> int | None:
        if not self.xs:
            return None
        d = [(px - x) ** 2 + (py - y) ** 2 for px, py in zip(self.xs, self.ys)]
        return int(np.argmin(d))

    # ---- edits --------------------------------------------------------------------------------
    def with_point(self, x: float, y: float, label: int, split: int | None = None) -> Dataset:
        s = split_for_new_point(len(self)) if split is None else split
        return replace(self, xs=self.xs + (float(x),), ys=self.ys + (float(y),),
                       labels=self.labels + (int(label),), splits=self.splits + (s,),
                       num_classes=max(self.num_classes, int(label) + 1))

    def moved(self, i: int, x: float, y: float) -> Dataset:
        return replace(self, xs=_set(self.xs, i, float(x)), ys=_set(self.ys, i, float(y)))

    def relabelled(self, i: int, label: int) -> Dataset:
        return replace(self, labels=_set(self.labels, i, int(label)),
                       num_classes=max(self.num_classes, int(label) + 1))

    def resplit(self, i: int, split: int) -> Dataset:
        """The same point in another split (TRAIN, VAL or TEST)."""
        return replace(self, splits=_set(self.splits, i, int(split)))

    def without(self, i: int) -> Dataset:
        return replace(self, xs=_drop(self.xs, i), ys=_drop(self.ys, i), labels=_drop(self.labels, i),
                       splits=_drop(self.splits, i))

    def cleared(self) -> Dataset:
        return Dataset(num_classes=self.num_classes)


def _set(t: tuple, i: int, v: object) -> tuple:
    return t[:i] + (v,) + t[i + 1:]


def _drop(t: tuple, i: int) -> tuple:
    return t[:i] + t[i + 1:]


# ---- generators: each returns a list of (x, y, class) in draw order -----------------------------

def gen_yinyang(rng: RNG, n: int, noise: float = 0.0, classes: int = 3,
                r_small: float = 0.1, r_big: float = 0.5) -> list[tuple[float, float, int]]:
    """LLM101n's yin-yang: point i wants class i mod 3 and is redrawn until it has it."""

    def which_class(x: float, y: float) -> int:
        d_right = ((x - 1.5 * r_big) ** 2 + (y - r_big) ** 2) ** 0.5
        d_left = ((x - 0.5 * r_big) ** 2 + (y - r_big) ** 2) ** 0.5
        if d_right < r_small or d_left < r_small:
            return 2
        is_yin = (d_right <= r_small or r_small < d_left <= 0.5 * r_big
                  or (y > r_big and d_right > 0.5 * r_big))
        return 0 if is_yin else 1

    pts = []
    for i in range(n):
        goal = i % 3
        while True:
            x = rng.uniform(0, 2 * r_big)
            y = rng.uniform(0, 2 * r_big)
            if ((x - r_big) ** 2 + (y - r_big) ** 2) ** 0.5 > r_big:
                continue
            if which_class(x, y) == goal:
                pts.append(((x / r_big - 1) * 2, (y / r_big - 1) * 2, goal))
                break
    return pts


def _jitter(rng: RNG, x: float, y: float, noise: float) -> tuple[float, float]:
    # no draws at all without noise, so the noiseless forms match LLM101n's generators
    if noise <= 0:
        return x, y
    return x + rng.gauss(0.0, noise), y + rng.gauss(0.0, noise)


def gen_quadrants(rng: RNG, n: int, noise: float = 0.0, classes: int = 3) -> list[tuple[float, float, int]]:
    """LLM101n's simple set: left half, lower right, upper right (2 classes: left / right; 4: quadrants)."""
    pts = []
    for _ in range(n):
        x = rng.uniform(-2.0, 2.0)
        y = rng.uniform(-2.0, 2.0)
        if classes == 2:
            c = 0 if x < 0 else 1
        elif classes == 4:
            c = (0 if x < 0 else 1) + (0 if y < 0 else 2)
        else:
            c = 0 if x < 0 else 1 if y < 0 else 2
        pts.append((*_jitter(rng, x, y, noise), c))
    return pts


def gen_rings(rng: RNG, n: int, noise: float = 0.0, classes: int = 3) -> list[tuple[float, float, int]]:
    """Concentric rings: class k where k <= x^2 + y^2 < k + 1 (the last class takes the rest)."""
    pts = []
    for _ in range(n):
        x = rng.uniform(-2.0, 2.0)
        y = rng.uniform(-2.0, 2.0)
        c = min(int(x**2 + y**2), classes - 1)
        pts.append((*_jitter(rng, x, y, noise), c))
    return pts


def gen_moons(rng: RNG, n: int, noise: float = 0.1, classes: int = 2) -> list[tuple[float, float, int]]:
    """Two interleaved half circles (scikit-learn's make_moons shape), centred on the origin."""
    pts = []
    for i in range(n):
        c = i % 2
        t = rng.uniform(0.0, math.pi)
        if c == 0:
            x, y = math.cos(t), math.sin(t)
        else:
            x, y = 1.0 - math.cos(t), 0.5 - math.sin(t)
        x, y = _jitter(rng, x, y, noise)
        pts.append((x - 0.5, y - 0.25, c))
    return pts


def gen_spiral(rng: RNG, n: int, noise: float = 0.2, classes: int = 3) -> list[tuple[float, float, int]]:
    """Interleaved spiral arms, one a class (the CS231n spiral), radius up to 2."""
    pts = []
    for i in range(n):
        c = i % classes
        u = rng.random()
        r = 2.0 * u
        t = c * 2 * math.pi / classes + 4.0 * u + (rng.gauss(0.0, noise) if noise > 0 else 0.0)
        pts.append((r * math.sin(t), r * math.cos(t), c))
    return pts


def gen_xor(rng: RNG, n: int, noise: float = 0.0, classes: int = 2) -> list[tuple[float, float, int]]:
    """XOR: same-sign quadrants are class 0, mixed-sign quadrants class 1."""
    pts = []
    for _ in range(n):
        x = rng.uniform(-2.0, 2.0)
        y = rng.uniform(-2.0, 2.0)
        c = 0 if x * y >= 0 else 1
        pts.append((*_jitter(rng, x, y, noise), c))
    return pts


def gen_gauss(rng: RNG, n: int, noise: float = 0.4, classes: int = 2) -> list[tuple[float, float, int]]:
    """Gaussian blobs, one a class, centred on a circle of radius 1.2."""
    pts = []
    for i in range(n):
        c = i % classes
        a = math.pi / 4 + 2 * math.pi * c / classes
        x, y = 1.2 * math.cos(a), 1.2 * math.sin(a)
        pts.append((x + rng.gauss(0.0, noise), y + rng.gauss(0.0, noise), c))
    return pts


@dataclass(frozen=True)
class DatasetKind:
    """What the chooser offers for one generator."""

    name: str
    title: str  # English; the UI shows QCoreApplication.translate("Datasets", title)
    make: Callable[..., list[tuple[float, float, int]]]
    min_classes: int
    max_classes: int
    default_classes: int
    default_noise: float
    uses_noise: bool = True


KINDS: dict[str, DatasetKind] = {k.name: k for k in (
    DatasetKind("yinyang", QT_TRANSLATE_NOOP("Datasets", "Yin-yang"), gen_yinyang, 3, 3, 3, 0.0, uses_noise=False),
    DatasetKind("quadrants", QT_TRANSLATE_NOOP("Datasets", "Quadrants"), gen_quadrants, 2, 4, 3, 0.0),
    DatasetKind("rings", QT_TRANSLATE_NOOP("Datasets", "Rings"), gen_rings, 2, 6, 3, 0.0),
    DatasetKind("moons", QT_TRANSLATE_NOOP("Datasets", "Moons"), gen_moons, 2, 2, 2, 0.1),
    DatasetKind("spiral", QT_TRANSLATE_NOOP("Datasets", "Spiral"), gen_spiral, 2, 6, 3, 0.2),
    DatasetKind("xor", QT_TRANSLATE_NOOP("Datasets", "XOR"), gen_xor, 2, 2, 2, 0.0),
    DatasetKind("gauss", QT_TRANSLATE_NOOP("Datasets", "Gaussian blobs"), gen_gauss, 2, 6, 2, 0.4),
    DatasetKind("hand", QT_TRANSLATE_NOOP("Datasets", "Hand-placed"), lambda rng, n, noise=0.0, classes=2: [], 2,
                MAX_CLASSES, 2, 0.0, uses_noise=False),
)}

MAX_POINTS = 5000
PLANE_LIMIT = 100.0  # |x| and |y| of any point the app takes (typed, loaded or asked for)


@dataclass(frozen=True)
class DatasetSpec:
    """Which generator, how many points, how noisy, how many classes, and what share of them trains."""

    kind: str = "yinyang"
    n: int = 100
    noise: float = 0.0
    classes: int = 3
    holdout: bool = True  # False: every point trains (micrograd's demo has no validation split)
    train_share: int = 80  # percent of the points that train; the rest is split evenly into validation and test

    def validate(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown dataset '{self.kind}'; choose one of {', '.join(KINDS)}")
        k = KINDS[self.kind]
        if not (0 <= self.n <= MAX_POINTS):
            raise ValueError(f"the number of points must be between 0 and {MAX_POINTS}, got {self.n}")
        if not (k.min_classes <= self.classes <= k.max_classes):
            raise ValueError(f"{k.title} has {k.min_classes}..{k.max_classes} classes, not {self.classes}"
                             if k.min_classes != k.max_classes else
                             f"{k.title} has exactly {k.min_classes} classes, not {self.classes}")
        if not (math.isfinite(self.noise) and 0 <= self.noise <= 2):
            raise ValueError(f"noise must be between 0 and 2, got {self.noise}")
        lo, hi = TRAIN_SHARES
        if isinstance(self.train_share, bool) or not isinstance(self.train_share, int) or not (
                lo <= self.train_share <= hi):
            raise ValueError(f"the train share must be a whole percentage from {lo} to {hi}, got {self.train_share}")


def make_dataset(spec: DatasetSpec, rng: RNG) -> Dataset:
    spec.validate()
    pts = KINDS[spec.kind].make(rng, spec.n, noise=spec.noise, classes=spec.classes)
    data = Dataset.from_points(pts, num_classes=spec.classes, train_share=spec.train_share)
    return data if spec.holdout else replace(data, splits=(TRAIN,) * len(data))
