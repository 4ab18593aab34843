"""The two painted widgets of the timer: the countdown ring and the breathing pacer.

They only draw the numbers they are given; the numbers come from core.session and
core.breathing. Each repaints only itself, and only when what it shows has changed; the timer
screen decides how often to give them numbers (the ring once a second, the pacer at most ten
times a second while it can be seen).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lowback_timer.ui.style import scaled_font

TEAL = QColor("#2a9d8f")
WARM = QColor("#e07a5f")


class StillCircle:
    """A stroked circle that stays the same from one repaint to the next, drawn once into an
    image and then copied. Stroking a large antialiased circle is the costly part of a repaint:
    Qt's raster engine splits such fills across its thread pool and waits for it."""

    def __init__(self) -> None:
        self._key: tuple[float, ...] = ()
        self._image = QImage()
        self._origin = QPoint()

    def draw(self, painter: QPainter, center: QPointF, radius: float, pen: QPen) -> None:
        ratio = painter.device().devicePixelRatioF()
        margin = pen.widthF() / 2 + 2
        key = (center.x(), center.y(), radius, ratio, pen.widthF(), float(pen.color().rgba()))
        if key != self._key:
            corner = center - QPointF(radius + margin, radius + margin)
            origin = QPoint(math.floor(corner.x()), math.floor(corner.y()))
            side = math.ceil((radius + margin) * 2 + 1)
            pixels = round(side * ratio)
            image = QImage(pixels, pixels, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(ratio)
            image.fill(Qt.GlobalColor.transparent)
            inside = QPainter(image)
            inside.setRenderHint(QPainter.RenderHint.Antialiasing)
            inside.setPen(pen)
            inside.drawEllipse(center - QPointF(origin), radius, radius)
            inside.end()
            self._key, self._image, self._origin = key, image, origin
        painter.drawImage(self._origin, self._image)


class CountdownRing(QWidget):
    """A large countdown in a ring that fills as the phase goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds_text = ""
        self.caption = ""
        self.progress = 0.0
        self._track = StillCircle()
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_time(self, seconds_text: str, progress: float) -> None:
        """The countdown and how far the phase is; repaints (this widget only) on a change."""
        if (seconds_text, round(progress, 3)) != (self.seconds_text, round(self.progress, 3)):
            self.seconds_text, self.progress = seconds_text, progress
            self.update()

    def set_caption(self, caption: str) -> None:
        if caption != self.caption:
            self.caption = caption
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 16
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        pen_width = max(8.0, side / 18)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self.palette().color(self.foregroundRole()))
        track.setAlphaF(0.12)
        inner = rect.adjusted(pen_width, pen_width, -pen_width, -pen_width)
        self._track.draw(painter, inner.center(), inner.width() / 2, QPen(track, pen_width))
        painter.setPen(QPen(TEAL, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        # Qt angles are 1/16 degree, counter-clockwise from 3 o'clock; start at 12, go clockwise.
        painter.drawArc(inner, 90 * 16, -round(360 * 16 * self.progress))
        painter.setPen(self.palette().color(self.foregroundRole()))
        big = QFont(self.font())
        big.setPixelSize(max(12, round(side * 0.28)))
        big.setBold(True)
        painter.setFont(big)
        number_rect = QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.68)
        painter.drawText(
            number_rect,
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom,
            self.seconds_text,
        )
        small = QFont(self.font())
        small.setPixelSize(max(10, round(side * 0.08)))
        painter.setFont(small)
        caption_rect = QRectF(
            inner.left(), number_rect.bottom(), inner.width(), inner.height() * 0.2
        )
        painter.drawText(
            caption_rect, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, self.caption
        )


class BreathPacer(QWidget):
    """A soft circle that swells on the in-breath and settles on the out-breath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_fraction = 0.0
        self._painted_radius = -1.0
        self._outline = StillCircle()
        self.setMinimumSize(96, 96)
        self.setFont(scaled_font(1.0))

    def set_size(self, fraction: float) -> None:
        """0 (empty) .. 1 (full); repaints (this widget only) when the circle's edge would move
        by half a pixel or more from where it was last drawn."""
        self.size_fraction = fraction
        if abs(self._radius() - self._painted_radius) >= 0.5:
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(140, 140)

    def _full(self) -> float:
        return min(self.width(), self.height()) - 8

    def _radius(self) -> float:
        return self._full() / 2 * (0.35 + 0.65 * self.size_fraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        radius = self._painted_radius = self._radius()
        center = QRectF(self.rect()).center()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QColor(TEAL)
        outline.setAlphaF(0.5)
        self._outline.draw(painter, center, self._full() / 2, QPen(outline, 2))
        fill = QColor(TEAL)
        fill.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(center, radius, radius)
