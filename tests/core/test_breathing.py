from __future__ import annotations

import itertools

import pytest

from lowback_timer.core.breathing import (
    WORD_TURNS,
    Breath,
    breath_at,
    breaths_per_minute,
    next_turn,
    says_word_at,
    spoken_turns,
)


def test_default_pace_is_six_breaths_a_minute_out_longer_than_in() -> None:
    assert breaths_per_minute() == 6
    assert breath_at(0).breath is Breath.IN and breath_at(3.99).breath is Breath.IN
    assert breath_at(4.0).breath is Breath.OUT and breath_at(9.99).breath is Breath.OUT
    assert breath_at(10.0).breath is Breath.IN


def test_the_shape_grows_on_the_in_breath_and_shrinks_on_the_out_breath() -> None:
    sizes_in = [breath_at(t).size for t in (0, 1, 2, 3, 3.9)]
    sizes_out = [breath_at(t).size for t in (4, 5, 7, 9, 9.9)]
    assert sizes_in == sorted(sizes_in) and sizes_in[0] == 0
    assert sizes_out == sorted(sizes_out, reverse=True) and sizes_out[0] == 1
    assert breath_at(2.5).remaining_s == pytest.approx(1.5)


def test_the_pace_can_be_changed() -> None:
    assert breath_at(4.5, in_s=5, out_s=7).breath is Breath.IN
    assert breath_at(5.5, in_s=5, out_s=7).breath is Breath.OUT
    with pytest.raises(ValueError):
        breath_at(1, in_s=0)


def test_the_next_turn_is_always_ahead_and_on_the_new_breaths_side() -> None:
    assert next_turn(0) == 4 and next_turn(2.5) == 4
    assert next_turn(4) == 10 and next_turn(9.5) == 10
    assert next_turn(10, in_s=3, out_s=5) == 11
    elapsed, breaths = 0.0, []
    for _ in range(1000):  # an hour and more of turns, each computed from the last
        elapsed = next_turn(elapsed, in_s=3.3, out_s=4.7)
        breaths.append(breath_at(elapsed, in_s=3.3, out_s=4.7).breath)
    assert breaths[:4] == [Breath.OUT, Breath.IN, Breath.OUT, Breath.IN]
    assert all(a is not b for a, b in itertools.pairwise(breaths))
    assert elapsed == pytest.approx(500 * 8.0)


# --- spoken breath words: the first turns of a hold, clear of the phase cues -----------------


def test_words_come_at_the_turns_only_the_first_four_of_a_hold() -> None:
    # A hold from 10 s to 50 s at 4 s in, 6 s out: turns at 14, 20, 24, 30, 34, 40, 44 ...
    turns = spoken_turns(10.0, 50.0, 4, 6)
    assert turns == (
        (14.0, Breath.OUT),
        (20.0, Breath.IN),
        (24.0, Breath.OUT),
        (30.0, Breath.IN),
    )
    for at, breath in turns:
        assert next_turn(at - 0.1, 4, 6) == pytest.approx(at)
        assert breath_at(at, 4, 6).breath is breath


def test_no_word_within_a_second_and_a_half_of_either_phase_cue() -> None:
    # The hold begins 1 s before a turn (too close to its cue) and ends 1 s after one.
    turns = spoken_turns(9.0, 25.0, 4, 6)
    assert [at for at, _ in turns] == [14.0, 20.0]  # not 10 (the start's cue), not 24 (the end's)
    assert spoken_turns(9.0, 25.0, 4, 6, clear_s=0.5) == (
        (10.0, Breath.IN),
        (14.0, Breath.OUT),
        (20.0, Breath.IN),
        (24.0, Breath.OUT),
    )
    assert spoken_turns(0.0, 3.0, 4, 6) == ()  # a hold too short for a clear turn


@pytest.mark.parametrize(("in_s", "out_s"), [(4, 6), (2, 2), (5.5, 7), (10, 12)])
def test_every_spoken_turn_is_a_turn_and_clear_of_the_cues(in_s: float, out_s: float) -> None:
    for start in (0.0, 3.3, 17.25, 101.0):
        end = start + 30
        turns = spoken_turns(start, end, in_s, out_s)
        assert 1 <= len(turns) <= WORD_TURNS
        times = [at for at, _ in turns]
        assert times == sorted(times) and all(start + 1.5 <= t <= end - 1.5 for t in times)
        for at, breath in turns:
            assert says_word_at(at, start, end, in_s, out_s)
            assert breath_at(at, in_s, out_s).breath is breath
            assert breath_at(at - 0.01, in_s, out_s).breath is not breath  # a turn
        # The first turns of the hold that are clear: none skipped between them.
        all_turns = [start + 1.5]
        while len(all_turns) <= len(turns):
            all_turns.append(next_turn(all_turns[-1], in_s, out_s))
        assert times == pytest.approx(all_turns[1 : len(turns) + 1])
    assert not says_word_at(12.0, 10.0, 50.0, 4, 6)  # not a turn
    assert not says_word_at(34.0, 10.0, 50.0, 4, 6)  # the fifth turn
