"""The two-week review's rules on made-up histories: too short, no better, worse, better; the
weeks, the medians and the dismissal, without a QApplication."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from lowback_timer.core.history_records import SessionRecord
from lowback_timer.core.review import (
    DISMISS_DAYS,
    MIN_ROUTINES,
    REVIEW_AFTER_DAYS,
    WORSE_BY,
    Change,
    Medians,
    Verdict,
    dismissed_until,
    review,
    shown_on_home,
)

UTC = ZoneInfo("UTC")
TODAY = date(2026, 3, 20)
Rating = tuple[int | None, int | None]  # (back, legs) before a routine


def session(
    days_ago: int, back: int | None, legs: int | None, *, at: time = time(9)
) -> SessionRecord:
    started = datetime.combine(TODAY - timedelta(days=days_ago), at, UTC).timestamp()
    return SessionRecord(
        *(days_ago, started, started + 300, "", "desk", (), 8, 0, True, None),
        *(back, legs, None, None),
    )


def history(first: list[Rating], last: list[Rating], days: int = 20) -> list[SessionRecord]:
    """`first` on days 0, 1, 2... from the first rated routine `days` ago, `last` on the last
    days up to today (oldest first)."""
    early = [session(days - i, *rating) for i, rating in enumerate(first)]
    late = [session(len(last) - 1 - i, *rating) for i, rating in enumerate(last)]
    return early + late


def test_the_thresholds() -> None:
    assert (REVIEW_AFTER_DAYS, MIN_ROUTINES, WORSE_BY, DISMISS_DAYS) == (14, 6, 2, 7)


def test_an_empty_history_is_not_enough() -> None:
    result = review([], TODAY, UTC)
    assert result.verdict is Verdict.NOT_ENOUGH
    assert (result.first_day, result.days, result.routines, result.recent_days) == (None, 0, 0, 0)


def test_thirteen_days_are_too_short() -> None:
    sessions = history([(6, 5)] * 4, [(6, 5)] * 4, days=13)
    result = review(sessions, TODAY, UTC)
    assert (result.verdict, result.days, result.routines) == (Verdict.NOT_ENOUGH, 13, 8)
    assert review(history([(6, 5)] * 4, [(6, 5)] * 4, days=14), TODAY, UTC).verdict is (
        Verdict.NO_BETTER
    )


def test_five_routines_are_too_few() -> None:
    result = review(history([(6, 5)] * 3, [(6, 5)] * 2, days=30), TODAY, UTC)
    assert (result.verdict, result.routines) == (Verdict.NOT_ENOUGH, 5)
    assert review(history([(6, 5)] * 3, [(6, 5)] * 3), TODAY, UTC).verdict is Verdict.NO_BETTER


def test_a_flat_history_is_no_better() -> None:
    result = review(history([(5, 4), (6, 4), (5, 5)], [(5, 4), (6, 5), (5, 4)]), TODAY, UTC)
    assert result.verdict is Verdict.NO_BETTER
    assert result.first_week == result.last_week == Medians(5.0, 4.0)
    assert result.compared == (Change("back", 5.0, 5.0), Change("legs", 4.0, 4.0))
    assert (result.worse, result.better) == ((), ())


def test_a_point_worse_is_still_no_better() -> None:
    result = review(history([(5, 3)] * 3, [(6, 4)] * 3), TODAY, UTC)
    assert (result.verdict, result.worse) == (Verdict.NO_BETTER, ())


def test_two_points_worse_is_worse_and_names_the_part() -> None:
    result = review(history([(5, 3)] * 3, [(5, 5)] * 3), TODAY, UTC)
    assert result.verdict is Verdict.WORSE
    assert result.worse == (Change("legs", 3.0, 5.0),)


def test_worse_wins_over_better() -> None:
    result = review(history([(6, 2)] * 3, [(3, 4)] * 3), TODAY, UTC)
    assert result.verdict is Verdict.WORSE
    assert result.worse == (Change("legs", 2.0, 4.0),)
    assert result.better == (Change("back", 6.0, 3.0),)


def test_lower_back_is_better() -> None:
    result = review(history([(6, 4), (6, 4), (7, 4)], [(4, 4), (4, 4), (5, 4)]), TODAY, UTC)
    assert result.verdict is Verdict.BETTER
    assert result.better == (Change("back", 6.0, 4.0),)


def test_one_part_lower_and_the_other_a_point_higher_is_better() -> None:
    result = review(history([(6, 3)] * 3, [(4, 4)] * 3), TODAY, UTC)
    assert (result.verdict, result.better) == (Verdict.BETTER, (Change("back", 6.0, 4.0),))


def test_medians_of_an_even_count_and_missing_ratings_ignored() -> None:
    sessions = history([(4, None), (5, 3), (None, 4), (6, None)], [(3, None), (4, None)] * 2)
    result = review(sessions, TODAY, UTC)
    assert result.first_week == Medians(5.0, 3.5)
    assert result.last_week == Medians(3.5, None)
    # the legs were not rated in the last week: only the back is compared
    assert result.compared == (Change("back", 5.0, 3.5),)
    assert result.verdict is Verdict.BETTER


def test_no_ratings_in_the_last_week_leave_nothing_to_compare() -> None:
    sessions = history([(6, 5)] * 6, [(None, None)] * 3)
    result = review(sessions, TODAY, UTC)
    assert (result.verdict, result.compared, result.last_week) == (
        Verdict.NOT_ENOUGH,
        (),
        Medians(None, None),
    )


def test_day_zero_is_the_first_rated_routine_and_every_routine_counts() -> None:
    unrated_before = [session(40, None, None), session(30, None, None)]
    sessions = [*unrated_before, *history([(6, 5), (None, None)], [(None, None), (6, 5)])]
    result = review(sessions, TODAY, UTC)
    assert result.first_day == TODAY - timedelta(days=20)
    assert (result.days, result.routines) == (20, 4)  # the two unrated ones before day 0: not


def test_the_weeks_are_days_0_to_6_and_the_last_7_days() -> None:
    sessions = [
        session(14, 8, 8),  # day 0
        session(8, 0, 0),  # day 6: the first week
        session(7, 10, 10),  # day 7 is the 8th day before today: neither week
        session(6, 8, 8),  # the last week
        session(5, 8, 8),
        session(0, 8, 8),
    ]
    result = review(sessions, TODAY, UTC)
    assert (result.first_week, result.last_week) == (Medians(4.0, 4.0), Medians(8.0, 8.0))
    assert result.verdict is Verdict.WORSE


def test_days_are_local_dates() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    late = session(15, 6, 5, at=time(20))  # 20:00 UTC is 05:00 the next day in Tokyo
    sessions = [late, *history([], [(6, 5)] * 5)]
    assert review(sessions, TODAY, UTC).days == 15
    assert review(sessions, TODAY, tokyo).days == 14


def test_sessions_after_today_are_ignored_and_recent_days_counted_once() -> None:
    sessions = [
        *history([(6, 5)] * 3, [(6, 5)] * 3),
        session(0, 6, 5, at=time(18)),  # a second one today
        session(-1, 0, 0),  # tomorrow (the clock was wrong)
    ]
    result = review(sessions, TODAY, UTC)
    assert (result.verdict, result.routines, result.recent_days) == (Verdict.NO_BETTER, 7, 3)


@pytest.mark.parametrize(
    ("hidden_until", "shown"),
    [
        (0.0, True),  # never dismissed
        (1000.0 + DISMISS_DAYS * 86400, False),  # dismissed just now
        (1000.0, True),  # the week has passed
        (1000.0 + 30 * 86400, True),  # further ahead than a week: the clock went back
    ],
)
def test_home_shows_a_review_until_dismissed_for_a_week(hidden_until: float, shown: bool) -> None:
    result = review(history([(5, 4)] * 3, [(5, 4)] * 3), TODAY, UTC)
    assert shown_on_home(result, hidden_until, 1000.0) is shown
    assert dismissed_until(1000.0) == 1000.0 + 7 * 86400


def test_home_shows_nothing_when_there_is_not_enough() -> None:
    assert not shown_on_home(review([], TODAY, UTC), 0.0, 1000.0)
