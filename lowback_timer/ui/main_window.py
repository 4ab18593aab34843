"""The main window: the stack of screens (home, timer, care) and the menu. The state and its
rules are the controller's; this window only moves between screens."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QMainWindow, QStackedWidget, QWidget

from lowback_timer.app.controller import Controller
from lowback_timer.app.history_recorder import HistoryRecorder
from lowback_timer.app.routine_flow import RoutineFlow, Show
from lowback_timer.app.text import fill
from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.gate import HomeStep
from lowback_timer.core.routine import Answers, Routine
from lowback_timer.core.screening import Outcome
from lowback_timer.ui import screens
from lowback_timer.ui.home import HomePage
from lowback_timer.ui.widgets import LazyPage, enter_clicks, open_at
from lowback_timer.ui.window_actions import WindowActions
from lowback_timer.ui.wizard import ids as wizard_ids

# Built on first use, not before the first frame: most starts open none of these.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox

    from lowback_timer.app.desktop_sources import SourcesReport
    from lowback_timer.core.session import Summary
    from lowback_timer.ui.care import CarePage
    from lowback_timer.ui.rating import RatingPage
    from lowback_timer.ui.timer import TimerPage
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
        enter_clicks(self)  # Enter presses the focused button
        self.controller = controller
        content, lang = controller.content, controller.lang
        self.setWindowTitle(self.tr("Low-back Timer"))
        open_at(self, 900, 680)  # (less on a small screen)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.home = HomePage(content, lang)
        self.stack.addWidget(self.home)
        self.clock = clock
        self._timer = LazyPage(self.stack, partial(screens.timer, self))
        self._care = LazyPage(self.stack, partial(screens.care, self))
        self._rating = LazyPage(self.stack, partial(screens.rating, self))
        self.history = HistoryRecorder(controller.data_dir, self)
        self.flow = RoutineFlow(controller, self.history)  # the decisions around a routine
        # Home shows the two-week review's line once `start_reviews` is called (it reads the
        # history: after the first frame).
        self.reviews = False
        self._rating_after = False
        self._after_rating: Routine | None = None  # starts once the "before" rating is given
        self.wizard: SetupWizard | None = None
        # Whether closing the window leaves the app running (set by the app: reminders on and
        # a tray or the small status window to live in).
        self.stays_in_background: Callable[[], bool] = lambda: False
        # Asks which desktop sources answer (idle time, Do Not Disturb, locking) and calls
        # back with a SourcesReport (set by the app; None: not asked, Preferences says nothing).
        self.ask_sources: Callable[[Callable[[SourcesReport], None]], None] | None = None
        # The menus and the dialogs they open (ui/window_actions.py).
        self.actions_ = actions = WindowActions(self)
        self.show_guidance, self.show_shortcuts = actions.show_guidance, actions.show_shortcuts
        self.open_history, self.open_preferences = actions.open_history, actions.open_preferences
        self.print_sheet, self.save_sheet_as_pdf = actions.print_sheet, actions.save_sheet_as_pdf
        self.write_sheet = actions.write_sheet
        actions.build_menu()
        self._connect()
        self.home.show_routine(controller.routine)
        self.show_home()

    def _connect(self) -> None:
        controller, home = self.controller, self.home
        controller.settings_changed.connect(self._show_notices)
        controller.routine_changed.connect(home.show_routine)
        controller.problem_changed.connect(self._show_notices)
        home.start_requested.connect(self.start_routine)
        home.change_answers_requested.connect(self.change_answers)
        home.safety_check_requested.connect(self._check_from_home)
        home.setup_requested.connect(self.open_wizard)
        home.print_requested.connect(self.print_sheet)
        home.pdf_requested.connect(self.save_sheet_as_pdf)
        self.history.problem.connect(lambda text: controller.tell("history", text))
        self.history.changed.connect(self._show_review)  # (and at least each reminder)
        home.review_dismissed.connect(self._dismiss_review)

    # --- the screens made on first use (ui/screens.py) --------------------------------------
    @property
    def timer_page(self) -> TimerPage:
        return self._timer()

    @property
    def care(self) -> CarePage:
        return self._care()

    @property
    def rating(self) -> RatingPage:
        return self._rating()

    def ask_if_changed(self, routine: Routine | None = None) -> QMessageBox:
        def nothing_changed() -> None:
            self.controller.confirm_unchanged()
            self._start(routine)  # asks the gate again: a check failed meanwhile wins

        return self.actions_.ask_if_changed(
            nothing_changed, lambda: self._check_then_start(routine)
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
        if timer := self._timer.made():
            timer.abandon()
        super().closeEvent(event)

    # --- screens ------------------------------------------------------------------------
    def _show_notices(self) -> None:
        """The home screen's notes, derived from the controller's state in this one place."""
        controller, content = self.controller, self.controller.content
        controller.new_day()  # (what a stop left out yesterday is back)
        known = {s.id for s in content.stretches}
        left_out = [
            content.stretch(s).name(controller.lang)
            for s in controller.left_out_today()
            if s in known
        ]
        step, due = controller.home_step(), controller.recheck_due()
        self.home.show_notices(due, controller.problem, step, left_out)
        self.home.show_check_up(controller.spreads_to_check())
        self._show_review()

    def start_reviews(self) -> None:
        """From now on home shows the two-week review's line when there is one."""
        self.reviews = True
        self._show_review()

    def _show_review(self) -> None:
        """Only beside a routine: with routines off, the care screen has said what to do. Read
        when home is seen: a copy idle in the tray opens no history for it."""
        controller, line = self.controller, ""
        seen = self.isVisible() and self.stack.currentWidget() is self.home
        if not seen:
            return  # (showEvent and show_home ask again)
        if self.reviews and controller.home_step() is HomeStep.READY:
            from datetime import date  # (after the first frame: kept out of the start)

            from lowback_timer.app.review_text import ReviewText

            result = self.history.review(date.fromisoformat(controller.today()))
            if result is not None and controller.review_on_home(result):
                line = ReviewText().line(result, controller.content, controller.lang)
        self.home.show_review(line)

    def _dismiss_review(self) -> None:
        self.controller.dismiss_review()  # (the settings change hides the line)
        self.home.focus_main()  # not lost with the button that hid

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
        timer = self._timer.made()
        if timer is not None and page is not timer:
            timer.abandon()
        self.stack.setCurrentWidget(page)
        self.update_title()

    def update_title(self) -> None:
        """The app's name; on the timer, the stretch first (and "Paused" when it is)."""
        base = self.tr("Low-back Timer")
        timer = self._timer.made()
        on_timer = timer is not None and self.stack.currentWidget() is timer and timer.busy()
        page_title = timer.windowTitle() if timer is not None and on_timer else ""
        self.setWindowTitle(fill(self.tr("%1 — %2"), page_title, base) if page_title else base)

    def show_home(self) -> None:
        self.show_page(self.home)
        self._show_notices()  # a check can fall due while the app is open
        self.home.focus_main()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_review()  # (from the tray: home is seen only now)

    def start_up(self) -> None:
        """Call once the window is shown: the wizard on the first run; otherwise the home
        screen, which asks for the safety check again when it is due (a line, not a dialog)."""
        if not self.controller.settings.setup_done:
            self.open_wizard(wizard_ids.SETUP)

    def start_routine(self) -> None:
        """Start today's routine (see `start_session`)."""
        self.flow.today()
        self._start(None)

    def start_session(self, answers: Answers) -> None:
        """Start the routine for these answers (`lowback-timer session`) at once, with the
        user's own get-ready time; the saved answers stay as they are."""
        self._start(self.flow.for_answers(answers))

    def _start(self, routine: Routine | None) -> None:
        """Start the timer, but never before a safety check that allowed a routine: the flow
        says what comes first (the check, one question, the rating)."""
        if (timer := self._timer.made()) and timer.busy():
            self.show_page(timer)  # one routine at a time; never restart it silently
            return
        show, chosen = self.flow.next_screen(routine)
        if show is Show.SET_UP:
            self.open_wizard(wizard_ids.SETUP)
        elif show is Show.HOME:
            self.show_home()
        elif show is Show.CHECK:
            self._check_then_start(routine)
        elif show is Show.ASK_IF_CHANGED:
            self.ask_if_changed(routine)
        elif show is Show.RATE:
            self._ask_rating(chosen)
        else:
            self._run(chosen)

    def _check_then_start(self, routine: Routine | None) -> None:
        """The whole check; the routine starts once it is passed (and not due)."""

        def passed() -> None:
            if self.flow.may_start_now():
                self._start(routine)

        self.run_safety_check().accepted.connect(passed)

    def _run(self, routine: Routine) -> None:
        self.show_page(self.timer_page)
        self.timer_page.load(routine, ask_spread=self.flow.asks_spread())

    # --- how the back and legs feel -------------------------------------------------------
    def _ask_rating(self, routine: Routine | None) -> None:
        """Before a routine (`routine` then starts), or after one (None)."""
        self._rating_after = routine is None
        self._after_rating = routine
        self.show_page(self.rating)
        self.rating.ask(after=routine is None)

    def rated(self, back: int | None, legs: int | None) -> None:
        self.flow.rated(back, legs, after=self._rating_after)
        if self._rating_after:
            self.stack.setCurrentWidget(self.timer_page)  # its "well done" view
            self.timer_page.done_view.focus_main()
        elif self._after_rating is not None:
            self._run(self._after_rating)

    def session_ended(self, summary: Summary) -> None:
        if self.flow.session_ended(summary):
            self._ask_rating(None)

    def show_care_for_screening(self, outcome: Outcome) -> None:
        self.flow.check_failed(outcome)
        self.care.set_region(self.controller.emergency_number())
        self.care.show_screening([t.tier for t in outcome.tiers], outcome.signs)
        self._show_care()

    def show_care_for_stop(self, reason_id: str) -> None:
        """The timer's "Something feels wrong": the advice for what the user felt, and, when it
        only concerns this stretch, the offer to go on with the others."""
        reason = self.flow.stopped(reason_id, self.timer_page.session)
        self.care.set_region(self.controller.emergency_number())
        self.care.show_stop(reason, offer_skip=self.flow.may_go_on)
        self._show_care()

    def _show_care(self) -> None:
        self.show_page(self.care)
        self.care.home_button.setFocus()

    def go_on_without_that_stretch(self) -> None:
        """The same routine goes on from the next stretch: one routine, one session."""
        if not (self.flow.may_go_on and self.timer_page.go_on_after_stretch()):
            self.show_home()
            return
        self.flow.went_on()
        self.show_page(self.timer_page)

    # --- dialogs ------------------------------------------------------------------------
    def open_wizard(self, mode: str = wizard_ids.SETUP) -> SetupWizard:
        """Open the wizard (window-modal, not blocking); SETUP, ANSWERS or CHECK."""
        if timer := self._timer.made():
            timer.pause()  # nothing runs on behind a dialog
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

    def _check_from_home(self) -> None:
        """Without answers yet, the check comes with the questions (the whole wizard)."""
        done = self.controller.settings.setup_done
        self.open_wizard(wizard_ids.CHECK if done else wizard_ids.SETUP)

    def change_answers(self) -> SetupWizard:
        return self.open_wizard(wizard_ids.ANSWERS)

    def run_safety_check(self) -> SetupWizard:
        return self.open_wizard(wizard_ids.CHECK)
