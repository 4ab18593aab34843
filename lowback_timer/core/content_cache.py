"""The bundled content, validated once and kept in the user's cache folder, so that a start does
not parse and check the same YAML again (about 16 ms) but reads it back (about 1 ms).

The cache is trusted only when all of these hold, else the files are loaded and checked as
always (and the cache written anew):
- its key matches: this app's version, this Python, and the name, size and modification time of
  every bundled routine file and picture (an edit or an update changes it). The key is kept
  whole in the file beside the content and compared as text: no hash to compute at start (and
  no hashlib, whose libcrypto costs 3 MiB);
- it is a regular file owned by this user and writable by nobody else (it is a pickle: only
  this user, who could change the app itself anyway, can have written it);
- it reads back as Content.
Writing it is best effort: a cache that cannot be written costs nothing but the saving.
"""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import stat
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from lowback_timer import __version__
from lowback_timer.core import atomic
from lowback_timer.core.content import Content, assets_dir, routines_dir

log = logging.getLogger(__name__)

FILE_NAME = "content.pickle"
# Caches of earlier versions, one per key (they hashed it into the name); removed when seen.
OLD_PREFIX = "content-"


def default_cache_dir(env: Mapping[str, str] = os.environ, platform: str = sys.platform) -> Path:
    """The user's cache folder for this app, as each platform has it."""
    if platform == "darwin":
        return Path.home() / "Library" / "Caches" / "lowback-timer"
    if platform.startswith("win"):
        base = env.get("LOCALAPPDATA")
        return Path(base) / "lowback-timer" / "cache" if base else Path.home() / "lowback-timer"
    base = env.get("XDG_CACHE_HOME", "")
    root = Path(base) if base and os.path.isabs(base) else Path.home() / ".cache"
    return root / "lowback-timer"


def key() -> str:
    """What the cached content was made from; any change gives another key."""
    parts = [__version__, sys.version]
    for folder in (routines_dir(), assets_dir()):
        for path in sorted(folder.rglob("*")):
            info = path.stat()
            parts.append(f"{path.relative_to(folder)}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(parts)


def load_bundled(load: Callable[[], Content], folder: Path | None) -> Content:
    """The bundled content through the cache in `folder` (None: no cache); `load()` loads and
    checks it the long way, and its errors (ContentInvalidError) pass through uncached."""
    if folder is None:
        return load()
    path, wanted = folder / FILE_NAME, key()
    cached = _read(path, wanted)
    if cached is not None:
        return cached
    content = load()
    _write(path, wanted, content)
    return content


def _read(path: Path, wanted: str) -> Content | None:
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        with path.open("rb") as handle:
            made_from, content = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a cache we cannot use is no error: load the files instead
        log.debug("content cache %s not used: %s", path, exc)
        return None
    return content if made_from == wanted and isinstance(content, Content) else None


def _write(path: Path, made_from: str, content: Content) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{OLD_PREFIX}*.pickle"):  # earlier versions' caches
            with contextlib.suppress(OSError):
                old.unlink()
        with atomic.replacing(path, private=True) as tmp:  # a pickle: the user's alone
            tmp.chmod(0o600)
            tmp.write_bytes(pickle.dumps((made_from, content), protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError) as exc:
        log.debug("content cache %s not written: %s", path, exc)
