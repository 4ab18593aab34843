"""Enter and Return press the focused button, as Space does, on every screen.

Qt presses a focused push button on Enter only inside dialogs (its "auto default" buttons); on the
main window's pages Enter did nothing, and Space was the only key. One application-wide filter
makes Enter click the focused push or tool button everywhere. Everything else keeps Qt's own
meaning for Enter: a line edit or spin box gets the key, and a check box, radio button or type
card leaves it to the dialog, whose default button (the wizard's Next) takes it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QToolButton

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


class EnterClicks(QObject):
    """The filter: Enter on a push or tool button clicks it, once per press (a held key does
    not click again)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in ENTER_KEYS
            and event.modifiers() in _PLAIN
            and isinstance(watched, (QPushButton, QToolButton))
            and watched.isEnabled()
            and watched.isVisible()
            and watched.menu() is None
        ):
            if not event.isAutoRepeat():
                watched.click()
            return True
        return False


def install_enter_clicks(app: QCoreApplication) -> EnterClicks:
    """Install the filter on `app` (once; the same filter comes back the second time)."""
    found = app.findChild(EnterClicks)
    if isinstance(found, EnterClicks):
        return found
    keys = EnterClicks(app)
    app.installEventFilter(keys)
    return keys
