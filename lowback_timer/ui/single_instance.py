"""One running app per user: a second start hands over to the first and exits.

A `QLockFile` decides who owns the app (a crashed owner's stale lock is taken over); the owner
listens on a `QLocalServer`. A later start connects, sends one JSON line
(`{"protocol": 1, "command": "show"}`), waits at most a second for the reply line, and exits.
Two copies must never run together: each would write its own, stale, copy of the settings and
could undo a safety decision made in the other.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, QStandardPaths, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

PROTOCOL = 1
WAIT_MS = 1000


def default_name(data_dir: Path) -> str:
    """A socket name of this user and this data folder (two profiles may run side by side)."""
    user = os.environ.get("USER") or os.environ.get("USERNAME") or str(os.getuid())
    digest = hashlib.sha256(f"{user}\0{data_dir}".encode()).hexdigest()[:16]
    return f"lowback-timer-{digest}"


def _lock_path(name: str) -> Path:
    # The temporary folder always exists; the name already carries the user.
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
    return Path(folder) / f"{name}.lock"


class SingleInstance(QObject):
    """`claim()` is True for the first copy (it then serves `show_requested`); False after a
    running copy was asked to come forward."""

    show_requested = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._lock = QLockFile(str(_lock_path(name)))
        self._lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        self._server: QLocalServer | None = None

    def claim(self) -> bool:
        if not self._lock.tryLock(0):
            # Another copy runs (even one that does not answer: never start a second one).
            self._ask_running_copy()
            return False
        QLocalServer.removeServer(self.name)  # ours now: a socket left behind is stale
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return True  # we own the lock: run, just without the hand-over
        server.newConnection.connect(self._serve)
        self._server = server
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _ask_running_copy(self) -> bool:
        """Ask the running copy to come forward; True when it answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        message = json.dumps({"protocol": PROTOCOL, "command": "show"}) + "\n"
        socket.write(message.encode())
        socket.waitForBytesWritten(WAIT_MS)
        answered = socket.waitForReadyRead(WAIT_MS) and socket.canReadLine()
        socket.disconnectFromServer()
        return bool(answered)

    def _serve(self) -> None:
        """Answer each waiting start: one request line in, one reply line out."""
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            ok = False
            if socket.canReadLine() or socket.waitForReadyRead(WAIT_MS):
                line = bytes(socket.readLine().data()).decode("utf-8", "replace")
                try:
                    request = json.loads(line)
                except ValueError:
                    request = None
                ok = isinstance(request, dict) and request.get("command") == "show"
            socket.write((json.dumps({"ok": ok}) + "\n").encode())
            socket.waitForBytesWritten(WAIT_MS)
            socket.disconnectFromServer()
            socket.deleteLater()
            if ok:
                log.debug("Another start asked this copy to come forward.")
                self.show_requested.emit()
