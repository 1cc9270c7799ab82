"""kill -9 while training, start again: the last autosave is offered and restored exactly (two real processes)."""

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from uihelpers import crash

from micrograd_gui.core.files import session_file
from micrograd_gui.ui.session_actions import AUTOSAVE_MS, autosave_ms

HELPER = Path(__file__).with_name("recovery_app.py")


def environment(home):
    env = dict(os.environ, HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
               MICROGRAD_GUI_AUTOSAVE_MS="250",  # autosave every 250 ms: the crash comes soon after one
               MICROGRAD_GUI_TEST_GO=str(home / "go"))
    env.pop("XDG_DATA_HOME", None)
    return env


def run(mode, home):
    return subprocess.run([sys.executable, str(HELPER), mode], env=environment(home), capture_output=True,
                          text=True, timeout=180, cwd=HELPER.parents[2])


def facts(out):
    return dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)


def test_kill_9_while_training_then_restart_offers_and_restores_the_autosave(tmp_path):
    first = run("train", tmp_path)
    assert first.returncode == -signal.SIGKILL, first.stdout + first.stderr
    got = facts(first.stdout)
    assert got["settings"].startswith(str(tmp_path / "config"))  # the user's own settings were never touched
    autosaved, killed_at = int(got["autosaved step"]), int(got["killed while training at step"])
    assert 20 <= autosaved < killed_at
    recovery = tmp_path / "config" / "micrograd_gui" / "recovery-session.json"
    assert recovery.exists()

    second = run("restore", tmp_path)
    out = facts(second.stdout)
    assert second.returncode == 0, second.stdout + second.stderr
    assert out["recovery offered"] == "yes" and out["button"] == "Restore"
    assert int(out["this run autosaved step"]) == 0  # its own autosave went beside the offer, not over it
    assert int(out["restored step"]) == autosaved and out["restored equals the autosave"] == "True"
    assert out["thread stopped"] == "True" and out["recovery left after a clean exit"] == "False"
    assert "Traceback" not in first.stderr + second.stderr


def test_two_windows_on_one_settings_folder_keep_their_own_autosaves_then_the_first_crashes(tmp_path):
    with subprocess.Popen([sys.executable, str(HELPER), "hold"], env=environment(tmp_path), text=True,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=HELPER.parents[2]) as first:
        try:
            lines = []
            while not lines or lines[-1] != "holding: yes\n":  # the helper gives up by itself after a minute
                line = first.stdout.readline()
                assert line, "the first window ended early: " + "".join(lines) + first.stderr.read()
                lines.append(line)
            second = run("second", tmp_path)
            out = facts(second.stdout)
            assert second.returncode == 0, second.stdout + second.stderr
            assert out["crash offered"] == "no" and out["said already open"] == "yes"
            assert out["own autosave apart"] == "True"
            assert out["own autosave left"] == "False" and out["first's autosave left"] == "True"
            (tmp_path / "go").touch()
            assert first.wait(timeout=120) == -signal.SIGKILL
            first_errors = first.stderr.read()
        finally:
            if first.poll() is None:
                first.kill()
    third = run("restore", tmp_path)  # the first window's work, after its crash
    out = facts(third.stdout)
    assert third.returncode == 0, third.stdout + third.stderr
    assert out["recovery offered"] == "yes" and out["restored equals the autosave"] == "True"
    assert "Traceback" not in first_errors + second.stderr + third.stderr


@pytest.mark.parametrize("value,ms", [(None, AUTOSAVE_MS), ("250", 250), ("1", 50), ("soon", AUTOSAVE_MS)])
def test_the_autosave_period_comes_from_the_environment_when_set(monkeypatch, value, ms):
    if value is None:
        monkeypatch.delenv("MICROGRAD_GUI_AUTOSAVE_MS", raising=False)
    else:
        monkeypatch.setenv("MICROGRAD_GUI_AUTOSAVE_MS", value)
    assert autosave_ms() == ms


def test_a_second_start_does_not_autosave_over_the_offer(qtbot, make_window, monkeypatch):
    """In one process, for speed: the offer is kept aside while the new window autosaves its own state."""
    a = make_window()
    a.controls.step10.click()
    qtbot.waitUntil(lambda: a.controller.last.step == 10)
    a.sessions.autosave()
    qtbot.waitUntil(a.sessions.recovery.exists)
    crash(a)
    b = make_window()
    offered = b.sessions.offered
    assert b.sessions.pending_recovery() == offered and not b.sessions.recovery.exists()
    b.sessions.autosave()  # b's own autosave (step 0) while the user reads the offer
    qtbot.waitUntil(b.sessions.recovery.exists)
    assert session_file.load(offered).state.step == 10
    assert b.sessions.restore_recovery()
    qtbot.waitUntil(lambda: b.controller.last.step == 10 and not offered.exists())
    assert session_file.load(b.sessions.recovery).state.step == 10  # what was restored is autosaved at once
    assert b.sessions.path is None and str(offered) not in b.sessions.recent()
