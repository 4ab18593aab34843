"""Type sizes and spacing, derived from the system font so the palette and size are respected."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel, QWidget

SPACING = 16


def scaled_font(factor: float, *, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(size * factor)
    font.setBold(bold)
    return font


def label(
    text: str = "",
    *,
    factor: float = 1.0,
    bold: bool = False,
    wrap: bool = True,
    parent: QWidget | None = None,
) -> QLabel:
    """A label for content text: plain text always (content is never parsed as rich text)."""
    widget = QLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    if factor != 1.0 or bold:
        widget.setFont(scaled_font(factor, bold=bold))
    return widget
