"""The one single-shot timer adapter: wake at an absolute deadline on an injected clock.

Schedules live in core as absolute times on a monotonic clock (`core.clock`); this turns the
next one into one pending single-shot `QTimer`. The owner gives two callables:

- `on_due()`: the work to do when the deadline has come;
- `next_deadline()`: when to wake next (None: not at all), asked after every `on_due()`, in a
  `finally`, so an exception in the work never leaves the timer unarmed by mistake.

When the QTimer fires, the clock is read again: a timer that fired early (Qt may) or whose wait
was capped at the int32-milliseconds limit waits on for the rest, without calling `on_due`.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer

from lowback_timer.core.clock import Clock

# QTimer takes an int of milliseconds (about 24.8 days); a longer wait is made of several.
MAX_WAIT_MS = 2**31 - 1


class DeadlineTimer(QObject):
    def __init__(
        self,
        clock: Clock,
        on_due: Callable[[], None],
        next_deadline: Callable[[], float | None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.clock = clock
        self._on_due = on_due
        self._next_deadline = next_deadline
        self._deadline: float | None = None
        self.timer = QTimer(self)  # the one pending wait; read-only for others
        self.timer.setSingleShot(True)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self.fire_if_due)

    @property
    def deadline(self) -> float | None:
        """The clock time it is armed for; None when disarmed."""
        return self._deadline

    @property
    def is_armed(self) -> bool:
        return self._deadline is not None

    def arm(self, deadline: float) -> None:
        """Wake at `deadline` (clock time); a deadline already past wakes at once."""
        self._deadline = deadline
        self._wait(deadline - self.clock())

    def disarm(self) -> None:
        self._deadline = None
        self.timer.stop()

    def rearm(self) -> None:
        """Arm for the owner's `next_deadline()`, or disarm when it is None."""
        deadline = self._next_deadline()
        if deadline is None:
            self.disarm()
        else:
            self.arm(deadline)

    def run_now(self) -> None:
        """Do the due work now (after a user command, or on showing), then re-arm."""
        try:
            self._on_due()
        finally:
            self.rearm()

    def fire_if_due(self) -> None:
        """The QTimer's slot: run the work if the deadline has come, else wait for the rest."""
        if self._deadline is None:
            return
        early = self._deadline - self.clock()
        if early > 0:
            self._wait(early, at_least_ms=1)  # never a busy loop, whatever the clock does
            return
        self._deadline = None
        self.run_now()

    def _wait(self, seconds: float, *, at_least_ms: int = 0) -> None:
        # Rounded up (a microsecond of float noise aside), so that rounding never ends a wait
        # before its deadline.
        wait_ms = math.ceil(seconds * 1000 - 0.001)
        self.timer.start(min(MAX_WAIT_MS, max(at_least_ms, wait_ms)))
