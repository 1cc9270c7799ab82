"""The optimizer table: a row a parameter with the snapshot's numbers, sorting, the biggest updates marked."""

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from uihelpers import wait_snapshot

from micrograd_gui.core.trainer import Trainer
from micrograd_gui.ui.graph_items import fmt
from micrograd_gui.ui.optimizer_table import GRAD, TOP_UPDATES, UPDATE, VALUE, M, V, parameter_names

USER = Qt.ItemDataRole.UserRole


@pytest.fixture
def owindow(window, qtbot):
    qtbot.keyClick(window, Qt.Key.Key_O)
    wait_snapshot(qtbot, window, lambda s: s.opt_m is not None)
    return window


def stepped(qtbot, w, n=10):
    """Take n steps with the button; the snapshot after them once the table shows it."""
    target = w.controller.last.step + n
    for _ in range(n // 10):
        w.controls.step10.click()
    for _ in range(n % 10):
        w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == target and s.opt_m is not None)
    qtbot.waitUntil(lambda: f"after step {target} " in w.optimizer_table.summary.text())
    return snap


def rows(table):
    """(parameter index, name, value, grad, m, v, update) in display order, as the view's model gives them."""
    m = table.view.model()
    out = []
    for r in range(m.rowCount()):
        out.append((m.data(m.index(r, 0), USER), m.data(m.index(r, 0)),
                    *[m.data(m.index(r, c), USER) for c in (VALUE, GRAD, M, V, UPDATE)]))
    return out


def click_header(qtbot, table, column):
    h = table.view.horizontalHeader()
    x = h.sectionViewportPosition(column) + h.sectionSize(column) // 2
    qtbot.mouseClick(h.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, h.height() // 2))


def test_o_toggles_the_dock_and_the_state_only_comes_while_it_shows(qtbot, window):
    w = window
    assert not w.optimizer_dock.isVisible() and w.controller.last.opt_m is None
    qtbot.keyClick(w, Qt.Key.Key_O)
    assert w.optimizer_dock.isVisible() and w.optimizer_dock.objectName() == "optimizerDock"
    assert w.findChild(QWidget, "optimizerTable") is w.optimizer_table
    wait_snapshot(qtbot, w, lambda s: s.opt_m is not None)
    qtbot.keyClick(w, Qt.Key.Key_O)
    assert not w.optimizer_dock.isVisible()
    w.controls.step.click()
    snap = wait_snapshot(qtbot, w, lambda s: s.step == 1)
    assert snap.opt_m is None and snap.last_update is None


def test_one_row_per_parameter_with_the_snapshots_numbers(qtbot, owindow):
    w = owindow
    previous = stepped(qtbot, w, 11).theta
    snap = stepped(qtbot, w, 1)
    assert np.array_equal(snap.last_update, snap.theta - previous)  # the update is what the step did
    table = w.optimizer_table
    names = [p.label for p in Trainer(snap.config).model.parameters()]
    assert parameter_names((2, 8, 3)) == names
    got = rows(table)
    assert len(got) == snap.theta.size == 2 * 8 + 8 + 8 * 3 + 3 == 51
    assert [r[0] for r in got] == list(range(51)) and [r[1] for r in got] == names
    for col, arr in ((2, snap.theta), (3, snap.grads), (4, snap.opt_m), (5, snap.opt_v), (6, snap.last_update)):
        assert np.array_equal([r[col] for r in got], arr)
    assert all(not a.flags.writeable for a in (snap.opt_m, snap.opt_v, snap.last_update, snap.grads))
    m = table.view.model()
    assert m.data(m.index(3, VALUE)) == fmt(snap.theta[3]) and m.data(m.index(3, V)) == fmt(snap.opt_v[3])


def test_sorting_by_any_column_with_a_click_on_its_title(qtbot, owindow):
    w = owindow
    table = w.optimizer_table
    snap = stepped(qtbot, w, 10)
    click_header(qtbot, table, UPDATE)
    got = rows(table)
    assert [r[6] for r in got] == sorted(snap.last_update)
    assert [r[0] for r in got] == list(np.argsort(snap.last_update, kind="stable"))  # rows move whole
    click_header(qtbot, table, UPDATE)
    assert [r[6] for r in rows(table)] == sorted(snap.last_update, reverse=True)
    click_header(qtbot, table, GRAD)
    assert [r[3] for r in rows(table)] == sorted(snap.grads)
    click_header(qtbot, table, 0)
    assert [r[1] for r in rows(table)] == parameter_names((2, 8, 3))  # by name: theta's order
    click_header(qtbot, table, VALUE)
    table.view.selectRow(0)
    chosen = rows(table)[0][0]
    snap = stepped(qtbot, w, 10)  # new numbers re-sort live; the selection follows its parameter
    assert [r[2] for r in rows(table)] == sorted(snap.theta)
    selected = table.view.selectionModel().selectedRows()
    assert [table.view.model().data(i, USER) for i in selected] == [chosen]


def test_the_largest_updates_are_highlighted(qtbot, owindow):
    w = owindow
    table = w.optimizer_table
    snap = stepped(qtbot, w, 10)
    m = table.view.model()
    marked = {m.data(m.index(r, 0), USER) for r in range(m.rowCount())
              if m.data(m.index(r, UPDATE), Qt.ItemDataRole.BackgroundRole) is not None}
    top = set(np.argsort(-np.abs(snap.last_update), kind="stable")[:TOP_UPDATES].tolist())
    assert marked == top and len(marked) == TOP_UPDATES
    bold = [r for r in range(m.rowCount()) if m.data(m.index(r, VALUE), Qt.ItemDataRole.FontRole) is not None]
    assert {m.data(m.index(r, 0), USER) for r in bold} == top


def test_momentum_shows_its_buffer_as_m_and_no_v(qtbot, owindow):
    w = owindow
    w.controls.optimizer.setCurrentIndex(w.controls.optimizer.findData("momentum"))
    snap = stepped(qtbot, w, 3)
    assert snap.config.optimizer.kind == "momentum"
    table = w.optimizer_table
    m = table.view.model()
    assert m.headerData(M, Qt.Orientation.Horizontal) == "momentum buf"
    assert [r[4] for r in rows(table)] == list(snap.opt_m) and np.any(snap.opt_m != 0)
    assert all(m.data(m.index(r, V)) == "" for r in range(m.rowCount()))
    assert "SGD + momentum" in table.summary.text()
