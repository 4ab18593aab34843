"""The guided session: a state machine over the routine's phases.

Time comes from an injected monotonic clock (by default core.clock's, which counts suspend).
Each phase ends at an absolute deadline and the next phase starts at that deadline, not when
someone noticed it had passed, so a blocked event loop never shifts the phases after it.
Nothing here counts ticks: the UI calls `update()` whenever it likes (ideally at
`next_deadline()`), and the session catches up silently: phases that began and ended between
two calls were never on screen, so they make no events and their holds do not count as done.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from lowback_timer.core.breathing import next_turn
from lowback_timer.core.clock import Clock, monotonic_clock, whole_seconds
from lowback_timer.core.counting import Rep, next_half, rep_at
from lowback_timer.core.routine import Phase, Routine, Step

#: Pressing "back" later than this into a phase restarts it; earlier, it goes one phase back.
BACK_RESTARTS_AFTER_S = 3.0
#: A deadline missed by more than this means the computer slept (or the app hung): the
#: session then pauses at the next phase instead of replaying the missed ones in a burst.
SLEEP_GAP_S = 60.0

#: The stop reasons the session itself makes; the others are the content's stop reason ids.
#: Stop was pressed and the user has not said why yet:
STOP_UNSPECIFIED = "unspecified"
#: The user left the timer screen for another one, which ends the routine:
STOP_ABANDONED = "abandoned"


class State(StrEnum):
    READY = "ready"  # not started yet
    RUNNING = "running"
    PAUSED = "paused"
    DONE = "done"
    STOPPED = "stopped"


class EventKind(StrEnum):
    PHASE = "phase"  # a new phase began (start, natural end of the last one, skip or back)
    PAUSED = "paused"
    RESUMED = "resumed"
    DONE = "done"
    STOPPED = "stopped"


@dataclass(frozen=True)
class Event:
    kind: EventKind
    index: int
    step: Step | None
    #: For PHASE: True when the previous phase ran to its end (not skipped or gone back).
    natural: bool = False


@dataclass(frozen=True)
class Summary:
    holds_total: int
    holds_done: int
    holds_skipped: int
    finished: bool
    stop_reason: str | None
    active_s: float


class Session:
    def __init__(
        self,
        routine: Routine,
        *,
        clock: Clock = monotonic_clock,
        on_event: Callable[[Event], None] | None = None,
    ) -> None:
        self.routine = routine
        self.steps = routine.steps
        if not self.steps:
            raise ValueError("a session needs at least one phase")
        self._clock = clock
        self._listeners: list[Callable[[Event], None]] = [on_event] if on_event else []
        self.state = State.READY
        self.index = 0
        self._deadline = 0.0
        self._paused_remaining = float(self.steps[0].duration_s)
        self._paused_total = 0.0
        self._paused_since = 0.0
        self._session_start = 0.0
        self._done: set[int] = set()
        self._skipped: set[int] = set()
        self.stop_reason: str | None = None
        #: While a stop can be taken back (stopped, no reason given yet): the state it stopped
        #: from and the seconds that were left in the phase.
        self._before_stop: tuple[State, float] | None = None

    # --- observers -----------------------------------------------------------------------
    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def _emit(self, kind: EventKind, *, natural: bool = False) -> None:
        step = self.steps[self.index] if self.index < len(self.steps) else None
        event = Event(kind, self.index, step, natural)
        for listener in list(self._listeners):
            listener(event)

    # --- queries -------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.steps[min(self.index, len(self.steps) - 1)]

    @property
    def next_step(self) -> Step | None:
        return self.steps[self.index + 1] if self.index + 1 < len(self.steps) else None

    @property
    def is_active(self) -> bool:
        return self.state in (State.RUNNING, State.PAUSED)

    def remaining(self) -> float:
        """Seconds left in the current phase."""
        if self.state is State.RUNNING:
            return max(0.0, self._deadline - self._clock())
        if self.state in (State.READY, State.PAUSED):
            return self._paused_remaining
        return 0.0

    def progress(self) -> float:
        """0 at the start of the phase, 1 at its end."""
        duration = self.step.duration_s
        return 1.0 if duration <= 0 else min(1.0, max(0.0, 1 - self.remaining() / duration))

    def routine_remaining(self) -> float:
        """Seconds left in the whole routine."""
        if self.state in (State.DONE, State.STOPPED):
            return 0.0
        later = sum(s.duration_s for s in self.steps[self.index + 1 :])
        return self.remaining() + later

    def active_elapsed(self) -> float:
        """Seconds the session has been running, pauses left out (drives the breathing pacer)."""
        if self.state is State.READY:
            return 0.0
        now = self._paused_since if self.state is not State.RUNNING else self._clock()
        return now - self._session_start - self._paused_total

    def phase_span(self) -> tuple[float, float]:
        """The current phase's start and end in active time (as `active_elapsed`)."""
        duration = float(self.step.duration_s)
        start = self.active_elapsed() - (duration - self.remaining())
        return start, start + duration

    def next_deadline(self) -> float | None:
        """Clock time at which `update()` has something to do; None when nothing will happen."""
        return self._deadline if self.state is State.RUNNING else None

    def next_second(self) -> float | None:
        """Clock time at which the whole seconds left in the phase next change (the countdown's
        next change); None unless running."""
        if self.state is not State.RUNNING:
            return None
        return self._deadline - (whole_seconds(self.remaining()) - 1)

    def next_breath_turn(self, in_s: float, out_s: float) -> float | None:
        """Clock time at which the breath next turns (in <-> out) at this pace, the breathing
        running on active time (see `active_elapsed`); None unless running."""
        if self.state is not State.RUNNING:
            return None
        elapsed = self.active_elapsed()
        return self._session_start + self._paused_total + next_turn(elapsed, in_s, out_s)

    def rep(self) -> Rep | None:
        """A move's repetition under way (None in a hold or between phases)."""
        step = self.step
        if not step.rep_s:
            return None
        return rep_at(step.duration_s - self.remaining(), step.rep_s, step.times)

    def next_rep_turn(self) -> float | None:
        """Clock time at which a move's repetition next turns (up <-> down): its tone and its
        count; None unless a move is running."""
        step = self.step
        if self.state is not State.RUNNING or not step.rep_s:
            return None
        into = step.duration_s - self.remaining()
        return self._deadline - step.duration_s + next_half(into, step.rep_s)

    def hold_number(self) -> tuple[int, int]:
        """(n, N): this is hold n of N (counting the next hold during get-ready and switch)."""
        holds = [i for i, s in enumerate(self.steps) if s.phase is Phase.HOLD]
        upcoming = next((n for n, i in enumerate(holds, 1) if i >= self.index), len(holds))
        return upcoming, len(holds)

    def summary(self) -> Summary:
        holds = {i for i, s in enumerate(self.steps) if s.phase is Phase.HOLD}
        return Summary(
            holds_total=len(holds),
            holds_done=len(self._done & holds),
            holds_skipped=len((self._skipped - self._done) & holds),
            finished=self.state is State.DONE,
            stop_reason=self.stop_reason,
            active_s=self.active_elapsed(),
        )

    # --- commands ------------------------------------------------------------------------
    def start(self) -> None:
        if self.state is not State.READY:
            return
        now = self._clock()
        self._session_start = now
        self.state = State.RUNNING
        self._enter(0, now)

    def update(self) -> None:
        """Finish every phase whose deadline has passed; each next one starts at that deadline.

        Only the phase that was current when this call began was shown, so only its hold can
        count as done; phases that began and ended during the call are passed silently, and
        the phase reached is announced once."""
        now = self._clock()
        if self.state is not State.RUNNING or now < self._deadline:
            return
        if now - self._deadline > SLEEP_GAP_S:
            self._pause_after_gap()
            return
        shown = self.index
        while now >= self._deadline:
            if self.index == shown and self.steps[shown].phase is Phase.HOLD:
                self._done.add(shown)
            if self.index + 1 >= len(self.steps):
                self._finish(State.DONE, EventKind.DONE, self._deadline)
                return
            self.index += 1
            self._deadline += self.steps[self.index].duration_s
        self._emit(EventKind.PHASE, natural=True)

    def toggle_pause(self) -> None:
        if self.state is State.READY:
            self.start()
        elif self.state is State.RUNNING:
            self.pause()
        elif self.state is State.PAUSED:
            self.resume()

    def pause(self) -> None:
        self.update()
        if self.state is not State.RUNNING:
            return
        now = self._clock()
        self._paused_remaining = max(0.0, self._deadline - now)
        self._paused_since = now
        self.state = State.PAUSED
        self._emit(EventKind.PAUSED)

    def resume(self) -> None:
        if self.state is not State.PAUSED:
            return
        now = self._clock()
        self._paused_total += now - self._paused_since
        self._deadline = now + self._paused_remaining
        self.state = State.RUNNING
        self._emit(EventKind.RESUMED)

    def skip(self) -> None:
        """Go to the next phase now; a hold that is skipped counts as skipped."""
        self.update()
        if not self.is_active:
            return
        if self.step.phase is Phase.HOLD:
            self._skipped.add(self.index)
        if self.index + 1 >= len(self.steps):
            self._finish(State.DONE, EventKind.DONE, self._clock())
            return
        self._jump(self.index + 1)

    def back(self) -> None:
        """Restart the phase, or, right at its start, go to the one before."""
        self.update()
        if not self.is_active:
            return
        elapsed = self.step.duration_s - self.remaining()
        target = (
            self.index if elapsed > BACK_RESTARTS_AFTER_S or self.index == 0 else self.index - 1
        )
        self._skipped.discard(target)
        self._jump(target)

    def stop(self, reason: str) -> None:
        """End the session at once, from any phase, remembering why. Once stopped, a second
        call only records the reason (the user says what happened after stopping). A stop for
        `STOP_UNSPECIFIED` can be taken back until then (`undo_stop`)."""
        if self.state is State.STOPPED:
            self.stop_reason = reason
            if reason != STOP_UNSPECIFIED:
                self._before_stop = None
            return
        if self.state is State.DONE:
            return
        self.stop_reason = reason
        if reason == STOP_UNSPECIFIED:
            self._before_stop = (self.state, self.remaining())
        if self.state is State.READY:
            self._session_start = self._paused_since = self._clock()
        now = self._clock() if self.state is State.RUNNING else self._paused_since
        self._finish(State.STOPPED, EventKind.STOPPED, now)

    @property
    def can_undo_stop(self) -> bool:
        """Stopped with `STOP_UNSPECIFIED` and no reason given since: `undo_stop` would work."""
        return self.state is State.STOPPED and self._before_stop is not None

    def undo_stop(self) -> bool:
        """Take back a stop pressed by mistake, before the user has said what happened: the
        routine is back in the same phase, paused, with the same time left (a routine stopped
        before it started is ready again). The time stopped counts as paused time. Returns
        False, changing nothing, when the last stop cannot be taken back."""
        if not self.can_undo_stop or self._before_stop is None:
            return False
        state, remaining = self._before_stop
        self._before_stop = None
        self.stop_reason = None
        if state is State.READY:
            self.state = State.READY
            self._session_start = self._paused_since = 0.0
            return True
        # _finish left _paused_since at the moment of the stop; from there it is a pause.
        self._paused_remaining = remaining
        self.state = State.PAUSED
        self._emit(EventKind.PAUSED)
        return True

    def next_stretch_index(self) -> int | None:
        """Where the stretch after the current one begins (its get-ready); None when the
        current stretch is the routine's last."""
        variant = self.step.variant
        later = range(self.index + 1, len(self.steps))
        return next((i for i in later if self.steps[i].variant != variant), None)

    def go_on_after_stretch(self) -> bool:
        """After a stop for this stretch only (the user said why): the same routine goes on,
        running, from the next stretch's get-ready. One routine stays one session: the holds
        count on, and this stretch's holds that were not done count as skipped. The time
        stopped counts as paused time. False, changing nothing, when there is no next stretch
        or the session was not stopped with a reason."""
        target = self.next_stretch_index()
        if self.state is not State.STOPPED or self.can_undo_stop or target is None:
            return False
        holds = range(self.index, target)
        self._skipped |= {i for i in holds if self.steps[i].phase is Phase.HOLD} - self._done
        now = self._clock()
        self._paused_total += now - self._paused_since
        self.stop_reason = None
        self.state = State.RUNNING
        self._enter(target, now)
        return True

    # --- internals -----------------------------------------------------------------------
    def _pause_after_gap(self) -> None:
        """The phase that was on when the gap began counts as neither done nor skipped; the
        next one waits, paused and whole, for the user to come back."""
        if self.index + 1 >= len(self.steps):
            self._finish(State.DONE, EventKind.DONE, self._deadline)
            return
        self.index += 1
        self._paused_remaining = float(self.steps[self.index].duration_s)
        self._paused_since = self._deadline  # the time away counts as paused time
        self.state = State.PAUSED
        self._emit(EventKind.PHASE)
        self._emit(EventKind.PAUSED)

    def _enter(self, index: int, start: float, *, natural: bool = False) -> None:
        self.index = index
        self._deadline = start + self.steps[index].duration_s
        self._emit(EventKind.PHASE, natural=natural)

    def _jump(self, index: int) -> None:
        if self.state is State.PAUSED:
            self.index = index
            self._paused_remaining = float(self.steps[index].duration_s)
            self._emit(EventKind.PHASE)
        else:
            self._enter(index, self._clock())

    def _finish(self, state: State, kind: EventKind, at: float) -> None:
        if self.state is State.PAUSED:
            self._paused_total += at - self._paused_since
        self._paused_since = at  # active_elapsed() stops counting here
        self.state = state
        self._emit(kind)
