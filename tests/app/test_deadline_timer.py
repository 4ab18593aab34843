"""The single-shot deadline timer, on a fake clock: it wakes its owner at the deadline, never
before, and stays armed for the owner's next deadline whatever the handler does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.app.deadline_timer import MAX_WAIT_MS, DeadlineTimer
from tests.fakeclock import FakeClock


class Owner:
    """Has work due at its deadlines; `every` apart, or no next one when `every` is None."""

    def __init__(self, clock: FakeClock, every: float | None = 5.0) -> None:
        self.clock = clock
        self.every = every
        self.woken: list[float] = []
        self.fail = False

    def on_due(self) -> None:
        self.woken.append(self.clock.now)
        if self.fail:
            raise ZeroDivisionError("a bug in the handler")

    def next_deadline(self) -> float | None:
        return None if self.every is None else self.clock.now + self.every


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def home(qtbot: QtBot) -> QWidget:
    """The timers' parent: qtbot deletes it, and so the timer, after each test."""
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def make(home: QWidget, clock: FakeClock, every: float | None = 5.0) -> tuple[DeadlineTimer, Owner]:
    owner = Owner(clock, every)
    return DeadlineTimer(clock, owner.on_due, owner.next_deadline, home), owner


def test_the_real_qtimer_wakes_the_owner_once_the_deadline_has_come(
    qtbot: QtBot, home: QWidget, clock: FakeClock
) -> None:
    timer, owner = make(home, clock)
    clock.advance(30)  # the deadline is already behind: a 0 ms wait
    timer.arm(clock.now - 1)
    assert timer.timer.interval() == 0 and timer.timer.isSingleShot()
    qtbot.waitUntil(lambda: owner.woken == [clock.now], timeout=1000)
    assert timer.deadline == clock.now + 5 and timer.timer.interval() == 5000  # re-armed


def test_a_timer_that_fires_early_waits_for_the_rest_without_waking_the_owner(
    home: QWidget, clock: FakeClock
) -> None:
    timer, owner = make(home, clock)
    deadline = clock.now + 2
    timer.arm(deadline)
    assert timer.timer.interval() == 2000
    clock.now = deadline - 0.0004  # Qt fired a fraction of a millisecond early
    timer.fire_if_due()
    assert owner.woken == [] and timer.deadline == deadline
    assert timer.timer.isActive() and timer.timer.interval() == 1
    clock.now = deadline
    timer.fire_if_due()
    assert owner.woken == [deadline]


def test_a_wait_longer_than_qt_can_take_is_made_of_several(home: QWidget, clock: FakeClock) -> None:
    timer, owner = make(home, clock)
    days_30 = 30 * 24 * 3600.0
    deadline = clock.now + days_30
    timer.arm(deadline)
    assert timer.timer.interval() == MAX_WAIT_MS  # about 24.8 days
    clock.advance(MAX_WAIT_MS / 1000)
    timer.fire_if_due()  # the capped wait is over, the deadline is not
    assert owner.woken == []
    assert timer.timer.interval() == round(days_30 * 1000) - MAX_WAIT_MS
    clock.now = deadline
    timer.fire_if_due()
    assert owner.woken == [deadline]


def test_an_exception_in_the_handler_still_leaves_the_timer_armed(
    home: QWidget, clock: FakeClock
) -> None:
    timer, owner = make(home, clock)
    owner.fail = True
    timer.arm(clock.now)
    with pytest.raises(ZeroDivisionError):
        timer.fire_if_due()
    assert timer.is_armed and timer.deadline == clock.now + 5 and timer.timer.isActive()
    with pytest.raises(ZeroDivisionError):
        timer.run_now()
    assert timer.is_armed and timer.timer.isActive()


def test_no_next_deadline_and_disarm_leave_nothing_pending(home: QWidget, clock: FakeClock) -> None:
    timer, owner = make(home, clock, every=None)
    timer.arm(clock.now)
    timer.fire_if_due()
    assert owner.woken == [clock.now]
    assert not timer.is_armed and not timer.timer.isActive()
    timer.arm(clock.now + 10)
    timer.disarm()
    assert not timer.is_armed and not timer.timer.isActive()
    clock.advance(60)
    timer.fire_if_due()  # a stray timeout after disarming wakes no one
    assert owner.woken == [clock.now - 60]
