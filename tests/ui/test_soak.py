"""`micrograd-gui bench --soak`, shortened: every panel fed, one figure a line, Qt objects flat."""

import re
import subprocess
import sys
from pathlib import Path


def test_a_short_soak_reports_flat_qt_objects_and_bounded_memory():
    root = Path(__file__).parents[2]
    out = subprocess.run([sys.executable, "-m", "micrograd_gui", "bench", "--soak", "--soak-steps", "3000"],
                         capture_output=True, text=True, timeout=300, cwd=root)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    qobjects = [int(m[2]) for m in (re.fullmatch(r"soak qobjects at step (\d+): (\d+)", ln) for ln in lines) if m]
    rss = [float(m[1]) for m in (re.fullmatch(r"soak rss at step \d+: ([\d.]+) MB", ln) for ln in lines) if m]
    assert len(qobjects) == len(rss) == 6 and len(set(qobjects)) == 1 and qobjects[0] > 100  # flat
    fed = re.search(r"soak snapshots drawn: (\d+) \(graph (\d+), neuron maps (\d+), optimizer state (\d+)\)",
                    out.stdout)
    assert fed and all(int(n) > 0 for n in fed.groups())  # the graph, network and optimizer panels were live
    assert "soak qobject growth after warm-up: 0" in lines
    growth = re.search(r"soak rss growth after warm-up: (-?[\d.]+) MB", out.stdout)
    assert growth and float(growth[1]) <= 20
    assert re.search(r"soak steps per second: \d+", out.stdout)
