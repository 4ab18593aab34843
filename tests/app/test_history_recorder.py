"""The history's writer thread."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from lowback_timer.app.history_recorder import HistoryRecorder
from lowback_timer.core.history import History


def test_the_writer_leaves_the_gui_threads_garbage_to_it(
    qapp: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No cyclic collection on the writer while it writes: there it could free the GUI
    thread's Qt objects ("Timers cannot be stopped from another thread", seen in CI)."""
    collecting: list[bool] = []
    record = History.record_reminder

    def spy(history: History, event: str) -> None:
        collecting.append(gc.isenabled())
        record(history, event)

    monkeypatch.setattr(History, "record_reminder", spy)
    recorder = HistoryRecorder(tmp_path)
    recorder.reminder("shown")
    assert recorder.flush()
    recorder.close()
    assert collecting == [False]
    assert gc.isenabled()  # on again for everyone else
