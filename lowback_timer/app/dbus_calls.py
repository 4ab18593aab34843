"""Asking desktop services over D-Bus without waiting: one call, its answer (or "absent" after
`DBUS_TIMEOUT_MS`) handed to a callback by the event loop. Shared by the idle, Do Not Disturb and
lock sources (app/desktop_watch.py, app/do_not_disturb.py, app/desktop_sources.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtDBus import (
    QDBusConnection,
    QDBusMessage,
    QDBusPendingCallWatcher,
)

# A desktop service that has not answered by then is taken as absent.
DBUS_TIMEOUT_MS = 500

# The translation context of the sources' display names (app/desktop_sources.py `shown`).
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


def dbus_ask(
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


def ask_safely(
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


def plain(value: object) -> object:
    """QtDBus hands variants and object paths over wrapped; unwrap them."""
    for unwrap in ("variant", "path"):
        method = getattr(value, unwrap, None)
        if callable(method):
            return method()
    return value


def first_flag(values: list[Any] | None) -> bool | None:
    value = plain(values[0]) if values else None
    return value if isinstance(value, bool) else None


def as_flag(done: Callable[[bool | None], None]) -> Reply:
    """A reply of one boolean, passed on (None for anything else)."""
    return lambda values: done(first_flag(values))


def first_number(values: list[Any] | None) -> float | None:
    if not values:
        return None
    value = plain(values[0])
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


class OnBus:
    """A source asking a session-bus service; the bus is injectable (tests use a private one)."""

    def __init__(self, bus: QDBusConnection | None = None) -> None:
        self._bus = bus

    def bus(self) -> QDBusConnection:
        return self._bus if self._bus is not None else QDBusConnection.sessionBus()
