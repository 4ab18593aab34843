"""The hourly posture reminder: when the next one is due, as an absolute time on the boot clock.

Two clocks come in, both injected:

- `boot`: monotonic and counting suspend (core.clock's); intervals and deadlines live on it, so
  a DST change or a clock set by hand never moves them;
- `wall`: the local time as an aware datetime; only for the working days and hours. A wall-clock
  target (9:00 next Monday) becomes a boot time by the offset between the two clocks *now*,
  computed in UTC, so a DST change in between neither repeats nor skips an hour.

Nothing here counts ticks or keeps a queue. There is one due time; the UI arms one single-shot
timer for `next_check()` and asks `due()` when it fires. A missed slot is not replayed: a call
well after the expected look (the computer slept, or the app hung) or a jump of the wall clock
restarts the countdown, so after a sleep there is at most one reminder, and none during the first
minutes after waking.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta, timezone, tzinfo

from lowback_timer.core.clock import Clock, monotonic_clock
from lowback_timer.core.settings import Settings, clamp, limits, setting

log = logging.getLogger(__name__)

WallClock = Callable[[], datetime]

#: The UI looks at least this often (`next_check()`), so that a sleep is noticed soon after
#: waking even when the next reminder is far away (overnight, a long pause).
LOOK_EVERY_S = 300.0
#: A look later than expected by more than this means the computer slept or the app hung.
LATE_LOOK_S = 120.0
#: The wall clock moving more than this apart from the boot clock between two looks is a clock
#: change (or a suspend the boot clock missed): the countdown restarts.
WALL_JUMP_S = 120.0
#: Idle for at least this share of the interval, seen when a reminder is due, counts as a break.
NATURAL_BREAK_SHARE = 0.5
#: Snoozes are clamped to this many minutes.
#: "Snooze": how long the popup's and the tray's snooze waits, and the range any snooze is
#: clamped to.
SNOOZE_MIN = 10
SNOOZE_LIMITS = (1, 60)
#: While the desktop is busy (notifications inhibited, a full-screen window), a due reminder
#: is asked about again this often, up to the rules' `defer_limit_min`.
DEFER_RETRY_S = 60.0

_SETTINGS = Settings()  # the defaults
WEEKDAYS = frozenset(range(7))  # Monday = 0, as `date.weekday()`


def in_system_zone(moment: datetime) -> datetime:
    """`moment` in the system's zone; UTC where the zone is one Python cannot represent (a
    POSIX TZ such as "UTC+24" has an offset of a whole day), said once in the log, so that
    reminders still come instead of silently never starting."""
    try:
        return moment.astimezone()
    except (ValueError, OverflowError) as exc:
        if not _told_zone:
            _told_zone.append(True)
            log.warning("the system's time zone cannot be used (%s); reminders use UTC", exc)
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


_told_zone: list[bool] = []


def _local_wall() -> datetime:
    return in_system_zone(datetime.now())


@dataclass(frozen=True)
class ReminderRules:
    """When reminders may come. Numbers outside their range are clamped."""

    # The defaults and ranges are the settings' (core/settings.py), declared there once.
    interval_min: int = setting(_SETTINGS.reminder_interval_min, *limits("reminder_interval_min"))
    #: Working days, Monday = 0. None of them: no reminders at all.
    days: frozenset[int] = frozenset(range(5))
    #: Working hours as minutes of the day, [start, end); start after end spans midnight
    #: (22:00-06:00, a night shift); start == end means all day.
    start_min: int = setting(_SETTINGS.work_start_min, *limits("work_start_min"))
    end_min: int = setting(_SETTINGS.work_end_min, *limits("work_end_min"))
    #: No reminder in the first minutes after waking (or after the wall clock jumped).
    wake_grace_min: int = setting(5, 0, 60)
    #: How long a due reminder waits for a presentation or "do not disturb" to end; after
    #: that it comes anyway. 0: it never waits.
    defer_limit_min: int = setting(
        _SETTINGS.reminder_defer_limit_min, *limits("reminder_defer_limit_min")
    )

    def __post_init__(self) -> None:
        for f in fields(self):
            bounds = f.metadata.get("range")
            if bounds is not None:
                object.__setattr__(self, f.name, clamp(getattr(self, f.name), bounds, int))
        object.__setattr__(self, "days", frozenset(d for d in self.days if d in WEEKDAYS))

    @property
    def interval_s(self) -> float:
        return self.interval_min * 60.0

    @property
    def all_day(self) -> bool:
        return self.start_min == self.end_min

    def is_working(self, local: datetime) -> bool:
        if local.weekday() not in self.days:
            return False
        minute = local.hour * 60 + local.minute + local.second / 60 + local.microsecond / 6e7
        if self.start_min > self.end_min:  # over midnight
            return minute >= self.start_min or minute < self.end_min
        return self.all_day or self.start_min <= minute < self.end_min

    def next_start(self, local: datetime, tz: tzinfo | None) -> datetime | None:
        """The start of the first working period at or after `local` (aware), or None when
        there are no working days. `tz` None means the system's local zone."""
        if self.is_working(local):
            return local
        start = 0 if self.all_day else self.start_min
        for ahead in range(8):
            day = local.date() + timedelta(days=ahead)
            if day.weekday() not in self.days:
                continue
            candidate = _localize(day, start, tz)
            if candidate > local:
                return candidate
        return None


