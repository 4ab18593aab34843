"""The walk's one timer on a fake clock: armed for the end alone while nothing shows the
countdown, once a second while something does, nothing at all without a walk."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from lowback_timer.app.walk_timer import WalkTimer
from tests.fakeclock import FakeClock


def fire(walk: WalkTimer, clock: FakeClock) -> None:
    """Move the clock to what the timer is armed for, and let it fire."""
    deadline = walk.timer.deadline
    assert deadline is not None
    clock.now = deadline
    walk.timer.fire_if_due()


def test_without_a_walk_nothing_is_armed(qtbot: QtBot) -> None:
    walk = WalkTimer(FakeClock())
    walk.watch("tray", True)
    assert not walk.running and not walk.timer.is_armed and not walk.timer.timer.isActive()


def test_unwatched_it_wakes_only_at_the_end(qtbot: QtBot) -> None:
    clock = FakeClock()
    walk = WalkTimer(clock)
    ticks: list[float] = []
    ends: list[bool] = []
    walk.ticked.connect(lambda: ticks.append(clock.now))
    walk.ended.connect(ends.append)
    walk.start()
    assert walk.timer.deadline == clock.now + 120
    fire(walk, clock)
    assert ticks == [] and ends == [True]
    assert not walk.running and not walk.timer.is_armed


def test_watched_it_ticks_once_a_second_then_ends(qtbot: QtBot) -> None:
    clock = FakeClock()
    walk = WalkTimer(clock)
    ticks: list[float] = []
    ends: list[bool] = []
    walk.ticked.connect(lambda: ticks.append(walk.remaining_s()))
    walk.ended.connect(ends.append)
    walk.start()
    clock.advance(0.3)
    walk.watch("status window", True)  # shown a moment in: the next whole second
    assert walk.timer.deadline == clock.now + 0.7
    while walk.running:
        fire(walk, clock)
    assert ticks[:2] == [119, 118] and ticks[-1] == 1 and len(ticks) == 119
    assert ends == [True]


def test_hidden_again_it_goes_back_to_the_end_alone(qtbot: QtBot) -> None:
    clock = FakeClock()
    walk = WalkTimer(clock)
    walk.start()
    walk.watch("status window", True)
    walk.watch("tray", True)
    walk.watch("status window", False)
    assert walk.watched and walk.timer.deadline == clock.now + 1  # the tray still shows it
    walk.watch("tray", False)
    assert not walk.watched and walk.timer.deadline == clock.now + 120


def test_a_timer_that_fires_late_never_makes_it_drift(qtbot: QtBot) -> None:
    clock = FakeClock()
    walk = WalkTimer(clock)
    walk.watch("tray", True)
    walk.start()
    deadline = walk.timer.deadline
    assert deadline is not None
    clock.now = deadline + 30.4  # a busy loop: woken 30 s late
    walk.timer.fire_if_due()
    assert walk.remaining_s() == pytest.approx(120 - 31.4)
    assert walk.timer.deadline == pytest.approx(clock.now + 0.6)  # the next whole second


def test_ending_early_says_so_and_disarms(qtbot: QtBot) -> None:
    clock = FakeClock()
    walk = WalkTimer(clock)
    ends: list[bool] = []
    walk.ended.connect(ends.append)
    walk.start()
    clock.advance(40)
    walk.start()  # a second start while walking changes nothing
    assert walk.remaining_s() == 80
    walk.end()
    walk.end()
    assert ends == [False] and not walk.running and not walk.timer.is_armed
