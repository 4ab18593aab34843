"""What the desktop tells the reminders: idle time, lock and sleep signals, do-not-disturb.

Fakes drive the logic; where the tools exist, a private D-Bus daemon (dbus-send emitting real
signals, a small service answering real calls) checks the real plumbing
(the X11 sources are tried on Xvfb in test_native_desktop.py).
"""

from __future__ import annotations

import logging
import shutil
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta
from pathlib import Path
from subprocess import DEVNULL, PIPE
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from lowback_timer.app import desktop_watch as desktop
from lowback_timer.app import do_not_disturb
from lowback_timer.app.dbus_calls import DBUS_TIMEOUT_MS
from lowback_timer.app.desktop_questions import DesktopQuestions
from lowback_timer.app.desktop_sources import DesktopSources, SourcesReport
from lowback_timer.app.desktop_watch import (
    DesktopWatch,
    IdleMonitor,
    IdleSource,
    MutterIdle,
    ScreenSaverIdle,
)
from lowback_timer.app.do_not_disturb import (
    DoNotDisturb,
    GnomeShowBanners,
    NotificationsInhibited,
    default_busy_sources,
)
from lowback_timer.app.native_desktop import (
    MacIdle,
    WindowsBusy,
    WindowsIdle,
    X11Fullscreen,
    XScreenSaverIdle,
    on_xcb,
)
from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.core.content import Content
from lowback_timer.ui.reminder_popup import ReminderPopup
from tests.app.test_reminder_service import MONDAY_10
from tests.fakeclock import FakeClock
from tests.helpers import make_controller


class Idle:
    """An idle source that answers at once, as the local ones do."""

    def __init__(self, name: str, answer: float | None) -> None:
        self.name, self.answer, self.asked = name, answer, 0

    def ask(self, done: Callable[[float | None], None]) -> None:
        self.asked += 1
        done(self.answer)


class Later:
    """A source that answers when the test says so, as a D-Bus service does."""

    name = "later"

    def __init__(self) -> None:
        self.waiting: list[Callable[[Any], None]] = []

    def ask(self, done: Callable[[Any], None]) -> None:
        self.waiting.append(done)


class Broken:
    name = "broken"

    def ask(self, done: Callable[[Any], None]) -> None:
        raise OSError("the library went away")


class Busy:
    def __init__(self, name: str, answer: bool) -> None:
        self.name, self.answer = name, answer

    def ask(self, done: Callable[[bool], None]) -> None:
        done(self.answer)


def no_bus() -> QDBusConnection:
    """A connection that never connected (as in a sandbox or headless CI)."""
    return QDBusConnection("lowback-no-bus")


def at_once(ask: Callable[[Callable[[Any], None]], None]) -> Any:
    """The answer of a question whose sources all answer at once."""
    answers: list[Any] = []
    ask(answers.append)
    assert len(answers) == 1
    return answers[0]


def when_answered(qtbot: QtBot, ask: Callable[[Callable[[Any], None]], None]) -> Any:
    """The answer of a question sent over a bus, once it came (the event loop runs meanwhile)."""
    answers: list[Any] = []
    ask(answers.append)
    qtbot.waitUntil(lambda: len(answers) > 0, timeout=5000)
    assert len(answers) == 1
    return answers[0]


# --- IdleMonitor --------------------------------------------------------------------------
def test_first_source_that_answers_wins() -> None:
    first, second = Idle("first", 12.0), Idle("second", 99.0)
    monitor = IdleMonitor([first, second])
    assert at_once(monitor.ask) == 12.0
    assert second.asked == 0


def test_a_silent_or_failing_source_is_passed_over() -> None:
    monitor = IdleMonitor([Idle("silent", None), Broken(), Idle("x", 3.5)])
    assert at_once(monitor.ask) == 3.5
    assert at_once(monitor.ask_available) is True


