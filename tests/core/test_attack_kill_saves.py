"""kill -9 at random moments while sessions of growing size are saved: the file is always the old or the new
session, whole, and cleaning removes exactly the temporaries the kills left."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time

import pytest
import saving_child

from micrograd_gui.core.files import atomic
from micrograd_gui.core.files import session_file as sf

KILLS = 30
MAX_DELAY_S = 0.2  # after the child is ready: from before its first save to several saves in
# the user's own files beside the session, some named like temporaries: cleaning never touches them
USERS = ["notes.tmp", ".mg-notes.tmp", ".hidden", "s.json.bak", ".mg-1-zz.tmp", ".s.json.tmp"]


def saved(lines: list[str]) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith("saved ")]


@pytest.mark.slow  # ~12 s, and no numbers in it: .ci/run's second pass of tests/core (another CPU kernel) skips it
def test_kill_9_at_random_moments_during_saves_leaves_a_whole_session(tmp_path):
    rng = random.Random(16)
    target = tmp_path / "s.json"
    sf.save(target, saving_child.session(0))
    for n in USERS:
        (tmp_path / n).write_text("mine")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    current, mid_write, completed = 0, 0, 0
    for _ in range(KILLS):
        start = current + 1
        child = subprocess.Popen([sys.executable, saving_child.__file__, str(target), str(start)], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            assert child.stdout.readline() == "ready\n", child.stderr.read()
            time.sleep(rng.uniform(0, MAX_DELAY_S))  # the kill's moment is the point here: any moment must hold
        finally:
            child.send_signal(signal.SIGKILL)
            out, err = child.communicate(timeout=60)
        assert child.returncode == -signal.SIGKILL and "Traceback" not in err, err
        done = saved(out.splitlines())
        completed += len(done)
        last = done[-1] if done else current
        on_disk = target.read_text(encoding="utf-8")
        # the last complete save, or the one after it if the kill came between its rename and its "saved" line
        k = next((k for k in (last, last + 1) if on_disk == saving_child.text(k)), None)
        assert k is not None, f"the file is neither session {last} nor {last + 1}: {len(on_disk)} bytes"
        assert sf.to_json(sf.load(target)) == on_disk  # loads, and saves back byte for byte
        left = sorted(p.name for p in tmp_path.iterdir() if p.name not in {target.name, *USERS})
        assert all(atomic.is_temporary(n) for n in left), left
        assert sorted(atomic.clean_stale_temporaries(tmp_path)) == left
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted([target.name, *USERS])
        mid_write += len(left)
        current = k
    print(f"\nkill loop: {KILLS} kills, {completed} saves completed, {mid_write} killed mid-write, "
          f"the file always whole")
    assert all((tmp_path / n).read_text() == "mine" for n in USERS)
