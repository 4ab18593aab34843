"""What the desktop tells the posture reminders over D-Bus, without polling and without waiting.

- `IdleMonitor`: how long the user has been away, asked only when a reminder is due (a long
  absence is a natural break, core/reminders.py decides).
- `DesktopWatch`: locked, unlocked and woke signals, from D-Bus signals where a bus exists;
  and, asked when a reminder is due, whether the screen is still locked (`ask_locked`): a lock
  whose unlock never came (the locker crashed) holds only until then, or until its service
  leaves the bus.
- `DoNotDisturb`: whether a reminder should wait (notifications inhibited, GNOME's Do Not
  Disturb setting, a full-screen window).
- `DesktopSources`: which of these sources answer on this desktop, by their display names
  (Preferences says them; `--verbose` logs them once).

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
from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import (
    SLOT,
    QCoreApplication,
    QObject,
    QProcess,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusPendingCallWatcher,
    QDBusServiceWatcher,
)
from PySide6.QtGui import QGuiApplication

from lowback_timer.app.native_desktop import (
    QT_TRANSLATE_NOOP,
    MacIdle,
    WindowsBusy,
    WindowsIdle,
    X11Fullscreen,
    XScreenSaverIdle,
)

log = logging.getLogger(__name__)

# A desktop service that has not answered by then is taken as absent.
DBUS_TIMEOUT_MS = 500

# The translation context of the sources' display names (`display_name`, `shown`).
SOURCE_CONTEXT = "DesktopSource"

SCREENSAVER = "org.freedesktop.ScreenSaver"
MUTTER = "org.gnome.Mutter.IdleMonitor"
NOTIFICATIONS = "org.freedesktop.Notifications"
GNOME_SCREENSAVER = "org.gnome.ScreenSaver"
LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"

T = TypeVar("T")
Reply = Callable[[list[Any] | None], None]

# Calls waiting for their reply; a watcher nobody holds would be collected, its answer lost.
_in_flight: set[QDBusPendingCallWatcher] = set()


def _dbus_ask(
    bus: QDBusConnection,
    done: Reply,
    service: str,
    path: str,
    interface: str,
    method: str,
    *args: object,
    autostart: bool = True,
) -> None:
    """Sends a method call and returns at once. `done(arguments)` when the reply comes;
    `done(None)` for no bus (at once), an error, or no reply within `DBUS_TIMEOUT_MS`.
    `autostart=False`: a service not running is not started by the call (it answers None)."""
    if not bus.isConnected():
        done(None)
        return
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    message.setAutoStartService(autostart)
    if args:
        message.setArguments(list(args))
    watcher = QDBusPendingCallWatcher(bus.asyncCall(message, DBUS_TIMEOUT_MS))
    _in_flight.add(watcher)

    def finished(_: QDBusPendingCallWatcher) -> None:
        _in_flight.discard(watcher)
        watcher.deleteLater()
        reply = watcher.reply()
        ok = reply.type() == QDBusMessage.MessageType.ReplyMessage
        done(list(reply.arguments()) if ok else None)

    watcher.finished.connect(finished)


def _ask_safely(
    ask: Callable[[Callable[[T], None]], None], done: Callable[[T | None], None]
) -> None:
    """`ask(done)`, with a source that raises taken as one that cannot tell (None), and an
    answer given twice passed on once."""
    answered = False

    def once(value: T | None) -> None:
        nonlocal answered
        if not answered:
            answered = True
            done(value)

    try:
        ask(once)
    except Exception:  # a source must not take the reminder down with it
        if answered:
            raise  # the error came from what the answer started, not from the source
        once(None)


def _plain(value: object) -> object:
    """QtDBus hands variants and object paths over wrapped; unwrap them."""
    for unwrap in ("variant", "path"):
        method = getattr(value, unwrap, None)
        if callable(method):
            return method()
    return value


def _first_flag(values: list[Any] | None) -> bool | None:
    value = _plain(values[0]) if values else None
    return value if isinstance(value, bool) else None


def _as_flag(done: Callable[[bool | None], None]) -> Reply:
    """A reply of one boolean, passed on (None for anything else)."""
    return lambda values: done(_first_flag(values))


def _first_number(values: list[Any] | None) -> float | None:
    if not values:
        return None
    value = _plain(values[0])
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


# --- idle time ----------------------------------------------------------------------------
class IdleSource(Protocol):
    name: str

    def ask(self, done: Callable[[float | None], None]) -> None:
        """Calls `done` once with the seconds since the last keyboard or mouse input, None when
        this source cannot tell; returns without waiting for a service."""
        ...


class _OnBus:
    """A source asking a session-bus service; the bus is injectable (tests use a private one)."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus

    def bus(self) -> QDBusConnection:
        return self._bus if self._bus is not None else QDBusConnection.sessionBus()


