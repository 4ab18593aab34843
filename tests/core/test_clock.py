"""Which clock counts suspend on each platform, and the fallback that detects it (fake clocks,
no waiting)."""

from __future__ import annotations

import time

import pytest

from lowback_timer.core.clock import (
    SUSPEND_JUMP_S,
    SuspendDetectingClock,
    monotonic_clock,
    suspend_aware_clock,
)
from tests.fakeclock import FakeClock

BOOTTIME = getattr(time, "CLOCK_BOOTTIME", None)


class FakeKernel:
    """clock_gettime over a few clocks; suspending moves the clocks that count it."""

    def __init__(self, counting_suspend: set[int]) -> None:
        self.counting_suspend = counting_suspend
        self.clocks: dict[int, float] = {}
        self.read: list[int] = []

    def __call__(self, clock_id: int) -> float:
        self.read.append(clock_id)
        return self.clocks.setdefault(clock_id, 100.0)

    def run(self, seconds: float) -> None:
        for clock_id in self.clocks:
            self.clocks[clock_id] += seconds

    def suspend(self, seconds: float) -> None:
        for clock_id in self.clocks:
            if clock_id in self.counting_suspend:
                self.clocks[clock_id] += seconds


@pytest.mark.skipif(BOOTTIME is None, reason="this Python has no CLOCK_BOOTTIME")
def test_on_linux_an_hour_of_suspend_is_an_hour_on_the_clock() -> None:
    assert BOOTTIME is not None
    kernel = FakeKernel(counting_suspend={BOOTTIME})
    clock = suspend_aware_clock("linux", clock_gettime=kernel, monotonic=FakeClock())
    before = clock()
    kernel.run(5)
    kernel.suspend(3600)
    assert clock() - before == 3605
    assert set(kernel.read) == {BOOTTIME}


def test_on_macos_the_monotonic_clock_of_clock_gettime_is_used() -> None:
    kernel = FakeKernel(counting_suspend={time.CLOCK_MONOTONIC})
    clock = suspend_aware_clock("darwin", clock_gettime=kernel)
    before = clock()
    kernel.suspend(600)
    assert clock() - before == 600
    assert set(kernel.read) == {time.CLOCK_MONOTONIC}


def test_on_windows_time_monotonic_is_used_as_it_counts_sleep() -> None:
    monotonic = FakeClock()
    assert suspend_aware_clock("win32", monotonic=monotonic) is monotonic


def test_a_linux_kernel_that_cannot_read_boottime_gets_the_fallback() -> None:
    def broken(clock_id: int) -> float:
        raise OSError(22, "Invalid argument")

    clock = suspend_aware_clock("linux", clock_gettime=broken, monotonic=FakeClock())
    assert isinstance(clock, SuspendDetectingClock)


def test_the_fallback_adds_a_suspend_seen_as_the_wall_clock_running_ahead() -> None:
    monotonic, wall = FakeClock(50.0), FakeClock(1_700_000_000.0)
    clock = suspend_aware_clock("sunos5", monotonic=monotonic, wall=wall)
    assert isinstance(clock, SuspendDetectingClock)
    start = clock()
    monotonic.advance(10)
    wall.advance(10)
    assert clock() - start == 10
    wall.advance(3600)  # suspended for an hour: the monotonic clock stood still
    monotonic.advance(2)
    wall.advance(2)
    assert clock() - start == 3612
    monotonic.advance(1)
    wall.advance(1)
    assert clock() - start == 3613  # counted once


def test_the_fallback_ignores_small_adjustments_and_never_goes_back() -> None:
    monotonic, wall = FakeClock(50.0), FakeClock(1_700_000_000.0)
    clock = SuspendDetectingClock(monotonic, wall)
    start = clock()
    wall.advance(SUSPEND_JUMP_S / 2)  # NTP steps the wall clock a little
    assert clock() == start
    wall.advance(-7200)  # the wall clock is set back two hours
    monotonic.advance(1)
    assert clock() == start + 1


@pytest.mark.skipif(BOOTTIME is None, reason="this Python has no CLOCK_BOOTTIME")
def test_the_apps_clock_on_linux_is_the_boot_clock() -> None:
    assert BOOTTIME is not None
    assert abs(monotonic_clock() - time.clock_gettime(BOOTTIME)) < 1
