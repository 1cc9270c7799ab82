"""Dataset chooser (kind, n, noise, classes, train share), Regenerate, the class palette, Clear, Undo and Redo."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.config import TrainConfig
from micrograd_gui.core.datasets import (
    KINDS,
    MAX_CLASSES,
    MAX_POINTS,
    TEST,
    TRAIN,
    TRAIN_SHARES,
    VAL,
    Dataset,
    DatasetSpec,
)

from .app_model import AppModel, ViewOptions
from .teacher_mode import Teacher, apply_locks
from .theme import PALETTES, set_text_colour


class DatasetPanel(QWidget):
    """The dataset and the point-editing tools; each change is an intent on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("datasetPanel")
        self.model = model
        self.chooser = QComboBox()
        self.chooser.setObjectName("datasetChooser")
        for k in KINDS.values():
            self.chooser.addItem(QCoreApplication.translate("Datasets", k.title), k.name)
        self.chooser.setToolTip(self.tr("Which dataset Regenerate draws"))
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.n = QSpinBox()
        self.n.setObjectName("pointsInput")
        self.n.setRange(0, MAX_POINTS)
        self.n.setSingleStep(20)
        self.n.setToolTip(self.tr("How many points to draw (at most {n})").format(n=MAX_POINTS))
        self.noise = QDoubleSpinBox()
        self.noise.setObjectName("noiseInput")
        self.noise.setRange(0.0, 2.0)
        self.noise.setSingleStep(0.05)
        self.noise.setToolTip(self.tr("Gaussian noise added to each point"))
        self.classes = QSpinBox()
        self.classes.setObjectName("classesInput")
        self.classes.setRange(2, MAX_CLASSES)
        self.classes.setToolTip(self.tr("Number of classes (as many as the dataset allows)"))
        self.train_share = QSpinBox()
        self.train_share.setObjectName("trainShareInput")
        self.train_share.setRange(*TRAIN_SHARES)
        self.train_share.setSingleStep(5)
        self.train_share.setSuffix(" %")
        self.train_share.setToolTip(self.tr("The share of the drawn points that trains; the rest is split evenly "
                                            "between validation and test. Regenerate applies it"))
        self.rest_share = QLabel()  # what the validation and test splits get
        self.train_share.valueChanged.connect(self._show_rest_share)
        self.share_row = share_row = QWidget()
        share_lay = QHBoxLayout(share_row)
        share_lay.setContentsMargins(0, 0, 0, 0)
        share_lay.addWidget(self.train_share)
        share_lay.addWidget(self.rest_share, 1)
        self.seed = QSpinBox()
        self.seed.setObjectName("seedInput")
        self.seed.setRange(1, 2**31 - 1)
        self.seed.setToolTip(self.tr("One seed reproduces the data, the initial weights and the mini-batches; "
                                     "Regenerate or Reset applies it"))
        self.seed.valueChanged.connect(lambda v: model.edit(seed=v))
        self.regenerate = QPushButton(self.tr("Regenerate"))
        self.regenerate.setObjectName("regenerateButton")
        self.regenerate.setToolTip(self.tr("Draw a new dataset from the seed; the model is re-initialised"))
        self.chooser.currentIndexChanged.connect(self._on_kind_changed)
        self.regenerate.clicked.connect(self._on_regenerate)

        form = QFormLayout()
        self.form = form
        form.addRow(self.tr("Dataset"), self.chooser)
        form.addRow(self.tr("Points"), self.n)
        form.addRow(self.tr("Noise"), self.noise)
        form.addRow(self.tr("Classes"), self.classes)
        form.addRow(self.tr("Train share"), share_row)
        form.addRow(self.tr("Seed"), self.seed)

        # the palette: the class a click adds (keys 1-6)
        self.class_buttons = QButtonGroup(self)
        self.class_buttons.setExclusive(True)
        pal = QHBoxLayout()
        pal.setSpacing(3)
        for c in range(MAX_CLASSES):
            b = QPushButton(str(c + 1))
            b.setObjectName(f"classButton{c + 1}")
            b.setCheckable(True)
            b.setMinimumSize(34, 30)
            bold = QFont()  # weight only: the size follows the window
            bold.setBold(True)
            b.setFont(bold)
            b.setToolTip(self.tr("Clicks add class {n} points (key {n})").format(n=c + 1))
            self.class_buttons.addButton(b, c)
            pal.addWidget(b)
        pal.addStretch(1)
        self.class_buttons.idClicked.connect(model.set_active_class)
        self.class_hint = QLabel()
        self.class_hint.setObjectName("classHint")
        self.class_hint.setWordWrap(True)
        set_text_colour(self.class_hint, "#8a5a00")
        self.class_hint.hide()

        self.clear = QPushButton(self.tr("Clear"))
        self.clear.setObjectName("clearButton")
        self.clear.setToolTip(self.tr("Remove every point (undoable)"))
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setObjectName("undoButton")
        self.undo.setToolTip(self.tr("Undo the last data edit (Ctrl+Z)"))
        self.redo = QPushButton(self.tr("Redo"))
        self.redo.setObjectName("redoButton")
        self.redo.setToolTip(self.tr("Redo (Ctrl+Shift+Z)"))
        self.clear.clicked.connect(model.clear_points)
        self.undo.clicked.connect(model.undo)
        self.redo.clicked.connect(model.redo)
        edits = QGridLayout()  # two by two: the panel stays narrow with presentation-size fonts
        for i, b in enumerate((self.regenerate, self.clear, self.undo, self.redo)):
            edits.addWidget(b, i // 2, i % 2)

        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addLayout(edits)
        lay.addWidget(QLabel(self.tr("Click adds class:")))
        lay.addLayout(pal)
        lay.addWidget(self.class_hint)
        lay.addLayout(self._split_row())
        lay.addStretch(1)

        self.set_config(model.edited)
        self._on_data_changed(model.data)
        self.set_active_class(model.active_class)
        self.set_palette(model.view.palette)
        self._sync_undo()
        model.settings_changed.connect(self.set_config)
        model.data_changed.connect(self._on_data_changed)
        model.active_class_changed.connect(self.set_active_class)
        model.capacity_changed.connect(self._update_hint)
        model.view_changed.connect(self._on_view_changed)
        model.teacher_changed.connect(self._on_teacher_changed)
        # the flags the signals carry, not the stack's: it may be emitting from its destructor
        model.undo_stack.canUndoChanged.connect(self._on_can_undo)
        model.undo_stack.canRedoChanged.connect(self._on_can_redo)

    def _split_row(self) -> QHBoxLayout:
        """Which split a click adds to: train by default, so a student's own points all train."""
        self.split_buttons = QButtonGroup(self)
        row = QHBoxLayout()
        row.setSpacing(3)
        row.addWidget(QLabel(self.tr("New points:")))
        for split, text, name, tip in (
                (TRAIN, self.tr("train"), "newSplitTrain", self.tr("New points train the model")),
                (VAL, self.tr("validation"), "newSplitVal", self.tr("New points measure the validation loss")),
                (TEST, self.tr("test"), "newSplitTest", self.tr("New points are never trained on: the test"))):
            b = QPushButton(text)
            b.setObjectName(name)
            b.setCheckable(True)
            b.setToolTip(tip + self.tr(" (Alt-click a point to change its split)"))
            self.split_buttons.addButton(b, split)
            row.addWidget(b)
        row.addStretch(1)
        self.split_buttons.button(self.model.new_split).setChecked(True)
        self.split_buttons.idClicked.connect(self.model.set_new_split)
        self.model.new_split_changed.connect(lambda s: self.split_buttons.button(s).setChecked(True))
        return row

    @Slot(object)
    def _on_data_changed(self, data: Dataset) -> None:
        """Hand-placed points: the counts show the points there are (Regenerate would clear them)."""
        if self.chooser.currentData() == "hand":
            for box, value in ((self.n, len(data)), (self.classes, len(data.classes_present()))):
                box.blockSignals(True)
                box.setValue(value)
                box.blockSignals(False)

    # ---- state in -----------------------------------------------------------------------------
    @Slot(object)
    def set_config(self, config: TrainConfig) -> None:
        self.set_spec(config.dataset)
        self.seed.blockSignals(True)
        self.seed.setValue(config.seed)
        self.seed.blockSignals(False)

    def set_spec(self, spec: DatasetSpec) -> None:
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(self.chooser.findData(spec.kind))
        self.chooser.blockSignals(False)
        self._apply_kind_limits(spec.kind)
        self.n.setValue(spec.n)
        self.noise.setValue(spec.noise)
        self.classes.setValue(spec.classes)
        self.train_share.setValue(spec.train_share)
        self._show_rest_share(spec.train_share)

    def spec(self) -> DatasetSpec:
        return DatasetSpec(self.chooser.currentData(), self.n.value(), round(self.noise.value(), 4),
                           self.classes.value(), train_share=self.train_share.value())

    def _show_rest_share(self, train: int) -> None:
        rest = f"{(100 - train) / 2:g}"
        self.rest_share.setText(self.tr("val {val} % · test {test} %").format(val=rest, test=rest))

    @Slot(int)
    def set_active_class(self, c: int) -> None:
        self.class_buttons.button(c).setChecked(True)
        self._update_hint()

    def _update_hint(self) -> None:
        c = self.model.active_class
        self.set_hint(self.tr("Class {n} is new to the model: adding one grows the output layer to {n} outputs and "
                              "re-initialises the weights.").format(n=c + 1) if c >= self.model.capacity else "")

    @Slot(object)
    def _on_view_changed(self, view: ViewOptions) -> None:
        self.set_palette(view.palette)

    @Slot(bool)
    def _on_can_undo(self, can: bool) -> None:
        if "points" not in self.model.teacher.locked:
            self.undo.setEnabled(can)

    @Slot(bool)
    def _on_can_redo(self, can: bool) -> None:
        if "points" not in self.model.teacher.locked:
            self.redo.setEnabled(can)

    def _sync_undo(self) -> None:
        stack = self.model.undo_stack
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())

    @Slot(object)
    def _on_teacher_changed(self, teacher: Teacher) -> None:
        apply_locks({"dataset": [self.chooser, self.n, self.noise, self.classes, self.share_row, self.regenerate],
                     "seed": [self.seed],
                     "points": [self.clear, self.undo, self.redo, *self.class_buttons.buttons()]}, teacher)
        # what the data decides is enabled again: noise and count by dataset, Undo and Redo by the edit history
        if "dataset" not in teacher.locked:
            self._apply_kind_limits(self.chooser.currentData())
        if "points" not in teacher.locked:
            self._sync_undo()

    def set_palette(self, name: str) -> None:
        for c, col in enumerate(PALETTES[name]):
            self.class_buttons.button(c).setStyleSheet(
                f"QPushButton {{ background: {col}; color: white; border-radius: 4px; }}"
                f"QPushButton:checked {{ border: 3px solid #111; }}")

    def set_hint(self, text: str) -> None:
        self.class_hint.setText(text)
        self.class_hint.setVisible(bool(text))

    # ---- internals ----------------------------------------------------------------------------
    def _apply_kind_limits(self, kind: str) -> None:
        k = KINDS[kind]
        self.classes.setRange(k.min_classes, k.max_classes)
        self.noise.setEnabled(k.uses_noise)
        self.n.setEnabled(kind != "hand")
        self.train_share.setEnabled(kind != "hand")  # hand-placed points take the split chosen below

    def _on_kind_changed(self) -> None:
        kind = self.chooser.currentData()
        k = KINDS[kind]
        self._apply_kind_limits(kind)
        self.classes.setValue(k.default_classes)
        self.noise.setValue(k.default_noise)
        if kind != "hand" and self.n.value() == 0:
            self.n.setValue(100)

    def _on_regenerate(self) -> None:
        self.model.regenerate(self.spec())
