"""One copy of the app: a second start asks the first to come forward and does not run; a
lock that is garbled, stale or from another host is taken over; one that cannot be made is
reported and the app runs; the name and the folder belong to the user, not to $USER or $TMPDIR."""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSysInfo
from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from lowback_timer.app import single_instance
from lowback_timer.app.single_instance import (
    Claim,
    SingleInstance,
    default_name,
    private_folder,
)


def a_name() -> str:
    return f"lowback-test-{uuid.uuid4().hex[:8]}"


def test_the_second_copy_does_not_run(qtbot: QtBot, tmp_path: Path) -> None:
    name = a_name()
    first = SingleInstance(name, tmp_path)
    assert first.claim() is Claim.OWNER
    first.listen()
    try:
        # The first answers from its event loop; this process is both, so it cannot answer
        # here: its live process still means "running".
        assert SingleInstance(name, tmp_path, starting_s=0).claim() is Claim.SILENT
    finally:
        first.release()
    again = SingleInstance(name, tmp_path)  # once the first has quit, a new start runs
    assert again.claim() is Claim.OWNER
    again.release()


@pytest.mark.parametrize(
    "server", [single_instance._UnixServer, single_instance._PipeServer], ids=["unix", "qt"]
)
def test_the_running_copy_comes_forward_when_asked(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, server: type
) -> None:
    """Served from a Unix socket (POSIX), or through QLocalServer (Windows' named pipe, tried
    here on a Unix socket); both answer QLocalSocket, which a second start uses."""
    monkeypatch.setattr(single_instance, "SERVER", server)
    name = a_name()
    first = SingleInstance(name, tmp_path)
    assert first.claim() is Claim.OWNER
    first.listen()  # (the app: once its first frame is up)
    shown: list[bool] = []
    first.show_requested.connect(lambda: shown.append(True))
    try:
        for request, ok in (
            (b'{"protocol": 2, "command": "show"}\n', False),  # a newer protocol: not obeyed
            (b'{"protocol": 1, "command": "show"}\n', True),
        ):
            client = QLocalSocket()
            client.connectToServer(first.server_name)
            assert client.waitForConnected(1000)
            client.write(request)
            client.flush()
            qtbot.waitUntil(client.canReadLine, timeout=2000)  # answered from the event loop
            assert json.loads(bytes(client.readLine().data())) == {"ok": ok}
            client.abort()
        qtbot.waitUntil(lambda: shown == [True])  # once, for the request it obeyed
    finally:
        first.release()
    assert not Path(first.server_name).exists() or server is single_instance._PipeServer


@pytest.mark.parametrize(
    "lock",
    [
        b"",  # empty
        b"\x00\xff garbage\n",
        f"999999999\nlowback-timer\n{QSysInfo.machineHostName()}\n".encode(),  # its process gone
        b"4242\nlowback-timer\nanother-host.example\n",  # another computer's (no one answers)
    ],
    ids=["empty", "garbage", "dead-process", "another-host"],
)
def test_a_lock_nobody_answers_for_is_taken_over(tmp_path: Path, lock: bytes) -> None:
    name = a_name()
    (tmp_path / f"{name}.lock").write_bytes(lock)
    instance = SingleInstance(name, tmp_path)
    assert instance.claim() is Claim.OWNER  # before: "already running", and nothing opened
    instance.release()


def test_a_lock_that_cannot_be_made_is_reported_and_the_app_runs(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("where the folder should be", encoding="utf-8")
    instance = SingleInstance(a_name(), blocker)
    assert instance.claim() is Claim.UNGUARDED
    assert str(blocker) in instance.problem


def test_the_name_and_folder_belong_to_the_user_not_to_user_or_tmpdir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    name = default_name(data)
    monkeypatch.setenv("USER", "someone-else")
    monkeypatch.setenv("TMPDIR", str(tmp_path / "elsewhere"))
    assert default_name(data) == name
    assert default_name(tmp_path / "other-profile") != name
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    assert private_folder(data, {"XDG_RUNTIME_DIR": str(runtime)}) == runtime
    runtime.chmod(0o755)  # others can enter: not private
    assert private_folder(data, {"XDG_RUNTIME_DIR": str(runtime)}) == data
    assert private_folder(data, {}) == data
    assert data.stat().st_mode & 0o777 == 0o700


def test_the_lock_and_the_socket_live_in_the_private_folder(tmp_path: Path) -> None:
    """Not in /tmp under a name any user can guess and take first."""
    name = default_name(tmp_path)
    instance = SingleInstance(name, tmp_path)
    assert instance.lock_path.parent == tmp_path
    assert instance.server_name.startswith(str(tmp_path)) or os.name == "nt"
