"""Keep a broken settings file from reaching Qt's reader.

A crafted value (e.g. `key=@Variant(\\0\\0\\0\\v\\x7f\\xff\\xff\\xff)`) makes Qt's INI reader
abort the process on every start, before Python can catch anything. The app never writes
`@Type(...)` values (all its settings are text, numbers and booleans), so a file that holds
one, or that is not a small regular file, is moved aside with a timestamp, as a broken
"my routine" is, and the user is told once.
"""

from __future__ import annotations

import re
import stat
from pathlib import Path

from PySide6.QtCore import QSettings

from lowback_timer.core.atomic import move_aside

MAX_BYTES = 64 * 1024
# A Qt-typed value: `=@Variant(`, `=@ByteArray(`, `=@Rect(`...; `@@` is an escaped "@".
_TYPED_VALUE = re.compile(rb"=\s*@(?!@)[A-Za-z]")
PROBE_ORGANIZATION = "lowback-timer-probe"


def settings_path(organization: str, application: str) -> Path | None:
    """Where QSettings() keeps this application's settings, found without reading them;
    None where they are not a file Qt parses as INI (the Windows registry, macOS plists)."""
    probe = QSettings(
        QSettings.Format.NativeFormat, QSettings.Scope.UserScope, PROBE_ORGANIZATION, "probe"
    ).fileName()
    path = Path(probe)
    if path.suffix not in (".conf", ".ini"):
        return None
    return path.parent.parent / organization / f"{application}{path.suffix}"


def problem_with(path: Path) -> str | None:
    """Why Qt must not read this settings file; None when it is fine (or absent)."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return exc.strerror or str(exc)
    if not stat.S_ISREG(info.st_mode):
        return "it is not a regular file"
    if info.st_size > MAX_BYTES:
        return f"it is larger than {MAX_BYTES // 1024} KiB"
    try:
        data = path.read_bytes()
    except OSError as exc:
        return exc.strerror or str(exc)
    if _TYPED_VALUE.search(data):
        return "it holds a value of a kind the app never writes"
    return None


def set_aside_if_broken(path: Path | None, now: float | None = None) -> str:
    """Move a settings file Qt must not read out of the way; the note for the user, or ""."""
    if path is None:
        return ""
    problem = problem_with(path)
    if problem is None:
        return ""
    try:
        moved = move_aside(path, now)
    except OSError as exc:
        return f"The settings file {path} cannot be used ({problem}) or moved aside ({exc})."
    return f"The settings file {path} could not be used ({problem}); it was kept as {moved}."
