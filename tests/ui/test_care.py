"""The care screen: the most urgent tier first, the local emergency number, stop-reason advice."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content
from lowback_timer.core.screening import emergency_numbers_for, screen
from lowback_timer.ui.care import CarePage
from tests.helpers import open_window, visible_texts


def make_page(qtbot: QtBot, content: Content, country: str | None) -> CarePage:
    page = CarePage(content, "en")
    page.set_region(emergency_numbers_for(content, country)[0])
    qtbot.addWidget(page)
    page.resize(900, 680)
    page.show()
    return page


def show_signs(page: CarePage, content: Content, *sign_ids: str) -> None:
    outcome = screen(content, sign_ids)
    page.show_screening([t.tier for t in outcome.tiers], outcome.signs)


@pytest.mark.parametrize(
    ("country", "number", "region"),
    [
        ("JP", "119", "Japan"),
        ("GB", "999", "United Kingdom"),
        ("DE", "112", "Europe"),
        ("US", "911", "United States and Canada"),
    ],
)
def test_the_local_number_comes_first_and_the_others_are_listed(
    qtbot: QtBot, content: Content, country: str, number: str, region: str
) -> None:
    page = make_page(qtbot, content, country)
    show_signs(page, content, "both-legs")
    assert page.title.text() == content.tier(1).title("en")
    assert page.local_number.isVisible()
    assert page.local_number.text() == number
    assert region in page.local_heading.text()
    others = page.others_list.text().splitlines()
    assert len(others) == len(content.emergency_numbers) - 1
    assert not any(f"emergency {number} " in line for line in others)
    # The local number is the largest text on the screen.
    sizes = {w: w.font().pointSizeF() for w in (page.title, page.action, page.others_list)}
    assert all(page.local_number.font().pointSizeF() > size for size in sizes.values())


def test_an_unknown_country_shows_every_number_and_no_local_one(
    qtbot: QtBot, content: Content
) -> None:
    page = make_page(qtbot, content, None)
    show_signs(page, content, "bladder-bowel")
    assert not page.local_number.isVisible()
    listed = page.others_list.text()
    for number in content.emergency_numbers:
        assert f"emergency {number.emergency} " in listed
        assert number.region("en") in listed


def test_tier_2_shows_what_to_do_today_and_the_advice_line(qtbot: QtBot, content: Content) -> None:
    page = make_page(qtbot, content, "GB")
    show_signs(page, content, "fever-unwell", "no-better")
    tier2 = content.tier(2)
    assert page.title.text() == tier2.title("en")
    assert page.action.text() == tier2.action("en")
    assert page.call.text() == tier2.call("en")
    assert "NHS 111" in page.local_helpline.text()
    # The less urgent tier follows, smaller; what was ticked is listed for the doctor.
    assert page.more.isVisible()
    assert content.tier(3).title("en") in page.more.text()
    ticked = page.signs_list.text()
    assert content.signs[[s.id for s in content.signs].index("fever-unwell")].text("en") in ticked
    assert content.guidance.not_advice("en") in page.note.text()
    assert "You know your body best" in page.note.text()


def test_nothing_softens_a_tier_1_call(qtbot: QtBot, content: Content) -> None:
    page = make_page(qtbot, content, "JP")
    show_signs(page, content, next(s.id for s in content.signs if s.tier == 1))
    assert page.note.text() == content.guidance.not_advice("en")
    assert page.local_number.text() == "119" and page.elsewhere.isVisible()


@pytest.mark.parametrize(
    "reason_id", ["sharp-pain", "pain-down-leg", "tingling-numbness", "weakness", "dizziness"]
)
def test_each_stop_reason_shows_its_advice_then_its_tier(
    qtbot: QtBot, content: Content, reason_id: str
) -> None:
    page = make_page(qtbot, content, "JP")
    reason = content.stop_reason(reason_id)
    assert reason.tier is not None
    page.show_stop(reason)
    tier = content.tier(reason.tier)
    assert page.advice.isVisible()
    assert page.advice.text() == reason.advice("en")
    assert page.title.text() == tier.title("en")
    # The advice says what to do; the tier's general action would repeat it.
    assert not page.action.isVisible()
    assert page.call.text() == tier.call("en") and page.call.isVisible()
    # Numbers only where the tier ends the routine (weakness: see a doctor today).
    assert page.numbers_box.isVisible() is tier.ends_routine
    assert not page.signs_list.isVisible()
    assert page.note.isVisible()


def test_just_stop_is_a_short_kind_message_without_numbers(qtbot: QtBot, content: Content) -> None:
    page = make_page(qtbot, content, "JP")
    show_signs(page, content, "both-legs")  # an earlier visit must not leak into this one
    page.show_stop(content.stop_reason("just-stop"))
    assert page.title.text() == "Stopped for now"
    assert page.advice.text() == content.stop_reason("just-stop").advice("en")
    for widget in (page.numbers_box, page.action, page.call, page.more, page.signs_list):
        assert not widget.isVisible()
    assert set(visible_texts(page)) == {"Stopped for now", page.advice.text()}


def test_back_to_home_by_keyboard(qtbot: QtBot, content: Content) -> None:
    page = make_page(qtbot, content, "JP")
    show_signs(page, content, "both-legs")
    assert page.home_button.hasFocus() or page.focusWidget() is page.home_button
    with qtbot.waitSignal(page.finished, timeout=1000):
        QTest.keyClick(page.home_button, Qt.Key.Key_Space)


def test_texts_are_shown_as_plain_text(qtbot: QtBot, content: Content) -> None:
    page = make_page(qtbot, content, "JP")
    show_signs(page, content, "both-legs")
    labels = [page.title, page.action, page.call, page.local_helpline, page.others_list]
    assert all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)


def test_the_main_window_shows_the_care_screen_for_a_stop_reason(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path, store=store)
    window.show_care_for_stop("weakness")
    assert window.stack.currentWidget() is window.care
    assert window.care.advice.text() == content.stop_reason("weakness").advice("en")
    assert window.care.local_number.text() == "119"
    window.care.home_button.click()
    assert window.stack.currentWidget() is window.home


def test_the_care_text_scrolls_from_the_keyboard(qtbot: QtBot, content: Content) -> None:
    """With the focus on "Back to home" (the page's only control), the keys scroll the text
    down to the last line and back; Space still goes home."""
    page = make_page(qtbot, content, "JP")
    show_signs(page, content, "both-legs", "saddle-numbness", "strong-numbness")
    page.resize(700, 360)  # a small window: the text is longer than what shows
    QApplication.processEvents()
    bar = page.scroller.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    key = page.home_button
    QTest.keyClick(key, Qt.Key.Key_Down)
    assert 0 < bar.value() < bar.maximum()
    QTest.keyClick(key, Qt.Key.Key_PageDown)
    assert bar.value() > bar.singleStep()
    QTest.keyClick(key, Qt.Key.Key_End)
    assert bar.value() == bar.maximum()
    note = page.note  # the disclaimer, last, is in sight now
    top = note.mapTo(page.scroller.viewport(), QPoint(0, 0)).y()
    assert top >= 0 and top + note.height() <= page.scroller.viewport().height()
    QTest.keyClick(key, Qt.Key.Key_PageUp)
    assert bar.value() < bar.maximum()
    QTest.keyClick(key, Qt.Key.Key_Home)
    assert bar.value() == 0
    with qtbot.waitSignal(page.finished, timeout=1000):
        QTest.keyClick(key, Qt.Key.Key_Space)
