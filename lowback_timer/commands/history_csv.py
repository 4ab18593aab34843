"""`lowback-timer history --csv [-o FILE]`: the history as CSV, headless (QtCore only, for
where the user's data folder is). The database is made on first use, here too.
`read_history` is the one way the `history` commands read it (`--summary` too)."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication

from lowback_timer.app.controller import default_data_dir, name_application
from lowback_timer.core import atomic
from lowback_timer.core.history import FILE_NAME, History, HistoryError

PROG = "lowback-timer history"
T = TypeVar("T")


def read_history(read: Callable[[History], T], folder: Path | None = None) -> T | None:
    """`read(history)`, the history opened read-only in the user's data folder (or `folder`);
    None (said on stderr) when it cannot be read. A file set aside or rows left out are said on
    stderr too."""
    if QCoreApplication.instance() is None:
        QCoreApplication(sys.argv[:1])
    name_application()  # decides where its data folder is
    try:
        # Read-only: a read-only or locked history is still read, and no file is made.
        history = History((folder or default_data_dir()) / FILE_NAME, read_only=True)
    except HistoryError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return None
    try:
        if history.notice:  # a corrupt file was set aside: say so, and go on
            print(f"{PROG}: {history.notice}", file=sys.stderr)
        try:
            found = read(history)
        except HistoryError as exc:
            print(f"{PROG}: {exc}", file=sys.stderr)
            return None
        if history.skipped:
            print(
                f"{PROG}: {history.skipped} session(s) with values this version cannot read "
                "were left out",
                file=sys.stderr,
            )
        return found
    finally:
        history.close()


def history_command(out: Path | None, folder: Path | None = None) -> int:
    """Exit status 0, or 2 when the history cannot be read or the file cannot be written."""
    if out is None and sys.stdout is None:  # started with its output closed (`>&-`)
        print(f"{PROG}: standard output is closed; use -o FILE", file=sys.stderr)
        return 2
    text = read_history(History.csv_text, folder)
    if text is None:
        return 2
    if out is None:
        sys.stdout.write(text)
        return 0
    try:
        atomic.write_text(out, text, bom=True)  # a file: Excel reads Japanese with the BOM
    except OSError as exc:
        print(f"{PROG}: cannot write {out}: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0
