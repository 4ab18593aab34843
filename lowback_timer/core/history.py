"""The local history: which routines were done, how the back and legs felt, which reminders
were answered. It answers a physiotherapist's "how often?" and "did it help?"; nothing leaves
the user's machine.

One SQLite file (standard library sqlite3) in WAL mode. Every write is its own transaction, so a
process killed at any moment loses no finished session, and a second process writing at the
same time waits (busy timeout) instead of failing. A file that is not a readable database is
moved aside with a timestamp, never deleted; a file from a newer version is never touched.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path

from lowback_timer.core import atomic
from lowback_timer.core.content import HISTORY_FILE
from lowback_timer.core.history_records import (
    RatingPoint,
    SessionRecord,
    Week,
    csv_text,
    monday,
    session_from_row,
    stored_time,
    stored_types,
)

FILE_NAME = HISTORY_FILE
REMINDER_EVENTS = (
    *("shown", "moved", "snoozed", "dismissed"),
    *("timed out", "natural break", "deferred"),
    "walk",  # "Walk for 2 minutes" (added later: appended; the column has no CHECK to change)
)
# Reminders the user answered; a routine started from the popup is recorded as "moved".
ACTED_ON = frozenset({"moved", "snoozed", "walk"})
# "spread": leg symptoms spread after a stretch (core/spread.py); its reason is the stretch id.
SAFETY_SOURCES = ("check", "stop", "spread")
RATING_MOMENTS = ("before", "after")

# Migration N+1 takes a database from user_version N to N+1; never edit a released one,
# append a new one instead.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY, started REAL NOT NULL, ended REAL,
        routine TEXT NOT NULL, place TEXT NOT NULL, types TEXT NOT NULL DEFAULT '[]',
        holds_done INTEGER NOT NULL DEFAULT 0, holds_skipped INTEGER NOT NULL DEFAULT 0,
        finished INTEGER NOT NULL DEFAULT 0, stop_reason TEXT
    );
    CREATE INDEX sessions_started ON sessions (started);
    CREATE TABLE reminders (id INTEGER PRIMARY KEY, at REAL NOT NULL, event TEXT NOT NULL);
    CREATE INDEX reminders_at ON reminders (at);
    """,
    """
    CREATE TABLE ratings (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        moment TEXT NOT NULL CHECK (moment IN ('before', 'after')),
        back INTEGER CHECK (back BETWEEN 0 AND 10),
        legs INTEGER CHECK (legs BETWEEN 0 AND 10),
        UNIQUE (session_id, moment)
    );
    CREATE TABLE safety_stops (
        id INTEGER PRIMARY KEY, at REAL NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('check', 'stop')),
        tier INTEGER NOT NULL, reason TEXT NOT NULL
    );
    CREATE INDEX safety_stops_at ON safety_stops (at);
    """,
    # Leg symptoms that spread after a stretch are kept as safety stops of their own source
    # (SQLite cannot change a CHECK: the table is made again, its rows and ids kept).
    """
    CREATE TABLE safety_stops_3 (
        id INTEGER PRIMARY KEY, at REAL NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('check', 'stop', 'spread')),
        tier INTEGER NOT NULL, reason TEXT NOT NULL
    );
    INSERT INTO safety_stops_3 (id, at, source, tier, reason)
        SELECT id, at, source, tier, reason FROM safety_stops;
    DROP TABLE safety_stops;
    ALTER TABLE safety_stops_3 RENAME TO safety_stops;
    CREATE INDEX safety_stops_at ON safety_stops (at);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

# Safety stops keep an id from the content (never what the user typed): it must look like one.
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")
_CORRUPT = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


class HistoryError(Exception):
    """A problem the user should be told about once (message says what and where)."""


_SESSION_QUERY = """
    SELECT s.id, s.started, s.ended, s.routine, s.place, s.types, s.holds_done,
           s.holds_skipped, s.finished, s.stop_reason, b.back, b.legs, a.back, a.legs
    FROM sessions AS s
    LEFT JOIN ratings AS b ON b.session_id = s.id AND b.moment = 'before'
    LEFT JOIN ratings AS a ON a.session_id = s.id AND a.moment = 'after'
    ORDER BY s.started, s.id
