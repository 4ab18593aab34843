"""What happens in the app, written to the local history (core/history.py): sessions, the
before and after ratings, reminders, safety stops.

The timer never waits for it and never fails because of it: a write that fails is told once (a
note on the home screen, through the controller) and the app goes on; later writes are still
tried, so the history picks up again once the disk has room.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, Signal

from lowback_timer.core.routine import Routine
from lowback_timer.core.session import Summary

if TYPE_CHECKING:  # sqlite3 and the history are loaded on the first write, after the first frame
    from lowback_timer.core.history import History, HistoryError

FILE_NAME = "history.sqlite3"  # (core.history.FILE_NAME; a test keeps the two the same)

log = logging.getLogger(__name__)
_T = TypeVar("_T")


class HistoryRecorder(QObject):
    """`problem(str)`: a message to show once ("" when the history works again)."""

    problem = Signal(str)
    changed = Signal()  # something was written (an open history window refreshes)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = folder / FILE_NAME
        self._history: History | None = None
        self._told = ""
        self._session_id: int | None = None
        self._last_id: int | None = None  # the session an "after" rating belongs to
        self._before: tuple[int | None, int | None] | None = None
        self.notice = ""  # a corrupt file set aside on opening, said once

    @property
    def history(self) -> History | None:
        """The open history (opened on first use); None when it cannot be opened."""
        if self._history is None:
            from lowback_timer.core.history import History, HistoryError

            try:
                self._history = History(self.path)
            except HistoryError as exc:
                self._fail(exc)
                return None
            self.notice = self._history.notice
            if self.notice:
                self.problem.emit(self.notice)
        return self._history

    # --- what the app tells it ----------------------------------------------------------
    def rated_before(self, back: int | None, legs: int | None) -> None:
        """Kept until the session starts (the rating comes before the timer)."""
        self._before = (back, legs)

    def session_started(self, routine: Routine, name: str, types: tuple[str, ...]) -> None:
        before, self._before = self._before, None
        session_id = self._write(lambda h: h.start_session(name, routine.place, types))
        self._session_id = self._last_id = session_id
        if session_id is not None and before is not None and before != (None, None):
            self._write(lambda h: h.rate(session_id, "before", *before))

    def session_ended(self, summary: Summary) -> None:
        session_id, self._session_id = self._session_id, None
        if session_id is None:
            return
        self._write(
            lambda h: h.finish_session(
                session_id,
                summary.holds_done,
                summary.holds_skipped,
                summary.finished,
                summary.stop_reason,
            )
        )

    def rated_after(self, back: int | None, legs: int | None) -> None:
        session_id = self._last_id
        if session_id is not None and (back, legs) != (None, None):
            self._write(lambda h: h.rate(session_id, "after", back, legs))

    def reminder(self, event: str) -> None:
        self._write(lambda h: h.record_reminder(event))

    def safety_stop(self, source: str, tier: int, reason: str) -> None:
        self._write(lambda h: h.record_safety_stop(source, tier, reason))

    def delete_all(self) -> bool:
        """Empty the history; False (and told) when it could not be done."""
        from lowback_timer.core.history import HistoryError

        history = self.history
        if history is None:
            return False
        try:
            history.delete_all()
        except HistoryError as exc:
            self._fail(exc)
            return False
        self.changed.emit()
        return True

    # --- internals ----------------------------------------------------------------------
    def _write(self, write: Callable[[History], _T]) -> _T | None:
        from lowback_timer.core.history import HistoryError

        history = self.history
        if history is None:
            return None
        try:
            result = write(history)
        except HistoryError as exc:
            self._fail(exc)
            return None
        if self._told:
            self._told = ""
            self.problem.emit("")
        self.changed.emit()
        return result

    def _fail(self, exc: HistoryError) -> None:
        message = str(exc)
        log.warning("history: %s", message)
        if message != self._told:
            self._told = message
            self.problem.emit(message)
