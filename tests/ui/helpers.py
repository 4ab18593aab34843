"""Helpers shared by the UI tests: a main window past set-up, clicks, finishing a wizard."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QWidget, QWizard
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


def next_button(wizard: QWizard) -> QWidget:
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button is not None
    return button


def click(widget: QWidget) -> None:
    """A left click; on a button, near its indicator (a wide button is not all hit area)."""
    pos = QPoint(8, widget.height() // 2) if isinstance(widget, QAbstractButton) else QPoint()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, pos)


def finish(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.FinishButton)
    assert button is not None and button.isVisible() and button.isEnabled()
    click(button)
