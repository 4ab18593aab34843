"""After each stretch, "did the leg symptoms spread?": where it is asked, for whom, and what
"Yes" changes (core/spread.py), without a QApplication."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import pytest

from lowback_timer.core.content import Content, RoutineItem, SavedRoutine, Stretch, Texts
from lowback_timer.core.gate import routine_for
from lowback_timer.core.routine import Phase, build_routine, expand
from lowback_timer.core.settings import SPREAD_OFF, SPREAD_ON, Settings, coerce
from lowback_timer.core.spread import (
    asked_after,
    asked_at,
    asks_spread,
    check_up_due,
    spread_answered,
    spread_count,
    stretch_ends,
)

TODAY = "2026-03-10"


def stretches(content: Content, items: Sequence[RoutineItem]) -> list[RoutineItem]:
    """The stretches among a routine's items (its moves, counted, are asked nothing)."""
    return [i for i in items if isinstance(content.stretch_for(i.variant), Stretch)]


def test_a_stretch_ends_once_both_sides_and_every_round_are_done(content: Content) -> None:
    routine = build_routine(content, ("fatigue", "sitting"), "desk", 10)
    steps = routine.steps
    assert len(routine.items) > 1 and routine.items[0].reps > 1  # (rounds and sides)
    ends = sorted(stretch_ends(steps))
    # One end per stretch: the last hold of its last round, on the second side.
    assert [steps[i].variant for i in ends] == [
        i.variant for i in stretches(content, routine.items)
    ]
    for i in ends:
        assert steps[i].phase is Phase.HOLD and steps[i].side == "left"
        assert steps[i].rep == steps[i].reps
    assert steps[ends[-1] + 1].stretch == "heel-raises"  # the moves come after


def test_the_question_sits_in_the_next_stretch_s_get_ready(content: Content) -> None:
    steps = build_routine(content, ("fatigue", "sitting"), "desk", 10).steps
    ends = sorted(stretch_ends(steps))
    asked = {i: asked_at(steps, i) for i in range(len(steps)) if asked_at(steps, i) is not None}
    # After the last stretch: in the moves' get-ready (or on the "done" screen without one).
    assert asked == {end + 1: end for end in ends}
    assert all(steps[i].phase is Phase.PREPARE for i in asked)
    # Not after one side, nor between rounds, nor at the start.
    assert asked_at(steps, 0) is None
    assert not any(steps[i].phase in (Phase.SWITCH, Phase.REST) for i in asked)


def test_without_a_get_ready_between_stretches_it_is_not_asked(content: Content) -> None:
    """No room to ask without delaying the next hold: the timer is never held up."""
    items = build_routine(content, ("fatigue",), "standing", 5).items
    steps = expand(content, "standing", items, prepare_s=0).steps
    assert [s.phase for s in steps].count(Phase.PREPARE) == 0
    assert all(asked_at(steps, i) is None for i in range(len(steps)))
    assert len(stretch_ends(steps)) == len(stretches(content, items))


@pytest.mark.parametrize(
    ("types", "asked"),
    [
        (("nerve",), True),
        (("nerve", "sitting"), True),
        (("fatigue",), False),
        (("standing", "sitting"), False),
        ((), False),  # "not sure"
    ],
)
def test_by_default_it_is_asked_for_the_nerve_type_only(
    content: Content, types: tuple[str, ...], asked: bool
) -> None:
    assert Settings().spread_check == "auto"
    assert asks_spread(content, Settings(), types) is asked
    assert asks_spread(content, replace(Settings(), spread_check=SPREAD_ON), types)
    assert not asks_spread(content, replace(Settings(), spread_check=SPREAD_OFF), types)


def test_the_content_says_which_type_asks(content: Content) -> None:
    assert [t.id for t in content.types if t.asks_spread] == ["nerve"]


def test_a_stored_choice_the_app_does_not_know_is_replaced_and_reported() -> None:
    reports: list[str] = []
    settings = coerce({"spread_check": "sometimes"}, reports.append)
    assert settings.spread_check == "auto"
    assert reports == ["setting spread_check='sometimes' is not one of auto, on, off; using 'auto'"]
    assert coerce({"spread_check": "off"}).spread_check == "off"


def test_plan_marks_the_holds_after_which_it_is_asked(content: Content) -> None:
    routine = build_routine(content, ("nerve", "sitting"), "desk", 10)
    asked = asked_after(content, Settings(), ("nerve", "sitting"), routine.steps)
    shape = routine.to_json(content, "en", asked)
    marked = [p for p in shape["phases"] if p["ask_spread"]]
    assert [p["stretch"] for p in marked] == [
        content.stretch_for(i.variant).id for i in stretches(content, routine.items)
    ]
    assert all(p["phase"] == "hold" and p["side"] == "left" for p in marked)
    assert [s["stretch"] for s in shape["steps"] if s["ask_spread"]] == [
        p["stretch"] for p in marked
    ]
    off = asked_after(content, Settings(), ("sitting",), routine.steps)
    assert not any(p["ask_spread"] for p in routine.to_json(content, "en", off)["phases"])


def test_yes_leaves_that_stretch_out_of_every_routine_built_today(content: Content) -> None:
    settings = replace(Settings(), types=("sitting",), place="desk", minutes=10)
    assert "glutes" in {s.stretch for s in routine_for(content, settings, today=TODAY).steps}
    after = spread_answered(settings, "glutes", TODAY)
    assert after.left_out_today == ("glutes",) and after.left_out_on == TODAY
    assert "glutes" not in {s.stretch for s in routine_for(content, after, today=TODAY).steps}
    # Tomorrow it is back; the answer still counts for the week.
    assert "glutes" in {s.stretch for s in routine_for(content, after, today="2026-03-11").steps}
    assert spread_count(after, "2026-03-11") == 1


def test_twice_in_a_week_suggests_having_it_checked() -> None:
    once = spread_answered(Settings(), "glutes", "2026-03-04")
    assert not check_up_due(once, "2026-03-04")
    twice = spread_answered(once, "calves", TODAY)  # six days later: the same week
    assert twice.spread_days == ("2026-03-04", TODAY)
    assert check_up_due(twice, TODAY) and spread_count(twice, TODAY) == 2
    assert not check_up_due(twice, "2026-03-11")  # a week after the first: once again
    # Older answers are dropped as new ones come; a hand-edited date is left aside.
    later = spread_answered(
        replace(twice, spread_days=("garbage", *twice.spread_days)), "x", "2026-03-12"
    )
    assert later.spread_days == (TODAY, "2026-03-12")


def test_twice_on_the_same_day_counts_twice() -> None:
    settings = spread_answered(spread_answered(Settings(), "glutes", TODAY), "calves", TODAY)
    assert check_up_due(settings, TODAY)
    assert settings.left_out_today == ("glutes", "calves")


def test_a_routine_item_left_out_keeps_the_others_in_order(content: Content) -> None:
    """(The saved "my routine" too: the stretch that spread is left out of it today.)"""
    items = (RoutineItem("glutes-desk", 30, 1), RoutineItem("calves-wall", 30, 1))
    saved = SavedRoutine("mine", Texts((("en", "Mine"), ("ja", "私の"))), "desk", items)
    settings = spread_answered(Settings(), "glutes", TODAY)
    routine = routine_for(content, settings, saved, today=TODAY)
    assert [i.variant for i in routine.items] == ["calves-wall"]
