"""Ctrl+C and SIGTERM from the program's first instruction: a quiet exit with 128 + the signal's
number, and no temporary file left behind.

Python's own SIGINT handler raises KeyboardInterrupt wherever the program is, which in the
first moments (importing Qt, making the application) printed a traceback or, inside Qt's C++,
aborted with "Fatal Python error" or a crash. Until the event loop takes signals over (ui/app.py:
`quit_on_signals`, which restores these afterwards), a signal ends the process at once, after
removing the temporary files that `core.atomic` is writing.
"""

from __future__ import annotations

import contextlib
import os
import signal
from pathlib import Path
from types import FrameType

#: Temporary files being written (core.atomic adds and removes them).
PENDING: set[Path] = set()
QUIT_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _leave(number: int, _frame: FrameType | None) -> None:
    for path in list(PENDING):
        with contextlib.suppress(OSError):
            path.unlink()
    os._exit(128 + number)  # nothing else to unwind: no traceback, nothing half-done in Qt


def install() -> None:
    """Set the early handlers (the entry point's first call). A signal the parent told us to
    ignore (a background job's SIGINT) stays ignored, as a shell expects."""
    for number in QUIT_SIGNALS:
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, _leave)
