"""The two painted widgets of the timer: the countdown ring and the breathing pacer.

They only draw the numbers they are given; the numbers come from core.session and
core.breathing. Each repaints only the part of itself that changed (the ring: the new second's
digits and the piece of arc the second added; the pacer: the circle's square), and only when
what it shows has changed (pausing repaints the whole ring once: its arc turns pale and
dashed, so a paused countdown never looks like a running one); the timer screen decides how
often to give them numbers (the ring once a second, the pacer at most ten times a second while
it can be seen).

Their antialiased shapes are drawn in thin bands (`paint_in_bands`): Qt's raster engine hands
an antialiased fill of more than about a hundred spans (runs of pixels in a row) to its thread
pool and waits for it, which on a real screen wakes all of its threads for every frame. A band
a few pixels high never gets there, and the pixels are the same.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from lowback_timer.ui.style import scaled_font

TEAL = QColor("#2a9d8f")
WARM = QColor("#e07a5f")
# Device pixel rows per band: a ring's edge makes a few spans a row, its flat top a few dozen
# over these rows; well under the ~96 spans at which Qt fills in parallel.
BAND_ROWS = 8
# The paused arc: this much of the running arc's colour, in dashes (in pen widths; the round
# caps add half a pen width at each end of a dash).
PAUSED_ALPHA = 0.4
PAUSED_DASHES = (0.4, 1.8)
# The caption is never wider than this share of the ring's inside (a long one gets smaller).
CAPTION_WIDTH = 0.86
# Qt angles are 1/16 degree; a full turn.
FULL_TURN = 360 * 16
# The ring's arc is made of quarters from 12 o'clock and a last, shorter piece (as QPainter's
# drawArc makes it), so a longer arc draws the pixels of a shorter one exactly as it did: only
# the shorter one's last piece and what follows change, all that a new second repaints.
ARC_PIECE = 90 * 16


def paint_in_bands(painter: QPainter, area: QRect, draw: Callable[[], None]) -> None:
    """Call `draw()` once per band of `area` (logical pixels, whole device rows high), with the
    painter clipped to that band. Adjacent bands share their edge exactly, so every device row
    is painted once: no seam, no row blended twice."""
    if area.isEmpty():
        return
    step = BAND_ROWS / painter.device().devicePixelRatioF()
    top, bottom = float(area.top()), float(area.top() + area.height())
    left, width = float(area.left()), float(area.width())
    rows = math.ceil((bottom - top) / step)
    for band in range(rows):
        y0 = top + band * step
        y1 = min(bottom, top + (band + 1) * step)
        painter.save()
        painter.setClipRect(QRectF(left, y0, width, y1 - y0))
        draw()
        painter.restore()


def _rects(event: QPaintEvent) -> list[QRect]:
    """The rectangles of what a paint event repaints (QRegion iterates; its stubs say not)."""
    rects: list[QRect] = list(event.region())  # type: ignore[call-overload]
    return rects


def _arc_span(progress: float) -> int:
    """The ring's arc for `progress`, in 1/16 degree (clockwise, so the sign is left off)."""
    return round(FULL_TURN * min(1.0, max(0.0, progress)))


def arc_path(rect: QRectF, span: int) -> QPainterPath:
    """An arc on the ellipse in `rect` from 12 o'clock, clockwise, `span` 1/16 degrees long:
    the pixels of `QPainter.drawArc(rect, 90 * 16, -span)`, made of `ARC_PIECE` pieces."""
    path = QPainterPath()
    path.arcMoveTo(rect, 90)
    done = 0
    while done < span:
        piece = min(ARC_PIECE, span - done)
        path.arcTo(rect, 90 - done / 16, -piece / 16)
        done += piece
    return path


class StillCircle:
    """A stroked circle that stays the same from one repaint to the next, drawn once (in bands)
    into an image and then copied: stroking a large antialiased circle is the costly part of a
    repaint, and copying an image at a whole-pixel offset stays on the painting thread."""

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
            middle = center - QPointF(origin)
            bounds = QRect(0, 0, math.ceil(pixels / ratio), math.ceil(pixels / ratio))
            paint_in_bands(inside, bounds, lambda: inside.drawEllipse(middle, radius, radius))
            inside.end()
            self._key, self._image, self._origin = key, image, origin
        painter.drawImage(self._origin, self._image)


