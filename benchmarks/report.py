"""Every cost goal in one table, each figure beside the bare PySide6 window (benchmarks/
bare_window.py: one label) measured in the same run, so the machine's speed cancels out.

    xvfb-run -a -s "-screen 0 1280x900x24" uv run python benchmarks/report.py

Everything is measured from outside, on real processes started as a user starts them (the
installed `lowback-timer` command, a profile of its own):
- start-up to the first painted frame, from before the process is started to the moment it
  prints (both read the system's monotonic clock), and to its exit (what was measured before
  the programs said when their frame came; the app's exit tears down more than one label):
  the home screen (a profile that is set up) and the first-run wizard (a profile not set up
  yet), each start followed by a start of the bare window (app, bare, wizard, bare, ...),
  medians, and the median of each start's ratio to the bare start after it; offscreen, and on
  the X display when there is one.
  Every profile has started once before (the content checked and cached, as at every start but
  the very first); the very first start (an empty profile each time) is shown too;
- resident memory and wake-ups (context switches of all its threads, threads that come and go
  included): idle on the home screen and with `--tray` (no tray host: the status window),
  side by side with the bare window left open, each with its own profile, looked at once the
  tray watcher has given up (two minutes: the time between two reminders); and `session` (a
  routine running) after a 3 s settle;
- the `sheet` command as a whole process, the content's load, and the phase timing with the
  event loop blocked for 2 s (phase_timing.py).
Each figure with a goal says whether it is met.
"""

from __future__ import annotations

import argparse
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
APP = str(BIN / "lowback-timer")
BARE = [sys.executable, str(HERE / "bare_window.py")]
SETTLE_S = 3.0
IDLE_SETTLE_S = 135.0  # past the tray watcher's two minutes (ui/tray.py TrayWatcher)
BARE_NAME = "bare window"
SESSION = [APP, "session", "--type", "sitting", "--minutes", "10"]
# The goals of the start-up and memory issue: (figure, limit, unit of the limit).
HOME_RATIO, WIZARD_RATIO, EXTRA_MIB, SESSION_SWITCHES, PHASE_MS = 1.6, 2.0, 25.0, 100.0, 50.0


def profile(folder: Path, *, set_up: bool) -> dict[str, str]:
    """An environment of its own: set up (the app opens on its home screen) or empty (the
    first-run wizard)."""
    env = dict(os.environ)
    env.update(
        HOME=str(folder),
        XDG_CONFIG_HOME=str(folder / "config"),
        XDG_DATA_HOME=str(folder / "data"),
        XDG_CACHE_HOME=str(folder / "cache"),
        XDG_RUNTIME_DIR=str(folder / "run"),
    )
    (folder / "run").mkdir(parents=True, exist_ok=True)
    (folder / "run").chmod(0o700)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode cached
    if set_up:
        config = folder / "config" / "lowback-timer"
        config.mkdir(parents=True, exist_ok=True)
        (config / "lowback-timer.conf").write_text(
            f"[General]\nsetup_done=true\nscreened_at={time.time()}\ntypes=sitting\n"
            "work_days=0,1,2,3,4,5,6\nwork_start_min=0\nwork_end_min=0\nask_ratings=false\n"
            "speech=false\n",
            encoding="utf-8",
        )
    return env


# --- start-up -------------------------------------------------------------------------------
def timed(argv: list[str], env: dict[str, str]) -> float:
    """The whole process, ms."""
    start = time.perf_counter()
    subprocess.run(argv, env=env, capture_output=True, check=True, timeout=120)
    return (time.perf_counter() - start) * 1000


