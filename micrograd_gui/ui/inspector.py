"""Inspector: one node's op, inputs, local derivatives and the chain-rule products that made its grad."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QTextBrowser, QWidget

from micrograd_gui.core.graph.trace import Graph
from micrograd_gui.core.i18n_marks import QT_TRANSLATE_NOOP

from .graph_items import ROLE_NAMES, fmt

# node labels and ops (w[0][1][0], logit 2, tanh) are the code's names and stay as they are; words are translated
LOCAL_RULE = {"+": "1", "*": QT_TRANSLATE_NOOP("Inspector", "the other input"), "tanh": "1 − tanh²",
              "exp": "exp(x)", "log": "1/x", "ReLU": QT_TRANSLATE_NOOP("Inspector", "1 if out > 0 else 0"),
              "relu": QT_TRANSLATE_NOOP("Inspector", "1 if out > 0 else 0"), "sigmoid": "σ(1 − σ)",
              "sin": "cos(x)", "-": "1, −1", "/": "1/y, −x/y²", "neg": "−1",
              # a collapsed neuron: the chain rule along the paths inside its box
              "neuron": QT_TRANSLATE_NOOP("Inspector", "the chain rule inside the box: the activation's slope × the "
                                                       "weight")}


translate = QCoreApplication.translate  # lupdate extracts translate("Context", "text") calls


def role_name(role: str) -> str:
    return translate("Roles", ROLE_NAMES.get(role, role))


def node_title(graph: Graph, i: int) -> str:
    n = graph.nodes[i]
    return html.escape(" · ".join(s for s in (n.label, n.op) if s) or f"{role_name(n.role)} #{i}")


def local(d: float) -> str:
    """A local derivative, or "—" where the op is not one the tracer knows (a foreign engine's custom op)."""
    return "—" if math.isnan(d) else fmt(d)


def describe(graph: Graph, i: int, members: int = 1, numeric: float | None = None) -> str:
    """Rich text for the inspector: what the node is, where its value and its gradient come from; beside the
    gradient a numerical one, if given, and their difference."""
    n = graph.nodes[i]
    inputs = graph.inputs_of()[i]
    consumers = graph.consumers_of()[i]
    collapsed = ""
    if members > 1:
        collapsed = translate("Inspector", " · {n} nodes collapsed (double-click to expand)").format(n=members)
    out = [f"<h3>{node_title(graph, i)}</h3>",
           f"<p><i>{html.escape(role_name(n.role))}</i>{collapsed}"
           f"</p><p>data = <b>{n.data!r}</b><br>grad = <b>{n.grad!r}</b></p>"]
    if numeric is not None:
        out.append(translate("Inspector", "<p>numerical grad (f(x+h) − f(x−h)) / 2h = <b>{numeric}</b><br>"
                                          "grad − numerical = <b>{diff}</b></p>").format(
            numeric=repr(numeric), diff=fmt(n.grad - numeric)))
    if inputs:
        rule = LOCAL_RULE.get(n.op, "k·x^(k−1)" if n.op.startswith("**") else "")
        rule = " = " + html.escape(translate("Inspector", rule)) if rule else ""
        out.append(translate("Inspector", "<p><b>Inputs</b> (local derivative ∂out/∂in{rule}):</p>").format(rule=rule))
        out.append("<ul>")
        for u, k in inputs:
            d = graph.local[k] if graph.local else float("nan")
            out.append(translate("Inspector", "<li>{node}: data {data}, ∂/∂in = {d}</li>").format(
                node=node_title(graph, u), data=fmt(graph.nodes[u].data), d=local(d)))
        out.append("</ul>")
    if i == graph.root:
        out.append(translate("Inspector", "<p><b>Gradient:</b> the loss itself, so backward() starts here with "
                                          "grad = 1.</p>"))
    elif consumers:
        out.append(translate("Inspector", "<p><b>How its grad was made</b> (one product per consumer, summed):</p>"))
        out.append("<ul>")
        total, unknown = 0.0, False
        this = html.escape(n.label or translate("Inspector", "this"))
        for c, k in consumers:
            d = graph.local[k] if graph.local else float("nan")
            g = graph.nodes[c].grad
            total += d * g
            unknown |= math.isnan(d)
            out.append(f"<li>grad({this}) += grad({node_title(graph, c)}) × "
                       f"{local(d)} = {fmt(g)} × {local(d)} = {'—' if math.isnan(d) else fmt(d * g)}</li>")
        total_text = "—" if unknown else fmt(total)
        out.append("</ul>" + translate("Inspector", "<p>sum = {total}</p>").format(total=total_text))
        out.append(translate("Inspector", "<p><b>Consumers:</b> {nodes}</p>").format(
            nodes=", ".join(node_title(graph, c) for c, _ in consumers)))
    if n.role == "parameter":
        out.append(translate("Inspector", "<p>Every path from this parameter to the loss is highlighted.</p>"))
    return "".join(out)


class Inspector(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setOpenLinks(False)
        self.clear_node()

    def clear_node(self) -> None:
        self.setHtml(self.tr("<p>Click a node to see its op, its inputs, its local derivatives and the chain-rule "
                             "products that made its gradient.</p>"))

    def show_node(self, graph: Graph, i: int, members: int = 1, numeric: float | None = None) -> None:
        self.setHtml(describe(graph, i, members, numeric))
