"""10,000 random actions while training: panels, docks, dialogs, lessons, sessions, backprop step-through,
and closing the window for a new one. Zero exceptions, zero Qt warnings (pytest-qt fails the test on either),
and every close joins the training thread within a second."""

from __future__ import annotations

import random
import time

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMenu, QMessageBox, QPushButton
from uihelpers import click_data, drag_data, wait_snapshot

from micrograd_gui.core.lessons import LESSONS
from micrograd_gui.ui import teacher_mode

ACTIONS = 10_000
NEW_WINDOW_EVERY = 2_000  # close the window and open a new one: four times
EVENTS_EVERY = 5  # actions between two rounds of event processing (snapshots drawn, queued intents run)
CLOSE_LIMIT_S = 1.0

KEYS = [Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4,
        Qt.Key.Key_V, Qt.Key.Key_H, Qt.Key.Key_C, Qt.Key.Key_G, Qt.Key.Key_W, Qt.Key.Key_O, Qt.Key.Key_B,
        Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_F, Qt.Key.Key_Escape, Qt.Key.Key_F1]


class Monkey:
    """One random user; `w` is whichever window is open."""

    def __init__(self, qtbot, make_window, folder, seed):
        self.qtbot, self.make_window, self.folder = qtbot, make_window, folder
        self.pick = random.Random(seed)  # which action: the same sequence every run
        self.rng = random.Random(seed + 1)  # its details (some depend on what the window shows by then)
        self.failures: list[str] = []
        self.close_times: list[float] = []
        self.counts: dict[str, int] = {}
        self.seconds: dict[str, float] = {}  # where the run's time goes, by kind of action
        self.dialog_path: str = ""  # what the next file dialog answers; "" = Cancel
        self.new_window()

    # ---- set-up -------------------------------------------------------------------------------
    def new_window(self):
        self.w = self.make_window()
        self.w.controller.failed.connect(self.failures.append)
        self.w.controls.play.click()

    def close_window(self):
        w = self.w
        for d in w.findChildren(QDialog):
            d.close()
        thread = w.controller.training_thread
        t0 = time.perf_counter()
        w.close()
        self.qtbot.waitUntil(thread.isFinished, timeout=int(CLOSE_LIMIT_S * 1000))
        self.close_times.append(time.perf_counter() - t0)

    def answer(self, suffix):
        """The next file dialog: a file in the test's folder, or Cancel."""
        self.dialog_path = "" if self.rng.random() < 0.2 else str(self.folder / f"f{self.rng.randrange(4)}{suffix}")

    # ---- actions ------------------------------------------------------------------------------
    def xy(self):
        return self.rng.uniform(-2.4, 2.4), self.rng.uniform(-2.4, 2.4)

    def click(self):
        mods = self.rng.choice([Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier])
        click_data(self.qtbot, self.w, *self.xy(), mods=mods)

    def remove(self):
        click_data(self.qtbot, self.w, *self.xy(), button=Qt.MouseButton.RightButton)

    def drag(self):
        d = self.w.model.data
        if len(d):
            j = self.rng.randrange(len(d))
            drag_data(self.qtbot, self.w, (d.xs[j], d.ys[j]), self.xy(), steps=3)

    def key(self):
        self.qtbot.keyClick(self.w, self.rng.choice(KEYS))

    def undo(self):
        mods = Qt.KeyboardModifier.ControlModifier
        if self.rng.random() < 0.4:
            mods |= Qt.KeyboardModifier.ShiftModifier
        self.qtbot.keyClick(self.w, Qt.Key.Key_Z, mods)

    def field(self):
        c = self.w.controls
        f = self.rng.choice([c.lr, c.l2, c.weight_decay, c.beta2])
        f.edit.setText(self.rng.choice(["0.01", "0.3", "abc", "-2", "1e-3", "", "0.5", "10", "nan"]))
        f.edit.editingFinished.emit()

    def combo(self):
        c = self.w.controls
        box = self.rng.choice([c.optimizer, c.batch, c.speed, c.loss, c.activation, self.w.graph_panel.label])
        if box.count():
            box.setCurrentIndex(self.rng.randrange(box.count()))

    def button(self):
        w = self.w
        b = self.rng.choice([w.controls.step, w.controls.step10, w.controls.reset, w.dataset_panel.undo,
                             w.dataset_panel.redo, w.controls.play])
        if b.isEnabled() and b.isVisible():
            b.click()

    def network(self):
        c = self.w.controls
        if self.rng.random() < 0.5:
            c.depth_input.setValue(self.rng.randint(0, 3))
        else:
            self.rng.choice(c.widths).setValue(self.rng.randint(1, 16))

    def regenerate(self):
        p = self.w.dataset_panel
        p.chooser.setCurrentIndex(self.rng.randrange(p.chooser.count()))
        p.n.setValue(self.rng.choice([0, 30, 100, 200]))
        p.regenerate.click()

    def dock(self):
        docks = [self.w.controls_dock, self.w.data_dock, self.w.loss_dock, self.w.graph_dock, self.w.network_dock,
                 self.w.optimizer_dock]
        self.rng.choice(docks).toggleViewAction().trigger()

    def dialog(self):
        w = self.w
        r = self.rng.random()
        if r < 0.3:
            self.qtbot.keyClick(w, Qt.Key.Key_F1)
        elif r < 0.5:
            w.findChild(type(w.menus.undo_action), "aboutAction").trigger()
        elif r < 0.65:
            w.menus.teacher_action.trigger()
        else:  # close what is open: OK / Cancel / Close
            for d in w.findChildren(QDialog):
                if not d.isVisible():
                    continue
                if isinstance(d, teacher_mode.TeacherDialog):
                    boxes = [b for pair in d.boxes.values() for b in pair]
                    for b in self.rng.sample(boxes, min(2, len(boxes))):
                        b.setChecked(self.rng.random() < 0.3)
                    (d.accept if self.rng.random() < 0.5 else d.reject)()
                else:
                    d.close()
            if self.rng.random() < 0.5:
                w.model.set_teacher(set(), set())  # a teacher who locked everything unlocks again

    def lesson(self):
        le = self.rng.choice(LESSONS)
        self.w.findChild(type(self.w.menus.undo_action), f"lesson_{le.name}").trigger()

    def session(self):
        w = self.w
        r = self.rng.random()
        if r < 0.35:
            self.answer(".json")
            self.qtbot.keyClick(w, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | (
                Qt.KeyboardModifier.ShiftModifier if self.rng.random() < 0.5 else Qt.KeyboardModifier.NoModifier))
        elif r < 0.6:
            self.answer(".json")
            self.qtbot.keyClick(w, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
        elif r < 0.7:
            menu = w.findChild(QMenu, "recentMenu")
            menu.aboutToShow.emit()
            acts = [a for a in menu.actions() if a.isEnabled()]
            if acts:
                self.rng.choice(acts).trigger()
        elif r < 0.8:
            w.sessions.autosave()
        else:
            name = self.rng.choice(["importCsvAction", "exportCsvAction", "exportPlaneAction", "exportWindowAction"])
            self.answer(".png" if "Plane" in name or "Window" in name else ".csv")
            w.findChild(type(w.menus.undo_action), name).trigger()

    def graph(self):
        gp = self.w.graph_panel
        r = self.rng.random()
        buttons = [gp.reset_grads, gp.back_step, gp.fwd_step, gp.animate]
        if r < 0.55:
            b = self.rng.choice(buttons)
            if b.isEnabled():
                b.click()
        elif r < 0.7:
            for name in ("fitButton", "collapseButton", "expandButton"):
                if self.rng.random() < 0.4:
                    gp.findChild(QPushButton, name).click()
        elif r < 0.8:
            gp.find_input.setText(self.rng.choice(["loss", "w[0][1][0]", "logit 2", "nothing", ""]))
            gp.find_input.returnPressed.emit()
        elif r < 0.95:
            vp = gp.graph_view.viewport()
            at = QPoint(self.rng.randrange(max(1, vp.width())), self.rng.randrange(max(1, vp.height())))
            if self.rng.random() < 0.7:
                self.qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, pos=at)
            else:
                self.qtbot.mouseDClick(vp, Qt.MouseButton.LeftButton, pos=at)
        else:
            self.answer(self.rng.choice([".svg", ".png"]))
            gp.findChild(QPushButton, self.rng.choice(["exportSvgButton", "exportPngButton"])).click()

    def weight(self):
        """A weight typed into the network view: sometimes nonsense, sometimes past exp's overflow."""
        snap = self.w.controller.last
        if snap is not None and snap.theta.size:
            text = self.rng.choice(["0.5", "-3", "abc", "1e400", "720", "nan", "0"])
            self.w.network_view.set_param(self.rng.randrange(snap.theta.size), text)

    def view(self):
        w, m = self.w, self.w.menus
        a = self.rng.choice([m.regions_action, m.hard_action, m.contour_action, m.cb_action, m.presentation_action,
                             w.loss_plot.log_scale, m.record_action])
        if a is w.menus.record_action:
            self.answer(".gif")
        a.trigger() if hasattr(a, "trigger") else a.click()


