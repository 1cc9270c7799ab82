"""A picture of the plane for a slide: the plot alone (no check boxes) with a caption of the step, losses and
accuracies drawn into the image, at a chosen size."""

from __future__ import annotations

import pyqtgraph as pg
from pyqtgraph.exporters import ImageExporter
from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QImage, QPainter

from micrograd_gui.core.snapshot import Snapshot

from .readouts import loss_text, percent_text

MIN_TEXT_PX = 14  # the smallest caption text, in pixels of the exported image
SIDE_CAPTION_ASPECT = 1.3  # images this much wider than tall put the caption beside the square plane
LAYOUT_MAX = 540  # px: a plot exported larger is laid out at this size and scaled up (bigger text and markers)
STRIP_PAD = 8  # px left and right of the caption under the plane
SEPARATOR = "   ·   "


def caption_items(snap: Snapshot | None) -> list[str]:
    """The caption's parts, translated: step, train and validation loss, accuracies (those the snapshot has)."""
    if snap is None:
        return []
    m = snap.metrics
    items = [QCoreApplication.translate("SlideImage", "step {n}").format(n=snap.step)]
    if m.train_loss is not None:
        items.append(QCoreApplication.translate("SlideImage", "train loss {loss}").format(loss=loss_text(m.train_loss)))
    if m.val_loss is not None:
        items.append(QCoreApplication.translate("SlideImage", "val loss {loss}").format(loss=loss_text(m.val_loss)))
    for template, acc in ((QCoreApplication.translate("SlideImage", "train accuracy {acc}"), m.train_acc),
                          (QCoreApplication.translate("SlideImage", "val accuracy {acc}"), m.val_acc),
                          (QCoreApplication.translate("SlideImage", "test accuracy {acc}"), m.test_acc)):
        if acc is not None:
            items.append(template.format(acc=percent_text(acc)))
    return items


def caption_text(items: list[str]) -> str:
    """The caption on one line, as it reads under the plane."""
    return SEPARATOR.join(items)


def _font(px: int) -> QFont:
    f = QFont()
    f.setPixelSize(px)
    return f


def _strip_font_px(width: int) -> int:
    return max(MIN_TEXT_PX + 2, round(width / 32))


def _strip_height(width: int, captions: list[list[str]]) -> int:
    """The caption strip under the plane: the lines the longest caption needs, and a margin."""
    fm = QFontMetrics(_font(_strip_font_px(width)))
    lines = max((len(_lines(items, fm, width - 2 * STRIP_PAD)) for items in captions), default=1)
    return max(1, lines) * fm.lineSpacing() + fm.height()


def natural_size(plot: QSize, width: int | None = None, captions: list[list[str]] | None = None) -> QSize:
    """The plot at `width` (its own by default) keeping its shape, with the strip for these captions under it."""
    w = width or plot.width()
    return QSize(w, round(w * plot.height() / max(1, plot.width())) + _strip_height(w, captions or [[]]))


def side_layout(size: QSize) -> bool:
    return size.width() >= SIDE_CAPTION_ASPECT * size.height()


def plane_box(size: QSize, items: list[str]) -> QRect:
    """Where the plane goes: a square on the left of a wide image, else all but the caption strip."""
    if side_layout(size):
        return QRect(0, 0, size.height(), size.height())
    return QRect(0, 0, size.width(), max(1, size.height() - _strip_height(size.width(), [items])))


