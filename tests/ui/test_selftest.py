"""`micrograd-gui --self-test` drives the real window in a fresh process and exits 0 with its figures."""

import os
import subprocess
import sys


def test_self_test_passes_and_prints_its_figures(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ["QT_QPA_PLATFORM"], HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-m", "micrograd_gui", "--self-test"], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    lines = out.stdout.splitlines()
    assert not [line for line in lines if line.startswith("FAIL")]
    figures = {line.split(":")[0]: float(line.split(":")[1].split()[0]) for line in lines if ":" in line
               and line.split(":")[1].strip()[:1].isdigit()}
    assert figures["training steps per second while drawing"] > 0
    assert figures["snapshots drawn per second"] > 0
    assert "event loop lateness p99 (5 ms timer, training)" in figures
    assert lines[-1] == "self-test passed"
