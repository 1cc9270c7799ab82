"""Training controls: play / step / reset, speed, learning rate, optimizer, loss, batch and network."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.config import MAX_DEPTH, TrainConfig
from micrograd_gui.core.features import FEATURES, TITLES
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.losses import LOSS_TITLES
from micrograd_gui.core.nn import ACTIVATIONS
from micrograd_gui.core.optim import OPTIMIZER_TITLES

from .app_model import AppModel
from .fields import LogSlider, NumberField
from .flow_layout import FlowLayout
from .teacher_mode import Teacher, apply_locks
from .theme import set_text_colour

# titles in English, shown translated (context ControlsPanel)
SPEEDS = ((QT_TRANSLATE_NOOP("ControlsPanel", "As fast as possible"), 0.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "1000 steps/s"), 1000.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "300 steps/s"), 300.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "100 steps/s"), 100.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "30 steps/s"), 30.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "10 steps/s"), 10.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "3 steps/s"), 3.0),
          (QT_TRANSLATE_NOOP("ControlsPanel", "1 step/s"), 1.0))
BATCHES = (0, 1, 4, 8, 16, 32, 64, 128)
INITS = (("±1/√nin (LLM101n)", None), ("±1 (micrograd)", 1.0))
MAX_GUI_WIDTH = 32


class ControlsPanel(QWidget):
    """Shows the model's settings and run state; every change is an intent on the model."""

    def __init__(self, model: AppModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("controlsPanel")
        self.model = model
        # ---- run buttons
        self.play = QPushButton(self.tr("Play"))
        self.play.setObjectName("playButton")
        self.play.setToolTip(self.tr("Start or pause training (Space)"))
        self.step = QPushButton(self.tr("Step"))
        self.step.setObjectName("stepButton")
        self.step.setToolTip(self.tr("One training step (Right arrow)"))
        self.step10 = QPushButton(self.tr("Step ×10"))
        self.step10.setObjectName("step10Button")
        self.step10.setToolTip(self.tr("Ten training steps"))
        self.reset = QPushButton(self.tr("Reset"))
        self.reset.setObjectName("resetButton")
        self.reset.setToolTip(self.tr("Re-initialise the weights from the seed and apply network changes (R)"))
        for button in (self.play, self.step, self.step10, self.reset):
            button.setMinimumHeight(34)
        bold = QFont()  # only the weight is set, so the size still follows the window (presentation mode)
        bold.setBold(True)
        self.play.setFont(bold)
        self.play.clicked.connect(model.toggle_play)
        self.step.clicked.connect(lambda: model.step(1))
        self.step10.clicked.connect(lambda: model.step(10))
        self.reset.clicked.connect(lambda: model.reset())
        self.play_reason = QLabel()
        self.play_reason.setObjectName("playReason")
        self.play_reason.setWordWrap(True)
        set_text_colour(self.play_reason, "#8a5a00")
        self.play_reason.hide()
        self.speed = QComboBox()
        self.speed.setObjectName("speedLimit")
        for title, rate in SPEEDS:
            self.speed.addItem(self.tr(title), rate)
        self.speed.setToolTip(self.tr("Slow training down to follow it step by step"))
        self.speed.currentIndexChanged.connect(lambda _: model.set_rate(float(self.speed.currentData())))
        self.fast = QPushButton(self.tr("Fast"))
        self.fast.setObjectName("fastButton")
        self.fast.setCheckable(True)
        self.fast.setToolTip(self.tr("As fast as possible; click again for the pace chosen before"))
        self.fast.clicked.connect(self._on_fast_clicked)
        self._slow_rate = model.rate or 30.0

        # ---- optimisation (live)
        self.lr = NumberField(self.tr("Learning rate"), 0.1, 0.0, 100.0, lo_open=True)
        self.lr.edit.setObjectName("learningRateInput")
        self.lr.edit.setToolTip(self.tr("Step size; applies from the next step"))
        self.lr_slider = LogSlider(self.lr)
        self.lr_slider.slider.setObjectName("learningRateSlider")
        self.lr_slider.slider.setToolTip(self.tr("Learning rate on a logarithmic scale, from 0.0001 to 10"))
        self.optimizer = QComboBox()
        self.optimizer.setObjectName("optimizerChooser")
        for key, title in OPTIMIZER_TITLES.items():
            self.optimizer.addItem(QCoreApplication.translate("Optimizers", title), key)
        self.optimizer.setToolTip(self.tr("How gradients become updates; applies live"))
        self.momentum = NumberField(self.tr("Momentum"), 0.9, 0.0, 0.999)
        self.beta1 = NumberField("β1", 0.9, 0.0, 0.999)
        self.beta2 = NumberField("β2", 0.95, 0.0, 0.9999)
        self.momentum.edit.setObjectName("momentumInput")
        self.beta1.edit.setObjectName("beta1Input")
        self.beta2.edit.setObjectName("beta2Input")
        self.momentum.edit.setToolTip(self.tr("How much of the last update carries into the next one"))
        self.beta1.edit.setToolTip(self.tr("AdamW: decay of the running mean of gradients (m)"))
        self.beta2.edit.setToolTip(self.tr("AdamW: decay of the running mean of squared gradients (v)"))
        self.weight_decay = NumberField(self.tr("Weight decay"), 0.0, 0.0, 1.0)
        self.weight_decay.edit.setObjectName("weightDecayInput")
        self.weight_decay.edit.setToolTip(self.tr("AdamW: decoupled decay; SGD: added to the gradient"))
        self.lr_decay = QCheckBox(self.tr("Linear decay"))
        self.lr_decay.setObjectName("lrDecayToggle")
        self.lr_decay.setToolTip(self.tr("lr_k = lr · (1 − 0.9·k/steps), as in micrograd's demo"))
        self.l2 = NumberField("L2", 0.0, 0.0, 1.0)
        self.l2.edit.setObjectName("l2Input")
        self.l2.edit.setToolTip(self.tr("Adds α·Σp² to the loss"))
        self.l1 = NumberField("L1", 0.0, 0.0, 1.0)
        self.l1.edit.setObjectName("l1Input")
        self.l1.edit.setToolTip(self.tr("Adds α·Σ|p| to the loss: each weight's gradient gets α·sign(p), toward 0; "
                                        "a weight at exactly 0 gets nothing"))
        self.batch = QComboBox()
        self.batch.setObjectName("batchChooser")
        for size in BATCHES:
            text = (self.tr("Full batch") if size == 0 else self.tr("1 point") if size == 1
                    else self.tr("{n} points").format(n=size))
            self.batch.addItem(text, size)
        self.batch.setToolTip(self.tr("Mini-batches are drawn from the seed"))
        self._decay_steps = 100

        opt_form = QFormLayout()
        opt_form.addRow(self.tr("Learning rate"), self.lr_slider)
        opt_form.addRow(self.tr("Optimizer"), self.optimizer)
        self.opt_form = opt_form
        # the optimizer's finer settings, folded until asked for: a class sees the learning rate first
        self.more_opt = QWidget()
        more_form = QFormLayout(self.more_opt)
        more_form.setContentsMargins(0, 0, 0, 0)
        more_form.addRow(self.tr("Momentum"), self.momentum)
        more_form.addRow("β1", self.beta1)
        more_form.addRow("β2", self.beta2)
        more_form.addRow(self.tr("Weight decay"), self.weight_decay)
        more_form.addRow("", self.lr_decay)
        more_form.addRow(self.tr("L2 penalty"), self.l2)
        more_form.addRow(self.tr("L1 penalty"), self.l1)
        more_form.addRow(self.tr("Batch"), self.batch)
        self.more_form = more_form
        self.more_toggle = QToolButton()
        self.more_toggle.setObjectName("moreSettings")
        self.more_toggle.setCheckable(True)
        self.more_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_toggle.setAutoRaise(True)
        self.more_toggle.setToolTip(self.tr("Momentum, AdamW's betas, weight decay, L2 and L1 penalties and batch "
                                            "size"))
        self.more_toggle.toggled.connect(self._on_more_toggled)
        self._on_more_toggled(False)
        opt_box = QGroupBox(self.tr("Optimisation (applies live)"))
        self.opt_box = opt_box
        opt_lay = QVBoxLayout(opt_box)
        opt_lay.addLayout(opt_form)
        opt_lay.addWidget(self.more_toggle)
        opt_lay.addWidget(self.more_opt)

        # ---- network (on reset)
        self.loss = QComboBox()
        self.loss.setToolTip(self.tr("What the network minimises; applies on Reset"))
        self.loss.setObjectName("lossChooser")
        for key, title in LOSS_TITLES.items():
            self.loss.addItem(QCoreApplication.translate("Losses", title), key)
        self.stable = QCheckBox(self.tr("Stable softmax"))
        self.stable.setObjectName("stableSoftmaxToggle")
        self.stable.setToolTip(self.tr("Subtract max(logits) before exp; off reproduces LLM101n's reference exactly"))
        self.depth_input = QSpinBox()
        self.depth_input.setObjectName("depthInput")
        self.depth_input.setRange(0, MAX_DEPTH)
        self.depth_input.setToolTip(self.tr("Number of hidden layers (0: a linear model)"))
        self.widths: list[QSpinBox] = []
        self.widths_box = QWidget()
        width_row = QHBoxLayout(self.widths_box)
        width_row.setContentsMargins(0, 0, 0, 0)
        width_row.setSpacing(2)
        for i in range(MAX_DEPTH):
            s = QSpinBox()
            s.setObjectName(f"widthInput{i + 1}")
            s.setRange(1, MAX_GUI_WIDTH)
            s.setValue(8)
            s.setToolTip(self.tr("Neurons in hidden layer {n}").format(n=i + 1))
            self.widths.append(s)
            width_row.addWidget(s)
        self.activation = QComboBox()
        self.activation.setToolTip(self.tr("The nonlinearity of the hidden neurons; applies on Reset"))
        self.activation.setObjectName("activationChooser")
        for a in ACTIVATIONS:
            self.activation.addItem(a, a)
        self.init = QComboBox()
        self.init.setObjectName("initChooser")
        for title, scale in INITS:
            self.init.addItem(title, scale)
        self.init.setToolTip(self.tr("Initial weights: uniform in ±1/√(inputs) as LLM101n, or in ±1 as micrograd's "
                                     "nn.py"))
        # the network's inputs, as TensorFlow Playground offers them; each is built from x and y with Value ops
        self.features_box = QWidget()
        self.features_box.setObjectName("featureInputs")
        feature_row = FlowLayout(self.features_box)
        self.feature_boxes: dict[str, QCheckBox] = {}
        for f in FEATURES:
            box = QCheckBox(TITLES[f])
            box.setObjectName(f"feature_{f}")
            box.setToolTip(self.tr("Give the network {name} of each point as an input; applies on Reset")
                           .format(name=TITLES[f]))
            box.toggled.connect(self._on_features_edited)
            self.feature_boxes[f] = box
            feature_row.addWidget(box)
        self.pending = QLabel(self.tr("Network changes apply when you press Reset (R)."))
        self.pending.setObjectName("pendingNote")
        set_text_colour(self.pending, "#8a5a00", bold=True)
        self.pending.setWordWrap(True)
        self.pending.hide()
        net_form = QFormLayout()
        net_form.addRow(self.tr("Inputs"), self.features_box)
        net_form.addRow(self.tr("Hidden layers"), self.depth_input)
        net_form.addRow(self.tr("Neurons"), self.widths_box)
        net_form.addRow(self.tr("Activation"), self.activation)
        net_form.addRow(self.tr("Loss"), self.loss)
        net_form.addRow("", self.stable)
        net_form.addRow(self.tr("Init"), self.init)
        self.net_form = net_form
        net_box = QGroupBox(self.tr("Network (applies on Reset)"))
        self.net_box = net_box
        net_lay = QVBoxLayout(net_box)
        net_lay.addLayout(net_form)
        net_lay.addWidget(self.pending)

        buttons = QGridLayout()
        buttons.addWidget(self.play, 0, 0, 1, 3)
        buttons.addWidget(self.step, 1, 0)
        buttons.addWidget(self.step10, 1, 1)
        buttons.addWidget(self.reset, 1, 2)
        self.play.setMinimumHeight(42)
        self.set_running(False)
        self.speed_box = QWidget()
        speed_row = QHBoxLayout(self.speed_box)
        speed_row.setContentsMargins(0, 0, 0, 0)
        speed_row.addWidget(QLabel(self.tr("Speed")))
        speed_row.addWidget(self.speed, 1)
        speed_row.addWidget(self.fast)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(buttons)
        lay.addWidget(self.play_reason)
        lay.addWidget(self.speed_box)
        lay.addWidget(opt_box)
        lay.addWidget(net_box)
        lay.addStretch(1)

        # each widget edits its own setting, so a setting no widget shows (a width of 64) survives other edits
        opt = model.edit_optimizer
        self.lr.value_changed.connect(lambda v: opt(lr=v))
        self.momentum.value_changed.connect(lambda v: opt(momentum=v))
        self.beta1.value_changed.connect(lambda v: opt(beta1=v))
        self.beta2.value_changed.connect(lambda v: opt(beta2=v))
        self.weight_decay.value_changed.connect(lambda v: opt(weight_decay=v))
        self.lr_decay.toggled.connect(lambda b: opt(lr_decay=b))
        self.optimizer.currentIndexChanged.connect(lambda _i: opt(kind=self.optimizer.currentData()))
        self.l2.value_changed.connect(lambda v: model.edit(l2=v))
        self.l1.value_changed.connect(lambda v: model.edit(l1=v))
        self.batch.currentIndexChanged.connect(lambda _i: model.edit(batch_size=int(self.batch.currentData())))
        self.optimizer.currentIndexChanged.connect(self._show_optimizer_fields)
        self.depth_input.valueChanged.connect(self._show_widths)
        self.loss.currentIndexChanged.connect(lambda _i: model.edit(loss=self.loss.currentData()))
        self.activation.currentIndexChanged.connect(lambda _i: model.edit(activation=self.activation.currentData()))
        self.init.currentIndexChanged.connect(lambda _i: model.edit(init_scale=self.init.currentData()))
        self.stable.toggled.connect(lambda b: model.edit(stable_softmax=b))
        for s in (self.depth_input, *self.widths):
            s.valueChanged.connect(self._on_hidden_edited)

        for combo in (self.speed, self.optimizer, self.batch, self.loss, self.activation, self.init):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)  # never cut: "Hinge (max-margin"
        self.set_config(model.edited)
        self.set_play_blocked(model.play_reason())
        self._on_rate_changed(model.rate)
        model.settings_changed.connect(self.set_config)
        model.pending_changed.connect(self.set_pending)
        model.play_blocked.connect(self.set_play_blocked)
        model.rate_changed.connect(self._on_rate_changed)
        model.teacher_changed.connect(self._on_teacher_changed)
        model.controller.running_changed.connect(self.set_running)

    def _on_hidden_edited(self) -> None:
        self.model.edit(hidden=tuple(self.widths[i].value() for i in range(self.depth_input.value())))

    def _on_features_edited(self) -> None:
        chosen = tuple(f for f, box in self.feature_boxes.items() if box.isChecked())
        self._show_features(chosen)
        self.model.edit(features=chosen)

    def _show_features(self, chosen: tuple[str, ...]) -> None:
        """The last chosen input cannot be unticked: a network needs at least one."""
        for f, box in self.feature_boxes.items():
            last = chosen == (f,)
            box.setEnabled(not last)
            box.setToolTip(self.tr("The network needs at least one input: tick another one first") if last else
                           self.tr("Give the network {name} of each point as an input; applies on Reset")
                           .format(name=TITLES[f]))

    def _on_fast_clicked(self, on: bool) -> None:
        self.model.set_rate(0.0 if on else self._slow_rate)

    def _on_more_toggled(self, on: bool) -> None:
        self.more_opt.setVisible(on)
        self.more_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.more_toggle.setText(self.tr("Fewer settings") if on else self.tr("More settings"))

    @Slot(float)
    def _on_rate_changed(self, rate: float) -> None:
        if rate:
            self._slow_rate = rate
        self.fast.setChecked(rate == 0)
        i = self.speed.findData(rate)
        if i >= 0 and i != self.speed.currentIndex():
            self.speed.blockSignals(True)
            self.speed.setCurrentIndex(i)
            self.speed.blockSignals(False)

    @Slot(object)
    def _on_teacher_changed(self, teacher: Teacher) -> None:
        c = self
        apply_locks({"speed": [c.speed_box], "learning_rate": [c.lr_slider],
                     "optimizer": [c.optimizer, c.momentum, c.beta1, c.beta2, c.weight_decay, c.lr_decay],
                     "l2": [c.l2], "l1": [c.l1], "batch": [c.batch], "network": [c.net_box], "reset": [c.reset]},
                    teacher)
        # rows that depend on the current choice (momentum or betas, one box per layer) are decided again
        if "optimizer" not in teacher.hidden:
            self._show_optimizer_fields()
        if "network" not in teacher.hidden:
            self._show_widths()

    # ---- config <-> widgets -------------------------------------------------------------------
    def set_config(self, c: TrainConfig) -> None:
        widgets = (self.optimizer, self.batch, self.loss, self.stable, self.depth_input, self.activation, self.init,
                   self.lr_decay, *self.widths, *self.feature_boxes.values())
        for w in widgets:
            w.blockSignals(True)
        o = c.optimizer
        self.lr.set_value(o.lr)
        self.lr_slider._sync_from_field(o.lr)
        self.optimizer.setCurrentIndex(self.optimizer.findData(o.kind))
        self.momentum.set_value(o.momentum)
        self.beta1.set_value(o.beta1)
        self.beta2.set_value(o.beta2)
        self.weight_decay.set_value(o.weight_decay)
        self.lr_decay.setChecked(o.lr_decay)
        self._decay_steps = o.decay_steps
        self.l2.set_value(c.l2)
        self.l1.set_value(c.l1)
        self._offer(self.batch, len(BATCHES), c.batch_size, self.tr("{n} points").format(n=c.batch_size))
        self.loss.setCurrentIndex(self.loss.findData(c.loss))
        self.stable.setChecked(c.stable_softmax)
        self.depth_input.setValue(len(c.hidden))
        for i, s in enumerate(self.widths):  # a session's wider layer (up to the core's limit) is shown as it is
            h = c.hidden[i] if i < len(c.hidden) else 0
            s.setMaximum(max(MAX_GUI_WIDTH, h))
            if h:
                s.setValue(h)
        self.activation.setCurrentIndex(self.activation.findData(c.activation))
        self._offer(self.init, len(INITS), c.init_scale, "" if c.init_scale is None else f"±{c.init_scale:g}")
        for f, box in self.feature_boxes.items():
            box.setChecked(f in c.features)
        self._show_features(c.features)
        for w in widgets:
            w.blockSignals(False)
        self._show_optimizer_fields()
        self._show_widths()

    @staticmethod
    def _offer(combo: QComboBox, usual: int, value: object, title: str) -> None:
        """Select value; one the usual choices lack (a session's batch of 5) is shown as an extra choice, so it is
        shown as it is and kept until the user picks another (signals are blocked by the caller)."""
        while combo.count() > usual:  # the extra choice of the session before
            combo.removeItem(combo.count() - 1)
        found = [i for i in range(usual) if combo.itemData(i) == value]  # in Python: None and 0.5 compare as such
        if not found:
            combo.addItem(title, value)
        combo.setCurrentIndex(found[0] if found else usual)

    # ---- state shown ------------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        self.play.setText(self.tr("Pause") if running else self.tr("Play"))
        icon = QStyle.StandardPixmap.SP_MediaPause if running else QStyle.StandardPixmap.SP_MediaPlay
        self.play.setIcon(self.style().standardIcon(icon))

    def set_play_blocked(self, reason: str) -> None:
        """Disable Play and Step with the reason shown, or enable them when reason is ''."""
        for b in (self.play, self.step, self.step10):
            b.setEnabled(not reason)
        self.play_reason.setText(reason)
        self.play_reason.setVisible(bool(reason))

    def set_pending(self, pending: bool) -> None:
        self.pending.setVisible(pending)

    def _show_optimizer_fields(self) -> None:
        kind = self.optimizer.currentData()
        for field, visible in ((self.momentum, kind == "momentum"), (self.beta1, kind == "adamw"),
                               (self.beta2, kind == "adamw"), (self.lr_decay, kind != "adamw")):
            field.setVisible(visible)
            label = self.more_form.labelForField(field)
            if label is not None:
                label.setVisible(visible)

    def _show_widths(self) -> None:
        for i, s in enumerate(self.widths):
            s.setVisible(i < self.depth_input.value())
