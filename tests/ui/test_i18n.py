"""Simplified Chinese: every visible string of the main window is translated, the Language menu switches the
window live and remembers the choice, and the translation files are complete and compiled."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabBar,
    QWidget,
)
from uihelpers import wait_snapshot

from micrograd_gui.core.lessons import LESSONS, get_lesson
from micrograd_gui.core.presets import get_preset
from micrograd_gui.resources import resource_path
from micrograd_gui.ui import i18n, teacher_mode
from micrograd_gui.ui.app_shell import AppShell
from micrograd_gui.ui.help import HelpDialog

ROOT = Path(__file__).resolve().parents[2]
TS = resource_path("translations", "micrograd_gui_zh_CN.ts")
QM = resource_path("translations", "micrograd_gui_zh_CN.qm")
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# names that stay as they are in Chinese: optimizers, activations, formats, keys, the code's own identifiers and
# symbols (Adam's moments m and v)
UNTRANSLATED = re.compile(r"AdamW|SGD|tanh|ReLU|relu|sigmoid|linear|softmax|argmax|Argmax|logit|LLM101n|micrograd|"
                          r"nin|x\d|β\d|L2|CSV|PNG|SVG|GIF|F1|Ctrl|Shift|Esc|English|[wb]\[\d+\](\[\d+\])*|^[mv]$",
                          re.ASCII)


def untranslated(text: str) -> bool:
    """True if `text` shows English words: no Chinese in it, and letters left once the allowed names are removed."""
    text = re.sub(r"<[^>]+>", "", text)  # rich-text tags
    return not CJK.search(text) and re.search(r"[A-Za-z]", UNTRANSLATED.sub("", text)) is not None


MATH_AND_CODE = {"x", "y", "x²", "y²", "x·y", "sin x", "sin y", "c = a*b + b**2"}  # the same in every language


def is_code(where: str, text: str) -> bool:
    """The feature inputs' names, an example's code and a Scratchpad leaf's name (a variable of the user's code)."""
    return text in MATH_AND_CODE or where.startswith("QLabel scratchName_")


@pytest.fixture
def chinese(qapp):
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.install(qapp, "en")  # the other tests read English texts


def visible_strings(w) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """(where, text) of every string the window can show: menus, widgets, tooltips, plot labels, dock tabs."""
    found: list[tuple[str, str]] = [("window title", w.windowTitle())]

    def menu(m: QMenu, path: str) -> None:
        if m.objectName() == "recentMenu":
            w.sessions.fill_recent_menu(m)
        found.append((path, m.title()))
        for a in m.actions():
            if a.menu() is not None:
                menu(a.menu(), f"{path} ▸ {a.menu().title()}")
            elif not a.isSeparator():
                found.append((f"{path} ▸ action", a.text()))
    for a in w.menuBar().actions():
        menu(a.menu(), a.menu().title())
    for widget in w.findChildren(QWidget):
        where = f"{type(widget).__name__} {widget.objectName()}"
        if widget.toolTip():
            found.append((f"{where} tooltip", widget.toolTip()))
        if isinstance(widget, QLabel):
            found.append((where, widget.text()))
        elif isinstance(widget, QAbstractButton):
            found.append((where, widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((where, widget.title()))
        elif isinstance(widget, QDockWidget):
            found.append((where, widget.windowTitle()))
        elif isinstance(widget, QComboBox):
            found.extend((f"{where} item", widget.itemText(i)) for i in range(widget.count()))
        elif isinstance(widget, QTabBar):
            found.extend((f"{where} tab", widget.tabText(i)) for i in range(widget.count()))
        elif isinstance(widget, QLineEdit):
            found.append((f"{where} placeholder", widget.placeholderText()))
    for plot in (w.loss_plot.plot, w.data_panel.plot):
        for name in ("left", "bottom"):
            found.append((f"{plot.objectName()} axis", plot.getAxis(name).labelText))
    for _, label in w.loss_plot.plot.getPlotItem().legend.items:
        found.append(("loss legend", label.text))
    found.append(("probe label", w.data_panel.probe.label().toPlainText()))
    found.extend(("network column", title) for _, title in w.network_view.canvas._titles)
    node = w.graph_panel.graph_view.nodes[0]  # painted: "data 0.5", "grad -1" (the titles are the code's names)
    found.extend(("graph node", text.format(value=1)) for text in (node.style.data_text, node.style.grad_text))
    found.append(("grad legend", w.graph_panel.legend.title))
    model = w.optimizer_table.model
    for section in range(model.columnCount()):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            found.append((f"optimizer column {section}", model.headerData(section, Qt.Orientation.Horizontal, role)))
    return [(where, text) for where, text in found if text and text.strip()]


def test_every_visible_string_of_the_main_window_is_chinese(chinese, make_window, qtbot):
    w = make_window()
    w.controller.step(1)
    wait_snapshot(qtbot, w, lambda s: s.step == 1)
    for dock, filled in ((w.network_dock, lambda: w.network_view.canvas._titles != []),
                         (w.optimizer_dock, lambda: "1" in w.optimizer_table.summary.text()),
                         (w.graph_dock, lambda: w.graph_panel.graph is not None)):
        dock.show()  # each panel fills in from a snapshot once it is in front
        dock.raise_()
        qtbot.waitUntil(filled)
    strings = visible_strings(w)
    assert len(strings) > 220, "the window's strings were not all found"
    left = [(where, text) for where, text in strings if untranslated(text) and not is_code(where, text)]
    assert not left, "\n".join(f"{where}: {text!r}" for where, text in left)
    # spot checks that the right translations were found, not only some Chinese
    assert w.controls.play.text() == "开始" and w.menuBar().actions()[0].text() == "文件(&F)"
    assert w.dataset_panel.chooser.itemText(0) == "阴阳" and w.controls.loss.currentText() == "交叉熵"


def test_dialogs_lessons_and_messages_are_chinese(chinese, make_window, qtbot):
    w = make_window()
    w.findChild(type(w.menus.play_action), "helpAction").trigger()
    qtbot.waitUntil(lambda: w.findChild(HelpDialog, "helpDialog") is not None)
    help_box = w.findChild(HelpDialog, "helpDialog")
    assert "使用方法" in help_box.text() and "快捷键" in help_box.text()
    help_box.close()
    dialog = teacher_mode.TeacherDialog(w, teacher_mode.Teacher())
    qtbot.addWidget(dialog)
    texts = [label.text() for label in dialog.findChildren(QLabel)] + [dialog.windowTitle()]
    assert len(texts) == len(teacher_mode.CONTROLS) + 5 and not [t for t in texts if untranslated(t)]
    for lesson in LESSONS:
        w.model.start_lesson(lesson)
        assert not untranslated(w.lesson_box.text()), lesson.name
    w.model.start_lesson(LESSONS[-1])  # no points: the reason Play is off is said in Chinese
    assert w.controls.play_reason.isVisible() and "还没有训练数据点" in w.controls.play_reason.text()
    w.controls.lr.edit.setText("abc")
    w.controls.lr.edit.editingFinished.emit()
    assert "不是数字" in w.controls.lr.error.text()


def test_the_language_menu_switches_live_keeps_the_run_and_is_remembered(qapp, qtbot, settings):
    shell = AppShell(qapp, settings)
    i18n.install(qapp, "en")
    settings.setValue(i18n.SETTINGS_KEY, "en")
    w = shell.start(get_preset("llm101n").config)
    try:
        w.show()
        qtbot.waitExposed(w)
        wait_snapshot(qtbot, w, lambda s: True)
        w.model.start_lesson(get_lesson("llm101n"))
        w.model.add_point(0.3, 0.4)
        w.controller.step(7)
        wait_snapshot(qtbot, w, lambda s: s.step == 7)
        points, theta = len(w.model.data), w.controller.last.theta.copy()
        assert w.controls.play.text() == "Play" and w.menus.language_actions["en"].isChecked()

        with qtbot.waitSignal(shell.window_replaced, timeout=10_000):
            w.menus.language_actions["zh_CN"].trigger()
        zh = shell.window
        assert zh is not w and not w.controller.training_thread.isRunning()  # the old window joined its thread
        snap = wait_snapshot(qtbot, zh, lambda s: s.step == 7)
        assert (snap.theta == theta).all() and len(zh.model.data) == points
        assert zh.isVisible() and zh.controls.play.text() == "开始" and zh.status.step_label.text() == "第 7 步"
        assert zh.menus.language_actions["zh_CN"].isChecked() and i18n.current() == "zh_CN"
        assert settings.value(i18n.SETTINGS_KEY) == "zh_CN"
        assert not zh.dataset_panel.undo.isEnabled() and not zh.dataset_panel.noise.isEnabled()  # yin-yang: none
        assert len(zh.loss_plot.series()[0]) == 7  # the loss curve came along, and the lesson
        assert zh.model.lesson.name == "llm101n" and "课程：LLM101n：阴阳" in zh.lesson_box.text()

        with qtbot.waitSignal(shell.window_replaced, timeout=10_000):
            zh.menus.language_actions["en"].trigger()
        en = shell.window
        wait_snapshot(qtbot, en, lambda s: s.step == 7)
        assert en.controls.play.text() == "Play" and en.menuBar().actions()[0].text() == "&File"
        assert settings.value(i18n.SETTINGS_KEY) == "en" and len(en.model.data) == points

        en.controller.play()  # a running window keeps running in the new language
        qtbot.waitUntil(lambda: en.controller.running)
        with qtbot.waitSignal(shell.window_replaced, timeout=10_000):
            en.menus.language_actions["zh_CN"].trigger()
        qtbot.waitUntil(lambda: shell.window.controller.running and shell.window.controller.last.step > 7)
        shell.window.controller.pause()

        settings.setValue(i18n.SETTINGS_KEY, "zh_CN")  # the next start opens in the remembered language
        assert i18n.saved_language(settings) == "zh_CN"
        settings.setValue(i18n.SETTINGS_KEY, "klingon")
        assert i18n.saved_language(settings) == i18n.system_language()
    finally:
        shell.window.close()
        assert not shell.window.controller.training_thread.isRunning()
        i18n.install(qapp, "en")


def test_a_missing_translation_leaves_the_app_in_english(qapp, monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(i18n, "qm_path", lambda language: tmp_path / "nothing.qm")
    assert i18n.install(qapp, "zh_CN") == "en" and i18n.current() == "en"
    assert "could not be loaded" in capsys.readouterr().err


def messages(path) -> dict[tuple[str, str], ET.Element]:  # type: ignore[no-untyped-def]
    root = ET.parse(path).getroot()
    return {(c.findtext("name"), m.findtext("source")): m.find("translation")
            for c in root.iter("context") for m in c.iter("message")}


def test_every_source_string_is_translated_and_compiled():
    found = messages(TS)
    assert len(found) > 300
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), tr in found.items():
        assert tr.get("type") is None and tr.text, f"{context}: {source!r} is {tr.get('type') or 'empty'}"
        placeholders = sorted(re.findall(r"\{[^}]*\}", source))
        assert sorted(re.findall(r"\{[^}]*\}", tr.text)) == placeholders, f"{context}: {source!r}"
        assert translator.translate(context, source) == tr.text, f"the .qm is older than the .ts: {source!r}"


def lupdate() -> str | None:
    """The venv's pyside6-lupdate (beside this Python), else one on PATH."""
    return shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
def test_the_translation_source_lists_every_string_of_the_code(tmp_path):
    """lupdate over the code finds nothing the committed .ts lacks (.ci/update_translations.sh was run)."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    subprocess.run([lupdate(), "-silent", "-no-obsolete", "-extensions", "py", str(ROOT / "micrograd_gui"),
                    "-ts", str(copy)], check=True, capture_output=True, timeout=120)
    fresh, committed = messages(copy), messages(TS)
    assert set(fresh) == set(committed), f"new: {set(fresh) - set(committed)}; gone: {set(committed) - set(fresh)}"
    assert all(tr.get("type") is None for tr in fresh.values())
