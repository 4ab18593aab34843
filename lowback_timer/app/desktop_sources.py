"""Which desktop sources answer here, by their display names: how long the user was away, Do
Not Disturb and full screen, and the screen lock (Preferences says them; `--verbose` logs them
once)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
)

from lowback_timer.app.dbus_calls import (
    GNOME_SCREENSAVER,
    SCREENSAVER,
    SOURCE_CONTEXT,
    dbus_ask,
    plain,
)
from lowback_timer.app.desktop_watch import DesktopWatch, IdleMonitor
from lowback_timer.app.native_desktop import (
    QT_TRANSLATE_NOOP,
)

log = logging.getLogger(__name__)


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
        found[index] = bool(reply) and plain(reply[0]) is True  # type: ignore[index]
        if len(found) == len(LOCK_SOURCES):
            names = [name for i, (_, name) in enumerate(LOCK_SOURCES) if found[i]]
            done([*names, LOGIND_NAME] if logind else names)

    for index, (service, _) in enumerate(LOCK_SOURCES):
        dbus_ask(
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
