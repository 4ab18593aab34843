"""Starting the GUI from the command line: `lowback-timer session ...` goes straight to the
timer, in the language asked for."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.cli import main
from lowback_timer.core.content import Content
from lowback_timer.core.session import State
from lowback_timer.ui.main_window import MainWindow


@pytest.fixture
def shown(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[MainWindow]:
    """Run the GUI entry point, but instead of entering the event loop, keep the window."""
    for scope_format in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(scope_format, QSettings.Scope.UserScope, str(tmp_path))
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
    assert (
        main(["session", "--type", "nerve", "--place", "floor", "--minutes", "3", "--lang", "en"])
        == 0
    )
    [window] = shown
    page = window.timer_page
    assert window.stack.currentWidget() is page
    assert page.session is not None and page.session.state is State.RUNNING
    assert page.stretch_name.text() == content.stretch("glutes").name("en")
    assert page.picture.image == content.variant("glutes-floor").image
    window.close()
