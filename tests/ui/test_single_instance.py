"""One copy of the app: a second start asks the first to come forward and does not run."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from PySide6.QtNetwork import QLocalSocket
from pytestqt.qtbot import QtBot

from lowback_timer.ui.single_instance import SingleInstance, default_name


def test_the_second_copy_does_not_run(qtbot: QtBot) -> None:
    name = f"lowback-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(name)
    assert first.claim()
    try:
        assert not SingleInstance(name).claim()
    finally:
        first.release()
    again = SingleInstance(name)  # once the first has quit, a new start runs
    assert again.claim()
    again.release()


def test_the_running_copy_comes_forward_when_asked(qtbot: QtBot) -> None:
    name = f"lowback-test-{uuid.uuid4().hex[:8]}"
    first = SingleInstance(name)
    assert first.claim()
    try:
        client = QLocalSocket()
        client.connectToServer(name)
        assert client.waitForConnected(1000)
        client.write(b'{"protocol": 1, "command": "show"}\n')
        client.flush()
        with qtbot.waitSignal(first.show_requested, timeout=2000):
            pass  # the running copy answers from its event loop
        qtbot.waitUntil(client.canReadLine, timeout=2000)
        assert json.loads(bytes(client.readLine().data())) == {"ok": True}
        client.abort()
    finally:
        first.release()


def test_the_name_belongs_to_the_user_and_the_data_folder(tmp_path: Path) -> None:
    assert default_name(tmp_path / "a") != default_name(tmp_path / "b")
    assert default_name(tmp_path / "a") == default_name(tmp_path / "a")
