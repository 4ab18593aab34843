"""The clocks: a monotonic clock that keeps counting while the computer sleeps, and wall time.

Deadlines (session phases, breath turns, reminders) are absolute times on the monotonic clock.
`time.monotonic()` stops while a Linux laptop is suspended, so a deadline that passed during
the sleep would look barely missed on waking; the clock here counts the sleep too:

- Linux: `CLOCK_BOOTTIME` (monotonic, includes suspend);
- macOS: `CLOCK_MONOTONIC` (there it counts sleep; `time.monotonic` does not);
- Windows: `time.monotonic` (GetTickCount64 / QueryPerformanceCounter count sleep);
- elsewhere (or a Linux kernel without CLOCK_BOOTTIME): `time.monotonic` plus every jump where
  the wall clock moved on much further than it, which is what a suspend looks like.

Pure Python, no Qt. Everything the choice depends on can be injected, so tests use fake clocks.
"""

from __future__ import annotations

import math
import sys
import time
from collections.abc import Callable
from functools import partial

Clock = Callable[[], float]
ClockGettime = Callable[[int], float]

#: In the fallback, the wall clock running ahead of the monotonic one by more than this between
#: two readings counts as a suspend. Smaller differences are clock adjustments (NTP) and noise.
SUSPEND_JUMP_S = 2.0
#: A countdown shows whole seconds rounded up (0:01 until the very end); float noise this
#: small past a whole second still counts as that second, so its next change is always ahead.
SECOND_SLACK_S = 1e-6


class SuspendDetectingClock:
    """`monotonic` plus the time it missed while the computer slept, found by comparing how far
    the wall clock and the monotonic clock moved between two readings. The result never goes
    back. A forward jump of the wall clock by more than `jump_s` is indistinguishable from a
    suspend and counts as one; jumps back are ignored."""

    def __init__(self, monotonic: Clock, wall: Clock, *, jump_s: float = SUSPEND_JUMP_S) -> None:
        self._monotonic = monotonic
        self._wall = wall
        self._jump_s = jump_s
        self._last_mono = monotonic()
        self._last_wall = wall()
        self._slept = 0.0

    def __call__(self) -> float:
        mono, wall = self._monotonic(), self._wall()
        missed = (wall - self._last_wall) - (mono - self._last_mono)
        if missed > self._jump_s:
            self._slept += missed
        self._last_mono, self._last_wall = mono, wall
        return mono + self._slept


def suspend_aware_clock(
    platform: str | None = None,
    *,
    clock_gettime: ClockGettime | None = None,
    monotonic: Clock = time.monotonic,
    wall: Clock = time.time,
) -> Clock:
    """The best monotonic clock that counts suspend on `platform` (default: this one).
    `clock_gettime`, `monotonic` and `wall` default to the `time` module's."""
    platform = sys.platform if platform is None else platform
    gettime = clock_gettime or getattr(time, "clock_gettime", None)
    if platform.startswith("linux"):
        boottime = _usable(gettime, getattr(time, "CLOCK_BOOTTIME", None))
        if boottime is not None:
            return boottime
    elif platform == "darwin":
        clock = _usable(gettime, getattr(time, "CLOCK_MONOTONIC", None))
        if clock is not None:
            return clock
    elif platform == "win32":
        return monotonic
    return SuspendDetectingClock(monotonic, wall)


def _usable(gettime: ClockGettime | None, clock_id: int | None) -> Clock | None:
    """`clock_gettime` bound to `clock_id`, if this system has and can read that clock."""
    if gettime is None or clock_id is None:
        return None
    clock: Clock = partial(gettime, clock_id)
    try:
        clock()
    except OSError:  # e.g. a kernel older than the clock
        return None
    return clock


#: The app's one monotonic clock for deadlines (a single instance, so that the fallback's
#: record of sleeps is shared by everyone who reads it).
monotonic_clock: Clock = suspend_aware_clock()


def whole_seconds(seconds: float) -> int:
    """Seconds as a countdown shows them: rounded up (the session's phases, the walk)."""
    return max(0, math.ceil(seconds - SECOND_SLACK_S))
