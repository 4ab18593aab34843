"""The safety check: what the ticked warning signs mean, when to offer the check again, and
which emergency number fits the user's country. Pure data in, data out; the wizard and the care
screen only show the result."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import NamedTuple

from lowback_timer.core.content import Content, EmergencyNumber, WarningSign, WarningTier

DAY_S = 24 * 60 * 60
#: Locale country codes that are not ISO 3166 but are seen in the wild.
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}


class Outcome(NamedTuple):
    """The result of one safety check."""

    signs: tuple[WarningSign, ...]  # the ticked signs, in content order
    tiers: tuple[WarningTier, ...]  # the tiers of those signs, most urgent first

    @property
    def tier(self) -> int | None:
        """The most urgent tier ticked; None for "none of these"."""
        return self.tiers[0].tier if self.tiers else None

    @property
    def routine_allowed(self) -> bool:
        return not any(t.ends_routine for t in self.tiers)

    @property
    def has_advice(self) -> bool:
        """Something was ticked that allows the routine but should be read first (tier 3)."""
        return bool(self.tiers) and self.routine_allowed

    def signs_of(self, tier: int) -> tuple[WarningSign, ...]:
        return tuple(s for s in self.signs if s.tier == tier)

    @property
    def avoid(self) -> tuple[str, ...]:
        """The stretch ids the ticked signs say to leave out (e.g. after hip surgery), each once,
        for `build_routine(..., avoid=...)`."""
        return tuple(dict.fromkeys(stretch for sign in self.signs for stretch in sign.avoid))


def screen(content: Content, ticked: Iterable[str]) -> Outcome:
    """The outcome for the ticked warning-sign ids (an empty set means "none of these")."""
    chosen = set(ticked)
    unknown = chosen - {s.id for s in content.signs}
    if unknown:
        raise ValueError(f"unknown warning sign: {', '.join(sorted(unknown))}")
    signs = tuple(s for s in content.signs if s.id in chosen)
    numbers = sorted({s.tier for s in signs})
    return Outcome(signs, tuple(content.tier(n) for n in numbers))


def check_passed(screened_at: float, now: float) -> bool:
    """May a routine start? Only after a safety check that allowed one: `screened_at` is 0
    when the check was never done or found a sign that ends routines (and after a stop for
    such a sign). A stored time that is not real, or lies in the future, counts as never."""
    return math.isfinite(screened_at) and 0 < screened_at <= now + DAY_S


def allows_routine_after_stop(content: Content, reason_id: str) -> bool:
    """False when what the user reported on stopping belongs to a tier that ends routines
    (e.g. a weak leg: see a doctor today); the next routine then needs a new check."""
    tier = content.stop_reason(reason_id).tier
    return tier is None or not content.tier(tier).ends_routine


def recheck_due(screened_at: float, now: float, days: int) -> bool:
    """True when the check has never been done, or was done `days` or more days ago.

    Both times are wall-clock seconds; a clock set back before the last check is not "due"."""
    if not check_passed(screened_at, now):
        return True
    return now - screened_at >= days * DAY_S


def normalise_country(country: str | None) -> str | None:
    if not country:
        return None
    code = country.strip().upper()
    return _COUNTRY_ALIASES.get(code, code) or None


def emergency_numbers_for(
    content: Content, country: str | None
) -> tuple[EmergencyNumber | None, tuple[EmergencyNumber, ...]]:
    """(the number for this country or None, the others in content order).

    With an unknown country there is no local number and every region is listed."""
    code = normalise_country(country)
    local = next((n for n in content.emergency_numbers if code in n.countries), None)
    others = tuple(n for n in content.emergency_numbers if n is not local)
    return local, others