def to_first_frame(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(start to first frame, start to exit), ms: the program prints the moment of its first
    frame on the system's monotonic clock ("first frame at 1234.567890"), which this process
    reads too."""
    start = time.monotonic()
    done = subprocess.run(argv, env=env, capture_output=True, check=True, text=True, timeout=120)
    end = time.monotonic()
    said = [line for line in done.stdout.splitlines() if line.startswith("first frame at ")]
    if not said:
        raise RuntimeError(f"{argv[0]} did not say when its first frame came: {done.stdout!r}")
    return (float(said[0].split()[-1]) - start) * 1000, (end - start) * 1000


def warm(env: dict[str, str]) -> dict[str, str]:
    """The profile after its first start: the content checked and cached (as every start but
    the very first finds it)."""
    subprocess.run([APP, "plan", "--type", "sitting"], env=env, capture_output=True, check=True)
    return env


def start_up(runs: int, platform_name: str, home: dict[str, str]) -> dict[str, float]:
    """Medians (ms) of home, wizard, very-first and bare starts to their first frame, and to
    their exit ("home exit"...), interleaved (home, bare, wizard, bare, first, bare, ...); and
    each app start's median ratio to the bare start right after it ("home/bare", "home
    exit/bare exit"...): a pair run a moment apart shares the machine's mood."""
    env = {**home, "QT_QPA_PLATFORM": platform_name}
    first = "--exit-after-first-frame"
    unset = {**profile(Path(tempfile.mkdtemp()), set_up=False), "QT_QPA_PLATFORM": platform_name}

    def very_first() -> tuple[float, float]:  # a new empty profile each time: no cache
        fresh = profile(Path(tempfile.mkdtemp()), set_up=False)
        return to_first_frame([APP, first], {**fresh, "QT_QPA_PLATFORM": platform_name})

    programs: dict[str, Callable[[], tuple[float, float]]] = {
        "home": lambda: to_first_frame([APP, first], env),
        # Not set up (the wizard comes at every start until it is finished), content cached by
        # the warming start below: the wizard as the issue measured it, start after start.
        "wizard": lambda: to_first_frame([APP, first], unset),
        "first": very_first,
    }

    def bare() -> tuple[float, float]:
        return to_first_frame([*BARE, first], env)

    for run in [*programs.values(), bare]:  # warm the disk cache and the content cache
        run()
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, run in programs.items():
            (frame, whole), (bare_frame, bare_whole) = run(), bare()
            for key, value in (
                (name, frame),
                (f"{name} exit", whole),
                ("bare", bare_frame),
                ("bare exit", bare_whole),
                (f"{name}/bare", frame / bare_frame),
                (f"{name} exit/bare exit", whole / bare_whole),
            ):
                times.setdefault(key, []).append(value)
    return {key: statistics.median(values) for key, values in times.items()}


# --- steady states --------------------------------------------------------------------------
def _status(pid: int | str, task: str | None = None) -> dict[str, str]:
    path = f"/proc/{pid}/task/{task}/status" if task else f"/proc/{pid}/status"
    found = {}
    for line in Path(path).read_text().splitlines():
        key, _, value = line.partition(":")
        found[key] = value.strip()
    return found


def _switches(pid: int) -> dict[str, int]:
    """Context switches per thread (a thread that ended is gone from /proc: its switches were
    counted while it lived, as those between two looks)."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            status = _status(pid, task)
        except OSError:
            continue
        counts[task] = int(status["voluntary_ctxt_switches"]) + int(
            status["nonvoluntary_ctxt_switches"]
        )
    return counts


def steady(
    cases: dict[str, tuple[list[str], dict[str, str]]], settle_s: float, seconds: float
) -> dict[str, tuple[float, float]]:
    """Each case's (resident MiB at the end, context switches a second), the processes run side
    by side (each with its own profile) and looked at after `settle_s`, over `seconds`."""
    processes = {
        name: subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        for name, (argv, env) in cases.items()
    }
    try:
        time.sleep(settle_s)
        for name, process in processes.items():
            if process.poll() is not None:
                said = process.stderr.read().decode()[-500:]  # type: ignore[union-attr]
                raise RuntimeError(f"{name} ended: {said}")
        before = {name: _switches(p.pid) for name, p in processes.items()}
        seen = {name: dict(counts) for name, counts in before.items()}
        end = time.monotonic() + seconds
        while time.monotonic() < end:  # looked at often, so short-lived threads count too
            time.sleep(0.25)
            for name, process in processes.items():
                seen[name].update(_switches(process.pid))
        found = {}
        for name, process in processes.items():
            rss_kib = int(_status(process.pid)["VmRSS"].split()[0])
            switched = sum(n - before[name].get(task, 0) for task, n in seen[name].items())
            found[name] = (rss_kib / 1024, switched / seconds)
        return found
    finally:
        for process in processes.values():
            process.send_signal(signal.SIGTERM)
        for process in processes.values():
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


# --- the rest ---------------------------------------------------------------------------------
def sheet_command(runs: int, env: dict[str, str]) -> float:
    out = Path(tempfile.mkdtemp()) / "sheet.pdf"
    argv = [APP, "sheet", "-o", str(out)]
    timed(argv, env)
    return statistics.median(timed(argv, env) for _ in range(runs))


def content_load(env: dict[str, str]) -> tuple[float, float]:
    """(through the cache, read and checked from the files), ms, in a fresh process."""
    code = (
        "import time\n"
        "t0 = time.perf_counter()\n"
        "from lowback_timer.core.content_cache import default_cache_dir, load_bundled\n"
        "from lowback_timer.core.loader import load_content\n"
        "t1 = time.perf_counter(); load_bundled(load_content, default_cache_dir())\n"
        "t2 = time.perf_counter(); load_content(); t3 = time.perf_counter()\n"
        "print((t2 - t1) * 1000, (t3 - t2) * 1000)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    cached, checked = map(float, done.stdout.split())
    return cached, checked


def verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def commit() -> str:
    done = subprocess.run(
        ["git", "-C", str(HERE), "rev-parse", "--short", "HEAD"], capture_output=True, text=True
    )
    dirty = subprocess.run(
        ["git", "-C", str(HERE), "diff", "--quiet", "HEAD", "--", "lowback_timer"]
    )
    return done.stdout.strip() + ("+changes" if dirty.returncode else "") or "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9, help="starts of each program timed")
    parser.add_argument("--seconds", type=float, default=30.0, help="window of steady states")
    args = parser.parse_args()
    home = warm(profile(Path(tempfile.mkdtemp()), set_up=True))
    platforms = ["offscreen"] + (["xcb"] if os.environ.get("DISPLAY") else [])
    rows: list[tuple[str, str, str, str]] = []

    for name in platforms:
        ms = start_up(args.runs, name, home)
        for what, shows, goal in (
            ("home", "home screen", HOME_RATIO),
            ("wizard", "first-run wizard (not set up yet)", WIZARD_RATIO),
            ("first", "the very first start (wizard, content checked, no cache)", None),
        ):
            ratio = ms[f"{what}/bare"]
            rows.append(
                (
                    f"start to first frame, {shows} ({name})",
                    f"{ms[what]:.0f} ms ({ratio:.2f}×); to its exit "
                    f"{ms[f'{what} exit']:.0f} ms ({ms[f'{what} exit/bare exit']:.2f}×)",
                    f"{ms['bare']:.0f} ms; {ms['bare exit']:.0f} ms",
                    f"≤ {goal}×: {verdict(ratio <= goal)}" if goal else "—",
                )
            )

    shown = platforms[-1]

    def own(argv: list[str]) -> tuple[list[str], dict[str, str]]:  # a profile for each
        env = {**profile(Path(tempfile.mkdtemp()), set_up=True), "QT_QPA_PLATFORM": shown}
        return argv, warm(env)

    # Idle: looked at once the tray watcher has given up (it looks for a tray that was missing
    # at start for about two minutes), so the window is the time between two reminders.
    idle = steady(
        {BARE_NAME: own(BARE), "home": own([APP]), "tray": own([APP, "--tray"])},
        IDLE_SETTLE_S,
        args.seconds,
    )
    session = steady({"session": own(SESSION)}, SETTLE_S, args.seconds)
    bare_rss, bare_sw = idle[BARE_NAME]
    cases = (
        ("idle, home screen", idle["home"], "a minute"),
        ("idle, --tray (no tray host: the status window)", idle["tray"], "a minute"),
        ("running session", session["session"], "a second"),
    )
    for name, (rss, per_s), unit in cases:
        extra = rss - bare_rss
        rows.append(
            (
                f"{name}: resident memory ({shown})",
                f"{rss:.0f} MiB (+{extra:.0f})",
                f"{bare_rss:.0f} MiB",
                f"≤ bare + {EXTRA_MIB:.0f}: {verdict(extra <= EXTRA_MIB)}",
            )
        )
        scale = 1 if unit == "a second" else 60
        if unit == "a second":
            target = f"≤ {SESSION_SWITCHES:.0f}: {verdict(per_s <= SESSION_SWITCHES)}"
        elif "status" in name:
            target = f"0 between reminders: {verdict(per_s * 60 < 1)}"
        else:
            target = "—"
        rows.append(
            (
                f"{name}: wake-ups (context switches)",
                f"{per_s * scale:.1f} {unit}",
                f"{bare_sw * scale:.1f} {unit}",
                target,
            )
        )

    sheet_ms = sheet_command(5, {**home, "QT_QPA_PLATFORM": "offscreen"})
    rows.append(("`sheet` command, whole process (median of 5)", f"{sheet_ms:.0f} ms", "—", "—"))
    cached, checked = content_load(home)
    rows.append(("content at start (validated cache)", f"{cached:.1f} ms", "—", "—"))
    rows.append(("content read and checked from the files", f"{checked:.1f} ms", "—", "—"))
    timing = subprocess.run(
        [sys.executable, str(HERE / "phase_timing.py")],
        env={**home, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
    )
    for line in timing.stdout.splitlines()[1:]:
        name, _, value = line.partition(": ")
        met = f"≤ {PHASE_MS:.0f} ms: {verdict(timing.returncode == 0)}"
        rows.append(
            (
                f"phase timing, loop blocked 2 s: {name}",
                value or "—",
                "—",
                met if "other" in name else "—",
            )
        )

    display = os.environ.get("DISPLAY")
    where = f"X display {display} (Xvfb)" if display else "offscreen only"
    print(f"Machine: {platform.platform()}, Python {platform.python_version()}, ", end="")
    print(f"{os.cpu_count()} cores, {where}; commit {commit()}")
    print(f"Command: {' '.join([Path(sys.executable).name, *sys.argv])}\n")
    print("| figure | Low-back Timer | bare PySide6 window | goal |")
    print("|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
