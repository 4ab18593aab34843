"""The short walk the hourly reminder offers ("Walk for 2 minutes"): one absolute deadline on
the monotonic clock (core.clock's, which counts suspend), nothing counted.

The app arms one single-shot timer: for `next_change()` (the next moment the countdown's whole
seconds change) while something shows the countdown, else for `deadline` alone. Whatever
fires late or early, `remaining_s()` is read from the deadline, so the countdown never drifts.
"""

from __future__ import annotations

from lowback_timer.core.clock import Clock, whole_seconds

#: How long the walk lasts, in seconds. The source article asks for a change of posture every
#: hour: stand up, move the hips, walk a little (軽く歩く); NICE NG59 (low back pain and
#: sciatica) favours staying active over rest. Two minutes is "a little": enough for the calf
#: pump to work on legs that stood or sat still, short enough to fit into any hour of work.
WALK_S = 120


class Walk:
    """One walk, started when it is made. Times are on `clock`."""

    def __init__(self, clock: Clock, duration_s: float = WALK_S) -> None:
        self.clock = clock
        self.duration_s = duration_s
        self.started = clock()
        self.deadline = self.started + duration_s

    def remaining_s(self, now: float | None = None) -> float:
        """Seconds to the end, never below 0."""
        now = self.clock() if now is None else now
        return max(0.0, self.deadline - now)

    def done(self, now: float | None = None) -> bool:
        now = self.clock() if now is None else now
        return now >= self.deadline

    def shown_s(self, now: float | None = None) -> int:
        """The whole seconds a countdown shows: rounded up, as `core.language.format_clock`
        does (2:00 at the start, 0:01 until the very end), as the timer's countdown."""
        return whole_seconds(self.remaining_s(now))

    def next_change(self, now: float | None = None) -> float:
        """When the shown seconds next change (the deadline at the last one): always after
        `now` while the walk runs, so a timer armed for it never spins."""
        now = self.clock() if now is None else now
        shown = self.shown_s(now)
        return self.deadline - max(0, shown - 1) if shown else self.deadline
