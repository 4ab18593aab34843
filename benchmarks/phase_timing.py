"""How far from schedule does the timer change phases? A real Qt event loop, real QTimer,
real monotonic clock, a 10-minute routine and a slot that blocks the loop for 2 s midway.

Goal: every phase change within 50 ms of its schedule, except the one(s) whose moment fell
inside the blocked 2 s (nothing can be shown then); the phases after it are on time again.
A phase that began and ended inside the block is passed silently (it was never on screen), so
it has no moment of its own; the first one shown after the block is measured from its schedule.

Run: uv run python benchmarks/phase_timing.py [--scale 0.1] [--block 2.0]
`--scale` shrinks every phase (0.1 runs the 10-minute routine's phases in ~1 minute; 1.0 is
the real thing). Prints one line per measure and exits non-zero when the goal is missed.
"""

from __future__ import annotations

import argparse
import itertools
import os
import statistics
import time
from typing import cast

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from lowback_timer.app.sound import SoundPlayer
from lowback_timer.core.loader import load_content
from lowback_timer.core.routine import Routine, build_routine
from lowback_timer.core.session import Event, EventKind
from lowback_timer.core.settings import Settings
from lowback_timer.ui.timer import TimerPage

GOAL_MS = 50.0


def scaled(routine: Routine, scale: float) -> Routine:
    # Fractional seconds are fine at run time; the type says int for real routines.
    steps = tuple(s._replace(duration_s=cast(int, s.duration_s * scale)) for s in routine.steps)
    return routine._replace(steps=steps)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=0.1)
    parser.add_argument("--block", type=float, default=2.0, help="seconds the loop is blocked")
    args = parser.parse_args()
    app = QApplication([])
    content = load_content()
    routine = scaled(build_routine(content, (), "desk", 10), args.scale)
    page = TimerPage(
        content,
        "en",
        Settings(prepare_s=cast(int, 5 * args.scale)),
        sounds=SoundPlayer(use_audio=False),
    )
    page.resize(900, 640)
    page.show()
    page.load(routine, autostart=False)
    session = page.session
    assert session is not None
    seen: dict[int, float] = {}  # when each phase began on screen; the end as len(steps)

    def record(event: Event) -> None:
        if event.kind is EventKind.PHASE:
            seen.setdefault(event.index, time.monotonic())
        elif event.kind is EventKind.DONE:
            seen[len(session.steps)] = time.monotonic()
            QTimer.singleShot(0, app.quit)

    session.subscribe(record)
    total = sum(s.duration_s for s in session.steps)
    blocked: list[float] = []

    def block() -> None:
        blocked.append(time.monotonic())
        time.sleep(args.block)  # the point of the benchmark: a slot that hogs the loop

    page.toggle_pause()  # start
    # The block straddles a phase change near 40% of the routine (a block inside one long
    # hold would test nothing): it starts half a block before that change.
    changes = list(itertools.accumulate(s.duration_s for s in session.steps))[:-1]
    change = min(
        (c for c in changes if args.block < c < total - 2 * args.block),
        key=lambda c: abs(c - total * 0.4),
    )
    QTimer.singleShot(round((change - args.block / 2) * 1000), block)
    app.exec()

    start = seen[0]
    schedule = [start]
    for step in session.steps:
        schedule.append(schedule[-1] + step.duration_s)
    late_ms = {i: (when - schedule[i]) * 1000 for i, when in seen.items()}
    block_start = blocked[0]
    in_block = [
        i for i, p in enumerate(schedule) if block_start <= p <= block_start + args.block + 0.001
    ]
    missed = [i for i in range(len(schedule)) if i not in seen and i not in in_block]
    others = [abs(v) for i, v in late_ms.items() if i not in in_block]
    after = [abs(v) for i, v in late_ms.items() if in_block and i > max(in_block)]
    print(
        f"phases: {len(schedule)} over {total:.1f} s (scale {args.scale}), "
        f"loop blocked {args.block:.1f} s at {block_start - start:.1f} s"
    )
    print(
        f"phase changes due inside the block: {len(in_block)}: "
        + ", ".join(
            f"late by {late_ms[i]:.0f} ms" if i in late_ms else "passed unseen" for i in in_block
        )
    )
    print(
        f"all other phase changes: median {statistics.median(others):.1f} ms, "
        f"max {max(others):.1f} ms (goal <= {GOAL_MS:.0f} ms), never shown: {len(missed)}"
    )
    print(f"phase changes after the block: {len(after)}, max {max(after, default=0):.1f} ms")
    print(f"end of routine vs schedule: {late_ms[len(schedule) - 1]:.1f} ms")
    # The block must have caught a phase change, and phases must follow it, or nothing was
    # tested.
    tested = bool(in_block) and bool(after)
    return 0 if tested and max(others) <= GOAL_MS and not missed else 1


if __name__ == "__main__":
    raise SystemExit(main())
