"""The timer's two quiet views: "What happened?" after a stop (the reasons, and "Go on" for a
stop pressed by mistake) and the one when a routine is over; and the small label and button
helpers the timer's views share."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from lowback_timer.app.text import fill
from lowback_timer.core.content import Content
from lowback_timer.ui.style import SPACING, scaled_font
from lowback_timer.ui.widgets import big_button, laid_out, scrolled

#: Takes back a stop pressed by mistake, on "What happened?".
GO_ON_KEY = Qt.Key.Key_Backspace


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
        row = laid_out(QHBoxLayout(), self.again, self.home, 1)
        layout = laid_out(QVBoxLayout(self), self.title, self.summary, self.note, 1, row)
        layout.setContentsMargins(SPACING * 3, SPACING * 3, SPACING * 3, SPACING * 3)
        layout.setSpacing(SPACING * 2)


class WrappedLabel(QLabel):
    """A label whose text wraps and which asks for the height its text needs at the width it
    has: a window made as small as it goes grows taller instead of cutting lines off (Qt sizes
    a window from its children's minimum sizes, which know nothing of wrapping)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        # Only once it is on screen: before, its width is not yet the one its layout gives.
        if self.isVisible() and self.width() >= hint.width():
            hint.setHeight(max(hint.height(), self.heightForWidth(self.width())))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()


def wrapped(text: str = "", *, factor: float = 1.0, bold: bool = False) -> WrappedLabel:
    """`style.label`'s wrapping label (plain text, the scaled font) as a `WrappedLabel`."""
    widget = WrappedLabel(text)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(True)
    if factor != 1.0 or bold:
        widget.setFont(scaled_font(factor, bold=bold))
    return widget


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
