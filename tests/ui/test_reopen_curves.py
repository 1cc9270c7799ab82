"""Loss curves across save and reopen: a diverged run's curves come back as they were shown, and are saved again."""

import json

from uihelpers import wait_snapshot

from micrograd_gui.core.optim import OptimizerConfig
from micrograd_gui.core.presets import get_preset

DIVERGING = get_preset("spiral").config.with_changes(optimizer=OptimizerConfig("momentum", lr=20.0),
                                                    stable_softmax=False)


def save(qtbot, w, path):
    with qtbot.waitSignal(w.sessions.saved):
        w.sessions.save_to(str(path))
    return json.loads(path.read_text())


def shown_curves(w):
    tx, ty, vx, vy = w.loss_plot.series()
    return [list(map(float, a)) for a in (tx, ty, vx, vy)]


def test_a_diverged_runs_curves_come_back_after_save_and_reopen_and_are_saved_again(qtbot, make_window, tmp_path):
    w = make_window(DIVERGING)
    with qtbot.waitSignal(w.controller.diverged, timeout=30_000):
        w.controls.play.click()  # at whatever step it blows up: the test does not depend on which
    qtbot.waitUntil(lambda: not w.controller.running)
    first = save(qtbot, w, tmp_path / "diverged.json")
    before = shown_curves(w)  # after the save: the worker's last snapshot came before the state it saved
    assert len(before[0]) >= 2 and first["step"] >= 1
    for target in (make_window(), w):  # another window, and the same one after a Reset
        if target is w:
            w.controls.reset.click()
            wait_snapshot(qtbot, w, lambda s: s.step == 0)
        assert target.sessions.open_path(str(tmp_path / "diverged.json"))
        wait_snapshot(qtbot, target, lambda s: s.step == first["step"])
        qtbot.waitUntil(lambda t=target: shown_curves(t) == before)  # the loss plot as it was when saved
        again = save(qtbot, target, tmp_path / "again.json")
        assert again["curves"] == first["curves"] and again["curves"]["train"]
    # training on takes the step the divergence took back again: its old point is replaced, not kept twice
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == first["step"] + 1)
    steps = shown_curves(w)[0]
    assert steps == sorted(set(steps)) and steps[-1] == snap.step
