"""The wizard's page ids (QWizard's `nextId` values). The safety check is one page a group of
warning signs, from SAFETY on, in the content's order."""

# The wizard's modes: the first run (from the welcome page), changing the answers, the check.
SETUP, ANSWERS, CHECK = "setup", "answers", "check"

WELCOME, ADVICE, TYPE, PLACE, PREVIEW = range(5)
SAFETY = 100  # the first group of the safety check; group n is SAFETY + n
FINISH = -1  # QWizard: no next page


def group(index: int) -> int:
    return SAFETY + index
