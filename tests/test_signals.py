"""The app as a real process: Ctrl+C (SIGINT) and SIGTERM quit it at once and cleanly, from
the wizard's first page (an idle event loop) and from a running session; a second start hands
over to the running copy and exits."""

from __future__ import annotations

import contextlib
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lowback_timer.core.exits import QUIT_SIGNALS
from lowback_timer.ui.app import quit_on_signals
from tests.processes import run_app

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

#: Logged (with --verbose) once the event loop runs, i.e. the window is up.
RUNNING = "Running; SIGINT or SIGTERM quits."


class App:
    """The app as a process on the offscreen platform, with its own settings folder; a thread
    reads its stderr, so an app that says nothing cannot hang the test."""

    def __init__(self, tmp_path: Path, *argv: str) -> None:
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": "offscreen",
            "HOME": str(tmp_path),
            "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_DATA_HOME": str(tmp_path / "data"),
            "XDG_CACHE_HOME": str(tmp_path / "cache"),
        }
        self.env = env
        self.process = subprocess.Popen(
            # (faulthandler: where it hangs, if it does, is in the failure: see `quit_with`)
            [sys.executable, "-X", "faulthandler", "-m", "lowback_timer", "--verbose", *argv],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        for line in self.process.stderr:
            self.lines.put(line)

    def wait_for(self, wanted: str, timeout_s: float = 30) -> str:
        """What the app said up to the line holding `wanted`."""
        seen: list[str] = []
        end = time.monotonic() + timeout_s
        while not any(wanted in line for line in seen):
            try:
                seen.append(self.lines.get(timeout=max(0.0, end - time.monotonic())))
            except queue.Empty:
                self.end()
                pytest.fail(f"the app did not log {wanted!r}; it said:\n{''.join(seen)}")
        return "".join(seen)

    def end(self) -> None:
        """Kill the app if it still runs, and read its stderr to the end."""
        self.process.kill()
        self.process.wait()
        self.reader.join(timeout=10)
        assert self.process.stderr is not None
        self.process.stderr.close()

    def quit_with(self, number: int) -> tuple[int, float, str]:
        """Send the signal: the exit status, the seconds it took, and what the app said."""
        sent = time.monotonic()
        self.process.send_signal(number)
        try:
            status = self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.send_signal(signal.SIGABRT)  # faulthandler prints every thread's stack
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
            self.end()
            told = "".join(self.lines.get() for _ in range(self.lines.qsize()))
            pytest.fail(f"signal {number} did not end the app within 10 s; it said:\n{told}")
        took = time.monotonic() - sent
        self.end()
        said: list[str] = []
        while not self.lines.empty():
            said.append(self.lines.get())
        return status, took, "".join(said)


@pytest.mark.parametrize(
    ("number", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 128 + signal.SIGTERM)]
)
def test_a_signal_quits_the_idle_app_at_once(tmp_path: Path, number: int, status: int) -> None:
    app = App(tmp_path)  # fresh settings: the wizard, and nothing ticking
    before = app.wait_for(RUNNING)
    exit_status, took, after = app.quit_with(number)
    assert exit_status == status, before + after
    assert took < 3, f"took {took:.1f} s"
    assert "Traceback" not in after and "KeyboardInterrupt" not in after
    assert f"Quitting on {signal.Signals(number).name}." in after


def test_ctrl_c_at_once_after_start_quits_quietly(tmp_path: Path) -> None:
    """Ctrl+C before the event loop (Python starting, Qt being imported, the application being
    made): 130, no traceback, no "Fatal Python error", no window opening anyway."""
    for _ in range(3):
        app = App(tmp_path)
        status, _took, said = app.quit_with(signal.SIGINT)  # sent as soon as it was started
        # 130, or killed by the signal itself before Python set any handler (a shell shows
        # both as 130).
        assert status in (130, -signal.SIGINT), said
        assert "Traceback" not in said and "Fatal Python error" not in said, said
        assert RUNNING not in said


def test_sigterm_while_a_file_is_written_leaves_no_temporary_file(tmp_path: Path) -> None:
    """`sheet -o` and `history --csv -o` write through core.atomic: a SIGTERM in the middle
    leaves the old file and no `.name.XXXX.tmp` beside it."""
    out = tmp_path / "s.pdf"
    out.write_text("the old sheet", encoding="utf-8")
    code = (
        "import os, signal\nfrom pathlib import Path\n"
        "from lowback_timer.core import atomic, exits\n"
        "exits.install()\n"
        f"with atomic.replacing(Path({str(out)!r})) as tmp:\n"
        "    tmp.write_text('half a sheet')\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert out.read_text(encoding="utf-8") == "the old sheet"
    assert [p.name for p in tmp_path.iterdir()] == ["s.pdf"]


def test_ctrl_c_during_a_session_quits_without_a_traceback(tmp_path: Path) -> None:
    settings = tmp_path / "config" / "lowback-timer" / "lowback-timer.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[General]\nscreened_at={time.time()}\nprepare_s=3\n", encoding="utf-8")
    app = App(tmp_path, "session", "--type", "nerve", "--place", "floor", "--minutes", "3")
    app.wait_for(RUNNING)  # the routine started before the event loop did
    exit_status, took, after = app.quit_with(signal.SIGINT)
    assert exit_status == 130, after
    assert took < 3, f"took {took:.1f} s"
    assert "Traceback" not in after and "KeyboardInterrupt" not in after


