"""Starting the GUI from the command line: `lowback-timer session ...` goes straight to the
timer once the safety check has been passed, and asks for the check first otherwise."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.cli import main
from lowback_timer.core.content import Content
from lowback_timer.core.session import State
from lowback_timer.ui.app import application
from lowback_timer.ui.main_window import MainWindow
from tests.ui.helpers import click, finish, open_window

SESSION = ["session", "--type", "nerve", "--place", "floor", "--minutes", "3", "--lang", "en"]


@pytest.fixture
def shown(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """Run the GUI entry point, but instead of entering the event loop, keep the window."""
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(tmp_path))
    application()  # names the app, so QSettings() below is the one run_gui reads
    windows: list[MainWindow] = []

    def fake_exec() -> int:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                qtbot.addWidget(widget)
                windows.append(widget)
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))
    return windows


def test_session_command_starts_the_timer_at_once(
    shown: list[MainWindow], content: Content
) -> None:
    QSettings().setValue("screened_at", time.time())
    assert main(SESSION) == 0
    [window] = shown
    page = window.timer_page
    assert window.stack.currentWidget() is page
    assert page.session is not None and page.session.state is State.RUNNING
    assert page.stretch_name.text() == content.stretch("glutes").name("en")
    assert page.picture.image == content.variant("glutes-floor").image


def test_session_asks_for_the_safety_check_first_when_never_done(
    shown: list[MainWindow],
) -> None:
    assert main(SESSION) == 0
    [window] = shown
    assert window.stack.currentWidget() is window.home
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    click(wizard.safety.none_box)
    finish(wizard)
    assert window.stack.currentWidget() is window.timer_page
    assert window.timer_page.session is not None


def test_an_urgent_sign_in_that_check_gives_the_care_screen_not_the_routine(
    shown: list[MainWindow], content: Content
) -> None:
    assert main(SESSION) == 0
    [window] = shown
    wizard = window.wizard
    assert wizard is not None
    urgent = next(s for s in content.signs if s.tier == 1)
    click(wizard.safety.rows[urgent.id].box)
    finish(wizard)
    assert window.stack.currentWidget() is window.care
    assert window.timer_page.session is None


def test_keys_reach_the_timer_from_the_home_screen_start(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Started with Enter on the home screen, the timer takes Space/Esc at once: the keyboard
    focus moves with the screen, so the user never has to click into the timer first."""
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time())
    window = MainWindow(content, "en", store, data_dir=tmp_path)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.start_button)
    qtbot.keyClick(window.home.start_button, Qt.Key.Key_Return)
    page = window.timer_page
    assert window.stack.currentWidget() is page and page.session is not None
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert page.session.state is State.PAUSED
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    assert page.session.state is State.STOPPED


def test_after_a_stop_for_a_weak_leg_the_next_start_asks_for_the_check(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    window.timer_page.stop()
    window.timer_page.reason_buttons["weakness"].click()
    assert window.stack.currentWidget() is window.care
    window.care.home_button.click()
    window.start_routine()
    assert window.wizard is not None and window.wizard.isVisible()
    assert window.stack.currentWidget() is window.home


@pytest.mark.parametrize("stored", ["nan", "inf", "-inf", "garbage", 4_000_000_000.0])
def test_a_corrupt_check_date_never_skips_the_check(
    qtbot: QtBot, content: Content, tmp_path: Path, stored: object
) -> None:
    window = open_window(qtbot, content, tmp_path, screened_at=stored)
    window.start_routine()
    assert window.wizard is not None and window.wizard.isVisible()
    assert window.timer_page.session is None


def test_nothing_runs_on_behind_another_screen(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    page = window.timer_page
    session = page.session
    assert session is not None
    window.start_routine()  # Ctrl+Return again: the same routine goes on, not a new one
    assert page.session is session and session.state is State.RUNNING
    wizard = window.change_answers()
    assert session.state is State.PAUSED and not page.timer.isActive()
    wizard.reject()
    window.show_home()
    assert session.state is State.STOPPED and session.stop_reason == "left"
    assert not page.timer.isActive()


def test_an_urgent_sign_in_a_check_during_a_routine_ends_it(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    session = window.timer_page.session
    assert session is not None
    wizard = window.run_safety_check()
    urgent = next(s for s in content.signs if s.tier == 1)
    click(wizard.safety.rows[urgent.id].box)
    finish(wizard)
    assert window.stack.currentWidget() is window.care
    assert session.state is State.STOPPED and not window.timer_page.timer.isActive()
