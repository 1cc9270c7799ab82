"""Teacher mode hides and locks controls and keeps them so in a saved session; presentation mode scales up."""

from PySide6.QtCore import Qt
from uihelpers import click_data, wait_snapshot

from micrograd_gui.ui import teacher_mode


def test_teacher_mode_dialog_hides_and_locks(qtbot, window):
    w = window
    w.menus.teacher_action.trigger()
    dialog = w.findChild(teacher_mode.TeacherDialog, "teacherDialog")
    assert dialog is not None and dialog.isVisible()
    dialog.findChild(type(dialog.boxes["learning_rate"][0]), "hide_learning_rate").setChecked(True)
    dialog.findChild(type(dialog.boxes["network"][0]), "hide_network").setChecked(True)
    dialog.findChild(type(dialog.boxes["points"][0]), "lock_points").setChecked(True)
    dialog.accept()
    assert not w.controls.lr_slider.isVisible() and not w.controls.net_box.isVisible()
    assert not w.controls.opt_form.labelForField(w.controls.lr_slider).isVisible()
    assert not w.dataset_panel.clear.isEnabled() and w.dataset_panel.clear.isVisible()
    n = len(w.model.data)
    click_data(qtbot, w, 2.2, 2.2)
    assert len(w.model.data) == n  # points are locked
    w.model.set_teacher(set(), set())
    assert w.controls.lr_slider.isVisible() and w.controls.net_box.isVisible()
    assert w.dataset_panel.clear.isEnabled()


def test_hidden_controls_stay_hidden_after_reopening(qtbot, make_window, tmp_path):
    path = str(tmp_path / "class.json")
    a = make_window()
    a.model.set_teacher({"optimizer", "seed"}, {"batch"})
    with qtbot.waitSignal(a.sessions.saved):
        a.sessions.save_to(path)
    b = make_window()
    assert b.controls.optimizer.isVisible()
    assert b.sessions.open_path(path)
    wait_snapshot(qtbot, b, lambda s: s.run > 1)
    assert not b.controls.optimizer.isVisible() and not b.controls.beta1.isVisible()
    assert not b.dataset_panel.seed.isVisible() and not b.controls.batch.isEnabled()
    assert b.model.teacher.hidden == {"optimizer", "seed"} and b.model.teacher.locked == {"batch"}


def test_presentation_mode_scales_fonts_lines_and_markers(qtbot, window):
    w = window
    size = w.font().pointSizeF()
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert w.menus.presentation_action.isChecked() and w.isFullScreen()
    assert 1.5 * size <= w.font().pointSizeF() <= 2 * size
    assert w.controls.play.font().pointSizeF() == w.font().pointSizeF()
    assert w.data_panel.marker_size > 11 and w.loss_plot.train_curve.opts["pen"].widthF() >= 4
    # widgets with a style sheet of their own, and the loss legend, grow with the rest
    w.lesson_box.show_welcome()
    for styled in (w.lesson_box.label, w.message.text, w.dataset_panel.class_buttons.button(0)):
        assert styled.font().pointSizeF() == w.font().pointSizeF()
    legend = w.loss_plot.plot.getPlotItem().legend
    assert all(label.opts["size"] == f"{w.font().pointSizeF():.0f}pt" for _, label in legend.items)
    qtbot.keyClick(w, Qt.Key.Key_F11)
    assert w.font().pointSizeF() == size and not w.isFullScreen()


def test_colour_blind_palette_applies_to_points_regions_and_palette(qtbot, window):
    w = window
    w.menus.cb_action.trigger()
    assert w.data_panel.palette_name == "colorblind"
    assert "#E69F00" in w.dataset_panel.class_buttons.button(0).styleSheet()
