"""What the desktop tells the posture reminders over D-Bus, without polling and without waiting.

- `IdleMonitor`: how long the user has been away, asked only when a reminder is due (a long
  absence is a natural break, core/reminders.py decides).
- `DesktopWatch`: locked, unlocked and woke signals, from D-Bus signals where a bus exists;
  and, asked when a reminder is due, whether the screen is still locked (`ask_locked`): a lock
  whose unlock never came (the locker crashed) holds only until then, or until its service
  leaves the bus.

Beside them: app/do_not_disturb.py (whether a reminder should wait: notifications silenced, a
full-screen window), app/desktop_sources.py (which sources answer, by name) and app/dbus_calls.py
(asking a service without waiting).

Every source is optional and injectable; one that cannot answer says None (or "not busy") and
never raises. Nothing here blocks the GUI thread: a question is `ask(done)`, which returns at
once; `done(answer)` is called when the service answers, or with "absent" when it has not
answered within `DBUS_TIMEOUT_MS` (QtDBus's reply timeout, run by the event loop). The local
sources (app/native_desktop.py: X11, Windows, macOS) answer at once, inside `ask`.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

import shiboken6
from PySide6.QtCore import (
    SLOT,
    QObject,
    Signal,
    Slot,
)
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusServiceWatcher,
)

from lowback_timer.app.dbus_calls import (
    GNOME_SCREENSAVER,
    LOGIN1,
    LOGIN1_PATH,
    MUTTER,
    SCREENSAVER,
    OnBus,
    Reply,
    as_flag,
    ask_safely,
    dbus_ask,
    first_number,
    plain,
)
from lowback_timer.app.do_not_disturb import DoNotDisturb, default_busy_sources
from lowback_timer.app.native_desktop import (
    QT_TRANSLATE_NOOP,
    MacIdle,
    WindowsIdle,
    XScreenSaverIdle,
    on_xcb,
)

log = logging.getLogger(__name__)


# --- idle time ----------------------------------------------------------------------------
class IdleSource(Protocol):
    name: str

    def ask(self, done: Callable[[float | None], None]) -> None:
        """Calls `done` once with the seconds since the last keyboard or mouse input, None when
        this source cannot tell; returns without waiting for a service."""
        ...


def _as_seconds(done: Callable[[float | None], None]) -> Reply:
    """A reply of milliseconds, passed on as seconds."""

    def answered(reply: list[Any] | None) -> None:
        ms = first_number(reply)
        done(None if ms is None else ms / 1000.0)

    return answered


class MutterIdle(OnBus):
    """GNOME (Wayland and X11): the compositor's own idle monitor, in ms."""

    name = "mutter"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "GNOME (Mutter)")

    def ask(self, done: Callable[[float | None], None]) -> None:
        path = "/org/gnome/Mutter/IdleMonitor/Core"
        dbus_ask(self.bus(), _as_seconds(done), MUTTER, path, MUTTER, "GetIdletime")


class ScreenSaverIdle(OnBus):
    """KDE and others: `GetSessionIdleTime`, taken as milliseconds (KDE's unit; a desktop that
    answered in seconds would make every absence look short, which only costs a break)."""

    name = "screensaver"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Screen saver service (KDE and others)")
    PATHS = ("/org/freedesktop/ScreenSaver", "/ScreenSaver")  # the older one second

    def ask(self, done: Callable[[float | None], None], paths: Sequence[str] = PATHS) -> None:
        if not paths:
            done(None)
            return

        def answered(seconds: float | None) -> None:
            if seconds is None:
                self.ask(done, paths[1:])
            else:
                done(seconds)

        method = "GetSessionIdleTime"
        dbus_ask(self.bus(), _as_seconds(answered), SCREENSAVER, paths[0], SCREENSAVER, method)


def default_sources() -> list[IdleSource]:
    """The sources this platform can have, most exact first."""
    if sys.platform == "win32":
        return [WindowsIdle()]
    if sys.platform == "darwin":
        return [MacIdle()]
    sources: list[IdleSource] = [MutterIdle(), ScreenSaverIdle()]
    if on_xcb():
        sources.append(XScreenSaverIdle())
    return sources


