"""What the history's rows mean, read back: sessions (with their ratings), weeks and rating
points; the checks that leave out a row whose values the app never writes (edited by hand, or by
another program); and the sessions as CSV. The file itself is core/history.py."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

CSV_HEADER: tuple[str, ...] = (
    *("started", "ended", "minutes", "routine", "place", "types"),
    *("holds_done", "holds_skipped", "finished", "stop_reason"),
    *("back_before", "legs_before", "back_after", "legs_after"),
)


@dataclass(frozen=True)
class SessionRecord:
    id: int
    started: float
    ended: float | None
    routine: str
    place: str
    types: tuple[str, ...]
    holds_done: int
    holds_skipped: int
    finished: bool
    stop_reason: str | None
    back_before: int | None
    legs_before: int | None
    back_after: int | None
    legs_after: int | None


@dataclass(frozen=True)
class Week:
    """One calendar week (Monday first) in local time."""

    start: date
    routine_days: int
    sessions: int
    reminders_shown: int
    reminders_acted_on: int


@dataclass(frozen=True)
class RatingPoint:
    """One session (finished or not) with at least one rating."""

    when: float
    back_before: int | None
    legs_before: int | None
    back_after: int | None
    legs_after: int | None


#: Times the app can have written: from 2000 to 2100.
_TIMES = (946684800.0, 4102444800.0)


def stored_time(value: object) -> float | None:
    """A stored time this version can use, or None (text, 1e20, NaN...)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if _TIMES[0] <= value <= _TIMES[1] else None


def stored_types(value: object) -> tuple[str, ...] | None:
    """The stored JSON list of type ids, or None when it is not one."""
    try:
        types = json.loads(value) if isinstance(value, str) else None
    except ValueError:
        return None
    if not isinstance(types, list) or not all(isinstance(t, str) for t in types):
        return None
    return tuple(types)


def _whole(value: object, lo: int = 0, hi: int = 10_000) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and lo <= value <= hi


def session_from_row(row: tuple[Any, ...]) -> SessionRecord | None:
    """A session row as the app wrote it, or None when a value is one it never writes."""
    started, types = stored_time(row[1]), stored_types(row[5])
    ended, routine, place = row[2], row[3], row[4]
    if started is None or types is None or (ended is not None and stored_time(ended) is None):
        return None
    if not (isinstance(routine, str) and isinstance(place, str)):
        return None
    if not all(_whole(v) for v in row[6:8]) or not _whole(row[8], 0, 1):
        return None
    if row[9] is not None and not isinstance(row[9], str):
        return None
    if not all(v is None or _whole(v, 0, 10) for v in row[10:14]):
        return None
    return replace(SessionRecord(*row), types=types, finished=bool(row[8]))


def monday(day: date) -> date:
    """The Monday of `day`'s week."""
    return day - timedelta(days=day.weekday())


def csv_text(sessions: Iterable[SessionRecord], iso: Callable[[float], str]) -> str:
    """CSV_HEADER, then one row per session, oldest first. Lines end in "\\n" (write it
    with newline="" so Windows does not double them; "utf-8-sig" lets Excel read
    Japanese). Times are local "YYYY-MM-DDTHH:MM", minutes whole, None is empty."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for s in sessions:
        ended = "" if s.ended is None else iso(s.ended)
        minutes = "" if s.ended is None else int((s.ended - s.started) // 60)
        done = (s.holds_done, s.holds_skipped, "yes" if s.finished else "no", s.stop_reason)
        rated = (s.back_before, s.legs_before, s.back_after, s.legs_after)  # None: ""
        when = (iso(s.started), ended, minutes)
        writer.writerow((*when, s.routine, s.place, "+".join(s.types), *done, *rated))
    return out.getvalue()
