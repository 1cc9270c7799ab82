"""The divergence cause in the user's language: the core marks its sentences for translation (context
"Divergence") and fills in the numbers after the UI has translated them; the command line keeps English."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from uihelpers import wait_snapshot

from micrograd_gui.core.divergence import CAUSES
from micrograd_gui.core.presets import get_preset

ROOT = Path(__file__).resolve().parents[2]


class Marking(QTranslator):
    """A stand-in translation of the "Divergence" context: each sentence in brackets, its placeholders kept."""

    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "Divergence":
            return f"«{source}»"
        return None  # no translation: Qt falls back to the next translator or the English

    def isEmpty(self):
        return False


@pytest.fixture
def marking(qapp):
    t = Marking()
    qapp.installTranslator(t)
    yield t
    qapp.removeTranslator(t)


def test_every_cause_is_translated_by_its_template_in_the_divergence_context(marking):
    for template in CAUSES.values():
        assert QCoreApplication.translate("Divergence", template) == f"«{template}»"


def test_the_message_bar_shows_the_translated_cause_with_its_numbers(qtbot, make_window, marking):
    config = get_preset("llm101n").config  # the reference cross-entropy: exp of the raw logits
    w = make_window(config)
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 0)
    nin, nout = config.hidden[-1], snap.num_outputs
    start = snap.theta.size - nout * (nin + 1)
    biases = [start + j * (nin + 1) + nin for j in range(nout)]
    for i in biases:  # as typed into the network view: every output bias past exp's overflow
        w.controller.set_param(i, 720.0, snap.run)
    wait_snapshot(qtbot, w, lambda s: all(s.theta[i] == 720.0 for i in biases))
    with qtbot.waitSignal(w.controller.diverged):
        w.controls.step.click()
    text = w.message.text.text()
    assert w.message.isVisible() and w.message.kind == "error"
    assert "«An exp overflowed: a logit reached 7" in text  # translated, then filled in: no placeholder left
    assert "exp of anything above 709.8 is infinite" in text and "{" not in text
    assert text.index("«") < text.index("Press Reset (R)")  # the cause first, then the trainer's advice


def lupdate() -> str | None:
    return shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) or shutil.which("pyside6-lupdate")


@pytest.mark.skipif(lupdate() is None, reason="pyside6-lupdate is not installed")
def test_lupdate_finds_every_cause_in_the_divergence_context(tmp_path):
    ts = tmp_path / "causes.ts"
    subprocess.run([lupdate(), "-silent", "-extensions", "py", str(ROOT / "micrograd_gui" / "core" / "divergence.py"),
                    "-ts", str(ts)], check=True, capture_output=True, timeout=120)
    found = {(c.findtext("name"), m.findtext("source")) for c in ET.parse(ts).getroot().iter("context")
             for m in c.iter("message")}
    assert {("Divergence", t) for t in CAUSES.values()} <= found
