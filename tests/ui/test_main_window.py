"""The main window: first run, the safety check before a routine, change answers, the check
again when due, "my routine", and nothing running behind another screen."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from lowback_timer.app.controller import read_settings
from lowback_timer.core.content import Content
from lowback_timer.core.my_routine import FILE_NAME
from lowback_timer.core.routine import build_routine
from lowback_timer.core.screening import DAY_S, screen
from lowback_timer.core.session import STOP_ABANDONED, State
from lowback_timer.core.settings import Settings
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.wizard import SetupWizard
from tests.helpers import (
    answer,
    answer_check,
    click,
    finish,
    open_window,
    sign_of,
    store_in,
    store_settings,
    to_type_page,
    visible_texts,
)

NOW = 1_750_000_000.0


def stopped_for(reason: str, qtbot: QtBot, content: Content, folder: Path) -> MainWindow:
    """A window whose routine was started, stopped, and the user said why."""
    window = open_window(qtbot, content, folder)
    window.start_routine()
    window.timer_page.stop()
    window.timer_page.reason_buttons[reason].click()
    return window


def make_window(
    qtbot: QtBot, content: Content, store: QSettings, data_dir: Path, now: float = NOW
) -> MainWindow:
    """A window on the settings as stored (a first run when nothing is)."""
    return open_window(qtbot, content, data_dir, screened_at=None, store=store, now=now)


def test_cancel_keeps_what_was_saved(
    qtbot: QtBot, content: Content, tmp_path: Path, store: QSettings
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    wizard = window.open_wizard()
    to_type_page(wizard)
    answer(wizard, ("nerve",), "floor", 5)
    click(wizard.preview.save_button)
    saved = (tmp_path / FILE_NAME).read_bytes()
    wizard.reject()
    assert (tmp_path / FILE_NAME).read_bytes() == saved
    assert read_settings(store, content).screened_at == NOW  # the check that was answered counts
    assert not read_settings(store, content).setup_done


def test_first_run_opens_the_wizard_and_finishing_saves_the_answers(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible()
    assert wizard.currentId() == SetupWizard.WELCOME
    to_type_page(wizard)
    answer(wizard, ("sitting",), "standing", 10)
    finish(wizard)  # "Use this routine"
    assert not wizard.isVisible()
    settings = read_settings(store, content)
    assert settings.setup_done
    assert (settings.types, settings.place, settings.minutes) == (("sitting",), "standing", 10)
    assert settings.screened_at == NOW
    assert window.controller.routine == build_routine(content, ("sitting",), "standing", 10)
    assert window.stack.currentWidget() is window.home
    assert not window.home.recheck_notice.isVisibleTo(window)
    assert not (tmp_path / FILE_NAME).exists()  # nothing edited, nothing to keep


@pytest.mark.parametrize("tier", [1, 2])
def test_a_tier_1_or_2_sign_shows_the_care_screen_and_no_routine(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path, tier: int
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    before = window.controller.routine
    wizard = window.open_wizard()
    wizard.next()
    answer_check(wizard, sign_of(content, tier))
    assert window.stack.currentWidget() is window.care
    assert window.care.title.text() == content.tier(tier).title("en")
    assert window.care.local_number.text() == "119"
    assert window.controller.routine == before
    settings = read_settings(store, content)
    assert not settings.setup_done
    assert settings.screened_at == 0.0
    window.care.home_button.click()
    assert window.home.recheck_notice.isVisibleTo(window)  # asked again before the next routine


def test_change_answers_starts_at_the_type_page_with_the_answers_ticked(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    settings = replace(
        Settings(),
        types=("sitting",),
        place="floor",
        minutes=10,
        setup_done=True,
        screened_at=NOW,
    )
    store_settings(store, settings)
    window = make_window(qtbot, content, store, tmp_path)
    window.home.change_button.click()
    wizard = window.wizard
    assert wizard is not None and wizard.mode == SetupWizard.ANSWERS
    assert wizard.currentId() == SetupWizard.TYPE
    assert wizard.type_page.types() == ("sitting",)
    wizard.next()
    assert wizard.place_page.place() == "floor"
    assert wizard.place_page.chosen_minutes() == 10
    wizard.next()
    assert wizard.routine() == window.controller.routine


def test_safety_check_from_the_menu_runs_the_check_alone(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW - 30 * DAY_S))
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    assert window.wizard is None  # no wizard, no dialog: a line on the home screen
    assert window.home.recheck_notice.isVisibleTo(window)
    action = next(a for a in window.findChildren(QAction) if a.text() == "Safety &check…")
    action.trigger()
    wizard = window.wizard
    assert wizard is not None and wizard.currentId() == SetupWizard.SAFETY
    answer_check(wizard)
    assert not wizard.isVisible()
    assert read_settings(store, content).screened_at == NOW
    assert not window.home.recheck_notice.isVisibleTo(window)


def test_the_recheck_is_offered_after_14_days_only(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW))
    soon = make_window(qtbot, content, store, tmp_path, now=NOW + 13 * DAY_S)
    soon.start_up()
    assert not soon.home.recheck_notice.isVisibleTo(soon)
    later = make_window(qtbot, content, store, tmp_path, now=NOW + 14 * DAY_S)
    later.start_up()
    assert later.home.recheck_notice.isVisibleTo(later)
    later.home.recheck_notice.button.click()
    assert later.wizard is not None and later.wizard.mode == SetupWizard.CHECK


def test_the_home_screen_uses_my_routine(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW))
    first = make_window(qtbot, content, store, tmp_path)
    wizard = first.change_answers()
    answer(wizard, ("sitting", "fatigue"), "desk", 10)
    click(wizard.preview.rows[0].remove)
    edited = wizard.routine()
    finish(wizard)  # an edited routine is kept as my routine
    assert first.controller.routine == edited
    again = make_window(qtbot, content, store, tmp_path)
    assert again.controller.routine == edited
    names = [content.stretch_for(i.variant).name("en") for i in edited.items]
    shown = visible_texts(again.home)
    assert [f"{n}. {name}" for n, name in enumerate(names, 1)] == [
        t for t in shown if t[:1].isdigit() and ". " in t
    ]


def test_a_corrupt_my_routine_is_set_aside_and_reported(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW, types=("nerve",)))
    (tmp_path / FILE_NAME).write_text("routines:\n  - id: [broken\n", encoding="utf-8")
    window = make_window(qtbot, content, store, tmp_path)
    assert window.home.problem_notice.isVisibleTo(window)
    text = window.home.problem_notice.text.text()
    assert f"{tmp_path / FILE_NAME}:" in text
    assert "not valid YAML" in text
    assert not (tmp_path / FILE_NAME).exists()
    (moved,) = tmp_path.glob(f"{FILE_NAME}.broken-*")
    assert str(moved) in text
    assert window.controller.routine == build_routine(content, ("nerve",), "desk", 5)


# --- the timer from the main window ------------------------------------------------------
def test_keys_reach_the_timer_from_the_home_screen_start(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """Started with Enter on the home screen, the timer takes Space/Esc at once: the keyboard
    focus moves with the screen, so the user never has to click into the timer first."""
    window = open_window(qtbot, content, tmp_path)
    qtbot.waitExposed(window)
    window.activateWindow()
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()  # (offscreen, after other tests' windows: ask the platform too)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.home.start_button)
    qtbot.keyClick(window.home.start_button, Qt.Key.Key_Return)
    page = window.timer_page
    assert window.stack.currentWidget() is page and page.session is not None
    focused = QApplication.focusWidget()
    assert focused is not None
    qtbot.keyClick(focused, Qt.Key.Key_Space)
    assert page.session.state is State.PAUSED
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Escape)
    assert page.session.state is State.STOPPED


def test_after_a_stop_for_a_weak_leg_the_next_start_asks_for_the_check(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = stopped_for("weakness", qtbot, content, tmp_path)
    assert window.stack.currentWidget() is window.care
    window.care.home_button.click()
    window.start_routine()
    assert window.wizard is not None and window.wizard.isVisible()
    assert window.stack.currentWidget() is window.home


@pytest.mark.parametrize("stored", ["nan", "inf", "-inf", "garbage", 4_000_000_000.0])
def test_a_corrupt_check_date_never_skips_the_check(
    qtbot: QtBot, content: Content, tmp_path: Path, stored: object
) -> None:
    window = open_window(qtbot, content, tmp_path, screened_at=stored)
    window.start_routine()
    assert window.wizard is not None and window.wizard.isVisible()
    assert window.timer_page.session is None


def test_nothing_runs_on_behind_another_screen(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    page = window.timer_page
    session = page.session
    assert session is not None
    window.start_routine()  # Ctrl+Return again: the same routine goes on, not a new one
    assert page.session is session and session.state is State.RUNNING
    wizard = window.change_answers()
    assert session.state is State.PAUSED and not page.timer.isActive()
    wizard.reject()
    window.show_home()
    assert session.state is State.STOPPED and session.stop_reason == STOP_ABANDONED
    assert not page.timer.isActive()


def test_an_urgent_sign_in_a_check_during_a_routine_ends_it(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    session = window.timer_page.session
    assert session is not None
    wizard = window.run_safety_check()
    answer_check(wizard, sign_of(content, 1))
    assert window.stack.currentWidget() is window.care
    assert session.state is State.STOPPED and not window.timer_page.timer.isActive()


# --- the check due again, a stop for one stretch, the user's region -----------------------
def test_when_the_check_is_due_start_asks_one_question_first(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW - 20 * DAY_S))
    window = make_window(qtbot, content, store, tmp_path)
    window.start_routine()
    assert window.timer_page.session is None  # not started yet
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert box.text() == "Has anything changed since your last safety check?"
    same = next(b for b in box.buttons() if b.text() == "Nothing has changed")
    assert box.defaultButton() is same
    same.click()
    assert window.stack.currentWidget() is window.timer_page
    assert window.timer_page.session is not None
    assert read_settings(store, content).screened_at == NOW


def test_show_me_the_check_runs_the_check_before_the_routine(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW - 20 * DAY_S))
    window = make_window(qtbot, content, store, tmp_path)
    box = window.ask_if_changed()
    next(b for b in box.buttons() if b.text() == "Show me the check").click()
    wizard = window.wizard
    assert wizard is not None and wizard.mode == SetupWizard.CHECK
    answer_check(wizard)
    assert window.timer_page.session is not None  # started once the check was passed


def test_two_anything_changed_questions_cannot_undo_a_failed_check(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    """Start opens question A; the reminder's start asks again and gets A, not a second one.
    The check is then failed elsewhere (the wizard, another copy): "Nothing has changed" in A
    starts nothing and asks for the whole check."""
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW - 20 * DAY_S))
    window = make_window(qtbot, content, store, tmp_path)
    window.start_routine()
    first = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    window.start_routine()  # the reminder popup's "Start a routine"
    assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == [first]
    other = make_window(qtbot, content, store_in(tmp_path), tmp_path)  # another copy's check
    other.controller.record_check(screen(content, [sign_of(content, 1)]))
    next(b for b in first.buttons() if b.text() == "Nothing has changed").click()
    assert window.timer_page.session is None  # no routine
    assert read_settings(store, content).screened_at == 0.0  # and the check is not dated
    assert window.wizard is not None and window.wizard.mode == SetupWizard.CHECK


def test_after_a_stop_for_one_stretch_the_others_can_go_on(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    window.start_routine()
    page = window.timer_page
    session = page.session
    assert session is not None and len(session.routine.items) > 1
    first, second = session.routine.items[:2]
    page.stop()
    page.reason_buttons["sharp-pain"].click()
    assert window.stack.currentWidget() is window.care
    assert window.care.skip_button.isVisible()
    window.care.skip_button.click()
    assert window.stack.currentWidget() is page
    assert page.session is session and session.is_active  # the same routine goes on
    assert session.step.variant == second.variant != first.variant


def test_a_stop_that_needs_a_doctor_offers_no_way_on(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = stopped_for("weakness", qtbot, content, tmp_path)
    assert not window.care.skip_button.isVisible()


@pytest.mark.parametrize(("region", "number"), [("australia", "000"), ("japan", "119")])
def test_the_chosen_region_leads_the_care_screen_whatever_the_locale(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path, region: str, number: str
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW, region=region))
    window = make_window(qtbot, content, store, tmp_path)  # the system says Japan
    window.show_care_for_stop("weakness")
    assert window.care.local_number.isVisible() and window.care.local_number.text() == number
    assert window.care.elsewhere.isVisible()


def test_elsewhere_says_to_call_the_local_number_in_large_type(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    store_settings(store, replace(Settings(), setup_done=True, screened_at=NOW, region="elsewhere"))
    window = make_window(qtbot, content, store, tmp_path)
    window.show_care_for_stop("weakness")
    care = window.care
    assert care.local_heading.text() == "Call your local emergency number."
    assert not care.local_number.isVisible()
    assert care.local_heading.font().pointSizeF() > care.title.font().pointSizeF() * 0.8
    assert len(care.others_list.text().splitlines()) == len(content.emergency_numbers)


def test_the_first_run_asks_where_the_user_lives(
    qtbot: QtBot, content: Content, store: QSettings, tmp_path: Path
) -> None:
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    wizard = window.wizard
    assert wizard is not None
    choice = wizard.welcome.region
    assert choice.region() == "japan"  # guessed from the system's country
    choice.setCurrentIndex(choice.findData("new-zealand"))
    wizard.next()
    assert read_settings(store, content).region == "new-zealand"


def home_buttons(window: MainWindow) -> list[str]:
    QApplication.processEvents()
    return [b.text() for b in window.home.findChildren(QPushButton) if b.isVisibleTo(window.home)]


def test_sharp_pain_leaves_that_stretch_off_home_and_start_until_the_next_day(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    """The care screen says "Leave this stretch for today": home and Start do so."""
    now = [time.time()]
    window = open_window(qtbot, content, tmp_path)
    window.controller.wall_clock = lambda: now[0]
    window.start_routine()
    session = window.timer_page.session
    assert session is not None
    stretch = content.stretch(session.step.stretch)
    window.timer_page.stop()
    window.timer_page.reason_buttons["sharp-pain"].click()
    click(window.care.home_button)
    texts = visible_texts(window.home)
    assert f"Left out today: {stretch.name('en')}" in texts
    assert not any(t.endswith(f". {stretch.name('en')}") for t in texts)
    window.start_routine()
    again = window.timer_page.session
    assert again is not None and again is not session
    assert stretch.id not in {s.stretch for s in again.steps}
    window.show_home()
    now[0] += DAY_S + 3600  # tomorrow (also after a 25-hour day)
    window.show_home()
    texts = visible_texts(window.home)
    assert not any(t.startswith("Left out today") for t in texts)
    assert any(t.endswith(f". {stretch.name('en')}") for t in texts)


def test_after_an_urgent_result_on_the_first_run_home_offers_no_routine(
    qtbot: QtBot, content: Content, tmp_path: Path, store: QSettings
) -> None:
    """No desk routine nobody chose, no Start, one "Safety check", which goes back to the
    questions: the first run had no answers yet."""
    window = make_window(qtbot, content, store, tmp_path)
    window.start_up()
    wizard = window.wizard
    assert wizard is not None
    wizard.next()
    answer_check(wizard, sign_of(content, 1))
    assert window.stack.currentWidget() is window.care
    click(window.care.home_button)
    assert window.stack.currentWidget() is window.home
    texts = visible_texts(window.home)
    assert "Routines are off for now" in texts
    assert any("until you pass the safety check again" in t for t in texts)
    assert not any(t[:1].isdigit() and ". " in t for t in texts)  # no routine listed
    assert home_buttons(window).count("Safety check") == 1
    assert not window.home.start_button.isVisible()
    assert window.focusWidget() is window.home.recheck_notice.button
    window.start_routine()  # the reminder's "Start my routine": the questions, no timer
    assert window.stack.currentWidget() is window.home
    assert window.wizard is not None and window.wizard.mode == SetupWizard.SETUP
    click(window.home.recheck_notice.button)
    wizard = window.wizard
    assert wizard is not None and wizard.mode == SetupWizard.SETUP
    to_type_page(wizard)  # passed this time: then type, place and time are asked
    answer(wizard, ("fatigue",), "standing", 5)
    finish(wizard)
    assert window.home.start_button.isVisible() and "Today's routine" in visible_texts(window.home)


def test_after_an_urgent_stop_home_says_routines_are_off_and_the_check_brings_them_back(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = stopped_for("weakness", qtbot, content, tmp_path)
    click(window.care.home_button)
    assert "Routines are off for now" in visible_texts(window.home)
    assert not window.home.start_button.isVisible()
    click(window.home.recheck_notice.button)
    wizard = window.wizard
    assert wizard is not None and wizard.mode == SetupWizard.CHECK  # the answers are kept
    answer_check(wizard)
    window.show_home()
    assert window.home.start_button.isVisible()
    assert home_buttons(window).count("Safety check") == 1
