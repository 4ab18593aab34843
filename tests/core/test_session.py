"""The session state machine, driven by a fake monotonic clock (no waiting)."""

from __future__ import annotations

import pytest

from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Phase, build_routine
from lowback_timer.core.session import (
    STOP_ABANDONED,
    STOP_UNSPECIFIED,
    Event,
    EventKind,
    Session,
    State,
)
from tests.fakeclock import FakeClock

CONTENT = load_content()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def make(
    clock: FakeClock,
    types: tuple[str, ...] = ("fatigue",),
    minutes: int = 5,
    prepare_s: int | None = None,
) -> tuple[Session, list[Event]]:
    events: list[Event] = []
    routine = build_routine(CONTENT, types, "desk", minutes, prepare_s)
    return Session(routine, clock=clock, on_event=events.append), events


def test_a_whole_routine_runs_from_get_ready_to_done(clock: FakeClock) -> None:
    session, events = make(clock)
    session.start()
    while (deadline := session.next_deadline()) is not None:
        clock.now = deadline  # the UI wakes at each deadline
        session.update()
    assert session.state is State.DONE
    phases = [e.step.phase for e in events if e.kind is EventKind.PHASE and e.step]
    assert phases == [s.phase for s in session.steps]
    assert events[-1].kind is EventKind.DONE
    summary = session.summary()
    assert (summary.holds_done, summary.holds_skipped, summary.finished) == (
        len(session.routine.holds),
        0,
        True,
    )
    assert summary.active_s == session.routine.total_s


