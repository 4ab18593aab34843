"""The home screen: today's routine and one main action, "Start my routine"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.text import Phrases, dose_text, fill, keep_sentence_ends
from lowback_timer.core.content import Content, Urgency
from lowback_timer.core.gate import HomeStep
from lowback_timer.core.routine import Routine
from lowback_timer.ui.style import SPACING, label
from lowback_timer.ui.widgets import Notice, Picture, laid_out, scrolled

PICTURE = (120, 80)  # each row's picture; its row is as tall as the picture or its text


class HomePage(QWidget):
    start_requested = Signal()
    change_answers_requested = Signal()
    safety_check_requested = Signal()
    setup_requested = Signal()  # the whole wizard: the check, then the questions
    print_requested = Signal()
    pdf_requested = Signal()
    review_dismissed = Signal()  # the two-week review's line: hide it for a week

    def __init__(self, content: Content, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._content = content
        self._lang = lang
        self.heading = label(self.tr("Today's routine"), factor=1.8, bold=True)
        self.left_out = label(factor=1.05)  # what a stop left out for today
        self.left_out.hide()
        self.rows = QWidget()
        self.rows_layout = QGridLayout(self.rows)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.rows_layout.setHorizontalSpacing(SPACING)
        self.rows_layout.setVerticalSpacing(SPACING * 3 // 4)
        self.rows_layout.setColumnStretch(1, 1)
        self.total = label(factor=1.2, wrap=False)
        self.start_button = QPushButton(self.tr("Start my routine"))
        self.start_button.setDefault(True)
        self.start_button.setAutoDefault(True)
        self.start_button.setFont(self.heading.font())
        # (a minimum height set counts for more than the text's: never lower than it needs)
        self.start_button.setMinimumHeight(max(56, self.start_button.sizeHint().height()))
        self.start_button.clicked.connect(self.start_requested)
        self.change_button = QPushButton(self.tr("Change answers"))
        self.change_button.clicked.connect(self.change_answers_requested)
        self.check_button = QPushButton(self.tr("Safety check"))
        self.check_button.clicked.connect(self.safety_check_requested)
        self.print_button = QPushButton(self.tr("Print sheet…"))
        self.print_button.clicked.connect(self.print_requested)
        self.pdf_button = QPushButton(self.tr("Save sheet as PDF…"))
        self.pdf_button.clicked.connect(self.pdf_requested)
        self.rule = label(content.guidance.rule(lang), factor=1.05)
        self.note = label(content.guidance.not_advice(lang), factor=0.9)
        # The rows, the rule and the note scroll together: on a small screen (960 x 540 at
        # 200 %) with the notices shown, the buttons keep their place and a row stays whole.
        column = QWidget()
        texts = laid_out(QVBoxLayout(column), (self.rows, 1), self.rule, self.note)
        texts.setContentsMargins(0, 0, 0, 0)
        texts.setSpacing(SPACING)
        self.rows_area = scrolled(column)
        self.rows_area.setMinimumHeight(PICTURE[1])

        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        # The length beside the heading: the routine's rows get the height.
        layout.addLayout(
            laid_out(QHBoxLayout(), (self.heading, 1), self.total),
        )
        layout.addWidget(self.left_out)
        layout.addWidget(self.rows_area, 1)
        # Calm, non-modal notices: the safety check is due; the app's notes (a file set aside).
        self.recheck_notice = Notice(
            self.tr("Please do the safety check before your next routine. It takes a minute."),
            self.tr("Safety check"),
            self,
        )
        self.recheck_notice.button.clicked.connect(self._notice_pressed)
        self._step = HomeStep.READY
        self.problem_notice = Notice(parent=self)
        # The two-week review (core/review.py): its line until dismissed for a week.
        self.review_notice = Notice(button_text=self.tr("Dismiss"), parent=self)
        dismiss = self.review_notice.button
        dismiss.setAccessibleName(self.tr("Dismiss the two-week review for a week"))
        dismiss.setToolTip(self.tr("Hide this for a week"))
        dismiss.clicked.connect(self.review_dismissed)
        # Leg symptoms spread after a stretch twice in a week: have it checked (tier "soon").
        self.check_up_notice = Notice(parent=self)
        self.notices = laid_out(
            QVBoxLayout(),
            self.recheck_notice,
            self.check_up_notice,
            self.review_notice,
            self.problem_notice,
        )
        self.notices.setSpacing(SPACING // 2)
        layout.addLayout(self.notices)
        layout.addWidget(self.start_button)
        layout.addLayout(
            laid_out(
                QHBoxLayout(),
                self.change_button,
                self.check_button,
                1,
                self.print_button,
                self.pdf_button,
            )
        )
        # With no routine to list (routines off, no answers yet), what is left sits at the top
        # instead of spreading down the page; the rows take every height when they show.
        layout.addStretch(0)

    def show_notices(
        self,
        recheck_due: bool,
        problem: str,
        step: HomeStep = HomeStep.READY,
        left_out: list[str] | None = None,
    ) -> None:
        """The notes, and what home offers (`step`): with routines off or no answers yet, no
        routine and no Start, only the one way on. `left_out`: the stretches' names a stop
        left out for today."""
        self._step = step
        ready = step is HomeStep.READY
        self.heading.setText(self._heading(step))
        self.recheck_notice.text.setText(self._notice_text(step))
        self.recheck_notice.button.setText(
            self.tr("Set up my routine") if step is HomeStep.SET_UP else self.tr("Safety check")
        )
        self.recheck_notice.setVisible(recheck_due or not ready)
        for widget in (self.rows_area, self.total, self.start_button, self.print_button, self.rule):
            widget.setVisible(ready)
        self.pdf_button.setVisible(ready)
        self.change_button.setVisible(step is not HomeStep.SET_UP)
        self.check_button.setVisible(not self.recheck_notice.isVisibleTo(self))  # once
        names = self.tr(", ").join(left_out or [])
        self.left_out.setText(fill(self.tr("Left out today: %1"), names) if names else "")
        self.left_out.setVisible(bool(names) and ready)
        self.problem_notice.text.setText(problem)
        self.problem_notice.setVisible(bool(problem))

    def show_review(self, line: str) -> None:
        """The two-week review's line ("" hides it)."""
        self.review_notice.text.setText(keep_sentence_ends(line))
        self.review_notice.setVisible(bool(line))

    def show_check_up(self, spreads: int) -> None:
        """`spreads`: how often the leg symptoms spread after a stretch in the last week, when
        that is often enough to have it checked (0: nothing to say). In the words of the
        content's tier for "soon": what to do, and whom to see."""
        soon = self._content.tier_for(Urgency.SOON)
        lead = self.tr(
            "Tingling or pain spread further down your leg after a stretch %n times in the "
            "past week.",
            "",
            spreads,
        )
        text = lead
        if soon is not None:
            text = fill(self.tr("%1 %2. %3"), lead, soon.title(self._lang), soon.call(self._lang))
        self.check_up_notice.text.setText(keep_sentence_ends(text) if spreads else "")
        self.check_up_notice.setVisible(bool(spreads))

    def focus_main(self) -> None:
        """The keyboard starts on the one thing home offers."""
        if self.start_button.isVisibleTo(self) and self.start_button.isEnabled():
            self.start_button.setFocus()
        else:
            self.recheck_notice.button.setFocus()

    def _heading(self, step: HomeStep) -> str:
        if step is HomeStep.OFF:
            return self.tr("Routines are off for now")
        if step is HomeStep.SET_UP:
            return self.tr("Welcome")
        return self.tr("Today's routine")

    def _notice_text(self, step: HomeStep) -> str:
        if step is HomeStep.OFF:
            return self.tr(
                "Your answers showed a sign that needs a doctor first, so the app offers no "
                "routine until you pass the safety check again."
            )
        if step is HomeStep.SET_UP:
            return self.tr(
                "Answer a few questions first: the safety check, what you feel, where you are "
                "and how much time you have. Then the app builds your routine."
            )
        return self.tr("Please do the safety check before your next routine. It takes a minute.")

    def _notice_pressed(self) -> None:
        if self._step is HomeStep.SET_UP:
            self.setup_requested.emit()
        else:
            self.safety_check_requested.emit()

    def show_routine(self, routine: Routine) -> None:
        while self.rows_layout.count():
            old = self.rows_layout.takeAt(0)
            widget = old.widget() if old is not None else None
            if widget is not None:
                widget.hide()  # gone from the screen now, deleted once the loop runs
                widget.deleteLater()
        for number, item in enumerate(routine.items, start=1):
            variant = self._content.variant(item.variant)
            stretch = self._content.stretch_for(item.variant)
            name = f"{number}. {stretch.name(self._lang)}"
            picture = Picture(minimum=PICTURE)
            picture.setFixedSize(*PICTURE)
            picture.show_image(variant.image)
            picture.setAccessibleDescription(stretch.name(self._lang))
            dose = dose_text(stretch, item.hold_s, item.reps)
            text = QVBoxLayout()
            texts = QWidget()
            texts.setLayout(text)
            text.setContentsMargins(0, 0, 0, 0)
            text.addWidget(label(name, factor=1.25, bold=True))
            text.addWidget(label(dose, factor=1.1))
            text.addWidget(label(stretch.cue(self._lang)))
            text.addStretch(1)
            row = number - 1
            self.rows_layout.addWidget(picture, row, 0, Qt.AlignmentFlag.AlignTop)
            self.rows_layout.addWidget(texts, row, 1)
        self.rows_layout.setRowStretch(len(routine.items), 1)
        self.total.setText(Phrases().length(routine.total_s) if routine.items else "")
        self.start_button.setEnabled(bool(routine.items))  # (every stretch left for today)
