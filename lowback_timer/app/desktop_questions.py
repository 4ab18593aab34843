"""What the reminders ask the desktop when one is due, asked all at once and never waited for.

`DesktopQuestions.ask(done)` puts every question at the same time and returns at once;
`done(DesktopAnswers)` is called once, when all have answered or when `limit_ms` has passed,
whichever comes first. A question not answered by then keeps its default in `DesktopAnswers`,
as if its source were absent, and its late answer is dropped.

To ask one more thing at the due time: add a field with its "absent" default to
`DesktopAnswers`, and a question under the same name where the questions are made
(ui/background.py). ReminderService decides from the answers.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import partial
from typing import Any

from PySide6.QtCore import QObject, QTimer

from lowback_timer.app.dbus_calls import DBUS_TIMEOUT_MS


@dataclass(frozen=True)
class DesktopAnswers:
    """What the desktop said at a reminder's due time; each default means "could not tell"."""

    idle_s: float | None = None  # seconds since the last keyboard or mouse input
    busy: bool = False  # a reminder now would interrupt (notifications off, full screen)
    # The screen is locked now, as the lock services say when asked (None: none could tell,
    # the lock state the signals gave holds).
    locked: bool | None = None


# Asks one thing: calls its argument once with the answer, now or later.
Question = Callable[[Callable[[Any], None]], None]
# What ReminderService is given: asks the desktop and calls back with its answers.
AskDesktop = Callable[[Callable[[DesktopAnswers], None]], None]


def answer_at_once(done: Callable[[DesktopAnswers], None]) -> None:
    """No desktop to ask: nothing known, at once (idle and lock unknown, not busy)."""
    done(DesktopAnswers())


class DesktopQuestions(QObject):
    """`questions` maps a field of `DesktopAnswers` to the question that answers it. Keep it
    (give it a parent): an asking still in flight goes with it."""

    def __init__(
        self,
        questions: Mapping[str, Question],
        *,
        limit_ms: int = DBUS_TIMEOUT_MS,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.questions = dict(questions)
        self.limit_ms = limit_ms

    def ask(self, done: Callable[[DesktopAnswers], None]) -> None:
        _Round(self, done).start()


class _Round(QObject):
    """One asking: the answers so far and the time limit. It goes once it has called back."""

    def __init__(self, owner: DesktopQuestions, done: Callable[[DesktopAnswers], None]) -> None:
        super().__init__(owner)
        self._questions = owner.questions
        self._done: Callable[[DesktopAnswers], None] | None = done
        self._answers: dict[str, Any] = {}
        self._pending = set(self._questions)
        self._limit = QTimer(self)
        self._limit.setSingleShot(True)
        self._limit.setInterval(owner.limit_ms)
        self._limit.timeout.connect(self._finish)

    def start(self) -> None:
        self._limit.start()
        for name, question in self._questions.items():
            try:
                question(partial(self._answer, name))
            except Exception:  # one question failing keeps its default, not the others'
                self._pending.discard(name)
        if not self._pending:
            self._finish()

    def _answer(self, name: str, answer: object) -> None:
        if self._done is None or name not in self._pending:
            return  # too late (the reminder was decided without it), or said twice
        self._answers[name] = answer
        self._pending.discard(name)
        if not self._pending:
            self._finish()

    def _finish(self) -> None:
        done, self._done = self._done, None
        if done is None:
            return
        self._limit.stop()
        self.deleteLater()
        done(replace(DesktopAnswers(), **self._answers))
