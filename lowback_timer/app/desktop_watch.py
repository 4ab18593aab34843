"""What the desktop tells the posture reminders, without polling.

- `IdleMonitor`: how long the user has been away, asked only when a reminder is due (a long
  absence is a natural break, core/reminders.py decides).
- `DesktopWatch`: locked, unlocked and woke signals, from D-Bus signals where a bus exists.
- `DoNotDisturb`: whether a reminder should wait (notifications inhibited, a full-screen window).

Every source is optional and injectable; one that cannot answer says None (or "not busy") and
never raises. D-Bus calls block for at most `DBUS_TIMEOUT_MS`, and only when asked.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Protocol

from PySide6.QtCore import SLOT, QObject, Signal, Slot
from PySide6.QtDBus import QDBus, QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication

# A desktop service that has not answered by then is taken as absent.
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


@functools.cache
def _library(name: str) -> ctypes.CDLL | None:
    """Found once a run: `find_library` runs `ldconfig -p`, a process, each time it is asked
    (it was asked at every idle or full-screen query)."""
    found = ctypes.util.find_library(name)
    try:
        return ctypes.CDLL(found) if found else None
    except OSError:
        return None


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
_Api = dict[str, tuple[Any, tuple[Any, ...]]]
P, INT, UL, LONG, ptr = ctypes.c_void_p, ctypes.c_int, ctypes.c_ulong, ctypes.c_long, ctypes.POINTER
_X11_API: _Api = {
    "XOpenDisplay": (P, (ctypes.c_char_p,)),
    "XCloseDisplay": (INT, (P,)),
    "XSync": (INT, (P, INT)),
    "XSetErrorHandler": (P, (P,)),
    "XDefaultRootWindow": (UL, (P,)),
    "XInternAtom": (UL, (P, ctypes.c_char_p, INT)),
    "XGetWindowProperty": (INT, (P, UL, UL, LONG, LONG, INT, UL, *map(ptr, (UL, INT, UL, UL, P)))),
    "XFree": (INT, (P,)),
}
# X errors (a window that closed meanwhile) are ignored instead of ending the process.
_IGNORE_X_ERROR = ctypes.CFUNCTYPE(INT, P, P)(lambda display, event: 0)


def _declared(name: str, api: _Api) -> ctypes.CDLL | None:
    """A C library with the prototypes it is called with, None when it is missing."""
    library = _library(name)
    if library is not None:
        for function, (restype, argtypes) in api.items():
            getattr(library, function).restype = restype
            getattr(library, function).argtypes = argtypes
    return library


@contextmanager
def _x_display(name: str | None) -> Iterator[tuple[ctypes.CDLL, int] | None]:
    """libX11 and an open display for the length of a `with`; None when there is none."""
    name = name if name is not None else os.environ.get("DISPLAY")
    x11 = _declared("X11", _X11_API) if name else None
    display = x11.XOpenDisplay(name.encode()) if x11 is not None and name else None
    if x11 is None or not display:
        yield None
        return
    previous = x11.XSetErrorHandler(_IGNORE_X_ERROR)
    try:
        yield x11, display
    finally:
        x11.XSync(display, 0)
        x11.XSetErrorHandler(previous)
        x11.XCloseDisplay(display)


def _x_longs(x11: ctypes.CDLL, display: int, window: int, prop: str) -> list[int]:
    """A format-32 window property (windows, atoms) as numbers; [] when absent."""
    kind, form, count, after, data = UL(), INT(), UL(), UL(), P()
    atom = x11.XInternAtom(display, prop.encode(), 0)
    refs = (ctypes.byref(v) for v in (kind, form, count, after, data))
    if x11.XGetWindowProperty(display, window, atom, 0, 64, 0, 0, *refs) != 0 or not data.value:
        return []
    try:  # format 32 comes as C longs, whatever their width
        items = ctypes.cast(data, ptr(UL))
        return [int(items[i]) for i in range(count.value)] if form.value == 32 else []
    finally:
        x11.XFree(data)


class _XScreenSaverInfo(ctypes.Structure):
    _fields_ = (
        ("window", UL),
        ("state", INT),
        ("kind", INT),
        ("since", UL),
        ("idle", UL),
        ("mask", UL),
    )


_XSS_API: _Api = {
    "XScreenSaverQueryExtension": (INT, (P, ptr(INT), ptr(INT))),
    "XScreenSaverAllocInfo": (ptr(_XScreenSaverInfo), ()),
    "XScreenSaverQueryInfo": (INT, (P, UL, ptr(_XScreenSaverInfo))),
}


class XScreenSaverIdle:
    """X11: the MIT-SCREEN-SAVER extension's idle time in ms (libXss). Under Wayland it would
    only see X clients' input, so `default_sources` takes it only on the xcb platform."""

    name = "xscreensaver"

    def __init__(self, display: str | None = None) -> None:
        self._display = display

    def idle_seconds(self) -> float | None:
        try:
            xss = _declared("Xss", _XSS_API)
            with _x_display(self._display) as x:
                if x is None or xss is None:
                    return None
                x11, display = x
                if not xss.XScreenSaverQueryExtension(
                    display, ctypes.byref(INT()), ctypes.byref(INT())
                ):
                    return None
                info = xss.XScreenSaverAllocInfo()
                try:
                    ok = xss.XScreenSaverQueryInfo(display, x11.XDefaultRootWindow(display), info)
                    return int(info.contents.idle) / 1000.0 if ok else None
                finally:
                    x11.XFree(info)
        except (OSError, AttributeError, ValueError):
            return None


