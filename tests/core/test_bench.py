"""`micrograd-gui bench` runs end to end and prints every figure the performance issue asks for."""

import subprocess
import sys


def test_bench_prints_one_figure_a_line():
    out = subprocess.run([sys.executable, "-m", "micrograd_gui", "bench", "--steps", "5", "--slow-steps", "1",
                          "--maps", "1", "--eager-map-points", "50"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = dict(line.rsplit(": ", 1) for line in out.stdout.splitlines())
    for name in ("llm101n", "moons-demo", "spiral-500"):
        for engine in ("fast", "eager"):
            assert any(k.startswith(f"{name} step {engine}") for k in lines), (name, engine)
        assert f"{name} step fast/torch" in lines and f"{name} step eager/fast" in lines
    for name in ("llm101n", "spiral-500"):
        assert f"{name} map 200x200 fast" in lines and f"{name} map fast/torch" in lines
    assert "moons-demo step micrograd/eager" in lines
    assert any(k.startswith("llm101n graph layout (153 nodes)") for k in lines)
    assert lines["peak memory"].endswith("MB")
    assert all(float(v.split()[0]) > 0 for v in lines.values())