def test_none_available() -> None:
    monitor = IdleMonitor([Idle("silent", None), Broken()])
    assert at_once(monitor.ask) is None
    assert at_once(monitor.ask_available) is False
    assert at_once(IdleMonitor([]).ask_available) is False


def test_the_source_that_answered_last_is_asked_first() -> None:
    first, second = Idle("first", None), Idle("second", 40.0)
    monitor = IdleMonitor([first, second])
    assert at_once(monitor.ask) == 40.0
    first.answer = 1.0  # e.g. the session bus came up meanwhile
    assert at_once(monitor.ask) == 40.0
    assert (first.asked, second.asked) == (1, 2)
    second.answer = None  # the preferred one stops answering: back to the order given
    assert at_once(monitor.ask) == 1.0
    assert (first.asked, second.asked) == (2, 3)


def test_a_slow_source_is_waited_for_before_the_next_is_asked() -> None:
    slow, after = Later(), Idle("after", 5.0)
    monitor = IdleMonitor([slow, after])
    answers: list[float | None] = []
    monitor.ask(answers.append)
    assert answers == [] and after.asked == 0  # asked, returned at once, nothing known yet
    slow.waiting[0](None)  # it cannot tell: only now the next one is asked
    assert answers == [5.0] and after.asked == 1
    slow.waiting.clear()
    monitor.ask(answers.append)  # "after" answered last time: it goes first now
    assert answers == [5.0, 5.0] and slow.waiting == []