def test_a_signal_before_the_event_loop_starts_still_quits_it(qapp: QApplication) -> None:
    safety_net = QTimer(singleShot=True, interval=5000)
    safety_net.timeout.connect(lambda: qapp.exit(-1))
    safety_net.start()
    try:
        with quit_on_signals(qapp):
            signal.raise_signal(signal.SIGTERM)  # e.g. while the window is being made
            assert qapp.exec() == 128 + signal.SIGTERM
    finally:
        safety_net.stop()  # (a later test's event loop must not end 5 s from now)


@pytest.mark.qt_no_exception_capture  # the failing log lines are the point
def test_a_signal_that_comes_while_a_log_line_cannot_be_written_still_quits(
    qapp: QApplication,
) -> None:
    """Seen in a fresh Debian root: the signal came in the middle of a Qt warning being printed
    to stderr; the handler's own log line raised "reentrant call", and the quit was lost."""

    class Reentrant(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            raise RuntimeError("reentrant call inside <_io.BufferedWriter name='<stderr>'>")

    logger = logging.getLogger("lowback_timer.ui.app")
    handler, level = Reentrant(), logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    safety_net = QTimer(singleShot=True, interval=5000)  # (a failure must not hang the tests)
    safety_net.timeout.connect(lambda: qapp.exit(-1))
    safety_net.start()
    try:
        with quit_on_signals(qapp):
            signal.raise_signal(signal.SIGTERM)
            assert qapp.exec() == 128 + signal.SIGTERM
    finally:
        safety_net.stop()  # (a later test's event loop must not end 5 s from now)
        logger.removeHandler(handler)
        logger.setLevel(level)


def test_the_handlers_before_are_back_afterwards(qapp: QApplication) -> None:
    """`run_gui` runs inside pytest too (tests/ui/test_app.py): Ctrl+C must stop pytest again."""
    before = [signal.getsignal(number) for number in QUIT_SIGNALS]
    with quit_on_signals(qapp):
        assert all(signal.getsignal(n) is not h for n, h in zip(QUIT_SIGNALS, before, strict=True))
    assert [signal.getsignal(number) for number in QUIT_SIGNALS] == before
    assert signal.set_wakeup_fd(-1) == -1


@pytest.mark.parametrize("elsewhere", [False, True], ids=["same-shell", "other-tmpdir-and-user"])
def test_a_second_start_brings_the_first_forward_and_exits(tmp_path: Path, elsewhere: bool) -> None:
    """Also when $TMPDIR and $USER differ (a terminal, a launcher, `sudo -E`): one copy."""
    first = App(tmp_path)
    first.wait_for(RUNNING)
    env = dict(first.env)
    if elsewhere:
        (tmp_path / "other-tmp").mkdir()
        env |= {"TMPDIR": str(tmp_path / "other-tmp"), "USER": "somebody-else"}
    second = run_app(env=env, timeout=30)
    assert second.returncode == 0, second.stderr
    assert "already running; its window was brought forward" in second.stdout
    first.wait_for("Another start asked this copy to come forward.")
    assert first.process.poll() is None  # the first copy runs on
    status, _, _ = first.quit_with(signal.SIGTERM)
    assert status == 128 + signal.SIGTERM


def test_a_start_while_the_first_is_still_starting_is_handed_over(tmp_path: Path) -> None:
    """A double click on the launcher: the second start comes before the first has shown its
    window (it serves other starts only after its first frame) and waits for it."""
    first = App(tmp_path)
    first.wait_for("This copy is the one that runs.")  # its window is still to come
    second = run_app(env=first.env, timeout=30)
    assert second.returncode == 0, second.stderr
    assert "already running; its window was brought forward" in second.stdout
    first.wait_for("Another start asked this copy to come forward.")
    status, _, _ = first.quit_with(signal.SIGTERM)
    assert status == 128 + signal.SIGTERM


def test_started_in_the_tray_it_quits_cleanly_on_sigterm(tmp_path: Path) -> None:
    """`--tray` (as at login): set up before, so no window; offscreen has no tray, so the small
    status window stands in; SIGTERM (as at logout) ends it with no traceback."""
    settings = tmp_path / "config" / "lowback-timer" / "lowback-timer.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(
        f"[General]\nsetup_done=true\nscreened_at={time.time()}\ntypes=sitting\n",
        encoding="utf-8",
    )
    app = App(tmp_path, "--tray")
    before = app.wait_for(RUNNING)
    exit_status, took, after = app.quit_with(signal.SIGTERM)
    assert exit_status == 128 + signal.SIGTERM, before + after
    assert took < 3, f"took {took:.1f} s"
    assert "Traceback" not in before + after
