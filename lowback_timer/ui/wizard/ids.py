"""The wizard's page ids, in the order a first run meets them (QWizard's `nextId` values)."""

WELCOME, SAFETY, ADVICE, TYPE, PLACE, PREVIEW = range(6)
FINISH = -1  # QWizard: no next page
