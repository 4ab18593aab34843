"""A main window for tests: set up, optionally past the safety check, with its own files."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.ui.main_window import MainWindow

PASSED = object()  # "the check was passed just now"


def open_window(
    qtbot: QtBot, content: Content, folder: Path, *, screened_at: object = PASSED
) -> MainWindow:
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time() if screened_at is PASSED else screened_at)
    window = MainWindow(content, "en", store, data_dir=folder)
    qtbot.addWidget(window)
    window.show()
    return window
