"""The app-level decisions, in one place: today's routine, which saved types still exist, and
what a safety check, a stop or new answers change in the settings. Pure data in, data out; the
controller (ui/controller.py) applies them, and the tray, the sheet and the history ask here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lowback_timer.core.content import Content, EmergencyNumber, SavedRoutine
from lowback_timer.core.reminders import ReminderRules
from lowback_timer.core.routine import Answers, Routine, build_routine, expand
from lowback_timer.core.screening import (
    Outcome,
    allows_routine_after_stop,
    check_passed,
    emergency_numbers_for,
)
from lowback_timer.core.screening import recheck_due as _recheck_due
from lowback_timer.core.settings import ELSEWHERE, LANGUAGES, PLACES, REGIONS, Settings


def vocabularies(content: Content) -> dict[str, tuple[str, ...]]:
    """The values the content allows for the settings that name a vocabulary."""
    regions = ("", *(n.id for n in content.emergency_numbers), ELSEWHERE)
    return {PLACES: content.place_ids, LANGUAGES: ("", *content.languages), REGIONS: regions}


def known_types(content: Content, type_ids: Iterable[str]) -> tuple[str, ...]:
    """The saved types that the content still has (an older version may have had others)."""
    known = {t.id for t in content.types}
    return tuple(t for t in type_ids if t in known)


def answers_routine(content: Content, settings: Settings) -> Routine:
    """The routine the wizard's saved answers give."""
    types = known_types(content, settings.types)
    return build_routine(
        content,
        types,
        settings.place,
        settings.minutes,
        settings.prepare_s,
        settings.avoid,
        settings.gentle,
    )


def todays_routine(content: Content, settings: Settings, saved: SavedRoutine | None) -> Routine:
    """The saved "my routine" wins; without one, the routine for the answers. Stretches the
    safety check said to leave out are left out of either."""
    if saved is not None:
        avoid = set(settings.avoid)
        items = tuple(
            i for i in saved.items if not {i.variant, content.stretch_for(i.variant).id} & avoid
        )
        if items:
            return expand(content, saved.place, items, settings.prepare_s, settings.gentle)
    return answers_routine(content, settings)


def may_start(settings: Settings, now: float) -> bool:
    """A routine starts only after a safety check that allowed one (`now`: wall-clock time)."""
    return check_passed(settings.screened_at, now)


def recheck_due(settings: Settings, now: float) -> bool:
    """Should the home screen ask for the safety check again?"""
    return _recheck_due(settings.screened_at, now, settings.recheck_days)


def after_check(settings: Settings, outcome: Outcome, now: float) -> Settings:
    """A check that allows routines is dated now, and what it said to leave out is kept; one
    with a tier that ends routines clears the date, so the check is asked for again before the
    next routine."""
    if not outcome.routine_allowed:
        return replace(settings, screened_at=0.0)
    return replace(settings, screened_at=now, avoid=outcome.avoid)


def nothing_changed(settings: Settings, now: float) -> Settings:
    """The check was due again and the user says nothing has changed since: it counts as done
    now, with the same answers."""
    return replace(settings, screened_at=now)


def region_for(content: Content, settings: Settings, country: str | None) -> EmergencyNumber | None:
    """Whose emergency numbers to show first: the user's choice, else the system's country;
    None for "elsewhere" or an unknown country (then: call your local emergency number)."""
    if settings.region == ELSEWHERE:
        return None
    if settings.region:
        return next(n for n in content.emergency_numbers if n.id == settings.region)
    return emergency_numbers_for(content, country)[0]


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


def after_answers(settings: Settings, answers: Answers) -> Settings:
    return replace(
        settings,
        types=answers.types,
        place=answers.place,
        minutes=answers.minutes,
        gentle=answers.gentle,
        setup_done=True,
    )


def rest_after(
    content: Content, settings: Settings, routine: Routine, step_index: int
) -> Routine | None:
    """After a stop for this stretch (sharp pain, dizziness): the routine from the next stretch
    on, or None when it was the last one."""
    variant = routine.steps[step_index].variant
    position = next(i for i, item in enumerate(routine.items) if item.variant == variant)
    rest = routine.items[position + 1 :]
    return (
        expand(content, routine.place, rest, settings.prepare_s, settings.gentle) if rest else None
    )


def reminder_rules(settings: Settings) -> ReminderRules | None:
    """When posture reminders may come; None when the user turned them off. Stored weekdays
    that are not 0-6 are left out."""
    if not settings.reminders:
        return None
    days = frozenset(int(d) for d in settings.work_days if d.isdigit() and int(d) < 7)
    return ReminderRules(
        interval_min=settings.reminder_interval_min,
        days=days,
        start_min=settings.work_start_min,
        end_min=settings.work_end_min,
        defer_limit_min=settings.reminder_defer_limit_min,
    )


#: Where Letter is the usual paper (elsewhere A4), by ISO country code.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA"})


def paper_for(country: str | None) -> str:
    """The sheet's paper by the system's country: "letter" or "a4"."""
    return "letter" if (country or "").upper() in LETTER_COUNTRIES else "a4"
