"""The reminder popup: never takes the focus, each answer hides it, one instance, times out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QAccessible, QEnterEvent, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.reminders import SNOOZE_MIN
from lowback_timer.ui.reminder_popup import ReminderPopup


@pytest.fixture
def popup(qtbot: QtBot) -> ReminderPopup:
    widget = ReminderPopup()
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def typing(qtbot: QtBot) -> Iterator[tuple[QWidget, QLineEdit]]:
    """Another window, active, whose text field has the keyboard focus.

    The offscreen platform only simulates activation, so the focus tests guard against
    regressions on real platforms; the flags test and `popup.focusWidget() is None` after a
    click are what fail here if the popup could take the focus."""
    window = QWidget()
    qtbot.addWidget(window)
    field = QLineEdit()
    QVBoxLayout(window).addWidget(field)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)
    yield window, field


def enter(popup: ReminderPopup) -> None:
    point = QPointF(5, 5)
    popup.enterEvent(QEnterEvent(point, point, popup.mapToGlobal(point)))


def leave(popup: ReminderPopup) -> None:
    popup.leaveEvent(QEvent(QEvent.Type.Leave))


def test_window_never_accepts_focus(popup: ReminderPopup) -> None:
    flags = popup.windowFlags()
    for flag in (
        Qt.WindowType.Tool,
        Qt.WindowType.FramelessWindowHint,
        Qt.WindowType.WindowStaysOnTopHint,
        Qt.WindowType.WindowDoesNotAcceptFocus,
    ):
        assert flags & flag == flag
    assert popup.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in popup.buttons())


def test_showing_keeps_the_focus_in_the_field(
    qtbot: QtBot, popup: ReminderPopup, typing: tuple[QWidget, QLineEdit]
) -> None:
    window, field = typing
    popup.show_prompt("Stand up for a moment.")
    qtbot.waitExposed(popup)
    assert QApplication.focusWidget() is field
    assert window.isActiveWindow()
    assert not popup.isActiveWindow()
    qtbot.keyClicks(field, "abc")
    assert field.text() == "abc"


def test_clicking_i_moved_keeps_the_focus_in_the_field(
    qtbot: QtBot, popup: ReminderPopup, typing: tuple[QWidget, QLineEdit]
) -> None:
    window, field = typing
    qtbot.keyClicks(field, "ab")
    popup.show_prompt("Stand up for a moment.")
    qtbot.waitExposed(popup)
    with qtbot.waitSignal(popup.moved, timeout=1000):
        qtbot.mouseClick(popup.moved_button, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()
    assert popup.focusWidget() is None  # the click gave no button the focus
    assert QApplication.focusWidget() is field
    assert window.isActiveWindow()
    qtbot.keyClicks(field, "cd")
    assert field.text() == "abcd"


@pytest.mark.parametrize("name", ["moved", "walk", "routine", "snooze", "close"])
def test_each_button_emits_and_hides(qtbot: QtBot, popup: ReminderPopup, name: str) -> None:
    button, signal, args = {
        "moved": (popup.moved_button, popup.moved, []),
        "walk": (popup.walk_button, popup.walk_requested, []),
        "routine": (popup.routine_button, popup.routine_requested, []),
        "snooze": (popup.snooze_button, popup.snoozed, [SNOOZE_MIN]),
        "close": (popup.close_button, popup.dismissed, []),
    }[name]
    popup.show_prompt("Take a short walk.")
    qtbot.waitExposed(popup)
    with qtbot.waitSignal(signal, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == args
    assert not popup.isVisible()
    assert not popup.timer_active()


def test_button_texts(popup: ReminderPopup) -> None:
    assert popup.moved_button.text() == "I moved"
    assert popup.walk_button.text() == "Walk for 2 minutes"
    assert popup.routine_button.text() == "Start my routine"  # its length not known yet
    popup.set_routine_length(5 * 60 + 20)
    assert popup.routine_button.text() == "Start my routine (about 5 min)"
    assert popup.snooze_button.text() == "Snooze 10 min"
    assert popup.close_button.text() == "×"
    assert SNOOZE_MIN == 10
    assert popup.timeout_ms == 120_000


def test_showing_twice_reuses_the_one_popup(
    qtbot: QtBot, popup: ReminderPopup, content: Content
) -> None:
    first, second = (prompt.text("en") for prompt in content.prompts[:2])
    popup.show_prompt(first)
    qtbot.waitExposed(popup)
    popup.show_prompt(second)
    assert popup.isVisible()
    assert popup.text.text() == second
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ReminderPopup)]
    assert [w for w in shown if w.isVisible()] == [popup]


def test_timeout_hides_and_emits(qtbot: QtBot) -> None:
    popup = ReminderPopup(timeout_s=0.01)
    qtbot.addWidget(popup)
    popup.show_prompt("Look away from the screen.")
    with qtbot.waitSignal(popup.timed_out, timeout=2000):
        pass
    assert not popup.isVisible()


def test_hovering_pauses_the_timeout(qtbot: QtBot, popup: ReminderPopup) -> None:
    popup.show_prompt("Move your hips a little.")
    qtbot.waitExposed(popup)
    assert popup.timer_active()
    enter(popup)
    assert not popup.timer_active()
    with qtbot.assertNotEmitted(popup.timed_out):
        popup._time_out()  # a timeout already queued while hovered does nothing
    assert popup.isVisible()
    leave(popup)
    assert popup.timer_active()
    with qtbot.waitSignal(popup.timed_out, timeout=1000):
        popup._time_out()
    assert not popup.isVisible()


def test_text_is_plain(qtbot: QtBot, popup: ReminderPopup) -> None:
    popup.show_prompt("<b>Stand</b> up")
    assert popup.text.textFormat() == Qt.TextFormat.PlainText
    assert popup.text.text() == "<b>Stand</b> up"


def test_sits_in_the_corner_of_the_screen(
    qtbot: QtBot, popup: ReminderPopup, content: Content
) -> None:
    popup.show_prompt(max((p.text("en") for p in content.prompts), key=len))
    qtbot.waitExposed(popup)
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    area = screen.availableGeometry()
    frame = popup.frameGeometry()
    assert area.contains(frame)
    assert frame.right() > area.center().x()
    assert frame.bottom() > area.center().y()


def test_a_screen_reader_meets_a_named_notification(popup: ReminderPopup) -> None:
    popup.show_prompt("You have been sitting for an hour. Time to stand up.")
    face = QAccessible.queryAccessibleInterface(popup)
    assert face is not None
    assert face.role() == QAccessible.Role.Notification  # not a nameless "filler"
    assert face.text(QAccessible.Text.Name) == "Posture reminder"
    assert "Time to stand up." in face.text(QAccessible.Text.Description)


def test_the_walk_sits_between_i_moved_and_the_routine_named_and_never_focused(
    popup: ReminderPopup,
) -> None:
    """Its order on screen and for a screen reader: the small answers first, the routine last;
    like every button of the popup it never takes the focus (the keyboard answers in the tray's
    menu or the status window: tests/ui/test_walk.py)."""
    buttons = popup.buttons()
    assert buttons.index(popup.moved_button) + 1 == buttons.index(popup.walk_button)
    assert buttons.index(popup.walk_button) + 1 == buttons.index(popup.routine_button)
    popup.show_prompt("Time to move.")
    layout_order = sorted(buttons[:4], key=lambda b: b.mapTo(popup, b.rect().topLeft()).x())
    assert layout_order == buttons[:4]
    face = QAccessible.queryAccessibleInterface(popup.walk_button)
    assert face is not None
    assert face.text(QAccessible.Text.Name) == "Walk for 2 minutes"
    assert "next reminder counts from its end" in face.text(QAccessible.Text.Description)
    assert popup.walk_button.focusPolicy() == Qt.FocusPolicy.NoFocus


def test_its_text_says_how_to_answer_from_the_keyboard(popup: ReminderPopup) -> None:
    """Its buttons never take the focus: the popup says where the keys answer instead."""
    popup.show_prompt("Time to move.")
    assert all(b.focusPolicy() == Qt.FocusPolicy.NoFocus for b in popup.buttons())
    hint = popup.keyboard_hint
    assert hint.isVisible()
    assert hint.text() == (
        "From the keyboard, answer in the menu of the Low-back Timer icon, or in its window."
    )
    assert hint.text() in popup.accessibleDescription()
