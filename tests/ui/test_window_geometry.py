"""Every window opens within the screen's available geometry, centred on it: on a 1280 x 800
and a 1366 x 768 laptop screen (less a panel) at 100 %. (The 200 % screen: test_focus.py.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.ui import widgets
from lowback_timer.ui.history_window import HistoryWindow
from tests.helpers import make_wizard, open_window

# The screens' available geometry: a 32 px panel at the top (GNOME) or 30 at the bottom.
SCREENS = {"1280x800": QRect(0, 32, 1280, 768), "1366x768": QRect(0, 0, 1366, 738)}


def within_and_centred(window: QWidget, room: QRect) -> None:
    # where it is placed (its frame's corner) and as tall as it is with a title bar
    outer = QRect(window.pos(), window.size() + QSize(0, widgets.TITLE_BAR))
    assert room.contains(outer), (window.objectName(), outer, room)
    assert abs(outer.center().x() - room.center().x()) <= 1, (outer, room)


@pytest.mark.parametrize("screen", SCREENS, ids=list(SCREENS))
def test_each_window_opens_within_the_screen_and_centred(
    qtbot: QtBot,
    content: Content,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    screen: str,
) -> None:
    room = SCREENS[screen]
    monkeypatch.setattr(widgets, "available_geometry", lambda _window: room)
    window = open_window(qtbot, content, tmp_path)
    within_and_centred(window, room)
    wizard = make_wizard(qtbot, content, tmp_path / "wizard")
    within_and_centred(wizard, room)
    history = HistoryWindow(window.history, content, "en", window)
    qtbot.addWidget(history)
    within_and_centred(history, room)
    preview = window.actions_.print_sheet()
    qtbot.addWidget(preview)
    within_and_centred(preview, room)
    preview.reject()
