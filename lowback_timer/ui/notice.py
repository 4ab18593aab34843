"""A calm, non-modal notice line with an optional button, for the home screen."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from lowback_timer.ui.style import SPACING, label


class Notice(QFrame):
    def __init__(
        self, text: str = "", button_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet("#notice { border: 1px solid palette(highlight); border-radius: 8px; }")
        self.text = label(text, factor=1.05)
        self.button = QPushButton(button_text)
        self.button.setVisible(bool(button_text))
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()
