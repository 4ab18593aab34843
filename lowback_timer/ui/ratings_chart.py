"""Did it help? The back and leg ratings before and after each routine, as a small line chart
drawn with QPainter (QtCharts lives in the 500 MB add-ons package).

Sessions are spaced evenly, oldest on the left, the last `SHOWN` of them, with their dates
beneath as far as they fit. "Before" lines are
dashed, "after" lines solid; the back and the legs differ in colour *and* in their point marks
(circle, square), so the chart reads in black and white and for colour-blind eyes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QDateTime, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from lowback_timer.app.text import keep_sentence_ends

SHOWN = 30  # sessions on the chart at most (the latest)
TOP = 10


@dataclass(frozen=True)
class Series:
    key: str  # "back_before", "back_after", "legs_before", "legs_after"
    values: tuple[int | None, ...]  # one per session on the chart, None where not rated

    @property
    def after(self) -> bool:
        return self.key.endswith("after")

    @property
    def back(self) -> bool:
        return self.key.startswith("back")


KEYS = ("back_before", "back_after", "legs_before", "legs_after")


def series_of(points: list[RatingPoint]) -> list[Series]:
    """The chart's data: the latest `SHOWN` sessions, one series per measure and moment."""
    shown = points[-SHOWN:]
    return [Series(key, tuple(getattr(p, key) for p in shown)) for key in KEYS]


if TYPE_CHECKING:
    from lowback_timer.core.history_records import RatingPoint


class RatingsChart(QWidget):
    BACK, LEGS = QColor(31, 95, 170), QColor(200, 100, 20)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.series: list[Series] = []
        self.days: list[str] = []  # each session's date, as the axis shows it
        self.setMinimumSize(360, 180)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.names = {
            "back_before": self.tr("Back, before"),
            "back_after": self.tr("Back, after"),
            "legs_before": self.tr("Legs, before"),
            "legs_after": self.tr("Legs, after"),
        }
        self.empty_text = self.tr(
            "No ratings yet. They are asked before and after a routine (0 to 10)."
        )

    def sizeHint(self) -> QSize:
        return QSize(560, 240)

    def set_points(self, points: list[RatingPoint]) -> None:
        self.series = series_of(points)
        locale, pattern = QLocale(), self.tr("d MMM", "day and month")
        self.days = [
            locale.toString(QDateTime.fromSecsSinceEpoch(int(p.when)).date(), pattern)
            for p in points[-SHOWN:]
        ]
        count = len(self.series[0].values) if self.series else 0
        self.setAccessibleDescription(self._describe() if count else self.empty_text)
        self.update()

    def _describe(self) -> str:
        """The latest value of each line, for a screen reader."""
        parts = []
        for series in self.series:
            last = next((v for v in reversed(series.values) if v is not None), None)
            if last is not None:
                parts.append(f"{self.names[series.key]}: {last}")
        return "; ".join(parts)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().windowText().color()
        count = len(self.series[0].values) if self.series else 0
        if not count:
            painter.setPen(text)
            painter.drawText(
                QRectF(self.rect()),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                keep_sentence_ends(self.empty_text),
            )
            return
        metrics = self.fontMetrics()
        legend_h = metrics.height() + 8
        left = metrics.horizontalAdvance("10") + 10
        axis_h = metrics.height() + 6
        plot = QRectF(
            left + 10,
            legend_h + 4,
            self.width() - left - 30,
            self.height() - legend_h - 14 - axis_h,
        )
        self._axes(painter, plot, text)
        step = plot.width() / max(1, count - 1)
        painter.setPen(text)
        for x, day in self.date_labels(plot):
            width = metrics.horizontalAdvance(day)
            x = min(max(0.0, x - width / 2), self.width() - width)  # whole, at the edges too
            painter.drawText(QPointF(x, plot.bottom() + 6 + metrics.ascent()), day)
        for series in self.series:
            self._line(painter, plot, step, series)
        self._legend(painter, text)

    def _axes(self, painter: QPainter, plot: QRectF, text: QColor) -> None:
        grid = QColor(text)
        grid.setAlpha(60)
        for value in (0, 5, TOP):
            y = plot.bottom() - plot.height() * value / TOP
            painter.setPen(QPen(grid, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(text)
            painter.drawText(
                QRectF(0, y - 10, plot.left() - 6, 20),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                str(value),
            )

    def date_labels(self, plot: QRectF) -> list[tuple[float, str]]:
        """(centre x, date) under the sessions, left to right: a day with several sessions
        once, and only as many as fit side by side; the first and the latest always."""
        count = len(self.days)
        step = plot.width() / max(1, count - 1)
        candidates: list[tuple[float, str]] = []
        for i, day in enumerate(self.days):
            if not candidates or candidates[-1][1] != day:
                candidates.append((plot.left() + i * step if count > 1 else plot.center().x(), day))
        if not candidates:
            return []
        shown = [candidates[0]]
        for candidate in candidates[1:]:
            if self._apart(shown[-1], candidate):
                shown.append(candidate)
        last = candidates[-1]
        if shown[-1] != last:
            while len(shown) > 1 and not self._apart(shown[-1], last):
                shown.pop()
            shown.append(last)
        return shown

    def _apart(self, a: tuple[float, str], b: tuple[float, str]) -> bool:
        metrics = self.fontMetrics()
        half = (metrics.horizontalAdvance(a[1]) + metrics.horizontalAdvance(b[1])) / 2
        return b[0] - a[0] >= half + metrics.horizontalAdvance("  ")

    def _line(self, painter: QPainter, plot: QRectF, step: float, series: Series) -> None:
        color = self.BACK if series.back else self.LEGS
        pen = QPen(color, 2.2 if series.after else 1.6)
        if not series.after:
            pen.setStyle(Qt.PenStyle.DashLine)
        path, drawing = QPainterPath(), False
        points = []
        for i, value in enumerate(series.values):
            if value is None:
                drawing = False
                continue
            point = QPointF(
                plot.left() + i * step if len(series.values) > 1 else plot.center().x(),
                plot.bottom() - plot.height() * value / TOP,
            )
            points.append(point)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.setPen(QPen(color, 1.4))
        painter.setBrush(color if series.after else Qt.BrushStyle.NoBrush)
        for point in points:
            self._mark(painter, point, series.back)

    @staticmethod
    def _mark(painter: QPainter, point: QPointF, circle: bool) -> None:
        box = QRectF(point.x() - 3.5, point.y() - 3.5, 7, 7)
        if circle:
            painter.drawEllipse(box)
        else:
            painter.drawRect(box)

    def _legend(self, painter: QPainter, text: QColor) -> None:
        x, y = 8.0, 4.0
        metrics = self.fontMetrics()
        for series in self.series:
            color = self.BACK if series.back else self.LEGS
            pen = QPen(color, 2.2 if series.after else 1.6)
            if not series.after:
                pen.setStyle(Qt.PenStyle.DashLine)
            mid = y + metrics.height() / 2
            painter.setPen(pen)
            painter.drawLine(QPointF(x, mid), QPointF(x + 22, mid))
            painter.setPen(QPen(color, 1.4))
            painter.setBrush(color if series.after else Qt.BrushStyle.NoBrush)
            self._mark(painter, QPointF(x + 11, mid), series.back)
            painter.setPen(text)
            name = self.names[series.key]
            painter.drawText(QPointF(x + 28, y + metrics.ascent()), name)
            x += 28 + metrics.horizontalAdvance(name) + 16
