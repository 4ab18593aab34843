"""Moves beside the stretches: counted at a pace instead of held (issue 25)."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from lowback_timer.core.content import Move, routines_dir
from lowback_timer.core.counting import Rep, rep_at
from lowback_timer.core.loader import check, load_content
from lowback_timer.core.routine import OVERRUN, Routine, build_routine
from lowback_timer.core.session import Session
from tests.fakeclock import FakeClock

CONTENT = load_content()
MOVES = {m.id for m in CONTENT.moves}


def items(routine: Routine) -> list[str]:
    return [CONTENT.variant(i.variant).stretch for i in routine.items]


def moving_s(routine: Routine) -> int:
    return sum(h.duration_s for h in routine.holds if h.rep_s)


def test_heel_raises_come_after_the_stretches_for_heavy_legs_standing_and_sitting() -> None:
    for type_id, place in itertools.product(("fatigue", "standing", "sitting"), CONTENT.place_ids):
        routine = build_routine(CONTENT, (type_id,), place, 5)
        order = items(routine)
        assert "heel-raises" in order, (type_id, place)
        assert order.index("heel-raises") > max(i for i, s in enumerate(order) if s not in MOVES), (
            "after every stretch"
        )
    assert "heel-raises" not in items(build_routine(CONTENT, ("nerve",), "desk", 10))


def test_the_shortest_heavy_legs_routine_keeps_its_heel_raises() -> None:
    """Three minutes: both stretches at a shorter hold, and the calf pump at its smallest set
    (10 times) rather than left out."""
    routine = build_routine(CONTENT, ("fatigue",), "desk", 3)
    assert items(routine) == ["hamstrings", "calves", "heel-raises"]
    [raises] = [h for h in routine.holds if h.rep_s]
    assert raises.times == 10 and raises.rep_s == 4
    assert routine.total_s <= 3 * 60 * (1 + OVERRUN)


def test_more_minutes_go_to_the_moves_up_to_the_contents_cap() -> None:
    """A single type no longer gives the same routine whatever time is asked."""
    for types, place in itertools.product((("fatigue",), ("standing",), ("sitting",)), ["desk"]):
        moving = [moving_s(build_routine(CONTENT, types, place, m)) for m in (3, 5, 10, 20)]
        assert moving == sorted(moving), types
        assert moving[-1] == CONTENT.dose.moves_max_s == 120, types
    lengths = {build_routine(CONTENT, ("standing",), "desk", m).total_s for m in (3, 5, 10)}
    assert len(lengths) == 3


def test_moves_never_push_a_stretch_out() -> None:
    """Where the stretches alone fill the minutes, there is no room for a move."""
    routine = build_routine(CONTENT, ("sitting",), "desk", 3)
    assert items(routine) == ["glutes", "iliopsoas", "calves"]


def test_a_move_is_counted_at_its_pace_in_whole_repetitions() -> None:
    for types, place, minutes in itertools.product(
        (("fatigue",), ("sitting",), ("standing",), ()), CONTENT.place_ids, (3, 5, 10, 30)
    ):
        for hold in build_routine(CONTENT, types, place, minutes).holds:
            move = CONTENT.stretch(hold.stretch)
            if isinstance(move, Move):
                assert hold.rep_s == move.rep_s and hold.side is None
                assert hold.duration_s == hold.times * move.rep_s
                assert move.count[0] <= hold.times <= move.count[1]
            else:
                assert hold.rep_s == 0 and hold.times == 0


def test_plan_json_marks_moves_with_their_count() -> None:
    routine = build_routine(CONTENT, ("fatigue",), "desk", 3)
    data = routine.to_json(CONTENT, "en")
    [raises] = [s for s in data["steps"] if s["kind"] == "move"]
    assert (raises["stretch"], raises["count"], raises["name"]) == (
        "heel-raises",
        10,
        "Heel raises",
    )
    assert {s["kind"] for s in data["steps"]} == {"stretch", "move"}
    [phase] = [p for p in data["phases"] if p["rep_s"]]
    assert (phase["phase"], phase["count"], phase["rep_s"]) == ("hold", 10, 4)


def test_the_count_goes_up_then_down_once_a_repetition() -> None:
    assert rep_at(0, 4, 10) == Rep(1, 10, up=True)
    assert rep_at(1.99, 4, 10) == Rep(1, 10, up=True)
    assert rep_at(2, 4, 10) == Rep(1, 10, up=False)
    assert rep_at(4, 4, 10) == Rep(2, 10, up=True)
    assert rep_at(39.9, 4, 10) == Rep(10, 10, up=False)
    assert rep_at(40, 4, 10) == Rep(10, 10, up=False)  # done: no eleventh


def test_a_moves_count_follows_the_clock_without_drift() -> None:
    """Each wake comes late, as a busy machine's do: the count still follows the phase's
    absolute start, and the session wakes at every half of a repetition."""
    clock = FakeClock()
    routine = build_routine(CONTENT, ("fatigue",), "desk", 3)
    session = Session(routine, clock=clock)
    session.start()
    start = clock.now
    move_index = next(i for i, s in enumerate(routine.steps) if s.rep_s)
    move_start = start + sum(s.duration_s for s in routine.steps[:move_index])
    while session.index < move_index:
        clock.now = session.next_deadline() or clock.now
        session.update()
    assert session.rep() == Rep(1, 10, up=True)
    turns = []
    while session.index == move_index and session.is_active:
        turn = session.next_rep_turn()
        assert turn is not None and turn <= (session.next_deadline() or turn)
        turns.append(turn - move_start)
        clock.now = min(turn, session.next_deadline() or turn) + 0.3  # 300 ms late
        session.update()
        rep = session.rep()
        if rep is not None:
            into = clock.now - move_start
            assert rep.number == min(10, int(into // 4) + 1)
    assert turns[:4] == [2.0, 4.0, 6.0, 8.0]  # from the phase's start, never the late wake
    assert len(turns) == 20  # up and down, ten times


def test_a_paused_move_keeps_its_count() -> None:
    clock = FakeClock()
    routine = build_routine(CONTENT, ("fatigue",), "desk", 3)
    session = Session(routine, clock=clock)
    move_index = next(i for i, s in enumerate(routine.steps) if s.rep_s)
    session.start()
    while session.index < move_index:
        clock.now = session.next_deadline() or clock.now
        session.update()
    clock.advance(9)
    session.pause()
    clock.advance(60)
    assert session.rep() == Rep(3, 10, up=True) and session.next_rep_turn() is None
    session.resume()
    assert session.next_rep_turn() == pytest.approx(clock.now + 1)


def write_moves(folder: Path, old: str, new: str) -> None:
    for source in routines_dir().glob("*.yaml"):
        text = source.read_text("utf-8")
        if source.name == "moves.yaml":
            assert old in text
            text = text.replace(old, new)
        (folder / source.name).write_text(text, "utf-8")


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("count: {min: 10, max: 15}", "count: {min: 10, max: 40}", "must be 1–30"),
        (
            "rep_s: 4   # 2 s up, 2 s down\n    variants:\n      - id: heel",
            "rep_s: 0\n    variants:\n      - id: heel",
            "must be 2–10 s",
        ),
        ("  - id: marching", "  - id: calves", "stretch 'calves' is already defined"),
    ],
    ids=["count", "pace", "same id as a stretch"],
)
def test_check_reports_a_broken_move(tmp_path: Path, old: str, new: str, message: str) -> None:
    write_moves(tmp_path, old, new)
    errors = check([tmp_path])
    [found] = [e for e in errors if message in e.message]
    assert found.path.endswith("moves.yaml")


def test_check_reports_an_unknown_move_of_a_type(tmp_path: Path) -> None:
    for source in routines_dir().glob("*.yaml"):
        text = source.read_text("utf-8")
        if source.name == "types.yaml":
            text = text.replace("moves: [heel-raises]", "moves: [heel-raises, calves]")
        (tmp_path / source.name).write_text(text, "utf-8")
    [error] = check([tmp_path])
    assert error.message == "types: unknown move 'calves'"
