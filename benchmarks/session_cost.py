"""What a session costs while it runs, and what the app costs while it waits: context switches
and CPU time of the whole process (all threads) over a window of real time, on a real screen.

Run under X (e.g. `xvfb-run -a uv run python benchmarks/session_cost.py`); with no DISPLAY it
falls back to offscreen, which paints less and so reads lower. Goal for a running session: at
most 1,000 context switches in 10 s (at most 300 when nothing else runs).

The session is today's routine, started from the home screen as the user would, with the
"how do you feel" question before it turned off (it would stand in front of the timer). The
"paint events" line counts the window's repaints (one a frame, whatever changed in it).
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

if not os.environ.get("DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QTimer

from lowback_timer.app.controller import Controller
from lowback_timer.core.loader import load_content
from lowback_timer.ui.app import application
from lowback_timer.ui.main_window import MainWindow


def _usage() -> tuple[int, float]:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_nvcsw + use.ru_nivcsw, use.ru_utime + use.ru_stime


def _run_for(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


class PaintCounter(QObject):
    """Counts the paint events a widget gets (for a window: its frames)."""

    def __init__(self, widget: QObject) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def measure(seconds: float, paints: PaintCounter) -> tuple[int, float, int]:
    switches, cpu, painted = *_usage(), paints.count
    _run_for(seconds)
    after_switches, after_cpu = _usage()
    return after_switches - switches, after_cpu - cpu, paints.count - painted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10.0)
    args = parser.parse_args()
    app = application()
    folder = Path(tempfile.mkdtemp())
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time())
    store.setValue("ask_ratings", False)
    window = MainWindow(Controller(load_content(), "en", store, folder))
    paints = PaintCounter(window)
    window.show()
    _run_for(1.0)  # settle: first paints, fonts, pictures
    idle = measure(args.seconds, paints)
    window.start_routine()
    session = window.timer_page.session
    if session is None or not session.is_active:
        raise SystemExit("the routine did not start: this would measure another screen")
    _run_for(1.0)
    running = measure(args.seconds, paints)
    platform = app.platformName()
    results = (("idle (home screen)", idle), ("running session", running))
    for name, (switches, cpu, _) in results:
        print(
            f"{name}: {switches} context switches, {cpu * 1000:.0f} ms CPU "
            f"in {args.seconds:.0f} s ({platform})"
        )
    frames = ", ".join(f"{name} {painted}" for name, (_, _, painted) in results)
    print(f"paint events (window repaints in {args.seconds:.0f} s): {frames}")
    window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
