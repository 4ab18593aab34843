"""The set-up wizard, a module per page group: safety, answers, preview, and the wizard.

Its pages are loaded on first use (PEP 562): most starts never open the wizard, and the main
window needs only its ids before the first frame.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lowback_timer.ui.wizard.safety import CARE_RESULT
    from lowback_timer.ui.wizard.wizard import SetupWizard

__all__ = ["CARE_RESULT", "SetupWizard"]


def __getattr__(name: str) -> Any:
    if name == "SetupWizard":
        from lowback_timer.ui.wizard.wizard import SetupWizard

        return SetupWizard
    if name == "CARE_RESULT":
        from lowback_timer.ui.wizard.safety import CARE_RESULT

        return CARE_RESULT
    raise AttributeError(name)
