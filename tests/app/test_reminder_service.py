"""The reminders at run time, on fake clocks: the popup comes when due and not before, "I moved"
and snooze move the next one, and turning reminders off stops them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from lowback_timer.app.desktop_questions import DesktopAnswers
from lowback_timer.app.reminder_service import ReminderService, State
from lowback_timer.core.content import Content
from lowback_timer.ui.reminder_popup import ReminderPopup
from tests.fakeclock import FakeClock
from tests.helpers import make_controller, popup_of

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
HOUR = 3600.0


@pytest.fixture
def boot() -> FakeClock:
    return FakeClock()


@pytest.fixture
def service(qtbot: QtBot, content: Content, tmp_path: Path, boot: FakeClock) -> ReminderService:
    start = boot.now

    def wall() -> datetime:
        return MONDAY_10 + timedelta(seconds=boot.now - start)

    popup = ReminderPopup()
    qtbot.addWidget(popup)
    return ReminderService(make_controller(content, tmp_path), popup, boot=boot, wall=wall)


def wake(service: ReminderService, boot: FakeClock) -> None:
    """Move the clock to what the one timer is armed for, and let it fire."""
    deadline = service.timer.deadline
    assert deadline is not None and service.timer.is_armed
    boot.now = deadline
    service.timer.fire_if_due()


def test_the_popup_comes_after_an_hour_and_not_before(
    service: ReminderService, boot: FakeClock, content: Content
) -> None:
    start = boot.now
    shown: list[str] = []
    service.reminder_shown.connect(shown.append)
    while not shown:
        wake(service, boot)
        assert boot.now - start <= HOUR
    assert boot.now - start == HOUR
    assert popup_of(service).isVisible()
    assert popup_of(service).text.text() == shown[0] == content.prompts[0].text("en")
    assert service.next_due() == boot.now + HOUR  # the next interval began when it showed


def test_i_moved_and_snooze_move_the_next_reminder(
    service: ReminderService, boot: FakeClock
) -> None:
    boot.advance(20 * 60)
    popup_of(service).moved_button.click()  # not shown yet: "I moved" from elsewhere works too
    assert service.next_due() == boot.now + HOUR
    service.snooze(10)
    assert service.next_due() == boot.now + 10 * 60


def test_turned_off_nothing_is_armed(service: ReminderService, boot: FakeClock) -> None:
    controller = service.controller
    controller.update_settings(replace(controller.settings, reminders=False))
    assert service.next_due() is None and not service.timer.is_armed
    controller.update_settings(replace(controller.settings, reminders=True))
    assert service.timer.is_armed


def test_start_a_routine_from_the_popup(qtbot: QtBot, service: ReminderService) -> None:
    with qtbot.waitSignal(service.routine_requested, timeout=1000):
        popup_of(service).routine_button.click()


def test_after_a_walk_the_next_reminder_counts_from_its_end(
    service: ReminderService, boot: FakeClock
) -> None:
    events: list[str] = []
    service.happened.connect(events.append)
    service.show_now()
    boot.advance(30)
    popup_of(service).walk_button.click()
    assert events == ["shown", "walk"] and not popup_of(service).isVisible()
    assert service.walk.running and service.next_due() == boot.now + HOUR  # none while walking
    walked_at = boot.now
    while service.walk.running:  # the service's two timers, each to what it is armed for
        armed = (service.timer.deadline, service.walk.timer.deadline)
        boot.now = min(t for t in armed if t is not None)
        service.walk.timer.fire_if_due()
        service.timer.fire_if_due()
    assert boot.now == walked_at + 120
    assert service.next_due() == boot.now + HOUR  # from the walk's end, not its start
    assert events == ["shown", "walk"]  # its end is not another answer


def test_a_walk_ended_early_counts_from_then(service: ReminderService, boot: FakeClock) -> None:
    service.start_walk()
    boot.advance(50)
    service.start_walk()  # a second "walk" while walking changes nothing
    assert service.walk.remaining_s() == 70
    service.end_walk()
    assert not service.walk.running and not service.walk.timer.is_armed
    assert service.next_due() == boot.now + HOUR


class Desktop:
    """What the desktop says when a reminder is due: idle seconds, busy and locked, set by the
    test. It answers at once, or, with `slow`, only when the test calls `answer()`."""

    def __init__(self) -> None:
        self.idle: float | None = None
        self.busy = False
        self.locked: bool | None = None  # None: the lock services could not tell
        self.asked = 0
        self.slow = False
        self.waiting: list[Callable[[DesktopAnswers], None]] = []

    def ask(self, done: Callable[[DesktopAnswers], None]) -> None:
        self.asked += 1
        if self.slow:
            self.waiting.append(done)
        else:
            done(self.answers())

    def answers(self) -> DesktopAnswers:
        return DesktopAnswers(idle_s=self.idle, busy=self.busy, locked=self.locked)

    def answer(self) -> None:
        for done in self.waiting:
            done(self.answers())
        self.waiting.clear()


@pytest.fixture
def desktop() -> Desktop:
    return Desktop()


@pytest.fixture
def watched(
    qtbot: QtBot, content: Content, tmp_path: Path, boot: FakeClock, desktop: Desktop
) -> ReminderService:
    """A service whose desktop is `desktop`."""
    start = boot.now

    def wall() -> datetime:
        return MONDAY_10 + timedelta(seconds=boot.now - start)

    popup = ReminderPopup()
    qtbot.addWidget(popup)
    return ReminderService(
        make_controller(content, tmp_path), popup, boot=boot, wall=wall, ask=desktop.ask
    )


def until_due(service: ReminderService, boot: FakeClock, events: list[str]) -> None:
    """Let the one timer fire until the reminder's time has come and something happened."""
    before = len(events)
    while len(events) == before:
        wake(service, boot)


