"""Whose is a lock file (Qt's `QLockFile`): the app's one-copy lock and the settings file's
lock both need to tell a live holder from one that is gone, garbled or on another host."""

from __future__ import annotations

import os

from PySide6.QtCore import QLockFile, QSysInfo


def holder_alive(lock: QLockFile) -> bool:
    """Does the lock name a live process on this host (one that may still let it go)?"""
    pid, host, _app = lock.getLockInfo()  # (0, "", "") when it cannot be read
    if pid <= 0 or host != QSysInfo.machineHostName():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, but another user's
        return True
    return True
