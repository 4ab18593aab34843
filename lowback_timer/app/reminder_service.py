"""The posture reminders at run time: the schedule of core/reminders.py on the clock that
counts suspend, one deadline timer armed for its next check, and the popup that never takes
the focus. Between two checks nothing runs.

When a reminder is due (and only then) the desktop is asked three things, at once and without
waiting (app/desktop_questions.py): how long the user has been idle (long enough counts as a
break, and the reminder is skipped silently), whether it is busy (notifications inhibited, a
full-screen window), in which case the reminder waits, up to the user's limit, and whether the
screen is locked. The decision is made when the answers are in, or when the desktop took too
long. Lock, unlock and wake come from the desktop's signals (app/desktop_watch.py), but a lock
is not taken on a signal's word for good: once a reminder would be due, the lock is asked about
at each look (every few minutes), and the answer wins. Locked, the reminder waits; not locked
(the locker crashed and its unlock never came), the lock is dropped and the reminder is decided
as any due one; no answer in time, the lock holds until the next look asks again.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol

from PySide6.QtCore import QObject, Signal, SignalInstance

from lowback_timer.app.controller import Controller
from lowback_timer.app.deadline_timer import DeadlineTimer
from lowback_timer.app.desktop_questions import AskDesktop, DesktopAnswers, answer_at_once
from lowback_timer.app.walk_timer import WalkTimer
from lowback_timer.core import app_state
from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.content import Prompt
from lowback_timer.core.reminders import ReminderRules, Reminders
from lowback_timer.core.settings import Settings

HOUR_S = 3600.0


class State(Enum):
    OFF = "off"  # turned off in Preferences
    NO_DAYS = "no days"  # on, but no working day chosen
    NEXT = "next"  # the next reminder is at `when`
    PAUSED_UNTIL = "paused until"  # until `when`
    PAUSED = "paused"  # until resumed
    LOCKED = "locked"  # the screen is locked


@dataclass(frozen=True)
class Status:
    """What the tray's tooltip and the status window say."""

    state: State
    now: datetime  # local time now, on the service's clock
    when: datetime | None = None  # local time, for NEXT and PAUSED_UNTIL
    seconds_left: float | None = None  # until `when`


class Prompter(Protocol):
    """What the service needs of the reminder's popup (ui/reminder_popup.py's ReminderPopup):
    show a prompt, hide it, and say what the user answered."""

    moved: SignalInstance
    walk_requested: SignalInstance
    snoozed: SignalInstance
    routine_requested: SignalInstance
    dismissed: SignalInstance
    timed_out: SignalInstance

    def show_prompt(self, text: str) -> None: ...

    def hide(self) -> None: ...


