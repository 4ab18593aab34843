"""Made-up histories for the two-week review (core/review.py), written to a real history file:
each maps days before today to the (back, legs) "before" ratings of one routine that day, at
10:00 local time."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path

from lowback_timer.core.history import History
from lowback_timer.core.history_records import SessionRecord

Ratings = Mapping[int, tuple[int | None, int | None]]

EMPTY: Ratings = {}
# Only five days since the first rated routine.
SHORT: Ratings = {5: (6, 5), 3: (6, 5), 0: (5, 5)}
# Three weeks, the same before and after: no better.
FLAT: Ratings = {20: (5, 4), 19: (5, 4), 18: (6, 4), 2: (5, 4), 1: (5, 5), 0: (5, 4)}
# The back from 6 to 4, the legs the same: better.
IMPROVING: Ratings = {20: (6, 5), 19: (6, 5), 17: (7, 5), 2: (4, 5), 1: (4, 4), 0: (5, 5)}
# The legs from 3 to 6: worse.
WORSE: Ratings = {20: (4, 3), 19: (4, 3), 17: (5, 3), 2: (4, 6), 1: (4, 6), 0: (4, 7)}


def _started(today: date, days_ago: int) -> float:
    return datetime.combine(today - timedelta(days=days_ago), time(10)).timestamp()


def records(ratings: Ratings, today: date) -> list[SessionRecord]:
    """The sessions as the history reads them back, oldest first (no file)."""
    return [
        SessionRecord(
            *(i, _started(today, days_ago), None, "", "desk", ("sitting",), 8, 0, True, None),
            *(back, legs, back, legs),
        )
        for i, (days_ago, (back, legs)) in enumerate(sorted(ratings.items(), reverse=True))
    ]


def write_history(path: Path, ratings: Ratings, today: date | None = None) -> None:
    """One finished routine on each day of `ratings`, rated before and after."""
    today = today or date.today()
    now = [0.0]
    path.parent.mkdir(parents=True, exist_ok=True)
    history = History(path, clock=lambda: now[0])
    for days_ago, (back, legs) in sorted(ratings.items(), reverse=True):
        now[0] = _started(today, days_ago)
        session = history.start_session("", "desk", ["sitting"])
        history.rate(session, "before", back, legs)
        now[0] += 300
        history.finish_session(session, 8, 0, True, None)
        history.rate(session, "after", back, legs)
    history.close()
