"""Every cost goal in one table, each figure beside a bare PySide6 window measured in the same
run (one label, the same "quit after the first frame"), so the machine's speed cancels out.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run python benchmarks/report.py

Measured, each in its own process (so none pays for another's threads or caches):
- start-up to first painted frame, the whole process from exec (interpreter, imports, the CLI),
  median of several starts: `lowback-timer --exit-after-first-frame` vs the bare window;
- resident memory and wake-ups (context switches) idle on the home screen, idle in the tray
  (or its no-tray status window), and during a running session;
- the content's load and validation in a fresh process;
- the routine sheet's PDF build, and the phase timing error with a 2 s blocked loop (the
  existing benchmarks, run as they are).
Without a DISPLAY it runs offscreen, which paints less and so reads lower.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BARE = "bare window"


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _switches() -> int:
    use = resource.getrusage(resource.RUSAGE_SELF)
    return use.ru_nvcsw + use.ru_nivcsw


def _profile(folder: Path) -> dict[str, str]:
    """An environment whose user has set the app up (so it opens on the home screen)."""
    config = folder / "config" / "lowback-timer"
    config.mkdir(parents=True, exist_ok=True)
    (config / "lowback-timer.conf").write_text(
        f"[General]\nsetup_done=true\nscreened_at={time.time()}\ntypes=sitting\n"
        "work_days=0,1,2,3,4,5,6\nwork_start_min=0\nwork_end_min=0\nask_ratings=false\n",
        encoding="utf-8",
    )
    env = dict(os.environ)
    env.update(
        HOME=str(folder),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CACHE_HOME=str(folder / "cache"),
    )
    if not env.get("DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # As installed: bytecode cached (some shells set this, and every start then compiles).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# --- children ---------------------------------------------------------------------------------
def bare_first_frame() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    class First(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.UpdateRequest:
                QTimer.singleShot(0, QApplication.quit)
            return False

    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    label.installEventFilter(First(label))
    label.show()
    app.exec()


def steady(case: str, seconds: float) -> None:
    """Print 'rss_mib switches' for `case` after it settles, over `seconds`."""
    from PySide6.QtCore import QEventLoop, QTimer

    def run_for(s: float) -> None:
        loop = QEventLoop()
        QTimer.singleShot(round(s * 1000), loop.quit)
        loop.exec()

    keep: list[object] = []
    if case == BARE:
        from PySide6.QtWidgets import QApplication, QLabel

        QApplication(sys.argv[:1])
        label = QLabel("Hello")
        label.show()
        keep.append(label)
    else:
        from lowback_timer.app.controller import Controller, open_store
        from lowback_timer.core.loader import load_content
        from lowback_timer.ui.app import application
        from lowback_timer.ui.background import Background
        from lowback_timer.ui.main_window import MainWindow

        application()
        window = MainWindow(Controller(load_content(), "en", open_store()))
        background = Background(window.controller, window)
        keep += [window, background]
        if case == "tray":
            background.start_hidden()
        else:
            window.show()
        if case == "session":
            run_for(1.0)
            window.start_routine()
    run_for(2.0)  # settle: first paints, fonts, pictures
    before = _switches()
    run_for(seconds)
    print(f"{_rss_mib():.1f} {_switches() - before}")


def content_load() -> None:
    """'cached checked': a start's load through the cache (the app started before, so it is
    there), then the full read and check of the files."""
    from lowback_timer.core.content_cache import default_cache_dir, load_bundled
    from lowback_timer.core.loader import load_content

    start = time.perf_counter()
    load_bundled(load_content, default_cache_dir())
    cached = time.perf_counter()
    load_content()
    done = time.perf_counter()
    print(f"{(cached - start) * 1000:.1f} {(done - cached) * 1000:.1f}")


# --- the report ---------------------------------------------------------------------------
def _run(argv: list[str], env: dict[str, str]) -> str:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, check=True, timeout=300)
    return done.stdout


def _timed_start(argv: list[str], env: dict[str, str], runs: int) -> float:
    subprocess.run(argv, env=env, capture_output=True, check=True, timeout=120)  # warm caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, env=env, capture_output=True, check=True, timeout=120)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="starts timed per program")
    parser.add_argument("--seconds", type=float, default=30.0, help="idle and session window")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child == "first-frame":
        bare_first_frame()
        return 0
    if args.child == "content":
        content_load()
        return 0
    if args.child:
        steady(args.child, args.seconds)
        return 0

    env = _profile(Path(tempfile.mkdtemp()))
    me = [sys.executable, __file__]
    rows: list[tuple[str, str, str]] = []
    app_ms = _timed_start(
        [sys.executable, "-m", "lowback_timer", "--exit-after-first-frame"], env, args.runs
    )
    bare_ms = _timed_start([*me, "--child", "first-frame"], env, args.runs)
    rows.append(
        (
            "start-up to first frame",
            f"{app_ms:.0f} ms ({app_ms / bare_ms:.2f}x)",
            f"{bare_ms:.0f} ms",
        )
    )
    seconds = ["--seconds", str(args.seconds)]
    bare_rss, bare_sw = map(float, _run([*me, "--child", BARE, *seconds], env).split())
    per_min = 60 / args.seconds
    for case, name in (
        ("home", "idle, home screen"),
        ("tray", "idle, in the tray"),
        ("session", "running session"),
    ):
        rss, sw = map(float, _run([*me, "--child", case, *seconds], env).split())
        rows.append(
            (
                f"{name}: resident memory",
                f"{rss:.0f} MiB (+{rss - bare_rss:.0f})",
                f"{bare_rss:.0f} MiB",
            )
        )
        unit = "a second" if case == "session" else "a minute"
        scale = 1 / args.seconds if case == "session" else per_min
        rows.append(
            (
                f"{name}: wake-ups (context switches)",
                f"{sw * scale:.1f} {unit}",
                f"{bare_sw * scale:.1f} {unit}",
            )
        )
    cached, checked = map(float, _run([*me, "--child", "content"], env).split())
    rows.append(("content load at start (validated cache)", f"{cached:.1f} ms", "—"))
    rows.append(("content read + validation from the files", f"{checked:.1f} ms", "—"))
    sheet = _run([sys.executable, str(HERE / "sheet_build.py"), "--runs", "5"], env)
    en = next(line for line in sheet.splitlines() if line.startswith("routine sheet (en)"))
    bare_pdf = next(line for line in sheet.splitlines() if line.startswith("bare one-line PDF"))
    rows.append(
        (
            "routine sheet PDF (median)",
            en.split("median ")[1].split(",")[0],
            bare_pdf.split("median ")[1].split(",")[0] + " (one-line PDF)",
        )
    )
    timing = _run([sys.executable, str(HERE / "phase_timing.py")], env).splitlines()
    for line in timing[1:]:  # its own lines, as it prints them (the first names the run)
        name, _, value = line.partition(": ")
        rows.append((f"phase timing with a 2 s blocked loop: {name}", value or "—", "—"))

    display = os.environ.get("DISPLAY")
    where = f"X display {display}" if display else "offscreen"
    machine = f"{platform.platform()}, Python {platform.python_version()}"
    print(f"Machine: {machine}, {os.cpu_count()} cores, {where}")
    print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    print("| figure | Low-back Timer | bare PySide6 window |")
    print("|---|---|---|")
    for figure, ours, bare in rows:
        print(f"| {figure} | {ours} | {bare} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
