"""After each stretch, one quick question: "Any tingling or pain spreading further down the
leg?" (core/spread.py decides where it belongs; the controller what "Yes" changes).

`SpreadQuestion` is the small framed row: the question, "No" and "Yes, it spread". One sits in
the timer's running view (above its buttons) and one on its "done" view (after the last
stretch). `SpreadPrompt` follows the session's events and shows the one that fits: in the
get-ready of the next stretch, whose time runs on while it is shown (it never delays the
timer), or on the "done" view.

By keyboard: "No" takes the focus when the question comes, so Enter or Space answers "No"
at once (one key, on the key's press; Space then does not pause: the question's buttons take
the key before the running view's shortcut), and the focus goes back to Pause (or, when done,
to "Back to home"). Tab reaches "Yes, it spread", which Enter or Space presses likewise. Esc
still stops the routine (the running view's shortcut), and Left and Right still go back and
skip. A screen reader hears the question as it comes (an alert), and "No" says its keys.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAccessible, QAccessibleEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QWidget

from lowback_timer.app.text import fill, keep_sentence_ends
from lowback_timer.core.session import Event, EventKind, Session
from lowback_timer.core.spread import asked_at, stretch_ends
from lowback_timer.ui.style import SPACING
from lowback_timer.ui.widgets import big_button, wrapped

# The keys that press the focused button of the question at once.
ANSWER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class SpreadQuestion(QFrame):
    """The question and its two answers; `answered(True)` for "Yes, it spread". Hidden until
    `ask()`; `focus_after` takes the focus back when it goes."""

    answered = Signal(bool)

    def __init__(self, focus_after: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.focus_after = focus_after
        self.setObjectName("notice")  # framed as home's notices (ui/style.py)
        question = self.tr("Any tingling or pain spreading further down the leg?")
        self.text = wrapped(keep_sentence_ends(question), factor=1.2, bold=True)
        enter = QKeySequence(Qt.Key.Key_Enter).toString(QKeySequence.SequenceFormat.NativeText)
        self.no = big_button(fill(self.tr("No (%1)"), enter), partial(self.answered.emit, False))
        self.yes = big_button(self.tr("Yes, it spread"), partial(self.answered.emit, True))
        keys = self.tr("Enter or Space: no, and the routine goes on. Tab: “Yes, it spread”.")
        for button, name in ((self.no, self.tr("No")), (self.yes, self.tr("Yes, it spread"))):
            button.setAccessibleName(name)
            button.setMinimumHeight(max(44, button.sizeHint().height()))
            button.installEventFilter(self)
        self.no.setAccessibleDescription(fill(self.tr("%1 %2"), question, keys))
        self.setAccessibleName(question)
        self.setAccessibleDescription(keys)
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.text, 1)
        row.addWidget(self.no)
        row.addWidget(self.yes)
        self.hide()

    def ask(self) -> None:
        """Show the question, "No" focused, and announce it."""
        self.show()
        self.no.setFocus()
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def close_question(self) -> None:
        """Hide it; the focus, if it was here, goes to `focus_after`."""
        focused = self.window().focusWidget()
        had_focus = focused is not None and self.isAncestorOf(focused)
        self.hide()
        if had_focus:
            self.focus_after.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter and Space press the focused answer at once (the press, not the release), and
        before any shortcut of the view around (Space: pause)."""
        if (
            isinstance(watched, QPushButton)
            and isinstance(event, QKeyEvent)
            and event.key() in ANSWER_KEYS
            and event.modifiers() in _PLAIN
        ):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key is the button's, not a shortcut's
                return True
            if event.type() == QEvent.Type.KeyPress:
                if not event.isAutoRepeat():
                    watched.click()
                return True
            if event.type() == QEvent.Type.KeyRelease:
                return True  # (Space: the press answered already)
        return False


class SpreadPrompt(QObject):
    """Asks after each stretch while a session runs (`follow`): `reported(stretch_id)` for
    "Yes, it spread"; `gently(index)`: the get-ready at that phase says "go gently"."""

    reported = Signal(str)

    def __init__(
        self, running: SpreadQuestion, done: SpreadQuestion, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.running, self.done = running, done
        running.answered.connect(partial(self._answered, running))
        done.answered.connect(partial(self._answered, done))
        self._session: Session | None = None
        self._render: Callable[[], None] = lambda: None
        self._asked: set[int] = set()  # the stretch ends asked about in this session
        self._gently: set[int] = set()  # get-readies after "Yes, it spread"
        self._about: int | None = None  # the stretch end the question shown is about
        self._shown_at: int | None = None  # the phase it is shown in (None: on "done")
        self._previous: int | None = None  # the last phase that began
        self._stopped = False  # stopped, and not yet taken back

    def follow(self, session: Session, ask: bool, render: Callable[[], None]) -> None:
        """A new session; `ask`: whether it asks at all (core.spread.asks_spread); `render`
        shows its phase again (the get-ready's cue after "Yes")."""
        for question in (self.running, self.done):
            question.close_question()
        self._session, self._render = session, render
        self._asked, self._gently = set(), set()
        self._about = self._shown_at = self._previous = None
        self._stopped = False
        if ask:
            session.subscribe(partial(self._on_event, session))

    def gently(self, index: int) -> bool:
        return index in self._gently

    def _on_event(self, session: Session, event: Event) -> None:
        if session is not self._session:
            return  # (an earlier session)
        steps = session.steps
        if event.kind is EventKind.PHASE:
            # Asked only on the way forward from a stretch's end (its natural end or a skip),
            # never after a stop: the user already said what happened.
            forward = self._previous == event.index - 1 and not self._stopped
            about = asked_at(steps, event.index) if forward else None
            self._previous, self._stopped = event.index, False
            # The phase changed while the question was unanswered (the next hold starts):
            # "No" is assumed, and it goes.
            self._close(self.running)
            if about is not None and about not in self._asked:
                self._open(self.running, about, event.index)
        elif event.kind is EventKind.STOPPED:
            self._stopped = True
            self.running.hide()  # (back if the stop is taken back)
        elif event.kind is EventKind.PAUSED and self._stopped:  # the stop was taken back
            self._stopped = False
            self.running.setVisible(self._about is not None and self._shown_at == event.index)
        elif event.kind is EventKind.DONE:
            self._close(self.running)
            last = len(steps) - 1
            if self._previous == last and last in stretch_ends(steps) and last not in self._asked:
                self._open(self.done, last, None)

    def _open(self, question: SpreadQuestion, about: int, at: int | None) -> None:
        self._asked.add(about)
        self._about, self._shown_at = about, at
        question.ask()

    def _close(self, question: SpreadQuestion) -> None:
        self._about = self._shown_at = None
        question.close_question()

    def _answered(self, question: SpreadQuestion, spread: bool) -> None:
        about, at, session = self._about, self._shown_at, self._session
        self._close(question)
        if not spread or about is None or session is None:
            return
        if at is not None:
            self._gently.add(at)
            self._render()
        self.reported.emit(session.steps[about].stretch)
