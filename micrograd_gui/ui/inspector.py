"""Inspector: one node's op, inputs, local derivatives and the chain-rule products that made its grad."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from micrograd_gui.core.graph import Graph

from .graph_items import fmt

LOCAL_RULE = {"+": "1", "*": "the other input", "tanh": "1 − tanh²", "exp": "exp(x)", "log": "1/x",
              "ReLU": "1 if out > 0 else 0", "sigmoid": "σ(1 − σ)"}


def node_title(graph: Graph, i: int) -> str:
    n = graph.nodes[i]
    return html.escape(" · ".join(s for s in (n.label, n.op) if s) or f"{n.role} #{i}")


def describe(graph: Graph, i: int, members: int = 1) -> str:
    """Rich text for the inspector: what the node is, where its value and its gradient come from."""
    n = graph.nodes[i]
    inputs = graph.inputs_of()[i]
    consumers = graph.consumers_of()[i]
    out = [f"<h3>{node_title(graph, i)}</h3>",
           f"<p><i>{n.role}</i>{f' · {members} nodes collapsed (double-click to expand)' if members > 1 else ''}"
           f"</p><p>data = <b>{n.data!r}</b><br>grad = <b>{n.grad!r}</b></p>"]
    if inputs:
        rule = LOCAL_RULE.get(n.op, "k·x^(k−1)" if n.op.startswith("**") else "")
        out.append(f"<p><b>Inputs</b> (local derivative ∂out/∂in{f' = {rule}' if rule else ''}):</p><ul>")
        for u, k in inputs:
            d = graph.local[k] if graph.local else float("nan")
            out.append(f"<li>{node_title(graph, u)}: data {fmt(graph.nodes[u].data)}, ∂/∂in = {fmt(d)}</li>")
        out.append("</ul>")
    if i == graph.root:
        out.append("<p><b>Gradient:</b> the loss itself, so backward() starts here with grad = 1.</p>")
    elif consumers:
        out.append("<p><b>How its grad was made</b> (one product per consumer, summed):</p><ul>")
        total = 0.0
        for c, k in consumers:
            d = graph.local[k] if graph.local else float("nan")
            g = graph.nodes[c].grad
            total += d * g
            out.append(f"<li>grad({html.escape(n.label or 'this')}) += grad({node_title(graph, c)}) × "
                       f"{fmt(d)} = {fmt(g)} × {fmt(d)} = {fmt(d * g)}</li>")
        out.append(f"</ul><p>sum = {fmt(total)}</p>")
        out.append("<p><b>Consumers:</b> " + ", ".join(node_title(graph, c) for c, _ in consumers) + "</p>")
    if n.role == "parameter":
        out.append("<p>Every path from this parameter to the loss is highlighted.</p>")
    return "".join(out)


class Inspector(QTextBrowser):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setOpenLinks(False)
        self.clear_node()

    def clear_node(self) -> None:
        self.setHtml("<p>Click a node to see its op, its inputs, its local derivatives and the chain-rule "
                     "products that made its gradient.</p>")

    def show_node(self, graph: Graph, i: int, members: int = 1) -> None:
        self.setHtml(describe(graph, i, members))
