"""The stretch pictures (SVG in assets/), drawn by Qt's SVG renderer onto any painter: the
timer's and the preview's widgets and the printed sheet. No widgets here."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

from lowback_timer.core.content import assets_dir

_cache: dict[str, QSvgRenderer] = {}


def renderer_for(image: str) -> QSvgRenderer:
    """One parsed renderer per file, shared by the timer, the preview and the sheet."""
    if image not in _cache:
        _cache[image] = QSvgRenderer(str(assets_dir() / image))
    return _cache[image]


def draw_picture(painter: QPainter, image: str, target: QRectF, *, mirrored: bool) -> None:
    """Draw the picture into `target`, keeping its 3:2 shape; flipped for the left side."""
    renderer = renderer_for(image)
    size = renderer.defaultSize().toSizeF()
    size.scale(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
    rect = QRectF(target.topLeft(), size)
    rect.moveCenter(target.center())
    painter.save()
    if mirrored:
        painter.translate(rect.center().x() * 2, 0)
        painter.scale(-1, 1)
    renderer.render(painter, rect)
    painter.restore()
