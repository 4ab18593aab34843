"""A stretch illustration: an SVG drawn to fit, mirrored for the left side."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QSizePolicy, QWidget

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


class Picture(QWidget):
    def __init__(
        self, parent: QWidget | None = None, *, minimum: tuple[int, int] = (240, 160)
    ) -> None:
        super().__init__(parent)
        self._image = ""
        self._mirrored = False
        self.setMinimumSize(*minimum)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_image(self, image: str, *, mirrored: bool = False) -> None:
        if (image, mirrored) != (self._image, self._mirrored):
            self._image, self._mirrored = image, mirrored
            self.update()

    @property
    def image(self) -> str:
        return self._image

    @property
    def mirrored(self) -> bool:
        return self._mirrored

    def sizeHint(self) -> QSize:
        return QSize(480, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self._image:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        draw_picture(painter, self._image, QRectF(self.rect()), mirrored=self._mirrored)
