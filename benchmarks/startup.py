"""Start-up cost of the GUI: import, content loading and the first shown home screen, and the
peak resident memory. Run: uv run python benchmarks/startup.py
"""

from __future__ import annotations

import os
import resource
import tempfile
import time
from pathlib import Path

START = time.perf_counter()
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings, QTimer  # noqa: E402

from lowback_timer.core.loader import load_content  # noqa: E402
from lowback_timer.ui.app import application  # noqa: E402
from lowback_timer.ui.controller import Controller  # noqa: E402
from lowback_timer.ui.main_window import MainWindow  # noqa: E402


def main() -> int:
    app = application()
    folder = Path(tempfile.mkdtemp())
    store = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("setup_done", True)
    store.setValue("screened_at", time.time())
    window = MainWindow(Controller(load_content(), "en", store, folder))
    window.show()
    QTimer.singleShot(0, app.quit)  # after the first paint
    app.exec()
    shown_ms = (time.perf_counter() - START) * 1000
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"start to first shown home screen: {shown_ms:.0f} ms; peak resident memory "
        f"{rss_mib:.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
