"""What happens in the app, written to the local history (core/history.py): sessions, the
before and after ratings, reminders, safety stops.

The timer never waits for it and never fails because of it: writes run on a worker thread, and a
write that fails is told once (a note on the home screen, through the controller) and the app
goes on; later writes are still tried, so the history picks up again once the disk has room.
"""

from __future__ import annotations

import contextlib
import gc
import logging
import queue
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal

from lowback_timer.core.content import HISTORY_FILE
from lowback_timer.core.routine import Routine

if TYPE_CHECKING:  # sqlite3 and the history are loaded on the first write, after the first frame
    from datetime import date

    from lowback_timer.core.history import History, HistoryError
    from lowback_timer.core.history_records import RatingPoint, Week
    from lowback_timer.core.review import Review
    from lowback_timer.core.session import Summary


log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True)
class Overview:
    """The history window's figures: weeks (oldest first), ratings, sessions per type, and
    the two-week review."""

    weeks: list[Week]
    ratings: list[RatingPoint]
    totals: dict[str, int]
    review: Review


class HistoryRecorder(QObject):
    """`problem(str)`: a message to show once ("" when the history works again).

    Writes go, in order, to one worker thread with its own connection: a history that is
    locked by another process (SQLite waits up to its busy timeout) or on a slow disk never
    delays the timer, a stop or the first frame. Reads (the history window) use the GUI
    thread's own connection."""

    problem = Signal(str)
    changed = Signal()  # something was written (an open history window refreshes)

    def __init__(self, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = folder / HISTORY_FILE
        self._history: History | None = None  # the GUI thread's, for reading
        self._told = ""
        self._before: tuple[int | None, int | None] | None = None
        self.notice = ""  # a corrupt file set aside on opening, said once
        # Writes in order; an Event is a flush marker; None ends the worker.
        self._jobs: queue.Queue[Callable[[History], object] | threading.Event | None] = (
            queue.Queue()
        )
        self._worker: threading.Thread | None = None
        # Only the worker touches these: the session being written and the last one (an
        # "after" rating belongs to it); each job runs after the ones before it.
        self._session_id: int | None = None
        self._last_id: int | None = None
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close)

    @property
    def history(self) -> History | None:
        """The history for reading on the GUI thread (opened on first use); None when it
        cannot be opened."""
        if self._history is None:
            self._history = self._open()
        return self._history

    def _open(self) -> History | None:
        from lowback_timer.core.history import History, HistoryError

        try:
            history = History(self.path)
        except HistoryError as exc:
            self._fail(exc)
            return None
        if history.notice and not self.notice:
            self.notice = history.notice
            self.problem.emit(history.notice)
        return history

    # --- what the app tells it ----------------------------------------------------------
    def rated_before(self, back: int | None, legs: int | None) -> None:
        """Kept until the session starts (the rating comes before the timer)."""
        self._before = (back, legs)

    def session_started(self, routine: Routine, name: str, types: tuple[str, ...]) -> None:
        before, self._before = self._before, None

        def start(h: History) -> None:
            session_id = h.start_session(name, routine.place, types)
            self._session_id = self._last_id = session_id
            if before is not None and before != (None, None):
                h.rate(session_id, "before", *before)

        self._write(start)

    def session_ended(self, summary: Summary) -> None:
        def finish(h: History) -> None:
            session_id, self._session_id = self._session_id, None
            if session_id is not None:
                h.finish_session(
                    session_id,
                    summary.holds_done,
                    summary.holds_skipped,
                    summary.finished,
                    summary.stop_reason,
                )

        self._write(finish)

    def session_resumed(self) -> None:
        """The session that ended on a stop for one stretch goes on: one routine is one
        session, so its end (and the "after" rating) is written to the same row again."""

        def reopen(_h: History) -> None:
            self._session_id = self._last_id

        self._write(reopen)

    def rated_after(self, back: int | None, legs: int | None) -> None:
        def rate(h: History) -> None:
            if self._last_id is not None and (back, legs) != (None, None):
                h.rate(self._last_id, "after", back, legs)

        self._write(rate)

    def reminder(self, event: str) -> None:
        self._write(lambda h: h.record_reminder(event))

    def safety_stop(self, source: str, tier: int, reason: str) -> None:
        self._write(lambda h: h.record_safety_stop(source, tier, reason))

    def delete_all(self) -> bool:
        """Empty the history (the user asked, and waits for it); False (and told) when it
        could not be done."""
        from lowback_timer.core.history import HistoryError

        self.flush()
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

    def overview(self, today: date, weeks: int) -> Overview | None:
        """What the history window shows (None: the history cannot be read now)."""
        from lowback_timer.core.review import review

        return self._read(
            lambda history: Overview(
                history.weeks(today, weeks),
                history.ratings(),
                history.totals_by_type(),
                review(history.sessions(), today),
            )
        )

    def review(self, today: date) -> Review | None:
        """The two-week review as of `today`, for home (None: the history cannot be read now)."""
        from lowback_timer.core.review import review

        return self._read(lambda history: review(history.sessions(), today))

    def _read(self, read: Callable[[History], T]) -> T | None:
        """`read(history)` on the GUI thread's connection; None (and told) when it fails."""
        from lowback_timer.core.history import HistoryError

        history = self.history
        if history is None:
            return None
        try:
            return read(history)
        except HistoryError as exc:
            self._fail(exc)
            return None

    def export_csv(self, path: Path) -> None:
        """The history as CSV at `path`, with the BOM spreadsheets need for Japanese. Raises
        OSError with a message that says why."""
        from lowback_timer.core import atomic
        from lowback_timer.core.history import HistoryError

        history = self.history
        if history is None:
            raise OSError(self.tr("The history cannot be read right now."))
        try:
            text = history.csv_text()
        except HistoryError as exc:
            raise OSError(str(exc)) from exc
        atomic.write_text(path, text, bom=True)

    def flush(self, timeout_s: float = 10.0) -> bool:
        """Wait until every write so far is done (tests; before deleting); False on timeout."""
        if self._worker is None:
            return True
        done = threading.Event()
        self._jobs.put(done)
        return done.wait(timeout_s)

    def close(self) -> None:
        """At quit: let the writes so far finish (a second at most), then end the worker."""
        worker, self._worker = self._worker, None
        if worker is not None:
            self._jobs.put(None)
            worker.join(1.0)

    # --- internals ----------------------------------------------------------------------
    def _write(self, job: Callable[[History], object]) -> None:
        if self._worker is None:
            self._worker = threading.Thread(target=self._work, name="history-writer", daemon=True)
            self._worker.start()
        self._jobs.put(job)

    def _work(self) -> None:
        """The worker: its own connection, opened on the first job (and again after a
        failure, so the history picks up once the disk has room)."""
        from lowback_timer.core.history import HistoryError

        history: History | None = None
        while (job := self._jobs.get()) is not None:
            if isinstance(job, threading.Event):
                job.set()
                continue
            if history is None:
                history = self._open()
                if history is None:
                    continue
            try:
                with _no_collection_here():
                    job(history)
            except HistoryError as exc:
                self._fail(exc)
                continue
            if self._told:
                self._told = ""
                self.problem.emit("")  # queued to the GUI thread
            self.changed.emit()
        if history is not None:
            history.close()

    def _fail(self, exc: HistoryError) -> None:
        message = str(exc)
        log.warning("history: %s", message)
        if message != self._told:
            self._told = message
            self.problem.emit(message)


@contextlib.contextmanager
def _no_collection_here() -> Iterator[None]:
    """Python's cyclic garbage collector runs in whichever thread allocates past its threshold:
    on this worker it could free the GUI thread's Qt objects, whose timers Qt will not stop
    from here (and may crash on later). Held off while a job runs; the GUI thread collects."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
