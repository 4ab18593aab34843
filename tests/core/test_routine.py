"""The routine builder, for every type combination x place x minutes."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import pytest

from lowback_timer.core.content import Content, load_content
from lowback_timer.core.routine import (
    OVERRUN,
    Phase,
    Routine,
    build_routine,
    expand,
    resolve_types,
)

CONTENT = load_content()
TYPE_IDS = [t.id for t in CONTENT.types]
COMBOS = [c for n in range(len(TYPE_IDS) + 1) for c in itertools.combinations(TYPE_IDS, n)]
MINUTES = [3, 5, 10, 15]


def stretch_order(routine: Routine) -> list[str]:
    return [CONTENT.variant(item.variant).stretch for item in routine.items]


def expected_stretches(content: Content, types: Sequence[str]) -> set[str]:
    return {s for t in resolve_types(content, types) for s in content.pain_type(t).stretches}


@pytest.mark.parametrize("minutes", MINUTES)
@pytest.mark.parametrize("place", CONTENT.place_ids)
@pytest.mark.parametrize("types", COMBOS, ids=lambda c: "+".join(c) or "not-sure")
def test_routine_follows_the_content(types: tuple[str, ...], place: str, minutes: int) -> None:
    routine = build_routine(CONTENT, types, place, minutes)
    order = stretch_order(routine)
    assert len(order) == len(set(order)), "a stretch came twice"
    assert set(order) == expected_stretches(CONTENT, types)
    for type_id in resolve_types(CONTENT, types):
        wanted = list(CONTENT.pain_type(type_id).stretches)
        assert [s for s in order if s in wanted] == wanted, f"{type_id}'s order was not kept"
    postures = [CONTENT.variant(item.variant).posture for item in routine.items]
    blocks = [p for p, _ in itertools.groupby(postures)]
    assert len(blocks) == len(set(blocks)), f"down and up twice: {postures}"
    for item in routine.items:
        assert place in CONTENT.variant(item.variant).places
    for hold in routine.holds:
        lo, hi = CONTENT.stretch(hold.stretch).hold_s
        assert lo <= hold.duration_s <= hi and 10 <= hold.duration_s <= 60
        if hold.stretch == "calves":
            assert 20 <= hold.duration_s <= 30
    assert routine.total_s <= minutes * 60 * (1 + OVERRUN)


@pytest.mark.parametrize("place", CONTENT.place_ids)
def test_each_stretch_is_held_on_both_sides_equally(place: str) -> None:
    routine = build_routine(CONTENT, (), place, 10)
    for item in routine.items:
        holds = [h for h in routine.holds if h.variant == item.variant]
        sides = [h.side for h in holds]
        assert sides.count("right") == sides.count("left") == item.reps
        assert {h.duration_s for h in holds} == {item.hold_s}


def test_not_sure_gives_all_four_grouped_floor_then_standing() -> None:
    routine = build_routine(CONTENT, (), "floor", 5)
    assert stretch_order(routine) == ["glutes", "hamstrings", "iliopsoas", "calves"]
    assert routine == build_routine(CONTENT, TYPE_IDS, "floor", 5)


def test_fatigue_and_sitting_at_the_desk_sit_first_then_stand() -> None:
    routine = build_routine(CONTENT, ("sitting", "fatigue"), "desk", 5)
    assert stretch_order(routine) == ["hamstrings", "glutes", "calves", "iliopsoas"]
    assert [CONTENT.variant(i.variant).posture for i in routine.items] == [
        "seated",
        "seated",
        "standing",
        "standing",
    ]


def test_more_minutes_give_more_stretching_not_less() -> None:
    held = [sum(h.duration_s for h in build_routine(CONTENT, (), "desk", m).holds) for m in MINUTES]
    assert held == sorted(held) and held[0] < held[-1]


def test_phases_of_one_stretch_read_like_the_timer_shows_them() -> None:
    routine = build_routine(CONTENT, ("nerve",), "floor", 3)
    [item] = routine.items
    steps = [(s.phase, s.side) for s in routine.steps]
    first = [
        (Phase.PREPARE, "right"),
        (Phase.HOLD, "right"),
        (Phase.SWITCH, "left"),
        (Phase.HOLD, "left"),
    ]
    assert steps[:4] == first
    assert len(routine.holds) == 2 * item.reps
    assert routine.total_s == sum(s.duration_s for s in routine.steps)


def test_an_edited_item_list_expands_to_the_same_phases() -> None:
    routine = build_routine(CONTENT, ("fatigue",), "desk", 5)
    assert expand(CONTENT, "desk", routine.items) == routine


@pytest.mark.parametrize(
    ("types", "place", "minutes"),
    [
        (("back",), "desk", 5),
        ((), "kitchen", 5),
        ((), "desk", 2),
        ((), "desk", 31),
    ],
)
def test_bad_answers_are_refused(types: tuple[str, ...], place: str, minutes: int) -> None:
    with pytest.raises(ValueError):
        build_routine(CONTENT, types, place, minutes)


def test_plan_json_lists_the_holds_with_their_sides() -> None:
    routine = build_routine(CONTENT, ("fatigue",), "standing", 5)
    data = routine.to_json(CONTENT, "ja")
    assert data["total_s"] == routine.total_s
    assert [(s["stretch"], s["side"]) for s in data["steps"]][:2] == [
        ("hamstrings", "right"),
        ("hamstrings", "left"),
    ]
    assert data["steps"][0]["name"] == CONTENT.stretch("hamstrings").name("ja")
    assert sum(p["duration_s"] for p in data["phases"]) == data["total_s"]


@pytest.mark.parametrize("prepare_s", [3, 10, 30])
def test_the_users_get_ready_time_counts_in_the_time_limit(prepare_s: int) -> None:
    for place in CONTENT.place_ids:
        routine = build_routine(CONTENT, (), place, 3, prepare_s)
        prepares = [s for s in routine.steps if s.phase is Phase.PREPARE]
        assert {s.duration_s for s in prepares} == {prepare_s}
        assert routine.total_s <= 3 * 60 * (1 + OVERRUN)
