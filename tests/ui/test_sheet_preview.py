"""The print preview from the keyboard: its whole toolbar shows, Tab reaches Print, Ctrl+P
opens the printer's dialog."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.sheet.pdf import routine_sheet
from lowback_timer.ui.sheet_preview import SheetPreview
from lowback_timer.ui.style import Look, apply_look
from tests.helpers import make_controller, open_window


@pytest.fixture(autouse=True)
def look(qapp: QApplication, content: Content) -> Iterator[None]:
    """The app's style sheet, whose icons and padding widen Qt's toolbar."""
    before = qapp.findChild(Look)
    installed = apply_look(qapp, dict(content.meta.screen_fonts))
    yield
    if before is None and installed is not None:
        installed.remove()
        QApplication.processEvents()


def open_preview(qtbot: QtBot, content: Content, folder: Path) -> SheetPreview:
    """The preview as Print opens it (from its own controller: a preview on the window of an
    earlier test's teardown crashes Qt's Tab)."""
    sheet = routine_sheet(make_controller(content, folder))
    dialog = SheetPreview(sheet, "a4")
    qtbot.addWidget(dialog)
    dialog.fit_toolbar(dialog.screen().availableGeometry().width(), 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_on_a_wide_screen_the_whole_toolbar_shows(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    dialog = open_preview(qtbot, content, tmp_path)
    dialog.fit_toolbar(1920, 700)
    qtbot.waitUntil(lambda: dialog.width() > 900)
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    assert toolbar.width() >= toolbar.sizeHint().width()  # Page setup and Print not cut off


def test_print_opens_the_preview_no_wider_than_the_screen(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    dialog = open_window(qtbot, content, tmp_path).print_sheet()
    qtbot.waitExposed(dialog)
    screen = dialog.screen().availableGeometry()
    toolbar = dialog.findChild(QToolBar)
    assert toolbar is not None
    assert min(screen.width(), toolbar.sizeHint().width()) <= dialog.width() <= screen.width()
    dialog.reject()


def test_tab_reaches_print(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    dialog = open_preview(qtbot, content, tmp_path)
    reached = []
    for _ in range(12):
        focused = QApplication.focusWidget()
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
        reached.append(QApplication.focusWidget())
    assert any(widget is dialog.print_button for widget in reached)
    assert dialog.print_button.text().replace("&", "") == "Print… (Ctrl+P)"


def test_ctrl_p_opens_the_print_dialog(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    dialog = open_preview(qtbot, content, tmp_path)
    focused = QApplication.focusWidget()
    assert focused is not None
    QTest.keyClick(focused, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    printing = dialog.findChild(QPrintDialog)
    assert printing is not None and printing.isVisible()
    printing.reject()
    assert dialog.isVisible()  # cancelling printing goes back to the preview
