"""The safety gate: which routine every caller gets, what Start must do, and what a check, a
stop or "nothing has changed" change; the stored decision wins where it is stricter."""

from __future__ import annotations

from dataclasses import replace

import pytest

from lowback_timer.core import gate
from lowback_timer.core.content import RoutineItem, SavedRoutine, Texts
from lowback_timer.core.gate import StartStep
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Answers, Phase, Routine, build_routine
from lowback_timer.core.screening import DAY_S, screen
from lowback_timer.core.settings import Settings

CONTENT = load_content()
NOW = 1_750_000_000.0
ANSWERED = Settings(types=("fatigue",), place="standing", minutes=5, setup_done=True)
SURGERY = next(s for s in CONTENT.signs if s.id == "hip-spine-surgery").avoid
URGENT = screen(CONTENT, [next(s.id for s in CONTENT.signs if s.tier == 1)])


def test_without_my_routine_today_is_the_routine_for_the_answers() -> None:
    routine = gate.routine_for(CONTENT, ANSWERED)
    assert routine == build_routine(CONTENT, ("fatigue",), "standing", 5)


def test_my_routine_wins_over_the_answers() -> None:
    mine = SavedRoutine(
        "my-routine", Texts((("en", "Mine"),)), "desk", (RoutineItem("calves-wall", 25, 2),)
    )
    routine = gate.routine_for(CONTENT, ANSWERED, mine)
    assert routine.place == "desk" and routine.items == mine.items


def test_a_type_the_content_no_longer_has_is_left_out() -> None:
    old = replace(ANSWERED, types=("fatigue", "gone-type"))
    assert gate.known_types(CONTENT, old.types) == ("fatigue",)
    assert gate.routine_for(CONTENT, old) == gate.routine_for(CONTENT, ANSWERED)


def test_the_users_get_ready_time_is_in_todays_routine() -> None:
    routine = gate.routine_for(CONTENT, replace(ANSWERED, prepare_s=12))
    assert {s.duration_s for s in routine.steps if s.phase is Phase.PREPARE} == {12}


def test_a_check_that_allows_routines_is_dated_one_that_ends_them_clears_the_date() -> None:
    calm = screen(CONTENT, [])
    urgent = screen(CONTENT, [next(s.id for s in CONTENT.signs if s.tier == 1)])
    assert gate.after_check(ANSWERED, calm, NOW).screened_at == NOW
    dated = replace(ANSWERED, screened_at=NOW)
    assert gate.after_check(dated, urgent, NOW + 5).screened_at == 0.0
    assert gate.start_step(gate.after_check(dated, urgent, NOW + 5), NOW + 5) is StartStep.CHECK


@pytest.mark.parametrize(
    ("reason", "check_again"),
    [("weakness", True), ("sharp-pain", False), ("just-stop", False)],
)
def test_a_stop_for_a_sign_that_ends_routines_asks_for_a_new_check(
    reason: str, check_again: bool
) -> None:
    dated = replace(ANSWERED, screened_at=NOW)
    after = gate.after_stop(CONTENT, dated, reason)
    assert (gate.start_step(after, NOW) is StartStep.CHECK) is check_again


@pytest.mark.parametrize("reason", ["unspecified", "abandoned"])
def test_stops_the_session_makes_itself_change_nothing(reason: str) -> None:
    dated = replace(ANSWERED, screened_at=NOW)
    assert gate.after_stop(CONTENT, dated, reason) == dated


def test_the_check_is_due_again_after_the_set_number_of_days() -> None:
    dated = replace(ANSWERED, screened_at=NOW, recheck_days=14)
    assert gate.start_step(dated, NOW + 13 * DAY_S) is StartStep.RUN
    assert gate.start_step(dated, NOW + 14 * DAY_S) is not StartStep.RUN
    assert gate.start_step(Settings(), NOW) is not StartStep.RUN  # never done


def test_nothing_changed_counts_as_a_check_now() -> None:
    due = replace(ANSWERED, screened_at=NOW - 30 * DAY_S)
    assert gate.start_step(due, NOW) is not StartStep.RUN
    assert gate.start_step(gate.nothing_changed(due, NOW), NOW) is StartStep.RUN


def test_stretches_the_check_said_to_avoid_stay_out_of_my_routine_too() -> None:
    mine = SavedRoutine(
        "my-routine",
        Texts((("en", "Mine"),)),
        "desk",
        (RoutineItem("glutes-desk", 30, 1), RoutineItem("calves-wall", 25, 2)),
    )
    settings = replace(ANSWERED, avoid=("glutes",))
    routine = gate.routine_for(CONTENT, settings, mine)
    assert [i.variant for i in routine.items] == ["calves-wall"]
    assert all(s.stretch != "glutes" for s in gate.routine_for(CONTENT, settings).steps)


def test_every_caller_gets_the_routine_without_what_the_check_left_out() -> None:
    """`plan`, `session`, `sheet --type` and the wizard ask with answers; the window without."""
    surgery = replace(ANSWERED, avoid=SURGERY)
    answers = Answers((), "floor", 10)
    for routine in (
        gate.routine_for(CONTENT, surgery),
        gate.routine_for(CONTENT, surgery, None, answers),
    ):
        assert {CONTENT.variant(i.variant).stretch for i in routine.items} == {
            "calves",
            "heel-raises",
        }
    gentle = gate.routine_for(CONTENT, replace(ANSWERED, gentle=True))
    assert gentle == build_routine(CONTENT, ("fatigue",), "standing", 5, gentle=True)


