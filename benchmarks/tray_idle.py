"""What the app costs while it waits in the tray for the next posture reminder, next to a bare
PySide6 window: context switches and CPU time of the whole process (all threads) over a window
of real time. Goal: no more than the bare window (one single-shot timer, armed for the next
look; nothing else wakes up).

Each case runs in its own process, so neither pays for the other's threads. Run under X, with
or without a tray host, e.g.

    xvfb-run -a uv run python benchmarks/tray_idle.py --seconds 30
    (stalonetray & ) under the same display for the case with a tray icon

For reference, on this machine: Workrave about 355 and Safe Eyes about 360 switches in 30 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def _usage() -> tuple[int, float]:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_nvcsw + use.ru_nivcsw, use.ru_utime + use.ru_stime


def _child(case: str, seconds: float) -> None:
    from PySide6.QtCore import QEventLoop, QSettings, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    def run_for(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(s * 1000), loop.quit)
        loop.exec()

    keep: list[object] = []
    if case == "bare":
        app = QApplication(sys.argv[:1])
        widget = QWidget()
        widget.resize(300, 120)
        widget.show()
        keep.append(widget)
        where = "bare window"
    else:
        from lowback_timer.core.loader import load_content
        from lowback_timer.ui.app import application
        from lowback_timer.ui.background import Background
        from lowback_timer.ui.controller import Controller
        from lowback_timer.ui.main_window import MainWindow

        app = application()
        folder = Path(tempfile.mkdtemp())
        store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        for key, value in (("setup_done", True), ("screened_at", time.time())):
            store.setValue(key, value)
        store.setValue("work_days", "0,1,2,3,4,5,6")  # reminders on, whatever the day
        store.setValue("work_start_min", 0)
        store.setValue("work_end_min", 0)
        window = MainWindow(Controller(load_content(), "en", store, folder))
        background = Background(window.controller, window)
        background.start_hidden()
        keep += [window, background]
        where = "tray icon" if background.tray is not None else "no tray: status window"
    run_for(2.0)  # settle: first paints, D-Bus replies, fonts
    switches, cpu = _usage()
    run_for(seconds)
    after_switches, after_cpu = _usage()
    print(
        f"{case} ({where}, {app.platformName()}): {after_switches - switches} context "
        f"switches, {(after_cpu - cpu) * 1000:.0f} ms CPU in {seconds:.0f} s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--child", choices=("bare", "app"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.seconds)
        return 0
    env = dict(os.environ)
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    for case in ("bare", "app"):
        subprocess.run(
            [sys.executable, __file__, "--child", case, "--seconds", str(args.seconds)],
            env=env,
            check=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