class IdleMonitor:
    """The first source that answers; the one that answered last time is asked first. Sources
    are asked one after another, the next only when the one before could not tell."""

    def __init__(self, sources: Sequence[IdleSource] | None = None) -> None:
        self.sources = list(default_sources() if sources is None else sources)
        self._last: IdleSource | None = None

    def ask(self, done: Callable[[float | None], None]) -> None:
        """`done(seconds)` once, None when no source can tell."""
        ordered = sorted(self.sources, key=lambda source: source is not self._last)
        self._ask_from(ordered, done)

    def _ask_from(self, sources: list[IdleSource], done: Callable[[float | None], None]) -> None:
        if not sources:
            done(None)
            return
        source = sources[0]

        def answered(seconds: float | None) -> None:
            if seconds is None:
                self._ask_from(sources[1:], done)
            else:
                self._last = source
                done(seconds)

        ask_safely(source.ask, answered)

    def ask_available(self, done: Callable[[bool], None]) -> None:
        """`done(True)` when any source answers now (Preferences says so when none does)."""
        self.ask(lambda seconds: done(seconds is not None))

    def ask_source(self, done: Callable[[IdleSource | None], None]) -> None:
        """`done(source)` with the source that answers now, None when none does."""
        self.ask(lambda seconds: done(None if seconds is None else self._last))


# --- locked, unlocked, woke ---------------------------------------------------------------
# Where the lock state is asked again when a reminder is due (each one's `GetActive`).
LOCK_SERVICES = (
    (SCREENSAVER, "/org/freedesktop/ScreenSaver"),  # KDE, Xfce and others
    (GNOME_SCREENSAVER, "/org/gnome/ScreenSaver"),  # GNOME Shell, gnome-screensaver
)

LockAnswer = Callable[[bool | None], None]