class ReminderService(QObject):
    """Signals: `reminder_shown(str)` with the prompt shown; `routine_requested` when the user
    chose to start a routine from the popup (it goes through the safety rules as Start does);
    `changed` after anything that moves the next reminder; `happened(str)` for each thing that
    happened to a reminder ("shown", "moved", "walk", "snoozed", "dismissed", "timed out",
    "natural break", "deferred").

    `walk` is the short walk the popup offers ("Walk for 2 minutes"), its countdown and end."""

    reminder_shown = Signal(str)
    routine_requested = Signal()
    changed = Signal()
    happened = Signal(str)

    def __init__(
        self,
        controller: Controller,
        popup: Prompter,
        *,
        boot: Clock = monotonic_clock,
        wall: Callable[[], datetime] | None = None,
        ask: AskDesktop = answer_at_once,
        parent: QObject | None = None,
    ) -> None:
        """`ask(done)` asks the desktop how long the user has been idle and whether it is busy,
        and calls `done(DesktopAnswers)` then, or at once; asked only when a reminder is due."""
        super().__init__(parent)
        self.controller = controller
        self.popup = popup  # the UI's (ui/reminder_popup.py): a service builds no widget
        self._ask = ask
        self.asking = False  # the desktop was asked and has not answered yet
        rules = app_state.reminder_rules(controller.settings)
        self.enabled = rules is not None
        rules_now = rules or ReminderRules()
        if wall is None:
            self.reminders = Reminders(rules_now, boot=boot)
        else:
            self.reminders = Reminders(rules_now, boot=boot, wall=wall)
        self._prompts: Iterator[Prompt] = itertools.cycle(controller.content.prompts)
        self.timer = DeadlineTimer(boot, self._check, self._next_check, self)
        self.walk = WalkTimer(boot, parent=self)
        self.walk.ended.connect(self._walk_ended)
        self.popup.moved.connect(self.moved)
        self.popup.walk_requested.connect(self.start_walk)
        self.popup.snoozed.connect(self.snooze)
        self.popup.routine_requested.connect(self._routine)
        self.popup.dismissed.connect(lambda: self.happened.emit("dismissed"))
        self.popup.timed_out.connect(lambda: self.happened.emit("timed out"))
        controller.settings_changed.connect(self._settings_changed)
        self.timer.rearm()

    def next_due(self) -> float | None:
        """Boot-clock time of the next reminder (None: off, paused or locked)."""
        return self.reminders.next_due() if self.enabled else None

    def status(self) -> Status:
        rem = self.reminders
        boot_now = rem.boot()
        now = rem.wall_time(boot_now)

        def at(state: State, boot_t: float) -> Status:
            return Status(state, now, rem.wall_time(boot_t), boot_t - boot_now)

        if not self.enabled:
            return Status(State.OFF, now)
        if rem.paused():
            until = rem.paused_until()
            return Status(State.PAUSED, now) if until is None else at(State.PAUSED_UNTIL, until)
        if rem.is_locked:
            return Status(State.LOCKED, now)
        due = rem.next_due()
        return Status(State.NO_DAYS, now) if due is None else at(State.NEXT, due)

    # --- what the user says -------------------------------------------------------------
    def moved(self) -> None:
        self.popup.hide()
        self.reminders.moved()
        self.happened.emit("moved")
        self._rearm()

    def start_walk(self) -> None:
        """ "Walk for 2 minutes": answered (and recorded) now; the interval restarts now, so
        that no reminder comes during the walk, and again at its end (`_walk_ended`)."""
        self.popup.hide()
        if self.walk.running:
            return
        self.reminders.moved()
        self.happened.emit("walk")
        self.walk.start()
        self._rearm()

    def end_walk(self) -> None:
        """ "End the walk": back early; the interval counts from now."""
        self.walk.end()

    def _walk_ended(self, _finished: bool) -> None:
        # "I moved" restarts the interval at the moment it is pressed (Reminders.moved); a walk
        # is a move that lasts two minutes, so the next reminder counts from its end (or from
        # "End the walk"), as if "I moved" were pressed then.
        self.reminders.moved()
        self._rearm()

    def snooze(self, minutes: int) -> None:
        self.popup.hide()
        self.reminders.snooze(minutes)
        self.happened.emit("snoozed")
        self._rearm()

    def show_now(self) -> None:
        """ "Stand up now": the reminder at once, whatever the schedule (it counts as shown)."""
        self._show()

    def pause_for(self, seconds: float) -> None:
        self.reminders.pause(self.reminders.boot() + seconds)
        self._paused()

    def pause_until_tomorrow(self) -> None:
        self.reminders.pause(self.reminders.tomorrow())
        self._paused()

    def pause_until_resumed(self) -> None:
        self.reminders.pause(None)
        self._paused()

    def resume(self) -> None:
        self.reminders.resume()
        self._rearm()

    def _paused(self) -> None:
        self.popup.hide()
        self._rearm()

    def _routine(self) -> None:
        self.moved()  # a routine is a change of posture too
        self.routine_requested.emit()

    # --- what the desktop says ----------------------------------------------------------
    def locked(self) -> None:
        self.popup.hide()
        self.reminders.locked()
        self._rearm()

    def unlocked(self) -> None:
        self.reminders.unlocked()
        self._rearm()

    def woke(self) -> None:
        self.reminders.woke()
        self._rearm()

    # --- the clock ----------------------------------------------------------------------
    def _next_check(self) -> float | None:
        return self.reminders.next_check() if self.enabled else None

    def _check(self) -> None:
        # One question at a time: a check while the desktop is still answering waits for it.
        if self.asking or not self.enabled:
            return
        if not (self.reminders.due() or self.reminders.due_but_locked()):
            return
        self.asking = True
        self._ask(self._answered)  # the answers may come now, inside this call, or later

    def _answered(self, answers: DesktopAnswers) -> None:
        """The desktop's answers for a due reminder: locked waits, a long idle is a break, busy
        waits, else the reminder shows. One that stopped being due meanwhile ("I moved", a
        lock, a pause) is left alone: whatever stopped it has re-armed the timer."""
        self.asking = False
        if not self.enabled:
            return
        if answers.locked is not None and answers.locked != self.reminders.is_locked:
            if answers.locked:  # locked without a signal heard (or before the app started)
                self.locked()
                return
            self.reminders.lock_lifted()  # the unlock signal never came
            if not self.reminders.due():
                self._rearm()
                return
        if not self.reminders.due():
            return
        idle = answers.idle_s
        if idle is not None and self.reminders.natural_break(idle):
            self.happened.emit("natural break")
        elif answers.busy and self.reminders.defer():
            self.happened.emit("deferred")
        else:
            self._show()
            return  # _show re-arms
        self._rearm()  # the next look: a new interval, or the retry after deferring

    def _show(self) -> None:
        text = next(self._prompts).text(self.controller.lang)
        self.popup.show_prompt(text)
        self.reminders.shown()
        self.reminder_shown.emit(text)
        self.happened.emit("shown")
        self._rearm()

    def _rearm(self) -> None:
        self.timer.rearm()
        self.changed.emit()

    def _settings_changed(self, settings: Settings) -> None:
        rules = app_state.reminder_rules(settings)
        self.enabled = rules is not None
        if rules is not None and rules != self.reminders.rules:
            self.reminders.rules = rules
        if not self.enabled:
            self.popup.hide()
        self._rearm()