def _as_seconds(done: Callable[[float | None], None]) -> Reply:
    """A reply of milliseconds, passed on as seconds."""

    def answered(reply: list[Any] | None) -> None:
        ms = _first_number(reply)
        done(None if ms is None else ms / 1000.0)

    return answered


class MutterIdle(_OnBus):
    """GNOME (Wayland and X11): the compositor's own idle monitor, in ms."""

    name = "mutter"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "GNOME (Mutter)")

    def ask(self, done: Callable[[float | None], None]) -> None:
        path = "/org/gnome/Mutter/IdleMonitor/Core"
        _dbus_ask(self.bus(), _as_seconds(done), MUTTER, path, MUTTER, "GetIdletime")


class ScreenSaverIdle(_OnBus):
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
        _dbus_ask(self.bus(), _as_seconds(answered), SCREENSAVER, paths[0], SCREENSAVER, method)


def _xcb() -> bool:
    return QGuiApplication.platformName() == "xcb" and bool(os.environ.get("DISPLAY"))


def default_sources() -> list[IdleSource]:
    """The sources this platform can have, most exact first."""
    if sys.platform == "win32":
        return [WindowsIdle()]
    if sys.platform == "darwin":
        return [MacIdle()]
    sources: list[IdleSource] = [MutterIdle(), ScreenSaverIdle()]
    if _xcb():
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

        _ask_safely(source.ask, answered)

    def ask_available(self, done: Callable[[bool], None]) -> None:
        """`done(True)` when any source answers now (Preferences says so when none does)."""
        self.ask(lambda seconds: done(seconds is not None))

    def ask_source(self, done: Callable[[IdleSource | None], None]) -> None:
        """`done(source)` with the source that answers now, None when none does."""
        self.ask(lambda seconds: done(None if seconds is None else self._last))


# --- do not disturb -----------------------------------------------------------------------
class BusySource(Protocol):
    name: str

    def ask(self, done: Callable[[bool | None], None]) -> None:
        """Calls `done(True)` once when a reminder now would interrupt (a presentation, a film,
        a game), `done(False)` when not, `done(None)` when this source cannot tell (counted as
        "not busy"); returns without waiting for a service."""
        ...


class NotificationsInhibited(_OnBus):
    """The notification server's `Inhibited` property (KDE has it, GNOME has not)."""

    name = "notifications-inhibited"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Notification server (KDE)")

    def ask(self, done: Callable[[bool | None], None]) -> None:
        path, properties = "/org/freedesktop/Notifications", "org.freedesktop.DBus.Properties"

        def answered(reply: list[Any] | None) -> None:
            value = _plain(reply[0]) if reply else None
            done(value if isinstance(value, bool) else None)

        bus = self.bus()
        _dbus_ask(bus, answered, NOTIFICATIONS, path, properties, "Get", NOTIFICATIONS, "Inhibited")


GNOME_NOTIFICATIONS = "org.gnome.desktop.notifications"
_running: set[QProcess] = set()  # gsettings processes not finished yet (see _in_flight)


