"""The app in the background: a tray icon with the reminders' menu, or, where the desktop has no
tray (some Linux desktops, a bare X server), a small window with the same actions and the time
of the next reminder. The app never quits or fails for lack of a tray, and `TrayWatcher` looks
again for one for about two minutes after the start (the panel may come up after an app
started at login).

The actions are made once (`ReminderActions`) and shown in both: the tray's menu and the
window's buttons. The texts change only when the schedule does (`ReminderService.changed`):
they say the time of the next reminder, never the minutes left, so that nothing wakes the app
between two reminders (the small window stays on screen all day where there is no tray). The
one countdown is the reminder's short walk ("Walking: 1:35 left"), for two minutes, redrawn
once a second only while the tray icon or the status window shows it (app/walk_timer.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QLocale, QObject, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QHideEvent, QIcon, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QMenu,
    QSizePolicy,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.reminder_service import HOUR_S, ReminderService, State, Status
from lowback_timer.app.text import fill, rounded_minutes
from lowback_timer.core.language import format_clock
from lowback_timer.core.reminders import SNOOZE_MIN
from lowback_timer.core.walk import WALK_S
from lowback_timer.ui.style import SPACING, label
from lowback_timer.ui.widgets import enter_clicks


def clock_time(when: datetime, now: datetime) -> str:
    """14:05 today; "Mon 09:00" on another day; in the app's locale. The nearest minute: the
    boot clock's arithmetic gives 08:59:59.999 for a reminder due at 9:00."""
    when = (when + timedelta(seconds=30)).replace(second=0, microsecond=0)
    time = QLocale().toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
    if when.date() == now.date():
        return time
    day = QLocale().dayName(when.isoweekday(), QLocale.FormatType.ShortFormat)
    return f"{day} {time}"


class ReminderActions(QObject):
    """The reminders' commands as QActions, and what to say about the schedule.

    `open_requested`, `routine_requested`, `preferences_requested` and `quit_requested` are for
    the app to connect; the reminder commands go straight to the service."""

    open_requested = Signal()
    routine_requested = Signal()
    preferences_requested = Signal()
    quit_requested = Signal()

    def __init__(self, service: ReminderService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.status_action = self._action("", None)
        self.status_action.setEnabled(False)
        self.open_action = self._action(self.tr("Open Low-back Timer"), self.open_requested.emit)
        self.routine_action = self._action(self.tr("Start my routine"), self.routine_requested.emit)
        self.stand_up_action = self._action(self.tr("Stand up now"), service.show_now)
        self.moved_action = self._action(self.tr("I just moved"), service.moved)
        self.walk_action = self._action(
            self.tr("Walk for %n minutes", "", rounded_minutes(WALK_S)), service.start_walk
        )
        self.end_walk_action = self._action(self.tr("End the walk"), service.end_walk)
        self.snooze_action = self._action(
            fill(self.tr("Remind me in %1 min"), SNOOZE_MIN), lambda: service.snooze(SNOOZE_MIN)
        )
        self.pause_menu = QMenu(self.tr("Pause reminders"))
        self.pause_hour_action = self._action(
            self.tr("Pause for an hour"), lambda: service.pause_for(HOUR_S)
        )
        self.pause_tomorrow_action = self._action(
            self.tr("Pause until tomorrow"), service.pause_until_tomorrow
        )
        self.pause_action = self._action(
            self.tr("Pause until I resume"), service.pause_until_resumed
        )
        for action in (self.pause_hour_action, self.pause_tomorrow_action, self.pause_action):
            self.pause_menu.addAction(action)
        self.resume_action = self._action(self.tr("Resume reminders"), service.resume)
        self.preferences_action = self._action(
            self.tr("Preferences…"), self.preferences_requested.emit
        )
        self.quit_action = self._action(self.tr("Quit"), self.quit_requested.emit)
        service.changed.connect(self.update)
        service.walk.ticked.connect(self.update)
        self.update()

    def _action(self, text: str, slot: object) -> QAction:
        action = QAction(text, self)
        if callable(slot):
            action.triggered.connect(slot)
        return action

    def status(self) -> Status:
        return self.service.status()

    def status_text(self) -> str:
        walk = self.service.walk
        if walk.running:
            return fill(self.tr("Walking: %1 left"), format_clock(walk.remaining_s()))
        status = self.status()
        if status.state is State.NEXT and status.when is not None:
            return fill(self.tr("Next posture reminder at %1"), clock_time(status.when, status.now))
        if status.state is State.PAUSED_UNTIL and status.when is not None:
            return fill(self.tr("Reminders paused until %1"), clock_time(status.when, status.now))
        return {
            State.OFF: self.tr("Posture reminders are off"),
            State.NO_DAYS: self.tr("No working days chosen for reminders"),
            State.PAUSED: self.tr("Reminders paused until you resume them"),
            State.LOCKED: self.tr("No reminders while the screen is locked"),
        }.get(status.state, "")

    def update(self) -> None:
        state = self.status().state
        self.status_action.setText(self.status_text())
        paused = state in (State.PAUSED, State.PAUSED_UNTIL)
        on = state is not State.OFF
        self.pause_menu.menuAction().setVisible(on and not paused)
        self.pause_menu.setEnabled(on and not paused)
        self.pause_hour_action.setVisible(on and not paused)
        self.resume_action.setVisible(paused)
        self.stand_up_action.setEnabled(on)
        self.moved_action.setEnabled(state is State.NEXT)
        walking = self.service.walk.running
        self.walk_action.setVisible(not walking)
        self.walk_action.setEnabled(state is State.NEXT)
        self.end_walk_action.setVisible(walking)
        self.snooze_action.setEnabled(state is State.NEXT)

    def menu(self) -> QMenu:
        menu = QMenu()
        menu.addAction(self.status_action)
        menu.addSeparator()
        menu.addAction(self.open_action)
        menu.addAction(self.routine_action)
        menu.addSeparator()
        menu.addAction(self.stand_up_action)
        menu.addAction(self.moved_action)
        menu.addAction(self.walk_action)
        menu.addAction(self.end_walk_action)
        menu.addAction(self.snooze_action)
        menu.addMenu(self.pause_menu)
        menu.addAction(self.resume_action)
        menu.addSeparator()
        menu.addAction(self.preferences_action)
        menu.addAction(self.quit_action)
        return menu


class Tray(QObject):
    """The tray icon: its tooltip says when the next reminder comes, or what is left of a walk
    (its menu too: the icon shows the countdown while a walk runs); a click opens the app."""

    def __init__(self, actions: ReminderActions, icon: QIcon, parent: QObject | None = None):
        super().__init__(parent)
        self.commands = actions
        self.menu = actions.menu()
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        actions.service.changed.connect(self._update)
        actions.service.walk.ticked.connect(self._update)
        actions.service.walk.watch("tray", True)
        self._update()

    def _update(self) -> None:
        # (Not inside the f-string: lupdate does not look there, and the name went untranslated.)
        name = self.tr("Low-back Timer")
        self.icon.setToolTip(f"{name}\n{self.commands.status_text()}")

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (
            QSystemTrayIcon.ActivationReason.Trigger,
            QSystemTrayIcon.ActivationReason.DoubleClick,
        ):
            self.commands.open_requested.emit()

    def show(self) -> None:
        self.icon.show()

    def say_once(self, title: str, text: str) -> None:
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 8000)

    def say(self, title: str, text: str) -> None:
        """A quiet note (no icon) by the tray; the desktop's notification never takes the
        focus."""
        self.icon.showMessage(title, text, QSystemTrayIcon.MessageIcon.NoIcon, 8000)


