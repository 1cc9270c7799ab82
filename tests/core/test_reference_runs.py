"""The LLM101n reference logs, reproduced line for line by `micrograd-gui train`."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from micrograd_gui.cli import main

DATA = Path(__file__).parent / "data"
LOGS = sorted(DATA.glob("llm101n_seed*_h*_steps*.txt"))


def _args(path: Path, engine: str = "eager") -> list[str]:
    seed, hidden, steps = re.match(r"llm101n_seed(\d+)_h([\d-]+)_steps(\d+)", path.stem).groups()
    return ["train", "--preset", "llm101n", "--engine", engine, "--seed", seed,
            "--hidden", hidden.replace("-", ","), "--steps", steps]


def test_reference_logs_exist():
    assert len(LOGS) >= 4


@pytest.mark.parametrize("engine", ["eager", "fast"])
@pytest.mark.parametrize("path", LOGS, ids=[p.stem for p in LOGS])
def test_log_matches_reference_line_for_line(path, engine, capsys):
    # the fast engine too: same ops in the same order, the C library's tanh/exp/log/pow, no BLAS
    assert main(_args(path, engine)) == 0
    assert capsys.readouterr().out.splitlines() == path.read_text().splitlines()


def test_first_lines_as_the_spec_states(capsys):
    assert main(["train", "--preset", "llm101n", "--engine", "eager", "--steps", "1"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "step 1/1, val loss 1.053898", "step 1/1, train loss 1.0122152826497561"]


def test_module_entry_point_prints_the_reference(tmp_path):
    # the installed script and `python -m` both go through __main__; check the real process exit code
    ref = (DATA / "llm101n_seed42_h8_steps100.txt").read_text().splitlines()[:12]
    out = subprocess.run([sys.executable, "-m", "micrograd_gui", "train", "--preset", "llm101n",
                          "--engine", "eager", "--steps", "100"], capture_output=True, text=True, check=True)
    assert out.stdout.splitlines()[:12] == ref
