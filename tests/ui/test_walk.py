"""The reminder's short walk in the app: started from the popup or by keyboard from the tray's
menu and the status window, its countdown in the tooltip and the status window (redrawn only
while shown), "End the walk", and its end: one soft cue (mute and volume respected), a quiet
note, the answer in the history."""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QToolButton
from pytestqt.qtbot import QtBot

from lowback_timer.app.desktop_watch import IdleMonitor
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.app.sound import SoundPlayer
from lowback_timer.core.content import Content
from lowback_timer.ui.background import Background
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.reminder_popup import ReminderPopup
from tests.fakeclock import FakeClock
from tests.helpers import open_window, popup_of
from tests.ui.test_tray import british_english  # noqa: F401  (autouse: times as 11:00)

pytestmark = pytest.mark.qt_log_ignore("No such signal QPlatformNativeInterface::systemTray")

MONDAY_10 = datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
HOUR = 3600.0


class HeardCues(SoundPlayer):
    """Records each cue asked for, with the mute and volume it was asked with."""

    def __init__(self) -> None:
        super().__init__(use_audio=False)
        self.cues: list[tuple[str, bool, float]] = []

    def play(self, cue: str) -> None:
        self.cues.append((cue, self.muted, self.volume))
        super().play(cue)


@pytest.fixture
def boot() -> FakeClock:
    return FakeClock()


@pytest.fixture
def window(qtbot: QtBot, content: Content, tmp_path: Path) -> MainWindow:
    return open_window(qtbot, content, tmp_path)


def made(qtbot: QtBot, window: MainWindow, boot: FakeClock, *, has_tray: bool) -> Background:
    start = boot.now

    def wall() -> datetime:
        return MONDAY_10 + timedelta(seconds=boot.now - start)

    popup = ReminderPopup()
    qtbot.addWidget(popup)
    service = ReminderService(window.controller, popup, boot=boot, wall=wall)
    background = Background(
        window.controller,
        window,
        service=service,
        has_tray=lambda: has_tray,
        idle=IdleMonitor([]),
        sounds=HeardCues(),
    )
    if background.status_window is not None:
        qtbot.addWidget(background.status_window)
    return background


def cues(background: Background) -> list[tuple[str, bool, float]]:
    assert isinstance(background.sounds, HeardCues)
    return background.sounds.cues


def to_the_end(service: ReminderService, boot: FakeClock) -> int:
    """Let the walk's timer fire, each time at what it is armed for, until the walk is over;
    how many times it woke."""
    wakes = 0
    while service.walk.running:
        deadline = service.walk.timer.deadline
        assert deadline is not None
        boot.now = deadline
        service.walk.timer.fire_if_due()
        wakes += 1
    return wakes


def test_the_walk_by_keyboard_in_the_status_window(
    qtbot: QtBot, window: MainWindow, boot: FakeClock
) -> None:
    """Where there is no tray: Tab to "Walk for 2 minutes", Enter; then "End the walk" the
    same way. (The popup's own buttons never take the keyboard: see test_reminder_popup.)"""
    background = made(qtbot, window, boot, has_tray=False)
    status = background.status_window
    assert status is not None
    window.hide()
    status.show()
    qtbot.waitExposed(status)
    status.activateWindow()
    qtbot.waitUntil(status.isActiveWindow)

    def tabbed(until: str = "") -> list[QToolButton]:
        """The buttons Tab goes through from the first one shown (up to the one saying
        `until`, which keeps the focus)."""
        visible = [b for b in status.buttons if b.isVisible()]
        visible[0].setFocus()
        met: list[QToolButton] = []
        for _ in visible:
            focused = QApplication.focusWidget()
            assert isinstance(focused, QToolButton)
            met.append(focused)
            if focused.text() == until:
                break
            qtbot.keyClick(focused, Qt.Key.Key_Tab)
        return met

    def tab_to(text: str) -> QToolButton:
        reached = tabbed(until=text)[-1]
        assert reached.text() == text and reached.hasFocus()
        return reached

    with qtbot.waitSignal(background.service.happened) as said:
        qtbot.keyClick(tab_to("Walk for 2 minutes"), Qt.Key.Key_Return)
    assert said.args == ["walk"] and background.service.walk.running
    assert status.status.text() == "Walking: 2:00 left"
    # Tab follows the buttons as they stand: "End the walk" where "Walk…" was.
    assert [b.text() for b in tabbed()] == [
        "Open Low-back Timer",
        "Start my routine",
        "Stand up now",
        "I just moved",
        "End the walk",
        "Pause for an hour",
    ]
    walk_button = next(b for b in status.buttons if b.text() == "Walk for 2 minutes")
    end_button = tab_to("End the walk")
    qtbot.waitUntil(lambda: end_button.geometry() == walk_button.geometry())  # no hole
    boot.advance(25)
    qtbot.keyClick(end_button, Qt.Key.Key_Return)
    assert not background.service.walk.running
    assert status.status.text() == "Next posture reminder at 11:00"
    assert cues(background) == []  # back early: nothing to call them back


