"""The bare reference: a PySide6 window with one label, nothing else. `report.py` runs it as its
own process beside the app, started the same way.

    python benchmarks/bare_window.py [--exit-after-first-frame]

With the flag it quits once its first frame is painted, printing when (as the app's hidden
`--exit-after-first-frame` does); without, it stays open until SIGTERM.
"""

from __future__ import annotations

import signal
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel


class _FirstFrame(QObject):
    """As the app's: once the first paint is flushed, say when (the monotonic clock) and quit."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, _say_first_frame_and_quit)
        return False


def _say_first_frame_and_quit() -> None:
    print(f"first frame at {time.monotonic():.6f}", flush=True)
    QApplication.quit()


def main() -> int:
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # ended from outside, at once
    app = QApplication(sys.argv[:1])
    label = QLabel("Hello")
    if "--exit-after-first-frame" in sys.argv:
        label.installEventFilter(_FirstFrame(label))
    label.show()
    return app.exec()


if __name__ == "__main__":
    raise SystemExit(main())
