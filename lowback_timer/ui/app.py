"""Start the GUI: the application object, its language and the main window."""

from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from lowback_timer.core.content import Content, assets_dir
from lowback_timer.core.language import pick_language
from lowback_timer.core.routine import Routine
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.settings_store import load_settings
from lowback_timer.ui.translations import install_translators

ORGANIZATION = "lowback-timer"
APPLICATION = "lowback-timer"


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("Low-back Timer")
    app.setDesktopFileName(APPLICATION)
    app.setWindowIcon(QIcon(str(assets_dir() / "icon.svg")))
    return app


def gui_language(requested: str | None, store: QSettings) -> str:
    """--lang, then the language chosen in settings, then the system's."""
    chosen = requested or load_settings(store).language or None
    return pick_language(chosen, QLocale.system().name())


def run_gui(requested_lang: str | None, content: Content, routine: Routine | None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    store = QSettings()
    lang = gui_language(requested_lang, store)
    app.setProperty("translators", install_translators(app, lang))
    window = MainWindow(content, lang, store)
    window.show()
    if routine is not None:
        window.set_routine(routine)
        window.start_routine()
    else:
        window.start_up()  # the wizard on the first run; the safety check offered when due
    return app.exec()
