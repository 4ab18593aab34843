"""The desktop's answers that come from local libraries through ctypes, not from a service:
X11's idle time (libXss) and full-screen window (EWMH), Windows' and macOS' idle time and
Windows' "do not disturb". A library call answers at once, so these stay synchronous;
app/desktop_watch.py asks them beside the D-Bus services.

Each answers None (or "not busy") where it cannot work: another platform, no display, no
library.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:  # (PySide6 types it as object -> object)

    def QT_TRANSLATE_NOOP(context: str, text: str, /) -> str:
        """Marks a source's display name for translation (pyside6-lupdate collects it)."""
        ...

else:
    from PySide6.QtCore import QT_TRANSLATE_NOOP


# --- answering at once --------------------------------------------------------------------
def on_xcb() -> bool:
    """Whether the app runs on an X11 display (not Wayland's X11 fallback without DISPLAY)."""
    return QGuiApplication.platformName() == "xcb" and bool(os.environ.get("DISPLAY"))


class LocalIdle:
    """An idle source that answers at once (a library call, no service to wait for); `ask` is
    what app/desktop_watch.py's IdleMonitor calls, as it does a D-Bus source's."""

    name = "local"

    def idle_seconds(self) -> float | None:
        """Seconds since the last keyboard or mouse input; None when this source cannot tell."""
        raise NotImplementedError

    def ask(self, done: Callable[[float | None], None]) -> None:
        done(self.idle_seconds())


class LocalBusy:
    """A do-not-disturb source that answers at once (see `LocalIdle`)."""

    name = "local"

    def busy(self) -> bool:
        """True when a reminder now would interrupt (a presentation, a film, a game)."""
        raise NotImplementedError

    def ask(self, done: Callable[[bool], None]) -> None:
        done(self.busy())


# --- finding and declaring C libraries ----------------------------------------------------
@functools.cache
def _library(name: str) -> ctypes.CDLL | None:
    """Found once a run: `find_library` runs `ldconfig -p`, a process, each time it is asked
    (it was asked at every idle or full-screen query)."""
    found = ctypes.util.find_library(name)
    try:
        return ctypes.CDLL(found) if found else None
    except OSError:
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


class XScreenSaverIdle(LocalIdle):
    """X11: the MIT-SCREEN-SAVER extension's idle time in ms (libXss). Under Wayland it would
    only see X clients' input, so `default_sources` takes it only on the xcb platform."""

    name = "xscreensaver"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "X11 screen saver")

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


class WindowsIdle(LocalIdle):
    """Windows: milliseconds since the last input event (`GetLastInputInfo`)."""

    name = "windows"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Windows")

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


class MacIdle(LocalIdle):
    """macOS: Quartz's seconds since any input event in this login session."""

    name = "macos"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "macOS")

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


def _own_windows() -> list[int]:
    """Our visible top-level windows' ids (the popup, the main window)."""
    return [
        int(window.winId()) for window in QGuiApplication.topLevelWindows() if window.isVisible()
    ]


class X11Fullscreen(LocalBusy):
    """X11 (EWMH): the active window is full screen, unless it is one of ours."""

    name = "x11-fullscreen"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Full-screen window (X11)")

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


class WindowsBusy(LocalBusy):
    """Windows' own idea of "do not disturb": busy, full-screen Direct3D or presenting."""

    name = "windows-quiet"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Windows (busy or presenting)")

    def busy(self) -> bool:
        if sys.platform != "win32":
            return False
        state = ctypes.c_int()
        if ctypes.windll.shell32.SHQueryUserNotificationState(ctypes.byref(state)) != 0:
            return False
        # QUNS_BUSY, QUNS_RUNNING_D3D_FULL_SCREEN, QUNS_PRESENTATION_MODE
        return state.value in (2, 3, 4)
