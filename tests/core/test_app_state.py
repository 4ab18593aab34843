"""The app-level rules: today's routine, saved types that no longer exist, and what a safety
check, a stop or new answers change."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lowback_timer.core import app_state
from lowback_timer.core.content import RoutineItem, SavedRoutine, Texts
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Answers, Phase, build_routine
from lowback_timer.core.screening import DAY_S, screen
from lowback_timer.core.settings import Settings, coerce

CONTENT = load_content()
NOW = 1_750_000_000.0
ANSWERED = Settings(types=("fatigue",), place="standing", minutes=5, setup_done=True)


def test_without_my_routine_today_is_the_routine_for_the_answers() -> None:
    routine = app_state.todays_routine(CONTENT, ANSWERED, None)
    assert routine == build_routine(CONTENT, ("fatigue",), "standing", 5)


def test_my_routine_wins_over_the_answers() -> None:
    mine = SavedRoutine(
        "my-routine", Texts((("en", "Mine"),)), "desk", (RoutineItem("calves-wall", 25, 2),)
    )
    routine = app_state.todays_routine(CONTENT, ANSWERED, mine)
    assert routine.place == "desk" and routine.items == mine.items


def test_a_type_the_content_no_longer_has_is_left_out() -> None:
    old = replace(ANSWERED, types=("fatigue", "gone-type"))
    assert app_state.known_types(CONTENT, old.types) == ("fatigue",)
    assert app_state.todays_routine(CONTENT, old, None) == app_state.todays_routine(
        CONTENT, ANSWERED, None
    )


def test_the_users_get_ready_time_is_in_todays_routine() -> None:
    routine = app_state.todays_routine(CONTENT, replace(ANSWERED, prepare_s=12), None)
    assert {s.duration_s for s in routine.steps if s.phase is Phase.PREPARE} == {12}


def test_a_check_that_allows_routines_is_dated_one_that_ends_them_clears_the_date() -> None:
    calm = screen(CONTENT, [])
    urgent = screen(CONTENT, [next(s.id for s in CONTENT.signs if s.tier == 1)])
    assert app_state.after_check(ANSWERED, calm, NOW).screened_at == NOW
    dated = replace(ANSWERED, screened_at=NOW)
    assert app_state.after_check(dated, urgent, NOW + 5).screened_at == 0.0
    assert not app_state.may_start(app_state.after_check(dated, urgent, NOW + 5), NOW + 5)


@pytest.mark.parametrize(
    ("reason", "check_again"),
    [("weakness", True), ("sharp-pain", False), ("just-stop", False)],
)
def test_a_stop_for_a_sign_that_ends_routines_asks_for_a_new_check(
    reason: str, check_again: bool
) -> None:
    dated = replace(ANSWERED, screened_at=NOW)
    after = app_state.after_stop(CONTENT, dated, reason)
    assert app_state.may_start(after, NOW) is not check_again


@pytest.mark.parametrize("reason", ["unspecified", "abandoned"])
def test_stops_the_session_makes_itself_change_nothing(reason: str) -> None:
    dated = replace(ANSWERED, screened_at=NOW)
    assert app_state.after_stop(CONTENT, dated, reason) == dated


def test_the_check_is_due_again_after_the_set_number_of_days() -> None:
    dated = replace(ANSWERED, screened_at=NOW, recheck_days=14)
    assert not app_state.recheck_due(dated, NOW + 13 * DAY_S)
    assert app_state.recheck_due(dated, NOW + 14 * DAY_S)
    assert app_state.recheck_due(Settings(), NOW)  # never done


def test_answers_are_kept_and_mark_the_set_up_done() -> None:
    after = app_state.after_answers(Settings(), Answers(("nerve",), "floor", 10, gentle=True))
    assert (after.types, after.place, after.minutes, after.gentle, after.setup_done) == (
        ("nerve",),
        "floor",
        10,
        True,
        True,
    )


def test_the_settings_vocabularies_are_the_contents() -> None:
    vocab = app_state.vocabularies(CONTENT)
    assert vocab["places"] == CONTENT.place_ids
    assert vocab["languages"] == ("", *CONTENT.languages)


def test_the_chosen_region_wins_over_the_systems_country() -> None:
    chosen = CONTENT.emergency_numbers[-1]
    settings = replace(ANSWERED, region=chosen.id)
    assert app_state.region_for(CONTENT, settings, "JP") == chosen
    japan = app_state.region_for(CONTENT, ANSWERED, "JP")  # no choice: the system's country
    assert japan is not None and "JP" in japan.countries
    assert app_state.region_for(CONTENT, ANSWERED, "ZZ") is None
    assert app_state.region_for(CONTENT, replace(ANSWERED, region="elsewhere"), "JP") is None


def test_nothing_changed_counts_as_a_check_now() -> None:
    due = replace(ANSWERED, screened_at=NOW - 30 * DAY_S)
    assert app_state.recheck_due(due, NOW)
    assert not app_state.recheck_due(app_state.nothing_changed(due, NOW), NOW)


def test_after_a_stop_the_rest_starts_at_the_next_stretch() -> None:
    routine = build_routine(CONTENT, (), "desk", 5)
    second_hold = [i for i, s in enumerate(routine.steps) if s.phase is Phase.HOLD][1]
    rest = app_state.rest_after(CONTENT, ANSWERED, routine, second_hold)
    assert rest is not None and rest.items == routine.items[1:]
    last = len(routine.steps) - 1
    assert app_state.rest_after(CONTENT, ANSWERED, routine, last) is None


def test_stretches_the_check_said_to_avoid_stay_out_of_my_routine_too() -> None:
    mine = SavedRoutine(
        "my-routine",
        Texts((("en", "Mine"),)),
        "desk",
        (RoutineItem("glutes-desk", 30, 1), RoutineItem("calves-wall", 25, 2)),
    )
    settings = replace(ANSWERED, avoid=("glutes",))
    routine = app_state.todays_routine(CONTENT, settings, mine)
    assert [i.variant for i in routine.items] == ["calves-wall"]
    assert all(s.stretch != "glutes" for s in app_state.answers_routine(CONTENT, settings).steps)


def test_the_reminder_rules_come_from_the_settings() -> None:
    rules = app_state.reminder_rules(
        replace(
            Settings(),
            reminder_interval_min=45,
            work_days=("0", "2", "9", "x"),
            work_start_min=8 * 60,
            work_end_min=17 * 60,
        )
    )
    assert rules is not None
    assert (rules.interval_min, rules.days, rules.start_min, rules.end_min) == (
        45,
        frozenset({0, 2}),  # a stored day that is not a weekday is left out
        8 * 60,
        17 * 60,
    )
    assert app_state.reminder_rules(replace(Settings(), reminders=False)) is None


def test_reminder_settings_out_of_range_are_clamped() -> None:
    notes: list[str] = []
    settings = coerce({"reminder_interval_min": "5", "work_end_min": "9999"}, notes.append)
    assert (settings.reminder_interval_min, settings.work_end_min) == (15, 24 * 60)
    assert len(notes) == 2
