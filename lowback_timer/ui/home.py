"""The home screen: today's routine and one main action, "Start my routine"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from lowback_timer.core.content import Content
from lowback_timer.core.language import format_clock
from lowback_timer.core.routine import Routine
from lowback_timer.ui.style import SPACING, label


class HomePage(QWidget):
    start_requested = Signal()
    change_answers_requested = Signal()
    safety_check_requested = Signal()

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._lang = lang
        self.heading = label(self.tr("Today's routine"), factor=1.8, bold=True)
        self.summary = label()
        self.total = label(factor=1.2)
        self.start_button = QPushButton(self.tr("Start my routine"))
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)
        self.start_button.setMinimumHeight(56)
        self.start_button.setFont(self.heading.font())
        self.start_button.clicked.connect(self.start_requested)
        self.change_button = QPushButton(self.tr("Change answers"))
        self.change_button.clicked.connect(self.change_answers_requested)
        self.check_button = QPushButton(self.tr("Safety check"))
        self.check_button.clicked.connect(self.safety_check_requested)
        self.note = label(
            self.tr("General guidance for everyday stiffness, not a diagnosis."), factor=0.9
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.total)
        self.notices = QVBoxLayout()  # calm, non-modal notices (safety check due, file set aside)
        self.notices.setSpacing(SPACING // 2)
        layout.addLayout(self.notices)
        layout.addStretch(1)
        layout.addWidget(self.start_button)
        row = QHBoxLayout()
        row.addWidget(self.change_button)
        row.addWidget(self.check_button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.note, alignment=Qt.AlignmentFlag.AlignLeft)

    def show_routine(self, routine: Routine) -> None:
        lines = []
        for number, item in enumerate(routine.items, start=1):
            stretch = self._content.stretch(self._content.variant(item.variant).stretch)
            lines.append(
                self.tr("%1. %2 — %3 s each side, ×%4")
                .replace("%1", str(number))
                .replace("%2", stretch.name(self._lang))
                .replace("%3", str(item.hold_s))
                .replace("%4", str(item.reps))
            )
        self.summary.setText("\n".join(lines))
        self.total.setText(self.tr("About %1 in all").replace("%1", format_clock(routine.total_s)))
