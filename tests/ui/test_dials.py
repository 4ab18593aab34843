"""The painted widgets of the timer: what they draw, and that each repaints only the part of
itself that changed and only when what it shows has changed, in bands that give the same
pixels as one fill."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QPaintEvent, QRegion
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.ui import dials as dials_module
from lowback_timer.ui.dials import TEAL, BreathPacer, CountdownRing, paint_in_bands


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        self.regions: list[QRegion] = []  # what each paint event repainted
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            assert isinstance(event, QPaintEvent)
            self.count += 1
            self.regions.append(QRegion(event.region()))
        return False


class Dials(QWidget):
    """The two dials side by side, as on the timer screen."""

    def __init__(self) -> None:
        super().__init__()
        self.ring, self.pacer = CountdownRing(self), BreathPacer(self)
        layout = QHBoxLayout(self)
        layout.addWidget(self.ring)
        layout.addWidget(self.pacer)


@pytest.fixture
def dials(qtbot: QtBot) -> Dials:
    window = Dials()
    qtbot.addWidget(window)
    window.resize(600, 320)
    window.show()
    qtbot.waitExposed(window)
    return window


def paints(*counters: PaintCounter) -> list[int]:
    """The paint events each widget gets for what was asked since the last call."""
    QApplication.processEvents()
    counts = [counter.count for counter in counters]
    for counter in counters:
        counter.count = 0
    return counts


def teal_pixels(image: QImage) -> int:
    teal = TEAL.rgb() & 0xFFFFFF
    return sum(
        1
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 2)
        if _near(QColor(image.pixel(x, y)), teal)
    )


def _near(color: QColor, rgb: int) -> bool:
    target = QColor(rgb)
    return (
        abs(color.red() - target.red()) < 60
        and abs(color.green() - target.green()) < 60
        and abs(color.blue() - target.blue()) < 60
    )


def test_a_new_second_repaints_the_ring_only_and_the_same_second_nothing(
    dials: Dials,
) -> None:
    ring, pacer = dials.ring, dials.pacer
    ring.set_caption("Hold")
    ring.set_time("0:20", 0.0)
    counters = PaintCounter(ring), PaintCounter(pacer)
    paints(*counters)
    ring.set_time("0:19", 0.05)
    assert paints(*counters) == [1, 0]
    ring.set_time("0:19", 0.05)
    ring.set_caption("Hold")
    assert paints(*counters) == [0, 0]


def test_the_pacer_repaints_only_for_a_change_one_could_see(
    dials: Dials,
) -> None:
    ring, pacer = dials.ring, dials.pacer
    pacer.set_size(0.5)
    counters = PaintCounter(ring), PaintCounter(pacer)
    paints(*counters)
    pacer.set_size(0.5005)
    assert paints(*counters) == [0, 0]
    pacer.set_size(0.6)
    assert paints(*counters) == [0, 1]


def test_the_ring_fills_as_the_phase_goes_on(dials: Dials) -> None:
    ring = dials.ring
    filled = []
    for progress in (0.0, 0.25, 0.75):
        ring.set_time("0:10", progress)
        filled.append(teal_pixels(ring.grab().toImage()))
    assert filled[0] < filled[1] / 20  # at most the round cap of an empty arc
    assert filled[2] == pytest.approx(3 * filled[1], rel=0.2)


def test_the_pacer_swells_on_the_in_breath(dials: Dials) -> None:
    pacer = dials.pacer
    widths = []
    for fraction in (0.0, 0.5, 1.0):
        pacer.set_size(fraction)
        image = pacer.grab().toImage()
        y = image.height() // 2
        background = image.pixel(0, y)
        widths.append(sum(1 for x in range(image.width()) if image.pixel(x, y) != background))
    assert widths[0] < widths[1] < widths[2]


def area(region: QRegion) -> int:
    return sum(rect.width() * rect.height() for rect in region)  # type: ignore[attr-defined]


def rendered(
    widget: QWidget, canvas: QImage | None = None, region: QRegion | None = None
) -> QImage:
    """The widget painted onto `canvas` (a new one when None), only `region` of it when given:
    what a screen that repaints only that region shows afterwards."""
    if canvas is None:
        canvas = QImage(widget.size(), QImage.Format.Format_ARGB32_Premultiplied)
    region = region if region is not None else QRegion(widget.rect())
    painter = QPainter(canvas)  # the parent's background, as a screen paints it first
    painter.setClipRegion(region)
    painter.fillRect(canvas.rect(), Qt.GlobalColor.white)
    painter.end()
    widget.render(canvas, region.boundingRect().topLeft(), region)
    return canvas


def differing_pixels(first: QImage, second: QImage) -> int:
    assert first.size() == second.size()
    return sum(
        1
        for y in range(first.height())
        for x in range(first.width())
        if first.pixel(x, y) != second.pixel(x, y)
    )


def test_a_second_of_the_countdown_repaints_only_the_digits_and_the_new_piece_of_arc(
    dials: Dials,
) -> None:
    ring = dials.ring
    ring.set_caption("Hold")
    ring.set_time("0:30", 0.0)
    counter = PaintCounter(ring)
    screen = rendered(ring)
    paints(counter)
    counter.regions.clear()
    for left in range(29, -1, -1):
        ring.set_time(f"0:{left:02d}", 1 - left / 30)
        assert paints(counter) == [1]
        (region,) = counter.regions
        assert area(region) < ring.width() * ring.height() / 3  # not the whole ring
        rendered(ring, screen, region)
        paints(counter)  # (not counting what rendering it here painted)
        counter.regions.clear()
    # What the repainted pieces add up to is the ring as a full repaint draws it.
    assert differing_pixels(screen, rendered(ring)) == 0


def test_the_pacer_repaints_only_the_square_of_its_circle(dials: Dials) -> None:
    pacer = dials.pacer
    pacer.set_size(0.0)
    counter = PaintCounter(pacer)
    screen = rendered(pacer)
    paints(counter)
    counter.regions.clear()
    for step in (1, 2, 3, 2, 1, 0):
        pacer.set_size(step / 10)
        assert paints(counter) == [1]
        (region,) = counter.regions
        assert area(region) < pacer.width() * pacer.height() * 0.6
        rendered(pacer, screen, region)
        paints(counter)
        counter.regions.clear()
    assert differing_pixels(screen, rendered(pacer)) == 0


@pytest.mark.parametrize("ratio", [1.0, 1.25, 1.5, 2.0, 2.75])
def test_bands_paint_every_row_once_at_any_scale(ratio: float) -> None:
    # A translucent fill shows a row painted twice (darker) or not at all (white).
    image = QImage(round(90 * ratio), round(70 * ratio), QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(ratio)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.translate(0.5, 0.25)  # as a widget at an odd place on a scaled screen
    color = QColor(TEAL)
    color.setAlphaF(0.45)
    bands = 0

    def draw() -> None:
        nonlocal bands
        bands += 1
        painter.fillRect(QRectF(0, 0, 90, 70), color)

    paint_in_bands(painter, QRect(0, 0, 90, 70), draw)
    painter.end()
    assert bands > 1
    inside = {
        image.pixel(x, y) for y in range(1, image.height() - 1) for x in range(1, image.width() - 1)
    }
    assert len(inside) == 1 and QColor(inside.pop()) != QColor(Qt.GlobalColor.white)


def test_the_dials_look_the_same_in_bands_as_in_one_fill(
    dials: Dials, monkeypatch: pytest.MonkeyPatch
) -> None:
    ring, pacer = dials.ring, dials.pacer
    ring.set_caption("Hold")
    ring.set_time("0:17", 0.43)
    pacer.set_size(0.7)
    banded = [widget.grab().toImage() for widget in (ring, pacer)]
    monkeypatch.setattr(dials_module, "BAND_ROWS", 100_000)  # one band: a plain fill
    whole = [widget.grab().toImage() for widget in (ring, pacer)]
    assert banded == whole


def test_a_paused_ring_is_pale_and_dashed_repainted_once(dials: Dials) -> None:
    ring = dials.ring
    ring.set_caption("Hold")
    ring.set_time("0:12", 0.6)
    running = teal_pixels(ring.grab().toImage())
    counter = PaintCounter(ring)
    paints(counter)
    ring.set_paused(True)
    ring.set_caption("Paused")
    assert paints(counter) == [1]  # the whole ring, once
    assert ring.caption_font().bold()
    ring.set_paused(True)
    assert paints(counter) == [0]
    paused = teal_pixels(ring.grab().toImage())
    assert paused < running / 3  # pale (no longer the running teal) and with gaps
    ring.set_paused(False)
    ring.set_caption("Hold")
    assert teal_pixels(ring.grab().toImage()) == running


def test_a_long_caption_gets_smaller_to_fit_inside_the_ring(dials: Dials) -> None:
    ring = dials.ring
    ring.set_caption("Hold")
    usual = ring.caption_font().pixelSize()
    ring.set_caption("A caption far too long for any ring")
    font = ring.caption_font()
    assert font.pixelSize() < usual
    width = QFontMetricsF(font).horizontalAdvance(ring.caption)
    assert width <= ring._inner().width()
