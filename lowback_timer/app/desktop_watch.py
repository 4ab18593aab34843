"""What the desktop tells the posture reminders, without polling.

- `IdleMonitor`: how long the user has been away, asked only when a reminder is due (a long
  absence is a natural break, core/reminders.py decides).
- `DesktopWatch`: locked, unlocked and woke signals, from D-Bus signals where a bus exists.
- `DoNotDisturb`: whether a reminder should wait (notifications inhibited, a full-screen window).

Every source is optional and injectable; one that cannot answer says None (or "not busy") and
never raises. D-Bus calls block for at most `DBUS_TIMEOUT_MS`, and only when asked.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication

from lowback_timer.app.native_desktop import (
    MacIdle,
    WindowsBusy,
    WindowsIdle,
    X11Fullscreen,
    XScreenSaverIdle,
)

#: A desktop service that has not answered by then is taken as absent.
DBUS_TIMEOUT_MS = 500

SCREENSAVER = "org.freedesktop.ScreenSaver"
MUTTER = "org.gnome.Mutter.IdleMonitor"
NOTIFICATIONS = "org.freedesktop.Notifications"
GNOME_SCREENSAVER = "org.gnome.ScreenSaver"
LOGIN1 = "org.freedesktop.login1"
LOGIN1_PATH = "/org/freedesktop/login1"


def _dbus_call(
    bus: QDBusConnection, service: str, path: str, interface: str, method: str, *args: object
) -> list[Any] | None:
    """The reply's arguments, or None for no bus, an error or a timeout."""
    if not bus.isConnected():
        return None
    message = QDBusMessage.createMethodCall(service, path, interface, method)
    if args:
        message.setArguments(list(args))
    reply = bus.call(message, QDBus.CallMode.Block, DBUS_TIMEOUT_MS)
    if reply.type() != QDBusMessage.MessageType.ReplyMessage:
        return None
    return list(reply.arguments())


def _plain(value: object) -> object:
    """QtDBus hands variants and object paths over wrapped; unwrap them."""
    for unwrap in ("variant", "path"):
        method = getattr(value, unwrap, None)
        if callable(method):
            return method()
    return value


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

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input; None when this source cannot tell."""
        ...


class _OnBus:
    """A source asking a session-bus service; the bus is injectable (tests use a private one)."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus

    def bus(self) -> QDBusConnection:
        return self._bus if self._bus is not None else QDBusConnection.sessionBus()


class MutterIdle(_OnBus):
    """GNOME (Wayland and X11): the compositor's own idle monitor, in ms."""

    name = "mutter"

    def idle_seconds(self) -> float | None:
        path = "/org/gnome/Mutter/IdleMonitor/Core"
        ms = _first_number(_dbus_call(self.bus(), MUTTER, path, MUTTER, "GetIdletime"))
        return None if ms is None else ms / 1000.0


class ScreenSaverIdle(_OnBus):
    """KDE and others: `GetSessionIdleTime`, taken as milliseconds (KDE's unit; a desktop that
    answered in seconds would make every absence look short, which only costs a break)."""

    name = "screensaver"

    def idle_seconds(self) -> float | None:
        for path in ("/org/freedesktop/ScreenSaver", "/ScreenSaver"):
            reply = _dbus_call(self.bus(), SCREENSAVER, path, SCREENSAVER, "GetSessionIdleTime")
            if (ms := _first_number(reply)) is not None:
                return ms / 1000.0
        return None


# ctypes shorthands, and a C API as {function: (result type, argument types)}
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
    """The first source that answers; the one that answered last time is asked first."""

    def __init__(self, sources: Sequence[IdleSource] | None = None) -> None:
        self.sources = list(default_sources() if sources is None else sources)
        self._last: IdleSource | None = None

    def idle_seconds(self) -> float | None:
        ordered = sorted(self.sources, key=lambda source: source is not self._last)
        for source in ordered:
            try:
                seconds = source.idle_seconds()
            except Exception:  # a source must not take the reminder down with it
                seconds = None
            if seconds is not None:
                self._last = source
                return seconds
        return None

    def available(self) -> bool:
        """Whether any source answers now (Preferences says so when none does)."""
        return self.idle_seconds() is not None


