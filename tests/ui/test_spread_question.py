"""After each stretch, "Any tingling or pain spreading further down the leg?": its keys, that it
never holds the timer up, and what "Yes, it spread" changes (home, the next routine built
today, the history, the next get-ready), as the user sees it."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content, Urgency
from lowback_timer.core.routine import Answers, Phase, Routine, build_routine, expand
from lowback_timer.core.screening import DAY_S
from lowback_timer.core.session import State
from lowback_timer.core.settings import Settings
from lowback_timer.core.spread import stretch_ends
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.timer import TimerPage
from tests.fakeclock import FakeClock
from tests.helpers import open_window, store_in, visible_texts
from tests.ui.test_timer import clock, page

__all__ = ["clock", "page"]  # the timer's fixtures (a fake clock; the page, shown and active)

QUESTION = "Any tingling or pain spreading further down the leg?"
GENTLY = "Go gently; stop if it spreads again."


@pytest.fixture
def routine(content: Content) -> Routine:
    """Two stretches and more, each both-sided, in rounds."""
    return build_routine(content, ("nerve", "sitting"), "desk", 10, prepare_s=5)


def run_to(page: TimerPage, clock: FakeClock, index: int) -> None:
    """On the fake clock, phase by phase (each one's end on time), to phase `index`."""
    session = page.session
    assert session is not None
    while session.index < index and (deadline := session.next_deadline()) is not None:
        clock.now = deadline
        page.catch_up()


def first_end(routine: Routine) -> int:
    return min(stretch_ends(routine.steps))


def focused(page: TimerPage) -> QWidget | None:
    return page.window().focusWidget()


def asking(page: TimerPage, clock: FakeClock, routine: Routine) -> None:
    """The first stretch is over (both sides, every round): the next get-ready asks."""
    page.load(routine, ask_spread=True)
    run_to(page, clock, first_end(routine) + 1)
    assert page.session is not None and page.session.step.phase is Phase.PREPARE


def test_after_both_sides_of_a_stretch_the_next_get_ready_asks_with_no_focused(
    page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    page.load(routine, ask_spread=True)
    question = page.running_view.spread
    end = first_end(routine)
    for index in range(1, end + 1):  # not after one side, nor between rounds
        run_to(page, clock, index)
        assert not question.isVisible(), routine.steps[index]
    run_to(page, clock, end + 1)
    assert question.isVisible() and QUESTION in visible_texts(page)
    assert focused(page) is question.no
    assert question.no.text() == "No (Enter)"
    assert question.yes.text() == "Yes, it spread"


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space])
def test_one_key_says_no_and_the_timer_goes_on_at_once(
    qtbot: QtBot, page: TimerPage, clock: FakeClock, routine: Routine, key: Qt.Key
) -> None:
    asking(page, clock, routine)
    session = page.session
    assert session is not None
    left = session.remaining()
    with qtbot.assertNotEmitted(page.spread.reported):
        qtbot.keyClick(page.running_view.spread.no, key)
    assert not page.running_view.spread.isVisible()
    assert session.state is State.RUNNING  # Space answered; it did not pause
    assert session.remaining() == left  # the get-ready's time ran on, untouched
    assert focused(page) is page.pause_button
    assert page.cue.text().splitlines()[0] != GENTLY


