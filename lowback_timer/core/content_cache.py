"""The bundled content, validated once and kept in the user's cache folder, so that a start does
not parse and check the same YAML again (about 16 ms) but reads it back (about 1 ms).

The cache is trusted only when all of these hold, else the files are loaded and checked as
always (and the cache written anew):
- its key matches: this app's version, this Python, and the name, size and modification time of
  every bundled routine file and picture (an edit or an update changes it);
- it is a regular file owned by this user and writable by nobody else (it is a pickle: only
  this user, who could change the app itself anyway, can have written it);
- it reads back as Content.
Writing it is best effort: a cache that cannot be written costs nothing but the saving.
"""

from __future__ import annotations

import contextlib
import hashlib
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

FILE_PREFIX = "content-"


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
    digest = hashlib.sha256(f"{__version__}\0{sys.version}\0".encode())
    for folder in (routines_dir(), assets_dir()):
        for path in sorted(folder.rglob("*")):
            info = path.stat()
            digest.update(
                f"{path.relative_to(folder)}\0{info.st_size}\0{info.st_mtime_ns}\0".encode()
            )
    return digest.hexdigest()[:32]


def load_bundled(load: Callable[[], Content], folder: Path | None) -> Content:
    """The bundled content through the cache in `folder` (None: no cache); `load()` loads and
    checks it the long way, and its errors (ContentInvalidError) pass through uncached."""
    if folder is None:
        return load()
    path = folder / f"{FILE_PREFIX}{key()}.pickle"
    cached = _read(path)
    if cached is not None:
        return cached
    content = load()
    _write(path, content)
    return content


def _read(path: Path) -> Content | None:
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode) or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
            return None
        if hasattr(os, "getuid") and info.st_uid != os.getuid():
            return None
        with path.open("rb") as handle:
            content = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception as exc:  # a cache we cannot use is no error: load the files instead
        log.debug("content cache %s not used: %s", path, exc)
        return None
    return content if isinstance(content, Content) else None


def _write(path: Path, content: Content) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for old in path.parent.glob(f"{FILE_PREFIX}*.pickle"):  # older versions' caches
            if old != path:
                with contextlib.suppress(OSError):
                    old.unlink()
        with atomic.replacing(path, private=True) as tmp:  # a pickle: the user's alone
            tmp.chmod(0o600)
            tmp.write_bytes(pickle.dumps(content, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError) as exc:
        log.debug("content cache %s not written: %s", path, exc)
