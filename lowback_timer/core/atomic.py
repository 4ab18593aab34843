"""Writing a file so that it is either the old one or the whole new one, never half of one:
the new content goes to a temporary file next to it, which replaces it at the end (os.replace,
after fsync), or is removed when anything fails on the way.

It replaces only what it may: a regular file this user can write (keeping its mode), or a new
one (with the umask's mode). A read-only file, a folder, a socket or a symbolic link to a file
is refused with a message; a pipe or a device (`/dev/null`, `/dev/stdout`, a shell's
`>(...)`) is written into, never replaced; `-` is standard output.
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import time
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from lowback_timer.core import exits

STDOUT = "-"

if TYPE_CHECKING:
    from datetime import tzinfo


class _Target(Enum):
    NEW = "new"
    REGULAR = "regular"
    STREAM = "stream"  # a pipe, a device or standard output: written into


class RefusedError(OSError):
    """The target is not something to replace (the message says why)."""


def temporary_prefix(path: Path) -> str:
    """Temporary files of `path` are named `.<name>.<random>.tmp` beside it."""
    return f".{path.name}."


def _target(path: Path) -> tuple[_Target, int | None]:
    """What `path` is, and the mode to keep (None: the umask's)."""
    if str(path) == STDOUT:
        return _Target.STREAM, None
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        return _Target.NEW, None
    if stat.S_ISLNK(info.st_mode):
        with contextlib.suppress(OSError):
            if _is_stream(os.stat(path).st_mode):  # /dev/stdout, /dev/fd/63
                return _Target.STREAM, None
        raise RefusedError(f"{path} is a symbolic link; give the file it points to")
    if _is_stream(info.st_mode):
        return _Target.STREAM, None
    if not stat.S_ISREG(info.st_mode):
        raise RefusedError(f"{path} is not a regular file")
    effective = os.access in os.supports_effective_ids  # the user the process acts as
    if not info.st_mode & 0o222 or not os.access(path, os.W_OK, effective_ids=effective):
        raise RefusedError(f"{path} is read-only; it was left as it is")
    return _Target.REGULAR, stat.S_IMODE(info.st_mode)


def _is_stream(mode: int) -> bool:
    return stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)


def _umask_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def replacing(path: Path, *, private: bool = False) -> Iterator[Path]:
    """`with replacing(path) as tmp:` write `tmp` (it exists, empty); when the block ends
    without an exception `tmp` takes the place of `path` (or is copied into it, for a pipe,
    a device or `-`). OSError (RefusedError for what may not be replaced) and others pass
    through; the old file is then as it was. `private`: the new file is the user's alone
    (0600), whatever the umask or the old file's mode."""
    import tempfile  # here: a start that writes nothing never loads it (nor random)

    kind, mode = _target(path)
    folder = path.parent if kind is not _Target.STREAM else Path(tempfile.gettempdir())
    fd, name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=folder)
    os.close(fd)
    tmp = Path(name)
    exits.PENDING.add(tmp)  # a SIGTERM now removes it on the way out
    try:
        yield tmp
        if kind is _Target.STREAM:
            _copy_into(tmp, path)
            tmp.unlink()
            return
        tmp.chmod(0o600 if private else _umask_mode() if mode is None else mode)
        with open(tmp, "rb+") as handle:  # durable before it takes the name
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        exits.PENDING.discard(tmp)
    fsync_folder(path.parent)


def _copy_into(tmp: Path, path: Path) -> None:
    import shutil

    with open(tmp, "rb") as source:
        if str(path) == STDOUT:
            sys.stdout.flush()
            shutil.copyfileobj(source, sys.stdout.buffer)
            sys.stdout.buffer.flush()
            return
        with open(path, "wb") as target:
            shutil.copyfileobj(source, target)


def write_text(path: Path, text: str, *, bom: bool = False) -> None:
    """UTF-8; `bom` starts it with the byte-order mark that spreadsheet programs need to
    read a CSV as UTF-8 (Excel reads Japanese as mojibake without it)."""
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8-sig" if bom else "utf-8", newline="")


def fsync_folder(folder: Path) -> None:
    """Make a rename itself durable where the platform allows it (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def move_aside(
    path: Path,
    now: float | None = None,
    *,
    label: str = "broken",
    companions: tuple[str, ...] = (),
    tz: tzinfo | None = None,
) -> Path:
    """Rename a file that cannot be used next to itself, `<name>.<label>-<local time>`, never
    over an earlier one; `companions` are suffixes of files that belong to it (SQLite's
    "-wal", "-shm"), moved along first. Kept, never deleted: the user may want it back."""
    from datetime import datetime  # (rarely needed: not loaded at every start)

    moment = datetime.fromtimestamp(time.time() if now is None else now, tz)
    stamp = moment.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists() or target.is_symlink():
        counter += 1
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
    for suffix in companions:
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            os.replace(companion, target.with_name(target.name + suffix))
    os.replace(path, target)
    return target
