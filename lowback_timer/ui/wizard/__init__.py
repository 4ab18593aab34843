"""The set-up wizard, a module per page group: safety, answers, preview, and the wizard."""

from lowback_timer.ui.wizard.safety import CARE_RESULT
from lowback_timer.ui.wizard.wizard import SetupWizard

__all__ = ["CARE_RESULT", "SetupWizard"]
