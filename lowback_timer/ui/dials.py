"""The two painted widgets of the timer: the countdown ring and the breathing pacer.

They only draw the numbers they are given; the numbers come from core.session and
core.breathing.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lowback_timer.ui.style import scaled_font

TEAL = QColor("#2a9d8f")
WARM = QColor("#e07a5f")


class CountdownRing(QWidget):
    """A large countdown in a ring that fills as the phase goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds_text = ""
        self.caption = ""
        self.progress = 0.0
        self.setMinimumSize(220, 220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_state(self, seconds_text: str, caption: str, progress: float) -> None:
        if (seconds_text, caption, round(progress, 3)) != (
            self.seconds_text,
            self.caption,
            round(self.progress, 3),
        ):
            self.seconds_text, self.caption, self.progress = seconds_text, caption, progress
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
        painter.setPen(QPen(track, pen_width))
        inner = rect.adjusted(pen_width, pen_width, -pen_width, -pen_width)
        painter.drawEllipse(inner)
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
        self.setMinimumSize(96, 96)
        self.setFont(scaled_font(1.0))

    def set_size(self, fraction: float) -> None:
        if abs(fraction - self.size_fraction) > 0.002:
            self.size_fraction = fraction
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(140, 140)

    def paintEvent(self, event: QPaintEvent) -> None:
        full = min(self.width(), self.height()) - 8
        radius = full / 2 * (0.35 + 0.65 * self.size_fraction)
        center = QRectF(self.rect()).center()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QColor(TEAL)
        outline.setAlphaF(0.5)
        painter.setPen(QPen(outline, 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(center, full / 2, full / 2)
        fill = QColor(TEAL)
        fill.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawEllipse(center, radius, radius)
