"""One running app per user: a second start hands over to the first and exits.

A `QLockFile` decides who owns the app; once its first frame is up, the owner listens: on a
Unix socket served from the event loop (`QSocketNotifier`), or on Windows a named pipe through
`QLocalServer` (QtNetwork costs 2.6 MiB for as long as the app runs: only where it is needed).
A later start connects (`QLocalSocket`, which speaks both), sends one JSON line
(`{"protocol": 1, "command": "show"}`) and waits at most a second for the reply line; an owner
that is still starting is given a moment to listen. Two copies must never run
together: each would keep its own copy of the settings in memory.

Both live in a folder only this user can enter (`private_folder`): `$XDG_RUNTIME_DIR`, else the
app's data folder, made 0700. Their name comes from the user id and the data folder, never from
`$USER` or `$TMPDIR` (which differ between a terminal, a launcher and `sudo -E`). A lock that
nobody answers for and whose process is gone (or that is garbled, or from another host) is
stale and taken over; a lock that cannot be made at all is reported, and the app runs.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import time
import zlib
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLockFile, QObject, QSocketNotifier, QTimer, Signal

from lowback_timer.app.lock_files import holder_alive

if TYPE_CHECKING:  # loaded when the owner listens or a second start asks
    from PySide6.QtNetwork import QLocalSocket

log = logging.getLogger(__name__)

PROTOCOL = 1
WAIT_MS = 1000
# A Unix socket's path must fit in sockaddr_un (108 bytes with the final NUL).
MAX_SOCKET_PATH = 100


class Claim(Enum):
    OWNER = "owner"  # this copy runs
    ANSWERED = "answered"  # another copy runs and came forward
    SILENT = "silent"  # another copy's process holds the lock but did not answer
    UNGUARDED = "unguarded"  # no lock could be made: this copy runs, unguarded (reported)


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)  # (not on Windows: there the user's name)
    return str(getuid()) if getuid is not None else os.environ.get("USERNAME", "")


def default_name(data_dir: Path) -> str:
    """A name of this user and this data folder (two profiles may run side by side). Two
    checksums of them, not a hash: hashlib would load libcrypto (3 MiB) at every start."""
    data = f"{_user_id()}\0{data_dir}".encode()
    return f"lowback-timer-{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def private_folder(data_dir: Path, env: dict[str, str] | None = None) -> Path:
    """`$XDG_RUNTIME_DIR` when it is this user's own folder that no one else can enter; else
    the data folder, made (or kept) 0700."""
    runtime = (env if env is not None else os.environ).get("XDG_RUNTIME_DIR", "")
    if runtime and _is_private(Path(runtime)):
        return Path(runtime)
    with contextlib.suppress(OSError):
        data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        if hasattr(os, "getuid") and data_dir.stat().st_uid == os.getuid():
            data_dir.chmod(0o700)
    return data_dir


def _is_private(folder: Path) -> bool:
    try:
        info = folder.lstat()
    except OSError:
        return False
    own = not hasattr(os, "getuid") or info.st_uid == os.getuid()
    return stat.S_ISDIR(info.st_mode) and own and not info.st_mode & 0o077


class SingleInstance(QObject):
    """`claim()` says whether this copy runs (OWNER, UNGUARDED) or another one does; the owner
    then serves `show_requested`."""

    show_requested = Signal()

    def __init__(
        self, name: str, folder: Path, parent: QObject | None = None, *, starting_s: float = 2.0
    ) -> None:
        """`starting_s`: how long a second start waits for an owner that is alive but not yet
        listening (it listens once its first frame is up)."""
        super().__init__(parent)
        self.starting_s = starting_s
        self.name = name
        self.lock_path = folder / f"{name}.lock"
        self.server_name = _server_name(name, folder)
        self.problem = ""  # why the copy runs unguarded (UNGUARDED)
        self._lock = QLockFile(str(self.lock_path))
        self._lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        self._server: _UnixServer | _PipeServer | None = None

    def claim(self) -> Claim:
        """OWNER: this copy runs, and serves other starts once it calls `listen()`."""
        if self._lock.tryLock(0):
            log.debug("This copy is the one that runs.")
            return Claim.OWNER
        if self._lock.error() == QLockFile.LockError.LockFailedError:
            deadline = time.monotonic() + self.starting_s
            while True:
                if self._ask_running_copy():
                    return Claim.ANSWERED
                if not holder_alive(self._lock):
                    break
                if time.monotonic() >= deadline:
                    return Claim.SILENT
                time.sleep(0.1)  # (no window yet: this start only waits to hand over)
            # Garbled, from another host, or its process is gone: stale; take it over.
            self._lock.removeStaleLockFile()
            if self._lock.tryLock(0):
                return Claim.OWNER
        self.problem = f"cannot make the lock file {self.lock_path} ({self._lock.error().name})"
        log.warning("%s: running without the one-copy guard", self.problem)
        return Claim.UNGUARDED

    def listen(self) -> None:
        """Serve later starts (the owner, once its first frame is up)."""
        if self._server is not None or not self._lock.isLocked():
            return
        try:
            self._server = SERVER(self.server_name, self._answer, self)
        except OSError as exc:
            log.warning("cannot listen on %s: %s", self.server_name, exc)
            # we own the lock: run, just without the hand-over

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()

    def _ask_running_copy(self) -> bool:
        """Ask the running copy to come forward; True only when it answered that it did."""
        from PySide6.QtNetwork import QLocalSocket

        socket = QLocalSocket()
        socket.connectToServer(self.server_name)
        if not socket.waitForConnected(WAIT_MS):
            return False
        import json  # (a second start, or a request: never before the first frame)

        message = json.dumps({"protocol": PROTOCOL, "command": "show"}) + "\n"
        socket.write(message.encode())
        socket.waitForBytesWritten(WAIT_MS)
        answered = socket.waitForReadyRead(WAIT_MS) and socket.canReadLine()
        reply = _parsed(bytes(socket.readLine().data())) if answered else None
        socket.disconnectFromServer()
        return reply is not None and reply.get("ok") is True

    def _answer(self, line: bytes) -> bytes:
        """The reply line to one request line; the window comes forward once it is sent."""
        request = _parsed(line)
        ok = (
            request is not None
            and request.get("protocol") == PROTOCOL
            and request.get("command") == "show"
        )
        if ok:
            log.debug("Another start asked this copy to come forward.")
            QTimer.singleShot(0, self.show_requested.emit)
        import json

        return (json.dumps({"ok": ok}) + "\n").encode()


_Answer = Callable[[bytes], bytes]
MAX_REQUEST = 4096


class _UnixServer(QObject):
    """A Unix socket in the private folder, read from the event loop: each connection is read
    when its line arrives (never waited for: this is the GUI thread), or dropped after a
    second."""

    def __init__(self, path: str, answer: _Answer, parent: QObject) -> None:
        import socket

        super().__init__(parent)
        self.path, self._answer = path, answer
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)  # ours now: a socket left behind is stale
        self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        mask = os.umask(0o177)  # only this user may connect (also where /tmp is the folder)
        try:
            self._socket.bind(path)
        except OSError:
            self._socket.close()
            raise
        finally:
            os.umask(mask)
        self._socket.listen(8)
        self._socket.setblocking(False)
        self._notifier = QSocketNotifier(self._socket.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        while True:
            try:
                connection, _address = self._socket.accept()
            except OSError:  # none left (BlockingIOError), or it went away
                return
            _Connection(connection, self._answer, self)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._socket.close()
        with contextlib.suppress(OSError):
            os.unlink(self.path)


class _Connection(QObject):
    """One waiting start: its request line in, the reply line out, then closed."""

    def __init__(self, connection: Any, answer: _Answer, parent: QObject) -> None:
        super().__init__(parent)
        self._connection, self._answer = connection, answer
        self._received = b""
        connection.setblocking(False)
        self._notifier = QSocketNotifier(connection.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._read)
        QTimer.singleShot(WAIT_MS, self, self._close)

    def _read(self) -> None:
        try:
            data = self._connection.recv(MAX_REQUEST)
        except BlockingIOError:
            return
        except OSError:
            data = b""
        self._received += data
        line, newline, _rest = self._received.partition(b"\n")
        if newline:
            with contextlib.suppress(OSError):  # a reply line fits the socket's buffer
                self._connection.send(self._answer(line))
        if newline or not data or len(self._received) > MAX_REQUEST:
            self._close()

    def _close(self) -> None:
        self._notifier.setEnabled(False)
        self._connection.close()
        self.deleteLater()


class _PipeServer(QObject):
    """Windows: a named pipe through QtNetwork's QLocalServer, served the same way."""

    def __init__(self, name: str, answer: _Answer, parent: QObject) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self._answer = answer
        QLocalServer.removeServer(name)  # ours now: a pipe left behind is stale
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not self._server.listen(name):
            raise OSError(self._server.errorString())
        self._server.newConnection.connect(self._accept)

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
            socket.readyRead.connect(lambda s=socket: self._serve(s))
            QTimer.singleShot(WAIT_MS, socket, socket.abort)
            if socket.canReadLine():
                self._serve(socket)

    def _serve(self, socket: QLocalSocket) -> None:
        if not socket.canReadLine():
            return
        socket.write(self._answer(bytes(socket.readLine().data()).rstrip(b"\n")))
        socket.flush()
        socket.disconnectFromServer()

    def close(self) -> None:
        self._server.close()


SERVER = _PipeServer if os.name == "nt" else _UnixServer


def _server_name(name: str, folder: Path) -> str:
    """The socket in the private folder; where that path is too long for a Unix socket, in
    /tmp itself (never $TMPDIR, which differs between starts); Windows names a pipe."""
    if os.name == "nt":
        return name
    for place in (folder, Path("/tmp")):
        path = str(place / f"{name}.socket")
        if len(path.encode()) <= MAX_SOCKET_PATH:
            return path
    return name


def _parsed(line: bytes) -> dict[str, object] | None:
    import json

    try:
        value = json.loads(line.decode("utf-8", "replace"))
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
