"""The home screen: today's routine as the user reads it, and its one main action."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from lowback_timer.core.content import Content, Move
from lowback_timer.core.gate import HomeStep
from lowback_timer.core.routine import build_routine
from lowback_timer.ui.home import HomePage
from tests.helpers import visible_texts


@pytest.fixture
def home(qtbot: QtBot, content: Content) -> HomePage:
    page = HomePage(content, "en")
    qtbot.addWidget(page)
    page.show()
    return page


def test_each_stretch_is_listed_with_its_dose_and_cue(home: HomePage, content: Content) -> None:
    routine = build_routine(content, ("fatigue",), "standing", 5)
    home.show_routine(routine)
    texts = visible_texts(home)
    for number, item in enumerate(routine.items, start=1):
        stretch = content.stretch_for(item.variant)
        name = texts.index(f"{number}. {stretch.name('en')}")
        if isinstance(stretch, Move):  # the heel raises after the stretches: counted
            assert texts[name + 1] == f"{item.hold_s // stretch.rep_s} times, slowly"
        else:  # both-sided, more than one round: "20 s each side, 3 rounds"
            assert texts[name + 1] == f"{item.hold_s} s each side, {item.reps} rounds"
        assert texts[name + 2] == stretch.cue("en")
    assert content.variant(routine.items[-1].variant).stretch == "heel-raises"
    assert f"About {round(routine.total_s / 60)} minutes" in texts


def test_one_round_reads_without_a_count(home: HomePage, content: Content) -> None:
    routine = build_routine(content, (), "desk", 3)
    assert routine.items[0].reps == 1
    home.show_routine(routine)
    assert f"{routine.items[0].hold_s} s each side" in visible_texts(home)


def test_a_new_routine_replaces_the_old_rows(home: HomePage, content: Content) -> None:
    home.show_routine(build_routine(content, (), "floor", 10))
    shorter = build_routine(content, ("nerve",), "desk", 3)
    home.show_routine(shorter)
    numbered = [t for t in visible_texts(home) if t[:1].isdigit() and ". " in t]
    assert numbered == [
        f"{n}. {content.stretch_for(i.variant).name('en')}" for n, i in enumerate(shorter.items, 1)
    ]


def test_enter_starts_the_routine(qtbot: QtBot, home: HomePage) -> None:
    home.start_button.setFocus()
    with qtbot.waitSignal(home.start_requested, timeout=1000):
        qtbot.keyClick(home.start_button, Qt.Key.Key_Return)


def test_home_says_which_stretches_are_left_out_today(home: HomePage, content: Content) -> None:
    home.show_routine(build_routine(content, ("fatigue",), "standing", 5, avoid=("hamstrings",)))
    home.show_notices(False, "", HomeStep.READY, ["Hamstring stretch"])
    assert "Left out today: Hamstring stretch" in visible_texts(home)
    home.show_notices(False, "", HomeStep.READY, [])
    assert not any(t.startswith("Left out today") for t in visible_texts(home))


def test_a_check_that_is_due_has_one_safety_check_button(home: HomePage) -> None:
    def buttons() -> list[str]:
        return [b.text() for b in home.findChildren(QPushButton) if b.isVisibleTo(home)]

    home.show_notices(True, "", HomeStep.READY)
    assert buttons().count("Safety check") == 1 and home.start_button.isVisibleTo(home)
    home.show_notices(False, "", HomeStep.READY)
    assert buttons().count("Safety check") == 1


def test_without_answers_home_asks_the_questions_and_lists_no_routine(
    qtbot: QtBot, home: HomePage, content: Content
) -> None:
    home.show_routine(build_routine(content, (), "desk", 5))
    home.show_notices(True, "", HomeStep.SET_UP)
    texts = visible_texts(home)
    assert "Welcome" in texts and not home.start_button.isVisibleTo(home)
    assert not any(t[:1].isdigit() and ". " in t for t in texts)
    with qtbot.waitSignal(home.setup_requested, timeout=1000):
        home.recheck_notice.button.click()