def render_plot(plot: pg.PlotWidget, box: QSize) -> QImage:
    """The plot item alone (axes, regions, points; no widgets around it), sharp, as large as fits `box`.

    For a moment the plot is laid out at the box's size (up to LAYOUT_MAX a side, scaled up beyond that), so
    markers and tick labels keep their on-screen sizes relative to the slide, whatever the plot's size on screen.
    """
    item, view = plot.getPlotItem(), plot.getViewBox()
    old = plot.geometry()
    vw, vh = view.size().width(), view.size().height()
    ew, eh = item.size().width() - vw, item.size().height() - vh  # the axes' room
    scale = max(1.0, min(box.width(), box.height()) / LAYOUT_MAX)
    if plot.isVisible() and vw > 0 and vh > 0:
        k = min((box.width() / scale - ew) / vw, (box.height() / scale - eh) / vh)  # the view box keeps its shape
        plot.resize(max(1, round(vw * k + ew)), max(1, round(vh * k + eh)))
        item.layout.activate()
    try:
        exporter = ImageExporter(item)
        fit = min(box.width() / max(1, plot.width()), box.height() / max(1, plot.height()))
        exporter.parameters()["width"] = max(1, round(plot.width() * fit))  # the height follows the plot's shape
        exporter.parameters()["background"] = QColor("white")
        img = exporter.export(toBytes=True)
    finally:
        if plot.geometry() != old:
            plot.setGeometry(old)
            item.layout.activate()
    assert isinstance(img, QImage)
    return img


def compose(plot: QImage, items: list[str], size: QSize) -> tuple[QImage, int]:
    """The slide: the plot image fitted into plane_box(size), the caption beside or under it. Returns the image
    and the caption's text size in pixels (at least MIN_TEXT_PX)."""
    out = QImage(size, QImage.Format.Format_RGB32)
    out.fill(QColor("white"))
    box = plane_box(size, items)
    pic = plot.scaled(box.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation)
    p = QPainter(out)
    try:
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.drawImage(box.x() + (box.width() - pic.width()) // 2, box.y() + (box.height() - pic.height()) // 2, pic)
        p.setPen(QColor("#111111"))
        if side_layout(size):
            px = _draw_side(p, items, QRect(box.right() + 1, 0, size.width() - box.width(), size.height()))
        else:
            px = _draw_strip(p, items, QRect(0, box.bottom() + 1, size.width(), size.height() - box.height()))
    finally:
        p.end()
    return out, px


def _draw_side(p: QPainter, items: list[str], area: QRect) -> int:
    """One item a line, as large as fits the panel beside the plane, the block centred vertically."""
    margin = max(8, area.width() // 16)
    room = area.adjusted(margin, margin, -margin, -margin)
    px = max(MIN_TEXT_PX, round(area.height() / 16))
    while px > MIN_TEXT_PX:
        fm = QFontMetrics(_font(px))
        if (max((fm.horizontalAdvance(t) for t in items), default=0) <= room.width()
                and len(items) * fm.lineSpacing() * 1.3 <= room.height()):
            break
        px -= 1
    p.setFont(_font(px))
    fm = QFontMetrics(_font(px))
    step = round(fm.lineSpacing() * 1.3)
    y = room.y() + max(0, (room.height() - step * len(items)) // 2)
    for text in items:
        p.drawText(QRect(room.x(), y, room.width(), step), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                   fm.elidedText(text, Qt.TextElideMode.ElideRight, room.width()))
        y += step
    return px


def _lines(items: list[str], fm: QFontMetrics, width: int) -> list[str]:
    """The items packed onto lines no wider than `width`, broken only between items."""
    lines: list[str] = []
    for item in items:
        joined = lines[-1] + SEPARATOR + item if lines else item
        if lines and fm.horizontalAdvance(joined) <= width:
            lines[-1] = joined
        else:
            lines.append(item)
    return lines


def _draw_strip(p: QPainter, items: list[str], area: QRect) -> int:
    """The items on centred lines under the plane (the strip was sized for them), broken between items."""
    room = area.adjusted(STRIP_PAD, 0, -STRIP_PAD, 0)
    px = _strip_font_px(area.width())
    fm = QFontMetrics(_font(px))
    lines = _lines(items, fm, room.width())
    p.setFont(_font(px))
    top = room.y() + max(0, (room.height() - len(lines) * fm.lineSpacing()) // 2)
    for i, line in enumerate(lines):
        p.drawText(QRect(room.x(), top + i * fm.lineSpacing(), room.width(), fm.lineSpacing()),
                   Qt.AlignmentFlag.AlignCenter, fm.elidedText(line, Qt.TextElideMode.ElideRight, room.width()))
    return px
