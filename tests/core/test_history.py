"""The local history: what is written comes back, weeks count as a person would, the CSV opens
in a spreadsheet, old files are migrated, newer ones left alone, broken ones kept aside, and a
killed or concurrent process never loses or corrupts anything."""

from __future__ import annotations

import contextlib
import csv
import io
import os
import random
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from lowback_timer.core.history import (
    FILE_NAME,
    MIGRATIONS,
    REMINDER_EVENTS,
    SCHEMA_VERSION,
    History,
    HistoryError,
)
from lowback_timer.core.history_records import CSV_HEADER, RatingPoint, Week
from tests.fakeclock import FakeClock

TOKYO = ZoneInfo("Asia/Tokyo")
UTC = ZoneInfo("UTC")


def tokyo(month: int, day: int, hour: int = 9, minute: int = 0, second: int = 0) -> float:
    return datetime(2025, month, day, hour, minute, second, tzinfo=TOKYO).timestamp()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(tokyo(6, 2))  # Monday 2 June 2025, 09:00 in Tokyo


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / FILE_NAME


@pytest.fixture
def history(path: Path, clock: FakeClock) -> Iterator[History]:
    opened = History(path, clock=clock, tz=TOKYO)
    yield opened
    opened.close()


def integrity(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        result: str = conn.execute("PRAGMA integrity_check").fetchone()[0]
    conn.close()
    return result


# --- each kind of record ---------------------------------------------------------------------
def test_a_session_is_kept_from_start_to_finish(
    history: History, path: Path, clock: FakeClock
) -> None:
    assert path.exists()  # folder and file made on first use
    started = clock.now
    session = history.start_session("Desk reset", "desk", ["sitting", "fatigue"])
    running = history.sessions()
    assert [(s.id, s.started, s.ended, s.finished) for s in running] == [
        (session, started, None, False)
    ]
    clock.advance(605)
    history.finish_session(session, holds_done=5, holds_skipped=1, finished=True, stop_reason=None)
    clock.advance(60)
    stopped = history.start_session("Floor", "floor", [])
    history.finish_session(stopped, 1, 0, False, "pain")

    first, second = history.sessions()
    assert (first.routine, first.place, first.types) == (
        "Desk reset",
        "desk",
        ("sitting", "fatigue"),
    )
    assert (first.ended, first.holds_done, first.holds_skipped) == (started + 605, 5, 1)
    assert first.finished and first.stop_reason is None
    assert (second.types, second.finished, second.stop_reason) == ((), False, "pain")


def test_ratings_before_and_after_pair_up_and_rating_again_replaces(
    history: History, clock: FakeClock
) -> None:
    rated = history.start_session("Desk reset", "desk", ["sitting"])
    history.rate(rated, "before", back=7, legs=4)
    history.rate(rated, "after", back=3, legs=None)
    history.rate(rated, "after", back=2, legs=1)  # the user changed their mind
    clock.advance(3600)
    history.start_session("Not rated", "desk", [])
    skipped = history.start_session("Skipped both", "desk", [])
    history.rate(skipped, "before", None, None)

    record = history.sessions()[0]
    assert (record.back_before, record.legs_before) == (7, 4)
    assert (record.back_after, record.legs_after) == (2, 1)
    assert history.ratings() == [RatingPoint(record.started, 7, 4, 2, 1)]


def test_ratings_are_clamped_to_0_to_10(history: History) -> None:
    session = history.start_session("Desk reset", "desk", [])
    history.rate(session, "before", back=-3, legs=15)
    assert (history.sessions()[0].back_before, history.sessions()[0].legs_before) == (0, 10)
    with pytest.raises(ValueError, match="moment"):
        history.rate(session, "during", 1, 1)


def test_a_session_deleted_meanwhile_stays_deleted(history: History) -> None:
    session = history.start_session("Desk reset", "desk", [])
    history.delete_all()
    history.finish_session(session, 3, 0, True, None)
    history.rate(session, "after", 2, 2)
    assert history.sessions() == [] and history.ratings() == []


def test_reminders_are_counted_and_unknown_events_refused(
    history: History, clock: FakeClock
) -> None:
    for event in ("shown", "moved", "shown", "snoozed", "shown", "dismissed", "timed out"):
        history.record_reminder(event)
        clock.advance(1800)
    week = history.weeks(date(2025, 6, 4), count=1)[0]
    assert (week.reminders_shown, week.reminders_acted_on) == (3, 2)
    with pytest.raises(ValueError, match="event"):
        history.record_reminder("clicked")


def test_a_walk_is_its_own_answer_and_counts_as_acted_on(
    history: History, clock: FakeClock
) -> None:
    """ "Walk for 2 minutes" is kept apart from "I moved" (how often the person walked), and
    counted as an answered reminder like it; the rows before it are read as they were."""
    for event in ("shown", "moved", "shown", "walk", "shown"):
        history.record_reminder(event)
        clock.advance(1800)
    week = history.weeks(date(2025, 6, 4), count=1)[0]
    assert (week.reminders_shown, week.reminders_acted_on) == (3, 2)
    assert REMINDER_EVENTS[-1] == "walk"  # appended: the stored names before it keep meaning
    history.close()
    with contextlib.closing(sqlite3.connect(history.path)) as conn:
        events = [event for (event,) in conn.execute("SELECT event FROM reminders ORDER BY id")]
    assert events == ["shown", "moved", "shown", "walk", "shown"]


def test_safety_stops_keep_ids_never_free_text(history: History, clock: FakeClock) -> None:
    history.record_safety_stop("check", 1, "red_flags")
    clock.advance(10)
    history.record_safety_stop("stop", 2, "numbness")
    assert history.safety_stops() == [
        (tokyo(6, 2), "check", 1, "red_flags"),
        (tokyo(6, 2) + 10, "stop", 2, "numbness"),
    ]
    with pytest.raises(ValueError, match="id"):
        history.record_safety_stop("stop", 2, "it hurt a lot when I bent down")
    with pytest.raises(ValueError, match="source"):
        history.record_safety_stop("doctor", 2, "numbness")
    assert len(history.safety_stops()) == 2


# --- weeks -----------------------------------------------------------------------------------
def test_weeks_count_days_once_split_on_monday_and_keep_empty_weeks(
    history: History, clock: FakeClock
) -> None:
    for when in (
        tokyo(6, 2, 9),  # Monday morning
        tokyo(6, 2, 18),  # and evening: the same day
        tokyo(6, 8, 23, 59),  # Sunday night: still that week
        tokyo(6, 9, 0, 1),  # two minutes later it is Monday: the next week
        tokyo(5, 1),  # long before the five weeks shown
    ):
        clock.now = when
        history.start_session("Desk reset", "desk", [])
    clock.now = tokyo(6, 10)
    for event in ("shown", "moved", "shown", "natural break"):
        history.record_reminder(event)

    weeks = history.weeks(date(2025, 6, 11), count=3)  # a Wednesday
    assert weeks == [
        Week(
            date(2025, 5, 26), routine_days=0, sessions=0, reminders_shown=0, reminders_acted_on=0
        ),
        Week(date(2025, 6, 2), routine_days=2, sessions=3, reminders_shown=0, reminders_acted_on=0),
        Week(date(2025, 6, 9), routine_days=1, sessions=1, reminders_shown=2, reminders_acted_on=1),
    ]
    five = history.weeks(date(2025, 6, 9))  # a Monday is the first day of its own week
    assert [w.start for w in five] == [date(2025, 5, d) for d in (12, 19, 26)] + [
        date(2025, 6, 2),
        date(2025, 6, 9),
    ]
    assert sum(w.sessions for w in five) == 4


def test_weeks_follow_the_given_time_zone(path: Path, clock: FakeClock) -> None:
    clock.now = tokyo(6, 9, 0, 1)  # Monday 00:01 in Tokyo is still Sunday in UTC
    with_tokyo = History(path, clock=clock, tz=TOKYO)
    with_tokyo.start_session("Desk reset", "desk", [])
    assert [w.sessions for w in with_tokyo.weeks(date(2025, 6, 9), count=2)] == [0, 1]
    with_tokyo.close()
    in_utc = History(path, clock=clock, tz=UTC)
    assert [w.sessions for w in in_utc.weeks(date(2025, 6, 9), count=2)] == [1, 0]
    assert in_utc.csv_text().splitlines()[1].startswith("2025-06-08T15:01,")
    in_utc.close()


def test_totals_by_type(history: History) -> None:
    history.start_session("A", "desk", ["sitting", "fatigue"])
    history.start_session("B", "desk", ["sitting"])
    history.start_session("Not sure", "desk", [])
    assert history.totals_by_type() == {"sitting": 2, "fatigue": 1, "": 1}


# --- CSV -------------------------------------------------------------------------------------
def test_csv_of_an_empty_history_is_the_header_alone(history: History) -> None:
    assert history.csv_text() == ",".join(CSV_HEADER) + "\n"


def test_csv_rows_round_trip_through_a_csv_reader(history: History, clock: FakeClock) -> None:
    name = 'Morning, "easy" 腰のストレッチ'
    done = history.start_session(name, "desk", ["sitting", "fatigue"])
    history.rate(done, "before", 6, None)
    clock.advance(12 * 60 + 59)
    history.finish_session(done, 5, 1, True, None)
    history.rate(done, "after", 3, 2)
    clock.advance(3600)
    history.start_session("Floor, long", "floor", [])  # still running

    header, first, running = csv.reader(io.StringIO(history.csv_text()))
    assert tuple(header) == CSV_HEADER
    assert dict(zip(header, first, strict=True)) == {
        "started": "2025-06-02T09:00",
        "ended": "2025-06-02T09:12",
        "minutes": "12",
        "routine": name,
        "place": "desk",
        "types": "sitting+fatigue",
        "holds_done": "5",
        "holds_skipped": "1",
        "finished": "yes",
        "stop_reason": "",
        "back_before": "6",
        "legs_before": "",
        "back_after": "3",
        "legs_after": "2",
    }
    assert running[:6] == ["2025-06-02T10:12", "", "", "Floor, long", "floor", ""]
    assert running[8] == "no"


# --- migrations and newer files --------------------------------------------------------------
def test_a_version_1_database_is_migrated_and_keeps_its_sessions(path: Path) -> None:
    path.parent.mkdir()
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    old.execute(
        "INSERT INTO sessions (started, ended, routine, place, types, holds_done, finished)"
        " VALUES (?, ?, 'Old routine', 'desk', '[\"sitting\"]', 4, 1)",
        (tokyo(5, 20), tokyo(5, 20) + 300),
    )
    old.commit()
    old.close()

    history = History(path, clock=FakeClock(tokyo(6, 2)), tz=TOKYO)
    (session,) = history.sessions()
    assert (session.routine, session.types, session.holds_done, session.finished) == (
        "Old routine",
        ("sitting",),
        4,
        True,
    )
    history.rate(session.id, "after", 2, 1)
    history.record_safety_stop("check", 1, "red_flags")
    assert history.ratings() == [RatingPoint(tokyo(5, 20), None, None, 2, 1)]
    history.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 3
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_a_version_2_database_keeps_its_safety_stops_and_takes_leg_symptoms_that_spread(
    path: Path,
) -> None:
    path.parent.mkdir()
    old = sqlite3.connect(path)
    old.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    old.execute(
        "INSERT INTO safety_stops (at, source, tier, reason) VALUES (?, 'stop', 4, 'sharp-pain')",
        (tokyo(5, 20),),
    )
    old.commit()
    with pytest.raises(sqlite3.IntegrityError):  # (what version 2 could not keep)
        old.execute(
            "INSERT INTO safety_stops (at, source, tier, reason) VALUES (1, 'spread', 4, 'x')"
        )
    old.close()

    history = History(path, clock=FakeClock(tokyo(6, 2)), tz=TOKYO)
    history.record_safety_stop("spread", 4, "glutes")  # by the stretch's id
    assert history.safety_stops() == [
        (tokyo(5, 20), "stop", 4, "sharp-pain"),
        (tokyo(6, 2), "spread", 4, "glutes"),
    ]
    with pytest.raises(ValueError, match="id"):
        history.record_safety_stop("spread", 4, "it went down to my foot")
    history.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        indexes = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'").fetchall()
        assert ("safety_stops_at",) in indexes
        with pytest.raises(sqlite3.IntegrityError):  # a source the app never writes
            conn.execute(
                "INSERT INTO safety_stops (at, source, tier, reason) VALUES (1, 'x', 4, 'y')"
            )
    conn.close()


def test_a_database_from_a_newer_version_is_refused_and_untouched(path: Path) -> None:
    path.parent.mkdir()
    newer = sqlite3.connect(path)
    newer.executescript("CREATE TABLE future (x); INSERT INTO future VALUES (1);")
    newer.execute("PRAGMA user_version = 99")
    newer.close()
    before = path.read_bytes()

    with pytest.raises(HistoryError, match="newer version") as raised:
        History(path)
    assert str(path) in str(raised.value)
    assert path.read_bytes() == before
    assert not list(path.parent.glob("*.corrupt-*"))


# --- broken files ----------------------------------------------------------------------------
def test_random_bytes_are_moved_aside_with_their_wal_and_a_new_history_starts(
    path: Path, clock: FakeClock
) -> None:
    path.parent.mkdir()
    junk = random.Random(7).randbytes(8192)
    path.write_bytes(junk)
    (path.parent / f"{FILE_NAME}-wal").write_bytes(b"not a wal either")

    history = History(path, clock=clock, tz=TOKYO)
    moved = path.parent / f"{FILE_NAME}.corrupt-20250602-090000"
    assert moved.read_bytes() == junk
    assert (path.parent / f"{moved.name}-wal").read_bytes() == b"not a wal either"
    assert moved.name in history.notice
    assert history.sessions() == []
    history.start_session("Desk reset", "desk", [])
    assert len(history.sessions()) == 1
    history.close()
    again = History(path, clock=clock, tz=TOKYO)
    assert again.notice == ""  # said once
    again.close()


def test_a_truncated_database_is_moved_aside_and_an_earlier_one_kept(
    path: Path, clock: FakeClock
) -> None:
    history = History(path, clock=clock, tz=TOKYO)
    for n in range(300):
        history.start_session(f"Routine number {n} " + "x" * 100, "desk", ["sitting"])
    history.close()
    whole = path.read_bytes()
    earlier = path.parent / f"{FILE_NAME}.corrupt-20250602-090000"
    earlier.write_bytes(b"moved aside earlier the same second")
    path.write_bytes(whole[: len(whole) // 2])

    fresh = History(path, clock=clock, tz=TOKYO)
    moved = path.parent / f"{FILE_NAME}.corrupt-20250602-090000-2"
    assert moved.read_bytes() == whole[: len(whole) // 2]
    assert earlier.read_bytes() == b"moved aside earlier the same second"
    assert moved.name in fresh.notice
    assert fresh.sessions() == []
    fresh.start_session("Desk reset", "desk", [])
    assert [s.routine for s in fresh.sessions()] == ["Desk reset"]
    fresh.close()


# --- a place that cannot be written ----------------------------------------------------------
@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere; no chmod on Windows"
)
def test_a_read_only_folder_is_reported_with_its_path(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(HistoryError) as raised:
            History(folder / FILE_NAME)
        assert str(folder / FILE_NAME) in str(raised.value)
        with pytest.raises(HistoryError) as raised:
            History(folder / "sub" / FILE_NAME)
        assert str(folder / "sub") in str(raised.value)
    finally:
        folder.chmod(0o700)


def test_a_read_only_folder_is_reported_even_as_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same failures, simulated, so the test runs where root can write anywhere."""
    monkeypatch.setattr(os, "access", lambda *args, **kwargs: False)
    with pytest.raises(HistoryError, match="not writable") as raised:
        History(tmp_path / FILE_NAME)
    assert str(tmp_path / FILE_NAME) in str(raised.value)
    assert not (tmp_path / FILE_NAME).exists()

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "mkdir", refuse)
    with pytest.raises(HistoryError, match="Permission denied") as raised:
        History(tmp_path / "sub" / FILE_NAME)
    assert str(tmp_path / "sub") in str(raised.value)


def test_a_full_disk_is_a_history_error_and_loses_nothing_saved(history: History) -> None:
    history.start_session("Saved before", "desk", [])
    # The page limit makes SQLite fail exactly as on a full disk (SQLITE_FULL).
    pages = history._conn.execute("PRAGMA page_count").fetchone()[0]
    history._conn.execute(f"PRAGMA max_page_count = {pages}")
    with pytest.raises(HistoryError, match="disk is full") as raised:
        history.start_session("Too big " + "x" * 50_000, "desk", [])
    assert str(history.path) in str(raised.value)
    assert [s.routine for s in history.sessions()] == ["Saved before"]


# --- crashes and other processes -------------------------------------------------------------
KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from lowback_timer.core.history import History
history = History(Path(sys.argv[1]))
for n in range(3):
    session = history.start_session(f"Routine {n}", "desk", ["sitting"])
    history.rate(session, "before", 6, 3)
    history.finish_session(session, 5, 0, True, None)
history.start_session("Interrupted", "desk", ["sitting"])
os.kill(os.getpid(), signal.SIGKILL)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="no SIGKILL on Windows")
def test_a_process_killed_with_sigkill_loses_no_finished_session(path: Path) -> None:
    killed = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(path)], check=False)
    assert killed.returncode == -signal.SIGKILL
    assert (path.parent / f"{FILE_NAME}-wal").exists()  # nothing was checkpointed on exit

    history = History(path)
    assert history.notice == ""
    sessions = history.sessions()
    assert [(s.routine, s.finished, s.holds_done) for s in sessions] == [
        ("Routine 0", True, 5),
        ("Routine 1", True, 5),
        ("Routine 2", True, 5),
        ("Interrupted", False, 0),
    ]
    assert sessions[3].ended is None
    assert len(history.ratings()) == 3
    history.close()
    assert integrity(path) == "ok"


CONCURRENT_WRITER = """
import sys
from pathlib import Path
from lowback_timer.core.history import History
history = History(Path(sys.argv[1]))
print("ready", flush=True)
sys.stdin.readline()  # both start writing when the test says go
for _ in range(200):
    history.record_reminder("shown")
history.close()
"""


def test_two_processes_writing_at_once_lose_nothing(path: Path) -> None:
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", CONCURRENT_WRITER, str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    for writer in writers:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
    for writer in writers:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
    for writer in writers:
        assert writer.wait(timeout=120) == 0
        assert writer.stdout is not None
        writer.stdout.close()

    assert integrity(path) == "ok"
    history = History(path)
    assert history.notice == ""
    assert sum(w.reminders_shown for w in history.weeks(date.today(), count=2)) == 400
    history.close()


# --- deleting --------------------------------------------------------------------------------
def test_delete_all_leaves_nothing_behind_but_keeps_working(
    history: History, path: Path, clock: FakeClock
) -> None:
    session = history.start_session("Secret morning routine", "desk", ["sitting"])
    history.rate(session, "before", 5, 5)
    history.finish_session(session, 3, 0, True, None)
    history.record_reminder("shown")
    history.record_safety_stop("check", 1, "red_flags")

    history.delete_all()
    assert history.sessions() == []
    assert history.ratings() == []
    assert history.totals_by_type() == {}
    assert history.safety_stops() == []
    assert history.weeks(date(2025, 6, 2), count=1) == [Week(date(2025, 6, 2), 0, 0, 0, 0)]
    assert history.csv_text() == ",".join(CSV_HEADER) + "\n"
    stored = b"".join(p.read_bytes() for p in path.parent.glob(f"{FILE_NAME}*"))
    assert b"Secret morning routine" not in stored

    history.start_session("Afterwards", "desk", [])
    assert [s.routine for s in history.sessions()] == ["Afterwards"]
