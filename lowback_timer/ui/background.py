"""The app's life outside its window: the posture reminders, what the desktop tells them, and
where the app lives while its window is closed (the tray, or the small status window where
there is no tray, until a tray appears).

Closing the main window with reminders on only hides it; Quit (in the window's menu, the
tray's menu or the status window's close button with the main window hidden) ends the app.

The reminder's short walk ends with one soft sound (the preferences' mute and volume) and a
quiet note: the tray's message, or a line in the status window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QWidget

from lowback_timer.app.controller import Controller
from lowback_timer.app.desktop_questions import DesktopQuestions
from lowback_timer.app.desktop_sources import DesktopSources
from lowback_timer.app.desktop_sources import log as desktop_log
from lowback_timer.app.desktop_watch import DesktopWatch, IdleMonitor
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.app.sound import SoundPlayer
from lowback_timer.core.content import assets_dir
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.reminder_popup import ReminderPopup
from lowback_timer.ui.tray import (
    ReminderActions,
    StatusWindow,
    Tray,
    TrayWatcher,
    tray_available,
)


class Background(QObject):
    def __init__(
        self,
        controller: Controller,
        window: MainWindow,
        *,
        service: ReminderService | None = None,
        has_tray: Callable[[], bool] = tray_available,
        desktop: DesktopWatch | None = None,
        idle: IdleMonitor | None = None,
        sounds: SoundPlayer | None = None,
    ) -> None:
        """Each part can be given (tests); by default the real desktop's."""
        super().__init__(window)
        self.controller, self.window = controller, window
        self.desktop = desktop or DesktopWatch(parent=self)
        self.idle = idle or IdleMonitor()
        # The popup: its own top-level window, shown with the main one hidden (a given service
        # brings its own).
        popup = service.popup if service is not None else ReminderPopup()
        assert isinstance(popup, ReminderPopup)
        self.popup = popup
        popup.set_routine_length(controller.routine.total_s)
        controller.routine_changed.connect(lambda r: popup.set_routine_length(r.total_s))
        # What a due reminder asks the desktop (a later question is one more entry here).
        self.questions = DesktopQuestions(
            {
                "idle_s": self.idle.ask,
                "busy": self.desktop.ask_busy,
                "locked": self.desktop.ask_locked,
            },
            parent=self,
        )
        self.service = service or ReminderService(
            controller, popup, ask=self.questions.ask, parent=self
        )
        self.desktop.locked.connect(self.service.locked)
        self.desktop.unlocked.connect(self.service.unlocked)
        self.desktop.woke.connect(self.service.woke)
        self.commands = ReminderActions(self.service, self)
        self.commands.open_requested.connect(self.open_window)
        self.commands.routine_requested.connect(self.start_routine)
        self.commands.preferences_requested.connect(self.open_preferences)
        self.commands.quit_requested.connect(window.quit)
        self.service.routine_requested.connect(self.start_routine)
        self.service.happened.connect(window.history.reminder)
        # Made now, opened on its first cue only (no audio device until the walk ends).
        self.sounds = sounds or SoundPlayer(self)
        self.service.walk.ended.connect(self._walk_ended)
        self.tray: Tray | None = None
        self.status_window: StatusWindow | None = None
        self.tray_watcher: TrayWatcher | None = None
        if has_tray():
            self._make_tray()
        else:
            self.status_window = StatusWindow(self.commands)
            self.status_window.closed.connect(self._status_window_closed)
            # Started before the panel (at login)? The icon takes over when a tray appears.
            self.tray_watcher = TrayWatcher(has_tray, self)
            self.tray_watcher.appeared.connect(self._tray_appeared)
        self._told = False
        window.stays_in_background = lambda: controller.settings.reminders
        self.sources = DesktopSources(self.idle, self.desktop)
        window.ask_sources = self.sources.ask
        if desktop_log.isEnabledFor(logging.DEBUG):  # --verbose: which sources answer, once
            self.sources.ask(lambda report: None)
        window.went_to_background.connect(self._went_to_background)
        # Not a method of this object: it is being destroyed with the window by then.
        window.destroyed.connect(partial(_hide_for_good, [self.popup, self.status_window]))

    def _make_tray(self) -> None:
        self.tray = Tray(self.commands, QIcon(str(assets_dir() / "icon.svg")), self)
        self.tray.show()

    def _tray_appeared(self) -> None:
        """The icon replaces the status window: the user sees one of them, never both."""
        self._make_tray()
        window, self.status_window = self.status_window, None
        if window is not None:
            window.hide()  # not close(): closing the status window would quit
            window.deleteLater()

    def start_hidden(self) -> None:
        """`lowback-timer --tray`: only the tray icon, or the status window without a tray."""
        if self.status_window is not None:
            self.status_window.show()

    def open_window(self) -> None:
        if self.status_window is not None:
            self.status_window.hide()
        self.window.bring_forward()

    def start_routine(self) -> None:
        self.open_window()
        self.window.start_routine()

    def open_preferences(self) -> None:
        self.open_window()
        self.window.open_preferences()

    def _went_to_background(self) -> None:
        if self.status_window is not None:
            self.status_window.show()
        elif self.tray is not None and not self._told:
            self._told = True
            self.tray.say_once(
                self.tr("Low-back Timer keeps running"),
                self.tr("Posture reminders go on from here. Quit from this icon's menu."),
            )

    def _walk_ended(self, finished: bool) -> None:
        """Back from a walk that ran its time (not one ended by hand: the person is back)."""
        if not finished:
            return
        settings = self.controller.settings
        self.sounds.set_volume(settings.volume)
        self.sounds.set_muted(settings.muted)
        self.sounds.play("done")
        text = self.tr("Walk done — welcome back")
        if self.tray is not None:
            self.tray.say(text, self.commands.status_text())
        elif self.status_window is not None and self.status_window.isVisible():
            self.status_window.say(text)

    def _status_window_closed(self) -> None:
        if not self.window.isVisible():
            self.window.quit()


def _hide_for_good(widgets: list[QWidget | None]) -> None:
    for widget in widgets:
        if widget is not None and shiboken6.isValid(widget):  # (not at the app's exit)
            widget.hide()  # not close(): closing the status window would quit
            widget.deleteLater()