# Faces with bold digits, looked for in this order for the countdown.
LATIN_FAMILIES = (
    "DejaVu Sans",
    "Noto Sans",
    "Liberation Sans",
    "Segoe UI",
    "Helvetica Neue",
    "Arial",
)


class CountdownRing(QWidget):
    """A large countdown in a ring that fills as the phase goes on."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.seconds_text = ""
        self.caption = ""
        self.progress = 0.0
        self.paused = False
        self._track = StillCircle()
        self.setMinimumSize(110, 110)  # (it fits a 960 x 540 screen: 1920 x 1080 at 200 %)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_time(self, seconds_text: str, progress: float) -> None:
        """The countdown and how far the phase is; repaints, on a change, only the digits (old
        and new) and the piece of arc between the old and the new end."""
        if (seconds_text, round(progress, 3)) == (self.seconds_text, round(self.progress, 3)):
            return
        old_text, old_progress = self.seconds_text, self.progress
        self.seconds_text, self.progress = seconds_text, progress
        if seconds_text != old_text:
            self.update(self._digits_rect(old_text).united(self._digits_rect(seconds_text)))
        if _arc_span(progress) != _arc_span(old_progress):
            self.update(self._arc_rect(old_progress, progress))

    def set_caption(self, caption: str) -> None:
        if caption != self.caption:
            self.caption = caption
            self.update()

    def set_paused(self, paused: bool) -> None:
        """A paused countdown: the arc pale and dashed, the caption bold (the caller gives the
        caption, e.g. "Paused")."""
        if paused != self.paused:
            self.paused = paused
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    # --- geometry, shared by painting and by what a change repaints ----------------------
    def _side(self) -> float:
        return min(self.width(), self.height()) - 16

    def _pen_width(self) -> float:
        return max(8.0, self._side() / 18)

    def _inner(self) -> QRectF:
        """The circle the arc and the track are drawn on (the middle of their pen)."""
        side, pen_width = self._side(), self._pen_width()
        rect = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        return rect.adjusted(pen_width, pen_width, -pen_width, -pen_width)

    def _number_rect(self) -> QRectF:
        inner = self._inner()
        return QRectF(inner.left(), inner.top(), inner.width(), inner.height() * 0.68)

    def _number_font(self) -> QFont:
        big = QFont(self.font())
        # The digits in the system's Latin face first: a Japanese family may have no bold,
        # and its digits came out thin next to the English ones.
        latin = [f for f in LATIN_FAMILIES if QFontDatabase.hasFamily(f)]
        big.setFamilies([*latin[:1], *big.families()])
        big.setPixelSize(max(12, round(self._side() * 0.28)))
        big.setBold(True)
        return big

    def caption_font(self) -> QFont:
        """The caption's font: a twelfth of the ring and never smaller than the widget's font
        (the system's text size), unless the caption would not fit inside the ring then."""
        font = QFont(self.font())
        font.setBold(self.paused)
        pixels = max(10, round(self._side() * 0.08), QFontInfo(self.font()).pixelSize())
        font.setPixelSize(pixels)
        room = self._inner().width() * CAPTION_WIDTH
        width = QFontMetricsF(font, self).horizontalAdvance(self.caption)
        if width > room > 0:
            font.setPixelSize(max(8, math.floor(pixels * room / width)))
        return font

    def _digits_rect(self, text: str) -> QRect:
        """Where `text` is drawn as the countdown (with a margin for antialiasing)."""
        if not text:
            return QRect()
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
        metrics = QFontMetricsF(self._number_font(), self)
        drawn = metrics.boundingRect(self._number_rect(), flags, text)
        return drawn.adjusted(-3, -3, 3, 3).toAlignedRect()

    def _arc_rect(self, start: float, end: float) -> QRect:
        """The bounds of the arc (pen and round caps included) between two progresses."""
        inner, pen_width = self._inner(), self._pen_width()
        low, high = sorted((_arc_span(start), _arc_span(end)))
        low -= low % ARC_PIECE  # the shorter arc's last piece is redrawn whole
        center, radius = inner.center(), inner.width() / 2
        # Angles clockwise from 12 o'clock, in 1/16 degree: both ends and every quarter between.
        angles = [low, high, *range((low // 1440 + 1) * 1440, high, 1440)]
        xs, ys = [], []
        for angle in angles:
            theta = math.radians(angle / 16)
            xs.append(center.x() + radius * math.sin(theta))
            ys.append(center.y() - radius * math.cos(theta))
        margin = pen_width / 2 + 3
        bounds = QRectF(QPointF(min(xs), min(ys)), QPointF(max(xs), max(ys)))
        return bounds.adjusted(-margin, -margin, margin, margin).toAlignedRect()

    # --- painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        pen_width, inner = self._pen_width(), self._inner()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        track = QColor(self.palette().color(self.foregroundRole()))
        track.setAlphaF(0.12)
        track_pen = QPen(track, pen_width)
        arc_pen = QPen(TEAL, pen_width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap)
        if self.paused:
            pale = QColor(TEAL)
            pale.setAlphaF(PAUSED_ALPHA)
            arc_pen.setColor(pale)
            arc_pen.setDashPattern(list(PAUSED_DASHES))
        span = _arc_span(self.progress)
        arc = arc_path(inner, span)
        number_rect = self._number_rect()
        number_font = self._number_font()
        caption_rect = QRectF(
            inner.left(), number_rect.bottom(), inner.width(), inner.height() * 0.2
        )
        caption_font = self.caption_font()
        text_color = self.palette().color(self.foregroundRole())

        def ring() -> None:
            self._track.draw(painter, inner.center(), inner.width() / 2, track_pen)
            painter.setPen(arc_pen)
            if span:
                painter.drawPath(arc)
            else:
                painter.drawArc(inner, 90 * 16, 0)  # the round cap where the arc will start
            # (Digits this large are filled as shapes, not copied from the glyph cache.)
            painter.setPen(text_color)
            painter.setFont(number_font)
            bottom = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom
            painter.drawText(number_rect, bottom, self.seconds_text)
            painter.setFont(caption_font)
            top = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
            painter.drawText(caption_rect, top, self.caption)

        for rect in _rects(event):
            paint_in_bands(painter, rect, ring)


class BreathPacer(QWidget):
    """A soft circle that swells on the in-breath and settles on the out-breath."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.size_fraction = 0.0
        self._painted_radius = -1.0
        self._outline = StillCircle()
        self.setMinimumSize(48, 48)
        self.setFont(scaled_font(1.0))

    def set_size(self, fraction: float) -> None:
        """0 (empty) .. 1 (full); repaints the circle's square (the larger of the old and the
        new circle) when its edge would move by half a pixel or more from where it was last
        drawn."""
        self.size_fraction = fraction
        radius = self._radius()
        if abs(radius - self._painted_radius) >= 0.5:
            self.update(self._square(max(radius, self._painted_radius)))

    def sizeHint(self) -> QSize:
        return QSize(96, 96)  # (the ring, beside it, gets the height on a small screen)

    def _full(self) -> float:
        return min(self.width(), self.height()) - 8

    def _radius(self) -> float:
        return self._full() / 2 * (0.35 + 0.65 * self.size_fraction)

    def _square(self, radius: float) -> QRect:
        """The square around a circle of `radius` in the middle, antialiased edge included."""
        reach = radius + 3
        center = QRectF(self.rect()).center()
        return QRectF(center.x() - reach, center.y() - reach, 2 * reach, 2 * reach).toAlignedRect()

    def paintEvent(self, event: QPaintEvent) -> None:
        radius = self._painted_radius = self._radius()
        center = QRectF(self.rect()).center()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        outline = QColor(TEAL)
        outline.setAlphaF(0.5)
        outline_pen = QPen(outline, 2)
        fill = QColor(TEAL)
        fill.setAlphaF(0.45)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)

        def circles() -> None:
            self._outline.draw(painter, center, self._full() / 2, outline_pen)
            painter.drawEllipse(center, radius, radius)

        for rect in _rects(event):
            paint_in_bands(painter, rect, circles)
