"""The app-level decisions, in one place: today's routine, which saved types still exist, and
what a safety check, a stop or new answers change in the settings. Pure data in, data out; the
controller (ui/controller.py) applies them, and the tray, the sheet and the history ask here too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from lowback_timer.core.content import Content, SavedRoutine
from lowback_timer.core.routine import Routine, build_routine, expand
from lowback_timer.core.screening import Outcome, allows_routine_after_stop, check_passed
from lowback_timer.core.screening import recheck_due as _recheck_due
from lowback_timer.core.settings import LANGUAGES, PLACES, Settings


def vocabularies(content: Content) -> dict[str, tuple[str, ...]]:
    """The values the content allows for the settings that name a vocabulary."""
    return {PLACES: content.place_ids, LANGUAGES: ("", *content.languages)}


def known_types(content: Content, type_ids: Iterable[str]) -> tuple[str, ...]:
    """The saved types that the content still has (an older version may have had others)."""
    known = {t.id for t in content.types}
    return tuple(t for t in type_ids if t in known)


def answers_routine(content: Content, settings: Settings) -> Routine:
    """The routine the wizard's saved answers give."""
    types = known_types(content, settings.types)
    return build_routine(content, types, settings.place, settings.minutes, settings.prepare_s)


def todays_routine(content: Content, settings: Settings, saved: SavedRoutine | None) -> Routine:
    """The saved "my routine" wins; without one, the routine for the answers."""
    if saved is not None:
        return expand(content, saved.place, saved.items, settings.prepare_s)
    return answers_routine(content, settings)


def may_start(settings: Settings, now: float) -> bool:
    """A routine starts only after a safety check that allowed one (`now`: wall-clock time)."""
    return check_passed(settings.screened_at, now)


def recheck_due(settings: Settings, now: float) -> bool:
    """Should the home screen ask for the safety check again?"""
    return _recheck_due(settings.screened_at, now, settings.recheck_days)


def after_check(settings: Settings, outcome: Outcome, now: float) -> Settings:
    """A check that allows routines is dated now; one with a tier that ends routines clears the
    date, so the check is asked for again before the next routine."""
    return replace(settings, screened_at=now if outcome.routine_allowed else 0.0)


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


def after_answers(settings: Settings, types: tuple[str, ...], place: str, minutes: int) -> Settings:
    return replace(settings, types=types, place=place, minutes=minutes, setup_done=True)
