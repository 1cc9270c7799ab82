"""The window: object names, window state kept, closing mid-training, help, random use under load."""

import random

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton
from uihelpers import click_data, drag_data, wait_snapshot

from micrograd_gui.ui.main_window import MainWindow

NAMES = ["dataPlot", "playButton", "stepButton", "resetButton", "lossPlot", "learningRateInput", "datasetChooser"]


def test_widgets_have_the_names_checks_find_them_by(window):
    for name in NAMES:
        assert window.findChild(object, name) is not None, name


def test_window_fits_a_projector_and_state_is_restored(qtbot, settings, make_window):
    w = make_window()
    w.resize(1280, 720)
    w.loss_dock.hide()
    w.graph_dock.hide()  # as on a projector (G brings it back)
    w.close()
    again = MainWindow(settings=settings)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitExposed(again)
    assert again.width() == 1280 and again.height() == 720
    assert not again.loss_dock.isVisible() and not again.graph_dock.isVisible()
    plot = again.data_panel.plot
    assert plot.width() >= 400 and plot.height() >= 400  # the plane stays big at 1280x720
    again.close()
    assert not again.controller.training_thread.isRunning()


def test_closing_while_training_joins_the_thread(qtbot, window):
    w = window
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: s.running and s.step > 3)
    thread = w.controller.training_thread
    w.close()
    assert not thread.isRunning() and thread.isFinished()


def test_f1_opens_help(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    box = window.findChild(object, "helpDialog")
    assert box is not None and box.isVisible() and "Space" in box.text()
    box.close()


def test_5000_random_actions_while_training_raise_and_warn_nothing(qtbot, window):
    w = window
    rng = random.Random(1234)
    w.controls.play.click()
    wait_snapshot(qtbot, w, lambda s: s.running)
    keys = [Qt.Key.Key_Space, Qt.Key.Key_Right, Qt.Key.Key_R, Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3,
            Qt.Key.Key_V, Qt.Key.Key_H, Qt.Key.Key_C]
    fields = [w.controls.lr, w.controls.l2, w.controls.weight_decay, w.controls.beta2]
    combos = [w.controls.optimizer, w.controls.batch, w.controls.speed, w.controls.loss, w.controls.activation]
    buttons = [w.controls.step, w.controls.step10, w.dataset_panel.undo, w.dataset_panel.redo]

    def xy():
        return rng.uniform(-2.4, 2.4), rng.uniform(-2.4, 2.4)

    for i in range(5000):
        r = rng.random()
        if r < 0.25:
            click_data(qtbot, w, *xy(), mods=rng.choice([Qt.KeyboardModifier.NoModifier,
                                                         Qt.KeyboardModifier.ShiftModifier]))
        elif r < 0.32:
            click_data(qtbot, w, *xy(), button=Qt.MouseButton.RightButton)
        elif r < 0.36:
            d = w.model.data
            if len(d):
                j = rng.randrange(len(d))
                drag_data(qtbot, w, (d.xs[j], d.ys[j]), xy(), steps=3)
        elif r < 0.55:
            qtbot.keyClick(w, rng.choice(keys))
        elif r < 0.62:
            qtbot.keyClick(w, Qt.Key.Key_Z, rng.choice([Qt.KeyboardModifier.ControlModifier,
                                                        Qt.KeyboardModifier.ControlModifier
                                                        | Qt.KeyboardModifier.ShiftModifier]))
        elif r < 0.72:
            f = rng.choice(fields)
            f.edit.setText(rng.choice(["0.01", "0.3", "abc", "-2", "1e-3", "", "0.5"]))
            f.edit.editingFinished.emit()
        elif r < 0.82:
            c = rng.choice(combos)
            c.setCurrentIndex(rng.randrange(c.count()))
        elif r < 0.92:
            b = rng.choice(buttons)
            if b.isEnabled():
                b.click()
        elif r < 0.96:
            w.controls.widths[0].setValue(rng.randint(1, 32))
        elif r < 0.985:
            p = w.dataset_panel
            p.chooser.setCurrentIndex(rng.randrange(p.chooser.count()))
            p.n.setValue(rng.choice([0, 30, 100]))
            p.regenerate.click()
        else:
            w.controls.reset.click()
        if i % 50 == 0:
            QApplication.processEvents()
    QApplication.processEvents()
    assert "unexpected error" not in w.message.text.text()
    assert QThread.currentThread() is w.thread()
    assert isinstance(w.findChild(QLineEdit, "learningRateInput"), QLineEdit)
    assert isinstance(w.findChild(QPushButton, "playButton"), QPushButton)