def _localize(day: date, minute: int, tz: tzinfo | None) -> datetime:
    naive = datetime(day.year, day.month, day.day, minute // 60, minute % 60)
    # A real zone knows its DST rules; None (the system's zone) asks the C library.
    return naive.replace(tzinfo=tz) if tz is not None else in_system_zone(naive)


def _zone(wall: datetime) -> tzinfo | None:
    """The zone to build wall-clock targets in. `datetime.now().astimezone()` carries only
    today's fixed offset, which is wrong across a DST change: use the system's zone then."""
    tz = wall.tzinfo
    return None if tz is None or isinstance(tz, timezone) else tz


@dataclass
class _Look:
    boot: float
    wall_utc: datetime


class Reminders:
    """The reminder state machine. Commands take effect at the boot clock's now."""

    def __init__(
        self,
        rules: ReminderRules | None = None,
        *,
        boot: Clock = monotonic_clock,
        wall: WallClock = _local_wall,
    ) -> None:
        self.rules = rules or ReminderRules()
        self.boot = boot
        self.wall = wall
        now = boot()
        self._start = now  # the current interval began here
        self._snoozed_until: float | None = None
        self._paused_until: float | None = None
        self._paused_forever = False
        self._locked = False
        self._grace_until = now
        self._deferred_since: float | None = None
        self._last = _Look(now, self._wall_utc())

    # --- queries -------------------------------------------------------------------------
    @property
    def is_locked(self) -> bool:
        return self._locked

    def paused(self, now: float | None = None) -> bool:
        now = self.boot() if now is None else now
        return self._paused_forever or (self._paused_until is not None and now < self._paused_until)

    def paused_until(self) -> float | None:
        """Boot time the current timed pause ends; None when not paused for a set time."""
        return None if self._paused_forever else self._paused_until

    def next_due(self) -> float | None:
        """Boot-clock time of the next reminder; None while paused until resumed, while the
        screen is locked, or when there are no working days."""
        return None if self._locked else self._due_unlocked()

    def due_but_locked(self, now: float | None = None) -> bool:
        """Locked, and a reminder would be due now were it not: the time to ask the desktop
        whether the lock still holds (its unlock signal may never come: the locker crashed)."""
        now = self.boot() if now is None else now
        self.check_gap(now)
        when = self._due_unlocked() if self._locked else None
        return when is not None and now >= when

    def _due_unlocked(self) -> float | None:
        if self._paused_forever:
            return None
        target = self._start + self.rules.interval_s
        if self._snoozed_until is not None:
            target = self._snoozed_until
        target = max(target, self._grace_until)
        return self._into_working_time(target)

    def due(self, now: float | None = None) -> bool:
        """Whether a reminder is due now. Looks at the clocks first (see `check_gap`)."""
        now = self.boot() if now is None else now
        self.check_gap(now)
        when = self.next_due()
        return when is not None and now >= when

    def next_check(self) -> float:
        """Boot time to arm the UI's one single-shot timer for: the next reminder, but no later
        than `LOOK_EVERY_S` after the last look (a due reminder that the UI deferred is asked
        about again then)."""
        cap = self._last.boot + LOOK_EVERY_S
        when = self.next_due()
        return cap if when is None or when <= self._last.boot else min(when, cap)

    def wall_time(self, boot_t: float) -> datetime:
        """The local wall-clock time at boot time `boot_t` (for "next reminder at 14:05")."""
        wall_now = self._wall_now()
        offset = wall_now.astimezone(UTC) - timedelta(seconds=self.boot())
        return (offset + timedelta(seconds=boot_t)).astimezone(_zone(wall_now))

    def tomorrow(self) -> float:
        """Boot time of the next local midnight ("pause until tomorrow")."""
        wall_now = self._wall_now()
        midnight = _localize(wall_now.date() + timedelta(days=1), 0, _zone(wall_now))
        return self.boot() + (midnight - wall_now).total_seconds()

    # --- commands ------------------------------------------------------------------------
    def check_gap(self, now: float | None = None) -> bool:
        """Notice a sleep or a clock change since the last look and restart the countdown from
        now, with the wake grace. True when one was found."""
        now = self.boot() if now is None else now
        wall_utc = self._wall_utc()
        boot_moved = now - self._last.boot
        wall_moved = (wall_utc - self._last.wall_utc).total_seconds()
        late = boot_moved > LOOK_EVERY_S + LATE_LOOK_S
        jumped = abs(wall_moved - boot_moved) > WALL_JUMP_S
        self._last = _Look(now, wall_utc)
        if late or jumped:
            self.woke(now)
        return late or jumped

    def woke(self, now: float | None = None) -> None:
        """The computer woke up (the UI may also say so from the session's sleep signal)."""
        now = self.boot() if now is None else now
        self._restart(now)
        self._grace_until = now + self.rules.wake_grace_min * 60.0
        self._last = _Look(now, self._wall_utc())

    def shown(self) -> None:
        """A reminder was shown: the next interval starts now."""
        self._restart(self._look())

    def moved(self) -> None:
        """ "I moved": the interval starts again from now."""
        self._restart(self._look())

    def snooze(self, minutes: float) -> None:
        """Remind again in `minutes` (clamped to SNOOZE_LIMITS)."""
        now = self._look()
        lo, hi = SNOOZE_LIMITS
        self._snoozed_until = now + min(max(minutes, lo), hi) * 60.0

    def pause(self, until: float | None) -> None:
        """No reminders until the boot time `until` (the interval then starts again), or until
        `resume()` when None."""
        now = self._look()
        if until is None:
            self._paused_forever = True
            self._paused_until = None
            return
        self._paused_forever = False
        self._paused_until = max(until, now)
        self._restart(self._paused_until)

    def resume(self) -> None:
        """End a pause now; the interval starts again."""
        now = self._look()
        if self.paused(now):
            self._paused_forever = False
            self._paused_until = None
            self._restart(now)

    def defer(self) -> bool:
        """The desktop is busy (a presentation, "do not disturb") when a reminder is due: wait
        `DEFER_RETRY_S` and ask again, and return True; once the reminder has waited
        `defer_limit_min`, return False: it comes now."""
        now = self._look()
        if self._deferred_since is None:
            self._deferred_since = now
        if now - self._deferred_since >= self.rules.defer_limit_min * 60.0:
            return False
        self._snoozed_until = now + DEFER_RETRY_S
        return True

    def natural_break(self, idle_s: float) -> bool:
        """The desktop says the user has been idle `idle_s` seconds (asked when a reminder is
        due). Long enough, it counts as a break: the interval restarts silently and this returns
        True; otherwise nothing changes."""
        now = self._look()
        if idle_s < NATURAL_BREAK_SHARE * self.rules.interval_s:
            return False
        self._restart(now)
        return True

    def locked(self) -> None:
        """The screen was locked: no reminder until it is unlocked."""
        self._look()
        self._locked = True

    def unlocked(self) -> None:
        """The screen was unlocked: the interval starts again."""
        now = self._look()
        if self._locked:
            self._locked = False
            self._restart(now)

    def lock_lifted(self) -> None:
        """The desktop, asked, says the screen is not locked, though no unlock was heard: the
        lock is dropped and the interval goes on as it was (a reminder whose time has come is
        due now), since when the screen really came back is unknown."""
        self._look()
        self._locked = False

    # --- internals -----------------------------------------------------------------------
    def _look(self) -> float:
        now = self.boot()
        self.check_gap(now)
        return now

    def _restart(self, at: float) -> None:
        # A timed pause holds: the interval starts no earlier than its end.
        self._start = at if self._paused_until is None else max(at, self._paused_until)
        self._snoozed_until = None
        self._deferred_since = None

    def _wall_utc(self) -> datetime:
        return self._wall_now().astimezone(UTC)

    def _wall_now(self) -> datetime:
        wall = self.wall()
        return wall if wall.tzinfo is not None else in_system_zone(wall)

    def _into_working_time(self, target: float) -> float | None:
        """`target`, or the start of the next working period when it falls outside one."""
        boot_now, wall_now = self.boot(), self._wall_now()
        tz = _zone(wall_now)
        offset = wall_now.astimezone(UTC) - timedelta(seconds=boot_now)
        moment = offset + timedelta(seconds=target)
        local = moment.astimezone(tz) if tz is not None else in_system_zone(moment)
        start = self.rules.next_start(local, tz)
        if start is None:
            return None
        if start is local:
            return target
        return (start.astimezone(UTC) - offset).total_seconds()
