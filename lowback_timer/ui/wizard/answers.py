"""The three questions: welcome, which type fits (or "Not sure"), where and how long."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QGridLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from lowback_timer.app.text import Phrases, fill
from lowback_timer.core.content import EmergencyNumber
from lowback_timer.core.routine import MINUTE_CHOICES, time_fit, times_that_differ
from lowback_timer.core.settings import ELSEWHERE
from lowback_timer.ui.style import SPACING, label, reading_width, scaled_font
from lowback_timer.ui.widgets import (
    CheckRow,
    RegionChoice,
    TypeCard,
    centred,
    link_exclusive,
    scrolled,
    tab_to_chosen,
)
from lowback_timer.ui.wizard import ids

if TYPE_CHECKING:
    from lowback_timer.ui.wizard.wizard import SetupWizard


class WelcomePage(QWizardPage):
    """What the app does, and where the user lives (for the emergency numbers)."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Welcome"))
        intro = label(
            self.tr(
                "Short, guided stretches for an aching lower back and heavy legs, "
                "timed for you with calm breathing cues."
            ),
            factor=1.4,
        )
        steps = label(
            self.tr(
                "First a short safety check, then three questions: how it feels, where "
                "you are, and how much time you have. You can change the answers later."
            ),
            factor=1.15,
        )
        note = label(wizard.content.guidance.not_advice(wizard.lang), factor=1.0)
        controller = wizard.controller
        chosen = controller.settings.region or _region_id(controller.emergency_number())
        self.region = RegionChoice(wizard.content, wizard.lang, chosen)
        self.region.setFont(scaled_font(1.2))
        self.region.setMinimumWidth(reading_width() // 2)
        self.region.setMinimumHeight(40)
        where = label(
            self.tr("Where do you live? If you ever need help, its numbers are shown first."),
            factor=1.15,
            bold=True,
        )
        where.setBuddy(self.region)
        column = QVBoxLayout()
        column.setSpacing(SPACING)
        column.addStretch(1)
        column.addWidget(intro)
        column.addWidget(steps)
        column.addSpacing(SPACING)
        column.addWidget(where)
        column.addWidget(self.region, 0, Qt.AlignmentFlag.AlignLeft)
        column.addSpacing(SPACING)
        column.addWidget(note)
        column.addStretch(2)
        as_centred_page(self, column)

    def focus_start(self) -> None:
        """The keyboard starts on the one choice of the page."""
        self.region.setFocus(Qt.FocusReason.TabFocusReason)

    def nextId(self) -> int:
        return ids.SAFETY

    def validatePage(self) -> bool:
        controller = self._wizard.controller
        controller.update_settings(replace(controller.settings, region=self.region.region()))
        return True


def _region_id(number: EmergencyNumber | None) -> str:
    return number.id if number is not None else ELSEWHERE


class TypePage(QWizardPage):
    """Its widgets are made when it is first needed (`_build`), not before the wizard's first
    frame (most starts of the wizard open on the welcome or the safety check)."""

    def __init__(self, wizard: SetupWizard, chosen: tuple[str, ...], not_sure: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Which sounds most like you?"))
        self._wizard, self._chosen, self._not_sure = wizard, chosen, not_sure
        self._built = False

    def initializePage(self) -> None:
        self._build()

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        wizard, chosen, not_sure = self._wizard, self._chosen, self._not_sure
        content, lang = wizard.content, wizard.lang
        intro = label(self.tr("Pick one or more, or “Not sure”."), factor=1.1)
        self.cards: dict[str, TypeCard] = {}
        grid = QGridLayout()
        grid.setSpacing(SPACING)
        for index, pain_type in enumerate(content.types):
            card = TypeCard(pain_type.name(lang), pain_type.feels(lang))
            card.box.setChecked(pain_type.id in chosen)
            self.cards[pain_type.id] = card
            grid.addWidget(card, index // 2, index % 2)
        self.not_sure = TypeCard(
            self.tr("Not sure"),
            self.tr("A balanced routine with all four stretches."),
        )
        self.not_sure.box.setChecked(not_sure and not chosen)
        link_exclusive(
            self.not_sure.box, [c.box for c in self.cards.values()], self.completeChanged.emit
        )
        rows = (len(content.types) + 1) // 2
        grid.addWidget(self.not_sure, rows, 0, 1, 2)
        for side in (0, 1):
            grid.setColumnStretch(side, 1)
        grid.setRowStretch(rows + 1, 1)  # cards keep their height; the space goes below
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(intro)  # (in the scrolled part: wrapped, it may need more lines)
        column.addLayout(grid, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)

    def focus_start(self) -> None:
        """The keyboard starts on the chosen card (the first one when none is)."""
        self._build()
        boxes = [card.box for card in (*self.cards.values(), self.not_sure)]
        chosen = next((b for b in boxes if b.isChecked()), boxes[0])
        chosen.setFocus(Qt.FocusReason.TabFocusReason)

    def types(self) -> tuple[str, ...]:
        self._build()
        return tuple(t for t, card in self.cards.items() if card.box.isChecked())

    def isComplete(self) -> bool:
        return self._built and (self.not_sure.box.isChecked() or bool(self.types()))

    def nextId(self) -> int:
        return ids.PLACE


class PlacePage(QWizardPage):
    """Made when first needed, as the type page is."""

    def __init__(self, wizard: SetupWizard, place: str, minutes: int, gentle: bool) -> None:
        super().__init__()
        self.setTitle(self.tr("Where, and how long?"))
        self._wizard, self._answers = wizard, (place, minutes, gentle)
        self._built = False
        self._offering = False  # (moving the choice off a time not offered: no note twice)

    def _build(self) -> None:
        if self._built:
            return
        self._built = True
        wizard = self._wizard
        place, minutes, gentle = self._answers
        self.places = QButtonGroup(self)
        self.place_buttons: dict[str, QRadioButton] = {}
        place_box = self._group(self.tr("Where are you?"))
        for choice in wizard.content.places:
            button = self._choice(place_box, choice.name(wizard.lang), choice.id == place)
            self.places.addButton(button)
            self.place_buttons[choice.id] = button
        self.minutes = QButtonGroup(self)
        self.minute_buttons: dict[int, QRadioButton] = {}
        nearest = min(MINUTE_CHOICES, key=lambda m: (abs(m - minutes), m))
        time_box = self._group(self.tr("How much time do you have?"))
        for value in MINUTE_CHOICES:
            text = fill(self.tr("About %1 minutes"), value)
            button = self._choice(time_box, text, value == nearest)
            self.minutes.addButton(button)
            self.minute_buttons[value] = button
        self.gentle_row = CheckRow(
            self.tr(
                "A gentler routine: longer, easier holds, one round, more time to change "
                "position, and no kneeling or standing on one leg (suits many older adults)"
            )
        )
        self.gentle = self.gentle_row.box
        self.gentle.setChecked(gentle)
        # What the routine does with the time: "more would not add to it", or what is left out.
        self.time_note = label(factor=1.05)
        self.time_note.hide()
        time_box.addWidget(self.time_note)
        for group in (self.places, self.minutes):
            group.buttonToggled.connect(self._choice_toggled)
        self.gentle.toggled.connect(lambda _on: self._show_time_note())
        # Tab comes to each group at its chosen answer; the arrows change it.
        tab_to_chosen(list(self.place_buttons.values()))
        tab_to_chosen(list(self.minute_buttons.values()))
        column = QVBoxLayout()
        column.setSpacing(SPACING * 2)
        column.addStretch(1)
        column.addLayout(place_box)
        column.addLayout(time_box)
        column.addWidget(self.gentle_row)
        column.addStretch(2)
        as_centred_page(self, column)

    def initializePage(self) -> None:
        self._build()
        self._show_time_note()

    def _choice_toggled(self, _button: QAbstractButton, checked: bool) -> None:
        if checked and not self._offering:  # (the button left is told too: one note a change)
            self._show_time_note()

    def _show_time_note(self) -> None:
        wizard = self._wizard
        controller = wizard.controller
        avoid = (*controller.settings.avoid, *controller.left_out_today())
        self._offer_only(
            times_that_differ(wizard.content, wizard.answers(), avoid, wizard.prepare_s)
        )
        answers = wizard.answers()
        routine = wizard.build(answers)
        fit = time_fit(wizard.content, answers, routine, avoid, wizard.prepare_s)
        note = Phrases().time_note(wizard.content, fit, answers.minutes, wizard.lang)
        self.time_note.setText(note)
        self.time_note.setVisible(bool(note))

    def _offer_only(self, offered: tuple[int, ...]) -> None:
        """Only the times that change the routine can be chosen; a time that builds the same
        routine as a shorter one gives way to it (the note says why)."""
        chosen = self.chosen_minutes()
        for value, button in self.minute_buttons.items():
            button.setEnabled(value in offered)
        if chosen not in offered:
            self._offering = True
            try:
                self.minute_buttons[max(m for m in offered if m <= chosen)].setChecked(True)
            finally:
                self._offering = False

    def focus_start(self) -> None:
        """The keyboard starts on the chosen place."""
        self._build()
        buttons = list(self.place_buttons.values())
        chosen = next((b for b in buttons if b.isChecked()), buttons[0])
        chosen.setFocus(Qt.FocusReason.TabFocusReason)

    @staticmethod
    def _group(title: str) -> QVBoxLayout:
        """A question and, below it, its choices (a heading, not a group box frame: its title
        kept its size when the text grew, and squeezed the choices)."""
        group = QVBoxLayout()
        group.setSpacing(SPACING // 2)
        heading = label(title, factor=1.3, bold=True)
        group.addWidget(heading)
        group.addSpacing(SPACING // 4)
        return group

    @staticmethod
    def _choice(group: QVBoxLayout, text: str, checked: bool) -> QRadioButton:
        button = QRadioButton(text)
        button.setObjectName("choice")  # a large, framed choice (the style sheet)
        button.setFont(scaled_font(1.25))
        button.setChecked(checked)
        first = group.itemAt(0)
        heading = first.widget() if first is not None else None
        assert isinstance(heading, QLabel)
        button.setAccessibleDescription(heading.text())
        group.addWidget(button)
        return button

    def place(self) -> str:
        self._build()
        return next(p for p, b in self.place_buttons.items() if b.isChecked())

    def chosen_minutes(self) -> int:
        self._build()
        return next(m for m, b in self.minute_buttons.items() if b.isChecked())

    def gentle_chosen(self) -> bool:
        self._build()
        return self.gentle.isChecked()

    def nextId(self) -> int:
        return ids.PREVIEW


def as_centred_page(page: QWidget, column: QLayout) -> None:
    """`column` as the page's content: a comfortable reading width, centred, scrolling when
    the window is small or the text large."""
    layout = QVBoxLayout(page)
    layout.addSpacing(SPACING)
    layout.addWidget(scrolled(centred(column, reading_width())), 1)