def test_the_get_ready_time_runs_while_the_question_shows(
    page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    asking(page, clock, routine)
    session = page.session
    assert session is not None
    clock.advance(2)
    page.catch_up()
    assert session.remaining() == session.step.duration_s - 2
    assert page.running_view.spread.isVisible()


def test_yes_by_keyboard_reports_the_stretch_and_the_get_ready_says_go_gently(
    qtbot: QtBot, page: TimerPage, clock: FakeClock, routine: Routine, content: Content
) -> None:
    asking(page, clock, routine)
    question = page.running_view.spread
    before = page.cue.text()
    qtbot.keyClick(question.no, Qt.Key.Key_Tab)
    assert focused(page) is question.yes
    stretch = routine.steps[first_end(routine)].stretch
    with qtbot.waitSignal(page.spread.reported, timeout=1000) as reported:
        qtbot.keyClick(question.yes, Qt.Key.Key_Return)
    assert reported.args == [stretch]
    assert not question.isVisible()
    assert page.cue.text() == f"{GENTLY}\n{before}"  # this get-ready: the next stretch's
    assert page.session is not None and page.session.state is State.RUNNING
    assert focused(page) is page.pause_button
    run_to(page, clock, page.session.index + 1)  # its hold: the stretch's own cue again
    assert GENTLY not in page.cue.text()


def test_unanswered_when_the_next_hold_starts_it_goes_as_a_no(
    qtbot: QtBot, page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    asking(page, clock, routine)
    assert page.session is not None
    with qtbot.assertNotEmitted(page.spread.reported):
        run_to(page, clock, page.session.index + 1)
    assert page.session.step.phase is Phase.HOLD
    assert not page.running_view.spread.isVisible()
    assert focused(page) is page.pause_button


def test_escape_still_stops_the_routine_while_it_asks(
    qtbot: QtBot, page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    asking(page, clock, routine)
    qtbot.keyClick(page.running_view.spread.no, Qt.Key.Key_Escape)
    assert page.session is not None and page.session.state is State.STOPPED
    assert page.pages.currentWidget() is page.stop_view
    page.go_on()  # pressed by mistake: back, paused, the question with it
    assert page.running_view.spread.isVisible()


def test_without_the_setting_nothing_is_asked(
    page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    page.load(routine, ask_spread=False)
    run_to(page, clock, len(routine.steps))
    assert not page.running_view.spread.isVisible() and not page.done_view.spread.isVisible()


def test_after_the_last_stretch_the_done_screen_asks(
    qtbot: QtBot, page: TimerPage, clock: FakeClock, content: Content
) -> None:
    """A routine that ends on a stretch (a saved one of the nerve type's stretch alone) is
    asked too: there is no get-ready after it to ask in."""
    built = build_routine(content, ("nerve",), "desk", 5, prepare_s=5)
    routine = expand(content, "desk", built.items[:1], prepare_s=5)
    assert len(routine.items) == 1
    page.load(routine, ask_spread=True)
    run_to(page, clock, len(routine.steps))
    question = page.done_view.spread
    assert page.pages.currentWidget() is page.done_view and question.isVisible()
    assert focused(page) is question.no
    with qtbot.waitSignal(page.spread.reported, timeout=1000) as reported:
        question.yes.click()
    assert reported.args == [routine.items[0].variant.split("-")[0]]
    assert not question.isVisible() and focused(page) is page.home_button


def test_a_screen_reader_hears_the_question_and_its_keys(
    page: TimerPage, clock: FakeClock, routine: Routine
) -> None:
    asking(page, clock, routine)
    question = page.running_view.spread
    face = QAccessible.queryAccessibleInterface(question)
    assert face is not None and face.text(QAccessible.Text.Name) == QUESTION
    assert "Enter or Space: no" in question.accessibleDescription()
    assert question.no.accessibleName() == "No"
    assert QUESTION in question.no.accessibleDescription()
    assert question.yes.accessibleName() == "Yes, it spread"


# --- from the main window: today's routine, the history, home ---------------------------------
def nerve_window(qtbot: QtBot, content: Content, folder: Path, now: list[float]) -> MainWindow:
    store: QSettings = store_in(folder)
    store.setValue("types", "nerve,sitting")
    store.setValue("minutes", 10)
    window = open_window(qtbot, content, folder, store=store)
    window.controller.wall_clock = lambda: now[0]
    return window


def yes_after_the_first_stretch(window: MainWindow) -> str:
    """Start today's routine, skip to the end of its first stretch and answer "Yes"."""
    window.start_routine()
    page = window.timer_page
    session = page.session
    assert session is not None
    while page.session is session and not page.running_view.spread.isVisible():
        assert session.is_active
        page.skip()
    page.running_view.spread.yes.click()
    stretch = session.steps[session.index - 1].stretch
    window.show_home()
    return stretch


def test_yes_leaves_that_stretch_out_today_on_home_and_in_the_next_routine(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    from tests.ui.test_history_ui import history_of

    now = [time.time()]
    window = nerve_window(qtbot, content, tmp_path, now)
    stretch = yes_after_the_first_stretch(window)
    name = content.stretch(stretch).name("en")
    texts = visible_texts(window.home)
    assert f"Left out today: {name}" in texts
    assert not any(t.endswith(f". {name}") for t in texts)  # not in today's list
    assert not window.home.check_up_notice.isVisible()  # once is not twice
    window.start_routine()
    again = window.timer_page.session
    assert again is not None and stretch not in {s.stretch for s in again.steps}
    window.show_home()
    stops = history_of(window).safety_stops()
    tier = content.tier_for(Urgency.STOP_STRETCH)
    assert tier is not None
    assert [(source, t, reason) for _, source, t, reason in stops] == [
        ("spread", tier.tier, stretch)
    ]
    now[0] += DAY_S + 3600  # tomorrow it is back
    window.show_home()
    assert not any(t.startswith("Left out today") for t in visible_texts(window.home))


def test_twice_in_a_week_home_suggests_having_it_checked(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    now = [time.time()]
    window = nerve_window(qtbot, content, tmp_path, now)
    yes_after_the_first_stretch(window)
    now[0] += 3 * DAY_S
    window.show_home()
    yes_after_the_first_stretch(window)
    soon = content.tier_for(Urgency.SOON)
    assert soon is not None
    notice = window.home.check_up_notice
    assert notice.isVisible()
    assert notice.text.text() == (
        "Tingling or pain spread further down your leg after a stretch 2 times in the past "
        f"week. {soon.title('en')}. {soon.call('en')}"
    )
    now[0] += 7 * DAY_S  # a week without: nothing to say
    window.show_home()
    assert not notice.isVisible()


def test_session_asks_too(qtbot: QtBot, content: Content, tmp_path: Path) -> None:
    """`lowback-timer session --type nerve` starts the window's timer on that routine."""
    window = open_window(qtbot, content, tmp_path)  # (no types saved: "not sure")
    window.start_session(Answers(("nerve",), "desk", 5))
    page = window.timer_page
    assert page.session is not None
    asked = False
    while page.session.is_active:
        page.skip()  # the question: in the marching's get-ready, after the buttock stretch
        asked = asked or page.running_view.spread.isVisible()
    assert asked
    window.start_session(Answers(("fatigue",), "desk", 5))
    while page.session.is_active:
        page.skip()
        assert not page.running_view.spread.isVisible()
    assert not page.done_view.spread.isVisible()


def test_the_japanese_question_and_check_up(
    qtbot: QtBot, content: Content, lang: str, clock: FakeClock, routine: Routine
) -> None:
    page = TimerPage(content, lang, Settings(), clock=clock)
    qtbot.addWidget(page)
    page.show()
    asking(page, clock, routine)
    texts = visible_texts(page)
    question = page.running_view.spread
    if lang == "ja":
        assert question.text.text().startswith("しびれや痛み") and QUESTION not in texts
        assert question.yes.text() == "はい、広がりました"
    else:
        assert QUESTION in texts
    question.yes.click()
    assert page.cue.text().startswith(content.guidance.spread_again(lang)[:8])


def test_help_says_symptoms_that_move_up_or_ease_are_fine(
    qtbot: QtBot, content: Content, tmp_path: Path
) -> None:
    window = open_window(qtbot, content, tmp_path)
    box = window.show_guidance()
    assert content.guidance.spread_up_ok("en") in box.informativeText()
    assert "moves up towards your back" in box.informativeText()
    box.close()
    QApplication.processEvents()
