"""The stretch pictures (SVG in assets/), drawn by Qt's SVG renderer onto any painter: the
timer's and the preview's widgets and the printed sheet. No widgets here."""

from __future__ import annotations

import re

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtSvg import QSvgRenderer

from lowback_timer.core.content import assets_dir

_cache: dict[tuple[str, bool], QSvgRenderer] = {}

# On a dark window the figure's slate (and the lighter slate of a crossing leg) is dark on
# dark, and the far limbs, drawn in it at half opacity, all but vanish. There the figure takes
# lighter slates and the far limbs a little more opacity: still fainter than the near ones (so
# they read as behind), yet clearly apart from the window.
_DARK_COLOURS = {"#5f6f85": "#a3b0c2", "#8796ab": "#cbd3de"}
_FAR_LIMBS = re.compile(r'<g id="far-limbs">.*?</g>', re.DOTALL)
_FAR_OPACITY = ('stroke-opacity="0.5"', 'stroke-opacity="0.7"')


def dark_svg(source: str) -> str:
    """The picture's SVG as drawn on a dark window: lighter figure, far limbs less faint."""
    for light, dark in _DARK_COLOURS.items():
        source = source.replace(light, dark)
    return _FAR_LIMBS.sub(lambda block: block.group(0).replace(*_FAR_OPACITY), source)


def renderer_for(image: str, *, dark: bool = False) -> QSvgRenderer:
    """One parsed renderer per file (and look), shared by the timer, the preview and the
    sheet."""
    key = (image, dark)
    if key not in _cache:
        path = assets_dir() / image
        if dark:
            data = dark_svg(path.read_text(encoding="utf-8")).encode("utf-8")
            _cache[key] = QSvgRenderer(QByteArray(data))
        else:
            _cache[key] = QSvgRenderer(str(path))
    return _cache[key]


def draw_picture(
    painter: QPainter, image: str, target: QRectF, *, mirrored: bool, dark: bool = False
) -> None:
    """Draw the picture into `target`, keeping its 3:2 shape; flipped for the left side;
    `dark`: for a dark window behind it (the printed sheet is always light)."""
    renderer = renderer_for(image, dark=dark)
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
