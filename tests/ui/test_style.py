"""The look in a dark palette: button borders that show against the window."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.settings import Settings
from lowback_timer.ui.style import apply_look, style_sheet
from lowback_timer.ui.timer import TimerPage
from lowback_timer.ui.widgets import Picture
from tests.ui.test_focus import contrast, dark_palette
from tests.ui.test_timer import RecordingSounds


@pytest.fixture
def dark_look(qapp: QApplication) -> Iterator[QPalette]:
    light = qapp.palette()
    look = apply_look(qapp)
    assert look is not None
    qapp.setPalette(dark_palette())
    yield qapp.palette()
    qapp.setPalette(light)
    look.remove()
    QApplication.processEvents()


def test_a_dark_palette_draws_borders_in_the_lighter_roles(dark_look: QPalette) -> None:
    sheet = QApplication.instance().styleSheet()  # type: ignore[union-attr]
    assert sheet == style_sheet(dark_look)
    assert "palette(dark)" not in sheet and "palette(light)" in sheet


def test_a_button_border_shows_against_a_dark_window(qtbot: QtBot, dark_look: QPalette) -> None:
    button = QPushButton("Skip")
    qtbot.addWidget(button)
    button.resize(120, 48)
    button.show()
    qtbot.waitExposed(button)
    image = button.grab().toImage()
    edge = QColor(image.pixel(2, image.height() // 2))  # 2 px margin, then the 1 px border
    window = dark_look.color(QPalette.ColorRole.Window)
    assert contrast(edge, window) >= 1.5, (edge.name(), window.name())


def test_the_far_leg_of_a_picture_shows_on_a_dark_window(
    qtbot: QtBot, qapp: QApplication, dark_look: QPalette
) -> None:
    picture = Picture()
    qtbot.addWidget(picture)
    picture.show_image("illustrations/iliopsoas-floor.svg")
    picture.resize(480, 320)  # the SVG's own size: one unit a pixel
    picture.show()
    qtbot.waitExposed(picture)
    shin = (324, 240)  # the far (left) shin, upright, with nothing else over it
    window = dark_look.color(QPalette.ColorRole.Window)
    far = QColor(picture.grab().toImage().pixel(*shin))
    assert contrast(far, window) >= 3.0, (far.name(), window.name())

    qapp.setPalette(QPalette(QColor("#ffffff")))  # back to a light window: the file as drawn
    QApplication.processEvents()
    light = QColor(picture.grab().toImage().pixel(*shin))
    assert light != far
    assert contrast(light, QColor("#ffffff")) >= 1.5


def test_the_focused_stop_button_is_ringed_so_it_shows_in_a_dark_palette(
    qtbot: QtBot, dark_look: QPalette, content: Content
) -> None:
    """The ring of a focused stop button stands out from its red and from the window (the
    highlight blue hardly showed on red)."""
    page = TimerPage(content, "en", Settings(), sounds=RecordingSounds())
    qtbot.addWidget(page)
    page.resize(900, 640)
    page.show()
    qtbot.waitExposed(page)
    button = page.stop_button
    button.setFocus()
    qtbot.waitUntil(button.hasFocus)
    image = button.grab().toImage()
    ring = QColor(image.pixel(image.width() // 2, 1))  # the top edge, inside the margin
    face = QColor(image.pixel(image.width() // 2, image.height() // 2 - 12))
    window = dark_look.color(QPalette.ColorRole.Window)
    assert contrast(ring, face) >= 3 and contrast(ring, window) >= 3, (
        ring.name(),
        face.name(),
        window.name(),
    )
