"""Start the GUI: the application object, its language, the controller and the main window.

Ctrl+C in the terminal (SIGINT) and SIGTERM quit the app at once, with exit status 128 + the
signal's number (130 and 143), as a shell reports a program that signal ended.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from functools import partial
from types import FrameType
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    QSocketNotifier,
    QTimer,
)
from PySide6.QtWidgets import QApplication, QWidget

from lowback_timer.app.controller import (
    Controller,
    default_data_dir,
    name_application,
    open_store,
)
from lowback_timer.app.single_instance import Claim, SingleInstance, default_name, private_folder
from lowback_timer.app.sound import quiet_audio_libraries
from lowback_timer.app.start_at_login import APP_ID
from lowback_timer.app.translations import chosen_language, install_translators
from lowback_timer.core.content import Content, assets_dir
from lowback_timer.core.exits import QUIT_SIGNALS
from lowback_timer.core.routine import Answers
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.style import apply_look

if TYPE_CHECKING:  # imported after the first frame
    from lowback_timer.ui.background import Background

log = logging.getLogger(__name__)


def application() -> QApplication:
    """The QApplication, named, with the app's look (its fonts come with the language:
    `apply_look(app, fonts)` once the translators are installed)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    name_application()  # where the settings live; the store is opened once, by run_gui
    app.setApplicationDisplayName("Low-back Timer")
    app.setDesktopFileName(APP_ID)  # the launcher entry's name: the dock shows its icon
    apply_look(app)  # the style sheet and the focus ring (ui.style.Look)
    return app


def show_name_in_language(app: QApplication) -> None:
    """The name the desktop adds to every window title ("… — 腰ストレッチタイマー"), in the
    language just installed: `application()` set it before there were translators."""
    app.setApplicationDisplayName(QCoreApplication.translate("MainWindow", "Low-back Timer"))


def run_gui(
    requested_lang: str | None,
    content: Content,
    answers: Answers | None,
    *,
    hidden: bool = False,
    exit_after_first_frame: bool = False,
) -> int:
    """The app; with `answers` (`lowback-timer session`), their routine starts at once;
    `hidden` (`--tray`, as at login) starts in the tray once the app is set up."""
    app = application()
    with quit_on_signals(app), quiet_audio_libraries(), one_copy(app) as instance:
        if instance is None:
            return 0  # the running copy came forward; two would undo each other's settings
        store = open_store()
        lang = chosen_language(requested_lang, store, content)
        app.setProperty("translators", install_translators(app, lang))
        show_name_in_language(app)
        apply_look(app, dict(content.meta.screen_fonts))  # the language's fonts, now it is set
        controller = Controller(content, lang, store, parent=app)
        controller.tidy()
        window = MainWindow(controller)
        instance.show_requested.connect(window.bring_forward)
        # exit(), not quit(): quit() asks each window to close, and one hiding to the tray says no
        window.quit_requested.connect(lambda: app.exit(0))
        if hidden and answers is None and controller.settings.setup_done:
            set_window_icon(app)
            instance.listen()
            background(controller, window).start_hidden()
            window.start_reviews()
            return app.exec()
        window.show()
        if answers is not None:
            window.start_session(answers)
        else:
            window.start_up()  # the wizard on the first run; the safety check offered when due
        # The reminders, the tray and the desktop's signals come right after the first frame
        # (the wizard's, on a first run): it is on screen sooner, and they have nothing to say
        # before it. The diagnostic `--exit-after-first-frame` measures up to there.
        shown = window.wizard or window
        if exit_after_first_frame:
            after_first_frame(shown, _say_first_frame_and_exit)
        else:
            after_first_frame(shown, partial(_settle_in, instance, controller, window))
        return app.exec()


def _settle_in(instance: SingleInstance, controller: Controller, window: MainWindow) -> None:
    """After the first frame: the windows' icon, serving later starts, then the tray and the
    reminders, and the two-week review's line on home."""
    set_window_icon(QApplication.instance())
    instance.listen()
    background(controller, window)
    window.start_reviews()  # (it reads the history)


def set_window_icon(app: QCoreApplication | None) -> None:
    """The icon of every window, the shown ones too. Set after the first frame: on X11 the SVG
    is drawn at each size the window manager is offered (~3 ms), and a taskbar takes the icon
    when it changes."""
    from PySide6.QtGui import QIcon

    if isinstance(app, QApplication):
        app.setWindowIcon(QIcon(str(assets_dir() / "icon.svg")))


def _say_first_frame_and_exit() -> None:
    """The diagnostic: the first frame's moment on the system's monotonic clock, which another
    process reads too (benchmarks/report.py: start to first frame, without the exit)."""
    print(f"first frame at {time.monotonic():.6f}", flush=True)
    QCoreApplication.exit(0)


def background(controller: Controller, window: MainWindow) -> Background:
    """The tray (or the status window) and the reminders, imported only now."""
    from lowback_timer.ui.background import Background

    return Background(controller, window)


