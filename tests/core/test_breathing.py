from __future__ import annotations

import itertools

import pytest

from lowback_timer.core.breathing import Breath, breath_at, breaths_per_minute, next_turn


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
