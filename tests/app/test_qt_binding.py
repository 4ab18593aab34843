"""The Qt binding must not leak references to None: on Python 3.11 (None is not immortal)
PySide6 6.12.0 dropped one per void call, and the timer crashed after ~30 s of repainting."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QColor


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: its count cannot drop"
)
def test_void_qt_calls_keep_the_reference_count_of_none() -> None:
    color = QColor("#2a9d8f")
    before = sys.getrefcount(None)
    for _ in range(200):
        color.setAlphaF(0.5)
    assert sys.getrefcount(None) - before > -50
