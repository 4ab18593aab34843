"""The care screen: stop, and where to get help. Shown after a safety check with a tier 1-2 sign
and after the timer's "Something feels wrong". What it says comes from the content
(core.screening decides the tiers and the numbers); this widget only lays it out."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.core.content import (
    Content,
    EmergencyNumber,
    StopReason,
    Urgency,
    WarningSign,
)
from lowback_timer.core.screening import emergency_numbers_for
from lowback_timer.ui.style import SPACING, label, scaled_font
from lowback_timer.ui.text import fill
from lowback_timer.ui.widgets import scrolled


def system_country() -> str | None:
    """The ISO 3166 code of the system locale's territory ("JP"), or None when unknown."""
    territory = QLocale.system().territory()
    if territory == QLocale.Country.AnyTerritory:
        return None
    return QLocale.territoryToCode(territory) or None


class CarePage(QWidget):
    """`show_screening()` after the safety check, `show_stop()` after the timer's stop button.
    `finished` is emitted by "Back to home"."""

    finished = Signal()

    def __init__(
        self,
        content: Content,
        lang: str,
        country: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._content = content
        self._lang = lang
        self._country = country if country is not None else system_country()
        self.local: EmergencyNumber | None = None
        self.others: tuple[EmergencyNumber, ...] = ()

        self.title = label(factor=2.0, bold=True)
        self.advice = label(factor=1.35)
        self.action = label(factor=1.25)
        self.call = label(factor=1.15)
        self.numbers_box = self._numbers_box()
        self.more = label(factor=1.05)  # less urgent tiers, when several were ticked
        self.signs_heading = label(self.tr("What you ticked"), factor=1.1, bold=True)
        self.signs_list = label(factor=1.05)
        self.note = label(factor=0.95)
        self.home_button = QPushButton(self.tr("Back to home"))
        self.home_button.setFont(scaled_font(1.3, bold=True))
        self.home_button.setMinimumHeight(56)
        self.home_button.setMinimumWidth(320)
        self.home_button.setDefault(True)
        self.home_button.setAutoDefault(True)
        self.home_button.clicked.connect(self.finished)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING)
        column.setSpacing(SPACING)
        for widget in (
            self.title,
            self.advice,
            self.action,
            self.call,
            self.numbers_box,
            self.more,
            self.signs_heading,
            self.signs_list,
            self.note,
        ):
            column.addWidget(widget)
        column.addStretch(1)
        self.scroller = scrolled(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, SPACING * 2)
        layout.addWidget(self.scroller, 1)
        layout.addWidget(self.home_button, 0, Qt.AlignmentFlag.AlignHCenter)

    def _numbers_box(self) -> QFrame:
        """The emergency and advice numbers: the local one large, the others listed."""
        box = QFrame()
        box.setObjectName("careNumbers")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet(
            "#careNumbers { border: 2px solid palette(highlight); border-radius: 8px; }"
        )
        self.local_heading = label(factor=1.15, bold=True)
        self.local_number = label(factor=3.0, bold=True)
        self.local_helpline = label(factor=1.15)
        self.others_heading = label(factor=1.1, bold=True)
        self.others_list = label(factor=1.1)
        for selectable in (self.local_number, self.others_list):
            selectable.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        column = QVBoxLayout(box)
        column.setContentsMargins(SPACING, SPACING, SPACING, SPACING)
        column.setSpacing(SPACING // 2)
        for line in (
            self.local_heading,
            self.local_number,
            self.local_helpline,
            self.others_heading,
            self.others_list,
        ):
            column.addWidget(line)
        return box

    # --- entry points -------------------------------------------------------------------
    def set_country(self, country: str | None) -> None:
        """The ISO country code whose emergency number is shown first (None: list them all)."""
        self._country = country

    def show_screening(self, tier_numbers: Sequence[int], signs: Sequence[WarningSign]) -> None:
        """After the safety check: the most urgent tier first, then the others, then what was
        ticked (worth telling the doctor)."""
        tiers = [self._content.tier(n) for n in sorted(set(tier_numbers))]
        if not tiers:
            raise ValueError("the care screen needs at least one tier")
        self._show_tier(tiers[0].tier, advice="")
        self.more.setText(
            "\n\n".join(f"{t.title(self._lang)}\n{t.action(self._lang)}" for t in tiers[1:])
        )
        self.more.setVisible(len(tiers) > 1)
        lines = [f"• {s.text(self._lang)}" for s in signs]
        self.signs_list.setText("\n".join(lines))
        self.signs_heading.setVisible(bool(lines))
        self.signs_list.setVisible(bool(lines))
        self._scroll_to_top()

    def show_stop(self, reason: StopReason) -> None:
        """After "Something feels wrong": the advice for what the user said, then its tier."""
        self.more.hide()
        self.signs_heading.hide()
        self.signs_list.hide()
        if reason.tier is None:
            self.title.setText(self.tr("Stopped for now"))
            self.advice.setText(reason.advice(self._lang))
            self.advice.show()
            for widget in (self.action, self.call, self.numbers_box, self.note):
                widget.hide()
        else:
            self._show_tier(reason.tier, advice=reason.advice(self._lang))
        self._scroll_to_top()

    # --- layout -------------------------------------------------------------------------
    def _show_tier(self, tier_number: int, advice: str) -> None:
        tier = self._content.tier(tier_number)
        self.title.setText(tier.title(self._lang))
        self.advice.setText(advice)
        self.advice.setVisible(bool(advice))
        self.action.setText(tier.action(self._lang))
        self.call.setText(tier.call(self._lang))
        # After a stop, the advice for what the user felt already says what to do.
        self.action.setVisible(not advice)
        self.call.show()
        self.note.setText(
            self.tr(
                "This is general information, not a diagnosis. You know your body best: "
                "if you are unsure, ask for help."
            )
        )
        self.note.show()
        if tier.ends_routine:
            self._show_numbers(emergency_first=tier.urgency is Urgency.EMERGENCY)
            self.numbers_box.show()
        else:
            self.numbers_box.hide()

    def _show_numbers(self, *, emergency_first: bool) -> None:
        self.local, self.others = emergency_numbers_for(self._content, self._country)
        local = self.local
        if local is not None:
            self.local_heading.setText(
                fill(self.tr("Emergency number in %1"), local.region(self._lang))
            )
            self.local_number.setText(local.emergency)
            self.local_helpline.setText(
                fill(self.tr("Medical advice: %1"), local.helpline(self._lang))
            )
            self.others_heading.setText(self.tr("Other regions"))
        else:
            self.others_heading.setText(
                self.tr("Emergency numbers and medical advice, by region:")
                if emergency_first
                else self.tr("Medical advice lines and emergency numbers, by region:")
            )
        for widget in (self.local_heading, self.local_number, self.local_helpline):
            widget.setVisible(local is not None)
        # Tier 2 is not an ambulance matter first: the advice line leads, in larger type.
        self.local_helpline.setFont(scaled_font(1.15 if emergency_first else 1.4, bold=False))
        self.others_list.setText("\n".join(self._number_line(n) for n in self.others))

    def _number_line(self, number: EmergencyNumber) -> str:
        return fill(
            self.tr("%1: emergency %2 · advice: %3"),
            number.region(self._lang),
            number.emergency,
            number.helpline(self._lang),
        )

    def _scroll_to_top(self) -> None:
        self.scroller.verticalScrollBar().setValue(0)
        self.home_button.setFocus()