WEIGHTS = {"click": 14, "remove": 7, "drag": 3, "key": 16, "undo": 5, "field": 6, "combo": 6, "button": 8,
           "network": 2, "regenerate": 1.5, "dock": 6, "dialog": 4, "lesson": 0.6, "session": 2, "graph": 8,
           "weight": 2, "view": 2}


@pytest.mark.slow
def test_10000_random_actions_while_training(qtbot, make_window, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "files"
    folder.mkdir()
    monkey = None

    def dialog_answer(*args, **kwargs):
        return (monkey.dialog_path, "")

    # a real file dialog would block the test: each answers what the monkey chose (a path, or Cancel)
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, dialog_answer)
    monkey = Monkey(qtbot, make_window, folder, seed=20261122)
    names, weights = list(WEIGHTS), list(WEIGHTS.values())
    t0 = time.perf_counter()
    for i in range(1, ACTIONS + 1):
        name = monkey.pick.choices(names, weights)[0]
        monkey.counts[name] = monkey.counts.get(name, 0) + 1
        t = time.perf_counter()
        getattr(monkey, name)()
        if i % EVENTS_EVERY == 0:
            QApplication.processEvents()
        monkey.seconds[name] = monkey.seconds.get(name, 0.0) + time.perf_counter() - t
        if i % NEW_WINDOW_EVERY == 0 and i < ACTIONS:
            monkey.close_window()
            monkey.new_window()
    QApplication.processEvents()
    wait_snapshot(qtbot, monkey.w, lambda s: True)
    monkey.close_window()
    elapsed = time.perf_counter() - t0

    assert len(monkey.close_times) == ACTIONS // NEW_WINDOW_EVERY
    assert max(monkey.close_times) < CLOSE_LIMIT_S, monkey.close_times
    unexpected = [m for m in monkey.failures if "unexpected error" in m]
    assert not unexpected, unexpected
    assert "Traceback" not in capsys.readouterr().err
    assert all(monkey.counts.get(n, 0) > 0 for n in WEIGHTS), monkey.counts  # every kind of action ran
    leftover = [d for d in QApplication.topLevelWidgets() if isinstance(d, (QDialog, QMessageBox)) and d.isVisible()]
    assert not leftover
    slowest = sorted(monkey.seconds.items(), key=lambda kv: -kv[1])[:6]
    print(f"10,000 actions in {elapsed:.0f} s; closes joined the thread in at most "
          f"{max(monkey.close_times) * 1000:.0f} ms; {monkey.counts}; seconds: "
          + ", ".join(f"{k} {v:.0f}" for k, v in slowest))
