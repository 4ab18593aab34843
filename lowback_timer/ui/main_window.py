"""The main window: the stack of screens (home, timer, care) and the menu. The state and its
rules are the controller's; this window only moves between screens."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from lowback_timer import __version__
from lowback_timer.app.controller import Controller
from lowback_timer.app.history_recorder import HistoryRecorder
from lowback_timer.app.text import fill
from lowback_timer.core.app_state import paper_for
from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.content import Urgency
from lowback_timer.core.gate import StartStep
from lowback_timer.core.routine import Answers, Routine
from lowback_timer.core.screening import Outcome
from lowback_timer.core.session import Summary
from lowback_timer.ui.care import CarePage
from lowback_timer.ui.home import HomePage
from lowback_timer.ui.rating import RatingPage
from lowback_timer.ui.timer import TimerPage
from lowback_timer.ui.widgets import Notice, ask_where_to_save
from lowback_timer.ui.wizard import ids as wizard_ids

# Built on first use, not before the first frame: most starts open none of these.
if TYPE_CHECKING:
    from lowback_timer.ui.history_window import HistoryWindow
    from lowback_timer.ui.preferences import PreferencesDialog
    from lowback_timer.ui.shortcuts import ShortcutsDialog
    from lowback_timer.ui.wizard import SetupWizard


class MainWindow(QMainWindow):
    """`went_to_background` when closing it only hid it (the reminders go on in the tray);
    `quit_requested` when the user chose Quit."""

    went_to_background = Signal()
    quit_requested = Signal()  # Quit: the whole app, not only this window

    def __init__(
        self,
        controller: Controller,
        parent: QWidget | None = None,
        *,
        clock: Clock = monotonic_clock,
    ) -> None:
        """`clock` is the timer's monotonic clock (tests and screenshots give a fake one)."""
        super().__init__(parent)
        self.controller = controller
        content, lang = controller.content, controller.lang
        self.setWindowTitle(self.tr("Low-back Timer"))
        self.resize(900, 680)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.home = HomePage(content, lang)
        self.timer_page = TimerPage(content, lang, controller.settings, clock=clock)
        self.care = CarePage(content, lang)
        self.rating = RatingPage()
        for page in (self.home, self.timer_page, self.care, self.rating):
            self.stack.addWidget(page)
        self.history = HistoryRecorder(controller.data_dir, self)
        self._routine_name = ""  # what the history calls the routine that starts next
        self._types: tuple[str, ...] = ()  # and the types it was built for
        self._rating_after = False
        self._rate_first = False  # ask how the back and legs feel before the next start
        self._after_rating: Routine | None = None  # starts once the "before" rating is given
        self.wizard: SetupWizard | None = None
        self._rest: Routine | None = None  # the routine left after a stop for one stretch
        self._changed_box: QMessageBox | None = None  # "Has anything changed?", while open
        # Whether closing the window leaves the app running (set by the app: reminders on and
        # a tray or the small status window to live in).
        self.stays_in_background: Callable[[], bool] = lambda: False
        # Whether the desktop says how long the user was idle (set by the app).
        self.idle_known: Callable[[], bool | None] = lambda: None
        self._build_notices()
        self._build_menu()
        self._connect()
        self.home.show_routine(controller.routine)
        self.show_home()

    def _build_notices(self) -> None:
        self.recheck_notice = Notice(
            self.tr("Please do the safety check before your next routine. It takes a minute."),
            self.tr("Safety check"),
        )
        self.recheck_notice.button.clicked.connect(self.run_safety_check)
        self.problem_notice = Notice()
        for notice in (self.recheck_notice, self.problem_notice):
            self.home.notices.addWidget(notice)

    def _connect(self) -> None:
        controller = self.controller
        controller.settings_changed.connect(self.timer_page.apply_settings)
        controller.settings_changed.connect(self._show_notices)
        controller.routine_changed.connect(self.home.show_routine)
        controller.problem_changed.connect(self._show_notices)
        self.home.start_requested.connect(self.start_routine)
        self.home.change_answers_requested.connect(self.change_answers)
        self.home.safety_check_requested.connect(self.run_safety_check)
        self.home.print_requested.connect(self.print_sheet)
        self.home.pdf_requested.connect(self.save_sheet_as_pdf)
        self.timer_page.home_requested.connect(self.show_home)
        self.timer_page.restart_requested.connect(self.start_routine)
        self.timer_page.stop_reported.connect(self.show_care_for_stop)
        self.care.finished.connect(self.show_home)
        self.care.skip_requested.connect(self._go_on_without_that_stretch)
        self.timer_page.session_started.connect(
            lambda routine: self.history.session_started(routine, self._routine_name, self._types)
        )
        self.timer_page.session_ended.connect(self._session_ended)
        self.timer_page.windowTitleChanged.connect(lambda _title: self._title())
        self.rating.answered.connect(self._rated)
        self.rating.stop_asking.connect(
            lambda: controller.update_settings(replace(controller.settings, ask_ratings=False))
        )
        self.history.problem.connect(lambda text: controller.tell("history", text))

    def _build_menu(self) -> None:
        routine_menu = self.menuBar().addMenu(self.tr("&Routine"))
        for text, shortcut, slot in (
            (self.tr("&Start my routine"), QKeySequence("Ctrl+Return"), self.start_routine),
            (self.tr("Change &answers…"), None, self.change_answers),
            (self.tr("Safety &check…"), None, self.run_safety_check),
            (None, None, None),
            (self.tr("&History…"), QKeySequence("Ctrl+H"), self.open_history),
            (self.tr("P&rint sheet…"), QKeySequence.StandardKey.Print, self.print_sheet),
            (self.tr("Save sheet as P&DF…"), None, self.save_sheet_as_pdf),
            (None, None, None),
            (self.tr("&Preferences…"), QKeySequence.StandardKey.Preferences, self.open_preferences),
            (self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.quit),
        ):
            if text is None:
                routine_menu.addSeparator()
                continue
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcut(shortcut)
            action.triggered.connect(slot)
            routine_menu.addAction(action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        guide = QAction(self.tr("How often, and what to expect"), self)
        guide.triggered.connect(self.show_guidance)
        help_menu.addAction(guide)
        keys = QAction(self.tr("&Keyboard shortcuts"), self)
        keys.setShortcut(QKeySequence.StandardKey.HelpContents)
        keys.triggered.connect(self.show_shortcuts)
        help_menu.addAction(keys)
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def show_guidance(self) -> QMessageBox:
        """How often to stretch and what to expect, said once, here."""
        guidance, lang = self.controller.content.guidance, self.controller.lang
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("How often, and what to expect"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(guidance.rule(lang))
        box.setInformativeText(f"{guidance.how_often(lang)}\n\n{guidance.expect(lang)}")
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def show_shortcuts(self) -> ShortcutsDialog:
        """Every key the app answers to, read from its menus and the timer's shortcuts."""
        self.timer_page.pause()  # nothing runs on behind a dialog
        from lowback_timer.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self.menuBar(), self.timer_page, self, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Low-back Timer"),
            fill(
                self.tr(
                    "Low-back Timer %1\n\nGuided stretches for an aching lower back and heavy "
                    "legs. General guidance, not a diagnosis or a treatment.\n\nYour history "
                    "and settings stay on this computer; nothing is sent anywhere."
                ),
                __version__,
            ),
        )

    def quit(self) -> None:
        """Quit the app, reminders and all (closing the window may only hide it)."""
        self.stays_in_background = lambda: False
        self.close()
        self.quit_requested.emit()  # the app ends its event loop (ui/app.py)

    def closeEvent(self, event: QCloseEvent) -> None:
        # At logout the session manager closes every window; one that said no would hold the
        # logout up, so then it closes like any other.
        app = QGuiApplication.instance()
        logging_out = isinstance(app, QGuiApplication) and app.isSavingSession()
        if self.stays_in_background() and not logging_out:
            event.ignore()
            self.show_home()  # a running routine ends; nothing sounds from a hidden window
            self.hide()
            self.went_to_background.emit()
            return
        self.timer_page.abandon()
        super().closeEvent(event)

    # --- screens ------------------------------------------------------------------------
    def _show_notices(self) -> None:
        """The home screen's notes, derived from the controller's state in this one place."""
        self.recheck_notice.setVisible(self.controller.recheck_due())
        self.problem_notice.text.setText(self.controller.problem)
        self.problem_notice.setVisible(bool(self.controller.problem))

    def bring_forward(self) -> None:
        """Another start of the app asked for this window (see app/single_instance.py)."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def show_page(self, page: QWidget) -> None:
        """Every screen change goes through here: leaving the timer ends its routine, so
        nothing keeps running (or sounding) behind another screen."""
        if page is not self.timer_page:
            self.timer_page.abandon()
        self.stack.setCurrentWidget(page)
        self._title()

    def _title(self) -> None:
        """The app's name; on the timer, the stretch first (and "Paused" when it is)."""
        base = self.tr("Low-back Timer")
        on_timer = self.stack.currentWidget() is self.timer_page and self.timer_page.busy()
        page_title = self.timer_page.windowTitle() if on_timer else ""
        self.setWindowTitle(fill(self.tr("%1 — %2"), page_title, base) if page_title else base)

    def show_home(self) -> None:
        self._show_notices()  # a check can fall due while the app is open
        self.show_page(self.home)
        self.home.start_button.setFocus()

    def start_up(self) -> None:
        """Call once the window is shown: the wizard on the first run; otherwise the home
        screen, which asks for the safety check again when it is due (a line, not a dialog)."""
        if not self.controller.settings.setup_done:
            self.open_wizard(wizard_ids.SETUP)

    def start_routine(self) -> None:
        """Start today's routine (see `start_session`)."""
        controller = self.controller
        saved = controller.saved_routine
        self._named(saved.name(controller.lang) if saved else "", controller.settings.types)
        self._rate_first = controller.settings.ask_ratings
        self._start(None)

    def start_session(self, answers: Answers) -> None:
        """Start the routine for these answers (`lowback-timer session`) at once, with the
        user's own get-ready time; the saved answers stay as they are."""
        self._named("", answers.types)
        self._rate_first = False  # "at once": the timer, no question before it
        self._start(self.controller.routine_for(answers))

    def _named(self, name: str, types: tuple[str, ...]) -> None:
        """What the history will call the routine that starts next."""
        content, lang = self.controller.content, self.controller.lang
        self._types = tuple(types)
        names = [content.pain_type(t).name(lang) for t in types]
        self._routine_name = name or self.tr(", ").join(names)

    def _start(self, routine: Routine | None) -> None:
        """Start the timer, but never before a safety check that allowed a routine: on a first
        run from `lowback-timer session`, or after a check that found an urgent sign, the check
        comes first and the routine starts once it is passed."""
        if self.timer_page.busy():
            self.show_page(self.timer_page)  # one routine at a time; never restart it silently
            return
        step = self.controller.start_step()  # the stored decision, read again, decides
        if step is StartStep.CHECK:
            self._check_then_start(routine)
            return
        if step is StartStep.ASK_IF_CHANGED:
            self.ask_if_changed(routine)
            return
        if self._rate_first:
            self._ask_rating(routine or self.controller.routine)
            return
        self._run(routine or self.controller.routine)

    def _run(self, routine: Routine) -> None:
        self.show_page(self.timer_page)
        self.timer_page.load(routine)

    # --- how the back and legs feel -------------------------------------------------------
    def _ask_rating(self, routine: Routine | None) -> None:
        """Before a routine (`routine` then starts), or after one (None)."""
        self._rating_after = routine is None
        self._after_rating = routine
        self.show_page(self.rating)
        self.rating.ask(after=routine is None)

    def _rated(self, back: int | None, legs: int | None) -> None:
        if self._rating_after:
            self.history.rated_after(back, legs)
            self.stack.setCurrentWidget(self.timer_page)  # its "well done" view
            self.timer_page.home_button.setFocus()
            return
        self.history.rated_before(back, legs)
        if self._after_rating is not None:
            self._run(self._after_rating)

    def _session_ended(self, summary: Summary) -> None:
        self.history.session_ended(summary)
        if summary.finished and self.controller.settings.ask_ratings:
            self._ask_rating(None)

    def _start_if_allowed(self, routine: Routine | None) -> None:
        if self.controller.start_step() is StartStep.RUN:
            self._start(routine)

    def _check_then_start(self, routine: Routine | None) -> None:
        wizard = self.run_safety_check()
        wizard.accepted.connect(lambda: self._start_if_allowed(routine))

    def ask_if_changed(self, routine: Routine | None = None) -> QMessageBox:
        """The check is due again: one question before the routine, not the whole check. Only
        one such question is ever open: asking again brings it forward."""
        if self._changed_box is not None and self._changed_box.isVisible():
            self._changed_box.raise_()
            self._changed_box.activateWindow()
            return self._changed_box
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Safety check"))
        box.setText(self.tr("Has anything changed since your last safety check?"))
        box.setInformativeText(
            self.tr("New pain, numbness, weakness, or anything that feels different from usual.")
        )
        same = box.addButton(self.tr("Nothing has changed"), QMessageBox.ButtonRole.AcceptRole)
        check = box.addButton(self.tr("Show me the check"), QMessageBox.ButtonRole.ActionRole)
        box.setDefaultButton(same)
        box.addButton(QMessageBox.StandardButton.Cancel)

        def answered(button: QAbstractButton) -> None:
            self._changed_box = None
            if button is same:
                self.controller.confirm_unchanged()
                self._start(routine)  # asks the gate again: a check failed meanwhile wins
            elif button is check:
                self._check_then_start(routine)

        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _result: self._forget_changed_box(box))
        self._changed_box = box
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.open()
        return box

    def _forget_changed_box(self, box: QMessageBox) -> None:
        if self._changed_box is box:
            self._changed_box = None

    def show_care_for_screening(self, outcome: Outcome) -> None:
        groups = {s.id: g for g in self.controller.content.check_groups for s in g.signs}
        answered = {groups[sign.id] for sign in outcome.signs}  # by id, never in own words
        for group in sorted(answered, key=lambda g: g.tier):
            self.history.safety_stop("check", group.tier, group.id)
        self.care.set_region(self.controller.emergency_number())
        self.care.show_screening([t.tier for t in outcome.tiers], outcome.signs)
        self.show_page(self.care)
        self.care.home_button.setFocus()

    def show_care_for_stop(self, reason_id: str) -> None:
        """The timer's "Something feels wrong": the advice for what the user felt, and, when it
        only concerns this stretch, the offer to go on with the others."""
        content = self.controller.content
        self.controller.record_stop(reason_id)
        reason = content.stop_reason(reason_id)
        if reason.tier is not None:
            self.history.safety_stop("stop", reason.tier, reason_id)
        self._rest = None
        session = self.timer_page.session
        one_stretch = reason.tier is not None and (
            content.tier(reason.tier).urgency is Urgency.STOP_STRETCH
        )
        if one_stretch and session is not None:
            self._rest = self.controller.rest_after(session.routine, session.index)
        self.care.set_region(self.controller.emergency_number())
        self.care.show_stop(reason, offer_skip=self._rest is not None)
        self.show_page(self.care)
        self.care.home_button.setFocus()

    def _go_on_without_that_stretch(self) -> None:
        rest, self._rest = self._rest, None
        if rest is None:
            self.show_home()
            return
        self.show_page(self.timer_page)
        self.timer_page.load(rest)

    # --- dialogs ------------------------------------------------------------------------
    def open_history(self) -> HistoryWindow:
        """The history window (not modal: it can stay open beside the app)."""
        from lowback_timer.ui.history_window import HistoryWindow  # built on first use

        # The session just finished is shown: its writes get a moment (a locked history
        # shows what it has, and the window refreshes when the rest lands).
        self.history.flush(timeout_s=1.0)
        window = HistoryWindow(self.history, self.controller.content, self.controller.lang, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.show()
        return window

    def print_sheet(self) -> QDialog:
        """Today's routine sheet through Qt's print preview (the printer's own dialog too)."""
        from lowback_timer.sheet.pdf import routine_sheet
        from lowback_timer.ui.sheet_preview import SheetPreview  # QtPrintSupport, on use

        dialog = SheetPreview(routine_sheet(self.controller), self._paper(), self)
        dialog.resize(max(760, self.width()), max(700, self.height()))  # a page large enough
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.open()
        return dialog

    def save_sheet_as_pdf(self) -> QFileDialog:
        """Ask where, then write today's routine sheet there as a PDF."""
        return ask_where_to_save(
            self,
            self.tr("Save sheet as PDF"),
            self.tr("stretching-routine.pdf"),
            self.tr("PDF files (*.pdf)"),
            self.write_sheet,
        )

    def write_sheet(self, path: Path) -> bool:
        from lowback_timer.sheet.pdf import routine_sheet, write_pdf

        try:
            write_pdf(routine_sheet(self.controller), path, self._paper())
        except OSError as exc:
            box = QMessageBox(
                QMessageBox.Icon.Warning, self.tr("Save sheet as PDF"), str(exc), parent=self
            )
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.open()
            return False
        self.statusBar().showMessage(fill(self.tr("Sheet saved as %1"), path), 10_000)
        return True

    def _paper(self) -> str:
        return paper_for(self.controller.country)

    def open_preferences(self) -> PreferencesDialog:
        """Window-modal, not blocking; the settings apply when the user presses OK."""
        self.timer_page.pause()  # nothing runs on behind a dialog
        from lowback_timer.ui.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.controller, self, idle_known=self.idle_known())
        dialog.accepted.connect(dialog.apply)
        dialog.open()
        return dialog

    def open_wizard(self, mode: str = wizard_ids.SETUP) -> SetupWizard:
        """Open the wizard (window-modal, not blocking); SETUP, ANSWERS or CHECK."""
        self.timer_page.pause()  # nothing runs on behind a dialog
        if self.wizard is not None:
            self.wizard.close()
            self.wizard.deleteLater()
        from lowback_timer.ui.wizard import SetupWizard

        wizard = SetupWizard(self.controller, mode=mode, parent=self)
        wizard.care_needed.connect(self.show_care_for_screening)
        wizard.completed.connect(lambda _answers: self.show_home())
        self.wizard = wizard
        wizard.open()
        return wizard

    def change_answers(self) -> SetupWizard:
        return self.open_wizard(wizard_ids.ANSWERS)

    def run_safety_check(self) -> SetupWizard:
        return self.open_wizard(wizard_ids.CHECK)
