"""Start the GUI: the application object, its language, the controller and the main window."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from lowback_timer.core.content import Content, assets_dir
from lowback_timer.core.language import app_language
from lowback_timer.core.routine import Answers
from lowback_timer.ui.controller import APPLICATION, Controller, open_store, read_settings
from lowback_timer.ui.main_window import MainWindow
from lowback_timer.ui.translations import install_translators


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    open_store()  # names the application, which decides where the settings live
    app.setApplicationDisplayName("Low-back Timer")
    app.setDesktopFileName(APPLICATION)
    app.setWindowIcon(QIcon(str(assets_dir() / "icon.svg")))
    return app


def gui_language(requested: str | None, store: QSettings, content: Content) -> str:
    """--lang, then the language chosen in settings, then the locale: the same rule as the
    command line's (`core.language.app_language`)."""
    stored = read_settings(store, content).language
    system = QLocale.system().name()
    return app_language(requested, stored, os.environ, system, content.languages)


def run_gui(requested_lang: str | None, content: Content, answers: Answers | None) -> int:
    """The app; with `answers` (`lowback-timer session`), their routine starts at once."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    app = application()
    store = open_store()
    lang = gui_language(requested_lang, store, content)
    app.setProperty("translators", install_translators(app, lang))
    controller = Controller(content, lang, store, parent=app)
    window = MainWindow(controller)
    window.show()
    if answers is not None:
        window.start_session(answers)
    else:
        window.start_up()  # the wizard on the first run; the safety check offered when due
    return app.exec()
