"""The safety check's outcome per tier, the 14-day recheck and the emergency number per country."""

from __future__ import annotations

import math

import pytest

from lowback_timer.core.content import Urgency
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import build_routine
from lowback_timer.core.screening import (
    DAY_S,
    allows_routine_after_stop,
    check_passed,
    emergency_numbers_for,
    recheck_due,
    screen,
)

CONTENT = load_content()
NOW_FOR_PASS = 1_800_000_000.0


def first_sign(tier: int) -> str:
    return next(s.id for s in CONTENT.signs if s.tier == tier)


def test_none_of_these_allows_the_routine_with_nothing_to_show() -> None:
    outcome = screen(CONTENT, [])
    assert outcome.tier is None
    assert outcome.routine_allowed
    assert outcome.tiers == ()
    assert not outcome.has_advice


@pytest.mark.parametrize(("tier", "allowed"), [(1, False), (2, False), (3, True)])
def test_each_tier_alone(tier: int, allowed: bool) -> None:
    outcome = screen(CONTENT, [first_sign(tier)])
    assert outcome.tier == tier
    assert outcome.routine_allowed is allowed
    assert [t.tier for t in outcome.tiers] == [tier]
    assert outcome.has_advice is allowed
    assert [s.id for s in outcome.signs_of(tier)] == [first_sign(tier)]


def test_every_sign_of_tiers_1_and_2_ends_the_routine() -> None:
    for sign in CONTENT.signs:
        assert screen(CONTENT, [sign.id]).routine_allowed is (sign.tier >= 3), sign.id


def test_the_check_asks_no_stop_this_stretch_sign() -> None:
    """Tier 4 is asked while stretching (the stop reasons), never in the first-run check."""
    assert {s.tier for s in CONTENT.signs} == {1, 2, 3, 5}
    assert any(r.tier == 4 for r in CONTENT.stop_reasons)


def test_the_most_urgent_tier_comes_first_and_any_ending_tier_wins() -> None:
    ticked = [first_sign(3), first_sign(2)]
    outcome = screen(CONTENT, ticked)
    assert outcome.tier == 2
    assert [t.tier for t in outcome.tiers] == [2, 3]
    assert not outcome.routine_allowed
    # Signs come back in content order, whatever order they were ticked in.
    assert [s.id for s in outcome.signs] == [s.id for s in CONTENT.signs if s.id in ticked]


def test_an_unknown_sign_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown warning sign: nope"):
        screen(CONTENT, ["nope"])


@pytest.mark.parametrize(
    ("screened_at", "now", "due"),
    [
        (0.0, 1_000.0, True),  # never checked
        (1_000.0, 1_000.0 + 13 * DAY_S, False),
        (1_000.0, 1_000.0 + 14 * DAY_S - 1, False),
        (1_000.0, 1_000.0 + 14 * DAY_S, True),
        (1_000.0, 1_000.0 + 40 * DAY_S, True),
        (1_000.0 + DAY_S, 1_000.0, False),  # clock set back: not due
    ],
)
def test_recheck_after_14_days(screened_at: float, now: float, due: bool) -> None:
    assert recheck_due(screened_at, now, 14) is due


def test_recheck_follows_the_days_setting() -> None:
    assert recheck_due(1_000.0, 1_000.0 + 2 * DAY_S, 2)
    assert not recheck_due(1_000.0, 1_000.0 + 2 * DAY_S, 3)


@pytest.mark.parametrize(
    ("country", "number"),
    [
        ("JP", "119"),
        ("GB", "999"),
        ("uk", "999"),
        ("DE", "112"),
        ("FR", "112"),
        ("US", "911"),
        ("CA", "911"),
        ("AU", "000"),
        ("nz", "111"),
    ],
)
def test_local_emergency_number(country: str, number: str) -> None:
    local, others = emergency_numbers_for(CONTENT, country)
    assert local is not None
    assert local.emergency == number
    assert local not in others
    assert [o.id for o in others] == [n.id for n in CONTENT.emergency_numbers if n is not local]


@pytest.mark.parametrize("country", [None, "", "BR", "ZZ"])
def test_unknown_country_lists_every_number(country: str | None) -> None:
    local, others = emergency_numbers_for(CONTENT, country)
    assert local is None
    assert others == CONTENT.emergency_numbers
    assert {n.emergency for n in others} == {"119", "999", "112", "911", "000", "111"}


@pytest.mark.parametrize(
    ("screened_at", "passed"),
    [
        (0.0, False),
        (-5.0, False),
        (math.nan, False),
        (math.inf, False),
        (NOW_FOR_PASS - 60, True),
        (NOW_FOR_PASS + 10 * 86400, False),
    ],
)
def test_a_routine_needs_a_real_past_check(screened_at: float, passed: bool) -> None:
    assert check_passed(screened_at, NOW_FOR_PASS) is passed


def test_stop_reasons_that_need_a_doctor_today_end_routines() -> None:
    allowed = {r.id: allows_routine_after_stop(CONTENT, r.id) for r in CONTENT.stop_reasons}
    assert allowed["weakness"] is False
    assert allowed["sharp-pain"] is True and allowed["just-stop"] is True


@pytest.mark.parametrize(
    ("country", "helpline"),
    [("AU", "healthdirect 1800 022 222"), ("NZ", "Healthline 0800 611 116")],
)
def test_australia_and_new_zealand_have_their_advice_lines(country: str, helpline: str) -> None:
    local, _ = emergency_numbers_for(CONTENT, country)
    assert local is not None and local.helpline("en") == helpline
    assert helpline.split()[-1] in local.helpline("ja")


def test_one_group_answered_yes_has_one_meaning() -> None:
    for group in CONTENT.check_groups:
        outcome = screen(CONTENT, [s.id for s in CONTENT.signs_in(group.id)])
        assert outcome.tier == group.tier
        assert [t.tier for t in outcome.tiers] == [group.tier]


def test_hip_surgery_allows_the_calf_stretch_only() -> None:
    outcome = screen(CONTENT, ["hip-spine-surgery", "no-better"])
    assert outcome.routine_allowed and outcome.has_advice
    assert outcome.avoid == ("glutes", "hamstrings", "iliopsoas", "marching")
    routine = build_routine(CONTENT, (), "floor", 10, None, outcome.avoid)
    assert {CONTENT.variant(i.variant).stretch for i in routine.items} == {"calves", "heel-raises"}


def test_pregnancy_is_no_visit_to_book_but_an_adapted_routine() -> None:
    outcome = screen(CONTENT, ["pregnancy"])
    assert outcome.routine_allowed and outcome.has_advice
    assert outcome.tiers[0].urgency is Urgency.ADAPT
    assert "book" not in outcome.tiers[0].title("en").lower()
    assert outcome.avoid == ("glutes-floor", "hamstrings-floor")


def test_nothing_ticked_avoids_nothing() -> None:
    assert screen(CONTENT, []).avoid == ()
    assert screen(CONTENT, ["no-better"]).avoid == ()


def test_chest_pain_while_stretching_ends_routines() -> None:
    assert allows_routine_after_stop(CONTENT, "chest-breathing") is False
    assert CONTENT.tier(CONTENT.stop_reason("chest-breathing").tier or 0).ends_routine