class WindowsIdle:
    """Windows: milliseconds since the last input event (`GetLastInputInfo`)."""

    name = "windows"

    def idle_seconds(self) -> float | None:
        if sys.platform != "win32":
            return None

        class LastInputInfo(ctypes.Structure):
            _fields_ = (("cbSize", ctypes.c_uint), ("dwTime", ctypes.c_uint32))

        info = LastInputInfo(ctypes.sizeof(LastInputInfo), 0)
        user32 = ctypes.windll.user32
        if not user32.GetLastInputInfo(ctypes.byref(info)):
            return None
        now = ctypes.windll.kernel32.GetTickCount() & 0xFFFFFFFF
        return ((now - info.dwTime) & 0xFFFFFFFF) / 1000.0


class MacIdle:
    """macOS: Quartz's seconds since any input event in this login session."""

    name = "macos"

    def idle_seconds(self) -> float | None:
        if sys.platform != "darwin":
            return None
        quartz = _library("ApplicationServices") or _library("CoreGraphics")
        if quartz is None:
            return None
        since = quartz.CGEventSourceSecondsSinceLastEventType
        since.restype = ctypes.c_double
        since.argtypes = (ctypes.c_int32, ctypes.c_uint32)
        # kCGEventSourceStateCombinedSessionState, kCGAnyInputEventType
        return float(since(0, 0xFFFFFFFF))


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

    def source_name(self) -> str | None:
        """The source that answered last."""
        return self._last.name if self._last is not None else None


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


def _own_windows() -> list[int]:
    """Our visible top-level windows' ids (the popup, the main window)."""
    return [
        int(window.winId()) for window in QGuiApplication.topLevelWindows() if window.isVisible()
    ]


class X11Fullscreen:
    """X11 (EWMH): the active window is full screen, unless it is one of ours."""

    name = "x11-fullscreen"

    def __init__(
        self, display: str | None = None, own_windows: Callable[[], Iterable[int]] = _own_windows
    ) -> None:
        self._display = display
        self._own_windows = own_windows

    def busy(self) -> bool:
        try:
            with _x_display(self._display) as x:
                if x is None:
                    return False
                x11, display = x
                active = _x_longs(
                    x11, display, x11.XDefaultRootWindow(display), "_NET_ACTIVE_WINDOW"
                )
                if not active or not active[0] or active[0] in set(self._own_windows()):
                    return False
                full = x11.XInternAtom(display, b"_NET_WM_STATE_FULLSCREEN", 0)
                return full in _x_longs(x11, display, active[0], "_NET_WM_STATE")
        except (OSError, AttributeError, ValueError):
            return False


class WindowsBusy:
    """Windows' own idea of "do not disturb": busy, full-screen Direct3D or presenting."""

    name = "windows-quiet"

    def busy(self) -> bool:
        if sys.platform != "win32":
            return False
        state = ctypes.c_int()
        if ctypes.windll.shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
            return False
        # QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE
        return state.value in (2, 3, 4)


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
        self._listening: list[str] = []
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

    def listening(self) -> list[str]:
        """What it subscribed to, for the log and Preferences."""
        return list(self._listening)

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
        if bus.connect("", path, interface, name, self, SLOT(slot)):  # type: ignore[call-overload]  # str works, bytes not
            self._listening.append(f"{interface}.{name}")

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
