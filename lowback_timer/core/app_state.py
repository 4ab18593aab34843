"""The app-level decisions other than the safety gate's (core/gate.py): the settings'
vocabularies, what new answers change, whose emergency numbers come first, when reminders may
come and which paper the sheet uses. Pure data in, data out; the controller (app/controller.py)
applies them, and the tray and the sheet ask here too.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from lowback_timer.core.content import Content, EmergencyNumber
from lowback_timer.core.routine import Answers
from lowback_timer.core.screening import (
    emergency_numbers_for,
)
from lowback_timer.core.settings import ELSEWHERE, LANGUAGES, PLACES, REGIONS, Settings

if TYPE_CHECKING:
    from lowback_timer.core.reminders import ReminderRules


def vocabularies(content: Content) -> dict[str, tuple[str, ...]]:
    """The values the content allows for the settings that name a vocabulary."""
    regions = ("", *(n.id for n in content.emergency_numbers), ELSEWHERE)
    return {PLACES: content.place_ids, LANGUAGES: ("", *content.languages), REGIONS: regions}


def region_for(content: Content, settings: Settings, country: str | None) -> EmergencyNumber | None:
    """Whose emergency numbers to show first: the user's choice, else the system's country;
    None for "elsewhere" or an unknown country (then: call your local emergency number)."""
    if settings.region == ELSEWHERE:
        return None
    if settings.region:
        return next(n for n in content.emergency_numbers if n.id == settings.region)
    return emergency_numbers_for(content, country)[0]


def after_answers(settings: Settings, answers: Answers) -> Settings:
    return replace(
        settings,
        types=answers.types,
        place=answers.place,
        minutes=answers.minutes,
        gentle=answers.gentle,
        setup_done=True,
    )


def reminder_rules(settings: Settings) -> ReminderRules | None:
    """When posture reminders may come; None when the user turned them off. Stored weekdays
    that are not 0-6 are left out."""
    if not settings.reminders:
        return None
    from lowback_timer.core.reminders import ReminderRules  # (after the first frame)

    days = frozenset(int(d) for d in settings.work_days if d.isdigit() and int(d) < 7)
    return ReminderRules(
        interval_min=settings.reminder_interval_min,
        days=days,
        start_min=settings.work_start_min,
        end_min=settings.work_end_min,
        defer_limit_min=settings.reminder_defer_limit_min,
    )


#: The sheet's paper sizes (the command line's --paper; sheet/pdf.py's page sizes).
PAPERS = ("a4", "letter")
#: Where Letter is the usual paper (elsewhere A4), by ISO country code.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "VE", "PR", "GT", "CR", "PA"})


def paper_for(country: str | None) -> str:
    """The sheet's paper by the system's country: "letter" or "a4"."""
    return "letter" if (country or "").upper() in LETTER_COUNTRIES else "a4"
