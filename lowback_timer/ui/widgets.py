"""The small reusable widgets: check rows and type cards that toggle when clicked anywhere,
the exclusive "None of these" box, a calm notice line, and a borderless scroll area."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from lowback_timer.ui.style import SPACING, label, scaled_font


def link_exclusive(
    none_box: QCheckBox, boxes: list[QCheckBox], changed: Callable[[], None]
) -> None:
    """ "None of these" / "Not sure": ticking it clears the others, ticking another clears it."""

    def other_toggled(checked: bool) -> None:
        if checked:
            none_box.setChecked(False)
        changed()

    def none_toggled(checked: bool) -> None:
        if checked:
            for box in boxes:
                box.setChecked(False)
        changed()

    for box in boxes:
        box.toggled.connect(other_toggled)
    none_box.toggled.connect(none_toggled)


def scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(widget)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class _ClickToToggle(QObject):
    """Clicking anywhere on a card or row (its text included) toggles its check box."""

    def __init__(self, box: QCheckBox, parent: QObject) -> None:
        super().__init__(parent)
        self._box = box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self._box.isEnabled()
        ):
            self._box.toggle()
            self._box.setFocus(Qt.FocusReason.MouseFocusReason)
            return True
        return False


class CheckRow(QFrame):
    """A check box whose text wraps (QCheckBox's own text never wraps)."""

    def __init__(self, text: str, *, bold: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QCheckBox()
        self.box.setAccessibleName(text)
        self.text_label = label(text, factor=1.1, bold=bold)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 2, 0, 2)
        row.setSpacing(SPACING // 2)
        row.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        row.addWidget(self.text_label, 1)
        clicker = _ClickToToggle(self.box, self)
        self.text_label.installEventFilter(clicker)
        self.installEventFilter(clicker)


class TypeCard(QFrame):
    """One type as a card: its name and how it feels; the whole card toggles."""

    def __init__(self, name: str, feels: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("typeCard")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.box = QCheckBox(name)
        self.box.setFont(scaled_font(1.25, bold=True))
        self.box.setAccessibleDescription(feels)
        self.feels = label(feels, factor=1.1)
        self.feels.setIndent(28)
        column = QVBoxLayout(self)
        column.setContentsMargins(SPACING, SPACING * 3 // 4, SPACING, SPACING * 3 // 4)
        column.setSpacing(SPACING // 3)
        column.addWidget(self.box)
        column.addWidget(self.feels)
        column.addStretch(1)
        clicker = _ClickToToggle(self.box, self)
        self.feels.installEventFilter(clicker)
        self.installEventFilter(clicker)
        self.box.toggled.connect(self._restyle)
        self._restyle(False)

    def _restyle(self, checked: bool) -> None:
        colour = "palette(highlight)" if checked else "palette(mid)"
        self.setStyleSheet(f"#typeCard {{ border: 2px solid {colour}; border-radius: 10px; }}")


class Notice(QFrame):
    """A calm, non-modal notice line with an optional button, for the home screen."""

    def __init__(
        self, text: str = "", button_text: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("notice")
        self.setStyleSheet("#notice { border: 1px solid palette(highlight); border-radius: 8px; }")
        self.text = label(text, factor=1.05)
        self.button = QPushButton(button_text)
        self.button.setVisible(bool(button_text))
        row = QHBoxLayout(self)
        row.setContentsMargins(SPACING, SPACING // 2, SPACING, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.text, 1)
        row.addWidget(self.button)
        self.hide()
