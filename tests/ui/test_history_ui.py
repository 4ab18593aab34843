"""The history as the user meets it: the before/after rating rows (keyboard included), what a
routine, a stop, a safety check and a reminder leave in the history, the history window and its
CSV export, a history that cannot be written, and `lowback-timer history --csv`."""

from __future__ import annotations

import csv
import io
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QDateTime, QLocale, QRectF, Qt, QTime
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from lowback_timer.app.reminder_service import ReminderService
from lowback_timer.core.content import Content
from lowback_timer.core.gate import StartStep
from lowback_timer.core.history import FILE_NAME, History
from lowback_timer.core.history_records import CSV_HEADER
from lowback_timer.core.routine import Phase
from lowback_timer.ui.history_window import HistoryWindow
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.rating import RatingPage
from lowback_timer.ui.ratings_chart import SHOWN, RatingsChart, series_of
from tests.cli import run
from tests.helpers import answer_check, open_window, popup_of


def history_of(window: MainWindow) -> History:
    assert window.history.flush()  # the writes so far, done on the history's worker thread
    history = window.history.history
    assert history is not None
    return history


def skip_to_the_end(window: MainWindow) -> None:
    page = window.timer_page
    assert page.session is not None
    while page.session.is_active:
        page.skip()


def key(widget: object, k: Qt.Key, text: str = "") -> None:
    QTest.keyClick(widget, k, Qt.KeyboardModifier.NoModifier)  # type: ignore[call-overload]


# --- the rating rows ------------------------------------------------------------------------


def test_digits_and_arrows_choose_enter_goes_on(qtbot: QtBot) -> None:
    page = RatingPage()
    qtbot.addWidget(page)
    page.show()
    page.ask(after=False)
    answers: list[tuple[object, object]] = []
    page.answered.connect(lambda back, legs: answers.append((back, legs)))
    QTest.keyClicks(page.back, "7")
    key(page.back, Qt.Key.Key_Right)
    QTest.keyClicks(page.legs, "3")
    key(page.legs, Qt.Key.Key_Left)
    key(page.legs, Qt.Key.Key_Return)
    assert answers == [(8, 2)]
    assert page.heading.text() == "Before you start: how do they feel right now?"


def test_escape_skips_both(qtbot: QtBot) -> None:
    page = RatingPage()
    qtbot.addWidget(page)
    page.show()
    page.ask(after=True)
    answers: list[tuple[object, object]] = []
    page.answered.connect(lambda back, legs: answers.append((back, legs)))
    QTest.keyClicks(page.back, "5")
    key(page.back, Qt.Key.Key_Escape)
    assert answers == [(None, None)]
    assert page.heading.text() == "And now, how do they feel?"


def test_asking_again_starts_from_empty_rows(qtbot: QtBot) -> None:
    page = RatingPage()
    qtbot.addWidget(page)
    page.back.set_value(4)
    page.ask(after=False)
    assert page.back.value() is None and page.legs.value() is None


# --- what a routine leaves in the history ----------------------------------------------------


def test_a_routine_with_ratings_before_and_after(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path, ratings=True)
    window.start_routine()
    assert window.stack.currentWidget() is window.rating  # asked before the timer starts
    window.rating.back.set_value(6)
    window.rating.legs.set_value(4)
    window.rating.go_button.click()
    assert window.stack.currentWidget() is window.timer_page
    assert window.timer_page.session is not None and window.timer_page.session.is_active
    skip_to_the_end(window)
    assert window.stack.currentWidget() is window.rating  # and after it ends
    window.rating.back.set_value(3)
    window.rating.go_button.click()
    assert window.stack.currentWidget() is window.timer_page  # its "well done" view
    [session] = history_of(window).sessions()
    assert session.finished and session.ended is not None
    assert (session.back_before, session.legs_before) == (6, 4)
    assert (session.back_after, session.legs_after) == (3, None)
    holds = len(window.controller.routine.holds)
    assert (session.holds_done, session.holds_skipped) == (0, holds)
    assert session.types == window.controller.settings.types


