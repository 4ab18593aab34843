"""The routine for the answers, editable: remove, reorder, change a hold, save as "my routine".

The edits are core.my_routine.Draft operations; saving is the controller's."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lowback_timer.app.text import dose_text, fill
from lowback_timer.core.content import Move
from lowback_timer.core.language import format_clock
from lowback_timer.core.my_routine import Draft
from lowback_timer.core.routine import Answers, Routine, safe_hold_range
from lowback_timer.ui.style import SPACING, label, scaled_font, with_focus_ring
from lowback_timer.ui.widgets import Picture, laid_out, scrolled
from lowback_timer.ui.wizard import ids

if TYPE_CHECKING:
    from lowback_timer.ui.wizard.wizard import SetupWizard


class PreviewRow(QFrame):
    """One stretch of the preview: picture, name, dose, the hold, and the edit buttons."""

    def __init__(self, page: PreviewPage, index: int) -> None:
        super().__init__()
        content, lang = page.wizard_ref.content, page.wizard_ref.lang
        item = page.draft.items[index]
        variant = content.variant(item.variant)
        stretch = content.stretch_for(item.variant)
        self.picture = Picture(minimum=(120, 80))
        self.picture.setFixedSize(150, 100)
        self.picture.show_image(variant.image)
        self.picture.setAccessibleDescription(stretch.name(lang))
        self.name = label(stretch.name(lang), factor=1.15, bold=True)
        self.dose = label(dose_text(stretch, item.hold_s, item.reps))
        self.hold = self._hold_box(stretch.id, stretch.name(lang), item.hold_s, page)
        self.hold.valueChanged.connect(lambda value: page.set_hold(index, value))
        self.hold.valueChanged.connect(
            lambda value: self.dose.setText(dose_text(stretch, value, item.reps))
        )
        hold_label = label(self.tr("Time") if isinstance(stretch, Move) else self.tr("Hold"))
        hold_label.setBuddy(self.hold)
        self.up = self._button(self.tr("Move up"), "up", index > 0)
        self.up.clicked.connect(lambda: page.move_item(index, -1))
        self.down = self._button(self.tr("Move down"), "down", index < len(page.draft.items) - 1)
        self.down.clicked.connect(lambda: page.move_item(index, +1))
        can_remove = page.draft.can_remove(content, index)
        self.remove = self._button(self.tr("Remove"), "remove", can_remove)
        self.remove.clicked.connect(lambda: page.remove_item(index))

        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.name)
        text.addWidget(self.dose)
        text.addLayout(laid_out(QHBoxLayout(), hold_label, self.hold, 1))
        buttons = QVBoxLayout()
        buttons.setSpacing(4)
        for button in (self.up, self.down, self.remove):
            buttons.addWidget(button)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, SPACING // 2, 0, SPACING // 2)
        row.setSpacing(SPACING)
        row.addWidget(self.picture)
        row.addLayout(text, 1)
        row.addLayout(buttons)

    def _hold_box(self, stretch_id: str, name: str, value: int, page: PreviewPage) -> QSpinBox:
        box = QSpinBox()
        lo, hi = safe_hold_range(page.wizard_ref.content, stretch_id, page.gentle)
        box.setRange(lo, hi)
        move = page.wizard_ref.content.stretch(stretch_id)
        box.setSingleStep(move.rep_s if isinstance(move, Move) else 5)  # whole repetitions
        box.setValue(value)
        box.setSuffix(self.tr(" s"))
        box.setFont(scaled_font(1.15))
        box.setAccessibleName(fill(self.tr("Hold for %1"), name))
        box.setToolTip(fill(self.tr("Hold: %1–%2 seconds"), lo, hi))
        with_focus_ring(box)
        return box

    @staticmethod
    def _button(text: str, name: str, enabled: bool) -> QPushButton:
        button = QPushButton(text)
        button.setEnabled(enabled)
        button.setAutoDefault(False)
        button.setObjectName(name)
        return button


class PreviewPage(QWizardPage):
    """The routine for the answers, editable: remove, reorder, change a hold; save it."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self.wizard_ref = wizard
        self.setTitle(self.tr("Your routine"))
        self.draft = Draft(wizard.controller.settings.place, ())
        self.built = self.draft  # the routine as built from the answers, before any edit
        self._built_for: Answers | None = None
        self.saved = False
        self.rows: list[PreviewRow] = []
        self.total = label(factor=1.4, bold=True, wrap=False)
        self.save_button = QPushButton(self.tr("Save as my routine"))
        self.save_button.setAutoDefault(False)
        self.save_button.clicked.connect(self._save_pressed)
        self.status = label()
        self.time_note = label()  # what the routine did with the minutes (the time page's)
        self.list_widget = QWidget()
        self.list_layout = QVBoxLayout(self.list_widget)
        self.list_layout.setContentsMargins(0, 0, SPACING, 0)
        self.list_layout.setSpacing(0)
        footer = QHBoxLayout()
        footer.addWidget(self.total, 1)
        footer.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(scrolled(self.list_widget), 1)
        layout.addWidget(self.time_note)
        layout.addLayout(footer)
        layout.addWidget(self.status)
        wizard.controller.save_failed.connect(self._save_failed)

    def initializePage(self) -> None:
        answers = self.wizard_ref.answers()
        if answers != self._built_for:  # back and forth with the same answers keeps the edits
            self.draft = self.built = Draft.of(self.wizard_ref.build(answers))
            self._built_for = answers
            self.saved = False
            self.status.clear()
        note = self.wizard_ref.place_page.time_note.text()
        self.time_note.setText(note)
        self.time_note.setVisible(bool(note))
        self._rebuild()

    def focus_start(self) -> None:
        """The keyboard starts on the first stretch's hold."""
        if self.rows:
            self.rows[0].hold.setFocus(Qt.FocusReason.TabFocusReason)

    def routine(self) -> Routine:
        return self.draft.routine(self.wizard_ref.content, self.wizard_ref.prepare_s, self.gentle)

    @property
    def gentle(self) -> bool:
        """Whether the answers asked for the gentler routine (its longer holds)."""
        return self._built_for is not None and self._built_for.gentle

    @property
    def edited(self) -> bool:
        return self.draft != self.built

    # --- edits --------------------------------------------------------------------------
    def set_hold(self, index: int, value: int) -> None:
        self.draft = self.draft.with_hold(self.wizard_ref.content, index, value, self.gentle)
        self._show_total()

    def move_item(self, index: int, delta: int) -> None:
        self.draft = self.draft.move(index, delta)
        self._rebuild()
        target = index + delta
        if 0 <= target < len(self.rows):
            row = self.rows[target]
            button = row.up if delta < 0 else row.down
            (button if button.isEnabled() else row.hold).setFocus()

    def remove_item(self, index: int) -> None:
        self.draft = self.draft.remove(self.wizard_ref.content, index)
        self._rebuild()
        if self.rows:
            self.rows[min(index, len(self.rows) - 1)].hold.setFocus()

    def _rebuild(self) -> None:
        for row in self.rows:
            self.list_layout.removeWidget(row)
            row.hide()
            row.deleteLater()
        _clear(self.list_layout)
        self.rows = [PreviewRow(self, i) for i in range(len(self.draft.items))]
        for row in self.rows:
            self.list_layout.addWidget(row)
        self.list_layout.addStretch(1)
        previous: QWidget = self.list_widget
        for row in self.rows:  # Tab goes through each row in order
            for widget in (row.hold, row.up, row.down, row.remove):
                QWidget.setTabOrder(previous, widget)
                previous = widget
        QWidget.setTabOrder(previous, self.save_button)
        self._show_total()

    def _show_total(self) -> None:
        self.total.setText(fill(self.tr("About %1 in all"), format_clock(self.routine().total_s)))

    # --- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        if not self.wizard_ref.controller.save_routine(self.draft):
            return False
        self.saved = True
        self.status.setText(self.tr("Saved as my routine."))
        return True

    def _save_pressed(self) -> None:
        """Saved: the next step is "Use this routine", so Enter goes there rather than
        pressing Save again."""
        if self.save():
            finish = self.wizard_ref.button(QWizard.WizardButton.FinishButton)
            if finish is not None and finish.isVisible():
                finish.setFocus(Qt.FocusReason.OtherFocusReason)

    def _save_failed(self, message: str) -> None:
        self.status.setText(fill(self.tr("Could not save: %1"), message))

    def nextId(self) -> int:
        return ids.FINISH

    def validatePage(self) -> bool:
        """Finish: an edited routine, or one replacing an earlier "my routine", is saved so that
        the home screen shows exactly this routine."""
        if self.edited or self.saved or self.wizard_ref.controller.has_my_routine():
            return self.save()
        return True


def _clear(layout: QBoxLayout) -> None:
    while layout.count():
        layout.takeAt(0)