def test_the_walk_by_keyboard_in_the_tray_menu(
    qtbot: QtBot, window: MainWindow, boot: FakeClock
) -> None:
    background = made(qtbot, window, boot, has_tray=True)
    assert background.tray is not None
    menu = background.tray.menu
    menu.popup(menu.pos())
    qtbot.waitExposed(menu)
    for _ in menu.actions():
        if menu.activeAction() is background.commands.walk_action:
            break
        qtbot.keyClick(menu, Qt.Key.Key_Down)
    assert menu.activeAction() is background.commands.walk_action
    qtbot.keyClick(menu, Qt.Key.Key_Return)
    assert background.service.walk.running
    walking = [a.text() for a in menu.actions() if a.isVisible() and a.text()]
    assert "End the walk" in walking and "Walk for 2 minutes" not in walking


def test_walking_the_tooltip_and_the_status_window_count_down_in_each_language(
    qtbot: QtBot, window: MainWindow, boot: FakeClock, lang: str
) -> None:
    words = {
        "en": ("Low-back Timer", "Walking: 1:35 left", "Walk done — welcome back"),
        "ja": ("腰ストレッチタイマー", "歩く時間：残り 1:35", "歩き終わりました。おかえりなさい"),
    }[lang]
    with_tray = made(qtbot, window, boot, has_tray=True)
    assert with_tray.tray is not None
    said: list[tuple[str, str]] = []
    with_tray.tray.say = lambda title, text: said.append((title, text))  # type: ignore[method-assign]
    popup_of(with_tray.service).walk_button.click()
    boot.advance(25)  # the tray shows the countdown: its timer wakes each second
    with_tray.service.walk.timer.fire_if_due()
    assert with_tray.tray.icon.toolTip() == f"{words[0]}\n{words[1]}"
    assert with_tray.commands.status_action.text() == words[1]
    to_the_end(with_tray.service, boot)
    assert said == [(words[2], with_tray.commands.status_text())]

    other = FakeClock()
    without = made(qtbot, window, other, has_tray=False)
    assert without.status_window is not None
    without.status_window.show()
    without.service.start_walk()
    other.advance(25)
    without.service.walk.timer.fire_if_due()
    assert without.status_window.status.text() == words[1]


def test_the_countdown_wakes_the_app_only_while_it_is_shown(
    qtbot: QtBot, window: MainWindow, boot: FakeClock
) -> None:
    background = made(qtbot, window, boot, has_tray=False)
    status = background.status_window
    assert status is not None and not status.isVisible()  # the main window is open
    background.service.start_walk()
    walk = background.service.walk
    assert walk.timer.deadline == boot.now + 120  # nothing shows it: only its end
    boot.advance(10.5)
    status.show()
    assert status.status.text() == "Walking: 1:50 left"  # drawn afresh as it shows
    assert walk.timer.deadline == boot.now + 0.5  # now once a second
    boot.now = walk.timer.deadline
    walk.timer.fire_if_due()
    assert status.status.text() == "Walking: 1:49 left"
    status.hide()
    assert walk.walk is not None and walk.timer.deadline == walk.walk.deadline  # its end alone


def test_at_the_end_one_soft_cue_and_a_quiet_line(
    qtbot: QtBot, window: MainWindow, boot: FakeClock
) -> None:
    background = made(qtbot, window, boot, has_tray=False)
    status = background.status_window
    assert status is not None
    window.hide()
    status.show()
    popup = popup_of(background.service)
    background.service.show_now()
    popup.walk_button.click()
    assert to_the_end(background.service, boot) == 120  # once a second, while it was shown
    assert cues(background) == [("done", False, 0.6)]
    assert status.note.isVisible() and status.note.text() == "Walk done — welcome back"
    assert status.status.text() == "Next posture reminder at 11:02"  # an hour from its end
    background.service.show_now()  # the next reminder: the line has said its piece
    assert not status.note.isVisible()


def test_muted_the_end_is_silent(qtbot: QtBot, window: MainWindow, boot: FakeClock) -> None:
    controller = window.controller
    controller.update_settings(replace(controller.settings, muted=True, volume=0.3))
    background = made(qtbot, window, boot, has_tray=True)
    background.service.start_walk()
    to_the_end(background.service, boot)
    assert cues(background) == [("done", True, 0.3)]  # asked muted: SoundPlayer plays nothing
    assert not background.sounds.playing


def test_the_walk_is_recorded_as_an_answered_reminder(
    qtbot: QtBot, window: MainWindow, boot: FakeClock
) -> None:
    background = made(qtbot, window, boot, has_tray=True)
    background.service.show_now()
    popup_of(background.service).walk_button.click()
    to_the_end(background.service, boot)
    assert window.history.flush()
    with contextlib.closing(sqlite3.connect(window.history.path)) as conn:
        events = [event for (event,) in conn.execute("SELECT event FROM reminders ORDER BY id")]
    assert events == ["shown", "walk"]
