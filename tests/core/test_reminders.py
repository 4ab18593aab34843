"""The posture reminder schedule, driven by fake boot and wall clocks (no Qt, no sleeps)."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from lowback_timer.core.reminders import (
    DEFER_RETRY_S,
    LOOK_EVERY_S,
    ReminderRules,
    Reminders,
)

BERLIN = ZoneInfo("Europe/Berlin")
HOUR = 3600.0
MIN = 60.0
ALL_WEEK = frozenset(range(7))


def berlin(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=BERLIN)


class Clocks:
    """A boot clock (counts suspend) and a Berlin wall clock that follows it, unless set apart
    by hand (`shift_wall`)."""

    def __init__(self, start: datetime) -> None:
        self.t = 10_000.0
        self._origin = start.astimezone(UTC) - timedelta(seconds=self.t)
        self._shift = 0.0

    def boot(self) -> float:
        return self.t

    def wall(self) -> datetime:
        return self.at(self.t)

    def at(self, t: float) -> datetime:
        """The Berlin wall time at boot time `t`."""
        return (self._origin + timedelta(seconds=t + self._shift)).astimezone(BERLIN)

    def advance(self, seconds: float) -> None:
        self.t += seconds

    def shift_wall(self, seconds: float) -> None:
        self._shift += seconds


def make(start: datetime, rules: ReminderRules | None = None) -> tuple[Reminders, Clocks]:
    clocks = Clocks(start)
    return Reminders(rules, boot=clocks.boot, wall=clocks.wall), clocks


def run(rem: Reminders, clocks: Clocks, until: datetime) -> list[datetime]:
    """Act as the UI: one single-shot timer armed for `next_check()`; when it fires and a
    reminder is due, show it. Returns the wall times of the reminders shown."""
    shown: list[datetime] = []
    end = until.astimezone(UTC)
    while True:
        when = rem.next_check()
        if clocks.at(when).astimezone(UTC) > end:
            # stop at `end`: no later than the next look, so not a sleep
            clocks.t += max(0.0, (end - clocks.wall().astimezone(UTC)).total_seconds())
            return shown
        clocks.t = max(clocks.t, when)
        if rem.due():
            shown.append(clocks.wall())
            rem.shown()


def awake(rem: Reminders, clocks: Clocks, seconds: float) -> None:
    """Let `seconds` pass with the computer awake: the UI looks at least every few minutes."""
    while seconds > 0:
        step = min(seconds, LOOK_EVERY_S)
        clocks.advance(step)
        rem.check_gap()
        seconds -= step


def local_times(times: list[datetime]) -> list[tuple[int, int, int]]:
    return [(t.day, t.hour, t.minute) for t in times]


# --- the default schedule and working hours ---------------------------------------------------


def test_default_rules() -> None:
    rules = ReminderRules()
    assert rules.interval_min == 60
    assert rules.days == frozenset({0, 1, 2, 3, 4})
    assert (rules.start_min, rules.end_min) == (9 * 60, 18 * 60)
    assert rules.wake_grace_min == 5


def test_hourly_through_a_working_day_none_at_six_pm() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 9))  # Monday
    shown = run(rem, clocks, berlin(2025, 3, 24, 23, 59))
    assert [t.hour for t in shown] == [10, 11, 12, 13, 14, 15, 16, 17]
    assert all(t.minute == 0 and t.second == 0 for t in shown)


def test_after_the_end_of_the_day_the_next_comes_at_nine_the_next_morning() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 17, 30))  # Monday
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 25, 9)
    shown = run(rem, clocks, berlin(2025, 3, 25, 11, 30))
    assert local_times(shown) == [(25, 9, 0), (25, 10, 0), (25, 11, 0)]


def test_a_reminder_due_just_before_six_still_comes() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 16, 59))
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 24, 17, 59)


def test_the_weekend_is_skipped() -> None:
    rem, clocks = make(berlin(2025, 3, 21, 17, 30))  # Friday
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 24, 9)  # Monday
    assert due - clocks.t == pytest.approx(63.5 * HOUR)
    assert local_times(run(rem, clocks, berlin(2025, 3, 24, 9, 30))) == [(24, 9, 0)]


def test_before_the_working_day_the_first_comes_at_its_start() -> None:
    rem, clocks = make(berlin(2025, 3, 25, 7, 0))  # Tuesday, at work early
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 25, 9)


def test_no_working_days_means_no_reminders() -> None:
    rem, _ = make(berlin(2025, 3, 24, 10), ReminderRules(days=frozenset()))
    assert rem.next_due() is None
    assert not rem.due()


# --- midnight and DST -------------------------------------------------------------------------


def test_all_day_reminders_go_on_through_midnight() -> None:
    rules = ReminderRules(days=ALL_WEEK, start_min=0, end_min=0)
    assert rules.all_day
    rem, clocks = make(berlin(2025, 3, 25, 22, 30), rules)
    shown = run(rem, clocks, berlin(2025, 3, 26, 1, 45))
    assert local_times(shown) == [(25, 23, 30), (26, 0, 30), (26, 1, 30)]


def test_a_reminder_past_midnight_outside_the_working_days_moves_to_the_next_one() -> None:
    rules = ReminderRules(days=frozenset({0}), start_min=0, end_min=0)  # Mondays, all day
    rem, clocks = make(berlin(2025, 3, 24, 23, 30), rules)
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 31, 0, 0)


@pytest.mark.parametrize(
    ("start", "until"),
    [
        (berlin(2025, 3, 30, 0, 30), berlin(2025, 3, 30, 5, 0)),  # 2:00 CET -> 3:00 CEST
        (berlin(2025, 10, 26, 1, 30), berlin(2025, 10, 26, 4, 0)),  # 3:00 CEST -> 2:00 CET
    ],
)
def test_a_dst_change_neither_doubles_nor_hastens_a_reminder(
    start: datetime, until: datetime
) -> None:
    rem, clocks = make(start, ReminderRules(days=ALL_WEEK, start_min=0, end_min=0))
    t0 = clocks.t
    times: list[float] = []
    while clocks.wall().astimezone(UTC) < until.astimezone(UTC):
        when = rem.next_check()
        clocks.t = when
        if rem.due():
            times.append(clocks.t)
            rem.shown()
    real_hours = (until.astimezone(UTC) - start.astimezone(UTC)).total_seconds() / HOUR
    assert len(times) == int(real_hours)
    assert [b - a for a, b in zip([t0, *times], times, strict=False)] == [HOUR] * len(times)


@pytest.mark.parametrize(
    ("evening", "real_hours"),
    [
        (berlin(2025, 3, 29, 17, 30), 14.5),  # the night loses an hour
        (berlin(2025, 10, 25, 17, 30), 16.5),  # the night gains one
    ],
)
def test_the_morning_start_across_a_dst_change_is_nine_local(
    evening: datetime, real_hours: float
) -> None:
    rem, clocks = make(evening, ReminderRules(days=ALL_WEEK))
    due = rem.next_due()
    assert due is not None
    assert due - clocks.t == pytest.approx(real_hours * HOUR)
    morning = clocks.at(due)
    assert (morning.day, morning.hour, morning.minute) == (evening.day + 1, 9, 0)
    shown = run(rem, clocks, morning + timedelta(minutes=30))
    assert local_times(shown) == [(evening.day + 1, 9, 0)]


def test_the_weekend_across_a_dst_change_ends_at_nine_monday() -> None:
    rem, clocks = make(berlin(2025, 3, 28, 17, 30))  # Friday; DST begins on Sunday
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 31, 9)
    assert due - clocks.t == pytest.approx(62.5 * HOUR)


# --- sleep, clock jumps, lock -----------------------------------------------------------------


def test_a_three_hour_suspend_gives_one_reminder_and_none_right_after_waking() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    assert run(rem, clocks, berlin(2025, 3, 24, 10, 30)) == []
    clocks.advance(3 * HOUR)  # asleep 10:30-13:30; the 11:00, 12:00 and 13:00 slots pass
    assert clocks.wall() == berlin(2025, 3, 24, 13, 30)
    assert not rem.due()  # the first look after waking
    for _ in range(5):  # nothing in the first minutes, however often the UI asks
        clocks.advance(MIN)
        assert not rem.due()
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 24, 14, 30)
    shown = run(rem, clocks, berlin(2025, 3, 24, 14, 45))
    assert local_times(shown) == [(24, 14, 30)]


def test_the_grace_holds_even_with_a_short_interval_or_a_snooze() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10), ReminderRules(interval_min=15))
    clocks.advance(2 * HOUR)
    rem.woke()
    rem.snooze(1)
    assert rem.next_due() == clocks.t + 5 * MIN


def test_the_sleep_is_noticed_by_the_next_look_after_waking() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    clocks.advance(LOOK_EVERY_S)
    assert not rem.check_gap()  # on time
    clocks.advance(LOOK_EVERY_S + 60)  # a little late (a busy machine) is not a sleep
    assert not rem.check_gap()
    clocks.advance(HOUR)
    assert rem.check_gap()


def test_a_wall_clock_jump_restarts_the_countdown() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 50 * MIN)
    clocks.shift_wall(2 * HOUR)  # the clock was set; the boot clock did not move with it
    assert rem.check_gap()
    assert rem.next_due() == clocks.t + HOUR


def test_a_deferred_reminder_stays_due_and_is_asked_about_again() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, HOUR)
    assert rem.due()  # the UI does not show it (full screen, do not disturb)
    assert rem.next_check() == clocks.t + LOOK_EVERY_S
    clocks.advance(LOOK_EVERY_S)
    assert rem.due()


def test_a_far_reminder_still_gets_a_look_every_few_minutes() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 19))
    assert rem.next_check() == clocks.t + LOOK_EVERY_S


def test_no_reminder_while_locked_and_the_interval_restarts_on_unlock() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 50 * MIN)
    rem.locked()
    assert rem.is_locked
    assert rem.next_due() is None
    for _ in range(8):  # 40 minutes locked, looked at every five
        clocks.advance(LOOK_EVERY_S)
        assert not rem.due()
    rem.unlocked()
    assert not rem.is_locked
    assert rem.next_due() == clocks.t + HOUR


def test_a_lock_whose_unlock_never_came_is_looked_at_when_the_reminder_would_be_due() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    start = clocks.t
    awake(rem, clocks, 20 * MIN)
    rem.locked()
    awake(rem, clocks, 35 * MIN)
    assert not rem.due_but_locked()  # the hour is not over: nothing to ask yet
    awake(rem, clocks, 5 * MIN)
    assert rem.due_but_locked() and not rem.due()
    # The desktop, asked, says it is not locked: the hour was not restarted by the lost lock.
    rem.lock_lifted()
    assert not rem.is_locked and not rem.due_but_locked()
    assert rem.due() and rem.next_due() == start + HOUR


def test_not_locked_is_never_due_but_locked() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 2 * HOUR)
    assert rem.due() and not rem.due_but_locked()


# --- the user's commands ----------------------------------------------------------------------


def test_snooze_ten_minutes() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, HOUR)
    assert rem.due()
    rem.snooze(10)
    assert not rem.due()
    assert rem.next_due() == clocks.t + 10 * MIN
    awake(rem, clocks, 10 * MIN)
    assert rem.due()
    rem.shown()
    assert rem.next_due() == clocks.t + HOUR


def test_pause_for_an_hour_then_the_interval_starts_again() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 20 * MIN)
    rem.pause(clocks.t + HOUR)
    assert rem.paused()
    assert rem.paused_until() == clocks.t + HOUR
    assert local_times(run(rem, clocks, berlin(2025, 3, 24, 11, 20))) == []
    assert not rem.paused()
    assert local_times(run(rem, clocks, berlin(2025, 3, 24, 12, 30))) == [(24, 12, 20)]


def test_a_sleep_or_an_unlock_during_a_pause_does_not_end_it() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    rem.pause(clocks.t + 2 * HOUR)
    end = clocks.t + 2 * HOUR
    clocks.advance(30 * MIN)  # asleep
    assert not rem.due()
    rem.locked()
    awake(rem, clocks, 10 * MIN)
    rem.unlocked()
    assert rem.next_due() == end + HOUR


def test_pause_until_resumed() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    rem.pause(None)
    assert rem.paused()
    assert rem.paused_until() is None
    assert rem.next_due() is None
    assert run(rem, clocks, berlin(2025, 3, 24, 15)) == []
    rem.resume()
    assert not rem.paused()
    assert rem.next_due() == clocks.t + HOUR


def test_resume_when_not_paused_changes_nothing() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 30 * MIN)
    rem.resume()
    assert rem.next_due() == clocks.t + 30 * MIN


def test_i_moved_restarts_the_interval() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, 40 * MIN)
    rem.moved()
    assert rem.next_due() == clocks.t + HOUR
    assert local_times(run(rem, clocks, berlin(2025, 3, 24, 11, 45))) == [(24, 11, 40)]


def test_moving_also_ends_a_snooze() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, HOUR)
    rem.snooze(5)
    rem.moved()
    assert rem.next_due() == clocks.t + HOUR


@pytest.mark.parametrize(
    ("idle_s", "is_break"), [(30 * MIN, True), (45 * MIN, True), (1799, False)]
)
def test_idle_for_half_the_interval_is_a_natural_break(idle_s: float, is_break: bool) -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10))
    awake(rem, clocks, HOUR)
    assert rem.due()
    assert rem.natural_break(idle_s) is is_break
    assert rem.due() is not is_break
    if is_break:
        assert rem.next_due() == clocks.t + HOUR


def test_the_natural_break_share_follows_the_interval() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10), ReminderRules(interval_min=120))
    awake(rem, clocks, 2 * HOUR)
    assert not rem.natural_break(59 * MIN)
    assert rem.natural_break(HOUR)


# --- the rules --------------------------------------------------------------------------------


@pytest.mark.parametrize(("given", "kept"), [(5, 15), (15, 15), (90, 90), (180, 180), (500, 180)])
def test_the_interval_is_clamped_to_15_180_minutes(given: int, kept: int) -> None:
    assert ReminderRules(interval_min=given).interval_min == kept


def test_a_clamped_interval_is_the_one_used() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 10), ReminderRules(interval_min=1))
    assert rem.next_due() == clocks.t + 15 * MIN


def test_other_rules_are_clamped_too() -> None:
    rules = ReminderRules(
        days=frozenset({-1, 0, 6, 7}), start_min=-5, end_min=5000, wake_grace_min=-1
    )
    assert rules.days == frozenset({0, 6})
    assert (rules.start_min, rules.end_min, rules.wake_grace_min) == (0, 1440, 0)


def test_working_hours_past_midnight_are_a_night_shift_not_all_day() -> None:
    rules = ReminderRules(start_min=22 * 60, end_min=6 * 60)  # 22:00-06:00
    assert not rules.all_day
    assert rules.is_working(berlin(2025, 3, 24, 23))
    assert rules.is_working(berlin(2025, 3, 25, 3))
    assert not rules.is_working(berlin(2025, 3, 24, 12))  # it meant "all day" before
    assert not rules.is_working(berlin(2025, 3, 23, 23))  # Sunday
    assert ReminderRules(start_min=9 * 60, end_min=9 * 60).all_day


def test_a_time_zone_python_cannot_hold_still_gives_reminders() -> None:
    """TZ=UTC+24 is a whole day behind: Python's datetime cannot represent it, and reminders
    silently never started. They now run in UTC (and the log says so once)."""
    code = (
        "from lowback_timer.core.reminders import ReminderRules, Reminders\n"
        "rem = Reminders(rules=ReminderRules(days=frozenset(range(7)), start_min=0, end_min=0))\n"
        "print(rem.next_due() is not None)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "TZ": "UTC+24"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "True"
    assert "time zone cannot be used" in done.stderr


def test_the_default_clocks_work() -> None:
    rem = Reminders()
    due = rem.next_due()
    assert due is None or due > rem.boot()


# --- a busy desktop, "until tomorrow", the time shown ------------------------------------------


def test_a_presentation_defers_the_reminder_until_it_ends() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 9))
    awake(rem, clocks, HOUR)
    assert rem.due()
    assert rem.defer()  # a full-screen window: wait and ask again
    assert not rem.due()
    clocks.advance(DEFER_RETRY_S)
    assert rem.due()  # asked again a minute later: the presentation has ended
    rem.shown()
    due = rem.next_due()
    assert due is not None
    assert clocks.at(due) == berlin(2025, 3, 24, 11, 1)


def test_a_reminder_waits_for_a_busy_desktop_no_longer_than_the_limit() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 9), ReminderRules(defer_limit_min=10))
    awake(rem, clocks, HOUR)
    waited = 0.0
    while rem.due() and rem.defer():
        clocks.advance(DEFER_RETRY_S)
        waited += DEFER_RETRY_S
    assert rem.due()
    assert waited == 10 * MIN  # it comes then, busy or not
    rem.shown()
    awake(rem, clocks, HOUR)
    assert rem.due() and rem.defer()  # the next reminder may wait again


def test_a_limit_of_zero_never_defers() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 9), ReminderRules(defer_limit_min=0))
    awake(rem, clocks, HOUR)
    assert rem.due()
    assert not rem.defer()


def test_pause_until_tomorrow_lasts_until_the_next_working_morning() -> None:
    rem, clocks = make(berlin(2025, 3, 24, 15, 20))  # Monday
    rem.pause(rem.tomorrow())
    assert clocks.at(rem.tomorrow()) == berlin(2025, 3, 25)
    assert rem.paused()
    assert local_times(run(rem, clocks, berlin(2025, 3, 25, 10, 30))) == [(25, 9, 0), (25, 10, 0)]


def test_tomorrow_across_a_dst_change_is_local_midnight() -> None:
    rem, clocks = make(berlin(2025, 3, 29, 22))  # the clocks go forward that night
    assert clocks.at(rem.tomorrow()) == berlin(2025, 3, 30)
    assert rem.tomorrow() - clocks.t == pytest.approx(2 * HOUR)


def test_the_next_reminder_in_wall_time() -> None:
    rem, _ = make(berlin(2025, 3, 24, 9, 5))
    due = rem.next_due()
    assert due is not None
    shown = rem.wall_time(due)
    assert (shown.hour, shown.minute) == (10, 5)
    assert shown.utcoffset() == timedelta(hours=1)
