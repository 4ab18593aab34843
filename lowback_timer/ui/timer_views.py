"""The timer's three views, built here and run by `ui.timer.TimerPage`: the running view
(picture, side, cue, countdown ring, breathing pacer and the buttons), "What happened?" after a
stop (the reasons, and "Go on" for a stop pressed by mistake) and the one when a routine is
over; and the small label and button helpers they share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from itertools import pairwise
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.text import fill
from lowback_timer.core.content import Content
from lowback_timer.ui.dials import BreathPacer, CountdownRing
from lowback_timer.ui.spread_question import SpreadQuestion
from lowback_timer.ui.style import SPACING, label, scaled_font
from lowback_timer.ui.widgets import Picture, big_button, laid_out, scrolled, wrapped

# Takes back a stop pressed by mistake, on "What happened?".
GO_ON_KEY = Qt.Key.Key_Backspace
STOP_RED, STOP_RED_HOVER = "#a8432c", "#8f3722"
# The side in words, read from the floor two metres away: twice the body text.
SIDE_FACTOR = 2.0
# "Breathe in" beside the moving pacer (alone and larger with animations off: ui.timer).
BREATH_FACTOR = 1.3
# The smallest picture: the running view fits a 960 x 540 screen (1920 x 1080 at 200 %).
PICTURE_MINIMUM = (160, 110)


class Actions(NamedTuple):
    """What the running view's buttons and keys do."""

    back: Callable[[], None]
    pause: Callable[[], None]  # pause, resume, or start
    skip: Callable[[], None]
    stop: Callable[[], None]


