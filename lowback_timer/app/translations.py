"""Qt translators: the app's own .qm and Qt's qtbase (standard buttons, QWizard's Back/Next)."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Iterator

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from lowback_timer.app.controller import read_settings
from lowback_timer.core.content import Content, package_root
from lowback_timer.core.language import app_language

log = logging.getLogger(__name__)


def chosen_language(requested: str | None, store: QSettings, content: Content) -> str:
    """--lang, then the language chosen in settings, then the locale: one rule for the window
    and the commands (`core.language.app_language`)."""
    stored = read_settings(store, content).language
    system = QLocale.system().name()
    return app_language(requested, stored, os.environ, system, content.languages)


@contextlib.contextmanager
def translated(app: QCoreApplication, lang: str) -> Iterator[None]:
    """`lang`'s translators for the time of a command (`plan`, `sheet`), then gone again."""
    translators = install_translators(app, lang)
    try:
        yield
    finally:
        for translator in translators:
            app.removeTranslator(translator)


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install the translators for `lang`; returns them so the caller keeps them alive."""
    QLocale.setDefault(app_locale(lang))
    wanted = [(str(package_root() / "i18n"), f"lowback_timer_{lang}")]
    if lang != "en":  # English needs only the app's plural forms, not Qt's own words
        wanted.append(
            (QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath), f"qtbase_{lang}")
        )
    installed = []
    for folder, name in wanted:
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("translation %s not found in %s; some text stays English", name, folder)
    return installed


def app_locale(lang: str, system: QLocale | None = None) -> QLocale:
    """The locale for numbers, days and times: the system's when it speaks the app's language
    (a British user keeps the 24-hour clock), else that language's own."""
    system = system or QLocale.system()
    language = QLocale(lang).language()
    return system if system.language() == language else QLocale(language)
