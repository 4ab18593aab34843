"""The app in the background: the tray's menu and tooltip say when the next reminder comes and
change it; closing the window keeps the reminders going (in the tray, or in the small status
window where there is no tray); Quit ends it all."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.app.desktop_watch import IdleMonitor
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.app.text import rounded_minutes
from lowback_timer.app.translations import app_locale
from lowback_timer.core.content import Content
from lowback_timer.ui.background import Background
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.reminder_popup import ReminderPopup
from lowback_timer.ui.tray import ReminderActions, StatusWindow, TrayWatcher, clock_time
from tests.fakeclock import FakeClock
from tests.helpers import open_window, popup_of

# The offscreen platform has no tray; Qt says so when a tray icon is made anyway.
pytestmark = pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTray")

TOKYO = ZoneInfo("Asia/Tokyo")
MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=TOKYO)
HOUR = 3600.0


class NoIdle:
    name = "none"

    def ask(self, done: Callable[[float | None], None]) -> None:
        done(None)


@pytest.fixture(autouse=True)
def british_english() -> Iterator[None]:
    """Times as a British English desktop shows them (24-hour)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def window(qtbot: QtBot, content: Content, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, content, tmp_path)


def make_service(qtbot: QtBot, window: MainWindow, boot: FakeClock) -> ReminderService:
    start = boot.now

    def wall() -> datetime:
        return MONDAY_10 + timedelta(seconds=boot.now - start)

    popup = ReminderPopup()
    qtbot.addWidget(popup)
    return ReminderService(window.controller, popup, boot=boot, wall=wall)


def background(
    qtbot: QtBot, window: MainWindow, *, has_tray: bool, boot: FakeClock | None = None
) -> Background:
    service = make_service(qtbot, window, boot or FakeClock())
    made = Background(
        window.controller,
        window,
        service=service,
        has_tray=lambda: has_tray,
        idle=IdleMonitor([NoIdle()]),
    )
    if made.status_window is not None:
        qtbot.addWidget(made.status_window)
    return made


def test_the_menu_says_when_the_next_reminder_comes(qtbot: QtBot, window: MainWindow) -> None:
    actions = background(qtbot, window, has_tray=True).commands
    assert actions.status_text() == "Next posture reminder at 11:00"
    menu = actions.menu()
    texts = [a.text() for a in menu.actions() if a.isVisible() and a.text()]
    assert texts == [
        "Next posture reminder at 11:00",
        "Open Low-back Timer",
        "Start my routine",
        "Stand up now",
        "I just moved",
        "Walk for 2 minutes",
        "Remind me in 10 min",
        "Pause reminders",
        "Preferences…",
        "Quit",
    ]


def test_the_tooltip_follows_the_schedule(qtbot: QtBot, window: MainWindow) -> None:
    boot = FakeClock()
    made = background(qtbot, window, has_tray=True, boot=boot)
    assert made.tray is not None
    assert made.tray.icon.toolTip() == "Low-back Timer\nNext posture reminder at 11:00"
    boot.advance(20 * 60)
    made.commands.moved_action.trigger()
    assert made.tray.icon.toolTip().endswith("Next posture reminder at 11:20")


def test_keyboard_users_answer_the_reminder_from_the_menu(qtbot: QtBot, window: MainWindow) -> None:
    """The popup never takes the focus; its answers are in the tray's menu too."""
    made = background(qtbot, window, has_tray=True)
    made.commands.stand_up_action.trigger()
    assert popup_of(made.service).isVisible()
    # It says what it will start: today's routine, as long as it is (not "a 3-minute" one).
    minutes = rounded_minutes(window.controller.routine.total_s)
    assert popup_of(made.service).routine_button.text() == f"Start my routine (about {minutes} min)"
    made.commands.snooze_action.trigger()
    assert not popup_of(made.service).isVisible()
    assert made.commands.status_text() == "Next posture reminder at 10:10"
    made.commands.stand_up_action.trigger()
    made.commands.moved_action.trigger()
    assert not popup_of(made.service).isVisible()
    assert made.commands.status_text() == "Next posture reminder at 11:00"


