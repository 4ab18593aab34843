"""The care screen: stop, and where to get help. Shown after a safety check with a tier 1-2 sign
and after the timer's "Something feels wrong". What it says comes from the content
(core.screening decides the tiers and the numbers); this widget only lays it out."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractSlider,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.text import fill
from lowback_timer.core.content import (
    Content,
    EmergencyNumber,
    StopReason,
    Urgency,
    WarningSign,
)
from lowback_timer.core.language import join_sentences
from lowback_timer.ui.style import SPACING, label, scaled_font
from lowback_timer.ui.widgets import laid_out, scrolled

_SLIDE = QAbstractSlider.SliderAction
# The keys that scroll the care text wherever the focus is on the page (its buttons leave
# them unused): the text is long in Japanese, and the buttons are its only focusable parts.
SCROLL_KEYS = {
    Qt.Key.Key_PageDown: _SLIDE.SliderPageStepAdd,
    Qt.Key.Key_PageUp: _SLIDE.SliderPageStepSub,
    Qt.Key.Key_Down: _SLIDE.SliderSingleStepAdd,
    Qt.Key.Key_Up: _SLIDE.SliderSingleStepSub,
    Qt.Key.Key_End: _SLIDE.SliderToMaximum,
    Qt.Key.Key_Home: _SLIDE.SliderToMinimum,
}


class CarePage(QWidget):
    """`show_screening()` after the safety check, `show_stop()` after the timer's stop button.
    `finished` is emitted by "Back to home"."""

    finished = Signal()
    skip_requested = Signal()  # go on with the other stretches (after a stop for one stretch)

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._lang = lang
        self.local: EmergencyNumber | None = None  # the user's region; None: elsewhere
        self.others: tuple[EmergencyNumber, ...] = content.emergency_numbers

        self.title = label(factor=2.0, bold=True)
        self.advice = label(factor=1.35)
        self.action = label(factor=1.25)
        self.call = label(factor=1.15)
        self.numbers_box = self._numbers_box()
        self.more = label(factor=1.05)  # less urgent tiers, when several were ticked
        self.signs_heading = label(
            self.tr("You said at least one of these applies:"), factor=1.1, bold=True
        )
        self.signs_list = label(factor=1.05)
        self.note = label(factor=0.95)
        self.home_button = QPushButton(self.tr("Back to home"))
        self.home_button.setFont(scaled_font(1.3, bold=True))
        self.home_button.setMinimumHeight(56)
        self.home_button.setMinimumWidth(320)
        self.home_button.setDefault(True)
        self.home_button.setAutoDefault(True)
        self.home_button.clicked.connect(self.finished)
        self.skip_button = QPushButton(self.tr("Skip this stretch and go on"))
        self.skip_button.setFont(scaled_font(1.2))
        self.skip_button.setMinimumHeight(56)
        self.skip_button.clicked.connect(self.skip_requested)
        self.skip_button.hide()
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
        layout.addLayout(laid_out(QHBoxLayout(), 1, self.skip_button, self.home_button, 1))
        self._scroll_keys()

    def _scroll_keys(self) -> None:
        """PageDown, PageUp, Down, Up, End and Home scroll the text wherever the focus is on
        the page (before a button takes an arrow to move the focus)."""
        bar = self.scroller.verticalScrollBar()
        what = self.tr("On the screen after a stop or a warning sign: scroll its text")
        for key, action in SCROLL_KEYS.items():
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(what)  # (F1 lists it)
            shortcut.activated.connect(partial(bar.triggerAction, action))

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
        self.elsewhere = label(self.tr("Elsewhere: call your local emergency number."))
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
            self.elsewhere,
        ):
            column.addWidget(line)
        return box

    # --- entry points -------------------------------------------------------------------
    def set_region(self, local: EmergencyNumber | None) -> None:
        """Whose numbers come first, large (None: the user lives elsewhere, or it is unknown)."""
        self.local = local
        self.others = tuple(n for n in self._content.emergency_numbers if n is not local)

    def show_screening(self, tier_numbers: Sequence[int], signs: Sequence[WarningSign]) -> None:
        """After the safety check: the most urgent tier first, then the others, then what was
        ticked (worth telling the doctor)."""
        self.skip_button.hide()
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

    def show_stop(self, reason: StopReason, *, offer_skip: bool = False) -> None:
        """After "Something feels wrong": the advice for what the user said, then its tier;
        `offer_skip` adds the choice to go on with the other stretches."""
        self.skip_button.setVisible(offer_skip)
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
        note = self._content.guidance.not_advice(self._lang)
        if tier.urgency is not Urgency.EMERGENCY:  # on tier 1 nothing may soften "call now"
            more = self.tr("You know your body best: if you are unsure, ask for help.")
            no_space = self._lang in self._content.meta.no_sentence_space
            note = join_sentences(no_space, note, more)
        self.note.setText(note)
        self.note.show()
        if tier.ends_routine:
            self._show_numbers(emergency_first=tier.urgency is Urgency.EMERGENCY)
            self.numbers_box.show()
        else:
            self.numbers_box.hide()

    def _show_numbers(self, *, emergency_first: bool) -> None:
        local = self.local
        self.elsewhere.setVisible(local is not None)
        if local is None:
            self.local_heading.setText(self.tr("Call your local emergency number."))
            self.others_heading.setText(
                self.tr("Emergency numbers and medical advice, by region:")
                if emergency_first
                else self.tr("Medical advice lines and emergency numbers, by region:")
            )
        else:
            self.local_heading.setText(
                fill(self.tr("Emergency number (%1)"), local.region(self._lang))
            )
            self.local_number.setText(local.emergency)
            self.local_helpline.setText(
                fill(self.tr("Medical advice: %1"), local.helpline(self._lang))
            )
            self.others_heading.setText(self.tr("Other regions"))
        # The heading says what to do even with no number for the user's region: large then.
        self.local_heading.setFont(scaled_font(1.15 if local else 1.8, bold=True))
        for widget in (self.local_number, self.local_helpline):
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
