"""The two-week review as the user meets it: its line on home, dismissed for a week with a
button the keyboard reaches, and above the chart in the History window; in both languages."""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.app.controller import read_settings
from lowback_timer.app.text import WORD_JOINER
from lowback_timer.core.content import Content
from lowback_timer.core.history import FILE_NAME
from lowback_timer.core.review import Review
from lowback_timer.ui.main_window import MainWindow
from tests.helpers import make_controller, store_in
from tests.review_histories import EMPTY, FLAT, IMPROVING, Ratings, write_history

DAY_S = 86400.0
TODAY = date.today()
NOON = datetime.combine(TODAY, time(12)).timestamp()
# Every day from 30 days ago to a week ahead the same: "no better" today and in a week.
EVERY_DAY_FLAT: Ratings = {days_ago: (5, 4) for days_ago in range(-8, 31)}
NO_BETTER = {
    "en": "No better after two weeks of stretching? Have it checked by your doctor or a "
    "physiotherapist.",
    "ja": "2週間ほど続けても楽にならないときは、医療機関で相談しましょう。",
}
BETTER = {
    "en": "Your back: 6 → 4 before a routine, since your first week. Keep going at your own pace.",
    "ja": "開始前の腰：6 → 4（最初の週から）。この調子で、無理なく続けましょう。",
}


def window_with(
    qtbot: QtBot,
    content: Content,
    folder: Path,
    ratings: Ratings,
    *,
    lang: str = "en",
    shown: bool = True,
) -> MainWindow:
    """The main window after its first frame (home shows the review), on a made-up history;
    not `shown`: as it starts in the tray."""
    if ratings:
        write_history(folder / FILE_NAME, ratings, TODAY)
    store = store_in(folder)
    for key, value in (("setup_done", True), ("screened_at", NOON), ("ask_ratings", False)):
        store.setValue(key, value)
    window = MainWindow(make_controller(content, folder, store, lang=lang, now=NOON))
    qtbot.addWidget(window)
    if shown:
        window.show()
    window.start_reviews()
    return window


def test_a_copy_in_the_tray_reads_the_review_only_once_home_is_seen(
    qtbot: QtBot, content: Content, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Idle in the tray, nothing shows the line: no history is opened for it (sqlite and the
    file stay out of the tray's memory) until the window comes up."""
    window = window_with(qtbot, content, tmp_path, EVERY_DAY_FLAT, shown=False)
    reads: list[date] = []
    review = window.history.review

    def reading(day: date) -> Review | None:
        reads.append(day)
        return review(day)

    monkeypatch.setattr(window.history, "review", reading)
    window.start_reviews()
    assert reads == []
    window.show()
    assert home_line(window) == NO_BETTER["en"] and len(reads) == 1


def home_line(window: MainWindow) -> str:
    """The review's line as home shows it ("" when it does not)."""
    QApplication.processEvents()
    notice = window.home.review_notice
    return notice.text.text().replace(WORD_JOINER, "") if notice.isVisibleTo(window) else ""


def test_home_shows_no_better_in_each_language(
    qtbot: QtBot, content: Content, tmp_path: Path, lang: str
) -> None:
    window = window_with(qtbot, content, tmp_path, FLAT, lang=lang)
    assert home_line(window) == NO_BETTER[lang]


def test_home_shows_the_encouragement_with_the_numbers(
    qtbot: QtBot, content: Content, tmp_path: Path, lang: str
) -> None:
    window = window_with(qtbot, content, tmp_path, IMPROVING, lang=lang)
    assert home_line(window) == BETTER[lang]


def test_home_says_nothing_before_there_is_enough(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = window_with(qtbot, content, tmp_path, EMPTY)
    assert home_line(window) == ""


def test_dismissed_from_the_keyboard_for_a_week(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = window_with(qtbot, content, tmp_path, EVERY_DAY_FLAT)
    assert home_line(window) == NO_BETTER["en"]
    dismiss = window.home.review_notice.button
    assert dismiss.text() == "Dismiss"
    assert dismiss.accessibleName() == "Dismiss the two-week review for a week"
    # Tab from "Start my routine" reaches it
    window.home.focus_main()
    assert window.home.start_button.hasFocus()
    for _ in range(10):
        if dismiss.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert dismiss.hasFocus()
    qtbot.keyClick(dismiss, Qt.Key.Key_Space)
    assert home_line(window) == ""
    assert window.home.start_button.hasFocus()  # the keyboard is not lost with the button
    stored = read_settings(store_in(tmp_path), content)  # as the next start reads it
    assert stored.review_dismissed_until == NOON + 7 * DAY_S
    controller = window.controller
    controller.wall_clock = lambda: NOON + 6 * DAY_S
    window.show_home()
    assert home_line(window) == ""  # six days later: still dismissed
    controller.wall_clock = lambda: NOON + 7 * DAY_S
    window.show_home()
    assert home_line(window) == NO_BETTER["en"]  # a week later: back


@pytest.mark.parametrize(("ratings", "name"), [(FLAT, "flat"), (EMPTY, "empty")])
def test_history_shows_the_review_above_the_chart(
    qtbot: QtBot, content: Content, tmp_path: Path, lang: str, ratings: Ratings, name: str
) -> None:
    window = window_with(qtbot, content, tmp_path, ratings, lang=lang)
    window.home.review_notice.button.click()  # dismissed on home; History still says it
    dialog = window.open_history()
    qtbot.addWidget(dialog)
    expected = {
        "flat": NO_BETTER,
        "empty": {
            "en": "Not enough history yet for the two-week review: it comes 14 days after your "
            "first rated routine, once you have done 6 routines.",
            "ja": "2週間のふり返りには、まだ記録が足りません。感じ方を記録した最初のルーティン"
            "から14日たち、6回以上行うと表示されます。",
        },
    }[name][lang]
    assert dialog.review.isVisibleTo(dialog)
    assert dialog.review.text().replace(WORD_JOINER, "") == expected
    layout = dialog.layout()
    assert layout is not None
    assert layout.indexOf(dialog.review) == layout.indexOf(dialog.chart) - 1
    assert dialog.review.geometry().bottom() < dialog.chart.geometry().top()
    dialog.close()  # (not left to paint once the test's window is gone)


def test_no_review_on_home_while_routines_are_off(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """A stop for weakness sent the user to a doctor today: home offers no routine, and says
    nothing of keeping it up or of a check-up soon."""
    window = window_with(qtbot, content, tmp_path, IMPROVING)
    assert home_line(window) == BETTER["en"]
    window.controller.record_stop("weakness")
    window.show_home()
    assert not window.home.start_button.isVisibleTo(window)
    assert home_line(window) == ""