def test_real_sources_say_none_where_they_cannot_work(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    sources: list[IdleSource] = [
        MutterIdle(no_bus()),
        ScreenSaverIdle(no_bus()),
        XScreenSaverIdle(),
    ]
    if sys.platform != "win32":
        sources.append(WindowsIdle())
    if sys.platform != "darwin":
        sources.append(MacIdle())
    assert [at_once(source.ask) for source in sources] == [None] * len(sources)
    assert XScreenSaverIdle(":987").idle_seconds() is None  # no such display
    assert at_once(IdleMonitor(sources).ask_available) is False


def test_default_sources_fit_the_platform(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CURRENT_DESKTOP", "KDE")
    x11 = ["xscreensaver"] if on_xcb() else []  # never under Wayland's X11 fallback
    expected = {"win32": ["windows"], "darwin": ["macos"]}.get(sys.platform)
    names = [source.name for source in desktop.default_sources()]
    assert names == (expected or ["mutter", "screensaver", *x11])
    x11 = ["x11-fullscreen"] if on_xcb() else []
    expected = {"win32": ["windows-quiet"], "darwin": []}.get(sys.platform)
    names = [source.name for source in default_busy_sources(no_bus())]
    assert names == (["notifications-inhibited", *x11] if expected is None else expected)


# --- do not disturb -----------------------------------------------------------------------
def test_busy_when_a_source_says_so() -> None:
    assert at_once(DoNotDisturb([Busy("inhibited", True)]).ask) is True
    assert at_once(DoNotDisturb([Busy("inhibited", False), Busy("fullscreen", True)]).ask)


def test_not_busy_when_none_says_so_or_they_fail() -> None:
    assert not at_once(DoNotDisturb([Busy("inhibited", False), Busy("fullscreen", False)]).ask)
    assert not at_once(DoNotDisturb([Broken()]).ask)
    assert at_once(DoNotDisturb([Broken(), Busy("fullscreen", True)]).ask) is True
    assert at_once(DoNotDisturb([]).ask) is False


def test_real_busy_sources_say_not_busy_where_they_cannot_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("DISPLAY", raising=False)
    assert at_once(NotificationsInhibited(no_bus()).ask) is None  # cannot tell: not busy
    assert not X11Fullscreen().busy()
    assert not X11Fullscreen(":987").busy()
    if sys.platform != "win32":
        assert not WindowsBusy().busy()


def test_sources_are_asked_at_once_and_the_first_busy_answer_decides() -> None:
    """A slow source does not hold the others up, nor use up their time."""
    slow = Later()
    answers: list[bool] = []
    DoNotDisturb([slow, Busy("fullscreen", True)]).ask(answers.append)
    assert answers == [True] and len(slow.waiting) == 1
    answers.clear()
    DoNotDisturb([slow, Busy("fullscreen", False)]).ask(answers.append)
    assert answers == []  # not busy so far, but the slow one has not answered
    slow.waiting[-1](None)
    assert answers == [False]


def test_gnome_setting_only_on_gnome(qapp: object, monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform in ("win32", "darwin"):
        pytest.skip("GNOME's setting is asked on Linux and the BSDs")
    for desktops, asked in (("ubuntu:GNOME", True), ("GNOME", True), ("KDE", False), ("", False)):
        monkeypatch.setenv("XDG_CURRENT_DESKTOP", desktops)
        names = [source.name for source in default_busy_sources(no_bus())]
        assert ("gnome-show-banners" in names) == asked
        assert names[0] == "notifications-inhibited"


def fake_gsettings(tmp_path: Path, script: str) -> tuple[str, ...]:
    """A command standing in for `gsettings get ...` (a shell script)."""
    program = tmp_path / "gsettings"
    program.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    program.chmod(0o755)
    return (str(program), "get", "org.gnome.desktop.notifications", "show-banners")


needs_sh = pytest.mark.skipif(not shutil.which("sh"), reason="needs a POSIX shell")


@needs_sh
@pytest.mark.parametrize(
    ("script", "busy"),
    [
        ("echo false", True),  # GNOME's Do Not Disturb is on
        ("echo true", False),
        ("echo 'No such schema “org.gnome.desktop.notifications”' >&2; exit 1", None),
        ("echo maybe", None),
        ("kill -9 $$", None),
    ],
)
def test_gnome_show_banners_read_with_gsettings(
    qtbot: QtBot, tmp_path: Path, script: str, busy: bool | None
) -> None:
    source = GnomeShowBanners(fake_gsettings(tmp_path, script))
    answers: list[bool | None] = []
    source.ask(answers.append)
    assert answers == []  # asked without waiting for the command
    qtbot.waitUntil(lambda: answers == [busy], timeout=5000)
    qtbot.waitUntil(lambda: not do_not_disturb._running)  # and the process is let go


def test_gnome_show_banners_without_gsettings(qtbot: QtBot, tmp_path: Path) -> None:
    answers: list[bool | None] = []
    GnomeShowBanners((str(tmp_path / "no-gsettings"), "get")).ask(answers.append)
    qtbot.waitUntil(lambda: answers == [None], timeout=5000)
    qtbot.waitUntil(lambda: not do_not_disturb._running)


@needs_sh
def test_gnome_show_banners_not_answered_in_time(qtbot: QtBot, tmp_path: Path) -> None:
    """A gsettings that hangs (dconf stuck, say) is "cannot tell" after the limit, and killed."""
    source = GnomeShowBanners(fake_gsettings(tmp_path, "exec tail -f /dev/null"), timeout_ms=50)
    order: list[object] = []
    source.ask(order.append)
    QTimer.singleShot(0, lambda: order.append("event loop ran"))
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    assert order == ["event loop ran", None]
    qtbot.waitUntil(lambda: not do_not_disturb._running, timeout=5000)  # killed and let go
    assert order == ["event loop ran", None]  # nothing said twice


@pytest.mark.skipif(not shutil.which("gsettings"), reason="gsettings is not installed")
def test_the_real_gsettings_answers(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the schema installed, the defaults (banners shown) are "not busy"; without it,
    "cannot tell". Either way an answer, never busy."""
    monkeypatch.setenv("GSETTINGS_BACKEND", "memory")  # the defaults, not this machine's
    answers: list[bool | None] = []
    GnomeShowBanners(timeout_ms=5000).ask(answers.append)
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=5000)
    assert answers[0] in (False, None)


# --- a due reminder with GNOME's Do Not Disturb --------------------------------------------
@pytest.fixture
def reminders(qtbot: QtBot, content: Content, tmp_path: Path) -> Callable[..., list[str]]:
    """What happens at the first due reminder when `busy` is the only desktop question."""

    def first_due(busy: Callable[[Callable[[Any], None]], None]) -> list[str]:
        boot = FakeClock()
        popup = ReminderPopup()
        qtbot.addWidget(popup)
        questions = DesktopQuestions({"busy": busy})
        service = ReminderService(
            make_controller(content, tmp_path / "data"),
            popup,
            boot=boot,
            wall=lambda: MONDAY_10 + timedelta(seconds=boot.now),
            ask=questions.ask,
        )
        events: list[str] = []
        service.happened.connect(events.append)
        while not events:
            deadline = service.timer.deadline
            assert deadline is not None
            boot.now = deadline
            service.timer.fire_if_due()
            if service.asking:  # due: the answer comes from the fake gsettings, later
                qtbot.waitUntil(lambda: not service.asking, timeout=5000)
        return events

    return first_due


@needs_sh
@pytest.mark.parametrize(
    ("script", "event"),
    [
        ("echo false", "deferred"),  # Do Not Disturb: the reminder waits, as for full screen
        ("echo true", "shown"),
        ("exit 1", "shown"),  # no schema, or gsettings failing
        ("exec tail -f /dev/null", "shown"),  # no answer in time
    ],
)
def test_gnome_do_not_disturb_defers_a_due_reminder(
    reminders: Callable[..., list[str]], tmp_path: Path, script: str, event: str
) -> None:
    source = GnomeShowBanners(fake_gsettings(tmp_path, script), timeout_ms=100)
    assert reminders(DoNotDisturb([NotificationsInhibited(no_bus()), source]).ask) == [event]


def test_a_missing_gsettings_shows_the_reminder(
    reminders: Callable[..., list[str]], tmp_path: Path
) -> None:
    source = GnomeShowBanners((str(tmp_path / "no-gsettings"),))
    assert reminders(DoNotDisturb([source]).ask) == ["shown"]


# --- which sources answer -----------------------------------------------------------------
def test_the_sources_that_answer_are_named(qtbot: QtBot, caplog: pytest.LogCaptureFixture) -> None:
    busy = DoNotDisturb([NotificationsInhibited(no_bus()), X11Fullscreen(":987")])
    watch = DesktopWatch(no_bus(), no_bus(), dnd=busy)
    idle = IdleMonitor([MutterIdle(no_bus()), XScreenSaverIdle(":987"), Idle("x", 3.0)])
    idle.sources[2].display_name = "X11 screen saver"  # type: ignore[attr-defined]
    sources = DesktopSources(idle, watch)
    with caplog.at_level(logging.DEBUG, logger="lowback_timer.app.desktop_sources"):
        first = at_once(sources.ask)
        assert at_once(sources.ask) == first
    # No bus: only the local sources answer (X11 full screen always can where it is asked).
    assert first == SourcesReport(idle="X11 screen saver", busy=("Full-screen window (X11)",))
    lines = [r.getMessage() for r in caplog.records if "Desktop sources" in r.getMessage()]
    assert lines == [
        "Desktop sources: away: X11 screen saver; "
        "do not disturb: Full-screen window (X11); lock: none."
    ]  # once, the first time they are known


def test_no_source_answers() -> None:
    watch = DesktopWatch(no_bus(), no_bus(), dnd=DoNotDisturb([NotificationsInhibited(no_bus())]))
    report = at_once(DesktopSources(IdleMonitor([MutterIdle(no_bus())]), watch).ask)
    assert report == SourcesReport()


# --- DesktopWatch -------------------------------------------------------------------------
@pytest.fixture
def watch(qtbot: QtBot) -> DesktopWatch:
    return DesktopWatch(no_bus(), no_bus(), dnd=DoNotDisturb([]))


def test_screensaver_lock_and_unlock(qtbot: QtBot, watch: DesktopWatch) -> None:
    with qtbot.waitSignal(watch.locked, timeout=1000):
        watch._screensaver_active_changed(True)
    assert watch.is_locked()
    # Several sources report the same lock: it is said once.
    with qtbot.assertNotEmitted(watch.locked):
        watch._screensaver_active_changed(True)
        watch._session_lock()
    with qtbot.waitSignal(watch.unlocked, timeout=1000):
        watch._screensaver_active_changed(False)
    assert not watch.is_locked()
    with qtbot.assertNotEmitted(watch.unlocked):
        watch._session_unlock()


def test_waking_up(qtbot: QtBot, watch: DesktopWatch) -> None:
    with qtbot.assertNotEmitted(watch.woke):
        watch._prepare_for_sleep(True)
    with qtbot.waitSignal(watch.woke, timeout=1000):
        watch._prepare_for_sleep(False)


def test_without_a_bus_the_lock_check_cannot_tell_and_changes_nothing(
    watch: DesktopWatch,
) -> None:
    watch._screensaver_active_changed(True)
    assert at_once(watch.ask_locked) is None
    assert watch.is_locked()  # the last known state


def test_a_lock_service_that_leaves_the_bus_unlocks(qtbot: QtBot, watch: DesktopWatch) -> None:
    """The locker crashed after ActiveChanged(true): its going is the unlock it never sent."""
    watch._screensaver_active_changed(True)
    with qtbot.waitSignal(watch.unlocked, timeout=1000):
        watch._lock_service_gone("org.gnome.ScreenSaver")
    assert not watch.is_locked()
    with qtbot.assertNotEmitted(watch.unlocked):  # not locked: nothing to say
        watch._lock_service_gone("org.freedesktop.ScreenSaver")


def test_busy_asks_its_do_not_disturb() -> None:
    watch = DesktopWatch(no_bus(), no_bus(), dnd=DoNotDisturb([Busy("fullscreen", True)]))
    assert at_once(watch.ask_busy) is True


# --- a real private bus -------------------------------------------------------------------
needs_dbus = pytest.mark.skipif(
    not (shutil.which("dbus-daemon") and shutil.which("dbus-send")),
    reason="dbus-daemon and dbus-send are not installed",
)


@pytest.fixture
def private_bus() -> Iterator[tuple[str, QDBusConnection]]:
    """A session bus of our own: its address and a connection to it."""
    command = ["dbus-daemon", "--session", "--nofork", "--print-address"]
    with subprocess.Popen(command, stdout=PIPE, stderr=DEVNULL, text=True) as daemon:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().strip()
        bus = QDBusConnection.connectToBus(address, "lowback-test-bus")
        try:
            assert bus.isConnected()
            yield address, bus
        finally:
            QDBusConnection.disconnectFromBus("lowback-test-bus")
            daemon.terminate()


def send_signal(address: str, path: str, member: str, *args: str) -> None:
    command = ["dbus-send", f"--bus={address}", "--type=signal", path, member, *args]
    subprocess.run(command, check=True)


@needs_dbus
def test_real_signals_on_a_private_bus(
    qtbot: QtBot, private_bus: tuple[str, QDBusConnection]
) -> None:
    address, bus = private_bus
    session_path = "/org/freedesktop/login1/session/_31"
    # The same bus stands in for the system bus too (logind's signals).
    watch = DesktopWatch(bus, bus, dnd=DoNotDisturb([]), logind_session=session_path)
    # Each of the five subscriptions is proven by its signal arriving.
    saver = "org.freedesktop.ScreenSaver"
    with qtbot.waitSignal(watch.locked, timeout=5000):
        send_signal(
            address, "/org/freedesktop/ScreenSaver", f"{saver}.ActiveChanged", "boolean:true"
        )
    with qtbot.waitSignal(watch.unlocked, timeout=5000):
        send_signal(address, "/ScreenSaver", f"{saver}.ActiveChanged", "boolean:false")
    gnome = "org.gnome.ScreenSaver"
    with qtbot.waitSignal(watch.locked, timeout=5000):
        send_signal(address, "/org/gnome/ScreenSaver", f"{gnome}.ActiveChanged", "boolean:true")
    manager = "org.freedesktop.login1.Manager"
    with qtbot.waitSignal(watch.woke, timeout=5000):
        send_signal(
            address, "/org/freedesktop/login1", f"{manager}.PrepareForSleep", "boolean:false"
        )
    with qtbot.waitSignal(watch.unlocked, timeout=5000):
        send_signal(address, session_path, "org.freedesktop.login1.Session.Unlock")
    # Another user's session locking is not ours: the signal after it arrives, it did not.
    locks: list[bool] = []
    watch.locked.connect(lambda: locks.append(True))
    with qtbot.waitSignal(watch.woke, timeout=5000):
        other = "/org/freedesktop/login1/session/c2"
        send_signal(address, other, "org.freedesktop.login1.Session.Lock")
        send_signal(
            address, "/org/freedesktop/login1", f"{manager}.PrepareForSleep", "boolean:false"
        )
    assert locks == []
    with qtbot.waitSignal(watch.locked, timeout=5000):
        send_signal(address, session_path, "org.freedesktop.login1.Session.Lock")
    assert locks == [True]


FAKE_DESKTOP = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection, QDBusObjectPath

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake")
    slots = QDBusConnection.RegisterOption.ExportAllSlots
    props = QDBusConnection.RegisterOption.ExportAllProperties

    @ClassInfo({"D-Bus Interface": "org.gnome.Mutter.IdleMonitor"})
    class Mutter(QObject):
        @Slot(result="qulonglong")
        def GetIdletime(self):
            return 754000

    @ClassInfo({"D-Bus Interface": "org.freedesktop.ScreenSaver"})
    class Saver(QObject):
        @Slot(result="uint")
        def GetSessionIdleTime(self):
            return 61500

    @ClassInfo({"D-Bus Interface": "org.freedesktop.Notifications"})
    class Notifications(QObject):
        Inhibited = Property(bool, lambda self: True)

    @ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Manager"})
    class Logind(QObject):
        @Slot(str, result=QDBusObjectPath)
        def GetSession(self, key):
            return QDBusObjectPath("/org/freedesktop/login1/session/_3" + key)

    objects = [Mutter(), Saver(), Notifications(), Logind()]
    for name, path, obj, what in [
        ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core", objects[0], slots),
        ("org.freedesktop.ScreenSaver", "/ScreenSaver", objects[1], slots),
        ("org.freedesktop.Notifications", "/org/freedesktop/Notifications", objects[2], props),
        ("org.freedesktop.login1", "/org/freedesktop/login1", objects[3], slots),
    ]:
        assert bus.registerService(name) and bus.registerObject(path, obj, what)
    print("ready", flush=True)
    if sys.argv[2:] == ["silent"]:
        sys.stdin.read()  # holds the names, but never comes back to answer a call
    else:
        app.exec()
    """
)


@contextmanager
def desktop_process(
    tmp_path: Path, address: str, *args: str, source: str = FAKE_DESKTOP
) -> Iterator[subprocess.Popen[str]]:
    """Another process on the private bus that answers as GNOME, KDE and logind would (or as
    `source` does)."""
    script = tmp_path / "fake_desktop.py"
    script.write_text(source, encoding="utf-8")
    command = [sys.executable, str(script), address, *args]
    with subprocess.Popen(command, stdin=PIPE, stdout=PIPE, text=True) as service:
        try:
            assert service.stdout is not None
            assert service.stdout.readline().strip() == "ready"
            yield service
        finally:
            service.terminate()


@pytest.fixture
def fake_desktop(
    tmp_path: Path, private_bus: tuple[str, QDBusConnection]
) -> Iterator[tuple[str, QDBusConnection]]:
    with desktop_process(tmp_path, private_bus[0]):
        yield private_bus


@needs_dbus
def test_real_calls_to_desktop_services(
    qtbot: QtBot, fake_desktop: tuple[str, QDBusConnection], monkeypatch: pytest.MonkeyPatch
) -> None:
    address, bus = fake_desktop
    assert when_answered(qtbot, MutterIdle(bus).ask) == 754.0
    # /org/freedesktop/ScreenSaver is not there: the older /ScreenSaver answers.
    assert when_answered(qtbot, ScreenSaverIdle(bus).ask) == 61.5
    assert when_answered(qtbot, NotificationsInhibited(bus).ask) is True
    monitor = IdleMonitor([MutterIdle(no_bus()), ScreenSaverIdle(bus)])
    assert when_answered(qtbot, monitor.ask) == 61.5  # no bus for Mutter: the screensaver's
    monkeypatch.setenv("XDG_SESSION_ID", "7")
    watch = DesktopWatch(no_bus(), bus, dnd=DoNotDisturb([NotificationsInhibited(bus)]))
    assert watch.session_path is None  # logind was asked; the answer comes later
    qtbot.waitUntil(lambda: watch.session_path == "/org/freedesktop/login1/session/_37")
    assert when_answered(qtbot, watch.ask_busy) is True
    with qtbot.waitSignal(watch.locked, timeout=5000):
        send_signal(
            address,
            "/org/freedesktop/login1/session/_37",
            "org.freedesktop.login1.Session.Lock",
        )


@needs_dbus
def test_a_service_that_never_answers_counts_as_absent_after_the_limit(
    qtbot: QtBot, tmp_path: Path, private_bus: tuple[str, QDBusConnection]
) -> None:
    """The GUI thread goes on while it waits: a zero timer runs before the answer comes."""
    address, bus = private_bus
    with desktop_process(tmp_path, address, "silent"):
        order: list[str] = []
        started = time.monotonic()
        MutterIdle(bus).ask(lambda seconds: order.append(f"idle {seconds}"))
        QTimer.singleShot(0, lambda: order.append("event loop ran"))
        assert order == []  # asking returned at once, with no answer yet
        qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
        waited_ms = (time.monotonic() - started) * 1000
    assert order == ["event loop ran", "idle None"]
    assert DBUS_TIMEOUT_MS * 0.9 <= waited_ms < 5000  # (Qt's timers may fire a hair early)


# --- the lock asked again, on a private bus -------------------------------------------------
FAKE_LOCKER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import ClassInfo, Property, QCoreApplication, QObject, Slot
    from PySide6.QtDBus import QDBusConnection

    app = QCoreApplication([])
    bus = QDBusConnection.connectToBus(sys.argv[1], "fake")
    active, hint = sys.argv[2] == "active", sys.argv[3] == "hint"

    @ClassInfo({"D-Bus Interface": "org.gnome.ScreenSaver"})
    class Saver(QObject):
        @Slot(result=bool)
        def GetActive(self):
            return active

    @ClassInfo({"D-Bus Interface": "org.freedesktop.login1.Session"})
    class Session(QObject):
        LockedHint = Property(bool, lambda self: hint)

    saver, session = Saver(), Session()
    slots = QDBusConnection.RegisterOption.ExportAllSlots
    props = QDBusConnection.RegisterOption.ExportAllProperties
    assert bus.registerService("org.gnome.ScreenSaver")
    assert bus.registerObject("/org/gnome/ScreenSaver", saver, slots)
    assert bus.registerService("org.freedesktop.login1")
    assert bus.registerObject("/org/freedesktop/login1/session/_37", session, props)
    print("ready", flush=True)
    if sys.argv[4:] == ["silent"]:
        sys.stdin.read()  # holds the names, but never comes back to answer a call
    else:
        app.exec()
    """
)
SESSION_37 = "/org/freedesktop/login1/session/_37"


def locker(
    tmp_path: Path, address: str, *, active: bool, hint: bool, silent: bool = False
) -> AbstractContextManager[subprocess.Popen[str]]:
    """A screen locker (org.gnome.ScreenSaver) and logind's session, in another process."""
    flags = ["active" if active else "idle", "hint" if hint else "no-hint"]
    flags += ["silent"] if silent else []
    return desktop_process(tmp_path, address, *flags, source=FAKE_LOCKER)


def gnome_locks(address: str) -> None:
    """The GNOME screensaver's ActiveChanged(true), as a real one sends it."""
    saver = "org.gnome.ScreenSaver"
    send_signal(address, "/org/gnome/ScreenSaver", f"{saver}.ActiveChanged", "boolean:true")


@pytest.fixture
def watch_on_bus(private_bus: tuple[str, QDBusConnection]) -> tuple[str, DesktopWatch]:
    """The private bus's address, and a watch on it (standing in for both buses) that knows
    its logind session."""
    address, bus = private_bus
    return address, DesktopWatch(bus, bus, dnd=DoNotDisturb([]), logind_session=SESSION_37)


@needs_dbus
def test_a_lock_with_no_unlock_is_ended_by_the_check(
    qtbot: QtBot, tmp_path: Path, watch_on_bus: tuple[str, DesktopWatch]
) -> None:
    address, watch = watch_on_bus
    with locker(tmp_path, address, active=False, hint=False):
        with qtbot.waitSignal(watch.locked, timeout=5000):  # the locker said so, then died
            gnome_locks(address)
        with qtbot.assertNotEmitted(watch.unlocked):  # the asker acts on the answer itself
            assert when_answered(qtbot, watch.ask_locked) is False
        assert not watch.is_locked()
        # The next lock signal is heard again.
        with qtbot.waitSignal(watch.locked, timeout=5000):
            gnome_locks(address)


@needs_dbus
def test_locked_hint_keeps_the_lock(
    qtbot: QtBot, tmp_path: Path, watch_on_bus: tuple[str, DesktopWatch]
) -> None:
    """The screensaver says inactive, logind's LockedHint says locked: locked."""
    address, watch = watch_on_bus
    with locker(tmp_path, address, active=False, hint=True):
        assert when_answered(qtbot, watch.ask_locked) is True
        assert watch.is_locked()


@needs_dbus
def test_a_real_locker_that_goes_away_unlocks(
    qtbot: QtBot, tmp_path: Path, private_bus: tuple[str, QDBusConnection]
) -> None:
    address, bus = private_bus
    watch = DesktopWatch(bus, bus, dnd=DoNotDisturb([]))
    with locker(tmp_path, address, active=True, hint=False) as service:
        assert when_answered(qtbot, watch.ask_locked) is True  # GetActive, logind not known
        with qtbot.waitSignal(watch.unlocked, timeout=5000):  # NameOwnerChanged, new owner ""
            service.kill()
    assert not watch.is_locked()
    assert when_answered(qtbot, watch.ask_locked) is None  # nobody left to tell


@needs_dbus
def test_a_lock_check_never_answered_keeps_the_last_state_after_the_limit(
    qtbot: QtBot, tmp_path: Path, watch_on_bus: tuple[str, DesktopWatch]
) -> None:
    address, watch = watch_on_bus
    watch._screensaver_active_changed(True)
    with locker(tmp_path, address, active=False, hint=False, silent=True):
        order: list[object] = []
        watch.ask_locked(order.append)
        QTimer.singleShot(0, lambda: order.append("event loop ran"))
        assert order == []  # asking returned at once
        qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    assert order == ["event loop ran", None]
    assert watch.is_locked()