def test_pause_for_an_hour_then_resume(qtbot: QtBot, window: MainWindow) -> None:
    actions = background(qtbot, window, has_tray=True).commands
    actions.pause_hour_action.trigger()
    assert actions.status_text() == "Reminders paused until 11:00"
    assert actions.resume_action.isVisible()
    assert not actions.pause_menu.menuAction().isVisible()
    actions.resume_action.trigger()
    assert actions.status_text() == "Next posture reminder at 11:00"
    assert not actions.resume_action.isVisible()


def test_pause_until_tomorrow_names_the_day(qtbot: QtBot, window: MainWindow) -> None:
    actions = background(qtbot, window, has_tray=True).commands
    actions.pause_tomorrow_action.trigger()
    assert actions.status_text() == "Reminders paused until Tue 00:00"
    actions.pause_action.trigger()
    assert actions.status_text() == "Reminders paused until you resume them"


def test_stand_up_now_shows_the_reminder(qtbot: QtBot, window: MainWindow) -> None:
    made = background(qtbot, window, has_tray=True)
    made.commands.stand_up_action.trigger()
    assert popup_of(made.service).isVisible()
    assert popup_of(made.service).text.text() in {
        p.text("en") for p in window.controller.content.prompts
    }


def test_reminders_off_the_menu_says_so(qtbot: QtBot, window: MainWindow) -> None:
    actions = background(qtbot, window, has_tray=True).commands
    controller = window.controller
    controller.update_settings(replace(controller.settings, reminders=False))
    assert actions.status_text() == "Posture reminders are off"
    assert not actions.stand_up_action.isEnabled()
    assert not actions.pause_menu.menuAction().isVisible()


def test_start_my_routine_from_the_tray_opens_the_window_on_the_timer(
    qtbot: QtBot, window: MainWindow
) -> None:
    made = background(qtbot, window, has_tray=True)
    window.close()
    assert not window.isVisible()
    made.commands.routine_action.trigger()
    assert window.isVisible()
    assert window.stack.currentWidget() is window.timer_page


def test_closing_the_window_keeps_the_reminders_in_the_tray(
    qtbot: QtBot, window: MainWindow
) -> None:
    made = background(qtbot, window, has_tray=True)
    window.start_routine()
    assert window.timer_page.busy()
    window.close()
    assert not window.isVisible()
    assert not window.timer_page.busy()  # nothing goes on sounding behind a hidden window
    assert made.service.timer.is_armed
    made.commands.open_action.trigger()
    assert window.isVisible() and window.stack.currentWidget() is window.home


def test_with_reminders_off_closing_the_window_closes_it(qtbot: QtBot, window: MainWindow) -> None:
    made = background(qtbot, window, has_tray=True)
    controller = window.controller
    controller.update_settings(replace(controller.settings, reminders=False))
    closed: list[bool] = []
    window.went_to_background.connect(lambda: closed.append(False))
    window.close()
    assert not window.isVisible() and closed == []
    assert made.status_window is None


def test_without_a_tray_the_status_window_takes_over(qtbot: QtBot, window: MainWindow) -> None:
    made = background(qtbot, window, has_tray=False)
    assert made.tray is None and made.status_window is not None
    window.close()
    assert not window.isVisible()
    assert made.status_window.isVisible()
    assert made.status_window.status.text() == "Next posture reminder at 11:00"
    # The time of the reminder, not the minutes left: nothing wakes the app until it is due.
    assert not any(timer.isActive() for timer in made.status_window.findChildren(QTimer))
    texts = [b.text() for b in made.status_window.buttons if b.isVisible()]
    assert texts == [
        "Open Low-back Timer",
        "Start my routine",
        "Stand up now",
        "I just moved",
        "Walk for 2 minutes",
        "Pause for an hour",
    ]
    made.commands.open_action.trigger()
    assert window.isVisible() and not made.status_window.isVisible()


def fire(timer: QTimer) -> None:
    """What a single-shot timer does when its wait is over, without the wait."""
    assert timer.isActive()
    timer.stop()
    timer.timeout.emit()


