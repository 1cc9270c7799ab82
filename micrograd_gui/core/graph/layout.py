"""Layered left-to-right layout of a traced graph: columns by longest path to the loss."""

from __future__ import annotations

from dataclasses import dataclass

from micrograd_gui.core.graph.trace import Graph


@dataclass(frozen=True)
class Layout:
    column: tuple[int, ...]  # per node id; the loss is in the last column
    row: tuple[float, ...]  # per node id; rows within a column, 0 at the top
    columns: int
    rows: int


def layered_layout(graph: Graph, sweeps: int = 4) -> Layout:
    """Rank by longest path to the root (leaves sit next to their consumer), then barycenter sweeps."""
    n = len(graph.nodes)
    if n == 0:
        return Layout((), (), 0, 0)
    consumers: list[list[int]] = [[] for _ in range(n)]
    inputs: list[list[int]] = [[] for _ in range(n)]
    for a, b in graph.edges:
        consumers[a].append(b)
        inputs[b].append(a)
    rank = [0] * n
    for v in range(n - 1, -1, -1):  # ids are topological, so consumers come later
        for u in inputs[v]:
            rank[u] = max(rank[u], rank[v] + 1)
    depth = max(rank)
    col = [depth - r for r in rank]
    by_col: list[list[int]] = [[] for _ in range(depth + 1)]
    for v in range(n):
        by_col[col[v]].append(v)
    pos = [0.0] * n
    for members in by_col:
        for i, v in enumerate(members):
            pos[v] = i / max(1, len(members) - 1)

    def sweep(order: range, neighbours: list[list[int]]) -> None:
        for c in order:
            members = by_col[c]
            bary = {v: (sum(pos[u] for u in neighbours[v]) / len(neighbours[v]) if neighbours[v] else pos[v])
                    for v in members}
            members.sort(key=lambda v: (bary[v], v))
            for i, v in enumerate(members):
                pos[v] = i / max(1, len(members) - 1)

    for _ in range(sweeps):
        sweep(range(depth - 1, -1, -1), consumers)  # from the loss back to the leaves
        sweep(range(1, depth + 1), inputs)
    rows = max(len(m) for m in by_col)
    row = [0.0] * n
    for members in by_col:
        offset = (rows - len(members)) / 2  # centre short columns
        for i, v in enumerate(members):
            row[v] = offset + i
    return Layout(tuple(col), tuple(row), depth + 1, rows)
