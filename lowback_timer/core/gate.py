"""The safety gate: the one place that decides which routine a caller gets, whether it may
start, and what a safety check, a stop or "nothing has changed" change.

Every routine the app shows, prints or runs comes from `routine_for` (the window, the wizard's
preview, `plan`, `session`, `sheet`, the reminder's start); every start asks `start_step` first,
with the stored decision read again (`stricter`): a failed check made in another window, another
copy, or before a settings file stopped being writable is never undone by what one window
remembers. Pure data in, data out; app/controller.py reads and writes the files.
"""

from __future__ import annotations

import time
from dataclasses import replace
from enum import StrEnum

from lowback_timer.core.content import Content, SavedRoutine
from lowback_timer.core.routine import Answers, Routine, build_routine, expand
from lowback_timer.core.screening import (
    Outcome,
    allows_routine_after_stop,
    check_passed,
    recheck_due,
)
from lowback_timer.core.settings import Settings

#: The file in the app's data folder that keeps a routine-ending outcome's time, for when the
#: settings cannot be written (a read-only or full disk): the next start still refuses.
HOLD_FILE = "safety-hold"


class StartStep(StrEnum):
    """What Start must do now."""

    RUN = "run"  # the check was passed and is not due: start the routine
    ASK_IF_CHANGED = "ask-if-changed"  # passed, but due again: "Has anything changed?"
    CHECK = "check"  # never passed, or an urgent sign since: the whole check first


class HomeStep(StrEnum):
    """What the home screen offers."""

    READY = "ready"  # today's routine, and Start
    SET_UP = "set-up"  # no answers yet: the questions first, not a routine nobody chose
    OFF = "off"  # a check or stop ended routines: none until the check is passed again


def home_step(settings: Settings, held_at: float, now: float) -> HomeStep:
    """`held_at`: when a check or stop last ended routines (the hold file's time, 0: never)."""
    if held_at > 0 and not check_passed(settings.screened_at, now):
        return HomeStep.OFF
    return HomeStep.READY if settings.setup_done else HomeStep.SET_UP


def local_day(wall: float) -> str:
    """The local date of a wall-clock time, as the settings keep it ("2026-12-07")."""
    return time.strftime("%Y-%m-%d", time.localtime(wall))


def left_out_today(settings: Settings, today: str) -> tuple[str, ...]:
    """The stretch ids a stop said to leave for today; none once the local date has changed."""
    return settings.left_out_today if today and settings.left_out_on == today else ()


def rest_stretch_today(
    content: Content, settings: Settings, reason_id: str, stretch_id: str, today: str
) -> Settings:
    """A stop whose advice says "leave this stretch for today" (sharp pain): every routine
    leaves that stretch out until the local date changes. Other reasons change nothing."""
    known = {r.id: r for r in content.stop_reasons}
    if reason_id not in known or not known[reason_id].rest_today:
        return settings
    return leave_out_today(settings, stretch_id, today)


def leave_out_today(settings: Settings, stretch_id: str, today: str) -> Settings:
    """Every routine leaves this stretch out until the local date changes (a stop for sharp
    pain, or leg symptoms that spread after it: core/spread.py)."""
    ids = tuple(dict.fromkeys((*left_out_today(settings, today), stretch_id)))
    return replace(settings, left_out_today=ids, left_out_on=today)


def known_types(content: Content, type_ids: tuple[str, ...]) -> tuple[str, ...]:
    """The saved types that the content still has (an older version may have had others)."""
    known = {t.id for t in content.types}
    return tuple(t for t in type_ids if t in known)


