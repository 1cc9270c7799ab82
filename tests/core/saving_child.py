"""For tests/core/test_attack_kill_saves.py: saves sessions of growing size through the app's own save path, one
after another, until it is killed; prints "ready" once set up and "saved <k>" after each complete save."""

from __future__ import annotations

import sys
from functools import cache

from micrograd_gui.core.files import session_file as sf
from micrograd_gui.core.presets import get_preset
from micrograd_gui.core.trainer import Trainer

CYCLE = 20  # sizes grow for CYCLE saves (to about 1 MB), then start small again
PAIRS = 1500  # curve pairs added per save in a cycle


@cache
def _base() -> sf.Session:
    """A trained state with the window settings as the loader leaves them, so text(k) survives a load exactly."""
    t = Trainer(get_preset("llm101n").config)
    t.step()
    return sf.from_json(sf.to_json(sf.Session(t.state(), {}, {"probe": [0.5, -0.25, 1]})))


def session(k: int) -> sf.Session:
    """The k-th session: its train curve has (k % CYCLE + 1) * PAIRS pairs, their values its own."""
    n = PAIRS * (k % CYCLE + 1)
    curve = [[float(k + i), 1.0 / (i + k + 1)] for i in range(n)]
    b = _base()
    return sf.Session(b.state, {"train": curve, "val": [[float(k), 0.5]], "test": []}, b.ui)


def text(k: int) -> str:
    """The k-th session's file, byte for byte."""
    return sf.to_json(session(k))


def main(path: str, start: int) -> None:
    _base()
    print("ready", flush=True)
    k = start
    while True:
        sf.save(path, session(k))
        print(f"saved {k}", flush=True)
        k += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