class GnomeShowBanners:
    """GNOME's Do Not Disturb: the setting `org.gnome.desktop.notifications show-banners`
    (false while Do Not Disturb is on), read with the `gsettings` command, which comes with
    GLib itself on every GNOME desktop (GNOME Shell reads the same setting through the same
    library; the portal's Settings.Read needs xdg-desktop-portal running, and a backend that
    chooses to expose this schema). The command runs as a QProcess, never waited for: an
    answer not there within `timeout_ms`, a missing command or schema, or anything but
    "true" or "false" means "cannot tell", which counts as not busy."""

    name = "gnome-show-banners"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "GNOME setting (Do Not Disturb)")
    COMMAND = ("gsettings", "get", GNOME_NOTIFICATIONS, "show-banners")

    def __init__(
        self, command: Sequence[str] = COMMAND, *, timeout_ms: int = DBUS_TIMEOUT_MS
    ) -> None:
        self.command, self.timeout_ms = tuple(command), timeout_ms

    def ask(self, done: Callable[[bool | None], None]) -> None:
        process = QProcess()
        process.setProgram(self.command[0])
        process.setArguments(list(self.command[1:]))
        process.setStandardInputFile(QProcess.nullDevice())
        process.setStandardErrorFile(QProcess.nullDevice())
        limit = QTimer(process)
        limit.setSingleShot(True)
        limit.setInterval(self.timeout_ms)
        answer: list[bool | None] = []  # empty until answered

        def tell(value: bool | None) -> None:
            if not answer:
                answer.append(value)
                limit.stop()
                done(value)

        def finished(code: int, status: QProcess.ExitStatus) -> None:
            output = bytes(process.readAllStandardOutput().data()).strip()
            ok = status == QProcess.ExitStatus.NormalExit and code == 0
            shown = {b"true": True, b"false": False}.get(output) if ok else None
            tell(None if shown is None else not shown)
            _running.discard(process)
            process.deleteLater()

        def failed(error: QProcess.ProcessError) -> None:
            if error == QProcess.ProcessError.FailedToStart:  # no gsettings: no finished()
                tell(None)
                _running.discard(process)
                process.deleteLater()

        def too_late() -> None:
            tell(None)
            process.kill()  # finished() follows, and lets the process go

        process.finished.connect(finished)
        process.errorOccurred.connect(failed)
        limit.timeout.connect(too_late)
        _running.add(process)
        limit.start()
        process.start()


def _gnome() -> bool:
    """A GNOME session (Ubuntu's says "ubuntu:GNOME"): only there is show-banners its Do Not
    Disturb; a GNOME setting left from another session must not hold KDE's reminders."""
    desktops = os.environ.get("XDG_CURRENT_DESKTOP", "").lower().split(":")
    return "gnome" in desktops


def default_busy_sources(bus: QDBusConnection | None = None) -> list[BusySource]:
    """macOS has no public "focus mode" query, so nothing there is busy."""
    if sys.platform == "win32":
        return [WindowsBusy()]
    if sys.platform == "darwin":
        return []
    sources: list[BusySource] = [NotificationsInhibited(bus)]
    if _gnome():
        sources.append(GnomeShowBanners())
    if _xcb():
        sources.append(X11Fullscreen())
    return sources


def _ask_all(sources: Sequence[BusySource], each: Callable[[int, bool | None], bool]) -> None:
    """Asks every source at once. `each(index, answer)` for every answer (a source that
    raises: None) until it returns True (enough is known)."""
    enough = False

    def answered(index: int, busy: bool | None) -> None:
        nonlocal enough
        if not enough:
            enough = each(index, busy)

    for index, source in enumerate(sources):
        if enough:
            return
        _ask_safely(source.ask, partial(answered, index))


class DoNotDisturb:
    """Asked at a reminder's due time; a source that fails or cannot tell counts as "not
    busy". The sources are asked all at once, so a slow one does not use up another's time."""

    def __init__(self, sources: Sequence[BusySource] | None = None) -> None:
        self.sources = list(default_busy_sources() if sources is None else sources)

    def ask(self, done: Callable[[bool], None]) -> None:
        """`done(True)` as soon as a source says busy, `done(False)` once all have answered
        and none did."""
        sources = list(self.sources)
        waiting = set(range(len(sources)))
        if not waiting:
            done(False)
            return

        def each(index: int, busy: bool | None) -> bool:
            waiting.discard(index)
            if busy or not waiting:
                done(bool(busy))
                return True
            return False

        _ask_all(sources, each)

    def ask_sources(self, done: Callable[[list[BusySource]], None]) -> None:
        """`done(sources)` with those that can tell now (busy or not), once all answered."""
        sources = list(self.sources)
        answers: dict[int, bool | None] = {}
        if not sources:
            done([])
            return

        def each(index: int, busy: bool | None) -> bool:
            answers[index] = busy
            if len(answers) < len(sources):
                return False
            done([s for i, s in enumerate(sources) if answers[i] is not None])
            return True

        _ask_all(sources, each)


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
            _ask_safely(question, answered)

    def _screensaver_question(self, service: str, path: str) -> Callable[[LockAnswer], None]:
        def ask(done: LockAnswer) -> None:
            # Not started by the question: a screensaver that is not running locks nothing.
            bus, reply = self.session, _as_flag(done)
            _dbus_ask(bus, reply, service, path, service, "GetActive", autostart=False)

        return ask

    def _locked_hint_question(self, path: str) -> Callable[[LockAnswer], None]:
        def ask(done: LockAnswer) -> None:
            reply, properties = _as_flag(done), "org.freedesktop.DBus.Properties"
            session = f"{LOGIN1}.Session"
            _dbus_ask(self.system, reply, LOGIN1, path, properties, "Get", session, "LockedHint")

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
                self._listen_to_session(str(_plain(reply[0])))
            else:
                self._find_session(keys[1:])

        manager = f"{LOGIN1}.Manager"
        _dbus_ask(self.system, answered, LOGIN1, LOGIN1_PATH, manager, "GetSession", keys[0])

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


