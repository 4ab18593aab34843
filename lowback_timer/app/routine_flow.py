"""What happens around a routine, decided without widgets: what Start must show first (the
safety check, "anything changed?", the "before" rating, or the timer), what a stop for a
sign or a failed check changes and records, what the history calls the routine, and whether
a routine may go on after a stop for one stretch (in the same session). The gate
(core/gate.py) decides; this applies it and keeps the few facts between screens;
ui/main_window.py only shows the screen it names."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from lowback_timer.app.controller import Controller
from lowback_timer.app.history_recorder import HistoryRecorder
from lowback_timer.core.content import StopReason, Urgency
from lowback_timer.core.gate import StartStep
from lowback_timer.core.routine import Answers, Routine
from lowback_timer.core.screening import Outcome

if TYPE_CHECKING:  # (annotations only: loaded with the session)
    from lowback_timer.core.session import Session, Summary


class Show(Enum):
    """The screen Start leads to."""

    SET_UP = "set-up"  # no answers yet: the whole wizard (the check, then the questions)
    CHECK = "check"  # the whole safety check first; the routine starts once it is passed
    ASK_IF_CHANGED = "ask-if-changed"  # the check is due again: one question first
    RATE = "rate"  # how the back and legs feel, then the routine
    TIMER = "timer"
    HOME = "home"  # nothing left to start today (a stop left every stretch out for today)


class RoutineFlow(QObject):
    def __init__(self, controller: Controller, history: HistoryRecorder) -> None:
        super().__init__(history)
        self.controller, self.history = controller, history
        self._name = ""  # what the history calls the routine that starts next
        self._types: tuple[str, ...] = ()  # and the types it was built for
        # Ask how the back and legs feel before and after the next routine: both or neither.
        self._rate = False
        self.may_go_on = False  # after a stop for one stretch, with another stretch to come

    # --- starting -----------------------------------------------------------------------
    def today(self) -> None:
        """Today's routine is next (Start, the reminder's start): named as it is, rated first
        when the user asked for ratings."""
        controller = self.controller
        saved = controller.saved_routine
        self._named(saved.name(controller.lang) if saved else "", controller.settings.types)
        self._rate = controller.settings.ask_ratings

    def for_answers(self, answers: Answers) -> Routine:
        """The routine for these answers is next (`lowback-timer session`), at once: no rating
        before, so none after either."""
        self._named("", answers.types)
        self._rate = False
        return self.controller.routine_for(answers)

    def next_screen(self, routine: Routine | None) -> tuple[Show, Routine]:
        """What Start must show now, for `routine` (None: today's), asked of the stored
        decision read again (a check failed in another window or copy wins)."""
        step = self.controller.start_step()
        chosen = routine or self.controller.routine
        if routine is None and not self.controller.settings.setup_done:
            return Show.SET_UP, chosen  # never a routine the user did not choose
        if step is StartStep.CHECK:
            return Show.CHECK, chosen
        if step is StartStep.ASK_IF_CHANGED:
            return Show.ASK_IF_CHANGED, chosen
        if not chosen.steps:
            return Show.HOME, chosen
        return (Show.RATE if self._rate else Show.TIMER), chosen

    def may_start_now(self) -> bool:
        """After the check the wizard ran: start only if it passed and is not due."""
        return self.controller.start_step() is StartStep.RUN

    def _named(self, name: str, types: tuple[str, ...]) -> None:
        content, lang = self.controller.content, self.controller.lang
        self._types = tuple(types)
        names = [content.pain_type(t).name(lang) for t in types]
        self._name = name or self.tr(", ").join(names)

    # --- the history --------------------------------------------------------------------
    def session_started(self, routine: Routine) -> None:
        self.history.session_started(routine, self._name, self._types)

    def session_ended(self, summary: Summary) -> bool:
        """Recorded; True when the "after" rating should be asked."""
        self.history.session_ended(summary)
        return summary.finished and self._rate and self.controller.settings.ask_ratings

    def rated(self, back: int | None, legs: int | None, *, after: bool) -> None:
        if after:
            self.history.rated_after(back, legs)
        else:
            self.history.rated_before(back, legs)

    # --- safety -------------------------------------------------------------------------
    def check_failed(self, outcome: Outcome) -> None:
        """A check that ends routines (the gate already recorded it): the history keeps each
        group answered "yes", by id, never in the user's own words."""
        groups = {s.id: g for g in self.controller.content.check_groups for s in g.signs}
        for group in sorted({groups[sign.id] for sign in outcome.signs}, key=lambda g: g.tier):
            self.history.safety_stop("check", group.tier, group.id)

    def stopped(self, reason_id: str, session: Session | None) -> StopReason:
        """ "Something feels wrong" and what the user felt: kept by the gate first (a sign that
        ends routines needs a new check), then in the history; for a stretch-only reason,
        `may_go_on` when another stretch follows in the same routine."""
        content = self.controller.content
        stretch = session.step.stretch if session is not None else None
        self.controller.record_stop(reason_id, stretch)
        reason = content.stop_reason(reason_id)
        if reason.tier is not None:
            self.history.safety_stop("stop", reason.tier, reason_id)
        one_stretch = (
            reason.tier is not None and content.tier(reason.tier).urgency is Urgency.STOP_STRETCH
        )
        self.may_go_on = (
            one_stretch and session is not None and session.next_stretch_index() is not None
        )
        return reason

    def asks_spread(self) -> bool:
        """Whether the routine that starts next asks, after each stretch, if the leg symptoms
        spread (the setting, or "auto" by its types: core/spread.py)."""
        from lowback_timer.core import spread  # (with the timer, not before the first frame)

        controller = self.controller
        return spread.asks_spread(controller.content, controller.settings, self._types)

    def spread(self, stretch_id: str) -> None:
        """ "Yes, it spread" after a stretch: left out for today (as a stop for sharp pain
        does), and kept in the history by the stretch's id, as a stop of the stretch's tier."""
        self.controller.record_spread(stretch_id)
        tier = self.controller.content.tier_for(Urgency.STOP_STRETCH)
        if tier is not None:  # (the bundled content has one)
            self.history.safety_stop("spread", tier.tier, stretch_id)

    def went_on(self) -> None:
        """The routine went on after a stop for one stretch: still the same session."""
        self.may_go_on = False
        self.history.session_resumed()
