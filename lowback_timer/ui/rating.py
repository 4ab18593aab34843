"""How do the back and the legs feel, before and after a routine: two quick rows of 0-10, each
optional, skipped with one key (Esc). Enter goes on with what was chosen.

A row takes the keyboard focus as a whole (Tab moves between the two rows): the digit keys,
or the arrow keys, choose the number; its buttons are for the mouse.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.ui.style import SPACING, label
from lowback_timer.ui.widgets import ENTER_KEYS, laid_out

SCALE = range(11)  # 0 = not at all ... 10 = the worst you can imagine


class ScaleRow(QFrame):
    """One row of 0-10; `value()` is None until one is chosen."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scaleRow")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName(name)
        # A clear ring when the row has the keyboard focus.
        self.setStyleSheet(
            "#scaleRow { border: 2px solid transparent; border-radius: 6px; }"
            "#scaleRow:focus { border: 2px solid palette(highlight); }"
            # the chosen number stands out in any palette, not only by a shade of grey
            "#scaleRow QPushButton:checked { background: palette(highlight); "
            "color: palette(highlighted-text); font-weight: bold; }"
        )
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 4, 4, 4)
        row.setSpacing(4)
        for number in SCALE:
            button = QPushButton(str(number))
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # (never lower than its digits need: a minimum set counts for more than the text's)
            button.setMinimumSize(40, max(40, button.sizeHint().height()))
            button.setAccessibleName(f"{name} {number}")
            self.group.addButton(button, number)
            row.addWidget(button)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _number: int, on: bool) -> None:
        if on:
            self.changed.emit()

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return None if chosen < 0 else chosen

    def set_value(self, value: int | None) -> None:
        if value is None:
            self.group.setExclusive(False)  # (an exclusive group cannot be emptied)
            for button in self.group.buttons():
                button.setChecked(False)
            self.group.setExclusive(True)
            return
        button = self.group.button(min(max(value, SCALE[0]), SCALE[-1]))
        button.setChecked(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text, now = event.key(), event.text(), self.value()
        if text.isdigit() and len(text) == 1:
            self.set_value(int(text))
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Up):
            self.set_value(SCALE[0] if now is None else min(SCALE[-1], now + 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Down):
            self.set_value(SCALE[0] if now is None else max(SCALE[0], now - 1))
        elif key == Qt.Key.Key_Home:
            self.set_value(SCALE[0])
        elif key == Qt.Key.Key_End:
            self.set_value(SCALE[-1])
        else:
            super().keyPressEvent(event)


class RatingPage(QWidget):
    """`answered(back, legs)`, each an int 0-10 or None; `stop_asking` when the user ticked
    "Don't ask me again"."""

    answered = Signal(object, object)
    stop_asking = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = label(factor=1.6, bold=True)
        self.hint = label(
            self.tr("0 = not at all, 10 = the worst you can imagine. Each row is optional."),
        )
        self.back = ScaleRow(self.tr("Lower back pain"))
        self.legs = ScaleRow(self.tr("Heavy or tired legs"))
        self.never = QCheckBox(self.tr("Don't ask me again (Preferences can turn it back on)"))
        self.skip_button = QPushButton(self.tr("Skip (Esc)"))
        self.skip_button.clicked.connect(lambda: self._answer(skip=True))
        self.go_button = QPushButton(self.tr("Go on (Enter)"))
        self.go_button.setDefault(True)
        self.go_button.clicked.connect(lambda: self._answer(skip=False))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(SPACING * 2, SPACING * 2, SPACING * 2, SPACING * 2)
        layout.setSpacing(SPACING)
        layout.addWidget(self.heading)
        layout.addWidget(self.hint)
        for row_label, row in (
            (self.back.accessibleName(), self.back),
            (self.legs.accessibleName(), self.legs),
        ):
            layout.addWidget(label(row_label, factor=1.2, bold=True))
            layout.addWidget(row)
        layout.addStretch(1)
        layout.addWidget(self.never)
        layout.addLayout(laid_out(QHBoxLayout(), 1, self.skip_button, self.go_button))
        self.setTabOrder(self.back, self.legs)

    def ask(self, after: bool) -> None:
        """Ask again from empty rows: before the routine, or after it."""
        self.heading.setText(
            self.tr("And now, how do they feel?")
            if after
            else self.tr("Before you start: how do they feel right now?")
        )
        self.back.set_value(None)
        self.legs.set_value(None)
        self.never.setChecked(False)
        self.back.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Esc skips, Enter goes on, wherever the focus is on the page."""
        if event.key() == Qt.Key.Key_Escape:
            self._answer(skip=True)
        elif event.key() in ENTER_KEYS:
            self._answer(skip=False)
        else:
            super().keyPressEvent(event)

    def _answer(self, *, skip: bool) -> None:
        if self.never.isChecked():
            self.stop_asking.emit()
        if skip:
            self.answered.emit(None, None)
        else:
            self.answered.emit(self.back.value(), self.legs.value())