def test_dont_ask_again_turns_the_question_off(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path, ratings=True)
    window.start_routine()
    window.rating.never.setChecked(True)
    window.rating.skip_button.click()
    assert not window.controller.settings.ask_ratings
    assert window.stack.currentWidget() is window.timer_page
    window.show_home()
    window.start_routine()
    assert window.stack.currentWidget() is window.timer_page  # not asked this time


def test_one_routine_stays_one_session_after_skipping_a_stretch(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Sharp pain in the first stretch, then "Skip this stretch and go on": the counter goes
    on, the done screen counts the whole routine, and History has one session with both
    ratings (it had two, the ratings on different ones)."""
    window = open_window(qtbot, content, tmp_path, ratings=True)
    window.start_routine()
    window.rating.back.set_value(6)
    window.rating.go_button.click()
    page = window.timer_page
    session = page.session
    assert session is not None
    total = len(session.routine.holds)
    first = session.routine.items[0]
    first_holds = sum(1 for s in session.routine.holds if s.variant == first.variant)
    page.stop()
    page.reason_buttons["sharp-pain"].click()
    window.care.skip_button.click()
    assert f"Hold {first_holds + 1} of {total}" in page.step_info.text()
    skip_to_the_end(window)
    window.rating.back.set_value(2)
    window.rating.go_button.click()
    assert f"You completed 0 of {total} holds and skipped {total}" in page.done_summary.text()
    [record] = history_of(window).sessions()
    assert record.finished and record.stop_reason is None
    assert (record.holds_done, record.holds_skipped) == (0, total)
    assert (record.back_before, record.back_after) == (6, 2)


def test_leaving_a_routine_half_way_is_kept_as_unfinished(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    page = window.timer_page
    assert page.session is not None
    while not (page.session.step.phase is Phase.HOLD and page.session.hold_number()[0] == 2):
        page.skip()
    window.show_home()
    [session] = history_of(window).sessions()
    assert not session.finished and session.ended is not None
    assert session.holds_skipped == 1
    assert session.stop_reason == "abandoned"


def test_a_history_locked_by_another_process_never_holds_a_stop_up(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Another process holds the history's write lock: Stop -> "My leg feels weak" shows the
    care screen at once, the stop is kept by the gate, and the history catches up once the
    lock goes (it waited 10 s on the GUI thread, and the stop was lost)."""
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    assert window.history.flush()
    other = sqlite3.connect(tmp_path / FILE_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another process writing, for as long as it likes
    try:
        window.timer_page.stop()
        window.timer_page.reason_buttons["weakness"].click()
        assert window.stack.currentWidget() is window.care  # at once, not after the lock
        assert window.controller.start_step() is StartStep.CHECK  # kept before any history
        assert not window.history.flush(timeout_s=0.2)  # the write waits on its own thread
    finally:
        other.execute("ROLLBACK")
        other.close()
    [(_, source, _tier, reason)] = history_of(window).safety_stops()
    assert (source, reason) == ("stop", "weakness")


def test_a_stop_for_sharp_pain_is_a_safety_stop_by_its_id(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    window.timer_page.stop()
    window.timer_page.reason_buttons["sharp-pain"].click()
    history = history_of(window)
    [(_, source, tier, reason)] = history.safety_stops()
    assert (source, reason) == ("stop", "sharp-pain")
    assert tier == content.stop_reason("sharp-pain").tier
    [session] = history.sessions()
    assert session.stop_reason == "sharp-pain" and not session.finished


def test_an_urgent_sign_in_the_check_is_kept_by_sign_id(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    wizard = window.run_safety_check()
    group = wizard.groups[0].group
    answer_check(wizard, group.signs[0].id)  # tier 1: "yes" to the group is enough
    assert window.stack.currentWidget() is window.care
    stops = history_of(window).safety_stops()
    assert [(s, t, r) for _, s, t, r in stops] == [("check", group.tier, group.id)]


def test_reminders_are_kept(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    from lowback_timer.app.desktop_watch import IdleMonitor
    from lowback_timer.ui.background import Background

    window = open_window(qtbot, content, tmp_path)
    made = Background(window.controller, window, has_tray=lambda: False, idle=IdleMonitor([]))
    qtbot.addWidget(made.popup)
    service: ReminderService = made.service
    service.show_now()
    popup_of(service).moved_button.click()
    service.show_now()
    popup_of(service).snooze_button.click()
    week = history_of(window).weeks(date.today(), 1)[0]
    assert (week.reminders_shown, week.reminders_acted_on) == (2, 2)


def test_a_history_that_cannot_be_written_is_told_once_and_the_timer_runs(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    (tmp_path / FILE_NAME).mkdir()  # something that is not a database is in the way
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    assert window.timer_page.session is not None and window.timer_page.session.is_active
    window.show_home()
    # Told from the history's worker thread, through the event loop.
    qtbot.waitUntil(lambda: window.home.problem_notice.isVisibleTo(window), timeout=5000)
    told = window.home.problem_notice.text.text()
    assert FILE_NAME in told
    window.start_routine()
    window.show_home()
    assert window.history.flush()
    QApplication.processEvents()
    assert window.home.problem_notice.text.text() == told  # once, not once per write


# --- the window -------------------------------------------------------------------------


def test_the_window_shows_weeks_totals_and_the_ratings(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path, ratings=True)
    for back in (7, 5):
        window.start_routine()
        window.rating.back.set_value(back)
        window.rating.go_button.click()
        skip_to_the_end(window)
        window.rating.back.set_value(back - 3)
        window.rating.go_button.click()
    dialog = window.open_history()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, HistoryWindow)
    this_week = dialog.weeks.item(dialog.weeks.rowCount() - 1, 0)
    assert this_week is not None and this_week.text() == "1 of 7"
    header = dialog.weeks.verticalHeaderItem(dialog.weeks.rowCount() - 1)
    assert header is not None and header.text() == "This week"
    names = [content.pain_type(t).name("en") for t in window.controller.settings.types]
    assert all(f"{name}: 2" in dialog.totals.text() for name in names)
    back_before, back_after = dialog.chart.series[0], dialog.chart.series[1]
    assert back_before.values == (7, 5) and back_after.values == (4, 2)
    assert "Back, after: 2" in dialog.chart.accessibleDescription()
    assert str(tmp_path) in dialog.where.text()


def test_the_chart_shows_the_latest_sessions_only() -> None:
    from lowback_timer.core.history_records import RatingPoint

    points = [RatingPoint(float(i), i % 11, None, None, 1) for i in range(SHOWN + 5)]
    series = {s.key: s.values for s in series_of(points)}
    assert len(series["back_before"]) == SHOWN
    assert series["back_before"][0] == 5 % 11  # the five oldest left out
    assert set(series["legs_after"]) == {1} and set(series["legs_before"]) == {None}


def test_the_table_is_one_tab_stop_and_enter_opens_no_file_manager(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url))
    window = open_window(qtbot, content, tmp_path)
    dialog = window.open_history()
    qtbot.addWidget(dialog)
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    dialog.weeks.setFocus()
    key(dialog.weeks, Qt.Key.Key_Down)  # the arrows walk the cells
    assert dialog.weeks.currentRow() == 1
    key(dialog.weeks, Qt.Key.Key_Tab)  # one Tab leaves the table
    assert not dialog.weeks.hasFocus()
    assert not any(b.isDefault() for b in dialog.findChildren(QPushButton))
    dialog.weeks.setFocus()
    key(dialog.weeks, Qt.Key.Key_Return)
    assert opened == [] and dialog.isVisible()
    dialog.open_folder.setFocus()
    key(dialog.open_folder, Qt.Key.Key_Return)  # Enter on the button itself still opens it
    assert len(opened) == 1


def test_the_chart_has_the_sessions_dates_on_its_axis(qtbot: QtBot) -> None:
    from lowback_timer.core.history_records import RatingPoint

    days = [QDate(2026, 11, 2), QDate(2026, 11, 2), QDate(2026, 11, 9), QDate(2026, 11, 20)]
    points = [
        RatingPoint(float(QDateTime(day, QTime(9 + i, 0)).toSecsSinceEpoch()), 6, 5, 3, 2)
        for i, day in enumerate(days)
    ]
    chart = RatingsChart()
    qtbot.addWidget(chart)
    chart.resize(560, 240)
    chart.set_points(points)
    shown = [text for _x, text in chart.date_labels(QRectF(40, 30, 500, 160))]
    assert shown == [QLocale().toString(day, "d MMM") for day in (days[0], days[2], days[3])]
    narrow = [text for _x, text in chart.date_labels(QRectF(40, 30, 60, 160))]
    assert narrow[0] == shown[0] and narrow[-1] == shown[-1]  # first and latest, not piled up


def test_export_csv_and_delete_all(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    skip_to_the_end(window)
    dialog = window.open_history()
    qtbot.addWidget(dialog)
    out = tmp_path / "export.csv"
    assert dialog.write_csv(out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")  # the BOM: Excel reads Japanese
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert tuple(rows[0]) == CSV_HEADER and len(rows) == 2
    box = dialog.confirm_delete()
    delete = next(b for b in box.buttons() if b.text() == "Delete all")
    delete.click()
    assert history_of(window).sessions() == []
    assert dialog.totals.text() == "No routines yet."


# --- the command line --------------------------------------------------------------------


def test_history_csv_of_an_empty_history_is_the_header(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    code, out, err = run(capsys, "history", "--csv")
    assert (code, err) == (0, "")
    assert list(csv.reader(io.StringIO(out))) == [list(CSV_HEADER)]
    assert not (data_home / FILE_NAME).exists()  # reading makes nothing


def test_history_csv_reads_a_locked_or_read_only_history_and_skips_odd_rows(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    history = History(data_home / FILE_NAME)
    good = history.start_session("Tired muscles", "desk", ["fatigue"])
    history.finish_session(good, 4, 0, True, None)
    for odd in (
        "UPDATE sessions SET types = 'not json' WHERE id = {}",
        "UPDATE sessions SET started = 1e20 WHERE id = {}",
        "UPDATE sessions SET started = 'abc' WHERE id = {}",
    ):
        session = history.start_session("odd", "desk", [])
        history._conn.execute(odd.format(session))
    history.close()
    (data_home / FILE_NAME).chmod(0o444)
    other = sqlite3.connect(data_home / FILE_NAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process is writing
    try:
        code, out, err = run(capsys, "history", "--csv")
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert len(rows) == 2 and rows[1][3] == "Tired muscles"
    assert err.count("\n") == 1 and "3 session(s)" in err  # said once, never a traceback


def test_history_csv_with_its_output_closed_is_one_line(data_home: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lowback_timer", "history", "--csv"],
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        env={**os.environ, "XDG_DATA_HOME": str(data_home.parent)},
        preexec_fn=lambda: os.close(1),  # as `lowback-timer history --csv >&-`
    )
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == "lowback-timer history: standard output is closed; use -o FILE"


def test_history_csv_to_a_file_with_japanese_names(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path, tmp_path: Path
) -> None:
    data_home.mkdir(parents=True, exist_ok=True)
    history = History(data_home / FILE_NAME)
    session = history.start_session("座り仕事タイプ, 筋肉疲労", "desk", ["sitting"])
    history.finish_session(session, 8, 0, True, None)
    history.close()
    out = tmp_path / "h.csv"
    assert run(capsys, "history", "--csv", "-o", str(out)) == (0, "", "")
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["routine"], r["holds_done"], r["finished"]) for r in rows] == [
        ("座り仕事タイプ, 筋肉疲労", "8", "yes")
    ]


def test_a_corrupt_history_is_set_aside_and_said_on_stderr(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    data_home.mkdir(parents=True, exist_ok=True)
    (data_home / FILE_NAME).write_bytes(os.urandom(4096))
    code, out, err = run(capsys, "history", "--csv")
    assert code == 0
    assert out.splitlines() == [",".join(CSV_HEADER)]
    assert "corrupt" in err and len(err.strip().splitlines()) == 1
    assert any(p.name.startswith(f"{FILE_NAME}.corrupt-") for p in data_home.iterdir())


def test_history_to_an_unwritable_place_is_exit_2(
    qapp: object, capsys: pytest.CaptureFixture[str], data_home: Path
) -> None:
    code, out, err = run(capsys, "history", "--csv", "-o", "/nonexistent-folder/h.csv")
    assert code == 2 and out == ""
    assert err.startswith("lowback-timer history: cannot write /nonexistent-folder/h.csv")
