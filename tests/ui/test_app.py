"""Starting the GUI from the command line: `lowback-timer session ...` goes straight to the
timer once the safety check has been passed, and asks for the check first otherwise; the
window's language follows the same rule as the command line's."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.app.translations import chosen_language
from lowback_timer.commands.cli import main
from lowback_timer.core.content import Content
from lowback_timer.core.routine import Phase
from lowback_timer.core.session import State
from lowback_timer.ui.app import application
from lowback_timer.ui.main_window import MainWindow
from tests.helpers import answer_check, sign_of

SESSION = ["session", "--type", "nerve", "--place", "floor", "--minutes", "3", "--lang", "en"]


@pytest.fixture
def shown(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """Run the GUI entry point, but instead of entering the event loop, keep the window."""
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
    answer_check(wizard)
    assert window.stack.currentWidget() is window.timer_page
    assert window.timer_page.session is not None


def test_an_urgent_sign_in_that_check_gives_the_care_screen_not_the_routine(
    shown: list[MainWindow], content: Content
) -> None:
    assert main(SESSION) == 0
    [window] = shown
    wizard = window.wizard
    assert wizard is not None
    answer_check(wizard, sign_of(content, 1))
    assert window.stack.currentWidget() is window.care
    assert window.timer_page.session is None


def test_the_session_command_uses_the_stored_get_ready_time(shown: list[MainWindow]) -> None:
    QSettings().setValue("screened_at", time.time())
    QSettings().setValue("prepare_s", 12)
    assert main(SESSION) == 0
    [window] = shown
    session = window.timer_page.session
    assert session is not None
    assert session.steps[0].phase is Phase.PREPARE and session.steps[0].duration_s == 12


LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


@pytest.mark.parametrize(
    ("env", "requested", "stored", "expected"),
    [
        ({"LC_ALL": "C", "LANG": "ja_JP.UTF-8"}, None, "", "en"),  # POSIX: LC_ALL decides
        ({"LC_ALL": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, None, "", "ja"),
        ({"LC_MESSAGES": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, None, "", "ja"),
        ({"LC_ALL": "C"}, None, "ja", "ja"),  # the language chosen in the app comes first
        ({"LANG": "ja_JP.UTF-8"}, "en", "ja", "en"),  # and --lang before that
    ],
)
def test_the_window_speaks_the_language_the_command_line_would(
    monkeypatch: pytest.MonkeyPatch,
    store: QSettings,
    content: Content,
    env: dict[str, str],
    requested: str | None,
    stored: str,
    expected: str,
) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    store.setValue("language", stored)
    assert chosen_language(requested, store, content) == expected


def test_without_locale_variables_the_window_follows_the_system(
    monkeypatch: pytest.MonkeyPatch, store: QSettings, content: Content
) -> None:
    for name in LOCALE_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(QLocale, "system", staticmethod(lambda: QLocale("ja_JP")))
    assert chosen_language(None, store, content) == "ja"
