"""The safety check: a page for each short group of warning signs, and the advice page for
signs that allow the routine but should be read first. core.screening decides what the answers
mean; the controller records the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from lowback_timer.app.text import fill
from lowback_timer.core.screening import screen
from lowback_timer.ui.style import SPACING, label, scaled_font
from lowback_timer.ui.widgets import CheckRow, laid_out, scrolled
from lowback_timer.ui.wizard import ids

if TYPE_CHECKING:
    from lowback_timer.ui.wizard.wizard import SetupWizard

CARE_RESULT = 2  # the wizard's result code when it closed for the care screen


class GroupPage(QWizardPage):
    """One group of warning signs, all of one tier: its question and its few items, all in
    view, and one choice: "No, none of these" or "Yes", each two keys away at most. "Yes" to a
    group whose tier ends routines goes straight to the care screen; "Yes" to one that allows
    them asks which items apply, since their advice differs."""

    def __init__(self, wizard: SetupWizard, index: int) -> None:
        super().__init__()
        self._wizard = wizard
        self.index = index
        content = wizard.content
        self.group = content.check_groups[index]
        self.signs = content.signs_in(self.group.id)
        self.ends_routine = content.tier(self.group.tier).ends_routine
        count = len(content.check_groups)
        self.setTitle(fill(self.tr("Safety check (%1 of %2)"), index + 1, count))
        self._built = False  # its widgets are made when it is first shown (`_build`)

    def _build(self) -> None:
        """The page's widgets, made once, when it is first needed: the wizard made all nine
        groups' widgets before its first frame; now each as the user reaches it."""
        if self._built:
            return
        self._built = True
        lang = self._wizard.lang
        self.question = label(self.group.question(lang), factor=1.3, bold=True)
        self.items = label("\n".join(f"• {s.text(lang)}" for s in self.signs), factor=1.15)
        # Nothing is chosen for the user. The keyboard starts on "No": Space answers it and
        # goes on; Tab then Space answers "Yes".
        self.no = QPushButton(self.tr("No, none of these"))
        self.yes = QPushButton(self.tr("Yes, at least one of these"))
        for button, answer in ((self.no, False), (self.yes, True)):
            button.setCheckable(True)
            button.setFont(scaled_font(1.2))
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, yes=answer: self.answer(yes))
        self.which = label(self.tr("Which ones? Tick each that applies."), bold=True)
        self.rows = {sign.id: CheckRow(sign.text(lang)) for sign in self.signs}
        for row in self.rows.values():
            row.box.toggled.connect(lambda _checked: self.completeChanged.emit())
        self._lay_out()
        self._chosen()

    def _lay_out(self) -> None:
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, SPACING, 0)
        column.setSpacing(SPACING)
        column.addWidget(self.question)
        column.addWidget(self.items)
        column.addLayout(laid_out(QHBoxLayout(), self.no, self.yes, 1))
        column.addWidget(self.which)
        for row in self.rows.values():
            column.addWidget(row)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body), 1)

    def initializePage(self) -> None:
        self._build()

    def answer(self, yes: bool) -> None:
        """The user's answer; one that needs no detail goes on at once."""
        self._build()
        self.no.setChecked(not yes)
        self.yes.setChecked(yes)
        self._chosen()
        wizard = self.wizard()
        if self.isComplete() and wizard is not None and wizard.currentPage() is self:
            if self.nextId() == ids.FINISH:
                wizard.button(QWizard.WizardButton.FinishButton).click()
            else:
                wizard.next()
        elif yes:
            next(iter(self.rows.values())).box.setFocus(Qt.FocusReason.TabFocusReason)

    def _chosen(self) -> None:
        """After "Yes" to a group that allows routines, its items become check boxes."""
        asks = self.yes.isChecked() and not self.ends_routine and len(self.signs) > 1
        self.items.setVisible(not asks)
        self.which.setVisible(asks)
        for row in self.rows.values():
            row.setVisible(asks)
        self.completeChanged.emit()

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts on the answer: Space or an arrow, then Enter. QWizard shows the
        page again at each tick (completeChanged): the focus stays where it is in the page."""
        super().showEvent(event)
        self._build()
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            (self.yes if self.yes.isChecked() else self.no).setFocus(Qt.FocusReason.TabFocusReason)

    def ticked(self) -> list[str]:
        """The signs this answer counts (all of them for a yes that needs no detail)."""
        if not self._built or not self.yes.isChecked():
            return []
        if self.ends_routine or len(self.signs) == 1:
            return [s.id for s in self.signs]
        return [sign_id for sign_id, row in self.rows.items() if row.box.isChecked()]

    def isComplete(self) -> bool:
        return self._built and (self.no.isChecked() or bool(self.ticked()))

    def nextId(self) -> int:
        if self.index + 1 < len(self._wizard.content.check_groups):
            return ids.group(self.index + 1)
        if self._wizard.check_outcome().has_advice:
            return ids.ADVICE
        return self._wizard.after_check()

    def validatePage(self) -> bool:
        """A yes that ends routines ends the check here; the last group records the result."""
        if self._wizard.closing:  # QWizard.done() validates the page again: let it close
            return True
        last = self.index + 1 == len(self._wizard.content.check_groups)
        if self.ticked() and self.ends_routine:
            self._wizard.close_for_care(self._wizard.check_outcome())
            return False
        if last:
            self._wizard.record_check()
        return True


class AdvicePage(QWizardPage):
    """Signs that allow the routine (tier 3: see a doctor soon; tier 5: the routine is
    adapted): the advice, and each ticked sign's own (what the routine leaves out), first."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Before you start"))
        self.text = label(factor=1.15)
        self.heading = label(factor=1.6, bold=True)
        self.go_on = label(factor=1.1)
        self.note = label(self.tr("This is general information, not a diagnosis."), factor=0.95)
        body = QWidget()
        column = QVBoxLayout(body)
        column.setSpacing(SPACING)
        for widget in (self.heading, self.text, self.go_on, self.note):
            column.addWidget(widget)
        column.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(scrolled(body))

    def initializePage(self) -> None:
        outcome = self._wizard.outcome or screen(self._wizard.content, [])
        lang = self._wizard.lang
        tiers = outcome.tiers
        self.heading.setText(tiers[0].title(lang) if tiers else "")
        parts = []
        for index, tier in enumerate(tiers):
            lines = [] if index == 0 else [tier.title(lang)]
            lines += [tier.action(lang), tier.call(lang)]
            ticked = [
                f"• {s.text(lang)}" + (f"\n  {s.advice(lang)}" if s.advice else "")
                for s in outcome.signs_of(tier.tier)
            ]
            parts.append("\n".join(lines) + "\n\n" + "\n".join(ticked))
        self.text.setText("\n\n".join(parts))
        self.go_on.setText(self._go_on_text(bool(outcome.avoid)))

    def _go_on_text(self, adapted: bool) -> str:
        """After "ask your surgeon first", not a plain "you can go on"."""
        if adapted:
            return self.tr(
                "Your routine leaves out what is said above. Go on only with what your doctor, "
                "surgeon or midwife is happy with, and stop at once if something feels wrong."
            )
        return self.tr(
            "You can go on to the stretches. Move gently and stop at once if something feels wrong."
        )

    def nextId(self) -> int:
        return self._wizard.after_check()
