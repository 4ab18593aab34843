"""The safety check: every warning sign as a checklist by tier, and the advice page for signs
that allow the routine but should be read first. core.screening decides what the ticks mean;
the controller records the outcome."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QVBoxLayout, QWidget, QWizardPage

from lowback_timer.core.screening import Outcome, screen
from lowback_timer.ui.style import SPACING, label
from lowback_timer.ui.widgets import CheckRow, link_exclusive, scrolled
from lowback_timer.ui.wizard import ids

if TYPE_CHECKING:
    from lowback_timer.ui.wizard.wizard import SetupWizard

CARE_RESULT = 2  # the wizard's result code when it closed for the care screen


class SafetyPage(QWizardPage):
    """All warning signs as a checklist by tier, and an explicit "None of these"."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._closing = False
        self.setTitle(self.tr("Safety check"))
        intro = label(
            self.tr(
                "Before you stretch: is any of these true for you now? Tick all that apply, "
                "or tick “None of these” at the bottom."
            ),
            factor=1.1,
        )
        self.rows: dict[str, CheckRow] = {}
        body = self._checklist()  # made first: Tab goes through the list, then "None of these"
        self.none_row = CheckRow(self.tr("None of these"), bold=True)
        self.none_row.setObjectName("noneOfThese")
        self.none_row.setStyleSheet(
            "#noneOfThese { border-top: 1px solid palette(mid); padding-top: 6px; }"
        )
        self.none_box = self.none_row.box
        link_exclusive(
            self.none_box, [r.box for r in self.rows.values()], self.completeChanged.emit
        )
        layout = QVBoxLayout(self)
        layout.setSpacing(SPACING // 2)
        layout.addWidget(intro)
        layout.addWidget(scrolled(body), 1)
        layout.addWidget(self.none_row)

    def _checklist(self) -> QWidget:
        content, lang = self._wizard.content, self._wizard.lang
        body = QWidget()
        column = QVBoxLayout(body)
        column.setContentsMargins(0, 0, SPACING, 0)
        column.setSpacing(SPACING // 3)
        for tier in content.tiers:
            signs = [s for s in content.signs if s.tier == tier.tier]
            if not signs:
                continue
            heading = label(tier.heading(lang), factor=1.15, bold=True)
            heading.setContentsMargins(0, SPACING, 0, SPACING // 3)
            column.addWidget(heading)
            for sign in signs:
                row = CheckRow(sign.text(lang))
                self.rows[sign.id] = row
                column.addWidget(row)
        column.addStretch(1)
        return body

    def ticked(self) -> list[str]:
        return [sign_id for sign_id, row in self.rows.items() if row.box.isChecked()]

    def outcome(self) -> Outcome:
        return screen(self._wizard.content, self.ticked())

    def isComplete(self) -> bool:
        return self.none_box.isChecked() or bool(self.ticked())

    def nextId(self) -> int:
        if self.outcome().has_advice:
            return ids.ADVICE
        return self._wizard.after_check()

    def validatePage(self) -> bool:
        if self._closing:  # QWizard.done() validates the page again: let it close
            return True
        outcome = self.outcome()
        self._wizard.outcome = outcome
        self._wizard.controller.record_check(outcome)
        if outcome.routine_allowed:
            return True
        self._closing = True
        try:
            self._wizard.done(CARE_RESULT)
        finally:
            self._closing = False
        self._wizard.care_needed.emit(outcome)
        return False


class AdvicePage(QWizardPage):
    """Tier 3 (and tier 4) signs: the routine is allowed, and the advice is read first."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Before you start"))
        self.text = label(factor=1.15)
        self.heading = label(factor=1.6, bold=True)
        self.go_on = label(
            self.tr(
                "You can go on to the stretches. Move gently and stop at once if something "
                "feels wrong."
            ),
            factor=1.1,
        )
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
            ticked = [f"• {s.text(lang)}" for s in outcome.signs_of(tier.tier)]
            parts.append("\n".join(lines) + "\n\n" + "\n".join(ticked))
        self.text.setText("\n\n".join(parts))

    def nextId(self) -> int:
        return self._wizard.after_check()
