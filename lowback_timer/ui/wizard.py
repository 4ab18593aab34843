"""The set-up wizard: welcome, safety check, advice, type, place and time, an editable preview.

The decisions live in core: core.screening says what the ticked signs mean, core.routine builds
the routine, core.my_routine edits and saves it. The pages show that and collect the answers.

Modes: SETUP (first run, from the welcome page), ANSWERS (change answers: from the type page,
earlier answers preselected) and CHECK (the safety check alone).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lowback_timer.core.content import PLACES, Content, ContentInvalidError
from lowback_timer.core.language import format_clock
from lowback_timer.core.my_routine import FILE_NAME, Draft, save_my_routine
from lowback_timer.core.routine import Routine, build_routine, safe_hold_range
from lowback_timer.core.screening import Outcome, screen
from lowback_timer.core.settings import Settings
from lowback_timer.ui.picture import Picture
from lowback_timer.ui.style import SPACING, label, scaled_font

MINUTE_CHOICES = (3, 5, 10)
CARE_RESULT = 2  # the wizard's result code when it closed for the care screen


@dataclass(frozen=True)
class Answers:
    types: tuple[str, ...]  # empty = "not sure" (the balanced routine)
    place: str
    minutes: int


@dataclass(frozen=True)
class WizardResult:
    answers: Answers
    routine: Routine


def link_exclusive(
    none_box: QCheckBox, boxes: list[QCheckBox], changed: Callable[[], None]
) -> None:
    """ "None of these" / "Not sure": ticking it clears the others, ticking another clears it."""

    def other_toggled(checked: bool) -> None:
        if checked:
            none_box.setChecked(False)
        changed()

    def none_toggled(checked: bool) -> None:
        if checked:
            for box in boxes:
                box.setChecked(False)
        changed()

    for box in boxes:
        box.toggled.connect(other_toggled)
    none_box.toggled.connect(none_toggled)


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class _ClickToToggle(QObject):
    """Clicking anywhere on a card or row (its text included) toggles its check box."""

    def __init__(self, box: QCheckBox, parent: QObject) -> None:
        super().__init__(parent)
        self._box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._box.isEnabled()
        ):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False


class CheckRow(QFrame):
    """A check box whose text wraps (QCheckBox's own text never wraps)."""

    def __init__(self, text: str, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.text_label = label(text, factor=1.1, bold=bold)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(SPACING // 2)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        clicker = _ClickToToggle(self.box, self)
        self.text_label.installEventFilter(clicker)
        self.installEventFilter(clicker)


class TypeCard(QFrame):
    """One type as a card: its name and how it feels; the whole card toggles."""

    def __init__(self, name: str, feels: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.box = QCheckBox(name)
        self.box.setFont(scaled_font(1.25, bold=True))
        self.box.setAccessibleDescription(feels)
        self.feels = label(feels, factor=1.1)
        self.feels.setIndent(28)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACING, SPACING * 3 // 4, SPACING, SPACING * 3 // 4)
        column.setSpacing(SPACING // 3)
        column.addWidget(self.box)
        column.addWidget(self.feels)
        column.addStretch(1)
        clicker = _ClickToToggle(self.box, self)
        self.feels.installEventFilter(clicker)
        self.installEventFilter(clicker)
        self.box.toggled.connect(self._restyle)
        self._restyle(False)

    def _restyle(self, checked: bool) -> None:
        colour = "palette(highlight)" if checked else "palette(mid)"
        self.setStyleSheet(f"#typeCard {{ border: 2px solid {colour}; border-radius: 10px; }}")


# --- pages ---------------------------------------------------------------------------------
class WelcomePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Welcome"))
        column = QVBoxLayout(self)
        column.setSpacing(SPACING)
        column.addWidget(
            label(
                self.tr(
                    "Short, guided stretches for an aching lower back and heavy legs, "
                    "timed for you with calm breathing cues."
                ),
                factor=1.3,
            )
        )
        column.addWidget(
            label(
                self.tr(
                    "First a short safety check, then three questions: how it feels, where "
                    "you are, and how much time you have. You can change the answers later."
                ),
                factor=1.1,
            )
        )
        column.addWidget(
            label(
                self.tr("This is general guidance for everyday stiffness, not a diagnosis."),
                factor=1.0,
            )
        )
        column.addStretch(1)


class SafetyPage(QWizardPage):
    """All warning signs as a checklist by tier, and an explicit "None of these"."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._closing = False
        content, lang = wizard.content, wizard.lang
        self.setTitle(self.tr("Safety check"))
        intro = label(
            self.tr(
                "Before you stretch: is any of these true for you now? Tick all that apply, "
                "or tick “None of these” at the bottom."
            ),
            factor=1.1,
        )
        self.rows: dict[str, CheckRow] = {}
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, SPACING, 0)
        column.setSpacing(SPACING // 3)
        for tier in content.tiers:
            signs = [s for s in content.signs if s.tier == tier.tier]
            if not signs:
                continue
            heading = label(self._group_title(tier.tier, tier.title(lang)), factor=1.15, bold=True)
            heading.setContentsMargins(0, SPACING, 0, SPACING // 3)
            column.addWidget(heading)
            for sign in signs:
                row = CheckRow(sign.text(lang))
                self.rows[sign.id] = row
                column.addWidget(row)
        column.addStretch(1)
        self.none_row = CheckRow(self.tr("None of these"), bold=True)
        self.none_row.setObjectName("noneOfThese")
        self.none_row.setStyleSheet(
            "#noneOfThese { border-top: 1px solid palette(mid); padding-top: 6px; }"
        )
        self.none_box = self.none_row.box
        link_exclusive(
            self.none_box, [r.box for r in self.rows.values()], self.completeChanged.emit
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(intro)
        layout.addWidget(_scrolled(body), 1)
        layout.addWidget(self.none_row)

    def _group_title(self, tier: int, fallback: str) -> str:
        titles = {
            1: self.tr("Signs that need help now"),
            2: self.tr("Signs to have checked today"),
            3: self.tr("Signs to have checked soon"),
            4: self.tr("Signs while stretching"),
        }
        return titles.get(tier, fallback)

    def ticked(self) -> list[str]:
        return [sign_id for sign_id, row in self.rows.items() if row.box.isChecked()]

    def outcome(self) -> Outcome:
        return screen(self._wizard.content, self.ticked())

    def isComplete(self) -> bool:
        return self.none_box.isChecked() or bool(self.ticked())

    def nextId(self) -> int:
        outcome = self.outcome()
        if outcome.has_advice:
            return SetupWizard.ADVICE
        return self._wizard.after_check()

    def validatePage(self) -> bool:
        if self._closing:  # QWizard.done() validates the page again: let it close
            return True
        outcome = self.outcome()
        self._wizard.outcome = outcome
        self._wizard.screening_done.emit(outcome)
        if outcome.routine_allowed:
            return True
        self._closing = True
        try:
            self._wizard.done(CARE_RESULT)
        finally:
            self._closing = False
        self._wizard.care_needed.emit(outcome)
        return False


class AdvicePage(QWizardPage):
    """Tier 3 (and tier 4) signs: the routine is allowed, and the advice is read first."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Before you start"))
        self.text = label(factor=1.15)
        self.heading = label(factor=1.6, bold=True)
        self.go_on = label(
            self.tr(
                "You can go on to the stretches. Move gently and stop at once if something "
                "feels wrong."
            ),
            factor=1.1,
        )
        self.note = label(self.tr("This is general information, not a diagnosis."), factor=0.95)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(SPACING)
        column.addWidget(self.heading)
        column.addWidget(self.text)
        column.addWidget(self.go_on)
        column.addWidget(self.note)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(_scrolled(body))

    def initializePage(self) -> None:
        outcome = self._wizard.outcome or screen(self._wizard.content, [])
        lang = self._wizard.lang
        tiers = outcome.tiers
        self.heading.setText(tiers[0].title(lang) if tiers else "")
        parts = []
        for index, tier in enumerate(tiers):
            lines = [] if index == 0 else [tier.title(lang)]
            lines += [tier.action(lang), tier.call(lang)]
            ticked = [f"• {s.text(lang)}" for s in outcome.signs_of(tier.tier)]
            parts.append("\n".join(lines) + "\n\n" + "\n".join(ticked))
        self.text.setText("\n\n".join(parts))

    def nextId(self) -> int:
        return self._wizard.after_check()


class TypePage(QWizardPage):
    def __init__(self, wizard: SetupWizard, chosen: tuple[str, ...], not_sure: bool) -> None:
        super().__init__()
        self._wizard = wizard
        content, lang = wizard.content, wizard.lang
        self.setTitle(self.tr("Which sounds most like you?"))
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
        for column in (0, 1):
            grid.setColumnStretch(column, 1)
        grid.setRowStretch(rows + 1, 1)  # cards keep their height; the space goes below
        body = QWidget()
        body.setLayout(grid)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(_scrolled(body), 1)

    def types(self) -> tuple[str, ...]:
        return tuple(t for t, card in self.cards.items() if card.box.isChecked())

    def isComplete(self) -> bool:
        return self.not_sure.box.isChecked() or bool(self.types())

    def nextId(self) -> int:
        return SetupWizard.PLACE


class PlacePage(QWizardPage):
    def __init__(self, wizard: SetupWizard, place: str, minutes: int) -> None:
        super().__init__()
        self.setTitle(self.tr("Where, and how long?"))
        names = {
            "floor": self.tr("On the floor (a mat or a rug)"),
            "desk": self.tr("At my desk (a chair and a desk)"),
            "standing": self.tr("Standing (a wall to lean on)"),
        }
        self.places = QButtonGroup(self)
        self.place_buttons: dict[str, QRadioButton] = {}
        place_box = QGroupBox(self.tr("Where are you?"))
        place_box.setFont(scaled_font(1.15, bold=True))
        place_column = QVBoxLayout(place_box)
        place_column.setSpacing(SPACING // 2)
        for place_id in PLACES:
            button = QRadioButton(names.get(place_id, place_id))
            button.setFont(scaled_font(1.15))
            button.setChecked(place_id == place)
            self.places.addButton(button)
            self.place_buttons[place_id] = button
            place_column.addWidget(button)
        self.minutes = QButtonGroup(self)
        self.minute_buttons: dict[int, QRadioButton] = {}
        nearest = min(MINUTE_CHOICES, key=lambda m: (abs(m - minutes), m))
        time_box = QGroupBox(self.tr("How much time do you have?"))
        time_box.setFont(scaled_font(1.15, bold=True))
        time_column = QVBoxLayout(time_box)
        time_column.setSpacing(SPACING // 2)
        for value in MINUTE_CHOICES:
            button = QRadioButton(self.tr("About %1 minutes").replace("%1", str(value)))
            button.setFont(scaled_font(1.15))
            button.setChecked(value == nearest)
            self.minutes.addButton(button)
            self.minute_buttons[value] = button
            time_column.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING * 2)
        layout.addWidget(place_box)
        layout.addWidget(time_box)
        layout.addStretch(1)
        self._wizard = wizard

    def place(self) -> str:
        return next(p for p, b in self.place_buttons.items() if b.isChecked())

    def chosen_minutes(self) -> int:
        return next(m for m, b in self.minute_buttons.items() if b.isChecked())

    def nextId(self) -> int:
        return SetupWizard.PREVIEW


class PreviewRow(QFrame):
    """One stretch of the preview: picture, name, repetitions, hold, and the edit buttons."""

    def __init__(self, page: PreviewPage, index: int) -> None:
        super().__init__()
        wizard = page.wizard_ref
        content, lang = wizard.content, wizard.lang
        item = page.draft.items[index]
        variant = content.variant(item.variant)
        stretch = content.stretch(variant.stretch)
        self.picture = Picture(minimum=(120, 80))
        self.picture.setFixedSize(150, 100)
        self.picture.show_image(variant.image)
        self.name = label(stretch.name(lang), factor=1.15, bold=True)
        if stretch.both_sides:
            reps = self.tr("Once on each side") if item.reps == 1 else self.tr("%1 times each side")
        else:
            reps = self.tr("Once") if item.reps == 1 else self.tr("%1 times")
        reps = reps.replace("%1", str(item.reps))
        self.reps = label(reps)
        self.hold = QSpinBox()
        lo, hi = safe_hold_range(content, stretch.id)
        self.hold.setRange(lo, hi)
        self.hold.setSingleStep(5)
        self.hold.setValue(item.hold_s)
        self.hold.setSuffix(self.tr(" s"))
        self.hold.setFont(scaled_font(1.15))
        self.hold.setAccessibleName(self.tr("Hold for %1").replace("%1", stretch.name(lang)))
        self.hold.setToolTip(
            self.tr("Hold: %1–%2 seconds").replace("%1", str(lo)).replace("%2", str(hi))
        )
        self.hold.valueChanged.connect(lambda value: page.set_hold(index, value))
        hold_label = label(self.tr("Hold"))
        hold_label.setBuddy(self.hold)
        count = len(page.draft.items)
        self.up = QPushButton(self.tr("Move up"))
        self.up.setEnabled(index > 0)
        self.up.clicked.connect(lambda: page.move_item(index, -1))
        self.down = QPushButton(self.tr("Move down"))
        self.down.setEnabled(index < count - 1)
        self.down.clicked.connect(lambda: page.move_item(index, +1))
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.setEnabled(page.draft.can_remove())
        self.remove.clicked.connect(lambda: page.remove_item(index))
        for button, verb in ((self.up, "up"), (self.down, "down"), (self.remove, "remove")):
            button.setAutoDefault(False)
            button.setObjectName(verb)

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name)
        text.addWidget(self.reps)
        hold = QHBoxLayout()
        hold.addWidget(hold_label)
        hold.addWidget(self.hold)
        hold.addStretch(1)
        text.addLayout(hold)
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.up, self.down, self.remove):
            buttons.addWidget(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, SPACING // 2, 0, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.picture)
        row.addLayout(text, 1)
        row.addLayout(buttons)


class PreviewPage(QWizardPage):
    """The routine for the answers, editable: remove, reorder, change a hold; save it."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ref = wizard
        self.setTitle(self.tr("Your routine"))
        self.draft = Draft("desk", ())
        self.built = self.draft  # the routine as built from the answers, before any edit
        self._built_for: Answers | None = None
        self.saved = False
        self.rows: list[PreviewRow] = []
        self.total = label(factor=1.4, bold=True)
        self.save_button = QPushButton(self.tr("Save as my routine"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self.save)
        self.status = label()
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, SPACING, 0)
        self.list_layout.setSpacing(0)
        footer = QHBoxLayout()
        footer.addWidget(self.total, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(_scrolled(self.list_widget), 1)
        layout.addLayout(footer)
        layout.addWidget(self.status)

    def initializePage(self) -> None:
        answers = self.wizard_ref.answers()
        if answers != self._built_for:  # back and forth with the same answers keeps the edits
            routine = self.wizard_ref.build(answers)
            self.draft = self.built = Draft.of(routine)
            self._built_for = answers
            self.saved = False
            self.status.clear()
        self._rebuild()

    def routine(self) -> Routine:
        return self.draft.routine(self.wizard_ref.content)

    @property
    def edited(self) -> bool:
        return self.draft != self.built

    # --- edits --------------------------------------------------------------------------
    def set_hold(self, index: int, value: int) -> None:
        self.draft = self.draft.with_hold(self.wizard_ref.content, index, value)
        self._show_total()

    def move_item(self, index: int, delta: int) -> None:
        self.draft = self.draft.move(index, delta)
        self._rebuild()
        target = index + delta
        if 0 <= target < len(self.rows):
            row = self.rows[target]
            button = row.up if delta < 0 else row.down
            (button if button.isEnabled() else row.hold).setFocus()

    def remove_item(self, index: int) -> None:
        self.draft = self.draft.remove(index)
        self._rebuild()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].hold.setFocus()

    def _rebuild(self) -> None:
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        while self.list_layout.count():
            self.list_layout.takeAt(0)
        self.rows = [PreviewRow(self, i) for i in range(len(self.draft.items))]
        for row in self.rows:
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)
        previous: QWidget = self.list_widget
        for row in self.rows:  # Tab goes through each row in order
            for widget in (row.hold, row.up, row.down, row.remove):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.save_button)
        self._show_total()

    def _show_total(self) -> None:
        self.total.setText(
            self.tr("About %1 in all").replace("%1", format_clock(self.routine().total_s))
        )

    # --- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        path = self.wizard_ref.my_routine_path()
        try:
            save_my_routine(self.wizard_ref.content, path, self.draft.place, self.draft.items)
        except (OSError, ContentInvalidError) as exc:
            self.status.setText(self.tr("Could not save: %1").replace("%1", str(exc)))
            return False
        self.saved = True
        self.status.setText(self.tr("Saved as my routine."))
        self.wizard_ref.routine_saved.emit(path)
        return True

    def validatePage(self) -> bool:
        """Finish: an edited routine, or one replacing an earlier "my routine", is saved so that
        the home screen shows exactly this routine."""
        if self.edited or self.saved or self.wizard_ref.my_routine_path().exists():
            return self.save()
        return True


class SetupWizard(QWizard):
    """`completed(WizardResult)` on Finish (not in CHECK mode); `screening_done(Outcome)` when
    the safety check is answered; `care_needed(Outcome)` when it found a tier 1-2 sign (the
    wizard then closes with CARE_RESULT); `routine_saved(Path)` after "Save as my routine"."""

    WELCOME, SAFETY, ADVICE, TYPE, PLACE, PREVIEW = range(6)
    SETUP, ANSWERS, CHECK = "setup", "answers", "check"

    completed = Signal(object)
    screening_done = Signal(object)
    care_needed = Signal(object)
    routine_saved = Signal(object)

    def __init__(
        self,
        content: Content,
        lang: str,
        settings: Settings,
        data_dir: Path,
        *,
        mode: str = SETUP,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        if mode not in (self.SETUP, self.ANSWERS, self.CHECK):
            raise ValueError(f"unknown wizard mode: {mode}")
        self.content = content
        self.lang = lang
        self.mode = mode
        self.data_dir = data_dir
        self.outcome: Outcome | None = None
        self.setWindowTitle(self.tr("Set up your routine"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setFont(scaled_font(1.05))
        self.resize(920, 720)

        self.welcome = WelcomePage()
        self.safety = SafetyPage(self)
        self.advice = AdvicePage(self)
        known = {t.id for t in content.types}
        chosen = tuple(t for t in settings.types if t in known)
        self.type_page = TypePage(self, chosen, not_sure=settings.setup_done)
        self.place_page = PlacePage(self, settings.place, settings.minutes)
        self.preview = PreviewPage(self)
        for page_id, page in (
            (self.WELCOME, self.welcome),
            (self.SAFETY, self.safety),
            (self.ADVICE, self.advice),
            (self.TYPE, self.type_page),
            (self.PLACE, self.place_page),
            (self.PREVIEW, self.preview),
        ):
            self.setPage(page_id, page)
        start = {self.SETUP: self.WELCOME, self.ANSWERS: self.TYPE, self.CHECK: self.SAFETY}
        self.setStartId(start[mode])
        finish = self.tr("Done") if mode == self.CHECK else self.tr("Use this routine")
        self.setButtonText(QWizard.WizardButton.FinishButton, finish)

    def after_check(self) -> int:
        return -1 if self.mode == self.CHECK else self.TYPE

    def answers(self) -> Answers:
        return Answers(
            self.type_page.types(), self.place_page.place(), self.place_page.chosen_minutes()
        )

    def build(self, answers: Answers) -> Routine:
        return build_routine(self.content, answers.types, answers.place, answers.minutes)

    def routine(self) -> Routine:
        """The routine as shown in the preview (edits included)."""
        return self.preview.routine()

    def my_routine_path(self) -> Path:
        return self.data_dir / FILE_NAME

    def accept(self) -> None:
        if self.mode != self.CHECK:
            self.completed.emit(WizardResult(self.answers(), self.routine()))
        super().accept()


def page_labels(page: QWidget) -> list[str]:
    """Every visible text on a page (for tests and screenshots)."""
    return [w.text() for w in page.findChildren(QLabel) if w.isVisibleTo(page) and w.text()]
