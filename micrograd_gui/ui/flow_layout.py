"""FlowLayout: a toolbar row that wraps onto another line when the width runs out (Qt's flow layout example)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QStyle, QWidget


class FlowLayout(QLayout):
    """Items at their size hint, left to right; a line's spare width goes to the items given a stretch.

    Its minimum width is its widest item's, so a narrow dock wraps the toolbar instead of squeezing its
    controls (or the docks beside it)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._stretch: list[int] = []
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)
        self._stretch.append(0)

    def add(self, widget: QWidget, stretch: int = 0) -> None:
        self.addWidget(widget)
        self._stretch[-1] = stretch

    def addStretch(self, stretch: int = 1) -> None:
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum))
        self._stretch[-1] = stretch

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        self._stretch.pop(index)
        return self._items.pop(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._place(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._place(rect, apply=True)

    def sizeHint(self) -> QSize:
        """Everything on one line."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i, _ in shown) + self._gap() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i, _ in shown), default=0)
        m = self.contentsMargins()
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:
        """One item a line: the widest item's width."""
        size = QSize()
        for item, _ in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [(i, s) for i, s in zip(self._items, self._stretch) if not i.isEmpty() or s]

    def _gap(self) -> int:
        if self.spacing() >= 0:
            return self.spacing()
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        gap = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style is not None else -1
        return gap if gap >= 0 else 6

    def _place(self, rect: QRect, apply: bool) -> int:
        """Break into lines, share each line's spare width by stretch; the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        gap, used = self._gap(), 0
        line: list[tuple[QLayoutItem, int, int]] = []
        lines: list[list[tuple[QLayoutItem, int, int]]] = []
        for item, stretch in self._shown():
            w = min(max(item.sizeHint().width(), item.minimumSize().width()), area.width())
            if line and used + gap + w > area.width():
                lines.append(line)
                line, used = [], 0
            used += (gap if line else 0) + w
            line.append((item, stretch, w))
        if line:
            lines.append(line)
        y = area.y()
        for k, line in enumerate(lines):
            spare = area.width() - sum(w for _, _, w in line) - gap * (len(line) - 1)
            total = sum(s for _, s, _ in line)
            height = max(i.sizeHint().height() for i, _, _ in line)
            x = area.x()
            for item, stretch, w in line:
                w += spare * stretch // total if total and spare > 0 else 0
                h = min(height, max(item.sizeHint().height(), item.minimumSize().height()))
                if apply:
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + gap
            y += height + (gap if k < len(lines) - 1 else 0)
        return y - area.y() + m.top() + m.bottom()
