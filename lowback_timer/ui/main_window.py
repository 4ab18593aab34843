"""The main window: a stack of screens (home, timer, care) and the menu. It only wires screens
together; routines come from core.routine, state from core.session."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget, QWidget

from lowback_timer import __version__
from lowback_timer.core.content import Content
from lowback_timer.core.my_routine import FILE_NAME, load_my_routine, routine_of
from lowback_timer.core.routine import Routine, build_routine
from lowback_timer.core.screening import (
    Outcome,
    allows_routine_after_stop,
    check_passed,
    recheck_due,
)
from lowback_timer.core.settings import Settings
from lowback_timer.ui.care import CarePage
from lowback_timer.ui.home import HomePage
from lowback_timer.ui.notice import Notice
from lowback_timer.ui.preferences import PreferencesDialog
from lowback_timer.ui.settings_store import load_settings, save_settings
from lowback_timer.ui.timer import TimerPage
from lowback_timer.ui.wizard import SetupWizard, WizardResult


class MainWindow(QMainWindow):
    def __init__(
        self,
        content: Content,
        lang: str,
        store: QSettings,
        parent: QWidget | None = None,
        *,
        data_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.lang = lang
        self.store = store
        self.settings = load_settings(store)
        self.base_content = content
        self.content = content.with_prepare(self.settings.prepare_s)
        self.setWindowTitle(self.tr("Low-back Timer"))
        self.resize(900, 680)
        self.stack = QStackedWidget(self)
        self.setCentralWidget(self.stack)
        self.home = HomePage(content, lang)
        self.home.start_requested.connect(self.start_routine)
        self.stack.addWidget(self.home)
        self.timer_page = TimerPage(content, lang, self.settings)
        self.timer_page.home_requested.connect(self.show_home)
        self.timer_page.restart_requested.connect(self.start_routine)
        self.timer_page.stop_reported.connect(self._stop_reported)
        self.stack.addWidget(self.timer_page)
        self._build_menu()
        self._set_up_care_and_wizard(data_dir)
        self.reload_routine()
        self.show_home()

    # --- routine -----------------------------------------------------------------------
    def reload_routine(self) -> None:
        """Today's routine: the saved "my routine" if there is one, else from the answers."""
        self.routine = self.routine_for(self.settings)
        self.load_my_routine()

    def routine_for(self, settings: Settings) -> Routine:
        # A type saved by an older version of the content may be gone: leave it out.
        known = {t.id for t in self.content.types}
        types = tuple(t for t in settings.types if t in known)
        return build_routine(self.content, types, settings.place, settings.minutes)

    def update_settings(self, settings: Settings) -> None:
        before = self.settings
        self.settings = settings
        save_settings(self.store, settings)
        self.timer_page.apply_settings(settings)
        if settings.prepare_s != before.prepare_s:
            self.content = self.base_content.with_prepare(settings.prepare_s)
            self.reload_routine()
            self.home.show_routine(self.routine)

    def open_preferences(self) -> PreferencesDialog:
        """Window-modal, not blocking; the settings apply when the user presses OK."""
        self.timer_page.pause()  # nothing runs on behind a dialog
        dialog = PreferencesDialog(self.settings, self)
        dialog.accepted.connect(lambda: self.update_settings(dialog.settings()))
        dialog.open()
        return dialog

    def set_routine(self, routine: Routine) -> None:
        self.routine = routine
        self.home.show_routine(routine)

    def show_page(self, page: QWidget) -> None:
        """Every screen change goes through here: leaving the timer ends its routine, so
        nothing keeps running (or sounding) behind another screen."""
        if page is not self.timer_page:
            self.timer_page.abandon()
        self.stack.setCurrentWidget(page)

    def show_home(self) -> None:
        self.home.show_routine(self.routine)
        self.offer_recheck_if_due()
        self.show_page(self.home)
        self.home.start_button.setFocus()

    def start_routine(self) -> None:
        """Start the timer, but never before a safety check that allowed a routine: on a first
        run from `lowback-timer session`, or after a check that found an urgent sign, the check
        comes first and the routine starts once it is passed."""
        if self.timer_page.busy():
            self.show_page(self.timer_page)  # one routine at a time; never restart it silently
            return
        if not check_passed(self.settings.screened_at, self.clock()):
            wizard = self.run_safety_check()
            wizard.accepted.connect(self._start_if_screened)
            return
        self.show_page(self.timer_page)
        self.timer_page.load(self.routine)

    def _start_if_screened(self) -> None:
        if check_passed(self.settings.screened_at, self.clock()):
            self.start_routine()

    def _stop_reported(self, reason_id: str) -> None:
        self.show_care_for_stop(reason_id)

    def remember_answers(self, types: tuple[str, ...], place: str, minutes: int) -> None:
        self.update_settings(
            replace(self.settings, types=types, place=place, minutes=minutes, setup_done=True)
        )

    # --- menu --------------------------------------------------------------------------
    def _build_menu(self) -> None:
        routine_menu = self.menuBar().addMenu(self.tr("&Routine"))
        start = QAction(self.tr("&Start my routine"), self)
        start.setShortcut(QKeySequence("Ctrl+Return"))
        start.triggered.connect(self.start_routine)
        routine_menu.addAction(start)
        routine_menu.addSeparator()
        preferences = QAction(self.tr("&Preferences…"), self)
        preferences.setShortcut(QKeySequence.StandardKey.Preferences)
        preferences.triggered.connect(self.open_preferences)
        routine_menu.addAction(preferences)
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        routine_menu.addAction(quit_action)
        self.routine_menu = routine_menu
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Low-back Timer"),
            self.tr(
                "Low-back Timer %1\n\nGuided stretches for an aching lower back and heavy legs. "
                "General guidance, not a diagnosis or a treatment."
            ).replace("%1", __version__),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        save_settings(self.store, self.settings)
        super().closeEvent(event)

    # --- wizard, safety check, care screen, "my routine" -------------------------------
    def _set_up_care_and_wizard(self, data_dir: Path | None) -> None:
        self.clock = time.time  # wall clock of the safety check; replaced in tests
        self.data_dir = data_dir or Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        )
        self.wizard: SetupWizard | None = None
        self.care = CarePage(self.content, self.lang)
        self.care.finished.connect(self.show_home)
        self.stack.addWidget(self.care)
        self.home.change_answers_requested.connect(self.change_answers)
        self.home.safety_check_requested.connect(self.run_safety_check)
        self.recheck_notice = Notice(
            self.tr("Please do the safety check before your next routine. It takes a minute."),
            self.tr("Safety check"),
        )
        self.recheck_notice.button.clicked.connect(self.run_safety_check)
        self.broken_notice = Notice()
        for notice in (self.recheck_notice, self.broken_notice):
            self.home.notices.addWidget(notice)
        check = QAction(self.tr("Safety &check…"), self)
        check.triggered.connect(self.run_safety_check)
        answers = QAction(self.tr("Change &answers…"), self)
        answers.triggered.connect(self.change_answers)
        separator = next((a for a in self.routine_menu.actions() if a.isSeparator()), None)
        if separator is None:
            self.routine_menu.addActions([answers, check])
        else:
            self.routine_menu.insertActions(separator, [answers, check])

    def my_routine_path(self) -> Path:
        return self.data_dir / FILE_NAME

    def load_my_routine(self) -> None:
        """Use the saved "my routine" if there is one; a broken file was set aside: say so."""
        loaded = load_my_routine(self.my_routine_path(), now=self.clock())
        if loaded.routine is not None:
            self.routine = routine_of(self.content, loaded.routine)
        elif loaded.errors:
            where = str(loaded.moved_to) if loaded.moved_to else str(self.my_routine_path())
            self.broken_notice.text.setText(
                self.tr(
                    "Your saved routine could not be read, so it was kept aside as %1. "
                    "Today's routine is built from your answers instead.\n%2"
                )
                .replace("%1", where)
                .replace("%2", loaded.message)
            )
            self.broken_notice.show()

    def start_up(self) -> None:
        """Call once the window is shown: the wizard on the first run, otherwise the offer to
        do the safety check again when it is due (a line on the home screen, never a dialog)."""
        if not self.settings.setup_done:
            self.open_wizard(SetupWizard.SETUP)
        self.offer_recheck_if_due()

    def offer_recheck_if_due(self) -> None:
        s = self.settings
        self.recheck_notice.setVisible(recheck_due(s.screened_at, self.clock(), s.recheck_days))

    def open_wizard(self, mode: str = SetupWizard.SETUP) -> SetupWizard:
        """Open the wizard (window-modal, not blocking); SETUP, ANSWERS or CHECK."""
        self.timer_page.pause()  # nothing runs on behind a dialog
        if self.wizard is not None:
            self.wizard.close()
            self.wizard.deleteLater()
        wizard = SetupWizard(
            self.content, self.lang, self.settings, self.data_dir, mode=mode, parent=self
        )
        wizard.screening_done.connect(self._screened)
        wizard.care_needed.connect(self.show_care_for_screening)
        wizard.completed.connect(self._wizard_completed)
        wizard.routine_saved.connect(lambda _path: self.broken_notice.hide())
        self.wizard = wizard
        wizard.open()
        return wizard

    def change_answers(self) -> SetupWizard:
        return self.open_wizard(SetupWizard.ANSWERS)

    def run_safety_check(self) -> SetupWizard:
        return self.open_wizard(SetupWizard.CHECK)

    def _screened(self, outcome: Outcome) -> None:
        # A tier 1-2 result clears the date, so the check is asked for again before a routine.
        when = self.clock() if outcome.routine_allowed else 0.0
        self.update_settings(replace(self.settings, screened_at=when))
        self.offer_recheck_if_due()

    def _wizard_completed(self, result: WizardResult) -> None:
        answers = result.answers
        self.remember_answers(answers.types, answers.place, answers.minutes)
        self.set_routine(result.routine)
        self.offer_recheck_if_due()
        self.show_home()

    def show_care_for_screening(self, outcome: Outcome) -> None:
        self.care.show_screening([t.tier for t in outcome.tiers], outcome.signs)
        self.show_page(self.care)
        self.care.home_button.setFocus()

    def show_care_for_stop(self, reason_id: str) -> None:
        """The timer's "Something feels wrong": the advice for this stop reason. A reason that
        calls for a doctor today means no new routine before a new safety check."""
        if not allows_routine_after_stop(self.content, reason_id):
            self.update_settings(replace(self.settings, screened_at=0.0))
            self.offer_recheck_if_due()
        self.care.show_stop(self.content.stop_reason(reason_id))
        self.show_page(self.care)
        self.care.home_button.setFocus()