# --- which sources answer -----------------------------------------------------------------
# Who tells the app about locking (DesktopWatch listens to them): the screen savers while
# they own their name on the session bus, logind once it has named this login session.
LOCK_SOURCES = (
    (SCREENSAVER, QT_TRANSLATE_NOOP("DesktopSource", "Screen saver service")),
    (GNOME_SCREENSAVER, QT_TRANSLATE_NOOP("DesktopSource", "GNOME screen saver")),
)
LOGIND_NAME = QT_TRANSLATE_NOOP("DesktopSource", "Login session (logind)")


def display_name(source: object) -> str:
    """A source's display name, untranslated (its class's `display_name`, else its `name`)."""
    return str(getattr(source, "display_name", None) or getattr(source, "name", "?"))


def shown(name: str) -> str:
    """A display name in the app's language."""
    return QCoreApplication.translate(SOURCE_CONTEXT, name)


@dataclass(frozen=True)
class SourcesReport:
    """Which sources answer on this desktop, by their display names (untranslated: `shown`
    translates one). Empty: none answers."""

    idle: str | None = None  # the one that says how long the user was away
    busy: tuple[str, ...] = ()  # those that can tell Do Not Disturb or a full screen
    lock: tuple[str, ...] = ()  # those that tell about locking

    def line(self) -> str:
        """One line for the log."""
        return "; ".join(
            f"{what}: {', '.join(names) or 'none'}"
            for what, names in (
                ("away", [self.idle] if self.idle else []),
                ("do not disturb", self.busy),
                ("lock", self.lock),
            )
        )


def ask_lock_sources(watch: DesktopWatch, done: Callable[[list[str]], None]) -> None:
    """`done(names)` with the lock sources there now (asking the bus which names have an
    owner, without waiting; a bus that does not answer in time: none of its own)."""
    found: dict[int, bool] = {}
    daemon, path = "org.freedesktop.DBus", "/org/freedesktop/DBus"
    logind = watch.session_path is not None and watch.system.isConnected()

    def answered(index: int, reply: list[Any] | None) -> None:
        found[index] = bool(reply) and _plain(reply[0]) is True  # type: ignore[index]
        if len(found) == len(LOCK_SOURCES):
            names = [name for i, (_, name) in enumerate(LOCK_SOURCES) if found[i]]
            done([*names, LOGIND_NAME] if logind else names)

    for index, (service, _) in enumerate(LOCK_SOURCES):
        _dbus_ask(
            watch.session,
            partial(answered, index),
            daemon,
            path,
            daemon,
            "NameHasOwner",
            service,
        )


class DesktopSources:
    """Asks which sources answer now: the idle monitor's, the Do Not Disturb sources and the
    lock sources, all at once. The first report is logged (seen with `--verbose`)."""

    def __init__(self, idle: IdleMonitor, watch: DesktopWatch) -> None:
        self.idle, self.watch = idle, watch
        self._logged = False

    def ask(self, done: Callable[[SourcesReport], None]) -> None:
        """`done(report)` once every part has answered (each within its own time limits)."""
        parts: dict[str, Any] = {}

        def part(name: str, value: Any) -> None:
            if name in parts:
                return
            parts[name] = value
            if len(parts) == 3:
                report = SourcesReport(parts["idle"], tuple(parts["busy"]), tuple(parts["lock"]))
                if not self._logged:
                    self._logged = True
                    log.debug("Desktop sources: %s.", report.line())
                done(report)

        self.idle.ask_source(
            lambda source: part("idle", None if source is None else display_name(source))
        )
        self.watch.dnd.ask_sources(lambda sources: part("busy", [display_name(s) for s in sources]))
        ask_lock_sources(self.watch, lambda names: part("lock", names))
