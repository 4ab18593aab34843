"""The reminder's short walk on a fake clock: what is left, when it is done, when the countdown
changes; all read from one deadline, so late or early looks never make it drift."""

from __future__ import annotations

from lowback_timer.core.language import format_clock
from lowback_timer.core.walk import WALK_S, Walk
from tests.fakeclock import FakeClock


def test_a_walk_lasts_two_minutes_from_its_start() -> None:
    clock = FakeClock()
    walk = Walk(clock)
    assert WALK_S == 120
    assert walk.deadline == clock.now + 120
    assert walk.remaining_s() == 120 and walk.shown_s() == 120
    assert format_clock(walk.remaining_s()) == "2:00"
    clock.advance(25)
    assert walk.remaining_s() == 95 and format_clock(walk.remaining_s()) == "1:35"
    assert not walk.done()


def test_done_at_the_deadline_and_never_below_zero() -> None:
    clock = FakeClock()
    walk = Walk(clock)
    clock.advance(119.999)
    assert not walk.done() and walk.shown_s() == 1  # 0:01 until the very end
    clock.advance(0.001)
    assert walk.done() and walk.remaining_s() == 0 and walk.shown_s() == 0
    clock.advance(3600)  # the laptop slept through the end
    assert walk.done() and walk.remaining_s() == 0


def test_the_countdown_changes_once_a_second_on_the_whole_seconds_left() -> None:
    clock = FakeClock(start=500.25)
    walk = Walk(clock)
    assert walk.next_change() == walk.deadline - 119  # 2:00 becomes 1:59 a second in
    clock.advance(0.4)  # looked at early: the same next change
    assert walk.next_change() == walk.deadline - 119
    clock.advance(118.9)  # 0:01 left, shown as 0:01
    assert walk.shown_s() == 1
    assert walk.next_change() == walk.deadline  # the last change is the end itself


def test_drift_free_whatever_the_timer_does() -> None:
    """Looked at late each time (a busy event loop, a timer rounded up), the countdown still
    reads the deadline: after 60 late looks it shows exactly what the clock says."""
    clock = FakeClock()
    walk = Walk(clock)
    seen: list[int] = []
    while not walk.done():
        clock.now = walk.next_change() + 0.013  # each wake-up 13 ms late
        seen.append(walk.shown_s())
    assert seen[:3] == [119, 118, 117]
    assert seen[-1] == 0
    assert len(seen) == 120  # one look per second shown, none skipped or added
    assert clock.now == walk.deadline + 0.013


def test_a_walk_of_another_length() -> None:
    clock = FakeClock()
    walk = Walk(clock, duration_s=3)
    clock.advance(2.5)
    assert walk.shown_s() == 1 and walk.next_change() == walk.deadline
