"""The breathing pacer as a pure function of time: slow breaths, the out-breath longer.

About six breaths a minute (in 4 s, out 6 s) by default; the user can change both or turn the
pacer off. `size` eases in and out so the shape on screen swells and settles gently.

The turns (in -> out, out -> in) are deadlines like the session's phases: `next_turn` says
when the breath next turns, so the UI wakes for the breath tones then, not on repaints.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_IN_S = 4.0
DEFAULT_OUT_S = 6.0
#: A turn this close ahead counts as reached, so that a time computed as "the next turn" (with
#: rounding on the way through the clock) is always on the new breath's side of it.
TURN_SLACK_S = 1e-6


class Breath(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class BreathState:
    breath: Breath
    progress: float  # 0..1 through this in- or out-breath
    size: float  # 0 (empty) .. 1 (full): the pacer shape's size
    remaining_s: float  # until the breath turns (always more than TURN_SLACK_S)


def breath_at(
    elapsed_s: float, in_s: float = DEFAULT_IN_S, out_s: float = DEFAULT_OUT_S
) -> BreathState:
    """The breath `elapsed_s` seconds into the session (pauses left out)."""
    if in_s <= 0 or out_s <= 0:
        raise ValueError("breath lengths must be positive")
    cycle = in_s + out_s
    t = max(0.0, elapsed_s) % cycle
    if cycle - t <= TURN_SLACK_S:
        t = 0.0  # the next in-breath has begun
    if in_s - t > TURN_SLACK_S:
        progress = t / in_s
        return BreathState(Breath.IN, progress, _ease(progress), in_s - t)
    progress = max(0.0, t - in_s) / out_s
    return BreathState(Breath.OUT, progress, 1 - _ease(progress), cycle - t)


def next_turn(elapsed_s: float, in_s: float = DEFAULT_IN_S, out_s: float = DEFAULT_OUT_S) -> float:
    """The elapsed time (same scale as `elapsed_s`) at which the breath next turns, in -> out or
    out -> in; always later than `elapsed_s`, and `breath_at` of it gives the new breath."""
    return max(0.0, elapsed_s) + breath_at(elapsed_s, in_s, out_s).remaining_s


#: Spoken breath words: the first turns of each hold that get one (in, out, in, out).
WORD_TURNS = 4
#: No breath word within this of a phase cue (the hold's own, or the next phase's): the phase
#: cue wins, and a word that close would be cut off or cut it off.
CUE_CLEAR_S = 1.5
#: How close a turn seen on the clock must be to a computed one to be that turn.
_SAME_TURN_S = 0.01


def spoken_turns(
    start_s: float,
    end_s: float,
    in_s: float = DEFAULT_IN_S,
    out_s: float = DEFAULT_OUT_S,
    first: int = WORD_TURNS,
    clear_s: float = CUE_CLEAR_S,
) -> tuple[tuple[float, Breath], ...]:
    """The turns of a hold from `start_s` to `end_s` (elapsed time, as `breath_at`) at which
    the breath's word is said, with the breath each begins: the first `first` turns at least
    `clear_s` after the hold's cue and `clear_s` before the next phase's."""
    if in_s <= 0 or out_s <= 0:
        raise ValueError("breath lengths must be positive")
    cycle = in_s + out_s
    lo, hi = start_s + clear_s, end_s - clear_s
    turns: list[tuple[float, Breath]] = []
    k = math.floor(max(0.0, lo) / cycle)
    while len(turns) < first:
        for offset, breath in ((0.0, Breath.IN), (in_s, Breath.OUT)):
            at = k * cycle + offset
            if at > hi:
                return tuple(turns)
            if at >= lo and len(turns) < first:
                turns.append((at, breath))
        k += 1
    return tuple(turns)


def says_word_at(
    turn_s: float,
    start_s: float,
    end_s: float,
    in_s: float = DEFAULT_IN_S,
    out_s: float = DEFAULT_OUT_S,
) -> bool:
    """Whether the breath's word is said at the turn at `turn_s` of the hold from `start_s` to
    `end_s` (see `spoken_turns`)."""
    return any(
        abs(at - turn_s) < _SAME_TURN_S for at, _ in spoken_turns(start_s, end_s, in_s, out_s)
    )


def breaths_per_minute(in_s: float = DEFAULT_IN_S, out_s: float = DEFAULT_OUT_S) -> float:
    return 60 / (in_s + out_s)


def _ease(x: float) -> float:
    """Sine ease in-out: slow at the turns, like a real breath."""
    return (1 - math.cos(math.pi * x)) / 2