class RunningView(QWidget):
    """A stretch in progress: its name and the holds left over the picture; over the countdown
    ring, the side in large words; under the ring, the breathing pacer; then the cue, what
    comes next, and Back, Pause, Skip and the stop button (each calls the function given)."""

    def __init__(
        self, actions: Actions, pause_texts: Iterable[str], key_hint: Callable[[Qt.Key], str]
    ) -> None:
        super().__init__()
        self.cue = wrapped(factor=1.5)
        self.next_label = wrapped(factor=1.0)
        upper = QWidget()
        inside = laid_out(_Column(upper), (self._top(), 1), self.cue, self.next_label)
        inside.setContentsMargins(0, 0, 0, 0)
        inside.setSpacing(SPACING)
        # On a small screen (960 x 540 at 200 %) the picture and the dials shrink, then the
        # texts scroll; the buttons below never do.
        self.upper = scrolled(upper)
        controls = self._controls(actions, pause_texts, key_hint)
        # After a stretch, over the buttons: did the leg symptoms spread? (hidden until asked)
        self.spread = SpreadQuestion(self.pause_button)
        layout = laid_out(QVBoxLayout(self), (self.upper, 1), self.spread, controls)
        layout.setContentsMargins(SPACING * 2, SPACING, SPACING * 2, SPACING)
        layout.setSpacing(SPACING)
        self._shortcuts(actions)
        # It takes the focus (for its keys): a screen reader says what it is and its keys.
        self.setAccessibleName(self.tr("Stretch timer"))
        self.setAccessibleDescription(
            self.tr("Space: pause or go on. Left: back. Right: skip. Esc: something feels wrong.")
        )

    def _shortcuts(self, actions: Actions) -> None:
        """Space, Left, Right and Esc wherever the focus is in the view: Space pauses or goes
        on, as the Pause button's "(Space)" says, even on a focused Skip; Enter presses the
        focused button."""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # (a focused button would take Space as a click: the shortcut comes first)
        for key, slot in (
            (Qt.Key.Key_Space, actions.pause),
            (Qt.Key.Key_Left, actions.back),
            (Qt.Key.Key_Right, actions.skip),
            (Qt.Key.Key_Escape, actions.stop),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        order = (self.back_button, self.pause_button, self.skip_button, self.stop_button)
        for first, second in pairwise(order):
            QWidget.setTabOrder(first, second)

    def _top(self) -> QLayout:
        self.name = wrapped(factor=1.8, bold=True)
        self.step_info = label(factor=1.1, wrap=False)
        self.side = label(factor=SIDE_FACTOR, bold=True, wrap=False)
        self.side.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.side.setAccessibleDescription(self.tr("The side to stretch"))
        keep = self.side.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # nothing moves when a phase has no side
        self.side.setSizePolicy(keep)
        self.picture = Picture(self, minimum=PICTURE_MINIMUM)
        self.picture.setAccessibleName(self.tr("Picture of the stretch"))
        self.ring = CountdownRing(self)
        self.ring.setFont(scaled_font(1.0))
        self.ring.setAccessibleName(self.tr("Countdown"))
        self.pacer = BreathPacer(self)
        self.pacer.setAccessibleName(self.tr("Breathing pacer"))
        self.pacer.setAccessibleDescription(
            self.tr("A circle that grows as you breathe in and shrinks as you breathe out")
        )
        self.breath_label = label(factor=BREATH_FACTOR, wrap=False)
        grid = QGridLayout()
        grid.setSpacing(SPACING)
        grid.addWidget(self.name, 0, 0)
        grid.addWidget(self.step_info, 1, 0)
        grid.addWidget(self.side, 0, 1, 2, 1, Qt.AlignmentFlag.AlignCenter)
        grid.addWidget(self.picture, 2, 0, 2, 1)
        grid.addWidget(self.ring, 2, 1)
        grid.addLayout(laid_out(QHBoxLayout(), self.pacer, self.breath_label), 3, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        grid.setRowStretch(2, 1)
        return grid

    def _controls(
        self, actions: Actions, pause_texts: Iterable[str], key_hint: Callable[[Qt.Key], str]
    ) -> QLayout:
        self.back_button = big_button(self.tr("◀ Back"), actions.back, 44, 1.1)
        self.pause_button = big_button("", actions.pause, 44, 1.1)
        self.skip_button = big_button(self.tr("Skip ▶"), actions.skip, 44, 1.1)
        stop_text = fill(
            self.tr("%1 (%2)"), self.tr("Something feels wrong"), key_name(Qt.Key.Key_Escape)
        )
        self.stop_button = big_button(stop_text, actions.stop, 52)
        self.stop_button.setFont(scaled_font(1.2, bold=True))
        self.stop_button.setToolTip(self.tr("Stop now (Esc)"))
        # Warm and unmissable, with white text dark enough behind it to read (contrast > 4.5);
        # focused, its edge in the text colour: the highlight (blue) hardly shows on red, least
        # of all in a dark palette, and the text colour stands out from both red and window.
        self.stop_button.setStyleSheet(
            f"QPushButton {{ background: {STOP_RED}; color: white; border: 3px solid {STOP_RED};"
            " border-radius: 8px; padding: 8px 24px; }"
            f"QPushButton:hover {{ background: {STOP_RED_HOVER}; border-color: {STOP_RED_HOVER}; }}"
            "QPushButton:focus { border-color: palette(window-text); }"
        )
        # The Pause/Resume/Start button is as wide as its longest text: nothing moves when the
        # text changes.
        as_wide_as_longest(self.pause_button, pause_texts)
        for button, name, key in (
            (self.back_button, self.tr("Back"), Qt.Key.Key_Left),
            (self.pause_button, self.tr("Pause or resume"), Qt.Key.Key_Space),
            (self.skip_button, self.tr("Skip"), Qt.Key.Key_Right),
            (self.stop_button, self.tr("Something feels wrong: stop now"), Qt.Key.Key_Escape),
        ):
            by_keyboard(button, name, key_hint(key))
            # Tab reaches them; a click leaves the focus where it was (so Space still pauses).
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        buttons = (self.back_button, self.pause_button, self.skip_button)
        return laid_out(QHBoxLayout(), *buttons, 1, self.stop_button)


def _accessible(key: str, widget: QObject) -> QAccessibleInterface | None:
    """The running view is a group of controls to a screen reader, not a nameless filler
    (a plain QWidget's role)."""
    if isinstance(widget, RunningView):
        return QAccessibleWidget(widget, QAccessible.Role.Grouping)
    return None


QAccessible.installFactory(_accessible)


class _Column(QVBoxLayout):
    """A column that tells its scroll area it has no height-for-width: the area then scrolls
    below the column's minimum (its wrapped labels ask for their lines) rather than below its
    preferred height (a picture and a ring 320 px tall)."""

    def hasHeightForWidth(self) -> bool:
        return False


class StopView(QWidget):
    """Stopped: what happened? One button per reason (`report(reason_id)`), and "Go on"
    (`go_on()`) while no reason is chosen."""

    def __init__(
        self,
        content: Content,
        lang: str,
        report: Callable[[str], None],
        go_on: Callable[[], None],
        key_hint: Callable[[Qt.Key], str],
    ) -> None:
        super().__init__()
        self.summary = wrapped(factor=1.0)
        self.reason_buttons = {
            reason.id: big_button(reason.label(lang), partial(report, reason.id))
            for reason in content.stop_reasons
        }
        for button in self.reason_buttons.values():
            by_keyboard(button, button.text())
        reasons = QWidget()
        listed = laid_out(QVBoxLayout(reasons), *self.reason_buttons.values(), 1)
        listed.setContentsMargins(0, 0, 0, 0)
        listed.setSpacing(SPACING)
        self.go_on = big_button(fill(self.tr("Go on (%1)"), key_name(GO_ON_KEY)), go_on, 44, 1.1)
        by_keyboard(self.go_on, self.tr("Go on with the routine"), key_hint(GO_ON_KEY))
        self.note = wrapped(self.tr("Pressed by mistake? Go back to the routine, paused."))
        self.title = wrapped(self.tr("Stopped. What happened?"), factor=1.8, bold=True)
        layout = laid_out(
            QVBoxLayout(self),
            self.title,
            wrapped(self.tr("Choose what fits best; the next screen says what to do.")),
            self.summary,
            (scrolled(reasons), 1),  # at a small size or a large font, they scroll
            laid_out(QHBoxLayout(), (self.note, 1), self.go_on),
        )
        layout.setContentsMargins(SPACING * 3, SPACING * 2, SPACING * 3, SPACING * 2)
        layout.setSpacing(SPACING)
        shortcut = QShortcut(QKeySequence(GO_ON_KEY), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.setWhatsThis(self.tr("After a stop pressed by mistake: back to the routine"))
        shortcut.activated.connect(go_on)


class DoneView(QWidget):
    """The routine is over: what was done, "Do it again" and "Back to home" (the default)."""

    def __init__(self, again: Callable[[], None], home: Callable[[], None]) -> None:
        super().__init__()
        self.title = wrapped(factor=2.2, bold=True)
        self.summary = wrapped(factor=1.3)
        self.note = wrapped()
        self.again = big_button(self.tr("Do it again"), again)
        self.home = big_button(self.tr("Back to home"), home)
        for button in (self.again, self.home):
            by_keyboard(button, button.text())
        self.home.setDefault(True)
        self.spread = SpreadQuestion(self.home)  # after the last stretch (hidden until asked)
        row = laid_out(QHBoxLayout(), self.again, self.home, 1)
        layout = laid_out(
            QVBoxLayout(self), self.title, self.summary, self.note, self.spread, 1, row
        )
        layout.setContentsMargins(SPACING * 3, SPACING * 3, SPACING * 3, SPACING * 3)
        layout.setSpacing(SPACING * 2)

    def focus_main(self) -> None:
        """The keyboard starts on the question when it is asked, else on "Back to home"."""
        (self.spread.no if self.spread.isVisibleTo(self) else self.home).setFocus()


def key_name(key: Qt.Key) -> str:
    """A key's name as the system writes it ("Esc", "Backspace")."""
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def by_keyboard(button: QPushButton, name: str, key_hint: str = "") -> None:
    """Enter presses the button when it has the focus, as Space does; a name for screen
    readers (its text without arrows and keys) and the key that does the same."""
    button.setAutoDefault(True)
    # Never lower than its text needs (a larger font, a style sheet's padding).
    button.setMinimumHeight(max(button.minimumHeight(), button.sizeHint().height()))
    button.setAccessibleName(name)
    if key_hint:
        button.setAccessibleDescription(key_hint)


def as_wide_as_longest(widget: QPushButton | QLabel, texts: Iterable[str]) -> None:
    """A button or label that shows one of `texts` at a time, as wide as the longest: changing
    the text moves nothing beside it."""
    shown = widget.text()
    width = 0
    for text in texts:
        widget.setText(text)
        width = max(width, widget.sizeHint().width())
    widget.setText(shown)
    widget.setMinimumWidth(width)
