"""The Scratchpad's refusals in the user's language: the core marks each message's template in the "ScratchError"
context, the Scratchpad translates it and then fills in the names and numbers (tests/core/test_scratch_messages.py
checks the marks)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTranslator
from test_scratchpad import type_text

from micrograd_gui.core.scratch import EXAMPLES
from micrograd_gui.ui.scratch_model import ScratchModel
from micrograd_gui.ui.scratchpad import Scratchpad


class Marking(QTranslator):
    """A stand-in translation of the "ScratchError" context: each template in brackets, or the given one."""

    def __init__(self, table: dict[str, str] | None = None):
        super().__init__()
        self.table = table or {}

    def translate(self, context, source, disambiguation=None, n=-1):
        if context == "ScratchError":
            return self.table.get(source, f"«{source}»")
        return None  # no translation: Qt falls back to the next translator or the English

    def isEmpty(self):
        return False


@pytest.fixture
def pad(qtbot):
    p = Scratchpad(ScratchModel(EXAMPLES["product"]))
    qtbot.addWidget(p)
    p.show()
    qtbot.waitExposed(p)
    return p


def install(qapp, translator: Marking):
    qapp.installTranslator(translator)
    return translator


@pytest.fixture
def marking(qapp):
    t = install(qapp, Marking())
    yield t
    qapp.removeTranslator(t)


def test_a_refusal_is_translated_then_filled_in(qtbot, pad, marking):
    type_text(qtbot, pad, "a = Value(1.0)\nb = zz + a")
    assert pad.error.isVisible()
    assert pad.error.text() == "Line 2, column 5: «zz is not defined yet: assign it on an earlier line»"


def test_numbers_keep_their_format_in_the_translation(qtbot, pad, marking):
    type_text(qtbot, pad, "a = Value(2.0)\nb = a ** 17")
    assert pad.error.text() == "Line 2, column 10: «the exponent must be between -16 and 16, got 17»"


def test_a_translation_with_wrong_placeholders_falls_back_to_the_english(qtbot, pad, qapp):
    broken = install(qapp, Marking({"{name} is not defined yet: assign it on an earlier line": "{nom} ?"}))
    try:
        type_text(qtbot, pad, "b = zz")
        assert pad.error.text() == "Line 1, column 5: zz is not defined yet: assign it on an earlier line"
    finally:
        qapp.removeTranslator(broken)

