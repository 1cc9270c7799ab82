"""A standalone SVG drawing of a traced graph (values, gradients, roles), no Graphviz needed."""

from __future__ import annotations

from html import escape

from micrograd_gui.core.graph.layout import layered_layout
from micrograd_gui.core.graph.trace import ROLE_FILL, Graph

W, H, DX, DY = 150, 52, 200, 64


def to_svg(graph: Graph) -> str:
    lay = layered_layout(graph)
    xy = [(20 + lay.column[n.id] * DX, 20 + lay.row[n.id] * DY) for n in graph.nodes]
    width, height = 40 + max(1, lay.columns) * DX, 40 + max(1, lay.rows) * DY
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
           f'viewBox="0 0 {width} {height}" font-family="DejaVu Sans, sans-serif" font-size="11">',
           '<rect width="100%" height="100%" fill="white"/>']
    for a, b in graph.edges:
        (x1, y1), (x2, y2) = xy[a], xy[b]
        x1, y1, x2, y2 = x1 + W, y1 + H / 2, x2, y2 + H / 2
        mid = (x1 + x2) / 2
        out.append(f'<path d="M{x1},{y1} C{mid},{y1} {mid},{y2} {x2},{y2}" fill="none" stroke="#888"/>')
    for n in graph.nodes:
        x, y = xy[n.id]
        title = escape(" ".join(s for s in (n.label, n.op) if s) or n.role)
        gcol = "#c0392b" if n.grad < 0 else "#2471a3" if n.grad > 0 else "#555"
        out += [f'<g><title>{escape(n.role)} {title}: data {n.data!r}, grad {n.grad!r}</title>',
                f'<rect x="{x}" y="{y}" width="{W}" height="{H}" rx="6" fill="{ROLE_FILL[n.role]}" stroke="#444"/>',
                f'<text x="{x + 6}" y="{y + 15}" font-weight="bold">{title}</text>',
                f'<text x="{x + 6}" y="{y + 30}">data {n.data:.4g}</text>',
                f'<text x="{x + 6}" y="{y + 45}" fill="{gcol}">grad {n.grad:.4g}</text></g>']
    out.append("</svg>")
    return "\n".join(out) + "\n"