class DesktopWatch(QObject):
    """Lock and sleep signals of the session and system buses, turned into Qt signals.
    Without a bus it subscribes to nothing and stays quiet.

    A lock is never taken on the signals' word alone for good: a lock service that leaves the
    bus counts as an unlock, and `ask_locked` (asked when a reminder is due) asks the services
    themselves, whose answer replaces what the signals said."""

    locked = Signal()
    unlocked = Signal()
    woke = Signal()

    def __init__(
        self,
        session: QDBusConnection | None = None,
        system: QDBusConnection | None = None,
        *,
        dnd: DoNotDisturb | None = None,
        logind_session: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        """`logind_session`: this login session's object path; by default logind is asked for
        it, and its Lock and Unlock are listened to once it has answered."""
        super().__init__(parent)
        self.session = session if session is not None else QDBusConnection.sessionBus()
        self.system = system if system is not None else QDBusConnection.systemBus()
        self.dnd = dnd if dnd is not None else DoNotDisturb(default_busy_sources(self.session))
        self._locked = False
        # The login session whose Lock and Unlock it listens to, once known.
        self.session_path: str | None = None
        for interface in (SCREENSAVER, GNOME_SCREENSAVER):
            self._listen(
                self.session, "", interface, "ActiveChanged", "_screensaver_active_changed(bool)"
            )
        # A lock service that leaves the bus (it crashed, or the session's locker was replaced)
        # sends no unlock: its going is one.
        self._lock_watcher: QDBusServiceWatcher | None = None
        if self.session.isConnected():
            self._lock_watcher = QDBusServiceWatcher(
                SCREENSAVER,
                self.session,
                QDBusServiceWatcher.WatchModeFlag.WatchForUnregistration,
                self,
            )
            self._lock_watcher.setWatchedServices([service for service, _ in LOCK_SERVICES])
            self._lock_watcher.serviceUnregistered.connect(self._lock_service_gone)
        # Signals are taken from any sender (the screensavers' names differ), so any program of
        # the user's could forge one. A forged (or stale) lock holds only until the next due
        # reminder asks the lock services themselves (`ask_locked`); a forged wake restarts the
        # countdown each time it is sent, as a real one does.
        manager = f"{LOGIN1}.Manager"
        self._listen(
            self.system, LOGIN1_PATH, manager, "PrepareForSleep", "_prepare_for_sleep(bool)"
        )
        if logind_session:
            self._listen_to_session(logind_session)
        else:
            self._find_session([key for key in (os.environ.get("XDG_SESSION_ID"), "auto") if key])

    def is_locked(self) -> bool:
        return self._locked

    def ask_locked(self, done: LockAnswer) -> None:
        """Whether the screen is locked now, asked of the lock services themselves, all at
        once: the screensavers' `GetActive` (session bus) and logind's `LockedHint` of this
        session (system bus). `done(True)` as soon as one says locked; `done(False)` when all
        have answered and one said not locked; `done(None)` when none could tell (absent, or no
        answer within `DBUS_TIMEOUT_MS`). A definite answer becomes the watch's own state,
        without a signal: the asker acts on the answer itself (a lock found this way is not an
        unlock that restarts the hour)."""
        questions: list[Callable[[LockAnswer], None]] = [
            self._screensaver_question(service, path) for service, path in LOCK_SERVICES
        ]
        if self.session_path is not None:
            questions.append(self._locked_hint_question(self.session_path))
        answers: list[bool | None] = []

        def answered(value: bool | None) -> None:
            if len(answers) == len(questions) or True in answers:
                return  # decided already
            answers.append(value)
            if value is True or len(answers) == len(questions):
                locked = True if True in answers else (False if False in answers else None)
                if locked is not None and shiboken6.isValid(self):
                    self._locked = locked
                done(locked)

        for question in questions:
            ask_safely(question, answered)

    def _screensaver_question(self, service: str, path: str) -> Callable[[LockAnswer], None]:
        def ask(done: LockAnswer) -> None:
            # Not started by the question: a screensaver that is not running locks nothing.
            bus, reply = self.session, as_flag(done)
            dbus_ask(bus, reply, service, path, service, "GetActive", autostart=False)

        return ask

    def _locked_hint_question(self, path: str) -> Callable[[LockAnswer], None]:
        def ask(done: LockAnswer) -> None:
            reply, properties = as_flag(done), "org.freedesktop.DBus.Properties"
            session = f"{LOGIN1}.Session"
            dbus_ask(self.system, reply, LOGIN1, path, properties, "Get", session, "LockedHint")

        return ask

    def ask_busy(self, done: Callable[[bool], None]) -> None:
        """Whether a due reminder should wait (see `DoNotDisturb`)."""
        self.dnd.ask(done)

    def _listen(
        self, bus: QDBusConnection, path: str, interface: str, name: str, slot: str
    ) -> None:
        if bus.isConnected():
            # An empty path matches the signal on any object (the screensavers differ in theirs).
            bus.connect("", path, interface, name, self, SLOT(slot))  # type: ignore[call-overload]  # str works, bytes not

    def _find_session(self, keys: list[str]) -> None:
        """Asks logind for this login session's object path, by each key in turn, and listens
        to it when the answer comes: signals come from it, never from `session/auto`."""
        if not keys:
            return

        def answered(reply: list[Any] | None) -> None:
            if not shiboken6.isValid(self):  # the app went on without us meanwhile
                return
            if reply:
                self._listen_to_session(str(plain(reply[0])))
            else:
                self._find_session(keys[1:])

        manager = f"{LOGIN1}.Manager"
        dbus_ask(self.system, answered, LOGIN1, LOGIN1_PATH, manager, "GetSession", keys[0])

    def _listen_to_session(self, path: str) -> None:
        self.session_path = path
        session = f"{LOGIN1}.Session"
        self._listen(self.system, path, session, "Lock", "_session_lock()")
        self._listen(self.system, path, session, "Unlock", "_session_unlock()")

    # --- handlers (plain methods too, so tests can drive them without a bus) --------------
    @Slot(bool)
    def _screensaver_active_changed(self, active: bool) -> None:
        if active and not self._locked:
            self._locked = True
            self.locked.emit()
        elif not active and self._locked:
            self._locked = False
            self.unlocked.emit()

    @Slot(str)
    def _lock_service_gone(self, service: str) -> None:
        """A lock service left the bus: whatever lock it reported is over (if the screen is
        still locked by another, the next due reminder's `ask_locked` says so)."""
        self._screensaver_active_changed(False)

    @Slot(bool)
    def _prepare_for_sleep(self, going: bool) -> None:
        if not going:
            self.woke.emit()

    @Slot()
    def _session_lock(self) -> None:
        self._screensaver_active_changed(True)

    @Slot()
    def _session_unlock(self) -> None:
        self._screensaver_active_changed(False)
