"""The stretch pictures on a dark window: every limb, the far ones too, stands out from it,
and the far limbs still look behind the near ones."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from lowback_timer.app.pictures import renderer_for
from lowback_timer.core.content import assets_dir
from tests.ui.test_focus import contrast

PICTURES = sorted(
    f"illustrations/{path.name}" for path in (assets_dir() / "illustrations").glob("*.svg")
)
#: Adwaita:dark's window, and Breeze Dark's (the screenshots' dark palette)
DARK_WINDOWS = ("#242424", "#31363b")


def group_colour(image: str, group: str, window: QColor, *, dark: bool) -> QColor:
    """The colour a group of the picture (e.g. "far-limbs") shows on `window`: the commonest
    pixel it changes (the inside of its strokes, not their smoothed edges)."""
    canvas = QImage(240, 160, QImage.Format.Format_RGB32)
    canvas.fill(window)
    painter = QPainter(canvas)
    renderer_for(image, dark=dark).render(painter, group, QRectF(canvas.rect()))
    painter.end()
    pixels = Counter(
        canvas.pixel(x, y) for x in range(canvas.width()) for y in range(canvas.height())
    )
    del pixels[window.rgb()]
    assert pixels, f"{image}: nothing drawn for {group}"
    return QColor(pixels.most_common(1)[0][0])


def test_there_are_pictures_to_check() -> None:
    assert len(PICTURES) == 15


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("window", DARK_WINDOWS)
@pytest.mark.parametrize("image", PICTURES)
def test_the_far_limbs_stand_out_from_a_dark_window(image: str, window: str) -> None:
    background = QColor(window)
    far = group_colour(image, "far-limbs", background, dark=True)
    assert contrast(far, background) >= 3.0, (far.name(), window)
    # as drawn for a light window they were dark on dark
    assert contrast(group_colour(image, "far-limbs", background, dark=False), background) < 2


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("image", PICTURES)
def test_on_a_dark_window_the_far_limbs_stay_fainter_than_the_body(image: str) -> None:
    background = QColor(DARK_WINDOWS[1])
    far = group_colour(image, "far-limbs", background, dark=True)
    body = group_colour(image, "body", background, dark=True)
    assert contrast(body, background) > contrast(far, background) + 1


@pytest.mark.usefixtures("qapp")
def test_the_light_pictures_are_the_files_as_they_are() -> None:
    """The printed sheet and a light window draw the SVG files unchanged."""
    light = renderer_for(PICTURES[0])
    assert light is renderer_for(PICTURES[0], dark=False)
    assert light is not renderer_for(PICTURES[0], dark=True)
    white = QColor("#ffffff")
    assert group_colour(PICTURES[0], "body", white, dark=False) == QColor("#5f6f85")
