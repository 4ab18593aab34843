"""The reminder's short walk at run time: core/walk.py's deadline and one DeadlineTimer.

Light, as the app in the tray must be: with no walk nothing is armed; during a walk the timer
wakes once a second (when the countdown's whole seconds change) only while something shows the
countdown (`watch`: the tray's tooltip, the status window while it is on screen), else only at
the walk's end. Signals:

- `ticked`: the countdown shown changed (at most once a second);
- `ended(bool)`: the walk is over: True when it ran its time, False when ended early.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from lowback_timer.app.deadline_timer import DeadlineTimer
from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.walk import WALK_S, Walk


class WalkTimer(QObject):
    ticked = Signal()
    ended = Signal(bool)

    def __init__(
        self,
        clock: Clock = monotonic_clock,
        duration_s: float = WALK_S,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self.duration_s = duration_s
        self.walk: Walk | None = None
        self._watchers: set[str] = set()
        self.timer = DeadlineTimer(clock, self._due, self._next, self)

    @property
    def running(self) -> bool:
        return self.walk is not None

    def remaining_s(self) -> float:
        return self.walk.remaining_s() if self.walk is not None else 0.0

    def start(self) -> None:
        """A walk from now (one already running goes on as it is)."""
        if self.walk is None:
            self.walk = Walk(self.clock, self.duration_s)
            self.timer.rearm()

    def end(self) -> None:
        """ "End the walk": over now, early."""
        if self.walk is not None:
            self.walk = None
            self.timer.disarm()
            self.ended.emit(False)

    def watch(self, watcher: str, showing: bool) -> None:
        """`watcher` (a name: "tray", "status window") shows the countdown, or stopped."""
        if showing:
            self._watchers.add(watcher)
        else:
            self._watchers.discard(watcher)
        self.timer.rearm()

    @property
    def watched(self) -> bool:
        return bool(self._watchers)

    def _next(self) -> float | None:
        if self.walk is None:
            return None
        return self.walk.next_change() if self._watchers else self.walk.deadline

    def _due(self) -> None:
        if self.walk is None:
            return
        if self.walk.done():
            self.walk = None
            self.ended.emit(True)
        else:
            self.ticked.emit()