class _FirstFrame(QObject):
    """Calls `then()` once `window` has painted its first frame: at its first paint, once that
    frame is flushed to the screen. (`--exit-after-first-frame` quits there, for measuring
    start-up from outside.) A filter on the window, not on the application: an app-wide
    Python filter makes every event of every widget pass through Python."""

    def __init__(self, window: QWidget, then: Callable[[], object]) -> None:
        super().__init__(window)
        self.window = window
        self.then = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.window.removeEventFilter(self)
            log.debug("First frame painted.")
            QTimer.singleShot(0, self.then)
        return False


def after_first_frame(window: QWidget, then: Callable[[], object]) -> None:
    window.installEventFilter(_FirstFrame(window, then))


@contextlib.contextmanager
def one_copy(app: QCoreApplication) -> Iterator[SingleInstance | None]:
    """This copy's claim to be the only one running, released when it ends; None when another
    copy runs (it was asked to come forward)."""
    data_dir = default_data_dir()
    instance = SingleInstance(default_name(data_dir), private_folder(data_dir), app)
    claim = instance.claim()
    if claim is Claim.ANSWERED:
        print("Low-back Timer is already running; its window was brought forward.")
    elif claim is Claim.SILENT:
        print(
            "Low-back Timer is already running but did not answer; if its window does not "
            "come back, end it and start again.",
            file=sys.stderr,
        )
    elif claim is Claim.UNGUARDED:
        print(f"Low-back Timer: {instance.problem}; starting anyway.", file=sys.stderr)
    if claim in (Claim.ANSWERED, Claim.SILENT):
        yield None
        return
    try:
        yield instance
    finally:
        instance.release()


@contextlib.contextmanager
def quit_on_signals(app: QCoreApplication) -> Iterator[None]:
    """SIGINT and SIGTERM end `app.exec()` with 128 + the signal's number, also when they come
    before it starts. The handlers before are back afterwards.

    Python runs its signal handlers only when the interpreter next runs, and an idle event loop
    never lets it: Python writes the signal's number to a pipe (`signal.set_wakeup_fd`) that
    Qt watches, which wakes the loop to run the handler. Idle, nothing else runs.
    """
    wakeup = _Wakeup()
    notifier = QSocketNotifier(wakeup.read_fd, QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: wakeup.drain())  # Python runs the handler here

    def quit_now(number: int, _frame: FrameType | None) -> None:
        # Only this here: the handler runs between any two steps of the Python code, also in
        # the middle of a write to stderr (a Qt warning being printed), where a log line of
        # its own raised "reentrant call" and the quit was lost. The log line comes from the
        # event loop, with the exit.
        QTimer.singleShot(0, app, partial(_quit, app, number))

    wakeup_before = signal.set_wakeup_fd(wakeup.write_fd, warn_on_full_buffer=False)
    handlers_before = {number: signal.signal(number, quit_now) for number in QUIT_SIGNALS}
    QTimer.singleShot(0, app, _say_running)
    try:
        yield
    finally:
        for number, handler in handlers_before.items():
            signal.signal(number, signal.SIG_DFL if handler is None else handler)
        signal.set_wakeup_fd(wakeup_before)
        notifier.setEnabled(False)
        wakeup.close()


def _quit(app: QCoreApplication, number: int) -> None:
    app.exit(128 + number)  # first: a log line that fails must not keep the app running
    log.debug("Quitting on %s.", signal.Signals(number).name)


def _say_running() -> None:
    if log.isEnabledFor(logging.DEBUG):
        log.debug("Running; SIGINT or SIGTERM quits. (%s)", _dispositions())


def _dispositions() -> str:
    """How the quit signals are handled now, and whether any is blocked (for the log)."""
    blocked = (
        signal.pthread_sigmask(signal.SIG_BLOCK, [])
        if hasattr(signal, "pthread_sigmask")
        else set()
    )
    return ", ".join(
        f"{signal.Signals(n).name}: {getattr(signal.getsignal(n), '__name__', signal.getsignal(n))}"
        + (" blocked" if n in blocked else "")
        for n in QUIT_SIGNALS
    )


class _Wakeup:
    """Where Python writes a signal's number: a non-blocking pipe; on Windows, whose wakeup fd
    must be a socket, a socket pair (the socket module is loaded only there: it cost 3 ms at
    every start)."""

    def __init__(self) -> None:
        self._sockets: list[Any] = []
        if os.name == "nt":
            import socket

            self._sockets = list(socket.socketpair())
            for end in self._sockets:
                end.setblocking(False)
            self.read_fd, self.write_fd = (end.fileno() for end in self._sockets)
        else:
            self.read_fd, self.write_fd = os.pipe()
            for fd in (self.read_fd, self.write_fd):
                os.set_blocking(fd, False)

    def drain(self) -> None:
        with contextlib.suppress(OSError):  # empty now (BlockingIOError is an OSError)
            while self._sockets[0].recv(64) if self._sockets else os.read(self.read_fd, 64):
                pass

    def close(self) -> None:
        for end in self._sockets:
            end.close()
        if not self._sockets:
            os.close(self.read_fd)
            os.close(self.write_fd)
