"""What a due reminder asks the desktop: all questions at once, one answer back, never a wait
longer than the limit; a question not answered in time counts as "could not tell"."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from pytestqt.qtbot import QtBot

from lowback_timer.app.dbus_calls import DBUS_TIMEOUT_MS
from lowback_timer.app.desktop_questions import DesktopAnswers, DesktopQuestions


class Held:
    """A question whose answer comes when the test gives it (or never)."""

    def __init__(self) -> None:
        self.waiting: list[Callable[[Any], None]] = []

    def __call__(self, done: Callable[[Any], None]) -> None:
        self.waiting.append(done)


def broken(done: Callable[[Any], None]) -> None:
    raise OSError("the service went away")


def test_answers_that_come_at_once_are_passed_on_at_once(qtbot: QtBot) -> None:
    questions = DesktopQuestions({"idle_s": lambda done: done(35.0), "busy": lambda done: done(1)})
    got: list[DesktopAnswers] = []
    questions.ask(got.append)
    assert got == [DesktopAnswers(idle_s=35.0, busy=True)]
    assert questions.limit_ms == DBUS_TIMEOUT_MS


def test_the_answer_waits_for_every_question(qtbot: QtBot) -> None:
    idle, busy = Held(), Held()
    got: list[DesktopAnswers] = []
    questions = DesktopQuestions({"idle_s": idle, "busy": busy})
    questions.ask(got.append)
    idle.waiting[0](600.0)
    assert got == []  # busy has not answered yet
    busy.waiting[0](True)
    assert got == [DesktopAnswers(idle_s=600.0, busy=True)]


def test_a_question_never_answered_counts_as_absent_after_the_limit(qtbot: QtBot) -> None:
    never = Held()
    questions = DesktopQuestions({"idle_s": lambda done: done(90.0), "busy": never}, limit_ms=50)
    order: list[object] = []
    questions.ask(order.append)
    QTimer.singleShot(0, lambda: order.append("event loop ran"))
    assert order == []  # asking returned at once
    qtbot.waitUntil(lambda: len(order) == 2, timeout=5000)
    # The GUI thread went on meanwhile; busy kept its default, idle its answer.
    assert order == ["event loop ran", DesktopAnswers(idle_s=90.0, busy=False)]
    never.waiting[0](True)  # too late: dropped, nothing is decided twice
    assert len(order) == 2


def test_a_failing_question_keeps_its_default_and_the_others_answer(qtbot: QtBot) -> None:
    got: list[DesktopAnswers] = []
    questions = DesktopQuestions({"idle_s": lambda done: done(12.0), "busy": broken})
    questions.ask(got.append)
    assert got == [DesktopAnswers(idle_s=12.0, busy=False)]  # at once: no wait for the limit


def test_each_asking_has_its_own_answers(qtbot: QtBot) -> None:
    idle = Held()
    questions = DesktopQuestions({"idle_s": idle})
    first: list[DesktopAnswers] = []
    second: list[DesktopAnswers] = []
    questions.ask(first.append)
    questions.ask(second.append)
    idle.waiting[1](5.0)
    idle.waiting[0](None)
    assert first == [DesktopAnswers()] and second == [DesktopAnswers(idle_s=5.0)]
