"""The breathing pacer as a pure function of time: slow breaths, the out-breath longer.

About six breaths a minute (in 4 s, out 6 s) by default; the user can change both or turn the
pacer off. `size` eases in and out so the shape on screen swells and settles gently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

DEFAULT_IN_S = 4.0
DEFAULT_OUT_S = 6.0


class Breath(StrEnum):
    IN = "in"
    OUT = "out"


@dataclass(frozen=True)
class BreathState:
    breath: Breath
    progress: float  # 0..1 through this in- or out-breath
    size: float  # 0 (empty) .. 1 (full): the pacer shape's size
    remaining_s: float  # until the breath turns


def breath_at(
    elapsed_s: float, in_s: float = DEFAULT_IN_S, out_s: float = DEFAULT_OUT_S
) -> BreathState:
    if in_s <= 0 or out_s <= 0:
        raise ValueError("breath lengths must be positive")
    t = max(0.0, elapsed_s) % (in_s + out_s)
    if t < in_s:
        progress = t / in_s
        return BreathState(Breath.IN, progress, _ease(progress), in_s - t)
    progress = (t - in_s) / out_s
    return BreathState(Breath.OUT, progress, 1 - _ease(progress), in_s + out_s - t)


def breaths_per_minute(in_s: float = DEFAULT_IN_S, out_s: float = DEFAULT_OUT_S) -> float:
    return 60 / (in_s + out_s)


def _ease(x: float) -> float:
    """Sine ease in-out: slow at the turns, like a real breath."""
    return (1 - math.cos(math.pi * x)) / 2
