"""The app-level rules outside the safety gate: new answers, the settings' vocabularies, the
region's numbers, the reminder rules and the paper."""

from __future__ import annotations

from dataclasses import replace

from lowback_timer.core import app_state
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Answers
from lowback_timer.core.settings import Settings, coerce

CONTENT = load_content()
NOW = 1_750_000_000.0
ANSWERED = Settings(types=("fatigue",), place="standing", minutes=5, setup_done=True)


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
