"""The hourly posture-change reminder: a small calm popup at a corner of the screen.

It never takes the keyboard focus: it is shown without activating, its window does not accept
focus, and none of its buttons take focus when clicked, so whatever the user is typing into keeps
receiving the keys; its text says where the keyboard answers instead (the tray icon's menu or
the app's small window). A screen reader meets it as a notification, announced when it shows.
One instance is reused: showing it again only updates the text. It hides
itself after `timeout_s`, a wait that is paused while the mouse is over it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QAccessibleInterface,
    QEnterEvent,
    QGuiApplication,
    QHideEvent,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAccessibleWidget,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.app.text import fill, rounded_minutes
from lowback_timer.core.reminders import SNOOZE_MIN
from lowback_timer.core.walk import WALK_S
from lowback_timer.ui.style import SPACING, label, scaled_font
from lowback_timer.ui.widgets import enter_clicks

DEFAULT_TIMEOUT_S = 120


def _accessible(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt's default for a plain QWidget is a nameless "filler": the popup is a notification."""
    if isinstance(obj, ReminderPopup):
        return QAccessibleWidget(obj, QAccessible.Role.Notification, obj.accessibleName())
    return None


_factory_installed: list[bool] = []  # Qt keeps a list of factories: this one goes in once


def _install_factory() -> None:
    if not _factory_installed:
        QAccessible.installFactory(_accessible)
        _factory_installed.append(True)


class ReminderPopup(QWidget):
    """The reminder's popup; views connect its signals, it decides nothing itself."""

    moved = Signal()  # "I moved"
    walk_requested = Signal()  # "Walk for 2 minutes": a short walk with its own timer
    routine_requested = Signal()  # "Start my routine (about 5 min)": today's routine
    snoozed = Signal(int)  # minutes
    dismissed = Signal()  # the close button
    timed_out = Signal()  # nobody answered within the timeout

    def __init__(self, timeout_s: float = DEFAULT_TIMEOUT_S, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        enter_clicks(self)  # Enter presses the focused button
        self.setWindowFlags(
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
            | Qt.WindowType.WindowDoesNotAcceptFocus
        )
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWindowTitle(self.tr("Time to move"))
        self.setAccessibleName(self.tr("Posture reminder"))
        _install_factory()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(max(1, round(timeout_s * 1000)))
        self._timer.timeout.connect(self._time_out)
        self._hovered = False

        frame = QFrame(self)
        frame.setObjectName("reminderPopup")
        frame.setStyleSheet(
            "#reminderPopup { background: palette(window); "
            "border: 1px solid palette(highlight); border-radius: 10px; }"
        )
        self.text: QLabel = label(factor=1.1)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        # The buttons never take the focus (nothing typed elsewhere may land here).
        self.keyboard_hint = label(
            self.tr(
                "From the keyboard, answer in the menu of the Low-back Timer icon, or in its "
                "window."
            ),
            factor=0.95,
        )

        self.close_button = QToolButton()
        self.close_button.setText("×")
        self.close_button.setAutoRaise(True)
        self.close_button.setFont(scaled_font(1.2))
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setToolTip(self.tr("Close"))
        self.close_button.clicked.connect(lambda: self._answer(self.dismissed.emit))

        self.moved_button = QPushButton(self.tr("I moved"))
        self.moved_button.setDefault(False)
        self.moved_button.setAutoDefault(False)
        self.moved_button.clicked.connect(lambda: self._answer(self.moved.emit))
        self.walk_button = QPushButton(self.tr("Walk for %n minutes", "", rounded_minutes(WALK_S)))
        self.walk_button.setAutoDefault(False)
        self.walk_button.setAccessibleName(self.walk_button.text())
        self.walk_button.setToolTip(
            self.tr("A small timer counts the walk down; the next reminder counts from its end.")
        )
        self.walk_button.setAccessibleDescription(self.walk_button.toolTip())
        self.walk_button.clicked.connect(lambda: self._answer(self.walk_requested.emit))
        self.routine_button = QPushButton()
        self.set_routine_length(0)
        self.routine_button.setAutoDefault(False)
        self.routine_button.clicked.connect(lambda: self._answer(self.routine_requested.emit))
        self.snooze_button = QPushButton(fill(self.tr("Snooze %1 min"), SNOOZE_MIN))
        self.snooze_button.setAutoDefault(False)
        self.snooze_button.clicked.connect(
            lambda: self._answer(lambda: self.snoozed.emit(SNOOZE_MIN))
        )
        for button in self.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(36)

        top = QHBoxLayout()
        top.setSpacing(SPACING // 2)
        top.addWidget(self.text, 1)
        top.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        row = QHBoxLayout()
        row.setSpacing(SPACING // 2)
        row.addWidget(self.moved_button)
        row.addWidget(self.walk_button)
        row.addWidget(self.routine_button)
        row.addWidget(self.snooze_button)
        column = QVBoxLayout(frame)
        column.setContentsMargins(SPACING, SPACING * 3 // 4, SPACING * 3 // 4, SPACING)
        column.setSpacing(SPACING * 3 // 4)
        column.addLayout(top)
        column.addLayout(row)
        column.addWidget(self.keyboard_hint)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(frame)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)

    def set_routine_length(self, total_s: int) -> None:
        """Say what "start" starts: today's routine, as long as it is (0: not known yet)."""
        minutes = rounded_minutes(total_s) if total_s else 0
        self.routine_button.setText(
            self.tr("Start my routine (about %n min)", "", minutes)
            if minutes
            else self.tr("Start my routine")
        )

    def buttons(self) -> list[QPushButton | QToolButton]:
        return [
            *(self.moved_button, self.walk_button, self.routine_button),
            *(self.snooze_button, self.close_button),
        ]

    @property
    def timeout_ms(self) -> int:
        return self._timer.interval()

    def timer_active(self) -> bool:
        return self._timer.isActive()

    def show_prompt(self, text: str) -> None:
        """Show `text` (plain text) at the corner without activating; if already shown, only
        the text changes (and the wait starts again)."""
        self.text.setText(text)
        self.setAccessibleDescription(f"{text}\n{self.keyboard_hint.text()}")
        self.adjustSize()
        self._place()
        if not self.isVisible():
            self.show()
        if not self._hovered:
            self._timer.start()

    def _place(self) -> None:
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        size = self.size().boundedTo(area.size())
        self.resize(size)
        self.move(
            QPoint(
                max(area.left(), area.right() - SPACING - size.width() + 1),
                max(area.top(), area.bottom() - SPACING - size.height() + 1),
            )
        )

    def _answer(self, emit: Callable[[], object]) -> None:
        self.hide()
        emit()

    def _time_out(self) -> None:
        if self._hovered or not self.isVisible():
            return
        self.hide()
        self.timed_out.emit()

    def enterEvent(self, event: QEnterEvent) -> None:
        self._hovered = True
        self._timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self._hovered = False
        if self.isVisible():
            self._timer.start()
        super().leaveEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        """Announced as it shows, without taking the focus."""
        super().showEvent(event)
        QAccessible.updateAccessibility(QAccessibleEvent(self, QAccessible.Event.Alert))

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        self._hovered = False
        super().hideEvent(event)
