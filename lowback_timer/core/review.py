"""The two-week review: is the back, are the legs, better since the person began? What a
physiotherapist asks at a follow-up, answered from the history's "before" ratings (how the back
and legs felt before a routine, 0 to 10), with no clock read here: the caller gives `today`.

The rules, precisely:

- The days are local calendar dates (`tz`; None: the system's local time). Day 0 is the date of
  the first *rated* routine: the first session with a "before" rating for the back or the legs.
- The review is due when at least `REVIEW_AFTER_DAYS` (14) days have passed from day 0 to
  `today` (today - day 0 >= 14) and at least `MIN_ROUTINES` (6) routines were started from day 0
  to today (every session started counts, rated or not, finished or stopped early).
- The first week is days 0-6 from day 0; the last week is the last 7 days up to today (today
  and the 6 days before). With 14 days passed they never overlap.
- Back and legs are compared apart, each by the median of its "before" ratings in the first
  week and in the last week. A missing rating (None) is ignored; a part without any rating in
  either week is not compared. With neither part compared, there is no review (NOT_ENOUGH).
- Worse: the last week's median minus the first week's is `WORSE_BY` (2) or more, for the back
  or the legs. Better: at least one part lower and none worse. No better: neither part lower.
  Worse wins over better (back better, legs worse by 2 is WORSE); the result names the parts.
- Home shows a review (other than NOT_ENOUGH) until it is dismissed; a dismissal hides it for
  `DISMISS_DAYS` (7) days.

The thresholds and where they come from:

- 14 days and 6 routines: the source article (seed/lowback-leg-fatigue-article.ja.txt, section
  5, "when stretching does not help") says that when self-stretching changes little, and the
  back and legs stay heavy for some weeks, it is important to have the body checked by a
  professional. NICE NG59 (low back pain and sciatica in over 16s, 2016) recommends exercise
  and self-management, and thinking of other causes when reviewing a person whose symptoms are
  new or have changed. Two weeks with a routine about every other day gives a stretching
  routine time to show an effect without leaving a problem unchecked for long.
- 2 points: on a 0-10 pain rating scale a change of about 2 points (or 30 %) is commonly taken
  as the minimal clinically important change (Ostelo et al., Spine 2008;33(1):90-94); a smaller
  change is within how ratings vary from day to day. Ostelo's figure is for improvement;
  reading the same 2 points as "worse" is this app's choice (a change as large as one that
  counts).
- 7 days: a dismissed line comes back after a week, so "no better" is never set aside for good.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:  # (light to import: home asks `shown_on_home` before the history is read)
    from lowback_timer.core.history_records import SessionRecord

# The source article: "if it does not help after a while, have it checked" (section 5); NICE
# NG59: exercise and self-management, other causes thought of at a review. Two weeks, a routine
# about every other day (see the docstring).
REVIEW_AFTER_DAYS = 14  # days from the first rated routine to today
MIN_ROUTINES = 6  # routines started in those days
# Ostelo 2008: about 2 points on a 0-10 pain scale is the minimal clinically important change.
WORSE_BY = 2  # last week's median minus the first week's, for the back or the legs
WEEK_DAYS = 7  # the first week (days 0-6) and the last (today and the 6 days before)
DISMISS_DAYS = 7  # a dismissed review line stays hidden this long
RECENT_DAYS = 14  # "days with a routine in the last 14"

PARTS = ("back", "legs")  # the rated parts, in the order they are said


class Verdict(StrEnum):
    NOT_ENOUGH = "not_enough"  # too soon, too few routines, or no ratings to compare
    NO_BETTER = "no_better"  # neither part lower: have it checked
    WORSE = "worse"  # a part WORSE_BY or more higher: the "soon" tier's wording
    BETTER = "better"  # a part lower, none worse: a word of encouragement


class Medians(NamedTuple):
    """One week's median "before" ratings (None: no rating for that part that week)."""

    back: float | None
    legs: float | None

    def of(self, part: str) -> float | None:
        return self.back if part == "back" else self.legs


class Change(NamedTuple):
    """A compared part: its first and last week's medians."""

    part: str  # "back" or "legs"
    first: float
    last: float


