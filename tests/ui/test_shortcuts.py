"""Help → Keyboard shortcuts lists every key the app answers to, read from the real actions."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.routine import Answers
from lowback_timer.core.session import State
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.shortcuts import ShortcutsDialog, keys_of, plain
from tests.helpers import open_window

NATIVE = QKeySequence.SequenceFormat.NativeText
ANSWERS = Answers(("standing",), "desk", 3)


def _menu_actions(menu: QMenu) -> list[QAction]:
    found = []
    for action in menu.actions():
        sub = action.menu()
        found += _menu_actions(sub) if isinstance(sub, QMenu) else [action]
    return found


def _actions_with_keys(window: MainWindow) -> list[QAction]:
    menus = [top.menu() for top in window.menuBar().actions()]
    return [
        action
        for menu in menus
        if isinstance(menu, QMenu)
        for action in _menu_actions(menu)
        if not action.shortcut().isEmpty()
    ]


def _keys(dialog: ShortcutsDialog) -> dict[str, list[str]]:
    """Each single key shown -> what the rows with it say."""
    found: dict[str, list[str]] = {}
    for _section, keys, what in dialog.rows():
        for key in keys.split(" / "):
            found.setdefault(key, []).append(what)
    return found


def _open(qtbot: QtBot, window: MainWindow) -> ShortcutsDialog:
    dialog = window.show_shortcuts()
    qtbot.waitExposed(dialog)
    return dialog


def test_help_menu_opens_the_list(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    item = next(a for a in help_menu.actions() if plain(a.text()) == "Keyboard shortcuts")
    assert item.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    item.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    assert dialog.isVisible() and dialog.windowTitle() == "Keyboard shortcuts"
    assert dialog.tree.accessibleName()
    assert dialog.tree.topLevelItemCount() == len(dialog.sections)
    dialog.buttons.rejected.emit()
    assert not dialog.isVisible()


def test_every_menu_shortcut_is_listed(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    keys = _keys(_open(qtbot, window))
    actions = _actions_with_keys(window)
    assert {a.shortcut().toString() for a in actions} >= {"Ctrl+Return", "Ctrl+H", "Ctrl+P"}
    for action in actions:
        assert plain(action.text()) in keys[action.shortcut().toString(NATIVE)]


def test_the_timer_keys_are_listed_with_what_they_do(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Every QShortcut of the timer has a row that says what it does; the one that stops a
    running routine (found by pressing each) among them."""
    window = open_window(qtbot, content, tmp_path)
    keys = _keys(_open(qtbot, window))
    page = window.timer_page
    shortcuts = page.findChildren(QShortcut)
    assert shortcuts
    for shortcut in shortcuts:
        for key in keys_of(shortcut):
            assert all(keys[key.toString(NATIVE)]), key.toString()
    stop_keys: list[str] = []
    for shortcut in shortcuts:
        window.start_session(ANSWERS)
        assert page.session is not None and page.session.state is State.RUNNING
        shortcut.activated.emit()
        if page.pages.currentWidget() is page.stop_view:
            stop_keys += [k.toString(NATIVE) for k in keys_of(shortcut)]
        window.show_home()
    assert "Esc" in stop_keys
    for stop_key in stop_keys:
        assert any("wrong" in what for what in keys[stop_key])


def test_the_rating_keys_and_the_timer_section_are_there(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    dialog = _open(qtbot, window)
    titles = [s.title for s in dialog.sections]
    assert titles[:2] == ["Routine", "Help"]
    assert "During a routine" in titles
    assert any(title.startswith("How do they feel?") for title in titles)
    timer = next(s for s in dialog.sections if s.title == "During a routine")
    assert {"Space", "Esc"} <= {k for keys, _ in timer.rows for k in keys.split(" / ")}


def test_f1_opens_it_and_pauses_a_routine(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.start_button)
    window.start_session(ANSWERS)
    session = window.timer_page.session
    assert session is not None
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    assert session.state is State.PAUSED


def test_every_row_says_what_it_does_after_a_file_dialog_was_opened(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """The "Save as PDF" dialog stays a child of the window with its own Del and Ctrl+D: they
    are not the app's keys and have no description."""
    window = open_window(qtbot, content, tmp_path)
    file_dialog = window.save_sheet_as_pdf()
    assert file_dialog.findChildren(QShortcut)  # what used to leak into the list
    file_dialog.reject()
    dialog = _open(qtbot, window)
    rows = dialog.rows()
    assert rows
    assert all(what for _section, _keys, what in rows), [r for r in rows if not r[2]]
    assert "Elsewhere" not in [section.title for section in dialog.sections]
