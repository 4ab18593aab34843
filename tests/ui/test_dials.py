"""The painted widgets of the timer: what they draw, and that each repaints only itself and only
when what it shows has changed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QHBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.ui.dials import TEAL, BreathPacer, CountdownRing


class PaintCounter(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
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
