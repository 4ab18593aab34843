"""The posture reminders at run time: the schedule of core/reminders.py on the clock that
counts suspend, one deadline timer armed for its next check, and the popup that never takes
the focus. Between two checks nothing runs.

Not here yet: asking the desktop how long the user was idle (a natural break) and whether
notifications are inhibited; until then a due reminder simply shows.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from lowback_timer.core import app_state
from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.content import Prompt
from lowback_timer.core.reminders import ReminderRules, Reminders
from lowback_timer.core.settings import Settings
from lowback_timer.ui.controller import Controller
from lowback_timer.ui.deadline_timer import DeadlineTimer
from lowback_timer.ui.reminder_popup import ReminderPopup


class ReminderService(QObject):
    """`reminder_shown(str)` with the prompt shown; `routine_requested` when the user chose to
    start a routine from the popup (it goes through the safety rules as Start does)."""

    reminder_shown = Signal(str)
    routine_requested = Signal()

    def __init__(
        self,
        controller: Controller,
        popup: ReminderPopup | None = None,
        *,
        boot: Clock = monotonic_clock,
        wall: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.popup = popup or ReminderPopup()
        rules = app_state.reminder_rules(controller.settings)
        self.enabled = rules is not None
        rules_now = rules or ReminderRules()
        if wall is None:
            self.reminders = Reminders(rules_now, boot=boot)
        else:
            self.reminders = Reminders(rules_now, boot=boot, wall=wall)
        self._prompts: Iterator[Prompt] = itertools.cycle(controller.content.prompts)
        self.timer = DeadlineTimer(boot, self._check, self._next_check, self)
        self.popup.moved.connect(self.moved)
        self.popup.snoozed.connect(self.snooze)
        self.popup.routine_requested.connect(self._routine)
        controller.settings_changed.connect(self._settings_changed)
        self.timer.rearm()

    def next_due(self) -> float | None:
        """Boot-clock time of the next reminder (None: off, paused or locked)."""
        return self.reminders.next_due() if self.enabled else None

    # --- what the user says -------------------------------------------------------------
    def moved(self) -> None:
        self.reminders.moved()
        self.timer.rearm()

    def snooze(self, minutes: int) -> None:
        self.reminders.snooze(minutes)
        self.timer.rearm()

    def _routine(self) -> None:
        self.moved()  # a routine is a change of posture too
        self.routine_requested.emit()

    # --- the clock ----------------------------------------------------------------------
    def _next_check(self) -> float | None:
        return self.reminders.next_check() if self.enabled else None

    def _check(self) -> None:
        if not self.enabled or not self.reminders.due():
            return
        text = next(self._prompts).text(self.controller.lang)
        self.popup.show_prompt(text)
        self.reminders.shown()
        self.reminder_shown.emit(text)

    def _settings_changed(self, settings: Settings) -> None:
        rules = app_state.reminder_rules(settings)
        self.enabled = rules is not None
        if rules is not None and rules != self.reminders.rules:
            self.reminders.rules = rules
        if not self.enabled:
            self.popup.hide()
        self.timer.rearm()