def test_back_from_a_walk_no_reminder_and_the_hour_starts_again(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events: list[str] = []
    watched.happened.connect(events.append)
    start = boot.now
    desktop.idle = 35 * 60  # away for 35 of the last 60 minutes
    until_due(watched, boot, events)
    assert events == ["natural break"]
    assert boot.now - start == HOUR
    assert not popup_of(watched).isVisible()
    assert watched.next_due() == boot.now + HOUR


def test_idle_is_asked_only_when_a_reminder_is_due(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events: list[str] = []
    watched.happened.connect(events.append)
    until_due(watched, boot, events)  # the timer woke every five minutes to look
    assert desktop.asked == 1
    assert events == ["shown"]  # idle None (cannot tell): the reminder simply comes


def test_a_short_idle_is_no_break(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events: list[str] = []
    watched.happened.connect(events.append)
    desktop.idle = 4 * 60
    until_due(watched, boot, events)
    assert events == ["shown"] and popup_of(watched).isVisible()


def events_of(service: ReminderService) -> list[str]:
    """What happens to the reminders from now on, as `happened` says it."""
    events: list[str] = []
    service.happened.connect(events.append)
    return events


def until_asked(service: ReminderService, boot: FakeClock, desktop: Desktop) -> None:
    """Let the one timer fire until the reminder is due and the desktop, slow to answer this
    time, has been asked."""
    desktop.slow = True
    while not desktop.waiting:
        wake(service, boot)


def test_a_slow_idle_answer_shows_the_popup_when_it_comes(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events, start = events_of(watched), boot.now
    desktop.idle = 4 * 60
    until_asked(watched, boot, desktop)
    assert boot.now - start == HOUR
    assert events == [] and not popup_of(watched).isVisible()  # asked; nothing decided yet
    desktop.answer()
    assert events == ["shown"] and popup_of(watched).isVisible()
    assert watched.next_due() == boot.now + HOUR


def test_a_slow_answer_of_a_long_idle_counts_a_natural_break(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events = events_of(watched)
    desktop.idle = 35 * 60
    until_asked(watched, boot, desktop)
    desktop.answer()
    assert events == ["natural break"] and not popup_of(watched).isVisible()
    assert watched.next_due() == boot.now + HOUR
    assert watched.timer.deadline is not None and watched.timer.deadline > boot.now


def test_no_second_question_while_the_desktop_is_answering(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    until_asked(watched, boot, desktop)
    for _ in range(3):  # the timer looks again meanwhile (five minutes apart on this clock)
        wake(watched, boot)
    assert desktop.asked == 1 and len(desktop.waiting) == 1
    desktop.answer()
    assert popup_of(watched).isVisible()


def test_an_answer_after_i_moved_shows_nothing(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events = events_of(watched)
    until_asked(watched, boot, desktop)
    popup_of(watched).moved_button.click()  # while the desktop was still answering
    desktop.answer()
    assert events == ["moved"] and not popup_of(watched).isVisible()
    assert watched.next_due() == boot.now + HOUR


def test_a_presentation_holds_the_reminder_back_up_to_the_limit(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    controller = watched.controller
    controller.update_settings(replace(controller.settings, reminder_defer_limit_min=5))
    events: list[str] = []
    watched.happened.connect(events.append)
    desktop.busy = True
    until_due(watched, boot, events)
    due_at = boot.now
    while events[-1] == "deferred":
        assert not popup_of(watched).isVisible()
        until_due(watched, boot, events)
    assert events[-1] == "shown" and popup_of(watched).isVisible()
    assert boot.now - due_at == 5 * 60  # five minutes late, then it came anyway


def test_the_presentation_ends_and_the_reminder_comes_a_minute_later(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events: list[str] = []
    watched.happened.connect(events.append)
    desktop.busy = True
    until_due(watched, boot, events)
    desktop.busy = False
    due_at = boot.now
    until_due(watched, boot, events)
    assert events == ["deferred", "shown"]
    assert boot.now - due_at == 60


def test_locked_the_popup_goes_and_nothing_comes_until_unlocked(
    watched: ReminderService, boot: FakeClock
) -> None:
    watched.show_now()
    assert popup_of(watched).isVisible()
    watched.locked()
    assert not popup_of(watched).isVisible()
    assert watched.next_due() is None
    boot.advance(2 * HOUR)
    watched.unlocked()
    assert watched.next_due() == boot.now + HOUR


def test_after_waking_the_countdown_starts_again(watched: ReminderService, boot: FakeClock) -> None:
    boot.advance(50 * 60)
    watched.woke()  # the desktop said so (logind's PrepareForSleep(false))
    assert watched.next_due() == boot.now + HOUR


def test_pauses_and_resume(watched: ReminderService, boot: FakeClock) -> None:
    watched.pause_for(HOUR)
    assert watched.next_due() == boot.now + 2 * HOUR  # an hour's pause, then a full interval
    watched.pause_until_resumed()
    assert watched.next_due() is None
    assert watched.timer.is_armed  # it still looks now and then, to notice a sleep
    watched.resume()
    assert watched.next_due() == boot.now + HOUR
    watched.pause_until_tomorrow()
    due = watched.next_due()
    assert due is not None
    assert watched.reminders.wall_time(due) == datetime(
        2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo")
    )


# --- a lock whose unlock never comes ------------------------------------------------------------
def test_a_lock_is_not_asked_about_before_the_reminder_would_be_due(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    start = boot.now
    while boot.now - start < 10 * 60:
        wake(watched, boot)
    watched.locked()
    while boot.now - start < HOUR - 300:  # it looks every five minutes
        wake(watched, boot)
    assert desktop.asked == 0 and watched.status().state is State.LOCKED


def test_a_lock_with_no_unlock_ends_when_the_desktop_says_not_locked(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    """gnome-screensaver said ActiveChanged(true) and crashed: no unlock signal ever came."""
    events, start = events_of(watched), boot.now
    while boot.now - start < 20 * 60:
        wake(watched, boot)
    watched.locked()
    desktop.locked = False  # GetActive answers false (or the locker is gone, LockedHint false)
    until_due(watched, boot, events)
    assert events == ["shown"] and popup_of(watched).isVisible()
    assert boot.now - start == HOUR  # at the hour, as if the lock had never been heard
    assert desktop.asked == 1
    assert not watched.reminders.is_locked and watched.status().state is State.NEXT


def test_a_lock_lifted_after_a_long_absence_is_a_natural_break(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    events = events_of(watched)
    watched.locked()
    desktop.locked, desktop.idle = False, 50 * 60
    until_due(watched, boot, events)
    assert events == ["natural break"] and not popup_of(watched).isVisible()
    assert watched.next_due() == boot.now + HOUR


def test_still_locked_when_asked_the_reminder_waits_and_is_asked_about_again(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    """logind's LockedHint says true: the lock holds, and is asked about at each look."""
    events = events_of(watched)
    watched.locked()
    desktop.locked = True
    while desktop.asked < 3:
        wake(watched, boot)
    assert events == [] and not popup_of(watched).isVisible()
    assert watched.status().state is State.LOCKED and watched.timer.is_armed
    asked_at = boot.now
    desktop.locked = False  # unlocked, the unlock signal lost
    until_due(watched, boot, events)
    assert events == ["shown"] and boot.now - asked_at == 300


def test_a_lock_check_not_answered_in_time_keeps_the_lock_until_the_next_look(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    """No answer within the limit (DesktopQuestions gives None): the last known state, for one
    look only; never a lock that lasts for good."""
    events = events_of(watched)
    watched.locked()
    until_asked(watched, boot, desktop)
    desktop.locked = None
    desktop.answer()
    assert events == [] and watched.status().state is State.LOCKED
    asked_at = boot.now
    desktop.slow, desktop.locked = False, False
    until_due(watched, boot, events)
    assert events == ["shown"] and boot.now - asked_at == 300


def test_a_lock_the_signals_missed_holds_the_reminder_back(
    watched: ReminderService, boot: FakeClock, desktop: Desktop
) -> None:
    """Locked before the app started (no signal): the reminder's question finds it."""
    events = events_of(watched)
    desktop.locked = True
    while desktop.asked == 0:
        wake(watched, boot)
    assert events == [] and not popup_of(watched).isVisible()
    assert watched.status().state is State.LOCKED
    boot.advance(30 * 60)
    watched.unlocked()  # the signal, this time
    assert watched.next_due() == boot.now + HOUR