class Review(NamedTuple):
    verdict: Verdict
    first_day: date | None  # day 0 (None: no rated routine yet)
    days: int  # days passed from day 0 to today (0 without one)
    routines: int  # routines started from day 0 to today
    recent_days: int  # days with a routine in the last RECENT_DAYS (today included)
    first_week: Medians
    last_week: Medians
    worse: tuple[Change, ...]  # the parts WORSE_BY or more higher
    better: tuple[Change, ...]  # the parts lower
    compared: tuple[Change, ...]  # every part with ratings in both weeks


NONE = Medians(None, None)  # no ratings


def review(sessions: Iterable[SessionRecord], today: date, tz: tzinfo | None = None) -> Review:
    """The review as of `today` (see the module's rules); sessions after today are ignored."""
    dated = [(datetime.fromtimestamp(s.started, tz).date(), s) for s in sessions]
    ago = [((today - day).days, s) for day, s in dated if day <= today]  # (days ago, session)
    recent_days = len({days for days, _ in ago if days < RECENT_DAYS})
    rated = [days for days, s in ago if (s.back_before, s.legs_before) != (None, None)]
    if not rated:
        return Review(Verdict.NOT_ENOUGH, None, 0, 0, recent_days, NONE, NONE, (), (), ())
    days = max(rated)  # from day 0 to today
    routines = sum(1 for d, _ in ago if d <= days)
    first_week = _medians([s for d, s in ago if days - WEEK_DAYS < d <= days])
    last_week = _medians([s for d, s in ago if d < WEEK_DAYS])
    compared = tuple(
        Change(part, first, last)
        for part in PARTS
        if (first := first_week.of(part)) is not None and (last := last_week.of(part)) is not None
    )
    worse = tuple(c for c in compared if c.last - c.first >= WORSE_BY)
    better = tuple(c for c in compared if c.last < c.first)
    if days < REVIEW_AFTER_DAYS or routines < MIN_ROUTINES or not compared:
        verdict = Verdict.NOT_ENOUGH
    else:
        verdict = Verdict.WORSE if worse else Verdict.BETTER if better else Verdict.NO_BETTER
    first_day = today - timedelta(days=days)
    return Review(
        verdict,
        first_day,
        days,
        routines,
        recent_days,
        first_week,
        last_week,
        worse,
        better,
        compared,
    )


def _medians(sessions: list[SessionRecord]) -> Medians:
    back = [s.back_before for s in sessions if s.back_before is not None]
    legs = [s.legs_before for s in sessions if s.legs_before is not None]
    return Medians(_median(back), _median(legs))


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None


def as_json(result: Review) -> dict[str, Any]:
    """The review for `history --summary --json` (its words are the caller's)."""

    def medians(week: Medians) -> dict[str, float | int | None]:
        return {part: _whole(week.of(part)) for part in PARTS}

    return {
        "verdict": str(result.verdict),
        "first_rated_day": result.first_day.isoformat() if result.first_day else None,
        "days": result.days,
        "routines": result.routines,
        "days_with_a_routine_in_the_last_14": result.recent_days,
        "median_before": {
            "first_week": medians(result.first_week),
            "last_week": medians(result.last_week),
        },
        "worse": [c.part for c in result.worse],
        "better": [c.part for c in result.better],
        "thresholds": {
            "days": REVIEW_AFTER_DAYS,
            "routines": MIN_ROUTINES,
            "worse_by": WORSE_BY,
        },
    }


def _whole(value: float | None) -> float | int | None:
    """6.0 as 6; 4.5 stays."""
    return int(value) if value is not None and value.is_integer() else value


def dismissed_until(now: float) -> float:
    """The wall-clock time until which a review dismissed at `now` stays hidden."""
    return now + DISMISS_DAYS * 86400.0


def shown_on_home(result: Review, hidden_until: float, now: float) -> bool:
    """Whether home shows the review line: there is one, and it is not dismissed. A dismissal
    further ahead than DISMISS_DAYS (the clock was set back) no longer counts."""
    if result.verdict is Verdict.NOT_ENOUGH:
        return False
    return not now < hidden_until <= dismissed_until(now)