def routine_for(
    content: Content,
    settings: Settings,
    saved: SavedRoutine | None = None,
    answers: Answers | None = None,
    today: str = "",
) -> Routine:
    """The routine a caller may show, print or run: for `answers` (the wizard, `plan`,
    `session`, `sheet --type ...`), else "my routine" if there is one, else the saved answers'.
    Always without what the last safety check said to leave out, nor what a stop left out for
    `today` (the local date; "" for none); with the user's get-ready time and, for the saved
    answers, their choice of the gentler routine. An empty routine (no steps: nothing to start)
    when today's leave-outs leave no stretch."""
    avoid = (*settings.avoid, *left_out_today(settings, today))
    try:
        return _routine_for(content, settings, saved, answers, avoid)
    except ValueError:
        if not left_out_today(settings, today):
            raise  # (the check's own leave-outs always leave a stretch: the loader sees to it)
        return Routine(answers.place if answers else settings.place, (), ())


def _routine_for(
    content: Content,
    settings: Settings,
    saved: SavedRoutine | None,
    answers: Answers | None,
    avoid: tuple[str, ...],
) -> Routine:
    if answers is None and saved is not None:
        left_out = set(avoid)
        items = tuple(
            i for i in saved.items if not {i.variant, content.stretch_for(i.variant).id} & left_out
        )
        if items:
            return expand(content, saved.place, items, settings.prepare_s, settings.gentle)
    if answers is None:
        answers = Answers(settings.types, settings.place, settings.minutes, settings.gentle)
    return build_routine(
        content,
        known_types(content, answers.types),
        answers.place,
        answers.minutes,
        settings.prepare_s,
        avoid,
        answers.gentle,
    )


def held(settings: Settings, hold_at: float) -> Settings:
    """The settings with a kept routine-ending outcome (`HOLD_FILE`'s time, 0 for none)
    applied: an outcome after the last passed check means no passed check (an unreadable
    hold is infinitely late: it holds)."""
    if hold_at > 0 and hold_at >= settings.screened_at:
        return replace(settings, screened_at=0.0)
    return settings


def stricter(memory: Settings, disk: Settings) -> Settings:
    """What this window remembers, with the stored decision taken where it is stricter: a check
    that is not passed on either side is not passed; the older passed check counts; what
    either says to leave out is left out. Everything else is memory's."""
    if not (memory.screened_at > 0 and disk.screened_at > 0):
        screened_at = 0.0
    else:
        screened_at = min(memory.screened_at, disk.screened_at)
    avoid = tuple(dict.fromkeys((*memory.avoid, *disk.avoid)))
    return replace(memory, screened_at=screened_at, avoid=avoid)


def start_step(settings: Settings, now: float) -> StartStep:
    """What Start must do; ask it with `stricter` settings, just before starting."""
    if not check_passed(settings.screened_at, now):
        return StartStep.CHECK
    if recheck_due(settings.screened_at, now, settings.recheck_days):
        return StartStep.ASK_IF_CHANGED
    return StartStep.RUN


def after_check(settings: Settings, outcome: Outcome, now: float) -> Settings:
    """A check that allows routines is dated now, and what it said to leave out is kept; one
    with a tier that ends routines clears the date, so the check is asked for again before the
    next routine."""
    if not outcome.routine_allowed:
        return replace(settings, screened_at=0.0)
    return replace(settings, screened_at=now, avoid=outcome.avoid)


def nothing_changed(settings: Settings, now: float) -> Settings:
    """The check was due again and the user says nothing has changed since: it counts as done
    now, with the same answers, but only if it is still passed (another window or copy may
    have found an urgent sign while the question was open)."""
    if not check_passed(settings.screened_at, now):
        return settings
    return replace(settings, screened_at=now)


def after_stop(content: Content, settings: Settings, reason_id: str) -> Settings:
    """What the user reported on stopping: a reason whose tier ends routines (a weak leg: see a
    doctor today) means a new safety check before the next routine. Reasons the session makes
    itself (stopped without saying why, left the screen) are not in the content and change
    nothing."""
    if reason_id not in {r.id for r in content.stop_reasons}:
        return settings
    if allows_routine_after_stop(content, reason_id):
        return settings
    return replace(settings, screened_at=0.0)
