"""The set-up wizard: welcome, safety check, advice, type, place and time, an editable preview.

The decisions live in core (core.screening, core.routine, core.my_routine); what the answers
and the check change is the controller's. The pages show that and collect the answers.

Modes: SETUP (first run, from the welcome page), ANSWERS (change answers: from the type page,
earlier answers preselected) and CHECK (the safety check alone).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizard, QWizardPage

from lowback_timer.app.controller import Controller
from lowback_timer.core.gate import known_types
from lowback_timer.core.routine import Answers, Routine
from lowback_timer.core.screening import Outcome, screen
from lowback_timer.ui.style import scaled_font
from lowback_timer.ui.widgets import enter_clicks, open_at, scrolled
from lowback_timer.ui.wizard import ids
from lowback_timer.ui.wizard.answers import PlacePage, TypePage, WelcomePage
from lowback_timer.ui.wizard.preview import PreviewPage
from lowback_timer.ui.wizard.safety import CARE_RESULT, AdvicePage, GroupPage


class SetupWizard(QWizard):
    """`completed(Answers)` on Finish (not in CHECK mode), once the controller has them;
    `care_needed(Outcome)` when the check found a sign that ends routines (the wizard then
    closes with CARE_RESULT)."""

    WELCOME, SAFETY, ADVICE, TYPE, PLACE, PREVIEW = (
        ids.WELCOME,
        ids.SAFETY,
        ids.ADVICE,
        ids.TYPE,
        ids.PLACE,
        ids.PREVIEW,
    )
    group = staticmethod(ids.group)
    SETUP, ANSWERS, CHECK = ids.SETUP, ids.ANSWERS, ids.CHECK

    completed = Signal(object)
    care_needed = Signal(object)

    def __init__(
        self, controller: Controller, *, mode: str = SETUP, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        if mode not in (self.SETUP, self.ANSWERS, self.CHECK):
            raise ValueError(f"unknown wizard mode: {mode}")
        self.controller = controller
        self.content = controller.content
        self.lang = controller.lang
        self.mode = mode
        self.outcome: Outcome | None = None  # the safety check's, once answered
        self.closing = False  # closing for the care screen
        self.setWindowTitle(self.tr("Set up your routine"))
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.setTitleFormat(Qt.TextFormat.PlainText)
        self.setSubTitleFormat(Qt.TextFormat.PlainText)
        self.setFont(scaled_font(1.05))
        open_at(self, 920, 720)  # (less on a small screen)
        # Never so narrow that the choices squeeze (it grows with the text size: about 30
        # lines of text wide); lower, each page scrolls and the buttons stay in sight.
        line = QFontMetrics(self.font()).lineSpacing()
        self.setMinimumSize(line * 30, line * 16)
        self._add_pages()
        for page_id in self.pageIds():
            scroll_inside(self.page(page_id))
        start = {self.SETUP: ids.WELCOME, self.ANSWERS: ids.TYPE, self.CHECK: ids.SAFETY}
        self.setStartId(start[mode])
        finish = self.tr("Done") if mode == self.CHECK else self.tr("Use this routine")
        self.setButtonText(QWizard.WizardButton.FinishButton, finish)
        # (after QWizard has given the focus to the page's first control, or to Next)
        self.currentIdChanged.connect(self._focus_start)

    def _focus_start(self) -> None:
        """Each page starts the keyboard on its own choice: the one chosen, in a group."""
        page = self.currentPage()
        start = getattr(page, "focus_start", None)
        if start is not None:
            start()

    def _add_pages(self) -> None:
        settings = self.controller.settings
        self.welcome = WelcomePage(self)
        self.groups = [GroupPage(self, i) for i in range(len(self.content.check_groups))]
        self.advice = AdvicePage(self)
        chosen = known_types(self.content, settings.types)
        self.type_page = TypePage(self, chosen, not_sure=settings.setup_done)
        self.place_page = PlacePage(self, settings.place, settings.minutes, settings.gentle)
        self.preview = PreviewPage(self)
        for index, group in enumerate(self.groups):
            self.setPage(ids.group(index), group)
        for page_id, page in (
            (ids.WELCOME, self.welcome),
            (ids.ADVICE, self.advice),
            (ids.TYPE, self.type_page),
            (ids.PLACE, self.place_page),
            (ids.PREVIEW, self.preview),
        ):
            self.setPage(page_id, page)

    @property
    def prepare_s(self) -> int | None:
        return self.controller.settings.prepare_s

    def after_check(self) -> int:
        return ids.FINISH if self.mode == self.CHECK else ids.TYPE

    # --- the safety check ---------------------------------------------------------------
    def check_outcome(self) -> Outcome:
        """What the groups answered so far say (the groups gone back over do not count)."""
        visited = set(self.visitedIds())
        ticked = [s for p in self.groups if ids.group(p.index) in visited for s in p.ticked()]
        return screen(self.content, ticked)

    def record_check(self) -> None:
        self.outcome = self.check_outcome()
        self.controller.record_check(self.outcome)

    def close_for_care(self, outcome: Outcome) -> None:
        """A sign that ends routines: record it, close, and ask for the care screen."""
        self.outcome = outcome
        self.controller.record_check(outcome)
        self.closing = True
        try:
            self.done(CARE_RESULT)
        finally:
            self.closing = False
        self.care_needed.emit(outcome)

    def answers(self) -> Answers:
        return Answers(
            self.type_page.types(),
            self.place_page.place(),
            self.place_page.chosen_minutes(),
            self.place_page.gentle_chosen(),
        )

    def build(self, answers: Answers) -> Routine:
        """The routine for these answers (and what the check said to leave out)."""
        return self.controller.routine_for(answers)

    def routine(self) -> Routine:
        """The routine as shown in the preview (edits included)."""
        return self.preview.routine()

    def accept(self) -> None:
        if self.mode != self.CHECK:
            answers = self.answers()
            self.controller.record_answers(answers)
            self.completed.emit(answers)
        super().accept()


def scroll_inside(page: QWizardPage) -> None:
    """The page's content in a scroll area of its own: a long page (the safety check's "which
    ones?" in Japanese, or any page at 200 %) scrolls, and Back, Next and Cancel stay on
    the screen. (QWidget.setLayout takes the layout over from the page, its widgets too.)"""
    content = page.layout()
    if content is None:
        return
    inner = QWidget()
    inner.setLayout(content)
    area = scrolled(inner)
    # The page's own background shows (QScrollArea filled it; its viewport has no colour of
    # its own). (Asking for the viewport made Qt build QFileDialog's and QMessageBox's Python
    # types before the first frame.)
    inner.setAutoFillBackground(False)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