# --- do not disturb -----------------------------------------------------------------------
class BusySource(Protocol):
    name: str

    def busy(self) -> bool:
        """True when a reminder now would interrupt (a presentation, a film, a game)."""
        ...


class NotificationsInhibited(_OnBus):
    """The notification server's `Inhibited` property (KDE has it, GNOME has not)."""

    name = "notifications-inhibited"

    def busy(self) -> bool:
        path, properties = "/org/freedesktop/Notifications", "org.freedesktop.DBus.Properties"
        reply = _dbus_call(
            self.bus(), NOTIFICATIONS, path, properties, "Get", NOTIFICATIONS, "Inhibited"
        )
        return reply is not None and len(reply) > 0 and _plain(reply[0]) is True


def default_busy_sources(bus: QDBusConnection | None = None) -> list[BusySource]:
    """macOS has no public "focus mode" query, so nothing there is busy."""
    if sys.platform == "win32":
        return [WindowsBusy()]
    if sys.platform == "darwin":
        return []
    sources: list[BusySource] = [NotificationsInhibited(bus)]
    if _xcb():
        sources.append(X11Fullscreen())
    return sources


class DoNotDisturb:
    """Asked at a reminder's due time; a source that fails counts as "not busy"."""

    def __init__(self, sources: Sequence[BusySource] | None = None) -> None:
        self.sources = list(default_busy_sources() if sources is None else sources)

    def reason(self) -> str | None:
        """The name of the first source that says busy, None when none does."""
        for source in self.sources:
            try:
                if source.busy():
                    return source.name
            except Exception:  # never let the desktop's quirks stop a reminder
                continue
        return None

    def busy(self) -> bool:
        return self.reason() is not None


# --- locked, unlocked, woke ---------------------------------------------------------------
class DesktopWatch(QObject):
    """Lock and sleep signals of the session and system buses, turned into Qt signals.
    Without a bus it subscribes to nothing and stays quiet."""

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
        super().__init__(parent)
        self.session = session if session is not None else QDBusConnection.sessionBus()
        self.system = system if system is not None else QDBusConnection.systemBus()
        self.dnd = dnd if dnd is not None else DoNotDisturb(default_busy_sources(self.session))
        self._locked = False
        for interface in (SCREENSAVER, GNOME_SCREENSAVER):
            self._listen(
                self.session, "", interface, "ActiveChanged", "_screensaver_active_changed(bool)"
            )
        # Any sender: a forged signal could at worst delay one reminder.
        manager, session_interface = f"{LOGIN1}.Manager", f"{LOGIN1}.Session"
        self._listen(
            self.system, LOGIN1_PATH, manager, "PrepareForSleep", "_prepare_for_sleep(bool)"
        )
        if path := logind_session or self._logind_session():
            self._listen(self.system, path, session_interface, "Lock", "_session_lock()")
            self._listen(self.system, path, session_interface, "Unlock", "_session_unlock()")

    def is_locked(self) -> bool:
        return self._locked

    def busy(self) -> bool:
        """Whether a due reminder should wait (see `DoNotDisturb`)."""
        return self.dnd.busy()

    def _listen(
        self, bus: QDBusConnection, path: str, interface: str, name: str, slot: str
    ) -> None:
        if not bus.isConnected():
            return
        # An empty path matches the signal on any object (the screensavers differ in theirs).
        bus.connect("", path, interface, name, self, SLOT(slot))  # type: ignore[call-overload]  # str works, bytes not

    def _logind_session(self) -> str | None:
        """This login session's object path: signals come from it, never from `session/auto`."""
        manager = f"{LOGIN1}.Manager"
        for key in (os.environ.get("XDG_SESSION_ID"), "auto"):
            if key:
                reply = _dbus_call(self.system, LOGIN1, LOGIN1_PATH, manager, "GetSession", key)
                if reply:
                    return str(_plain(reply[0]))
        return None

    # --- handlers (plain methods too, so tests can drive them without a bus) --------------
    @Slot(bool)
    def _screensaver_active_changed(self, active: bool) -> None:
        if active and not self._locked:
            self._locked = True
            self.locked.emit()
        elif not active and self._locked:
            self._locked = False
            self.unlocked.emit()

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