class StatusWindow(QWidget):
    """Where there is no tray: a small window with the time to the next reminder (or what is
    left of a walk, redrawn once a second while it is on screen) and the actions as buttons;
    `say(text)` adds a line ("Walk done — welcome back") until it hides or the next reminder
    or answer. Closing it quits the app (it is the app's last window)."""

    closed = Signal()

    def __init__(self, actions: ReminderActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        self.commands = actions
        self.setWindowTitle(self.tr("Low-back Timer"))
        self.status = label(factor=1.15)
        self.status.setAccessibleName(self.tr("Next reminder"))
        self.note = label(factor=1.0)
        self.note.hide()
        self.buttons: list[QToolButton] = []
        self.grid = QGridLayout()
        self.grid.setSpacing(SPACING // 2)
        for action in (
            actions.open_action,
            actions.routine_action,
            actions.stand_up_action,
            actions.moved_action,
            actions.walk_action,
            actions.end_walk_action,
            actions.pause_hour_action,
            actions.resume_action,
        ):
            button = QToolButton(self)  # a child from the start: Tab goes in this order
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(32)
            # A tool button follows its action's text and state, but not whether it is shown.
            action.changed.connect(self._lay_out)
            self.buttons.append(button)
        self._lay_out()
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(self.status)
        layout.addWidget(self.note)
        layout.addLayout(self.grid)
        service = actions.service
        service.changed.connect(self.update_status)
        service.walk.ticked.connect(self.update_status)
        service.happened.connect(self._happened)
        self.update_status()

    def update_status(self) -> None:
        self.status.setText(self.commands.status_text())

    def _lay_out(self) -> None:
        """The buttons whose actions are shown and enabled, two to a row, in their order:
        none leaves a hole ("End the walk" takes the place of "Walk for 2 minutes")."""
        shown = [b for b in self.buttons if (a := b.defaultAction()).isVisible() and a.isEnabled()]
        for button in self.buttons:
            self.grid.removeWidget(button)
            button.setVisible(button in shown)
        for i, button in enumerate(shown):
            self.grid.addWidget(button, i // 2, i % 2)

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()

    def _happened(self, _event: str) -> None:
        """A reminder or an answer: the line `say` added has said its piece."""
        self.note.hide()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.update_status()  # (a walk's countdown moved on while it was hidden)
        self.commands.service.walk.watch("status window", True)

    def hideEvent(self, event: QHideEvent) -> None:
        self.commands.service.walk.watch("status window", False)
        self.note.hide()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


def tray_available() -> bool:
    return QGuiApplication.instance() is not None and QSystemTrayIcon.isSystemTrayAvailable()


class TrayWatcher(QObject):
    """Looks again for a tray that was missing at start: an app started at login may come
    before the desktop's panel. Waits 1 s, 2 s, 4 s … (about two minutes in all), then stops.
    `appeared` once the tray is there; `available` is injectable (tests flip it)."""

    appeared = Signal()
    WAITS_MS = (1_000, 2_000, 4_000, 8_000, 16_000, 32_000, 64_000)

    def __init__(
        self, available: Callable[[], bool] = tray_available, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._available = available
        self._waits = iter(self.WAITS_MS)
        self.timer = QTimer(self)  # the one pending wait; inactive once it gave up or found it
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._look)
        self._wait()

    def _wait(self) -> None:
        wait_ms = next(self._waits, None)
        if wait_ms is not None:
            self.timer.start(wait_ms)

    def _look(self) -> None:
        if self._available():
            self.appeared.emit()
        else:
            self._wait()
