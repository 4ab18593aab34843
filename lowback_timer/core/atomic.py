"""Writing a file so that it is either the old one or the whole new one, never half of one:
the new content goes to a temporary file next to it, which replaces it at the end (os.replace,
after fsync), or is removed when anything fails on the way."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from lowback_timer.core import exits


def temporary_prefix(path: Path) -> str:
    """Temporary files of `path` are named `.<name>.<random>.tmp` beside it."""
    return f".{path.name}."


@contextlib.contextmanager
def replacing(path: Path) -> Iterator[Path]:
    """`with replacing(path) as tmp:` write `tmp` (it exists, empty); when the block ends
    without an exception `tmp` replaces `path`. OSError and others pass through."""
    fd, name = tempfile.mkstemp(prefix=temporary_prefix(path), suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(name)
    exits.PENDING.add(tmp)  # a SIGTERM now removes it on the way out
    try:
        yield tmp
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


def write_text(path: Path, text: str) -> None:
    with replacing(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


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