def watched_for_a_tray(
    qtbot: QtBot, window: MainWindow, has_tray: Callable[[], bool]
) -> tuple[Background, StatusWindow, TrayWatcher]:
    made = Background(
        window.controller,
        window,
        service=make_service(qtbot, window, FakeClock()),
        has_tray=has_tray,
        idle=IdleMonitor([NoIdle()]),
    )
    assert made.status_window is not None and made.tray_watcher is not None
    qtbot.addWidget(made.status_window)
    return made, made.status_window, made.tray_watcher


def test_a_tray_that_comes_after_the_app_takes_over_from_the_status_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Started at login before the panel: the icon, not the status window, all day."""
    panel = {"up": False}
    made, status, watcher = watched_for_a_tray(qtbot, window, lambda: panel["up"])
    window.close()
    assert status.isVisible() and made.tray is None
    assert watcher.timer.interval() == 1000
    fire(watcher.timer)  # still no tray: it looks again, a little later
    assert watcher.timer.interval() == 2000 and status.isVisible() and made.tray is None
    panel["up"] = True
    fire(watcher.timer)
    assert made.tray is not None and made.tray.icon.isVisible()
    assert not status.isVisible() and made.status_window is None
    assert not watcher.timer.isActive()  # found: it stops looking
    made.commands.open_action.trigger()
    window.close()  # from now on the app goes to the tray, and no status window comes back
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    assert shown == [] and made.tray.icon.isVisible()


def test_no_tray_for_two_minutes_the_watcher_stops_and_the_status_window_stays(
    qtbot: QtBot, window: MainWindow
) -> None:
    asked: list[bool] = []

    def no_tray() -> bool:
        asked.append(False)
        return False

    made, status, watcher = watched_for_a_tray(qtbot, window, no_tray)
    window.close()
    waits: list[int] = []
    while watcher.timer.isActive():
        waits.append(watcher.timer.interval())
        fire(watcher.timer)
    assert waits == [1000, 2000, 4000, 8000, 16000, 32000, 64000]  # 127 s in all
    assert len(asked) == 1 + len(waits)  # at start, then once after each wait
    assert status.isVisible() and made.status_window is status and made.tray is None


def test_start_hidden_shows_only_the_tray_or_the_status_window(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    for has_tray in (True, False):
        window = open_window(qtbot, content, tmp_path / str(has_tray))
        window.hide()
        made = background(qtbot, window, has_tray=has_tray)
        made.start_hidden()
        assert not window.isVisible()
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        assert shown == ([] if has_tray else [made.status_window])


def test_quit_from_the_tray_closes_the_window_for_good(qtbot: QtBot, window: MainWindow) -> None:
    made = background(qtbot, window, has_tray=True)
    with qtbot.waitSignal(window.quit_requested, timeout=1000):  # the app then ends its loop
        made.commands.quit_action.trigger()
    assert not window.isVisible()
    assert window.stays_in_background() is False


def test_the_time_is_the_locales_and_another_day_is_named() -> None:
    now = MONDAY_10
    assert clock_time(now.replace(hour=14, minute=5), now) == "14:05"
    assert clock_time(now + timedelta(days=1), now) == "Tue 10:00"
    # A reminder due at 9:00, a hair early after the boot clock's arithmetic, says 9:00.
    almost = now.replace(hour=8, minute=59, second=59, microsecond=999_000)
    assert clock_time(almost, now) == "09:00"


def test_actions_work_without_any_tray(qtbot: QtBot, window: MainWindow) -> None:
    """The actions do not need a tray: the status window and tests use them alone."""
    service = make_service(qtbot, window, FakeClock())
    actions = ReminderActions(service)
    actions.moved_action.trigger()
    assert actions.status_text() == "Next posture reminder at 11:00"


def test_an_american_desktop_shows_its_twelve_hour_clock() -> None:
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    shown = clock_time(MONDAY_10.replace(hour=14, minute=5), MONDAY_10)
    assert shown.startswith("2:05") and shown.endswith("PM")


def test_the_app_keeps_the_systems_clock_when_it_speaks_the_same_language() -> None:
    assert app_locale("en", QLocale("en_GB")).name() == "en_GB"
    assert app_locale("en", QLocale("ja_JP")).name() == "en_US"
    assert app_locale("ja", QLocale("ja_JP")).name() == "ja_JP"
    assert app_locale("ja", QLocale("de_DE")).name() == "ja_JP"
