"""The reminders at run time, on fake clocks: the popup comes when due and not before, "I moved"
and snooze move the next one, and turning reminders off stops them."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.ui.reminder_popup import ReminderPopup
from lowback_timer.ui.reminder_service import ReminderService
from tests.fakeclock import FakeClock
from tests.ui.helpers import make_controller

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
    assert service.popup.isVisible()
    assert service.popup.text.text() == shown[0] == content.prompts[0].text("en")
    assert service.next_due() == boot.now + HOUR  # the next interval began when it showed


def test_i_moved_and_snooze_move_the_next_reminder(
    service: ReminderService, boot: FakeClock
) -> None:
    boot.advance(20 * 60)
    service.popup.moved_button.click()  # not shown yet: "I moved" from elsewhere works too
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
        service.popup.routine_button.click()
