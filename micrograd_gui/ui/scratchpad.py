"""The Scratchpad: type micrograd code, see its graph; drag a leaf and watch every value and gradient move.

The text is checked by the core's whitelisting parser (never eval or exec) and built on the app's engine here, on the
GUI thread: these Values are the Scratchpad's own, bounded by the parser's limits, and never shared with training."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Slot
from PySide6.QtGui import QFont, QFontDatabase, QShowEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from micrograd_gui.core.graph.trace import trace_values
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP
from micrograd_gui.core.scratch import EXAMPLES, Program, ScratchError, build, numerical_grads, parse

from .scratch_leaves import LeafControls
from .scratch_model import ScratchModel
from .value_graph_panel import ValueGraphPanel

DEBOUNCE_MS = 300  # typing pauses this long before the graph is rebuilt
NUMERIC_BUDGET = 40_000  # nodes built for the numerical gradients per change: fewer leaves checked in big graphs
EXAMPLE_TITLES = {  # the examples' names in the menu, translated in the "Scratchpad" context
    "product": QT_TRANSLATE_NOOP("Scratchpad", "c = a*b + b**2"),
    "neuron": QT_TRANSLATE_NOOP("Scratchpad", "One neuron: o = tanh(x1*w1 + x2*w2 + b)"),
    "tanh-exp": QT_TRANSLATE_NOOP("Scratchpad", "The neuron with tanh written with exp"),
    "reuse": QT_TRANSLATE_NOOP("Scratchpad", "A node used twice: b = a + a"),
}


class Scratchpad(QWidget):
    """Editor, examples and leaf sliders on the left, the expression's graph (ValueGraphPanel) on the right."""

    def __init__(self, model: ScratchModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scratchpad")
        self.model = model
        self.program: Program | None = None  # the last text that parsed: its graph stays while the text does not
        self.sized = False  # the editor's share of the width set once, at the first show
        self.refused: ScratchError | None = None  # why the text on show does not parse, if it does not
        self.examples = QComboBox()
        self.examples.setObjectName("scratchExamples")
        self.examples.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.examples.setMinimumContentsLength(10)  # long example titles must not widen the editor's column
        self.examples.addItem(self.tr("Examples…"), "")
        for key in EXAMPLES:
            self.examples.addItem(QCoreApplication.translate("Scratchpad", EXAMPLE_TITLES[key]), key)
        self.examples.setToolTip(self.tr("Replace the text with a ready example (Ctrl+Z in the text brings yours "
                                         "back)"))
        self.examples.activated.connect(self._on_example)
        self.reset_values = QPushButton(self.tr("Values from the text"))
        self.reset_values.setObjectName("scratchResetValues")
        self.reset_values.setToolTip(self.tr("Put every leaf back to the number written in the text"))
        self.reset_values.clicked.connect(lambda: self.model.forget(set(self.model.values)))
        self.text = QPlainTextEdit()
        self.text.setObjectName("scratchText")
        self._monospace()
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.text.setTabChangesFocus(True)  # Tab leaves the editor, as in the other fields
        self.text.setPlaceholderText(self.tr("a = Value(2.0, label='a')\nb = Value(-3.0, label='b')\n"
                                             "c = a*b + b**2"))
        self.text.setAccessibleName(self.tr("micrograd code"))
        self.error = QLabel()
        self.error.setObjectName("scratchError")
        self.error.setWordWrap(True)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet("color: #b3261e; font-weight: bold")
        self.leaves = LeafControls()
        self.leaves.value_edited.connect(self.model.set_value)
        leaf_scroll = QScrollArea()
        leaf_scroll.setObjectName("scratchLeafScroll")
        leaf_scroll.setWidgetResizable(True)
        leaf_scroll.setWidget(self.leaves)
        leaf_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.graph_panel = ValueGraphPanel()

        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(2, 2, 2, 2)
        ll.addWidget(self.examples)
        ll.addWidget(self.text, 3)
        ll.addWidget(self.error)
        ll.addWidget(leaf_scroll, 2)
        ll.addWidget(self.reset_values)  # under the sliders it puts back; beside the examples it made the column wide
        self.split = split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("scratchSplitter")
        split.addWidget(left)
        split.addWidget(self.graph_panel)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(split)

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self.commit_text)
        self.text.textChanged.connect(self.debounce.start)
        self.redraw = QTimer(self)  # one rebuild per event-loop turn, however many slider events came in it
        self.redraw.setSingleShot(True)
        self.redraw.setInterval(0)
        self.redraw.timeout.connect(lambda: self._draw(keep_view=True))
        model.text_changed.connect(self._on_model_text)
        model.values_changed.connect(self._on_values)
        self._on_model_text(model.text)

    def _monospace(self) -> None:
        """The code in a fixed-width font as big as the window's text (presentation mode makes both bigger)."""
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        mono.setStyleHint(QFont.StyleHint.Monospace)
        mono.setPointSizeF(self.font().pointSizeF())
        self.text.setFont(mono)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._monospace()

    def showEvent(self, event: QShowEvent) -> None:
        """Shown (a dock opened, a lesson): the graph fitted to the room it now has."""
        super().showEvent(event)
        if not self.sized:  # the graph gets the width: its columns grow with the expression
            self.sized = True
            QTimer.singleShot(0, self._share_width)
        QTimer.singleShot(0, self.graph_panel.graph_view.fit)

    def _share_width(self) -> None:
        """A quarter for the text and sliders; of the rest, the inspector its least: the graph is what a class reads."""
        w = self.width()
        self.split.setSizes([w // 4, w - w // 4])
        inner = self.graph_panel.findChild(QSplitter)
        if inner is not None:
            inner.setSizes([w, self.graph_panel.inspector.minimumWidth()])

    # ---- text ---------------------------------------------------------------------------------
    @Slot()
    def commit_text(self) -> None:
        """The typed text to the model (after a pause in typing); the leaves whose number was retyped go back to
        it, the others keep the value they were dragged to."""
        self.debounce.stop()
        text = self.text.toPlainText()
        if text == self.model.text:
            return
        old = {leaf.name: leaf.value for leaf in self.program.leaves} if self.program else {}
        try:
            new = {leaf.name: leaf.value for leaf in parse(text).leaves}
        except ScratchError:
            new = old  # a half-typed line: keep every dragged value until the text parses again
        kept = {n: v for n, v in self.model.values.items() if n in new and old.get(n) == new[n]}
        self.model.set_text(text, kept)

    def _on_model_text(self, text: str) -> None:
        """A text from the model (an example, a lesson, a session): into the editor as one undoable edit."""
        if self.text.toPlainText() != text:
            self.text.blockSignals(True)
            cursor = self.text.textCursor()
            cursor.beginEditBlock()
            cursor.select(QTextCursor.SelectionType.Document)
            cursor.insertText(text)
            cursor.endEditBlock()
            cursor.movePosition(QTextCursor.MoveOperation.Start)
            self.text.setTextCursor(cursor)
            self.text.blockSignals(False)
            self.debounce.stop()
        self._parse(text)

    def _on_example(self, index: int) -> None:
        key = self.examples.itemData(index)
        if key:
            self.model.set_text(EXAMPLES[key])
        self.examples.setCurrentIndex(0)

    def _parse(self, text: str) -> None:
        self.refused = None
        if not text.strip():
            self.program = None
            self.error.hide()
            self.leaves.set_leaves((), {})
            return
        try:
            program = parse(text)
        except ScratchError as e:
            self.refused = e
            self._say(e)
            return  # the last good graph stays on show
        shape_changed = self.program is None or [x.name for x in self.program.leaves] != [
            x.name for x in program.leaves] or self.program.statements != program.statements
        self.program = program
        self.leaves.set_leaves(program.leaves, self.model.values)
        self._draw(keep_view=not shape_changed)

    # ---- values -------------------------------------------------------------------------------
    @Slot(object)
    def _on_values(self, values: dict[str, float]) -> None:
        self.leaves.show_values(values)
        self.redraw.start()

    def _draw(self, keep_view: bool) -> None:
        """Build at the current values, back-propagate, and show the graph with the numerical gradients."""
        program = self.program
        if program is None:
            return
        names = {leaf.name for leaf in program.leaves}
        values = {k: v for k, v in self.model.values.items() if k in names}
        try:
            built = build(program, values)
            checked = [leaf.name for leaf in program.leaves][:max(1, NUMERIC_BUDGET // max(1, program.node_count))]
            numeric = numerical_grads(program, values, names=checked)
        except ScratchError as e:  # e.g. a slider dragged log's input to 0
            self._say(e)
            return
        graph, order = trace_values(built.root)
        node_of = {id(v): i for i, v in enumerate(order)}
        by_node = {node_of[id(built.leaves[n])]: g for n, g in numeric.items()
                   if n in built.leaves and id(built.leaves[n]) in node_of}
        if self.refused is None:
            self.error.hide()
        else:  # the last good text's graph at the new values; the message about the text on show stays
            self._say(self.refused)
        self.graph_panel.set_graph(graph, by_node, keep_view=keep_view)

    def _say(self, e: ScratchError) -> None:
        try:  # the core marks its templates in the "ScratchError" context; the parameters go in after translating
            message = QCoreApplication.translate("ScratchError", e.template).format(**e.params)
        except (KeyError, IndexError, ValueError):  # a translation whose placeholders do not match: the English
            message = e.message
        self.error.setText(self.tr("Line {line}, column {col}: {message}").format(
            line=e.line, col=e.col, message=message))
        self.error.show()
