"""The F1 overview: what to click and which keys do what."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

# English; shown as QCoreApplication.translate("Help", SHORTCUTS_HTML)
SHORTCUTS_HTML = QT_TRANSLATE_NOOP("Help", """
<h3>How to use it</h3>
<ol>
<li><b>Click</b> on the plane to add a point of the active class; <b>Shift-click</b> adds the next class.</li>
<li><b>Drag</b> a point to move it; <b>right-click</b> or <b>Ctrl-click</b> removes the nearest one.</li>
<li>Press <b>Space</b> to train and watch the regions, the loss and the accuracy change.</li>
<li>Change the learning rate or optimizer while it runs; network changes apply on <b>Reset</b>.</li>
<li><b>Click a point</b> (or drag the crosshair probe) to see the computation graph of its loss: every
scalar with its value and gradient. Click a node for the chain rule behind its gradient.</li>
<li>Pause, press <b>Reset grads</b>, then <b>B</b> to run backprop one node at a time.</li>
<li>Press <b>W</b> for the network: every neuron's output over the plane, weights as blue (negative) and red
(positive) lines. Hover for a value, click a line or double-click a neuron to type a new weight or bias
(<b>Ctrl+Z</b> undoes it), click a neuron to see its map large. <b>O</b> shows the optimizer's state.</li>
<li>Press <b>E</b> for the Scratchpad: type micrograd code such as c = a*b + b**2 and drag a leaf's slider to
watch every value and gradient move.</li>
</ol>
<h3>Keys</h3>
<table cellpadding="3">
<tr><td><b>Space</b></td><td>Play / Pause</td></tr>
<tr><td><b>Right</b></td><td>One training step</td></tr>
<tr><td><b>Shift+Right</b></td><td>Ten training steps</td></tr>
<tr><td><b>R</b></td><td>Reset the weights from the seed (data kept)</td></tr>
<tr><td><b>1</b> – <b>6</b></td><td>Active class for clicks</td></tr>
<tr><td><b>Ctrl+Z</b> / <b>Ctrl+Shift+Z</b></td><td>Undo / redo the last edit (points, or a typed weight)</td></tr>
<tr><td><b>V</b>, <b>H</b>, <b>C</b></td><td>Regions on/off, hard argmax, 0.5 contour</td></tr>
<tr><td><b>G</b></td><td>Show / hide the computation graph</td></tr>
<tr><td><b>W</b></td><td>Show / hide the network view (neuron maps, weights)</td></tr>
<tr><td><b>O</b></td><td>Show / hide the optimizer state (every parameter's value, grad, m, v, update)</td></tr>
<tr><td><b>E</b></td><td>Show / hide the Scratchpad (type an expression, drag its leaves)</td></tr>
<tr><td><b>B</b> / <b>N</b></td><td>In the graph: one backward / forward step by hand</td></tr>
<tr><td><b>P</b>, <b>Esc</b></td><td>In the graph: animate the pass, leave step-through</td></tr>
<tr><td><b>F</b>, wheel, drag</td><td>In the graph: fit, zoom, pan; double-click folds a neuron</td></tr>
<tr><td><b>F1</b></td><td>This overview</td></tr>
</table>
<p>● train points · ▲ validation points · hollow ■ test points (never trained on).</p>
""")


class HelpDialog(QDialog):
    """The F1 overview in a scrolling view, so it fits a 1280x720 projector (a message box would not)."""

    def __init__(self, html: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(title)
        self.browser = QTextBrowser()
        self.browser.setHtml(html)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        lay = QVBoxLayout(self)
        lay.addWidget(self.browser)
        lay.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None and parent.screen() else None
        height = 640 if screen is None else min(640, int(screen.height() * 0.85))
        self.resize(560, height)

    def text(self) -> str:
        return self.browser.toHtml()