def test_nothing_changed_never_dates_a_check_that_failed_meanwhile() -> None:
    """Question A is open; B finds an urgent sign; "Nothing has changed" in A changes nothing."""
    due = replace(ANSWERED, screened_at=NOW - 30 * DAY_S)
    failed = gate.after_check(due, URGENT, NOW)
    assert gate.nothing_changed(failed, NOW + 1) == failed
    assert gate.start_step(gate.nothing_changed(failed, NOW + 1), NOW + 1) is StartStep.CHECK


def test_the_stricter_of_memory_and_disk_decides() -> None:
    passed = replace(ANSWERED, screened_at=NOW, avoid=("glutes",))
    failed_elsewhere = replace(ANSWERED, screened_at=0.0)
    assert gate.stricter(passed, failed_elsewhere).screened_at == 0.0
    assert gate.stricter(failed_elsewhere, passed).screened_at == 0.0
    older = replace(ANSWERED, screened_at=NOW - 20 * DAY_S, avoid=("hamstrings",))
    both = gate.stricter(passed, older)
    assert both.screened_at == NOW - 20 * DAY_S  # the older check: due again sooner
    assert set(both.avoid) == {"glutes", "hamstrings"}
    assert both.types == passed.types  # everything else is this window's


def test_a_kept_hold_undoes_a_passed_check_that_came_before_it() -> None:
    passed = replace(ANSWERED, screened_at=NOW)
    assert gate.held(passed, NOW + 5).screened_at == 0.0  # an urgent sign after the check
    assert gate.held(passed, NOW - 5) == passed  # a check passed since the hold
    assert gate.held(passed, 0.0) == passed
    assert gate.held(passed, float("inf")).screened_at == 0.0  # a garbled hold counts


DAY, NEXT_DAY = "2026-12-07", "2026-12-08"


def stretches_of(routine: object) -> set[str]:
    assert isinstance(routine, Routine)
    return {CONTENT.stretch_for(i.variant).id for i in routine.items}


def test_a_stretch_left_for_today_is_out_of_every_routine_until_the_next_day() -> None:
    """ "Sharp pain" says "Leave this stretch for today": home and Start leave it out."""
    settings = replace(ANSWERED, types=(), place="desk", minutes=10)
    assert "hamstrings" in stretches_of(gate.routine_for(CONTENT, settings, today=DAY))
    after = gate.rest_stretch_today(CONTENT, settings, "sharp-pain", "hamstrings", DAY)
    assert gate.left_out_today(after, DAY) == ("hamstrings",)
    assert "hamstrings" not in stretches_of(gate.routine_for(CONTENT, after, today=DAY))
    answers = Answers(("fatigue",), "desk", 5)  # the wizard's preview, `session` too
    assert "hamstrings" not in stretches_of(gate.routine_for(CONTENT, after, None, answers, DAY))
    assert gate.left_out_today(after, NEXT_DAY) == ()
    assert "hamstrings" in stretches_of(gate.routine_for(CONTENT, after, today=NEXT_DAY))


def test_only_a_reason_that_says_so_leaves_a_stretch_out_for_today() -> None:
    for reason in ("dizziness", "just-stop", "unspecified", "abandoned"):
        assert gate.rest_stretch_today(CONTENT, ANSWERED, reason, "calves", DAY) == ANSWERED
    for stop in CONTENT.stop_reasons:
        assert stop.rest_today is ("for today" in stop.advice("en")), stop.id


def test_a_second_stretch_the_same_day_adds_to_the_first_and_yesterdays_go() -> None:
    one = gate.rest_stretch_today(CONTENT, ANSWERED, "sharp-pain", "calves", DAY)
    two = gate.rest_stretch_today(CONTENT, one, "pain-down-leg", "iliopsoas", DAY)
    assert gate.left_out_today(two, DAY) == ("calves", "iliopsoas")
    later = gate.rest_stretch_today(CONTENT, two, "sharp-pain", "glutes", NEXT_DAY)
    assert gate.left_out_today(later, NEXT_DAY) == ("glutes",)


def test_when_today_leaves_no_stretch_there_is_nothing_to_start() -> None:
    surgery = replace(ANSWERED, avoid=SURGERY)
    after = gate.rest_stretch_today(CONTENT, surgery, "sharp-pain", "calves", DAY)
    assert gate.routine_for(CONTENT, after, today=DAY).steps == ()
    assert stretches_of(gate.routine_for(CONTENT, after, today=NEXT_DAY)) == {
        "calves",
        "heel-raises",
    }


def test_home_offers_no_routine_after_a_result_that_ends_routines() -> None:
    passed = replace(ANSWERED, screened_at=NOW)
    assert gate.home_step(passed, 0.0, NOW) is gate.HomeStep.READY
    failed = gate.after_check(passed, URGENT, NOW)
    assert gate.home_step(failed, NOW, NOW) is gate.HomeStep.OFF
    first_run = gate.after_check(Settings(), URGENT, NOW)
    assert gate.home_step(first_run, NOW, NOW) is gate.HomeStep.OFF
    assert gate.home_step(Settings(), 0.0, NOW) is gate.HomeStep.SET_UP  # no answers yet
    passed_again = gate.after_check(failed, screen(CONTENT, []), NOW + 60)
    assert gate.home_step(passed_again, 0.0, NOW + 60) is gate.HomeStep.READY
