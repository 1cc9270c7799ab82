"""`train --engine fast` prints the same bytes whatever BLAS kernel or numpy CPU dispatch the machine picks.

OpenBLAS chooses a kernel per CPU (OPENBLAS_CORETYPE forces one) and numpy dispatches its own tanh, exp, log
and power by CPU features (NPY_DISABLE_CPU_FEATURES switches them off); each rounds differently. The training
path uses neither, so every log line must be identical under each forced choice. Only kernels the CPU
supports are forced: Nehalem runs on any x86-64, Haswell needs AVX2; numpy's dispatch targets are read from
numpy itself, so the names fit the installed version.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

from micrograd_gui.core.presets import PRESETS

RUNS = [["--preset", name] for name in PRESETS if name != "hand"] + [
    ["--preset", "llm101n", "--seed", seed, "--hidden", hidden, "--steps", "60"]
    for seed, hidden in (("1", "4"), ("7", "8,8"), ("1337", "16,16"), ("2026", "3"), ("5", "12"))] + [
    # feature inputs: sin through the C library (numpy's own sin dispatches by CPU too), x**2 through pow
    ["--preset", "rings", "--features", "x,y,x2,y2,xy,sinx,siny", "--steps", "60"],
    ["--preset", "spiral", "--features", "sinx,siny,xy", "--steps", "60"],
    ["--preset", "rings", "--features", "x2,y2", "--hidden", "", "--steps", "60"]]

DRIVER = textwrap.dedent("""
    import contextlib, io, json, sys
    from micrograd_gui.cli import main
    out = []
    for args in json.loads(sys.argv[1]):
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            code = main(["train", "--engine", "fast", *args])
        out.append({"args": args, "code": code, "log": buf.getvalue()})
    print(json.dumps(out))
""")


def _dispatch_targets() -> tuple[list[str], list[str]]:
    """numpy's CPU dispatch targets this CPU has: (AVX512 ones, all of them)."""
    try:
        from numpy._core._multiarray_umath import __cpu_dispatch__, __cpu_features__
    except ImportError:  # numpy 1.x
        from numpy.core._multiarray_umath import __cpu_dispatch__, __cpu_features__  # type: ignore[no-redef]
    found = [t for t in __cpu_dispatch__ if __cpu_features__.get(t)]
    return [t for t in found if "512" in t or t == "X86_V4"], found


def environments() -> dict[str, dict[str, str]]:
    envs: dict[str, dict[str, str]] = {"machine's own choice": {}}
    if platform.machine().lower() in ("x86_64", "amd64"):
        envs["OpenBLAS Nehalem"] = {"OPENBLAS_CORETYPE": "Nehalem"}
        try:
            from numpy._core._multiarray_umath import __cpu_features__
        except ImportError:
            from numpy.core._multiarray_umath import __cpu_features__  # type: ignore[no-redef]
        if __cpu_features__.get("AVX2") and __cpu_features__.get("FMA3"):
            envs["OpenBLAS Haswell"] = {"OPENBLAS_CORETYPE": "Haswell"}
    avx512, everything = _dispatch_targets()
    if avx512:
        envs["numpy without AVX512"] = {"NPY_DISABLE_CPU_FEATURES": " ".join(avx512)}
    if everything:
        envs["numpy baseline only"] = {"NPY_DISABLE_CPU_FEATURES": " ".join(everything)}
    return envs


def run_logs(extra: dict[str, str]) -> list[dict]:
    import json

    env = {**os.environ, **extra}
    proc = subprocess.run([sys.executable, "-c", DRIVER, json.dumps(RUNS)], capture_output=True, text=True,
                          env=env, timeout=600)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.slow
def test_every_train_log_is_identical_under_every_kernel_and_dispatch():
    envs = environments()
    assert len(envs) >= 2
    with ThreadPoolExecutor(max_workers=2) as pool:
        logs = dict(zip(envs, pool.map(run_logs, envs.values())))
    reference = logs["machine's own choice"]
    assert all(r["code"] == 0 and r["log"].count("\n") >= 60 for r in reference), reference
    for name, got in logs.items():
        for want, run in zip(reference, got):
            assert run["log"] == want["log"], (
                f"{name} ({envs[name]}): `train {' '.join(run['args'])}` printed other numbers; first difference: "
                + next(f"{a!r} != {b!r}" for a, b in zip(run["log"].splitlines(), want["log"].splitlines())
                       if a != b))


def test_numpy_really_switches_off_what_the_environment_names():
    # numpy ignores names it does not know without a word: if its targets were renamed, the test above
    # would compare a run with itself. Each forced environment must show in numpy's own feature table.
    probe = ("import json\n"
             "try:\n    from numpy._core._multiarray_umath import __cpu_features__ as f\n"
             "except ImportError:\n    from numpy.core._multiarray_umath import __cpu_features__ as f\n"
             "print(json.dumps(f))")
    import json

    for name, extra in environments().items():
        disabled = extra.get("NPY_DISABLE_CPU_FEATURES", "").split()
        if not disabled:
            continue
        out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                             env={**os.environ, **extra}).stdout
        features = json.loads(out)
        assert not any(features[t] for t in disabled), (name, {t: features[t] for t in disabled})
