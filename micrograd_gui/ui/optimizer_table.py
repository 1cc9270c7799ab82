"""The optimizer table: every parameter with its value, gradient, optimizer moments and last update."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.names import parameter_names
from micrograd_gui.core.optim import OPTIMIZER_TITLES
from micrograd_gui.core.snapshot import Snapshot

from .app_model import AppModel
from .graph_items import fmt

# English titles and tips, shown translated (context ParameterModel)
COLUMNS = (QT_TRANSLATE_NOOP("ParameterModel", "parameter"), QT_TRANSLATE_NOOP("ParameterModel", "value"),
           QT_TRANSLATE_NOOP("ParameterModel", "grad"), "m", "v", QT_TRANSLATE_NOOP("ParameterModel", "update"))
VALUE, GRAD, M, V, UPDATE = range(1, 6)
TOP_UPDATES = 5  # rows with the largest |update| are highlighted
HIGHLIGHT = QColor("#ffe08a")
HEADER_TIPS = {
    "adamw": (QT_TRANSLATE_NOOP("ParameterModel", "AdamW's first moment: a running mean of the gradient"),
              QT_TRANSLATE_NOOP("ParameterModel", "AdamW's second moment: a running mean of the squared gradient")),
    "momentum": (QT_TRANSLATE_NOOP("ParameterModel", "The momentum buffer: buf = momentum × buf + grad"),
                 QT_TRANSLATE_NOOP("ParameterModel", "SGD with momentum keeps no second moment")),
    "sgd": (QT_TRANSLATE_NOOP("ParameterModel", "Plain SGD keeps no state"),
            QT_TRANSLATE_NOOP("ParameterModel", "Plain SGD keeps no state")),
}
Index = QModelIndex | QPersistentModelIndex


class ParameterModel(QAbstractTableModel):
    """One row a parameter; sorted with numpy (a permutation), so a refresh of 20,000 rows stays cheap."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.names: list[str] = []
        self.table = np.zeros((0, len(COLUMNS)))  # column 0 holds the parameter's index; NaN shows blank
        self.order = np.zeros(0, dtype=np.intp)  # shown row -> parameter
        self.top: set[int] = set()  # parameters with the largest |update|
        self.kind = "adamw"
        self.sort_column, self.sort_order = 0, Qt.SortOrder.AscendingOrder
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.order)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
                   ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == M and self.kind == "momentum":
                return self.tr("momentum buf")
            return self.tr(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {0: self.tr("w[layer][neuron][input] or b[layer][neuron]"), VALUE: self.tr("The parameter now"),
                    GRAD: self.tr("dLoss/dparameter of the last step"),
                    UPDATE: self.tr("How much the last step changed the parameter (new − old)")}
            if section in (M, V):
                tip = HEADER_TIPS.get(self.kind, ("", ""))[section - M]
                return self.tr(tip) if tip else ""
            return tips.get(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        p = int(self.order[index.row()])
        c = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if c == 0:
                return self.names[p]
            v = float(self.table[p, c])
            return "" if np.isnan(v) else fmt(v)
        if role == Qt.ItemDataRole.UserRole:  # the exact number behind the text
            return p if c == 0 else float(self.table[p, c])
        if role == Qt.ItemDataRole.ToolTipRole and c:
            v = float(self.table[p, c])
            return None if np.isnan(v) else repr(v)
        if role == Qt.ItemDataRole.TextAlignmentRole and c:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if p in self.top:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.BackgroundRole:
                return HIGHLIGHT
        return None

    # ---- contents ---------------------------------------------------------------------------
    def set_state(self, names: list[str], columns: list[np.ndarray | None], kind: str) -> None:
        """New numbers (value, grad, m, v, update; None for blank); the shape resets only when it changes."""
        n = len(names)
        table = np.full((n, len(COLUMNS)), np.nan)
        table[:, 0] = np.arange(n)
        for c, col in enumerate(columns, start=1):
            if col is not None and len(col) == n:
                table[:, c] = col
        upd = np.abs(np.nan_to_num(table[:, UPDATE], nan=0.0))
        k = min(TOP_UPDATES, n)
        top = {int(i) for i in np.argpartition(-upd, k - 1)[:k] if upd[i] > 0} if k else set()
        if names != self.names:
            self.beginResetModel()
            self.names, self.table, self.top = names, table, top
            self.order = self._sorted()
            self.endResetModel()
        else:
            self.table, self.top = table, top
            self._resort()
            if n:
                self.dataChanged.emit(self.index(0, 0), self.index(n - 1, len(COLUMNS) - 1))
        if kind != self.kind:
            self.kind = kind
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, M, V)

    # ---- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self._resort()

    def _sorted(self) -> np.ndarray:
        key = self.table[:, self.sort_column]
        if self.sort_order == Qt.SortOrder.DescendingOrder:
            key = -key
        key = np.where(np.isnan(key), np.inf, key)  # blanks last either way
        return np.lexsort((self.table[:, 0], key)).astype(np.intp)  # ties keep theta's order

    def _resort(self) -> None:
        order = self._sorted()
        if np.array_equal(order, self.order):
            return
        self.layoutAboutToBeChanged.emit()
        row_of = np.empty(len(order), dtype=np.intp)
        row_of[order] = np.arange(len(order))
        old = self.persistentIndexList()
        new = [self.index(int(row_of[self.order[i.row()]]), i.column()) for i in old]
        self.order = order
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


class OptimizerTable(QWidget):
    """Shows the optimizer state the worker copies into snapshots while this table is visible."""

    def __init__(self, app: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("optimizerTable")
        self.model = ParameterModel(self)  # the table's Qt model; `app` is the application's
        app.snapshot.connect(self.set_snapshot)
        self.view = QTableView()
        self.view.setObjectName("optimizerTableView")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.summary = QLabel(self.tr("The optimizer's state appears after the table is shown."))
        self.summary.setObjectName("optimizerSummary")
        self.summary.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(2, 2, 2, 2)
        lay.addWidget(self.summary)
        lay.addWidget(self.view, 1)

    def set_snapshot(self, snap: Snapshot) -> None:
        if snap.opt_m is None:
            return
        sizes = (len(snap.config.features), *snap.config.hidden, snap.num_outputs)
        names = parameter_names(sizes)
        if len(names) != snap.theta.size:
            return
        kind = snap.config.optimizer.kind
        m = snap.opt_m if kind != "sgd" else None
        v = snap.opt_v if kind == "adamw" else None
        self.model.set_state(names, [snap.theta, snap.grads, m, v, snap.last_update], kind)
        o = snap.config.optimizer
        title = QCoreApplication.translate("Optimizers", OPTIMIZER_TITLES.get(kind, kind))
        summary = (self.tr("{optimizer}, lr {lr} (decaying), after step {step} · {n} parameters · the {top} largest "
                           "|update| are highlighted · click a column title to sort") if o.lr_decay else
                   self.tr("{optimizer}, lr {lr}, after step {step} · {n} parameters · the {top} largest |update| are "
                           "highlighted · click a column title to sort"))
        self.summary.setText(summary.format(optimizer=title, lr=f"{o.lr:g}", step=snap.step, n=len(names),
                                            top=TOP_UPDATES))
