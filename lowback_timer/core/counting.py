"""A move's count: which repetition is under way, and whether it goes up or down, from the
time into its phase (so it never drifts: the session's deadline is the only clock)."""

from __future__ import annotations

import math
from typing import NamedTuple


class Rep(NamedTuple):
    number: int  # 1 to `times`: the repetition under way
    times: int
    up: bool  # the first half of each repetition rises (heel, knee), the second lowers


def rep_at(into_s: float, rep_s: int, times: int) -> Rep:
    """The repetition `into_s` seconds into a phase of `times` repetitions of `rep_s` s."""
    done = int(max(0.0, into_s) // rep_s)
    if done >= times:  # the last one is down
        return Rep(times, times, False)
    return Rep(done + 1, times, into_s - done * rep_s < rep_s / 2)


def next_half(into_s: float, rep_s: int) -> float:
    """The time into the phase at which the next half of a repetition begins (up <-> down)."""
    half = rep_s / 2
    return (math.floor(max(0.0, into_s) / half) + 1) * half