def test_pause_holds_the_countdown_and_the_routine(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    clock.advance(2)
    session.pause()
    left = session.remaining()
    clock.advance(600)  # a long pause never advances the session
    session.update()
    assert (session.state, session.index, session.remaining()) == (State.PAUSED, 0, left)
    assert session.next_deadline() is None
    session.resume()
    clock.advance(left - 0.01)
    session.update()
    assert session.index == 0
    clock.advance(0.02)
    session.update()
    assert session.step.phase is Phase.HOLD


def test_a_blocked_loop_does_not_shift_later_phases(clock: FakeClock) -> None:
    session, events = make(clock, types=(), minutes=10)
    session.start()
    start = clock.now
    ends = []
    total = 0
    for step in session.steps:
        total += step.duration_s
        ends.append(start + total)
    # The UI is late by 2 s at the first deadline, then on time.
    clock.now = ends[0] + 2.0
    session.update()
    assert session.index == 1
    assert session.next_deadline() == ends[1]
    for end in ends[1:]:
        clock.now = end
        session.update()
    assert session.state is State.DONE
    assert len([e for e in events if e.kind is EventKind.PHASE]) == len(session.steps)


def test_skip_moves_on_and_counts_the_hold_as_skipped(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    session.skip()  # get ready -> hold
    assert session.step.phase is Phase.HOLD and session.step.side == "right"
    clock.advance(3)
    session.skip()  # the hold -> switch sides, full length from now
    assert session.step.phase is Phase.SWITCH
    assert session.remaining() == session.step.duration_s
    assert session.summary().holds_skipped == 1


def test_back_restarts_the_phase_then_goes_one_back(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    session.skip()
    clock.advance(10)  # well into the first hold
    session.back()
    assert (session.step.phase, session.remaining()) == (Phase.HOLD, session.step.duration_s)
    session.back()  # right at its start: one phase back, to get ready
    assert session.step.phase is Phase.PREPARE and session.index == 0
    session.back()  # nothing before the first phase: restart it
    assert session.index == 0


def test_skip_and_back_while_paused_stay_paused(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    session.pause()
    session.skip()
    assert session.state is State.PAUSED and session.step.phase is Phase.HOLD
    assert session.remaining() == session.step.duration_s
    clock.advance(100)
    assert session.remaining() == session.step.duration_s


@pytest.mark.parametrize("phase", list(Phase))
def test_stop_works_in_one_action_from_every_phase(clock: FakeClock, phase: Phase) -> None:
    session, events = make(clock, minutes=10)
    session.start()
    while session.step.phase is not phase:
        session.skip()
    session.stop("sharp-pain")
    assert session.state is State.STOPPED
    assert events[-1].kind is EventKind.STOPPED
    summary = session.summary()
    assert (summary.finished, summary.stop_reason) == (False, "sharp-pain")
    clock.advance(1000)
    session.update()
    assert session.state is State.STOPPED and session.next_deadline() is None


def test_stop_before_start_and_while_paused(clock: FakeClock) -> None:
    before, _ = make(clock)
    before.stop("just-stop")
    assert before.state is State.STOPPED and before.summary().active_s == 0
    paused, _ = make(clock)
    paused.start()
    clock.advance(4)
    paused.pause()
    clock.advance(50)
    paused.stop("dizziness")
    assert paused.summary().active_s == 4


def test_time_left_and_hold_numbers(clock: FakeClock) -> None:
    session, _ = make(clock, prepare_s=8)
    assert session.steps[0].duration_s == 8
    total = sum(s.duration_s for s in session.steps)
    session.start()
    clock.advance(3)
    assert session.routine_remaining() == total - 3
    assert session.hold_number() == (1, len(session.routine.holds))
    session.skip()
    session.skip()
    assert session.hold_number() == (2, len(session.routine.holds))  # switching to the second


def test_the_last_skip_finishes_the_routine(clock: FakeClock) -> None:
    session, events = make(clock, types=("standing",), minutes=3)
    session.start()
    for _ in session.steps:
        session.skip()
    assert session.state is State.DONE and events[-1].kind is EventKind.DONE
    assert session.summary().holds_done == 0


def test_after_sleep_the_session_waits_paused_instead_of_replaying_phases(
    clock: FakeClock,
) -> None:
    session, events = make(clock, minutes=10)
    session.start()
    session.skip()  # into the first hold
    clock.advance(3)
    count = len(events)
    clock.advance(3600)  # the laptop slept for an hour
    session.update()
    assert session.state is State.PAUSED and session.index == 2
    assert [e.kind for e in events[count:]] == [EventKind.PHASE, EventKind.PAUSED]
    assert session.remaining() == session.step.duration_s
    assert session.summary().holds_done == 0
    assert session.active_elapsed() < 60  # the hour away is not stretching time
    session.resume()
    assert session.state is State.RUNNING


def test_a_short_delay_is_caught_up_not_treated_as_sleep(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    clock.advance(session.steps[0].duration_s + 30)
    session.update()
    assert session.state is State.RUNNING and session.index >= 1


def test_a_20_s_block_catches_up_silently_and_unseen_holds_do_not_count(
    clock: FakeClock,
) -> None:
    session, events = make(clock)
    start = clock.now
    session.start()
    ends = [start + sum(s.duration_s for s in session.steps[: i + 1]) for i in range(5)]
    for now in (ends[0], ends[1], ends[2] - 0.5):  # on time: a hold shown to its end, a switch
        clock.now = now
        session.update()
    assert session.step.phase is Phase.SWITCH and session.summary().holds_done == 1
    count = len(events)
    clock.advance(session.steps[3].duration_s + 1)  # blocked through the whole second hold
    session.update()
    assert session.index == 4 and session.step.phase is Phase.REST
    new = events[count:]
    assert [(e.kind, e.index, e.natural) for e in new] == [(EventKind.PHASE, 4, True)]
    assert session.summary().holds_done == 1  # the hold nobody saw is not done
    assert session.next_deadline() == ends[4]  # the schedule stays absolute


def test_catching_up_past_the_end_only_says_done(clock: FakeClock) -> None:
    session, events = make(clock)
    session.start()
    for _ in range(len(session.steps) - 2):
        session.skip()
    assert session.index == len(session.steps) - 2
    count = len(events)
    clock.advance(session.routine_remaining() + 5)
    session.update()
    assert [e.kind for e in events[count:]] == [EventKind.DONE]
    assert session.summary().holds_done == 0 and session.state is State.DONE


def test_the_next_second_of_the_countdown_and_the_next_breath_turn(clock: FakeClock) -> None:
    session, _ = make(clock)
    assert session.next_second() is None and session.next_breath_turn(4, 6) is None
    start = clock.now
    session.start()
    assert session.next_second() == start + 1
    clock.advance(0.25)
    assert session.next_second() == start + 1
    clock.now = start + 1  # the countdown reaches a whole second: the next one is ahead
    assert session.next_second() == start + 2
    assert session.next_breath_turn(4, 6) == start + 4
    clock.now = start + 3
    session.pause()
    clock.advance(100)  # breathing runs on active time: the pause moves the turn along
    session.resume()
    assert session.next_breath_turn(4, 6) == start + 104


def test_the_stops_the_session_makes_have_their_own_ids(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    session.stop(STOP_UNSPECIFIED)
    session.stop("dizziness")  # the user then says what happened
    assert session.summary().stop_reason == "dizziness"
    left, _ = make(clock)
    left.start()
    left.stop(STOP_ABANDONED)
    assert left.summary().stop_reason == STOP_ABANDONED == "abandoned"


def test_a_stop_pressed_by_mistake_is_taken_back_paused_with_the_same_time_left(
    clock: FakeClock,
) -> None:
    session, events = make(clock)
    session.start()
    session.skip()  # into the first hold
    clock.advance(7.25)
    index, left, done_before = session.index, session.remaining(), session.active_elapsed()
    session.stop(STOP_UNSPECIFIED)
    assert session.can_undo_stop
    clock.advance(30)  # reading "What happened?"
    assert session.undo_stop()
    assert events[-1].kind is EventKind.PAUSED
    assert (session.state, session.index, session.remaining()) == (State.PAUSED, index, left)
    assert session.stop_reason is None and session.next_deadline() is None
    assert session.active_elapsed() == done_before  # the time stopped was a pause
    clock.advance(5)
    session.resume()
    assert session.next_deadline() == clock.now + left
    clock.advance(left)
    session.update()  # the hold runs to its end and counts as done
    assert session.summary().holds_done == 1 and session.step.phase is Phase.SWITCH


def test_a_stop_from_a_pause_comes_back_to_the_same_pause(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.start()
    clock.advance(2)
    session.pause()
    left = session.remaining()
    clock.advance(10)
    session.stop(STOP_UNSPECIFIED)
    clock.advance(10)
    assert session.undo_stop()
    assert (session.state, session.remaining()) == (State.PAUSED, left)
    assert session.active_elapsed() == 2


def test_a_stop_before_the_start_comes_back_ready(clock: FakeClock) -> None:
    session, _ = make(clock)
    session.stop(STOP_UNSPECIFIED)
    assert session.undo_stop()
    assert session.state is State.READY and session.active_elapsed() == 0
    session.start()
    assert session.state is State.RUNNING


def test_only_a_stop_not_yet_explained_can_be_taken_back(clock: FakeClock) -> None:
    explained, _ = make(clock)
    explained.start()
    explained.stop(STOP_UNSPECIFIED)
    explained.stop("dizziness")  # the user said what happened: the stop stands
    assert not explained.can_undo_stop and not explained.undo_stop()
    assert (explained.state, explained.stop_reason) == (State.STOPPED, "dizziness")
    for reason in ("sharp-pain", STOP_ABANDONED):
        direct, _ = make(clock)
        direct.start()
        direct.stop(reason)
        assert not direct.undo_stop() and direct.state is State.STOPPED
    running, _ = make(clock)
    running.start()
    assert not running.undo_stop() and running.state is State.RUNNING
    running.stop(STOP_UNSPECIFIED)
    assert running.undo_stop() and not running.undo_stop()  # once
    done, _ = make(clock)
    done.start()
    while (deadline := done.next_deadline()) is not None:
        clock.now = deadline
        done.update()
    done.stop(STOP_UNSPECIFIED)
    assert not done.undo_stop() and done.state is State.DONE


def run_to_end(session: Session, clock: FakeClock) -> None:
    while (deadline := session.next_deadline()) is not None:
        clock.now = deadline
        session.update()


def test_going_on_after_a_stop_for_one_stretch_is_the_same_session(clock: FakeClock) -> None:
    session, events = make(clock)  # fatigue: hamstrings, then calves
    session.start()
    first_hold = next(i for i, s in enumerate(session.steps) if s.phase is Phase.HOLD)
    clock.advance(session.steps[0].duration_s + 3)  # three seconds into the first hold
    session.update()
    assert session.index == first_hold
    session.stop(STOP_UNSPECIFIED)
    session.stop("sharp-pain")
    clock.advance(40)  # reading the care screen
    assert session.go_on_after_stretch()
    assert session.state is State.RUNNING and events[-1].kind is EventKind.PHASE
    step = session.step
    assert (step.phase, step.stretch) == (Phase.PREPARE, "calves")
    left_out = [s for s in session.steps if s.phase is Phase.HOLD and s.stretch == "hamstrings"]
    total = len(session.routine.holds)
    assert session.hold_number() == (len(left_out) + 1, total)  # counting on, not from 1
    run_to_end(session, clock)
    summary = session.summary()
    assert summary.finished and summary.stop_reason is None
    assert (summary.holds_total, summary.holds_skipped) == (total, len(left_out))
    assert summary.holds_done == total - len(left_out)
    # The calves and the heel raises after them; the stopped time left out.
    rest_s = sum(s.duration_s for s in session.steps if s.stretch != "hamstrings")
    assert summary.active_s == session.steps[0].duration_s + 3 + rest_s


def test_there_is_no_going_on_after_the_last_stretch_or_an_unexplained_stop(
    clock: FakeClock,
) -> None:
    session, _ = make(clock)
    session.start()
    session.stop(STOP_UNSPECIFIED)
    assert not session.go_on_after_stretch()  # not explained yet: "go on" undoes the stop
    session.stop("sharp-pain")
    for _ in ("calves", "heel raises"):
        assert session.next_stretch_index() is not None
        assert session.go_on_after_stretch()
        session.stop("sharp-pain")
    assert session.next_stretch_index() is None
    session.stop("sharp-pain")
    assert not session.go_on_after_stretch() and session.state is State.STOPPED
