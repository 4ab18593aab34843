"""Whether a due reminder should wait: notifications silenced (the notification server's
`Inhibited`, as KDE has it; GNOME's Do Not Disturb setting) or a full-screen window. Asked only
when a reminder is due, all sources at once, never waited for."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import (
    QProcess,
    QTimer,
)
from PySide6.QtDBus import (
    QDBusConnection,
)

from lowback_timer.app.dbus_calls import (
    DBUS_TIMEOUT_MS,
    NOTIFICATIONS,
    OnBus,
    ask_safely,
    dbus_ask,
    plain,
)
from lowback_timer.app.native_desktop import (
    QT_TRANSLATE_NOOP,
    WindowsBusy,
    X11Fullscreen,
    on_xcb,
)

log = logging.getLogger(__name__)


# --- do not disturb -----------------------------------------------------------------------
class BusySource(Protocol):
    name: str

    def ask(self, done: Callable[[bool | None], None]) -> None:
        """Calls `done(True)` once when a reminder now would interrupt (a presentation, a film,
        a game), `done(False)` when not, `done(None)` when this source cannot tell (counted as
        "not busy"); returns without waiting for a service."""
        ...


class NotificationsInhibited(OnBus):
    """The notification server's `Inhibited` property (KDE has it, GNOME has not)."""

    name = "notifications-inhibited"
    display_name = QT_TRANSLATE_NOOP("DesktopSource", "Notification server (KDE)")

    def ask(self, done: Callable[[bool | None], None]) -> None:
        path, properties = "/org/freedesktop/Notifications", "org.freedesktop.DBus.Properties"

        def answered(reply: list[Any] | None) -> None:
            value = plain(reply[0]) if reply else None
            done(value if isinstance(value, bool) else None)

        bus = self.bus()
        dbus_ask(bus, answered, NOTIFICATIONS, path, properties, "Get", NOTIFICATIONS, "Inhibited")


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
    if on_xcb():
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
        ask_safely(source.ask, partial(answered, index))


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