"""


class History:
    """The history file, opened at once (so `notice` and any HistoryError come from here)."""

    def __init__(
        self,
        path: Path,
        *,
        clock: Callable[[], float] = time.time,
        tz: tzinfo | None = None,
        read_only: bool = False,
    ) -> None:
        """`read_only` (`history --csv`): never writes, creates or waits long for the file (a
        read-only or locked history is still read; a missing one reads as empty)."""
        self.path = Path(path)
        self.notice = ""
        #: Rows with values this version cannot use (edited by hand, or by another program):
        #: left out of every read, and counted here so that it can be said once.
        self.skipped = 0
        self._clock = clock
        self._tz = tz
        if read_only:
            self._open_read_only()
            return
        self._open_folder()
        if self.path.exists():
            self._check_existing()
        with self._reading("Cannot open"):
            self._conn = sqlite3.connect(self.path, timeout=5.0, isolation_level=None)
        try:
            with self._reading("Cannot open"):
                self._conn.execute("PRAGMA busy_timeout = 5000")
                self._conn.execute("PRAGMA foreign_keys = ON")
                # Deleted rows are overwritten: "delete all" really removes them from the file.
                self._conn.execute("PRAGMA secure_delete = ON")
                self._use_wal()
                self._migrate()
        except BaseException:
            self._conn.close()
            raise

    # --- opening -------------------------------------------------------------------------
    def _open_read_only(self) -> None:
        if self.path.exists():
            self._check_existing()  # a corrupt file is set aside, as on any opening
        with self._reading("Cannot open"):
            if not self.path.exists():  # nothing yet: an empty history, and no file made
                self._conn = sqlite3.connect(":memory:", isolation_level=None)
                self._migrate()
                return
            uri = self.path.absolute().as_uri() + "?mode=ro"
            self._conn = sqlite3.connect(uri, uri=True, timeout=1.0, isolation_level=None)
            version = self._conn.execute("PRAGMA user_version").fetchone()[0]
        if version != SCHEMA_VERSION:
            self._conn.close()
            raise HistoryError(
                f"The history at {self.path} was written by an older version; open the app "
                "once to bring it up to date."
            )

    def _open_folder(self) -> None:
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryError(
                f"Cannot create the folder for the history, {folder}: {exc.strerror or exc}"
            ) from exc
        # SQLite would open a read-only place and fail only at the first write (a lost session).
        if not os.access(folder, os.W_OK) or (
            self.path.exists() and not os.access(self.path, os.W_OK)
        ):
            raise HistoryError(
                f"Cannot save the history at {self.path}: the folder or file is not writable."
            )

    def _check_existing(self) -> None:
        """Read the version and check the file through a read-only connection, so a newer
        or broken file is left byte for byte as it was."""
        with self._reading("Cannot open"):
            uri = self.path.absolute().as_uri() + "?mode=ro"
            probe = sqlite3.connect(uri, uri=True, timeout=5.0)
        try:
            version = probe.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise HistoryError(_newer_message(self.path, version))
            problems = [row[0] for row in probe.execute("PRAGMA quick_check")]
            corrupt = problems != ["ok"]
        except sqlite3.DatabaseError as exc:
            if _code(exc) not in _CORRUPT:
                raise HistoryError(self._message("Cannot open", exc)) from exc
            corrupt = True
        finally:
            probe.close()
        if corrupt:
            moved = self._move_aside()
            self.notice = (
                f"The history file could not be read, so a new one was started. "
                f"The old file was kept as {moved}."
            )

    def _move_aside(self) -> Path:
        """Rename the file (and its -wal/-shm, which belong to it) with a timestamp."""
        try:
            return atomic.move_aside(
                self.path,
                self._clock(),
                label="corrupt",
                companions=("-wal", "-shm"),
                tz=self._tz,
            )
        except OSError as exc:
            raise HistoryError(
                f"The history at {self.path} cannot be read and could not be moved aside: "
                f"{exc.strerror or exc}"
            ) from exc

    def _use_wal(self) -> None:
        """Switching a new file to WAL fails at once (no busy handler) while another process
        does the same, so wait for it here, as long as the busy timeout."""
        deadline = time.monotonic() + 5.0
        while True:
            try:
                self._conn.execute("PRAGMA journal_mode = WAL").fetchall()
                return
            except sqlite3.OperationalError as exc:
                busy = _code(exc) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
                if not busy or time.monotonic() > deadline:
                    raise
                time.sleep(0.01)

    def _migrate(self) -> None:
        """Apply the missing migrations, each in its own transaction; the version is read
        again under the write lock, so two processes opening a new file do not both migrate."""
        while True:
            with self._transaction():
                version = self._conn.execute("PRAGMA user_version").fetchone()[0]
                if version > SCHEMA_VERSION:
                    raise HistoryError(_newer_message(self.path, version))
                if version == SCHEMA_VERSION:
                    return
                for statement in _statements(MIGRATIONS[version]):
                    self._conn.execute(statement)
                self._conn.execute(f"PRAGMA user_version = {version + 1:d}")

    @contextlib.contextmanager
    def _transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE takes the write lock up front, so a busy database waits for the
        busy timeout rather than failing half-way through."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield
            self._conn.commit()
        except BaseException:
            if self._conn.in_transaction:
                self._conn.rollback()
            raise

    @contextlib.contextmanager
    def _reading(self, what: str = "Could not read") -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise HistoryError(self._message(what, exc)) from exc

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        with self._reading("Could not save to"), self._transaction():
            yield

    def _message(self, what: str, exc: sqlite3.Error) -> str:
        code = _code(exc)
        if code == sqlite3.SQLITE_FULL:
            reason = "the disk is full"
        elif code in (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
            reason = "the folder or file is not writable"
        elif code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            reason = "another program kept it locked"
        else:
            reason = str(exc)
        return f"{what} the history at {self.path}: {reason}."

    # --- writes --------------------------------------------------------------------------
    def start_session(self, routine: str, place: str, types: Sequence[str]) -> int:
        with self._writing():
            cursor = self._conn.execute(
                "INSERT INTO sessions (started, routine, place, types) VALUES (?, ?, ?, ?)",
                (self._clock(), routine, place, json.dumps(list(types))),
            )
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_session(
        self,
        session_id: int,
        holds_done: int,
        holds_skipped: int,
        finished: bool,
        stop_reason: str | None,
    ) -> None:
        """A session removed by delete_all() meanwhile stays removed."""
        with self._writing():
            self._conn.execute(
                "UPDATE sessions SET ended = ?, holds_done = ?, holds_skipped = ?,"
                " finished = ?, stop_reason = ? WHERE id = ?",
                (self._clock(), holds_done, holds_skipped, bool(finished), stop_reason, session_id),
            )

    def rate(self, session_id: int, moment: str, back: int | None, legs: int | None) -> None:
        """Rating again replaces the earlier one; a session already deleted is left alone."""
        if moment not in RATING_MOMENTS:
            raise ValueError(f"moment must be one of {RATING_MOMENTS}, not {moment!r}")
        with self._writing():
            self._conn.execute(
                "INSERT INTO ratings (session_id, moment, back, legs)"
                " SELECT id, ?, ?, ? FROM sessions WHERE id = ?"
                " ON CONFLICT (session_id, moment) DO UPDATE"
                " SET back = excluded.back, legs = excluded.legs",
                (moment, _clamp(back), _clamp(legs), session_id),
            )

    def record_reminder(self, event: str) -> None:
        if event not in REMINDER_EVENTS:
            raise ValueError(f"event must be one of {REMINDER_EVENTS}, not {event!r}")
        with self._writing():
            self._conn.execute(
                "INSERT INTO reminders (at, event) VALUES (?, ?)", (self._clock(), event)
            )

    def record_safety_stop(self, source: str, tier: int, reason: str) -> None:
        if source not in SAFETY_SOURCES:
            raise ValueError(f"source must be one of {SAFETY_SOURCES}, not {source!r}")
        if not _ID.fullmatch(reason):
            raise ValueError(f"reason must be an id, not free text: {reason!r}")
        with self._writing():
            self._conn.execute(
                "INSERT INTO safety_stops (at, source, tier, reason) VALUES (?, ?, ?, ?)",
                (self._clock(), source, int(tier), reason),
            )

    def delete_all(self) -> None:
        """Empty every table; the WAL is then truncated so no old row lingers in it either."""
        with self._writing():
            for table in ("ratings", "safety_stops", "reminders", "sessions"):
                self._conn.execute(f"DELETE FROM {table}")
        with self._reading():  # best effort: a reader in another process may hold the WAL
            self._conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    # --- reads ---------------------------------------------------------------------------
    def sessions(self) -> list[SessionRecord]:
        """Oldest first; rows with values this version cannot use are left out (`skipped`)."""
        with self._reading():
            rows = self._conn.execute(_SESSION_QUERY).fetchall()
        records = [record for record in map(session_from_row, rows) if record is not None]
        self.skipped = len(rows) - len(records)
        return records

    def weeks(self, today: date, count: int = 5) -> list[Week]:
        """This week and the count-1 before, oldest first, empty weeks included. Every session
        started counts (also one stopped early); a day with several counts once."""
        if count < 1:
            return []
        first = today - timedelta(days=today.weekday() + 7 * (count - 1))
        starts = [first + timedelta(weeks=i) for i in range(count)]
        low, high = self._midnight(first), self._midnight(first + timedelta(weeks=count))
        with self._reading():
            started = self._conn.execute(
                "SELECT started FROM sessions WHERE started >= ? AND started < ?", (low, high)
            ).fetchall()
            reminders = self._conn.execute(
                "SELECT at, event FROM reminders WHERE at >= ? AND at < ?", (low, high)
            ).fetchall()
        days: dict[date, set[date]] = {start: set() for start in starts}
        sessions = dict.fromkeys(starts, 0)
        shown = dict.fromkeys(starts, 0)
        acted = dict.fromkeys(starts, 0)
        for (at,) in started:
            if stored_time(at) is None:
                continue
            day = self._local(at).date()
            days[monday(day)].add(day)
            sessions[monday(day)] += 1
        for at, event in reminders:
            if stored_time(at) is None:
                continue
            week = monday(self._local(at).date())
            shown[week] += event == "shown"
            acted[week] += event in ACTED_ON
        return [
            Week(start, len(days[start]), sessions[start], shown[start], acted[start])
            for start in starts
        ]

    def ratings(self) -> list[RatingPoint]:
        """Oldest first; sessions without any rating are left out."""
        return [
            RatingPoint(s.started, s.back_before, s.legs_before, s.back_after, s.legs_after)
            for s in self.sessions()
            if (s.back_before, s.legs_before, s.back_after, s.legs_after)
            != (None, None, None, None)
        ]

    def totals_by_type(self) -> dict[str, int]:
        """Sessions per type id; a session without a type ("not sure") counts under ""."""
        totals: dict[str, int] = {}
        with self._reading():
            rows = self._conn.execute("SELECT types FROM sessions").fetchall()
        for (types,) in rows:
            for type_id in stored_types(types) or ("",):
                totals[type_id] = totals.get(type_id, 0) + 1
        return totals

    def safety_stops(self) -> list[tuple[float, str, int, str]]:
        """(at, source, tier, reason), oldest first."""
        with self._reading():
            rows = self._conn.execute(
                "SELECT at, source, tier, reason FROM safety_stops ORDER BY at, id"
            ).fetchall()
        return [(at, source, tier, reason) for at, source, tier, reason in rows]

    def csv_text(self) -> str:
        """The sessions as CSV (see `history_records.csv_text`), in local time."""
        return csv_text(self.sessions(), self._iso)

    def close(self) -> None:
        self._conn.close()

    # --- local time ----------------------------------------------------------------------
    def _local(self, at: float) -> datetime:
        return datetime.fromtimestamp(at, self._tz)

    def _midnight(self, day: date) -> float:
        return datetime(day.year, day.month, day.day, tzinfo=self._tz).timestamp()

    def _iso(self, at: float) -> str:
        return self._local(at).strftime("%Y-%m-%dT%H:%M")


def _statements(script: str) -> list[str]:
    """Split a migration into statements (executescript would commit our transaction)."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    return statements


def _clamp(value: int | None) -> int | None:
    return None if value is None else min(max(int(value), 0), 10)


def _code(exc: sqlite3.Error) -> int:
    return int(getattr(exc, "sqlite_errorcode", -1)) & 0xFF


def _newer_message(path: Path, version: int) -> str:
    return (
        f"The history at {path} was made by a newer version of Low-back Timer "
        f"(schema {version}; this one knows up to {SCHEMA_VERSION}). It is left untouched; "
        f"update the app to see it."
    )
